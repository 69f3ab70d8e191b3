"""A full GeoNames dump (allCountries.txt or a country file, and alternateNamesV2.txt), added to the embedded
gazetteer's store for users who have downloaded one (`treve gazetteer import-geonames`): its places replace
those with the same GeoNames id. A store of a new data version is built without them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from treve.errors import InputError
from treve.resources.gazetteer import _PLACE_COLUMNS, NameLanguage, _Entry, _usable_alternate, _variants, name_key

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
