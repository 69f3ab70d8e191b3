"""A syndicated copy is linked to its first copy whether it comes in the same run, a later run, or from another
writer: the near-duplicate index lives in the store."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from sqlalchemy import delete, select
from typer.testing import CliRunner

from tests.store_fixtures import NEWS, stored_report_count
from treve.cli import app
from treve.config import Settings
from treve.pipeline import Pipeline
from treve.records import Article, RawItem
from treve.store.repository import Store, StoreRules, open_store
from treve.store.schema import ArticleRow, ArticleSignatureRow, CopyKeyRow

runner = CliRunner()

ORIGINAL = {
    **NEWS["kharkiv"],
    "text": NEWS["kharkiv"]["text"]
    + "\n\nThe governor said the drone was one of twelve launched overnight, most of them shot down by air "
    "defences over the region. Power was cut to about 2,000 homes, and schools in two districts moved classes "
    "online for the rest of the week.",
}
SYNDICATED = {
    **ORIGINAL,
    "title": "Drone hits energy site near Kharkiv, three hurt",
    "url": "https://mirror.example.invalid/world/kharkiv-strike",
    "text": ORIGINAL["text"] + " Officials gave no estimate of the cost of the damage.",
}


def write_jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


def read(pipeline: Pipeline, record: dict[str, str]) -> Article:
    """The article a fresh run makes of one JSON Lines record."""
    return pipeline.process(RawItem(path="news.jsonl", record=1, format="jsonl", **record))


def links(store: Store) -> dict[str, str | None]:
    with store.engine.connect() as connection:
        return dict(connection.execute(select(ArticleRow.url, ArticleRow.duplicate_of)).all())


def ids(store: Store) -> dict[str, str]:
    with store.engine.connect() as connection:
        return dict(connection.execute(select(ArticleRow.url, ArticleRow.id)).all())


def test_a_copy_ingested_in_a_later_run_is_linked_to_its_first_copy_and_adds_no_event(
    store_url: str, tmp_path: Path
) -> None:
    first_run = runner.invoke(app, ["ingest", str(write_jsonl(tmp_path / "a.jsonl", ORIGINAL)), "--db", store_url])
    assert first_run.exit_code == 0, first_run.output
    with open_store(store_url) as store:
        reports = stored_report_count(store)
    assert reports > 0
    later = runner.invoke(app, ["ingest", str(write_jsonl(tmp_path / "b.jsonl", SYNDICATED)), "--db", store_url])
    assert later.exit_code == 0, later.output
    with open_store(store_url) as store:
        original_id = ids(store)[ORIGINAL["url"]]
        assert links(store) == {ORIGINAL["url"]: None, SYNDICATED["url"]: original_id}
        assert stored_report_count(store) == reports


def test_copies_from_two_writers_that_never_saw_each_other_are_linked_when_stored(
    store: Store, pipeline_factory, tmp_path: Path
) -> None:
    """Two workers each read one copy as a first copy; the store links the second it is given to the first."""
    first, copy = (read(pipeline_factory(), record) for record in (ORIGINAL, SYNDICATED))
    assert first.duplicate_of is None and copy.duplicate_of is None and copy.events
    assert store.save([first]) == 1
    assert store.save([copy]) == 1
    assert links(store) == {ORIGINAL["url"]: None, SYNDICATED["url"]: first.id}
    assert stored_report_count(store) == len(first.events)


def test_two_writers_storing_copies_at_once_keep_one_first_copy(
    store_url: str, pipeline_factory, tmp_path: Path
) -> None:
    articles: list[Article] = [read(pipeline_factory(), record) for record in (ORIGINAL, SYNDICATED)]
    with open_store(store_url) as store:
        pass
    start = threading.Barrier(len(articles))

    def write(article: Article) -> None:
        with open_store(store_url) as writer:
            start.wait()
            writer.save([article])

    threads = [threading.Thread(target=write, args=(article,)) for article in articles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open_store(store_url) as store:
        stored = links(store)
    assert sorted(stored.values(), key=str) == sorted([None, ids_of(articles, stored)], key=str)


def ids_of(articles: list[Article], stored: dict[str, str | None]) -> str:
    """The id of the copy stored as the first copy."""
    [first] = [article.id for article in articles if stored[article.url or ""] is None]
    return first


def test_a_store_from_before_the_copy_index_indexes_its_first_copies_when_opened(
    store_url: str, pipeline_factory, tmp_path: Path, settings: Settings
) -> None:
    first = read(pipeline_factory(), ORIGINAL)
    with open_store(store_url) as store:
        store.save([first])
        with store.engine.begin() as connection:
            connection.execute(delete(CopyKeyRow))
            connection.execute(delete(ArticleSignatureRow))
    copy = read(pipeline_factory(), SYNDICATED)
    with open_store(store_url, StoreRules.from_settings(settings)) as store:
        store.save([copy])
        assert links(store)[SYNDICATED["url"]] == first.id
