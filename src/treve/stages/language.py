"""Language: of the whole article and of each paragraph, with lingua restricted to the configured set.

Restricting the candidates keeps the detector small and fast, and stops rare languages from winning
on short paragraphs of names and numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar, Literal

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from treve.errors import ConfigError
from treve.records import Article, ParagraphLanguage

# Enough text to settle the article's language; more only costs time.
ARTICLE_SAMPLE_CHARS = 3000
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
        values = self._detector.compute_language_confidence_values(text)
        if not values or values[0].value == 0:
            return None, 0.0
        return values[0].language.iso_code_639_1.name.lower(), round(values[0].value, 4)

    def __call__(self, article: Article) -> Article:
        language, confidence = self.detect(article.text[:ARTICLE_SAMPLE_CHARS])
        if article.declared_language and confidence < DECLARED_LANGUAGE_WINS_BELOW:
            language = article.declared_language
        paragraphs = [
            ParagraphLanguage(start=match.start(), end=match.end(), language=code, confidence=score)
            for match in _PARAGRAPH.finditer(article.text)
            for code, score in [self.detect(match.group())]
        ]
        return article.model_copy(
            update={"language": language, "language_confidence": confidence, "paragraphs": paragraphs}
        )
