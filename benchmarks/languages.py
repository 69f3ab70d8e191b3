"""Event coding per language: words per second of treve's story reading on the real articles of
`../shared/news/<language>/` (read in place, never copied), and the peak memory of one process with every
language's pipeline and lexicons loaded, and the multilingual encoder.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from benchmarks.common import run_measuring_peak_memory
from treve.config import load_settings
from treve.errors import TreveError
from treve.ingest import read_inputs
from treve.pipeline import Pipeline
from treve.records import ItemError
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

NEWS = Path(__file__).resolve().parents[2] / "shared" / "news"
# The six read with treve's own words, then two read by the multilingual encoder (stages/multilingual.py).
LANGUAGES = ("fr", "en", "es", "ru", "ar", "uk", "de", "it")
TARGET_PEAK_RSS_MB = 2000


def _texts(language: str, folder: Path) -> list[str]:
    """The clean bodies treve's article layer reads from the language's articles (.txt or .html)."""
    pipeline = Pipeline(load_settings(), events=False)
    paths = sorted(p for p in (folder / language).glob("*") if p.suffix in (".txt", ".html"))
    texts = []
    for item in read_inputs([str(path) for path in paths]):
        if isinstance(item, ItemError):
            continue
        try:
            texts.append(pipeline.process(item).text)
        except TreveError:
            continue
    return texts


def measure_languages(folder: Path = NEWS, *, rounds: int) -> dict[str, object]:
    models = LanguageModels()
    coder = EventCoder(models)
    speeds: dict[str, object] = {}
    for language in LANGUAGES:
        texts = _texts(language, folder)
        if not texts:
            continue
        coder.code_text(texts[0], language, None)  # pipeline and lexicons loaded before timing
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            for text in texts:
                coder.code_text(text, language, None)
            best = min(best, time.perf_counter() - started)
        words = sum(len(text.split()) for text in texts)
        speeds[language] = {"articles": len(texts), "words": words, "words_per_second": round(words / best)}
    return {
        "words_per_second": speeds,
        "peak_rss_mb_all_languages": _peak_memory_all_languages(),
        "target_peak_rss_mb": TARGET_PEAK_RSS_MB,
    }


def _peak_memory_all_languages() -> float:
    """Peak RSS of a fresh process that codes one sentence in each language (every pipeline loaded)."""
    sentences = {
        "fr": "La Russie a déclaré mardi avoir négocié un cessez-le-feu.",
        "en": "Russia said on Tuesday it had brokered a ceasefire.",
        "es": "Rusia anunció el martes un alto el fuego.",
        "ru": "Россия во вторник объявила о прекращении огня.",
        "ar": "أعلنت روسيا الثلاثاء وقف إطلاق النار.",
        "uk": "Росія у вівторок оголосила про припинення вогню.",
        "de": "Russland hat am Dienstag eine Waffenruhe verkündet.",
    }
    script = (
        "from treve.stages.events import EventCoder; from treve.stages.nlp import LanguageModels; "
        f"c = EventCoder(LanguageModels()); [c.code_text(t, l, None) for l, t in {sentences!r}.items()]"
    )
    status, errors, peak_mb = run_measuring_peak_memory([sys.executable, "-c", script])
    if status != 0:
        raise SystemExit(f"the memory probe failed: {errors.decode(errors='replace')}")
    return round(peak_mb, 1)


if __name__ == "__main__":
    print(json.dumps(measure_languages(rounds=1), indent=2))
