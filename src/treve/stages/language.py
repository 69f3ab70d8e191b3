"""Language: of the whole article and of each paragraph, with lingua restricted to the configured set.

Restricting the candidates keeps the detector small and fast, and stops rare languages from winning
on short paragraphs of names and numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar, Literal

from lingua import ConfidenceValue, IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from treve.errors import ConfigError
from treve.records import Article, ParagraphLanguage

# A paragraph's opening sentence or two settle its language; the rest would only cost time.
PARAGRAPH_SAMPLE_CHARS = 240
# Below this confidence, a language declared by the page or feed is believed instead.
DECLARED_LANGUAGE_WINS_BELOW = 0.5
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")


def _language(code: str) -> Language:
    try:
        return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except AttributeError as exc:
        raise ConfigError(
            f"setting 'languages': '{code}' is not an ISO 639-1 code lingua knows; use codes like fr, en"
        ) from exc


class LanguageIdentifier:
    """The language stage; builds its detector once and reuses it for every article."""

    name: ClassVar[str] = "language"
    requires: ClassVar[frozenset[str]] = frozenset({"text"})
    assigns: ClassVar[frozenset[str]] = frozenset({"language", "language_confidence", "paragraphs"})

    def __init__(self, languages: Sequence[str], *, accuracy: Literal["low", "high"] = "low") -> None:
        candidates = {_language(code) for code in languages}
        if len(candidates) == 1:
            # lingua needs two candidates; a lone language is checked against English.
            candidates.add(Language.ENGLISH if Language.FRENCH in candidates else Language.FRENCH)
        builder = LanguageDetectorBuilder.from_languages(*candidates)
        if accuracy == "low":
            builder = builder.with_low_accuracy_mode()
        self._detector: LanguageDetector = builder.build()

    def detect(self, text: str) -> tuple[str | None, float]:
        """The most likely language of `text` (ISO 639-1, lower case) and its confidence."""
        return _top(self._detector.compute_language_confidence_values(text))

    def __call__(self, article: Article) -> Article:
        spans = list(_PARAGRAPH.finditer(article.text))
        # One pass over the paragraphs (on both cores); the article's language is their length-weighted vote.
        values = self._detector.compute_language_confidence_values_in_parallel(
            [span.group()[:PARAGRAPH_SAMPLE_CHARS] for span in spans]
        )
        paragraphs = []
        votes: dict[str | None, float] = {}
        for span, paragraph_values in zip(spans, values, strict=True):
            code, confidence = _top(paragraph_values)
            paragraphs.append(
                ParagraphLanguage(start=span.start(), end=span.end(), language=code, confidence=confidence)
            )
            votes[code] = votes.get(code, 0.0) + confidence * (span.end() - span.start())
        language = max(votes, key=votes.__getitem__) if votes else None
        confidence = (
            round(votes[language] / max(1, sum(span.end() - span.start() for span in spans)), 4) if votes else 0.0
        )
        if article.declared_language and (language is None or confidence < DECLARED_LANGUAGE_WINS_BELOW):
            language = article.declared_language
        return article.model_copy(
            update={"language": language, "language_confidence": confidence, "paragraphs": paragraphs}
        )


def _top(values: list[ConfidenceValue]) -> tuple[str | None, float]:
    if not values or values[0].value == 0:
        return None, 0.0
    return values[0].language.iso_code_639_1.name.lower(), round(values[0].value, 4)
