"""An action's status, worked out when asked for the day asked (default
today), from its evidence (``models.evidence``), the user's rulings, its
deadline and the meetings its body has held since. Nothing here is stored,
so a status never goes stale.

- done: evidence (or a ruling) says it was done;
- in_progress: the latest evidence says it is under way or carried forward
  (or only restates it), and no deadline has passed;
- open: recent: its deadline has not passed, or its body has not met since;
- overdue: its deadline has passed, and later minutes say it is not done,
  or say nothing;
- no_later_record: no deadline, and the body met ``silent_meetings`` times
  since without a word on it.
Every status says how many of the body's later meetings were silent on it
(since the latest evidence), and where the evidence is: document, file,
page, the quoted words ("recorded by hand on <date>" for a ruling).

Rulings (``minutes actions set ID --status done --note ...`` / ``reopen``)
name the action by its body, meeting date and words, so a re-ingest keeps
them: ``link_rulings`` finds each one's action again at every relink.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from datetime import date, datetime, timezone
from typing import Any, Iterable

from sqlalchemy import Connection, Engine, bindparam, insert, or_, select, update

from minutes.extract.progress import stems
from minutes.models.db import writing
from minutes.models.linking import EVERYTHING, Scope
from minutes.models.schema import action_rulings, action_updates, actions, documents, source_files
from minutes.models.sql import ORIGINAL, Row

STATUSES = ("done", "in_progress", "open", "overdue", "no_later_record")
LABELS = {"done": "done", "in_progress": "in progress / carried forward", "open": "open", "overdue": "overdue",
          "no_later_record": "no later record"}
RULED = ("done", "in_progress", "open")
# On one day, the more certain evidence is read last: a report matched by its words outranks a
# restatement, and is outranked by what the papers say outright (all actions completed, a log's status cell).
KIND_ORDER = {"restated": 0, "report": 1, "item": 2, "all_completed": 3, "log": 4, "hand": 5}
SAME_WORDS = 0.8  # a ruling's action, re-extracted with a few words changed, is still found


def label(status: str, silent: int) -> str:
    """How the officer reads a status: "no later record (3 meetings)"."""
    if status == "no_later_record" or (status == "overdue" and silent):
        return f"{LABELS[status]} ({silent} meeting{'s' if silent != 1 else ''} silent)"
    return LABELS[status]


def fold(raised: date | None, due: date | None, evidence: Iterable[dict[str, Any]], meetings: list[date],
         as_of: date) -> dict[str, Any]:
    """The status on ``as_of`` of an action raised on ``raised`` with deadline
    ``due``, from its evidence (documents' and rulings', each with a
    ``meeting_date``) and its body's meeting dates (sorted)."""
    # undated evidence (an undated action log's own status cell) is known on any day
    known = sorted((e for e in evidence if e["meeting_date"] is None or e["meeting_date"] <= as_of),
                   key=lambda e: (e["meeting_date"] or date.min, KIND_ORDER[e["kind"]]))
    deadline, last = due, None
    for e in known:
        last = e
        reopened = e["kind"] == "hand" and e["status"] == "open"
        deadline = due if reopened else e.get("due_date") or deadline  # evidence may restate the deadline
    since = last["meeting_date"] if last and last["meeting_date"] else raised
    silent = bisect_right(meetings, as_of) - bisect_right(meetings, since) if since is not None else 0
    said = last["status"] if last else None
    passed = deadline is not None and deadline < as_of
    if said == "done":
        status = "done"
    elif said in ("in_progress", "not_done"):
        status = "overdue" if passed else "in_progress"
    elif passed:
        status = "overdue"
    elif deadline is None and silent and raised is not None:
        status = "no_later_record"
    else:
        status = "open"  # recent, not yet due, or reopened by hand
    return {"status": status, "label": label(status, silent), "silent_meetings": silent, "deadline": deadline,
            "evidence": last and last["text"], "evidence_kind": last and last["kind"],
            "evidence_document_id": last and last.get("document_id"), "evidence_file": last and last.get("file"),
            "evidence_page": last and last.get("page"), "evidence_date": last and last["meeting_date"]}


def attach(conn: Connection, rows: list[Row], as_of: date) -> list[Row]:
    """``rows`` (actions with id, follows, body_id, meeting_date, due_date)
    with their status and evidence as known on ``as_of``. A row restating
    an earlier action takes its thread's: the first action's."""
    roots = {r["follows"] or r["id"] for r in rows}
    if not rows:
        return rows
    first = {r.id: r for r in conn.execute(select(actions.c.id, actions.c.due_date, documents.c.meeting_date,
                                                  documents.c.body_id)
                                           .join(documents, documents.c.id == actions.c.document_id)
                                           .where(actions.c.id.in_(roots)))}
    evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for u in conn.execute(select(action_updates, source_files.c.path.label("file"))
                          .join(source_files, source_files.c.id == action_updates.c.source_file_id)
                          .where(action_updates.c.action_id.in_(roots))
                          .order_by(action_updates.c.id)).mappings():
        evidence[u["action_id"]].append(dict(u))
    thread = select(actions.c.id, actions.c.follows_action_id).where(
        (actions.c.id.in_(roots)) | (actions.c.follows_action_id.in_(roots)))
    root_of = {i: f or i for i, f in conn.execute(thread)}
    for ruling in conn.execute(select(action_rulings).where(action_rulings.c.action_id.in_(list(root_of)))
                               .order_by(action_rulings.c.created_at, action_rulings.c.id)).mappings():
        day = ruling["created_at"].date()
        evidence[root_of[ruling["action_id"]]].append({
            "kind": "hand", "status": ruling["status"], "meeting_date": day, "due_date": None,
            "text": f"recorded by hand on {day.isoformat()}" + (" (reopened)" if ruling["status"] == "open" else "")
            + (f": {ruling['note']}" if ruling["note"] else ""),
            "document_id": None, "file": None, "page": None})
    bodies = {f.body_id for f in first.values() if f.body_id is not None}
    meetings: dict[int, list[date]] = defaultdict(list)
    for body_id, day in conn.execute(select(documents.c.body_id, documents.c.meeting_date).distinct()
                                     .where(documents.c.body_id.in_(bodies), documents.c.kind == "minutes",
                                            documents.c.meeting_date.is_not(None), ORIGINAL)
                                     .order_by(documents.c.meeting_date)):
        meetings[body_id].append(day)
    out = []
    for r in rows:
        f = first[r["follows"] or r["id"]]
        out.append(r | fold(f.meeting_date, f.due_date, evidence[f.id], meetings.get(f.body_id, []), as_of))
    return out


def rule(engine: Engine, action_id: int, status: str, note: str | None = None) -> Row:
    """Record the user's ruling on an action (done, in_progress, or open to
    reopen it); returns the action as it now stands."""
    if status not in RULED:
        raise ValueError(f"a ruling is one of {', '.join(RULED)}, not {status!r}")
    with writing(engine) as conn:
        a = conn.execute(select(actions.c.id, actions.c.text, documents.c.body_id, documents.c.meeting_date)
                         .join(documents, documents.c.id == actions.c.document_id)
                         .where(actions.c.id == action_id)).first()
        if a is None:
            raise ValueError(f"no action {action_id}")
        conn.execute(insert(action_rulings), {"action_id": a.id, "body_id": a.body_id, "meeting_date": a.meeting_date,
                                              "text": a.text, "status": status, "note": note,
                                              "created_at": datetime.now(timezone.utc)})
    return {"id": a.id, "text": a.text, "status": status}


def link_rulings(conn: Connection, scope: Scope = EVERYTHING) -> None:
    """Find the action of each ruling on ``scope``'s bodies again after a
    re-ingest: the same body and meeting date, and the same words (or nearly)."""
    rulings = conn.execute(select(action_rulings.c.id, action_rulings.c.action_id, action_rulings.c.body_id,
                                  action_rulings.c.meeting_date, action_rulings.c.text)
                           .where(scope.where(action_rulings.c.body_id))).all()
    if not rulings:
        return
    candidates: dict[tuple[int | None, date | None], list[Any]] = defaultdict(list)
    for a in conn.execute(select(actions.c.id, actions.c.text, documents.c.body_id, documents.c.read_body_id,
                                 documents.c.meeting_date)
                          .join(documents, documents.c.id == actions.c.document_id)
                          .where(ORIGINAL, or_(scope.where(documents.c.body_id), scope.where(documents.c.read_body_id)))
                          .order_by(actions.c.id)):
        candidates[(a.body_id, a.meeting_date)].append(a)
        if a.read_body_id != a.body_id:
            candidates[(a.read_body_id, a.meeting_date)].append(a)
    changed = []
    for r in rulings:
        found = candidates.get((r.body_id, r.meeting_date), [])
        same = next((a.id for a in found if _norm(a.text) == _norm(r.text)), None)
        if same is None:
            words = stems(r.text)
            scored = [(len(words & stems(a.text)) / len(words | stems(a.text) or {""}), a.id) for a in found]
            best = max(scored, default=(0.0, None))
            same = best[1] if best[0] >= SAME_WORDS else None
        if same != r.action_id:
            changed.append({"rid": r.id, "aid": same})
    if changed:
        conn.execute(update(action_rulings).where(action_rulings.c.id == bindparam("rid"))
                     .values(action_id=bindparam("aid")), changed)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
