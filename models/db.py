"""Opening the database: one URL (``--db`` or ``MINUTES_DB``), SQLite or
PostgreSQL, tables created when missing.

Several processes may write at once (two ingests, an ingest and a ``people
merge``): every write transaction goes through ``writing``, which holds the
database's one writer lock from its first statement, so writers queue rather
than fail or interleave. On SQLite that is ``BEGIN IMMEDIATE`` (with a long
busy timeout); on PostgreSQL a transaction-level advisory lock. Readers never
take it (SQLite's WAL journal lets them read beside a writer). A missing
schema is created under the same lock, in one transaction: a kill during the first
connect leaves no half-made schema, and two first ingests on a new database do
not race to create the same tables."""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text

from minutes.models.schema import Base

DEFAULT_URL = "sqlite:///minutes.db"
# How long a writer waits for another to finish (an ingest's linking can take minutes on a big archive).
BUSY_SECONDS = 600
WRITER_LOCK = 0x6D696E75746573  # "minutes": the PostgreSQL advisory lock every writer takes
_WRITE = "minutes_write"  # the execution option that marks a write transaction


def database_url(url: str | None = None) -> str:
    return url or os.environ.get("MINUTES_DB") or DEFAULT_URL


def _sqlite_connect(dbapi_connection, _record) -> None:
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


def connect(url: str | None = None) -> Engine:
    """An engine for ``url`` with the schema in place."""
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url)
    with engine.connect() as conn:
        complete = set(Base.metadata.tables) <= set(inspect(conn).get_table_names())
    if not complete:  # only then the writer lock: a reader does not wait for an ingest's linking
        with writing(engine) as conn:
            Base.metadata.create_all(conn)
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
