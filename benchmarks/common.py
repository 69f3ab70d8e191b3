"""What the benchmarks share: where the development pages are and how they are read."""

from __future__ import annotations

import gzip
from pathlib import Path

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "article-extraction" / "html"


def load_pages(folder: Path) -> list[bytes]:
    """The raw bytes of every .html.gz page in `folder`, in name order."""
    pages = [gzip.decompress(path.read_bytes()) for path in sorted(folder.glob("*.html.gz"))]
    if not pages:
        raise SystemExit(f"{folder}: no .html.gz pages; pass --pages DIR")
    return pages
