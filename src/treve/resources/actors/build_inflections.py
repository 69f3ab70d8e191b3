"""Write `inflections.json`: every form of the names of the languages `composition.toml` marks `inflected`.

A Russian name changes with its case ("Россия", "России", "Россию", "Россией"), a demonym with its gender and
number too ("российский", "российская", "российских"), and the actor dictionary matches the text as written, so it
needs every form. This script generates them once, with pymorphy2 and its OpenCorpora dictionaries (installed with
natasha), and treve reads a plain list at load: no morphology at run time. Run it after adding or changing a name of
an inflected language in any file: `python src/treve/resources/actors/build_inflections.py` (the test suite checks
that the file is current).

How a name inflects (the files keep the nominative, as written):
- a demonym (`<language>_demonyms`): every form of its word, an adjective in every gender, number and case, a noun
  in both numbers ("российский" gives "российских", "россиянин" gives "россиян");
- a person: each word of the name in the six cases ("Владимира Путина"); a word that ends in a consonant keeps its
  written form too, as a woman's surname does ("Ангелы Меркель");
- any other name (country, capital, territory, organisation, group, institution, blocker): its words up to its
  first noun, adjectives agreeing with that noun ("Российской Федерации", "вооружённых сил"), and the group after an
  "и" ("Боснии и Герцеговины"), in the six cases and the number written; what follows is a complement that keeps
  its case ("министерства обороны", "Совета Безопасности ООН");
- acronyms, words in Latin letters, with digits or in quotes never change; words the dictionary lacks (transliterated
  names) decline by their ending ("Хезболла", "Хезболлы"), or not at all when it is a vowel other than "а" and "я"
  ("Шойгу", "Порошенко").
Complements of `{ head, complement }` institutions are genitives and are left as written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from importlib.metadata import version
from itertools import product
from pathlib import Path
from typing import Any

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
# Words of a person's name that never decline, and Arabic articles before one that does ("аль-Башира").
PARTICLES = frozenset(["фон", "дер", "де", "ле", "ван", "ди", "да", "дель", "ибн", "бин", "аль", "эль", "ас", "ад"])
ARTICLES = ("аль-", "эль-", "ас-", "аш-", "ад-", "ан-", "ат-", "ар-", "эр-", "эш-")
ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые")
QUOTES = "\"'«»„“”"

MORPH = MorphAnalyzer()
Forms = dict[str, set[str]]  # case -> forms, lower case


# --- Words -----------------------------------------------------------------------------------------------


def fixed(word: str) -> bool:
    """Acronyms, Latin words, numbers and quoted names never change."""
    letters = [char for char in word if char.isalpha()]
    latin = any("a" <= char.lower() <= "z" for char in letters)
    acronym = len(letters) >= 2 and all(char.isupper() for char in letters)
    return not letters or latin or acronym or any(char in QUOTES or char.isdigit() for char in word)


def known(parse: Parse) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"


def nominatives(word: str, parts: set[str], *, guess: bool = False) -> list[Parse]:
    """The dictionary's (or with `guess`, the predictor's) readings of the word as a nominative of these parts."""
    return [
        parse
        for parse in MORPH.parse(word.lower())
        if parse.tag.POS in parts and parse.tag.case == "nomn" and (guess or known(parse))
    ]


def noun(word: str) -> Parse | None:
    found = nominatives(word, {"NOUN"})
    proper = [parse for parse in found if {"Geox", "Name", "Surn", "Orgn", "Trad"} & parse.tag.grammemes]
    return (proper if word[:1].isupper() and proper else found or [None])[0]


def adjectives(word: str) -> list[Parse]:
    """Every reading of the word as a nominative adjective ("большая": of "большой" and of "больший")."""
    found = nominatives(word, {"ADJF", "PRTF"})
    if not found and word.lower().endswith(ADJECTIVE_ENDINGS):
        found = nominatives(word, {"ADJF"}, guess=True)[:1]
    return found


def adjective(word: str) -> Parse | None:
    found = adjectives(word)
    return found[0] if found else None


def union(*tables: Forms | None) -> Forms:
    merged: Forms = {case: set() for case in CASES}
    for table in tables:
        for case, words in (table or {}).items():
            merged[case] |= words
    return merged


def lexeme_forms(parse: Parse, number: str | None, gender: str | None, animacy: str | None) -> Forms:
    """The parse's forms of one part of speech by case, in a number, a gender (adjectives in the singular) and an
    animacy (the accusative of adjectives)."""
    forms: Forms = {case: set() for case in CASES}
    for form in parse.lexeme:
        tag = form.tag
        if tag.POS != parse.tag.POS or (number and tag.number != number):
            continue
        if gender and tag.number == "sing" and tag.gender not in (gender, None) and parse.tag.POS != "NOUN":
            continue
        if parse.tag.POS == "NOUN" and tag.gender and tag.gender != parse.tag.gender:
            continue  # "Путиной": the woman's forms share the man's lexeme
        other_participle = tag.POS == "PRTF" and (tag.voice, tag.tense) != (parse.tag.voice, parse.tag.tense)
        if {"Supr", "Cmp2"} & tag.grammemes or other_participle:
            continue  # not "белейший" for "белый", nor "соединившие" for "соединённые"
        if animacy and tag.animacy not in (animacy, None):
            continue
        for case, tags in CASES.items():
            if tag.case in tags:
                forms[case].add(form.word)
    forms["nomn"].add(parse.word)
    return forms


def by_ending(word: str) -> Forms | None:
    """A word the dictionary lacks, declined by its ending as a noun; None when it does not decline."""
    lower = word.lower()
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
    forms: Forms = {case: {stem + ending} for case, ending in endings.items()}
    forms["nomn"] = {lower}
    if last in "йь" or last not in "аяеёиоуыэю":
        forms["accs"].add(lower)  # an inanimate masculine: its accusative is its nominative
    return forms


def written_as(original: str, form: str) -> str:
    """A lower-case form with the capitals of the written word ("Гвинея-Бисау" gives "Гвинеи-Бисау")."""
    if len(original) > 1 and original.isupper():
        return form.upper()
    parts, originals = form.split("-"), original.split("-")
    if len(parts) != len(originals):
        originals = [original] + [""] * (len(parts) - 1)
    return "-".join(
        part[:1].upper() + part[1:] if old[:1].isupper() else part for part, old in zip(parts, originals, strict=True)
    )


def unchanged(word: str) -> Forms:
    return {case: {word.lower()} for case in CASES}


# --- Names -----------------------------------------------------------------------------------------------


def person_word(word: str) -> Forms:
    """One word of a person's name in each case."""
    lower = word.lower()
    if fixed(word) or lower in PARTICLES:
        return unchanged(word)
    article = next((prefix for prefix in ARTICLES if lower.startswith(prefix) and len(lower) > len(prefix)), None)
    if article:
        rest = person_word(word[len(article) :])
        return {case: {article + form for form in forms} for case, forms in rest.items()}
    if "-" in word:
        parts = [person_word(part) for part in word.split("-")]
        return {case: {"-".join(combo) for combo in product(*(part[case] for part in parts))} for case in CASES}
    found = [parse for parse in nominatives(word, {"NOUN", "ADJF"}) if parse.tag.number == "sing"]
    named = [parse for parse in found if {"Name", "Surn", "Patr"} & parse.tag.grammemes] or found
    if lower.endswith(ADJECTIVE_ENDINGS[:3]):  # "Зеленский", "Залужный": declined as adjectives
        adjectival = adjective(word)
        if adjectival:
            return lexeme_forms(adjectival, "sing", adjectival.tag.gender, None)
    forms: Forms = unchanged(word) if lower[-1] not in "ая" else {case: set() for case in CASES}
    if named and lower[-1] in "ая":
        found_forms = lexeme_forms(named[0], "sing", None, None)
        return found_forms if all(found_forms.values()) else by_ending(word) or unchanged(word)
    forms = union(forms, lexeme_forms(named[0], "sing", None, None) if named else None, by_ending(word))
    return {case: words or {lower} for case, words in forms.items()}


def nominal_group(words: list[str], start: int) -> tuple[int, dict[int, Forms]] | None:
    """Adjectives and the noun they agree with, from `start`: the end of the group and each word's forms."""
    index, before = start, []
    while index + 1 < len(words) and not fixed(words[index]) and not fixed(words[index + 1]):
        readings = adjectives(words[index])
        following = words[index + 1]
        if not readings or not (noun(following) or adjective(following) or by_ending(following) is None):
            break
        before.append((index, readings))
        index += 1
    if index >= len(words) or fixed(words[index]):
        return None
    head = noun(words[index]) or adjective(words[index])
    plan: dict[int, Forms] = {}
    if head is None:
        if MORPH.parse(words[index].lower())[0].tag.POS in ("PREP", "CONJ", "PRCL"):
            return None
        declined = by_ending(words[index]) if "-" not in words[index] else hyphenated(words[index])
        plan[index] = declined or unchanged(words[index])
        number, gender, animacy = "sing", None, None
    else:
        number = head.tag.number
        gender, animacy = head.tag.gender, head.tag.animacy
        plan[index] = lexeme_forms(head, number, gender if head.tag.POS != "NOUN" else None, None)
        proper = {"Geox", "Name", "Surn", "Orgn", "Trad"} & head.tag.grammemes
        if words[index][:1].isupper() and not proper:  # "Додома" is no plural of "додом": decline it too
            plan[index] = union(plan[index], by_ending(words[index]))
    for position, readings in before:
        plan[position] = union(*(lexeme_forms(parse, number, gender, animacy) for parse in readings))
    return index + 1, plan


def hyphenated(word: str) -> Forms | None:
    """A hyphenated word the dictionary lacks: its last part declines ("Эр-Рияда"), or else its first."""
    first, _, last = word.rpartition("-")
    declined = by_ending(last)
    if declined:
        return {case: {f"{first.lower()}-{form}" for form in forms} for case, forms in declined.items()}
    head = noun(first)
    if head:
        forms = lexeme_forms(head, head.tag.number, None, None)
        return {case: {f"{form}-{last.lower()}" for form in words} for case, words in forms.items()}
    return None


def phrase_forms(name: str) -> set[str]:
    """A name whose first noun, and the adjectives before it, decline: every case, in the number written."""
    words = name.split()
    plan: dict[int, Forms] = {}
    start = 0
    while start < len(words):
        group = nominal_group(words, start)
        if group is None:
            break
        end, found = group
        plan.update(found)
        if end + 1 < len(words) and words[end].lower() == "и":
            start = end + 1
            continue
        break
    return combine(words, plan)


def person_forms(name: str) -> set[str]:
    words = name.split()
    return combine(words, {index: person_word(word) for index, word in enumerate(words)})


def demonym_forms(name: str) -> set[str]:
    """Every form of a demonym: an adjective in every gender, number and case; a noun in both numbers."""
    if " " in name or ("-" in name and not name.lower().endswith(ADJECTIVE_ENDINGS)):
        return phrase_forms(name)
    readings = adjectives(name) if name.lower().endswith(ADJECTIVE_ENDINGS) else [noun(name)]
    if not all(readings):
        return phrase_forms(name)
    forms = union(*(lexeme_forms(parse, None, None, None) for parse in readings))
    return {written_as(name, form) for words in forms.values() for form in words}


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


# --- Files -----------------------------------------------------------------------------------------------


def names_of(language: str) -> Iterator[tuple[str, str]]:
    """Every name of the language in the actor files, with how it declines: "demonym", "person" or "phrase"."""
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
        yield from ((name, "person") for name in person.in_language(language))
    institutions = _read(FOLDER, "institutions.toml", InstitutionsFile)
    for form in (institutions.__pydantic_extra__ or {}).get(language, []):
        phrases = form.forms if form.head is None else [form.head, f"{form.head} {form.complement or ''}"]
        yield from ((phrase, "phrase") for phrase in phrases)
    for named in institutions.named:
        yield from ((name, "phrase") for name in named.in_language(language))


DECLINE = {"demonym": demonym_forms, "person": person_forms, "phrase": phrase_forms}


def inflect(names: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Each name (white space collapsed) with its other forms, those that fold to another key."""
    table: dict[str, set[str]] = {}
    for name, how in names:
        key = inflection_key(name)
        if not key or all(fixed(word) for word in key.split()):
            continue
        table.setdefault(key, set()).update(DECLINE[how](key))
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
    return {
        "version": date.today().isoformat(),
        "source": f"pymorphy2 {version('pymorphy2')} with pymorphy2-dicts-ru {version('pymorphy2-dicts-ru')} "
        "(OpenCorpora); words it lacks declined by their ending",
        "languages": {language: inflect(names_of(language)) for language in languages},
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
