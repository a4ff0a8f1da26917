"""A topic's trail: the items, decisions, actions and funding lines on a
topic, across bodies and years, in meeting order.

A fact is on the topic when the text index finds the topic in a block that
holds the fact (its span lies inside the block), or when its own text (item
title, decision or action text, funding purpose) contains every word of the
topic. Table blocks count only through the direct match: one table cell
mentioning the topic does not put every other sum of the table on it.

Documents without a date (strategies, some reports) come after every dated
one, by file and position: the timeline does not guess a date for them.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from sqlalchemy import Engine, Table, and_, exists, literal, or_, select, union_all

from minutes.extract.money import format_amount, printed_pence
from minutes.models.schema import actions, blocks, bodies, decisions, documents, funding, items, source_files
from minutes.models.search import match
from minutes.models.sql import Row, contains, document_filters

_WORD = re.compile(r"[\w'-]+")

# Per fact table: its name in the timeline, and the columns its own text is read from.
FACTS: list[tuple[str, Table, list[str]]] = [
    ("item", items, ["ref", "title"]),
    ("decision", decisions, ["text"]),
    ("action", actions, ["text"]),
    ("funding", funding, ["purpose", "text"]),
]


def trace(engine: Engine, topic: str, body: str | None = None, date_from: date | None = None,
          date_to: date | None = None) -> list[Row]:
    """Facts on ``topic`` by meeting date (undated documents last), then by
    place in the document: date, body, fact, text, document, file and page."""
    m = match(engine.dialect.name, topic)
    words = [w for w in _WORD.findall(topic) if w.lower() not in ("or",) and not w.startswith("-")]
    if m is None or not words:
        return []
    # Found once, read by every fact table (a CTE used more than once is materialised by both databases).
    found = select(blocks.c.document_id, blocks.c.span_start, blocks.c.span_end).select_from(m.source) \
        .where(m.where, blocks.c.kind != "table").cte("found")
    parts = []
    for fact, table, columns in FACTS:
        in_block = exists(select(found.c.document_id).where(
            found.c.document_id == table.c.document_id,
            found.c.span_start <= table.c.span_start, found.c.span_end >= table.c.span_end))
        direct = or_(*(and_(*(contains(table.c[c], w) for w in words)) for c in columns if c != "ref"))
        parts.append(select(
            literal(fact).label("fact"), table.c.id, table.c.document_id, table.c.page, table.c.span_start,
        ).select_from(table.join(documents, documents.c.id == table.c.document_id)
                      .outerjoin(bodies, bodies.c.id == documents.c.body_id))
            .where(or_(in_block, direct), *document_filters(body, date_from, date_to, None),
                   *([or_(funding.c.fact_id.is_(None), funding.c.fact_id == funding.c.id)]  # a fact once
                     if table is funding else [])))
    hits = union_all(*parts).subquery()
    query = select(
        documents.c.meeting_date.label("date"), bodies.c.name.label("body"), hits.c.fact, hits.c.id,
        hits.c.document_id, documents.c.kind, source_files.c.path.label("file"), hits.c.page,
    ).select_from(hits.join(documents, documents.c.id == hits.c.document_id)
                  .join(source_files, source_files.c.id == documents.c.source_file_id)
                  .outerjoin(bodies, bodies.c.id == documents.c.body_id)) \
        .order_by(documents.c.meeting_date.is_(None), documents.c.meeting_date, source_files.c.path,
                  documents.c.position, hits.c.span_start, hits.c.fact, hits.c.id)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(query).mappings()]
        texts = _texts(conn, rows)
    return [{**r, "text": texts[(r["fact"], r["id"])]} for r in rows]


def _texts(conn: Any, rows: list[Row]) -> dict[tuple[str, int], str]:
    """What each fact says, one query per fact table."""
    out: dict[tuple[str, int], str] = {}
    for fact, table, _ in FACTS:
        ids = [r["id"] for r in rows if r["fact"] == fact]
        if not ids:
            continue
        columns = ["amount", "amount_high", "currency", "kind", "period", "purpose", "text"] if fact == "funding" else \
            ["ref", "title"] if fact == "item" else ["text"]
        for r in conn.execute(select(table.c.id, *(table.c[c] for c in columns))
                              .where(table.c.id.in_(ids))).mappings():
            out[(fact, r["id"])] = _describe(fact, r)
    return out


def _describe(fact: str, r: Any) -> str:
    if fact == "item":
        return " ".join(filter(None, [r["ref"], r["title"]]))
    if fact != "funding":
        return r["text"]
    pence = printed_pence(r["text"])
    amount = format_amount(r["amount"], r["currency"], pence) + (
        f"-{format_amount(r['amount_high'], r['currency'], pence)}" if r["amount_high"] is not None else "")
    return " ".join(filter(None, [amount, r["kind"], r["period"], r["purpose"] and f"for {r['purpose']}",
                                  f"({r['text']})"]))

