"""Score event coding against PLOVER's gold standard records: the CAMEO manual's example sentences, coded in PLOVER.

The gold file (`gsr_dev.json` from openeventdata/PLOVER) is a JSON array of records with the sentence (`text`),
its event type (`event`, in an older draft's names: DEMAND, FIGHT, DISAPPROVE, INVESTIGATE are REQUEST,
ASSAULT, ACCUSE, ACCUSE/investigate in PLOVER 2.0) and its `source` and `target` actors, lists of
{actorText, code, sector} whose codes are CAMEO-era country codes (JAP for Japan) or PLOVER's IGO, NGO, ...

The coder codes each sentence alone and its main event answers for it: the most confident, the first of
equals (one gold record holds one event). Scored:

- event type, older names mapped to 2.0; a sentence with no event counts as the class NONE, always wrong;
- actor: right when the main event's actor codes and the gold source codes share one, once both are read as
  ISO 3166 alpha-3 codes (`iso_country`) and 2.0's UNO and EUR also as the older IGO; over the records whose
  gold source has a code (`actor_n`);
- recipient: the same for the main event's recipients and the gold target (`recipient_n`).

Actors are scored whatever the event type, so finding who acted counts even when the act is mistaken.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from treve.errors import EvaluationError
from treve.evaluate.parts import Part, in_part
from treve.evaluate.scoring import NO_EVENT, main_event, sentence_report
from treve.ontology import EventType, iso_country, modern_event
from treve.records import Entity, Event


class GoldRecord(NamedTuple):
    """One gold sentence with its 2.0 event type and its actor and recipient codes, read as ISO codes."""

    id: str
    text: str
    event: EventType
    sources: frozenset[str]
    targets: frozenset[str]


def _as_iso(code: str) -> str:
    """A country code as ISO alpha-3 where it can be read as one, else as written."""
    return iso_country(code) or code.strip().upper()


def _gold_codes(actors: object) -> frozenset[str]:
    """Codes of a gold actor list; a few records hold an empty string or a stray word there instead."""
    if not isinstance(actors, list):
        return frozenset()
    return frozenset(_as_iso(code) for actor in actors if isinstance(actor, dict) and (code := actor.get("code")))


# PLOVER 2.0 gave the UN and the EU codes of their own; the gold records, coded under an older draft, call
# them IGO like any intergovernmental organisation.
OLDER_CODES = {"UNO": "IGO", "EUR": "IGO"}


def _codes(entities: list[Entity]) -> frozenset[str]:
    """An event's codes as ISO codes, with the older draft's IGO beside 2.0's UNO and EUR."""
    codes = {_as_iso(entity.code) for entity in entities if entity.code}
    return frozenset(codes | {OLDER_CODES[code] for code in codes if code in OLDER_CODES})


def load_gold(gold_file: Path) -> list[GoldRecord]:
    """The gold records, event names mapped to PLOVER 2.0, checked for the fields the scorer needs."""
    try:
        raw = json.loads(gold_file.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EvaluationError(f"{gold_file}: no such gold file; point to PLOVER's gsr_dev.json") from exc
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{gold_file}: unreadable gold JSON ({exc}); fix or replace the file") from exc
    if not isinstance(raw, list) or not all(isinstance(r, dict) and {"text", "event"} <= r.keys() for r in raw):
        raise EvaluationError(f"{gold_file}: expected a JSON array of records with 'text' and 'event'")
    records = []
    for number, record in enumerate(raw):
        try:
            event_type, _ = modern_event(str(record["event"]))
        except ValueError as exc:
            raise EvaluationError(f"{gold_file}: record {record.get('id', number)}: {exc}") from exc
        sources, targets = _gold_codes(record.get("source")), _gold_codes(record.get("target"))
        records.append(GoldRecord(str(record.get("id", number)), str(record["text"]), event_type, sources, targets))
    return records


def score_plover(
    gold_file: Path, code: Callable[[str], list[Event]], limit: int | None = None, part: Part = Part.all
) -> dict[str, Any]:
    """Run `code` on each gold sentence of `part` (the first `limit` only, if given) and score its main event.

    Returns `n`, `event_accuracy`, `event_macro_f1` (over the types in the gold or the predictions),
    `actor_accuracy` over `actor_n` records, `recipient_accuracy` over `recipient_n` records, and
    `per_class`: {type: {precision, recall, f1, n}}. Raises EvaluationError when the gold file is missing
    or not in the expected layout.
    """
    records = [record for record in load_gold(gold_file) if in_part(record.id, part)][:limit]
    gold: list[str] = []
    predicted: list[str] = []
    actors_right: list[bool] = []
    recipients_right: list[bool] = []
    for record in records:
        event = main_event(code(record.text))
        gold.append(record.event)
        predicted.append(NO_EVENT if event is None else modern_event(event.event)[0])
        if record.sources:
            actors_right.append(event is not None and bool(record.sources & _codes(event.actor)))
        if record.targets:
            recipients_right.append(event is not None and bool(record.targets & _codes(event.recipient)))
    return sentence_report(part.value, gold, predicted, actors_right, recipients_right)
