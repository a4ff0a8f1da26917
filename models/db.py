"""Opening the database: one ``--db`` (or ``MINUTES_DB``), a SQLAlchemy URL
of SQLite or PostgreSQL or a plain path to a SQLite file. ``connect`` is for
writing (tables created when missing); ``open_readonly`` for every reader,
the site included: it refuses a database that is not there, and the
connection it gives cannot write.

Several processes may write at once (two ingests, an ingest and a ``people
merge``): every write transaction goes through ``writing``, which holds the
database's one writer lock from its first statement, so writers queue rather
than fail or interleave. On SQLite that is ``BEGIN IMMEDIATE`` (with a long
busy timeout); on PostgreSQL a transaction-level advisory lock. Readers never
take it (SQLite's WAL journal lets them read beside a writer). A missing
schema is created under the same lock, in one transaction: a kill during the
first connect leaves no half-made schema, and two first ingests on a new
database do not race to create the same tables."""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any, Iterator
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from minutes.models.schema import Base

DEFAULT_URL = "minutes.db"
# How long a writer waits for another to finish (an ingest's linking can take minutes on a big archive).
BUSY_SECONDS = 600
WRITER_LOCK = 0x6D696E75746573  # "minutes": the PostgreSQL advisory lock every writer takes
_WRITE = "minutes_write"  # the execution option that marks a write transaction


class DatabaseError(Exception):
    """The database named cannot be opened as asked; the message says why."""


def database_url(url: str | None = None) -> str:
    """A SQLAlchemy URL for ``url``: a URL as given, a path as a SQLite file."""
    url = url or os.environ.get("MINUTES_DB") or DEFAULT_URL
    return url if "://" in url else f"sqlite:///{url}"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # We emit BEGIN ourselves (below), so that a write transaction can be IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless asked, per connection.
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the ingest
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock now, waiting up to the busy timeout; a
    # deferred transaction that reads first and writes later fails at once
    # ("database is locked") when another writer got in between.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


def _engine(url: str, **kwargs: Any) -> Engine:
    try:
        return create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as e:
        raise DatabaseError(f"cannot use database {url!r}: {e}") from e


def _complete(conn: Connection) -> bool:
    """Whether every table of the schema, and every index on them, is in the database."""
    found = inspect(conn)
    if not set(Base.metadata.tables) <= set(found.get_table_names()):
        return False
    return all({ix.name for ix in table.indexes} <= {ix["name"] for ix in found.get_indexes(table.name)}
               for table in Base.metadata.sorted_tables if table.indexes)


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` with the schema in place."""
    full = database_url(url)
    if full.startswith("sqlite"):
        engine = _engine(full, connect_args={"timeout": BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = _engine(full)
    try:
        with engine.connect() as conn:
            complete = _complete(conn)
        if not complete:  # only then the writer lock: a reader does not wait for an ingest's linking
            with writing(engine) as conn:
                Base.metadata.create_all(conn)
                for table in Base.metadata.sorted_tables:  # a database made before an index was added gets it
                    for index in table.indexes:
                        index.create(conn, checkfirst=True)
    except DBAPIError as e:  # a folder that is not there, a server that does not answer
        engine.dispose()
        raise DatabaseError(f"cannot open database {engine.url}: {' '.join(str(e.orig).split())}") from e
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction holding the writer lock; committed on leaving, rolled back on an exception."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
            yield conn


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
