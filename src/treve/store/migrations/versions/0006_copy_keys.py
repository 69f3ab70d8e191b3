"""First copies get their MinHash signature and its LSH band keys, so that a copy stored in a later run, or by
another process, is linked to its first copy. Articles stored before are indexed when the store is next opened
(repository._migrate), with the settings' copy rule.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SIGNATURE = "the signature's hash values, unsigned 32-bit, little-endian"


def upgrade() -> None:
    op.create_table(
        "article_signatures",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("signature", sa.LargeBinary(), nullable=False, comment=SIGNATURE),
    )
    op.create_table(
        "copy_keys",
        sa.Column("key", sa.String(48), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_copy_keys_article_id", "copy_keys", ["article_id"])


def downgrade() -> None:
    op.drop_table("copy_keys")
    op.drop_table("article_signatures")
