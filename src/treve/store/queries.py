"""Reading events back: the filters `treve events` and the API give, on event reports or canonical events, in
date order (undated last), and a page of canonical events after a cursor."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, exists, false, func, or_, select
from sqlalchemy.orm import aliased

from treve.records import Event
from treve.store.clustering import PARTY_ROLES
from treve.store.schema import ArticleRow, CanonicalEventRow, EventReportRow, MentionRow


@dataclass(frozen=True)
class StoredEvent:
    """An event report (or a canonical event) as the store returns it: the PLOVER record and what the store knows
    around it. A canonical event's record is its earliest report's, under the canonical id, type and date, with
    the reconciled death toll; `reports` and `sources` count what tells it (None for a single report)."""

    id: str
    article_id: str
    event_type: str
    mode: str | None
    date: date | None
    country: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    dead_best: int | None
    source: str | None
    url: str | None
    stored_at: datetime
    record: dict[str, Any]
    reports: int | None = None
    sources: int | None = None

    def event(self) -> Event:
        """The record as treve's Event (validated: slower than reading `record`, which exports mostly do)."""
        return Event.model_validate(self.record)


@dataclass(frozen=True)
class EventFilter:
    """Which events to read: every field left None keeps all. `actor` is a party's code (actor or recipient, any
    report); `bbox` is west, south, east, north in degrees; `text` is looked for, in any case, in the evidence
    sentences; `historical` False leaves out events recalled for context."""

    country: str | None = None
    event_type: str | None = None
    since: date | None = None
    until: date | None = None
    actor: str | None = None
    mode: str | None = None
    acled_type: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None
    historical: bool = True
    min_confidence: float | None = None


@dataclass(frozen=True)
class Cursor:
    """Where a page of events ended: the last event's date (None: undated) and id, in the order events are read."""

    date: date | None
    id: str


def events_query(filters: EventFilter) -> Select[Any]:
    report = EventReportRow
    query = (
        select(
            report.id,
            report.article_id,
            report.event_type,
            report.mode,
            report.date,
            report.country,
            report.admin1,
            report.admin2,
            report.location,
            report.latitude,
            report.longitude,
            report.geo_precision,
            report.dead_best,
            ArticleRow.source,
            ArticleRow.url,
            ArticleRow.stored_at,
            report.record,
        )
        .join(ArticleRow, ArticleRow.id == report.article_id)
        .order_by(report.date.asc().nulls_last(), report.id)
    )
    query = _filtered(query, report, filters)
    return query.where(
        *_report_conditions(report, filters), *_told_conditions(lambda told: told.id == report.id, filters)
    )


_EARLIEST = aliased(EventReportRow)


def canonical_events_query(filters: EventFilter, after: Cursor | None = None, limit: int | None = None) -> Select[Any]:
    """Canonical events in date order (undated last), those after `after` only, `limit` at most."""
    canonical = CanonicalEventRow
    query = (
        select(
            canonical.id,
            canonical.event_type,
            canonical.date,
            canonical.country,
            canonical.location,
            canonical.latitude,
            canonical.longitude,
            canonical.dead_low,
            canonical.dead_best,
            canonical.dead_high,
            canonical.dead_note,
            canonical.report_count,
            canonical.source_count,
            canonical.sources,
            _EARLIEST.article_id,
            _EARLIEST.mode,
            _EARLIEST.admin1,
            _EARLIEST.admin2,
            _EARLIEST.geo_precision,
            _EARLIEST.record,
            ArticleRow.url,
            ArticleRow.stored_at,
        )
        .join(_EARLIEST, _EARLIEST.id == canonical.earliest_report_id)
        .join(ArticleRow, ArticleRow.id == _EARLIEST.article_id)
        .order_by(canonical.date.asc().nulls_last(), canonical.id)
    )
    query = _filtered(query, canonical, filters)
    query = query.where(
        *_report_conditions(_EARLIEST, filters),
        *_told_conditions(lambda told: told.canonical_event_id == canonical.id, filters),
    )
    if after is not None:
        query = query.where(_after(canonical, after))
    return query.limit(limit) if limit is not None else query


def canonical_rows(columns: Sequence[Any], filters: EventFilter) -> Select[Any]:
    """`columns` of the canonical events `filters` keep, for counting: the earliest report is joined only when a
    filter reads it."""
    canonical = CanonicalEventRow
    query = _filtered(select(*columns).select_from(canonical), canonical, filters)
    if report_level := _report_conditions(_EARLIEST, filters):
        query = query.join(_EARLIEST, _EARLIEST.id == canonical.earliest_report_id).where(*report_level)
    return query.where(*_told_conditions(lambda told: told.canonical_event_id == canonical.id, filters))


def _after(table: type[CanonicalEventRow], cursor: Cursor) -> Any:
    if cursor.date is None:
        return and_(table.date.is_(None), table.id > cursor.id)
    return or_(table.date > cursor.date, and_(table.date == cursor.date, table.id > cursor.id), table.date.is_(None))


def plain_conditions(country: Any, event_type: Any, day: Any, filters: EventFilter) -> list[Any]:
    """The filters on country, type and dates, on the columns given (an event's, or a count's period start)."""
    conditions = []
    if filters.country is not None:
        conditions.append(country == filters.country.upper())
    if filters.event_type is not None:
        conditions.append(event_type == filters.event_type.upper())
    if filters.since is not None:
        conditions.append(day >= filters.since)
    if filters.until is not None:
        conditions.append(day <= filters.until)
    return conditions


def _filtered(
    query: Select[Any], table: type[EventReportRow] | type[CanonicalEventRow], filters: EventFilter
) -> Select[Any]:
    """The filters on what reports and canonical events both have: country, type, date, coordinates."""
    query = query.where(*plain_conditions(table.country, table.event_type, table.date, filters))
    if filters.bbox is not None:
        west, south, east, north = filters.bbox
        longitude = (
            table.longitude.between(west, east)
            if west <= east
            else or_(table.longitude >= west, table.longitude <= east)
        )
        query = query.where(table.latitude.between(south, north), longitude)
    return query


def _report_conditions(report: Any, filters: EventFilter) -> list[Any]:
    """The filters on the report a canonical event is read from (or the report itself)."""
    conditions = []
    if filters.mode is not None:
        conditions.append(report.mode == filters.mode)
    if filters.acled_type is not None:
        conditions.append(report.acled_event_type == filters.acled_type)
    if not filters.historical:
        conditions.append(report.historical.is_(false()))
    if filters.min_confidence is not None:
        conditions.append(report.confidence >= filters.min_confidence)
    return conditions


def _told_conditions(tells: Callable[[Any], Any], filters: EventFilter) -> list[Any]:
    """The filters any report telling the event may meet (`tells(report)` joins a report to the event): a party's
    code, words of the evidence sentence."""
    conditions = []
    if filters.actor is not None:
        report = aliased(EventReportRow)
        conditions.append(
            exists(
                select(MentionRow.report_id)
                .join(report, report.id == MentionRow.report_id)
                .where(tells(report), MentionRow.code == filters.actor.upper(), MentionRow.role.in_(PARTY_ROLES))
            )
        )
    if filters.text:
        report = aliased(EventReportRow)
        sentence = report.record[("evidence", "sentence")].as_string()
        conditions.append(
            exists(
                select(report.id).where(
                    tells(report), func.lower(sentence).contains(filters.text.lower(), autoescape=True)
                )
            )
        )
    return conditions


def canonical_event(row: Any) -> StoredEvent:
    """A canonical event in the shape exports read; its record is its earliest report's, under its own id, type
    and date, with the reconciled death toll (the reports' disagreement as the figure's text)."""
    record = {**row["record"], "id": row["id"], "event": row["event_type"], "date": _iso(row["date"])}
    reported = (record["casualties"] or {}).get("dead") or {}
    reconciled = (row["dead_low"], row["dead_best"], row["dead_high"])
    if reconciled != (reported.get("low"), reported.get("best"), reported.get("high")):
        low, best, high = reconciled
        dead = {"low": low, "best": best, "high": high, "qualifier": "vague", "text": row["dead_note"] or ""}
        record["casualties"] = {**record["casualties"], "dead": dead if best is not None else None}
        record["size"] = {**record["size"], "dead": best}
    return StoredEvent(
        id=row["id"],
        article_id=row["article_id"],
        event_type=row["event_type"],
        mode=row["mode"],
        date=row["date"],
        country=row["country"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        location=row["location"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        geo_precision=row["geo_precision"],
        dead_best=row["dead_best"],
        source="; ".join(row["sources"] or ()),
        url=row["url"],
        stored_at=row["stored_at"],
        record=record,
        reports=row["report_count"],
        sources=row["source_count"],
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
