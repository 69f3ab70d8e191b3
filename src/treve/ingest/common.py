"""Pieces every reader shares: error records, the size limit, whole-file reading."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, Literal

from treve.ingest.streams import READ_CHUNK, ByteReader
from treve.records import ItemError, RawItem

RAISE_LIMIT = "raise the limit with TREVE_MAX_ITEM_BYTES"


def item_error(path: str, message: str, record: int | None = None) -> ItemError:
    """An ItemError whose one-line reason starts with the input, as 'path' or 'path:record' like the stages'."""
    where = path if record is None else f"{path}:{record}"
    return ItemError(path=path, record=record, reason=f"{where}: {message}")


def over_limit(size: str, limit: int) -> str:
    """Say how big an item is against `max_item_bytes`; `size` is a phrase like '52,428,800 bytes'."""
    return f"{size}, over the {limit:,}-byte limit for one item (max_item_bytes)"


def read_up_to(stream: ByteReader, limit: int) -> bytes:
    """Read at most `limit` bytes, so an oversized or endless input never fills memory."""
    parts: list[bytes] = []
    left = limit
    while left > 0:
        chunk = stream.read(min(left, READ_CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_document(
    path: str, stream: BinaryIO, *, format: Literal["text", "html"], size: int | None, max_item_bytes: int
) -> Iterator[RawItem | ItemError]:
    """One whole file as one article's undecoded bytes; the clean stage decodes them."""
    split = f"split it into one file per article or {RAISE_LIMIT}"
    if size is not None and size > max_item_bytes:
        yield item_error(path, f"{over_limit(f'{size:,} bytes', max_item_bytes)}; {split}")
        return
    data = read_up_to(stream, max_item_bytes + 1)
    if len(data) > max_item_bytes:
        yield item_error(path, f"{over_limit(f'more than {max_item_bytes:,} bytes', max_item_bytes)}; {split}")
    elif not data.strip():
        yield item_error(path, "holds only whitespace; nothing to read — remove it or re-export it")
    else:
        yield RawItem(path=path, format=format, data=data)
