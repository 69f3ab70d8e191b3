"""Articles keep every place they name, with its span, resolved place and role (event, dateline, actor, other).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
COMMENT = "Every place name of the text, resolved, with its role"


def upgrade() -> None:
    # A plain ADD COLUMN with a default: SQLite's batch mode would copy the table, which its foreign keys refuse.
    # Articles stored before had their places not kept: they hold an empty list.
    op.add_column("articles", sa.Column("places", JSON, nullable=False, server_default="[]", comment=COMMENT))


def downgrade() -> None:
    op.drop_column("articles", "places")  # a plain DROP COLUMN, as SQLite 3.35 and PostgreSQL read it
