"""Times in a language treve has no time words for (no table in `lexicons/time.toml`): found by dateparser, which
knows the month and weekday names of some 200 languages ("am Dienstag", "12 kwietnia", "lördag").

dateparser's search also reads bare numbers as days (tolls and counts are numbers) and abbreviations as names ("Die",
German for "the", abbreviates Dienstag): an expression is kept only when it holds the full name of a month or a
weekday, a word for a relative day, or a year. A weekday is the latest
such day on or before the publication (treve's rule for every language, `time_values.weekday_date`), where dateparser
would take a week earlier for the publication's own weekday. Without a publication date only expressions that
give their year are kept.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import cache

from dateparser.date import DateDataParser
from dateparser.languages.loader import default_loader
from dateparser.search import search_dates

from treve.records import DatePrecision, EventTime
from treve.stages.time import TimeMention
from treve.stages.time_values import weekday_date

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_PRECISIONS: dict[str, DatePrecision] = {"time": "day", "day": "day", "week": "week", "month": "month", "year": "year"}


def search_times(text: str, language: str, *, reference: date | datetime | None) -> list[TimeMention]:
    """The time expressions dateparser finds in `text`, in order (none for a language it does not know)."""
    if language not in default_loader.get_locale_map():
        return []
    day = reference.date() if isinstance(reference, datetime) else reference
    base = datetime.combine(day, time()) if day is not None else datetime(2000, 1, 1)
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    parser = DateDataParser(languages=[language], settings=settings)
    weekdays, words_of_time = _time_words(language)
    mentions: list[TimeMention] = []
    cursor = 0
    for words, found in search_dates(text, languages=[language], settings=settings) or []:
        start = text.find(words, cursor)
        if start < 0:
            continue
        cursor = start + len(words)
        mention = (
            _mention(words, start, found.date(), parser, weekdays, day) if _names_time(words, words_of_time) else None
        )
        if mention is not None:
            mentions.append(mention)
    return mentions


def _names_time(words: str, words_of_time: frozenset[str]) -> bool:
    lower = words.lower()
    return (
        _YEAR.search(words) is not None
        or any(word in words_of_time for word in re.findall(r"\w+", lower))
        or any(" " in phrase and phrase in lower for phrase in words_of_time)
    )


def _mention(
    words: str, start: int, value: date, parser: DateDataParser, weekdays: dict[str, int], day: date | None
) -> TimeMention | None:
    """The expression `words` that dateparser's search read as `value`, with the precision its parser gives
    (a day when it gives none: what the search reads alone is a day or a weekday)."""
    has_year = _YEAR.search(words) is not None
    if day is None and not has_year:
        return None
    period = parser.get_date_data(words).period or "day"
    if period not in _PRECISIONS:
        return None
    precision = _PRECISIONS[period]
    if precision == "year":
        value = date(value.year, 1, 1)
    elif precision == "month":
        value = date(value.year, value.month, 1)
    weekday = next((weekdays[w] for w in re.findall(r"\w+", words.lower()) if w in weekdays), None)
    if weekday is not None and day is not None and not has_year and not re.search(r"\d", words):
        value = weekday_date(weekday, None, day)
    return TimeMention(
        text=words,
        start=start,
        end=start + len(words),
        value=EventTime(start=value, precision=precision, text=words),
        relative=not has_year,
        anchor=None,
    )


@cache
def _time_words(language: str) -> tuple[dict[str, int], frozenset[str]]:
    """The language's weekday names (index from Monday), and every word that names a time, as dateparser spells
    them: the full name of each weekday and month (its longest spelling: "dienstag", not "di" or "Die", which
    is also an article), and its words for relative days ("gestern", "letzte woche")."""
    info = default_loader.get_locale(language).info
    full = {key: max(info.get(key, [""]), key=len).lower() for key in (*WEEKDAYS, *MONTHS)}
    weekdays = {full[key]: index for index, key in enumerate(WEEKDAYS) if full[key]}
    relative = {phrase.lower() for phrases in info.get("relative-type", {}).values() for phrase in phrases}
    return weekdays, frozenset({*full.values(), *relative} - {""})
