"""The initial store: articles and their debris, event reports and their mentions, canonical events, ceasefires.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("duplicate_of", sa.String(64), sa.ForeignKey("articles.id")),
        sa.Column("title", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("language_confidence", sa.Float()),
        sa.Column("declared_language", sa.String(16)),
        sa.Column("paragraphs", JSON, nullable=False),
        sa.Column("published", sa.String(40), comment="ISO 8601 date or instant, as precise as known"),
        sa.Column("published_source", sa.String(16)),
        sa.Column("published_confidence", sa.Float()),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("input_format", sa.String(8), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("record", sa.Integer()),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])
    op.create_table(
        "removals",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(32), nullable=False),
    )
    op.create_table(
        "canonical_events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("date", sa.Date()),
        sa.Column("country", sa.String(3)),
        sa.Column("dead_best", sa.Integer()),
        sa.Column("dead_low", sa.Integer()),
        sa.Column("dead_high", sa.Integer()),
        sa.Column("report_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("earliest_report_id", sa.String(80)),
    )
    op.create_index("ix_canonical_events_country_date", "canonical_events", ["country", "date"])
    op.create_table(
        "event_reports",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("canonical_event_id", sa.String(64), sa.ForeignKey("canonical_events.id")),
        sa.Column("event_type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("date", sa.Date()),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("country", sa.String(3)),
        sa.Column("admin1", sa.Text()),
        sa.Column("admin2", sa.Text()),
        sa.Column("location", sa.Text()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("geo_precision", sa.Integer()),
        sa.Column("dead_best", sa.Integer()),
        sa.Column("dead_low", sa.Integer()),
        sa.Column("dead_high", sa.Integer()),
        sa.Column(
            "sentence_start", sa.Integer(), nullable=False, comment="offset of the evidence sentence in articles.text"
        ),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("record", JSON, nullable=False, comment="the PLOVER event record as treve extracted it"),
    )
    op.create_index("ix_event_reports_article_id", "event_reports", ["article_id"])
    op.create_index("ix_event_reports_canonical_event_id", "event_reports", ["canonical_event_id"])
    op.create_index("ix_event_reports_country_date", "event_reports", ["country", "date"])
    op.create_index("ix_event_reports_date", "event_reports", ["date"])
    # The two tables point at each other: the second link is added once both exist.
    with op.batch_alter_table("canonical_events") as batch:
        batch.create_foreign_key("fk_canonical_events_earliest_report", "event_reports", ["earliest_report_id"], ["id"])
    op.create_table(
        "mentions",
        sa.Column("report_id", sa.String(80), sa.ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("role", sa.String(12), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("entity_text", sa.Text(), nullable=False),
        sa.Column("code", sa.String(8)),
        sa.Column("sector", sa.String(16)),
        sa.Column("identifier_id", sa.String(32)),
        sa.Column("start", sa.Integer()),
        sa.Column("end", sa.Integer()),
    )
    op.create_index("ix_mentions_code", "mentions", ["code"])
    op.create_table(
        "ceasefires",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("parties", JSON, nullable=False),
        sa.Column("mediator", JSON, nullable=False),
        sa.Column("announced", sa.DateTime(timezone=True)),
        sa.Column("effective", sa.DateTime(timezone=True)),
        sa.Column("status", sa.String(16), nullable=False, comment="e.g. announced, in effect, violated, collapsed"),
    )


def downgrade() -> None:
    with op.batch_alter_table("canonical_events") as batch:
        batch.drop_constraint("fk_canonical_events_earliest_report", type_="foreignkey")
    for table in ("ceasefires", "mentions", "event_reports", "canonical_events", "removals", "articles"):
        op.drop_table(table)
