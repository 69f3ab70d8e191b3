"""Byte streams the readers sit on: a sniffed head put back, gzip members, a short replay history.

Everything here streams: no layer holds more than a bounded window of a file, whatever its size.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable, Iterator
from typing import Protocol

from treve.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
READ_CHUNK = 64 * 1024
_GZIP_MEMBER_START = b"\x1f\x8b\x08"  # magic plus the deflate method byte, to resync after corruption


class ByteReader(Protocol):
    """Anything with a bytes `read`: files, standard input, and the streams below."""

    def read(self, size: int = -1, /) -> bytes: ...


class TruncatedGzip(InputError):
    """The compressed data stops inside a gzip member: the file was cut short."""


class CorruptGzip(InputError):
    """A gzip member does not decompress; later members may still be intact."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"corrupt gzip data ({detail}); re-download or re-copy it")
        self.detail = detail


def read_head(stream: ByteReader, size: int) -> tuple[bytes, InputError | None]:
    """Read up to `size` bytes to sniff the format; an error after some bytes is returned, not raised.

    A truncated or corrupt gzip file still has readable records before the damage, so the caller
    decides whether the partial head is worth reading on from.
    """
    parts: list[bytes] = []
    have = 0
    while have < size:
        try:
            chunk = stream.read(size - have)
        except InputError as error:
            return b"".join(parts), error
        if not chunk:
            break
        parts.append(chunk)
        have += len(chunk)
    return b"".join(parts), None


class Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read for sniffing: serves them again, then the rest."""

    def __init__(self, head: bytes, rest: ByteReader) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _RawCursor:
    """Compressed bytes with push-back, so a member's leftover input starts the next member."""

    def __init__(self, raw: ByteReader) -> None:
        self._raw = raw
        self._pending = b""

    def take(self) -> bytes:
        data, self._pending = self._pending or self._raw.read(READ_CHUNK), b""
        return data

    def push(self, data: bytes) -> None:
        self._pending = data + self._pending

    def skip_to_member_start(self) -> None:
        """Drop bytes up to the next gzip member header, or to the end of the file."""
        carry = b""
        while data := self.take():
            window = carry + data
            found = window.find(_GZIP_MEMBER_START)
            if found >= 0:
                self.push(window[found:])
                return
            carry = window[-(len(_GZIP_MEMBER_START) - 1) :]


class GzipMember(io.RawIOBase):
    """The decompressed bytes of one gzip member; errors are sticky so every later read re-raises them."""

    def __init__(self, cursor: _RawCursor) -> None:
        super().__init__()
        self._cursor = cursor
        self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._done = False
        self._error: InputError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._error is not None:
            raise self._error
        while not self._done:
            data = self._inflate.unconsumed_tail or self._cursor.take()
            if not data:
                self._error = TruncatedGzip("gzip data ends early (truncated file); re-download or re-copy it")
                raise self._error
            try:
                out = self._inflate.decompress(data, len(buffer))
            except zlib.error as error:
                self._cursor.push(data[1:])
                self._error = CorruptGzip(str(error))
                raise self._error from error
            if self._inflate.eof:
                self._cursor.push(self._inflate.unused_data)
                self._done = True
            if out:
                buffer[: len(out)] = out
                return len(out)
        return 0

    def finish(self) -> bool:
        """Leave the cursor at the next member: read past what is left of this one, or resync after damage.

        Returns whether it had to resync, that is whether the next member start is only a guess.
        """
        try:
            while self.read(READ_CHUNK):
                pass
        except TruncatedGzip:
            return False
        except CorruptGzip:
            self._cursor.skip_to_member_start()
            return True
        return False


def gzip_members(raw: ByteReader) -> Iterator[GzipMember]:
    """Each gzip member of `raw` in turn (CC-NEWS compresses every WARC record as its own member).

    Trailing NUL padding, which some writers add, ends the file quietly. After a corrupt member, the
    gzip magic found next may be chance bytes inside compressed data: it counts as a member only if
    it inflates.
    """
    cursor = _RawCursor(raw)
    resyncing = False
    while True:
        data = cursor.take()
        while data and not data.strip(b"\0"):
            data = cursor.take()
        if not data:
            return
        if resyncing and not _inflates(data):
            cursor.push(data[1:])
            cursor.skip_to_member_start()
            continue
        cursor.push(data)
        member = GzipMember(cursor)
        yield member
        resyncing = member.finish()


def _inflates(data: bytes) -> bool:
    try:
        zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, READ_CHUNK)
    except zlib.error:
        return False
    return True


class Chain(io.RawIOBase):
    """Several streams read as one, for gzip files whose members together make one document."""

    def __init__(self, parts: Iterable[ByteReader]) -> None:
        super().__init__()
        self._parts = iter(parts)
        self._current: ByteReader | None = next(self._parts, None)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._current is not None:
            data = self._current.read(len(buffer))
            if data:
                buffer[: len(data)] = data
                return len(data)
            self._current = next(self._parts, None)
        return 0


class Replayable:
    """A forward stream that remembers its last bytes, so a parser can step back after a bad record.

    warcio reads ahead in blocks; when a record fails to parse, the next good record may already be
    in that read-ahead, so the reader rewinds to just after the bad record's start and scans again.
    """

    def __init__(self, stream: ByteReader, keep: int = 1 << 20) -> None:
        self._stream = stream
        self._keep = keep
        self._history = bytearray()
        self._history_start = 0
        self._position = 0

    def tell(self) -> int:
        return self._position

    def read(self, size: int = -1) -> bytes:
        history_end = self._history_start + len(self._history)
        if self._position < history_end:
            offset = self._position - self._history_start
            stop = len(self._history) if size < 0 else offset + size
            data = bytes(self._history[offset:stop])
        else:
            data = self._stream.read(size)
            self._history += data
            if len(self._history) > 2 * self._keep:
                drop = len(self._history) - self._keep
                del self._history[:drop]
                self._history_start += drop
        self._position += len(data)
        return data

    def rewind(self, position: int) -> None:
        """Go back to `position`, or to the oldest byte still remembered when it is older."""
        self._position = max(min(position, self._position), self._history_start)
