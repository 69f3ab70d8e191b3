"""Given a listing of WARC files as CC-NEWS publishes it (`warc.paths.gz`: one path a line), the listed files are
read one after another, from beside the listing or over HTTP; a listed file that is missing costs only itself."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_ingest_warc import page, response
from treve.ingest import read_inputs
from treve.records import ItemError, RawItem


def warc(path: Path, *numbers: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(response(f"https://news.invalid/{n}", page(n), compress=True) for n in numbers))
    return path


def titles(results: list[RawItem | ItemError]) -> list[str]:
    return [item.url or "" for item in results if isinstance(item, RawItem)]


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on loopback serving a folder."""
    folder = tmp_path / "www"
    folder.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_address[1]}", folder
        server.shutdown()


def test_a_gzipped_listing_reads_its_files_in_order_from_beside_it(tmp_path: Path) -> None:
    first = warc(tmp_path / "crawl-data/CC-NEWS/2024/05/CC-NEWS-20240511000000-00000.warc.gz", 1, 2)
    second = warc(tmp_path / "crawl-data/CC-NEWS/2024/05/CC-NEWS-20240511010000-00001.warc.gz", 3)
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(gzip.compress(f"{first.relative_to(tmp_path)}\n\n{second.relative_to(tmp_path)}\n".encode()))
    results = list(read_inputs([str(listing)]))
    assert titles(results) == [f"https://news.invalid/{n}" for n in (1, 2, 3)]
    assert [item.path for item in results] == [str(first), str(first), str(second)]


def test_a_listed_file_that_is_missing_costs_only_itself(tmp_path: Path) -> None:
    present = warc(tmp_path / "b.warc.gz", 7)
    listing = tmp_path / "news.paths"
    listing.write_text("a.warc.gz\nb.warc.gz\n", encoding="utf-8")
    errors = [item for item in read_inputs([str(listing)]) if isinstance(item, ItemError)]
    assert [error.reason for error in errors] == [
        f"{tmp_path / 'a.warc.gz'}: listed, but no such file; check the listing and where it is "
        "(paths are read beside it)"
    ]
    assert titles(list(read_inputs([str(listing)]))) == ["https://news.invalid/7"]
    assert present.exists()


def test_listed_urls_are_streamed_over_http_and_a_missing_one_is_one_error(
    tmp_path: Path, web: tuple[str, Path]
) -> None:
    base, folder = web
    warc(folder / "one.warc.gz", 4, 5)
    listing = tmp_path / "remote.paths"
    listing.write_text(f"{base}/one.warc.gz\n{base}/gone.warc.gz\n", encoding="utf-8")
    results = list(read_inputs([str(listing)]))
    assert titles(results) == ["https://news.invalid/4", "https://news.invalid/5"]
    [error] = [item for item in results if isinstance(item, ItemError)]
    assert error.reason == f"{base}/gone.warc.gz: cannot read it (the server answered 404 File not found); " + (
        "check that it is a readable file"
    )


def test_a_url_given_as_a_path_is_read_over_http(web: tuple[str, Path]) -> None:
    base, folder = web
    warc(folder / "one.warc.gz", 6)
    assert titles(list(read_inputs([f"{base}/one.warc.gz"]))) == ["https://news.invalid/6"]
