"""WARC archives as Common Crawl's CC-NEWS ships them: HTML pages from HTTP 200 responses.

Archives hold tens of thousands of records, so everything streams: one record at a time, bodies
capped at `max_item_bytes`. A damaged record costs only itself where the archive allows it: the
reader scans forward to the next record header (plain WARC) or gzip member (.warc.gz) and goes on.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterable, Iterator

from warcio.archiveiterator import WARCIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from treve.errors import InputError
from treve.ingest.common import RAISE_LIMIT, item_error, over_limit, read_up_to
from treve.ingest.streams import READ_CHUNK, ByteReader, CorruptGzip, Replayable, TruncatedGzip
from treve.records import ItemError, RawItem

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_RECORD_START = re.compile(rb"\nWARC/1\.[01]\r?\n")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)
_REASON_CHARS = 200
_SKIPPED = "skipped it and read on — re-download the archive if you need this record"
_TRUNCATED = "the archive ends inside this record (truncated file); re-download or re-copy it"

Output = RawItem | ItemError


class _QuietWARCIterator(WARCIterator):
    """warcio prints a multi-line warning for a wrong Content-Length; the reader reports an ItemError instead."""

    INC_RECORD = ""


class _BadRecord(Exception):
    """A record whose framing cannot be trusted, so nothing after its header can be read as it says."""


class _Truncated(Exception):
    """The archive stops before the record's declared end."""


def read_warc(path: str, segments: Iterable[ByteReader], *, max_item_bytes: int) -> Iterator[Output]:
    """HTML responses as items, `record` numbering every record from 1; other records skipped silently.

    `segments` are the archive's independently readable parts: one for a plain WARC, one per gzip
    member for a .warc.gz, so a corrupt member loses only its own records.
    """
    reader = _ArchiveReader(path, max_item_bytes)
    for segment in segments:
        yield from reader.read_segment(Replayable(segment))
    if reader.reported == 0:
        yield item_error(
            path, f"no HTML pages (HTTP 200 responses) among its {reader.records} records; nothing to read"
        )


class _ArchiveReader:
    """Record numbering and counts that run across an archive's segments."""

    def __init__(self, path: str, max_item_bytes: int) -> None:
        self.path = path
        self.max_item_bytes = max_item_bytes
        self.records = 0
        self.reported = 0

    def read_segment(self, source: Replayable) -> Iterator[Output]:
        """Items and errors of one segment, going on after each bad record as long as one follows.

        An item is held back until warcio has moved past its record: only then does warcio notice
        when the record's Content-Length was wrong, and the item must become an error instead.
        """
        records: _QuietWARCIterator | None = _QuietWARCIterator(source)
        pending: Output | None = None
        while records is not None:
            warnings = records.err_count
            failure: Exception | None = None
            try:
                record = next(records, None)
            except Exception as error:  # warcio raises assorted exceptions on broken input
                record, failure = None, error
            bad_length = records.err_count > warnings
            if bad_length:
                pending = self._error(
                    self.records, f"its Content-Length does not match where the record ends; {_SKIPPED}"
                )
            if pending is not None:
                yield self._report(pending)
                pending = None
            if failure is not None:
                # A parse failure right after a wrong Content-Length is its consequence, already reported;
                # damaged gzip data never is.
                if not bad_length or isinstance(failure, InputError):
                    self.records += 1
                    yield self._report(self._failure_error(failure))
                if isinstance(failure, InputError):
                    return
                records = yield from self._resume(source, records.offset)
                continue
            if record is None:
                return
            self.records += 1
            try:
                pending = self._entry(record)
            except _Truncated:
                # A Content-Length that runs past the next record looks like truncation until a record follows.
                number = self.records
                records = yield from self._resume(source, records.offset)
                reason = (
                    f"{_TRUNCATED} — the records before it were read"
                    if records is None
                    else f"its Content-Length runs past the start of the next record; {_SKIPPED}"
                )
                yield self._report(self._error(number, reason))
            except InputError as error:  # gzip damage: this segment cannot be read further
                yield self._report(self._failure_error(error))
                return
            except Exception as error:  # a record warcio parsed but cannot read to its end
                yield self._report(self._failure_error(error))
                records = yield from self._resume(source, records.offset)

    def _resume(self, source: Replayable, bad_record_start: int) -> Generator[Output, None, _QuietWARCIterator | None]:
        """A fresh iterator at the next record header after a bad record; None when none follows."""
        try:
            found = _seek_next_record(source, bad_record_start)
        except InputError as error:  # the damage reaches into the gzip data past the bad record
            self.records += 1
            yield self._report(self._failure_error(error))
            return None
        return _QuietWARCIterator(source) if found else None

    def _entry(self, record: ArcWarcRecord) -> Output | None:
        """The record's item, an error, or None for records that are not news pages."""
        length = record.rec_headers.get_header("Content-Length")
        if length is None or not length.strip().isdigit():
            raise _BadRecord("its Content-Length is missing or not a number")
        http = record.http_headers
        content_type = (http.get_header("Content-Type") or "") if http else ""
        if (
            record.rec_type != "response"
            or http is None
            or http.get_statuscode() != "200"
            or content_type.split(";")[0].strip().lower() not in _HTML_TYPES
        ):
            _drain(record)
            return None
        encoding = (http.get_header("Content-Encoding") or "identity").strip().lower()
        if encoding != "identity" and encoding not in BufferedReader.get_supported_decompressors():
            _drain(record)
            return self._error(
                self.records, f"the page is {encoding}-compressed, which cannot be decoded here; {_SKIPPED}"
            )
        body = read_up_to(record.content_stream(), self.max_item_bytes + 1)
        _drain(record)
        if len(body) > self.max_item_bytes:
            size = over_limit(f"an HTML page of more than {self.max_item_bytes:,} bytes", self.max_item_bytes)
            return self._error(self.records, f"{size}; skipped it — {RAISE_LIMIT} to read it")
        if not body.strip():
            return self._error(self.records, "an HTTP 200 response with an empty body; nothing to read")
        return RawItem(
            path=self.path,
            record=self.records,
            format="html",
            data=body,
            url=record.rec_headers.get_header("WARC-Target-URI"),
            declared_encoding=_charset(content_type),
        )

    def _failure_error(self, error: Exception) -> ItemError:
        """The error for the current record when reading it raised."""
        if isinstance(error, TruncatedGzip):
            return self._error(self.records, f"{error} — the records before it were read")
        if isinstance(error, CorruptGzip):
            return self._error(
                self.records,
                f"corrupt gzip data ({error.detail}); skipped to the next gzip member, if any — "
                "re-download the archive if you need this record",
            )
        # warcio's own exceptions describe the record; anything else is named by its type too.
        known = isinstance(error, ArchiveLoadFailed | StatusAndHeadersParserException | _BadRecord)
        detail = " ".join((str(error) if known else f"{type(error).__name__}: {error}").split())
        return self._error(self.records, f"malformed WARC record ({detail[:_REASON_CHARS]}); {_SKIPPED}")

    def _error(self, record: int, message: str) -> ItemError:
        return item_error(self.path, message, record)

    def _report(self, output: Output) -> Output:
        self.reported += 1
        return output


def _drain(record: ArcWarcRecord) -> None:
    """Read the record to its end, raising when the archive stops before the declared length."""
    stream = record.raw_stream
    while stream.read(READ_CHUNK):
        pass
    if isinstance(stream, LimitReader) and stream.limit > 0:
        raise _Truncated


def _seek_next_record(source: Replayable, bad_record_start: int) -> bool:
    """Move `source` to the next WARC header after a bad record's start; False when there is none."""
    source.rewind(bad_record_start + 1)
    window_start = source.tell()
    window = b""
    while chunk := source.read(READ_CHUNK):
        window += chunk
        match = _RECORD_START.search(window)
        if match:
            source.rewind(window_start + match.start() + 1)
            return True
        keep = len(b"\nWARC/1.0\r\n")
        window_start += max(len(window) - keep, 0)
        window = window[-keep:]
    return False


def _charset(content_type: str) -> str | None:
    match = _CHARSET.search(content_type)
    return match.group(1) if match else None
