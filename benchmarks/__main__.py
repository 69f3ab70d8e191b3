"""Run every benchmark: `python -m benchmarks [--pages DIR] [--warc-records N] [--store-events N]
[--crash-articles N] [--postgres-url URL]` (or `make bench`).

Prints one JSON object and writes it to benchmarks/output/results.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from benchmarks.api import measure_api
from benchmarks.article_layer import measure_article_layer
from benchmarks.ceasefires import measure_ceasefires
from benchmarks.common import DEFAULT_PAGES
from benchmarks.events import measure_events
from benchmarks.languages import measure_languages
from benchmarks.long_text import measure_long_text
from benchmarks.places import measure_places
from benchmarks.scale import measure_scale
from benchmarks.store import measure_store
from benchmarks.warc_memory import measure_warc_memory

OUTPUT = Path(__file__).resolve().parent / "output" / "results.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of .html.gz pages")
    parser.add_argument("--warc-records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--store-events", type=int, default=1_000_000, help="event reports stored for the query")
    parser.add_argument("--crash-articles", type=int, default=2_000, help="articles of the scale crash test")
    parser.add_argument("--postgres-url", help="PostgreSQL server for the store benchmark (else a throwaway one)")
    args = parser.parse_args()
    results = {
        "article_layer": measure_article_layer(args.pages, rounds=args.rounds),
        "warc_memory": measure_warc_memory(args.pages, records=args.warc_records),
        "events": measure_events(args.pages, rounds=args.rounds),
        "languages": measure_languages(rounds=args.rounds),
        "store": measure_store(events=args.store_events, postgres_url=args.postgres_url),
        "places": measure_places(args.pages, rounds=args.rounds),
        "ceasefires": measure_ceasefires(),
        "long_text": measure_long_text(args.pages),
        "scale": measure_scale(args.pages, crash_articles=args.crash_articles),
        "api": measure_api(events=args.store_events, postgres_url=args.postgres_url),
    }
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
