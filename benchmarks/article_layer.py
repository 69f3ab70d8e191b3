"""Throughput of treve's article layer on real pages, as a ratio to `trafilatura.extract` alone.

Both run over the same pages in the same process, alternating in rounds so that machine noise hits both;
each side's best round is kept. The baseline gets the page decoded the way treve decodes it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from benchmarks.common import load_pages
from treve.config import load_settings
from treve.errors import TreveError
from treve.pipeline import Pipeline
from treve.records import RawItem
from treve.stages.decode import decode_bytes


def _seconds(work: Callable[[bytes], object], pages: list[bytes]) -> float:
    started = time.perf_counter()
    for page in pages:
        work(page)
    return time.perf_counter() - started


def measure_article_layer(folder: Path, *, rounds: int) -> dict[str, float | int]:
    pages = load_pages(folder)

    def baseline(page: bytes) -> object:
        return trafilatura.extract(decode_bytes(page))

    def article_layer(pipeline: Pipeline) -> Callable[[bytes], object]:
        def process(page: bytes) -> object:
            try:
                return pipeline.process(RawItem(path="page.html", format="html", data=page))
            except TreveError:
                return None

        return process

    settings = load_settings()
    baseline_best = treve_best = float("inf")
    for _ in range(rounds):
        baseline_best = min(baseline_best, _seconds(baseline, pages))
        # A new pipeline each round (built outside the timing): pages seen in an earlier round would
        # otherwise be exact duplicates, which are cheaper to process.
        treve_best = min(treve_best, _seconds(article_layer(Pipeline(settings, events=False)), pages))
    return {
        "pages": len(pages),
        "trafilatura_pages_per_second": round(len(pages) / baseline_best, 2),
        "treve_pages_per_second": round(len(pages) / treve_best, 2),
        "throughput_ratio": round(baseline_best / treve_best, 3),
        "target_ratio": 0.7,
    }
