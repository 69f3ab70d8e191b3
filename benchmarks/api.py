"""API latency (issue 17): p50 and p99 of `GET /events` (one country, 31 days) and `GET /stats` (one country, and
the whole store, by month: split by country and type, and the totals the dashboard's timeline asks) from `treve
serve` over a store of many events, under a bounded load: a second process on loopback keeps `--clients`
requests in flight (each client waits for its answer before the next) for `--seconds`.

The store is filled as `benchmarks.store` fills it (synthetic reports through `Store.save`, clustering on), or
given filled with `--store-url` (filling 1,000,000 reports takes the better part of an hour on 2 cores).
Targets: p50 under 50 ms, p99 under 200 ms.

`python -m benchmarks.api [--events N] [--store-url URL] [--postgres-url URL] [--seconds S] [--clients C]`
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import postgres_database
from benchmarks.store import COUNTRIES, DAYS, EVENTS_PER_ARTICLE, FIRST_DAY, QUERY_DAYS, _bulk_load
from tests.store_fixtures import PostgresUnavailable
from treve.store.repository import open_store

TARGET_P50_MS = 50
TARGET_P99_MS = 200
WRITTEN_FROM = 10**9
"""Articles written during a load are numbered from here on, apart from those the store was filled with."""
KINDS = ("events_country_31_days", "stats_country_by_month", "stats_all_by_month", "stats_all_by_month_totals")
OTHER_KINDS = ("events_country_31_days_first_page",)
"""Asked only when named (--kinds): the first page of 100 events, as a client paging through them gets it."""


def request_path(kind: str, draw: random.Random) -> str:
    country = draw.choice(COUNTRIES)
    if kind.startswith("events_country_31_days"):
        since = FIRST_DAY + timedelta(days=draw.randrange(DAYS - QUERY_DAYS))
        until = since + timedelta(days=QUERY_DAYS - 1)
        page = 100 if kind.endswith("first_page") else 1000
        return f"/events?country={country}&since={since}&until={until}&limit={page}"
    if kind == "stats_country_by_month":
        return f"/stats?country={country}&period=month"
    if kind == "stats_all_by_month":
        return "/stats?period=month"  # by country and type: up to 50 x 16 rows a month
    return "/stats?period=month&by=none"  # what the dashboard's timeline asks


def load(
    base: str, seconds: float, clients: int, seed: int, kinds: tuple[str, ...] = KINDS, compressed: bool = False
) -> dict[str, list[float]]:
    """Run in the second process: `clients` threads, each asking the `kinds` in turn until time is up (accepting
    gzip, as browsers do, if `compressed`)."""
    headers = {"Accept-Encoding": "gzip"} if compressed else {}
    gc.freeze()  # the modules imported are not walked by each full collection, which would add to the latencies
    latencies: dict[str, list[float]] = {kind: [] for kind in kinds}
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(number: int) -> None:
        draw = random.Random(seed + number)
        turn = number
        while time.perf_counter() < deadline:
            kind = kinds[turn % len(kinds)]
            turn += 1
            started = time.perf_counter()
            asked = urllib.request.Request(base + request_path(kind, draw), headers=headers)
            with urllib.request.urlopen(asked, timeout=60) as response:
                response.read()
            with lock:
                latencies[kind].append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Serving:
    """How the server runs and is asked: its processes, whether it keeps answers, whether clients take gzip."""

    workers: int = 1
    kept: bool = True
    compressed: bool = True
    writes_per_second: float = 0
    """Synthetic articles stored during the load (an ingest running beside the server): each one changes the store,
    so the answers kept before it are no longer given."""


def measure_served(
    url: str, *, seconds: float, clients: int, kinds: tuple[str, ...] = KINDS, serving: Serving = Serving()
) -> dict[str, Any]:
    """Latencies of each kind of request, `treve serve` over the store at `url`, loaded from a second process."""
    with open_store(url):  # migrated before the clock: a store from an older treve is brought up to date first
        pass
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "treve.cli",
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--workers",
            f"{serving.workers}",
        ],
        env=os.environ | ({} if serving.kept else {"TREVE_API_CACHE_BYTES": "0"}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/openapi.json", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        for kind in kinds:  # one warm-up request each (the first query plans and reads the pages in)
            urllib.request.urlopen(base + request_path(kind, random.Random(0)), timeout=120).read()
        loader = [sys.executable, "-m", "benchmarks.api", "--load", base, "--seconds", str(seconds)]
        loader += ["--clients", str(clients), "--kinds", *kinds, *(("--compressed",) if serving.compressed else ())]
        with writing(url, serving.writes_per_second) as written:
            done = subprocess.run(loader, capture_output=True, check=True, text=True)
        latencies = json.loads(done.stdout)
    finally:
        server.terminate()
        server.wait()
    return {"articles_written": written[0]} | {
        kind: {
            "requests": len(values),
            "p50_ms": round(statistics.median(values), 1) if values else None,
            "p99_ms": round(_percentile(values, 0.99), 1) if values else None,
        }
        for kind, values in latencies.items()
    }


@contextmanager
def writing(url: str, per_second: float) -> Iterator[list[int]]:
    """Store one new synthetic article every 1/`per_second` seconds while the block runs (none if 0); the list
    given holds how many were stored."""
    written = [0]
    stop = threading.Event()

    def write() -> None:
        with open_store(url) as store:
            while not stop.wait(1 / per_second):
                _bulk_load(store, first=WRITTEN_FROM + random.randrange(10**9), articles=1, analyse=False)
                written[0] += 1

    writer = threading.Thread(target=write) if per_second > 0 else None
    if writer:
        writer.start()
    try:
        yield written
    finally:
        stop.set()
        if writer:
            writer.join()


def _filled(url: str, events: int, located: bool = False) -> str:
    with open_store(url) as store:
        _bulk_load(store, first=0, articles=events // EVENTS_PER_ARTICLE, located=located)
    return url


def measure_api(
    *,
    events: int,
    store_url: str | None = None,
    postgres_url: str | None = None,
    seconds: float = 20,
    clients: int = 4,
    kinds: tuple[str, ...] = KINDS,
    serving: Serving = Serving(),
    located: bool = False,
) -> dict[str, Any]:
    results: dict[str, Any] = {"clients": clients, "seconds": seconds, "target_p50_ms": TARGET_P50_MS,
                               "target_p99_ms": TARGET_P99_MS, "serving": asdict(serving)}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="treve-api-") as folder:
        sqlite = store_url or _filled(f"sqlite:///{Path(folder) / 'store.db'}", events, located)
        results["sqlite" if sqlite.startswith("sqlite") else "given"] = measure_served(
            sqlite, seconds=seconds, clients=clients, kinds=kinds, serving=serving
        )
    if store_url:
        return results
    try:
        with postgres_database(postgres_url) as database:
            results["postgresql"] = measure_served(
                _filled(database, events, located), seconds=seconds, clients=clients, kinds=kinds, serving=serving
            )
    except PostgresUnavailable as exc:
        results["postgresql"] = {"skipped": str(exc)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--store-url", help="a store already filled (its events are not counted again)")
    parser.add_argument("--postgres-url", help="a PostgreSQL server URL whose user may create databases")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=4)
    kinds = KINDS + OTHER_KINDS
    parser.add_argument("--kinds", nargs="+", choices=kinds, default=list(KINDS), help="the requests to mix")
    parser.add_argument("--workers", type=int, default=1, help="server processes (treve serve --workers)")
    parser.add_argument("--not-kept", action="store_true", help="the server keeps no answers (api_cache_bytes 0)")
    parser.add_argument("--writes-per-second", type=float, default=0, help="articles stored during the load")
    parser.add_argument(
        "--located", action="store_true", help="fill with events at towns: each report nearly its own canonical event"
    )
    parser.add_argument("--identity", action="store_true", help="clients do not accept gzip (browsers do)")
    parser.add_argument("--compressed", action="store_true", help=argparse.SUPPRESS)  # the loader's: --identity off
    parser.add_argument("--load", metavar="BASE", help=argparse.SUPPRESS)  # the second process's role
    args = parser.parse_args()
    if args.load:
        latencies = load(args.load, args.seconds, args.clients, 16, tuple(args.kinds), compressed=args.compressed)
        print(json.dumps(latencies))
        return
    report = measure_api(
        events=args.events,
        store_url=args.store_url,
        postgres_url=args.postgres_url,
        seconds=args.seconds,
        clients=args.clients,
        kinds=tuple(args.kinds),
        serving=Serving(args.workers, not args.not_kept, not args.identity, args.writes_per_second),
        located=args.located,
    )
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
