"""`treve ingest` stores what `treve extract` finds; `treve events` gives the stored events back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from tests.store_fixtures import stored_article_ids, write_news
from treve.cli import app
from treve.stages.events import EventCoder
from treve.store.repository import open_store
from treve.store.schema import ArticleRow

runner = CliRunner()


def treve(*args: str):
    return runner.invoke(app, list(args))


def test_ingest_stores_english_and_french_news_and_events_gives_their_events_back(
    store_url: str, tmp_path: Path
) -> None:
    write_news(tmp_path / "news")
    result = treve("ingest", str(tmp_path / "news"), str(tmp_path / "lost.jsonl"), "--db", store_url)
    assert result.exit_code == 0, result.output
    *errors, summary = result.stderr.splitlines()
    assert errors == [f"error: {tmp_path / 'lost.jsonl'}: no such file or directory; check the path (use '-' for "
                      "standard input)"]  # fmt: skip
    assert summary.startswith(f"{store_url}: 4 articles stored (") and summary.endswith("0 already there, 1 errors")
    with open_store(store_url) as store, store.engine.connect() as connection:
        article_by_url = dict(connection.execute(select(ArticleRow.url, ArticleRow.id)).all())
        languages = set(connection.scalars(select(ArticleRow.language)))
    assert languages == {"en", "fr"}

    listed = treve("events", "--db", store_url)
    assert listed.exit_code == 0, listed.output
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert f"({len(records)} events)" in summary
    assert {record["id"].rsplit("-", 1)[0] for record in records} <= set(article_by_url.values())

    for country, story in [("UKR", "kharkiv"), ("MLI", "mali")]:
        found = treve("events", "--db", store_url, "--country", country).stdout.splitlines()
        assert found, f"the {story} story's events are filed under {country}"
        story_id = article_by_url[f"https://example.invalid/{story}"]
        assert {json.loads(line)["id"].rsplit("-", 1)[0] for line in found} == {story_id}


def test_a_batch_run_again_reads_only_the_articles_not_yet_stored(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = write_news(tmp_path / "news", ["kharkiv", "mali"])
    assert treve("ingest", str(first), "--db", store_url).exit_code == 0
    read: list[str] = []
    reading = EventCoder.__call__
    monkeypatch.setattr(
        EventCoder, "__call__", lambda coder, article: read.append(article.path) or reading(coder, article)
    )
    again = treve("ingest", str(first), str(second), "--db", store_url)
    assert again.exit_code == 0, again.output
    assert read == [str(second)]  # the stored one is recognised before its events are read
    assert again.stderr.splitlines()[-1].endswith("1 already there, 0 errors")


def test_ingesting_the_same_news_again_adds_nothing(store_url: str, tmp_path: Path) -> None:
    [news] = write_news(tmp_path / "news", ["kharkiv"])
    assert treve("ingest", str(news), "--db", store_url).exit_code == 0
    again = treve("ingest", str(news), "--db", store_url)
    assert again.exit_code == 0
    assert again.stderr.splitlines()[-1] == f"{store_url}: 0 articles stored (0 events), 1 already there, 0 errors"
    with open_store(store_url) as store:
        assert len(stored_article_ids(store)) == 1


def test_a_store_that_cannot_be_opened_stops_ingest_with_one_line_before_any_reading(tmp_path: Path) -> None:
    url = "postgresql+psycopg://treve:s3cret@127.0.0.1:1/treve"
    result = treve("ingest", str(tmp_path), "--db", url)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: postgresql+psycopg://treve:***@127.0.0.1:1/treve: cannot open the store (")
    assert "s3cret" not in line


def test_the_store_is_treve_db_in_the_working_directory_unless_treve_db_names_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert treve("events").exit_code == 0
    assert (tmp_path / "treve.db").is_file()
    monkeypatch.setenv("TREVE_DB", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    assert treve("events").exit_code == 0
    assert (tmp_path / "elsewhere.db").is_file()


@pytest.mark.parametrize(
    ("option", "says"),
    [
        (["--country", "Sudan"], "error: --country 'Sudan' is not an ISO 3166 alpha-3 code; use e.g. SDN for Sudan"),
        (["--type", "BATTLE"], "error: --type 'BATTLE' is no PLOVER event type; use one of AGREE, CONSULT,"),
        (["--since", "May 2024"], "error: --since 'May 2024' is not a date; use YYYY-MM-DD"),
        (["--format", "parquet"], "error: parquet is a binary file format; give --output FILE.parquet"),
    ],
)
def test_a_query_treve_cannot_run_is_one_line_saying_what_to_give(option: list[str], says: str, tmp_path: Path) -> None:
    result = treve("events", "--db", f"sqlite:///{tmp_path / 'treve.db'}", *option)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(says)
