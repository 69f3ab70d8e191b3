"""Time and peak memory of `treve extract` (events included) on one long text, against its length.

The text is the clean text of the real pages the other benchmarks read, joined and repeated to each length; each
length is read by `treve extract --format jsonl` in a child process whose peak RSS is read after it exits. A long
text is read as a sequence of stories of 50,000 characters (`EventCoder.code_article`), and the cleaning and
near-duplicate steps are linear in it: seconds per million characters and peak memory should stay flat as the
length grows. Target (issue 15): peak RSS under 1 GB for any single input up to the 10 MB item limit.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import DEFAULT_PAGES, clean_texts, load_pages, run_measuring_peak_memory

TARGET_PEAK_MB = 1000
PUBLISHED = "2024-03-12"  # any day: the text's relative dates need one


def long_text(pages: list[bytes], characters: int) -> str:
    """The pages' clean texts, one paragraph after another, repeated until the text is `characters` long."""
    body = "\n\n".join(clean_texts(pages))
    return ("\n\n".join([body] * (characters // max(1, len(body)) + 1)))[:characters]


def measure_long_text(folder: Path, *, lengths: tuple[int, ...] = (250_000, 1_000_000)) -> dict[str, Any]:
    pages = load_pages(folder)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for characters in lengths:
            path = Path(scratch) / f"long{characters}.txt"
            path.write_text(long_text(pages, characters), encoding="utf-8")
            started = time.perf_counter()
            status, _, peak_mb = run_measuring_peak_memory(
                [sys.executable, "-m", "treve.cli", "extract", str(path), "--format", "jsonl", "--published", PUBLISHED]
            )
            seconds = time.perf_counter() - started
            rows.append(
                {
                    "characters": characters,
                    "exit_status": status,
                    "seconds": round(seconds, 1),
                    "seconds_per_million": round(seconds / characters * 1e6, 1),
                    "peak_rss_mb": round(peak_mb, 1),
                }
            )
    return {"lengths": rows, "target_peak_rss_mb": TARGET_PEAK_MB}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of .html.gz pages")
    parser.add_argument("--lengths", type=int, nargs="+", default=[250_000, 1_000_000], help="characters")
    args = parser.parse_args()
    print(json.dumps(measure_long_text(args.pages, lengths=tuple(args.lengths)), indent=2))


if __name__ == "__main__":
    main()
