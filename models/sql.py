"""Building blocks the query modules share: a result row, running a query,
a literal case-insensitive substring test, and the conditions on a fact's
document (body, meeting dates, kind) that most listings take."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func

from minutes.models.schema import bodies, documents

Row = dict[str, Any]
# Documents that stand for their meeting: not a copy of one in another format (models.copies).
ORIGINAL = documents.c.copy_of_id.is_(None)


def all_rows(engine: Engine, query: Select) -> list[Row]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def contains(column: ColumnElement, text: str) -> ColumnElement[bool]:
    """Case-insensitive substring, with % and _ taken literally."""
    return func.lower(column).contains(text.lower(), autoescape=True)


def document_filters(body: str | None, date_from: date | None, date_to: date | None,
                     kind: str | None) -> list[ColumnElement[bool]]:
    """Conditions on the document (joined with its body) of a block or fact; copies are left out."""
    where = [ORIGINAL, contains(bodies.c.name, body)] if body else [ORIGINAL]
    if date_from:
        where.append(documents.c.meeting_date >= date_from)
    if date_to:
        where.append(documents.c.meeting_date <= date_to)
    if kind:
        where.append(documents.c.kind == kind)
    return where
