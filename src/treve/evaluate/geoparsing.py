"""Score toponym resolution and end-to-end geoparsing against GeoWebNews (`GWN.xml`) or LGL (`lgl.xml`).

Both files hold articles with their text and gold toponyms (character offsets into the text, and coordinates):
GeoWebNews as `<toponym>` elements with `<start>`, `<end>`, `<latitude>`, `<longitude>` (toponyms without
coordinates, such as demonyms and common nouns, are not places and are left out); LGL as `<toponym>` elements
with `<start>`, `<end>` and a `<gaztag>` holding `<lat>` and `<lon>`.

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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from treve.errors import EvaluationError
from treve.evaluate.scoring import scores_from_counts
from treve.resources.gazetteer import distance_km
from treve.stages.places import PlaceMention

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
    text: str
    toponyms: list[GoldToponym]


Resolver = Callable[[str, Sequence[tuple[int, int]]], list[PlaceMention]]
Geoparser = Callable[[str], list[PlaceMention]]


def _coordinate(element: ET.Element, *paths: str) -> float | None:
    for path in paths:
        value = (element.findtext(path) or "").strip()
        if value:
            return float(value)
    return None


def _toponyms(article: ET.Element, text: str) -> Iterator[GoldToponym]:
    for toponym in article.iter("toponym"):
        lat = _coordinate(toponym, "latitude", "gaztag/lat")
        lon = _coordinate(toponym, "longitude", "gaztag/lon")
        start, end = toponym.findtext("start"), toponym.findtext("end")
        if lat is None or lon is None or start is None or end is None:
            continue
        yield GoldToponym(int(start), int(end), text[int(start) : int(end)], lat, lon)


def load_gold(path: Path, limit: int | None = None) -> list[GoldArticle]:
    """The articles of a GeoWebNews or LGL file, the first `limit` only when given."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvaluationError(f"{path}: cannot read the gold XML ({exc}); pass GWN.xml or lgl.xml") from exc
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text")
        if text is None:
            raise EvaluationError(f"{path}: an <article> without <text>; pass GWN.xml or lgl.xml")
        articles.append(GoldArticle(text, list(_toponyms(article, text))))
        if limit is not None and len(articles) >= limit:
            break
    if not any(article.toponyms for article in articles):
        raise EvaluationError(f"{path}: no toponym with coordinates; pass GWN.xml or lgl.xml")
    return articles


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
    gold: Path, resolve: Resolver, geoparse: Geoparser, limit: int | None = None
) -> dict[str, dict[str, float | int]]:
    """Both figures on one gold file (see the module's doc)."""
    articles = load_gold(gold, limit)
    return {"resolution": score_resolution(articles, resolve), "end_to_end": score_end_to_end(articles, geoparse)}
