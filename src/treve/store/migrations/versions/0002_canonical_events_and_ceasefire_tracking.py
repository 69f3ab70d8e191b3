"""Canonical events get their type family, place and casualty note; ceasefires their place, violations and
status history.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
NEW_CANONICAL_COLUMNS = ("family", "location", "latitude", "longitude", "dead_note", "sources", "first_reported")


def upgrade() -> None:
    # No release before this one filled canonical_events, so a non-null column needs no default.
    with op.batch_alter_table("canonical_events") as batch:
        batch.add_column(
            sa.Column(
                "family",
                sa.String(24),
                nullable=False,
                comment="type family (treve.store.clustering.EVENT_FAMILIES)",
            )
        )
        batch.add_column(sa.Column("location", sa.Text()))
        batch.add_column(sa.Column("latitude", sa.Float()))
        batch.add_column(sa.Column("longitude", sa.Float()))
        batch.add_column(sa.Column("dead_note", sa.Text()))
        batch.add_column(sa.Column("sources", JSON, comment="the outlets that report it, by name"))
        batch.add_column(
            sa.Column("first_reported", sa.DateTime(timezone=True), comment="when the earliest report was published")
        )
    with op.batch_alter_table("ceasefires") as batch:
        batch.add_column(sa.Column("country", sa.String(3)))
        batch.add_column(sa.Column("location", sa.Text()))
        batch.alter_column(
            "status",
            existing_type=sa.String(16),
            existing_nullable=False,
            comment="announced, in effect, violated, collapsed, superseded",
            existing_comment="e.g. announced, in effect, violated, collapsed",
        )
        batch.create_foreign_key("fk_ceasefires_canonical_event", "canonical_events", ["id"], ["id"])
    op.create_table(
        "ceasefire_violations",
        sa.Column("ceasefire_id", sa.String(64), sa.ForeignKey("ceasefires.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("report_id", sa.String(80), sa.ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "at",
            sa.DateTime(timezone=True),
            nullable=False,
            comment="when the assault happened, as precisely as reported",
        ),
    )
    op.create_index("ix_ceasefire_violations_report_id", "ceasefire_violations", ["report_id"])
    op.create_table(
        "ceasefire_statuses",
        sa.Column("ceasefire_id", sa.String(64), sa.ForeignKey("ceasefires.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("report_id", sa.String(80), sa.ForeignKey("event_reports.id", ondelete="CASCADE")),
    )


def downgrade() -> None:
    op.drop_table("ceasefire_statuses")
    op.drop_table("ceasefire_violations")
    with op.batch_alter_table("ceasefires") as batch:
        batch.drop_constraint("fk_ceasefires_canonical_event", type_="foreignkey")
        batch.alter_column(
            "status",
            existing_type=sa.String(16),
            existing_nullable=False,
            comment="e.g. announced, in effect, violated, collapsed",
            existing_comment="announced, in effect, violated, collapsed, superseded",
        )
        batch.drop_column("location")
        batch.drop_column("country")
    with op.batch_alter_table("canonical_events") as batch:
        for column in NEW_CANONICAL_COLUMNS:
            batch.drop_column(column)
