"""What reports tell of a ceasefire: whether an event record tells one (or accuses someone of breaking one), the
date it was agreed at the precision told, and the ceasefire's values drawn from every report that tells it. The
tracker (ceasefires.py) files the tellings and follows the ceasefires over time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, select

from treve.store.clustering import PARTY_ROLES, instant, reported_at
from treve.store.schema import (
    ArticleRow,
    CanonicalEventRow,
    CeasefirePartyRow,
    CeasefireRow,
    CeasefireTellingRow,
    EventReportRow,
)

UNREAL_MODES = frozenset({"future", "hypothetical", "negation"})
# How an event's date precision is told as an agreement date: its ISO 8601 prefix length.
AGREED_LENGTH = {"hour": 10, "day": 10, "week": 7, "month": 7, "season": 4, "year": 4}


def tells_a_ceasefire(record: dict[str, Any]) -> bool:
    """Whether an event record tells a ceasefire agreed or declared: one to come ("will sign a truce"), one only
    supposed, or one not agreed ("did not agree to a truce") stays out of the tracker."""
    return record.get("ceasefire") is not None and not UNREAL_MODES & set(record.get("auxiliary_modes", ()))


def accuses_a_breach(record: dict[str, Any]) -> bool:
    """Whether an event record accuses someone of breaking a ceasefire ("accused the RSF of violating the truce")."""
    return record["event"] == "ACCUSE" and bool(record.get("ceasefire_violation"))


def period_end(agreed: str) -> datetime:
    """The instant after the period an ISO date prefix names (a day, a month, a year) ends."""
    parts = [int(part) for part in agreed.split("-")]
    if len(parts) == 3:
        end = date(*parts) + timedelta(days=1)
    elif len(parts) == 2:
        end = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    else:
        end = date(parts[0] + 1, 1, 1)
    return instant(end)  # type: ignore[return-value]


def agreed_text(day: date | None, precision: str | None) -> str | None:
    """A report's date as an agreement date: its ISO 8601 prefix at the report's precision (None: unknown)."""
    if day is None:
        return None
    length = AGREED_LENGTH.get(precision or "day")
    return day.isoformat()[:length] if length else None


def dates_agree(first: str | None, second: str | None) -> bool:
    """Whether two agreement dates may name the same day: one is the other's prefix (unknown agrees with all)."""
    if first is None or second is None:
        return True
    return first.startswith(second) or second.startswith(first)


def telling_reports(connection: Connection, canonical_ids: Sequence[str]) -> list[Any]:
    """The reports of these canonical events that tell a ceasefire, with their article's publication."""
    rows = connection.execute(
        select(
            EventReportRow.id, EventReportRow.date, EventReportRow.record, ArticleRow.published, ArticleRow.stored_at
        )
        .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
        .where(EventReportRow.canonical_event_id.in_(canonical_ids))
        .order_by(EventReportRow.id)
    ).all()
    return [row for row in rows if tells_a_ceasefire(row.record)]


def agreed_date(reports: Sequence[Any]) -> str | None:
    """The most precise agreement date the reports give; among as precise ones the most often given, then the
    earliest."""
    dates = Counter(agreed_text(row.date, row.record.get("date_precision")) for row in reports)
    dates.pop(None, None)
    if not dates:
        return None
    return min(dates, key=lambda day: (-len(day), -dates[day], day))  # type: ignore[arg-type]


def effective_times(reports: Sequence[Any]) -> list[datetime]:
    """The times the reports say the ceasefire takes effect (UTC)."""
    return [
        instant(row.record["ceasefire"]["effective"]["start"])
        for row in reports
        if row.record["ceasefire"]["effective"]
    ]


def refresh_ceasefire(connection: Connection, ceasefire_id: str) -> None:
    """Set a ceasefire's parties, mediator, place and dates from every report of every canonical event telling
    it, and index its parties' codes."""
    tellings = connection.scalars(
        select(CeasefireTellingRow.canonical_event_id).where(CeasefireTellingRow.ceasefire_id == ceasefire_id)
    ).all()
    reports = telling_reports(connection, sorted(tellings))
    agreed = agreed_date(reports)
    effective = effective_times(reports)
    place = connection.execute(
        select(CanonicalEventRow.country, CanonicalEventRow.location).where(CanonicalEventRow.id == ceasefire_id)
    ).one()
    parties = _distinct_entities(entity for row in reports for role in PARTY_ROLES for entity in row.record[role])
    values = {
        "parties": parties,
        "mediator": _distinct_entities(entity for row in reports for entity in row.record["mediator"]),
        "country": place.country,
        "location": place.location,
        "agreed": agreed,
        "announced": _announced(reports, agreed),
        "effective": Counter(effective).most_common(1)[0][0] if effective else None,
        "terms": {
            "duration": _first_term(reports, "duration"),
            "scope": _first_term(reports, "scope"),
            "guarantors": _distinct_entities(e for r in reports for e in r.record["ceasefire"].get("guarantors", [])),
            "told": [
                {"status": r.record["ceasefire"]["status"], "at": _reported(r), "report_id": r.id}
                for r in reports
                if r.record["ceasefire"].get("status")
            ],
        },
    }
    connection.execute(CeasefireRow.__table__.update().where(CeasefireRow.id == ceasefire_id).values(**values))
    connection.execute(delete(CeasefirePartyRow).where(CeasefirePartyRow.ceasefire_id == ceasefire_id))
    codes = sorted({party["code"] for party in parties})
    if codes:
        connection.execute(
            CeasefirePartyRow.__table__.insert(), [{"ceasefire_id": ceasefire_id, "code": code} for code in codes]
        )


def _first_term(reports: Sequence[Any], term: str) -> Any:
    """A term as the first report that gives it tells it."""
    return next((r.record["ceasefire"][term] for r in reports if r.record["ceasefire"].get(term)), None)


def _reported(report: Any) -> str | None:
    """When a report was made known, as ISO 8601: its article's publication, else its own date (never when it was
    stored)."""
    published = instant(report.published) if report.published else None
    moment = published or instant(report.date)
    return moment.isoformat() if moment is not None else None


def _announced(reports: Sequence[Any], agreed: str | None) -> datetime | None:
    """When the ceasefire was agreed, as an instant: the publication of a report dated that day when one is (the
    more precise), else the start of the agreement date; None when no date is known."""
    if agreed is None:
        return None
    for row in reports:
        if row.published and len(agreed) == 10 and row.date is not None and row.date.isoformat() == agreed:
            published = reported_at(row.published, row.stored_at)
            if published.date() == row.date:
                return published
    return instant(agreed + "-01" * ((10 - len(agreed)) // 3))


def _distinct_entities(entities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Coded entities, one per (code, sector), as the first report names them."""
    kept: dict[tuple[str, str | None], dict[str, Any]] = {}
    for entity in entities:
        if entity["code"]:
            kept.setdefault(
                (entity["code"], entity["sector"]), {key: entity[key] for key in ("entity_text", "code", "sector")}
            )
    return list(kept.values())
