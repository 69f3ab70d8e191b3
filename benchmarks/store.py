"""The event store alone, without NLP: how many event reports per second `treve ingest` stores (one transaction
per article, as it commits them), and how long a country + date-range query takes over many stored events.

Articles are built in memory with synthetic events (country, day, type, actors and toll drawn with a fixed
seed), so the figures measure the store only. SQLite always; PostgreSQL at --postgres-url, or in a
throwaway cluster (fsync on) when the local PostgreSQL binaries can start one.

`python -m benchmarks.store [--events N] [--postgres-url URL]` runs it alone.
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import islice
from typing import Any

import pycountry
from sqlalchemy import text

from benchmarks.common import postgres_database
from tests.store_fixtures import PostgresUnavailable
from treve.ontology import EVENT_TYPES
from treve.records import Article, Casualties, Count, Entity, Event, Evidence, Place, Size
from treve.resources.gazetteer import open_gazetteer
from treve.store.repository import Store, open_store

EVENTS_PER_ARTICLE = 5
BULK_ARTICLES_PER_TRANSACTION = 1_000
COUNTRIES = (
    "AFG", "BDI", "BFA", "CAF", "CMR", "COD", "COL", "ETH", "HTI", "IRQ", "ISR", "KEN", "LBN", "LBY", "MLI", "MMR",
    "MOZ", "NER", "NGA", "PAK", "PSE", "SDN", "SOM", "SSD", "SYR", "TCD", "UKR", "RUS", "YEM", "MEX", "PHL", "IND",
    "BGD", "EGY", "TUR", "IRN", "SAU", "ARM", "AZE", "GEO", "VEN", "BRA", "PER", "ECU", "DZA", "TUN", "MAR", "UGA",
    "RWA", "ZWE",
)  # fmt: skip
FIRST_DAY = date(2022, 1, 1)
DAYS = 3 * 365
QUERY_DAYS = 31
QUERIES = 20
SEED = 5


def synthetic_articles(count: int, *, first: int = 0, seed: int = SEED, located: bool = False) -> Iterator[Article]:
    """`count` articles of EVENTS_PER_ARTICLE events each, numbered from `first`, reproducible from `seed`; placed
    at a town of their country if `located` (then few of them tell one event: the clustering wants places no more
    than 25 km apart), else at their country alone (events of one country, type family and day then merge)."""
    draw = random.Random(seed + first)
    towns = _towns() if located else None
    for number in range(first, first + count):
        article_id = f"bench{number:010d}"
        yield Article(
            id=article_id,
            title=f"Synthetic story {number}",
            text=f"Synthetic story {number}. " * 40,  # distinct texts: a copy would be stored without events
            language="en",
            published=FIRST_DAY + timedelta(days=draw.randrange(DAYS)),
            published_source="metadata",
            source="Benchmark Wire",
            url=f"https://example.invalid/{article_id}",
            input_format="jsonl",
            path="synthetic.jsonl",
            events=[
                _synthetic_event(f"{article_id}-{index}", draw, towns) for index in range(1, EVENTS_PER_ARTICLE + 1)
            ],
        )


@functools.cache
def _towns() -> dict[str, list[tuple[float, float]]]:
    """The points of each country's towns of 1,000 people or more, from the gazetteer (GeoNames)."""
    gazetteer = open_gazetteer()
    return {code: gazetteer.towns(pycountry.countries.get(alpha_3=code).alpha_2, 1000) for code in COUNTRIES}


def _synthetic_event(event_id: str, draw: random.Random, towns: dict[str, list[tuple[float, float]]] | None) -> Event:
    country, dead = draw.choice(COUNTRIES), draw.randrange(50)
    place = None
    if towns is not None and towns[country]:
        latitude, longitude = draw.choice(towns[country])
        place = Place(extracted_place="a town", lat=latitude, lon=longitude, country_code=country, geo_precision=1)
    sentence = f"Forces of {country} and rebels clashed near the border, killing at least {dead}, officials said."
    toll = Count(low=dead, best=dead, high=None, qualifier="at least", text=f"at least {dead}")
    return Event(
        id=event_id,
        date=(FIRST_DAY + timedelta(days=draw.randrange(DAYS))).isoformat(),
        event=draw.choice(EVENT_TYPES),
        actor=[Entity(entity_text=f"forces of {country}", code=country, sector="MIL", start=0, end=16)],
        recipient=[Entity(entity_text="rebels", code=country, sector="REB", start=21, end=27)],
        event_text="clashed",
        size=Size(dead=dead),
        casualties=Casualties(dead=toll),
        date_precision="day",
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger="clashed"),
        confidence=0.7,
        location=place,
    )


def _ingest_rate(store: Store, articles: int) -> dict[str, float]:
    """One save (one transaction) per article, as `treve ingest` does; records are built before timing."""
    batch = list(synthetic_articles(articles))
    started = time.perf_counter()
    for article in batch:
        store.save([article])
    seconds = time.perf_counter() - started
    return {
        "ingest_articles_per_second": round(articles / seconds, 1),
        "ingest_reports_per_second": round(articles * EVENTS_PER_ARTICLE / seconds, 1),
    }


def _bulk_load(store: Store, *, first: int, articles: int, analyse: bool = True, located: bool = False) -> float:
    """Many articles per transaction, to fill the store for the query; returns reports stored per second."""
    started = time.perf_counter()
    pending = synthetic_articles(articles, first=first, located=located)
    while chunk := list(islice(pending, BULK_ARTICLES_PER_TRANSACTION)):
        store.save(chunk)
    if analyse:
        with store.engine.begin() as connection:
            connection.execute(text("ANALYZE"))  # as autovacuum (PostgreSQL) or a periodic ANALYZE would
    return articles * EVENTS_PER_ARTICLE / (time.perf_counter() - started)


def _query_times(store: Store) -> dict[str, float]:
    """Events of one country over one month, fetched whole (PLOVER records decoded), for QUERIES draws."""
    draw = random.Random(SEED)
    list(store.events(country=COUNTRIES[0], since=FIRST_DAY, until=FIRST_DAY + timedelta(days=QUERY_DAYS)))
    milliseconds, rows = [], []
    for _ in range(QUERIES):
        since = FIRST_DAY + timedelta(days=draw.randrange(DAYS - QUERY_DAYS))
        started = time.perf_counter()
        until = since + timedelta(days=QUERY_DAYS)
        found = list(store.events(country=draw.choice(COUNTRIES), since=since, until=until))
        milliseconds.append((time.perf_counter() - started) * 1000)
        rows.append(len(found))
    return {
        "query_ms_median": round(statistics.median(milliseconds), 2),
        "query_ms_max": round(max(milliseconds), 2),
        "query_rows_median": statistics.median(rows),
    }


def measure_backend(url: str, *, events: int, ingest_articles: int) -> dict[str, Any]:
    """Ingest rate on an empty store, then fill it to `events` reports and time the query."""
    with open_store(url) as store:
        figures: dict[str, Any] = _ingest_rate(store, ingest_articles)
        bulk_articles = max(0, events // EVENTS_PER_ARTICLE - ingest_articles)
        figures["bulk_reports_per_second"] = round(_bulk_load(store, first=ingest_articles, articles=bulk_articles))
        figures["events_stored"] = (ingest_articles + bulk_articles) * EVENTS_PER_ARTICLE
        figures |= _query_times(store)
    return figures


def measure_store(*, events: int, ingest_articles: int = 2_000, postgres_url: str | None = None) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="treve-bench-") as folder:
        sqlite_url = f"sqlite:///{folder}/store.db"
        results["sqlite"] = measure_backend(sqlite_url, events=events, ingest_articles=ingest_articles)
    try:
        with postgres_database(postgres_url) as database:
            results["postgresql"] = measure_backend(database, events=events, ingest_articles=ingest_articles)
    except PostgresUnavailable as exc:
        results["postgresql"] = {"skipped": str(exc)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000, help="event reports in the store for the query")
    parser.add_argument("--ingest-articles", type=int, default=2_000, help="articles saved one per transaction")
    parser.add_argument("--postgres-url", help="a PostgreSQL server URL whose user may create databases")
    args = parser.parse_args()
    results = measure_store(events=args.events, ingest_articles=args.ingest_articles, postgres_url=args.postgres_url)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
