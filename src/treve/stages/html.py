"""HTML page to article body and metadata, on top of trafilatura, without any network access.

trafilatura's default (balanced) run is tuned for recall and lets headlines, teaser lists and
newsletter boxes through; its precision mode is cleaner but sometimes locks onto the wrong block and
returns a scrap. So the page is parsed once, read in fast precision mode, and only when that reading
is doubtfully short is a fast recall reading taken as a second opinion; the longer-by-far one wins.
Articles that a layout splits into several same-class containers (ad breaks between chunks) are
re-read with the chunks joined, and a leading headline line is dropped since the title is a field.
"""

from __future__ import annotations

import codecs
import re
from contextlib import suppress
from copy import deepcopy
from difflib import SequenceMatcher
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement
from pydantic import Field
from trafilatura import bare_extraction, load_html
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, set_date_params

from treve.errors import InputError
from treve.records import Record
from treve.stages.decode import decode_bytes


class HtmlContent(Record):
    """What an HTML page yields: the article body and the page's own metadata."""

    title: str | None = Field(description="Headline from the page metadata (og:title, <title>, lone <h1>).")
    text: str = Field(description="The article body, one paragraph a line, headline not repeated.")
    published: str | None = Field(description="Publication date YYYY-MM-DD from the page metadata.")
    author: str | None
    sitename: str | None
    url: str | None = Field(description="The URL given by the caller, else the page's canonical URL.")
    language: str | None = Field(description="Language the page declares (ISO 639-1), not detected.")


# Wrappers nested deeper than this are unwrapped before extraction (real pages nest a few dozen deep).
MAX_DEPTH = 60
WRAPPER_TAGS = ("div", "span", "section", "article", "main", "font", "center", "b", "i", "em", "strong", "u")
_WRAPPER_TAG = re.compile(rf"<(/?)({'|'.join(WRAPPER_TAGS)})\b[^<>]*>", re.IGNORECASE)
# How deep the HTML parser (libxml2) nests elements: what lies deeper is dropped.
PARSER_MAX_DEPTH = 255
# A precision reading shorter than this, or than this share of the page's paragraph text, is doubtful.
DOUBTFUL_CHARS = 500
DOUBTFUL_PAGE_SHARE = 0.3
# The precision reading is kept unless the recall reading is more than this many times longer:
# below that the extra text is mostly boilerplate, above it precision mode missed the article.
RECALL_WINS_RATIO = 2.0
# Recall mode keeps menus and link lists; on its own it must find at least a sentence's worth of words.
RECALL_MIN_WORDS = 10
# A chunk of a split article: a classed container holding this many paragraphs and this much text
# (a lone quoted statement in a box of the body's class is not a chunk).
CHUNK_MIN_PARAGRAPHS = 2
CHUNK_MIN_CHARS = 300
PARAGRAPH_MIN_CHARS = 40
# Shares of a chunk's paragraphs found in the body for it to count as read, or as missed.
CHUNK_READ_SHARE = 0.8
CHUNK_MISSED_SHARE = 0.2
# Leading lines looked at for a repeated headline, and how close to the title one must be.
HEADLINE_LINES = 3
HEADLINE_SIMILARITY = 0.8

_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_LANG = re.compile(r"^([a-zA-Z]{2})(?:[-_]|$)")
# Labels that WHATWG decodes as windows-1252: the bytes 0x80-0x9F are curly quotes and dashes there.
_WINDOWS_1252_ALIASES = {"iso8859-1", "ascii", "cp1252"}
# Both readings skip trafilatura's readability/jusText comparison (`fast`): it costs a third of the
# run and, on this kind of page, swaps a good reading for a worse one more often than the reverse.
_COMMON_OPTIONS: dict[str, Any] = {"fast": True, "include_comments": False, "include_tables": True}
PRECISION_READING: dict[str, Any] = {**_COMMON_OPTIONS, "favor_precision": True}
RECALL_READING: dict[str, Any] = {**_COMMON_OPTIONS, "favor_recall": True}


def extract_html(
    page: bytes | str,
    *,
    url: str | None = None,
    declared_encoding: str | None = None,
    where: str = "input",
) -> HtmlContent:
    """Extract the article body, title, date, author, site name, URL and declared language of a page.

    Bytes are decoded once, here, by the declared charsets; lxml never guesses the encoding itself.
    Raises `InputError` when the page holds no article text.
    """
    markup = _decode_page(page, declared_encoding, where) if isinstance(page, bytes) else page
    tree = load_html(markup) if markup.strip() else None
    if tree is not None and _depth(tree) >= PARSER_MAX_DEPTH:
        tree = load_html(_flattened(markup))  # the parser dropped what lay deeper: read it again, unwrapped
    if tree is None:
        raise InputError(f"{where}: not an HTML page (nothing could be parsed); check that the file is HTML")
    body = _extract_body(tree, url)
    if not body:
        raise InputError(
            f"{where}: no article text in the HTML page (empty or boilerplate-only body); "
            "check that the page holds the story and is not a script-rendered shell"
        )
    meta = _page_metadata(tree, url)
    text = _drop_leading_headline(body, [meta.title, _first_h1(tree)])
    if not text.strip():
        text = body
    return HtmlContent(
        title=meta.title or None,
        text=text,
        published=meta.date or None,
        author=meta.author or None,
        sitename=meta.sitename or None,
        url=url or meta.url or None,
        language=_declared_language(tree),
    )


def _depth(tree: HtmlElement) -> int:
    """How deep the tree's elements nest."""
    depths = {tree: 0}
    for element in tree.iterdescendants():
        depths[element] = depths[element.getparent()] + 1
    return max(depths.values())


def _flattened(markup: str) -> str:
    """The markup without the wrapper tags (`WRAPPER_TAGS`) that nest deeper than MAX_DEPTH, their text kept:
    the HTML parser drops everything under its 256th level, so text nested hundreds of wrappers deep (a generated
    page, a hostile one) would be lost and the page called empty."""
    opened: list[tuple[str, bool]] = []  # each wrapper open at this point, and whether its tags are kept
    kept_open = [0]  # how many of them are kept

    def keep_or_drop(match: re.Match[str]) -> str:
        closing, name = match.group(1) == "/", match.group(2).lower()
        if not closing:
            kept = kept_open[0] < MAX_DEPTH
            opened.append((name, kept))
            kept_open[0] += kept
            return match.group() if kept else ""
        for index in range(len(opened) - 1, -1, -1):
            if opened[index][0] == name:
                kept = opened.pop(index)[1]
                kept_open[0] -= kept
                return match.group() if kept else ""
        return match.group()

    return _WRAPPER_TAG.sub(keep_or_drop, markup)


def _page_metadata(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura's `extract_metadata`, less the scans that cost more than they bring.

    Categories, tags and licence are not used by treve. The author comes from the meta tags and JSON-LD
    only: trafilatura's fallback search of bylines in the page copies and prunes the whole tree (as much
    time as the rest of the metadata) and, where meta tags name no one, half of what it finds is not a
    name ("… commented on", a dateline). The date comes from the page's metadata only (htmldate without
    its extensive search of the running text), so a date quoted in the story is never taken for it.
    """
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a single token is a handle or a site name, as trafilatura judges it
    with suppress(Exception):  # as trafilatura does: malformed JSON-LD is common and not our problem
        meta = extract_meta_json(tree, meta)
    meta.title = meta.title or extract_title(tree)
    meta.url = meta.url or extract_url(tree, url)
    meta.date = find_date(tree, **{**set_date_params(extensive=False), "url": meta.url})
    sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@")
    if sitename and "." not in sitename and not sitename[0].isupper():
        sitename = sitename.title()  # as trafilatura does: "lemonde" -> "Lemonde"
    elif not sitename and meta.url and (site := META_URL.match(meta.url)):
        sitename = site[1]
    meta.sitename = sitename or None
    meta.clean_and_trim()
    return meta


def _decode_page(data: bytes, declared_encoding: str | None, where: str) -> str:
    """Decode by the HTTP charset, then the page's own <meta> charset, then `decode_bytes`' detection.

    Valid UTF-8 is taken as UTF-8 first, as `decode_bytes` does: pages often declare latin-1 and send
    UTF-8. A page that declares UTF-8 and has a few broken bytes keeps its text with U+FFFD in their
    place, since a web page's stray byte (a cut-off character in a script) should not cost the story.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, where=where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta_match = _CHARSET_META.search(data[:4096])
    meta_charset = meta_match.group(1).decode("ascii", "ignore") if meta_match else None
    for label in (declared_encoding, meta_charset):
        codec = _web_codec(label)
        if codec is None:
            continue
        if codec == "utf-8":
            return data.decode("utf-8", errors="replace")
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return decode_bytes(data, declared_encoding=declared_encoding, where=where)


def _web_codec(label: str | None) -> str | None:
    """Python's codec for a charset label, read the way browsers read it (latin-1 means windows-1252)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in _WINDOWS_1252_ALIASES:
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return None  # a byte-level declaration that contradicts the ASCII-readable <meta> it sits in
    return name


def _read(tree: HtmlElement, url: str | None, options: dict[str, Any]) -> str:
    """One trafilatura reading of the tree (trafilatura works on a copy); empty when it finds nothing."""
    document = bare_extraction(tree, url=url, with_metadata=False, **options)
    return (document.text or "").strip() if document is not None else ""


def _extract_body(tree: HtmlElement, url: str | None) -> str:
    """Precision reading, a recall reading when the first is doubtfully short, then split-chunk repair."""
    options = PRECISION_READING
    text = _read(tree, url, options)
    if len(text) < DOUBTFUL_CHARS or len(text) < DOUBTFUL_PAGE_SHARE * _paragraph_chars(tree):
        recall_text = _read(tree, url, RECALL_READING)
        if len(recall_text) > RECALL_WINS_RATIO * len(text) and len(recall_text.split()) >= RECALL_MIN_WORDS:
            text, options = recall_text, RECALL_READING
    if text:
        joined = _join_split_chunks(tree, text)
        if joined is not None:
            rejoined = _read(joined, url, options)
            if len(rejoined) > len(text):
                text = rejoined
    return text


def _paragraph_chars(tree: HtmlElement) -> int:
    """Characters of paragraph text on the whole page: a cheap yardstick for how long the story can be."""
    return sum(len(p.text_content()) for p in tree.iter("p"))


def _words(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _join_split_chunks(tree: HtmlElement, body: str) -> HtmlElement | None:
    """A copy of the tree with a split article's chunks joined, when the body read only some of them.

    Layouts that break a story with ads or newsletter boxes often wrap each run of paragraphs in its own
    container with the same class; trafilatura stops at the first. A chunk counts when its paragraphs
    are substantial; chunks are joined only if one was read, another was missed, and no headline (<h1>)
    stands between them, which would mean a different story (an "up next" article).
    """
    groups: dict[tuple[str, str], dict[HtmlElement, list[HtmlElement]]] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is not None and parent.get("class") and len(paragraph.text_content()) >= PARAGRAPH_MIN_CHARS:
            groups.setdefault((parent.tag, parent.get("class", "")), {}).setdefault(parent, []).append(paragraph)
    body_words = None
    for members in groups.values():
        if len(members) < 2:
            continue
        texts = {elem: [_words(p.text_content()) for p in paragraphs] for elem, paragraphs in members.items()}
        big = [
            elem
            for elem, paragraphs in texts.items()
            if len(paragraphs) >= CHUNK_MIN_PARAGRAPHS and sum(map(len, paragraphs)) >= CHUNK_MIN_CHARS
        ]
        if len(big) < 2:
            continue
        body_words = body_words or _words(body)
        shares = [sum(p in body_words for p in texts[elem]) / len(texts[elem]) for elem in big]
        read = any(share >= CHUNK_READ_SHARE for share in shares)
        missed = any(share <= CHUNK_MISSED_SHARE for share in shares)
        if read and missed and _one_story_over(tree, big):
            return _joined_copy(tree, big)
    return None


def _one_story_over(tree: HtmlElement, chunks: list[HtmlElement]) -> bool:
    """Whether the chunks are apart (none nests another) and no <h1> starts a new story between them."""
    if any(other in set(chunk.iterancestors()) for chunk in chunks for other in chunks):
        return False
    position = {elem: index for index, elem in enumerate(tree.iter())}
    first, last = min(position[c] for c in chunks), max(position[c] for c in chunks)
    return not any(first < position[h1] < last for h1 in tree.iter("h1"))


def _joined_copy(tree: HtmlElement, chunks: list[HtmlElement]) -> HtmlElement:
    """A deep copy of the tree where every chunk's children are moved, in page order, into the first chunk."""
    position = {elem: index for index, elem in enumerate(tree.iter())}
    root = tree.getroottree()
    paths = [root.getpath(chunk) for chunk in sorted(chunks, key=position.__getitem__)]
    copied = deepcopy(tree)
    target, *others = [copied.getroottree().xpath(path)[0] for path in paths]
    for chunk in others:
        target.extend(list(chunk))
        chunk.getparent().remove(chunk)
    return copied


def _drop_leading_headline(text: str, titles: list[str | None]) -> str:
    """The body without its first lines that repeat the headline: the title is a field of its own."""
    title_words = [_words(t).split() for t in titles if t]
    lines = text.split("\n")
    start = 0
    for index, line in enumerate(lines[:HEADLINE_LINES]):
        words = _words(line).split()
        if not words:
            continue
        if not any(_same_headline(words, title) for title in title_words if title):
            break
        start = index + 1
    return "\n".join(lines[start:]).strip()


def _same_headline(line: list[str], title: list[str]) -> bool:
    """A line is the headline when it is nearly the title, or the title with a site name trimmed off."""
    if SequenceMatcher(None, line, title, autojunk=False).ratio() >= HEADLINE_SIMILARITY:
        return True
    return len(line) >= 0.6 * len(title) and _contains(title, line)


def _contains(outer: list[str], inner: list[str]) -> bool:
    size = len(inner)
    return any(outer[i : i + size] == inner for i in range(len(outer) - size + 1))


def _first_h1(tree: HtmlElement) -> str | None:
    heading = tree.find(".//h1")
    return heading.text_content() if heading is not None else None


def _declared_language(tree: HtmlElement) -> str | None:
    """The page's declared language (<html lang>, Content-Language, og:locale) as an ISO 639-1 code."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    candidates += tree.xpath(
        "//meta[translate(@http-equiv, 'CONTENTLANGUAGE', 'contentlanguage')='content-language']/@content"
        " | //meta[@property='og:locale']/@content | //meta[@name='language']/@content"
    )
    for value in candidates:
        match = _LANG.match((value or "").strip())
        if match:
            return match.group(1).lower()
    return None
