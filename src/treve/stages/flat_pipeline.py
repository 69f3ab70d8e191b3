"""A language no parser on PyPI reads: spaCy's rule-based tokenizer and a sentencizer for it, and lemmas
from `resources/lexicons/flat_reading.toml` (its header documents the format).

The Doc has no parse, tags or names: the stages that read the parse find nothing in it, and the events stage
reads who did what to whom from the order of the names around each trigger (`arguments.flat_arguments`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from treve.errors import ResourceError
from treve.resources.event_lexicon import load_event_lexicon

_FILE = "flat_reading.toml"
ANY_LANGUAGE = "xx"  # spaCy's multi-language code: the table and tokenizer of a language treve has no words for
CHARACTERS_TOKENIZER = "zh"  # spaCy's Chinese tokenizer, one token per character (its default, no package needed)


@cache
def flat_tables() -> dict[str, dict[str, Any]]:
    """The languages read without a parser, with their lemma rules and word order."""
    path = resources.files("treve.resources") / "lexicons" / _FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"cannot read {_FILE}: {exc}; reinstall treve") from exc
    raw.pop("version", None)
    for language, table in raw.items():
        if table.get("word_order") not in ("VSO", "SVO"):
            raise ResourceError(f"{_FILE}: [{language}] word_order must be VSO or SVO")
        if table.get("segment", "characters") != "characters":
            raise ResourceError(f'{_FILE}: [{language}] segment can only be "characters"')
    return raw


def table_of(language: str) -> dict[str, Any]:
    """The language's table, or that of any language (`xx`) for one treve has no words for."""
    tables = flat_tables()
    return tables.get(language, tables[ANY_LANGUAGE])


def _dictionary_lemmas(language: str) -> Callable[[str], str]:
    """Lemmas from pymorphy2's dictionary of the language (pymorphy2-dicts-<language>, built from the
    language's open morphological dictionary: VESUM for Ukrainian), "ё" read as "е"."""
    import pymorphy2

    import treve.stages.natasha_pipeline  # noqa: F401  (makes pymorphy2 0.9.1 work on Python 3.11)

    analyser = pymorphy2.MorphAnalyzer(lang=language)

    @cache
    def lemma(word: str) -> str:
        return analyser.parse(word)[0].normal_form.replace("ё", "е")

    return lemma


def lemmatiser(language: str) -> Callable[[str], str]:
    """The word's lemma: from a morphological dictionary where the table names one; else marks dropped,
    letters folded, lower case, and one proclitic removed when what remains is a word the lexicons know."""
    table = table_of(language)
    if table.get("lemmas") == "pymorphy2":
        return _dictionary_lemmas(language)
    drop = re.compile(table.get("drop", "(?!)"))
    fold = str.maketrans(table.get("fold", {}))
    proclitics = sorted(table.get("proclitics", []), key=len, reverse=True)
    known = known_words(language)

    def lemma(word: str) -> str:
        plain = drop.sub("", word).translate(fold).lower()
        if plain in known:
            return plain
        for prefix in proclitics:
            rest = plain[len(prefix) :]
            if plain.startswith(prefix) and rest in known:
                return rest
        return plain

    return lemma


@cache
def known_words(language: str) -> frozenset[str]:
    """The words the language's lexicons know (triggers, cues, actor kinds), folded as the lemmatiser folds."""
    table = table_of(language)
    drop = re.compile(table.get("drop", "(?!)"))
    fold = str.maketrans(table.get("fold", {}))
    cues = load_event_lexicon().for_language(language)
    return frozenset(drop.sub("", word).translate(fold) for word in cues.vocabulary()) if cues else frozenset()


def load(language: str) -> Language:
    """A blank pipeline of the language with a sentencizer and the flat lemmatizer: spaCy's rule-based tokenizer
    of the language, or its multi-language one where spaCy has none (or needs a package treve does not install,
    such as Japanese's)."""
    try:
        nlp = spacy.blank(CHARACTERS_TOKENIZER if table_of(language).get("segment") == "characters" else language)
    except ImportError:
        nlp = spacy.blank(ANY_LANGUAGE)
    nlp.tokenizer = _FreshTokens(nlp.tokenizer)
    nlp.add_pipe("sentencizer")
    lemma = lemmatiser(language)

    def lemmatise(doc: Doc) -> Doc:
        for token in doc:
            token.lemma_ = lemma(token.text)
        return doc

    nlp.add_pipe(_component(language, lemmatise))
    return nlp


class _FreshTokens:
    """spaCy's rule-based tokenizer, its words copied into a new Doc. The tokenizer reuses cached tokens whose
    tree edges (`left_edge`, `right_edge`) are left over from earlier texts until a parser sets them: with no
    parser they point anywhere, and reading a token's children can crash the process."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self._tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        tokens = self._tokenizer(text)
        return Doc(tokens.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])


def _component(language: str, function: Callable[[Doc], Doc]) -> str:
    name = f"treve_flat_lemmas_{language}"
    if not Language.has_factory(name):
        Language.component(name, func=function)
    return name
