"""The places layer: how long the gazetteer takes to build and how large it is, and what resolving the place
names of an article costs as a share of extracting the article (article layer and event coding) over the same
texts. Resolution reads the spaCy parse the event coder already made, so parsing is not counted twice.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from benchmarks.events import article_texts
from treve.config import load_settings
from treve.pipeline import Pipeline
from treve.records import RawItem
from treve.resources.gazetteer import Gazetteer, build_gazetteer, open_gazetteer
from treve.stages.nlp import LanguageModels
from treve.stages.places import resolve_places


def measure_gazetteer_build() -> dict[str, float | int]:
    """A fresh build into a temporary folder (the shipped store is not touched)."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = build_gazetteer(Path(folder) / "gazetteer.sqlite")
        seconds = time.perf_counter() - started
        stats = Gazetteer(path).stats()
    return {"build_seconds": round(seconds, 1), "size_mb": round(stats["bytes"] / 1e6, 1), **stats}


def measure_places(folder: Path, *, rounds: int, build: bool = True) -> dict[str, float | int]:
    texts = article_texts(folder)
    gazetteer = open_gazetteer()
    models = LanguageModels()
    settings = load_settings()
    docs = [(language, models.parse(text, language)) for language, text in texts]
    resolve_places(docs[0][1], docs[0][0], gazetteer)  # models and caches loaded before timing
    extraction_best = places_best = float("inf")
    mentions = 0
    for _ in range(rounds):
        # A new pipeline each round (built outside the timing): a text seen before is a cheaper duplicate.
        pipeline = Pipeline(settings)
        started = time.perf_counter()
        for _, text in texts:
            pipeline.process(RawItem(path="article.txt", format="text", text=text))
        extraction_best = min(extraction_best, time.perf_counter() - started)
        started = time.perf_counter()
        mentions = sum(len(resolve_places(doc, language, gazetteer)) for language, doc in docs)
        places_best = min(places_best, time.perf_counter() - started)
    report: dict[str, float | int] = {
        "texts": len(texts),
        "place_mentions": mentions,
        "extraction_seconds": round(extraction_best, 2),
        "places_seconds": round(places_best, 3),
        "places_to_extraction_ratio": round(places_best / extraction_best, 3),
    }
    return {**(measure_gazetteer_build() if build else {}), **report}


if __name__ == "__main__":
    from benchmarks.common import DEFAULT_PAGES

    print(json.dumps(measure_places(DEFAULT_PAGES, rounds=1), indent=2))
