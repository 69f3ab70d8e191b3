"""The store's version: one number that each write storing something raises in its own transaction, so that a
server may keep an answer for as long as the number it read before answering has not moved (serve/answers.py)."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from treve.store.schema import StoreStateRow


def raise_version(connection: Connection) -> None:
    """Called last in a write transaction, so that on PostgreSQL the one row is locked only while committing."""
    connection.execute(update(StoreStateRow).where(StoreStateRow.id == 1).values(version=StoreStateRow.version + 1))


def store_version(connection: Connection) -> int:
    """Read before the answer is computed: an answer kept under a number is never older than that number."""
    return int(connection.scalar(select(StoreStateRow.version).where(StoreStateRow.id == 1)) or 0)
