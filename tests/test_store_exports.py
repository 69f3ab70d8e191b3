"""`treve events --format ...` writes files that the usual tools read back: JSON Lines, ACLED-style CSV, GeoJSON,
Parquet."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas
import pyarrow.parquet as pq
import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from tests.store_fixtures import RSF, RUSSIA, SUDAN_ARMY, UKRAINE, article, event
from treve.cli import app
from treve.records import Casualties, Count, Size
from treve.store.exports import ACLED_COLUMNS
from treve.store.repository import open_store
from treve.store.schema import EventReportRow

runner = CliRunner()

CLASH = event(
    "sdn",
    1,
    actor=[SUDAN_ARMY, RSF],
    recipient=[RSF],
    size=Size(dead=12),
    casualties=Casualties(dead=Count(low=12, best=12, high=None, qualifier="at least", text="at least 12")),
    date_precision="day",
    acled_event_type="Battles",
    acled_sub_event_type="Armed clash",
)
STRIKE = event("ukr", 1, actor=[RUSSIA], recipient=[UKRAINE], day="2024-06-03")
UNDATED = event("ukr", 2, actor=[RUSSIA], day=None)
EL_FASHER = {"admin1": "North Darfur", "location": "El Fasher", "latitude": 13.63, "longitude": 25.35}


@pytest.fixture
def filled_store_url(store_url: str) -> Iterator[str]:
    """Three stored events; the Sudanese clash has a place, as the places stage will give it."""
    with open_store(store_url) as store:
        store.save([article("sdn", CLASH), article("ukr", STRIKE, UNDATED)])
        with store.engine.begin() as connection:
            located = update(EventReportRow).where(EventReportRow.id == CLASH.id).values(**EL_FASHER, geo_precision=1)
            connection.execute(located)
    yield store_url


def export(store_url: str, output: Path, *options: str) -> Path:
    result = runner.invoke(app, ["events", "--reports", "--db", store_url, "--output", str(output), *options])
    assert result.exit_code == 0, result.output
    return output


def test_jsonl_gives_the_plover_records_by_date(filled_store_url: str, tmp_path: Path) -> None:
    lines = export(filled_store_url, tmp_path / "events.jsonl", "--format", "jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [e.model_dump(mode="json") for e in (CLASH, STRIKE, UNDATED)]


def test_csv_has_acleds_columns_filled_where_treve_knows_them(filled_store_url: str, tmp_path: Path) -> None:
    with export(filled_store_url, tmp_path / "events.csv", "--format", "csv", "--country", "SDN").open() as file:
        reader = csv.DictReader(file)
        assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
        [row] = list(reader)
    filled = {column: value for column, value in row.items() if value}
    del filled["timestamp"]  # when it was stored
    assert filled == {
        "event_id_cnty": "sdn-1",
        "event_date": "2024-05-11",
        "year": "2024",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Sudan's army",
        "assoc_actor_1": "Rapid Support Forces",
        "inter1": "1",
        "actor2": "Rapid Support Forces",
        "inter2": "2",
        "interaction": "12",
        "iso": "729",
        "country": "Sudan",
        "admin1": "North Darfur",
        "location": "El Fasher",
        "latitude": "13.63",
        "longitude": "25.35",
        "geo_precision": "1",
        "source": "Test Wire",
        "notes": CLASH.evidence.sentence,
        "fatalities": "12",
    }


def test_geojson_holds_the_events_that_have_coordinates(filled_store_url: str, tmp_path: Path) -> None:
    path = export(filled_store_url, tmp_path / "events.geojson", "--format", "geojson")
    collection = json.loads(path.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["id"] == CLASH.id
    assert feature["geometry"] == {"type": "Point", "coordinates": [25.35, 13.63]}
    assert feature["properties"]["location"] == "El Fasher"
    if shutil.which("ogrinfo") is None:
        assert os.environ.get("CI") != "true", "CI installs gdal-bin: GeoJSON must be read by GDAL there"
        return
    summary = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(path)], capture_output=True, text=True, check=True)
    assert "Geometry: Point" in summary.stdout and "Feature Count: 1" in summary.stdout


def test_parquet_is_read_by_pyarrow_pandas_and_duckdb(filled_store_url: str, tmp_path: Path) -> None:
    path = export(filled_store_url, tmp_path / "events.parquet", "--format", "parquet")
    table = pq.read_table(path)
    assert table.column("id").to_pylist() == ["sdn-1", "ukr-1", "ukr-2"]
    assert json.loads(table.column("plover")[0].as_py()) == CLASH.model_dump(mode="json")
    frame = pandas.read_parquet(path)
    assert dict(zip(frame["id"], frame["country"], strict=True)) == {"sdn-1": "SDN", "ukr-1": "UKR", "ukr-2": "RUS"}
    query = "SELECT id, fatalities, latitude FROM read_parquet(?) WHERE date < DATE '2024-06-01'"
    assert duckdb.execute(query, [str(path)]).fetchall() == [("sdn-1", 12, 13.63)]
