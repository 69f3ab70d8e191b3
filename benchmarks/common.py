"""What the benchmarks share: where the development pages are and how they are read."""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from tests.store_fixtures import fresh_postgres_database, throwaway_postgres
from treve.ingest import read_inputs
from treve.records import RawItem
from treve.stages.clean import Cleaner

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


def clean_texts(pages: list[bytes]) -> list[str]:
    """The clean text of each page that has one, in order."""
    cleaner = Cleaner()
    texts = []
    with tempfile.TemporaryDirectory() as scratch:
        for number, page in enumerate(pages):
            path = Path(scratch) / f"{number}.html"
            path.write_bytes(page)
            for item in read_inputs([str(path)], stdin=None, max_item_bytes=10_000_000):
                if isinstance(item, RawItem) and (article := cleaner(item)).text:
                    texts.append(article.text)
    return texts


@contextmanager
def postgres_database(postgres_url: str | None) -> Iterator[str]:
    """A fresh database on the server at `postgres_url`, else in a throwaway cluster (fsync on); PostgresUnavailable
    (tests.store_fixtures) when neither can be had."""
    with ExitStack() as stack:
        server = postgres_url or stack.enter_context(throwaway_postgres(durable=True))
        yield stack.enter_context(fresh_postgres_database(server))
