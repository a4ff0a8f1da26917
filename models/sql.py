"""Building blocks the query modules share: a result row, running a query,
a literal case-insensitive substring test, the conditions on a fact's
document (body, meeting dates, kind) that most listings take, and the bounds
every query input is held to (a clear ``QueryError`` rather than a database
error, an overflow or a query that runs for minutes)."""
from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import CTE, ColumnElement, Engine, Select, func, select

from minutes.models.schema import bodies, documents

Row = dict[str, Any]
T = TypeVar("T")
# Documents that stand for their meeting: not a copy of one in another format (models.copies).
# Not "copy_of_id IS NULL", which SQLite's planner, without statistics, takes for a selective lookup in the
# copies' index: almost every document is an original, and it would read every one to find a body's few.
ORIGINAL = func.coalesce(documents.c.copy_of_id, 0) == 0

MAX_ID = 2**31 - 1  # ids are INTEGER columns: 32 bits on PostgreSQL
MAX_LIMIT = 10_000  # rows a search returns at most
MAX_TEXT = 200  # characters of a name, body or purpose to look for (SQLite refuses LIKE patterns past 50,000)
MAX_TERMS = 64  # words of a search or trace (FTS5 and SQL expression trees grow with each)
MAX_QUERY = 1000  # characters of a search or trace


class QueryError(ValueError):
    """A query input out of bounds; the message says which and why."""


def needle(label: str, text: str) -> str:
    """``text`` to look for, held to bounds: not blank, at most ``MAX_TEXT`` characters."""
    if not text.strip():
        raise QueryError(f"{label}: give some text to look for (it is blank)")
    if len(text) > MAX_TEXT:
        raise QueryError(f"{label}: at most {MAX_TEXT} characters (it has {len(text):,})")
    return text


def valid_id(value: int) -> bool:
    """Whether ``value`` can be an id at all (larger ones overflow the column)."""
    return 1 <= value <= MAX_ID


def check_query(label: str, text: str, words: list[str]) -> None:
    """A search or trace query of at most ``MAX_QUERY`` characters and ``MAX_TERMS`` words."""
    if len(text) > MAX_QUERY:
        raise QueryError(f"{label}: at most {MAX_QUERY} characters (it has {len(text):,})")
    if len(words) > MAX_TERMS:
        raise QueryError(f"{label}: at most {MAX_TERMS} words (it has {len(words):,})")


def all_rows(engine: Engine, query: Select) -> list[Row]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def contains(column: ColumnElement, text: str, label: str | None = None) -> ColumnElement[bool]:
    """Case-insensitive substring, with % and _ taken literally; ``label``
    names the input in the error when ``text`` is out of bounds."""
    return func.lower(column).contains(needle(label or column.key or "text", text).lower(), autoescape=True)


def distinct_values(column: ColumnElement, name: str) -> CTE:
    """The distinct values of an indexed column, by a "loose index scan": one
    index seek per value (the least value above the last), not a read of
    every row; for a column of few values in many rows (the names owners are
    written as). A recursive CTE named ``name``, its column ``value``."""
    values = select(func.min(column).label("value")).cte(name, recursive=True)
    following = select(func.min(column)).where(column > values.c.value).scalar_subquery()
    return values.union_all(select(following).where(values.c.value.is_not(None)))


def document_filters(body: str | None, date_from: date | None, date_to: date | None,
                     kind: str | None) -> list[ColumnElement[bool]]:
    """Conditions on the document (joined with its body) of a block or fact; copies are left out."""
    where: list[ColumnElement[bool]] = [ORIGINAL]
    if body is not None:
        where.append(contains(bodies.c.name, body, "body"))
    if date_from:
        where.append(documents.c.meeting_date >= date_from)
    if date_to:
        where.append(documents.c.meeting_date <= date_to)
    if kind:
        where.append(documents.c.kind == kind)
    return where


def chunks(values: list[T], size: int = 500) -> list[list[T]]:
    """``values`` in lists short enough for one IN (...) each."""
    return [values[i:i + size] for i in range(0, len(values), size)]
