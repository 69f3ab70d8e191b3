"""Given a JSON Lines file, each non-blank line is one item numbered by its line, and a bad line costs
only itself."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from treve.ingest import read_inputs
from treve.records import ItemError, RawItem


def write_lines(path: Path, *lines: str | bytes) -> Path:
    path.write_bytes(b"\n".join(line.encode() if isinstance(line, str) else line for line in lines) + b"\n")
    return path


def read(path: Path, **options: int) -> list[RawItem | ItemError]:
    return list(read_inputs([str(path)], **options))


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_text_and_html_lines_become_items_with_their_metadata(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "items.jsonl",
        line(
            text="Fighting resumed.",
            title="Clashes",
            url="https://x.invalid/1",
            published="2024-07-02",
            source="Wire",
            language="en",
        ),
        line(html="<p>Talks resumed.</p>", title="Talks"),
    )
    text_item, html_item = read(path)
    assert text_item == RawItem(
        path=str(path),
        record=1,
        format="text",
        text="Fighting resumed.",
        title="Clashes",
        url="https://x.invalid/1",
        published="2024-07-02",
        source="Wire",
        language="en",
    )
    assert html_item == RawItem(path=str(path), record=2, format="html", html="<p>Talks resumed.</p>", title="Talks")


def test_blank_lines_are_skipped_but_still_counted(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", "", line(text="one"), "   ", line(text="two"))
    assert [item.record for item in read(path)] == [2, 4]


def test_a_line_that_is_not_json_is_one_error_and_the_other_lines_go_on(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", line(text="one"), '{"text": "broken', line(text="three"))
    first, error, third = read(path)
    assert isinstance(first, RawItem) and isinstance(third, RawItem) and third.record == 3
    assert isinstance(error, ItemError) and error.record == 2
    assert error.reason.startswith(f"{path}:2: the line is not valid JSON (Unterminated string")
    assert error.reason.endswith("fix or remove it — JSON Lines needs one JSON object per line")


def test_a_json_line_that_is_not_an_object_is_one_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", line(text="one"), '["a", "list"]', '"a string"')
    _, array, string = read(path)
    assert isinstance(array, ItemError) and array.reason == (
        f'{path}:2: the line is an array, not an object; each line must be a JSON object with a "text" or "html" field'
    )
    assert isinstance(string, ItemError) and "the line is a string, not an object" in string.reason


def test_a_line_without_text_or_html_is_one_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", line(title="Only a title", url="https://x.invalid/"), line(text=" "))
    errors = read(path)
    assert [type(error) for error in errors] == [ItemError, ItemError]
    assert errors[0].reason == f'{path}:1: the line has no article body; give it in a "text" or "html" field'


def test_text_wins_when_a_line_has_both_bodies_and_empty_text_falls_back_to_html(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", line(text="plain", html="<p>x</p>"), line(text="", html="<p>y</p>"))
    both, html_only = read(path)
    assert isinstance(both, RawItem) and (both.format, both.text, both.html) == ("text", "plain", None)
    assert isinstance(html_only, RawItem) and (html_only.format, html_only.html) == ("html", "<p>y</p>")


def test_a_field_of_the_wrong_type_is_one_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", line(text="x", title=["a"]), line(text="x", published=1719900000))
    error, numeric_date = read(path)
    assert isinstance(error, ItemError) and '"title" must be a string, not an array; fix the line' in error.reason
    assert isinstance(numeric_date, RawItem) and numeric_date.published == "1719900000"


def test_a_line_of_invalid_utf8_is_one_error(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", line(text="one"), b'{"text": "caf\xe9"}', line(text="three"))
    results = read(path)
    assert [type(result) for result in results] == [RawItem, ItemError, RawItem]
    assert results[1].reason == f"{path}:2: invalid UTF-8 at byte 13 of the line; re-save the file as UTF-8"


def test_a_line_over_the_limit_is_one_error_and_the_next_line_is_read(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", line(text="x" * 5000), line(text="short"))
    error, item = read(path, max_item_bytes=1000)
    assert isinstance(error, ItemError) and error.record == 1
    assert "a line of 5,012 bytes, over the 1,000-byte limit for one item (max_item_bytes)" in error.reason
    assert isinstance(item, RawItem) and (item.record, item.text) == (2, "short")


def test_the_file_size_is_not_limited_only_each_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", *[line(text=f"story {n} " + "word " * 50) for n in range(100)])
    assert path.stat().st_size > 10_000
    assert len(read(path, max_item_bytes=1000)) == 100


def test_a_byte_order_mark_and_crlf_line_ends_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line(text="one").encode() + b"\r\n" + line(text="two").encode() + b"\r\n")
    assert [item.text for item in read(path)] == ["one", "two"]


def test_json_lines_is_told_by_content_under_any_name_and_gzipped(tmp_path: Path) -> None:
    path = tmp_path / "export.txt.gz"
    path.write_bytes(gzip.compress((line(text="one") + "\n").encode()))
    [item] = read(path)
    assert isinstance(item, RawItem) and (item.record, item.text) == (1, "one")


def test_a_jsonl_named_file_with_a_bad_first_line_still_reads_its_other_lines(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "items.jsonl", "oops, not json", line(text="two"))
    error, item = read(path)
    assert isinstance(error, ItemError) and error.record == 1 and isinstance(item, RawItem)


def test_a_pretty_printed_json_document_is_one_error_saying_how_to_convert_it(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(json.dumps({"text": "one"}, indent=2))
    [error] = read(path)
    assert isinstance(error, ItemError) and "a multi-line JSON document, not JSON Lines" in error.reason
    assert "jq -c" in error.reason


def test_a_json_array_is_one_error_saying_how_to_convert_it(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"text": "one"}, {"text": "two"}]))
    [error] = read(path)
    assert isinstance(error, ItemError) and "a JSON array, not JSON Lines" in error.reason
