"""The ceasefire tracker: each ceasefire, the assaults that break it, and its status over time.

A ceasefire is told by canonical events whose reports announce one (an event with `ceasefire` set: agreed
between parties or declared, with its mediator and the time it takes effect). The first canonical event to tell
it gives the ceasefire its id; a later one retells it (`ceasefire_tellings`) when it names the same parties and an
agreement date that agrees with the ceasefire's at the coarser of the two precisions ("the 2020 ceasefire" retells
the one agreed in November 2020), or no date at all, and an effect time within a day of its own where both give
one. Its parties are the coded actors and recipients of its reports; it was agreed on the most precise date its
reports give (`agreed`, ISO 8601 at that precision: a season or a year is told as its year, a week as its month),
never on the day it was stored: with no date told and no publication date it stays unknown. It takes effect at
the time the reports give most often (UTC).

An assault is a violation when its actors and recipients name two different parties (same code; same sector
where both give one) and it happened after the ceasefire took effect: at or after its effective time, else after
the whole period of its agreement date (fighting told on the day a truce was agreed may have come before it). A
date-only assault counts when its whole day does. It is linked to the ceasefire between those parties that took
effect last before it. An accusation of breaking a ceasefire (an ACCUSE with `ceasefire_violation`) between two
of its parties, made once it was agreed, is kept with its accuser (`ceasefire_accusations`) and breaks nothing.

A ceasefire's status moves forward only, each change kept with its time and the report that caused it
(`ceasefire_statuses`); what a report tells of it ("the truce collapsed", `ceasefire.status`) counts from the
report's publication where it says more than the tracker knows by then:
- agreed, when agreed (the report's publication when it falls on that day, else the date's start);
- in effect, when it takes effect (not before it is agreed);
- violated, at the first violation;
- collapsed, at the violation that makes `ceasefire_collapse_violations` violated events (several reports of one
  assault count once) or brings fighting to `ceasefire_collapse_days` different days, whichever comes first;
  fighting after that breaks nothing more;
- expired, when the duration it was agreed for has run out (unless it collapsed before);
- superseded, when a newer ceasefire between the same parties (the same codes), agreed on a later date, is
  agreed before it collapsed or expired; nothing follows it.
An undated ceasefire has only the history its reports tell, else none: it stays agreed.

The tracker runs in the transaction that stores new reports, whenever they hold a ceasefire, an assault or an
accusation of breaking one. It reads only the ceasefires of the parties those reports name (found through
`ceasefire_parties`) that had not ended (collapsed, expired or superseded: `ended`) before the reports' time, and
rebuilds only those a new telling changes or a new assault breaks, reading the assaults of their own time only;
so its cost follows what is still running, not the size of the store. It rebuilds them whole, so the order in
which the news arrives does not change the outcome. On PostgreSQL it holds one advisory lock while it does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, or_, select, true

from treve.ontology import STATE_SECTORS
from treve.records import Duration
from treve.store.ceasefire_tellings import (
    accuses_a_breach,
    agreed_date,
    dates_agree,
    effective_times,
    period_end,
    refresh_ceasefire,
    telling_reports,
    tells_a_ceasefire,
)
from treve.store.clustering import (
    FAMILY_OF_TYPE,
    PARTY_ROLES,
    instant,
    lock_key,
    take_advisory_locks,
)
from treve.store.schema import (
    CanonicalEventRow,
    CeasefireAccusationRow,
    CeasefirePartyRow,
    CeasefireRow,
    CeasefireStatusRow,
    CeasefireTellingRow,
    CeasefireViolationRow,
    ClusterKeyRow,
    EventReportRow,
)

AGREED, IN_EFFECT, VIOLATED = "agreed", "in effect", "violated"
COLLAPSED, EXPIRED, SUPERSEDED = "collapsed", "expired", "superseded"
ENDINGS = (COLLAPSED, EXPIRED, SUPERSEDED)  # statuses after which nothing changes
BREACH_KINDS = ("ACCUSE", "ASSAULT")  # the reports that may tell a ceasefire broken: fighting, and accusations of it
STATUS_RANK = {AGREED: 0, IN_EFFECT: 1, VIOLATED: 2, COLLAPSED: 3, EXPIRED: 3, SUPERSEDED: 3}
CEASEFIRE_LOCK = lock_key("ceasefires")
NEVER = datetime.max.replace(tzinfo=UTC)
# Two tellings of one ceasefire give effect times at most this far apart (local and UTC readings of one moment).
SAME_EFFECT = timedelta(days=1)


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
        """Whether an entity is this party: the same code, and the same side where both give a sector (a state's
        government, army and police are one side: the government signs, the army fights)."""
        if code != self.code or self.sector is None or sector is None:
            return code == self.code
        return sector == self.sector or (sector in STATE_SECTORS and self.sector in STATE_SECTORS)


@dataclass(frozen=True)
class Ceasefire:
    id: str
    parties: tuple[Party, ...]
    agreed: str | None
    announced: datetime | None
    effective: datetime | None
    report_id: str | None
    status: str
    ended: datetime | None
    lasts: timedelta | None = None
    told: tuple[tuple[str, datetime | None, str], ...] = ()
    """(status, when reported, report id) of what reports tell of it: running, broken, over."""

    @property
    def party_codes(self) -> frozenset[str]:
        return frozenset(party.code for party in self.parties)

    @property
    def in_force_from(self) -> datetime | None:
        """From when an assault breaks it: its effective time, else the end of its agreement date's period."""
        if self.effective is not None:
            return self.effective
        return period_end(self.agreed) if self.agreed else None

    @property
    def expires(self) -> datetime | None:
        """When its agreed length runs out, if the reports give one."""
        start = self.effective or self.in_force_from
        return start + self.lasts if start is not None and self.lasts is not None else None

    @property
    def order(self) -> tuple[datetime, str, str]:
        """Ceasefires in the order they took effect (undated ones last)."""
        return (self.in_force_from or NEVER, self.agreed or "", self.id)


@dataclass(frozen=True)
class Assault:
    """An assault, or an accusation of breaking a ceasefire: who it names, and when."""

    report_id: str
    canonical_event_id: str | None
    at: datetime
    entities: tuple[tuple[int, str | None, str | None], ...]
    """(position among actors and recipients, code, sector) of each party it names."""
    actors: tuple[dict[str, Any], ...] = ()

    def between(self, ceasefire: Ceasefire, *, accused: bool = False) -> bool:
        """Whether two of its entities name two different parties of the ceasefire; for a ceasefire of one party
        (declared by one side alone), whether its actors name that party (the side bound by it broke it), or, for
        an accusation (`accused`), its recipients do."""
        if len(ceasefire.parties) == 1:
            [party] = ceasefire.parties
            actors = len(self.actors)
            return any(
                party.named_by(code, sector) and (position >= actors if accused else position < actors)
                for position, code, sector in self.entities
            )
        named = [
            (position, index)
            for position, code, sector in self.entities
            for index, party in enumerate(ceasefire.parties)
            if party.named_by(code, sector)
        ]
        return any(p1 != p2 and i1 != i2 for p1, i1 in named for p2, i2 in named)

    def breaks(self, ceasefire: Ceasefire) -> bool:
        start = ceasefire.in_force_from
        return start is not None and start <= self.at and self.between(ceasefire)


def track_ceasefires(connection: Connection, report_ids: Sequence[str], rules: CeasefireRules) -> None:
    """File the ceasefires the new reports tell, and rebuild the violations and statuses of the ceasefires they
    change: those told anew, their neighbours in time between the same parties, and those a new assault breaks."""
    if not report_ids:
        return
    new = connection.execute(
        select(
            EventReportRow.canonical_event_id, EventReportRow.event_type, EventReportRow.date, EventReportRow.record
        ).where(EventReportRow.id.in_(report_ids))
    ).all()
    telling = sorted({row.canonical_event_id for row in new if tells_a_ceasefire(row.record)})
    assaulting = [row for row in new if row.event_type == "ASSAULT"]
    accusing = [row for row in new if accuses_a_breach(row.record)]
    if not telling and not assaulting and not accusing:
        return
    take_advisory_locks(connection, [CEASEFIRE_LOCK])
    told = {_file_telling(connection, canonical_id) for canonical_id in telling}
    for ceasefire_id in sorted(told):
        refresh_ceasefire(connection, ceasefire_id)
    named = {entity["code"] for row in new for role in PARTY_ROLES for entity in row.record[role] if entity["code"]}
    days = [row.date for row in new if row.date is not None]
    since = instant(min(days)) if days and len(days) == len(new) else None
    # News of a time changes only the ceasefires still running then (and those it tells).
    related = _ceasefires_naming(connection, named | _codes_of(connection, told), since=since, also=told)
    touched = set(told) | {n.id for c in related if c.id in told for n in _neighbours(c, related)}
    for row in assaulting:
        for assault in _as_assaults([(None, row.canonical_event_id, row.record)]):
            breaking = _breaking(assault, related)
            if breaking is not None and not _ended_before(breaking, assault.at):
                touched.add(breaking.id)
    for row in accusing:
        for accusation in _as_assaults([(None, row.canonical_event_id, row.record)]):
            if (accused := _accused(accusation, related)) is not None:
                touched.add(accused.id)
    for ceasefire in related:
        if ceasefire.id in touched:
            _rebuild(connection, ceasefire, related, rules)


def _file_telling(connection: Connection, canonical_id: str) -> str:
    """The ceasefire a canonical event tells: the one it is filed under, else one it retells, else a new one."""
    filed = connection.scalar(
        select(CeasefireTellingRow.ceasefire_id).where(CeasefireTellingRow.canonical_event_id == canonical_id)
    )
    if filed is not None:
        return filed
    reports = telling_reports(connection, [canonical_id])
    codes = frozenset(e["code"] for r in reports for role in PARTY_ROLES for e in r.record[role] if e["code"])
    agreed = agreed_date(reports)
    effect = effective_times(reports)
    retold = [
        ceasefire
        for ceasefire in _ceasefires_naming(connection, codes, agreed=agreed)
        if ceasefire.party_codes == codes
        and dates_agree(ceasefire.agreed, agreed)
        and _effect_agrees(ceasefire, effect)
    ]
    if retold:
        ceasefire_id = max(retold, key=lambda ceasefire: ceasefire.order).id
    else:
        ceasefire_id = canonical_id
        connection.execute(
            CeasefireRow.__table__.insert().values(id=canonical_id, status=AGREED, parties=[], mediator=[])
        )
    connection.execute(
        CeasefireTellingRow.__table__.insert().values(canonical_event_id=canonical_id, ceasefire_id=ceasefire_id)
    )
    return ceasefire_id


def _effect_agrees(ceasefire: Ceasefire, told: Sequence[datetime]) -> bool:
    """Whether a telling's effect times may be the ceasefire's: either is unknown, or one is within a day of it (a
    time told without its zone is read as UTC). Two truces of one war agreed in one month (10 and 18 October)
    differ here when nothing else tells them apart."""
    effective = ceasefire.effective
    return effective is None or not told or any(abs(time - effective) <= SAME_EFFECT for time in told)


def _codes_of(connection: Connection, ceasefire_ids: Iterable[str]) -> set[str]:
    return set(
        connection.scalars(
            select(CeasefirePartyRow.code).where(CeasefirePartyRow.ceasefire_id.in_(sorted(ceasefire_ids)))
        )
    )


def _ceasefires_naming(
    connection: Connection,
    codes: Iterable[str],
    *,
    since: datetime | None = None,
    agreed: str | None = None,
    also: Iterable[str] = (),
) -> list[Ceasefire]:
    """The ceasefires with a party among `codes`, by the time they took effect; with `since`, only those that had
    not collapsed or been superseded before it (news of that time changes nothing in the others); with `agreed`,
    only those whose agreement date may be that one (`dates_agree`: an unknown date, a prefix of it, or one it
    prefixes); and those of `also`, whatever they are."""
    running = true() if since is None else or_(CeasefirePartyRow.ended.is_(None), CeasefirePartyRow.ended >= since)
    naming = select(CeasefirePartyRow.ceasefire_id).where(CeasefirePartyRow.code.in_(sorted(set(codes))), running)
    agreeing = (
        true()
        if agreed is None
        else or_(
            CeasefireRow.agreed.is_(None),
            CeasefireRow.agreed.in_([agreed[:end] for end in range(4, len(agreed) + 1)]),
            CeasefireRow.agreed.startswith(agreed),
        )
    )
    rows = connection.execute(
        select(
            CeasefireRow.id,
            CeasefireRow.parties,
            CeasefireRow.agreed,
            CeasefireRow.announced,
            CeasefireRow.effective,
            CeasefireRow.status,
            CeasefireRow.ended,
            CeasefireRow.terms,
            CanonicalEventRow.earliest_report_id,
        )
        .join(CanonicalEventRow, CanonicalEventRow.id == CeasefireRow.id)
        .where(or_(and_(CeasefireRow.id.in_(naming), agreeing), CeasefireRow.id.in_(sorted(also))))
    ).all()
    ceasefires = [
        Ceasefire(
            id=row.id,
            parties=tuple(Party(party["code"], party["sector"]) for party in row.parties),
            agreed=row.agreed,
            announced=row.announced,
            effective=row.effective,
            report_id=row.earliest_report_id,
            status=row.status,
            ended=row.ended,
            lasts=Duration.model_validate(row.terms["duration"]).span if (row.terms or {}).get("duration") else None,
            told=tuple(
                (told["status"], instant(told["at"]) if told["at"] else None, told["report_id"])
                for told in (row.terms or {}).get("told", [])
            ),
        )
        for row in rows
    ]
    return sorted(ceasefires, key=lambda ceasefire: ceasefire.order)


def _neighbours(ceasefire: Ceasefire, others: Sequence[Ceasefire]) -> list[Ceasefire]:
    """The ceasefires between the same parties agreed just before and just after it: those a new telling may
    supersede, or be superseded by, or take violations from."""
    same = [other for other in others if other.party_codes == ceasefire.party_codes and other.agreed]
    before = [other for other in same if other.order < ceasefire.order]
    after = [other for other in same if other.order > ceasefire.order]
    return ([max(before, key=lambda c: c.order)] if before else []) + (
        [min(after, key=lambda c: c.order)] if after else []
    )


def _successor(ceasefire: Ceasefire, others: Sequence[Ceasefire]) -> Ceasefire | None:
    """The ceasefire that supersedes it: the next one between the same parties agreed on a later date."""
    if ceasefire.agreed is None or ceasefire.announced is None:
        return None
    later = [
        other
        for other in others
        if other.party_codes == ceasefire.party_codes
        and other.agreed is not None
        and other.announced is not None
        and not dates_agree(other.agreed, ceasefire.agreed)
        and other.agreed > ceasefire.agreed
    ]
    return min(later, key=lambda other: (other.agreed, other.id)) if later else None


def _breaking(assault: Assault, ceasefires: Sequence[Ceasefire]) -> Ceasefire | None:
    """The ceasefire an assault breaks: the last to take effect before it among those between its parties."""
    in_force = [ceasefire for ceasefire in ceasefires if assault.breaks(ceasefire)]
    return max(in_force, key=lambda ceasefire: ceasefire.order) if in_force else None


def _accused(accusation: Assault, ceasefires: Sequence[Ceasefire]) -> Ceasefire | None:
    """The ceasefire an accusation of breaking one is about: between the accuser and the accused, agreed by the
    day it was made; the last agreed of those."""
    agreed = [
        ceasefire
        for ceasefire in ceasefires
        if ceasefire.announced is not None
        and ceasefire.announced.date() <= accusation.at.date()
        and accusation.between(ceasefire, accused=True)
    ]
    return max(agreed, key=lambda ceasefire: ceasefire.order) if agreed else None


def _ended_before(ceasefire: Ceasefire, moment: datetime) -> bool:
    """Whether the ceasefire had collapsed or been superseded before `moment`: nothing after changes it."""
    return ceasefire.ended is not None and ceasefire.ended < moment


def _as_assaults(rows: Iterable[tuple[str | None, str | None, dict[str, Any]]]) -> Iterator[Assault]:
    """Assaults from (report id, canonical id, record), dated by their time of day when told, else their day."""
    for report_id, canonical_id, record in rows:
        told = (record.get("time") or {}).get("start")
        at = instant(told if told and "T" in told else record.get("date"))
        parties = [*record["actor"], *record["recipient"]]
        entities = tuple((position, entity["code"], entity["sector"]) for position, entity in enumerate(parties))
        actors = tuple({key: entity[key] for key in ("entity_text", "code", "sector")} for entity in record["actor"])
        if at is not None:
            yield Assault(report_id or record["id"], canonical_id, at, entities, actors)


def _assaults(
    connection: Connection, codes: frozenset[str], since: datetime, until: datetime | None
) -> dict[str, list[Assault]]:
    """Stored assaults (under "ASSAULT") and accusations of breaking a ceasefire (under "ACCUSE") naming one of
    `codes`, dated from `since`'s day to `until`'s (inclusive), by time: one query for both."""
    # Through the clustering's index (type family, code, date): a range of days, not every report of the codes.
    keyed = select(ClusterKeyRow.report_id).where(
        ClusterKeyRow.family.in_(sorted({FAMILY_OF_TYPE[kind] for kind in BREACH_KINDS})),
        ClusterKeyRow.code.in_(sorted(codes)),
        ClusterKeyRow.date >= since.date(),
        true() if until is None else ClusterKeyRow.date <= until.date(),
    )
    query = select(
        EventReportRow.id, EventReportRow.canonical_event_id, EventReportRow.event_type, EventReportRow.record
    ).where(EventReportRow.id.in_(keyed), EventReportRow.event_type.in_(BREACH_KINDS))
    found: dict[str, list[Assault]] = {kind: [] for kind in BREACH_KINDS}
    for row in connection.execute(query).all():
        if row.event_type == "ASSAULT" or accuses_a_breach(row.record):
            found[row.event_type].extend(_as_assaults([(row.id, row.canonical_event_id, row.record)]))
    return {kind: sorted(rows, key=lambda assault: (assault.at, assault.report_id)) for kind, rows in found.items()}


def status_history(
    ceasefire: Ceasefire, violations: Sequence[Assault], successor: Ceasefire | None, rules: CeasefireRules
) -> list[tuple[str, datetime, str | None]]:
    """The ceasefire's status changes, (status, from when, the report that caused it), by the module's rules; what
    reports tell of it ("the truce collapsed") counts from when they were published, where it says more."""
    changes: list[tuple[str, datetime, str | None]] = []
    if ceasefire.announced is not None:
        changes.append((AGREED, ceasefire.announced, ceasefire.report_id))
        changes.append((IN_EFFECT, max(ceasefire.effective or ceasefire.announced, ceasefire.announced), None))
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
    if ceasefire.expires is not None and (not changes or changes[-1][0] != COLLAPSED):
        changes.append((EXPIRED, ceasefire.expires, None))
    changes.extend((status, at, report_id) for status, at, report_id in ceasefire.told if at is not None)
    changes = _forward(sorted(changes, key=lambda change: change[1]))
    if successor is not None and successor.announced is not None:
        changes = [change for change in changes if change[1] < successor.announced]
        if not changes or changes[-1][0] not in ENDINGS:  # one that collapsed or expired is over
            changes.append((SUPERSEDED, successor.announced, successor.report_id))
    return changes


def _forward(changes: Sequence[tuple[str, datetime, str | None]]) -> list[tuple[str, datetime, str | None]]:
    """The changes that move a status forward (agreed, in effect, violated, then an ending), none after an ending."""
    kept: list[tuple[str, datetime, str | None]] = []
    for change in changes:
        if kept and kept[-1][0] in ENDINGS:
            break
        if not kept or STATUS_RANK[change[0]] > STATUS_RANK[kept[-1][0]]:
            kept.append(change)
    return kept


def _untimed_status(ceasefire: Ceasefire) -> str:
    """The status of a ceasefire no time can be put to: the furthest its reports tell, else agreed."""
    return max((status for status, _, _ in ceasefire.told), key=STATUS_RANK.__getitem__, default=AGREED)


def _rebuild(connection: Connection, ceasefire: Ceasefire, others: Sequence[Ceasefire], rules: CeasefireRules) -> None:
    """Link the assaults that break the ceasefire (up to its collapse) and the accusations of breaking it, and
    write its status history."""
    successor = _successor(ceasefire, others)
    # Only a ceasefire that took effect later can take an assault or an accusation from this one.
    rivals = [other for other in others if other.order > ceasefire.order and other.party_codes & ceasefire.party_codes]
    start = ceasefire.in_force_from
    # Violations: from the effective time to the successor's or the expiry; accusations: from the agreement to
    # the successor's agreement or the expiry. One read covers both windows.
    until = min(
        (end for end in (successor.in_force_from if successor else None, ceasefire.expires) if end), default=None
    )
    window_end = min(
        (end for end in (successor.announced if successor else None, ceasefire.expires) if end), default=None
    )
    opens = [moment for moment in (start, ceasefire.announced) if moment is not None]
    closes = None if until is None or window_end is None else max(until, window_end)
    reported = _assaults(connection, ceasefire.party_codes, min(opens), closes) if opens else {}
    violations = [
        assault
        for assault in reported.get("ASSAULT", [])
        if start is not None
        and start.date() <= assault.at.date()
        and (until is None or assault.at < until)
        and assault.between(ceasefire)
        and _breaking(assault, [ceasefire, *rivals]) == ceasefire
    ]
    accusations = [
        accusation
        for accusation in reported.get("ACCUSE", [])
        if ceasefire.announced is not None
        and ceasefire.announced.date() <= accusation.at.date()
        and (window_end is None or accusation.at.date() <= window_end.date())
        and _accused(accusation, [ceasefire, *rivals]) == ceasefire
    ]
    history = status_history(ceasefire, violations, successor, rules)
    if any(status == COLLAPSED for status, _, _ in history):
        collapsed = next(at for status, at, _ in history if status == COLLAPSED)
        violations = [violation for violation in violations if violation.at <= collapsed]
    connection.execute(delete(CeasefireViolationRow).where(CeasefireViolationRow.ceasefire_id == ceasefire.id))
    connection.execute(delete(CeasefireStatusRow).where(CeasefireStatusRow.ceasefire_id == ceasefire.id))
    connection.execute(delete(CeasefireAccusationRow).where(CeasefireAccusationRow.ceasefire_id == ceasefire.id))
    if accusations:
        connection.execute(
            CeasefireAccusationRow.__table__.insert(),
            [
                {"ceasefire_id": ceasefire.id, "report_id": a.report_id, "at": a.at, "accuser": list(a.actors)}
                for a in accusations
            ],
        )
    if violations:
        connection.execute(
            CeasefireViolationRow.__table__.insert(),
            [{"ceasefire_id": ceasefire.id, "report_id": v.report_id, "at": v.at} for v in violations],
        )
    if history:
        connection.execute(
            CeasefireStatusRow.__table__.insert(),
            [
                {"ceasefire_id": ceasefire.id, "position": position, "status": status, "at": at, "report_id": report}
                for position, (status, at, report) in enumerate(history)
            ],
        )
    ended = next((at for status, at, _ in history if status in ENDINGS), None)
    connection.execute(
        CeasefireRow.__table__.update()
        .where(CeasefireRow.id == ceasefire.id)
        .values(status=history[-1][0] if history else _untimed_status(ceasefire), ended=ended)
    )
    connection.execute(
        CeasefirePartyRow.__table__.update().where(CeasefirePartyRow.ceasefire_id == ceasefire.id).values(ended=ended)
    )
