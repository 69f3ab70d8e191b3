"""A listing of WARC files, one path or URL a line, as Common Crawl publishes for its news crawl (CC-NEWS's
`warc.paths.gz`): named `*.paths` or `*.paths.gz`, it stands for the files it lists, read one after another.

A relative line is found beside the listing (a mirror keeps CC-NEWS's `crawl-data/...` layout under the listing's
folder); an `http://` or `https://` line is streamed, never saved whole.
"""

from __future__ import annotations

import gzip
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import BinaryIO

from treve.ingest.common import item_error
from treve.records import ItemError

LISTING_SUFFIXES = (".paths", ".paths.gz")
URL_SCHEMES = ("http://", "https://")
URL_TIMEOUT_S = 60


def is_listing(path: str) -> bool:
    return path.endswith(LISTING_SUFFIXES)


def is_url(path: str) -> bool:
    return path.startswith(URL_SCHEMES)


def listed_paths(listing: str) -> Iterator[str | ItemError]:
    """The files a listing names, in its order; a listing that cannot be read is one error."""
    try:
        with gzip.open(listing) if listing.endswith(".gz") else open(listing, "rb") as lines:
            for number, line in enumerate(lines, start=1):
                entry = line.decode("utf-8", errors="replace").strip()
                if not entry or entry.startswith("#"):
                    continue
                if "\x00" in entry or "\ufffd" in entry:
                    yield item_error(listing, f"line {number} is not a path; a listing holds one path or URL a line")
                    continue
                yield entry if is_url(entry) or os.path.isabs(entry) else os.path.join(os.path.dirname(listing), entry)
    except (OSError, EOFError) as error:
        yield item_error(listing, f"cannot read this listing ({error}); check that it is a (gzipped) list of paths")


def open_url(url: str) -> BinaryIO:
    """A streamed HTTP(S) body; a failure to fetch it is an OSError naming why."""
    try:
        return urllib.request.urlopen(url, timeout=URL_TIMEOUT_S)
    except urllib.error.HTTPError as error:
        raise OSError(f"the server answered {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        raise OSError(f"cannot fetch it: {error.reason}") from error
