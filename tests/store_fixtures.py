"""Store fixtures: a fresh database per test, on SQLite and on PostgreSQL.

PostgreSQL comes from TREVE_TEST_POSTGRES_URL (a database whose user may create databases; .ci/run sets
it), else from a throwaway cluster started with the local PostgreSQL binaries. Under CI=true a PostgreSQL
that cannot be had fails the tests instead of skipping them.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from treve.records import Article, Entity, Event, Evidence, Removal
from treve.store.repository import Store, open_store
from treve.store.schema import ArticleRow, EventReportRow

POSTGRES_URL_VARIABLE = "TREVE_TEST_POSTGRES_URL"
# Read when pytest loads this plugin: the session's `isolated_settings` fixture then clears every TREVE_ variable.
GIVEN_POSTGRES_URL = os.environ.get(POSTGRES_URL_VARIABLE)
POSTGRES_BINARIES = "/usr/lib/postgresql/*/bin"
POSTGRES_OS_USER = "postgres"


class PostgresUnavailable(Exception):
    """No PostgreSQL server can be started here; the message says why and what to do."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_cluster_owner(command: list[str]) -> list[str]:
    """Run PostgreSQL's tools as a non-root user when running as root (initdb refuses root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", POSTGRES_OS_USER, "--", *command]


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@dataclass(frozen=True)
class PostgresCluster:
    """A running throwaway cluster: its server URL, and how to stop and start it again (a server that goes away
    in the middle of a batch)."""

    url: str
    binaries: Path
    data: Path
    options: str

    def stop(self) -> None:
        self._pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        self._pg_ctl("-l", str(self.data.parent / "log"), "-o", self.options, "-w", "start")

    def _pg_ctl(self, *arguments: str) -> None:
        command = [str(self.binaries / "pg_ctl"), "-D", str(self.data), *arguments]
        subprocess.run(_as_cluster_owner(command), check=True, capture_output=True)


@contextmanager
def postgres_cluster(*, durable: bool = False) -> Iterator[PostgresCluster]:
    """Start a PostgreSQL cluster in a temporary folder with the local binaries; yield it.

    `durable=False` turns fsync off: the tests kill clients, never the server, and run faster without it.
    """
    found = sorted(Path("/").glob(POSTGRES_BINARIES.lstrip("/")), key=lambda path: int(path.parent.name))
    if not found:
        raise PostgresUnavailable(f"set {POSTGRES_URL_VARIABLE} or install PostgreSQL (apt-get install postgresql)")
    if os.geteuid() == 0 and (shutil.which("runuser") is None or not _user_exists(POSTGRES_OS_USER)):
        raise PostgresUnavailable(
            f"running as root with no '{POSTGRES_OS_USER}' user to run initdb as; set {POSTGRES_URL_VARIABLE}"
        )
    binaries = found[-1]
    folder = Path(tempfile.mkdtemp(prefix="treve-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, POSTGRES_OS_USER)
    data, port = folder / "data", _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1" + ("" if durable else " -c fsync=off")
    cluster = PostgresCluster(f"postgresql+psycopg://treve@127.0.0.1:{port}/postgres", binaries, data, options)
    try:
        initdb = [str(binaries / "initdb"), "-D", str(data), "-U", "treve", "--auth=trust", "--no-sync"]
        subprocess.run(_as_cluster_owner(initdb), check=True, capture_output=True)
        cluster.start()
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        reason = exc.stderr.decode(errors="replace").strip()
        raise PostgresUnavailable(f"{binaries} could not start a cluster ({reason})") from exc
    try:
        yield cluster
    finally:
        stop = [str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(_as_cluster_owner(stop), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def throwaway_postgres(*, durable: bool = False) -> Iterator[str]:
    """A throwaway cluster's server URL (`postgres_cluster`)."""
    with postgres_cluster(durable=durable) as cluster:
        yield cluster.url


@contextmanager
def fresh_postgres_database(server_url: str) -> Iterator[str]:
    """Create an empty database on the server, yield its URL, and drop it afterwards."""
    name = f"treve_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT", pool_pre_ping=True)  # the server may restart
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A URL on a PostgreSQL server where the tests may create databases.

    Under CI=true a server that cannot be had fails the tests; on a developer machine they are skipped.
    """
    if GIVEN_POSTGRES_URL:
        yield GIVEN_POSTGRES_URL
        return
    try:
        with throwaway_postgres() as server_url:
            yield server_url
    except PostgresUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required under CI=true: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty store, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'treve.db'}"
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """An empty PostgreSQL database, for what only PostgreSQL can show (concurrent writers)."""
    with fresh_postgres_database(postgres_server) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


def stored_article_ids(store: Store) -> list[str]:
    """Every article row, repeats included (a repeat would be a bug)."""
    with store.engine.connect() as connection:
        return list(connection.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))


def stored_report_count(store: Store) -> int:
    with store.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(EventReportRow)) or 0)


# ---------------------------------------------------------------------------------------------------
# News to ingest: short conflict reports in English and French, as JSON Lines items with their metadata.

TRUCE = (
    "Sudan's army and the Rapid Support Forces agreed on Tuesday, 12 March 2024, to a seven-day truce in North "
    "Darfur, mediators said.\n\nThe truce took effect at 06:00 GMT on 13 March 2024."
)
"""A truce told with its day of agreement and its time of effect, for the readers of ceasefires."""

NEWS = {
    "sudan": {
        "title": "Sudan: army and RSF clash near El Fasher",
        "published": "2024-05-11",
        "source": "Test Wire",
        "url": "https://example.invalid/sudan",
        "text": "Sudan's army and the paramilitary Rapid Support Forces clashed on Saturday near El Fasher, killing at "
        "least 12 civilians, a medical charity said.\n\nResidents said the fighting lasted several hours before the "
        "paramilitaries withdrew.",
    },
    "kharkiv": {
        "title": "Russian drone hits energy site in Kharkiv region",
        "published": "2024-06-03",
        "source": "Test Wire",
        "url": "https://example.invalid/kharkiv",
        "text": "A Russian drone struck an energy facility in Ukraine's Kharkiv region on Monday, injuring three "
        "workers, the regional governor said.\n\nRepair crews were working to restore power to nearby villages.",
    },
    "mali": {
        "title": "Mali : l'armée affronte des jihadistes près de Mopti",
        "published": "2024-03-10",
        "source": "Fil Test",
        "url": "https://example.invalid/mali",
        "text": "L'armée malienne a affronté dimanche des jihadistes près de Mopti, faisant au moins huit morts, selon "
        "des sources sécuritaires.\n\nLes combats ont duré plusieurs heures, selon des habitants joints par téléphone.",
    },
    "rdc": {
        "title": "RDC : le M23 attaque des positions de l'armée près de Goma",
        "published": "2024-02-06",
        "source": "Fil Test",
        "url": "https://example.invalid/rdc",
        "text": "Les rebelles du M23 ont attaqué mardi des positions de l'armée congolaise près de Goma, a indiqué un "
        "porte-parole militaire.\n\nDes milliers d'habitants ont fui vers la ville, selon des ONG.",
    },
}
ENGLISH_NEWS = ("sudan", "kharkiv")


def write_news(folder: Path, names: Iterable[str] = NEWS) -> list[Path]:
    """One JSON Lines file per story, named after it, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        path = folder / f"{name}.jsonl"
        path.write_text(json.dumps(NEWS[name], ensure_ascii=False) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------------------------------------
# Records built by hand, for what does not depend on the NLP.

SUDAN_ARMY = Entity(entity_text="Sudan's army", code="SDN", sector="MIL")
RSF = Entity(entity_text="Rapid Support Forces", code="SDN", sector="REB")
RUSSIA = Entity(entity_text="Russian", code="RUS")
UKRAINE = Entity(entity_text="Ukraine", code="UKR")
GUNMEN = Entity(entity_text="gunmen", sector="UAF")


def event(
    article_id: str, number: int, *, kind: str = "ASSAULT", day: str | None = "2024-05-11", **fields: Any
) -> Event:
    """Event `number` of an article, with the PLOVER fields a test cares about."""
    sentence = f"Sentence {number} of article {article_id} tells an event."
    return Event(
        id=f"{article_id}-{number}",
        date=day,
        event=kind,
        event_text="tells",
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger="tells"),
        confidence=0.8,
        **fields,
    )


def article(article_id: str, *events: Event, duplicate_of: str | None = None) -> Article:
    """A clean English article with one piece of debris removed and the given events."""
    return Article(
        id=article_id,
        title=f"Story {article_id}",
        text=f"The text of story {article_id}.",
        language="en",
        published=date(2024, 5, 12),
        published_source="metadata",
        removed=[Removal(text="Share this article", start=40, end=58, reason="share-line")],
        duplicate_of=duplicate_of,
        source="Test Wire",
        url=f"https://example.invalid/{article_id}",
        input_format="jsonl",
        path="news.jsonl",
        events=list(events),
    )
