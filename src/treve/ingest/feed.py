"""RSS and Atom feeds, via feedparser: one item per entry, with the feed's metadata attached.

feedparser parses a whole document at once, so a feed is read into memory, up to FEED_ITEMS items' worth of
bytes (`max_item_bytes` each, MIN_FEED_BYTES at least): feeds are small, and one that goes on past that (a feed
of years, a compressed feed holding one huge entry) gives the entries before the cut and one error for the
rest, never a parse of gigabytes.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, BinaryIO

import feedparser

from treve.ingest.common import RAISE_LIMIT, item_error, over_limit, read_up_to
from treve.records import ItemError, RawItem

# How many items' worth of bytes (`max_item_bytes`) a feed is read up to, and never less than MIN_FEED_BYTES.
FEED_ITEMS = 3
MIN_FEED_BYTES = 1_000_000
_MARKUP_TYPES = {"text/html", "application/xhtml+xml"}
_TAG = re.compile(r"<[A-Za-z!/][^<>]*>")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def read_feed(path: str, stream: BinaryIO, *, max_item_bytes: int) -> Iterator[RawItem | ItemError]:
    """One item per entry (`record` = entry number, from 1); an entry without a body is an ItemError."""
    limit = max(FEED_ITEMS * max_item_bytes, MIN_FEED_BYTES)
    data = read_up_to(stream, limit + 1)
    cut = len(data) > limit
    parsed = feedparser.parse(io.BytesIO(data[:limit]))  # a stream: feedparser would try bytes as a file name
    # A broken feed still yields the entries before the damage, plus empty shells feedparser opened.
    entries = [entry for entry in parsed.entries if entry] if parsed.bozo else parsed.entries
    if cut:
        entries = entries[:-1]  # the entry the cut fell in is not whole
        yield item_error(
            path,
            f"the feed goes on past {limit:,} bytes; entries from number "
            f"{len(entries) + 1} on were not read — split the feed, or {RAISE_LIMIT}",
        )
        if not entries:
            return
    if not entries:
        if parsed.bozo:
            problem = str(parsed.get("bozo_exception", "unknown error")).replace("<unknown>:", "line ")
            message = f"not a readable RSS or Atom feed ({problem}); check that it is complete, well-formed XML"
        else:
            message = "an RSS or Atom feed with no entries; nothing to read"
        yield item_error(path, message)
        return
    feed = parsed.feed
    language = _primary_language(feed.get("language"))
    for number, entry in enumerate(entries, start=1):
        yield _item(path, number, entry, feed.get("title"), language, max_item_bytes)


def _item(
    path: str, number: int, entry: Any, feed_title: str | None, language: str | None, max_item_bytes: int
) -> RawItem | ItemError:
    body = _body(entry)
    if body is None:
        return item_error(
            path,
            "the entry has no content, description or summary (only a link); fetch the page and pass its HTML",
            number,
        )
    value, is_markup = body
    size = len(value.encode("utf-8"))
    if size > max_item_bytes:
        message = f"{over_limit(f'an entry body of {size:,} bytes', max_item_bytes)}; {RAISE_LIMIT}"
        return item_error(path, message, number)
    source = entry.get("source", {}).get("title") or feed_title
    metadata = {
        "path": path,
        "record": number,
        "title": entry.get("title"),
        "url": entry.get("link"),
        "published": _published(entry),
        "source": source,
        "language": language,
    }
    if is_markup:
        return RawItem(format="html", html=value, **metadata)
    return RawItem(format="text", text=value, **metadata)


def _body(entry: Any) -> tuple[str, bool] | None:
    """The fullest body an entry has (content:encoded / Atom content, then summary), and whether it is HTML.

    A body typed as HTML but holding no tags is plain text: it goes on as `text`, entities decoded.
    """
    details = [*entry.get("content", []), entry.get("summary_detail") or {}]
    for detail in details:
        value = (detail.get("value") or "").strip()
        if not value:
            continue
        if detail.get("type") not in _MARKUP_TYPES:
            return value, False
        return (value, True) if _TAG.search(value) else (html.unescape(value), False)
    return None


def _published(entry: Any) -> str | None:
    """The entry's date, in ISO 8601 whenever it can be had without losing the publisher's UTC offset.

    ISO dates are kept as given. RSS's RFC 822 dates that feedparser could parse are rewritten as ISO
    with their own offset: feedparser's parsed form is UTC, which can move a story to the previous or
    next day in the place it was published.
    """
    for field in ("published", "updated", "created"):
        given = entry.get(field)
        if not given:
            continue
        if _ISO_DATE.match(given) or not entry.get(f"{field}_parsed"):
            return given
        try:
            return parsedate_to_datetime(given).isoformat()
        except (TypeError, ValueError):
            return datetime(*entry[f"{field}_parsed"][:6], tzinfo=UTC).isoformat()
    return None


def _primary_language(tag: str | None) -> str | None:
    """'en-us' → 'en': records carry the ISO 639 language, not the region."""
    if not tag:
        return None
    return tag.strip().lower().replace("_", "-").split("-")[0] or None
