"""Storing a corpus, in this process or on a Dask cluster: items read here, in bounded batches, through the pipeline
wherever it runs, into one store.

On a cluster (`dask.distributed`: a LocalCluster of `--workers N` processes, or the cluster at `--scheduler`) each
worker keeps one pipeline (its models load once) across the batches it is given. At most `IN_FLIGHT_PER_WORKER`
batches per worker are out at once: reading waits for results (backpressure), so no queue grows with the corpus.
A SQLite store is written by this process, one transaction per batch as batches come back, and the workers are
told which articles it held when the run began; a PostgreSQL store is written by the workers themselves, one
transaction per batch. Either way a rerun reads again only what was not stored.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import TYPE_CHECKING, Any

import numpy as np
from datasketch import MinHash

from treve.config import Settings
from treve.errors import StoreError
from treve.pipeline import Pipeline
from treve.records import Article, ItemError, RawItem
from treve.stages.identity import CopyRule
from treve.store.repository import Store, StoreRules, open_store

if TYPE_CHECKING:
    from distributed import Client

log = logging.getLogger(__name__)

BATCH_ITEMS = 8
"""Items sent to a worker at once: enough to keep it busy between two round trips, few enough to spread a run."""
IN_FLIGHT_PER_WORKER = 2
SCHEDULER_TIMEOUT = "10s"
"""Batches out per worker: one being read, one waiting, so a worker never idles while this process stores."""


@dataclass(frozen=True)
class Saved:
    """What storing one article gave: whether it was new, its events, and the warnings its reading raised."""

    article_id: str
    new: bool
    events: int
    warnings: tuple[str, ...] = ()


Outcome = Saved | ItemError


def save_each(store: Store, results: Iterable[Article | ItemError]) -> Iterator[Outcome]:
    """Store each article in its own transaction, as it comes: a crash loses at most the one being stored."""
    for result in results:
        yield from save_batch(store, [result])


def save_batch(store: Store, results: list[Article | ItemError]) -> list[Outcome]:
    """Store a batch's articles in one transaction (a crash loses the batch, which a rerun reads again); an id
    the batch holds twice is new once."""
    stored = {article.id: article for article in store.save_articles(r for r in results if isinstance(r, Article))}
    outcomes: list[Outcome] = []
    for result in results:
        if isinstance(result, ItemError):
            outcomes.append(result)
            continue
        article = stored.pop(result.id, None)
        events = len(article.events) if article is not None else 0
        outcomes.append(Saved(result.id, article is not None, events, tuple(result.warnings)))
    return outcomes


class StoredSnapshot:
    """The ids a store held when the run began, as sorted 64-bit numbers (8 bytes an article): what a worker that
    cannot reach the store asks before reading an article. Copies of stored articles are linked when stored."""

    def __init__(self, ids: Iterable[str]) -> None:
        numbers, others = [], set()
        for article_id in ids:
            if len(article_id) == 16 and all(c in "0123456789abcdef" for c in article_id):
                numbers.append(int(article_id, 16))
            else:
                others.add(article_id)
        self._numbers = np.unique(np.array(numbers, dtype=np.uint64))
        self._others = frozenset(others)

    def holds(self, article_id: str) -> bool:
        if article_id in self._others:
            return True
        try:
            number = np.uint64(int(article_id, 16))
        except ValueError:
            return False
        position = int(np.searchsorted(self._numbers, number))
        return position < len(self._numbers) and self._numbers[position] == number

    def first_copy(self, signature: MinHash, rule: CopyRule) -> str | None:
        return None


@dataclass(frozen=True)
class Job:
    """What every worker needs to read batches the same way: settings, a default publication date, and either the
    store to write (PostgreSQL) or the ids stored when the run began (SQLite, written here); `run` names the run."""

    run: str
    settings: Settings
    published: date | None
    store_url: str | None
    snapshot: StoredSnapshot | None


_WORKER_STATE: dict[str, tuple[Pipeline, Store | None]] = {}
"""Per worker process: the pipeline (and store) of the job it reads for, built at its first batch."""


def _worker_state(job: Job) -> tuple[Pipeline, Store | None]:
    if job.run not in _WORKER_STATE:
        for _, old_store in _WORKER_STATE.values():
            if old_store is not None:
                old_store.close()
        _WORKER_STATE.clear()
        store = open_store(job.store_url, StoreRules.from_settings(job.settings)) if job.store_url else None
        stored = store if store is not None else job.snapshot
        _WORKER_STATE[job.run] = (Pipeline(job.settings, published=job.published, stored=stored), store)
    return _WORKER_STATE[job.run]


def read_batch(job: Job, items: list[RawItem | ItemError]) -> list[Article | Outcome]:
    """Run on a worker: the batch's articles (or, when the worker writes the store, what storing them gave)."""
    pipeline, store = _worker_state(job)
    results = list(pipeline.run(items))
    return save_batch(store, results) if store is not None else results


def workers_write(store: Store) -> bool:
    """PostgreSQL takes writers from every worker; SQLite is written by this process alone."""
    return store.engine.dialect.name == "postgresql"


def run_on_cluster(
    client: Client,
    items: Iterable[RawItem | ItemError],
    store: Store,
    settings: Settings,
    published: date | None,
) -> Iterator[Outcome]:
    """Each item's outcome, batch by batch as the workers finish them (not in input order)."""
    from distributed import as_completed

    run = uuid.uuid4().hex
    if workers_write(store):
        job = Job(run, settings, published, store.engine.url.render_as_string(hide_password=False), None)
    else:
        job = Job(run, settings, published, None, StoredSnapshot(store.article_ids()))
    shared = client.scatter(job, broadcast=True)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    batches = _batches(items)
    running = as_completed()
    sent: dict[Any, list[RawItem]] = {}

    def send(count: int) -> Iterator[ItemError]:
        """Send `count` batches while there are any; reading errors need no worker and come straight back."""
        while count and (batch := next(batches, None)) is not None:
            raw = [item for item in batch if isinstance(item, RawItem)]
            yield from (item for item in batch if isinstance(item, ItemError))
            if raw:
                future = client.submit(read_batch, shared, raw, pure=False)
                sent[future] = raw
                running.add(future)
                count -= 1

    yield from send(workers * IN_FLIGHT_PER_WORKER)
    while not running.is_empty():
        future = next(running)
        raw = sent.pop(future)
        yield from _outcomes(store, future, raw)
        yield from send(1)


def _outcomes(store: Store, future: Any, raw: list[RawItem]) -> Iterator[Outcome]:
    try:
        results = future.result()
    except StoreError:
        raise
    except Exception as exc:  # the worker died on this batch (killed, out of memory): its items failed, not the run
        log.warning("a worker failed on a batch: %s", exc)
        for item in raw:
            yield ItemError(
                path=item.path,
                record=item.record,
                reason=f"{item.path}: a worker failed while reading it ({type(exc).__name__}); run the batch again",
            )
        return
    if workers_write(store):
        yield from results
    else:
        yield from save_batch(store, results)


def _batches(items: Iterable[RawItem | ItemError]) -> Iterator[list[RawItem | ItemError]]:
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH_ITEMS)):
        yield batch


def connect(workers: int | None, scheduler: str | None) -> Client:
    """A client of the cluster at `scheduler`, or of a LocalCluster of `workers` processes of one thread each."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )
    return Client(cluster)
