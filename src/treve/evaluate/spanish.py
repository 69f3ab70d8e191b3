"""Score event coding of Spanish news against the Spanish AFP protest set of UniversalPetrarch: 765 sentences,
each with its PLOVER event type(s) and the words that name each event's source and target.

The file (`spanish_protest_plover_validation.xml`, MIT) was coded in the 2018 PLOVER draft, whose names differ
from 2.0 in three ways that matter here: DEMAND, DISAPPROVE, INVESTIGATE map as in `evaluate plover`
(treve.ontology's crosswalk); its MOBILIZE is a popular mobilisation (its sentences are marches, rallies and
road blocks: 2.0's PROTEST, not the 2.0 MOBILIZE of troops); SACTION is its spelling of SANCTION. CRIME,
which 2.0 dropped, is scored as what 2.0 codes a crime's violence: ASSAULT.

The coder codes each sentence alone and its main event answers for it, as in `evaluate plover`. A sentence
with two or three gold events counts the prediction right when it is one of them. Actors are scored by
words, since the file gives almost no codes: the main event's actor is right when one of its entities'
words overlaps the gold source's words (content words, case folded), over the sentences whose gold event
has a source; the same for the recipient and the target.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from treve.errors import EvaluationError
from treve.evaluate.parts import Part, in_part
from treve.evaluate.scoring import NO_EVENT, main_event, sentence_report
from treve.ontology import modern_event
from treve.records import Entity, Event

# The 2018 draft's names that mean something else in PLOVER 2.0 (see the module docstring).
DRAFT_2018_EVENTS = {"MOBILIZE": "PROTEST", "SACTION": "SANCTION", "CRIME": "ASSAULT"}
# Words shorter than this carry no name ("el", "de", "la").
_MIN_WORD = 3
_WORD = re.compile(r"\w+")


class SpanishRecord(NamedTuple):
    """One gold sentence: its PLOVER 2.0 types (first event first), and the words of the first event's
    source and target."""

    id: str
    text: str
    events: tuple[str, ...]
    source: frozenset[str]
    target: frozenset[str]


def _words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.casefold()) if len(word) >= _MIN_WORD)


def _event_type(name: str) -> str:
    return modern_event(DRAFT_2018_EVENTS.get(name.strip().upper(), name))[0]


def load_spanish_gold(gold_file: Path) -> list[SpanishRecord]:
    """The gold sentences, event names mapped to PLOVER 2.0."""
    try:
        root = ET.parse(gold_file).getroot()
    except FileNotFoundError as exc:
        raise EvaluationError(
            f"{gold_file}: no such gold file; point to spanish_protest_plover_validation.xml"
        ) from exc
    except (OSError, ET.ParseError) as exc:
        raise EvaluationError(f"{gold_file}: unreadable gold XML ({exc}); fix or replace the file") from exc
    records = []
    for sentence in root.iter("Sentence"):
        text = (sentence.findtext("Text") or "").strip()
        codings = sentence.findall("EventCoding")
        if not text or not codings or "id" not in sentence.attrib:
            raise EvaluationError(f"{gold_file}: a <Sentence> lacks its id, <Text> or <EventCoding>")
        try:
            events = tuple(dict.fromkeys(_event_type(coding.get("plover", "")) for coding in codings))
        except ValueError as exc:
            raise EvaluationError(f"{gold_file}: sentence {sentence.get('id')}: {exc}") from exc
        first = codings[0].get("eid")
        spans = next((t for t in sentence.findall("EventText") if t.get("eid") == first), None)
        source = _words(spans.get("sourcetext", "")) if spans is not None else frozenset()
        target = _words(spans.get("targettext", "")) if spans is not None else frozenset()
        records.append(SpanishRecord(sentence.attrib["id"], text, events, source, target))
    return records


def _named(entities: Iterable[Entity], gold: frozenset[str]) -> bool:
    return any(_words(entity.entity_text) & gold for entity in entities)


def score_spanish(
    gold_file: Path, code: Callable[[str], list[Event]], limit: int | None = None, part: Part = Part.all
) -> dict[str, Any]:
    """Run `code` on each gold sentence of `part` (the first `limit` only, if given) and score its main event,
    with the keys of `evaluate plover`."""
    records = [record for record in load_spanish_gold(gold_file) if in_part(record.id, part)][:limit]
    gold: list[str] = []
    predicted: list[str] = []
    actors_right: list[bool] = []
    recipients_right: list[bool] = []
    for record in records:
        event = main_event(code(record.text))
        label = NO_EVENT if event is None else modern_event(event.event)[0]
        predicted.append(label)
        gold.append(label if label in record.events else record.events[0])
        if record.source:
            actors_right.append(event is not None and _named(event.actor, record.source))
        if record.target:
            recipients_right.append(event is not None and _named(event.recipient, record.target))
    return sentence_report(part.value, gold, predicted, actors_right, recipients_right)
