"""The ceasefire tracker: each ceasefire, the assaults that break it, and its status over time.

A ceasefire is a canonical event whose reports announce one (an event with `ceasefire` set: an AGREE between
parties, with its mediator and the time it takes effect). Its parties are the coded actors and recipients of
those reports; it is announced when its earliest report was published (else the report's date) and takes effect
at the time the reports give most often (UTC; a bare date is its midnight), else when announced.

An assault is a violation when its actors and recipients name two different parties (same code; same sector
where both give one) and it happened at or after the effective time: a date-only assault counts when its whole
day is, so an assault on the day a ceasefire takes effect at 06:00 UTC counts only with a time of day. It is
linked to the ceasefire between those parties that took effect last before it.

A ceasefire's status moves forward only, each change kept with its time (`ceasefire_statuses`):
- announced, when announced (the report's publication when it falls on the report's date, else that date);
- in effect, when it takes effect (not before it is announced);
- violated, at the first violation;
- collapsed, at the violation that makes `ceasefire_collapse_violations` violated events (several reports of one
  assault count once) or brings fighting to `ceasefire_collapse_days` different days, whichever comes first;
- superseded, when a newer ceasefire between the same parties (the same codes) is announced; nothing follows it.

The tracker runs in the transaction that stores new reports, whenever they hold a ceasefire or an assault, and
rebuilds the violations and histories of every ceasefire whose parties they name, so the order in which the
news arrives does not change the outcome. On PostgreSQL it holds one advisory lock while it does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, delete, select

from treve.store.clustering import PARTY_ROLES, instant, lock_key, reported_at, take_advisory_locks
from treve.store.schema import (
    ArticleRow,
    CanonicalEventRow,
    CeasefireRow,
    CeasefireStatusRow,
    CeasefireViolationRow,
    EventReportRow,
    MentionRow,
)

ANNOUNCED, IN_EFFECT, VIOLATED, COLLAPSED, SUPERSEDED = "announced", "in effect", "violated", "collapsed", "superseded"
CEASEFIRE_LOCK = lock_key("ceasefires")


@dataclass(frozen=True)
class CeasefireRules:
    """When violations make a ceasefire collapse (see the module docstring)."""

    collapse_violations: int
    collapse_days: int


@dataclass(frozen=True)
class Party:
    code: str
    sector: str | None

    def named_by(self, code: str | None, sector: str | None) -> bool:
        return code == self.code and (self.sector is None or sector is None or sector == self.sector)


@dataclass(frozen=True)
class Ceasefire:
    id: str
    parties: tuple[Party, ...]
    announced: datetime
    effective: datetime
    report_id: str | None

    @property
    def party_codes(self) -> frozenset[str]:
        return frozenset(party.code for party in self.parties)


@dataclass(frozen=True)
class Assault:
    report_id: str
    canonical_event_id: str | None
    at: datetime
    entities: tuple[tuple[int, str | None, str | None], ...]
    """(position among actors and recipients, code, sector) of each party it names."""

    def between(self, ceasefire: Ceasefire) -> bool:
        """Whether two of its entities name two different parties of the ceasefire."""
        named = [
            (position, index)
            for position, code, sector in self.entities
            for index, party in enumerate(ceasefire.parties)
            if party.named_by(code, sector)
        ]
        return any(p1 != p2 and i1 != i2 for p1, i1 in named for p2, i2 in named)


def track_ceasefires(connection: Connection, report_ids: Sequence[str], rules: CeasefireRules) -> None:
    """Record the ceasefires the new reports announce, and rebuild the violations and statuses of those whose
    parties the new ceasefires or assaults name."""
    if not report_ids:
        return
    new = connection.execute(
        select(EventReportRow.canonical_event_id, EventReportRow.event_type, EventReportRow.record).where(
            EventReportRow.id.in_(report_ids)
        )
    ).all()
    announcing = {row.canonical_event_id for row in new if row.record.get("ceasefire") is not None}
    assaults = any(row.event_type == "ASSAULT" for row in new)
    if not announcing and not assaults:
        return
    take_advisory_locks(connection, [CEASEFIRE_LOCK])
    for canonical_id in sorted(announcing):
        _store_ceasefire(connection, canonical_id)
    named = {entity["code"] for row in new for role in PARTY_ROLES for entity in row.record[role] if entity["code"]}
    ceasefires = _ceasefires(connection)
    touched = [ceasefire for ceasefire in ceasefires if ceasefire.party_codes & named or ceasefire.id in announcing]
    if not touched:
        return
    codes = frozenset().union(*(ceasefire.party_codes for ceasefire in touched))
    related = [ceasefire for ceasefire in ceasefires if ceasefire.party_codes & codes]
    violations = _violations(related, _assaults(connection, codes, since=min(c.effective for c in related)))
    for ceasefire in related:
        _rebuild(connection, ceasefire, violations.get(ceasefire.id, []), related, rules)


def _store_ceasefire(connection: Connection, canonical_id: str) -> None:
    """Insert or update the ceasefire a canonical event announces, from all its reports that announce it."""
    rows = connection.execute(
        select(
            EventReportRow.id, EventReportRow.date, EventReportRow.record, ArticleRow.published, ArticleRow.stored_at
        )
        .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
        .where(EventReportRow.canonical_event_id == canonical_id)
    ).all()
    reports = [row for row in rows if row.record.get("ceasefire") is not None]
    announced = min(_announced(row.published, row.date, row.stored_at) for row in reports)
    effective_times = [
        instant(row.record["ceasefire"]["effective"]["start"])
        for row in reports
        if row.record["ceasefire"]["effective"]
    ]
    effective = Counter(effective_times).most_common(1)[0][0] if effective_times else None
    place = connection.execute(
        select(CanonicalEventRow.country, CanonicalEventRow.location).where(CanonicalEventRow.id == canonical_id)
    ).one()
    values = {
        "parties": _distinct_entities(entity for row in reports for role in PARTY_ROLES for entity in row.record[role]),
        "mediator": _distinct_entities(entity for row in reports for entity in row.record["mediator"]),
        "country": place.country,
        "location": place.location,
        "announced": announced,
        "effective": effective,
    }
    exists = connection.scalar(select(CeasefireRow.id).where(CeasefireRow.id == canonical_id))
    if exists:
        connection.execute(CeasefireRow.__table__.update().where(CeasefireRow.id == canonical_id).values(**values))
    else:
        connection.execute(CeasefireRow.__table__.insert().values(id=canonical_id, status=ANNOUNCED, **values))


def _announced(published: str | None, day: date | None, stored_at: datetime) -> datetime:
    """When a report says a ceasefire was announced: its publication when that falls on the report's date (the
    more precise), else that date, else the publication or the storing."""
    published_at = reported_at(published, stored_at)
    if day is None or published_at.date() == day:
        return published_at
    return instant(day) or published_at


def _distinct_entities(entities: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Coded entities, one per (code, sector), as the first report names them."""
    kept: dict[tuple[str, str | None], dict[str, Any]] = {}
    for entity in entities:
        if entity["code"]:
            kept.setdefault(
                (entity["code"], entity["sector"]), {key: entity[key] for key in ("entity_text", "code", "sector")}
            )
    return list(kept.values())


def _ceasefires(connection: Connection) -> list[Ceasefire]:
    rows = connection.execute(
        select(
            CeasefireRow.id,
            CeasefireRow.parties,
            CeasefireRow.announced,
            CeasefireRow.effective,
            CanonicalEventRow.earliest_report_id,
        )
        .join(CanonicalEventRow, CanonicalEventRow.id == CeasefireRow.id)
        .order_by(CeasefireRow.announced, CeasefireRow.id)
    )
    return [
        Ceasefire(
            id=row.id,
            parties=tuple(Party(party["code"], party["sector"]) for party in row.parties),
            announced=row.announced,
            effective=row.effective or row.announced,
            report_id=row.earliest_report_id,
        )
        for row in rows
    ]


def _assaults(connection: Connection, codes: frozenset[str], *, since: datetime) -> list[Assault]:
    """Stored assaults dated from `since`'s day on that name one of `codes`."""
    naming = select(MentionRow.report_id).where(MentionRow.code.in_(sorted(codes)), MentionRow.role.in_(PARTY_ROLES))
    rows = connection.execute(
        select(EventReportRow.id, EventReportRow.canonical_event_id, EventReportRow.date, EventReportRow.record).where(
            EventReportRow.event_type == "ASSAULT",
            EventReportRow.date >= since.date(),
            EventReportRow.id.in_(naming),
        )
    )
    assaults = []
    for row in rows:
        told = (row.record.get("time") or {}).get("start")
        at = instant(told if told and "T" in told else row.date)
        parties = [*row.record["actor"], *row.record["recipient"]]
        entities = tuple((position, entity["code"], entity["sector"]) for position, entity in enumerate(parties))
        if at is not None:
            assaults.append(Assault(row.id, row.canonical_event_id, at, entities))
    return sorted(assaults, key=lambda assault: (assault.at, assault.report_id))


def _violations(ceasefires: Sequence[Ceasefire], assaults: Sequence[Assault]) -> dict[str, list[Assault]]:
    """Each assault between a ceasefire's parties after it took effect, under the last such ceasefire."""
    broken: dict[str, list[Assault]] = {}
    for assault in assaults:
        in_force = [c for c in ceasefires if c.effective <= assault.at and assault.between(c)]
        if in_force:
            latest = max(in_force, key=lambda ceasefire: (ceasefire.effective, ceasefire.announced, ceasefire.id))
            broken.setdefault(latest.id, []).append(assault)
    return broken


def status_history(
    ceasefire: Ceasefire, violations: Sequence[Assault], others: Sequence[Ceasefire], rules: CeasefireRules
) -> list[tuple[str, datetime, str | None]]:
    """The ceasefire's status changes, (status, from when, the report that caused it), by the module's rules."""
    changes = [(ANNOUNCED, ceasefire.announced, ceasefire.report_id), (IN_EFFECT, ceasefire.effective, None)]
    events: set[str] = set()
    days: set[date] = set()
    for violation in violations:
        if not events:
            changes.append((VIOLATED, violation.at, violation.report_id))
        events.add(violation.canonical_event_id or violation.report_id)
        days.add(violation.at.date())
        if len(events) >= rules.collapse_violations or len(days) >= rules.collapse_days:
            changes.append((COLLAPSED, violation.at, violation.report_id))
            break
    newer = [
        other
        for other in others
        if other.party_codes == ceasefire.party_codes
        and (other.announced, other.effective, other.id) > (ceasefire.announced, ceasefire.effective, ceasefire.id)
    ]
    if newer:
        successor = min(newer, key=lambda other: (other.announced, other.effective, other.id))
        changes = [change for change in changes if change[1] < successor.announced]
        changes.append((SUPERSEDED, successor.announced, successor.report_id))
    history: list[tuple[str, datetime, str | None]] = []
    for status, at, report_id in changes:  # statuses only move forward in time
        history.append((status, max(at, history[-1][1]) if history else at, report_id))
    return history


def _rebuild(
    connection: Connection,
    ceasefire: Ceasefire,
    violations: Sequence[Assault],
    others: Sequence[Ceasefire],
    rules: CeasefireRules,
) -> None:
    history = status_history(ceasefire, violations, others, rules)
    connection.execute(delete(CeasefireViolationRow).where(CeasefireViolationRow.ceasefire_id == ceasefire.id))
    connection.execute(delete(CeasefireStatusRow).where(CeasefireStatusRow.ceasefire_id == ceasefire.id))
    if violations:
        connection.execute(
            CeasefireViolationRow.__table__.insert(),
            [{"ceasefire_id": ceasefire.id, "report_id": v.report_id, "at": v.at} for v in violations],
        )
    connection.execute(
        CeasefireStatusRow.__table__.insert(),
        [
            {"ceasefire_id": ceasefire.id, "position": position, "status": status, "at": at, "report_id": report_id}
            for position, (status, at, report_id) in enumerate(history)
        ],
    )
    connection.execute(
        CeasefireRow.__table__.update().where(CeasefireRow.id == ceasefire.id).values(status=history[-1][0])
    )
