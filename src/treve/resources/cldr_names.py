"""Names in any language from CLDR, for the languages treve has no words of its own for: countries, and the
months and weekdays that a name from another language must not be taken for.

The names are CLDR's territory names (the Unicode Common Locale Data Repository, read through babel, which
carries it for some 700 locales: "Russland", "Ucraina", "Rosja", "روسیه"), their ISO 3166-1 codes turned into
PLOVER's alpha-3 codes by pycountry. A name also matches with up to three more letters, less its final vowel,
so that the case forms and adjectives of most languages are read as the country: "Russlands", "Rosji",
"Ukrainy", "israeliani". Only the multilingual reading uses them (`ActorDictionary.find_any`).

The months and weekdays: Persian "دوشنبه" is Monday, and Dushanbe in Arabic; a name another language's dictionary
finds is no actor where it is a day or a month of the language read.
"""

from __future__ import annotations

import re
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError

from treve.records import Entity

# Letters a name may lose before its ending is added: the vowels most languages decline or derive from.
FINAL_VOWELS = "aeiouyáéíóúàèìòùäöüæøå"
# How many letters a declined or derived form may add to a name.
MAX_ENDING = 3
# Scripts written without spaces between words (kana, Han, Thai, Lao, Myanmar, Khmer): a name there has no word
# boundary to look for, and no ending.
UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


@cache
def _names(language: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """A pattern of every country name of the language, and each name's stem to its alpha-3 code."""
    try:
        territories = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    codes: dict[str, str] = {}
    for alpha_2, name in territories.items():
        country = pycountry.countries.get(alpha_2=alpha_2) if len(alpha_2) == 2 and alpha_2.isalpha() else None
        if country is not None:
            codes.setdefault(_stem(name), country.alpha_3)
    stems = sorted(codes, key=len, reverse=True)
    spaced = "|".join(re.escape(stem) for stem in stems if not UNSPACED.search(stem)) or "(?!)"
    unspaced = "|".join(re.escape(stem) for stem in stems if UNSPACED.search(stem)) or "(?!)"
    pattern = rf"(?<!\w)({spaced})\w{{0,{MAX_ENDING}}}(?!\w)|({unspaced})"
    return re.compile(pattern), codes


def _stem(name: str) -> str:
    return name[:-1] if len(name) > 4 and name[-1].lower() in FINAL_VOWELS else name


def countries_in(text: str, language: str) -> list[Entity]:
    """Every country the text names in `language`, in order (none for a language CLDR does not know)."""
    found = _names(language)
    if found is None:
        return []
    pattern, codes = found
    return [
        Entity(
            entity_text=match.group(),
            code=codes[match.group(1) or match.group(2)],
            start=match.start(),
            end=match.end(),
        )
        for match in pattern.finditer(text)
    ]


@cache
def calendar_words(language: str) -> frozenset[str]:
    """The language's month and weekday names, wide and abbreviated, lower case (none for a locale CLDR lacks)."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError, TypeError):
        return frozenset()
    names = [
        name
        for table in (locale.days, locale.months)
        for context in table.values()
        for width in ("wide", "abbreviated")
        for name in context.get(width, {}).values()
    ]
    return frozenset(name.lower().rstrip(".") for name in names)
