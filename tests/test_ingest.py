"""Given files, folders and standard input in any state, `read_inputs` yields one RawItem per article and
exactly one ItemError per bad input, and never raises.

Formats are told by content; names are only hints. Every input is built here in tmp_path.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from treve.errors import ConfigError
from treve.ingest import read_inputs
from treve.records import ItemError, RawItem

PAGE = b"<!DOCTYPE html><html><head><title>Clashes</title></head><body><p>Fighting resumed.</p></body></html>"
STORY = b"Fighting resumed on Monday near the border, officials said.\n\nAt least three people were hurt.\n"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


def read(*paths: Path | str, **options: object) -> list[RawItem | ItemError]:
    return list(read_inputs([str(path) for path in paths], **options))  # type: ignore[arg-type]


def only_error(results: list[RawItem | ItemError]) -> ItemError:
    assert len(results) == 1 and isinstance(results[0], ItemError), results
    return results[0]


# --- well-formed single-article files ---


def test_a_text_file_is_one_text_item_with_its_bytes_undecoded(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes("Les combats ont repris à l'aube.\n".encode("cp1252"))
    [item] = read(story)
    assert item == RawItem(path=str(story), format="text", data=story.read_bytes())


def test_an_html_file_is_one_html_item(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    [item] = read(page)
    assert isinstance(item, RawItem) and (item.format, item.data) == ("html", PAGE)


def test_a_txt_file_holding_html_is_html(tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    page.write_bytes(b"\n  " + PAGE)
    [item] = read(page)
    assert isinstance(item, RawItem) and item.format == "html"


def test_an_html_fragment_without_a_root_element_is_html(tmp_path: Path) -> None:
    fragment = tmp_path / "scrape.txt"
    fragment.write_bytes(b"Kyiv, 3 May.<p>Fighting resumed.</p><p>Three were hurt.</p><br>")
    [item] = read(fragment)
    assert isinstance(item, RawItem) and item.format == "html"


def test_prose_with_one_angle_bracket_stays_text(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(b"<<BREAKING>> Fighting resumed; casualties < 10, officials said.")
    [item] = read(story)
    assert isinstance(item, RawItem) and item.format == "text"


def test_a_gzipped_html_page_is_decompressed(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE))
    [item] = read(page)
    assert isinstance(item, RawItem) and (item.format, item.data) == ("html", PAGE)


def test_gzip_is_detected_by_magic_bytes_whatever_the_name(tmp_path: Path) -> None:
    page = tmp_path / "download.bin"
    page.write_bytes(gzip.compress(PAGE))
    [item] = read(page)
    assert isinstance(item, RawItem) and item.data == PAGE


def test_a_gzip_file_of_several_members_is_one_document(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE[:40]) + gzip.compress(PAGE[40:]))
    [item] = read(page)
    assert isinstance(item, RawItem) and item.data == PAGE


def test_utf16_text_with_a_byte_order_mark_is_text_not_binary(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes("Бои возобновились.".encode("utf-16"))
    [item] = read(story)
    assert isinstance(item, RawItem) and item.format == "text"


# --- paths, folders, standard input ---


def test_a_folder_is_walked_recursively_in_name_order_skipping_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_bytes(STORY)
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / "c.txt").write_bytes(STORY)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_bytes(STORY)
    paths = [Path(item.path).relative_to(tmp_path).as_posix() for item in read(tmp_path)]
    assert paths == ["a.txt", "b/2.txt", "c.txt"]


def test_a_dash_reads_standard_input_as_bytes() -> None:
    [item] = read("-", stdin=io.BytesIO(STORY))
    assert item == RawItem(path="-", format="text", data=STORY)


def test_standard_input_is_sniffed_like_a_file() -> None:
    [item] = read("-", stdin=io.BytesIO(gzip.compress(PAGE)))
    assert isinstance(item, RawItem) and (item.path, item.format, item.data) == ("-", "html", PAGE)


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    first, second = tmp_path / "z.txt", tmp_path / "a.txt"
    first.write_bytes(STORY)
    second.write_bytes(STORY)
    assert [item.path for item in read(first, second)] == [str(first), str(second)]


# --- bad input: one ItemError each, the batch goes on ---


def test_a_missing_path_is_one_error_and_the_batch_goes_on(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(STORY)
    missing, item = read(tmp_path / "nope.txt", story)
    assert isinstance(missing, ItemError) and missing.path == str(tmp_path / "nope.txt")
    assert "no such file or directory; check the path" in missing.reason
    assert isinstance(item, RawItem)


def test_a_directory_with_no_files_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "inbox" / "sub").mkdir(parents=True)
    (tmp_path / "inbox" / ".hidden").write_bytes(STORY)
    error = only_error(read(tmp_path / "inbox"))
    assert error.reason == f"{tmp_path / 'inbox'}: directory holds no files to read (hidden files are skipped); " + (
        "add news files or pass another path"
    )


def test_a_zero_byte_file_is_one_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    error = only_error(read(empty))
    assert error.path == str(empty) and error.record is None
    assert error.reason == f"{empty}: empty file (0 bytes); nothing to read — remove it or re-export it"


def test_a_whitespace_only_file_is_one_error(tmp_path: Path) -> None:
    blank = tmp_path / "blank.html"
    blank.write_bytes(b" \n\t\r\n  \n")
    assert "holds only whitespace" in only_error(read(blank)).reason


def test_a_gz_of_an_empty_or_blank_file_is_one_error(tmp_path: Path) -> None:
    empty, blank = tmp_path / "empty.html.gz", tmp_path / "blank.txt.gz"
    empty.write_bytes(gzip.compress(b""))
    blank.write_bytes(gzip.compress(b"\n \n"))
    empty_error, blank_error = read(empty, blank)
    assert isinstance(empty_error, ItemError) and "gzip data that decompresses to nothing" in empty_error.reason
    assert isinstance(blank_error, ItemError) and "holds only whitespace" in blank_error.reason


def test_an_image_renamed_txt_is_one_error_naming_what_it_is(tmp_path: Path) -> None:
    image = tmp_path / "photo.txt"
    image.write_bytes(PNG_HEADER + bytes(range(256)) * 4)
    assert only_error(read(image)).reason == f"{image}: a PNG image, not news text; remove it from the input"


def test_binary_data_with_nul_bytes_is_one_error(tmp_path: Path) -> None:
    blob = tmp_path / "data.txt"
    blob.write_bytes(b"header" + bytes(range(256)) * 8)
    assert "binary data (a NUL byte at offset 6), not text" in only_error(read(blob)).reason


def test_binary_data_full_of_control_characters_is_one_error(tmp_path: Path) -> None:
    blob = tmp_path / "data.txt"
    blob.write_bytes(bytes(range(1, 32)) * 100 + b"text")
    assert "control bytes), not text; remove it from the input" in only_error(read(blob)).reason


def test_a_50_mb_text_file_is_refused_with_its_size_and_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as stream:
        line = b"Fighting resumed near the border, officials said.\n"
        stream.write(line * (50 * 1024 * 1024 // len(line)))
    size = big.stat().st_size
    error = only_error(read(big))
    assert error.reason == (
        f"{big}: {size:,} bytes, over the 10,000,000-byte limit for one item (max_item_bytes); "
        "split it into one file per article or raise the limit with TREVE_MAX_ITEM_BYTES"
    )


def test_an_oversized_gzipped_page_is_refused_without_reading_all_of_it(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE * 100))
    error = only_error(read(page, max_item_bytes=1000))
    assert "more than 1,000 bytes, over the 1,000-byte limit for one item (max_item_bytes)" in error.reason


def test_the_limit_does_not_apply_to_a_page_that_fits(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    [item] = read(page, max_item_bytes=len(PAGE))
    assert isinstance(item, RawItem)


def test_a_truncated_gz_is_one_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE * 50)[:-30])
    error = only_error(read(page))
    assert error.reason == f"{page}: gzip data ends early (truncated file); re-download or re-copy it"


def test_a_gz_cut_inside_its_header_is_one_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(PAGE)[:5])
    assert "gzip data ends early (truncated file)" in only_error(read(page)).reason


def test_a_corrupt_gz_is_one_error(tmp_path: Path) -> None:
    compressed = bytearray(gzip.compress(PAGE * 50))
    compressed[20:40] = b"\xff" * 20
    page = tmp_path / "page.html.gz"
    page.write_bytes(bytes(compressed))
    assert "corrupt gzip data (" in only_error(read(page)).reason


def test_a_compressed_format_treve_cannot_read_says_to_decompress_it(tmp_path: Path) -> None:
    archive = tmp_path / "story.txt.bz2"
    archive.write_bytes(b"BZh91AY&SY" + bytes(range(200)))
    assert "bzip2-compressed; decompress it first" in only_error(read(archive)).reason


def test_an_xml_document_that_is_not_a_feed_is_one_error(tmp_path: Path) -> None:
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_bytes(b'<?xml version="1.0"?><urlset><url><loc>https://x.invalid/</loc></url></urlset>')
    assert "an XML document with root <urlset>, not an RSS or Atom feed" in only_error(read(sitemap)).reason


def test_a_bad_file_costs_only_itself(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(PNG_HEADER)
    (tmp_path / "d.html").write_bytes(PAGE)
    kinds = [type(result).__name__ for result in read(tmp_path)]
    assert kinds == ["RawItem", "ItemError", "ItemError", "RawItem"]


@pytest.mark.parametrize("limit", [0, -1])
def test_a_limit_below_one_byte_is_a_configuration_error(limit: int) -> None:
    with pytest.raises(ConfigError, match="max_item_bytes must be a positive number of bytes"):
        read("-", stdin=io.BytesIO(STORY), max_item_bytes=limit)


# --- hardening: loops of links, interrupted appends ---


def test_links_in_a_folder_are_followed_and_a_loop_of_links_costs_only_itself(tmp_path: Path) -> None:
    inner = tmp_path / "news" / "inner"
    inner.mkdir(parents=True)
    (inner / "story.txt").write_bytes(STORY)
    (tmp_path / "elsewhere.txt").write_bytes(STORY.replace(b"Monday", b"Tuesday"))
    (inner / "up").symlink_to(tmp_path / "news")  # back to a folder above: a loop
    (inner / "self").symlink_to(inner / "self")  # a link to itself
    (inner / "outside.txt").symlink_to(tmp_path / "elsewhere.txt")
    results = read(tmp_path / "news")
    errors = {Path(r.path).name: r.reason for r in results if isinstance(r, ItemError)}
    assert set(errors) == {"up", "self"} and "a loop" in errors["up"] and "cannot read this link" in errors["self"]
    assert sorted(Path(r.path).name for r in results if isinstance(r, RawItem)) == ["outside.txt", "story.txt"]


def test_nul_bytes_left_by_an_interrupted_append_to_json_lines_cost_only_their_line(tmp_path: Path) -> None:
    good = b'{"text": "Fighting resumed on Monday near the border."}'
    feed = tmp_path / "items.jsonl"
    feed.write_bytes(good + b"\n" + b"\0" * 500 + b'{"text": "cut' + b"\n" + good.replace(b"Monday", b"Friday") + b"\n")
    results = read(feed)
    assert [type(r).__name__ for r in results] == ["RawItem", "ItemError", "RawItem"]
    assert isinstance(results[1], ItemError) and results[1].record == 2


def test_a_feed_with_an_internal_dtd_is_a_feed_and_its_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the contents of a local file")
    feed = tmp_path / "news.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY wire "Wire">\n'
        f'  <!ENTITY leak SYSTEM "file://{secret}">\n]>\n'
        "<rss><channel><title>&wire;</title><item><title>Clashes</title>"
        "<description>Fighting resumed on Monday near the border. &leak;</description></item></channel></rss>"
    )
    [item] = read(feed)
    assert isinstance(item, RawItem) and (item.record, item.title) == (1, "Clashes")  # the feed's first entry
    assert "Fighting resumed" in (item.text or item.html or "") and "local file" not in (item.text or item.html or "")


def test_a_compressed_json_lines_file_of_blank_lines_is_one_error(tmp_path: Path) -> None:
    """Found by the fuzzing campaign (tests/test_fuzz.py): it gave neither an item nor an error."""
    path = tmp_path / "items.jsonl.gz"
    path.write_bytes(gzip.compress(b"\t\n \n"))
    assert "holds only blank lines" in only_error(read(path)).reason
