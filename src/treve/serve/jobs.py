"""Writes through the API: a request body read into news items (all or nothing), kept in the store as a job
(store/jobs.py), then stored by a background thread whose progress can be read from any server process. Each
process runs its jobs one at a time in one thread that keeps one pipeline, its models loaded once."""

from __future__ import annotations

import gc
import json
import tempfile
import threading
from pathlib import Path

from treve.config import Settings
from treve.distribute import Saved, save_each
from treve.errors import StoreError
from treve.ingest import read_inputs
from treve.pipeline import Pipeline
from treve.records import ItemError, RawItem
from treve.store.jobs import Job, add_job, any_waiting, claim_job, read_job, record_progress
from treve.store.repository import Store

BODY_NAME = "request body"
POLL_SECONDS = 1.0
SUFFIXES = {
    "application/json": ".jsonl",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "text/html": ".html",
    "text/plain": ".txt",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "application/xml": ".xml",
    "application/warc": ".warc",
    "application/gzip": ".gz",
}
"""The media types a write may carry: JSON (one article, a list, or {"articles": [...]}) and the raw formats
`treve extract` reads."""


class RejectedBody(ValueError):
    """The request body cannot be stored; the message says why and what to send, `status` is the HTTP one."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def read_body(body: bytes, media_type: str, settings: Settings) -> list[RawItem]:
    """The news items a request body holds, or RejectedBody naming the first thing wrong: nothing of a body that
    is wrong anywhere is stored."""
    suffix = SUFFIXES.get(media_type)
    if suffix is None:
        sent = media_type or "a body without a Content-Type"
        raise RejectedBody(f"cannot read {sent}; send one of {', '.join(SUFFIXES)}", status=415)
    if media_type == "application/json":
        body = _json_lines(body)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / f"upload{suffix}"
        path.write_bytes(body)
        results = list(read_inputs([str(path)], stdin=None, max_item_bytes=settings.max_item_bytes))
    for result in results:
        if isinstance(result, ItemError):
            raise RejectedBody(result.reason.replace(str(path), BODY_NAME))
    if not results:
        raise RejectedBody("the body holds no article; send at least one")
    return [item.model_copy(update={"path": BODY_NAME}) for item in results if isinstance(item, RawItem)]


def _json_lines(body: bytes) -> bytes:
    """One article, a list of them, or {"articles": [...]}, as JSON Lines."""
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RejectedBody(f"the body is not JSON ({exc}); send an article object or a list of them") from exc
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    articles = value if isinstance(value, list) else [value]
    if not articles or not all(isinstance(article, dict) for article in articles):
        raise RejectedBody('the body must be an article object, a list of them, or {"articles": [...]}')
    return "".join(json.dumps(article, ensure_ascii=False) + "\n" for article in articles).encode("utf-8")


class Ingester:
    """Runs the store's queued jobs one after another in a background thread of this server process; several
    processes share the queue. A job submitted here starts at once; others are looked for every `poll` seconds."""

    def __init__(self, store: Store, settings: Settings, poll: float = POLL_SECONDS) -> None:
        self._store = store
        self._settings = settings
        self._poll = poll
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._pipeline: Pipeline | None = None
        self._thread = threading.Thread(target=self._work, name="treve-ingest", daemon=True)
        self._thread.start()

    def submit(self, items: list[RawItem]) -> Job:
        with self._store.writing() as connection:
            job = add_job(connection, items)
        self._wake.set()
        return job

    def job(self, job_id: str) -> Job | None:
        with self._store.reading() as connection:
            return read_job(connection, job_id)

    def close(self) -> None:
        """Stop after the item being stored; a job left running is taken up by a server running once it has made
        no progress for `STALE_AFTER` (store/jobs.py)."""
        self._stopping.set()
        self._wake.set()
        self._thread.join()

    def _work(self) -> None:
        while not self._stopping.is_set():
            try:
                with self._store.reading() as connection:
                    waiting = any_waiting(connection)
                claimed = None
                if waiting:
                    with self._store.writing() as connection:
                        claimed = claim_job(connection)
            except StoreError:
                claimed = None  # the store is away: look again later
            if claimed is None:
                self._wake.wait(self._poll)
                self._wake.clear()
                continue
            try:
                self._run(*claimed)
            except StoreError:
                continue  # its progress could not be written: it is taken up again once stale

    def _run(self, job: Job, items: list[RawItem]) -> None:
        try:
            if self._pipeline is None:
                self._pipeline = Pipeline(self._settings, stored=self._store)
                gc.freeze()  # its models live as long as the process: full collections need not walk them
            for outcome in save_each(self._store, self._pipeline.run(items)):
                job.done += 1
                if isinstance(outcome, Saved):
                    job.stored += outcome.new
                    job.already += not outcome.new
                    job.events += outcome.events
                else:
                    job.errors.append(outcome.reason)
                self._record(job)
                if self._stopping.is_set():
                    return
            job.status = "done"
        except Exception as exc:  # the store failed: the job says so; what was stored stays stored
            job.errors.append(str(exc))
            job.status = "failed"
        self._record(job)

    def _record(self, job: Job) -> None:
        with self._store.writing() as connection:
            record_progress(connection, job)
