"""Scale (issue 16): throughput with 1 and 2 Dask workers, per-article cost against the bare spaCy parse, peak RSS
per worker, a crash test (SIGKILL at 30 %, 60 % and 90 % of a run, then a rerun) and near-copies linked across two
runs.

The corpus is made of the real pages the other benchmarks read: their clean texts, cut into paragraphs, and each
article made of a few paragraphs of three different pages (seeded), so that a corpus of any size holds distinct
stories rather than copies. Runs go through `treve ingest` into fresh SQLite stores; model loading is counted once
per run (it is part of what a run costs) and reported apart.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import DEFAULT_PAGES, clean_texts, load_pages
from treve.ingest import read_inputs

SEED = 16
PUBLISHED = "2024-03-12"
KILL_AT = (0.3, 0.6, 0.9)
TARGET_SPEED_UP = 1.7
TARGET_WORKER_RSS_MB = 1500


def page_paragraphs(pages: list[bytes]) -> list[list[str]]:
    """Each page's clean paragraphs."""
    return [[part for part in text.split("\n\n") if part.strip()] for text in clean_texts(pages)]


def write_corpus(texts: list[list[str]], count: int, path: Path, *, first: int = 0) -> Path:
    """`count` JSON Lines articles, each of up to three paragraphs from each of three pages."""
    draw = random.Random(SEED + first)
    with path.open("w", encoding="utf-8") as out:
        for number in range(first, first + count):
            parts = []
            for paragraphs in draw.sample(texts, 3):
                start = draw.randrange(len(paragraphs))
                parts.extend(paragraphs[start : start + 3])
            record = {"title": f"Story {number}", "url": f"https://bench.invalid/{number}", "text": "\n\n".join(parts)}
            out.write(json.dumps({**record, "published": PUBLISHED}, ensure_ascii=False) + "\n")
    return path


def _ingest(corpus: Path, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "treve.cli", "ingest", str(corpus), "--db", f"sqlite:///{db}", "--quiet", *extra]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def _timed_ingest(corpus: Path, db: Path, *extra: str) -> float:
    started = time.perf_counter()
    process = _ingest(corpus, db, *extra)
    _, errors = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"ingest failed: {errors.decode()[-2000:]}")
    return time.perf_counter() - started


def measure_throughput(texts: list[list[str]], articles: int, scratch: Path, rounds: int) -> dict[str, Any]:
    """Seconds for `articles` new articles in one process, on 1 worker and on 2 workers (best of `rounds`,
    alternating), with the cost of starting (models loaded, nothing to read) measured apart."""
    corpus = write_corpus(texts, articles, scratch / "throughput.jsonl")
    empty = scratch / "empty.jsonl"
    empty.write_text(json.dumps({"title": "x", "text": "Nothing happened."}) + "\n", encoding="utf-8")
    setups = {"in_process": (), "workers_1": ("--workers", "1"), "workers_2": ("--workers", "2")}
    best: dict[str, float] = {}
    start_up: dict[str, float] = {}
    for round_number in range(rounds):
        for name, extra in setups.items():
            seconds = _timed_ingest(corpus, scratch / f"{name}-{round_number}.db", *extra)
            best[name] = min(best.get(name, seconds), seconds)
            start = _timed_ingest(empty, scratch / f"{name}-{round_number}-empty.db", *extra)
            start_up[name] = min(start_up.get(name, start), start)
    reading = {name: best[name] - start_up[name] for name in setups}
    measured = all(value > 0 for value in reading.values())  # a corpus too small to outlast start-up's noise is not
    return {
        "articles": articles,
        "seconds": {name: round(value, 1) for name, value in best.items()},
        "start_up_seconds": {name: round(value, 1) for name, value in start_up.items()},
        "articles_per_second_after_start_up": {
            name: round(articles / value, 2) if measured else None for name, value in reading.items()
        },
        "speed_up_2_over_1_workers": round(reading["workers_1"] / reading["workers_2"], 2) if measured else None,
        "target_speed_up": TARGET_SPEED_UP,
    }


def measure_parse_cost(texts: list[list[str]], articles: int, scratch: Path) -> dict[str, Any]:
    """treve's seconds per article in one process against spaCy's bare parse of the same texts (each text parsed
    with the model of its language, the models loaded before the clock starts)."""
    from treve.config import load_settings
    from treve.stages.language import LanguageIdentifier
    from treve.stages.nlp import LanguageModels

    corpus = write_corpus(texts, articles, scratch / "parse.jsonl", first=10**6)
    bodies = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    models = LanguageModels()
    settings = load_settings()
    identify = LanguageIdentifier(settings.languages, accuracy=settings.language_accuracy)
    detected = (identify.detect(body)[0] for body in bodies)
    languages = [language if models.supports(language) else "en" for language in detected]
    for language in set(languages):
        models.parse("warm up", language or "en")
    started = time.perf_counter()
    for body, language in zip(bodies, languages, strict=True):
        models.parse(body, language or "en")
    parse = (time.perf_counter() - started) / articles
    empty = scratch / "parse-empty.jsonl"
    empty.write_text(json.dumps({"title": "x", "text": "Nothing happened."}) + "\n", encoding="utf-8")
    treve = (_timed_ingest(corpus, scratch / "parse.db") - _timed_ingest(empty, scratch / "parse-empty.db")) / articles
    return {
        "articles": articles,
        "treve_seconds_per_article": round(treve, 3) if treve > 0 else None,
        "spacy_parse_seconds_per_article": round(parse, 3),
        "ratio": round(treve / parse, 2) if treve > 0 and parse > 0 else None,
    }


def measure_worker_memory(texts: list[list[str]], articles: int, scratch: Path) -> dict[str, Any]:
    """Peak RSS of each of 2 workers after reading `articles` articles (the corpus size does not bound it: a
    worker holds one batch and its models)."""
    from distributed import Client, LocalCluster

    from treve.config import load_settings
    from treve.distribute import run_on_cluster
    from treve.store.repository import open_store

    corpus = write_corpus(texts, articles, scratch / "memory.jsonl", first=2 * 10**6)
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
        open_store(f"sqlite:///{scratch / 'memory.db'}") as store,
    ):
        items = read_inputs([str(corpus)], stdin=None)
        outcomes = sum(1 for _ in run_on_cluster(client, items, store, load_settings(), None))
        peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return {
        "articles": outcomes,
        "peak_rss_mb_per_worker": sorted(round(peak, 1) for peak in peaks.values()),
        "target_mb": TARGET_WORKER_RSS_MB,
    }


def measure_crash(texts: list[list[str]], articles: int, scratch: Path, workers: int) -> dict[str, Any]:
    """Kill `treve ingest` (and its workers) with SIGKILL once 30 %, 60 % and 90 % of the corpus is stored, each
    time running it again; then let it finish. Every article must be stored once, and each run's time should follow
    what it had left to store."""
    corpus = write_corpus(texts, articles, scratch / "crash.jsonl", first=3 * 10**6)
    db = scratch / "crash.db"
    extra = ("--workers", str(workers)) if workers > 1 else ()
    runs = []
    for fraction in (*KILL_AT, 1.0):
        before = _stored(db)
        started = time.perf_counter()
        process = _ingest(corpus, db, *extra)
        if fraction < 1.0:
            while process.poll() is None and _stored(db) < fraction * articles:
                time.sleep(0.5)
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        runs.append(
            {
                "killed_at": fraction if fraction < 1.0 else None,
                "stored_before": before,
                "stored_after": _stored(db),
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    with sqlite3.connect(db) as connection:
        stored = connection.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
        unread = connection.execute(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NULL AND id NOT IN (SELECT article_id FROM "
            "event_reports) AND id NOT IN (SELECT article_id FROM article_signatures)"
        ).fetchone()[0]
    expected = _extracted_ids(corpus)
    return {
        "articles": articles,
        "workers": workers,
        "runs": runs,
        "stored": stored[0],
        "expected_distinct": expected,
        "each_stored_once": stored[0] == stored[1] == expected and unread == 0,
    }


def _extracted_ids(corpus: Path) -> int:
    """How many distinct articles the corpus holds (the article layer alone, no events)."""
    done = subprocess.run(
        [sys.executable, "-m", "treve.cli", "extract", str(corpus), "--no-events", "--format", "jsonl", "--quiet"],
        capture_output=True,
        check=True,
    )
    return len({json.loads(line)["id"] for line in done.stdout.splitlines()})


def measure_copies_across_runs(texts: list[list[str]], articles: int, scratch: Path) -> dict[str, Any]:
    """Near-copies (each story again under a header and a closing line) linked in one run, and in two runs
    (first copies, then copies): the same pairs."""
    originals = write_corpus(texts, articles, scratch / "originals.jsonl", first=4 * 10**6)
    copies = scratch / "copies.jsonl"
    with copies.open("w", encoding="utf-8") as out:
        for line in originals.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            text = f"From our correspondents.\n\n{record['text']}\n\nAll rights reserved."
            out.write(json.dumps({**record, "url": record["url"] + "?syndicated", "text": text}) + "\n")
    both = scratch / "both.jsonl"
    both.write_text(originals.read_text(encoding="utf-8") + copies.read_text(encoding="utf-8"), encoding="utf-8")
    _timed_ingest(both, scratch / "one-run.db")
    _timed_ingest(originals, scratch / "two-runs.db")
    _timed_ingest(copies, scratch / "two-runs.db")
    pairs = {name: _pairs(scratch / f"{name}.db") for name in ("one-run", "two-runs")}
    return {
        "stories": articles,
        "pairs_one_run": len(pairs["one-run"]),
        "pairs_two_runs": len(pairs["two-runs"]),
        "same_pairs": pairs["one-run"] == pairs["two-runs"],
    }


def _pairs(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as connection:
        return set(
            connection.execute(
                "SELECT copy.url, first.url FROM articles copy JOIN articles first ON copy.duplicate_of = first.id"
            ).fetchall()
        )


def measure_scale(
    folder: Path, *, articles: int = 200, crash_articles: int = 2_000, copies: int = 40, rounds: int = 1
) -> dict[str, Any]:
    texts = page_paragraphs(load_pages(folder))
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        return {
            "throughput": measure_throughput(texts, articles, scratch, rounds),
            "parse_cost": measure_parse_cost(texts, max(1, articles // 2), scratch),
            "worker_memory": measure_worker_memory(texts, articles, scratch),
            "crash": measure_crash(texts, crash_articles, scratch, workers=2),
            "copies_across_runs": measure_copies_across_runs(texts, copies, scratch),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of .html.gz pages")
    parser.add_argument("--articles", type=int, default=200, help="articles per throughput run")
    parser.add_argument("--crash-articles", type=int, default=2_000)
    parser.add_argument("--copies", type=int, default=40, help="stories copied for the linking test")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    report = measure_scale(
        args.pages, articles=args.articles, crash_articles=args.crash_articles, copies=args.copies, rounds=args.rounds
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
