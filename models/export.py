"""Whole tables out, for spreadsheets and other tools: every column of the
table, then readable columns in place of what its ids point at (body name,
meeting date, person, file path; an action's owners). And the CSV and JSON
text of any listing, which the command line and the site both write."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any, Iterable

from sqlalchemy import Engine, FromClause, Select, Table, func, select

from minutes.models.schema import Base, action_owners, actions, bodies, documents, people, source_files
from minutes.models.sql import Row, all_rows

# The ids a table may hold, and what to show for each, in this order.
_LINKS = ("document_id", "body_id", "person_id", "action_id", "source_file_id")


def tables() -> list[str]:
    """Names of the tables ``export`` reads, in dependency order."""
    return [t.name for t in Base.metadata.sorted_tables]


def export_query(name: str) -> Select:
    """Every row of table ``name`` with its readable columns, by id."""
    table: Table = Base.metadata.tables[name]
    source: FromClause = table
    extra = []
    for link in (c for c in _LINKS if c in table.c):
        if link == "document_id":
            doc = documents.alias("doc")
            body = bodies.alias("doc_body")
            source = source.join(doc, doc.c.id == table.c.document_id).outerjoin(body, body.c.id == doc.c.body_id)
            extra += [body.c.name.label("body"), doc.c.meeting_date.label("meeting_date"),
                      doc.c.kind.label("document_kind")]
        elif link == "body_id":
            body = bodies.alias("body")
            source = source.outerjoin(body, body.c.id == table.c.body_id)
            extra.append(body.c.name.label("body"))
        elif link == "person_id":
            person = people.alias("person")
            source = source.outerjoin(person, person.c.id == table.c.person_id)
            extra.append(person.c.name.label("person"))
        elif link == "action_id":
            action = actions.alias("action")
            source = source.join(action, action.c.id == table.c.action_id)
            extra.append(action.c.text.label("action"))
        else:
            file = source_files.alias("file")
            source = source.join(file, file.c.id == table.c.source_file_id)
            extra.append(file.c.path.label("file"))
    if table is actions:
        owners = action_owners.alias("owner")
        extra.append(select(func.aggregate_strings(owners.c.name, "; ")).where(owners.c.action_id == table.c.id)
                     .scalar_subquery().label("owners"))
    taken = set(table.c.keys())
    return select(*table.c, *(e for e in extra if e.key not in taken)).select_from(source).order_by(table.c.id)


def export_rows(engine: Engine, name: str) -> list[Row]:
    return all_rows(engine, export_query(name))


def cell_text(value: Any) -> str:
    """A value as a CSV cell or table cell reads it: dates in ISO form, yes/no, money exact."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def csv_text(rows: list[Row], columns: Iterable[str]) -> str:
    """``rows`` as CSV: every column of the rows, or ``columns`` (the header of an empty listing)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: cell_text(v) for k, v in r.items()} for r in rows)
    return out.getvalue()


def json_text(data: Any) -> str:
    """``data`` as JSON: dates in ISO form, money as exact decimal strings."""
    return json.dumps(data, indent=1, ensure_ascii=False, default=cell_text)
