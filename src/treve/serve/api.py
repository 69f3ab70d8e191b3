"""`treve serve`'s application: the read API over the store (events, ceasefires, articles, counts), the write API
(articles in, as a job), and the dashboard's files. Every error is JSON `{"error": "one line"}` with its 4xx/5xx
status; nothing a rejected request carried is stored."""

from __future__ import annotations

import base64
import binascii
import dataclasses
import gc
import io
import json
import os
import secrets
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from sqlalchemy import Connection

from treve.config import Settings
from treve.errors import StoreError
from treve.ontology import EVENT_TYPES
from treve.serve.answers import KeptAnswers
from treve.serve.jobs import Ingester, RejectedBody, read_body
from treve.store.ceasefires import STATUS_RANK
from treve.store.exports import ExportFormat, write_events
from treve.store.queries import Cursor, EventFilter, StoredEvent, canonical_event, canonical_events_query
from treve.store.reading import Period, article_detail, event_detail, stats
from treve.store.repository import Store, StoredCeasefire, StoreRules, open_store
from treve.store.state import store_version

STATIC = Path(__file__).parent / "static"
SETTINGS_VARIABLE = "TREVE_SERVE_SETTINGS"
"""The settings, as JSON, that `treve serve` hands its server processes."""
PAGE_SIZE = 100
_DEGREES = r"-?\d{1,3}(\.\d+)?"
BBOX_PATTERN = f"^{_DEGREES}(,{_DEGREES}){{3}}$"
MAX_PAGE_SIZE = 1000
GZIP_FROM_BYTES = 1000
GZIP_LEVEL = 6
"""Starlette's default, 9, takes 4x longer for a tenth less (a 2.7 MB answer: 107 ms against 26)."""

EventTypeName = StrEnum("EventTypeName", {name: name for name in EVENT_TYPES})  # type: ignore[misc]


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


MEDIA_TYPES = {
    Format.json: "application/json",
    Format.jsonl: "application/x-ndjson",
    Format.csv: "text/csv",
    Format.geojson: "application/geo+json",
}
EXPORTS = {Format.jsonl: ExportFormat.jsonl, Format.csv: ExportFormat.csv, Format.geojson: ExportFormat.geojson}


CeasefireStatus = StrEnum("CeasefireStatus", {name.replace(" ", "_"): name for name in STATUS_RANK})  # type: ignore[misc]


class Split(StrEnum):
    both = "country,type"
    country = "country"
    type = "type"
    none = "none"


SPLITS: dict[Split, tuple[Any, ...]] = {
    Split.both: ("country", "event_type"),
    Split.country: ("country",),
    Split.type: ("event_type",),
    Split.none: (),
}


class Problem(Exception):
    """An error the client gets as `{"error": message}` with `status`."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class EventPage(BaseModel):
    events: list[dict[str, Any]]
    next: str | None


class StatsPage(BaseModel):
    period: str
    rows: list[dict[str, Any]]


class JobState(BaseModel):
    id: str
    items: int
    status: str
    done: int
    stored: int
    already: int
    events: int
    errors: list[str]


class Error(BaseModel):
    error: str


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Error} for status in (400, 401, 403, 404, 413, 415, 422, 503)
}


def served_app() -> FastAPI:
    """The application of one `treve serve` process (uvicorn's factory: `--workers N` starts N), over the store
    and with the settings the command put in the environment."""
    settings = Settings.model_validate_json(os.environ[SETTINGS_VARIABLE])
    app = create_app(open_store(settings.db, StoreRules.from_settings(settings)), settings, owns_store=True)
    gc.freeze()  # what start-up made lives as long as the process: full collections no longer walk it (150-180 ms)
    return app


def create_app(store: Store, settings: Settings, *, owns_store: bool = False) -> FastAPI:
    """The application over an open store (closed with the app if it `owns_store`); writes need
    `settings.api_token` (none set: every write refused)."""
    ingester = Ingester(store, settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        ingester.close()
        if owns_store:
            store.close()

    app = FastAPI(
        title="treve",
        summary="Conflict events read from the news: canonical events, ceasefires, articles and counts.",
        version="0.1.0",
        lifespan=lifespan,
        responses=ERRORS,
    )

    def version() -> int | None:
        try:
            with store.reading() as connection:
                return store_version(connection)
        except StoreError:
            return None

    app.add_middleware(GZipMiddleware, minimum_size=GZIP_FROM_BYTES, compresslevel=GZIP_LEVEL)
    app.add_middleware(KeptAnswers, version=version, capacity=settings.api_cache_bytes)  # outside: kept compressed

    @app.exception_handler(Problem)
    async def _problem(_: Request, problem: Problem) -> JSONResponse:
        return JSONResponse({"error": problem.message}, status_code=problem.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())[1:]) or "request"
        return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid')}"}, status_code=422)

    @contextmanager
    def reading() -> Iterator[Connection]:
        with _store_away(), store.reading() as connection:
            yield connection

    other_formats = {media_type: {} for chosen, media_type in MEDIA_TYPES.items() if chosen is not Format.json}

    @app.get("/events", response_model=EventPage, tags=["events"], responses={200: {"content": other_formats}})
    def list_events(
        request: Request,
        filters: Annotated[EventFilter, Depends(event_filter)],
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
        cursor: Annotated[
            str | None, Query(pattern="^[A-Za-z0-9_-]+$", max_length=400, description="`next` of the page before")
        ] = None,
        format: Annotated[Format | None, Query(description="else from the Accept header; JSON by default")] = None,
    ) -> Any:
        """Canonical events (one per real-world event) in date order, undated last, a page at a time."""
        after = _cursor(cursor)
        with reading() as connection:
            rows = connection.execute(canonical_events_query(filters, after, limit + 1)).all()
        events = [canonical_event(row._mapping) for row in rows[:limit]]
        following = _encode(events[-1]) if len(rows) > limit else None
        chosen = format or _accepted(request.headers.get("accept", ""))
        if chosen is Format.json:  # as EventPage, written directly: validating many records costs more than reading
            return JSONResponse({"events": [_json_event(event) for event in events], "next": following})
        out = io.BytesIO()
        write_events(events, EXPORTS[chosen], out)
        headers = {"X-Next-Cursor": following} if following else {}
        return Response(out.getvalue(), media_type=MEDIA_TYPES[chosen], headers=headers)

    @app.get("/events/{event_id}", tags=["events"])
    def one_event(event_id: str) -> dict[str, Any]:
        """A canonical event with every report that tells it: record, evidence and retold sentences, article and
        source, and how the death toll was reconciled."""
        with reading() as connection:
            found = event_detail(connection, event_id)
        return found or _missing("event", event_id)

    @app.get("/ceasefires", tags=["ceasefires"])
    def list_ceasefires(
        country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166 alpha-3 code")] = None,
        party: Annotated[str | None, Query(max_length=8, description="a party's code")] = None,
        status: Annotated[CeasefireStatus | None, Query(description="its status now")] = None,
    ) -> list[dict[str, Any]]:
        """The ceasefires by announcement, of a country, a party or a status if asked: parties, mediator, terms,
        status history, violations."""
        return [
            _json_ceasefire(ceasefire)
            for ceasefire in _ceasefires(store)
            if (country is None or ceasefire.country == country.upper())
            and (party is None or party.upper() in {(p.get("code") or "").upper() for p in ceasefire.parties})
            and (status is None or ceasefire.status == status.value)
        ]

    @app.get("/ceasefires/{ceasefire_id}", tags=["ceasefires"])
    def one_ceasefire(ceasefire_id: str) -> dict[str, Any]:
        found = [c for c in _ceasefires(store) if c.id == ceasefire_id]
        return _json_ceasefire(found[0]) if found else _missing("ceasefire", ceasefire_id)

    @app.get("/articles/{article_id}", tags=["articles"])
    def one_article(article_id: str) -> dict[str, Any]:
        """The clean text with its places, its events' evidence spans and the debris removed."""
        with reading() as connection:
            found = article_detail(connection, article_id)
        return found or _missing("article", article_id)

    @app.get("/stats", response_model=StatsPage, tags=["events"])
    def counts(
        filters: Annotated[EventFilter, Depends(event_filter)],
        period: Period = "month",
        by: Annotated[Split, Query(description="what else to count by (none: the period alone)")] = Split.both,
    ) -> Any:
        """Canonical events and their dead by period, and by country and type (`by`), for the charts; filtered as
        /events is."""
        with reading() as connection:
            rows = stats(connection, filters, period, SPLITS[by])
        return JSONResponse({"period": period, "rows": rows})  # as StatsPage, written directly

    @app.post("/articles", status_code=202, response_model=JobState, tags=["articles"])
    async def add_articles(
        request: Request,
        authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
        content_type: Annotated[str | None, Header()] = None,
    ) -> JobState:
        """Store one article or a batch (JSON, or a raw format `treve extract` reads) as a job; its progress is at
        /jobs/{id}."""
        _authorise(settings, authorization)
        body = await _body(request, settings.api_max_request_bytes)
        media_type = (content_type or "").split(";")[0].strip().lower()
        try:
            items = read_body(body, media_type, settings)
        except RejectedBody as exc:
            raise Problem(exc.status, str(exc)) from exc
        return JobState(**ingester.submit(items).as_json())

    @app.get("/jobs/{job_id}", response_model=JobState, tags=["articles"])
    def job_state(job_id: str) -> JobState:
        job = ingester.job(job_id)
        return JobState(**job.as_json()) if job else _missing("job", job_id)

    if STATIC.is_dir():
        app.mount("/", StaticFiles(directory=STATIC, html=True), name="dashboard")
    return app


def event_filter(
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166 alpha-3 code")] = None,
    actor: Annotated[str | None, Query(max_length=8, description="a party's code (actor or recipient)")] = None,
    event_type: Annotated[EventTypeName | None, Query(alias="type", description="PLOVER event type")] = None,
    mode: Annotated[str | None, Query(max_length=32, description="PLOVER mode")] = None,
    acled_type: Annotated[str | None, Query(max_length=32, description="ACLED event type")] = None,
    since: Annotated[date | None, Query(description="first day, inclusive")] = None,
    until: Annotated[date | None, Query(description="last day, inclusive")] = None,
    bbox: Annotated[
        str | None, Query(pattern=BBOX_PATTERN, max_length=100, description="west,south,east,north in degrees")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="words of the evidence sentence")] = None,
    historical: Annotated[bool, Query(description="include events recalled for context")] = True,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> EventFilter:
    """The filters /events and /stats share, from the query."""
    return EventFilter(
        country=country,
        event_type=event_type.value if event_type else None,
        since=since,
        until=until,
        actor=actor,
        mode=mode,
        acled_type=acled_type,
        bbox=_bbox(bbox),
        text=q,
        historical=historical,
        min_confidence=min_confidence,
    )


def _authorise(settings: Settings, authorization: str | None) -> None:
    if not settings.api_token:
        raise Problem(403, "writes are off: no API token is set; set TREVE_API_TOKEN and restart treve serve")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip(), settings.api_token):
        raise Problem(401, "missing or wrong token; send 'Authorization: Bearer TOKEN'")


async def _body(request: Request, limit: int) -> bytes:
    """The body, refused once it passes `limit` bytes (whatever Content-Length says)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Problem(413, f"the body is {int(declared):,} bytes, over the {limit:,} allowed; send smaller batches")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem(413, f"the body is over the {limit:,} bytes allowed; send smaller batches")
        chunks.append(chunk)
    return b"".join(chunks)


def _missing(kind: str, identifier: str) -> Any:
    raise Problem(404, f"no {kind} {identifier!r} in this store; list them first")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise Problem(400, f"bbox {value!r} is not west,south,east,north; e.g. 32.5,3.0,48.0,23.0") from exc
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise Problem(400, f"bbox {value!r} is outside the globe; longitudes -180..180, latitudes -90..90, south first")
    return west, south, east, north


def _encode(event: StoredEvent) -> str:
    payload = json.dumps([event.date.isoformat() if event.date else None, event.id]).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def _cursor(value: str | None) -> Cursor | None:
    if value is None:
        return None
    try:
        day, identifier = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        return Cursor(date.fromisoformat(day) if day else None, str(identifier))
    except (ValueError, TypeError, binascii.Error) as exc:
        raise Problem(400, "cursor is not one this API gave; pass the `next` of the page before") from exc


def _accepted(accept: str) -> Format:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        for chosen, media_type in MEDIA_TYPES.items():
            if media == media_type:
                return chosen
    return Format.json


def _json_event(event: StoredEvent) -> dict[str, Any]:
    record = dict(event.record)
    if event.reports is not None:
        record.update(reports=event.reports, sources=event.sources)
    place = {"country": event.country, "location": event.location, "latitude": event.latitude}
    return {**record, **place, "longitude": event.longitude, "source": event.source, "url": event.url,
            "article_id": event.article_id}  # fmt: skip


def _ceasefires(store: Store) -> list[StoredCeasefire]:
    with _store_away():
        return store.ceasefires()


@contextmanager
def _store_away() -> Iterator[None]:
    """A store that cannot be read is a 503 to the client, without the store's address."""
    try:
        yield
    except StoreError as exc:
        raise Problem(503, "the store cannot be read now; try again later") from exc


def _json_ceasefire(ceasefire: StoredCeasefire) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, datetime | date) else value

    fields = dataclasses.asdict(ceasefire)
    fields["history"] = [{key: plain(value) for key, value in change.items()} for change in fields["history"]]
    return {key: plain(value) for key, value in fields.items()}
