"""The ceasefire tracker's cost as the store grows: the time to ingest the same 200 new articles (one transaction
each, as `treve ingest` commits them) into stores already holding 0, 1,000 and 10,000 articles about the same
conflicts, with their ceasefires and the fighting that breaks them. The target is a flat cost: within 20% of the
empty store's.

Articles are built in memory (no NLP): each tells one event between two parties of a fixed set of conflicts (a
ceasefire agreed with the time it takes effect, or an assault). The stored ones are dated over three years, the new
ones over the last month of them, as news arrives: their ceasefires and assaults land among stored ones, and the
tracker must file, link and rebuild them. SQLite, as `treve ingest` runs by default.

`python -m benchmarks.ceasefires [--sizes 0 1000 10000] [--new 200] [--rounds 3]` runs it alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from treve.records import Article, CeasefireTerms, Entity, Event, EventTime, Evidence
from treve.store.repository import Store, open_store

CONFLICTS = (
    ("ARM", "AZE"), ("RUS", "UKR"), ("ISR", "PSE"), ("IND", "PAK"), ("ETH", "ERI"), ("SDN", "SSD"),
    ("COD", "RWA"), ("YEM", "SAU"), ("SYR", "TUR"), ("COL", "VEN"), ("MLI", "NER"), ("SOM", "KEN"),
)  # fmt: skip
FIRST_DAY = date(2022, 1, 1)
DAYS = 3 * 365
NEW_DAYS = 30  # the new articles are the news of the last month the store covers
CEASEFIRE_SHARE = 0.1
BULK_ARTICLES_PER_TRANSACTION = 500
SEED = 11
ROUNDS = 5


def conflict_articles(count: int, *, first: int, days: range = range(DAYS), seed: int = SEED) -> Iterator[Article]:
    """`count` one-event articles, numbered from `first`, dated on `days` after FIRST_DAY, reproducible from
    `seed`."""
    draw = random.Random(seed + first)
    for number in range(first, first + count):
        article_id = f"truce{number:010d}"
        day = FIRST_DAY + timedelta(days=draw.choice(days))
        yield Article(
            id=article_id,
            title=f"Conflict story {number}",
            text=f"Conflict story {number}. " * 40,  # distinct texts: a copy would be stored without events
            language="en",
            published=day,
            published_source="metadata",
            source="Benchmark Wire",
            url=f"https://example.invalid/{article_id}",
            input_format="jsonl",
            path="synthetic.jsonl",
            events=[_conflict_event(f"{article_id}-1", day, draw)],
        )


def _conflict_event(event_id: str, day: date, draw: random.Random) -> Event:
    first, second = draw.choice(CONFLICTS)
    sides = [Entity(entity_text=first, code=first, sector="MIL"), Entity(entity_text=second, code=second, sector="MIL")]
    sentence = f"{first} and {second} forces {event_id}."
    common: dict[str, Any] = {
        "id": event_id,
        "date": day.isoformat(),
        "date_precision": "day",
        "event_text": "forces",
        "evidence": Evidence(sentence=sentence, start=0, end=len(sentence), trigger="forces"),
        "confidence": 0.8,
    }
    if draw.random() < CEASEFIRE_SHARE:
        effective = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
        terms = CeasefireTerms(effective=EventTime(start=effective, precision="hour", text="from midnight"))
        return Event(event="AGREE", actor=sides, ceasefire=terms, **common)
    attacker, attacked = draw.sample(sides, 2)
    return Event(event="ASSAULT", actor=[attacker], recipient=[attacked], **common)


def _fill(store: Store, articles: int) -> None:
    """Store `articles` background articles, many per transaction."""
    pending = conflict_articles(articles, first=0)
    while chunk := list(islice(pending, BULK_ARTICLES_PER_TRANSACTION)):
        store.save(chunk)


def _ingest_seconds(store: Store, new: list[Article]) -> float:
    started = time.perf_counter()
    for article in new:
        store.save([article])
    return time.perf_counter() - started


def measure_ceasefires(
    *, sizes: tuple[int, ...] = (0, 1_000, 10_000), new: int = 200, rounds: int = ROUNDS
) -> dict[str, Any]:
    """Seconds to ingest `new` articles into a store of each size (the best of `rounds`, each on a fresh copy of
    the filled store; the sizes take turns within each round, so a slow spell of the shared machine falls on all
    of them), and each as a ratio to the empty store's."""
    arriving = list(conflict_articles(new, first=10_000_000, days=range(DAYS - NEW_DAYS, DAYS)))
    times: dict[str, list[float]] = {str(size): [] for size in sizes}
    ceasefires: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="treve-bench-") as folder:
        for size in sizes:
            with open_store(f"sqlite:///{folder}/filled{size}.db") as store:
                _fill(store, size)
        for _ in range(rounds):
            for size in sizes:
                copy = Path(folder) / "round.db"
                shutil.copyfile(Path(folder) / f"filled{size}.db", copy)
                os.sync()  # the copy's pages on disk before timing, or their writing lands in it
                with open_store(f"sqlite:///{copy}") as store:
                    times[str(size)].append(_ingest_seconds(store, arriving))
                    ceasefires[str(size)] = len(store.ceasefires())
                copy.unlink()
    seconds = {size: round(min(taken), 3) for size, taken in times.items()}
    baseline = seconds[str(sizes[0])]
    return {
        "new_articles": new,
        "rounds": rounds,
        "seconds": seconds,
        "ratio_to_first": {size: round(value / baseline, 3) for size, value in seconds.items()},
        "ceasefires_stored_after": ceasefires,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1_000, 10_000], help="articles already stored")
    parser.add_argument("--new", type=int, default=200, help="new articles ingested, one transaction each")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="timed rounds per size; the best is kept")
    args = parser.parse_args()
    print(json.dumps(measure_ceasefires(sizes=tuple(args.sizes), new=args.new, rounds=args.rounds), indent=2))


if __name__ == "__main__":
    main()
