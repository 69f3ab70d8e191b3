"""Answers kept between writes: a read request asked again before the store has changed gets the bytes it got
before, and a client that sends back the ETag it holds gets 304 Not Modified. The store's version (store/state.py)
is read before the answer is computed, so an answer kept under a version is never older than it.

An ASGI middleware placed outside compression, so that kept answers are kept compressed; bounded by bytes, least
recently used dropped first; in memory, one per server process. A request asked while the same one is being
answered waits for that answer rather than computing it again (after a write, every client of a dashboard asks
for the same counts at once).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

KEPT_PATHS = ("/events", "/ceasefires", "/articles/", "/stats")
"""The read API's paths: what they answer depends on the store and the request alone."""


@dataclass(frozen=True)
class Kept:
    start: Message
    body: bytes


class KeptAnswers:
    """Keeps the 200 answers of GET requests on `KEPT_PATHS`, up to `capacity` bytes (0: none kept, ETags still
    given), under the store version `version()` reads (a blocking call, run in a worker thread; None when the store
    cannot be read, and the request is passed on as it is)."""

    def __init__(self, app: ASGIApp, version: Callable[[], int | None], capacity: int) -> None:
        self._app = app
        self._version = version
        self._capacity = capacity
        self._kept: OrderedDict[tuple[Any, ...], Kept] = OrderedDict()
        self._size = 0
        self._computing: dict[tuple[Any, ...], anyio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith(KEPT_PATHS):
            await self._app(scope, receive, send)
            return
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        version = await anyio.to_thread.run_sync(self._version)
        if version is None:
            await self._app(scope, receive, send)
            return
        compressed = "gzip" in headers.get("accept-encoding", "")
        key = (version, scope["path"], scope["query_string"], headers.get("accept", ""), compressed)
        tag = f'W/"{version}-{hashlib.sha1(repr(key[1:]).encode()).hexdigest()[:16]}"'
        if tag in {part.strip() for part in headers.get("if-none-match", "").split(",")}:
            await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", tag.encode())]})
            await send({"type": "http.response.body", "body": b""})
            return
        while key in self._computing:  # asked again while being answered: wait for that answer
            await self._computing[key].wait()
        kept = self._kept.get(key)
        if kept is None:
            self._computing[key] = done = anyio.Event()
            try:
                kept = await self._answer(scope, receive, send, tag)
                if kept is not None:
                    self._keep(key, kept)
            finally:
                del self._computing[key]
                done.set()
            return
        self._kept.move_to_end(key)
        await send(kept.start)
        await send({"type": "http.response.body", "body": kept.body})

    async def _answer(self, scope: Scope, receive: Receive, send: Send, tag: str) -> Kept | None:
        """Pass the request on, tagging a 200 answer; return it whole if it is to be kept."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def tagged(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message["status"] == 200:  # browsers keep it, and ask whether it changed before using it again
                    validated = [(b"etag", tag.encode()), (b"cache-control", b"no-cache")]
                    message = {**message, "headers": [*message.get("headers", []), *validated]}
                start = message
            elif start is not None and start["status"] == 200:
                chunks.append(message.get("body", b""))
            await send(message)

        await self._app(scope, receive, tagged)
        if start is None or start["status"] != 200:
            return None
        return Kept(start, b"".join(chunks))

    def _keep(self, key: tuple[Any, ...], kept: Kept) -> None:
        if len(kept.body) > self._capacity // 4:
            return  # one answer may not push out most others
        if (earlier := self._kept.pop(key, None)) is not None:  # asked twice at once: both computed it
            self._size -= len(earlier.body)
        self._kept[key] = kept
        self._size += len(kept.body)
        while self._size > self._capacity:
            _, dropped = self._kept.popitem(last=False)
            self._size -= len(dropped.body)
