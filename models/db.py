"""Opening the database: one ``--db`` (or ``MINUTES_DB``), a SQLAlchemy URL
of SQLite or PostgreSQL or a plain path to a SQLite file. ``connect`` is for
writing (tables created when missing); ``open_readonly`` for every reader,
the site included: it refuses a database that is not there, and the
connection it gives cannot write."""
from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from minutes.models.schema import Base

DEFAULT_URL = "minutes.db"


class DatabaseError(Exception):
    """The database named cannot be opened as asked; the message says why."""


def database_url(url: str | None = None) -> str:
    """A SQLAlchemy URL for ``url``: a URL as given, a path as a SQLite file."""
    url = url or os.environ.get("MINUTES_DB") or DEFAULT_URL
    return url if "://" in url else f"sqlite:///{url}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the ingest
    cursor.close()


def _engine(url: str, **kwargs: Any) -> Engine:
    try:
        return create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as e:
        raise DatabaseError(f"cannot use database {url!r}: {e}") from e


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` with the schema in place."""
    engine = _engine(database_url(url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        Base.metadata.create_all(engine)
    except DBAPIError as e:  # a folder that is not there, a server that does not answer
        engine.dispose()
        raise DatabaseError(f"cannot open database {engine.url}: {' '.join(str(e.orig).split())}") from e
    return engine


def open_readonly(url: str | None = None) -> Engine:
    """An engine on an existing minutes database whose connections cannot
    write: SQLite opened with mode=ro, PostgreSQL sessions read-only."""
    full = database_url(url)
    try:
        parsed = make_url(full)
    except ArgumentError as e:
        raise DatabaseError(f"cannot use database {full!r}: {e}") from e
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if not path or path == ":memory:" or not os.path.isfile(path):
            raise DatabaseError(f"no database at {path or full}: create it with 'minutes ingest PATH --db {path}'")
        engine = _engine(f"sqlite:///file:{quote(os.path.abspath(path))}?mode=ro&uri=true")
    else:
        engine = _engine(full, connect_args={"options": "-c default_transaction_read_only=on"})
    try:
        found = inspect(engine).has_table("source_files")
    except DBAPIError as e:
        engine.dispose()
        raise DatabaseError(f"cannot open database {full}: {' '.join(str(e.orig).split())}") from e
    if not found:
        engine.dispose()
        raise DatabaseError(f"{full} is not a minutes database (it has no source_files table)")
    return engine
