"""Peak memory of `treve extract` streaming a WARC.gz of many records, built here from real pages.

The archive is written with warcio as CC-NEWS ships it (gzip per record, HTTP response records with
HTML bodies), then `treve extract --format jsonl --no-events` (the article layer) reads it in a child
process whose peak RSS is read from the operating system after it exits.
"""

from __future__ import annotations

import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from benchmarks.common import load_pages, run_measuring_peak_memory


def write_warc(path: Path, pages: list[bytes], records: int) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number in range(records):
            page = pages[number % len(pages)]
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example.invalid/{number}", "response", payload=BytesIO(page), http_headers=headers
            )
            writer.write_record(record)


def measure_warc_memory(folder: Path, *, records: int) -> dict[str, float | int]:
    pages = load_pages(folder)
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "news.warc.gz"
        write_warc(archive, pages, records)
        started = time.perf_counter()
        status, errors, peak_mb = run_measuring_peak_memory(
            [sys.executable, "-m", "treve.cli", "extract", str(archive), "--format", "jsonl", "--no-events"]
        )
        seconds = time.perf_counter() - started
        size_mb = archive.stat().st_size / 1e6
    return {
        "records": records,
        "archive_mb": round(size_mb, 1),
        "exit_status": status,
        "errors_reported": errors.count(b"\n"),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak_mb, 1),
        "target_peak_rss_mb": 500,
    }
