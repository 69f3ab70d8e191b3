"""The store benchmark runs end to end on a few events (the real figures come from `make bench`)."""

from __future__ import annotations

from benchmarks.store import measure_store


def test_store_benchmark_reports_ingest_rates_and_query_times_on_both_databases(postgres_server: str) -> None:
    report = measure_store(events=200, ingest_articles=10, postgres_url=postgres_server)
    for database in ("sqlite", "postgresql"):
        figures = report[database]
        assert figures["events_stored"] == 200
        assert figures["ingest_reports_per_second"] > 0 and figures["bulk_reports_per_second"] > 0
        assert figures["query_ms_median"] > 0
