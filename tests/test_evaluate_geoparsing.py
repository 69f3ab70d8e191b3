"""The geoparsing scorer on tiny gold files in the GeoWebNews, LGL and GeoVirus layouts, and on the real ones."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from treve.errors import EvaluationError
from treve.evaluate.geoparsing import MAX_ERROR_KM, Layout, error_scores, load_gold, score_geoparsing
from treve.evaluate.parts import Part, part_of
from treve.records import Place, PlaceMention

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "geoparsing"
TEXT = "Clashes in Paris and Lyon, said the French."

GWN = f"""<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><link>l</link><text>{TEXT}</text><toponyms>
<toponym><extractedName>Paris</extractedName><type>Literal</type><nonLocational>No</nonLocational>
<start>11</start><end>16</end><geonamesID>2988507</geonamesID><latitude>48.85</latitude><longitude>2.35</longitude>
</toponym>
<toponym><extractedName>Lyon</extractedName><type>Literal</type><nonLocational>No</nonLocational>
<start>21</start><end>25</end><geonamesID/><latitude>45.75</latitude><longitude>4.85</longitude></toponym>
<toponym><extractedName>French</extractedName><type>Demonym</type><nonLocational>No</nonLocational>
<start>35</start><end>41</end></toponym>
</toponyms></article></articles>"""

LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><title>t</title><text><![CDATA[{TEXT}]]></text><toponyms>
<toponym><start>11</start><end>16</end><phrase>Paris</phrase><gaztag geonameid="2988507"><name>Paris</name>
<lat>48.85</lat><lon>2.35</lon></gaztag></toponym>
<toponym><start>21</start><end>25</end><phrase>Lyon</phrase><gaztag geonameid="2996944"><name>Lyon</name>
<lat>45.75</lat><lon>4.85</lon></gaztag></toponym>
</toponyms></article></articles>"""


# GeoVirus counts from 1: Paris is characters 12 to 17 there; the third location's offsets miss its name.
GEOVIRUS = f"""<articles><article><source>https://example.org/a</source><text>{TEXT}</text><locations>
<location><name>Paris</name><start>12</start><end>17</end><lat>48.85</lat><lon>2.35</lon></location>
<location><name>Lyon</name><start>22</start><end>26</end><lat>45.75</lat><lon>4.85</lon></location>
<location><name>Lyon</name><start>2</start><end>6</end><lat>45.75</lat><lon>4.85</lon></location>
</locations></article></articles>"""

LAYOUTS = [(GWN, Layout.geowebnews), (LGL, Layout.lgl), (GEOVIRUS, Layout.geovirus)]
LAYOUT_IDS = ["GeoWebNews", "LGL", "GeoVirus"]


def at(start: int, end: int, lat: float | None, lon: float | None) -> PlaceMention:
    place = Place(extracted_place=TEXT[start:end], lat=lat, lon=lon) if lat is not None else None
    return PlaceMention(start=start, end=end, text=TEXT[start:end], place=place)


def resolve_paris_only(text: str, spans: Sequence[tuple[int, int]]) -> list[PlaceMention]:
    """Paris exactly right, Lyon left unresolved."""
    return [at(s, e, 48.85, 2.35) if text[s:e] == "Paris" else at(s, e, None, None) for s, e in spans]


def geoparse(text: str) -> list[PlaceMention]:
    """Finds Paris (right) and "Clashes" (not a place); misses Lyon."""
    return [at(11, 16, 48.85, 2.35), at(0, 7, 0.0, 0.0)]


@pytest.mark.parametrize(("content", "layout"), LAYOUTS, ids=LAYOUT_IDS)
def test_every_layout_gives_the_toponyms_with_coordinates_at_offsets_from_zero(
    tmp_path: Path, content: str, layout: Layout
) -> None:
    path = tmp_path / "gold.xml"
    path.write_text(content, encoding="utf-8")
    found = load_gold(path)
    [article] = found.articles
    assert found.layout is layout
    assert [(t.name, t.start, t.lat, t.lon) for t in article.toponyms] == [
        ("Paris", 11, 48.85, 2.35),
        ("Lyon", 21, 45.75, 4.85),
    ]
    assert found.dropped == (1 if layout is Layout.geovirus else 0)


@pytest.mark.parametrize(("content", "layout"), LAYOUTS, ids=LAYOUT_IDS)
def test_an_unresolved_name_counts_as_the_largest_error_and_spans_must_match_exactly(
    tmp_path: Path, content: str, layout: Layout
) -> None:
    path = tmp_path / "gold.xml"
    path.write_text(content, encoding="utf-8")
    scores = score_geoparsing(path, resolve_paris_only, geoparse)
    assert scores["layout"] == layout.value
    resolution = scores["resolution"]
    assert resolution["n"] == 2 and resolution["accuracy_161km"] == 0.5
    assert resolution["mean_km"] == pytest.approx(MAX_ERROR_KM / 2)
    assert resolution["auc"] == pytest.approx(math.log(1 + MAX_ERROR_KM) / 2 / math.log(MAX_ERROR_KM))
    assert scores["end_to_end"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "accuracy_161km": 1.0}


def test_the_auc_is_zero_when_every_place_is_exact_and_one_when_every_place_is_missing() -> None:
    assert error_scores([0.0, 0.0, 0.0])["auc"] == 0.0
    assert error_scores([MAX_ERROR_KM] * 3)["auc"] == pytest.approx(math.log(1 + MAX_ERROR_KM) / math.log(MAX_ERROR_KM))
    assert error_scores([10.0, 200.0, 30.0])["median_km"] == 30.0


def test_a_file_that_is_not_a_gold_set_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "gold.xml"
    path.write_text("<articles><article><text>No places.</text></article></articles>", encoding="utf-8")
    with pytest.raises(EvaluationError, match="no toponym with coordinates"):
        load_gold(path)
    with pytest.raises(EvaluationError, match="cannot read"):
        load_gold(tmp_path / "missing.xml")


@pytest.mark.parametrize("name", ["GWN.xml", "lgl.xml"])
def test_the_real_gold_files_parse_and_their_offsets_point_at_the_names(name: str) -> None:
    path = GOLD / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared/eval/geoparsing")
    articles = load_gold(path).articles
    toponyms = [t for article in articles for t in article.toponyms]
    assert len(articles) > 100 and len(toponyms) > 2000
    assert all(t.name.strip() for t in toponyms)
    check = load_gold(path, part=Part.check).articles
    assert {article.id for article in check} == {a.id for a in articles if part_of(a.id) is Part.check}
    assert 0.25 < len(check) / len(articles) < 0.42
