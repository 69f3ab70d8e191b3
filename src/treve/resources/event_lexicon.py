"""Loader and matcher for the event-trigger lexicon (`lexicons/events.toml`; format and sources in the file)."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Span, Token

from treve.errors import ResourceError
from treve.resources.actor_files import fold_key

# Words that never carry the meaning of a trigger phrase ("s'étaient précédemment entretenus"): left out
# of the text before phrases are matched, and never written in the phrases.
_SKIPPED_POS = {"DET", "PUNCT", "SPACE", "ADV", "AUX"}
PHRASE_GAP = 2


class Trigger(BaseModel):
    """What a trigger phrase means."""

    model_config = ConfigDict(frozen=True)

    event: str
    mode: str | None = None
    two_sided: bool = False
    victim_subject: bool = False
    context: tuple[str, ...] = ()
    guessed: bool = False  # read by the sentence classifier, not listed in the lexicon


class TriggerMatch(NamedTuple):
    tokens: tuple[Token, ...]
    trigger: Trigger

    @property
    def head(self) -> Token:
        """The token of the match the others depend on (its own head lies outside the match)."""
        inside = {token.i for token in self.tokens}
        outside = (token for token in self.tokens if token.head.i not in inside or token.head == token)
        return next(outside, self.tokens[0])


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _find_in_order(lemmas: list[str], start: int, phrase: tuple[str, ...]) -> tuple[int, ...] | None:
    """Positions of the phrase's lemmas from `start` on, each within PHRASE_GAP words of the previous."""
    positions = [start]
    for lemma in phrase[1:]:
        window = range(positions[-1] + 1, min(len(lemmas), positions[-1] + 2 + PHRASE_GAP))
        following = next((i for i in window if lemmas[i] == lemma), None)
        if following is None:
            return None
        positions.append(following)
    return tuple(positions)


def phrase_links(word: Token) -> list[Token]:
    """The words a noun's phrase joins it to: its head, its head's other dependents, its own dependents (small
    parses hang "violé" of "d'avoir violé le cessez-le-feu" beside the noun, not above it), and the noun a
    preposition joins it to ("the collapse of the truce")."""
    above = [word.head.head] if word.head.pos_ == "ADP" and word.head.head != word.head else []
    return [other for other in (word.head, *word.head.children, *word.children, *above) if other != word]


class LanguageCues(BaseModel):
    """One language's phrase table and cue-word sets."""

    model_config = ConfigDict(frozen=True)

    phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]]  # first lemma → (lemmas, meaning), longest first
    folded_phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]]  # the same, accents and variants folded
    ceasefire: frozenset[str]  # one-word names
    ceasefire_phrases: tuple[tuple[str, ...], ...]  # names of several words ("alto fuego"), content words only
    ceasefire_agreement: frozenset[str]
    mediation: frozenset[str]
    guarantee: frozenset[str]
    period_end: frozenset[str]
    ceasefire_violation: frozenset[str]
    ceasefire_in_force: frozenset[str]
    ceasefire_collapse: frozenset[str]
    speech: frozenset[str]
    accusation: frozenset[str]
    negation: frozenset[str]
    hypothetical: frozenset[str]
    future: frozenset[str]
    future_auxiliaries: frozenset[str]
    scheduled: frozenset[str]
    pair_anaphora: frozenset[str]
    effective: tuple[str, ...]
    light_verbs: frozenset[str]
    new_event: frozenset[str]
    generic_actors: dict[str, str]  # lemma → sector
    midnight: frozenset[str]
    refusal: frozenset[str]
    condition: tuple[str, ...]
    obligation: frozenset[str]

    def vocabulary(self) -> frozenset[str]:
        """Every word the language's phrases and cue sets are written with."""
        words = {word for options in self.phrases.values() for phrase, _ in options for word in phrase}
        for name in ("ceasefire", "ceasefire_agreement", "mediation", "guarantee", "period_end", "ceasefire_violation"):
            words.update(getattr(self, name))
        for name in ("ceasefire_in_force", "ceasefire_collapse"):
            words.update(getattr(self, name))
        for name in ("speech", "accusation", "negation"):
            words.update(getattr(self, name))
        for name in ("hypothetical", "future", "pair_anaphora", "light_verbs", "new_event", "refusal", "obligation"):
            words.update(getattr(self, name))
        words.update(word for phrase in self.ceasefire_phrases for word in phrase)
        words.update(self.generic_actors)
        return frozenset(words)

    def names_ceasefire(self, token: Token) -> bool:
        """Whether the token is (a word of) a ceasefire's name: "truce", or "alto" and "fuego" of "alto el
        fuego" (determiners and prepositions between the words of a name are skipped), never "fuego" alone."""
        lemma = _lemma(token)
        if lemma in self.ceasefire:
            return True
        phrases = [phrase for phrase in self.ceasefire_phrases if lemma in phrase]
        if not phrases:
            return False
        words = [t for t in token.sent if t.pos_ not in _SKIPPED_POS and t.pos_ not in ("DET", "ADP")]
        if token not in words:
            return False
        at = words.index(token)
        for phrase in phrases:
            start = at - phrase.index(lemma)
            run = words[start : start + len(phrase)] if start >= 0 else []
            if tuple(_lemma(t) for t in run) == phrase:
                return True
        return False

    def tells_ceasefire_broken(self, head: Token) -> bool:
        """Whether the words of an event hold a ceasefire's name that a violation word governs ("accused the RSF
        of violating the truce", "des violations du cessez-le-feu"); a clause joined to it by a conjunction is
        another act."""
        other_acts = {t for child in head.children if child.dep_ in ("conj", "parataxis") for t in child.subtree}
        return any(
            self.names_ceasefire(name) and any(_lemma(w) in self.ceasefire_violation for w in phrase_links(name))
            for name in head.subtree
            if name not in other_acts
        )

    def match(self, sentence: Span) -> list[TriggerMatch]:
        """Trigger phrases in the sentence's content words; where matches overlap, the longest wins.

        A phrase's words come in order with at most PHRASE_GAP other words between two of them, so that
        "expel diplomat" matches "expelled two Russian diplomats".
        """
        # A lemma of several words is read word by word: Spanish writes a verb with its attached clitic as
        # one token whose lemma is "enfrentar él" ("enfrentarse"), matched by the phrase "enfrentar él".
        # Lemmas and phrases are compared folded (`fold_key`): headlines and wires often drop accents
        # ("MOVILIZACION", "protesto"), and Arabic spells some letters several ways.
        words = [
            (token, part)
            for token in sentence
            if token.pos_ not in _SKIPPED_POS
            for part in fold_key(_lemma(token)).split()
        ]
        lemmas = [part for _, part in words]
        found: list[TriggerMatch] = []
        taken: set[int] = set()
        candidates: list[tuple[tuple[int, ...], Trigger]] = []
        for start, lemma in enumerate(lemmas):
            for phrase, trigger in self.folded_phrases.get(lemma, []):
                positions = _find_in_order(lemmas, start, phrase)
                if positions is not None:
                    candidates.append((positions, trigger))
                    break
        for positions, trigger in sorted(candidates, key=lambda c: (-len(c[0]), c[0][0])):
            if taken.intersection(positions):
                continue
            taken.update(positions)
            found.append(TriggerMatch(tuple(dict.fromkeys(words[i][0] for i in positions)), trigger))
        return sorted(found, key=lambda match: match.tokens[0].i)


class EventLexicon(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: str
    languages: dict[str, LanguageCues]
    wordless: LanguageCues  # the empty tables of a language the lexicon has no words for

    def for_language(self, language: str) -> LanguageCues | None:
        return self.languages.get(language)


def _cues(raw: dict, language: str) -> LanguageCues:
    phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]] = defaultdict(list)
    for entry in raw["trigger"]:
        meaning = Trigger(
            event=entry["event"],
            mode=entry.get("mode"),
            two_sided=entry.get("two_sided", False),
            victim_subject=entry.get("victim_subject", False),
            context=tuple(entry.get("context", ())),
        )
        for phrase in entry.get(language, []):
            lemmas = tuple(phrase.lower().split())
            phrases[lemmas[0]].append((lemmas, meaning))
    for options in phrases.values():
        options.sort(key=lambda option: -len(option[0]))
    folded: dict[str, list[tuple[tuple[str, ...], Trigger]]] = defaultdict(list)
    for options in phrases.values():
        for lemmas, meaning in options:
            words = tuple(word for lemma in lemmas for word in fold_key(lemma).split())
            if words:
                folded[words[0]].append((words, meaning))
    for options in folded.values():
        options.sort(key=lambda option: -len(option[0]))

    def words(table: str, key: str = language) -> frozenset[str]:
        return frozenset(word.lower() for word in raw[table].get(key, []))

    return LanguageCues(
        phrases=dict(phrases),
        folded_phrases=dict(folded),
        ceasefire=frozenset(name for name in words("ceasefire") if " " not in name),
        ceasefire_phrases=tuple(tuple(name.split()) for name in sorted(words("ceasefire")) if " " in name),
        ceasefire_agreement=words("ceasefire", f"agreement_{language}"),
        mediation=words("ceasefire", f"mediation_{language}"),
        guarantee=words("ceasefire", f"guarantee_{language}"),
        period_end=words("ceasefire", f"ending_{language}"),
        ceasefire_violation=words("ceasefire", f"violation_{language}"),
        ceasefire_in_force=words("ceasefire", f"in_force_{language}"),
        ceasefire_collapse=words("ceasefire", f"collapse_{language}"),
        speech=words("speech"),
        accusation=words("accusation"),
        negation=words("negation"),
        hypothetical=words("hypothetical"),
        future=words("future"),
        future_auxiliaries=words("future", f"auxiliary_{language}"),
        pair_anaphora=words("pair_anaphora"),
        effective=tuple(sorted(words("effective"), key=len, reverse=True)),
        scheduled=words("effective", f"scheduled_{language}"),
        light_verbs=words("light_verbs"),
        new_event=words("new_event"),
        midnight=words("midnight"),
        refusal=words("reframing", f"reject_{language}"),
        condition=tuple(words("reframing", f"condition_{language}")),
        obligation=words("reframing", f"obligation_{language}"),
        generic_actors={lemma.lower(): sector for lemma, sector in raw["generic_actors"].get(language, {}).items()},
    )


@cache
def load_event_lexicon(languages: Sequence[str] | None = None) -> EventLexicon:
    """Read the shipped lexicon once per process: every language it has speech words for, or `languages`."""
    source = resources.files("treve.resources").joinpath("lexicons/events.toml")
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        codes = languages if languages is not None else tuple(raw["speech"])
        return EventLexicon(
            version=raw["version"],
            languages={code: _cues(raw, code) for code in codes},
            wordless=_cues(raw, "xx"),
        )
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{source}: event lexicon unreadable ({exc}); reinstall treve") from exc
