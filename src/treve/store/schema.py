"""The store's tables, as typed SQLAlchemy models; migrations/ builds exactly this schema.

Articles keep their id (a content hash) as primary key, so storing the same article twice is a no-op.
An event report is one event as one article tells it; canonical events (one real-world event, several
reports) and ceasefires are filled by the clustering (clustering.py) and the ceasefire tracker (ceasefires.py).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ARTICLE_ID = String(64)
SIGNATURE = "the signature's hash values, unsigned 32-bit, little-endian"
REPORT_ID = String(80)
COUNTRY_CODE = String(3)


class UtcDateTime(TypeDecorator[datetime]):
    """An instant that reads back in UTC on every database (SQLite keeps no time zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """JSON columns are JSONB on PostgreSQL (indexable, compact) and JSON text on SQLite."""

    type_annotation_map = {  # noqa: RUF012 (SQLAlchemy reads it as a class attribute)
        dict[str, Any]: JSON().with_variant(JSONB(), "postgresql"),
        list[Any]: JSON().with_variant(JSONB(), "postgresql"),
        datetime: UtcDateTime(),
    }


class ArticleRow(Base):
    """A clean article; `duplicate_of` points at the first copy stored."""

    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(ARTICLE_ID, primary_key=True)
    duplicate_of: Mapped[str | None] = mapped_column(ARTICLE_ID, ForeignKey("articles.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    language_confidence: Mapped[float | None] = mapped_column(Float)
    declared_language: Mapped[str | None] = mapped_column(String(16))
    paragraphs: Mapped[list[Any]]
    places: Mapped[list[Any]] = mapped_column(
        server_default="[]", comment="Every place name of the text, resolved, with its role"
    )
    published: Mapped[str | None] = mapped_column(String(40), comment="ISO 8601 date or instant, as precise as known")
    published_source: Mapped[str | None] = mapped_column(String(16))
    published_confidence: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    input_format: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(Text)
    record: Mapped[int | None] = mapped_column(Integer)
    stored_at: Mapped[datetime]


class ArticleSignatureRow(Base):
    """The MinHash signature of a first copy's text, by which a copy stored later is found (store/copies.py)."""

    __tablename__ = "article_signatures"

    article_id: Mapped[str] = mapped_column(ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary, comment=SIGNATURE)


class CopyKeyRow(Base):
    """One LSH band key of a first copy's signature: a copy shares at least one key with its first copy."""

    __tablename__ = "copy_keys"

    key: Mapped[str] = mapped_column(String(48), primary_key=True)
    article_id: Mapped[str] = mapped_column(
        ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class RemovalRow(Base):
    """Scraper debris the cleaner took out of an article, kept to audit the cleaning."""

    __tablename__ = "removals"

    article_id: Mapped[str] = mapped_column(ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(32))


class CanonicalEventRow(Base):
    """One real-world event that one or more reports tell, with the id of the report that started it; its
    figures are recomputed from all its reports (the most common type, date and country, the most precise
    place, the death toll reconciled as ACLED and UCDP do, `dead_note` saying how the reports disagree)."""

    __tablename__ = "canonical_events"
    __table_args__ = (Index("ix_canonical_events_country_date", "country", "date"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_type: Mapped[str] = mapped_column(String(16))
    family: Mapped[str] = mapped_column(String(24), comment="type family (treve.store.clustering.EVENT_FAMILIES)")
    date: Mapped[date | None] = mapped_column(Date)
    country: Mapped[str | None] = mapped_column(COUNTRY_CODE)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    dead_best: Mapped[int | None] = mapped_column(Integer)
    dead_low: Mapped[int | None] = mapped_column(Integer)
    dead_high: Mapped[int | None] = mapped_column(Integer)
    dead_note: Mapped[str | None] = mapped_column(Text)
    report_count: Mapped[int] = mapped_column(Integer)
    source_count: Mapped[int] = mapped_column(Integer)
    sources: Mapped[list[Any] | None] = mapped_column(comment="the outlets that report it, by name")
    earliest_report_id: Mapped[str | None] = mapped_column(
        REPORT_ID, ForeignKey("event_reports.id", use_alter=True, name="fk_canonical_events_earliest_report")
    )
    first_reported: Mapped[datetime | None] = mapped_column(comment="when the earliest report was published")


class EventCountRow(Base):
    """Canonical events and their dead (best estimates) by period start, country and type (store/counts.py)."""

    __tablename__ = "event_counts"

    period: Mapped[str] = mapped_column(String(5), primary_key=True, comment="day, week or month")
    start: Mapped[date] = mapped_column(Date, primary_key=True, comment="the period's first day (weeks from Monday)")
    country: Mapped[str] = mapped_column(COUNTRY_CODE, primary_key=True, comment="ISO alpha-3; empty when unknown")
    event_type: Mapped[str] = mapped_column(String(16), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    dead: Mapped[int] = mapped_column(Integer)


class EventReportRow(Base):
    """One event as one article tells it: the full PLOVER record, plus the columns queries filter on.

    The place columns follow ACLED (admin1 a province, admin2 a district, location the named place,
    geo_precision 1 town to 3 province); until events carry a place, only the country is known.
    """

    __tablename__ = "event_reports"
    __table_args__ = (
        Index("ix_event_reports_country_date", "country", "date"),
        Index("ix_event_reports_date", "date"),
    )

    id: Mapped[str] = mapped_column(REPORT_ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ARTICLE_ID, ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    canonical_event_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("canonical_events.id"), index=True)
    event_type: Mapped[str] = mapped_column(String(16))
    mode: Mapped[str | None] = mapped_column(String(32))
    date: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    country: Mapped[str | None] = mapped_column(COUNTRY_CODE)
    admin1: Mapped[str | None] = mapped_column(Text)
    admin2: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(Text)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    dead_best: Mapped[int | None] = mapped_column(Integer)
    dead_low: Mapped[int | None] = mapped_column(Integer)
    dead_high: Mapped[int | None] = mapped_column(Integer)
    sentence_start: Mapped[int] = mapped_column(Integer, comment="offset of the evidence sentence in articles.text")
    sentence_end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)
    acled_event_type: Mapped[str | None] = mapped_column(
        String(32), comment="the ACLED event type of the record, if ACLED records such events"
    )
    historical: Mapped[bool] = mapped_column(
        Boolean, server_default=false(), comment="the event belongs to the past the story recalls, not the news"
    )
    record: Mapped[dict[str, Any]] = mapped_column(comment="the PLOVER event record as treve extracted it")


class MentionRow(Base):
    """An entity an event names, in its role: actor, recipient, mediator, or the source it is attributed to."""

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_code_role", "code", "role"),)

    report_id: Mapped[str] = mapped_column(
        REPORT_ID, ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(12), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_text: Mapped[str] = mapped_column(Text)
    code: Mapped[str | None] = mapped_column(String(8), index=True)
    sector: Mapped[str | None] = mapped_column(String(16))
    identifier_id: Mapped[str | None] = mapped_column(String(32))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)


class ClusterKeyRow(Base):
    """A clustered report filed under its type family, one of its codes (party or country) and its date: the index
    in which clustering finds, for a new report, the earlier reports that may tell the same event."""

    __tablename__ = "cluster_keys"

    family: Mapped[str] = mapped_column(String(24), primary_key=True)
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    date: Mapped[date] = mapped_column(Date, primary_key=True)
    report_id: Mapped[str] = mapped_column(
        REPORT_ID, ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class CeasefireRow(Base):
    """A ceasefire between parties (lists of PLOVER entities), as the tracker follows it, under the id of the first
    canonical event that told it; later tellings attach to it (`ceasefire_tellings`). `status` is the last one its
    history reaches."""

    __tablename__ = "ceasefires"

    id: Mapped[str] = mapped_column(
        String(64), ForeignKey("canonical_events.id", name="fk_ceasefires_canonical_event"), primary_key=True
    )
    parties: Mapped[list[Any]]
    mediator: Mapped[list[Any]]
    country: Mapped[str | None] = mapped_column(COUNTRY_CODE)
    location: Mapped[str | None] = mapped_column(Text)
    agreed: Mapped[str | None] = mapped_column(
        String(10), comment="when agreed or declared, ISO 8601 as precise as told: YYYY, YYYY-MM or YYYY-MM-DD"
    )
    announced: Mapped[datetime | None]
    effective: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(
        String(16), comment="agreed, in effect, violated, collapsed, expired, superseded"
    )
    ended: Mapped[datetime | None] = mapped_column(comment="when it collapsed, expired or was superseded, if it did")
    terms: Mapped[dict[str, Any] | None] = mapped_column(comment="its terms: duration, scope, what reports tell")


class CeasefireTellingRow(Base):
    """A canonical event that tells a ceasefire: the one that first told it, or a later retelling of it."""

    __tablename__ = "ceasefire_tellings"

    canonical_event_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("canonical_events.id", ondelete="CASCADE"), primary_key=True
    )
    ceasefire_id: Mapped[str] = mapped_column(String(64), ForeignKey("ceasefires.id", ondelete="CASCADE"), index=True)


class CeasefirePartyRow(Base):
    """A party's code of a ceasefire, with when the ceasefire ended: the index by which a new report finds the
    ceasefires of its parties still running at its time."""

    __tablename__ = "ceasefire_parties"
    __table_args__ = (Index("ix_ceasefire_parties_code_ended", "code", "ended"),)

    ceasefire_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("ceasefires.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    ended: Mapped[datetime | None] = mapped_column(comment="the ceasefire's `ended`")


class CeasefireViolationRow(Base):
    """An assault between a ceasefire's parties after it took effect, linked to the ceasefire it breaks."""

    __tablename__ = "ceasefire_violations"

    ceasefire_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("ceasefires.id", ondelete="CASCADE"), primary_key=True
    )
    report_id: Mapped[str] = mapped_column(
        REPORT_ID, ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    at: Mapped[datetime] = mapped_column(comment="when the assault happened, as precisely as reported")


class CeasefireAccusationRow(Base):
    """A report that one party accused another of breaking a ceasefire, while it ran: kept as an accusation, with
    who made it, never as a violation."""

    __tablename__ = "ceasefire_accusations"

    ceasefire_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("ceasefires.id", ondelete="CASCADE"), primary_key=True
    )
    report_id: Mapped[str] = mapped_column(
        REPORT_ID, ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    at: Mapped[datetime] = mapped_column(comment="when the accusation was made, as precisely as reported")
    accuser: Mapped[list[Any]] = mapped_column(comment="who made it: the report's actors")


class CeasefireStatusRow(Base):
    """One change of a ceasefire's status: the status it has from `at` on, and the report that caused it."""

    __tablename__ = "ceasefire_statuses"

    ceasefire_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("ceasefires.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    report_id: Mapped[str | None] = mapped_column(REPORT_ID, ForeignKey("event_reports.id", ondelete="CASCADE"))


class StoreStateRow(Base):
    """One row: a number raised by every write that changes what the store answers, so that a server can keep its
    answers until it moves (serve/answers.py)."""

    __tablename__ = "store_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, comment="always 1")
    version: Mapped[int] = mapped_column(Integer, comment="raised by each write that stores something")


class JobRow(Base):
    """A write accepted by `treve serve` (store/jobs.py): its items until stored, then its progress and errors."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    status: Mapped[str] = mapped_column(String(8), index=True, comment="queued, running, done or failed")
    items: Mapped[int] = mapped_column(Integer, comment="news items the request held")
    done: Mapped[int] = mapped_column(Integer, comment="items handled so far (stored, already there or failed)")
    stored: Mapped[int] = mapped_column(Integer)
    already: Mapped[int] = mapped_column(Integer)
    events: Mapped[int] = mapped_column(Integer)
    errors: Mapped[list[Any]] = mapped_column(comment="one line per item that failed")
    pending: Mapped[str | None] = mapped_column(Text, comment="the items as JSON Lines until the job is over")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
