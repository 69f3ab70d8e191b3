"""Score police-action coding against IndiaPoliceEvents: Times of India reports of the 2002 Gujarat violence.

The gold folder (slanglab/IndiaPoliceEvents, data/final) holds `docs*.jsonl` ({doc_id, doc_text, ...}) and
`sents*.jsonl` ({doc_id, sent_id, sent_text, sent_labels}); each sentence is a stretch of its document's text,
in order. A sentence's adjudicated labels answer yes to questions about the police:

- KILL: did police kill someone?          - ARREST: did police arrest someone?
- FAIL: did police fail to act?           - FORCE: did police use force or violence (killing included)?
- ANY_ACTION: did police do anything (killing, arresting, other force, anything else; not failing)?

The coder reads whole documents, as treve does: a sentence often needs its neighbours to say who "they" are.
Each coded event counts for the gold sentence that holds its trigger word, and for those its other evidence
sentences (the ones it was retold in) overlap. An event answers for the police when one of its actors has
the sector COP, and then says (`police_labels`):

- FAIL when it carries the auxiliary mode negation (the police did not act); nothing else when it is
  negated, hypothetical or future;
- otherwise ANY_ACTION, plus FORCE for an ASSAULT, KILL for an ASSAULT with dead or a targeted killing,
  and ARREST for COERCE with mode arrest or any police event with people arrested.

Each label is scored as its own yes/no question over the sentences: precision, recall, F1 and `n`, the
number of sentences the gold says yes for.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from treve.errors import EvaluationError
from treve.evaluate.parts import Part, in_part
from treve.evaluate.scoring import scores_from_counts
from treve.ontology import casualty_count, entity_sectors, modern_event
from treve.records import Event, Evidence

LABELS = ("KILL", "ARREST", "FORCE", "FAIL", "ANY_ACTION")
_NOT_DONE = frozenset({"negation", "hypothetical", "future"})
# (predicted, gold) -> outcome; "tn" is counted but enters no figure.
_OUTCOME = {(True, True): "tp", (True, False): "fp", (False, True): "fn", (False, False): "tn"}


class GoldSentence(NamedTuple):
    """Where a gold sentence lies in its document's text, and its labels."""

    start: int
    end: int
    labels: frozenset[str]


class GoldDocument(NamedTuple):
    id: str
    text: str
    sentences: list[GoldSentence]


def police_labels(event: Event) -> frozenset[str]:
    """The questions an event says yes to; none unless a police actor did (or failed to do) it."""
    if not any("COP" in entity_sectors(entity) for entity in event.actor):
        return frozenset()
    if _NOT_DONE & set(event.auxiliary_modes):
        return frozenset({"FAIL"}) if "negation" in event.auxiliary_modes else frozenset()
    event_type, mode = modern_event(event.event, event.mode)
    labels = {"ANY_ACTION"}
    if event_type == "ASSAULT":
        labels.add("FORCE")
        if mode == "targeted" or casualty_count(event, "dead"):
            labels.add("KILL")
    if (event_type == "COERCE" and mode == "arrest") or casualty_count(event, "arrested"):
        labels.add("ARREST")
    return frozenset(labels)


def _only(gold_dir: Path, pattern: str) -> Path:
    matches = sorted(gold_dir.glob(pattern))
    if len(matches) != 1:
        found = ", ".join(path.name for path in matches) or "none"
        raise EvaluationError(f"{gold_dir}: expected exactly one {pattern} file (found {found}); keep one")
    return matches[0]


def _read_jsonl(path: Path, keys: set[str]) -> list[dict[str, Any]]:
    """The records of a JSON Lines file, each checked to hold `keys`."""
    records = []
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise EvaluationError(f"{path}, line {line_number}: not JSON ({exc}); fix or replace the file") from exc
            if not isinstance(record, dict) or not keys <= record.keys():
                raise EvaluationError(f"{path}, line {line_number}: expected the fields {', '.join(sorted(keys))}")
            records.append(record)
    return records


def load_gold(gold_dir: Path) -> list[GoldDocument]:
    """The gold documents in file order, each with its labelled sentences located in its text."""
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: no such folder; point to IndiaPoliceEvents' data/final folder")
    docs = _read_jsonl(_only(gold_dir, "docs*.jsonl"), {"doc_id", "doc_text"})
    sents_path = _only(gold_dir, "sents*.jsonl")
    by_doc: dict[Any, list[dict[str, Any]]] = {doc["doc_id"]: [] for doc in docs}
    for sent in _read_jsonl(sents_path, {"doc_id", "sent_id", "sent_text", "sent_labels"}):
        if sent["doc_id"] not in by_doc or not set(sent["sent_labels"]) <= set(LABELS):
            raise EvaluationError(
                f"{sents_path}: sentence {sent['sent_id']} of {sent['doc_id']}: unknown document or label"
            )
        by_doc[sent["doc_id"]].append(sent)
    documents = []
    for doc in docs:
        text, position, sentences = doc["doc_text"], 0, []
        for sent in sorted(by_doc[doc["doc_id"]], key=lambda s: s["sent_id"]):
            start = text.find(sent["sent_text"], position)
            if start < 0:
                raise EvaluationError(f"{sents_path}: sentence {sent['sent_id']} is not in document {doc['doc_id']}")
            position = start + len(sent["sent_text"])
            sentences.append(GoldSentence(start, position, frozenset(sent["sent_labels"])))
        documents.append(GoldDocument(str(doc["doc_id"]), text, sentences))
    return documents


def _evidence_spans(event: Event, text: str) -> list[tuple[int, int]]:
    """Where the sentences that tell the event are in the document: the first report narrowed to its trigger
    word (treve's sentence may join a dateline, "jaipur:", to the sentence after it), the others whole."""
    first = _evidence_span(event.evidence, text)
    trigger = event.evidence.trigger
    at = text.find(trigger, *first) if trigger else -1
    told = (at, at + len(trigger)) if trigger and at >= 0 else first
    return [told, *(_evidence_span(evidence, text) for evidence in event.retold)]


def _evidence_span(evidence: Evidence, text: str) -> tuple[int, int]:
    """Where an evidence sentence is in the document: its offsets if they fit, else where it is found."""
    if evidence.sentence and text[evidence.start : evidence.end] != evidence.sentence:
        found = text.find(evidence.sentence)
        if found >= 0:
            return found, found + len(evidence.sentence)
    return evidence.start, max(evidence.end, evidence.start + 1)


def score_india_police(
    gold_dir: Path, code: Callable[[str], list[Event]], limit: int | None = None, part: Part = Part.all
) -> dict[str, Any]:
    """Run `code` on each gold document of `part` (the first `limit` only, if given) and score its police events
    by sentence.

    Returns `part`, `documents` and {label: {precision, recall, f1, n}} for KILL, ARREST, FORCE, FAIL and
    ANY_ACTION. Raises
    EvaluationError when the folder or a gold file is missing or not in the expected layout.
    """
    counts = {label: Counter[str]() for label in LABELS}
    documents = [document for document in load_gold(gold_dir) if in_part(document.id, part)][:limit]
    for document in documents:
        spans = [
            (span, police_labels(event))
            for event in code(document.text)
            for span in _evidence_spans(event, document.text)
        ]
        for sentence in document.sentences:
            said = set().union(*(labels for (a, b), labels in spans if a < sentence.end and sentence.start < b))
            for label in LABELS:
                outcome = _OUTCOME[label in said, label in sentence.labels]
                counts[label][outcome] += 1
    scores: dict[str, Any] = {"part": part.value, "documents": len(documents)}
    return scores | {label: scores_from_counts(c["tp"], c["fp"], c["fn"]).as_dict() for label, c in counts.items()}
