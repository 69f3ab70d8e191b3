"""What the event scorers share: which of a coder's events answers for a text, and per-class precision/recall/F1.

The figures follow scikit-learn's conventions (a ratio with a zero denominator is 0; macro F1 is the plain mean
over classes, weighted F1 the mean weighted by each class's gold count), so they compare with published
tables, without making scikit-learn a dependency.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from treve.records import Event

NO_EVENT = "NONE"
"""The label of a text for which the coder found no event: always wrong, never a class of its own."""


class ClassScores(NamedTuple):
    """Precision, recall and F1 of one class, and `n`, how many gold items carry it."""

    precision: float
    recall: float
    f1: float
    n: int

    def as_dict(self) -> dict[str, float | int]:
        return self._asdict()


def main_event(events: Sequence[Event]) -> Event | None:
    """The event that answers for a one-event gold item: the most confident, the first of equals."""
    return max(events, key=lambda event: event.confidence, default=None)


def scores_from_counts(tp: int, fp: int, fn: int) -> ClassScores:
    """Precision, recall and F1 from true positives, false positives and false negatives."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScores(precision, recall, f1, tp + fn)


def per_class(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, ClassScores]:
    """Scores of every class found in the gold or the predictions (as scikit-learn does), NO_EVENT excepted."""
    pairs = list(zip(gold, predicted, strict=True))
    hits = Counter(g for g, p in pairs if g == p)
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    labels = sorted((set(gold) | set(predicted)) - {NO_EVENT})
    return {
        label: scores_from_counts(hits[label], predicted_counts[label] - hits[label], gold_counts[label] - hits[label])
        for label in labels
    }


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of items whose prediction equals the gold label (0 for no items)."""
    pairs = list(zip(gold, predicted, strict=True))
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def macro_f1(scores: Mapping[str, ClassScores]) -> float:
    """Mean F1 over the classes: every class weighs the same, however rare."""
    return sum(s.f1 for s in scores.values()) / len(scores) if scores else 0.0


def weighted_f1(scores: Mapping[str, ClassScores]) -> float:
    """Mean F1 over the classes weighted by gold count: the figure CASE 2021 ranked systems by."""
    total = sum(s.n for s in scores.values())
    return sum(s.f1 * s.n for s in scores.values()) / total if total else 0.0


def sentence_report(
    part: str, gold: Sequence[str], predicted: Sequence[str], actors: Sequence[bool], recipients: Sequence[bool]
) -> dict[str, Any]:
    """The keys every sentence-level PLOVER scorer reports: event type accuracy and macro F1, and the share of
    right actors and recipients over the items whose gold names them."""
    scores = per_class(gold, predicted)
    return {
        "part": part,
        "n": len(gold),
        "event_accuracy": accuracy(gold, predicted),
        "event_macro_f1": macro_f1(scores),
        "actor_accuracy": sum(actors) / len(actors) if actors else 0.0,
        "actor_n": len(actors),
        "recipient_accuracy": sum(recipients) / len(recipients) if recipients else 0.0,
        "recipient_n": len(recipients),
        "per_class": {label: s.as_dict() for label, s in scores.items()},
    }
