"""Write `inflections.json`: every form of the names of the languages `composition.toml` marks `inflected`.

A Russian or Ukrainian name changes with its case ("Россия", "России", "Россию"; "Україна", "України", "Україну"), a
demonym with its gender and number too ("российский", "российская", "российских"; "російські", "російських"), and the
actor dictionary matches the text as written, so it needs every form. This script generates them once, with
pymorphy2 and its dictionary of the language (`DECLENSIONS`: OpenCorpora for Russian, installed with natasha, VESUM
for Ukrainian), and treve reads a plain list at load: no morphology at run time. Run it after adding or changing a name
of an inflected language in any file: `python src/treve/resources/actors/build_inflections.py` (the test suite checks
that the file is current).

How a name inflects (the files keep the nominative, as written):
- a demonym (`<language>_demonyms`): every form of its word, an adjective in every gender, number and case, a noun
  in both numbers ("российский" gives "российских", "россиянин" gives "россиян");
- a person: each word of the name in the six cases ("Владимира Путина", "Володимира Зеленського"); a word that ends in
  a consonant keeps its written form too, as a woman's surname does ("Ангелы Меркель"); Ukrainian surnames in "-ко"
  decline as a man's ("Петра Порошенка") unless the person's first name is a woman's ("Юлії Свириденко");
- any other name (country, capital, territory, organisation, group, institution, blocker): its words up to its
  first noun, adjectives agreeing with that noun ("Российской Федерации", "вооружённых сил"), and the group after a
  conjunction ("Боснии и Герцеговины", "Боснії і Герцеговини"), in the six cases and the number written; what follows
  is a complement that keeps its case ("министерства обороны", "Совета Безопасности ООН", "Ради безпеки ООН");
- acronyms, words in Latin letters, with digits or in quotes never change (a Ukrainian apostrophe between two letters
  is part of the word: "прем'єр-міністра", "Придністров'я"); words the dictionary lacks (transliterated names) decline
  by their ending ("Хезболла", "Хезболлы"; "Гутерреш", "Гутерреша"), or not at all when it is a vowel that does not
  decline ("Шойгу", "Порошенко" in Russian).
Complements of `{ head, complement }` institutions are genitives and are left as written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import date
from functools import cached_property
from importlib.metadata import version
from itertools import product
from pathlib import Path
from typing import Any, NamedTuple

from pymorphy2 import MorphAnalyzer
from pymorphy2.analyzer import Parse

import treve.stages.natasha_pipeline  # noqa: F401  (its patch lets pymorphy2 0.9.1 run on Python 3.11)
from treve.resources.actor_files import (
    CompositionFile,
    CountriesFile,
    CuratedCountriesFile,
    GroupsFile,
    InstitutionsFile,
    OrganisationsFile,
    PeopleFile,
    TerritoriesFile,
    _read,
    fold_key,
    inflection_key,
)

FOLDER = Path(__file__).parent
OUTPUT = FOLDER / "inflections.json"
CASES = {"nomn": {"nomn"}, "gent": {"gent", "gen2"}, "datv": {"datv"}, "accs": {"accs"}, "ablt": {"ablt"}}
CASES["loct"] = {"loct", "loc2"}
QUOTES = "\"'«»„“”"
APOSTROPHES = "'’ʼ"
PROPER = frozenset({"Geox", "Name", "Surn", "Orgn", "Trad"})

Forms = dict[str, set[str]]  # case -> forms, lower case


def _endings(stem: str, table: dict[str, str | tuple[str, ...]]) -> Forms:
    return {
        case: {stem + ending for ending in ([ends] if isinstance(ends, str) else ends)} for case, ends in table.items()
    }


def russian_endings(lower: str) -> Forms | None:
    """A Russian word the dictionary lacks, declined by its ending as a noun; None when it does not decline."""
    stem, last = lower[:-1], lower[-1:]
    if lower.endswith("ия"):
        endings = {"gent": "и", "datv": "и", "accs": "ю", "ablt": "ей", "loct": "и"}
    elif last == "а":
        soft, hushing = stem[-1:] in "гкхжшчщ", stem[-1:] in "жшчщц"
        endings = {"gent": "и" if soft else "ы", "datv": "е", "accs": "у", "ablt": "ей" if hushing else "ой"}
        endings["loct"] = "е"
    elif last == "я":
        endings = {"gent": "и", "datv": "е", "accs": "ю", "ablt": "ей", "loct": "е"}
    elif last in "йь":
        endings = {"gent": "я", "datv": "ю", "accs": "я", "ablt": "ем", "loct": "е"}
    elif last.isalpha() and last not in "аеёиоуыэюя":
        stem, hushing = lower, last in "жшчщц"
        endings = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ем" if hushing else "ом", "loct": "е"}
    else:
        return None
    forms = _endings(stem, endings)
    forms["nomn"] = {lower}
    if last in "йь" or last not in "аяеёиоуыэю":
        forms["accs"].add(lower)  # an inanimate masculine: its accusative is its nominative
    return forms


_UK_VOWELS = "аеєиіїоуюя'"
_UK_SOFTENED = {"г": "з", "к": "ц", "х": "с"}  # before "і" in the dative and locative: "Африка", "Африці"


def ukrainian_endings(lower: str) -> Forms | None:
    """A Ukrainian word the dictionary lacks, declined by its ending as a noun, every ending its class may take (a
    masculine's genitive in "-а" and "-у"); None when it does not decline (a final "о", "е", "і", "у", ...)."""
    stem, last = lower[:-1], lower[-1:]
    if lower.endswith("ія"):
        forms = _endings(stem, {"gent": "ї", "datv": "ї", "accs": "ю", "ablt": "єю", "loct": "ї"})
    elif last == "я":
        after_vowel = stem[-1:] in _UK_VOWELS
        table: dict[str, str | tuple[str, ...]] = {"gent": "і", "datv": "і", "accs": "ю", "ablt": "ею", "loct": "і"}
        forms = _endings(stem, {**table, "gent": "ї", "datv": "ї", "ablt": "єю", "loct": "ї"} if after_vowel else table)
    elif last == "а":
        hushing = stem[-1:] in "жчшщ"
        forms = _endings(stem, {"gent": "і" if hushing else "и", "accs": "у", "ablt": "ею" if hushing else "ою"})
        softened = {stem + "і", stem[:-1] + _UK_SOFTENED.get(stem[-1:], stem[-1:]) + "і"}
        forms["datv"], forms["loct"] = softened, set(softened)
    elif last == "й":
        forms = _endings(stem, {"gent": ("я", "ю"), "datv": ("ю", "єві"), "accs": "я", "ablt": "єм"})
        forms["loct"] = {stem + "ї", stem + "ю", stem + "єві"}
    elif last == "ь":
        forms = _endings(stem, {"gent": ("я", "ю"), "datv": ("ю", "еві"), "accs": "я", "ablt": "ем"})
        forms["loct"] = {stem + "і", stem + "ю", stem + "еві"}
    elif last.isalpha() and last not in _UK_VOWELS:
        hushing = last in "жчшщц"
        forms = _endings(
            lower, {"gent": ("а", "у"), "datv": ("у", "ові"), "accs": "а", "ablt": "ем" if hushing else "ом"}
        )
        forms["loct"] = {lower + "і", lower + "у", lower + "ові"}
    else:
        return None
    forms["nomn"] = {lower}
    if last not in "ая":
        forms["accs"].add(lower)  # an inanimate masculine: its accusative is its nominative
    return forms


def ukrainian_surname(lower: str, woman: bool) -> Forms | None:
    """The forms of a Ukrainian surname that its ending gives, the dictionary lacking or mistaking them; None to decline
    it as any other word. A woman's name in "-ова", "-іна" declines as an adjective ("Захарової"), and one in a
    consonant or "-о" not at all ("Ангели Меркель", "Юлії Свириденко"); a man's in "-ко" declines ("Порошенка"; the
    dictionary gives the woman's), one in "-ов", "-ін" takes "-им" in the instrumental ("Лавровим", "Путіним")."""
    if woman and lower.endswith(("ова", "ева", "єва", "іна", "їна")):
        forms = _endings(lower[:-1], {"gent": "ої", "datv": "ій", "accs": "у", "ablt": "ою", "loct": "ій"})
    elif woman:
        return unchanged(lower) if lower[-1:] not in "ая" else None
    elif lower.endswith("ко"):
        forms = _endings(lower[:-1], {"gent": "а", "datv": ("ові", "у"), "accs": "а", "ablt": "ом", "loct": ("ові",)})
    elif lower.endswith(("ов", "ев", "єв", "ін", "їн")):
        forms = _endings(lower, {"gent": "а", "datv": ("у", "ові"), "accs": "а", "ablt": "им", "loct": ("і", "ові")})
    else:
        return None
    forms["nomn"] = {lower}
    return forms


class Declension(NamedTuple):
    """What the script needs to know of one inflected language."""

    dictionary: str  # pymorphy2's dictionary package (MorphAnalyzer(lang=...) is the language's code)
    source: str  # where the dictionary's words come from
    particles: Collection[str]  # words of a person's name that never decline ("фон", "де")
    articles: tuple[str, ...]  # Arabic articles before a word of a person's name that declines ("аль-Башира")
    adjective_endings: tuple[str, ...]  # words the dictionary lacks that are guessed as adjectives with these
    surname_endings: tuple[str, ...]  # surnames declined as adjectives ("Зеленский", "Залужний")
    conjunctions: frozenset[str]  # "и" between two groups that both decline ("Босния и Герцеговина")
    by_ending: Callable[[str], Forms | None]  # a word the dictionary lacks, declined as a noun by its ending
    surname: Callable[[str, bool], Forms | None] | None = None  # a surname's own rule (lower case, woman or not)
    apostrophe_letter: bool = False  # an apostrophe between two letters is part of the word ("прем'єр")
    # A word the dictionary declines is not also declined by its ending, but a masculine name takes both genitive
    # endings ("Вашингтона", the city; VESUM has "Вашингтону").
    trust_dictionary: bool = False
    agreement: bool = False  # an adjective opens a name only if it agrees with the next word ("Рада" is also "glad")


DECLENSIONS = {
    "ru": Declension(
        dictionary="pymorphy2-dicts-ru",
        source="OpenCorpora",
        particles={"фон", "дер", "де", "ле", "ван", "ди", "да", "дель", "ибн", "бин", "аль", "эль", "ас", "ад"},
        articles=("аль-", "эль-", "ас-", "аш-", "ад-", "ан-", "ат-", "ар-", "эр-", "эш-"),
        adjective_endings=("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые"),
        surname_endings=("ий", "ый", "ой"),
        conjunctions=frozenset(["и"]),
        by_ending=russian_endings,
    ),
    # Ukrainian: the VESUM dictionary tags no proper noun as such (no "Geox"), so a capitalised word it declines is
    # trusted; it lists the "-ко" surnames as a woman's only, and "Сирський" as a noun: `surname` and
    # `surname_endings` decline them as Ukrainian does.
    "uk": Declension(
        dictionary="pymorphy2-dicts-uk",
        source="VESUM",
        particles={"фон", "дер", "де", "ле", "ван", "ді", "да", "дель", "ібн", "бін", "аль", "ель", "ас", "ад"},
        articles=("аль-", "ель-", "ас-", "аш-", "ад-", "ан-", "ат-", "ар-", "ер-", "еш-"),
        adjective_endings=("ий", "ій", "ська", "цька", "зька", "ське", "цьке", "зьке", "ські", "цькі", "зькі"),
        surname_endings=("ський", "цький", "зький", "ний"),
        conjunctions=frozenset(["і", "й", "та"]),
        by_ending=ukrainian_endings,
        surname=ukrainian_surname,
        apostrophe_letter=True,
        trust_dictionary=True,
        agreement=True,
    ),
}


def union(*tables: Forms | None) -> Forms:
    merged: Forms = {case: set() for case in CASES}
    for table in tables:
        for case, words in (table or {}).items():
            merged[case] |= words
    return merged


def written_as(original: str, form: str) -> str:
    """A lower-case form with the capitals of the written word ("Гвинея-Бисау" gives "Гвинеи-Бисау")."""
    if len(original) > 1 and original.isupper():
        return form.upper()
    parts, originals = form.split("-"), original.split("-")
    if len(parts) != len(originals):
        originals = [original] + [""] * (len(parts) - 1)
    return "-".join(_capitalised(part, old) for part, old in zip(parts, originals, strict=True))


def _capitalised(part: str, old: str) -> str:
    """A part of a form with the capitals of the part written: its first letter, and one after an apostrophe
    ("д'івуару" after "д'Івуар" is "д'Івуару")."""
    part = part[:1].upper() + part[1:] if old[:1].isupper() else part
    for i, char in enumerate(old[:-1]):
        if char in APOSTROPHES and old[i + 1].isupper() and i + 1 < len(part) and part[i] in APOSTROPHES:
            part = part[: i + 1] + part[i + 1].upper() + part[i + 2 :]
    return part


def unchanged(word: str) -> Forms:
    return {case: {word.lower()} for case in CASES}


def known(parse: Parse) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def masculine(parse: Parse) -> bool:
    """A masculine noun that declines ("Вашингтон"; not "Шойгу")."""
    return parse.tag.POS == "NOUN" and parse.tag.gender == "masc" and "Fixd" not in parse.tag.grammemes


def number_of(tag: Any) -> str | None:
    """A form's number; VESUM (Ukrainian) writes none on a singular form, whose gender says it."""
    return tag.number or ("sing" if tag.gender else None)


def lexeme_forms(parse: Parse, number: str | None, gender: str | None, animacy: str | None) -> Forms:
    """The parse's forms of one part of speech by case, in a number, a gender (adjectives in the singular) and an
    animacy (the accusative of adjectives: where the dictionary does not tag it, as VESUM does not, the accusative that
    is the nominative for a thing, the genitive for a person)."""
    forms: Forms = {case: set() for case in CASES}
    untagged: set[str] = set()
    for form in parse.lexeme:
        tag = form.tag
        if tag.POS != parse.tag.POS or (number and number_of(tag) != number):
            continue
        if gender and number_of(tag) == "sing" and tag.gender not in (gender, None) and parse.tag.POS != "NOUN":
            continue
        if parse.tag.POS == "NOUN" and tag.gender and tag.gender != parse.tag.gender:
            continue  # "Путиной": the woman's forms share the man's lexeme
        other_participle = tag.POS == "PRTF" and (tag.voice, tag.tense) != (parse.tag.voice, parse.tag.tense)
        if {"Supr", "Cmp2"} & tag.grammemes or other_participle:
            continue  # not "белейший" for "белый", nor "соединившие" for "соединённые"
        if animacy and tag.animacy not in (animacy, None):
            continue
        if animacy and tag.case == "accs" and tag.animacy is None and tag.POS != "NOUN":
            untagged.add(form.word)
        for case, tags in CASES.items():
            if tag.case in tags:
                forms[case].add(form.word)
    forms["nomn"].add(parse.word)
    like = forms["nomn"] if animacy == "inan" else forms["gent"]
    if len(untagged) > 1 and untagged & like:
        forms["accs"] -= untagged - like
    return forms


class Inflector:
    """The forms of the names of one language, from its dictionary and its `Declension`."""

    def __init__(self, language: str) -> None:
        self.language, self.rules = language, DECLENSIONS[language]

    @cached_property
    def morph(self) -> MorphAnalyzer:
        return MorphAnalyzer(lang=self.language)

    # --- Words -------------------------------------------------------------------------------------------

    def fixed(self, word: str) -> bool:
        """Acronyms, Latin words, numbers and quoted names never change."""
        if self.rules.apostrophe_letter:
            word = word[:1] + "".join(
                "" if char in APOSTROPHES and word[i].isalpha() and word[i + 2 : i + 3].isalpha() else char
                for i, char in enumerate(word[1:])
            )
        letters = [char for char in word if char.isalpha()]
        latin = any("a" <= char.lower() <= "z" for char in letters)
        acronym = len(letters) >= 2 and all(char.isupper() for char in letters)
        return not letters or latin or acronym or any(char in QUOTES or char.isdigit() for char in word)

    def parse(self, word: str) -> list[Parse]:
        if self.rules.apostrophe_letter:
            word = word.replace("’", "'").replace("ʼ", "'")
        return list(self.morph.parse(word.lower()))

    def nominatives(self, word: str, parts: set[str], *, guess: bool = False) -> list[Parse]:
        """The dictionary's (or with `guess`, the predictor's) readings of the word as a nominative of these parts."""
        return [
            parse
            for parse in self.parse(word)
            if parse.tag.POS in parts and parse.tag.case == "nomn" and (guess or known(parse))
        ]

    def noun(self, word: str) -> Parse | None:
        found = self.nominatives(word, {"NOUN"})
        proper = [parse for parse in found if PROPER & parse.tag.grammemes]
        return (proper if word[:1].isupper() and proper else found or [None])[0]

    def adjectives(self, word: str) -> list[Parse]:
        """Every reading of the word as a nominative adjective ("большая": of "большой" and of "больший")."""
        found = self.nominatives(word, {"ADJF", "PRTF"})
        if not found and word.lower().endswith(self.rules.adjective_endings):
            found = self.nominatives(word, {"ADJF"}, guess=True)[:1]
        return found

    def adjective(self, word: str) -> Parse | None:
        found = self.adjectives(word)
        return found[0] if found else None

    def by_ending(self, word: str) -> Forms | None:
        """A word the dictionary lacks, declined by its ending as a noun; None when it does not decline."""
        lower = word.lower()
        if self.rules.apostrophe_letter:
            lower = lower.replace("’", "'").replace("ʼ", "'")
        return self.rules.by_ending(lower)

    # --- Names -------------------------------------------------------------------------------------------

    def person_word(self, word: str, woman: bool = False) -> Forms:
        """One word of a person's name in each case."""
        lower = word.lower()
        if self.fixed(word) or lower in self.rules.particles:
            return unchanged(word)
        article = next(
            (prefix for prefix in self.rules.articles if lower.startswith(prefix) and len(lower) > len(prefix)), None
        )
        if article:
            rest = self.person_word(word[len(article) :], woman)
            return {case: {article + form for form in forms} for case, forms in rest.items()}
        if "-" in word:
            parts = [self.person_word(part, woman) for part in word.split("-")]
            return {case: {"-".join(combo) for combo in product(*(part[case] for part in parts))} for case in CASES}
        own = self.rules.surname(lower, woman) if self.rules.surname else None
        if own:
            return own
        parts = {"NOUN"} if self.rules.trust_dictionary else {"NOUN", "ADJF"}  # "Колонна" is no "колонний" here
        found = [parse for parse in self.nominatives(word, parts) if number_of(parse.tag) == "sing"]
        named = [parse for parse in found if {"Name", "Surn", "Patr"} & parse.tag.grammemes] or found
        if lower.endswith(self.rules.surname_endings):  # "Зеленский", "Залужный": declined as adjectives
            adjectival = self.adjective(word)
            if adjectival:  # a person: the accusative is the genitive (where the dictionary tags no animacy)
                animacy = "anim" if self.rules.trust_dictionary else None
                return lexeme_forms(adjectival, "sing", adjectival.tag.gender, animacy)
        # A word in a consonant may stay as written, as a woman's surname does; where the language's `surname` rule
        # knows the person's sex (Ukrainian), a man's declines.
        stays = lower[-1] not in "ая" and not (self.rules.surname and not woman)
        forms: Forms = unchanged(word) if stays else {case: set() for case in CASES}
        if named and lower[-1] in "ая":
            found_forms = lexeme_forms(named[0], "sing", None, None)
            return found_forms if all(found_forms.values()) else self.by_ending(word) or unchanged(word)
        guessed = None if named and self.rules.trust_dictionary else self.by_ending(word)
        forms = union(forms, lexeme_forms(named[0], "sing", None, None) if named else None, guessed)
        return {case: words or {lower} for case, words in forms.items()}

    def nominal_group(self, words: list[str], start: int) -> tuple[int, dict[int, Forms]] | None:
        """Adjectives and the noun they agree with, from `start`: the end of the group and each word's forms."""
        index, before = start, []
        while index + 1 < len(words) and not self.fixed(words[index]) and not self.fixed(words[index + 1]):
            following = words[index + 1]
            readings = [reading for reading in self.adjectives(words[index]) if self.agrees(reading, following)]
            if not readings or not (
                self.noun(following) or self.adjective(following) or self.by_ending(following) is None
            ):
                break
            before.append((index, readings))
            index += 1
        if index >= len(words) or self.fixed(words[index]):
            return None
        head = self.noun(words[index]) or self.adjective(words[index])
        plan: dict[int, Forms] = {}
        if head is None:
            if self.parse(words[index])[0].tag.POS in ("PREP", "CONJ", "PRCL"):
                return None
            declined = self.by_ending(words[index]) if "-" not in words[index] else self.hyphenated(words[index])
            plan[index] = declined or unchanged(words[index])
            number, gender, animacy = "sing", None, None
        else:
            number = number_of(head.tag)
            gender, animacy = head.tag.gender, head.tag.animacy
            plan[index] = lexeme_forms(head, number, gender if head.tag.POS != "NOUN" else None, None)
            proper = PROPER & head.tag.grammemes
            if words[index][:1].isupper() and not (proper or self.rules.trust_dictionary):
                plan[index] = union(plan[index], self.by_ending(words[index]))  # "Додома" is no plural of "додом"
            elif self.rules.trust_dictionary and words[index][:1].isupper() and masculine(head):
                plan[index]["gent"] |= {
                    form[:-1] + {"а": "у", "у": "а", "я": "ю", "ю": "я"}.get(form[-1:], form[-1:])
                    for form in plan[index]["gent"]
                }  # "Вашингтона", the city; VESUM has "-у"
        for position, readings in before:
            plan[position] = union(*(lexeme_forms(parse, number, gender, animacy) for parse in readings))
        return index + 1, plan

    def agrees(self, adjective: Parse, following: str) -> bool:
        """Whether an adjective can agree with the next word (a word the dictionary lacks may be anything): "Рада"
        is no adjective ("радий", glad) before "безпеки", a plural."""
        if not self.rules.agreement:
            return True
        readings = self.nominatives(following, {"NOUN", "ADJF", "PRTF"})
        if not readings:  # a word the dictionary lacks may be anything; one it knows must be a nominative too
            return not any(known(parse) for parse in self.parse(following))
        number = number_of(adjective.tag)
        return any(
            number_of(reading.tag) == number
            and (number != "sing" or reading.tag.gender in (adjective.tag.gender, None) or reading.tag.POS != "NOUN")
            for reading in readings
        )

    def hyphenated(self, word: str) -> Forms | None:
        """A hyphenated word the dictionary lacks: its last part declines ("Эр-Рияда"), or else its first."""
        first, _, last = word.rpartition("-")
        declined = self.by_ending(last)
        if declined:
            return {case: {f"{first.lower()}-{form}" for form in forms} for case, forms in declined.items()}
        head = self.noun(first)
        if head:
            forms = lexeme_forms(head, number_of(head.tag), None, None)
            return {case: {f"{form}-{last.lower()}" for form in words} for case, words in forms.items()}
        return None

    def phrase_forms(self, name: str) -> set[str]:
        """A name whose first noun, and the adjectives before it, decline: every case, in the number written."""
        words = name.split()
        plan: dict[int, Forms] = {}
        start = 0
        while start < len(words):
            group = self.nominal_group(words, start)
            if group is None:
                break
            end, found = group
            plan.update(found)
            if end + 1 < len(words) and words[end].lower() in self.rules.conjunctions:
                start = end + 1
                continue
            break
        return combine(words, plan)

    def person_forms(self, name: str, woman: bool = False) -> set[str]:
        words = name.split()
        return combine(words, {index: self.person_word(word, woman) for index, word in enumerate(words)})

    def demonym_forms(self, name: str) -> set[str]:
        """Every form of a demonym: an adjective in every gender, number and case; a noun in both numbers."""
        adjectival = name.lower().endswith(self.rules.adjective_endings)
        if " " in name or ("-" in name and not adjectival):
            return self.phrase_forms(name)
        readings = self.adjectives(name) if adjectival else [self.noun(name)]
        if not all(readings):
            return self.phrase_forms(name)
        forms = union(*(lexeme_forms(parse, None, None, None) for parse in readings))
        return {written_as(name, form) for words in forms.values() for form in words}

    def woman(self, names: list[str]) -> bool:
        """Whether a person's first name, in the longest of their names that declines, is a woman's: in the dictionary,
        or by its ending where the dictionary has no person of that name ("Ангела")."""
        declining = [name for name in names if not all(self.fixed(word) for word in name.split())]
        if not declining:
            return False
        first = max(declining, key=lambda name: len(name.split())).split()[0]
        people = [parse for parse in self.nominatives(first, {"NOUN"}) if {"Name", "anim"} & parse.tag.grammemes]
        genders = {parse.tag.gender for parse in people}
        return genders <= {"femn"} if genders else first.lower().endswith(("а", "я"))

    def forms(self, name: str, how: str) -> set[str]:
        if how == "demonym":
            return self.demonym_forms(name)
        if how in ("person", "woman"):
            return self.person_forms(name, woman=how == "woman")
        return self.phrase_forms(name)


def combine(words: list[str], plan: dict[int, Forms]) -> set[str]:
    """Every case of the name: declined words in that case, the others as written."""
    found = set()
    for case in CASES:
        options = [
            sorted(written_as(word, form) for form in plan[index][case] or {word.lower()}) if index in plan else [word]
            for index, word in enumerate(words)
        ]
        found.update(" ".join(combo) for combo in product(*options))
    return found


RUSSIAN = Inflector("ru")
phrase_forms, person_forms = RUSSIAN.phrase_forms, RUSSIAN.person_forms  # the Russian ones, as the tests call them


# --- Files -----------------------------------------------------------------------------------------------


def names_of(language: str, inflector: Inflector) -> Iterator[tuple[str, str]]:
    """Every name of the language in the actor files, with how it declines: "demonym", "person", "woman" (a person
    whose first name is a woman's) or "phrase"."""
    generated = _read(FOLDER, "countries.json", CountriesFile)
    curated = _read(FOLDER, "countries.toml", CuratedCountriesFile)
    for country in generated.countries:
        yield from ((name, "phrase") for name in country.field(language))
    for extra in curated.countries.values():
        yield from ((name, "phrase") for name in [*extra.field(language), *extra.field(f"{language}_capitals")])
        yield from ((name, "demonym") for name in extra.field(f"{language}_demonyms"))
    yield from ((name, "phrase") for name in curated.blockers.get(language, []))
    for territory in _read(FOLDER, "territories.toml", TerritoriesFile).territories:
        yield from ((name, "phrase") for name in [*territory.in_language(language), *territory.capitals_in(language)])
    for organisation in _read(FOLDER, "organisations.toml", OrganisationsFile).organisations:
        yield from ((name, "phrase") for name in organisation.in_language(language))
    for group in _read(FOLDER, "groups.toml", GroupsFile).groups:
        yield from ((name, "phrase") for name in group.in_language(language))
    for person in _read(FOLDER, "people.toml", PeopleFile).people:
        names = person.in_language(language)
        how = "woman" if names and inflector.rules.surname and inflector.woman(names) else "person"
        yield from ((name, how) for name in names)
    institutions = _read(FOLDER, "institutions.toml", InstitutionsFile)
    for form in (institutions.__pydantic_extra__ or {}).get(language, []):
        phrases = form.forms if form.head is None else [form.head, f"{form.head} {form.complement or ''}"]
        yield from ((phrase, "phrase") for phrase in phrases)
    for named in institutions.named:
        yield from ((name, "phrase") for name in named.in_language(language))


def inflect(names: Iterable[tuple[str, str]], inflector: Inflector = RUSSIAN) -> dict[str, list[str]]:
    """Each name (white space collapsed) with its other forms, those that fold to another key."""
    table: dict[str, set[str]] = {}
    for name, how in names:
        key = inflection_key(name)
        if not key or all(inflector.fixed(word) for word in key.split()):
            continue
        table.setdefault(key, set()).update(inflector.forms(key, how))
    result = {}
    for key, forms in sorted(table.items()):
        seen, kept = {fold_key(key)}, []
        for form in sorted(forms):
            if fold_key(form) not in seen:
                seen.add(fold_key(form))
                kept.append(form)
        if kept:
            result[key] = kept
    return result


def build() -> dict[str, Any]:
    composition = _read(FOLDER, "composition.toml", CompositionFile)
    languages = [language for language, grammar in composition.languages.items() if grammar.inflected]
    inflectors = {language: RUSSIAN if language == "ru" else Inflector(language) for language in languages}
    rules = [DECLENSIONS[language] for language in languages]
    dictionaries = " and ".join(f"{rule.dictionary} {version(rule.dictionary)} ({rule.source})" for rule in rules)
    return {
        "version": date.today().isoformat(),
        "source": f"pymorphy2 {version('pymorphy2')} with {dictionaries}; words it lacks declined by their ending",
        "languages": {
            language: inflect(names_of(language, inflector), inflector) for language, inflector in inflectors.items()
        },
    }


def dump(content: dict[str, Any]) -> str:
    """JSON with one name a line, so a rebuild reads as a short diff."""

    def text(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    header = text({key: value for key, value in content.items() if key != "languages"})
    blocks = []
    for language, names in content["languages"].items():
        rows = ",\n".join(f"   {text(name)}: {text(forms)}" for name, forms in names.items())
        blocks.append(f"  {text(language)}: {{\n{rows}\n  }}")
    return header[:-1] + ', "languages": {\n' + ",\n".join(blocks) + "\n }\n}\n"


if __name__ == "__main__":
    OUTPUT.write_text(dump(build()), encoding="utf-8")
    print(f"wrote {OUTPUT}")
