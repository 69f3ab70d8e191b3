"""Writes accepted by `treve serve`, kept in the store as jobs: a job holds its news items until they are stored,
so that any server process can run it, every process can report its progress, and a server stopped half-way
finishes it when started again (items already stored are found and skipped, as in any rerun).

A job is claimed with one conditional UPDATE (queued -> running): of two processes claiming it at once, one
changes the row and the other finds it taken.
"""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, Row, insert, select, update

from treve.records import RawItem
from treve.store.schema import JobRow

JOBS = JobRow.__table__
STALE_AFTER = timedelta(minutes=5)
"""A running job without progress for this long was left by a server that stopped (an item takes seconds)."""
Status = Literal["queued", "running", "done", "failed"]


@dataclass
class Job:
    """One write's progress: items handled so far, what storing them gave, and the errors met."""

    id: str
    items: int
    status: Status = "queued"
    done: int = 0
    stored: int = 0
    already: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def add_job(connection: Connection, items: list[RawItem]) -> Job:
    """Keep `items` as a queued job."""
    job = Job(id=uuid.uuid4().hex, items=len(items))
    now = datetime.now(UTC)
    pending = "".join(json.dumps(_item_json(item), ensure_ascii=False) + "\n" for item in items)
    connection.execute(insert(JobRow).values(**job.as_json(), pending=pending, created_at=now, updated_at=now))
    return job


def _waiting(now: datetime, stale_after: timedelta) -> ColumnElement[bool]:
    """A job waits when queued, or when running without progress for `stale_after` (its server stopped)."""
    return (JOBS.c.status == "queued") | ((JOBS.c.status == "running") & (JOBS.c.updated_at < now - stale_after))


def any_waiting(connection: Connection, stale_after: timedelta = STALE_AFTER) -> bool:
    """Asked before claiming, in a read: SQLite's write lock is taken only when there is a job to claim."""
    waiting = _waiting(datetime.now(UTC), stale_after)
    return connection.scalar(select(JOBS.c.id).where(waiting).limit(1)) is not None


def claim_job(connection: Connection, stale_after: timedelta = STALE_AFTER) -> tuple[Job, list[RawItem]] | None:
    """The oldest job waiting, now running, with the items it has not handled yet (a job taken up again goes on
    from the first item not handled); None when none waits or another process took it first."""
    now = datetime.now(UTC)
    waiting = _waiting(now, stale_after)
    row = connection.execute(select(JOBS).where(waiting).order_by(JOBS.c.created_at, JOBS.c.id).limit(1)).first()
    if row is None:
        return None
    claimed = connection.execute(
        update(JOBS)
        .where(JOBS.c.id == row.id, JOBS.c.status == row.status, JOBS.c.updated_at == row.updated_at)
        .values(status="running", updated_at=now)
    )
    if claimed.rowcount != 1:
        return None
    items = [_item(json.loads(line)) for line in (row.pending or "").splitlines()]
    job = _job(row)
    job.status = "running"
    return job, items[job.done :]


def record_progress(connection: Connection, job: Job) -> None:
    """Write the job's counts and status; a job over forgets its items."""
    values: dict[str, Any] = asdict(job) | {"updated_at": datetime.now(UTC)}
    del values["id"], values["items"]
    if job.status in ("done", "failed"):
        values["pending"] = None
    connection.execute(update(JobRow).where(JobRow.id == job.id).values(**values))


def read_job(connection: Connection, job_id: str) -> Job | None:
    row = connection.execute(select(JOBS).where(JOBS.c.id == job_id)).first()
    return _job(row) if row else None


def _job(row: Row[Any]) -> Job:
    return Job(
        id=row.id,
        items=row.items,
        status=row.status,  # type: ignore[arg-type]
        done=row.done,
        stored=row.stored,
        already=row.already,
        events=row.events,
        errors=list(row.errors),
    )


def _item_json(item: RawItem) -> dict[str, Any]:
    """The item as JSON; undecoded bytes as base64, their encoding being unknown."""
    fields = item.model_dump(mode="json", exclude={"data"})
    if item.data is not None:
        fields["data"] = base64.b64encode(item.data).decode("ascii")
    return fields


def _item(fields: dict[str, Any]) -> RawItem:
    if fields.get("data") is not None:
        fields["data"] = base64.b64decode(fields["data"])
    return RawItem.model_validate(fields)
