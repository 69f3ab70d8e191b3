"""Tell an input's format from its first bytes; the file name only breaks ties.

News arrives misnamed: scraped pages saved as .txt, feeds saved as .xml or .txt, WARCs renamed by
download tools. The content decides; the name is consulted only when the content could be several
things (plain text that might be a broken JSON Lines file, say).
"""

from __future__ import annotations

import codecs
import re

from treve.errors import InputError
from treve.ingest.streams import GZIP_MAGIC
from treve.records import InputFormat

SNIFF_BYTES = 64 * 1024

# Formats treve cannot read, each with what to do about it.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not news text; remove it from the input"),
    (b"\xff\xd8\xff", "a JPEG image, not news text; remove it from the input"),
    (b"GIF87a", "a GIF image, not news text; remove it from the input"),
    (b"GIF89a", "a GIF image, not news text; remove it from the input"),
    (b"II*\x00", "a TIFF image, not news text; remove it from the input"),
    (b"MM\x00*", "a TIFF image, not news text; remove it from the input"),
    (b"%PDF-", "a PDF document; extract its text first (e.g. with pdftotext) and pass that"),
    (b"PK\x03\x04", "a ZIP archive (or an office document); unpack or export it to text first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document; export it to text first"),
    (b"{\\rtf", "an RTF document; export it to plain text first"),
    (b"BZh", "bzip2-compressed; decompress it first (treve reads plain and gzip files)"),
    (b"\xfd7zXZ\x00", "xz-compressed; decompress it first (treve reads plain and gzip files)"),
    (b"(\xb5/\xfd", "zstd-compressed; decompress it first (treve reads plain and gzip files)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (b"\x7fELF", "a program (ELF binary), not news text; remove it from the input"),
    (b"SQLite format 3\x00", "an SQLite database; export its articles as JSON Lines first"),
    (b"filedesc://", "an ARC web archive (the WARC predecessor); convert it with `warcio recompress`"),
)
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls that never occur in text files; tab, newlines, form feed and escape do.
_CONTROL = bytes(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F})
_CONTROL_SHARE = 0.05
_FEED_ROOTS = {"rss", "feed", "rdf"}
_HTML_TAGS = (
    "html|head|body|meta|title|link|script|style|div|span|p|br|a|img|article|section|main|header|"
    "footer|nav|aside|h[1-6]|ul|ol|li|table|tr|td|blockquote|strong|em|b|i|figure|time"
)
_HTML_ROOT = re.compile(rf"(?:{_HTML_TAGS})$")
_HTML_TAG = re.compile(rf"</?(?:{_HTML_TAGS})\b[^<>]{{0,500}}>", re.IGNORECASE)
_HTML_TAGS_IN_TEXT = 3  # a few real tags make a fragment HTML; one stray "<b>" in prose does not
_START_TAG = re.compile(r"<([A-Za-z][\w.:-]*)")
_JSON_OBJECT = re.compile(r'\{\s*("|\})')
_JSON_ARRAY = re.compile(r"\[\s*[\[{]")

_NAME_HINTS: tuple[tuple[tuple[str, ...], InputFormat], ...] = (
    ((".jsonl", ".ndjson", ".json"), "jsonl"),
    ((".html", ".htm", ".xhtml", ".shtml"), "html"),
    ((".warc",), "warc"),
    ((".rss", ".atom", ".xml"), "feed"),
)


def is_gzip(head: bytes) -> bool:
    """gzip by magic number, whatever the file is called."""
    return head.startswith(GZIP_MAGIC)


def sniff(head: bytes, name: str, *, complete: bool) -> InputFormat:
    """The format of an input starting with `head` (all of it when `complete`), named `name`.

    Raises InputError, without the input's name (the caller adds it), for empty and binary inputs
    and for documents treve does not read.
    """
    if not head:
        raise InputError("empty file (0 bytes); nothing to read — remove it or re-export it")
    if head.lstrip().startswith(b"WARC/"):
        return "warc"  # before the binary checks: archived images and the like are binary
    text = _as_utf8(head)
    if text is None:
        if _opens_json_lines(head):
            return "jsonl"  # judged line by line: a NUL from an interrupted append costs only its line
        _refuse_binary(head)
        text = head.removeprefix(codecs.BOM_UTF8)
    stripped = text.lstrip()
    if not stripped and complete:
        raise InputError("holds only whitespace; nothing to read — remove it or re-export it")
    sample = stripped.decode("utf-8", errors="replace")
    markup_format = _markup_format(sample)
    if markup_format is not None:
        return markup_format
    json_format = _json_format(sample)
    if json_format is not None:
        return json_format
    hinted = _name_hint(name)
    if hinted is not None:
        return hinted
    return "html" if len(_HTML_TAG.findall(sample, 0, 20_000)) >= _HTML_TAGS_IN_TEXT else "text"


def _as_utf8(head: bytes) -> bytes | None:
    """UTF-16/32 text (which has a byte-order mark) re-encoded so sniffing sees characters, not NULs."""
    for bom, codec in _UNICODE_BOMS:
        if head.startswith(bom):
            return head.decode(codec, errors="ignore").encode("utf-8")
    return None


def _opens_json_lines(head: bytes) -> bool:
    """Whether the input's first line is a whole JSON object: JSON Lines, whatever bytes later lines hold."""
    first = head.removeprefix(codecs.BOM_UTF8).lstrip().split(b"\n", 1)[0]
    if b"\0" in first or not first.rstrip().endswith(b"}"):
        return False
    return _JSON_OBJECT.match(first.decode("utf-8", errors="replace")) is not None


def _refuse_binary(head: bytes) -> None:
    """Raise for images, archives and other binary data that would otherwise be read as garbled text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(what)
    sample = head[:8192]
    nul = sample.find(b"\0")
    if nul >= 0:
        raise InputError(
            f"binary data (a NUL byte at offset {nul}), not text; remove it from the input, or re-save it "
            "as UTF-8 if it is UTF-16 text without a byte-order mark"
        )
    controls = sum(sample.count(byte) for byte in _CONTROL)
    if controls > _CONTROL_SHARE * len(sample):
        raise InputError(
            f"binary data ({controls / len(sample):.0%} control bytes), not text; remove it from the input"
        )


def _markup_format(sample: str) -> InputFormat | None:
    """HTML or a feed, by the root element after any XML declaration, comments and doctype."""
    rest = sample
    declared_xml = in_prolog = False
    while True:
        rest = rest.lstrip()
        if rest.startswith("<?"):
            declared_xml = declared_xml or rest[2:5].lower() == "xml"
            rest = rest.partition("?>")[2]
        elif rest.startswith("<!--"):
            rest = rest.partition("-->")[2]
        elif rest[:9].lower() == "<!doctype":
            if rest[9:].lstrip()[:4].lower() == "html":
                return "html"
            declaration = rest.partition(">")[0]
            if "[" in declaration:  # an internal subset holds declarations of its own, each ending in ">"
                rest = rest.partition("[")[2].partition("]")[2]
            rest = rest.partition(">")[2]
        else:
            break
        in_prolog = True
    match = _START_TAG.match(rest)
    if match is None:
        return "html" if in_prolog else None
    local = match.group(1).lower().rpartition(":")[2]
    if local in _FEED_ROOTS:
        return "feed"
    if declared_xml and not _HTML_ROOT.match(local):
        raise InputError(
            f"an XML document with root <{match.group(1)}>, not an RSS or Atom feed or HTML; "
            "pass the news articles themselves"
        )
    return "html"


def _json_format(sample: str) -> InputFormat | None:
    """JSON Lines by its first object; whole-document JSON is refused with the command that fixes it."""
    first_line = sample.split("\n", 1)[0].strip()
    if _JSON_ARRAY.match(sample):
        raise InputError("a JSON array, not JSON Lines; put one object per line (e.g. `jq -c '.[]' FILE > FILE.jsonl`)")
    if first_line == "{" and "\n" in sample:
        raise InputError(
            "a multi-line JSON document, not JSON Lines; put one object per line (e.g. `jq -c . FILE > FILE.jsonl`)"
        )
    return "jsonl" if _JSON_OBJECT.match(sample) else None


def _name_hint(name: str) -> InputFormat | None:
    """The format a name suggests, looking through a .gz suffix."""
    lowered = name.lower().removesuffix(".gz")
    for suffixes, format in _NAME_HINTS:
        if lowered.endswith(suffixes):
            return format
    return None
