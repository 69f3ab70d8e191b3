"""The event store: articles, event reports, canonical events and ceasefires in SQLite or PostgreSQL.

`repository` opens, fills and queries it; `exports` writes what it returns. This package imports nothing
itself, so commands that do not touch the store do not load SQLAlchemy.
"""
