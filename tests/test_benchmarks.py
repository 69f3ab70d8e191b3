"""The benchmarks run end to end on a few pages (the real figures come from `make bench`)."""

from __future__ import annotations

import gzip
from pathlib import Path

from benchmarks.api import Serving, measure_api
from benchmarks.article_layer import measure_article_layer
from benchmarks.events import measure_events
from benchmarks.languages import measure_languages
from benchmarks.long_text import measure_long_text
from benchmarks.scale import measure_scale
from benchmarks.warc_memory import measure_warc_memory

PAGE = (
    "<html><head><title>Clashes at the border, page {n}</title></head><body><nav>Home World</nav><article>"
    "<h1>Clashes at the border, page {n}</h1><p>Fighting broke out on day {n} near the border between the two "
    "armies, officials said, and at least {n} soldiers were wounded in the exchange of fire.</p><p>Both sides "
    "blamed each other for starting the clashes, which ended before dawn according to local residents.</p>"
    "</article><footer>© Example</footer></body></html>"
)


def pages(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n}.html.gz").write_bytes(gzip.compress(PAGE.format(n=n).encode()))
    return folder


def test_article_layer_benchmark_reports_a_ratio(tmp_path: Path) -> None:
    report = measure_article_layer(pages(tmp_path / "pages", 3), rounds=1)
    assert report["pages"] == 3
    assert report["throughput_ratio"] > 0


def test_warc_memory_benchmark_streams_every_record(tmp_path: Path) -> None:
    report = measure_warc_memory(pages(tmp_path / "pages", 4), records=12)
    assert report["exit_status"] == 0
    assert report["errors_reported"] == 0
    assert report["peak_rss_mb"] > 0


def test_events_benchmark_reports_a_ratio_and_the_memory_of_both_languages(tmp_path: Path) -> None:
    report = measure_events(pages(tmp_path / "pages", 2), rounds=1)
    assert report["texts"] >= 2 and report["events"] > 0
    assert report["throughput_ratio"] > 0
    assert report["peak_rss_mb_both_languages"] > 0


def test_languages_benchmark_reports_words_per_second_and_the_memory_of_every_language(tmp_path: Path) -> None:
    stories = {
        "fr": "Des soldats ont été tués lundi lors d'une attaque contre un poste militaire, selon l'armée.",
        "es": "Miles de personas marcharon el viernes en Lima contra el alza de los precios, según la policía.",
    }
    for language, text in stories.items():
        (tmp_path / language).mkdir()
        (tmp_path / language / "story.txt").write_text(text, encoding="utf-8")
    report = measure_languages(tmp_path, rounds=1)
    assert set(report["words_per_second"]) == {"fr", "es"}
    assert all(speed["words_per_second"] > 0 for speed in report["words_per_second"].values())
    assert report["peak_rss_mb_all_languages"] > 0


def test_long_text_benchmark_reads_each_length_whole(tmp_path: Path) -> None:
    report = measure_long_text(pages(tmp_path / "pages", 2), lengths=(2_000,))
    [row] = report["lengths"]
    assert (row["characters"], row["exit_status"]) == (2_000, 0)
    assert row["peak_rss_mb"] > 0 and row["seconds_per_million"] > 0


def test_scale_benchmark_kills_and_reruns_and_links_copies_across_runs(tmp_path: Path) -> None:
    report = measure_scale(pages(tmp_path / "pages", 6), articles=4, crash_articles=8, copies=2)
    assert report["crash"]["each_stored_once"] and len(report["crash"]["runs"]) == 4
    assert report["copies_across_runs"]["same_pairs"] and report["copies_across_runs"]["pairs_two_runs"] >= 2
    speed_up = report["throughput"]["speed_up_2_over_1_workers"]  # None: 4 articles may not outlast start-up noise
    assert speed_up is None or speed_up > 0
    assert set(report["throughput"]["seconds"]) == {"in_process", "workers_1", "workers_2"}
    assert all(0 < peak < 1500 for peak in report["worker_memory"]["peak_rss_mb_per_worker"])
    assert report["parse_cost"]["spacy_parse_seconds_per_article"] > 0


def test_api_benchmark_loads_the_served_store_from_a_second_process(postgres_server: str) -> None:
    serving = Serving(workers=2, writes_per_second=5)
    report = measure_api(events=500, seconds=1, clients=2, postgres_url=postgres_server, serving=serving)
    for backend in ("sqlite", "postgresql"):
        assert report[backend]["articles_written"] > 0
        for kind in (
            "events_country_31_days",
            "stats_country_by_month",
            "stats_all_by_month",
            "stats_all_by_month_totals",
        ):
            figures = report[backend][kind]
            assert figures["requests"] > 0 and 0 < figures["p50_ms"] <= figures["p99_ms"]
