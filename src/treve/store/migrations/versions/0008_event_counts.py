"""Counts of canonical events and their dead by day, week and month, country and type (store/counts.py), filled
from the canonical events already stored.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from treve.store.counts import count_changes

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BACKFILL_CHUNK = 50_000


def upgrade() -> None:
    op.create_table(
        "event_counts",
        sa.Column("period", sa.String(5), primary_key=True, comment="day, week or month"),
        sa.Column("start", sa.Date(), primary_key=True, comment="the period's first day (weeks from Monday)"),
        sa.Column("country", sa.String(3), primary_key=True, comment="ISO alpha-3; empty when unknown"),
        sa.Column("event_type", sa.String(16), primary_key=True),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("dead", sa.Integer(), nullable=False),
    )
    events = sa.table(
        "canonical_events",
        sa.column("id", sa.String),
        sa.column("date", sa.Date),
        sa.column("country", sa.String),
        sa.column("event_type", sa.String),
        sa.column("dead_best", sa.Integer),
    )
    connection = op.get_bind()
    after = ""
    columns = (events.c.id, events.c.date, events.c.country, events.c.event_type, events.c.dead_best)
    while rows := connection.execute(
        sa.select(*columns).where(events.c.id > after).order_by(events.c.id).limit(BACKFILL_CHUNK)
    ).all():
        count_changes(connection, [], [row._asdict() for row in rows])
        after = rows[-1].id


def downgrade() -> None:
    op.drop_table("event_counts")
