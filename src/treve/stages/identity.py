"""Identity: a stable id from the normalised body, and exact or near-duplicate detection (MinHash LSH).

A syndicated copy of a story under another header shares nearly all of its word 5-grams with the first
copy, so the estimated Jaccard similarity of the two sets tells copies apart from other stories.
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterator
from itertools import islice
from typing import ClassVar

from datasketch import MinHash, MinHashLSH

from treve.normalise import normalise_for_processing
from treve.records import Article

_WORD = re.compile(r"\w+")
SHINGLE_WORDS = 5


# A long text's shingles are hashed this many at a time, never all held at once: a MinHash is a minimum over
# them, the same however they are grouped and however often one repeats.
SHINGLE_BATCH = 10_000


def _comparable_words(text: str) -> Iterator[str]:
    return (match.group() for match in _WORD.finditer(normalise_for_processing(text).casefold()))


def content_id(text: str) -> str:
    """Sixteen hex digits of SHA-256 over the body's words joined by spaces: the same story body always gets the
    same id. Hashed word by word, so a long body's words are never all held at once."""
    digest = hashlib.sha256()
    for number, word in enumerate(_comparable_words(text)):
        digest.update((f" {word}" if number else word).encode("utf-8"))
    return digest.hexdigest()[:16]


def _shingles(text: str) -> Iterator[str]:
    """Each run of SHINGLE_WORDS words, in order (all the words when there are fewer)."""
    window: deque[str] = deque(maxlen=SHINGLE_WORDS)
    for word in _comparable_words(text):
        window.append(word)
        if len(window) == SHINGLE_WORDS:
            yield " ".join(window)
    if len(window) < SHINGLE_WORDS:
        yield " ".join(window)


class DuplicateFinder:
    """Marks each article that repeats one seen earlier in the run; holds the run's index, not global state."""

    name: ClassVar[str] = "identity"
    requires: ClassVar[frozenset[str]] = frozenset({"id", "text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"duplicate_of"})

    def __init__(self, *, threshold: float, permutations: int) -> None:
        self._permutations = permutations
        self._lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
        self._threshold = threshold
        self._signatures: dict[str, MinHash] = {}
        self._arrival: dict[str, int] = {}

    def _signature(self, text: str) -> MinHash:
        signature = MinHash(num_perm=self._permutations)
        shingles = _shingles(text)
        while batch := [shingle.encode("utf-8") for shingle in islice(shingles, SHINGLE_BATCH)]:
            signature.update_batch(batch)
        return signature

    def __call__(self, article: Article) -> Article:
        if article.id in self._signatures:
            return article.model_copy(update={"duplicate_of": article.id})
        signature = self._signature(article.text)
        candidates = [
            key for key in self._lsh.query(signature) if self._signatures[key].jaccard(signature) >= self._threshold
        ]
        if candidates:
            first = min(candidates, key=self._arrival.__getitem__)
            return article.model_copy(update={"duplicate_of": first})
        self._signatures[article.id] = signature
        self._arrival[article.id] = len(self._arrival)
        self._lsh.insert(article.id, signature)
        return article
