"""Ingest: files and folders into the database, one transaction per file.

A folder is walked recursively. Hidden files and folders (".name") and Office
lock files ("~$name") are skipped; every other file is considered, and one
in a format no parser reads is recorded as failed ("unsupported") so the user
sees it. A file already stored with the same sha256 is left alone (its ids do
not change); a stored path whose content changed is replaced; a failure is
recorded and the batch goes on. Failure reasons are those of
``extract.errors.ParseError`` plus "error" (the extractors raised) and
"store_error" (the database refused the records).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterable, TYPE_CHECKING

from sqlalchemy import Connection, Engine, Table, delete, insert, select

from minutes.extract import names, records
from minutes.extract.errors import ParseError
from minutes.extract.parsers import file_format, sha256_of
from minutes.extract.parsers.ocr import OcrMode
from minutes.extract.records import ExtractedDocument, Span

if TYPE_CHECKING:
    from minutes.extract.extractor import FileExtraction
from minutes.models.periods import financial_years
from minutes.models.schema import (Action, ActionOwner, Attendance, Block, Body, Decision, Document, Funding, Item,
                           Person, SourceFile, SourcePage, Target)

source_files: Table = SourceFile.__table__  # type: ignore[assignment]
source_pages: Table = SourcePage.__table__  # type: ignore[assignment]
bodies: Table = Body.__table__  # type: ignore[assignment]
documents: Table = Document.__table__  # type: ignore[assignment]
people: Table = Person.__table__  # type: ignore[assignment]
attendance: Table = Attendance.__table__  # type: ignore[assignment]
items: Table = Item.__table__  # type: ignore[assignment]
actions: Table = Action.__table__  # type: ignore[assignment]
action_owners: Table = ActionOwner.__table__  # type: ignore[assignment]
decisions: Table = Decision.__table__  # type: ignore[assignment]
funding: Table = Funding.__table__  # type: ignore[assignment]
targets: Table = Target.__table__  # type: ignore[assignment]
blocks: Table = Block.__table__  # type: ignore[assignment]


def extract_file(path: Path, ocr: OcrMode = "auto") -> FileExtraction:
    # Imported on first use: the extractors bring in spaCy, a second of start-up
    # that query commands (actions, search, ...) should not pay.
    from minutes.extract.extractor import extract_file as extract
    return extract(path, ocr)


@dataclass
class Failure:
    path: str
    reason: str
    detail: str


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and those under the folders named, in order, once each."""
    out: dict[str, Path] = {}
    for path in map(Path, paths):
        found = sorted(f for f in path.rglob("*") if f.is_file() and not _hidden(f.relative_to(path))) \
            if path.is_dir() else [path]
        out.update((os.path.abspath(f), f) for f in found)
    return list(out.values())


def _hidden(relative: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in relative.parts)


def ingest_paths(engine: Engine, paths: Iterable[str | Path],
                 progress: Callable[[Path], None] | None = None, ocr: OcrMode = "auto") -> IngestReport:
    """Ingest every file under ``paths``; ``progress`` is called after each
    file; ``ocr`` says which PDF pages are read by OCR."""
    report = IngestReport()
    for path in collect_files(paths):
        _ingest_file(engine, path, report, ocr)
        if progress:
            progress(path)
    if report.stored or report.replaced or report.failed:
        from minutes.models.people import relink  # late: models.people builds on this module
        relink(engine)
    return report


def _ingest_file(engine: Engine, path: Path, report: IngestReport, ocr: OcrMode) -> None:
    key = os.path.abspath(path)
    try:
        data = Path(key).read_bytes()
    except OSError as e:
        _fail(engine, report, key, None, None, "unreadable", e.strerror or str(e))
        return
    sha256, size = sha256_of(data), len(data)
    with engine.connect() as conn:
        prior = conn.execute(select(source_files.c.sha256, source_files.c.status)
                             .where(source_files.c.path == key)).first()
    if prior is not None and tuple(prior) == (sha256, "ok"):
        report.unchanged.append(key)
        return
    try:
        fx = extract_file(key, ocr)
    except ParseError as e:
        _fail(engine, report, key, sha256, size, e.reason, e.detail)
        return
    except Exception as e:  # an extractor bug must not stop a batch of thousands
        _fail(engine, report, key, sha256, size, "error", f"{type(e).__name__}: {e}")
        return
    try:
        store_extraction(engine, fx, size=size)
    except Exception as e:
        _fail(engine, report, key, sha256, size, "store_error", f"{type(e).__name__}: {e}")
        return
    (report.replaced if prior is not None and prior.status == "ok" else report.stored).append(key)


def _fail(engine: Engine, report: IngestReport, path: str, sha256: str | None, size: int | None,
          reason: str, detail: str) -> None:
    """Record the file as failed, in place of whatever was stored for its path."""
    with engine.begin() as conn:
        _replace_file(conn, {"path": path, "sha256": sha256, "format": file_format(Path(path)), "size": size,
                             "pages": None, "status": "failed", "error_reason": reason, "error_detail": detail})
    report.failed.append(Failure(path, reason, detail))


def _replace_file(conn: Connection, row: dict[str, Any]) -> int:
    # The cascade removes every row extracted from the old version.
    conn.execute(delete(source_files).where(source_files.c.path == row["path"]))
    row = row | {"ingested_at": datetime.now(timezone.utc)}
    return conn.execute(insert(source_files).returning(source_files.c.id), row).scalar_one()


def store_extraction(engine: Engine, fx: FileExtraction, size: int | None = None) -> int:
    """Store one file's records in one transaction, replacing any earlier
    version of the same path; returns the source file id."""
    p = fx.parsed
    with engine.begin() as conn:
        file_id = _replace_file(conn, {
            "path": os.path.abspath(p.path), "sha256": p.sha256, "format": p.format, "size": size,
            "pages": len(p.pages), "status": "ok", "error_reason": None, "error_detail": None})
        _insert(conn, source_pages, [
            {"source_file_id": file_id, "page": page.number, "span_start": page.start, "span_end": page.end,
             "ocr": page.ocr_confidence is not None, "ocr_confidence": _decimal(page.ocr_confidence)}
            for page in p.pages], returning=False)
        _write_documents(conn, file_id, fx.documents)
    return file_id


def name_key(name: str) -> str:
    """A person's name as the extractors match it: lower case words, no honorifics."""
    return " ".join(names.name_key(name)) or name.casefold().strip()


def _write_documents(conn: Connection, file_id: int, docs: list[ExtractedDocument]) -> None:
    """Bulk inserts, one per table, children after the parents whose ids they need."""
    names = [" ".join(d.section.body.split()) if d.section.body else None for d in docs]
    body_ids = _get_or_create_bodies(conn, {n for n in names if n})
    doc_bodies = [body_ids[n] if n else None for n in names]
    doc_ids = _insert(conn, documents, [_document_row(file_id, i, d, b)
                                        for i, (d, b) in enumerate(zip(docs, doc_bodies))])
    _insert(conn, blocks, [  # the FTS index follows by trigger (SQLite) or generated column (PostgreSQL)
        {"document_id": doc_id, "kind": b.kind, "text": b.text, "source_file_id": file_id, "page": b.page,
         "span_start": b.start, "span_end": b.end}
        for doc_id, d in zip(doc_ids, docs) for b in d.section.blocks], returning=False)

    item_keys = [(doc_id, item.ref) for doc_id, d in zip(doc_ids, docs) for item in d.items]
    item_ids = _insert(conn, items, [
        {"document_id": doc_id, "ref": item.ref, "title": item.title, "position": pos, **_where(file_id, item.span)}
        for doc_id, d in zip(doc_ids, docs) for pos, item in enumerate(d.items)])
    item_of: dict[tuple[int, str | None], int] = {}
    for k, item_id in zip(item_keys, item_ids):
        item_of.setdefault(k, item_id)  # the first item with a ref, if a document repeats one

    wanted = {}
    for body_id, d in zip(doc_bodies, docs):
        for p in d.attendees + d.apologies:
            wanted.setdefault((body_id, name_key(p.name)), p.name)
        for o in (o for a in d.actions for o in a.owners if o.is_person):
            wanted.setdefault((body_id, name_key(o.name)), o.name)
    person_ids = _get_or_create_people(conn, wanted)

    def link(doc_id: int, ref: str | None) -> dict[str, Any]:
        return {"item_id": item_of.get((doc_id, ref)) if ref else None, "item_ref": ref}

    _insert(conn, attendance, [
        {"document_id": doc_id, "person_id": person_ids[(body_id, name_key(p.name))], "status": p.status,
         "role": p.role, "organisation": p.organisation, "as_written": p.as_written,
         "substitute_for": p.substitute_for, "virtual": p.virtual, **_where(file_id, p.span)}
        for doc_id, body_id, d in zip(doc_ids, doc_bodies, docs) for p in d.attendees + d.apologies],
        returning=False)

    doc_actions = [(doc_id, body_id, a) for doc_id, body_id, d in zip(doc_ids, doc_bodies, docs) for a in d.actions]
    action_ids = _insert(conn, actions, [
        {"document_id": doc_id, **link(doc_id, a.item_ref), "text": a.text, "explicit": a.explicit,
         "due_date": a.due.date if a.due else None, "due_precision": a.due.precision if a.due else None,
         "due_text": a.due.text if a.due else None, "log_status": a.log_status, **_where(file_id, a.span)}
        for doc_id, _, a in doc_actions])
    _insert(conn, action_owners, [
        {"action_id": action_id, "name": o.name, "as_written": o.as_written, "is_person": o.is_person,
         "person_id": person_ids[(body_id, name_key(o.name))] if o.is_person else None, **_where(file_id, a.span)}
        for action_id, (_, body_id, a) in zip(action_ids, doc_actions) for o in a.owners], returning=False)

    _insert(conn, decisions, [
        {"document_id": doc_id, **link(doc_id, dec.item_ref), "text": dec.text, "explicit": dec.explicit,
         **_where(file_id, dec.span)}
        for doc_id, d in zip(doc_ids, docs) for dec in d.decisions], returning=False)
    _insert(conn, funding, [_funding_row(file_id, doc_id, link(doc_id, f.item_ref), f)
                            for doc_id, d in zip(doc_ids, docs) for f in d.funding], returning=False)
    _insert(conn, targets, [
        {"document_id": doc_id, "indicator": t.indicator, "code": t.code, "baseline": _decimal(t.baseline),
         "baseline_period": t.baseline_period, "target": _decimal(t.target), "target_period": t.target_period,
         "unit": t.unit, **_where(file_id, t.span)}
        for doc_id, d in zip(doc_ids, docs) for t in d.targets], returning=False)


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]], returning: bool = True) -> list[int]:
    """One executemany; with ``returning``, the new ids in the order of ``rows``."""
    if not rows:
        return []
    if not returning:
        conn.execute(insert(table), rows)
        return []
    return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars())


def _where(file_id: int, span: Span) -> dict[str, int]:
    return {"source_file_id": file_id, "page": span.page, "span_start": span.start, "span_end": span.end}


def _document_row(file_id: int, position: int, d: ExtractedDocument, body_id: int | None) -> dict[str, Any]:
    s, nm = d.section, d.next_meeting
    return {
        "body_id": body_id, "position": position, "kind": s.kind, "title": s.title,
        "meeting_date": s.meeting_date, "venue": s.venue, **_where(file_id, s.span),
        "next_meeting_date": nm.date if nm else None, "next_meeting_time": nm.time if nm else None,
        "next_meeting_venue": nm.venue if nm else None, "next_meeting_date_text": nm.date_text if nm else None,
        "next_meeting_page": nm.span.page if nm else None, "next_meeting_span_start": nm.span.start if nm else None,
        "next_meeting_span_end": nm.span.end if nm else None,
    }


def _funding_row(file_id: int, doc_id: int, link: dict[str, Any], f: records.Funding) -> dict[str, Any]:
    start, end = financial_years(f.period) or (None, None)
    return {
        "document_id": doc_id, **link, "amount": _money(f.amount_gbp), "amount_high": _money(f.amount_high_gbp),
        "currency": "GBP", "kind": f.kind, "period": f.period, "period_start": start, "period_end": end,
        "purpose": f.purpose, "table_row": f.table_row, "table_col": f.table_col, "text": f.text,
        **_where(file_id, f.span),
    }


def _decimal(value: Decimal | float | None) -> Decimal | None:
    # Through str: the float's shortest repr, so 0.1 stays 0.1 and not 0.1000000000000000055...
    return None if value is None else Decimal(str(value))


def _money(value: Decimal | float | None) -> Decimal | None:
    d = _decimal(value)
    return None if d is None else d.quantize(Decimal("0.01"))


def _get_or_create_bodies(conn: Connection, names: set[str]) -> dict[str, int]:
    if not names:
        return {}
    found = {r.name: r.id for r in conn.execute(select(bodies.c.id, bodies.c.name).where(bodies.c.name.in_(names)))}
    missing = sorted(names - found.keys())
    found.update(zip(missing, _insert(conn, bodies, [{"name": n} for n in missing])))
    return found


def _get_or_create_people(conn: Connection, wanted: dict[tuple[int | None, str], str]) -> dict[tuple[int | None, str], int]:
    """Ids of people by (body, name key), creating those not yet known.
    Looked up here rather than by upsert: the unique index cannot see NULL bodies."""
    if not wanted:
        return {}
    rows = conn.execute(select(people.c.id, people.c.body_id, people.c.name_key)
                        .where(people.c.name_key.in_({k for _, k in wanted})))
    found = {(r.body_id, r.name_key): r.id for r in rows if (r.body_id, r.name_key) in wanted}
    missing = [k for k in wanted if k not in found]
    found.update(zip(missing, _insert(conn, people, [{"body_id": b, "name": wanted[(b, k)], "name_key": k}
                                                      for b, k in missing])))
    return found
