"""Clustered reports are filed under cluster keys (type family, party or country code, date), so that a new report
finds the earlier reports that may tell its event through one index rather than a scan of its dates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from treve.store.clustering import FAMILY_OF_TYPE, PARTY_ROLES

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    keys = op.create_table(
        "cluster_keys",
        sa.Column("family", sa.String(24), primary_key=True),
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column("date", sa.Date(), primary_key=True),
        sa.Column("report_id", sa.String(80), sa.ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_cluster_keys_report_id", "cluster_keys", ["report_id"])
    reports = sa.table(
        "event_reports",
        sa.column("id"),
        sa.column("event_type"),
        sa.column("date"),
        sa.column("country"),
        sa.column("canonical_event_id"),
    )
    mentions = sa.table("mentions", sa.column("report_id"), sa.column("role"), sa.column("code"))
    family = sa.case(FAMILY_OF_TYPE, value=reports.c.event_type, else_=sa.func.lower(reports.c.event_type))
    clustered = sa.and_(reports.c.date.is_not(None), reports.c.canonical_event_id.is_not(None))
    party_codes = (
        sa.select(family, mentions.c.code, reports.c.date, reports.c.id)
        .join(mentions, mentions.c.report_id == reports.c.id)
        .where(clustered, mentions.c.role.in_(PARTY_ROLES), mentions.c.code.is_not(None))
    )
    countries = sa.select(family, reports.c.country, reports.c.date, reports.c.id).where(
        clustered, reports.c.country.is_not(None)
    )
    op.execute(keys.insert().from_select(["family", "code", "date", "report_id"], sa.union(party_codes, countries)))


def downgrade() -> None:
    op.drop_table("cluster_keys")
