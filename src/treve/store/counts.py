"""Counts of canonical events and their dead by day, week (from Monday) and month, country and type, kept as the
canonical events change, so that charts over millions of events read thousands of rows, not millions.

`refresh_canonical_events` (clustering.py) is the one place canonical events get their figures: it hands the
figures before and after to `count_changes`, which adds the difference. Rows are upserted in one sorted order,
so concurrent PostgreSQL writers lock them in the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from treve.store.schema import CanonicalEventRow, EventCountRow

Period = Literal["day", "week", "month"]
PERIODS: tuple[Period, ...] = ("day", "week", "month")
UNKNOWN_COUNTRY = ""
"""Stored for an event without a country (a key column cannot be null)."""

Key = tuple[str, date, str, str]


def period_start(day: date, period: Period) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    return day


def counted_figures(connection: Connection, canonical_ids: Sequence[str]) -> list[dict[str, Any]]:
    """The figures counts are kept from, as the canonical events have them now."""
    event = CanonicalEventRow
    rows = connection.execute(
        select(event.date, event.country, event.event_type, event.dead_best).where(event.id.in_(canonical_ids))
    )
    return [row._asdict() for row in rows]


def count_changes(connection: Connection, before: Iterable[dict[str, Any]], after: Iterable[dict[str, Any]]) -> None:
    """Take the `before` figures out of the counts and put the `after` ones in (dicts with date, country,
    event_type, dead_best; undated events are not counted)."""
    events: Counter[Key] = Counter()
    dead: Counter[Key] = Counter()
    for figures, sign in ((before, -1), (after, 1)):
        for row in figures:
            if row["date"] is None:
                continue
            for period in PERIODS:
                key = (period, period_start(row["date"], period), row["country"] or UNKNOWN_COUNTRY, row["event_type"])
                events[key] += sign
                dead[key] += sign * (row["dead_best"] or 0)
    changed = sorted(key for key in events.keys() | dead.keys() if events[key] or dead[key])
    if not changed:
        return
    insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}[connection.dialect.name](EventCountRow)
    upsert = insert.on_conflict_do_update(
        index_elements=["period", "start", "country", "event_type"],
        set_={
            "events": EventCountRow.events + insert.excluded.events,
            "dead": EventCountRow.dead + insert.excluded.dead,
        },
    )
    connection.execute(
        upsert,
        [
            {"period": p, "start": s, "country": c, "event_type": t, "events": events[(p, s, c, t)],
             "dead": dead[(p, s, c, t)]}
            for p, s, c, t in changed
        ],
    )  # fmt: skip
