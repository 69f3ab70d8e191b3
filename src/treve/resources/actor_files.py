"""The actor dictionary's files: their formats, and the senses every name in them gives, language by language.

`read_actor_files` reads and checks every file of `actors/` (format and sources in `actors/README.md`) and
returns, for each language `composition.toml` knows, every folded name with what it can mean, and the
language's way of joining names; `treve.resources.actors` compiles these into one scanner per language and
composes what the scanner finds. No language is named in this code: a language is a table of
`composition.toml`, and its names are the `<language>` fields of the other files.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib.resources.abc import Traversable
from typing import Any, Literal, NoReturn, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from treve.errors import ResourceError
from treve.ontology import ACTOR_CODES, SECTORS

Language = str  # a key of composition.toml's `languages` ("en", "fr", "es", ...)
MentionKind = Literal["country", "capital", "organisation", "institution", "person", "group"]

# ---------------------------------------------------------------------------------------------------------
# Folding: one character in, one character out, so offsets in the folded text are offsets in the text (Arabic
# marks aside: `MARKS`).


# Arabic: alif with hamza or madda is bare alif; final alif maqsura is ya and ta marbuta is ha (both are written
# only at a word's end, so folding them everywhere folds the end); Persian ya and kaf are the Arabic letters.
_ARABIC_LETTERS = (("أإآٱ", "ا"), ("ىی", "ي"), ("ة", "ه"), ("ک", "ك"))
# Arabic marks dropped before matching (vowels, shadda, sukun, superscript alif, Quranic signs, tatweel, the letter
# mark): the one fold that takes characters out, so `find` keeps a map from the folded text back to the text.
MARKS = re.compile("[\u0610-\u061a\u061c\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")


def _fold_table(lower: bool, strip_accents: bool = True) -> list[str]:
    """A `str.translate` table indexed by code point (a list: faster than a dict; past its end, no change)."""
    table = [chr(point) for point in range(0x2040)]
    for point in range(0x250):  # Basic Latin to Latin Extended-B: the letters of the names we hold
        base = unicodedata.normalize("NFD", table[point])[0] if strip_accents else table[point]
        table[point] = base.lower() if lower and len(base.lower()) == 1 else base
    for point in range(0x400, 0x530):  # Cyrillic: lower case; "ё" is "е" as Russian writes it, "й" stays
        table[point] = table[point].lower() if lower else table[point]
    if strip_accents:
        table[ord("ı")] = "i"
        table[ord("ё")], table[ord("Ё")] = "е", "е" if lower else "Е"
    for variants, letter in _ARABIC_LETTERS:  # spellings of one Arabic letter, in every table (no case, no accent)
        for char in variants:
            table[ord(char)] = letter
    for char in "’‘ʼ`´′":
        table[ord(char)] = "'"
    for char in "«»„“”‟":  # one kind of double quote: 'ЧВК "Вагнер"' finds «Вагнер»
        table[ord(char)] = '"'
    for char in "-‐‑‒–—\t\n\r\v\f\u00a0\u2007\u2009\u202f":
        table[ord(char)] = " "
    return table


FOLD = _fold_table(lower=True)
_FOLD_KEEP_CASE = _fold_table(lower=False)
GAP_FOLD = _fold_table(lower=True, strip_accents=False)  # the small words between names: "à" is not "a"
SPACES = re.compile(" +")


def fold_key(name: str) -> str:
    """The folded form a name is looked up by."""
    return SPACES.sub(" ", MARKS.sub("", name.translate(FOLD))).strip()


def _shape(name: str) -> str:
    """The folded form with case kept, to compare acronyms exactly."""
    return SPACES.sub(" ", MARKS.sub("", name.translate(_FOLD_KEEP_CASE))).strip()


def fold_gap(between: str) -> str:
    """A gap between two names as the gap words of composition.toml are compared."""
    folded = MARKS.sub("", between.translate(GAP_FOLD))
    return SPACES.sub(" ", folded) if "  " in folded else folded


# ---------------------------------------------------------------------------------------------------------
# File formats (validated on load; a file that does not fit raises a one-line ResourceError)


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Lingual(BaseModel):
    """An entry whose other fields are lists of names keyed by language (`fr = [...]`, `es_demonyms = [...]`);
    the loader checks that each key names a language of composition.toml."""

    model_config = ConfigDict(frozen=True, extra="allow")
    __pydantic_extra__: dict[str, list[str]] = Field(init=False)

    def field(self, key: str) -> list[str]:
        return (self.__pydantic_extra__ or {}).get(key, [])

    def lingual_keys(self) -> list[str]:
        return list(self.__pydantic_extra__ or {})


class _Names(_Lingual):
    """Names used in every language (`names`), and in one only (`en`, `fr`, `es`, ...)."""

    names: list[str] = []

    def in_language(self, language: Language) -> list[str]:
        return [*self.names, *self.field(language)]


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
    """Names, and `capitals` in every language (`<language>_capitals` in one)."""

    claimant: str
    capitals: list[str] = []

    def capitals_in(self, language: Language) -> list[str]:
        return [*self.capitals, *self.field(f"{language}_capitals")]


class NamedInstitution(_Names):
    code: str
    sector: str
    role: str


class InstitutionForm(_Strict):
    """How one institution is named: a `head` and an optional `complement` (a demonym may stand between them
    in noun-first languages), or a list of `forms` that are never split."""

    head: str | None = None
    complement: str | None = None
    forms: list[str] = []
    sector: str
    role: str

    @model_validator(mode="after")
    def _one_way(self) -> InstitutionForm:
        if (self.head is None) == (not self.forms) or (self.complement is not None and self.head is None):
            raise ValueError("give either a head (and perhaps a complement) or forms")
        return self


class _LingualCountry(_Lingual):
    """Attribute access to a language field the entry does not have gives an empty list
    (`country.es_demonyms`), as `treve.resources.gazetteer` reads these files."""

    def __getattr__(self, name: str) -> Any:
        try:
            return super().__getattr__(name)
        except AttributeError:
            if _COUNTRY_FIELD.fullmatch(name):
                return []
            raise


_COUNTRY_FIELD = re.compile(r"(?:drop_)?[a-z]{2,3}|[a-z]{2,3}_(?:demonyms|capitals)")


class GeneratedCountry(_LingualCountry):
    code: str
    capital: str | None


class CuratedCountry(_LingualCountry):
    """Extra names (`<language>`), generated names (and capital) to ignore (`drop_<language>`), demonyms and
    capital exonyms (`<language>_demonyms`, `<language>_capitals`)."""

    identifier: str | None = None


class PluralRule(_Strict):
    """A demonym ending in `ending` has its plurals ending in `plural` ("és" -> "eses"; "" -> "s": add an s; a list
    gives several: "ي" -> ["يون", "يين"])."""

    ending: str
    plural: str | list[str]


class _Versioned(_Strict):
    version: str


class CountriesFile(_Versioned):
    source: str
    countries: list[GeneratedCountry]


class CapitalRules(_Strict):
    excluded: dict[str, str] = {}


class CuratedCountriesFile(_Versioned):
    blockers: dict[Language, list[str]] = {}
    plurals: dict[Language, list[PluralRule]] = {}
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
    """`named` institutions, and per language (`en = [...]`, `fr = [...]`) how institutions are named."""

    model_config = ConfigDict(frozen=True, extra="allow")
    __pydantic_extra__: dict[str, list[InstitutionForm]] = Field(init=False)
    named: list[NamedInstitution] = []


class Elision(_Strict):
    """After a proclitic ending in `after`, a name beginning with `begins` is written with `written` instead."""

    after: str
    begins: str
    written: str


class Grammar(_Strict):
    """How one language joins an institution and its owner (composition.toml; format in actors/README.md)."""

    order: Literal["noun-first", "adjective-first"]
    of: list[str]
    at: list[str]
    before: list[str] = []
    title_to_name: list[str]
    not_after: list[str] = []
    not_before: list[str] = []
    inflected: bool = False  # names change form (case, number): inflections.json lists every form
    proclitics: list[str] = []  # written onto a name ("و", "ل"): the name is found after them
    elisions: list[Elision] = []  # a proclitic and a name's beginning written together ("ل" + "الجيش": "للجيش")
    article: str = ""  # written onto a word ("ال"): one-word names of `article_on` kinds are found with it too
    article_on: list[Literal["demonym", "institution"]] = []


class CompositionFile(_Versioned):
    languages: dict[Language, Grammar]


class InflectionsFile(_Versioned):
    """Generated by build_inflections.py: per inflected language, each name as the other files write it
    (white space collapsed) with its other forms."""

    source: str
    languages: dict[Language, dict[str, list[str]]]


def with_plurals(forms: Iterable[str], rules: Iterable[PluralRule]) -> list[str]:
    """Each singular demonym followed by its plurals (itself when no rule applies)."""
    rules = list(rules)
    return [variant for form in forms for variant in (form, *_plurals(form, rules))]


def _plurals(form: str, rules: list[PluralRule]) -> list[str]:
    for rule in rules:
        if form.endswith(rule.ending):
            endings = [rule.plural] if isinstance(rule.plural, str) else rule.plural
            return [form[: len(form) - len(rule.ending)] + ending for ending in endings]
    return [form]


# ---------------------------------------------------------------------------------------------------------
# What a name can mean: one or more senses per folded key.

SenseKind = Literal[
    "name", "demonym", "capital", "territory", "organisation", "named", "group", "person",
    "institution", "head", "complement", "blocker",
]  # fmt: skip
_PROPER: frozenset[str] = frozenset({"name", "capital", "territory", "organisation", "named", "group", "person"})


@dataclass(frozen=True, slots=True)
class FixedActor:
    """A fixed actor: what a country, capital, territory, organisation or named institution stands for."""

    code: str
    sector: str | None
    identifier: str | None
    kind: MentionKind
    role: str | None = None


@dataclass(frozen=True, slots=True)
class InstitutionSense:
    sector: str
    role: str


@dataclass(frozen=True, slots=True)
class Sense:
    kind: SenseKind
    value: Any  # FixedActor, Group, Person, InstitutionSense, a complement mapping or key, or None (blocker)
    case: Literal["any", "capital", "exact"]
    shape: str

    def fits(self, original: str) -> bool:
        """Whether the text's spelling allows this sense (acronyms exactly, proper names with a capital)."""
        if self.case == "exact":
            return _shape(original) == self.shape
        return self.case == "any" or any(char.isupper() for char in original)


def _case_rule(kind: SenseKind, alias: str) -> Literal["any", "capital", "exact"]:
    letters = [char for char in alias if char.isalpha()] if alias.isupper() else ()  # no lower case: perhaps all upper
    if len(letters) >= 2 and all(char.isupper() for char in letters):
        return "exact"
    if kind in _PROPER and not alias.islower() and any(char.isupper() and char.isalpha() for char in alias):
        return "capital"
    return "any"


# ---------------------------------------------------------------------------------------------------------
# Reading

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


@dataclass(frozen=True)
class ActorFiles:
    """What the files say, ready to compile: per language its grammar and its folded names' senses."""

    grammars: Mapping[Language, Grammar]
    senses: Mapping[Language, Mapping[str, tuple[Sense, ...]]]
    versions: Mapping[str, str]


class _Builder:
    """Collects the senses of every name, language by language, and checks codes, sectors and languages."""

    def __init__(
        self,
        root: Traversable,
        iso_codes: frozenset[str],
        grammars: Mapping[Language, Grammar],
        inflections: Mapping[Language, Mapping[str, list[str]]],
    ) -> None:
        self.root, self.iso_codes, self.languages = root, iso_codes, tuple(grammars)
        self.inflections, self.grammars = inflections, grammars
        self.senses: dict[Language, dict[str, list[Sense]]] = {language: {} for language in self.languages}

    def check_code(self, file: str, entry: str, code: str) -> None:
        """A code must be ISO 3166 alpha-3 or one of PLOVER's non-state codes."""
        if code not in self.iso_codes and code not in ACTOR_CODES:
            self.fail(file, entry, f"code {code!r} is neither ISO 3166 alpha-3 nor a PLOVER actor code")

    def check_sector(self, file: str, entry: str, sector: str | None) -> None:
        """A sector is one or two PLOVER sector codes ("GOV", "GOVMIL")."""
        chunks = [sector[i : i + 3] for i in range(0, len(sector), 3)] if sector else []
        if any(chunk not in SECTORS for chunk in chunks):
            self.fail(file, entry, f"sector {sector!r} is not a PLOVER sector code")

    def check_languages(self, file: str, entry: str, keys: Iterable[str], pattern: str = "{}") -> None:
        """Every language-keyed field must name a language of composition.toml."""
        allowed = {pattern.format(language) for language in self.languages}
        for key in keys:
            if key not in allowed:
                self.fail(file, entry, f"{key!r} names no language of composition.toml")

    def fail(self, file: str, entry: str, problem: str) -> NoReturn:
        raise ResourceError(
            f"{self.root.joinpath(file)}: {entry}: {problem}; fix the file (format in actors/README.md)"
        )

    def add(self, languages: Iterable[Language], names: Iterable[str], kind: SenseKind, value: object) -> None:
        """Each name, and in an inflected language each of its forms, with this sense; a one-word name of a kind
        that takes the language's article also with it ("سوري", "السوري")."""
        for language in languages:
            forms, grammar = self.inflections.get(language, {}), self.grammars[language]
            article = grammar.article if kind in grammar.article_on else ""
            for name in names:
                one_word = " " not in name.strip() and not name.startswith(article)
                definite = [article + name] if article and one_word else []
                for written in (name, *definite, *forms.get(inflection_key(name), ())):
                    key = fold_key(written)
                    if not key:
                        continue
                    sense = Sense(kind, value, _case_rule(kind, written), _shape(written))
                    known = self.senses[language].setdefault(key, [])
                    if sense not in known:
                        known.append(sense)

    def add_by_language(
        self, file: str, entry: str, names: _Names, kind: SenseKind, value: object, skip: Iterable[str] = ()
    ) -> None:
        self.check_languages(file, entry, set(names.lingual_keys()) - set(skip))
        for language in self.languages:
            self.add([language], names.in_language(language), kind, value)

    def built(self) -> dict[Language, dict[str, tuple[Sense, ...]]]:
        return {
            language: {key: tuple(senses) for key, senses in table.items()} for language, table in self.senses.items()
        }

    def add_countries(self, generated: CountriesFile, curated: CuratedCountriesFile) -> None:
        fields = ("{}", "drop_{}", "{}_demonyms", "{}_capitals")
        for code, extra in curated.countries.items():
            self.check_code("countries.toml", f"countries.{code}", code)
            allowed = {field.format(language) for field in fields for language in self.languages}
            self.check_languages("countries.toml", f"countries.{code}", set(extra.lingual_keys()) - allowed)
        self.check_languages("countries.toml", "blockers", curated.blockers)
        self.check_languages("countries.toml", "plurals", curated.plurals)
        for n, country in enumerate(generated.countries):
            self.check_languages("countries.json", f"countries[{n}]", country.lingual_keys())
            extra = curated.countries.get(country.code, CuratedCountry())
            name = FixedActor(country.code, None, extra.identifier, "country")
            demonym = FixedActor(country.code, None, None, "country")
            capital = FixedActor(country.code, "GOV", None, "capital")
            for language in self.languages:
                dropped = {fold_key(dropped_name) for dropped_name in extra.field(f"drop_{language}")}
                names = [*country.field(language), *extra.field(language)]
                self.add([language], [n for n in names if fold_key(n) not in dropped], "name", name)
                demonyms = with_plurals(extra.field(f"{language}_demonyms"), curated.plurals.get(language, []))
                self.add([language], demonyms, "demonym", demonym)
                self.add([language], extra.field(f"{language}_capitals"), "capital", capital)
                generated_capital = country.capital
                if (
                    generated_capital
                    and curated.capitals.excluded.get(country.code) != generated_capital
                    and fold_key(generated_capital) not in dropped
                ):
                    self.add([language], [generated_capital], "capital", capital)
        for language, phrases in curated.blockers.items():
            self.add([language], phrases, "blocker", None)

    def add_territories(self, territories: TerritoriesFile) -> None:
        for n, territory in enumerate(territories.territories):
            entry = f"territories[{n}]"
            self.check_code("territories.toml", entry, territory.claimant)
            capitals = {f"{language}_capitals" for language in self.languages}
            self.check_languages("territories.toml", entry, set(territory.lingual_keys()) - capitals)
            actor = FixedActor(territory.claimant, "PRE", None, "country")
            self.add_by_language("territories.toml", entry, territory, "territory", actor, skip=capitals)
            capital = FixedActor(territory.claimant, "PRE", None, "capital")
            for language in self.languages:
                self.add([language], territory.capitals_in(language), "capital", capital)

    def add_organisations(self, organisations: OrganisationsFile) -> None:
        for n, organisation in enumerate(organisations.organisations):
            self.check_code("organisations.toml", f"organisations[{n}]", organisation.code)
            self.check_sector("organisations.toml", f"organisations[{n}]", organisation.sector)
            actor = FixedActor(organisation.code, organisation.sector, organisation.identifier, "organisation")
            self.add_by_language("organisations.toml", f"organisations[{n}]", organisation, "organisation", actor)

    def add_groups(self, groups: GroupsFile) -> None:
        for n, group in enumerate(groups.groups):
            for period in [group, *group.periods]:
                self.check_code("groups.toml", f"groups[{n}]", period.code)
                self.check_sector("groups.toml", f"groups[{n}]", period.sector)
            self.add_by_language("groups.toml", f"groups[{n}]", group, "group", group)

    def add_people(self, people: PeopleFile) -> None:
        for n, person in enumerate(people.people):
            self.check_code("people.toml", f"people[{n}]", person.country)
            for office in person.offices:
                self.check_code("people.toml", f"people[{n}]", office.code)
                self.check_sector("people.toml", f"people[{n}]", office.sector)
            self.add_by_language("people.toml", f"people[{n}]", person, "person", person)

    def add_institutions(self, institutions: InstitutionsFile) -> None:
        by_language = institutions.__pydantic_extra__ or {}
        self.check_languages("institutions.toml", "institutions", by_language)
        for language, forms in by_language.items():
            heads: dict[str, dict[str | None, InstitutionSense]] = {}
            for n, form in enumerate(forms):
                self.check_sector("institutions.toml", f"{language}[{n}]", form.sector)
                institution = InstitutionSense(form.sector, form.role)
                if form.head is None:
                    self.add([language], form.forms, "institution", institution)
                    continue
                complement = fold_key(form.complement) if form.complement else None
                heads.setdefault(fold_key(form.head), {})[complement] = institution
                self.add([language], [f"{form.head} {form.complement or ''}"], "institution", institution)
                if form.complement:
                    self.add([language], [form.complement], "complement", complement)
            for head, complements in heads.items():
                if any(complement is not None for complement in complements):
                    self.add([language], [head], "head", complements)
        for n, named in enumerate(institutions.named):
            self.check_code("institutions.toml", f"named[{n}]", named.code)
            self.check_sector("institutions.toml", f"named[{n}]", named.sector)
            actor = FixedActor(named.code, named.sector, None, "institution", named.role)
            self.add_by_language("institutions.toml", f"named[{n}]", named, "named", actor)


def inflection_key(name: str) -> str:
    """How inflections.json keys a name: as written, white space collapsed."""
    return " ".join(name.split())


def _read_inflections(root: Traversable, composition: CompositionFile) -> InflectionsFile:
    """The forms of the inflected languages' names; every inflected language needs its table."""
    inflected = [language for language, grammar in composition.languages.items() if grammar.inflected]
    if not inflected and not root.joinpath("inflections.json").is_file():
        return InflectionsFile(version="", source="", languages={})
    inflections = _read(root, "inflections.json", InflectionsFile)
    for language in inflected:
        if language not in inflections.languages:
            raise ResourceError(
                f"{root.joinpath('inflections.json')}: no forms for {language!r}, which composition.toml says "
                "is inflected; run build_inflections.py (format in actors/README.md)"
            )
    return inflections


def read_actor_files(root: Traversable) -> ActorFiles:
    """Read and check every file of the actor folder `root`."""
    composition = _read(root, "composition.toml", CompositionFile)
    inflections = _read_inflections(root, composition)
    known = {language: forms for language, forms in inflections.languages.items() if language in composition.languages}
    generated = _read(root, "countries.json", CountriesFile)
    curated = _read(root, "countries.toml", CuratedCountriesFile)
    territories = _read(root, "territories.toml", TerritoriesFile)
    organisations = _read(root, "organisations.toml", OrganisationsFile)
    groups = _read(root, "groups.toml", GroupsFile)
    people = _read(root, "people.toml", PeopleFile)
    institutions = _read(root, "institutions.toml", InstitutionsFile)
    codes = frozenset(country.code for country in generated.countries)
    builder = _Builder(root, codes, composition.languages, known)
    builder.add_countries(generated, curated)
    builder.add_territories(territories)
    builder.add_organisations(organisations)
    builder.add_groups(groups)
    builder.add_people(people)
    builder.add_institutions(institutions)
    versions = {
        "countries.json": generated.version,
        "countries.toml": curated.version,
        "territories.toml": territories.version,
        "organisations.toml": organisations.version,
        "groups.toml": groups.version,
        "people.toml": people.version,
        "institutions.toml": institutions.version,
        "composition.toml": composition.version,
        "inflections.json": inflections.version,
    }
    return ActorFiles(composition.languages, builder.built(), versions)
