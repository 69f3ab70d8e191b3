"""What kind of event a sentence tells, read from its wording as a whole rather than from listed trigger words.

The trigger lexicon is precise but cannot list every way news says that troops shelled a town or that a
minister appealed for calm. A linear classifier over the sentence's character n-grams, fitted on treve's own
example sentences (`treve.resources.event_examples`), gives a probability per label: a PLOVER type or
type:mode, or an ACLED sub-event type. The events stage uses it to find events the lexicon misses, to weigh
its candidates, and to choose ACLED sub-event types.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from treve.resources.event_examples import EVENT_LABEL, Taxonomy, load_classifier

NO_EVENT_LABEL = "NONE"


class LabelScores(NamedTuple):
    """One sentence's reading: the probability of every label, and the best label."""

    probabilities: dict[str, float]

    @property
    def best(self) -> tuple[str, float]:
        label = max(self.probabilities, key=lambda name: self.probabilities[name])
        return label, self.probabilities[label]

    def by_type(self) -> dict[str, float]:
        """PLOVER labels summed over their modes ("ASSAULT:aerial" counts for ASSAULT)."""
        totals: dict[str, float] = defaultdict(float)
        for label, probability in self.probabilities.items():
            totals[label.split(":", 1)[0]] += probability
        return dict(totals)

    def best_mode(self, event_type: str) -> str | None:
        """The most probable mode of a type, or None when the type's plain label is likelier than any mode."""
        candidates = {label: p for label, p in self.probabilities.items() if label.split(":", 1)[0] == event_type}
        if not candidates:
            return None
        label = max(candidates, key=lambda name: candidates[name])
        return label.split(":", 1)[1] if ":" in label else None


class EventTypeClassifier:
    """A taxonomy's shipped classifier applied to sentences."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._fitted = load_classifier(taxonomy)

    @property
    def labels(self) -> tuple[str, ...]:
        return self._fitted.labels

    def classify(self, texts: Sequence[str]) -> list[LabelScores]:
        if not texts:
            return []
        rows = self._fitted.probabilities(texts)
        return [LabelScores(dict(zip(self._fitted.labels, map(float, row), strict=True))) for row in rows]


class SentenceReading(NamedTuple):
    """A sentence read in the three taxonomies: its PLOVER type, its ACLED category, and how likely it reports
    a specific event at all (`reports`)."""

    plover: LabelScores
    acled: LabelScores
    reports: float


class SentenceReader:
    """The three taxonomies' classifiers."""

    def __init__(self) -> None:
        self._plover = EventTypeClassifier("plover")
        self._acled = EventTypeClassifier("acled")
        self._mention = EventTypeClassifier("mention")

    def read(self, texts: Sequence[str]) -> list[SentenceReading]:
        readings = zip(
            self._plover.classify(texts), self._acled.classify(texts), self._mention.classify(texts), strict=True
        )
        return [
            SentenceReading(plover, acled, mention.probabilities[EVENT_LABEL]) for plover, acled, mention in readings
        ]
