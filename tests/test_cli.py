"""Given the sample articles, `treve extract` prints every article and every error, in each format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from treve.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

runner = CliRunner()


def extract(*args: str, stdin: bytes | None = None):
    return runner.invoke(app, ["extract", *args], input=stdin)


def test_the_examples_folder_gives_one_article_per_story() -> None:
    result = extract(str(EXAMPLES))
    assert result.exit_code == 0, result.output
    output = json.loads(result.stdout)
    assert output["errors"] == []
    by_name = {Path(a["path"]).name + (f":{a['record']}" if a["record"] else ""): a for a in output["articles"]}
    assert set(by_name) == {
        "en_sudan_page.html",
        "en_sudan_syndicated.txt",
        "en_ukraine_wire.txt",
        "en_truce_wire.txt",
        "en_truce_violation.txt",
        "fr_mali_scrape.txt",
        "fr_wire.rss:1",
        "fr_wire.rss:2",
        "en_items.jsonl:1",
        "en_items.jsonl:2",
    }
    languages = {name: article["language"] for name, article in by_name.items()}
    assert {languages[n] for n in by_name if "fr_" in n} == {"fr"}
    assert {languages[n] for n in by_name if "en_" in n} == {"en"}
    page, syndicated = by_name["en_sudan_page.html"], by_name["en_sudan_syndicated.txt"]
    # Name order puts the page first: the syndicated copy under another header points at it.
    assert page["duplicate_of"] is None and syndicated["duplicate_of"] == page["id"]
    assert page["title"] == "Sudan: army and RSF clash in North Darfur, at least 15 civilians killed"
    assert (page["published"][:10], page["published_source"]) == ("2024-05-11", "metadata")
    assert "cookies" not in page["text"] and "Most read" not in page["text"]
    feed_item = by_name["fr_wire.rss:1"]
    assert feed_item["title"].startswith("RDC")
    assert (feed_item["published"], feed_item["published_source"]) == ("2024-02-06T09:30:00Z", "metadata")
    mali = by_name["fr_mali_scrape.txt"]
    assert sorted({removal["reason"] for removal in mali["removed"]}) == [
        "counter",
        "duplicated-phrase",
        "publisher-stamp",
        "related-link",
        "share-line",
        "title-line",
    ]


def test_published_option_fills_only_items_without_a_date(seed_path: Path) -> None:
    output = json.loads(extract(str(seed_path), str(EXAMPLES / "feeds"), "--published", "2022-09-13").stdout)
    dates = {Path(a["path"]).name: (a["published"][:10], a["published_source"]) for a in output["articles"]}
    assert dates["article_fr.txt"] == ("2022-09-13", "option")
    assert dates["en_items.jsonl"] == ("2024-07-03", "metadata")


def test_standard_input_is_read_with_a_dash() -> None:
    story = (EXAMPLES / "en_ukraine_wire.txt").read_bytes()
    output = json.loads(extract("-", stdin=story).stdout)
    assert [a["title"] for a in output["articles"]] == [
        "Drone strike hits power station in eastern Ukraine, two workers injured"
    ]
    assert output["articles"][0]["path"] == "-"


def test_jsonl_streams_one_article_per_line_and_errors_apart(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "story.txt").write_bytes((EXAMPLES / "en_ukraine_wire.txt").read_bytes())
    completed = subprocess.run(
        [sys.executable, "-m", "treve.cli", "extract", str(tmp_path), "--format", "jsonl"],
        capture_output=True,
        check=False,
    )
    assert completed.returncode == 0
    lines = completed.stdout.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["language"] == "en"
    error = json.loads(completed.stderr.decode().strip().splitlines()[-1])
    assert Path(error["path"]).name == "empty.txt"


def test_exit_status_fails_only_when_nothing_was_read_or_when_strict(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    story = EXAMPLES / "en_ukraine_wire.txt"
    assert extract(str(empty)).exit_code == 1
    assert extract(str(empty), str(story)).exit_code == 0
    assert extract(str(empty), str(story), "--strict").exit_code == 1


def test_a_wrong_published_date_is_a_usage_error() -> None:
    result = extract(str(EXAMPLES), "--published", "13/09/2022")
    assert result.exit_code == 2
    assert "use YYYY-MM-DD" in result.output


def test_table_format_lists_titles() -> None:
    result = extract(str(EXAMPLES / "fr_mali_scrape.txt"), "--format", "table")
    assert result.exit_code == 0
    assert "Mali" in result.stdout
