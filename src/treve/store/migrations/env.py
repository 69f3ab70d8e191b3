"""Alembic's entry point, run by `treve.store.repository.open_store` on an open connection (no alembic.ini).

A new revision: `python -c "from alembic import command; from treve.store.repository import alembic_config;
command.revision(alembic_config(), 'what changes', rev_id='0002')"`, then write its upgrade by hand with
batch operations (`op.batch_alter_table`), which SQLite needs to alter a table.
"""

from __future__ import annotations

from alembic import context

from treve.errors import StoreError
from treve.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise StoreError("migrations run on an open connection; open the store with treve.store.open_store(url)")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
