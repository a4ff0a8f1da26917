"""Questions users ask of the database. Each returns plain dicts, every fact
with the file and page it was read from; formatting is the caller's."""
from __future__ import annotations

import os
from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Engine, FromClause, Table, func, or_, select

from minutes.extract.money import printed_pence
from minutes.extract.names import name_key_text
from minutes.extract.records import Due
from minutes.models.periods import financial_years, label_financial_years
from minutes.models.schema import (action_owners, actions, attendance, bodies, decisions, documents,
                                   extraction_warnings, funding, items, people, source_files, source_locations,
                                   targets)
from minutes.models.source import quotes
from minutes.models.sql import ORIGINAL, Row, all_rows, contains, distinct_values, valid_id
from minutes.models.status import attach


def _joined(fact: Table | None = None) -> FromClause:
    """A fact table (or documents alone) with its document, file and body."""
    base = documents if fact is None else fact.join(documents, documents.c.id == fact.c.document_id)
    return base.join(source_files, source_files.c.id == documents.c.source_file_id) \
        .outerjoin(bodies, bodies.c.id == documents.c.body_id)


def meetings(engine: Engine, body: str | None = None, kind: str | None = None,
             date_from: date | None = None, date_to: date | None = None) -> list[Row]:
    """Documents, by meeting date, once each: a copy in another format (models.copies)
    is counted in ``copies``, not listed."""
    copy = documents.alias("copy")
    copies = select(func.count()).where(copy.c.copy_of_id == documents.c.id).scalar_subquery()
    query = select(
        documents.c.id, bodies.c.name.label("body"), documents.c.meeting_date.label("date"), documents.c.kind,
        documents.c.title, source_files.c.path.label("file"), documents.c.page, copies.label("copies")) \
        .select_from(_joined()).where(ORIGINAL)
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
    out = {k: d[k] for k in ("id", "body", "kind", "title", "meeting_date", "venue", "file", "page", "copy_of_id")}
    out |= {"source_file_id": d["source_file_id"], "span_start": d["span_start"], "span_end": d["span_end"]}
    # The same meeting's other files: the paths this file's bytes are also at, and copies in other formats.
    out["locations"] = [r["path"] for r in all_rows(engine, select(source_locations.c.path).where(
        source_locations.c.source_file_id == d["source_file_id"]).order_by(source_locations.c.id))]
    lead = d["copy_of_id"] or document_id
    out["copies"] = all_rows(engine, select(documents.c.id, source_files.c.path.label("file"), documents.c.page)
                             .join(source_files, source_files.c.id == documents.c.source_file_id)
                             .where(or_(documents.c.copy_of_id == lead, documents.c.id == lead),
                                    documents.c.id != document_id).order_by(documents.c.id))

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
    out["actions"] = _actions(engine, date.today(), actions.c.document_id == document_id)
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
                 threads: bool = False, as_of: date | None = None) -> list[Row]:
    """Actions by due date (undated last), each with its status and evidence
    as known on ``as_of`` (default today; models.status). ``owner`` matches a
    resolved or as-written owner name, or any name of the same person
    (models.people), case-insensitively, anywhere in it. ``since``/``until``
    bound the meeting date; ``threads`` leaves out action-log rows and later
    actions that restate an earlier action. Copies of a meeting in another
    format are left out."""
    where: list[ColumnElement[bool]] = [ORIGINAL, contains(bodies.c.name, body, "body")] if body is not None \
        else [ORIGINAL]
    if owner is not None:
        # The names matched among the distinct names and spellings (not every owner row), then the
        # owners by index: an archive's owners are many rows of a few names.
        named = []
        for written in (action_owners.c.name, action_owners.c.as_written):
            spellings = distinct_values(written, f"owner_{written.key}")
            named.append(written.in_(select(spellings.c.value).where(contains(spellings.c.value, owner, "owner"))))
        key = name_key_text(owner)
        if key:  # "." has no name key: it would match every person
            same_human = select(people.c.id).where(people.c.canonical_id.in_(
                select(people.c.canonical_id).where(people.c.name_key.contains(key, autoescape=True))))
            named += [action_owners.c.person_id.in_(same_human), action_owners.c.linked_person_id.in_(same_human)]
        where.append(actions.c.id.in_(select(action_owners.c.action_id).where(or_(*named))))
    if due_before:
        where.append(actions.c.due_date < due_before)
    if since:
        where.append(documents.c.meeting_date >= since)
    if until:
        where.append(documents.c.meeting_date <= until)
    if threads:
        where.append(actions.c.follows_action_id.is_(None))
    return _actions(engine, as_of or date.today(), *where)


def select_actions(engine: Engine, *, owner: str | None = None, body: str | None = None,
                   due_before: date | None = None, since: date | None = None, as_of: date | None = None,
                   open_only: bool = False, overdue_only: bool = False, threads: bool = False,
                   status: str | None = None) -> list[Row]:
    """The policy officer's question: actions (filtered as in ``list_actions``)
    raised by ``as_of`` (default today), with their status as known then;
    ``open_only`` keeps those not done, ``overdue_only`` the overdue,
    ``status`` those of that status. Restating rows are left out whenever a
    status filter is on."""
    rows = list_actions(engine, owner=owner, body=body, due_before=due_before, since=since, until=as_of,
                        threads=threads or open_only or overdue_only or status is not None, as_of=as_of)
    if open_only:
        rows = [r for r in rows if r["status"] != "done"]
    if overdue_only:
        rows = [r for r in rows if r["status"] == "overdue"]
    if status is not None:
        rows = [r for r in rows if r["status"] == status]
    return rows


def by_owner(rows: list[Row]) -> list[Row]:
    """``select_actions`` rows as one row per owner and action ("(no owner)"
    for none), by owner, then due date (undated last), then id."""
    return sorted(({**r, "owners": o} for r in rows for o in (r["owners"] or "(no owner)").split("; ")),
                  key=lambda r: (r["owners"].casefold(), r["due"] or "9999", r["id"]))


def _actions(engine: Engine, as_of: date, *where: ColumnElement[bool]) -> list[Row]:
    """Actions meeting ``where``, with their owners (each the person a name
    or initials were found to be; "(ambiguous: A or B)" when several people
    fit, "(ambiguous)" when the paper lists several it could be and the
    archive names none) joined by "; " and their status on ``as_of``."""
    query = select(
        actions.c.id, actions.c.document_id, actions.c.due_date, actions.c.due_precision, actions.c.due_text,
        actions.c.text, actions.c.item_ref, actions.c.explicit, actions.c.page,
        bodies.c.name.label("body"), documents.c.body_id, documents.c.meeting_date, source_files.c.path.label("file"),
        items.c.title.label("item"), actions.c.follows_action_id, actions.c.item_id, actions.c.source_file_id,
        actions.c.span_start, actions.c.span_end,
    ).select_from(_joined(actions).outerjoin(items, items.c.id == actions.c.item_id)).where(*where)
    rows = all_rows(engine, query.order_by(actions.c.due_date.is_(None), actions.c.due_date, actions.c.id))
    owners = defaultdict(list)
    person = people.alias("person")
    if rows:
        for r in all_rows(engine, select(action_owners.c.action_id, func.coalesce(person.c.name, action_owners.c.name)
                                         .label("name"), action_owners.c.ambiguous, action_owners.c.might_be,
                                         action_owners.c.linked_person_id)
                          .outerjoin(people, people.c.id == func.coalesce(action_owners.c.person_id,
                                                                          action_owners.c.linked_person_id))
                          .outerjoin(person, person.c.id == func.coalesce(people.c.canonical_id, people.c.id))
                          .where(action_owners.c.action_id.in_([r["id"] for r in rows])).order_by(action_owners.c.id)):
            owners[r["action_id"]].append(r["name"] + (f" (ambiguous: {r['might_be'].replace('; ', ' or ')})"
                                                       if r["might_be"] else " (ambiguous)"
                                                       if r["ambiguous"] and r["linked_person_id"] is None else ""))
    out = [{"id": r["id"], "due": Due(r["due_text"] or "", r["due_date"], r["due_precision"]).iso(),
            "due_text": r["due_text"], "due_date": r["due_date"], "owners": "; ".join(owners[r["id"]]),
            "text": r["text"], "item_ref": r["item_ref"], "explicit": r["explicit"], "body": r["body"],
            "body_id": r["body_id"], "meeting_date": r["meeting_date"], "document_id": r["document_id"],
            "file": r["file"], "page": r["page"], "item": r["item"], "follows": r["follows_action_id"],
            "item_id": r["item_id"], "source_file_id": r["source_file_id"], "span_start": r["span_start"],
            "span_end": r["span_end"]}
           for r in rows]
    with engine.connect() as conn:
        return attach(conn, out, as_of)


def list_funding(engine: Engine, body: str | None = None, period: str | None = None, purpose: str | None = None,
                 min_amount: Decimal | None = None) -> list[Row]:
    """Funding facts: a sum said several times in one document is one fact,
    listed once with its ``mentions`` (and the ``pages`` they are on) as its
    evidence. ``period`` "2010/11" matches that financial year however it
    was written; any other period is matched as written. Copies of a meeting
    in another format are left out."""
    where: list[ColumnElement[bool]] = [ORIGINAL, contains(bodies.c.name, body, "body")] if body is not None \
        else [ORIGINAL]
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
    """The facts some mention of which meets ``where``, each as its first mention with all its mentions counted."""
    fact = func.coalesce(funding.c.fact_id, funding.c.id)
    query = select(
        funding.c.id, funding.c.amount, funding.c.amount_high, funding.c.currency, funding.c.kind, funding.c.period,
        funding.c.period_start, funding.c.period_end, funding.c.purpose, funding.c.text, funding.c.item_ref,
        funding.c.table_row, funding.c.table_col, funding.c.page, funding.c.span_start, funding.c.span_end,
        funding.c.item_id, funding.c.source_file_id, funding.c.document_id, fact.label("fact_id"),
        bodies.c.name.label("body"), documents.c.meeting_date, source_files.c.path.label("file"),
    ).select_from(_joined(funding))
    matched = select(fact).select_from(_joined(funding)).where(*where)
    mentions = all_rows(engine, query.where(fact.in_(matched)).order_by(funding.c.id))
    facts: dict[int, Row] = {}
    for m in mentions:
        f = facts.get(m["fact_id"])
        if f is None:
            facts[m["fact_id"]] = f = {k: v for k, v in m.items() if k != "fact_id"} | {
                "mentions": 0, "pages": [], "kinds": set(), "pence": False}
        f["mentions"] += 1
        f["kinds"].add(m["kind"])
        f["pence"] = f["pence"] or printed_pence(m["text"])
        if m["page"] not in f["pages"]:
            f["pages"].append(m["page"])
    out = [f | {"kinds": sorted(f["kinds"]), "pages": ", ".join(map(str, f["pages"]))} for f in facts.values()]
    # Undated last on both databases, as in meetings().
    return sorted(out, key=lambda f: (f["period_start"] is None, f["period_start"] or date.min, f["id"]))


# What a total adds up: the body's own money (allocations and budget lines), never national estimates,
# money in the bank, prices quoted, bills paid, costs, rates, or totals that restate other lines.
SUMMED = frozenset({"allocation"})


def funding_totals(rows: list[Row]) -> list[Row]:
    """Per body, period and currency, the sum of the funding facts in ``rows``
    (``list_funding``) that are allocations or budget lines; every other fact
    is kept out and counted under ``skipped`` by kind. ``total_high`` takes
    the upper end of ranges."""
    groups: dict[tuple[str, str, str], Row] = {}
    for r in rows:
        years = (r["period_start"], r["period_end"]) if r["period_start"] else None
        label = label_financial_years(*years) if years else (r["period"] or "(no period)")
        key = (r["body"] or "(body unknown)", label, r["currency"])
        g = groups.setdefault(key, {"body": key[0], "period": label, "currency": r["currency"], "total": Decimal(0),
                                    "total_high": Decimal(0), "facts": 0, "skipped": {}})
        kinds = set(r["kinds"])
        if not kinds & SUMMED or kinds - SUMMED - {"other", "cost"}:
            for kind in sorted(kinds - SUMMED) or ["other"]:
                g["skipped"][kind] = g["skipped"].get(kind, 0) + 1
            continue
        g["facts"] += 1
        g["total"] += r["amount"]
        g["total_high"] += r["amount_high"] if r["amount_high"] is not None else r["amount"]
    return [g | {"skipped": ", ".join(f"{n} {k}" for k, n in sorted(g["skipped"].items()))} for g in groups.values()]


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
        # A fact of a copy in another format is its meeting's fact already: counted once.
        source = table.join(documents, documents.c.id == table.c.document_id) if "document_id" in table.c else table
        if "document_id" in table.c:
            where += (ORIGINAL,)
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(source).where(*where)).scalar_one()
    return {
        "files stored": count(source_files, source_files.c.status == "ok"),
        "files failed": count(source_files, source_files.c.status == "failed"),
        "file locations": count(source_locations),
        "documents": count(documents, ORIGINAL),
        "copies": count(documents, documents.c.copy_of_id.is_not(None)),
        "meetings": count(documents, ORIGINAL, documents.c.kind == "minutes"),
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
