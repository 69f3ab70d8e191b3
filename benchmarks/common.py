"""What the benchmarks share: where the development pages are and how they are read."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "article-extraction" / "html"


def load_pages(folder: Path) -> list[bytes]:
    """The raw bytes of every .html.gz page in `folder`, in name order."""
    pages = [gzip.decompress(path.read_bytes()) for path in sorted(folder.glob("*.html.gz"))]
    if not pages:
        raise SystemExit(f"{folder}: no .html.gz pages; pass --pages DIR")
    return pages


# A child's peak RSS as the kernel reports it counts the pages it shared with its parent before exec, so
# a large benchmark process would inflate it: a small Python process starts the command and reports it.
_MEASURE = (
    "import resource, subprocess, sys; "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
    "sys.stderr.buffer.write(done.stderr); "
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_measuring_peak_memory(command: list[str]) -> tuple[int, bytes, float]:
    """Run `command`; return its exit status, its standard error and its peak RSS in MB."""
    completed = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, check=True)
    status, peak_kb = completed.stdout.split()
    return int(status), completed.stderr, int(peak_kb) / 1024
