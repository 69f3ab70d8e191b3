"""The actor dictionary: who a span of news text names, as a PLOVER code and sector.

The data are the files in `actors/` (format and sources in `actors/README.md`). At load, every name of every
entry is folded (lower case, no accents, one kind of apostrophe, hyphens as spaces) and put in one trie-shaped
regular expression per language, so `find` is one regex scan over the folded text plus a walk over the few
names it found. The walk composes neighbours the way news write them: an institution with a demonym, a
country, a capital, a disputed territory or an organisation ("le ministère arménien de la Défense", "the
defence ministry in Yerevan"), then a person's name after a title ("le Premier ministre arménien Nikol
Pashinyan"). People and some armed groups carry date ranges: an office counts only on a date inside it.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal, NoReturn, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from treve.errors import ResourceError
from treve.ontology import ACTOR_CODES, SECTORS
from treve.records import Entity, Record

Language = Literal["en", "fr"]
MentionKind = Literal["country", "capital", "organisation", "institution", "person", "group"]
LANGUAGES: tuple[Language, ...] = ("en", "fr")


class ActorMention(Record):
    """A span of text that names an actor, with the actor PLOVER would code."""

    entity: Entity
    kind: MentionKind
    role: str | None = None


# ---------------------------------------------------------------------------------------------------------
# File formats (validated on load; a file that does not fit raises a one-line ResourceError)


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Names(_Strict):
    """Names used in both languages (`names`), and in one only (`en`, `fr`)."""

    names: list[str] = []
    en: list[str] = []
    fr: list[str] = []

    def in_language(self, language: Language) -> list[str]:
        return [*self.names, *getattr(self, language)]


class Period(_Strict):
    """From `start` to `end` (inclusive, either open), the entry is coded `code` `sector`."""

    start: date | None = None
    end: date | None = None
    code: str
    sector: str | None = None

    def holds(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


class Office(Period):
    role: str


class Organisation(_Names):
    code: str
    sector: str | None = None
    identifier: str | None = None


class Group(Organisation):
    periods: list[Period] = []


class Person(_Names):
    country: str
    identifier: str | None = None
    offices: list[Office]

    def office_on(self, on: date | None) -> Office | None:
        """The office held that day (the most recent one on a handover day); none without a date."""
        held = [office for office in self.offices if on is not None and office.holds(on)]
        return max(held, key=lambda office: office.start or date.min, default=None)


class Territory(_Names):
    claimant: str
    capitals: list[str] = []


class NamedInstitution(_Names):
    code: str
    sector: str
    role: str


class FrenchInstitution(_Strict):
    head: str
    complement: str | None = None
    sector: str
    role: str


class EnglishInstitution(_Strict):
    forms: list[str]
    sector: str
    role: str


class GeneratedCountry(_Strict):
    code: str
    en: list[str]
    fr: list[str]
    capital: str | None


class CuratedCountry(_Strict):
    identifier: str | None = None
    en: list[str] = []
    fr: list[str] = []
    drop_en: list[str] = []
    drop_fr: list[str] = []
    en_demonyms: list[str] = []
    fr_demonyms: list[str] = []
    en_capitals: list[str] = []
    fr_capitals: list[str] = []


class _Versioned(_Strict):
    version: str


class CountriesFile(_Versioned):
    source: str
    countries: list[GeneratedCountry]


class CapitalRules(_Strict):
    excluded: dict[str, str] = {}


class CuratedCountriesFile(_Versioned):
    blockers: dict[Language, list[str]] = {}
    capitals: CapitalRules = CapitalRules()
    countries: dict[str, CuratedCountry]


class TerritoriesFile(_Versioned):
    territories: list[Territory]


class OrganisationsFile(_Versioned):
    organisations: list[Organisation]


class GroupsFile(_Versioned):
    groups: list[Group]


class PeopleFile(_Versioned):
    people: list[Person]


class InstitutionsFile(_Versioned):
    fr: list[FrenchInstitution]
    en: list[EnglishInstitution]
    named: list[NamedInstitution] = []


# ---------------------------------------------------------------------------------------------------------
# Folding: one character in, one character out, so offsets in the folded text are offsets in the text.


def _fold_table(lower: bool) -> list[str]:
    """A `str.translate` table indexed by code point (a list: faster than a dict; past its end, no change)."""
    table = [chr(point) for point in range(0x2040)]
    for point in range(0x250):  # Basic Latin to Latin Extended-B: the letters of the names we hold
        base = unicodedata.normalize("NFD", table[point])[0]
        table[point] = base.lower() if lower and len(base.lower()) == 1 else base
    table[ord("ı")] = "i"
    for char in "’‘ʼ`´′":
        table[ord(char)] = "'"
    for char in "-‐‑‒–—\t\n\r\v\f\u00a0\u2007\u2009\u202f":
        table[ord(char)] = " "
    return table


_FOLD = _fold_table(lower=True)
_FOLD_KEEP_CASE = _fold_table(lower=False)
_SPACES = re.compile(" +")


def _key(name: str) -> str:
    """The folded form a name is looked up by."""
    return _SPACES.sub(" ", name.translate(_FOLD)).strip()


def _shape(name: str) -> str:
    """The folded form with case kept, to compare acronyms exactly."""
    return _SPACES.sub(" ", name.translate(_FOLD_KEEP_CASE)).strip()


# ---------------------------------------------------------------------------------------------------------
# What a name can mean: one or more senses per folded key.

SenseKind = Literal[
    "name", "demonym", "capital", "territory", "organisation", "named", "group", "person",
    "institution", "head", "complement", "blocker",
]  # fmt: skip
_PROPER: frozenset[str] = frozenset({"name", "capital", "territory", "organisation", "named", "group", "person"})
_SINGLE_PRIORITY: tuple[SenseKind, ...] = (
    "blocker", "organisation", "named", "group", "person", "name", "territory", "capital", "demonym",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Actor:
    """A fixed actor: what a country, capital, territory, organisation or named institution stands for."""

    code: str
    sector: str | None
    identifier: str | None
    kind: MentionKind
    role: str | None = None


@dataclass(frozen=True, slots=True)
class _Institution:
    sector: str
    role: str


@dataclass(frozen=True, slots=True)
class _Sense:
    kind: SenseKind
    value: Any  # _Actor, Group, Person, _Institution, a complement mapping or key, or None (blocker)
    case: Literal["any", "capital", "exact"]
    shape: str

    def fits(self, original: str) -> bool:
        """Whether the text's spelling allows this sense (acronyms exactly, proper names with a capital)."""
        if self.case == "exact":
            return _shape(original) == self.shape
        return self.case == "any" or any(char.isupper() for char in original)


def _case_rule(kind: SenseKind, alias: str) -> Literal["any", "capital", "exact"]:
    letters = [char for char in alias if char.isalpha()]
    if len(letters) >= 2 and all(char.isupper() for char in letters):
        return "exact"
    if kind in _PROPER and any(char.isupper() for char in letters):
        return "capital"
    return "any"


@dataclass(frozen=True, slots=True)
class _Atom:
    """One name found in the text, with the senses its spelling allows (the first of each kind)."""

    start: int
    end: int
    senses: Mapping[SenseKind, _Sense]

    def first(self, *kinds: SenseKind) -> _Sense | None:
        for kind in kinds:
            sense = self.senses.get(kind)
            if sense is not None:
                return sense
        return None


# Separators between composed names, in folded text with spaces collapsed.
_FR_OF = frozenset({" de ", " de l'", " de la ", " du ", " des ", " d'"})
_EN_OF = frozenset({" of ", " of the "})
_EN_BEFORE = frozenset({" ", "'s ", "' "})
_TITLE_TO_NAME = frozenset({" ", ", "})
_PLACE_KINDS: tuple[SenseKind, ...] = ("name", "territory", "organisation")


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


# A name is not the actor right after "pro-"/"anti-", nor before "-backed", "-led", ... ("Russian-backed").
_BEFORE = r"(?<!\w)(?<!\bpro )(?<!\banti )"
_AFTER = r"(?!\w)(?! (?:backed|led|installed|allied|aligned|sponsored|supported|based|born|made|speaking)(?!\w))"


class _LanguageIndex:
    """The compiled scanner and the senses of every folded name of one language."""

    def __init__(self, senses: Mapping[str, tuple[_Sense, ...]]) -> None:
        self.senses = senses
        self.case_free = frozenset(key for key, group in senses.items() if all(s.case == "any" for s in group))
        self.scanner = re.compile(_BEFORE + "(?:" + _trie_pattern(sorted(senses)) + ")" + _AFTER)

    def atoms(self, text: str, folded: str) -> Iterator[_Atom]:
        for match in self.scanner.finditer(folded):
            start, end = match.span()
            key = match.group()
            if "  " in key:
                key = _SPACES.sub(" ", key)
            senses = self.senses[key]
            if key not in self.case_free:
                original = text[start:end]
                senses = tuple(sense for sense in senses if sense.fits(original))
            if senses:
                by_kind: dict[SenseKind, _Sense] = {}
                for sense in senses:
                    by_kind.setdefault(sense.kind, sense)
                yield _Atom(start, end, by_kind)


class ActorDictionary:
    """Finds actor mentions in raw text; built once by `load_actor_dictionary`."""

    def __init__(self, indexes: Mapping[str, _LanguageIndex], versions: Mapping[str, str]) -> None:
        self._indexes = indexes
        self.versions = dict(versions)

    def find(self, text: str, language: str, *, on: date | None = None) -> list[ActorMention]:
        """Every actor named in `text`, in order, longest and composed readings first.

        `on` is the day the text speaks of: people hold their offices, and groups their periods, only then.
        A language with no dictionary (anything but "en" and "fr") finds nothing.
        """
        index = self._indexes.get(language)
        if index is None:
            return []
        folded = text.translate(_FOLD)
        atoms = list(index.atoms(text, folded))
        return _Walk(text, folded, atoms, language, on).mentions()


# ---------------------------------------------------------------------------------------------------------
# Composition


class _Walk:
    """One pass over the atoms of one text, composing neighbours into mentions."""

    def __init__(self, text: str, folded: str, atoms: list[_Atom], language: str, on: date | None) -> None:
        self.text, self.folded, self.atoms, self.language, self.on = text, folded, atoms, language, on

    def gap(self, left: int, *, folded: bool = True) -> str:
        """The text between atom `left` and the next one, spaces collapsed."""
        start, end = self.atoms[left].end, self.atoms[left + 1].start
        between = self.folded[start:end] if folded else self.text[start:end].replace("\n", " ")
        return _SPACES.sub(" ", between) if "  " in between else between

    def at(self, index: int, *kinds: SenseKind) -> _Sense | None:
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
        reading = (self.french if self.language == "fr" else self.english)(i)
        if reading is None:
            return None
        institution, owner, last = reading
        sector = "PRE" if owner.sector == "PRE" else institution.sector
        actor = _Actor(owner.code, sector, None, "institution", institution.role)
        person = self.at(last + 1, "person")
        if person and self.gap(last) in _TITLE_TO_NAME:
            last, actor = last + 1, replace(actor, identifier=person.value.identifier, kind="person")
        return self.mention(i, last, actor), last + 1

    def french(self, i: int) -> tuple[_Institution, _Actor, int] | None:
        """`ministère arménien de la Défense`, `armée arménienne`, `armée du Karabakh`, `régime de Damas`,
        `ministère de la Défense à Erevan`."""
        if i + 1 >= len(self.atoms):
            return None
        head, demonym, gap = self.at(i, "head"), self.at(i + 1, "demonym"), self.gap(i)
        complement = self.at(i + 2, "complement")
        if head and demonym and complement and complement.value in head.value and gap == self.gap(i + 1) == " ":
            return head.value[complement.value], demonym.value, i + 2
        institution = self.at(i, "institution")
        if institution is None:
            return None
        if demonym and gap == " ":
            return institution.value, demonym.value, i + 1
        place = self.at(i + 1, *_PLACE_KINDS, "capital")
        if place and gap in _FR_OF:
            return institution.value, place.value, i + 1
        capital = self.at(i + 1, "capital")
        if capital and self.gap(i, folded=False) == " à ":
            return institution.value, capital.value, i + 1
        return None

    def english(self, i: int) -> tuple[_Institution, _Actor, int] | None:
        """`Armenian defence ministry`, `Armenia's army`, `NATO troops`, `ministry of defence of Armenia`,
        `the defence ministry in Yerevan`."""
        if i + 1 >= len(self.atoms):
            return None
        gap = self.gap(i)
        institution = self.at(i + 1, "institution")
        demonym, place = self.at(i, "demonym"), self.at(i, *_PLACE_KINDS)
        if institution and demonym and gap == " ":
            return institution.value, demonym.value, i + 1
        if institution and place and gap in _EN_BEFORE:
            return institution.value, place.value, i + 1
        institution = self.at(i, "institution")
        place, capital = self.at(i + 1, *_PLACE_KINDS), self.at(i + 1, "capital")
        if institution and place and gap in _EN_OF:
            return institution.value, place.value, i + 1
        if institution and capital and gap == " in ":
            return institution.value, capital.value, i + 1
        return None

    def title_and_name(self, i: int) -> tuple[ActorMention, int] | None:
        """`le président Poutine`, `Prime Minister Nikol Pashinyan`; in English also `the Biden administration`.

        After a title, the person's office that day gives code, sector and role; without one, the person's
        country with the title's sector and role. Before an institution, the person gives only the country.
        """
        if i + 1 >= len(self.atoms) or self.gap(i) not in _TITLE_TO_NAME:
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
            return self.mention(i, i + 1, _Actor(code, sector, holder.identifier, "person", role)), i + 2
        person, institution = self.at(i, "person"), self.at(i + 1, "institution")
        if self.language == "en" and person and institution and self.gap(i) == " ":
            office = person.value.office_on(self.on)
            code = office.code if office else person.value.country
            actor = _Actor(code, institution.value.sector, None, "institution", institution.value.role)
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
                return self.mention(i, i, _Actor(holder.country, None, holder.identifier, "person"))
            return self.mention(i, i, _Actor(office.code, office.sector, holder.identifier, "person", office.role))
        if sense.kind == "group":
            group: Group = sense.value
            period = next((p for p in group.periods if self.on is not None and p.holds(self.on)), group)
            return self.mention(i, i, _Actor(period.code, period.sector, group.identifier, "group"))
        return self.mention(i, i, sense.value)

    def mention(self, first: int, last: int, actor: _Actor) -> ActorMention:
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

_Model = TypeVar("_Model", bound=BaseModel)


def _read(folder: Traversable, name: str, model: type[_Model]) -> _Model:
    """Parse and validate one file, mapping every failure to a one-line ResourceError naming the file."""
    source = folder.joinpath(name)
    try:
        raw_text = source.read_text(encoding="utf-8")
        raw = json.loads(raw_text) if name.endswith(".json") else tomllib.loads(raw_text)
        return model.model_validate(raw)
    except FileNotFoundError as exc:
        raise ResourceError(f"{source}: actor dictionary file missing; reinstall treve") from exc
    except (OSError, json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{source}: actor dictionary file unreadable ({exc}); fix it or reinstall treve") from exc
    except ValidationError as exc:
        error = exc.errors()[0]
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]).lstrip(".")
        raise ResourceError(f"{source}: {where}: {error['msg']}; fix the file (format in actors/README.md)") from exc


def _french_plurals(forms: list[str]) -> list[str]:
    """Masculine and feminine singular demonyms with their plurals (an s, unless they end in s, x or z)."""
    return [variant for form in forms for variant in (form, form if form[-1] in "sxz" else form + "s")]


class _Builder:
    """Collects the senses of every name, language by language, and checks codes and sectors."""

    def __init__(self, root: Traversable, iso_codes: frozenset[str]) -> None:
        self.root, self.iso_codes = root, iso_codes
        self.senses: dict[Language, dict[str, list[_Sense]]] = {language: {} for language in LANGUAGES}

    def check_code(self, file: str, entry: str, code: str) -> None:
        """A code must be ISO 3166 alpha-3 or one of PLOVER's non-state codes."""
        if code not in self.iso_codes and code not in ACTOR_CODES:
            self.fail(file, entry, f"code {code!r} is neither ISO 3166 alpha-3 nor a PLOVER actor code")

    def check_sector(self, file: str, entry: str, sector: str | None) -> None:
        """A sector is one or two PLOVER sector codes ("GOV", "GOVMIL")."""
        chunks = [sector[i : i + 3] for i in range(0, len(sector), 3)] if sector else []
        if any(chunk not in SECTORS for chunk in chunks):
            self.fail(file, entry, f"sector {sector!r} is not a PLOVER sector code")

    def fail(self, file: str, entry: str, problem: str) -> NoReturn:
        raise ResourceError(
            f"{self.root.joinpath(file)}: {entry}: {problem}; fix the file (format in actors/README.md)"
        )

    def add(self, languages: Iterable[Language], names: Iterable[str], kind: SenseKind, value: object) -> None:
        for language in languages:
            for name in names:
                key = _key(name)
                if not key:
                    continue
                sense = _Sense(kind, value, _case_rule(kind, name), _shape(name))
                known = self.senses[language].setdefault(key, [])
                if sense not in known:
                    known.append(sense)

    def add_by_language(self, entry: _Names, kind: SenseKind, value: object) -> None:
        for language in LANGUAGES:
            self.add([language], entry.in_language(language), kind, value)

    def indexes(self) -> dict[str, _LanguageIndex]:
        return {
            language: _LanguageIndex({key: tuple(senses) for key, senses in table.items()})
            for language, table in self.senses.items()
        }

    def add_countries(self, generated: CountriesFile, curated: CuratedCountriesFile) -> None:
        for code in curated.countries:
            self.check_code("countries.toml", f"countries.{code}", code)
        for country in generated.countries:
            extra = curated.countries.get(country.code, CuratedCountry())
            name = _Actor(country.code, None, extra.identifier, "country")
            demonym = _Actor(country.code, None, None, "country")
            capital = _Actor(country.code, "GOV", None, "capital")
            for language in LANGUAGES:
                dropped = {_key(dropped_name) for dropped_name in getattr(extra, f"drop_{language}")}
                names = [*getattr(country, language), *getattr(extra, language)]
                self.add([language], [n for n in names if _key(n) not in dropped], "name", name)
                demonyms = getattr(extra, f"{language}_demonyms")
                self.add([language], _french_plurals(demonyms) if language == "fr" else demonyms, "demonym", demonym)
                self.add([language], getattr(extra, f"{language}_capitals"), "capital", capital)
            if country.capital and curated.capitals.excluded.get(country.code) != country.capital:
                self.add(LANGUAGES, [country.capital], "capital", capital)
        for language, phrases in curated.blockers.items():
            self.add([language], phrases, "blocker", None)

    def add_territories(self, territories: TerritoriesFile) -> None:
        for n, territory in enumerate(territories.territories):
            self.check_code("territories.toml", f"territories[{n}]", territory.claimant)
            self.add_by_language(territory, "territory", _Actor(territory.claimant, "PRE", None, "country"))
            self.add(LANGUAGES, territory.capitals, "capital", _Actor(territory.claimant, "PRE", None, "capital"))

    def add_organisations(self, organisations: OrganisationsFile) -> None:
        for n, organisation in enumerate(organisations.organisations):
            self.check_code("organisations.toml", f"organisations[{n}]", organisation.code)
            self.check_sector("organisations.toml", f"organisations[{n}]", organisation.sector)
            actor = _Actor(organisation.code, organisation.sector, organisation.identifier, "organisation")
            self.add_by_language(organisation, "organisation", actor)

    def add_groups(self, groups: GroupsFile) -> None:
        for n, group in enumerate(groups.groups):
            for period in [group, *group.periods]:
                self.check_code("groups.toml", f"groups[{n}]", period.code)
                self.check_sector("groups.toml", f"groups[{n}]", period.sector)
            self.add_by_language(group, "group", group)

    def add_people(self, people: PeopleFile) -> None:
        for n, person in enumerate(people.people):
            self.check_code("people.toml", f"people[{n}]", person.country)
            for office in person.offices:
                self.check_code("people.toml", f"people[{n}]", office.code)
                self.check_sector("people.toml", f"people[{n}]", office.sector)
            self.add_by_language(person, "person", person)

    def add_institutions(self, institutions: InstitutionsFile) -> None:
        heads: dict[str, dict[str | None, _Institution]] = {}
        for n, french in enumerate(institutions.fr):
            self.check_sector("institutions.toml", f"fr[{n}]", french.sector)
            institution = _Institution(french.sector, french.role)
            complement = _key(french.complement) if french.complement else None
            heads.setdefault(_key(french.head), {})[complement] = institution
            self.add(["fr"], [f"{french.head} {french.complement or ''}"], "institution", institution)
            if french.complement:
                self.add(["fr"], [french.complement], "complement", complement)
        for head, complements in heads.items():
            if any(complement is not None for complement in complements):
                self.add(["fr"], [head], "head", complements)
        for n, english in enumerate(institutions.en):
            self.check_sector("institutions.toml", f"en[{n}]", english.sector)
            self.add(["en"], english.forms, "institution", _Institution(english.sector, english.role))
        for n, named in enumerate(institutions.named):
            self.check_code("institutions.toml", f"named[{n}]", named.code)
            self.check_sector("institutions.toml", f"named[{n}]", named.sector)
            self.add_by_language(named, "named", _Actor(named.code, named.sector, None, "institution", named.role))


@cache
def load_actor_dictionary(folder: Path | None = None) -> ActorDictionary:
    """Read, check and compile the actor files once per process (the shipped ones unless `folder` is given)."""
    root: Traversable = folder if folder is not None else resources.files("treve.resources").joinpath("actors")
    generated = _read(root, "countries.json", CountriesFile)
    curated = _read(root, "countries.toml", CuratedCountriesFile)
    territories = _read(root, "territories.toml", TerritoriesFile)
    organisations = _read(root, "organisations.toml", OrganisationsFile)
    groups = _read(root, "groups.toml", GroupsFile)
    people = _read(root, "people.toml", PeopleFile)
    institutions = _read(root, "institutions.toml", InstitutionsFile)
    builder = _Builder(root, frozenset(country.code for country in generated.countries))
    builder.add_countries(generated, curated)
    builder.add_territories(territories)
    builder.add_organisations(organisations)
    builder.add_groups(groups)
    builder.add_people(people)
    builder.add_institutions(institutions)
    try:
        indexes = builder.indexes()
    except re.error as exc:
        raise ResourceError(f"{root}: actor names do not compile ({exc}); reinstall treve") from exc
    versions = {
        "countries.json": generated.version,
        "countries.toml": curated.version,
        "territories.toml": territories.version,
        "organisations.toml": organisations.version,
        "groups.toml": groups.version,
        "people.toml": people.version,
        "institutions.toml": institutions.version,
    }
    return ActorDictionary(indexes, versions)


__all__: list[str] = ["ActorDictionary", "ActorMention", "load_actor_dictionary"]
