"""The ceasefire-cost benchmark runs end to end on small stores (the real figures come from `make bench`)."""

from __future__ import annotations

from benchmarks.ceasefires import measure_ceasefires


def test_ceasefire_benchmark_times_the_same_new_articles_into_stores_of_each_size() -> None:
    report = measure_ceasefires(sizes=(0, 200), new=60, rounds=1)
    assert set(report["seconds"]) == {"0", "200"} and report["ratio_to_first"]["0"] == 1.0
    assert report["ceasefires_stored_after"]["200"] > report["ceasefires_stored_after"]["0"] > 0
