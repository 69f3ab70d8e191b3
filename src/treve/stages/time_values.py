"""Time values: an expression as the templates of `time` read it, and its value against a reference date.

The rules of resolution (past preference, ISO weeks, seasons, decades, zones) are documented in `time`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from treve.records import DatePrecision, EventTime

Anchor = Literal["past", "present", "future"]
Seasons = Mapping[str, tuple[tuple[int, int], tuple[int, int]]]
_ABSOLUTE_KINDS = frozenset({"year", "year_future", "decade"})


# ---------------------------------------------------------------------------------------------------------------
# What the templates read, before any reference date


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day; `offset` (minutes east of UTC) or `zone` (IANA) when the text gives one."""

    hour: int
    minute: int
    zone: str | None = None
    offset: int | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """One expression as written: the fields its kind uses, unresolved."""

    kind: str
    start: int
    end: int
    day: int | None = None
    day2: int | None = None
    month: int | None = None
    year: int | None = None
    year2: int | None = None
    weekday: int | None = None
    weekday2: int | None = None
    season: str | None = None
    decade: int | None = None
    shift: int | None = None
    year_shift: int | None = None
    days: int | None = None
    count: int | None = None
    unit: str | None = None
    clock: Clock | None = None

    @property
    def relative(self) -> bool:
        """Whether resolving it needs the reference date."""
        if self.kind in _ABSOLUTE_KINDS:
            return False
        if self.kind in {"date", "month", "season"} or (self.kind == "night" and self.day is not None):
            return self.year is None
        return True

    @property
    def anchor(self) -> Anchor | None:
        """The tense its own words give (a shift, a day word, "ago"), if any."""
        if self.kind == "ago":
            return "past"
        if self.kind == "ahead":
            return "future"
        step = {"day_rel": self.days, "year_rel": self.year_shift}.get(self.kind, self.shift)
        if step is None:
            return None
        return "past" if step < 0 else "present" if step == 0 else "future"


# ---------------------------------------------------------------------------------------------------------------
# Resolution against a reference date


def _need(reference: date | None) -> date:
    if reference is None:
        raise ValueError("a relative expression needs a reference date")
    return reference


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    return first, date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _year_of_month(month: int, shift: int | None, reference: date) -> int:
    """The year of a month named without one: the latest on or before the reference month (or as shifted)."""
    if shift == 0:
        return reference.year
    if shift is None:
        return reference.year if month <= reference.month else reference.year - 1
    if shift < 0:
        return reference.year if month < reference.month else reference.year - 1
    return reference.year if month > reference.month else reference.year + 1


def _day_month(found: Found, reference: date | None) -> date:
    assert found.day is not None and found.month is not None
    if found.year is not None:
        return date(found.year, found.month, found.day)
    ref = _need(reference)
    if found.year_shift is not None:
        return date(ref.year + found.year_shift, found.month, found.day)
    this_year = date(ref.year, found.month, found.day)
    if found.shift == 0:
        return this_year
    if found.shift is None:
        return this_year if this_year <= ref else date(ref.year - 1, found.month, found.day)
    if found.shift < 0:
        return this_year if this_year < ref else date(ref.year - 1, found.month, found.day)
    return this_year if this_year > ref else date(ref.year + 1, found.month, found.day)


def weekday_date(weekday: int, shift: int | None, reference: date) -> date:
    """The latest such weekday on or before the reference; "dernier" strictly before, "prochain" after."""
    if shift is None:
        return reference - timedelta(days=(reference.weekday() - weekday) % 7)
    if shift < 0:
        return reference - timedelta(days=(reference.weekday() - weekday - 1) % 7 + 1)
    if shift > 0:
        return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)
    return reference + timedelta(days=weekday - reference.weekday())


def _season(name: str, year: int, seasons: Seasons) -> tuple[date, date]:
    start, end = seasons[name]
    return date(year, *start), date(year + (end < start), *end)


def _season_near(name: str, shift: int | None, reference: date, seasons: Seasons) -> tuple[date, date]:
    occurrences = [_season(name, year, seasons) for year in range(reference.year - 2, reference.year + 2)]
    if shift is None:
        return [o for o in occurrences if o[0] <= reference][-1]
    if shift < 0:
        return [o for o in occurrences if o[1] < reference][-1]
    if shift > 0:
        return next(o for o in occurrences if o[0] > reference)
    containing = [o for o in occurrences if o[0] <= reference <= o[1]]
    return containing[0] if containing else _season(name, reference.year, seasons)


def _iso_week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _shifted_month(reference: date, months: int) -> tuple[date, date]:
    year, month = divmod(reference.year * 12 + reference.month - 1 + months, 12)
    return _month_bounds(year, month + 1)


def _period(found: Found, reference: date | None, seasons: Seasons) -> tuple[date, date | None, DatePrecision]:
    """First day, last day (None for a single day) and precision of a found expression."""
    kind = found.kind
    if kind == "date":
        return _day_month(found, reference), None, "day"
    if kind in {"year", "year_future"}:
        assert found.year is not None
        if found.year2 is not None and found.year2 < found.year:
            raise ValueError("a range of years that ends before it starts")
        return date(found.year, 1, 1), date(found.year2 or found.year, 12, 31), "year"
    if kind == "decade":
        assert found.decade is not None
        return date(found.decade, 1, 1), date(found.decade + 9, 12, 31), "decade"
    if kind == "month":
        assert found.month is not None
        year = found.year if found.year is not None else _year_of_month(found.month, found.shift, _need(reference))
        return (*_month_bounds(year, found.month), "month")
    if kind == "season":
        assert found.season is not None
        if found.year is not None:
            return (*_season(found.season, found.year, seasons), "season")
        return (*_season_near(found.season, found.shift, _need(reference), seasons), "season")
    if kind == "night":
        if found.day is not None:
            assert found.day2 is not None
            last = _day_month(replace(found, day=found.day2), reference)
            first_of_month = last.replace(day=1)
            first = (
                last.replace(day=found.day)
                if found.day < found.day2
                else (first_of_month - timedelta(1)).replace(day=found.day)
            )
            return first, last, "day"
        assert found.weekday is not None and found.weekday2 is not None
        last = weekday_date(found.weekday2, None, _need(reference))
        return last - timedelta(days=(found.weekday2 - found.weekday) % 7 or 7), last, "day"
    ref = _need(reference)
    if kind == "weekday":
        assert found.weekday is not None
        return weekday_date(found.weekday, found.shift, ref), None, "day"
    if kind == "day_rel":
        return ref + timedelta(days=found.days or 0), None, "day"
    if kind == "year_rel":
        year = ref.year + (found.year_shift or 0)
        return date(year, 1, 1), date(year, 12, 31), "year"
    if kind == "week":
        return (*_iso_week(ref + timedelta(weeks=found.shift or 0)), "week")
    if kind == "weekend":
        monday = _iso_week(ref + timedelta(weeks=found.shift or 0))[0]
        return monday + timedelta(days=5), monday + timedelta(days=6), "day"
    if kind == "month_rel":
        return (*_shifted_month(ref, found.shift or 0), "month")
    if kind in {"ago", "ahead"}:
        assert found.count is not None
        steps = found.count if kind == "ahead" else -found.count
        if found.unit == "week":
            return (*_iso_week(ref + timedelta(weeks=steps)), "week")
        if found.unit == "month":
            return (*_shifted_month(ref, steps), "month")
        if found.unit == "year":
            return date(ref.year + steps, 1, 1), date(ref.year + steps, 12, 31), "year"
        days = steps if found.unit == "day" else int(steps / 24)
        return ref + timedelta(days=days), None, "day"
    raise ValueError(f"no period for kind {kind}")


def _at(day: date, clock: Clock) -> datetime:
    """The moment, in UTC when the text gave a zone, else as the local clock read."""
    moment = datetime.combine(day, time(clock.hour, clock.minute))
    if clock.offset is not None:
        return (moment - timedelta(minutes=clock.offset)).replace(tzinfo=UTC)
    if clock.zone is not None:
        return moment.replace(tzinfo=ZoneInfo(clock.zone)).astimezone(UTC)
    return moment


def resolve(
    found: Found,
    text: str,
    reference: date | None,
    now: datetime | None,
    seasons: Seasons,
) -> EventTime | None:
    """The value of a found expression; None when the date it names does not exist (31 February)."""
    try:
        if found.kind == "time":
            assert found.clock is not None
            day = _need(reference)
            if now is not None and time(found.clock.hour, found.clock.minute) > now.time():
                day -= timedelta(days=1)  # a clock time later than the reference moment is yesterday's
            return EventTime(start=_at(day, found.clock), precision="hour", text=text)
        if found.unit == "hour" and found.count is not None and now is not None:  # "il y a trois heures"
            hours = found.count if found.kind == "ahead" else -found.count
            return EventTime(start=now + timedelta(hours=hours), precision="hour", text=text)
        start, end, precision = _period(found, reference, seasons)
    except ValueError:
        return None
    if found.clock is not None:
        return EventTime(start=_at(start, found.clock), precision="hour", text=text)
    return EventTime(start=start, end=end, precision=precision, text=text)
