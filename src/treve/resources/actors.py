"""The actor dictionary: who a span of news text names, as a PLOVER code and sector.

The data are the files in `actors/` (format and sources in `actors/README.md`), read and checked by
`treve.resources.actor_files`. At load, every name of every entry is folded (lower case, no accents, one kind of
apostrophe, hyphens as spaces; Arabic without vowel marks, with one alif) and put in one trie-shaped regular expression
per language, behind the language's proclitics if it has any (Arabic "و", "ل": "وروسيا", "للجيش"), so `find` is one
regex scan over the folded text plus a walk over the few names it found. The walk composes neighbours the way
the language's word order has news write them: an institution with a demonym, a country, a capital, a disputed
territory or an organisation ("le ministère arménien de la Défense", "el ejército nigerino", "the defence
ministry in Yerevan"), then a person's name after a title ("le Premier ministre arménien Nikol Pashinyan").
People and some armed groups carry date ranges: an office counts only on a date inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from treve.errors import ResourceError
from treve.records import Entity, Record
from treve.resources.actor_files import (
    FOLD,
    GAP_FOLD,
    MARKS,
    SPACES,
    CountriesFile,
    CuratedCountriesFile,
    FixedActor,
    Grammar,
    Group,
    InstitutionSense,
    Language,
    MentionKind,
    Person,
    PluralRule,
    Sense,
    SenseKind,
    _read,
    fold_gap,
    fold_key,
    read_actor_files,
    with_plurals,
)
from treve.resources.cldr_names import calendar_words, countries_in


class ActorMention(Record):
    """A span of text that names an actor, with the actor PLOVER would code."""

    entity: Entity
    kind: MentionKind
    role: str | None = None


_SINGLE_PRIORITY: tuple[SenseKind, ...] = (
    "blocker", "organisation", "named", "group", "person", "name", "territory", "capital", "demonym",
)  # fmt: skip
_PLACE_KINDS: tuple[SenseKind, ...] = ("name", "territory", "organisation")


@dataclass(frozen=True, slots=True)
class _Atom:
    """One name found in the text, with the senses its spelling allows (the first of each kind)."""

    start: int
    end: int
    senses: Mapping[SenseKind, Sense]
    key: str = ""

    def first(self, *kinds: SenseKind) -> Sense | None:
        for kind in kinds:
            sense = self.senses.get(kind)
            if sense is not None:
                return sense
        return None


@dataclass(frozen=True)
class _Gaps:
    """A language's grammar with its gaps folded as the walk compares them."""

    noun_first: bool
    of: frozenset[str]
    at: frozenset[str]
    before: frozenset[str]
    title_to_name: frozenset[str]
    article: str = ""

    @classmethod
    def of_grammar(cls, grammar: Grammar) -> _Gaps:
        def gaps(written: Iterable[str]) -> frozenset[str]:
            return frozenset(fold_gap(gap) for gap in written)

        return cls(
            grammar.order == "noun-first",
            gaps(grammar.of),
            gaps(grammar.at),
            gaps(grammar.before),
            gaps(grammar.title_to_name),
            fold_key(grammar.article),
        )


def _trie_pattern(keys: Iterable[str]) -> str:
    """One regex alternation shaped as a trie: at each position the engine follows only matching branches."""
    root: dict[str, Any] = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [(" +" if char == " " else re.escape(char)) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return pattern(root)


def _boundaries(grammar: Grammar) -> tuple[str, str]:
    """What must not come before and after a name: a letter, and the language's `not_after` words ("pro-",
    "anti-") before it, its `not_before` words ("-backed", "-led") after it."""
    before = r"(?<!\w)" + "".join(rf"(?<!\b{re.escape(fold_key(word))} )" for word in grammar.not_after)
    after = r"(?!\w)"
    if grammar.not_before:
        words = "|".join(re.escape(fold_key(word)) for word in grammar.not_before)
        after += rf"(?! (?:{words})(?!\w))"
    return before, after


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


_Elided = tuple[str, str, str]  # a group of the scanner, and the beginning of its names as written and as keyed


def _names(senses: Mapping[str, tuple[Sense, ...]], grammar: Grammar) -> tuple[str, tuple[_Elided, ...]]:
    """The pattern of the names, and its named groups, each with how its names begin as matched and as keyed.

    Without proclitics, the trie of the names. With them, a name after an optional proclitic, group `n` ("و" +
    "روسيا" in "وروسيا"; no proclitic first, so a name that begins like one is read whole: "بيروت"); then, for each
    elision, a name written after a proclitic as the elision writes it, group `e0`, `e1`... ("ل" + "لجيش" in "للجيش"
    is "الجيش"). The groups start where the name does: a mention never takes in the proclitic.
    """
    trie = _trie_pattern(sorted(senses))
    if not grammar.proclitics:
        return "(?:" + trie + ")", ()
    proclitics = [fold_key(word) for word in grammar.proclitics]
    branches, groups = [f"(?:{_alternatives(proclitics)})??(?P<n>{trie})"], [("n", "", "")]
    for n, elision in enumerate(grammar.elisions):
        after, begins, written = fold_key(elision.after), fold_key(elision.begins), fold_key(elision.written)
        elided = [written + key[len(begins) :] for key in sorted(senses) if key.startswith(begins)]
        leading = [word for word in proclitics if word.endswith(after)]
        if elided and leading:
            branches.append(f"(?:{_alternatives(leading)})(?P<e{n}>{_trie_pattern(elided)})")
            groups.append((f"e{n}", written, begins))
    return "(?:" + "|".join(branches) + ")", tuple(groups)


class _LanguageIndex:
    """The compiled scanner and the senses of every folded name of one language."""

    def __init__(self, senses: Mapping[str, tuple[Sense, ...]], grammar: Grammar) -> None:
        self.senses = senses
        self.gaps = _Gaps.of_grammar(grammar)
        self.case_free = frozenset(key for key, group in senses.items() if all(s.case == "any" for s in group))
        before, after = _boundaries(grammar)
        names, self.groups = _names(senses, grammar)
        self.scanner = re.compile(before + names + after)

    def _key(self, match: re.Match[str]) -> tuple[int, int, str]:
        """Where the name of a match lies, and its key: an elided beginning is given back ("لجيش" is "الجيش")."""
        for group, written, begins in self.groups:
            found = match.group(group)
            if found is not None:
                return match.start(group), match.end(group), begins + found[len(written) :]
        return match.start(), match.end(), match.group()

    def atoms(self, text: str, folded: str, positions: list[int] | None) -> Iterator[_Atom]:
        """The names in `folded`; `positions` maps a folded text that dropped marks back to `text`."""
        for match in self.scanner.finditer(folded):
            start, end, key = self._key(match)
            if positions is not None:
                start, end = positions[start], positions[end - 1] + 1
                while end < len(text) and MARKS.match(text, end):  # a word's last marks are the word's
                    end += 1
            if "  " in key:
                key = SPACES.sub(" ", key)
            senses = self.senses[key]
            if key not in self.case_free:
                original = text[start:end]
                senses = tuple(sense for sense in senses if sense.fits(original))
            if senses:
                by_kind: dict[SenseKind, Sense] = {}
                for sense in senses:
                    by_kind.setdefault(sense.kind, sense)
                yield _Atom(start, end, by_kind, key)


class ActorDictionary:
    """Finds actor mentions in raw text; built once by `load_actor_dictionary`."""

    def __init__(self, indexes: Mapping[str, _LanguageIndex], versions: Mapping[str, str]) -> None:
        self._indexes = indexes
        self.versions = dict(versions)

    @property
    def languages(self) -> tuple[Language, ...]:
        """The languages with a dictionary: those of composition.toml."""
        return tuple(self._indexes)

    def find(self, text: str, language: str, *, on: date | None = None) -> list[ActorMention]:
        """Every actor named in `text`, in order, longest and composed readings first.

        `on` is the day the text speaks of: people hold their offices, and groups their periods, only then.
        A language with no dictionary (one composition.toml does not list) finds nothing.
        """
        index = self._indexes.get(language)
        if index is None:
            return []
        folded, positions = text.translate(FOLD), None
        if MARKS.search(folded):  # Arabic vowels, tatweel: dropped, and the folded text mapped back
            positions = [at for at, char in enumerate(folded) if not MARKS.match(char)]
            folded = MARKS.sub("", folded)
        atoms = list(index.atoms(text, folded, positions))
        gapped = text.translate(GAP_FOLD) if len(atoms) > 1 else text
        return _Walk(text, gapped, atoms, index.gaps, on, marked=positions is not None).mentions()

    def find_any(self, text: str, language: str, *, on: date | None = None) -> list[ActorMention]:
        """The actors of a text in a language treve has no words for: the countries CLDR names in the language
        (`cldr_names`), and the names any other language's dictionary finds, as many are written alike
        ("Hamas", "Boko Haram", "Mali"), unless the name is a month or a weekday of the language; where readings
        overlap, the longer one, then the one listed first."""
        found = [ActorMention(entity=entity, kind="country") for entity in countries_in(text, language)] + [
            m
            for other in self._indexes
            if other != language
            for m in self.find(text, other, on=on)
            if m.entity.entity_text.lower() not in calendar_words(language)
        ]
        found.sort(key=lambda m: -((m.entity.end or 0) - (m.entity.start or 0)))
        kept: list[ActorMention] = []
        for mention in found:
            start, end = mention.entity.start or 0, mention.entity.end or 0
            if not any((k.entity.start or 0) < end and start < (k.entity.end or 0) for k in kept):
                kept.append(mention)
        return sorted(kept, key=lambda m: m.entity.start or 0)


# ---------------------------------------------------------------------------------------------------------
# Composition

_Reading = tuple[InstitutionSense, FixedActor, int]


class _Walk:
    """One pass over the atoms of one text, composing neighbours into mentions."""

    def __init__(
        self, text: str, gapped: str, atoms: list[_Atom], gaps: _Gaps, on: date | None, marked: bool = False
    ) -> None:
        self.text, self.gapped, self.atoms, self.gaps, self.on, self.marked = text, gapped, atoms, gaps, on, marked

    def gap(self, left: int) -> str:
        """The text between atom `left` and the next one, folded as gap words are (`gapped`: lower case, accents
        kept, and Arabic marks dropped where the text has any), spaces collapsed."""
        between = self.gapped[self.atoms[left].end : self.atoms[left + 1].start]
        if self.marked:
            between = MARKS.sub("", between)
        return SPACES.sub(" ", between) if "  " in between else between

    def at(self, index: int, *kinds: SenseKind) -> Sense | None:
        return self.atoms[index].first(*kinds) if index < len(self.atoms) else None

    def mentions(self) -> list[ActorMention]:
        found: list[ActorMention] = []
        index = 0
        while index < len(self.atoms):
            composed = self.compose(index) or self.title_and_name(index)
            if composed:
                mention, index = composed
                found.append(mention)
                continue
            single = self.single(index)
            if single:
                found.append(single)
            index += 1
        return found

    def compose(self, i: int) -> tuple[ActorMention, int] | None:
        """An institution with its country, then perhaps a person's name: one mention from atom `i`."""
        reading = self.noun_first(i) if self.gaps.noun_first else self.adjective_first(i)
        if reading is None:
            return None
        institution, owner, last = reading
        sector = "PRE" if owner.sector == "PRE" else institution.sector
        actor = FixedActor(owner.code, sector, None, "institution", institution.role)
        person = self.at(last + 1, "person")
        if person and self.gap(last) in self.gaps.title_to_name:
            last, actor = last + 1, replace(actor, identifier=person.value.identifier, kind="person")
        return self.mention(i, last, actor), last + 1

    def noun_first(self, i: int) -> _Reading | None:
        """The institution, then its owner: `ministère arménien de la Défense`, `armée arménienne`, `armée du
        Karabakh`, `régime de Damas`, `ministère de la Défense à Erevan`; `ejército nigerino`, `ministerio de
        Defensa en Ereván`."""
        if i + 1 >= len(self.atoms):
            return None
        split = self.split_institution(i)
        if split:
            return split
        demonym, gap = self.at(i + 1, "demonym"), self.gap(i)
        institution = self.at(i, "institution")
        if institution is None:
            return None
        if demonym and gap == " ":
            return institution.value, demonym.value, i + 1
        place = self.at(i + 1, *_PLACE_KINDS, "capital")
        if place and gap in self.gaps.of and not self.definite_before_bare_gap(i, gap):
            return institution.value, place.value, i + 1
        capital = self.at(i + 1, "capital")
        if capital and gap in self.gaps.at:
            return institution.value, capital.value, i + 1
        return None

    def definite_before_bare_gap(self, i: int, gap: str) -> bool:
        """Whether atom `i` ends in a word with the article before a bare space: no construct state then, so no
        owner ("اتهمت الحكومة السودان" is the government accusing Sudan; "حكومة السودان" is Sudan's)."""
        last = self.atoms[i].key.rpartition(" ")[2]
        return gap == " " and bool(self.gaps.article) and last.startswith(self.gaps.article)

    def split_institution(self, i: int) -> _Reading | None:
        """A head, a demonym and the head's complement: `ministère arménien de la Défense`, `глава российского
        МИД` (only where institutions.toml gives the language heads and complements)."""
        head, demonym, complement = self.at(i, "head"), self.at(i + 1, "demonym"), self.at(i + 2, "complement")
        if head and demonym and complement and complement.value in head.value and self.gap(i) == self.gap(i + 1) == " ":
            return head.value[complement.value], demonym.value, i + 2
        return None

    def adjective_first(self, i: int) -> _Reading | None:
        """The owner, then the institution: `Armenian defence ministry`, `Armenia's army`, `NATO troops`; or
        the institution with `of` or `in`: `ministry of defence of Armenia`, `the defence ministry in Yerevan`;
        or a head, its owner's demonym and its complement: `глава российского МИД`."""
        if i + 1 >= len(self.atoms):
            return None
        split = self.split_institution(i)
        if split:
            return split
        gap = self.gap(i)
        institution = self.at(i + 1, "institution")
        demonym, place = self.at(i, "demonym"), self.at(i, *_PLACE_KINDS)
        if institution and demonym and gap == " ":
            return institution.value, demonym.value, i + 1
        if institution and place and gap in self.gaps.before:
            return institution.value, place.value, i + 1
        institution = self.at(i, "institution")
        place, capital = self.at(i + 1, *_PLACE_KINDS), self.at(i + 1, "capital")
        if institution and place and gap in self.gaps.of:
            return institution.value, place.value, i + 1
        if institution and capital and gap in self.gaps.at:
            return institution.value, capital.value, i + 1
        return None

    def title_and_name(self, i: int) -> tuple[ActorMention, int] | None:
        """`le président Poutine`, `Prime Minister Nikol Pashinyan`; in adjective-first order also `the Biden
        administration`.

        After a title, the person's office that day gives code, sector and role; without one, the person's
        country with the title's sector and role. Before an institution, the person gives only the country.
        """
        if i + 1 >= len(self.atoms) or self.gap(i) not in self.gaps.title_to_name:
            return None
        title, person = self.at(i, "institution"), self.at(i + 1, "person")
        if title and person:
            holder: Person = person.value
            office = holder.office_on(self.on)
            code, sector, role = (
                (office.code, office.sector, office.role)
                if office
                else (holder.country, title.value.sector, title.value.role)
            )
            return self.mention(i, i + 1, FixedActor(code, sector, holder.identifier, "person", role)), i + 2
        person, institution = self.at(i, "person"), self.at(i + 1, "institution")
        if not self.gaps.noun_first and person and institution and self.gap(i) == " ":
            office = person.value.office_on(self.on)
            code = office.code if office else person.value.country
            actor = FixedActor(code, institution.value.sector, None, "institution", institution.value.role)
            return self.mention(i, i + 1, actor), i + 2
        return None

    def single(self, i: int) -> ActorMention | None:
        """The mention one name makes alone; institutions alone name no one."""
        sense = self.atoms[i].first(*_SINGLE_PRIORITY)
        if sense is None or sense.kind == "blocker":
            return None
        if sense.kind == "person":
            holder: Person = sense.value
            office = holder.office_on(self.on)
            if office is None:
                return self.mention(i, i, FixedActor(holder.country, None, holder.identifier, "person"))
            actor = FixedActor(office.code, office.sector, holder.identifier, "person", office.role)
            return self.mention(i, i, actor)
        if sense.kind == "group":
            group: Group = sense.value
            period = next((p for p in group.periods if self.on is not None and p.holds(self.on)), group)
            return self.mention(i, i, FixedActor(period.code, period.sector, group.identifier, "group"))
        return self.mention(i, i, sense.value)

    def mention(self, first: int, last: int, actor: FixedActor) -> ActorMention:
        """The mention spanning atoms `first` to `last`."""
        start, end = self.atoms[first].start, self.atoms[last].end
        entity = Entity(
            entity_text=self.text[start:end],
            code=actor.code,
            sector=actor.sector,
            identifier_id=actor.identifier,
            start=start,
            end=end,
        )
        return ActorMention(entity=entity, kind=actor.kind, role=actor.role)


# ---------------------------------------------------------------------------------------------------------
# Loading


def _french_plurals(forms: list[str]) -> list[str]:
    """French demonyms with their plurals, by the rules of the shipped countries.toml (for the gazetteer)."""
    return with_plurals(forms, _shipped_plurals().get("fr", []))


@cache
def _shipped_plurals() -> dict[Language, list[PluralRule]]:
    return _read(resources.files("treve.resources").joinpath("actors"), "countries.toml", CuratedCountriesFile).plurals


@cache
def load_actor_dictionary(folder: Path | None = None) -> ActorDictionary:
    """Read, check and compile the actor files once per process (the shipped ones unless `folder` is given)."""
    root: Traversable = folder if folder is not None else resources.files("treve.resources").joinpath("actors")
    files = read_actor_files(root)
    try:
        indexes = {
            language: _LanguageIndex(files.senses[language], grammar) for language, grammar in files.grammars.items()
        }
    except re.error as exc:
        raise ResourceError(f"{root}: actor names do not compile ({exc}); reinstall treve") from exc
    return ActorDictionary(indexes, files.versions)


__all__: list[str] = [
    "ActorDictionary",
    "ActorMention",
    "CountriesFile",
    "CuratedCountriesFile",
    "_french_plurals",
    "load_actor_dictionary",
]
