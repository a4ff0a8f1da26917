"""Action status across meetings: later papers of the same body are read for
evidence on each action, kept in ``action_updates``, and the latest evidence
sets ``actions.status`` (with the document, page, date and text that set it).

Evidence, all from later meetings of the action's body:
- an action-log row (an action whose ``log_status`` cell the extractor read)
  restating the action: most of its content words are the action's (fewer
  are needed when an owner is the same person); the row's status word says
  done / carried forward / ongoing / overdue. The row then ``follows`` the
  action, so a thread is listed once;
- an item that delivers a "report / present / update" action: a later
  meeting, by the deadline (or the next two meetings), whose item title is
  mostly the action's words;
- "all actions from the last meeting had been completed": every action of
  the body's previous meeting is done.
With no later evidence of completion, an action whose deadline (the latest
one the evidence restates) is before ``as_of`` is overdue.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Iterable

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, or_, select, update

from minutes.extract import names
from minutes.extract.action_log import log_status
from minutes.models.queries import list_actions
from minutes.models.schema import Base, action_owners, action_updates, actions, documents, items, people

ALL_DONE = re.compile(r"\ball\s+(?:the\s+)?actions\s+(?:arising\s+)?(?:from|of)\s+the\s+(?:last|previous)\s+"
                      r"meeting\s+(?:had|have)\s+been\s+(?:completed|done|closed|actioned)", re.I)
REPORTING = re.compile(r"\b(?:report|present|update|brief|bring|feed\s*back)", re.I)
STOP = frozenset("""a an and the of to for on in at by with from into as is be be will would should all each
any this that these those their its our his her they we it are was were been has have had not per via
next meeting meetings action actions item agenda asap possible soon partners against""".split())
LOG_MATCH, LOG_MATCH_SAME_OWNER, ITEM_MATCH = 0.6, 0.4, 0.5
ITEM_WINDOW = timedelta(days=60)  # an item this long after the deadline still delivers it
KIND_ORDER = {"all_completed": 0, "item": 1, "log": 2}  # on one day, a log row is the most specific


def content_words(text: str) -> set[str]:
    """Lower-case words of three letters or more, not stop words, cut to six
    letters so "circulate"/"circulated" and "brief"/"briefing" meet."""
    return {w[:6] for w in re.findall(r"[a-z]{3,}", text.lower()) if w not in STOP}


@dataclass
class _Action:
    id: int
    document_id: int
    body_id: int | None
    day: date | None
    text: str
    due: date | None
    log_status: str | None
    file_id: int
    page: int
    start: int
    end: int
    words: set[str]
    owners: set[int]
    owner_names: list[str]


def recompute(conn: Connection, as_of: date) -> None:
    """Rebuild action_updates and each action's status as of ``as_of``; deterministic."""
    acts = _load_actions(conn)
    docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.body_id, documents.c.meeting_date,
                                                 documents.c.kind, documents.c.source_file_id))}
    follows = _match_log_rows(acts)
    updates = [u for a in acts.values() if a.log_status and a.day
               for u in [_update(follows.get(a.id, a.id), a.document_id, a.day, "log",
                                 log_status(a.log_status) or "open", a.due, a.log_status,
                                 a.file_id, a.page, a.start, a.end)]]
    updates += _item_updates(conn, acts, follows, docs)
    updates += _all_done_updates(conn, acts, follows, docs)
    updates.sort(key=lambda u: (u["action_id"], u["meeting_date"], KIND_ORDER[u["kind"]], u["document_id"],
                                u["span_start"]))
    conn.execute(delete(action_updates))
    if updates:
        conn.execute(insert(action_updates), updates)
    by_action: dict[int, list[dict]] = defaultdict(list)
    for u in updates:
        by_action[u["action_id"]].append(u)
    current = {r.id: tuple(r)[1:] for r in conn.execute(select(
        actions.c.id, actions.c.status, actions.c.status_evidence, actions.c.status_document_id,
        actions.c.status_page, actions.c.status_date, actions.c.follows_action_id))}
    changed = []
    for a in acts.values():
        root = follows.get(a.id)
        state = fold(acts[root or a.id].due, by_action[root or a.id], as_of)
        new = (state["status"], state["status_evidence"], state["status_document_id"], state["status_page"],
               state["status_date"], root)
        if current[a.id] != new:
            changed.append({"aid": a.id, **state, "follows_action_id": root})
    if changed:
        conn.execute(update(actions).where(actions.c.id == bindparam("aid")).values(
            {k: bindparam(k) for k in ("status", "status_evidence", "status_document_id", "status_page",
                                       "status_date", "follows_action_id")}), changed)


def fold(due: date | None, updates: Iterable[dict[str, Any]], as_of: date) -> dict[str, Any]:
    """An action's status from its evidence (in date order), as known on ``as_of``."""
    last, deadline = None, due
    for u in updates:
        if u["meeting_date"] is None or u["meeting_date"] > as_of:
            continue
        last = u
        deadline = u["due_date"] or deadline
    status = last["status"] if last else "open"
    if status != "done" and deadline is not None and deadline < as_of:
        status = "overdue"
    return {"status": status, "status_evidence": last and last["text"],
            "status_document_id": last and last["document_id"], "status_page": last and last["page"],
            "status_date": last and last["meeting_date"]}


def _update(action_id: int, document_id: int, day: date, kind: str, status: str, due: date | None, text: str,
            file_id: int, page: int, start: int, end: int) -> dict[str, Any]:
    return {"action_id": action_id, "document_id": document_id, "meeting_date": day, "kind": kind,
            "status": status, "due_date": due, "text": text, "source_file_id": file_id, "page": page,
            "span_start": start, "span_end": end}


def _load_actions(conn: Connection) -> dict[int, _Action]:
    owners: dict[int, tuple[set[int], list[str]]] = defaultdict(lambda: (set(), []))
    for action_id, person, name in conn.execute(
            select(action_owners.c.action_id, func.coalesce(people.c.canonical_id, people.c.id), action_owners.c.name)
            .outerjoin(people, people.c.id == action_owners.c.person_id).order_by(action_owners.c.id)):
        if person is not None:
            owners[action_id][0].add(person)
            owners[action_id][1].append(name)
    query = select(actions.c.id, actions.c.document_id, documents.c.body_id, documents.c.meeting_date,
                   actions.c.text, actions.c.due_date, actions.c.log_status, actions.c.source_file_id,
                   actions.c.page, actions.c.span_start, actions.c.span_end) \
        .join(documents, documents.c.id == actions.c.document_id).order_by(actions.c.id)
    return {r.id: _Action(*r, content_words(r.text), *owners[r.id]) for r in conn.execute(query)}


def _same_owner(a: _Action, b: _Action) -> bool:
    return bool(a.owners & b.owners) or any(names.same_person(x, y) for x in a.owner_names for y in b.owner_names)


def _match_log_rows(acts: dict[int, _Action]) -> dict[int, int]:
    """Each log row's root: the earliest-raised action of its body it restates.
    Candidates come from an index of content words, so the work grows with the
    archive, not its square."""
    index: dict[tuple[int | None, str], list[int]] = defaultdict(list)
    ordered = sorted((a for a in acts.values() if a.day), key=lambda a: (a.day, a.id))
    follows: dict[int, int] = {}
    for a in ordered:
        if a.log_status and a.words:
            shared = Counter(c for w in a.words for c in index[(a.body_id, w)]
                             if acts[c].day < a.day)  # type: ignore[operator]
            best = None
            for c, n in shared.items():
                other = acts[c]
                need = LOG_MATCH_SAME_OWNER if _same_owner(a, other) else LOG_MATCH
                if n >= 2 and n / len(a.words) >= need:
                    rank = (other.log_status is None, n / len(a.words), -other.day.toordinal(), -c)  # type: ignore[union-attr]
                    best = max(best, (rank, c)) if best else (rank, c)
            if best:
                follows[a.id] = follows.get(best[1], best[1])
        for w in a.words:
            index[(a.body_id, w)].append(a.id)
    return follows


def _item_updates(conn: Connection, acts: dict[int, _Action], follows: dict[int, int],
                  docs: dict[int, Any]) -> list[dict[str, Any]]:
    """Items of later meetings that deliver a reporting action."""
    meetings: dict[int, list[Any]] = defaultdict(list)
    for d in sorted(docs.values(), key=lambda d: (d.meeting_date or date.min, d.id)):
        if d.body_id is not None and d.meeting_date and d.kind in ("minutes", "agenda"):
            meetings[d.body_id].append(d)
    titles: dict[int, list[Any]] = defaultdict(list)
    for r in conn.execute(select(items.c.document_id, items.c.title, items.c.page, items.c.span_start,
                                 items.c.span_end, items.c.source_file_id).order_by(items.c.id)):
        titles[r.document_id].append(r)
    out = []
    for a in acts.values():
        if a.log_status or a.id in follows or not a.day or a.body_id is None or not REPORTING.search(a.text):
            continue
        later = [d for d in meetings[a.body_id] if d.meeting_date > a.day]
        later = [d for d in later if d.meeting_date <= a.due + ITEM_WINDOW] if a.due else later[:2]
        for d in later:
            hit = next((t for t in titles[d.id] if _delivers(a.words, content_words(t.title))), None)
            if hit:
                out.append(_update(a.id, d.id, d.meeting_date, "item", "done", None, hit.title,
                                   hit.source_file_id, hit.page, hit.span_start, hit.span_end))
                break
    return out


def _delivers(action_words: set[str], title_words: set[str]) -> bool:
    shared = len(action_words & title_words)
    return shared >= 2 and shared / len(title_words) >= ITEM_MATCH


def _all_done_updates(conn: Connection, acts: dict[int, _Action], follows: dict[int, int],
                      docs: dict[int, Any]) -> list[dict[str, Any]]:
    """"All actions from the last meeting had been completed": the body's previous meeting's actions are done."""
    blocks = Base.metadata.tables.get("blocks")
    if blocks is None:
        return []
    found = conn.execute(select(blocks.c.document_id, blocks.c.text, blocks.c.source_file_id, blocks.c.page,
                                blocks.c.span_start, blocks.c.span_end)
                         .where(func.lower(blocks.c.text).like("%actions%"),
                                or_(func.lower(blocks.c.text).like("%complete%"),
                                    func.lower(blocks.c.text).like("%done%"),
                                    func.lower(blocks.c.text).like("%closed%")))
                         .order_by(blocks.c.id)).all()
    by_doc: dict[int, list[_Action]] = defaultdict(list)
    for a in acts.values():
        if a.id not in follows and not a.log_status:
            by_doc[a.document_id].append(a)
    out = []
    for b in found:
        m = ALL_DONE.search(b.text)
        d = docs[b.document_id]
        if not m or d.body_id is None or d.meeting_date is None:
            continue
        earlier = [e for e in docs.values() if e.body_id == d.body_id and e.kind == "minutes"
                   and e.meeting_date and e.meeting_date < d.meeting_date]
        if not earlier:
            continue
        previous = max(earlier, key=lambda e: (e.meeting_date, e.id))
        out += [_update(a.id, d.id, d.meeting_date, "all_completed", "done", None, m.group(0),
                        b.source_file_id, b.page, b.span_start, b.span_end) for a in by_doc[previous.id]]
    return out


def as_of(engine: Engine, rows: list[dict[str, Any]], day: date) -> list[dict[str, Any]]:
    """``rows`` of ``queries.list_actions`` with status and evidence as known on
    ``day``: later evidence ignored, actions raised after it left out."""
    rows = [r for r in rows if r["meeting_date"] is None or r["meeting_date"] <= day]
    roots = {r["follows"] or r["id"] for r in rows}
    with engine.connect() as conn:
        dues = dict(conn.execute(select(actions.c.id, actions.c.due_date).where(actions.c.id.in_(roots))).all())
        by_action: dict[int, list[dict]] = defaultdict(list)
        for u in conn.execute(select(action_updates).where(action_updates.c.action_id.in_(roots))
                              .order_by(action_updates.c.action_id, action_updates.c.meeting_date,
                                        action_updates.c.id)).mappings():
            by_action[u["action_id"]].append(dict(u))
    out = []
    for r in rows:
        root = r["follows"] or r["id"]
        s = fold(dues[root], by_action[root], day)
        out.append(r | {"status": s["status"], "evidence": s["status_evidence"],
                        "evidence_document_id": s["status_document_id"], "evidence_page": s["status_page"],
                        "evidence_date": s["status_date"]})
    return out


def select_actions(engine: Engine, *, owner: str | None = None, body: str | None = None,
                   due_before: date | None = None, since: date | None = None, as_of_day: date | None = None,
                   open_only: bool = False, overdue_only: bool = False, threads: bool = False,
                   status: str | None = None) -> list[dict[str, Any]]:
    """The policy officer's question: actions (filtered as in
    ``queries.list_actions``) with their status as stored, or as known on
    ``as_of_day``; ``open_only`` keeps those not done, ``overdue_only`` the
    overdue, ``status`` those of that status. Restated log rows are left out
    whenever a status filter is on."""
    rows = list_actions(engine, owner=owner, body=body, due_before=due_before, since=since, until=as_of_day,
                        threads=threads or open_only or overdue_only or status is not None)
    if as_of_day:
        rows = as_of(engine, rows, as_of_day)
    if open_only:
        rows = [r for r in rows if r["status"] != "done"]
    if overdue_only:
        rows = [r for r in rows if r["status"] == "overdue"]
    if status is not None:
        rows = [r for r in rows if r["status"] == status]
    return rows


def by_owner(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``select_actions`` rows as one row per owner and action ("(no owner)"
    for none), by owner, then due date (undated last), then id."""
    return sorted(({**r, "owners": o} for r in rows for o in (r["owners"] or "(no owner)").split("; ")),
                  key=lambda r: (r["owners"].casefold(), r["due"] or "9999", r["id"]))
