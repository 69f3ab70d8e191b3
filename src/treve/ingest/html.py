"""HTML files (saved pages, .html.gz): one article per file, undecoded so the page's charset still applies."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from treve.ingest.common import read_document
from treve.records import ItemError, RawItem


def read_html(path: str, stream: BinaryIO, *, size: int | None, max_item_bytes: int) -> Iterator[RawItem | ItemError]:
    """The whole page as one HTML article, unless it is over `max_item_bytes` or blank."""
    return read_document(path, stream, format="html", size=size, max_item_bytes=max_item_bytes)
