"""Event coding over real article texts, as a throughput ratio to spaCy's `nlp.pipe` alone with the same
model over the same texts in the same run; and the peak memory of a process with both languages loaded.

The texts are the article bodies treve extracts from the development pages (mostly English) plus the
French seed article and sample stories; each text is coded in its detected language.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from benchmarks.common import load_pages, run_measuring_peak_memory
from treve.config import load_settings
from treve.errors import TreveError
from treve.normalise import normalise_for_processing
from treve.pipeline import Pipeline
from treve.records import RawItem
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

ROOT = Path(__file__).resolve().parents[1]
FRENCH = [ROOT.parent / "shared" / "seed" / "article_fr.txt", ROOT / "examples" / "fr_mali_scrape.txt"]


def article_texts(folder: Path) -> list[tuple[str, str]]:
    """(language, text) of every page the article layer reads, and of the French samples."""
    pipeline = Pipeline(load_settings(), events=False)
    texts = []
    sources = [RawItem(path="page.html", format="html", data=page) for page in load_pages(folder)]
    sources += [RawItem(path=str(path), format="text", data=path.read_bytes()) for path in FRENCH if path.exists()]
    for item in sources:
        try:
            article = pipeline.process(item)
        except TreveError:
            continue
        if article.language in ("en", "fr"):
            texts.append((article.language, article.text))
    return texts


def measure_events(folder: Path, *, rounds: int) -> dict[str, float | int]:
    texts = article_texts(folder)
    models = LanguageModels()
    coder = EventCoder(models)
    by_language = {lang: [normalise_for_processing(t) for code, t in texts if code == lang] for lang in ("en", "fr")}
    for lang, _ in texts[:2]:
        models.get(lang)
    coder.code_text(texts[0][1], texts[0][0], None)  # resources loaded before timing
    spacy_best = treve_best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for lang, batch in by_language.items():
            for _doc in models.get(lang).pipe(batch):
                pass
        spacy_best = min(spacy_best, time.perf_counter() - started)
        started = time.perf_counter()
        events = sum(len(coder.code_text(text, lang, None)) for lang, text in texts)
        treve_best = min(treve_best, time.perf_counter() - started)
    return {
        "texts": len(texts),
        "characters": sum(len(t) for _, t in texts),
        "events": events,
        "spacy_pipe_seconds": round(spacy_best, 2),
        "treve_seconds": round(treve_best, 2),
        "throughput_ratio": round(spacy_best / treve_best, 3),
        "target_ratio": 0.25,
        "peak_rss_mb_both_languages": _peak_memory_both_languages(),
        "target_peak_rss_mb": 1500,
    }


def _peak_memory_both_languages() -> float:
    """Peak RSS of a fresh process that codes a French and an English text (both models loaded)."""
    script = (
        "from treve.stages.events import EventCoder; from treve.stages.nlp import LanguageModels; "
        "c = EventCoder(LanguageModels()); "
        "c.code_text('La Russie a déclaré mardi avoir négocié un cessez-le-feu.', 'fr', None); "
        "c.code_text('Russia said on Tuesday it had brokered a ceasefire.', 'en', None)"
    )
    status, errors, peak_mb = run_measuring_peak_memory([sys.executable, "-c", script])
    if status != 0:
        raise SystemExit(f"the memory probe failed: {errors.decode(errors='replace')}")
    return round(peak_mb, 1)


if __name__ == "__main__":
    from benchmarks.common import DEFAULT_PAGES

    print(json.dumps(measure_events(DEFAULT_PAGES, rounds=1), indent=2))
