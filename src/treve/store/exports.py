"""Stored events (canonical events or single reports) in the formats analysts load: PLOVER JSON Lines,
ACLED-style CSV, GeoJSON and Parquet.

Every writer streams (memory does not grow with the number of events) and returns how many events it wrote.
A canonical event carries its number of reports and sources (`reports`, `sources`; the CSV's `source` names
them all, separated by "; ", as ACLED's does).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from itertools import islice
from typing import TYPE_CHECKING, Any, BinaryIO

import pycountry

from treve.ontology import STATE_SECTORS, casualty_count, entity_sectors
from treve.records import Entity, Event

if TYPE_CHECKING:
    import pyarrow as pa

    from treve.store.repository import StoredEvent


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"
    table = "table"
    """Read by people: the command prints it (write_events writes the file formats)."""


ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
"""The columns of ACLED's export, in its order; those treve cannot fill stay empty."""

ACLED_TIME_PRECISION = {"hour": 1, "day": 1, "week": 2, "month": 3, "season": 3, "year": 3, "decade": 3}
"""ACLED's 1 (the day is known), 2 (the week), 3 (the month or less)."""

ACLED_DISORDER_TYPES = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

STATE_FORCES, REBELS, POLITICAL_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL_FORCES = 1, 2, 3, 5, 6, 7, 8
"""ACLED's inter codes (4, identity militias, is not told apart by PLOVER sectors)."""

PARQUET_ROWS_PER_GROUP = 10_000


def write_events(events: Iterable[StoredEvent], export_format: ExportFormat, output: BinaryIO) -> int:
    """Write `events` to `output` in `export_format`; text formats are UTF-8."""
    if export_format is ExportFormat.parquet:
        return write_parquet(events, output)
    text_writers: dict[ExportFormat, Callable[[Iterable[StoredEvent], io.TextIOBase], int]] = {
        ExportFormat.jsonl: write_jsonl,
        ExportFormat.csv: write_acled_csv,
        ExportFormat.geojson: write_geojson,
    }
    text = io.TextIOWrapper(output, encoding="utf-8", newline="", write_through=True)
    try:
        return text_writers[export_format](events, text)
    finally:
        text.flush()
        text.detach()


def write_jsonl(events: Iterable[StoredEvent], output: io.TextIOBase) -> int:
    """One PLOVER event record per line, as treve extracted it; a canonical event's with its counts."""
    return _count(output.write(json.dumps(_with_counts(stored), ensure_ascii=False) + "\n") for stored in events)


def _with_counts(stored: StoredEvent) -> dict[str, Any]:
    if stored.reports is None:
        return stored.record
    return {**stored.record, "reports": stored.reports, "sources": stored.sources}


def write_acled_csv(events: Iterable[StoredEvent], output: io.TextIOBase) -> int:
    """One row per event under ACLED's column names, so scripts written for ACLED's exports read it."""
    writer = csv.DictWriter(output, fieldnames=ACLED_COLUMNS, restval="")
    writer.writeheader()
    return _count(writer.writerow(acled_row(stored)) for stored in events)


def acled_row(stored: StoredEvent) -> dict[str, Any]:
    """The ACLED columns treve knows for one event report."""
    event = stored.event()
    country = pycountry.countries.get(alpha_3=stored.country) if stored.country else None
    inter1, inter2 = _inter(event.actor, actors_of=event), _inter(event.recipient, actors_of=None)
    return {
        "event_id_cnty": stored.id,
        "event_date": stored.date,
        "year": stored.date.year if stored.date else None,
        "time_precision": ACLED_TIME_PRECISION.get(event.date_precision or ""),
        "disorder_type": ACLED_DISORDER_TYPES.get(event.acled_event_type or ""),
        "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type,
        "actor1": _names(event.actor[:1]),
        "assoc_actor_1": _names(event.actor[1:]),
        "inter1": inter1,
        "actor2": _names(event.recipient[:1]),
        "assoc_actor_2": _names(event.recipient[1:]),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if event.acled_event_type == "Violence against civilians" else None,
        "iso": int(country.numeric) if country else None,
        "country": getattr(country, "common_name", None) or (country.name if country else None),
        "admin1": stored.admin1,
        "admin2": stored.admin2,
        "location": stored.location,
        "latitude": stored.latitude,
        "longitude": stored.longitude,
        "geo_precision": stored.geo_precision,
        "source": stored.source,
        "notes": event.evidence.sentence,
        "fatalities": casualty_count(event, "dead"),
        "timestamp": int(stored.stored_at.timestamp()),
    }


def _names(entities: list[Entity]) -> str:
    return "; ".join(entity.entity_text for entity in entities)


def _inter(entities: list[Entity], *, actors_of: Event | None) -> int | None:
    """ACLED's inter code of the first entity; `actors_of` is the event when these are its actors (protesters
    and rioters are told by what they do, not by their sector)."""
    if not entities:
        return None
    if actors_of is not None and actors_of.event == "PROTEST":
        return RIOTERS if actors_of.mode == "riot" else PROTESTERS
    sectors = entity_sectors(entities[0])
    if sectors & STATE_SECTORS:
        return STATE_FORCES
    if "REB" in sectors:
        return REBELS
    if sectors & {"PRM", "UAF"}:
        return POLITICAL_MILITIA
    if entities[0].code in {"IGO", "UNO", "EUR", "IMG"}:
        return EXTERNAL_FORCES
    return CIVILIANS if sectors else None


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction: the lower inter code first; a sole actor's code times ten."""
    if inter1 is None:
        return None
    low, high = sorted((inter1, inter2 or 0))
    return inter1 * 10 if inter2 is None else low * 10 + high


def write_geojson(events: Iterable[StoredEvent], output: io.TextIOBase) -> int:
    """A FeatureCollection of points; events without coordinates are left out (GeoJSON needs a geometry)."""
    output.write('{"type": "FeatureCollection", "features": [')
    written = 0
    for stored in events:
        if stored.latitude is None or stored.longitude is None:
            continue
        feature = {
            "type": "Feature",
            "id": stored.id,
            "geometry": {"type": "Point", "coordinates": [stored.longitude, stored.latitude]},
            "properties": {
                "article_id": stored.article_id,
                "event_type": stored.event_type,
                "mode": stored.mode,
                "date": stored.date.isoformat() if stored.date else None,
                "country": stored.country,
                "admin1": stored.admin1,
                "location": stored.location,
                "fatalities": stored.dead_best,
                "source": stored.source,
                "url": stored.url,
                "reports": stored.reports,
                "sources": stored.sources,
            },
        }
        output.write(("\n" if not written else ",\n") + json.dumps(feature, ensure_ascii=False))
        written += 1
    output.write("\n]}\n")
    return written


def parquet_schema() -> pa.Schema:
    import pyarrow as pa  # loaded by the one format that needs it

    return pa.schema(
        [
            ("id", pa.string()),
            ("article_id", pa.string()),
            ("event_type", pa.string()),
            ("mode", pa.string()),
            ("date", pa.date32()),
            ("country", pa.string()),
            ("fatalities", pa.int64()),
            ("latitude", pa.float64()),
            ("longitude", pa.float64()),
            ("source", pa.string()),
            ("url", pa.string()),
            ("stored_at", pa.timestamp("us", tz="UTC")),
            ("reports", pa.int64()),
            ("sources", pa.int64()),
            ("plover", pa.string()),
        ]
    )


def write_parquet(events: Iterable[StoredEvent], output: BinaryIO) -> int:
    """A flat table (pandas, DuckDB, Spark) with the full PLOVER record as JSON text in `plover`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    written = 0
    rows = _parquet_rows(events)
    with pq.ParquetWriter(output, schema) as writer:
        while chunk := list(islice(rows, PARQUET_ROWS_PER_GROUP)):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            written += len(chunk)
    return written


def _parquet_rows(events: Iterable[StoredEvent]) -> Iterator[dict[str, Any]]:
    for stored in events:
        yield {
            "id": stored.id,
            "article_id": stored.article_id,
            "event_type": stored.event_type,
            "mode": stored.mode,
            "date": stored.date,
            "country": stored.country,
            "fatalities": stored.dead_best,
            "latitude": stored.latitude,
            "longitude": stored.longitude,
            "source": stored.source,
            "url": stored.url,
            "stored_at": stored.stored_at,
            "reports": stored.reports,
            "sources": stored.sources,
            "plover": json.dumps(stored.record, ensure_ascii=False),
        }


def _count(writes: Iterable[object]) -> int:
    return sum(1 for _ in writes)
