"""Canonical events: each newly stored event report joins the real-world event other reports already tell, or
starts one.

Two reports tell the same event when they are of one type family, dated within `merge_days` of each other, at
places no farther apart than `merge_distance_km` (town-level places on both; otherwise their countries must
agree), and their parties agree: both know their actors' codes, these share one, and likewise for their
recipients; and they share at least one party code at all. Two reports of one article never tell one event: the
story reader already made one record per real-world event of the article, so a canonical event holding a report
of an article takes no other report of it. A report joins the canonical event with which most
of its reports agree (the earliest on a tie), if that event's own date is within `merge_days` of the report's:
without that, daily clashes between the same two parties would chain into one event spanning months. An undated
report, or one with neither a party code nor a
country, stays alone. Sentence embeddings were tried as a further test and left out: multilingual-e5-small
scores two different clashes of one day higher (0.94-0.95) than an English and a French report of one clash
(0.90), so they cannot tell look-alikes apart.

Clustering runs inside the transaction that stores the reports. On PostgreSQL it first takes a transaction
advisory lock per (type family, party or place code) of the new reports, in one order: two writers whose
reports could merge share a code, hence a lock, and the second sees what the first committed. The canonical
row is then locked (`FOR UPDATE`) before its figures are recomputed from all its reports. SQLite runs one
writer at a time anyway.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, and_, bindparam, insert, select, text, update

from treve.records import Count
from treve.resources.gazetteer import distance_km
from treve.stages.tolls import reconcile
from treve.store.counts import count_changes, counted_figures
from treve.store.schema import ArticleRow, CanonicalEventRow, ClusterKeyRow, EventReportRow, MentionRow

EVENT_FAMILIES: dict[str, tuple[str, ...]] = {
    "assault": ("ASSAULT",),
    "protest": ("PROTEST",),
    "coerce": ("COERCE",),
    "mobilize": ("MOBILIZE",),
    "sanction": ("SANCTION",),
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID"),
    "retreat": ("RETREAT",),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
}
"""PLOVER types that reports of one event may disagree on, grouped. Violent and coercive types stand alone (an
assault is never a protest however the outlets word it); statements and talks blur into each other (one outlet's
AGREE is another's CONSULT), as do verbal threats and accusations, and aid and cooperation."""

FAMILY_OF_TYPE = {event_type: family for family, types in EVENT_FAMILIES.items() for event_type in types}
TOWN_LEVEL = 2
"""ACLED geo_precision at or under which a place is a town or near one, so distances between two mean something."""
PARTY_ROLES = ("actor", "recipient")
T = TypeVar("T")


@dataclass(frozen=True)
class MergeRules:
    """How close two reports must be to tell one event (see the module docstring)."""

    merge_days: int
    merge_distance_km: float


@dataclass(frozen=True)
class ReportFacts:
    """What clustering compares between two reports."""

    id: str
    article_id: str
    canonical_event_id: str | None
    event_type: str
    date: date | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actors: frozenset[str]
    recipients: frozenset[str]
    canonical_date: date | None = None
    """The date of the canonical event the report belongs to, once clustered."""

    @property
    def family(self) -> str:
        return FAMILY_OF_TYPE.get(self.event_type, self.event_type.lower())

    @property
    def codes(self) -> frozenset[str]:
        """The party codes and the country: what a report that tells the same event must share some of."""
        return self.actors | self.recipients | ({self.country} if self.country else set())

    @property
    def town_level(self) -> bool:
        return self.latitude is not None and self.geo_precision is not None and self.geo_precision <= TOWN_LEVEL


def tell_the_same_event(first: ReportFacts, second: ReportFacts, rules: MergeRules) -> bool:
    """Whether two reports tell one event, by the rules in the module docstring."""
    if first.family != second.family or first.date is None or second.date is None:
        return False
    if first.article_id == second.article_id:
        return False
    if abs((first.date - second.date).days) > rules.merge_days:
        return False
    if first.town_level and second.town_level:
        apart = distance_km(first.latitude, first.longitude, second.latitude, second.longitude)  # type: ignore[arg-type]
        if apart > rules.merge_distance_km:
            return False
    elif first.geo_precision is not None and second.geo_precision is not None and first.country != second.country:
        return False
    for mine, theirs in ((first.actors, second.actors), (first.recipients, second.recipients)):
        if mine and theirs and not mine & theirs:
            return False
    return bool((first.actors | first.recipients) & (second.actors | second.recipients) or first.codes & second.codes)


def lock_key(*parts: str) -> int:
    """A PostgreSQL advisory lock key (signed 64 bits) for a name."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_keys_for(reports: Iterable[ReportFacts]) -> list[int]:
    """The advisory locks that clustering `reports` needs, in the one order every writer takes them."""
    return sorted({lock_key("cluster", report.family, code) for report in reports for code in report.codes})


def take_advisory_locks(connection: Connection, keys: Sequence[int]) -> None:
    """Hold each lock until the transaction ends (PostgreSQL; SQLite has one writer at a time)."""
    if connection.dialect.name == "postgresql":
        for key in keys:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _facts_query(condition: Any) -> Select[Any]:
    """The facts of the reports that meet `condition`, one row per party code (or one without), by date then id."""
    report = EventReportRow
    party = and_(MentionRow.report_id == report.id, MentionRow.role.in_(PARTY_ROLES), MentionRow.code.is_not(None))
    return (
        select(
            report.id,
            report.article_id,
            report.canonical_event_id,
            report.event_type,
            report.date,
            report.country,
            report.latitude,
            report.longitude,
            report.geo_precision,
            CanonicalEventRow.date.label("canonical_date"),
            MentionRow.role,
            MentionRow.code,
        )
        .outerjoin(CanonicalEventRow, CanonicalEventRow.id == report.canonical_event_id)
        .outerjoin(MentionRow, party)
        .where(condition)
        .order_by(report.date, report.id)
    )


# Built once: clustering runs them for every stored report.
_REPORTS_BY_ID = _facts_query(EventReportRow.id.in_(bindparam("ids", expanding=True)))
_CANDIDATES = _facts_query(
    EventReportRow.id.in_(
        select(ClusterKeyRow.report_id).where(
            ClusterKeyRow.family == bindparam("family"),
            ClusterKeyRow.code.in_(bindparam("codes", expanding=True)),
            ClusterKeyRow.date.between(bindparam("since"), bindparam("until")),
        )
    )
)
_ATTACH = (
    update(EventReportRow)
    .where(EventReportRow.id == bindparam("report_id"))
    .values(canonical_event_id=bindparam("canonical_id"))
)
ID_CHUNK = 500
"""Ids per IN list, well under SQLite's limit on bound parameters."""


def _read_facts(connection: Connection, query: Select[Any], **parameters: Any) -> list[ReportFacts]:
    """Run a `_facts_query`, folding each report's rows into its facts."""
    rows: dict[str, list[Any]] = {}
    for row in connection.execute(query, parameters):
        rows.setdefault(row.id, []).append(row)
    facts = []
    for report_rows in rows.values():
        columns = {name: value for name, value in report_rows[0]._mapping.items() if name not in ("role", "code")}
        codes = {role: frozenset(row.code for row in report_rows if row.role == role) for role in PARTY_ROLES}
        facts.append(ReportFacts(**columns, actors=codes["actor"], recipients=codes["recipient"]))
    return facts


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), ID_CHUNK):
        yield items[start : start + ID_CHUNK]


class _Batch:
    """The reports clustered so far in this call, filed as the cluster keys will file them once written, and the
    canonical events each article's reports are in."""

    def __init__(self) -> None:
        self._filed: dict[tuple[str, str], list[ReportFacts]] = defaultdict(list)
        self._events_of_article: dict[str, set[str]] = {}

    def add(self, connection: Connection, report: ReportFacts) -> None:
        for code in report.codes:
            self._filed[report.family, code].append(report)
        self.events_of_article(connection, report.article_id).add(str(report.canonical_event_id))

    def events_of_article(self, connection: Connection, article_id: str) -> set[str]:
        """The canonical events that already hold a report of the article (stored earlier, or in this call)."""
        if article_id not in self._events_of_article:
            stored = connection.scalars(
                select(EventReportRow.canonical_event_id).where(
                    EventReportRow.article_id == article_id, EventReportRow.canonical_event_id.is_not(None)
                )
            )
            self._events_of_article[article_id] = {str(event_id) for event_id in stored}
        return self._events_of_article[article_id]

    def sharing_a_key(self, report: ReportFacts) -> list[ReportFacts]:
        found = {other.id: other for code in report.codes for other in self._filed.get((report.family, code), ())}
        return list(found.values())


def cluster_reports(connection: Connection, report_ids: Sequence[str], rules: MergeRules) -> None:
    """Attach each of the (just stored) reports to a canonical event, or start one; see the module docstring.

    Reports are taken by date, each compared with the clustered reports that share a key with it (the stored ones
    through the cluster keys, this call's in memory); then every write is made once per statement."""
    if not report_ids:
        return
    new_reports = [
        facts for chunk in _chunks(report_ids) for facts in _read_facts(connection, _REPORTS_BY_ID, ids=list(chunk))
    ]
    new_reports.sort(key=lambda report: (report.date is None, report.date or date.min, report.id))
    take_advisory_locks(connection, lock_keys_for(new_reports))
    batch = _Batch()
    clustered: list[ReportFacts] = []
    for report in new_reports:
        # a canonical event takes the id and date of the report that started it
        canonical_id, canonical_date = _best_canonical_event(connection, report, rules, batch) or (
            report.id,
            report.date,
        )
        clustered.append(replace(report, canonical_event_id=canonical_id, canonical_date=canonical_date))
        batch.add(connection, clustered[-1])
    started = [report for report in clustered if report.canonical_event_id == report.id]
    if started:
        connection.execute(
            insert(CanonicalEventRow),
            [
                {
                    "id": report.id,
                    "event_type": report.event_type,
                    "family": report.family,
                    "report_count": 1,
                    "source_count": 1,
                }
                for report in started
            ],
        )
    joined = sorted({str(report.canonical_event_id) for report in clustered} - {report.id for report in started})
    for chunk in _chunks(joined):
        connection.execute(select(CanonicalEventRow.id).where(CanonicalEventRow.id.in_(chunk)).with_for_update())
    connection.execute(
        _ATTACH, [{"report_id": report.id, "canonical_id": report.canonical_event_id} for report in clustered]
    )
    keys = [
        {"family": report.family, "code": code, "date": report.date, "report_id": report.id}
        for report in clustered
        if report.date is not None
        for code in sorted(report.codes)
    ]
    if keys:
        connection.execute(insert(ClusterKeyRow), keys)
    refresh_canonical_events(connection, sorted({str(report.canonical_event_id) for report in clustered}))


def _best_canonical_event(
    connection: Connection, report: ReportFacts, rules: MergeRules, batch: _Batch
) -> tuple[str, date | None] | None:
    """The canonical event (id and date) with which most of its reports agree that they tell `report`'s event, if
    any, among those dated near `report`."""
    if report.date is None or not report.codes:
        return None
    window = timedelta(days=rules.merge_days)
    stored = _read_facts(
        connection,
        _CANDIDATES,
        family=report.family,
        codes=sorted(report.codes),
        since=report.date - window,
        until=report.date + window,
    )
    candidates = sorted(stored + batch.sharing_a_key(report), key=lambda other: (other.date or date.min, other.id))
    taken = batch.events_of_article(connection, report.article_id)
    agreeing = [
        candidate
        for candidate in candidates
        if candidate.canonical_event_id not in taken
        and (candidate.canonical_date is None or abs(candidate.canonical_date - report.date) <= window)
        and tell_the_same_event(report, candidate, rules)
    ]
    if not agreeing:
        return None
    votes = Counter(candidate.canonical_event_id for candidate in agreeing)
    chosen = max(agreeing, key=lambda candidate: votes[candidate.canonical_event_id])  # the earliest of equals
    return str(chosen.canonical_event_id), chosen.canonical_date


def instant(value: str | date | None) -> datetime | None:
    """An ISO 8601 date or instant as a UTC instant (a date counts from its midnight UTC)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def reported_at(published: str | None, stored_at: datetime) -> datetime:
    """When an article made a report known: its publication, else when it was stored."""
    return instant(published) or stored_at


@dataclass(frozen=True)
class Member:
    """A report of a canonical event with what its figures are drawn from."""

    id: str
    event_type: str
    date: date | None
    country: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    dead: Count | None
    attributed: bool
    source: str
    reported: datetime


_MEMBERS = (
    select(
        EventReportRow.id,
        EventReportRow.canonical_event_id,
        EventReportRow.event_type,
        EventReportRow.date,
        EventReportRow.country,
        EventReportRow.location,
        EventReportRow.latitude,
        EventReportRow.longitude,
        EventReportRow.geo_precision,
        EventReportRow.dead_low,
        EventReportRow.dead_best,
        EventReportRow.dead_high,
        EventReportRow.record,
        ArticleRow.id.label("article_id"),
        ArticleRow.source,
        ArticleRow.published,
        ArticleRow.stored_at,
    )
    .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
    .where(EventReportRow.canonical_event_id.in_(bindparam("ids", expanding=True)))
)


def canonical_members(connection: Connection, canonical_ids: Sequence[str]) -> dict[str, list[Member]]:
    """The reports of each canonical event, the earliest reported first."""
    members: dict[str, list[Member]] = defaultdict(list)
    for chunk in _chunks(canonical_ids):
        for row in connection.execute(_MEMBERS, {"ids": list(chunk)}):
            members[row.canonical_event_id].append(
                Member(
                    id=row.id,
                    event_type=row.event_type,
                    date=row.date,
                    country=row.country,
                    location=row.location,
                    latitude=row.latitude,
                    longitude=row.longitude,
                    geo_precision=row.geo_precision,
                    dead=_dead(row.record, row.dead_low, row.dead_best, row.dead_high),
                    attributed=bool(row.record.get("attribution")),
                    source=row.source or row.article_id,  # an article with no named outlet counts as its own source
                    reported=reported_at(row.published, row.stored_at),
                )
            )
    return {
        canonical_id: sorted(reports, key=lambda member: (member.reported, member.id))
        for canonical_id, reports in members.items()
    }


def _dead(record: dict[str, Any], low: int | None, best: int | None, high: int | None) -> Count | None:
    """A report's death toll as its record gives it (with its qualifier), else as its columns do."""
    stored = (record.get("casualties") or {}).get("dead")
    if stored:
        return Count.model_validate(stored)
    return None if best is None else Count(low=low, best=best, high=high, qualifier="exact", text=str(best))


def _most_common(values: Iterable[T | None]) -> T | None:
    """The value most members give (known values only); on a tie, the one the earliest report gives."""
    known = [value for value in values if value is not None]
    if not known:
        return None
    counts = Counter(known)
    return max(known, key=lambda value: counts[value])  # max keeps the first of equals: the earliest report's


@dataclass(frozen=True)
class ReconciledDead:
    low: int | None
    best: int | None
    high: int | None
    note: str | None


def reconcile_dead(members: Sequence[Member]) -> ReconciledDead:
    """The death toll from the reports, the earliest first, by the same reconciliation as an article's sentences
    (`treve.stages.tolls.reconcile`): over the credible reports (those that say who gives the figure; all of them
    when none says), `best` from the latest that counts, `low` and `high` their range; and, when the reports
    disagree, a note giving each figure with its source."""
    figures = [member for member in members if member.dead is not None and member.dead.best is not None]
    if not figures:
        return ReconciledDead(None, None, None, None)
    credible = [member for member in figures if member.attributed] or figures
    dead = reconcile([[member.dead] for member in credible if member.dead is not None])
    if dead is None:
        return ReconciledDead(None, None, None, None)
    given = sorted({(m.dead.best, m.source) for m in figures if m.dead is not None}, key=lambda p: (p[0] or 0, p[1]))
    note = None
    if len({figure for figure, _ in given}) > 1:
        note = "reports disagree: " + "; ".join(f"{figure} ({source})" for figure, source in given)
    return ReconciledDead(dead.low, dead.best, dead.high, note)


_REFRESH = update(CanonicalEventRow).where(CanonicalEventRow.id == bindparam("canonical_id"))


def refresh_canonical_events(connection: Connection, canonical_ids: Sequence[str]) -> None:
    """Recompute the canonical events' figures from all their reports, and the counts they make (counts.py)."""
    figures = [
        _figures(canonical_id, members)
        for canonical_id, members in canonical_members(connection, canonical_ids).items()
    ]
    if figures:
        before = counted_figures(connection, canonical_ids)
        connection.execute(_REFRESH, figures)
        count_changes(connection, before, figures)


def _figures(canonical_id: str, members: Sequence[Member]) -> dict[str, Any]:
    """A canonical event's columns as its reports give them."""
    earliest = members[0]
    placed = min(members, key=lambda member: (member.geo_precision or 99, member.reported))
    dead = reconcile_dead(members)
    event_type = _most_common(member.event_type for member in members) or earliest.event_type
    return {
        "canonical_id": canonical_id,
        "event_type": event_type,
        "family": FAMILY_OF_TYPE.get(event_type, event_type.lower()),
        "date": _most_common(member.date for member in members),
        "country": _most_common(member.country for member in members),
        "location": placed.location,
        "latitude": placed.latitude,
        "longitude": placed.longitude,
        "dead_low": dead.low,
        "dead_best": dead.best,
        "dead_high": dead.high,
        "dead_note": dead.note,
        "report_count": len(members),
        "source_count": len({member.source for member in members}),
        "sources": list(dict.fromkeys(member.source for member in members)),
        "earliest_report_id": earliest.id,
        "first_reported": earliest.reported,
    }
