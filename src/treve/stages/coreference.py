"""Coreference: the mentions of one article that tell the same real-world event become one event.

Two mentions of one sentence fold into one when one is part of the other (a relative clause about the event, a
phrase inside it); across sentences, reports of one event (same type, parties, compatible time and place) merge.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from spacy.tokens import Span

from treve.ontology import ARMED_SECTORS
from treve.records import CeasefireTerms, Entity, EventTime
from treve.resources.gazetteer import distance_km
from treve.stages.event_location import Basis, EventLocation
from treve.stages.mentions import Mention, effective_time, unidentified
from treve.stages.story import Story, codes, unique_entities
from treve.stages.syntax import governs, lemma_of, relative_antecedent
from treve.stages.tolls import more_specific

# Reports of one event placed further apart than this are two events.
SAME_PLACE_KM = 50
_BASIS_RANK = {basis: rank for rank, basis in enumerate(Basis)}  # Basis lists the strongest evidence first
_PRECISION_RANK = {"hour": 0, "day": 1, "week": 2, "month": 3, "season": 4, "year": 5, "decade": 6}
# Sectors that make two parties of one country different parties: its armed forces, police, rebels, militias
# and unidentified attackers fight each other and its civilians.
DISTINCT_SECTORS = ARMED_SECTORS | {"CVL"}


def parties(entities: Iterable[Entity]) -> frozenset[str]:
    """Who takes part, for telling events apart: codes, and the words of those without one ("police"); an
    armed or civilian sector sets apart parties of one country (the police and a mob of India are two)."""
    return frozenset(
        f"{entity.code}:{entity.sector}"
        if entity.code and entity.sector in DISTINCT_SECTORS
        else entity.code or entity.entity_text.lower()
        for entity in entities
    )


def fold_within_sentence(coded: list[Mention]) -> list[Mention]:
    """Two triggers of one sentence that tell one event become one: a relative clause about an event
    ("des coups de feu qui ont tué 49 personnes"), or a phrase inside another ("tué ... lors d'une
    fusillade")."""
    kept: list[Mention] = []
    for event in coded:
        host = next((other for other in kept if _same_event(other, event)), None)
        if host is None:
            kept.append(event)
        else:
            absorb(host, event)
    return kept


def _same_event(first: Mention, second: Mention) -> bool:
    if first.event != second.event or (first.ceasefire is None) != (second.ceasefire is None):
        return False
    a, b = first.match.head, second.match.head
    if governs(a, b) or governs(b, a):
        return True
    return relative_antecedent(b) in first.match.tokens


def absorb(host: Mention, other: Mention) -> None:
    """Fold `other`'s details into `host`, keeping the more specific of each."""
    if not host.actor or (unidentified(host.actor) and other.actor and not unidentified(other.actor)):
        host.actor = other.actor
    host.recipient = unique_entities([*host.recipient, *other.recipient])
    host.mediator = unique_entities([*host.mediator, *other.mediator])
    host.mode = host.mode or other.mode
    if other.location is not None and (
        host.location is None or _BASIS_RANK[other.location.basis] < _BASIS_RANK[host.location.basis]
    ):
        host.location = other.location  # the report that says where beats the one where treve guessed
    if other.attribution is not None and (host.attribution is None or host.attribution.kind == "accusation"):
        host.attribution = other.attribution
    host.confidence = max(host.confidence, other.confidence)


def _compatible_times(a: EventTime | None, b: EventTime | None) -> bool:
    if a is None or b is None:
        return True

    def bounds(t: EventTime) -> tuple[date, date]:
        start = t.start.date() if isinstance(t.start, datetime) else t.start
        end = t.end or t.start
        return start, end.date() if isinstance(end, datetime) else end

    (a_start, a_end), (b_start, b_end) = bounds(a), bounds(b)
    return a_start <= b_end + timedelta(days=1) and b_start <= a_end + timedelta(days=1)


def _compatible_places(a: EventLocation | None, b: EventLocation | None) -> bool:
    """Two reports whose sentences each say where, and say places far apart, tell two events (police fired in
    Bhavnagar and in Surat); a guessed place never keeps reports apart."""
    if a is None or b is None or not (a.stated and b.stated):
        return True
    first, second = a.mention.place, b.mention.place
    if first is None or second is None or None in (first.lat, first.lon, second.lat, second.lon):
        return a.mention.text.lower() == b.mention.text.lower()
    return distance_km(first.lat, first.lon, second.lat, second.lon) <= SAME_PLACE_KM  # type: ignore[arg-type]


def complete_earlier_ceasefire(found: list[Mention], coded: list[Mention], sentence: Span, story: Story) -> None:
    """ "The truce takes effect from 06:00 GMT": a sentence that tells when a ceasefire starts without
    coding one of its own speaks of the story's latest ceasefire."""
    if any(event.ceasefire is not None for event in coded):
        return
    if not any(lemma_of(token) in story.cues.ceasefire for token in sentence):
        return
    latest = next((event for event in reversed(found) if event.ceasefire is not None), None)
    effective = effective_time(sentence, story)
    if latest is not None and effective is not None and latest.ceasefire.effective is None:  # type: ignore[union-attr]
        latest.ceasefire = CeasefireTerms(effective=effective)
        latest.retold_in.append(sentence)


def fought_elsewhere(event: Mention, story: Story) -> bool:
    """A fight that names no side is the story's main pair's only where their countries are: "la guerre en
    Ukraine" in a story about Armenia and Azerbaijan is someone else's war."""
    if not event.parties_inferred or event.location is None or not event.location.stated:
        return False
    place = event.location.mention.place
    country = place.country_code if place is not None else None
    return country is not None and country not in codes(story.main_pair)


def merge_reports(events: Iterable[Mention]) -> list[Mention]:
    """Reports of one event inside one article become one record (same type, parties, time)."""
    merged: list[Mention] = []
    for event in events:
        twin = next(
            (
                kept
                for kept in merged
                if kept.event == event.event
                and (kept.ceasefire is None) == (event.ceasefire is None)
                and parties(kept.actor) == parties(event.actor)
                and (parties(kept.recipient) == parties(event.recipient) or event.event == "ASSAULT")
                and ("historical" in kept.auxiliary) == ("historical" in event.auxiliary)
                and _compatible_times(kept.time, event.time)
                and _compatible_places(kept.location, event.location)
            ),
            None,
        )
        if twin is None:
            merged.append(event)
            continue
        if event.time is not None and (
            twin.time is None
            or (event.time_rank, _PRECISION_RANK[event.time.precision])
            < (twin.time_rank, _PRECISION_RANK[twin.time.precision])
        ):
            twin.time, twin.time_rank = event.time, event.time_rank
        for kind, count in event.casualties.items():
            if kind not in twin.casualties or more_specific(count, twin.casualties[kind]):
                twin.casualties[kind] = count
                twin.attribution = event.attribution or twin.attribution
        if event.ceasefire is not None and event.ceasefire.effective is not None:
            twin.ceasefire = event.ceasefire
        twin.retold_in.extend(s for s in [event.sentence, *event.retold_in] if s != twin.sentence)
        absorb(twin, event)
    return merged
