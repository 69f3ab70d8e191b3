"""Writes accepted by `treve serve` are kept as jobs in the store, so that any server process can report them and
a restart finishes them; and a version number that every write raises, which servers key their kept answers on.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    state = op.create_table(
        "store_state",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False, comment="always 1"),
        sa.Column("version", sa.Integer(), nullable=False, comment="raised by each write that stores something"),
    )
    op.bulk_insert(state, [{"id": 1, "version": 0}])
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(8), nullable=False, comment="queued, running, done or failed"),
        sa.Column("items", sa.Integer(), nullable=False, comment="news items the request held"),
        sa.Column(
            "done", sa.Integer(), nullable=False, comment="items handled so far (stored, already there or failed)"
        ),
        sa.Column("stored", sa.Integer(), nullable=False),
        sa.Column("already", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("errors", JSON, nullable=False, comment="one line per item that failed"),
        sa.Column("pending", sa.Text(), comment="the items as JSON Lines until the job is over"),
        sa.Column("created_at", WHEN, nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
    )
    op.create_index("ix_jobs_status", "jobs", ["status"])


def downgrade() -> None:
    op.drop_table("jobs")
    op.drop_table("store_state")
