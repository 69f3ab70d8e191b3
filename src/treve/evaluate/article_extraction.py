"""Score article-body extraction against a gold set laid out like Zyte's article-extraction benchmark.

The folder holds `html/*.html.gz` pages and one `ground-truth*.json` mapping each page's file-name stem
to {"articleBody", "url"}. The metric is the benchmark's own (its `evaluate.py`), so figures compare
with its published tables: per page, word 4-gram shingles of the gold and the extracted body are
matched as multisets, the true-positive / false-positive / false-negative counts are normalised to sum
to one so long articles do not outweigh short ones, precision and recall are averaged over the pages
where they are defined, and F1 is taken from the two means.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from treve.errors import EvaluationError, InputError

SHINGLE_WORDS = 4
# The benchmark's tokeniser: runs of word characters, case kept; no language-specific splitting.
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


class PageCounts(NamedTuple):
    """One page's shingle matches, normalised to sum to one (all zero when both texts are empty)."""

    tp: float
    fp: float
    fn: float


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    """Word 4-grams of the text; a text shorter than four words is one shorter shingle, as in the benchmark."""
    tokens = _TOKEN.findall(text or "")
    count = max(1, len(tokens) - SHINGLE_WORDS + 1)
    return Counter(shingle for i in range(count) if (shingle := tuple(tokens[i : i + SHINGLE_WORDS])))


def page_counts(gold: str, extracted: str) -> PageCounts:
    """True/false positives and false negatives over shingles, as shares of their sum."""
    gold_shingles, extracted_shingles = _shingles(gold), _shingles(extracted)
    tp = sum((gold_shingles & extracted_shingles).values())
    fp = sum((extracted_shingles - gold_shingles).values())
    fn = sum((gold_shingles - extracted_shingles).values())
    total = tp + fp + fn
    if total == 0:
        return PageCounts(0.0, 0.0, 0.0)
    return PageCounts(tp / total, fp / total, fn / total)


def _precision(counts: PageCounts) -> float:
    if counts.fp == counts.fn == 0:
        return 1.0
    return counts.tp / (counts.tp + counts.fp) if counts.tp + counts.fp else 0.0


def _recall(counts: PageCounts) -> float:
    if counts.fp == counts.fn == 0:
        return 1.0
    return counts.tp / (counts.tp + counts.fn) if counts.tp + counts.fn else 0.0


def summarise(pages: list[PageCounts]) -> dict[str, float | int]:
    """Mean precision (pages with any extracted shingle), mean recall (pages with any gold shingle), F1."""
    precisions = [_precision(c) for c in pages if c.tp + c.fp > 0]
    recalls = [_recall(c) for c in pages if c.tp + c.fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "n": len(pages)}


def _treve_extract(page: bytes) -> str:
    """treve's own extractor; a page it refuses scores as an empty extraction."""
    from treve.stages.html import extract_html

    try:
        return extract_html(page).text
    except InputError:
        return ""


def load_gold(gold_dir: Path) -> dict[str, dict[str, str]]:
    """The gold mapping of the folder, checked for the layout the scorer needs."""
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: no such folder; point to a gold set with html/ and ground-truth*.json")
    truth_files = sorted(gold_dir.glob("ground-truth*.json"))
    if not truth_files:
        raise EvaluationError(f"{gold_dir}: no ground-truth*.json file; add the gold mapping next to html/")
    if len(truth_files) > 1:
        names = ", ".join(path.name for path in truth_files)
        raise EvaluationError(f"{gold_dir}: several gold files ({names}); keep exactly one ground-truth*.json")
    try:
        gold = json.loads(truth_files[0].read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{truth_files[0]}: unreadable gold JSON ({exc}); fix or replace the file") from exc
    if not isinstance(gold, dict) or not all(isinstance(v, dict) for v in gold.values()):
        raise EvaluationError(f"{truth_files[0]}: expected an object of page stem -> {{articleBody, url}}")
    return gold


def score_article_extraction(gold_dir: Path, extract: Callable[[bytes], str] | None = None) -> dict[str, float | int]:
    """Run `extract` on every gold page's raw bytes and score it with the benchmark's shingle metric.

    `extract` defaults to treve's `extract_html(...).text`. Returns precision, recall, F1 and the
    number of pages `n`. Raises `EvaluationError` when the folder, a gold file or a page is missing.
    """
    gold = load_gold(gold_dir)
    extractor = extract or _treve_extract
    counts: list[PageCounts] = []
    for stem, entry in sorted(gold.items()):
        page_path = gold_dir / "html" / f"{stem}.html.gz"
        try:
            page = gzip.decompress(page_path.read_bytes())
        except (OSError, EOFError, zlib.error) as exc:
            raise EvaluationError(f"{page_path}: gold page missing or unreadable ({exc}); restore it") from exc
        counts.append(page_counts(str(entry.get("articleBody") or ""), extractor(page) or ""))
    return summarise(counts)
