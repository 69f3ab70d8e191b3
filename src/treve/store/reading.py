"""What the API reads besides event lists: one canonical event with every report that tells it, one article with
its places, events and debris, one ceasefire, and counts by period for the charts. Each takes an open connection
and returns plain JSON-ready dictionaries (None when the id is unknown)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from sqlalchemy import Connection, String, cast, func, select

from treve.store.queries import EventFilter, canonical_rows, plain_conditions
from treve.store.schema import ArticleRow, CanonicalEventRow, EventCountRow, EventReportRow, RemovalRow

Period = Literal["day", "week", "month"]


def event_detail(connection: Connection, event_id: str) -> dict[str, Any] | None:
    """A canonical event, its reconciled death toll (how the reports' figures became low/best/high), and each report
    with its record, evidence and retold sentences, and its article and source."""
    event = connection.execute(select(CanonicalEventRow).where(CanonicalEventRow.id == event_id)).first()
    if event is None:
        return None
    reports = connection.execute(
        select(EventReportRow.id.label("report_id"), EventReportRow.record, *ARTICLE_SUMMARY)
        .join(ArticleRow, ArticleRow.id == EventReportRow.article_id)
        .where(EventReportRow.canonical_event_id == event_id)
        .order_by(EventReportRow.id)
    ).all()
    return {
        "id": event.id,
        "event_type": event.event_type,
        "date": _iso(event.date),
        "country": event.country,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "dead": {"low": event.dead_low, "best": event.dead_best, "high": event.dead_high, "note": event.dead_note},
        "report_count": event.report_count,
        "source_count": event.source_count,
        "sources": event.sources or [],
        "first_reported": event.first_reported.isoformat() if event.first_reported else None,
        "reports": [
            {
                "id": report.report_id,
                "record": report.record,
                "evidence": report.record["evidence"],
                "retold": report.record.get("retold", []),
                "article": _article_summary(report),
            }
            for report in reports
        ],
    }


ARTICLE_SUMMARY = (
    ArticleRow.id,
    ArticleRow.title,
    ArticleRow.source,
    ArticleRow.url,
    ArticleRow.published,
    ArticleRow.language,
    ArticleRow.duplicate_of,
)


def _article_summary(row: Any) -> dict[str, Any]:
    return {column.key: getattr(row, column.key) for column in ARTICLE_SUMMARY}


def article_detail(connection: Connection, article_id: str) -> dict[str, Any] | None:
    """The clean text with its places, the spans of its events' evidence, and the debris the cleaner removed."""
    article = connection.execute(select(ArticleRow).where(ArticleRow.id == article_id)).first()
    if article is None:
        return None
    events = connection.execute(
        select(EventReportRow.id, EventReportRow.canonical_event_id, EventReportRow.event_type, EventReportRow.record)
        .where(EventReportRow.article_id == article_id)
        .order_by(EventReportRow.sentence_start, EventReportRow.id)
    ).all()
    removed = connection.execute(
        select(RemovalRow).where(RemovalRow.article_id == article_id).order_by(RemovalRow.position)
    ).all()
    return {
        **_article_summary(article),
        "text": article.text,
        "places": article.places,
        "events": [
            {
                "report_id": event.id,
                "event_id": event.canonical_event_id,
                "event_type": event.event_type,
                "spans": [
                    {"start": told["start"], "end": told["end"]}
                    for told in [event.record["evidence"], *event.record.get("retold", [])]
                ],
            }
            for event in events
        ],
        "removed": [
            {"text": removal.text, "start": removal.start, "end": removal.end, "reason": removal.reason}
            for removal in removed
        ],
    }


Split = tuple[Literal["country", "event_type"], ...]


def stats(
    connection: Connection, filters: EventFilter, period: Period, split: Split = ("country", "event_type")
) -> list[dict[str, Any]]:
    """Canonical events and their dead (best estimates) by period start, and by country and type as `split` says:
    from the counts kept as events change (counts.py) when the filters are ones they keep, else counted now."""
    if _kept_in_counts(filters, period):
        return _counted(connection, filters, period, split)
    events = CanonicalEventRow
    start = _period_start(connection, events.date, period)
    parts = [getattr(events, name) for name in split]
    columns = [start.label("period"), *parts, func.count().label("events"), func.sum(events.dead_best).label("dead")]
    query = canonical_rows(columns, filters).where(events.date.is_not(None)).group_by(start, *parts)
    return _rows(connection.execute(query.order_by(start, *parts)).all(), split)


def _rows(rows: Sequence[Any], split: Split) -> list[dict[str, Any]]:
    return [
        {"period": str(row.period)[:10], **{name: getattr(row, name) or None for name in split},
         "events": int(row.events), "dead": int(row.dead or 0)}
        for row in rows
    ]  # fmt: skip


def _period_start(connection: Connection, day: Any, period: Period) -> Any:
    """The first day of the period a date falls in (weeks start on Monday, as ISO 8601's)."""
    if connection.dialect.name == "postgresql":
        return func.date_trunc(period, day).cast(CanonicalEventRow.date.type)
    if period == "day":
        return func.date(day)
    if period == "month":
        return func.date(day, "start of month")
    return func.date(day, "-6 days", "weekday 1")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _kept_in_counts(filters: EventFilter, period: Period) -> bool:
    """Counts are kept by country and type for whole periods: a filter on anything else, or dates that may cut a
    week or month, needs the events themselves."""
    plain = EventFilter(
        country=filters.country, event_type=filters.event_type, since=filters.since, until=filters.until
    )
    dated = filters.since is not None or filters.until is not None
    return filters == plain and (period == "day" or not dated)


def _counted(connection: Connection, filters: EventFilter, period: Period, split: Split) -> list[dict[str, Any]]:
    counts = EventCountRow
    parts = [getattr(counts, name) for name in split]
    total = func.sum(counts.events)
    period_text = cast(counts.start, String).label("period")  # read as text: parsing thousands of dates costs more
    query = select(period_text, *parts, total.label("events"), func.sum(counts.dead).label("dead"))
    query = query.where(
        counts.period == period, *plain_conditions(counts.country, counts.event_type, counts.start, filters)
    )
    if len(parts) < 2:
        query = query.group_by(counts.start, *parts).having(total > 0)
    else:  # one kept row a key: nothing to add up
        columns = (period_text, *parts, counts.events, counts.dead)
        query = query.with_only_columns(*columns).where(counts.events > 0)
    return _rows(connection.execute(query.order_by(counts.start, *parts)).all(), split)
