"""Questions users ask of the database. Each returns plain dicts, every fact
with the file and page it was read from; formatting is the caller's."""
from __future__ import annotations

import os
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Engine, FromClause, Table, func, or_, select

from minutes.extract.names import name_key_text
from minutes.extract.records import Due
from minutes.models.periods import financial_years, label_financial_years
from minutes.models.schema import (action_owners, actions, attendance, bodies, decisions, documents,
                                   extraction_warnings,
                                   funding, items, people, source_files, targets)
from minutes.models.source import quotes
from minutes.models.sql import Row, all_rows, contains, valid_id


def _joined(fact: Table | None = None) -> FromClause:
    """A fact table (or documents alone) with its document, file and body."""
    base = documents if fact is None else fact.join(documents, documents.c.id == fact.c.document_id)
    return base.join(source_files, source_files.c.id == documents.c.source_file_id) \
        .outerjoin(bodies, bodies.c.id == documents.c.body_id)


def meetings(engine: Engine, body: str | None = None, kind: str | None = None,
             date_from: date | None = None, date_to: date | None = None) -> list[Row]:
    """Documents, by meeting date."""
    query = select(
        documents.c.id, bodies.c.name.label("body"), documents.c.meeting_date.label("date"), documents.c.kind,
        documents.c.title, source_files.c.path.label("file"), documents.c.page).select_from(_joined())
    if body is not None:
        query = query.where(contains(bodies.c.name, body, "body"))
    if kind:
        query = query.where(documents.c.kind == kind)
    if date_from:
        query = query.where(documents.c.meeting_date >= date_from)
    if date_to:
        query = query.where(documents.c.meeting_date <= date_to)
    # Undated documents last on both databases (SQLite sorts NULL first, PostgreSQL last).
    order = (documents.c.meeting_date.is_(None), documents.c.meeting_date, documents.c.id)
    return all_rows(engine, query.order_by(*order))


def document(engine: Engine, document_id: int) -> Row | None:
    """Everything extracted for one document, grouped, each fact with its
    id, page, character span and the words there (``quote``)."""
    if not valid_id(document_id):
        return None
    found = all_rows(engine, select(documents, bodies.c.name.label("body"), source_files.c.path.label("file"))
                 .select_from(_joined()).where(documents.c.id == document_id))
    if not found:
        return None
    d = found[0]
    out = {k: d[k] for k in ("id", "body", "kind", "title", "meeting_date", "venue", "file", "page")}
    out |= {"source_file_id": d["source_file_id"], "span_start": d["span_start"], "span_end": d["span_end"]}

    def facts(table: Table, *columns: Any, order: Any = None) -> list[Row]:
        return all_rows(engine, select(table.c.id, *columns, table.c.page, table.c.span_start, table.c.span_end)
                        .where(table.c.document_id == document_id).order_by(order if order is not None else table.c.id))

    out["attendance"] = all_rows(engine, select(
        attendance.c.id, people.c.name, func.coalesce(people.c.canonical_id, people.c.id).label("person_id"),
        attendance.c.status, attendance.c.role,
        attendance.c.organisation, attendance.c.as_written, attendance.c.substitute_for, attendance.c.virtual,
        attendance.c.page, attendance.c.span_start, attendance.c.span_end)
        .join(people, people.c.id == attendance.c.person_id)
        .where(attendance.c.document_id == document_id).order_by(attendance.c.id))
    out["items"] = facts(items, items.c.ref, items.c.title, order=items.c.position)
    out["actions"] = _actions(engine, actions.c.document_id == document_id)
    out["decisions"] = facts(decisions, decisions.c.item_id, decisions.c.item_ref, decisions.c.text,
                             decisions.c.explicit)
    out["funding"] = [{k: v for k, v in r.items() if k not in ("body", "meeting_date", "document_id", "file")}
                      for r in _funding(engine, funding.c.document_id == document_id)]
    out["targets"] = facts(targets, targets.c.indicator, targets.c.code, targets.c.baseline, targets.c.baseline_period,
                           targets.c.target, targets.c.target_period, targets.c.unit)
    out["warnings"] = facts(extraction_warnings, extraction_warnings.c.component, extraction_warnings.c.version,
                            extraction_warnings.c.error, extraction_warnings.c.message)
    out["next_meeting"] = None if d["next_meeting_page"] is None else {
        "date": d["next_meeting_date"], "time": d["next_meeting_time"], "venue": d["next_meeting_venue"],
        "date_text": d["next_meeting_date_text"], "page": d["next_meeting_page"],
        "span_start": d["next_meeting_span_start"], "span_end": d["next_meeting_span_end"]}
    listed = [f for key in FACT_LISTS for f in out[key]] + ([out["next_meeting"]] if out["next_meeting"] else [])
    with engine.connect() as conn:
        for fact, words in zip(listed, quotes(conn, d["source_file_id"],
                                              [(f["span_start"], f["span_end"]) for f in listed])):
            fact["quote"] = words
    return out


# The lists of facts ``document`` returns.
FACT_LISTS = ("attendance", "items", "actions", "decisions", "funding", "targets", "warnings")


def list_actions(engine: Engine, owner: str | None = None, body: str | None = None,
                 due_before: date | None = None, since: date | None = None, until: date | None = None,
                 threads: bool = False) -> list[Row]:
    """Actions by due date (undated last); ``owner`` matches a resolved or
    as-written owner name, or any name of the same person (models.people),
    case-insensitively, anywhere in it. ``since``/``until`` bound the meeting
    date; ``threads`` leaves out action-log rows that restate an earlier action."""
    where = [contains(bodies.c.name, body, "body")] if body is not None else []
    if owner is not None:
        named = [contains(action_owners.c.name, owner, "owner"), contains(action_owners.c.as_written, owner, "owner")]
        key = name_key_text(owner)
        if key:  # "." has no name key: it would match every person
            named.append(action_owners.c.person_id.in_(select(people.c.id).where(people.c.canonical_id.in_(
                select(people.c.canonical_id).where(people.c.name_key.contains(key, autoescape=True))))))
        where.append(select(action_owners.c.id).where(action_owners.c.action_id == actions.c.id, or_(*named)).exists())
    if due_before:
        where.append(actions.c.due_date < due_before)
    if since:
        where.append(documents.c.meeting_date >= since)
    if until:
        where.append(documents.c.meeting_date <= until)
    if threads:
        where.append(actions.c.follows_action_id.is_(None))
    return _actions(engine, *where)


def _actions(engine: Engine, *where: ColumnElement[bool]) -> list[Row]:
    """Actions meeting ``where``, with their owners joined by "; "."""
    query = select(
        actions.c.id, actions.c.document_id, actions.c.due_date, actions.c.due_precision, actions.c.due_text,
        actions.c.status, actions.c.text, actions.c.item_ref, actions.c.explicit, actions.c.page,
        bodies.c.name.label("body"), documents.c.meeting_date, source_files.c.path.label("file"),
        items.c.title.label("item"), actions.c.status_evidence, actions.c.status_document_id, actions.c.status_page,
        actions.c.status_date, actions.c.follows_action_id, actions.c.item_id, actions.c.source_file_id,
        actions.c.span_start, actions.c.span_end,
    ).select_from(_joined(actions).outerjoin(items, items.c.id == actions.c.item_id)).where(*where)
    rows = all_rows(engine, query.order_by(actions.c.due_date.is_(None), actions.c.due_date, actions.c.id))
    owners = defaultdict(list)
    if rows:
        for r in all_rows(engine, select(action_owners.c.action_id, action_owners.c.name)
                      .where(action_owners.c.action_id.in_([r["id"] for r in rows])).order_by(action_owners.c.id)):
            owners[r["action_id"]].append(r["name"])
    return [{"id": r["id"], "due": Due(r["due_text"] or "", r["due_date"], r["due_precision"]).iso(),
             "due_text": r["due_text"], "status": r["status"], "owners": "; ".join(owners[r["id"]]),
             "text": r["text"], "item_ref": r["item_ref"], "explicit": r["explicit"], "body": r["body"],
             "meeting_date": r["meeting_date"], "document_id": r["document_id"], "file": r["file"], "page": r["page"],
             "item": r["item"], "evidence": r["status_evidence"], "evidence_document_id": r["status_document_id"],
             "evidence_page": r["status_page"], "evidence_date": r["status_date"], "follows": r["follows_action_id"],
             "item_id": r["item_id"], "source_file_id": r["source_file_id"], "span_start": r["span_start"],
             "span_end": r["span_end"]}
            for r in rows]


def list_funding(engine: Engine, body: str | None = None, period: str | None = None, purpose: str | None = None,
                 min_amount: Decimal | None = None) -> list[Row]:
    """Sums of money. ``period`` "2010/11" matches that financial year however
    it was written; any other period is matched as written."""
    where = [contains(bodies.c.name, body, "body")] if body is not None else []
    if period:
        years = financial_years(period)
        where += [funding.c.period_start == years[0], funding.c.period_end == years[1]] if years \
            else [func.lower(funding.c.period) == period.lower()]
    if purpose is not None:
        where.append(contains(funding.c.purpose, purpose, "purpose"))
    if min_amount is not None:
        where.append(funding.c.amount >= min_amount)
    return _funding(engine, *where)


def _funding(engine: Engine, *where: ColumnElement[bool]) -> list[Row]:
    query = select(
        funding.c.id, funding.c.amount, funding.c.amount_high, funding.c.kind, funding.c.period,
        funding.c.period_start, funding.c.period_end, funding.c.purpose, funding.c.text, funding.c.item_ref,
        funding.c.table_row, funding.c.table_col, funding.c.page, funding.c.span_start, funding.c.span_end,
        funding.c.item_id, funding.c.source_file_id, funding.c.document_id,
        bodies.c.name.label("body"), documents.c.meeting_date, source_files.c.path.label("file"),
    ).select_from(_joined(funding)).where(*where)
    return all_rows(engine, query.order_by(funding.c.period_start.is_(None), funding.c.period_start, funding.c.id))


def funding_totals(rows: list[Row]) -> list[Row]:
    """Per-period sums of funding ``rows``. Rates are not amounts and "total"
    rows restate others, so both are left out of the sums (and counted as
    skipped). ``total_high`` takes the upper end of ranges."""
    groups: dict[str, Row] = {}
    for r in rows:
        years = (r["period_start"], r["period_end"]) if r["period_start"] else None
        label = label_financial_years(*years) if years else (r["period"] or "(no period)")
        g = groups.setdefault(label, {"period": label, "total": Decimal(0), "total_high": Decimal(0),
                                      "rows": 0, "skipped": 0})
        if r["kind"] in ("total", "rate"):
            g["skipped"] += 1
            continue
        g["rows"] += 1
        g["total"] += r["amount"]
        g["total_high"] += r["amount_high"] if r["amount_high"] is not None else r["amount"]
    return list(groups.values())


def bodies_overview(engine: Engine, latest: int = 3) -> list[Row]:
    """Each body (by name) with its number of documents and its ``latest``
    dated documents, newest first; documents of no known body last."""
    with engine.connect() as conn:
        counts = conn.execute(select(documents.c.body_id, func.count(), func.max(documents.c.meeting_date))
                              .group_by(documents.c.body_id)).all()
        names = dict(conn.execute(select(bodies.c.id, bodies.c.name)).all())
        out = []
        for body_id, n, last in sorted(counts, key=lambda c: (c[0] is None, names.get(c[0], "").casefold())):
            recent = select(documents.c.id, documents.c.meeting_date.label("date"), documents.c.kind,
                            documents.c.title).where(documents.c.body_id.is_(None) if body_id is None
                                                     else documents.c.body_id == body_id)
            recent = recent.order_by(documents.c.meeting_date.is_(None), documents.c.meeting_date.desc(),
                                     documents.c.id.desc()).limit(latest)
            out.append({"id": body_id, "body": names.get(body_id), "documents": n, "last_meeting": last,
                        "latest": [dict(r) for r in conn.execute(recent).mappings()]})
    return out


def files(engine: Engine, failed_only: bool = False) -> list[Row]:
    """The files recorded (or those that failed), by path, with each failure's reason."""
    query = select(source_files.c.id, source_files.c.name, source_files.c.path.label("file"), source_files.c.format,
                   source_files.c.size, source_files.c.pages, source_files.c.status, source_files.c.error_reason,
                   source_files.c.error_detail, source_files.c.ingested_at)
    if failed_only:
        query = query.where(source_files.c.status == "failed")
    return all_rows(engine, query.order_by(source_files.c.path))


def archive_root(engine: Engine) -> str | None:
    """The folder every stored file is under (the folder ingested, when one
    was), for showing paths relative to it. The common prefix of all paths is
    that of the first and last in order, so two index reads suffice."""
    with engine.connect() as conn:
        low, high = conn.execute(select(func.min(source_files.c.path), func.max(source_files.c.path))).one()
    return None if low is None else os.path.commonpath([os.path.dirname(low), os.path.dirname(high)])


def summary(engine: Engine) -> Row:
    """How much the database holds: files by status, documents, meetings,
    bodies, people, each kind of fact, and the warnings of components that failed."""
    def count(table: Table, *where: ColumnElement[bool]) -> int:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
    return {
        "files stored": count(source_files, source_files.c.status == "ok"),
        "files failed": count(source_files, source_files.c.status == "failed"),
        "documents": count(documents),
        "meetings": count(documents, documents.c.kind == "minutes"),
        "bodies": count(bodies),
        "people": count(people),
        "attendance": count(attendance),
        "items": count(items),
        "actions": count(actions),
        "decisions": count(decisions),
        "funding lines": count(funding),
        "targets": count(targets),
        "warnings": count(extraction_warnings),
    }
