"""Clean: one raw item in, one clean article out, with every piece of removed debris listed.

Scrapes carry the page around the story: a publisher stamp repeated on its own line, share and view
counters, share bars, cookie and newsletter boxes, related-article links, and phrases doubled where two
page elements overlapped. Whole lines are judged against the debris lexicon and by repetition; doubled
phrases are found inside lines. Nothing is removed without a `Removal` saying what, where and why.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import ClassVar, NamedTuple

from treve.errors import InputError
from treve.normalise import normalise_for_processing
from treve.records import Article, PublishedSource, RawItem, Removal
from treve.resources.debris import DebrisLexicon, load_debris_lexicon
from treve.stages.decode import decode_bytes
from treve.stages.html import extract_html
from treve.stages.identity import content_id

# A line this short, with no sentence punctuation at its end, that recurs on its own, is a stamp.
STAMP_MAX_WORDS = 8
STAMP_MAX_CHARS = 80
# A doubled phrase must have at least this many words and letters: "nous nous" is French grammar.
DOUBLED_MIN_WORDS = 2
DOUBLED_MIN_LETTERS = 8
DOUBLED_MAX_WORDS = 15
# A headline is one line of at most this many words that does not end like a sentence.
TITLE_MAX_WORDS = 30

_SENTENCE_END = re.compile(r"[.!?…:;,»\"”)]$")
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_BETWEEN_COPIES = re.compile(r"[\s.,;:!?…–—-]*")


class _Line(NamedTuple):
    start: int
    text: str  # stripped


class CleanText(NamedTuple):
    title: str | None
    body: str
    removed: list[Removal]


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        lines.append(_Line(offset + (len(raw) - len(raw.lstrip())), stripped))
        offset += len(raw)
    return lines


def _comparable(line: str) -> str:
    return " ".join(_WORD.findall(normalise_for_processing(line).casefold()))


def _is_stamp_shaped(line: str) -> bool:
    return (
        0 < len(line) <= STAMP_MAX_CHARS
        and len(line.split()) <= STAMP_MAX_WORDS
        and not _SENTENCE_END.search(line)
        and any(character.isalpha() for character in line)
    )


def _looks_like_headline(line: str) -> bool:
    return 0 < len(line.split()) <= TITLE_MAX_WORDS and not re.search(r"[.:;,]$", line)


def _doubled_phrases(line: _Line) -> list[Removal]:
    """Back-to-back copies of a phrase ("dans un communiqué. un communiqué, ajoutant"): drop the first copy.

    The second copy is kept because it carries the punctuation that joins it to what follows.
    """
    words = list(_WORD.finditer(line.text))
    plain = normalise_for_processing(line.text)  # same length: the word offsets hold in it
    folded = [plain[match.start() : match.end()].casefold() for match in words]
    removals: list[Removal] = []
    i = 0
    while i < len(words):
        # A copy can only start where the word at i comes back within the longest phrase's reach.
        sizes = [
            size
            for size in range(min(DOUBLED_MAX_WORDS, (len(words) - i) // 2), DOUBLED_MIN_WORDS - 1, -1)
            if folded[i + size] == folded[i]
        ]
        for size in sizes:
            first, second = folded[i : i + size], folded[i + size : i + 2 * size]
            gap = line.text[words[i + size - 1].end() : words[i + size].start()]
            if (
                first == second
                and sum(len(word) for word in first) >= DOUBLED_MIN_LETTERS
                and _BETWEEN_COPIES.fullmatch(gap)
            ):
                start, end = words[i].start(), words[i + size].start()
                removals.append(
                    Removal(
                        text=line.text[start:end],
                        start=line.start + start,
                        end=line.start + end,
                        reason="duplicated-phrase",
                    )
                )
                i += size
                break
        else:
            i += 1
    return removals


def _cut(line: _Line, removals: list[Removal]) -> str:
    """The line without the spans of `removals` (offsets are in the whole text)."""
    kept, position = [], line.start
    for removal in removals:
        kept.append(line.text[position - line.start : removal.start - line.start])
        position = removal.end
    kept.append(line.text[position - line.start :])
    return "".join(kept)


def clean_scraped_text(
    text: str, *, lexicon: DebrisLexicon, known_title: str | None = None, lines_are_paragraphs: bool = False
) -> CleanText:
    """Separate the story from scraper debris; detect the headline when no metadata gave one.

    In a plain-text scrape paragraphs are separated by blank lines and a paragraph may span lines; in
    the main text extracted from a page (`lines_are_paragraphs`) each line is a paragraph.
    """
    lines = _lines(text)
    repeats = Counter(_comparable(line.text) for line in lines if _is_stamp_shaped(line.text))
    removed: list[Removal] = []
    kept: list[_Line | None] = []  # None marks a paragraph break
    title = known_title
    comparable_title = _comparable(known_title) if known_title else None
    for line in lines:
        if not line.text:
            kept.append(None)
            continue
        comparable = _comparable(line.text)
        reason = lexicon.reason_for(line.text)
        if reason is None and _is_stamp_shaped(line.text) and repeats[comparable] > 1:
            reason = "publisher-stamp"
        if reason is None and comparable_title is not None and comparable == comparable_title:
            reason = "title-line"
        if reason is None and title is None and not any(kept) and _looks_like_headline(line.text):
            title, comparable_title, reason = line.text, comparable, "title-line"
        if reason is not None:
            removed.append(Removal(text=line.text, start=line.start, end=line.start + len(line.text), reason=reason))
            continue
        kept.append(line)
        if lines_are_paragraphs:
            kept.append(None)

    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*kept, None]:
        if line is None:
            if current:
                paragraphs.append("\n".join(current))
            current = []
            continue
        doubled = _doubled_phrases(line)
        removed.extend(doubled)
        current.append(_cut(line, doubled))
    body = "\n\n".join(paragraphs)
    if title is not None and not body and not known_title:
        # A lone short line is a one-line story, not a headline over nothing.
        body, title = title, None
        removed = [removal for removal in removed if removal.reason != "title-line"]
    removed.sort(key=lambda removal: removal.start)
    return CleanText(title=title, body=body, removed=removed)


def parse_published(value: str) -> date | datetime | None:
    """ISO 8601 or RFC 2822 (feeds, HTTP): a date when no time is given, else a datetime."""
    value = value.strip()
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None


class Cleaner:
    """The clean stage: decodes, extracts the main text of HTML, removes debris, sets the metadata."""

    name: ClassVar[str] = "clean"
    requires: ClassVar[frozenset[str]] = frozenset()
    assigns: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "title",
            "text",
            "removed",
            "published",
            "published_source",
            "source",
            "url",
            "author",
            "declared_language",
        }
    )

    def __init__(self, *, published: date | None = None, lexicon: DebrisLexicon | None = None) -> None:
        self._published_option = published
        self._lexicon = lexicon or load_debris_lexicon()

    def __call__(self, item: RawItem) -> Article:
        where = item.path if item.record is None else f"{item.path}:{item.record}"
        title, author, source, url, language = item.title, None, item.source, item.url, item.language
        published_text = item.published
        from_page = item.format == "html"
        warnings: list[str] = []
        if not from_page:
            text = (
                item.text if item.text is not None else decode_bytes(item.data or b"", where=where, warnings=warnings)
            )
        else:
            page = item.html if item.html is not None else (item.data or b"")
            content = extract_html(page, url=item.url, declared_encoding=item.declared_encoding, where=where)
            text, title = content.text, title or content.title
            author, source, url = content.author, source or content.sitename, url or content.url
            published_text = published_text or content.published
            language = language or content.language
        cleaned = clean_scraped_text(text, lexicon=self._lexicon, known_title=title, lines_are_paragraphs=from_page)
        if not cleaned.body.strip():
            raise InputError(f"{where}: no article text left once debris was removed; check that it is a news story")
        published, published_source = self._publication_date(published_text)
        if published_text and published_source != "metadata":
            warnings.append(
                f"{where}: the publication date {published_text.strip()[:40]!r} is not a date (ISO 8601 or RFC 2822) "
                "and was left out; fix it, or give --published"
            )
        return Article(
            warnings=warnings,
            id=content_id(cleaned.body),
            title=cleaned.title,
            text=cleaned.body,
            published=published,
            published_source=published_source,
            removed=cleaned.removed,
            source=source,
            url=url,
            author=author,
            declared_language=language,
            input_format=item.format,
            path=item.path,
            record=item.record,
        )

    def _publication_date(self, metadata: str | None) -> tuple[date | datetime | None, PublishedSource | None]:
        """The item's own date first; the command-line date only for items that carry none."""
        parsed = parse_published(metadata) if metadata else None
        if parsed is not None:
            return parsed, "metadata"
        if self._published_option is not None:
            return self._published_option, "option"
        return None, None
