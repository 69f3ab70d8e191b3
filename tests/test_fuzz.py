"""Given any bytes in any file, expect every reader and the cleaner to give articles or one-line errors, never a
crash: property tests with hypothesis. The suite runs a bounded number of cases (well under a minute);
`make fuzz` runs the same properties for about an hour (TREVE_FUZZ=<cases per property>, the `fuzz` profile).
Every failure they find becomes a regression test of its own.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treve.errors import InputError
from treve.ingest import read_inputs
from treve.records import ItemError, RawItem
from treve.resources.debris import load_debris_lexicon
from treve.stages.clean import Cleaner, clean_scraped_text

settings.register_profile(
    "suite", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("TREVE_FUZZ") or 1),  # how many cases each property runs
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
settings.load_profile("fuzz" if os.environ.get("TREVE_FUZZ") else "suite")

NAMES = ("story.txt", "page.html", "items.jsonl", "feed.xml", "crawl.warc", "story.txt.gz", "noname")
STORY = "Fighting resumed near the border on Monday, officials said.\n\nThree soldiers were hurt."
LIMIT = 20_000  # a small item limit, so that over-limit paths are reached too

# Inputs that look like the formats treve reads, with damage: cut, spliced with random bytes, nested.
fragments = st.sampled_from(
    [
        b"<html><body><p>",
        b"</p></body></html>",
        b'<?xml version="1.0"?><rss><channel><item><description>',
        b"</description></item></channel></rss>",
        b"<!DOCTYPE rss [<!ENTITY e 'x'>]>",
        b'{"text": "',
        b'", "published": "not a date"}\n',
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\n",
        b"\x00",
        b"\x1b[2J",
        b"\xff\xfe",
        b"\x93quoted\x94",
        b"<div>" * 300,
        STORY.encode(),
    ]
)
shaped = st.lists(st.one_of(fragments, st.binary(max_size=64)), max_size=12).map(b"".join)


def _check_results(results: list[RawItem | ItemError]) -> None:
    assert results, "every input gives an article or an error"
    for result in results:
        assert isinstance(result, RawItem | ItemError)
        if isinstance(result, ItemError):
            assert result.reason and "\n" not in result.reason
            assert not any(ord(char) < 0x20 or ord(char) == 0x7F for char in result.reason)


def _read_and_clean(path: Path) -> None:
    results = list(read_inputs([str(path)], max_item_bytes=LIMIT))
    _check_results(results)
    cleaner = Cleaner()
    for item in results:
        if isinstance(item, RawItem):
            try:
                article = cleaner(item)
            except InputError as error:
                assert str(error) and "\n" not in str(error)
            else:
                assert article.text.strip()


@given(data=st.one_of(st.binary(max_size=2_000), shaped), name=st.sampled_from(NAMES), zipped=st.booleans())
def test_any_bytes_in_any_file_give_articles_or_one_line_errors(
    tmp_path_factory: object, data: bytes, name: str, zipped: bool
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")  # type: ignore[attr-defined]
    path = folder / (name + (".gz" if zipped and not name.endswith(".gz") else ""))
    path.write_bytes(gzip.compress(data) if zipped or name.endswith(".gz") else data)
    _read_and_clean(path)


@given(lines=st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)), max_size=8))
def test_json_lines_with_any_damage_cost_only_the_damaged_lines(tmp_path_factory: object, lines: list[bytes]) -> None:
    good = json.dumps({"text": STORY}).encode()
    path = tmp_path_factory.mktemp("fuzz") / "items.jsonl"  # type: ignore[attr-defined]
    path.write_bytes(b"\n".join([good, *(line.replace(b"\n", b" ") for line in lines), good]) + b"\n")
    results = list(read_inputs([str(path)], max_item_bytes=LIMIT))
    _check_results(results)
    assert isinstance(results[0], RawItem) and isinstance(results[-1], RawItem)


@given(text=st.text(max_size=3_000), title=st.one_of(st.none(), st.text(max_size=80)), lines=st.booleans())
def test_the_cleaner_keeps_offsets_true_for_any_text(text: str, title: str | None, lines: bool) -> None:
    cleaned = clean_scraped_text(text, lexicon=load_debris_lexicon(), known_title=title, lines_are_paragraphs=lines)
    for removal in cleaned.removed:
        assert 0 <= removal.start <= removal.end <= len(text)
        assert text[removal.start : removal.end] == removal.text
