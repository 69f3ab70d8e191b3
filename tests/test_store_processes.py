"""Real `treve ingest` processes: one killed half-way, two writing at once; each article ends up stored once."""

from __future__ import annotations

import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.store_fixtures import (
    ENGLISH_NEWS,
    NEWS,
    PostgresUnavailable,
    fresh_postgres_database,
    postgres_cluster,
    stored_article_ids,
    write_news,
)
from treve.cli import app
from treve.store.repository import open_store

TREVE = Path(sys.executable).with_name("treve")
LANGUAGES = ("--languages", "en,fr")  # fewer language models to load: the processes start sooner
HANG_GUARD_SECONDS = 600  # only so that a broken build fails instead of hanging; nothing here is timed
SUMMARY = re.compile(r": (\d+) articles stored \(\d+ events\), (\d+) already there, 0 errors$")


def wait_until(condition: Callable[[], bool], process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while not condition():
        assert process.poll() is None, f"treve ingest ended early: {log.read_text(errors='replace')}"
        assert time.monotonic() < deadline, f"treve ingest is stuck: {log.read_text(errors='replace')}"
        time.sleep(0.1)


def test_a_batch_killed_half_way_and_run_again_stores_every_article_once(store_url: str, tmp_path: Path) -> None:
    first, second = write_news(tmp_path / "news", ENGLISH_NEWS)
    # The second input is a named pipe that nobody writes to: the batch blocks there, after committing the
    # first article and before the second, however fast or slow the machine is; that is when it dies.
    second.unlink()
    os.mkfifo(second)
    log = tmp_path / "killed.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen([TREVE, "ingest", first, second, "--db", store_url, *LANGUAGES], stderr=stderr)
    with open_store(store_url) as store:
        try:
            wait_until(lambda: len(stored_article_ids(store)) == 1, process, log)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
        assert process.returncode == -signal.SIGKILL

        second.unlink()
        write_news(second.parent, ENGLISH_NEWS[1:])
        again = CliRunner().invoke(app, ["ingest", str(first), str(second), "--db", store_url, *LANGUAGES])
        assert again.exit_code == 0, again.output
        assert SUMMARY.search(again.stderr.splitlines()[-1]).groups() == ("1", "1")  # type: ignore[union-attr]
        stored = stored_article_ids(store)
    assert len(stored) == len(set(stored)) == 2


def test_two_processes_ingesting_the_same_news_into_postgresql_at_once_store_each_article_once(
    postgres_url: str, tmp_path: Path
) -> None:
    news = write_news(tmp_path / "news", ENGLISH_NEWS)
    command = [TREVE, "ingest", *news, "--db", postgres_url, *LANGUAGES]
    processes = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [(process.communicate()[1], process.returncode) for process in processes]
    assert [status for _, status in outcomes] == [0, 0], outcomes
    counts = [SUMMARY.search(stderr.splitlines()[-1]) for stderr, _ in outcomes]
    assert all(counts), outcomes
    stored_by_each = [int(match.group(1)) for match in counts if match]
    already_there_for_each = [int(match.group(2)) for match in counts if match]
    assert sum(stored_by_each) == sum(already_there_for_each) == 2
    with open_store(postgres_url) as store:
        stored = stored_article_ids(store)
    assert len(stored) == len(set(stored)) == 2


def test_a_disk_that_fills_half_way_stops_the_batch_with_one_line_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    news = write_news(tmp_path / "news")
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url):
        pass  # the schema is made: what fills the disk is the news
    room = (tmp_path / "store.db").stat().st_size + 40_000  # the schema and about one article

    def small_disk() -> None:  # writes past `room` fail as on a full disk (EFBIG), rather than kill the process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

    full = subprocess.run(
        [TREVE, "ingest", *map(str, news), "--db", url, *LANGUAGES],
        preexec_fn=small_disk,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
    )
    assert full.returncode == 1 and "Traceback" not in full.stderr
    assert full.stderr.strip().splitlines()[-1].startswith(f"error: {url}: cannot store articles (")
    again = CliRunner().invoke(app, ["ingest", *map(str, news), "--db", url, *LANGUAGES])
    assert again.exit_code == 0, again.output
    with open_store(url) as store:
        stored = stored_article_ids(store)
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert len(stored) == len(set(stored)) == len(news)


def test_a_postgresql_server_stopped_mid_batch_stops_it_with_one_line_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    with ExitStack() as stack:
        try:
            server = stack.enter_context(postgres_cluster(durable=True))
        except PostgresUnavailable as exc:
            if os.environ.get("CI") == "true":
                pytest.fail(f"PostgreSQL is required under CI=true: {exc}")
            pytest.skip(f"PostgreSQL test skipped: {exc}")
        url = stack.enter_context(fresh_postgres_database(server.url))
        first, second = write_news(tmp_path / "news", ENGLISH_NEWS)
        second.unlink()
        os.mkfifo(second)  # the batch blocks here, after storing the first article: then the server goes away
        log = tmp_path / "stopped.log"
        with log.open("wb") as stderr:
            process = subprocess.Popen([TREVE, "ingest", first, second, "--db", url, *LANGUAGES], stderr=stderr)
        with open_store(url) as store:
            wait_until(lambda: len(stored_article_ids(store)) == 1, process, log)
        server.stop()
        with second.open("w", encoding="utf-8") as pipe:  # the second article arrives, with nowhere to go
            pipe.write(json.dumps(NEWS[ENGLISH_NEWS[1]], ensure_ascii=False) + "\n")
        assert process.wait(timeout=HANG_GUARD_SECONDS) == 1
        said = log.read_text(errors="replace")
        assert "Traceback" not in said and said.strip().splitlines()[-1].startswith("error: ")

        server.start()
        second.unlink()
        write_news(second.parent, ENGLISH_NEWS[1:])
        again = CliRunner().invoke(app, ["ingest", str(first), str(second), "--db", url, *LANGUAGES])
        assert again.exit_code == 0, again.output
        assert SUMMARY.search(again.stderr.splitlines()[-1]).groups() == ("1", "1")  # type: ignore[union-attr]
        with open_store(url) as store:
            stored = stored_article_ids(store)
    assert len(stored) == len(set(stored)) == 2


def many_news(folder: Path, count: int) -> list[str]:
    """`count` distinct stories, one file each: the fixtures' news, each told again with a number of its own."""
    folder.mkdir(parents=True)
    paths = []
    for number in range(count):
        story = dict(NEWS[ENGLISH_NEWS[number % len(ENGLISH_NEWS)]])
        story["text"] = f"{story['text']}\n\nUpdate {number}: officials gave no further details."
        path = folder / f"story{number:02d}.jsonl"
        path.write_text(json.dumps(story, ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("seed", [7])
def test_a_batch_killed_at_random_points_and_run_again_stores_every_article_once(
    store_url: str, tmp_path: Path, seed: int
) -> None:
    news = many_news(tmp_path / "news", 40)
    draw = random.Random(seed)
    with open_store(store_url) as store:
        for round_number in range(3):  # each round stores one more article, then dies at a random moment
            before = len(stored_article_ids(store))
            log = tmp_path / f"killed{round_number}.log"
            with log.open("wb") as stderr:
                process = subprocess.Popen([TREVE, "ingest", *news, "--db", store_url, *LANGUAGES], stderr=stderr)
            try:
                wait_until(lambda: len(stored_article_ids(store)) > before, process, log)  # noqa: B023
                time.sleep(draw.uniform(0, 0.5))  # inside the next article's reading or its transaction
            finally:
                process.send_signal(signal.SIGKILL)
                process.wait()
        assert len(stored_article_ids(store)) < len(news)  # the kills left work for the rerun
        again = CliRunner().invoke(app, ["ingest", *news, "--db", store_url, *LANGUAGES])
        assert again.exit_code == 0, again.output
        stored = stored_article_ids(store)
    assert len(stored) == len(set(stored)) == len(news)


def test_one_of_two_writers_killed_mid_batch_leaves_postgresql_whole_and_the_other_finishes_the_batch(
    postgres_url: str, tmp_path: Path
) -> None:
    news = many_news(tmp_path / "news", 20)
    command = [TREVE, "ingest", *news, "--db", postgres_url, *LANGUAGES]
    logs = [tmp_path / "killed.log", tmp_path / "survivor.log"]
    with open_store(postgres_url) as store:
        with logs[0].open("wb") as killed_log, logs[1].open("wb") as survivor_log:
            killed = subprocess.Popen(command, stderr=killed_log)
            survivor = subprocess.Popen(command, stderr=survivor_log)
        try:
            wait_until(lambda: len(stored_article_ids(store)) >= 2, killed, logs[0])
            time.sleep(random.Random(11).uniform(0, 0.5))  # inside an article's reading or its transaction
        finally:
            killed.send_signal(signal.SIGKILL)
            killed.wait()
        assert survivor.wait(timeout=HANG_GUARD_SECONDS) == 0, logs[1].read_text(errors="replace")
        stored = stored_article_ids(store)
    assert len(stored) == len(set(stored)) == len(news)
