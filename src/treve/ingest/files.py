"""Turn the paths a user gave into the files to read, in a stable order."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from treve.ingest.common import item_error
from treve.ingest.listing import is_listing, is_url, listed_paths, open_url
from treve.records import ItemError

STDIN = "-"


@dataclass(frozen=True)
class InputFile:
    """One file to read; `stdin` is set for '-', whose stream must not be closed after reading."""

    path: str
    stdin: BinaryIO | None = None

    def open(self) -> contextlib.AbstractContextManager[BinaryIO]:
        if self.stdin is not None:
            return contextlib.nullcontext(self.stdin)
        if is_url(self.path):
            return contextlib.closing(open_url(self.path))
        return open(self.path, "rb")


def expand_paths(paths: Sequence[str], stdin: BinaryIO | None = None) -> Iterator[InputFile | ItemError]:
    """Files in the order given; a directory's files walked recursively in sorted order; a listing's files
    (listing.py) in its order.

    Hidden files and folders inside a directory are skipped (.DS_Store, .git); a hidden file named
    explicitly is read, since the user asked for it.
    """
    for path in paths:
        if is_listing(path) and os.path.isfile(path):
            yield from (entry if isinstance(entry, ItemError) else _named(entry) for entry in listed_paths(path))
        elif path == STDIN:
            yield InputFile(STDIN, stdin if stdin is not None else sys.stdin.buffer)
        elif os.path.isdir(path):
            yield from _walk_directory(path)
        elif os.path.exists(path) or is_url(path):
            yield InputFile(path)
        else:
            yield item_error(path, f"no such file or directory; check the path (use '{STDIN}' for standard input)")


def _named(path: str) -> InputFile | ItemError:
    """A file a listing names: a URL is fetched when read; a missing file is one error."""
    if is_url(path) or os.path.isfile(path):
        return InputFile(path)
    return item_error(path, "listed, but no such file; check the listing and where it is (paths are read beside it)")


def _walk_directory(path: str) -> Iterator[InputFile | ItemError]:
    found = False
    for entry in _walk(path, frozenset({_identity(path)})):
        found = found or isinstance(entry, InputFile)
        yield entry
    if not found:
        yield item_error(
            path, "directory holds no files to read (hidden files are skipped); add news files or pass another path"
        )


def _identity(path: str) -> tuple[int, int]:
    """A directory as the file system knows it, whatever links lead to it."""
    status = os.stat(path)
    return status.st_dev, status.st_ino


def _walk(path: str, above: frozenset[tuple[int, int]]) -> Iterator[InputFile | ItemError]:
    """Depth-first by sorted name, so output order does not depend on the file system. Links to folders are
    followed, except one back to a folder being walked (`above`): a loop, reported and skipped."""
    try:
        with os.scandir(path) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield item_error(path, f"cannot list this directory ({error.strerror}); check its permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
            folder = _identity(entry.path) if is_dir else None
        except OSError as error:  # a link to itself, or through a loop of links
            yield item_error(entry.path, f"cannot read this link ({error.strerror}); remove it or fix its target")
            continue
        if folder is not None and folder in above:
            yield item_error(entry.path, "a link back to a folder above it (a loop); skipped — remove the link")
        elif folder is not None:
            yield from _walk(entry.path, above | {folder})
        elif is_file:
            yield InputFile(entry.path)
