"""`treve ingest --workers N` and `--scheduler ADDRESS` store what the same command stores in one process: the same
articles, copies and events, on SQLite (written by this process) and PostgreSQL (written by the workers)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster
from sqlalchemy import func, select
from typer.testing import CliRunner

from tests.store_fixtures import NEWS, write_news
from treve.cli import app
from treve.distribute import StoredSnapshot
from treve.stages.identity import content_id
from treve.store.repository import open_store
from treve.store.schema import ArticleRow, CanonicalEventRow, EventReportRow

runner = CliRunner()


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A real two-worker cluster kept for this module's tests: its workers load the models once."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def corpus(folder: Path) -> list[str]:
    """The four stories, a syndicated copy of one, an exact copy of another, and a file that is not news."""
    paths = [str(path) for path in write_news(folder)]
    copy = {
        **NEWS["sudan"],
        "url": "https://mirror.example.invalid/sudan",
        "text": NEWS["sudan"]["text"] + " More soon.",
    }
    (folder / "copy.jsonl").write_text(json.dumps(copy) + "\n" + json.dumps(NEWS["mali"]) + "\n", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"title": "no body"}\n', encoding="utf-8")
    return [*paths, str(folder / "copy.jsonl"), str(folder / "broken.jsonl")]


def contents(url: str) -> tuple[list[tuple[str, bool]], list[tuple[str, str]], int]:
    """Each stored article (url, whether a copy), each report (article url, type), and the canonical events."""
    with open_store(url) as store, store.engine.connect() as connection:
        articles = sorted(
            (u, d is not None) for u, d in connection.execute(select(ArticleRow.url, ArticleRow.duplicate_of))
        )
        reports = sorted(
            connection.execute(
                select(ArticleRow.url, EventReportRow.event_type).join(
                    ArticleRow, ArticleRow.id == EventReportRow.article_id
                )
            ).all()
        )
        canonical = connection.scalar(select(func.count()).select_from(CanonicalEventRow)) or 0
    return articles, reports, canonical


def summary(*args: str) -> str:
    result = runner.invoke(app, ["ingest", *args])
    assert result.exit_code == 0, result.output
    return result.stderr.splitlines()[-1]


def test_a_cluster_stores_what_one_process_stores(store_url: str, scheduler: str, tmp_path: Path) -> None:
    paths = corpus(tmp_path / "news")
    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    one_process = summary(*paths, "--db", alone)
    on_cluster = summary(*paths, "--db", store_url, "--scheduler", scheduler)
    assert on_cluster.split(": ", 1)[1] == one_process.split(": ", 1)[1]
    assert on_cluster.startswith(f"{store_url}: 5 articles stored (") and on_cluster.endswith(
        "1 already there, 1 errors"
    )
    assert contents(store_url) == contents(alone)
    articles, _, _ = contents(store_url)
    assert sum(copy for _, copy in articles) == 1  # the syndicated copy; the exact copy is not stored twice


def test_a_cluster_run_again_reads_nothing_already_stored(store_url: str, scheduler: str, tmp_path: Path) -> None:
    first, *rest = write_news(tmp_path / "news")
    summary(str(first), "--db", store_url)
    again = summary(str(first), *map(str, rest), "--db", store_url, "--scheduler", scheduler)
    assert again.startswith(f"{store_url}: {len(rest)} articles stored (")
    assert again.endswith("1 already there, 0 errors")
    assert len(contents(store_url)[0]) == 1 + len(rest)


def test_workers_start_a_local_cluster_and_print_its_dashboard(tmp_path: Path) -> None:
    [path] = write_news(tmp_path / "news", ["kharkiv"])
    result = runner.invoke(app, ["ingest", str(path), "--db", f"sqlite:///{tmp_path / 't.db'}", "--workers", "1"])
    assert result.exit_code == 0, result.output
    first, *_, last = result.stderr.splitlines()
    assert first.startswith("Dask dashboard: http://127.0.0.1:") and first.endswith("/status")
    assert last.endswith(": 1 articles stored (1 events), 0 already there, 0 errors")


def test_a_scheduler_that_cannot_be_reached_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", f"sqlite:///{tmp_path / 't.db'}",
                                 "--scheduler", "tcp://127.0.0.1:1"])  # fmt: skip
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:1 (")


def test_workers_and_scheduler_together_are_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: give --workers (a cluster started here) or --scheduler")


def test_a_snapshot_of_stored_ids_holds_exactly_them() -> None:
    stored = [content_id(f"story number {n}") for n in range(1000)] + ["hand-made-id"]
    snapshot = StoredSnapshot(stored)
    assert all(snapshot.holds(article_id) for article_id in stored)
    assert not any(snapshot.holds(content_id(f"another story {n}")) for n in range(1000))
    assert not snapshot.holds("not-hex") and not snapshot.holds("")
