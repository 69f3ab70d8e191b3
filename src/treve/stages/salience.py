"""Salience and time: when each event happened, read from the text relative to the publication date, and
whether it is the story's news or background recalled for context (coded `historical`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from spacy.tokens import Span

from treve.records import EventTime, Salience
from treve.resources.event_lexicon import LanguageCues
from treve.stages.coreference import StoryEvent
from treve.stages.mentions import TIME_OF_OWN_PHRASE, TIME_OF_SENTENCE, Mention
from treve.stages.story import Story, times_in
from treve.stages.syntax import SUBJECT_DEPS, clause_verb, is_plural, lemma_of, span_of, tells_the_past
from treve.stages.time import TimeMention

# An event that ended more than this long before publication, or in a period the story calls past
# ("la semaine dernière"), is background, coded `historical`; "on Monday" in Wednesday's paper is news.
HISTORICAL_AFTER = timedelta(days=7)
# The lede: the article's first paragraph, at most this many sentences. What it tells is the story's news.
LEDE_SENTENCES = 3
_PRECISION_RANK = {"hour": 0, "day": 1, "week": 2, "month": 3, "season": 4, "year": 5, "decade": 6}


def event_time(event: StoryEvent) -> EventTime | None:
    """The time the most directly told: a time phrase of the event's own words before one of its sentence,
    before the publication date; the more precise first."""
    timed = [mention for mention in event.mentions if mention.time is not None]
    best = min(
        timed,
        key=lambda m: (m.time_rank, _PRECISION_RANK[m.time.precision]),  # type: ignore[union-attr]
        default=None,
    )
    return best.time if best is not None else None


def salience_of(event: StoryEvent, story: Story) -> Salience:
    """`background` for an event recalled from before the news (historical); `main` for one the lede tells;
    `secondary` for the other news."""
    if any("historical" in mention.auxiliary for mention in event.mentions):
        return "background"
    return "main" if story.sentence_number(event.first.sentence) < _lede_length(story) else "secondary"


def _lede_length(story: Story) -> int:
    """How many sentences the lede has: those of the first paragraph, at most LEDE_SENTENCES."""
    count = 0
    for sentence in story.doc.sents:
        if count >= LEDE_SENTENCES or (count and "\n" in story.text[: sentence.start_char].strip()):
            break
        count += 1
    return max(count, 1)


def date_events(
    coded: list[Mention], sentence: Span, story: Story, narrative: EventTime | None
) -> tuple[list[Mention], EventTime | None]:
    """Give each event its time; return the events (one per time for "two wars, in the 1990s and in 2020")
    and the sentence's explicit time, which the next sentence may continue.

    An event takes a time expression inside its own phrase first, else the nearest one that no other
    event's phrase holds ("the shootings since the 2020 war": 2020 is the war's); else the time the
    story is telling, when this sentence refers back to the previous one; else the publication date.
    """
    mentions = times_in(sentence, story)
    explicit = next((m.value for m in mentions if not m.relative), None)
    dated: list[Mention] = []
    for event in coded:
        head = event.match.head
        own_start, own_end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        claimed = [
            (other.match.head.left_edge.idx, other.match.head.right_edge.idx + len(other.match.head.right_edge.text))
            for other in coded
            if other is not event
            and other.match.head.pos_ in ("NOUN", "PROPN")
            and head not in other.match.head.subtree
        ]
        own = [m for m in mentions if own_start <= m.start < own_end and not any(a <= m.start < b for a, b in claimed)]
        occasion = [  # "lors de pourparlers en mai": the time of the occasion the clause happened at
            m
            for other in coded
            if other is not event and clause_verb(other.match.head) == head
            for m in mentions
            if other.match.head.left_edge.idx <= m.start <= other.match.head.right_edge.idx
        ]
        free = own or [m for m in mentions if not any(a <= m.start < b for a, b in claimed)] or occasion
        if not free and tells_the_past(head):
            # "Six semaines de combats à l'automne 2020 … se sont terminés par un cessez-le-feu": the
            # sentence's own period, rather than the publication date, for a clause in a past tense.
            free = [m for m in mentions if not m.relative]
        if len(own) > 1 and is_plural(head):
            copies = [_dated_copy(event, mention.value, story, _told_as_past_period(mention)) for mention in own]
            dated.extend(copies)
            continue
        past_period = False
        if (ended := end_of_period(event, story)) is not None:
            event.time, event.time_rank = ended, TIME_OF_OWN_PHRASE
        elif event.undated:
            event.time = None
        elif free:
            nearest = min(free, key=lambda m: abs(m.start - head.idx))
            past_period = _told_as_past_period(nearest)
            event.time = _as_night(nearest, story.cues)
            event.time_rank = TIME_OF_OWN_PHRASE if own else TIME_OF_SENTENCE
        elif narrative is not None:
            event.time, event.time_rank = narrative, TIME_OF_SENTENCE
        elif story.published is not None:
            event.time = EventTime(start=story.published, precision="day")
        dated.append(_dated_copy(event, event.time, story, past_period))
    return dated, explicit


def end_of_period(event: Mention, story: Story) -> EventTime | None:
    """What ends a period the text both dates and counts happened at its end: "Six semaines de combats à
    l'automne 2020 … se sont terminés par un cessez-le-feu" is a ceasefire of November 2020 (the period's start
    and length, to the month: a season or a month starts a period only roughly)."""
    verb = event.match.head.head
    if verb.pos_ == "ADP":  # "ended with a ceasefire": the preposition hangs between
        verb = verb.head
    if verb == event.match.head or lemma_of(verb) not in story.cues.period_end:
        return None
    clauses = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # "ont fait … et se sont terminés"
    subject = next((c for clause in clauses for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    start, end = span_of(subject)
    lengths = [length for at, _, length in story.durations if start <= at < end]
    begun = [m.value for m in times_in(event.sentence, story) if start <= m.start < end and not m.relative]
    if not lengths or not begun:
        return None
    first = begun[0].start
    ended = (first.date() if isinstance(first, datetime) else first) + lengths[0].span
    return EventTime(start=ended.replace(day=1), precision="month", text=f"{begun[0].text} + {lengths[0].text}")


def _as_night(mention: TimeMention, cues: LanguageCues) -> EventTime:
    """ "vers minuit, heure locale": the night from the day before to the day itself, at day precision."""
    value = mention.value
    at = value.start
    is_midnight = isinstance(at, datetime) and at.tzinfo is None and (at.hour, at.minute) == (0, 0)
    if not is_midnight or not any(word in mention.text.lower() for word in cues.midnight):
        return value
    return EventTime(start=at.date() - timedelta(days=1), end=at.date(), precision="day", text=mention.text)


def _dated_copy(event: Mention, time: EventTime | None, story: Story, past_period: bool) -> Mention:
    copy = replace(event, time=time, auxiliary=set(event.auxiliary), casualties=dict(event.casualties))
    if past_period or (time is not None and story.published is not None and _ended_before(time, story.published)):
        copy.auxiliary.add("historical")
    return copy


def _ended_before(time: EventTime, published: date) -> bool:
    last = time.end or time.start
    last_day = last.date() if isinstance(last, datetime) else last
    return last_day < published - HISTORICAL_AFTER


def _told_as_past_period(mention: TimeMention) -> bool:
    """ "la semaine dernière", "last month": a period the story sets in the past, background news."""
    return mention.anchor == "past" and mention.value.precision in ("week", "month", "season", "year", "decade")
