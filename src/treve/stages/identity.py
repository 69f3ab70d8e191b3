"""Identity: a stable id from the normalised body, and exact or near-duplicate detection (MinHash LSH).

A syndicated copy of a story under another header shares nearly all of its word 5-grams with the first
copy, so the estimated Jaccard similarity of the two sets tells copies apart from other stories. Candidates
are found by LSH band keys: two signatures that agree on all the rows of one band share that band's key. The
run's index (`CopyIndex`) and the store's (treve.store.copies) use the same keys and the same test.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import ClassVar, Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

from treve.config import Settings
from treve.normalise import normalise_for_processing
from treve.records import Article

_WORD = re.compile(r"\w+")
SHINGLE_WORDS = 5
SCHEME = "affine32"
"""datasketch's permutation scheme: signatures kept in a store are only comparable under the scheme that made them."""


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


@dataclass(frozen=True)
class CopyRule:
    """When two texts are copies: their estimated Jaccard similarity over word 5-grams reaches `threshold`,
    estimated by MinHash signatures of `permutations` hashes."""

    threshold: float
    permutations: int

    @classmethod
    def from_settings(cls, settings: Settings) -> CopyRule:
        return cls(threshold=settings.near_duplicate_threshold, permutations=settings.minhash_permutations)

    def signature(self, text: str) -> MinHash:
        signature = MinHash(num_perm=self.permutations, scheme=SCHEME)
        shingles = _shingles(text)
        while batch := [shingle.encode("utf-8") for shingle in islice(shingles, SHINGLE_BATCH)]:
            signature.update_batch(batch)
        return signature

    def same_story(self, first: MinHash, second: MinHash) -> bool:
        return len(first.hashvalues) == len(second.hashvalues) and first.jaccard(second) >= self.threshold

    def band_keys(self, signature: MinHash) -> list[str]:
        """One key per LSH band (datasketch's optimal bands for the threshold), naming the banding so that keys
        made under other settings never meet."""
        bands, rows = _banding(self.threshold, self.permutations)
        values = signature.hashvalues
        digests = (hashlib.sha1(values[band * rows : (band + 1) * rows].tobytes()).hexdigest() for band in range(bands))
        return [f"{SCHEME}/{bands}x{rows}:{band}:{digest[:16]}" for band, digest in enumerate(digests)]


@cache
def _banding(threshold: float, permutations: int) -> tuple[int, int]:
    lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
    return lsh.b, lsh.r


SIGNATURE_VALUE = np.dtype("<u4")
"""How a stored signature's hash values are written: the affine32 scheme's values, little-endian."""


def signature_bytes(signature: MinHash) -> bytes:
    return signature.hashvalues.astype(SIGNATURE_VALUE).tobytes()


def signature_from(data: bytes) -> MinHash:
    return MinHash(hashvalues=np.frombuffer(data, dtype=SIGNATURE_VALUE), scheme=SCHEME)


RUN_INDEX_ARTICLES = 100_000
"""First copies a run's index keeps (about 1.5 KB each): copies are syndicated within days, and an older first copy
is still found in the store the run writes to, so memory stays bounded whatever the corpus."""


class CopyIndex:
    """The latest `capacity` first copies, found again by band key; the earliest added wins when several match."""

    def __init__(self, rule: CopyRule, capacity: int | None = None) -> None:
        self.rule = rule
        self._capacity = capacity
        self._signatures: dict[str, MinHash] = {}
        self._arrival: dict[str, int] = {}
        self._added = 0
        self._by_band: defaultdict[str, list[str]] = defaultdict(list)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._signatures

    def first_copy(self, signature: MinHash) -> str | None:
        keys = self.rule.band_keys(signature)
        candidates = {article_id for key in keys for article_id in self._by_band.get(key, ())}
        copied = [other for other in candidates if self.rule.same_story(self._signatures[other], signature)]
        return min(copied, key=self._arrival.__getitem__, default=None)

    def add(self, article_id: str, signature: MinHash) -> None:
        self._signatures[article_id] = signature
        self._arrival[article_id] = self._added
        self._added += 1
        for key in self.rule.band_keys(signature):
            self._by_band[key].append(article_id)
        if self._capacity is not None and len(self._signatures) > self._capacity:
            self._forget(next(iter(self._signatures)))

    def _forget(self, article_id: str) -> None:
        for key in self.rule.band_keys(self._signatures.pop(article_id)):
            band = self._by_band[key]
            band.remove(article_id)
            if not band:
                del self._by_band[key]
        del self._arrival[article_id]


class StoredArticles(Protocol):
    """What a run asks of the store it writes to before reading an article: is this id there, and is this text a
    copy of one stored (its id)."""

    def holds(self, article_id: str) -> bool: ...

    def first_copy(self, signature: MinHash, rule: CopyRule) -> str | None: ...


class DuplicateFinder:
    """Marks each article that repeats one seen earlier in the run, or one already in the store the run writes to;
    holds the run's index (its latest first copies), not global state."""

    name: ClassVar[str] = "identity"
    requires: ClassVar[frozenset[str]] = frozenset({"id", "text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"duplicate_of"})

    def __init__(self, rule: CopyRule, stored: StoredArticles | None = None) -> None:
        self._index = CopyIndex(rule, capacity=RUN_INDEX_ARTICLES)
        self._stored = stored

    def __call__(self, article: Article) -> Article:
        if article.id in self._index:
            return article.model_copy(update={"duplicate_of": article.id})
        signature = self._index.rule.signature(article.text)
        first = self._index.first_copy(signature)
        if first is None and self._stored is not None and not self._stored.holds(article.id):
            first = self._stored.first_copy(signature, self._index.rule)
        if first is not None:
            return article.model_copy(update={"duplicate_of": first})
        self._index.add(article.id, signature)
        return article
