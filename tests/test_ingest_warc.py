"""Given a WARC or WARC.gz as CC-NEWS ships it, each HTML page from an HTTP 200 response is one item
numbered by its record; other records are skipped; a damaged record costs only itself."""

from __future__ import annotations

import gzip
import io
import re
import tracemalloc
import uuid
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from treve.ingest import read_inputs
from treve.records import ItemError, RawItem


def page(number: int, words: int = 200) -> bytes:
    return f"<html><body><h1>Story {number}</h1><p>{'Fighting resumed. ' * words}</p></body></html>".encode()


def response(
    url: str,
    body: bytes,
    *,
    compress: bool,
    content_type: str = "text/html; charset=windows-1252",
    status: str = "200 OK",
    extra_headers: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """One response record written by warcio, as its own bytes (its own gzip member when compressed).

    Its id and date are fixed, so the same call always writes the same bytes.
    """
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *extra_headers], protocol="HTTP/1.1")
    fixed = {"WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, url)}>", "WARC-Date": "2024-05-11T09:00:00Z"}
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict=fixed
    )
    writer.write_record(record)
    return out.getvalue()


def other(kind: str, *, compress: bool) -> bytes:
    """A warcinfo, request or metadata record: never an article."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    if kind == "warcinfo":
        record = writer.create_warcinfo_record("news.warc.gz", {"software": "test", "format": "WARC File Format 1.1"})
    elif kind == "request":
        headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.invalid")], is_http_request=True)
        record = writer.create_warc_record(
            "https://news.invalid/", "request", payload=io.BytesIO(b""), http_headers=headers
        )
    else:
        record = writer.create_warc_record(
            "https://news.invalid/",
            kind,
            payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
            warc_content_type="application/warc-fields",
        )
    writer.write_record(record)
    return out.getvalue()


def cc_news(*, compress: bool) -> list[bytes]:
    """Records as CC-NEWS has them, pages mixed with records that are not articles."""
    return [
        other("warcinfo", compress=compress),  # 1
        other("request", compress=compress),  # 2
        response("https://news.invalid/1", page(1), compress=compress),  # 3
        other("metadata", compress=compress),  # 4
        response(
            "https://news.invalid/logo", b"\xff\xd8\xff\xe0JFIF", compress=compress, content_type="image/jpeg"
        ),  # 5
        response("https://news.invalid/gone", page(0), compress=compress, status="404 Not Found"),  # 6
        response(
            "https://news.invalid/2", page(2), compress=compress, content_type="application/xhtml+xml; charset=UTF-8"
        ),  # 7
    ]


def read(path: Path | str, **options: object) -> list[RawItem | ItemError]:
    return list(read_inputs([str(path)], **options))  # type: ignore[arg-type]


def pages_and_errors(results: list[RawItem | ItemError]) -> list[tuple[int | None, str]]:
    """(record, url) for items and (record, 'error') for errors: the shape of a read, at a glance."""
    return [(r.record, r.url or "") if isinstance(r, RawItem) else (r.record, "error") for r in results]


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_html_200_responses_are_items_numbered_by_record_and_the_rest_is_skipped(
    tmp_path: Path, compress: bool
) -> None:
    path = tmp_path / ("news.warc.gz" if compress else "news.warc")
    path.write_bytes(b"".join(cc_news(compress=compress)))
    first, second = read(path)
    assert first == RawItem(
        path=str(path),
        record=3,
        format="html",
        data=page(1),
        url="https://news.invalid/1",
        declared_encoding="windows-1252",
    )
    assert isinstance(second, RawItem)
    assert (second.record, second.url, second.declared_encoding, second.data) == (
        7,
        "https://news.invalid/2",
        "UTF-8",
        page(2),
    )


def test_a_warc_is_a_warc_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "download.txt"
    path.write_bytes(b"".join(cc_news(compress=True)))
    assert [item.record for item in read(path)] == [3, 7]


def test_a_warc_is_streamed_from_standard_input() -> None:
    archive = b"".join(cc_news(compress=True))
    assert [item.path for item in read("-", stdin=io.BytesIO(archive))] == ["-", "-"]


def test_a_gzip_encoded_http_body_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "news.warc"
    path.write_bytes(
        response(
            "https://news.invalid/gz",
            gzip.compress(page(3)),
            compress=False,
            extra_headers=(("Content-Encoding", "gzip"),),
        )
    )
    [item] = read(path)
    assert isinstance(item, RawItem) and item.data == page(3)


def test_a_page_over_the_limit_is_one_error_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    path.write_bytes(
        response("https://news.invalid/big", page(1, words=500), compress=True)
        + response("https://news.invalid/small", page(2, words=5), compress=True)
    )
    error, item = read(path, max_item_bytes=1000)
    assert isinstance(error, ItemError) and error.record == 1
    assert "an HTML page of more than 1,000 bytes, over the 1,000-byte limit for one item (max_item_bytes)" in (
        error.reason
    )
    assert isinstance(item, RawItem) and item.record == 2


def test_the_archive_size_is_not_limited_only_each_page(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    path.write_bytes(b"".join(response(f"https://news.invalid/{n}", page(n), compress=True) for n in range(20)))
    assert len(read(path, max_item_bytes=5000)) == 20


def test_an_archive_without_html_pages_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    path.write_bytes(other("warcinfo", compress=True) + other("request", compress=True))
    [error] = read(path)
    assert isinstance(error, ItemError)
    assert error.reason == f"{path}: no HTML pages (HTTP 200 responses) among its 2 records; nothing to read"


# --- damaged archives ---


def test_a_malformed_record_in_the_middle_is_one_error_and_the_records_after_it_are_read(tmp_path: Path) -> None:
    records = [response(f"https://news.invalid/{n}", page(n), compress=False) for n in range(1, 4)]
    records[1] = b"#" * 20 + records[1][20:]  # its WARC/1.1 version line and first header destroyed
    path = tmp_path / "news.warc"
    path.write_bytes(b"".join(records))
    results = read(path)
    assert pages_and_errors(results) == [(1, "https://news.invalid/1"), (2, "error"), (3, "https://news.invalid/3")]
    assert results[1].reason.startswith(f"{path}:2: malformed WARC record (Invalid WARC record, first line: ####")  # type: ignore[union-attr]
    assert results[1].reason.endswith("skipped it and read on — re-download the archive if you need this record")  # type: ignore[union-attr]


def test_a_corrupt_gzip_member_in_the_middle_is_one_error_and_the_members_after_it_are_read(tmp_path: Path) -> None:
    records = [response(f"https://news.invalid/{n}", page(n), compress=True) for n in range(1, 4)]
    damaged = bytearray(records[1])
    middle = len(damaged) // 2
    damaged[middle : middle + 16] = b"\xff" * 16
    records[1] = bytes(damaged)
    path = tmp_path / "news.warc.gz"
    path.write_bytes(b"".join(records))
    results = read(path)
    assert pages_and_errors(results) == [(1, "https://news.invalid/1"), (2, "error"), (3, "https://news.invalid/3")]
    assert f"{path}:2: corrupt gzip data (" in results[1].reason  # type: ignore[union-attr]


def test_a_record_whose_content_length_is_too_short_is_one_error(tmp_path: Path) -> None:
    records = [response(f"https://news.invalid/{n}", page(n), compress=False) for n in range(1, 4)]
    records[1] = re.sub(
        rb"Content-Length: (\d+)", lambda m: b"Content-Length: %d" % (int(m[1]) - 300), records[1], count=1
    )
    path = tmp_path / "news.warc"
    path.write_bytes(b"".join(records))
    results = read(path)
    assert pages_and_errors(results) == [(1, "https://news.invalid/1"), (2, "error"), (3, "https://news.invalid/3")]
    assert "its Content-Length does not match where the record ends" in results[1].reason  # type: ignore[union-attr]


def test_a_record_whose_content_length_runs_into_the_next_is_one_error(tmp_path: Path) -> None:
    records = [response(f"https://news.invalid/{n}", page(n), compress=False) for n in range(1, 5)]
    records[1] = re.sub(
        rb"Content-Length: (\d+)", lambda m: b"Content-Length: %d" % (int(m[1]) * 10), records[1], count=1
    )
    path = tmp_path / "news.warc"
    path.write_bytes(b"".join(records))
    results = read(path)
    assert results[0].record == 1 and isinstance(results[1], ItemError) and results[1].record == 2
    assert [r.url for r in results[2:]] == ["https://news.invalid/3", "https://news.invalid/4"]  # type: ignore[union-attr]


def test_a_record_without_a_content_length_is_one_error(tmp_path: Path) -> None:
    records = [response(f"https://news.invalid/{n}", page(n), compress=False) for n in range(1, 4)]
    records[1] = re.sub(rb"Content-Length: \d+\r\n", b"", records[1], count=1)
    path = tmp_path / "news.warc"
    path.write_bytes(b"".join(records))
    results = read(path)
    assert pages_and_errors(results) == [(1, "https://news.invalid/1"), (2, "error"), (3, "https://news.invalid/3")]
    assert "its Content-Length is missing or not a number" in results[1].reason  # type: ignore[union-attr]


def test_a_truncated_warc_gz_keeps_the_items_before_the_cut_and_adds_one_error(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    path.write_bytes(b"".join(response(f"https://news.invalid/{n}", page(n), compress=True) for n in range(1, 4))[:-40])
    results = read(path)
    assert pages_and_errors(results) == [(1, "https://news.invalid/1"), (2, "https://news.invalid/2"), (3, "error")]
    assert results[2].reason == (  # type: ignore[union-attr]
        f"{path}:3: gzip data ends early (truncated file); re-download or re-copy it — the records before it were read"
    )


def test_a_truncated_plain_warc_keeps_the_items_before_the_cut_and_adds_one_error(tmp_path: Path) -> None:
    path = tmp_path / "news.warc"
    path.write_bytes(
        b"".join(response(f"https://news.invalid/{n}", page(n), compress=False) for n in range(1, 4))[:-500]
    )
    results = read(path)
    assert pages_and_errors(results) == [(1, "https://news.invalid/1"), (2, "https://news.invalid/2"), (3, "error")]
    assert "the archive ends inside this record (truncated file)" in results[2].reason  # type: ignore[union-attr]


def test_a_file_named_warc_that_is_not_one_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "news.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    [error] = read(path)
    assert isinstance(error, ItemError) and "malformed WARC record (Invalid WARC record, first line: this is not" in (
        error.reason
    )


# --- streaming ---


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_a_large_archive_is_streamed_in_bounded_memory(tmp_path: Path, compress: bool) -> None:
    """300 pages of 100 kB (30 MB of HTML) read with a few MB of Python allocations at peak."""
    path = tmp_path / "news.warc.gz"
    body = page(0, words=5600)
    with path.open("wb") as stream:
        for number in range(300):
            stream.write(response(f"https://news.invalid/{number}", body, compress=compress))
    tracemalloc.start()
    try:
        count = sum(1 for result in read_inputs([str(path)]) if isinstance(result, RawItem))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 300
    assert peak < 8_000_000, f"peak {peak:,} bytes while reading {300 * len(body):,} bytes of pages"


def test_a_corrupt_single_stream_warc_gz_stops_at_the_damage_with_one_error(tmp_path: Path) -> None:
    """`gzip news.warc` makes one gzip stream: nothing after damage in it can be decompressed."""
    plain = b"".join(response(f"https://news.invalid/{n}", page(n), compress=False) for n in range(1, 21))
    damaged = bytearray(gzip.compress(plain))
    at = len(damaged) * 6 // 10
    damaged[at : at + 16] = b"\xff" * 16
    path = tmp_path / "news.warc.gz"
    path.write_bytes(bytes(damaged))
    results = read(path)
    first_error = next(n for n, result in enumerate(results) if isinstance(result, ItemError))
    assert [item.record for item in results[:first_error]] == list(range(1, first_error + 1))
    assert first_error >= 5, "the records before the damage are read"
    assert all(isinstance(result, ItemError) for result in results[first_error:])
    assert "corrupt gzip data (" in results[-1].reason  # type: ignore[union-attr]


def test_the_bytes_of_a_broken_record_quoted_in_its_error_cannot_drive_the_terminal(tmp_path: Path) -> None:
    records = [response(f"https://news.invalid/{n}", page(n), compress=False) for n in range(1, 3)]
    records[1] = b"\x1b[2J\x1b]0;pwned\x07#####" + records[1][20:]  # escape sequences where its version line was
    path = tmp_path / "news.warc"
    path.write_bytes(b"".join(records))
    [error] = [result for result in read(path) if isinstance(result, ItemError)]
    assert not any(ord(char) < 0x20 or ord(char) == 0x7F for char in error.reason)
    assert "\\x1b[2J" in error.reason  # shown as an escape, not sent to the terminal
