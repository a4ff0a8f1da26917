"""Build small invented minutes for the action/decision tests."""
from __future__ import annotations

from datetime import date

from minutes.extract.document import DocumentBuilder
from minutes.extract.extractor import PIPELINE, Context
from minutes.extract.records import ExtractedDocument, Item, Person, Section, Span

SPAN = Span(1, 0, 0)


def person(name: str, role: str | None = None, status: str = "present") -> Person:
    return Person(name, status, SPAN, role=role)  # type: ignore[arg-type]


def make_doc(blocks: list[tuple], people: list[Person] | None = None, meeting: date | None = date(2012, 1, 10),
             kind: str = "minutes") -> ExtractedDocument:
    """``blocks``: (kind, text) or (kind, text, label) or ("table", rows)."""
    b = DocumentBuilder("x.txt", "txt", "0")
    items = []
    for spec in blocks:
        if spec[0] == "table":
            b.add_table(spec[1])
            continue
        block = b.add(spec[0], spec[1], label=spec[2] if len(spec) > 2 else None)
        if spec[0] == "heading" and block:
            items.append(Item(block.text.split()[0], block.text, Span(1, block.start, block.end)))
    parsed = b.build()
    section = Section(kind, "Test minutes", parsed.blocks, meeting_date=meeting)  # type: ignore[arg-type]
    doc = ExtractedDocument(section, attendees=people or [], items=items)
    return doc


def run_components(doc: ExtractedDocument, *names: str) -> ExtractedDocument:
    """Run the pipeline's components ``names`` (in pipeline order) over ``doc``,
    whose fields the others would assign the test has filled in."""
    warnings = PIPELINE.run(doc, Context(standalone=True), only=names)
    assert not warnings, [str(w) for w in warnings]
    return doc


TIMESTAMPS = {"ingested_at", "added_at", "created_at"}


def database_content(engine, ids: bool = True) -> dict[str, list[tuple]]:
    """Every row of every table, less the times rows were written (and, with
    ``ids`` false, less every id, so content written in another order compares equal)."""
    from sqlalchemy import select

    from minutes.models.schema import Base
    out = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            columns = [c for c in table.c if c.name not in TIMESTAMPS
                       and (ids or not (c.name == "id" or c.name.endswith("_id")))]
            out[table.name] = sorted((tuple(r) for r in conn.execute(select(*columns))), key=repr)
    return out
