"""`treve serve` as several processes over one store: writes kept as jobs in the store (any process reports them,
a job whose server stopped is finished by a later one), answers kept until the store changes (ETags, 304) and
compressed, and `treve serve --workers 2` run for real."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import anyio
from fastapi.testclient import TestClient
from sqlalchemy import update
from starlette.types import Message, Receive, Scope, Send

from tests.store_fixtures import NEWS, RSF, SUDAN_ARMY, article, event, stored_article_ids
from tests.test_serve_api import TOKEN, place, stored_events
from treve.config import Settings
from treve.records import RawItem
from treve.serve.answers import KeptAnswers
from treve.serve.api import create_app
from treve.store.jobs import add_job
from treve.store.repository import Store, open_store
from treve.store.schema import JobRow

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def writing(settings: Settings, **changes: Any) -> Settings:
    return settings.model_copy(update={"api_token": TOKEN, **changes})


def finished(client: TestClient, job_id: str) -> dict[str, Any]:
    for _ in range(900):
        job = client.get(f"/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} still {job['status']} after 90 s")


def test_a_job_accepted_by_one_process_is_read_from_another(store_url: str, settings: Settings) -> None:
    with (
        open_store(store_url) as first,
        open_store(store_url) as second,
        TestClient(create_app(first, writing(settings))) as one,
        TestClient(create_app(second, settings)) as other,
    ):
        accepted = one.post("/articles", json=NEWS["sudan"], headers=AUTH)
        assert accepted.status_code == 202, accepted.text
        job = finished(other, accepted.json()["id"])
        assert (job["status"], job["items"], job["stored"], job["errors"]) == ("done", 1, 1, [])
        assert other.get("/jobs/0123").status_code == 404


def test_a_job_left_running_by_a_stopped_server_is_finished_by_the_next(store: Store, settings: Settings) -> None:
    """A server stopped after the first of two items: the next one stores the second, and counts both."""
    items = [RawItem(path="request body", record=n, format="jsonl", **NEWS[name]) for n, name in enumerate(NEWS)][:2]
    with store.writing() as connection:
        job = add_job(connection, items)
        long_ago = datetime.now(UTC) - timedelta(hours=1)
        connection.execute(
            update(JobRow).where(JobRow.id == job.id).values(status="running", done=1, stored=1, updated_at=long_ago)
        )
    with TestClient(create_app(store, settings)) as client:
        left = finished(client, job.id)
    assert (left["status"], left["done"], left["stored"], left["errors"]) == ("done", 2, 2, [])
    assert len(stored_article_ids(store)) == 1  # the first item was (in this test) never stored: only the second is


def test_an_answer_is_kept_until_the_store_changes(store: Store, settings: Settings) -> None:
    stored_events(store)
    with TestClient(create_app(store, settings)) as client:
        first = client.get("/events", params={"country": "SDN"})
        tag = first.headers["etag"]
        assert first.headers["cache-control"] == "no-cache"  # a browser asks again, with the tag
        again = client.get("/events", params={"country": "SDN"})
        assert (again.content, again.headers["etag"]) == (first.content, tag)
        assert client.get("/events", params={"country": "SDN"}, headers={"If-None-Match": tag}).status_code == 304
        assert client.get("/events", params={"country": "UKR"}).headers["etag"] != tag
        fasher = place("El Fasher", "SDN", 13.63, 25.35)
        store.save([article("sd9", event("sd9", 1, day="2024-07-01", actor=[RSF], recipient=[SUDAN_ARMY],
                                         location=fasher))])  # fmt: skip
        changed = client.get("/events", params={"country": "SDN"}, headers={"If-None-Match": tag})
        assert changed.status_code == 200 and changed.headers["etag"] != tag
        assert "sd9-1" in [record["id"] for record in changed.json()["events"]]
        assert client.get("/events", params={"limit": 0}).headers.get("etag") is None  # errors are not kept


def test_requests_asked_together_are_answered_once() -> None:
    """Five clients asking the same counts at once (as after a write) cost one computation, and all get it."""
    computed = []

    async def slow_counts(scope: Scope, receive: Receive, send: Send) -> None:
        computed.append(scope["query_string"])
        await anyio.sleep(0.2)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"42 events"})

    answers = KeptAnswers(slow_counts, version=lambda: 7, capacity=1_000_000)
    bodies: list[bytes] = []

    async def ask(query: bytes) -> None:
        scope = {"type": "http", "method": "GET", "path": "/stats", "query_string": query, "headers": []}

        async def receive() -> Message:
            return {"type": "http.request", "body": b""}

        async def send(message: Message) -> None:
            if message["type"] == "http.response.body":
                bodies.append(message["body"])

        await answers(scope, receive, send)

    async def together() -> None:
        async with anyio.create_task_group() as clients:
            for query in [b"by=none"] * 5 + [b"by=country"]:
                clients.start_soon(ask, query)

    anyio.run(together)
    assert sorted(computed) == [b"by=country", b"by=none"]
    assert bodies == [b"42 events"] * 6


def test_no_answer_kept_still_answers_what_is_stored(store: Store, settings: Settings) -> None:
    stored_events(store)
    with TestClient(create_app(store, settings.model_copy(update={"api_cache_bytes": 0}))) as client:
        before = client.get("/stats", params={"by": "none"}).json()["rows"]
        store.save([article("sd9", event("sd9", 1, day="2024-07-01", actor=[RSF], recipient=[SUDAN_ARMY]))])
        after = client.get("/stats", params={"by": "none"}).json()["rows"]
    assert sum(row["events"] for row in after) == sum(row["events"] for row in before) + 1


def test_large_answers_are_compressed_for_clients_that_accept_it(store: Store, settings: Settings) -> None:
    stored_events(store)
    with TestClient(create_app(store, settings)) as client:
        plain = client.get("/events", headers={"Accept-Encoding": "identity"})
        packed = client.get("/events", headers={"Accept-Encoding": "gzip"})
        kept = client.get("/events", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip" == kept.headers["content-encoding"]
    assert packed.json() == plain.json() == kept.json()


# ---------------------------------------------------------------------------------------------------
# The command itself: two processes on one port.


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _ask(url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(url, data=body, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        data = response.read()
        if response.headers.get("content-encoding") == "gzip":
            data = gzip.decompress(data)
        return json.loads(data)


def test_serve_with_two_workers_answers_and_stores_from_either(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'treve.db'}"
    with open_store(url) as store:
        stored_events(store)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    environment = os.environ | {"TREVE_API_TOKEN": TOKEN}
    server = subprocess.Popen(
        [sys.executable, "-m", "treve.cli", "serve", "--db", url, "--port", str(port), "--workers", "2"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):
            try:
                assert len(_ask(f"{base}/events?country=SDN")["events"]) == 4
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        body = json.dumps([NEWS["sudan"], NEWS["kharkiv"]]).encode()
        job = _ask(f"{base}/articles", body, AUTH | {"Content-Type": "application/json"})
        for _ in range(900):
            job = _ask(f"{base}/jobs/{job['id']}")  # either process answers
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert (job["status"], job["stored"], job["errors"]) == ("done", 2, [])
        assert len(_ask(f"{base}/events?limit=1000")["events"]) >= 7
    finally:
        server.send_signal(signal.SIGINT)
        _, errors = server.communicate(timeout=60)
    assert server.returncode == 0, errors
    assert "dashboard at http://127.0.0.1" in errors
