"""Opening the database: one URL (``--db`` or ``MINUTES_DB``), SQLite or
PostgreSQL, tables created when missing."""
from __future__ import annotations

import os

from sqlalchemy import Engine, create_engine, event

from minutes.models.schema import Base

DEFAULT_URL = "sqlite:///minutes.db"


def database_url(url: str | None = None) -> str:
    return url or os.environ.get("MINUTES_DB") or DEFAULT_URL


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the ingest
    cursor.close()


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` with the schema in place."""
    engine = create_engine(database_url(url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    return engine
