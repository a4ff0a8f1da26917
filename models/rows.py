"""The rows one file's extraction becomes: its ``source_files`` row and location, its
documents and blocks, every extracted fact with its provenance, the people
and bodies they name, the components' versions and their warnings. Bulk
inserts, one per table; the caller holds the transaction (``models.store``)."""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from minutes.extract import records
from minutes.extract.document import TextBox
from minutes.extract.extractor import ExtractionWarning, FileExtraction
from minutes.extract.paths import real_path
from minutes.extract.names import name_key_text
from minutes.extract.progress import stems
from minutes.extract.bodies import body_key, split_body
from minutes.extract.records import BodyName, ExtractedDocument, Span
from minutes.models.copies import fingerprint
from minutes.models.linking import owe
from minutes.models.periods import financial_years
from minutes.models.schema import (action_owners, actions, attendance, blocks, bodies, decisions, documents,
                                   extraction_warnings, funding, items, people, source_file_components, source_files,
                                   source_locations, source_pages, targets)


def put_source(conn: Connection, row: dict[str, Any]) -> int:
    """Store the source row of one content (``row["sha256"]``) in place of any
    earlier row for the same content, keeping that row's locations (the
    cascade removes every fact extracted from it), and record ``row["path"]``
    as one of its locations; returns its id."""
    path, kept = row["path"], []
    old = None if row["sha256"] is None else conn.execute(
        select(source_files.c.id, source_files.c.path, source_files.c.body_given)
        .where(source_files.c.sha256 == row["sha256"])).first()
    if old is not None:
        kept = [dict(r) for r in conn.execute(select(source_locations.c.path, source_locations.c.added_at)
                                              .where(source_locations.c.source_file_id == old.id)).mappings()]
        _delete_source(conn, old.id)
    kept_path = old.path if old is not None else path
    row = row | {"path": kept_path, "name": os.path.basename(kept_path), "ingested_at": datetime.now(timezone.utc),
                 "body_given": row.get("body_given") or (old.body_given if old is not None else None)}
    file_id = conn.execute(insert(source_files).returning(source_files.c.id), row).scalar_one()
    if kept:
        conn.execute(insert(source_locations), [r | {"source_file_id": file_id} for r in kept])
    add_location(conn, file_id, path)
    return file_id


def _delete_source(conn: Connection, file_id: int) -> None:
    """Delete a source and (by cascade) its facts; the bodies they were of are owed a relink."""
    found = conn.execute(select(documents.c.body_id, documents.c.read_body_id).distinct()
                         .where(documents.c.source_file_id == file_id)).all()
    owe(conn, {b for pair in found for b in pair})
    conn.execute(delete(source_files).where(source_files.c.id == file_id))


def add_location(conn: Connection, file_id: int, path: str) -> None:
    """Record that ``path`` holds source ``file_id``'s content. The source the
    path held before loses it, and is deleted with its facts when no path holds it any more."""
    before = conn.execute(select(source_locations.c.source_file_id).where(source_locations.c.path == path)).scalar()
    if before == file_id:
        return
    if before is not None:
        remove_location(conn, path)
    conn.execute(insert(source_locations), {"source_file_id": file_id, "path": path,
                                            "added_at": datetime.now(timezone.utc)})


def remove_location(conn: Connection, path: str) -> None:
    """``path`` holds its source no more: the source is deleted with its facts when no other path holds it."""
    before = conn.execute(select(source_locations.c.source_file_id).where(source_locations.c.path == path)).scalar()
    if before is None:
        return
    conn.execute(delete(source_locations).where(source_locations.c.path == path))
    left = conn.execute(select(source_locations.c.path).where(source_locations.c.source_file_id == before)
                        .order_by(source_locations.c.added_at, source_locations.c.id).limit(1)).scalar()
    if left is None:
        _delete_source(conn, before)
    else:
        conn.execute(update(source_files).where(source_files.c.id == before, source_files.c.path == path)
                     .values(path=left, name=os.path.basename(left)))


@dataclass
class DocumentRows:
    """One document's rows, all but the ids the database gives: made where the
    file was extracted (a worker), so the writer only looks up ids and inserts."""
    body_name: BodyName | None
    row: dict[str, Any]  # the documents row, less its file and body ids
    blocks: list[dict[str, Any]]
    items: list[dict[str, Any]]
    people: dict[str, str]  # name key -> the name first written, of everyone attending or owning
    attendance: list[dict[str, Any]]  # each with the "name_key" of its person
    actions: list[tuple[dict[str, Any], list[dict[str, Any]]]]  # with their owners ("name_key" None: no person)
    decisions: list[dict[str, Any]]
    funding: list[dict[str, Any]]
    facts: list[int]  # for each funding row, the position of the first mention of its fact (``same_facts``)
    targets: list[dict[str, Any]]


@dataclass
class FileRows:
    """One file's extraction as the rows it becomes (``file_rows``), with what an ingest reports of it."""
    source: dict[str, Any]  # path, sha256, format, pages
    components: dict[str, int]
    pages: list[dict[str, Any]]
    documents: list[DocumentRows]
    warnings: list[ExtractionWarning]
    warning_rows: list[dict[str, Any]]  # each with the "document" it is against, by position

    @property
    def page_count(self) -> int:
        return int(self.source["pages"])

    @property
    def unnamed(self) -> bool:
        """A document of the file names no body."""
        return any(d.body_name is None for d in self.documents)


def file_rows(fx: FileExtraction) -> FileRows:
    """The rows of one extracted file: every value the writer stores but the ids."""
    p = fx.parsed
    return FileRows(
        {"path": real_path(p.path), "sha256": p.sha256, "format": p.format, "pages": len(p.pages)},
        dict(fx.components),
        [{"page": page.number, "span_start": page.start, "span_end": page.end,
          "ocr": page.ocr_confidence is not None, "ocr_confidence": _decimal(page.ocr_confidence)}
         for page in p.pages],
        [_document_rows(d) for d in fx.documents],
        list(fx.warnings),
        [{"document": w.document, "component": w.component, "version": w.version, "error": w.error,
          "message": w.message, **_where(fx.documents[w.document].section.span)} for w in fx.warnings])


def _document_rows(d: ExtractedDocument) -> DocumentRows:
    people: dict[str, str] = {}
    for p in d.attendees + d.apologies:
        people.setdefault(name_key_text(p.name), p.name)
    for o in (o for a in d.actions for o in a.owners if o.is_person and not o.ambiguous):
        people.setdefault(name_key_text(o.name), o.name)
    return DocumentRows(
        d.body_name, _document_row(d),
        # blocks as printed, numbering labels in front; the FTS index follows by trigger
        # (SQLite) or generated column (PostgreSQL)
        [{"kind": b.kind, "text": b.printed, "page": b.page, "span_start": b.head, "span_end": b.end,
          "boxes": _boxes(b.boxes)} for b in d.section.blocks],
        [{"ref": item.ref, "title": item.title, "position": pos, **_where(item.span)}
         for pos, item in enumerate(d.items)],
        people,
        [{"name_key": name_key_text(p.name), "status": p.status, "role": p.role, "organisation": p.organisation,
          "as_written": p.as_written, "substitute_for": p.substitute_for, "virtual": p.virtual,
          "initials": p.initials, "category": p.category, **_where(p.span)} for p in d.attendees + d.apologies],
        [({"item_ref": a.item_ref, "text": a.text, "explicit": a.explicit,
           "due_date": a.due.date if a.due else None, "due_precision": a.due.precision if a.due else None,
           "due_text": a.due.text if a.due else None, "log_status": a.log_status, **_where(a.span)},
          [{"name": o.name, "as_written": o.as_written, "is_person": o.is_person, "ambiguous": o.ambiguous,
            "name_key": name_key_text(o.name) if o.is_person and not o.ambiguous else None, **_where(a.span)}
           for o in a.owners]) for a in d.actions],
        [{"item_ref": dec.item_ref, "text": dec.text, "explicit": dec.explicit, **_where(dec.span)}
         for dec in d.decisions],
        [_funding_row(f) for f in d.funding], same_facts(d.funding),
        [{"indicator": t.indicator, "code": t.code, "baseline": _decimal(t.baseline),
          "baseline_period": t.baseline_period, "target": _decimal(t.target), "target_period": t.target_period,
          "unit": t.unit, **_where(t.span)} for t in d.targets])


def write_extraction(conn: Connection, fx: FileExtraction | FileRows, size: int | None, body: str | None = None,
                     path: str | None = None) -> int:
    """Every row of one extracted file (or of its ``file_rows``); ``body`` is
    the body of its documents that name none (``ingest --body``; kept for the
    content once given). Returns the source file id."""
    fr = fx if isinstance(fx, FileRows) else file_rows(fx)
    file_id = put_source(conn, fr.source | {"path": path or fr.source["path"], "size": size, "status": "ok",
                                            "error_reason": None, "error_detail": None, "body_given": body})
    body = conn.execute(select(source_files.c.body_given).where(source_files.c.id == file_id)).scalar()
    at = {"source_file_id": file_id}
    _insert(conn, source_file_components, [at | {"name": name, "version": version}
                                           for name, version in fr.components.items()], returning=False)
    _insert(conn, source_pages, [at | r for r in fr.pages], returning=False)
    doc_ids = _write_documents(conn, file_id, fr.documents, split_body(body) if body else None)
    _insert(conn, extraction_warnings, [
        _less(r, "document") | at | {"document_id": doc_ids[r["document"]]}
        for r in fr.warning_rows], returning=False)
    return file_id


def _less(row: dict[str, Any], key: str) -> dict[str, Any]:
    """``row`` without ``key``: a value the writer reads (a position, a person's key), not a column."""
    return {k: v for k, v in row.items() if k != key}


def _write_documents(conn: Connection, file_id: int, docs: list[DocumentRows],
                     given: BodyName | None) -> list[int]:
    """Documents (``given`` the body of those that name none), then their
    children after the parents whose ids they need; returns the document ids."""
    at = {"source_file_id": file_id}
    named = [d.body_name or given for d in docs]
    body_ids = get_or_create_bodies(conn, {b for b in named if b})
    doc_bodies = [body_ids[b] if b else None for b in named]
    doc_ids = _insert(conn, documents, [d.row | at | {"body_id": b, "read_body_id": b, "position": i}
                                        for i, (d, b) in enumerate(zip(docs, doc_bodies))])
    owe(conn, doc_bodies)
    _insert(conn, blocks, [r | at | {"document_id": doc_id} for doc_id, d in zip(doc_ids, docs) for r in d.blocks],
            returning=False)

    item_keys = [(doc_id, r["ref"]) for doc_id, d in zip(doc_ids, docs) for r in d.items]
    item_ids = _insert(conn, items, [r | at | {"document_id": doc_id} for doc_id, d in zip(doc_ids, docs)
                                     for r in d.items])
    item_of: dict[tuple[int, str | None], int] = {}
    for k, item_id in zip(item_keys, item_ids):
        item_of.setdefault(k, item_id)  # the first item with a ref, if a document repeats one

    wanted: dict[tuple[int | None, str], str] = {}
    for body_id, d in zip(doc_bodies, docs):
        for key, name in d.people.items():
            wanted.setdefault((body_id, key), name)
    person_ids = _get_or_create_people(conn, wanted)

    def of(doc_id: int, r: dict[str, Any]) -> dict[str, Any]:
        """``r`` of document ``doc_id``, its item found by ref."""
        ref = r.get("item_ref")
        return r | at | {"document_id": doc_id, "item_id": item_of.get((doc_id, ref)) if ref else None}

    _insert(conn, attendance, [
        _less(r, "name_key") | at | {"document_id": doc_id, "person_id": person_ids[(body_id, r["name_key"])]}
        for doc_id, body_id, d in zip(doc_ids, doc_bodies, docs) for r in d.attendance], returning=False)

    doc_actions = [(doc_id, body_id, a) for doc_id, body_id, d in zip(doc_ids, doc_bodies, docs) for a in d.actions]
    action_ids = _insert(conn, actions, [of(doc_id, row) for doc_id, _, (row, _owners) in doc_actions])
    _insert(conn, action_owners, [
        _less(o, "name_key") | at
        | {"action_id": action_id, "person_id": person_ids[(body_id, o["name_key"])] if o["name_key"] else None}
        for action_id, (_, body_id, (_row, owners)) in zip(action_ids, doc_actions) for o in owners],
        returning=False)

    _insert(conn, decisions, [of(doc_id, r) for doc_id, d in zip(doc_ids, docs) for r in d.decisions],
            returning=False)
    funding_ids = _insert(conn, funding, [of(doc_id, r) for doc_id, d in zip(doc_ids, docs) for r in d.funding])
    first = 0
    facts = []
    for d in docs:
        facts += [funding_ids[first + k] for k in d.facts]
        first += len(d.funding)
    if funding_ids:
        conn.execute(update(funding).where(funding.c.id == bindparam("fid")).values(fact_id=bindparam("fact")),
                     [{"fid": i, "fact": f} for i, f in zip(funding_ids, facts)])
    _insert(conn, targets, [r | at | {"document_id": doc_id} for doc_id, d in zip(doc_ids, docs) for r in d.targets],
            returning=False)
    return doc_ids


def _boxes(boxes: list[TextBox]) -> str | None:
    """The JSON of ``blocks.boxes``: a hundredth of a point is finer than any highlight needs."""
    if not boxes:
        return None
    return json.dumps([[b.start, b.end, *(round(v, 2) for v in (b.x0, b.top, b.x1, b.bottom))] for b in boxes],
                      separators=(",", ":"))


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]], returning: bool = True) -> list[int]:
    """One executemany; with ``returning``, the new ids in the order of ``rows``."""
    if not rows:
        return []
    if not returning:
        conn.execute(insert(table), rows)
        return []
    return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows).scalars())


def _where(span: Span) -> dict[str, int]:
    return {"page": span.page, "span_start": span.start, "span_end": span.end}


def _document_row(d: ExtractedDocument) -> dict[str, Any]:
    s, nm = d.section, d.next_meeting
    return {
        "kind": s.kind, "title": s.title, "meeting_date": s.meeting_date, "venue": s.venue, **_where(s.span),
        # a month alone ("the next Board meeting in November") is kept in date_text, not as a day
        "next_meeting_date": nm.date if nm and nm.precision == "day" else None,
        "next_meeting_time": nm.time if nm else None,
        "next_meeting_venue": nm.venue if nm else None, "next_meeting_date_text": nm.date_text if nm else None,
        "next_meeting_page": nm.span.page if nm else None, "next_meeting_span_start": nm.span.start if nm else None,
        "next_meeting_span_end": nm.span.end if nm else None,
        "fingerprint": fingerprint(b.text for b in s.blocks),
    }


def _funding_row(f: records.Funding) -> dict[str, Any]:
    start, end = financial_years(f.period) or (None, None)
    return {
        "item_ref": f.item_ref, "amount": _money(f.amount_gbp), "amount_high": _money(f.amount_high_gbp),
        "currency": f.currency, "kind": f.kind, "period": f.period, "period_start": start, "period_end": end,
        "purpose": f.purpose, "table_row": f.table_row, "table_col": f.table_col, "text": f.text,
        **_where(f.span),
    }


def same_facts(mentions: list[records.Funding]) -> list[int]:
    """For each mention of money in one document, the position of the first
    mention of the same fact: the same sum (and currency, and range) said
    again, in the same period or with none named, for the same purpose (as
    far as the words say) or one unsaid. Two cells of a table are
    two lines, whatever their sums, unless they name the same purpose."""
    out: list[int] = []
    for i, f in enumerate(mentions):
        out.append(next((k for k in range(i) if out[k] == k and _same_fact(mentions[k], f)), i))
    return out


def _same_fact(a: records.Funding, b: records.Funding) -> bool:
    if (a.amount_gbp, a.amount_high_gbp, a.currency) != (b.amount_gbp, b.amount_high_gbp, b.currency):
        return False
    if a.table_row is not None and b.table_row is not None and a.purpose != b.purpose \
            or (a.kind == "rate") != (b.kind == "rate"):
        return False  # two lines of a table, unless they say what the sum is for alike
    if a.purpose and b.purpose and not stems(a.purpose) & stems(b.purpose):
        return False  # "£250 for the website" and "£250 churchyard donation": two sums alike
    return a.period is None or b.period is None or financial_years(a.period) == financial_years(b.period) \
        and (financial_years(a.period) is not None or a.period == b.period)


def _decimal(value: Decimal | float | None) -> Decimal | None:
    # Through str: the float's shortest repr, so 0.1 stays 0.1 and not 0.1000000000000000055...
    return None if value is None else Decimal(str(value))


def _money(value: Decimal | float | None) -> Decimal | None:
    d = _decimal(value)
    return None if d is None else d.quantize(Decimal("0.01"))


def get_or_create_bodies(conn: Connection, wanted: set[BodyName]) -> dict[BodyName, int]:
    """Ids of bodies by name, creating those not yet known; an organisation
    already known keeps the spelling it was first stored with."""
    if not wanted:
        return {}
    keys = {b: stored_key(b) for b in wanted}
    found = {r.key: r.id for r in conn.execute(select(bodies.c.id, bodies.c.key)
                                                .where(bodies.c.key.in_(set(keys.values()))))}
    missing = sorted({k: b for b, k in keys.items() if k not in found}.items())
    if missing:
        orgs = {body_key(r.organisation): r.organisation for r in conn.execute(
            select(bodies.c.organisation).distinct().where(bodies.c.organisation.is_not(None)))}
        rows = []
        for k, b in missing:
            org = orgs.setdefault(body_key(b.organisation), b.organisation) if b.organisation else None
            rows.append({"name": BodyName(org, b.committee).name, "organisation": org, "committee": b.committee,
                         "key": k})
        found.update(zip([k for k, _ in missing], _insert(conn, bodies, rows)))
    return {b: found[k] for b, k in keys.items()}


def stored_key(b: BodyName) -> str:
    return f"{body_key(b.organisation)}|{body_key(b.committee)}"


PersonKey = tuple[int | None, str]  # (body id, name key)


def _get_or_create_people(conn: Connection, wanted: dict[PersonKey, str]) -> dict[PersonKey, int]:
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
