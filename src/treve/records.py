"""Typed records that flow through the pipeline; the JSON they produce is treve's public contract."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

InputFormat = Literal["text", "html", "jsonl", "feed", "warc"]
PublishedSource = Literal["metadata", "option", "inferred"]


class Record(BaseModel):
    """Shared settings: records are immutable; stages return updated copies (`model_copy(update=...)`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class RawItem(Record):
    """One news item as an input reader found it, before any cleaning.

    Exactly one of `data` (undecoded bytes), `text` (already decoded plain text) or `html` is the body.
    """

    path: str = Field(description="File the item came from ('-' for standard input).")
    record: int | None = Field(None, description="Line (JSON Lines) or record/entry number inside the file.")
    format: InputFormat
    data: bytes | None = None
    text: str | None = None
    html: str | None = None
    declared_encoding: str | None = Field(None, description="Charset declared by HTTP headers or the feed.")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="Publication date as the metadata gave it, unparsed.")
    source: str | None = Field(None, description="Publisher or site name when the metadata gives it.")
    language: str | None = Field(None, description="Language declared by the metadata (ISO 639-1).")


class Removal(Record):
    """A piece of scraper debris taken out of the body, with where it was in the decoded input."""

    text: str
    start: int = Field(
        description="Character offset in the text the cleaner read: the decoded input, "
        "or for HTML the page's extracted main text."
    )
    end: int
    reason: Literal[
        "publisher-stamp",
        "counter",
        "share-line",
        "cookie-line",
        "newsletter-line",
        "related-link",
        "duplicated-phrase",
        "title-line",
    ]


class ParagraphLanguage(Record):
    """The language of one paragraph of the clean body."""

    start: int = Field(description="Character offset in `Article.text`.")
    end: int
    language: str | None = Field(description="ISO 639-1 code, null when no configured language fits.")
    confidence: float


class Article(Record):
    """One clean, identified news article."""

    id: str = Field(description="Stable id derived from the normalised title and body.")
    title: str | None
    text: str = Field(description="The clean body, original characters kept.")
    language: str | None = None
    language_confidence: float | None = None
    declared_language: str | None = Field(None, description="Language the page or feed declares, if any.")
    paragraphs: list[ParagraphLanguage] = Field(default_factory=list)
    published: date | datetime | None = None
    published_source: PublishedSource | None = None
    removed: list[Removal] = Field(default_factory=list)
    duplicate_of: str | None = Field(None, description="Id of the first copy when this is a (near-)duplicate.")
    source: str | None = None
    url: str | None = None
    author: str | None = None
    input_format: InputFormat
    path: str
    record: int | None = None


class ItemError(Record):
    """An input item that could not become an article: where it was and what to do about it."""

    path: str
    record: int | None = None
    reason: str


class ExtractionResult(Record):
    """What `treve extract` prints."""

    articles: list[Article] = Field(default_factory=list)
    errors: list[ItemError] = Field(default_factory=list)
