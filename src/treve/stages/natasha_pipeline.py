"""Russian NLP: natasha's models (MIT, inside its wheels) behind a spaCy pipeline.

No spaCy 3.8 Russian pipeline is on PyPI. natasha segments the text (razdel), tags UD parts of speech and
features, parses UD dependencies and finds PER/LOC/ORG names (slovnet on navec news embeddings), and
lemmatizes (pymorphy2). `load()` gives, like a spaCy model package's `load()`, a blank Russian `Language`
whose tokenizer is `NatashaPipeline`: it returns the whole annotated `Doc` (the way spacy-stanza works), so
`nlp(text)` and `nlp.pipe(texts)` behave as for the other languages.

The Doc follows the conventions of treve's spaCy models (fr_core_news_md): the text is reproduced exactly,
whitespace other than one trailing space becomes its own SPACE token attached to the word before it as
"dep", each sentence's root is "ROOT", `tag_` repeats `pos_`, and names are PER, LOC and ORG. A sentence never
runs across a paragraph break (a newline), nor does a name: names are found paragraph by paragraph. Each
sentence has one root: natasha's parser takes each word's most likely head, so it can give several roots or
a cycle; the extra roots, and the word that closes a cycle, hang on the sentence's root as "parataxis".
natasha writes lemmas in lower case, with "е" for "ё".
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from functools import cache

import spacy
from natasha import Doc as NatashaDoc
from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
from natasha.doc import DocToken
from pymorphy2.units.base import BaseAnalyzerUnit
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans
from spacy.vocab import Vocab
from threadpoolctl import ThreadpoolController  # comes with scikit-learn

EXTRA_ROOT = "parataxis"

Name = tuple[int, int, str]  # start and end offsets in the text, and PER, LOC or ORG


def _param_names(cls: type) -> list[str]:
    if cls.__init__ is object.__init__:
        return []
    return sorted(inspect.getfullargspec(cls.__init__).args[1:])


if not hasattr(inspect, "getargspec"):  # pymorphy2 0.9.1 (its last release) calls it; Python 3.11 removed it
    BaseAnalyzerUnit._get_param_names = classmethod(_param_names)


@dataclass(frozen=True)
class _Models:
    segmenter: Segmenter
    lemmas: MorphVocab
    morphology: NewsMorphTagger
    syntax: NewsSyntaxParser
    names: NewsNERTagger


@cache
def _models() -> _Models:
    """natasha's models, loaded once per process (about two seconds and 200 MB)."""
    embedding = NewsEmbedding()
    return _Models(
        Segmenter(), MorphVocab(), NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)
    )


def load() -> Language:
    """The Russian pipeline, as a spaCy model package's `load()` gives one."""
    nlp = spacy.blank("ru")
    nlp.tokenizer = NatashaPipeline(nlp.vocab)
    return nlp


class NatashaPipeline:
    """Text in, annotated spaCy Doc out: the tokenizer of the blank Russian pipeline that `load()` gives."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.models = _models()
        self._blas = ThreadpoolController()

    def __call__(self, text: str) -> Doc:
        analysis, names = self._analyse(text)
        words: list[str] = []
        spaces: list[bool] = []
        tokens: list[DocToken | None] = []  # natasha's token of each word, None for whitespace

        def add_whitespace(gap: str) -> None:  # as spaCy's tokenizer: one space trails a word, more is a token
            if gap.startswith(" ") and tokens and tokens[-1] is not None:
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
                tokens.append(None)

        end = 0
        for token in analysis.tokens:
            add_whitespace(text[end : token.start])
            words.append(token.text)
            spaces.append(False)
            tokens.append(token)
            end = token.stop
        add_whitespace(text[end:])

        heads, deps = _trees(text, analysis, tokens)
        pos = [_pos(word, token) for word, token in zip(words, tokens, strict=True)]
        doc = Doc(
            self.vocab,
            words=words,
            spaces=spaces,
            lemmas=[self._lemma(word, token) for word, token in zip(words, tokens, strict=True)],
            pos=pos,
            tags=pos,
            morphs=[_morph(token) for token in tokens],
            heads=heads,
            deps=deps,
        )
        spans = (doc.char_span(start, end, label=label, alignment_mode="contract") for start, end, label in names)
        doc.ents = filter_spans([span for span in spans if span is not None])
        return doc

    def _analyse(self, text: str) -> tuple[NatashaDoc, list[Name]]:
        """natasha's tokens, sentences, morphology and syntax, and its names, found paragraph by paragraph."""
        analysis = NatashaDoc(text)
        analysis.segment(self.models.segmenter)
        analysis.sents = [sentence for sentence in analysis.sents if sentence.tokens]  # razdel: " " is one
        # slovnet multiplies small matrices: with two cores, OpenBLAS's threads made it 3 to 8 times slower.
        with self._blas.limit(limits=1, user_api="blas"):
            analysis.tag_morph(self.models.morphology)
            analysis.parse_syntax(self.models.syntax)
            paragraphs = [line for line in re.finditer(r"[^\n]+", text) if not line.group().isspace()]
            markups = self.models.names.map([paragraph.group() for paragraph in paragraphs])
            names = [
                (paragraph.start() + name.start, paragraph.start() + name.stop, name.type)
                for paragraph, markup in zip(paragraphs, markups, strict=True)
                for name in markup.spans
            ]
        return analysis, names

    def _lemma(self, word: str, token: DocToken | None) -> str:
        if token is None or token.pos is None:
            return word
        token.lemmatize(self.models.lemmas)
        return token.lemma


def _trees(text: str, analysis: NatashaDoc, tokens: list[DocToken | None]) -> tuple[list[int], list[str]]:
    """Heads and relations of the words: one tree per sentence, and no sentence across a paragraph break."""
    position = {token.id: i for i, token in enumerate(tokens) if token is not None and token.id is not None}
    sentence_of = {id(token): n for n, sentence in enumerate(analysis.sents) for token in sentence.tokens}

    sentences: list[list[int]] = []  # natasha's sentences, split at newlines
    previous: DocToken | None = None
    current: int | None = None
    for i, token in enumerate(tokens):
        if token is None:
            continue
        sentence = sentence_of.get(id(token), current)  # a token that razdel's sentences cut goes with the last
        if previous is None or sentence != current or "\n" in text[previous.stop : token.start]:
            sentences.append([])
        sentences[-1].append(i)
        previous, current = token, sentence

    heads = list(range(len(tokens)))
    deps = ["ROOT"] * len(tokens)
    for sentence in sentences:
        proposed: dict[int, int | None] = {}
        for i in sentence:
            token = tokens[i]
            assert token is not None
            proposed[i] = position.get(token.head_id)
            deps[i] = token.rel or "dep"
        _one_tree(sentence, proposed, heads, deps)

    # Whitespace hangs on the word before it (the first word, for whitespace that opens the text).
    word = next((i for i, token in enumerate(tokens) if token is not None), None)
    for i, token in enumerate(tokens):
        if token is not None:
            word = i
        elif word is not None:
            heads[i], deps[i] = word, "dep"
    return heads, deps


def _one_tree(sentence: list[int], proposed: dict[int, int | None], heads: list[int], deps: list[str]) -> None:
    """Sets the sentence's `heads` and `deps` to natasha's tree (`proposed` heads), mended to have one root."""
    members = set(sentence)
    roots = [i for i in sentence if proposed[i] not in members or proposed[i] == i]
    root = next((i for i in roots if deps[i] == "root"), roots[0] if roots else sentence[0])
    for i in sentence:
        if i == root:
            heads[i], deps[i] = i, "ROOT"
        elif i in roots:
            heads[i], deps[i] = root, EXTRA_ROOT
        else:
            heads[i] = proposed[i]  # type: ignore[assignment]
    # A word whose chain of heads loops without reaching the root closes a cycle: it hangs on the root.
    reaches_root = {root}
    for i in sentence:
        chain: list[int] = []
        node = i
        while node not in reaches_root:
            if node in chain:
                heads[node], deps[node] = root, EXTRA_ROOT
                break
            chain.append(node)
            node = heads[node]
        reaches_root.update(chain)


def _pos(word: str, token: DocToken | None) -> str:
    if token is None:
        return "SPACE" if word.isspace() else "X"
    return token.pos or "X"


def _morph(token: DocToken | None) -> str:
    if token is None or not token.feats:
        return ""
    return "|".join(f"{feature}={value}" for feature, value in sorted(token.feats.items()))
