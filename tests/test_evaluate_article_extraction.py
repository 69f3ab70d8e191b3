"""The article-extraction scorer reproduces the benchmark's shingle metric and checks its gold folder."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from treve.errors import EvaluationError
from treve.evaluate.article_extraction import page_counts, score_article_extraction

GOLD_SET = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "article-extraction"
# treve's extractor reached F1 0.9706 on the 123 development pages (precision 0.960, recall 0.982).
REACHED_F1 = 0.9706


def write_gold(folder: Path, pages: dict[str, tuple[str, str]]) -> Path:
    """A gold folder like the benchmark's: html/<stem>.html.gz plus ground-truth.json (stem -> body)."""
    (folder / "html").mkdir(parents=True)
    truth = {}
    for stem, (html, gold_body) in pages.items():
        (folder / "html" / f"{stem}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[stem] = {"articleBody": gold_body, "url": f"https://example.org/{stem}"}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def canned(answers: dict[str, str]):
    """An extractor that answers, for each page, the text filed under the page's <title>."""

    def extract(page: bytes) -> str:
        title = page.decode("utf-8").split("<title>")[1].split("</title>")[0]
        return answers[title]

    return extract


def page(title: str) -> str:
    return f"<html><head><title>{title}</title></head><body><p>...</p></body></html>"


def test_one_extra_shingle_costs_precision_and_a_missed_one_costs_recall(tmp_path: Path) -> None:
    # Page a: gold has 2 shingles, the extraction 3 (one extra) -> precision 2/3, recall 1.
    # Page b: gold has 3 shingles, the extraction 1 of them -> precision 1, recall 1/3.
    gold = write_gold(
        tmp_path / "gold",
        {"a": (page("a"), "w1 w2 w3 w4 w5"), "b": (page("b"), "v1 v2 v3 v4 v5 v6")},
    )
    scores = score_article_extraction(gold, canned({"a": "w1 w2 w3 w4 w5 w6", "b": "v1 v2 v3 v4"}))
    assert scores["n"] == 2
    assert scores["precision"] == pytest.approx((2 / 3 + 1) / 2)
    assert scores["recall"] == pytest.approx((1 + 1 / 3) / 2)
    assert scores["f1"] == pytest.approx(2 * (5 / 6) * (2 / 3) / (5 / 6 + 2 / 3))


def test_every_page_weighs_the_same_whatever_its_length(tmp_path: Path) -> None:
    long_gold = " ".join(f"t{i}" for i in range(400))
    gold = write_gold(tmp_path / "gold", {"long": (page("long"), long_gold), "short": (page("short"), "s1 s2 s3 s4")})
    scores = score_article_extraction(gold, canned({"long": long_gold, "short": "x1 x2 x3 x4"}))
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == pytest.approx(0.5)


def test_an_empty_extraction_counts_against_recall_only(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold", {"a": (page("a"), "w1 w2 w3 w4 w5"), "b": (page("b"), "v1 v2 v3 v4")})
    scores = score_article_extraction(gold, canned({"a": "w1 w2 w3 w4 w5", "b": ""}))
    assert scores["precision"] == pytest.approx(1.0)  # page b extracted nothing: no precision to average
    assert scores["recall"] == pytest.approx(0.5)


def test_words_are_runs_of_letters_and_digits_so_punctuation_and_spacing_do_not_matter() -> None:
    assert page_counts("Kyiv, 3 March: shelling resumed.", "Kyiv 3 March —  shelling resumed") == (1.0, 0.0, 0.0)


def test_repeated_shingles_count_as_often_as_they_occur() -> None:
    # The doubled extraction has 5 shingles: "a b c d" twice (one matched, one extra) and 3 new ones.
    assert page_counts("a b c d", "a b c d a b c d") == pytest.approx((1 / 5, 4 / 5, 0.0))


def test_by_default_treve_extractor_is_scored_on_the_raw_page_bytes(tmp_path: Path) -> None:
    story = "Les secours ont évacué mardi plusieurs centaines d’habitants du quartier après les frappes de la nuit."
    html = f"<html><head><title>t</title></head><body><nav><a href='/'>Accueil</a></nav><p>{story}</p></body></html>"
    scores = score_article_extraction(write_gold(tmp_path / "gold", {"a": (html, story)}))
    assert scores == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 1}


def test_a_missing_folder_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such folder") as error:
        score_article_extraction(tmp_path / "absent")
    assert "\n" not in str(error.value)


def test_a_folder_without_ground_truth_is_an_evaluation_error(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    with pytest.raises(EvaluationError, match="ground-truth") as error:
        score_article_extraction(tmp_path)
    assert "\n" not in str(error.value)


def test_a_gold_entry_without_its_page_is_an_evaluation_error(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold", {"a": (page("a"), "w1 w2 w3 w4")})
    (gold / "html" / "a.html.gz").unlink()
    with pytest.raises(EvaluationError, match=r"a\.html\.gz"):
        score_article_extraction(gold, canned({"a": ""}))


@pytest.mark.skipif(not GOLD_SET.is_dir(), reason="the article-extraction gold set is not in ../shared/eval")
def test_treve_beats_the_f1_it_reached_on_the_development_pages_less_a_point() -> None:
    scores = score_article_extraction(GOLD_SET)
    assert scores["f1"] >= REACHED_F1 - 0.01
