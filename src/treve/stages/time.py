"""Time: the temporal expressions of a story resolved to dates, and the story's own date when it carries none.

Expressions are found by templates compiled from `resources/lexicons/time.toml` (one table per language; add a
language by adding a table) and resolved by the rules below (`time_values`). dateparser reads only the languages
without a table (`time_search`): measured on a 4,000-character French story, `search_dates` takes about 90 ms
warm, returns "Six semaines" (a duration) as a date and misses "minuit", "l'automne 2020" and "les années 1990";
`dateparser.parse` on a single span takes 1-3 ms, puts "mardi" a week back when the reference is a Tuesday and
moves "9h00" to the day before. The templates read a
5,000-character story in 2-3 ms (8-9 ms for one made of nothing but dates), trying only the word starts just
before a number or a lexicon word.

Rules, and why:
- Relative expressions ("mardi", "la semaine dernière", "le 13 septembre") need a reference date. Without one,
  `find_time_expressions` leaves them out, so that every mention has a value; a caller without a publication date
  first asks `infer_publication_date` (which reads the unresolved expressions itself) and passes that date.
- Past preference: a period named without a year ("en août", "le 13 septembre", "mardi", "à l'automne") is the most
  recent one that began on or before the reference date, as news reports what has happened.
- "la semaine dernière" / "last week" is the previous ISO week (Monday to Sunday); "il y a deux semaines" the ISO
  week that held the day two weeks back.
- Seasons are the northern-hemisphere astronomical ones on fixed dates (autumn 2020 = 22 September to
  21 December 2020); winter 2020 begins in December 2020. The lexicon holds the dates.
- Decades: "les années 1990" is 1990-01-01 to 1999-12-31; a two-digit decade ("les années 90") is in the 1900s.
- Vague expressions ("depuis des décennies", "for years") and narrative-relative ones ("la veille") name no period
  the reference can fix: they are not returned. Durations ("six semaines de combats") are not dates.
- A time of day with a zone ("heure de Moscou", "GMT", "UTC+3") becomes an aware datetime in UTC; "heure locale" or
  no zone leaves it naive (local). When a parenthesis gives the time in GMT/UTC as well, that reading is used.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from importlib import resources
from itertools import count
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field

from treve.errors import ResourceError
from treve.records import Duration, EventTime, Record
from treve.stages.time_values import Anchor, Clock, Found, Seasons, resolve

# A weekday within this many characters of the start is the story's own day ("La Russie a déclaré mardi").
LEAD_CHARS = 600
# A day-month without a year is tried in the latest year the story mentions and the four after it: within five
# consecutive years a day-month never falls twice on the same weekday, so a match is unique. When that year is a
# full date's ("March 10, 2002"), the day-month is the occurrence nearest that date instead.
YEAR_WINDOW = 5
# Every expression holds a key (a number or a word of the vocabularies below) at most this many characters after its
# start: "pendant la nuit de lundi" and "at the beginning of May" are the longest reaches of the shipped templates.
KEY_REACH = 32

_KINDS = frozenset(
    {
        "date", "night", "weekday", "month", "year", "year_future", "year_rel", "season", "decade", "week",
        "weekend", "month_rel", "day_rel", "ago", "ahead", "clock", "zone", "duration",
    }
)  # fmt: skip
_UNITS = frozenset({"hour", "day", "week", "month", "year"})
_DAY_KINDS = frozenset({"date", "weekday", "day_rel"})  # kinds a time of day can join
_EVIDENCE_YEAR_KINDS = frozenset({"year", "date", "month", "season", "night"})
_KEY_VOCABULARIES = ("month", "weekday", "shift", "this", "year_shift", "day_word", "clock_word")
# A space in a template: whitespace with at most one line break, so that an expression never crosses paragraphs.
_SPACE = r"(?=\s)[^\S\n]*\n?[^\S\n]*"
_OPTIONAL_SPACE = r"[^\S\n]*\n?[^\S\n]*"
_WORD_START = re.compile(r"(?<!\w)\w")
_TOKEN = re.compile(r"\w+")


class TimeMention(Record):
    """A temporal expression of a text, resolved against the reference date."""

    text: str
    start: int = Field(description="Character offset of `text` in the text searched.")
    end: int
    value: EventTime
    relative: bool = Field(description="Whether the value depended on the reference date ('mardi', 'last week').")
    anchor: Anchor | None = Field(description="The tense the words give ('la semaine dernière': past), if any.")


# ---------------------------------------------------------------------------------------------------------------
# The lexicon: templates compiled once per process


def _norm(words: str) -> str:
    return " ".join(words.lower().replace("’", "'").split())


def _literal(words: str) -> str:
    """A phrase as a pattern: any space between words, either apostrophe."""
    return re.escape(_norm(words)).replace(r"\ ", _SPACE).replace("'", "['’]")


@dataclass(frozen=True)
class _Vocabulary:
    """One language's words, by what they stand for: a number (month 9, shift -1) or a name (season, zone)."""

    numbers: dict[str, dict[str, int]]
    names: dict[str, dict[str, str]]
    offsets: dict[str, int]
    capitalised: frozenset[str]
    ordinal_suffix: str
    conjunctions: list[str]
    year_followers: list[str]


class _TemplateCompiler:
    """Turns lexicon templates into regular expressions with uniquely named groups (`name__<role><n>`)."""

    _PLACEHOLDER = re.compile(r"\{(\w+)\}")

    def __init__(self, vocabulary: _Vocabulary, language: str) -> None:
        self._vocabulary = vocabulary
        self._language = language
        self._ids: Iterator[int] = count()
        self.month_name = self._words(vocabulary.numbers["month"])

    def compile(self, templates: list[str], role: str = "") -> str:
        return "|".join(self._expand(template, role) for template in templates)

    def _expand(self, template: str, role: str) -> str:
        converted = template.replace(" ?", _OPTIONAL_SPACE).replace(" ", _SPACE).replace("'", "['’]")
        return self._PLACEHOLDER.sub(lambda m: self._placeholder(m.group(1), role), converted)

    def _group(self, name: str, role: str, body: str) -> str:
        return f"(?P<{name}__{role}{next(self._ids)}>{body})"

    def _words(self, table: Mapping[str, object]) -> str:
        return "|".join(self._spelling(s) for s in sorted(table, key=len, reverse=True))

    def _spelling(self, spelling: str) -> str:
        if spelling not in self._vocabulary.capitalised:
            return _literal(spelling)
        # A capital first letter, the rest in any case: "May", "MAY", not "may".
        return f"(?-i:{re.escape(spelling[0].upper())}){_literal(spelling)[len(re.escape(spelling[0])) :]}"

    def _placeholder(self, name: str, role: str) -> str:
        v = self._vocabulary
        digits = {
            "day": r"[12]\d|3[01]|0?[1-9]",
            "month_num": r"1[0-2]|0?[1-9]",
            "year": r"1[89]\d\d|20\d\d",
            "decade": r"1[89]\d0|20\d0",
            "decade_short": r"\d0",
            "hour": r"2[0-3]|[01]?\d",
            "minute": r"[0-5]\d",
        }
        base = name.removesuffix("2")
        if base in digits:
            suffix = f"(?:{v.ordinal_suffix})?" if base == "day" else ""
            start = "" if base == "minute" else r"(?<!\d)"  # "0600": the minute follows the hour
            end = "" if base == "hour" else r"(?!\d)"
            return rf"{start}{self._group(name, role, digits[base])}{end}{suffix}"
        if name == "count":
            return self._group(name, role, rf"\d{{1,3}}|(?:{self._words(v.numbers['count'])})(?!\w)")
        if name == "months":
            one = rf"(?:{self.month_name})(?!\w)"
            joins = "|".join(_literal(c) for c in v.conjunctions)
            return self._group(name, role, rf"{one}(?:(?:\s*,\s*|\s+(?:{joins})\s+){one})*")
        if name == "year_end":
            followers = "|".join(_literal(w) for w in v.year_followers)
            return rf"(?=\s*(?:[.,;:!?)\]»\"”…–—-]|$)|\s+(?:{followers})(?!\w))"
        if name == "abbr":
            abbreviations = "|".join(re.escape(a) for a in sorted(v.offsets, key=len, reverse=True))
            offset = self._group("utc_offset", role, r"[+−-]\s?\d{1,2}(?::?\d{2})?")
            return rf"(?-i:{self._group(name, role, abbreviations)})(?:\s?{offset})?(?!\w)"
        if base in v.numbers:
            return self._group(name, role, self._words(v.numbers[base])) + r"(?!\w)"
        if base in v.names:
            return self._group(name, role, self._words(v.names[base])) + r"(?!\w)"
        raise ResourceError(f"time lexicon, language {self._language}: unknown placeholder {{{name}}}; see the format")


@dataclass(frozen=True)
class _Grammar:
    """One language's compiled templates, and how to read what they match."""

    patterns: dict[str, re.Pattern[str]]
    finder: re.Pattern[str]
    keys: frozenset[str]
    month_name: re.Pattern[str]
    joiner: re.Pattern[str]
    vocabulary: _Vocabulary

    def scan(self, text: str) -> list[Found]:
        """Every expression of the text, times of day joined to their day."""
        # Only the word starts at most KEY_REACH characters before a key are tried: a tenth of the cost of trying
        # every position.
        found: list[Found] = []
        position = 0  # text before it is read
        tried = 0  # word starts before it have been tried (a start that failed once always fails)
        for token in _TOKEN.finditer(text):
            key = token.start()
            if key < position or not (token.group()[0].isdigit() or token.group().lower() in self.keys):
                continue
            for word in _WORD_START.finditer(text, max(position, tried, key - KEY_REACH), key + 1):
                start = word.start()
                if start < position or (hit := self.finder.match(text, start)) is None:
                    continue
                kind = str(hit.lastgroup).removeprefix("kind_")  # the first kind, in lexicon order, that matches
                match = self.patterns[kind].match(text, start)
                assert match is not None, "a kind's own pattern matches where the finder found it"
                found.extend(self._read(kind, match))
                position = match.end()
            tried = key + 1
        return self._join_clocks(found, text)

    def _read(self, kind: str, match: re.Match[str]) -> list[Found]:
        fields = {_role(key) + key.partition("__")[0]: value for key, value in match.groupdict().items() if value}
        numbers, names = self.vocabulary.numbers, self.vocabulary.names

        def number(key: str, table: str | None = None) -> int | None:
            if key not in fields:
                return None
            return numbers[table][_norm(fields[key])] if table else int(fields[key])

        shift = number("shift", "shift")
        if shift is None and "this" in fields:
            shift = 0
        start, end = match.span()
        if kind == "clock":
            return [Found("time", start, end, clock=self._clock(fields))]
        if kind == "month":
            return self._months(match, fields, shift)
        found = Found(
            kind,
            start,
            end,
            day=number("day"),
            day2=number("day2"),
            month=number("month", "month") or number("month_num"),
            year=number("year"),
            year2=number("year2"),
            weekday=number("weekday", "weekday"),
            weekday2=number("weekday2", "weekday"),
            season=names["season"][_norm(fields["season"])] if "season" in fields else None,
            decade=number("decade") or (1900 + int(fields["decade_short"]) if "decade_short" in fields else None),
            shift=shift,
            year_shift=number("year_shift", "year_shift"),
            days=number("day_word", "day_word"),
            count=number("count") if fields.get("count", "").isdigit() else number("count", "count"),
            unit=names["unit"][_norm(fields["unit"])] if "unit" in fields else None,
        )
        return [found]

    def _months(self, match: re.Match[str], fields: dict[str, str], shift: int | None) -> list[Found]:
        """One mention per month of a list ("en mai et avril"); the year or shift after the list applies to all."""
        group = next(key for key in match.re.groupindex if key.startswith(("months__", "month__")) and match.group(key))
        year = int(fields["year"]) if "year" in fields else None
        names = list(self.month_name.finditer(match.string, *match.span(group)))
        found = []
        for i, name in enumerate(names):
            start = match.start() if i == 0 else name.start()
            end = match.end() if i == len(names) - 1 else name.end()
            month = self.vocabulary.numbers["month"][_norm(name.group())]
            found.append(Found("month", start, end, month=month, year=year, shift=shift))
        return found

    def _clock(self, fields: dict[str, str]) -> Clock:
        """The time of day: a reading with a UTC offset wins, then one with a zone; "(heure de Paris)" applies."""
        main = self._time_of_day(fields, "")
        assert main is not None, "the clock pattern always holds a time of day"
        aside = self._time_of_day(fields, "p_")
        if aside is None:
            zone, offset = self._zone(fields, "p_")
            return main if zone is None and offset is None else replace(main, zone=zone, offset=offset)
        if aside.offset is not None and main.offset is None:
            return aside
        if aside.zone is not None and main.zone is None and main.offset is None:
            return aside
        return main

    def _time_of_day(self, fields: dict[str, str], role: str) -> Clock | None:
        if role + "clock_word" in fields:
            hour, minute = self.vocabulary.numbers["clock_word"][_norm(fields[role + "clock_word"])], 0
        elif role + "hour" in fields:
            hour, minute = int(fields[role + "hour"]), int(fields.get(role + "minute", "0"))
            half = self.vocabulary.names["ampm"].get(_norm(fields.get(role + "ampm", "")))
            if half == "pm" and hour < 12:
                hour += 12
            elif half == "am" and hour == 12:
                hour = 0
        else:
            return None
        zone, offset = self._zone(fields, role)
        return Clock(hour, minute, zone, offset)

    def _zone(self, fields: dict[str, str], role: str) -> tuple[str | None, int | None]:
        if role + "place" in fields:
            return self.vocabulary.names["place"][_norm(fields[role + "place"])], None
        if role + "abbr" in fields:
            offset = self.vocabulary.offsets[fields[role + "abbr"]]
            extra = fields.get(role + "utc_offset")
            if extra:
                sign = -1 if extra[0] in "-−" else 1
                digits = extra[1:].strip().replace(":", "")
                hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
                offset += sign * (int(hours) * 60 + int(minutes))
            return None, offset
        return None, None

    def _join_clocks(self, found: list[Found], text: str) -> list[Found]:
        """A time of day joins the day named just before it ("mardi à 9h"), else just after ("9h00 le 13")."""
        joined: list[Found] = []
        for item in found:
            previous = joined[-1] if joined else None
            if previous is not None and self._joins(previous, item, text):
                if item.kind == "time":
                    joined[-1] = replace(previous, end=item.end, clock=item.clock)
                else:
                    joined[-1] = replace(item, start=previous.start, clock=previous.clock)
                continue
            joined.append(item)
        return joined

    def _joins(self, first: Found, second: Found, text: str) -> bool:
        kinds = {first.kind, second.kind}
        if "time" not in kinds or not kinds & _DAY_KINDS:
            return False
        day = second if first.kind == "time" else first
        return day.clock is None and self.joiner.fullmatch(text, first.end, second.start) is not None


def _role(group: str) -> str:
    """The role of a group: "p_" in a parenthesised time ("(06h00 GMT)"), "" elsewhere."""
    return group.partition("__")[2].rstrip("0123456789")


@dataclass(frozen=True)
class TimeLexicon:
    """The shipped time lexicon: season dates and one grammar per language."""

    version: str
    seasons: Seasons
    grammars: dict[str, _Grammar]

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.grammars)


@cache
def load_time_lexicon() -> TimeLexicon:
    """Read, check and compile `lexicons/time.toml` once per process."""
    source = resources.files("treve.resources").joinpath("lexicons/time.toml")
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        seasons = {
            name: (_month_day(bounds["start"]), _month_day(bounds["end"])) for name, bounds in raw["seasons"].items()
        }
        zones = {_norm(place): zone for place, zone in raw["zones"].items()}
        for zone in set(zones.values()):
            ZoneInfo(zone)
        grammars = {
            code: _grammar(code, table, zones, raw["offsets"], seasons)
            for code, table in raw.items()
            if isinstance(table, dict) and "patterns" in table
        }
        return TimeLexicon(version=raw["version"], seasons=seasons, grammars=grammars)
    except ZoneInfoNotFoundError as exc:
        raise ResourceError(f"{source}: {exc}; install the tzdata package") from exc
    except (OSError, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError, re.error) as exc:
        raise ResourceError(f"{source}: time lexicon unreadable ({exc!r}); reinstall treve") from exc


def _month_day(text: str) -> tuple[int, int]:
    month, day = (int(part) for part in text.split("-"))
    date(2000, month, day)  # rejects an impossible day
    return month, day


def _grammar(
    code: str, table: dict[str, Any], zones: dict[str, str], offsets: dict[str, int], seasons: Seasons
) -> _Grammar:
    if len(table["months"]) != 12 or len(table["weekdays"]) != 7:
        raise ValueError(f"language {code}: months needs 12 lists and weekdays 7")
    if not set(table["seasons"]) <= set(seasons) or not set(table["units"]) <= _UNITS:
        raise ValueError(f"language {code}: seasons must be {sorted(seasons)}, units {sorted(_UNITS)}")
    if not set(table["patterns"]) <= _KINDS:
        raise ValueError(f"language {code}: unknown pattern kinds {sorted(set(table['patterns']) - _KINDS)}")

    def spellings(lists: list[list[str]], first: int) -> dict[str, int]:
        return {_norm(s): i for i, names in enumerate(lists, start=first) for s in names}

    def keyed(mapping: Mapping[str, Any]) -> dict[str, Any]:
        return {_norm(key): value for key, value in mapping.items()}

    vocabulary = _Vocabulary(
        numbers={
            "month": spellings(table["months"], 1),
            "weekday": spellings(table["weekdays"], 0),
            "shift": keyed(table["shifts"]),
            "this": dict.fromkeys(map(_norm, table["this"]), 0),
            "year_shift": keyed(table["year_shifts"]),
            "day_word": keyed(table["day_words"]),
            "count": keyed(table["counts"]),
            "clock_word": keyed(table["clock_words"]),
        },
        names={
            "season": {_norm(s): season for season, names in table["seasons"].items() for s in names},
            "unit": {_norm(s): unit for unit, names in table["units"].items() for s in names},
            "ampm": keyed(table["ampm"]),
            "local": dict.fromkeys(map(_norm, table["local"]), "local"),
            "place": zones,
            "year_noun": {_norm(s): s for s in table["year_nouns"]},
        },
        offsets=offsets,
        capitalised=frozenset(map(_norm, table["capitalised"])),
        ordinal_suffix=table["ordinal_suffix"],
        conjunctions=table["conjunctions"],
        year_followers=table["year_followers"],
    )
    compiler = _TemplateCompiler(vocabulary, code)
    templates: dict[str, list[str]] = table["patterns"]

    def expression(kind: str) -> str:
        """The pattern of one kind, with fresh group names at each call."""
        if kind != "clock":
            return rf"(?:{compiler.compile(templates[kind])})(?!\w)"
        clock, zone = compiler.compile(templates["clock"]), compiler.compile(templates["zone"])
        aside_clock, aside_zone = compiler.compile(templates["clock"], "p_"), compiler.compile(templates["zone"], "p_")
        return rf"(?:{clock})(?:[\s,]*(?:{zone}))?(?:\s*\(\s*(?:(?:{aside_clock})\s*,?\s*)?(?:{aside_zone})\s*\))?"

    kinds = [kind for kind in templates if kind != "zone"]
    joiners = "|".join(_literal(j) for j in table["joiners"])
    return _Grammar(
        patterns={kind: re.compile(rf"(?<!\w){expression(kind)}", re.IGNORECASE) for kind in kinds},
        finder=re.compile(
            rf"(?<!\w)(?:{'|'.join(f'(?P<kind_{kind}>{expression(kind)})' for kind in kinds)})", re.IGNORECASE
        ),
        keys=frozenset(
            max(_TOKEN.findall(phrase), key=len)  # the longest word of each phrase ("hier soir": "hier")
            for words in [
                *(vocabulary.numbers[n] for n in _KEY_VOCABULARIES),
                *(vocabulary.names[n] for n in ("season", "unit")),
            ]
            for phrase in words
        ),
        month_name=re.compile(rf"(?<!\w)(?:{compiler.month_name})(?!\w)", re.IGNORECASE),
        joiner=re.compile(rf"[\s,]*(?:(?:{joiners})[\s,]*)?", re.IGNORECASE),
        vocabulary=vocabulary,
    )


# Expressions that name a day or a month of the calendar, with or without the year.
_CALENDAR_KINDS = frozenset({"date", "month"})


def _grammar_for(language: str) -> _Grammar | None:
    return load_time_lexicon().grammars.get(language.split("-")[0].lower())


def find_time_expressions(text: str, language: str, *, reference: date | datetime | None) -> list[TimeMention]:
    """The temporal expressions of `text`, in order, resolved against `reference` (the publication date).

    Without a reference, only absolute expressions ("en 2020", "13 September 2022") are returned, and a day or
    a month the text gives without its year ("le 22 octobre") when an earlier day or month gave one ("la crise
    d'octobre 1962"): the story's narrative year. A bare year ("depuis 2015") sets none. A language without a
    table in the lexicon has none.
    """
    grammar = _grammar_for(language)
    if grammar is None:
        return []
    day = reference.date() if isinstance(reference, datetime) else reference
    now = reference.replace(tzinfo=None) if isinstance(reference, datetime) else None
    seasons = load_time_lexicon().seasons
    mentions = []
    narrative_year: int | None = None
    for found in grammar.scan(text):
        if found.kind == "duration":  # how long, not when: `find_durations`
            continue
        if day is None and found.kind in _CALENDAR_KINDS and found.year is not None:
            narrative_year = found.year
        elif day is None and found.kind in _CALENDAR_KINDS and found.shift is None and narrative_year is not None:
            found = replace(found, year=narrative_year)
        if found.relative and day is None:
            continue
        words = text[found.start : found.end]
        value = resolve(found, words, day, now, seasons)
        if value is not None:
            mentions.append(
                TimeMention(
                    text=words,
                    start=found.start,
                    end=found.end,
                    value=value,
                    relative=found.relative,
                    anchor=found.anchor,
                )
            )
    return mentions


def find_durations(text: str, language: str) -> list[tuple[int, int, Duration]]:
    """The lengths of time `text` counts ("six semaines", "a 72-hour truce"), in order, as (start, end, duration);
    a count of units before or after the reference ("il y a trois jours", "in two days") is a time, not one."""
    grammar = _grammar_for(language)
    if grammar is None:
        return []
    return [
        (found.start, found.end, Duration(count=found.count, unit=found.unit, text=text[found.start : found.end]))  # type: ignore[arg-type]
        for found in grammar.scan(text)
        if found.kind == "duration" and found.count and found.unit
    ]


# ---------------------------------------------------------------------------------------------------------------
# The publication date of a story that carries none


def _calendar_day(year: int | None, month: int | None, day: int | None) -> date | None:
    try:
        return date(year, month, day) if year is not None and month is not None and day is not None else None
    except ValueError:  # 29 February of a common year
        return None


def _candidate_days(found: Found, latest: int, newest: date | None) -> list[date]:
    """The days a day-month may be, given the latest year the story mentions and its newest full date."""
    if found.year is not None:  # a date older than a year the story mentions is history, not the story's day
        day = _calendar_day(found.year, found.month, found.day)
        return [day] if day is not None and found.year >= latest else []
    if newest is not None and newest.year == latest:  # the story dates events of its own year: the nearest one
        near = [
            day for year in (latest - 1, latest, latest + 1) if (day := _calendar_day(year, found.month, found.day))
        ]
        return [min(near, key=lambda day: abs(day - newest))] if near else []
    window = (_calendar_day(year, found.month, found.day) for year in range(latest, latest + YEAR_WINDOW))
    return [day for day in window if day is not None]


def infer_publication_date(text: str, language: str) -> tuple[date | None, float]:
    """The day a story was written, from what it says about time, and how sure (0 to 1).

    The story's day is where its weekday (preferably the one in the lead, "a déclaré mardi") meets a day-month it
    names: with the day-month's own year (never older than a year the story mentions); or, for a day-month without
    one, nearest the story's newest full date when that is of the latest year mentioned, else in the latest year
    mentioned or one of the four after it. Day-months count by where they are and what ties them to the story's
    own time: a full date in the lead (a dateline) or a day-month "de cette année" most, a bare day-month only in
    the lead, a full date further down little; a weekday found only outside the lead counts less. (None, 0.0)
    when no weekday meets a day-month, or when two different days fit equally well.
    """
    grammar = _grammar_for(language)
    if grammar is None:
        return None, 0.0
    found = grammar.scan(text)
    # "mardi", "ce mardi", "mardi 13 septembre" name the story's day; "mardi dernier" names an earlier one.
    weekdays = [
        (f.start, f.weekday)
        for f in found
        if f.kind in {"weekday", "date"} and f.shift in {None, 0} and f.weekday is not None
    ]
    if not weekdays:
        return None, 0.0
    lead = [weekday for start, weekday in weekdays if start < LEAD_CHARS]
    story_weekdays = {lead[0]} if lead else {weekday for _, weekday in weekdays}
    years = [year for f in found if f.kind in _EVIDENCE_YEAR_KINDS for year in (f.year, f.year2) if year is not None]
    if not years:
        return None, 0.0
    latest = max(years)
    full_dates = [day for f in found if f.kind == "date" and (day := _calendar_day(f.year, f.month, f.day))]
    newest = max(full_dates, default=None)
    scores: dict[date, float] = {}
    for f in found:
        if f.kind != "date" or f.shift is not None or f.year_shift not in {None, 0}:
            continue
        in_lead = f.start < LEAD_CHARS
        if f.year is not None:  # a full date: a dateline, or (further down) perhaps a date of the story's past
            score = 0.9 if in_lead else 0.5
        elif f.year_shift == 0:  # "le 13 septembre de cette année": of the story's own year
            score = 0.9 if in_lead else 0.8
        elif in_lead:  # a bare day-month further down is as often background as news
            score = 0.7
        else:
            continue
        score -= 0.0 if lead else 0.2
        for day in _candidate_days(f, latest, newest):
            if (f.weekday is None or day.weekday() == f.weekday) and day.weekday() in story_weekdays:
                scores[day] = max(scores.get(day, 0.0), score)
    if not scores:
        return None, 0.0
    best = max(scores.values())
    winners = [day for day, score in scores.items() if score == best]
    if len(winners) > 1:
        return None, 0.0
    return winners[0], round(best, 2)
