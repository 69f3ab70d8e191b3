"""Given a batch mixing every kind of bad input with good stories, each bad item gives one error and
the good stories all come out."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from treve.cli import app
from treve.errors import InputError
from treve.stages.decode import decode_bytes

STORY = (
    "Les combats ont repris dans la nuit de lundi à mardi près de la frontière, a annoncé le ministère "
    "de la Défense, qui fait état de trois soldats blessés.\n\nUn cessez-le-feu était en vigueur depuis mai."
)


def write_batch(folder: Path) -> dict[str, str]:
    """Write one file per bad case and two good ones; return file name → expected words of the reason."""
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "good_cp1252.txt").write_bytes(STORY.replace("nuit", "soirée").encode("cp1252"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "huge.txt").write_bytes(b"La guerre continue. " * (11_000_000 // 20))
    (folder / "broken_utf8.txt").write_bytes(STORY.encode("utf-8")[:60] + b"\xff\xfe" + STORY.encode("utf-8")[60:])
    (folder / "no_body.html").write_bytes(b"<html><head><title>Titre</title></head><body></body></html>")
    (folder / "truncated.html.gz").write_bytes(gzip.compress(f"<html><body><p>{STORY}</p>".encode())[:-30])
    (folder / "lines.jsonl").write_text(json.dumps({"text": STORY + " Bis."}) + "\n{not json\n", encoding="utf-8")
    (folder / "bad.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\nxx\r\n\r\n")
    return {
        "empty.txt": "empty",
        "image.txt": "PNG",
        "huge.txt": "limit",
        "broken_utf8.txt": "invalid UTF-8",
        "no_body.html": "no article text",
        "truncated.html.gz": "truncated",
        "lines.jsonl": "not valid JSON",
        "bad.warc": "WARC",
    }


def test_every_bad_item_gives_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    expected = write_batch(tmp_path)
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    errors = {Path(error["path"]).name: error for error in output["errors"]}
    assert set(errors) == set(expected)
    for name, words in expected.items():
        reason = errors[name]["reason"]
        assert words in reason and "\n" not in reason, reason
    assert errors["lines.jsonl"]["record"] == 2
    good = {Path(article["path"]).name for article in output["articles"]}
    assert good == {"good.txt", "good_cp1252.txt", "lines.jsonl"}
    cp1252 = next(a for a in output["articles"] if a["path"].endswith("good_cp1252.txt"))
    assert "soirée de lundi à mardi près de la frontière" in cp1252["text"]


def test_nothing_readable_exits_non_zero_with_every_error_listed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["errors"]) == 2


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "L’armée a « repoussé » l’attaque près de Kidal, selon l’état-major."),
        ("latin-1", "Les forces armées ont annoncé un cessez-le-feu à Gao, a précisé un élu."),
        ("cp1251", "Министерство обороны объявило о прекращении огня в регионе во вторник."),
        ("utf-16", "Le ministère a démenti toute présence militaire à la frontière."),
    ],
)
def test_common_encodings_decode_to_the_same_words(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_a_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    text = "Réunion à Genève : les négociateurs évoquent une trêve."
    assert decode_bytes(text.encode("iso-8859-15"), declared_encoding="ISO-8859-15") == text


def test_corrupt_utf8_is_refused_rather_than_guessed() -> None:
    with pytest.raises(InputError, match=r"story.txt: invalid UTF-8 at byte 9 .*re-save it as UTF-8"):
        decode_bytes("Défense ".encode() + b"\xc3(", where="story.txt")


def test_a_publication_date_that_is_not_a_date_is_left_out_with_a_warning_and_the_story_kept(tmp_path: Path) -> None:
    feed = tmp_path / "items.jsonl"
    feed.write_text(json.dumps({"text": STORY, "published": "la semaine passée"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--no-events", "--format", "jsonl", str(feed)])
    [article] = [json.loads(line) for line in result.stdout.splitlines()]
    assert article["published"] is None
    assert article["warnings"] == [
        f"{feed}:1: the publication date 'la semaine passée' is not a date (ISO 8601 or RFC 2822) and was left "
        "out; fix it, or give --published"
    ]


def test_stray_bytes_in_english_text_are_replaced_and_said_not_decoded_as_a_foreign_code_page() -> None:
    story = b"Rebels attacked an army post near the border on Monday, killing three soldiers, officials said. " * 3
    warnings: list[str] = []
    text = decode_bytes(story[:120] + b"\x81" + story[120:200] + b"\x8d" + story[200:], warnings=warnings)
    assert text.replace("\ufffd", "") == story.decode("ascii") and text.count("\ufffd") == 2
    assert len(warnings) == 1 and "2 stray bytes that no text encoding fits" in warnings[0]


def test_a_few_windows_1252_quotes_in_english_text_are_quotes() -> None:
    story = b"The minister said the \x93ceasefire is holding\x94 on Monday, officials said. " * 4
    assert decode_bytes(story).count("\u201cceasefire is holding\u201d") == 4
