"""Plain-text files: one article per file, handed on undecoded because cleaning needs the raw bytes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from treve.ingest.common import read_document
from treve.records import ItemError, RawItem


def read_text(path: str, stream: BinaryIO, *, size: int | None, max_item_bytes: int) -> Iterator[RawItem | ItemError]:
    """The whole file as one text article, unless it is over `max_item_bytes` or blank."""
    return read_document(path, stream, format="text", size=size, max_item_bytes=max_item_bytes)
