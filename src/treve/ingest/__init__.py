"""Input readers: files, folders and standard input, in any format treve reads, as RawItems.

Bad input never stops a batch: each unreadable file, line, entry or record becomes one ItemError
whose reason names it and says what to do, and reading goes on with the next.
"""

from __future__ import annotations

import gzip
import io
import itertools
import logging
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from treve.errors import ConfigError, InputError
from treve.ingest.common import item_error
from treve.ingest.detect import SNIFF_BYTES, is_gzip, sniff
from treve.ingest.feed import read_feed
from treve.ingest.files import InputFile, expand_paths
from treve.ingest.html import read_html
from treve.ingest.jsonl import read_jsonl
from treve.ingest.listing import is_url
from treve.ingest.streams import READ_CHUNK, ByteReader, Chain, Prefixed, gzip_members, read_head
from treve.ingest.text import read_text
from treve.ingest.warc import read_warc
from treve.records import ItemError, RawItem

__all__ = ["count_items", "read_inputs"]

log = logging.getLogger(__name__)


def read_inputs(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, max_item_bytes: int = 10_000_000
) -> Iterator[RawItem | ItemError]:
    """Every news item in `paths` ('-' is `stdin`, default the process's), in order, lazily.

    Files are read one at a time and archives record by record, so memory stays bounded by
    `max_item_bytes` (the most one article may take) whatever the input's size.
    """
    if max_item_bytes < 1:
        raise ConfigError(
            f"max_item_bytes must be a positive number of bytes, not {max_item_bytes}; "
            "set TREVE_MAX_ITEM_BYTES to e.g. 10000000"
        )
    for entry in expand_paths(paths, stdin):
        if isinstance(entry, ItemError):
            yield entry
        else:
            yield from _read_file(entry, max_item_bytes)


ONE_ITEM_SUFFIXES = (".txt", ".text", ".html", ".htm")
LINE_ITEM_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def count_items(paths: Sequence[str]) -> int | None:
    """How many items `paths` hold, from their names alone (a page or text file is one, a JSON Lines file one a
    line), for a progress bar's ETA; None when any input's count cannot be known without reading it (standard
    input, a feed, a WARC file, a listing, a file of another name)."""
    total = 0
    for entry in expand_paths(paths, stdin=io.BytesIO()):
        if isinstance(entry, ItemError):
            total += 1
        elif entry.stdin is not None or is_url(entry.path):
            return None
        elif entry.path.lower().endswith(ONE_ITEM_SUFFIXES):
            total += 1
        elif entry.path.lower().endswith(LINE_ITEM_SUFFIXES):
            opener = gzip.open if entry.path.lower().endswith(".gz") else open
            try:
                with opener(entry.path, "rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            except (OSError, EOFError):
                total += 1
        else:
            return None
    return total


def _read_file(file: InputFile, max_item_bytes: int) -> Iterator[RawItem | ItemError]:
    """One file's items; whatever goes wrong reading it becomes an ItemError for it, not an exception."""
    try:
        with file.open() as raw:
            size = None if file.stdin is not None else _size_on_disk(raw)
            yield from _read_stream(file.path, raw, size, max_item_bytes)
    except InputError as error:
        yield item_error(file.path, str(error))
    except OSError as error:
        yield item_error(file.path, f"cannot read it ({error.strerror or error}); check that it is a readable file")
    except Exception as error:  # a bug or a library surprise must cost one file, not the batch
        log.exception("unexpected failure reading %s", file.path)
        yield item_error(
            file.path, f"internal error ({type(error).__name__}: {error}); please report it with this input"
        )


def _read_stream(path: str, raw: BinaryIO, size: int | None, max_item_bytes: int) -> Iterator[RawItem | ItemError]:
    """Sniff the (decompressed) head, then hand the whole stream, head included, to the format's reader."""
    head, error = read_head(raw, SNIFF_BYTES)
    parts: Iterable[ByteReader] = [Prefixed(head, raw)]
    compressed = is_gzip(head)
    if compressed:
        members = gzip_members(Prefixed(head, raw))
        first = next(members)
        head, error = read_head(first, SNIFF_BYTES)
        parts = itertools.chain([Prefixed(head, first)], members)
        size = None
    if error is not None and not head:
        raise error
    if compressed and not head:
        raise InputError("gzip data that decompresses to nothing; nothing to read — remove it or re-export it")
    # A gzip head holds only the first member, so it cannot show that the whole file is blank.
    format = sniff(head, path, complete=error is None and len(head) < SNIFF_BYTES and not compressed)
    if format == "warc":
        yield from read_warc(path, parts, max_item_bytes=max_item_bytes)
        return
    stream = io.BufferedReader(Chain(parts), buffer_size=READ_CHUNK)
    match format:
        case "jsonl":
            yield from read_jsonl(path, stream, max_item_bytes=max_item_bytes)
        case "feed":
            yield from read_feed(path, stream, max_item_bytes=max_item_bytes)
        case "html":
            yield from read_html(path, stream, size=size, max_item_bytes=max_item_bytes)
        case "text":
            yield from read_text(path, stream, size=size, max_item_bytes=max_item_bytes)


def _size_on_disk(raw: BinaryIO) -> int | None:
    """A regular file's size, so an oversized article is refused without reading it; None for pipes."""
    try:
        info = os.fstat(raw.fileno())
    except (OSError, AttributeError, io.UnsupportedOperation):  # a body streamed over HTTP
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None
