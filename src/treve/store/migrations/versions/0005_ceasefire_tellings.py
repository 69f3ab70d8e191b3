"""Ceasefires get the date they were agreed at its precision, when they ended, their terms, the canonical events
that tell them (a retelling attaches to the ceasefire it retells), the accusations of breaking them, and an index
of their parties' codes; their first status is named "agreed".

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
ENDED = "when it collapsed, expired or was superseded, if it did"
ACCUSED_AT = "when the accusation was made, as precisely as reported"
TERMS = "its terms: duration, scope, what reports tell"
STATUS = "agreed, in effect, violated, collapsed, expired, superseded"
AGREED = "when agreed or declared, ISO 8601 as precise as told: YYYY, YYYY-MM or YYYY-MM-DD"


def upgrade() -> None:
    # A plain ADD COLUMN: SQLite's batch mode would copy the table, which its foreign keys refuse. Ceasefires
    # stored before keep an unknown agreement date until a new report about them is stored.
    op.add_column("ceasefires", sa.Column("agreed", sa.String(10), comment=AGREED))
    op.add_column("ceasefires", sa.Column("ended", sa.DateTime(timezone=True), comment=ENDED))
    op.add_column("ceasefires", sa.Column("terms", JSON, comment=TERMS))
    _rename_status("announced", "agreed", STATUS)
    op.create_table(
        "ceasefire_tellings",
        sa.Column(
            "canonical_event_id",
            sa.String(64),
            sa.ForeignKey("canonical_events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("ceasefire_id", sa.String(64), sa.ForeignKey("ceasefires.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_index("ix_ceasefire_tellings_ceasefire_id", "ceasefire_tellings", ["ceasefire_id"])
    op.create_table(
        "ceasefire_parties",
        sa.Column("ceasefire_id", sa.String(64), sa.ForeignKey("ceasefires.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("ended", sa.DateTime(timezone=True), comment="the ceasefire's `ended`"),
    )
    op.create_index("ix_ceasefire_parties_code_ended", "ceasefire_parties", ["code", "ended"])
    op.create_table(
        "ceasefire_accusations",
        sa.Column("ceasefire_id", sa.String(64), sa.ForeignKey("ceasefires.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("report_id", sa.String(80), sa.ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, comment=ACCUSED_AT),
        sa.Column("accuser", JSON, nullable=False, comment="who made it: the report's actors"),
    )
    op.create_index("ix_ceasefire_accusations_report_id", "ceasefire_accusations", ["report_id"])
    op.execute("INSERT INTO ceasefire_tellings (canonical_event_id, ceasefire_id) SELECT id, id FROM ceasefires")
    ceasefires = sa.table("ceasefires", sa.column("id", sa.String), sa.column("parties", JSON))
    codes = {
        (row.id, party["code"])
        for row in op.get_bind().execute(sa.select(ceasefires.c.id, ceasefires.c.parties))
        for party in row.parties or []
        if party.get("code")
    }
    if codes:
        parties = sa.table("ceasefire_parties", sa.column("ceasefire_id", sa.String), sa.column("code", sa.String))
        op.bulk_insert(parties, [{"ceasefire_id": ceasefire_id, "code": code} for ceasefire_id, code in sorted(codes)])


def _rename_status(old: str, new: str, comment: str) -> None:
    """The first status is named `new` where it was `old`; PostgreSQL keeps the column's comment (SQLite has none,
    and its batch mode would copy the table, which its foreign keys refuse)."""
    for table in ("ceasefires", "ceasefire_statuses"):
        status = sa.table(table, sa.column("status", sa.String)).c.status
        op.execute(status.table.update().where(status == old).values(status=new))
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("ceasefires", "status", existing_type=sa.String(16), existing_nullable=False, comment=comment)


def downgrade() -> None:
    _rename_status("agreed", "announced", "announced, in effect, violated, collapsed, superseded")
    op.drop_table("ceasefire_accusations")
    op.drop_table("ceasefire_parties")
    op.drop_table("ceasefire_tellings")
    op.drop_column("ceasefires", "terms")
    op.drop_column("ceasefires", "ended")
    op.drop_column("ceasefires", "agreed")
