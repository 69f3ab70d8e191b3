"""Score toponym resolution and end-to-end geoparsing against GeoWebNews (`GWN.xml`), LGL (`lgl.xml`) or
GeoVirus (`GeoVirus.xml`), whichever layout the file has.

Each file holds articles with their text and gold toponyms (character offsets into the text, and coordinates):

- GeoWebNews: `<toponym>` elements with `<start>`, `<end>`, `<latitude>`, `<longitude>` (toponyms without
  coordinates, such as demonyms and common nouns, are not places and are left out); article id `file`;
- LGL: `<toponym>` elements with `<start>`, `<end>` and a `<gaztag>` holding `<lat>` and `<lon>`; id `docid`;
- GeoVirus: `<locations>` of `<location>` elements with `<name>`, `<start>`, `<end>`, `<lat>`, `<lon>`, whose
  offsets count from 1: shifted back by one, they must select the name, or the toponym is left out (and
  counted as `dropped`); its articles have no id, their `<source>` address is one.

An article's id decides its part (`--part`, see `evaluate.parts`), so fitted weights never meet the check part.

- Resolution: the gold spans are given and resolved together with the whole article as context. Figures as
  Gritta et al. define them ("What's missing in geographical parsing?", 2018; "A pragmatic guide to
  geoparsing evaluation", 2019): the share of errors within 161 km (100 miles), mean and median error in km,
  and the AUC of the error curve, the area under sorted log(1 + error) normalised by log(20,039 km), the
  largest error on Earth (0 is perfect, 1 the worst); a name left unresolved counts as 20,039 km.
- End to end: treve finds the place names itself; a predicted span is right when its offsets equal a gold
  span's. Precision, recall and F1 of the spans, and accuracy within 161 km of the matched ones.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any

from treve.errors import EvaluationError
from treve.evaluate.parts import Part, in_part
from treve.evaluate.scoring import scores_from_counts
from treve.records import PlaceMention
from treve.resources.gazetteer import distance_km

ACCURACY_KM = 161.0
MAX_ERROR_KM = 20039.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym]


class Layout(StrEnum):
    """The published gold layouts the reader knows."""

    geowebnews = "GeoWebNews"
    lgl = "LGL"
    geovirus = "GeoVirus"


@dataclass(frozen=True)
class GoldFile:
    layout: Layout
    articles: list[GoldArticle]
    dropped: int  # toponyms whose offsets do not select their name


Resolver = Callable[[str, Sequence[tuple[int, int]]], list[PlaceMention]]
Geoparser = Callable[[str], list[PlaceMention]]

# GeoVirus counts offsets from 1.
GEOVIRUS_SHIFT = -1


def _number(element: ET.Element, *paths: str) -> float | None:
    for path in paths:
        value = (element.findtext(path) or "").strip()
        if value:
            try:
                return float(value)
            except ValueError:
                return None
    return None


def _toponym(
    element: ET.Element, text: str, shift: int, coordinates: tuple[Sequence[str], Sequence[str]]
) -> GoldToponym | None:
    lat, lon = (_number(element, *paths) for paths in coordinates)
    start, end = _number(element, "start"), _number(element, "end")
    if lat is None or lon is None or start is None or end is None:
        return None
    first, last = int(start) + shift, int(end) + shift
    if not 0 <= first < last <= len(text):
        return None
    return GoldToponym(first, last, text[first:last], lat, lon)


def _layout(root: ET.Element) -> Layout | None:
    if root.find(".//toponym/gaztag") is not None:
        return Layout.lgl
    if root.find(".//toponym") is not None:
        return Layout.geowebnews
    if root.find(".//locations/location") is not None:
        return Layout.geovirus
    return None


def _article_id(article: ET.Element, layout: Layout, number: int) -> str:
    if layout is Layout.geovirus:
        return (article.findtext("source") or "").strip() or str(number)
    return article.get("file") or article.get("docid") or str(number)


def _article_toponyms(article: ET.Element, text: str, layout: Layout) -> tuple[list[GoldToponym], int]:
    """The toponyms with coordinates, and how many GeoVirus ones were left out for offsets that miss the name."""
    if layout is not Layout.geovirus:
        found = (
            _toponym(t, text, 0, (("latitude", "gaztag/lat"), ("longitude", "gaztag/lon")))
            for t in article.iter("toponym")
        )
        return [t for t in found if t is not None], 0
    toponyms, dropped = [], 0
    for element in article.iter("location"):
        toponym = _toponym(element, text, GEOVIRUS_SHIFT, (("lat",), ("lon",)))
        name = (element.findtext("name") or "").strip()
        if toponym is not None and toponym.name == name:
            toponyms.append(toponym)
        elif _number(element, "lat") is not None:
            dropped += 1
    return toponyms, dropped


_PASS = "pass GWN.xml, lgl.xml or GeoVirus.xml"


def load_gold(path: Path, limit: int | None = None, part: Part = Part.all) -> GoldFile:
    """The articles of `part` of a GeoWebNews, LGL or GeoVirus file, the first `limit` only when given."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvaluationError(
            f"{path}: cannot read the gold XML ({exc}); pass GWN.xml, lgl.xml or GeoVirus.xml"
        ) from exc
    layout = _layout(root)
    if layout is None:
        raise EvaluationError(f"{path}: no toponym with coordinates; pass GWN.xml, lgl.xml or GeoVirus.xml")
    articles, dropped = [], 0
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text")
        if text is None:
            raise EvaluationError(f"{path}: an <article> without <text>; {_PASS}")
        identifier = _article_id(article, layout, number)
        if not in_part(identifier, part):
            continue
        toponyms, missed = _article_toponyms(article, text, layout)
        articles.append(GoldArticle(identifier, text, toponyms))
        dropped += missed
        if limit is not None and len(articles) >= limit:
            break
    if not any(article.toponyms for article in articles):
        raise EvaluationError(f"{path}: no toponym with coordinates; {_PASS}")
    return GoldFile(layout, articles, dropped)


def _error_km(gold: GoldToponym, mention: PlaceMention | None) -> float:
    place = mention.place if mention is not None else None
    if place is None or place.lat is None or place.lon is None:
        return MAX_ERROR_KM
    return distance_km(gold.lat, gold.lon, place.lat, place.lon)


def error_scores(errors: Sequence[float]) -> dict[str, float | int]:
    """Accuracy within 161 km, mean and median error, and Gritta's AUC of the errors."""
    if not errors:
        return {"n": 0, "accuracy_161km": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    logs = sorted(math.log(1 + error) for error in errors)
    area = sum((a + b) / 2 for a, b in pairwise(logs))  # the trapezoidal rule, unit steps
    auc = area / (math.log(MAX_ERROR_KM) * (len(logs) - 1)) if len(logs) > 1 else logs[0] / math.log(MAX_ERROR_KM)
    return {
        "n": len(errors),
        "accuracy_161km": sum(error < ACCURACY_KM for error in errors) / len(errors),
        "mean_km": statistics.fmean(errors),
        "median_km": statistics.median(errors),
        "auc": auc,
    }


def score_resolution(articles: Sequence[GoldArticle], resolve: Resolver) -> dict[str, float | int]:
    """Resolve every article's gold spans together and score the errors."""
    errors = []
    for article in articles:
        spans = [(t.start, t.end) for t in article.toponyms]
        resolved = {(m.start, m.end): m for m in resolve(article.text, spans)}
        errors.extend(_error_km(gold, resolved.get((gold.start, gold.end))) for gold in article.toponyms)
    return error_scores(errors)


def score_end_to_end(articles: Sequence[GoldArticle], geoparse: Geoparser) -> dict[str, float]:
    """Span precision, recall and F1 of treve's own place names, and accuracy within 161 km of the matched."""
    tp = fp = fn = close = 0
    for article in articles:
        gold = {(t.start, t.end): t for t in article.toponyms}
        predicted = {(m.start, m.end): m for m in geoparse(article.text)}
        matched = gold.keys() & predicted.keys()
        tp, fp, fn = tp + len(matched), fp + len(predicted) - len(matched), fn + len(gold) - len(matched)
        close += sum(_error_km(gold[span], predicted[span]) < ACCURACY_KM for span in matched)
    scores = scores_from_counts(tp, fp, fn)
    return {
        "precision": scores.precision,
        "recall": scores.recall,
        "f1": scores.f1,
        "accuracy_161km": close / tp if tp else 0.0,
    }


def score_geoparsing(
    gold: Path, resolve: Resolver, geoparse: Geoparser, limit: int | None = None, part: Part = Part.all
) -> dict[str, Any]:
    """Both figures on `part` of one gold file (see the module's doc), with the layout read."""
    found = load_gold(gold, limit, part)
    return {
        "layout": found.layout.value,
        "part": part.value,
        "articles": len(found.articles),
        "dropped": found.dropped,
        "resolution": score_resolution(found.articles, resolve),
        "end_to_end": score_end_to_end(found.articles, geoparse),
    }
