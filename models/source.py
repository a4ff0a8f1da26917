"""The source of a fact, for the auditor: which file, page and characters it
was read from, the words there, and (PDF) the boxes on the page those
characters are printed in.

A file's parsed text is its blocks joined by newlines (extract.document), so
the words of any span are read back from the stored blocks, and a PDF
block's ``boxes`` place each run of its characters on the page. A span that
covers part of a run is placed by interpolating along the run's box.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from sqlalchemy import Connection, Engine, Table, select

from minutes.models.schema import (action_updates, actions, attendance, blocks, decisions, documents,
                                   extraction_warnings, funding, items, person_aliases, source_files, targets)
from minutes.models.sql import Row, valid_id

# Every table of facts with provenance, by the name the site's links use.
FACTS: dict[str, Table] = {
    "document": documents, "block": blocks, "attendance": attendance, "item": items, "action": actions,
    "decision": decisions, "funding": funding, "target": targets, "evidence": action_updates,
    "alias": person_aliases, "warning": extraction_warnings,
}


@dataclass(frozen=True)
class Place:
    """Where a fact was read: a file's page and a character span of its text."""
    source_file_id: int
    page: int
    start: int
    end: int


@dataclass(frozen=True)
class StoredBlock:
    id: int
    kind: str
    text: str
    page: int
    start: int
    end: int
    boxes: tuple[tuple[int, int, float, float, float, float], ...]


def place(engine: Engine, fact: str, fact_id: int) -> Place | None:
    """The provenance of fact ``fact_id`` in table ``FACTS[fact]``; None when there is none."""
    table = FACTS.get(fact)
    if table is None or not valid_id(fact_id):
        return None
    with engine.connect() as conn:
        r = conn.execute(select(table.c.source_file_id, table.c.page, table.c.span_start, table.c.span_end)
                         .where(table.c.id == fact_id)).first()
    return Place(*r) if r else None


def source_file(engine: Engine, file_id: int) -> Row | None:
    """A recorded file: id, path, name, sha256, format, size, pages, status (None if not recorded)."""
    if not valid_id(file_id):
        return None
    with engine.connect() as conn:
        r = conn.execute(select(source_files.c.id, source_files.c.path, source_files.c.name, source_files.c.sha256,
                                source_files.c.format, source_files.c.size, source_files.c.pages,
                                source_files.c.status).where(source_files.c.id == file_id)).mappings().first()
    return dict(r) if r else None


def stored_blocks(conn: Connection, file_id: int, page: int | None = None,
                  span: tuple[int, int] | None = None) -> list[StoredBlock]:
    """The blocks of a file, in text order: those on ``page`` and/or overlapping ``span``."""
    where = [blocks.c.source_file_id == file_id]
    if page is not None and span is not None:
        where.append((blocks.c.page == page) | ((blocks.c.span_start < span[1]) & (blocks.c.span_end > span[0])))
    elif page is not None:
        where.append(blocks.c.page == page)
    elif span is not None:
        where += [blocks.c.span_start < span[1], blocks.c.span_end > span[0]]
    query = select(blocks.c.id, blocks.c.kind, blocks.c.text, blocks.c.page, blocks.c.span_start, blocks.c.span_end,
                   blocks.c.boxes).where(*where).order_by(blocks.c.span_start)
    return [StoredBlock(*r[:6], tuple(tuple(b) for b in json.loads(r.boxes)) if r.boxes else ())
            for r in conn.execute(query)]


def quote(found: list[StoredBlock], start: int, end: int) -> str:
    """The words of characters ``start:end``, from the blocks that hold them."""
    return "\n".join(b.text[max(start, b.start) - b.start:min(end, b.end) - b.start]
                     for b in found if b.start < end and b.end > start)


def quotes(conn: Connection, file_id: int, spans: list[tuple[int, int]]) -> list[str]:
    """The words of each span of one file, reading its blocks once."""
    found = stored_blocks(conn, file_id)
    return [quote(found, start, end) for start, end in spans]


def highlight(found: list[StoredBlock], page: int, start: int, end: int) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom, in points) on ``page`` covering characters
    ``start:end``: each run's box, cut along its width to the part of the
    run inside the span."""
    out = []
    for b in found:
        if b.page != page or b.start >= end or b.end <= start:
            continue
        for run_start, run_end, x0, top, x1, bottom in b.boxes:
            lo, hi = max(start, run_start), min(end, run_end)
            if lo >= hi:
                continue
            width = (x1 - x0) / max(run_end - run_start, 1)
            out.append((x0 + width * (lo - run_start), top, x0 + width * (hi - run_start), bottom))
    return out


def pieces(block: StoredBlock, start: int, end: int) -> list[tuple[str, bool]]:
    """A block's text cut where ``start:end`` begins and ends: (text, inside the span)."""
    lo = min(max(start, block.start), block.end) - block.start
    hi = min(max(end, block.start), block.end) - block.start
    parts = [(block.text[:lo], False), (block.text[lo:hi], True), (block.text[hi:], False)]
    return [p for p in parts if p[0]]
