"""Reports get the columns the API filters on: the ACLED event type and whether the event is historical (recalled
for context), both read from the stored record; and an index of mentions by code and role.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
ACLED = "the ACLED event type of the record, if ACLED records such events"
HISTORICAL = "the event belongs to the past the story recalls, not the news"
BACKFILL_CHUNK = 5_000


def upgrade() -> None:
    op.add_column("event_reports", sa.Column("acled_event_type", sa.String(32), comment=ACLED))
    op.add_column(
        "event_reports",
        sa.Column("historical", sa.Boolean(), nullable=False, server_default=sa.false(), comment=HISTORICAL),
    )
    op.create_index("ix_mentions_code_role", "mentions", ["code", "role"])
    reports = sa.table(
        "event_reports",
        sa.column("id", sa.String),
        sa.column("record", JSON),
        sa.column("acled_event_type", sa.String),
        sa.column("historical", sa.Boolean),
    )
    connection = op.get_bind()
    after = ""
    while rows := connection.execute(
        sa.select(reports.c.id, reports.c.record)
        .where(reports.c.id > after)
        .order_by(reports.c.id)
        .limit(BACKFILL_CHUNK)
    ).all():
        connection.execute(
            reports.update()
            .where(reports.c.id == sa.bindparam("report_id"))
            .values(acled_event_type=sa.bindparam("acled"), historical=sa.bindparam("past")),
            [
                {
                    "report_id": row.id,
                    "acled": row.record.get("acled_event_type"),
                    "past": "historical" in (row.record.get("auxiliary_modes") or []),
                }
                for row in rows
            ],
        )
        after = rows[-1].id


def downgrade() -> None:
    op.drop_index("ix_mentions_code_role", "mentions")
    op.drop_column("event_reports", "historical")
    op.drop_column("event_reports", "acled_event_type")
