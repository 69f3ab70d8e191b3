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
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("places", JSON, nullable=True))
    articles = sa.table("articles", sa.column("places", JSON))
    op.execute(articles.update().values(places=[]))  # articles stored before: their places were not kept
    with op.batch_alter_table("articles") as batch:
        batch.alter_column("places", existing_type=JSON, nullable=False, comment=COMMENT)


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("places")
