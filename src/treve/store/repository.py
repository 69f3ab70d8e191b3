"""Open a store (migrating it to the current schema), save extraction results, query event reports, canonical
events and ceasefires.

Every write is INSERT ... ON CONFLICT DO NOTHING keyed on content-derived ids, in one transaction per
call: a batch killed half-way and run again, or two processes ingesting the same articles at once,
leave each article stored exactly once. The same transaction clusters the new reports into canonical events
and updates the ceasefires they bear on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import pycountry
from alembic import command
from alembic.config import Config
from datasketch import MinHash
from sqlalchemy import Connection, Engine, Select, create_engine, event, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from treve.config import Settings, load_settings
from treve.errors import StoreError
from treve.records import Article, Event
from treve.stages.identity import CopyRule
from treve.store.ceasefire_tellings import tells_a_ceasefire
from treve.store.ceasefires import CeasefireRules, track_ceasefires
from treve.store.clustering import MergeRules, cluster_reports
from treve.store.copies import index_first_copies, index_stored_first_copies, link_stored_copies, stored_first_copy
from treve.store.queries import EventFilter, StoredEvent, canonical_event, canonical_events_query, events_query
from treve.store.schema import (
    ArticleRow,
    Base,
    CeasefireAccusationRow,
    CeasefireRow,
    CeasefireStatusRow,
    CeasefireTellingRow,
    CeasefireViolationRow,
    EventReportRow,
    MentionRow,
    RemovalRow,
)
from treve.store.state import raise_version

SQLITE_BUSY_TIMEOUT_MS = 60_000
POSTGRES_CONNECT_TIMEOUT_S = 10
BACKLOG_CHUNK = 5_000
"""Unclustered reports clustered per step when a store from before canonical events is opened."""
MIGRATION_LOCK = 0x7472657665  # "treve": one migration at a time per PostgreSQL database
_WRITE = "treve_write"
_DIALECT_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def _hide_password(url: str) -> str:
    """The URL as it may be shown in a message: its password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return _PASSWORD.sub(r"\1***@", url)


def alembic_config() -> Config:
    """Alembic's settings for the migrations shipped in this package (users need no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", "treve.store:migrations")
    return config


@dataclass(frozen=True)
class StoreRules:
    """The settings the store's clustering, ceasefire tracker and copy index follow."""

    merge: MergeRules
    ceasefires: CeasefireRules
    copies: CopyRule

    @classmethod
    def from_settings(cls, settings: Settings) -> StoreRules:
        return cls(
            MergeRules(merge_days=settings.merge_days, merge_distance_km=settings.merge_distance_km),
            CeasefireRules(
                collapse_violations=settings.ceasefire_collapse_violations,
                collapse_days=settings.ceasefire_collapse_days,
            ),
            CopyRule.from_settings(settings),
        )


class Store:
    """An open event store; `open_store` builds it. Close it (or use it in a `with`) to free connections."""

    def __init__(self, engine: Engine, shown_url: str, rules: StoreRules) -> None:
        self.engine = engine
        self.shown_url = shown_url
        self.rules = rules
        self._insert = _DIALECT_INSERTS[engine.dialect.name]
        self._writer = engine.execution_options(**{_WRITE: True})

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def save(self, articles: Iterable[Article]) -> int:
        """Store `articles` as `save_articles` does; return how many were new."""
        return len(self.save_articles(articles))

    def save_articles(self, articles: Iterable[Article]) -> list[Article]:
        """Store `articles` and their events in one transaction (all or none); return the new ones as stored.

        An article already stored (same id) is skipped with everything it holds, so re-ingesting adds nothing;
        `treve ingest` saves one article per call, a bulk load many. A new article that copies a stored first copy
        is stored as its copy, without events (store/copies.py).
        """
        first_copies: dict[str, Article] = {}
        for article in articles:
            first_copies.setdefault(article.id, article)
        batch = list(first_copies.values())
        if not batch:
            return []
        stored_at = datetime.now(UTC)
        try:
            with self._writer.begin() as connection:
                batch = _first_copies_kept(connection, batch)
                batch, signatures = link_stored_copies(connection, batch, self.rules.copies)
                new_ids = set(
                    connection.execute(
                        self._insert(ArticleRow).on_conflict_do_nothing().returning(ArticleRow.id),
                        [_article_values(article, stored_at) for article in batch],
                    ).scalars()
                )
                new = [article for article in batch if article.id in new_ids]
                index_first_copies(connection, {i: s for i, s in signatures.items() if i in new_ids}, self.rules.copies)
                self._insert_all(connection, RemovalRow, [row for article in new for row in _removal_values(article)])
                reports = [_report_values(article.id, event) for article in new for event in article.events]
                self._insert_all(connection, EventReportRow, reports)
                self._insert_all(connection, MentionRow, [row for report in reports for row in _mention_values(report)])
                report_ids = [report["id"] for report in reports]
                cluster_reports(connection, report_ids, self.rules.merge)
                track_ceasefires(connection, report_ids, self.rules.ceasefires)
                if new:
                    raise_version(connection)
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.shown_url}: cannot store articles ({_reason(exc)}); check the database") from exc
        return new

    def writing(self) -> AbstractContextManager[Connection]:
        """One write transaction of the caller's (SQLite: taken at once, other writers queued behind it)."""
        return self._connected("write", write=True)

    def reading(self, doing: str = "read") -> AbstractContextManager[Connection]:
        return self._connected(doing, write=False)

    @contextmanager
    def _connected(self, doing: str, *, write: bool) -> Iterator[Connection]:
        """A connection (in a write transaction if `write`); what the database refuses becomes one StoreError."""
        try:
            with self._writer.begin() if write else self.engine.connect() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.shown_url}: cannot {doing} ({_reason(exc)}); check the database") from exc

    def holds(self, article_id: str) -> bool:
        """Whether an article with this id is stored: one primary-key lookup, asked before an article is read so
        that a rerun after a crash reads only what was not stored."""
        with self.reading("read articles") as connection:
            return connection.scalar(select(ArticleRow.id).where(ArticleRow.id == article_id)) is not None

    def article_ids(self) -> Iterator[str]:
        """Every stored article's id, streamed."""
        with self.reading("read articles") as connection:
            yield from connection.execution_options(yield_per=10_000).scalars(select(ArticleRow.id))

    def first_copy(self, signature: MinHash, rule: CopyRule) -> str | None:
        """The stored first copy that a text with this signature copies, if any (asked before it is read)."""
        with self.reading("read articles") as connection:
            return stored_first_copy(connection, signature, rule)

    def _insert_all(self, connection: Connection, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            connection.execute(self._insert(model), rows)

    def events(
        self,
        *,
        country: str | None = None,
        event_type: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Iterator[StoredEvent]:
        """Event reports by date (undated ones last), streamed; `since` and `until` are inclusive and leave out
        undated events."""
        query = events_query(EventFilter(country=country, event_type=event_type, since=since, until=until))
        return self._stream(query, lambda row: StoredEvent(**row))

    def canonical_events(
        self,
        *,
        country: str | None = None,
        event_type: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> Iterator[StoredEvent]:
        """Canonical events by date (undated ones last), streamed, filtered as `events` filters reports."""
        query = canonical_events_query(EventFilter(country=country, event_type=event_type, since=since, until=until))
        return self._stream(query, canonical_event)

    def _stream(self, query: Select[Any], as_event: Callable[[Any], StoredEvent]) -> Iterator[StoredEvent]:
        """The query's rows as events, fetched a thousand at a time."""
        with self.reading("read events") as connection:
            for row in connection.execution_options(yield_per=1000).execute(query):
                yield as_event(row._mapping)

    def ceasefires(self) -> list[StoredCeasefire]:
        """Every ceasefire by announcement, with its status history and violations."""
        with self.reading("read ceasefires") as connection:
            statuses = connection.execute(
                select(CeasefireStatusRow).order_by(CeasefireStatusRow.ceasefire_id, CeasefireStatusRow.position)
            ).all()
            accusations = connection.execute(
                select(
                    CeasefireAccusationRow.ceasefire_id,
                    CeasefireAccusationRow.report_id,
                    CeasefireAccusationRow.accuser,
                ).order_by(CeasefireAccusationRow.at, CeasefireAccusationRow.report_id)
            ).all()
            violations = connection.execute(
                select(CeasefireViolationRow.ceasefire_id, CeasefireViolationRow.report_id).order_by(
                    CeasefireViolationRow.at, CeasefireViolationRow.report_id
                )
            ).all()
            rows = connection.execute(select(CeasefireRow).order_by(CeasefireRow.announced, CeasefireRow.id)).all()
            tellings = connection.execute(
                select(CeasefireTellingRow.ceasefire_id, EventReportRow.id, EventReportRow.record)
                .join(EventReportRow, EventReportRow.canonical_event_id == CeasefireTellingRow.canonical_event_id)
                .order_by(EventReportRow.id)
            ).all()
        return [
            StoredCeasefire(
                id=row.id,
                parties=row.parties,
                mediator=row.mediator,
                country=row.country,
                location=row.location,
                agreed=row.agreed,
                terms=row.terms or {},
                announced=row.announced,
                effective=row.effective,
                status=row.status,
                history=[
                    StatusChange(change.status, change.at, change.report_id)
                    for change in statuses
                    if change.ceasefire_id == row.id
                ],
                violations=[report_id for ceasefire_id, report_id in violations if ceasefire_id == row.id],
                accusations=[
                    {"report_id": accusation.report_id, "accuser": accusation.accuser}
                    for accusation in accusations
                    if accusation.ceasefire_id == row.id
                ],
                reports=[
                    telling.id
                    for telling in tellings
                    if telling.ceasefire_id == row.id and tells_a_ceasefire(telling.record)
                ],
            )
            for row in rows
        ]


@dataclass(frozen=True)
class StatusChange:
    status: str
    at: datetime
    report_id: str | None


@dataclass(frozen=True)
class StoredCeasefire:
    """A ceasefire as the tracker follows it (store/ceasefires.py): `status` is the last of its `history`;
    `violations` are the ids of the reports of assaults that broke it."""

    id: str
    parties: list[dict[str, Any]]
    mediator: list[dict[str, Any]]
    country: str | None
    location: str | None
    agreed: str | None
    """When agreed or declared, ISO 8601 as precise as told (YYYY, YYYY-MM or YYYY-MM-DD); None when unknown."""
    terms: dict[str, Any]
    """What its reports say of it: `duration`, `scope`, and `told` (statuses the text gives, with their report)."""
    announced: datetime | None
    effective: datetime | None
    status: str
    history: list[StatusChange]
    violations: list[str]
    accusations: list[dict[str, Any]]
    """Accusations of breaking it while it ran: the report's id and who made it (`accuser`, entities)."""
    reports: list[str]
    """The ids of the reports that tell it: the first telling and every retelling."""

    def status_at(self, moment: datetime) -> str | None:
        """Its status at `moment`: None before it was agreed."""
        reached = [change.status for change in self.history if change.at <= moment]
        return reached[-1] if reached else None


def open_store(url: str, rules: StoreRules | None = None) -> Store:
    """Connect to the store at `url` (SQLite file or PostgreSQL) and migrate it to the current schema; `rules`
    default to the settings (treve.config)."""
    shown = _hide_password(url)
    example = "e.g. sqlite:///treve.db or postgresql+psycopg://user:password@host/database"
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{shown}: not a database URL; give --db or TREVE_DB as one, {example}") from exc
    backend = parsed.get_backend_name()
    if backend not in _DIALECT_INSERTS:
        raise StoreError(f"{shown}: treve stores events in SQLite or PostgreSQL, not {backend}; {example}")
    try:
        engine = _engine(parsed)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"{shown}: no such database driver ({_reason(exc)}); {example}") from exc
    rules = rules or StoreRules.from_settings(load_settings())
    try:
        _migrate(engine, rules)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(
            f"{shown}: cannot open the store ({_reason(exc)}); check that the database exists and is reachable, "
            "and the URL given with --db or TREVE_DB"
        ) from exc
    return Store(engine, shown, rules)


def _engine(url: URL) -> Engine:
    """PostgreSQL through psycopg 3 unless the URL names another driver; SQLite in WAL mode, foreign keys on,
    writers queued (BEGIN IMMEDIATE) rather than failing as busy."""
    if url.get_backend_name() == "postgresql":
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        return create_engine(url, connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S})
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _configure(connection: Any, _record: object) -> None:
        connection.isolation_level = None  # transactions are begun below, not by the driver
        for pragma in ("journal_mode = WAL", "foreign_keys = ON", f"busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}"):
            connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def _migrate(engine: Engine, rules: StoreRules) -> None:
    """Bring the schema to the newest revision, in one transaction that holds off other migrating processes, and
    cluster the reports stored before canonical events existed (revision 0002) and index the first copies stored
    before the copy index (revision 0006)."""
    config = alembic_config()
    with engine.execution_options(**{_WRITE: True}).begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        unclustered = list(
            connection.scalars(
                select(EventReportRow.id).where(EventReportRow.canonical_event_id.is_(None)).order_by(EventReportRow.id)
            )
        )
        for start in range(0, len(unclustered), BACKLOG_CHUNK):
            chunk = unclustered[start : start + BACKLOG_CHUNK]
            cluster_reports(connection, chunk, rules.merge)
            track_ceasefires(connection, chunk, rules.ceasefires)
        index_stored_first_copies(connection, rules.copies)
        if unclustered:
            raise_version(connection)


def _reason(exc: Exception) -> str:
    """The driver's own words, on one line, without SQLAlchemy's background links."""
    original = getattr(exc, "orig", None) or exc
    return " ".join(str(original).split("(Background on this error")[0].split())


def _first_copies_kept(connection: Connection, batch: list[Article]) -> list[Article]:
    """The batch, with a copy whose first copy never reached the store (it failed to read, or was stored
    elsewhere) made a first copy itself: its link would point at nothing, and the whole batch would fail."""
    pointed = {a.duplicate_of for a in batch if a.duplicate_of and a.duplicate_of != a.id}
    missing = pointed - {a.id for a in batch}
    if missing:
        missing -= set(connection.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(sorted(missing)))))
    return [a.model_copy(update={"duplicate_of": None}) if a.duplicate_of in missing else a for a in batch]


def _article_values(article: Article, stored_at: datetime) -> dict[str, Any]:
    """Every Article field has its column (a new field needs a migration); debris and events have tables."""
    return {**article.model_dump(mode="json", exclude={"removed", "events"}), "stored_at": stored_at}


def _removal_values(article: Article) -> list[dict[str, Any]]:
    return [
        {"article_id": article.id, "position": position, **removal.model_dump()}
        for position, removal in enumerate(article.removed)
    ]


def _report_values(article_id: str, event: Event) -> dict[str, Any]:
    """The report's columns; its place ones come from the record's PLOVER `location` when the record has one."""
    dead = event.casualties.dead
    record = event.model_dump(mode="json")
    return {
        "id": event.id,
        "article_id": article_id,
        "event_type": event.event,
        "mode": event.mode,
        "date": date.fromisoformat(event.date) if event.date else None,
        "date_precision": event.date_precision,
        **_place_values(record.get("location"), event),
        "dead_best": event.size.dead if event.size.dead is not None or dead is None else dead.best,
        "dead_low": dead.low if dead else None,
        "dead_high": dead.high if dead else None,
        "sentence_start": event.evidence.start,
        "sentence_end": event.evidence.end,
        "confidence": event.confidence,
        "acled_event_type": event.acled_event_type,
        "historical": "historical" in event.auxiliary_modes,
        "record": record,
    }


_PLACE_COLUMNS = ("admin1", "admin2", "location", "latitude", "longitude", "geo_precision")


def _place_values(place: dict[str, Any] | None, event: Event) -> dict[str, Any]:
    """ACLED's place columns from a PLOVER Place; with none, the country the parties suggest (and every column, so
    that reports with and without a place go into one insert)."""
    if not place:
        return {"country": event_country(event)} | dict.fromkeys(_PLACE_COLUMNS)
    return {
        "country": place.get("country_code") or event_country(event),
        "admin1": place.get("province"),
        "admin2": place.get("district"),
        "location": place.get("resolved_place") or place.get("extracted_place"),
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": place.get("geo_precision"),
    }


def _mention_values(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Actors, recipients and mediators in their order, and the source of an attributed report, read from the
    report's record (already dumped: entities are not serialised twice)."""
    record = report["record"]
    source = (record["attribution"] or {}).get("source")
    roles = {"actor": record["actor"], "recipient": record["recipient"], "mediator": record["mediator"]}
    roles["source"] = [source] if source else []
    return [
        {"report_id": report["id"], "role": role, "position": position, **entity}
        for role, entities in roles.items()
        for position, entity in enumerate(entities)
    ]


@cache
def _iso_countries() -> frozenset[str]:
    return frozenset(country.alpha_3 for country in pycountry.countries)


def event_country(event: Event) -> str | None:
    """Where an event is filed: the first country among its recipients, then its actors (ISO 3166 alpha-3).

    For an event without a place, the parties' country is the best guess treve has (a state's forces, its
    rebels and its civilians are mostly fought over on its soil).
    """
    for entity in (*event.recipient, *event.actor):
        if entity.code in _iso_countries():
            return entity.code
    return None
