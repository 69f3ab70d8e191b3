"""JSON Lines: one news item per line, read line by line so files of any size stream.

A bad line costs only itself: it becomes an ItemError naming its line number and the rest go on.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from treve.ingest.common import RAISE_LIMIT, item_error, over_limit
from treve.ingest.streams import READ_CHUNK
from treve.records import ItemError, RawItem

_STRING_FIELDS = ("url", "title", "source", "language")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}


def read_jsonl(path: str, stream: BinaryIO, *, max_item_bytes: int) -> Iterator[RawItem | ItemError]:
    """One item per non-blank line with `text` or `html` and optional metadata; `record` is the line number."""
    number = read = 0
    while line := stream.readline(max_item_bytes + 1):
        number += 1
        if len(line) > max_item_bytes and not line.endswith(b"\n"):
            size = len(line) + _skip_rest_of_line(stream)
            message = f"{over_limit(f'a line of {size:,} bytes', max_item_bytes)}; shorten it or {RAISE_LIMIT}"
            yield item_error(path, message, number)
            continue
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            read += 1
            yield _parse_line(path, number, line)
    if not read:
        yield item_error(path, "holds only blank lines; nothing to read — remove it or re-export it")


def _skip_rest_of_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line without keeping it; return its length without the line end."""
    skipped = 0
    while chunk := stream.readline(READ_CHUNK):
        skipped += len(chunk.rstrip(b"\r\n"))
        if chunk.endswith(b"\n"):
            break
    return skipped


def _parse_line(path: str, number: int, line: bytes) -> RawItem | ItemError:
    try:
        value = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError as error:
        message = f"invalid UTF-8 at byte {error.start} of the line; re-save the file as UTF-8"
        return item_error(path, message, number)
    except json.JSONDecodeError as error:
        message = (
            f"the line is not valid JSON ({error.msg}: column {error.colno}); fix or remove it — "
            "JSON Lines needs one JSON object per line"
        )
        return item_error(path, message, number)
    if not isinstance(value, dict):
        message = (
            f"the line is {_json_type(value)}, not an object; "
            'each line must be a JSON object with a "text" or "html" field'
        )
        return item_error(path, message, number)
    return _item(path, number, value)


def _item(path: str, number: int, fields: dict[str, Any]) -> RawItem | ItemError:
    """Build the item; `text` wins over `html` when both are given, as it is the body already extracted."""
    for name in ("text", "html", *_STRING_FIELDS):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            message = f'"{name}" must be a string, not {_json_type(fields[name])}; fix the line'
            return item_error(path, message, number)
    published = fields.get("published")
    if isinstance(published, bool) or not isinstance(published, str | int | float | None):
        message = f'"published" must be a date string, not {_json_type(published)}; fix the line'
        return item_error(path, message, number)
    metadata = {name: fields.get(name) for name in _STRING_FIELDS}
    when = None if published is None else str(published)
    if (fields.get("text") or "").strip():
        return RawItem(path=path, record=number, format="text", text=fields["text"], published=when, **metadata)
    if (fields.get("html") or "").strip():
        return RawItem(path=path, record=number, format="html", html=fields["html"], published=when, **metadata)
    return item_error(path, 'the line has no article body; give it in a "text" or "html" field', number)


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), "a number")
