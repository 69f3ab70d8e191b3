"""Writes through the API: a request body read into news items (all or nothing), then stored by a background job
whose progress can be read. Jobs run one at a time in one thread that keeps one pipeline, its models loaded once."""

from __future__ import annotations

import json
import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from treve.config import Settings
from treve.distribute import Saved, save_each
from treve.ingest import read_inputs
from treve.pipeline import Pipeline
from treve.records import ItemError, RawItem
from treve.store.repository import Store

BODY_NAME = "request body"
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


@dataclass
class Job:
    """One write's progress: items read so far, what storing them gave, and the errors met."""

    id: str
    items: int
    status: Literal["queued", "running", "done", "failed"] = "queued"
    done: int = 0
    stored: int = 0
    already: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class Ingester:
    """Runs write jobs one after another in a background thread."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self._store = store
        self._settings = settings
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="treve-ingest")
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def submit(self, items: list[RawItem]) -> Job:
        job = Job(id=uuid.uuid4().hex, items=len(items))
        with self._lock:
            self._jobs[job.id] = job
        self._executor.submit(self._run, job, items)
        return job

    def job(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=False)

    def _run(self, job: Job, items: list[RawItem]) -> None:
        job.status = "running"
        try:
            if self._pipeline is None:
                self._pipeline = Pipeline(self._settings, stored=self._store)
            for outcome in save_each(self._store, self._pipeline.run(items)):
                job.done += 1
                if isinstance(outcome, Saved):
                    job.stored += outcome.new
                    job.already += not outcome.new
                    job.events += outcome.events
                else:
                    job.errors.append(outcome.reason)
        except Exception as exc:  # the store failed: the job says so; what was stored stays stored
            job.errors.append(str(exc))
            job.status = "failed"
            return
        job.status = "done"
