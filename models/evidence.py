"""Evidence on each action from the later papers of its body, kept in
``action_updates`` with its provenance (document, page, span, the quoted
words). Status is worked out from the evidence when it is asked for, for the
day asked (``models.status``), so nothing stored goes stale.

The evidence, all from meetings after the action's, of the same body:
- ``log``: an action-log row restating the action (its content words mostly
  the action's; fewer needed when an owner is the same person), with the
  row's status cell (done / carried forward / ongoing / overdue); the row
  ``follows`` the action, so a thread is listed once;
- ``restated``: an action of a later meeting that restates it (the same
  task, the same owner): carried forward, and it too follows the first;
- ``report``: a passage of later minutes that reports on it ("DT has
  written to ...", "the Clerk contacted Mrs Evans", "this is ongoing"): the
  passage (with the title of the item it stands under) shares most of the
  action's distinctive words, weighted by how rare each is in the body's
  papers; the sentence that shares most is quoted and read for progress
  (``extract.progress``);
- ``item``: an item of a later meeting that delivers a "report / present /
  update" action, by the deadline (or at the next two meetings);
- ``all_completed``: "all actions from the last meeting had been completed".
The search for an action stops at the first evidence that it is done.
Every piece of it lies in the papers of the action's own body, near the
action's meeting: how rare a word is, and which item titles are topical, are
read from the ``NEARBY`` meetings each side of it (a body's words change over
the years), a restatement is looked for up to ``NEARBY`` meetings on, a
report or item in the next ``LATER_MEETINGS``. So a relink (a ``Scope`` of
bodies) redoes only the actions within reach of the meetings that changed
since the last one (``evidence_meetings`` keeps what each body's meetings
were), those whose owners were linked anew, and the first actions of threads
that changed (``action_threads`` keeps each action's match); the rest keep
their evidence, which is what a full recompute would give them. That holds
under the rules that made it: a body whose evidence was worked out under
another version of them (``RULES``, the windows; ``evidence_rules``) is redone whole.
"""
from __future__ import annotations

import math
import multiprocessing
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Callable

from sqlalchemy import ColumnElement, Connection, Select, bindparam, delete, func, insert, select, update

from minutes.extract import names
from minutes.extract.action_log import log_status
from minutes.extract.progress import COMMON, STOP, progress, sentences, stem, stems
from minutes.models.linking import EVERYTHING, Scope
from minutes.models.schema import (action_owners, action_threads, action_updates, actions, blocks, bodies, documents,
                                   evidence_meetings, evidence_rules, items, people)
from minutes.models.sql import ORIGINAL, chunks

ALL_DONE = re.compile(r"\ball\s+(?:the\s+)?actions\s+(?:arising\s+)?(?:from|of)\s+the\s+(?:last|previous)\s+"
                      r"meeting\s+(?:had|have)\s+been\s+(?:completed|done|closed|actioned)", re.I)
# A task to bring something to a later meeting, which an item of that meeting delivers.
REPORTING = re.compile(r"\b(?:report|present|update|brief|bring|feed\s*back|discuss)", re.I)
# A report that is made, delivering a task to report: "reported", "presented the findings", "gave an update".
DELIVERED = re.compile(r"\b(?:reported|presented|updated|briefed|fed\s+back|gave\s+(?:an?\s+|the\s+)?(?:update|report|"
                       r"briefing|presentation))\b", re.I)
# Who came and who sent apologies: a list of names, no report on a task.
ROLL = re.compile(r"^\W*(?:\d+[.)]?\s*)?(?:welcome(?:\s+and\s+|,\s*)?)?(?:apologies|present|attendance|attendees|"
                  r"declarations?\s+of\s+interests?|register\s+of\s+interests)\b", re.I)
# A correction to earlier minutes quotes the old words; it reports nothing.
CORRECTION = re.compile(r"\bshould\s+(?:have\s+)?read\b|\bamended\s+to\s+read\b|\bshould\s+be\s+amended\b", re.I)
LOG_MATCH, LOG_MATCH_SAME_OWNER, ITEM_MATCH = 0.6, 0.4, 0.5
REPORT_MATCH = 0.45  # share of the action's weighted words a report must hold
NAMED_WEIGHT, COMMON_WEIGHT = 2.0, 0.3  # what a task names counts double; the verbs any task has, little
OWN_SHARE = 0.5  # of the task's own words (owner aside) that a report matched by them must hold
UNIQUE_WEIGHT = 0.4  # a word printed nowhere else in the body's papers
NAMED_SHARE = 0.03  # a capitalised word printed in more of the body's passages than this is no name to match
UNNAMED = 0.6  # a report naming none of what the task names is less likely to be on it...
SAME_ITEM_BONUS = 0.15  # a report under the same topical item ("Seat under the Chestnut Tree") as the action
TOPICAL = 0.3  # an item title heading more than this share of the body's meetings is routine ("Finance")
RESTATE_MATCH = 0.8
PASSAGE_SENTENCES = 2
LATER_MEETINGS = 6  # a report further on than this many meetings is more likely on another matter
NEARBY = 12  # meetings each side of an action's that say how rare its words are; a restatement is this near
TITLE_WEIGHT = 0.5  # the words of the item an action stands under, and of the passage around it, say less than its own
OWNER_BONUS = 0.1
ITEM_WINDOW = timedelta(days=60)  # an item this long after the deadline still delivers it
# Capitalised words that name a post or a body's own parts, not what a task is about.
NOT_NAMES = STOP | frozenset("""clerk chair chairman chairwoman chairperson vice general manager officer director
secretary treasurer trustee trustees parish town city county district borough society group team staff library
libraries the""".split())
# A post an action is given to, as a later report names the one holding it.
POST = re.compile(r"\b(?:clerk|chair(?:man|woman|person)?|vice[- ]chair|treasurer|secretary|(?:general|office|"
                  r"finance|marketing|communications)\s+manager|chief\s+executive|director)\b", re.I)
# Words an item's title shares with many a task without being on it: posts ("General Manager"), report words.
TITLE_FILLER = stems(" ".join(NOT_NAMES - STOP) + " update updates report reports progress review services service")
LOG_STATUS = {"done": "done", "carried_forward": "in_progress", "open": "in_progress", "overdue": "not_done"}
# The version of the rules above: raised with any change to what evidence they find, so that each body's
# next relink redoes its evidence rather than keep what the old rules found (``evidence_rules``).
RULES = 1


@dataclass(slots=True)
class _Action:
    id: int
    document_id: int
    body_id: int | None
    day: date | None
    text: str
    due: date | None
    log_status: str | None
    item: str | None
    file_id: int
    page: int
    start: int
    end: int
    owners: set[int] = field(default_factory=set)
    owner_names: list[str] = field(default_factory=list)
    owner_marks: set[str] = field(default_factory=set)  # surnames and initials as the papers print them
    written: list[tuple[str, str]] = field(default_factory=list)  # its owners' names, and as written
    owner_stems: set[str] = field(default_factory=set)
    words: dict[str, float] = field(default_factory=dict)  # with the words of the passage around it
    telling: frozenset[str] = frozenset()  # those of ``words`` that can say what a report is about
    bare: dict[str, float] = field(default_factory=dict)  # its own and its item's title's only
    task: dict[str, float] = field(default_factory=dict)  # its own words only, its owners' left out
    named: set[str] = field(default_factory=set)  # the people, places and things it names (capitalised words)
    topic: frozenset[str] = frozenset()  # its item's title, when the title is topical (not "Any Other Business")
    own: set[str] = field(default_factory=set)  # the words of its own text (not its item's title)
    context: set[str] = field(default_factory=set)  # the words of the passage it was written in
    rivals: set[str] = field(default_factory=set)  # the marks of other owners given tasks in that passage
    owned: str = ""  # its owners as linked, as action_threads keeps them
    stored_follows: int | None = None  # the thread it was in
    pos: int = -1  # the place of its meeting among its body's
    rarity: _Rarity | None = None  # of the words of its body's papers near its meeting (None: none there)
    weighing: _Rarity | None = None  # once prepared: the rarity, or one that weighs nothing
    prepared: bool = False


@dataclass(slots=True)
class _Passage:
    document_id: int
    day: date
    text: str
    item: str | None
    file_id: int
    page: int
    start: int
    end: int
    exact: bool  # the text is the file's text at start:end, so sentence spans can be given
    words: set[str] = field(default_factory=set)  # its own and its item's title's
    key: frozenset[str] = frozenset()  # its item's title
    said: set[str] = field(default_factory=set)  # its own words only
    spelt: set[str] = field(default_factory=set)  # the initials of the names it spells out
    reports: bool = True  # not a correction quoting old words, nor a heading alone (its item's title)


def rules() -> str:
    """The stamp of the rules a body's evidence is worked out under: their version and the windows they read."""
    return f"{RULES} nearby={NEARBY} later={LATER_MEETINGS}"


def recompute(conn: Connection, scope: Scope = EVERYTHING, processes: int = 1) -> None:
    """Bring ``action_updates`` and ``actions.follows_action_id`` of the
    actions of ``scope``'s bodies up to date with their stored papers: the
    same rows a recompute from nothing gives (``EVERYTHING`` does that).
    Bodies redone whole are worked out in up to ``processes`` processes at once."""
    in_scope = scope.where(documents.c.body_id)
    docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.body_id, documents.c.meeting_date,
                                                 documents.c.kind).where(ORIGINAL, in_scope))}
    acts = _load_actions(conn, scope)
    threads = {r.action_id: (r.restates_id, r.kind, r.owners) for r in conn.execute(
        _of_scope(select(action_threads), action_threads, scope, actions.c.document_id))}
    seen: dict[int, dict[date, str]] = defaultdict(dict)  # of the bodies worked out under these rules
    if not scope.everything:
        stamped = set(conn.scalars(select(evidence_rules.c.body_id).where(
            scope.where(evidence_rules.c.body_id), evidence_rules.c.rules == rules())))
        for r in conn.execute(select(evidence_meetings).where(scope.where(evidence_meetings.c.body_id))):
            if r.body_id in stamped:
                seen[r.body_id][r.meeting_date] = r.documents
    kept: dict[int, list[str]] = defaultdict(list)  # each action's thread's evidence as the last recompute left it
    if not scope.everything:
        for u in conn.execute(_of_scope(select(action_updates), action_updates, scope, actions.c.document_id)
                              .where(action_updates.c.kind.in_(("log", "restated")))).mappings():
            kept[u["action_id"]].append(repr(_row_key(u)))
        for found in kept.values():
            found.sort()
    own_name = {b: stems(n) for b, n in conn.execute(select(bodies.c.id, bodies.c.name))}
    by_body: dict[int | None, list[_Action]] = defaultdict(list)
    for a in acts.values():
        by_body[a.body_id].append(a)
    body_docs: dict[int | None, dict[int, Any]] = defaultdict(dict)
    for d in docs.values():
        body_docs[d.body_id][d.id] = d
    done: dict[int, list[dict[str, Any]]] = {}
    follows: dict[int, int] = {}
    def seen_of(body: int | None) -> dict[date, str] | None:
        return seen.get(body) if body is not None and not scope.everything else None

    def work(body: int | None) -> _Body:
        return _Body(conn, body, body_docs[body], by_body[body], threads, kept, seen_of(body),
                     own_name.get(body, set()))
    order = sorted(set(by_body) | set(body_docs), key=lambda b: (b is not None, b or 0))
    # bodies with actions redone whole (a new archive, new rules), the most actions first
    whole = sorted((b for b in order if by_body[b] and not seen_of(b)), key=lambda b: -len(by_body[b]))
    apart = _apart(whole, work, processes)
    for body in order:  # one body's papers in memory at a time
        rows, follows_of, kept_of = apart.pop(body) if body in apart else work(body).outcome()
        done.update(rows)
        follows.update(follows_of)
        _keep(conn, kept_of)
    if scope.everything:
        conn.execute(delete(action_updates))
        touched = set(done)
    else:  # the actions whose rows changed
        stored: dict[int, list[tuple]] = defaultdict(list)
        for chunk in chunks(sorted(done)):
            for u in conn.execute(select(action_updates).where(action_updates.c.action_id.in_(chunk))
                                  .order_by(action_updates.c.id)).mappings():
                stored[u["action_id"]].append(_row_key(u))
        touched = {i for i, rows in done.items() if [_row_key(u) for u in _in_order(rows)] != stored.get(i, [])}
        for chunk in chunks(sorted(touched)):
            conn.execute(delete(action_updates).where(action_updates.c.action_id.in_(chunk)))
    updates = [u for i in sorted(touched) for u in _in_order(done[i])]
    if updates:
        conn.execute(insert(action_updates), updates)
    current = dict(conn.execute(_of_scope(select(actions.c.id, actions.c.follows_action_id), actions, scope)).all())
    changed = [{"aid": i, "root": follows.get(i)} for i in current if current[i] != follows.get(i)]
    if changed:
        conn.execute(update(actions).where(actions.c.id == bindparam("aid"))
                     .values(follows_action_id=bindparam("root")), changed)


@dataclass
class _Kept:
    """What a body's recompute leaves for the next: the threads of ``changed`` actions, its
    meetings of ``days`` (and, ``full``, its rules stamp, its other meetings gone)."""
    body: int | None
    full: bool
    changed: list[int]
    threads: list[dict[str, Any]]
    days: list[date]
    meetings: list[dict[str, Any]]


_Outcome = tuple[dict[int, list[dict[str, Any]]], dict[int, int], _Kept]


def _keep(conn: Connection, k: _Kept) -> None:
    """Record what a body's recompute leaves for the next."""
    for chunk in chunks(k.changed):
        conn.execute(delete(action_threads).where(action_threads.c.action_id.in_(chunk)))
    if k.threads:
        conn.execute(insert(action_threads), k.threads)
    if k.body is None:
        return
    if k.full:
        conn.execute(delete(evidence_meetings).where(evidence_meetings.c.body_id == k.body))
        conn.execute(delete(evidence_rules).where(evidence_rules.c.body_id == k.body))
        conn.execute(insert(evidence_rules), {"body_id": k.body, "rules": rules()})
    for some in chunks(k.days):
        conn.execute(delete(evidence_meetings).where(evidence_meetings.c.body_id == k.body,
                                                     evidence_meetings.c.meeting_date.in_(some)))
    if k.meetings:
        conn.execute(insert(evidence_meetings), k.meetings)


_APART: list[_Body] = []  # the bodies a forked process works out, read by it from its parent's memory
WAVE_PAPERS = 2000  # papers fetched at once for forked recomputes, beyond a wave's first bodies


def _apart(whole: list[int | None], work: Callable[[int | None], _Body], processes: int) -> dict[int | None, _Outcome]:
    """The recompute of each of ``whole`` (bodies redone whole, largest first) in up to
    ``processes`` forked processes at once, when there are two or more (else none): each
    body's evidence is its own, and only the writes, the caller's, must take turns. A
    forked process reads the papers fetched for it beforehand (the connection is the
    parent's), so they are fetched and forked in waves: ``processes`` bodies, and more
    while the wave holds fewer than ``WAVE_PAPERS`` papers."""
    if processes < 2 or len(whole) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {}
    out: dict[int | None, _Outcome] = {}
    wave: list[_Body] = []
    for b in whole:
        w = work(b)
        if len(wave) >= processes and sum(len(x.docs) for x in wave) + len(w.docs) > WAVE_PAPERS:
            out.update(_wave(wave, processes))
            wave = []
        wave.append(w)
    out.update(_wave(wave, processes))
    return out


def _wave(works: list[_Body], processes: int) -> dict[int | None, _Outcome]:
    global _APART
    for w in works:
        w.reader.fetch(sorted(w.docs))
    _APART = works
    try:
        with multiprocessing.get_context("fork").Pool(min(processes, len(works))) as pool:
            return dict(pool.imap_unordered(_outcome_of, range(len(works))))
    finally:
        _APART = []


def _outcome_of(n: int) -> tuple[int | None, _Outcome]:
    return _APART[n].body, _APART[n].outcome()


class _Reader:
    """The items and blocks of a body's papers, as its recompute reads them: from the
    connection, each paper's once; or all fetched beforehand (``fetch``) and the connection
    no more, for a process of its own, which must not use its parent's."""

    def __init__(self, conn: Connection | None) -> None:
        self.conn = conn
        self._items: dict[int, list[Any]] = {}
        self._blocks: dict[int, list[Any]] = {}

    def fetch(self, doc_ids: list[int]) -> None:
        self.items(doc_ids)
        self.blocks(doc_ids)
        self.conn = None

    def items(self, doc_ids: list[int]) -> list[Any]:
        """The items of ``doc_ids`` (sorted), in the order stored."""
        return self._rows(doc_ids, self._items, lambda chunk: select(
            items.c.id, items.c.document_id, items.c.title, items.c.page, items.c.span_start, items.c.span_end,
            items.c.source_file_id).where(items.c.document_id.in_(chunk)))

    def blocks(self, doc_ids: list[int]) -> list[Any]:
        """The blocks of ``doc_ids`` (sorted), in the order stored."""
        return self._rows(doc_ids, self._blocks, lambda chunk: select(
            blocks.c.id, blocks.c.document_id, blocks.c.kind, blocks.c.text, blocks.c.source_file_id, blocks.c.page,
            blocks.c.span_start, blocks.c.span_end).where(blocks.c.document_id.in_(chunk)))

    def _rows(self, doc_ids: list[int], held: dict[int, list[Any]], query: Callable[[list[int]], Select]) -> list[Any]:
        missing = [i for i in doc_ids if i not in held]
        if missing:
            assert self.conn is not None, "papers not fetched for a recompute apart"
            for i in missing:
                held[i] = []
            for chunk in chunks(missing):
                for r in self.conn.execute(query(chunk)):
                    held[r.document_id].append(r)
        return [r for chunk in chunks(doc_ids) for r in sorted((r for i in chunk for r in held[i]), key=lambda r: r.id)]


def _in_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An action's evidence rows in the order stored."""
    return sorted(rows, key=lambda u: (u["meeting_date"] or date.min, u["document_id"], u["span_start"], u["kind"]))


def _row_key(u: Any) -> tuple:
    """An evidence row as compared with what a recompute gives (its id aside)."""
    return (u["document_id"], u["meeting_date"], u["kind"], u["status"], u["due_date"], u["text"],
            u["source_file_id"], u["page"], u["span_start"], u["span_end"])


def _of_scope(query: Select, table: Any, scope: Scope, via: ColumnElement | None = None) -> Select:
    """``query`` on ``table`` (an actions, items or blocks table) kept to the rows of ``scope``'s documents
    (``via``: the actions column of its document, for a table of rows on actions)."""
    if scope.everything:
        return query
    if via is not None:
        query = query.join(actions, actions.c.id == table.c.action_id)
    column: ColumnElement = via if via is not None else table.c.document_id
    return query.join(documents, documents.c.id == column).where(scope.where(documents.c.body_id))


def _signature(found: list[Any]) -> str:
    return ",".join(f"{d.id}:{d.kind}" for d in sorted(found, key=lambda d: d.id))


class _Body:
    """The evidence recompute of one body's actions. ``seen``: what its
    meetings were at the last one (None or empty: everything is worked out);
    ``threads``, ``kept``: each action's match and owners, and its thread's
    evidence rows (log, restated), as the last one left them."""

    def __init__(self, conn: Connection, body: int | None, docs: dict[int, Any], acts: list[_Action],
                 threads: dict[int, tuple[int | None, str | None, str]], kept: dict[int, list[str]],
                 seen: dict[date, str] | None, own_name: set[str]) -> None:
        self.body, self.docs, self.threads, self.kept = body, docs, threads, kept
        self.own_name = own_name
        self.reader = _Reader(conn)
        self.papers = _Papers(self.reader, body, docs)
        self.dates = self.papers.dates
        self.acts = {a.id: a for a in acts}
        self.in_doc: dict[int, list[_Action]] = defaultdict(list)
        for a in acts:
            self.in_doc[a.document_id].append(a)
        # in the order raised (undated actions last: they are in no thread)
        self.ordered = sorted(acts, key=lambda a: (a.day is None, a.day or date.min, a.id))
        for a in self.ordered:
            a.pos = bisect_left(self.dates, a.day) if a.day else -1
        self.places = [a.pos for a in self.ordered if a.day]  # the dated come first
        meetings: dict[date, list[Any]] = defaultdict(list)
        for d in docs.values():
            if d.meeting_date and body is not None:
                meetings[d.meeting_date].append(d)
        self.now = {day: _signature(found) for day, found in meetings.items()}
        self.seen = seen
        self.full = not seen
        self.matched: dict[int, tuple[int | None, str | None]] = {}
        self.follows: dict[int, int] = {}

    def run(self) -> dict[int, list[dict[str, Any]]]:
        """The evidence rows of each action whose rows may have changed (of every action when all is worked out)."""
        near, region = (self.ordered, self.ordered) if self.full else self._region()
        self._prepare(self._with_candidates(region))
        self.matched = {a.id: (t[0], t[1]) for a in self.ordered if (t := self.threads.get(a.id)) is not None}
        logs, heads = self._indexes()
        for a in region:
            self.matched[a.id] = self._match(a, logs, heads)
        self.follows = self._follow()
        threaded = self._thread_rows()
        roots = [a for a in self.ordered if a.id not in self.follows]
        if self.full:
            redo, out = roots, {a.id for a in self.ordered}
        else:
            moved = {a.id for a in self.ordered if a.stored_follows != self.follows.get(a.id)}
            rethreaded = {a.id for a in self.ordered if sorted(repr(_row_key(u)) for u in threaded[a.id])
                          != self.kept.get(a.id, [])}
            nearby = {a.id for a in near}
            redo = [a for a in roots if a.id in nearby or a.id in moved or a.id in rethreaded]
            out = {a.id for a in redo} | moved | rethreaded
        self._prepare(redo)
        found = _item_updates(self.papers, redo, self.own_name)
        found += _all_done_updates(self.reader, self.body, self.docs, redo)
        for a in redo:
            found += threaded[a.id]
        found += _report_updates(self.papers, redo, found)
        rows: dict[int, list[dict[str, Any]]] = {i: [] for i in out}
        for u in found:
            rows[u["action_id"]].append(u)
        for i in out:
            if i in self.follows:
                rows[i] = threaded[i]  # its thread's evidence is its first action's
        return rows

    def outcome(self) -> _Outcome:
        """The evidence rows of the actions that may have changed, the threads, and what to keep."""
        rows = self.run()
        return rows, self.follows, self.kept_now()

    def kept_now(self) -> _Kept:
        """Each action's match and owners, and the body's meetings, as the next recompute needs them."""
        fresh = {a.id: (*self.matched.get(a.id, (None, None)), a.owned) for a in self.ordered}
        changed = [i for i, t in fresh.items() if self.threads.get(i) != t]
        threads = [{"action_id": i, "restates_id": fresh[i][0], "kind": fresh[i][1], "owners": fresh[i][2]}
                   for i in changed]
        if self.body is None:
            return _Kept(None, False, changed, threads, [], [])
        seen = self.seen or {}
        days = sorted(d for d in set(seen) | set(self.now) if seen.get(d) != self.now.get(d))
        meetings = [{"body_id": self.body, "meeting_date": d, "documents": self.now[d]} for d in days if d in self.now]
        return _Kept(self.body, self.full, changed, threads, days, meetings)

    def _region(self) -> tuple[list[_Action], list[_Action]]:
        """The actions whose evidence the changed meetings (and owners linked anew) may change: those whose
        nearby meetings hold a changed one, and those of the minutes before it; and, with them, those whose
        match may change: up to ``NEARBY`` meetings later still, where one of those may be restated."""
        seen = self.seen or {}
        changed = [d for d in set(seen) | set(self.now) if seen.get(d) != self.now.get(d)]
        before = sorted(d for d, sig in seen.items() if any(not k.endswith(":strategy") for k in sig.split(",")))
        near: list[tuple[date, date]] = []
        matched: list[tuple[date, date]] = []
        reach = max(NEARBY, LATER_MEETINGS)
        for day in changed:
            for order in (self.dates, before):
                p = bisect_left(order, day)
                lo = order[p - reach - 1] if p - reach - 1 >= 0 else date.min
                near.append((lo, order[p + reach] if p + reach < len(order) else date.max))
                matched.append((lo, order[p + reach + NEARBY] if p + reach + NEARBY < len(order) else date.max))
            for held in (self.now, seen):  # the minutes an "all actions completed" there, or after, speaks of
                prior = max((d for d, sig in held.items() if d < day and ":minutes" in sig), default=None)
                if prior is not None:
                    near.append((prior, prior))
        anew = [a for a in self.ordered if a.id not in self.threads or self.threads[a.id][2] != a.owned]
        for a in anew:
            if a.day:
                last = a.pos + NEARBY
                matched.append((a.day, self.dates[last] if last < len(self.dates) else date.max))
        linked = {a.id for a in anew}  # their own words are weighed anew
        return self._within(near, linked), self._within(near + matched, linked)

    def _within(self, spans: list[tuple[date, date]], also: set[int]) -> list[_Action]:
        """The actions raised within one of ``spans`` (inclusive), and those of ``also``."""
        merged: list[list[date]] = []
        for lo, hi in sorted(spans):
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        starts = [m[0] for m in merged]
        return [a for a in self.ordered if a.id in also or a.day and (i := bisect_right(starts, a.day) - 1) >= 0
                and a.day <= merged[i][1]]

    def _with_candidates(self, region: list[_Action]) -> list[_Action]:
        """``region``'s dated actions and the earlier ones they may restate."""
        index = {a.id: n for n, a in enumerate(self.ordered)}
        wanted: set[int] = set()
        for a in region:
            if a.day:
                n = index[a.id]
                wanted.update(range(bisect_left(self.places, a.pos - NEARBY), n + 1))
        return [self.ordered[n] for n in sorted(wanted)]

    def _prepare(self, found: list[_Action]) -> None:
        """The words each of ``found`` is matched by, weighed by the papers near its meeting."""
        todo = [a for a in found if not a.prepared and a.day]
        self.papers.cover({a.pos for a in todo})
        for b in {b.id: b for a in todo for b in self.in_doc[a.document_id]}.values():  # theirs, and rivals'
            if b.written and not b.owner_marks:
                b.owner_marks = {m for name, as_written in b.written for m in _marks(name) | _marks(as_written)}
        for a in todo:
            a.prepared = True
            a.rarity = self.papers.rarity(a.pos)
            a.weighing = a.rarity or self.papers.none
            around = self.papers.around(a)
            if around is not None:
                a.context = around.words - around.spelt
                a.rivals = {m for b in self.in_doc[a.document_id] if b is not a and self.papers.around(b) is around
                            for m in b.owner_marks} - a.owner_marks
            a.named, a.own = _named(a.text, a.rarity), stems(a.text)
            a.owner_stems = ({stem(m) for m in a.owner_marks}
                             | {stem(t) for n in a.owner_names for t in names.name_key(n)})
            a.named -= a.owner_stems  # the owner named again says nothing of the task
            a.words = _action_words(a, a.rarity, a.context)
            a.telling = frozenset(w for w in a.words
                                  if w not in a.owner_stems and w not in NOT_NAMES and w not in COMMON)
            a.bare = _action_words(a, a.rarity, set())
            a.task = {w: wt for w, wt in a.bare.items() if w in a.own and w not in a.owner_stems}
            key = frozenset(stems(a.item or ""))
            a.topic = key if key in self.papers.topical(a.pos) else frozenset()

    def _indexes(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Of the prepared actions (by their place in ``ordered``): each content word's, and each heaviest word's."""
        logs: dict[str, list[int]] = defaultdict(list)
        heads: dict[str, list[int]] = defaultdict(list)
        for n, a in enumerate(self.ordered):
            if a.prepared:
                for w in a.own:
                    logs[w].append(n)
                if a.body_id is not None:
                    for w in _heads(a.bare, a.weighing or self.papers.none):
                        heads[w].append(n)
        return logs, heads

    def _match(self, b: _Action, logs: dict[str, list[int]], heads: dict[str, list[int]]) -> tuple[
            int | None, str | None]:
        """The earlier action (up to ``NEARBY`` meetings back) a log row restates, or a later action restates."""
        if not b.day:
            return None, None
        first = bisect_left(self.places, b.pos - NEARBY)
        last = bisect_left(self.places, b.pos + 1)  # the actions of b's meetings and before
        if b.log_status and b.own:
            shared = Counter(n for w in b.own for n in _between(logs.get(w, []), first, last)
                             if self.ordered[n].day < b.day)  # type: ignore[operator]
            best = None
            for n, k in shared.items():
                other = self.ordered[n]
                need = LOG_MATCH_SAME_OWNER if _same_owner(b, other) else LOG_MATCH
                if k >= 2 and k / len(b.own) >= need:
                    rank = (other.log_status is None, k / len(b.own), -other.day.toordinal(),  # type: ignore[union-attr]
                            -other.id)
                    best = max(best, (rank, other.id)) if best else (rank, other.id)
            if best:
                return best[1], "log"
        if b.body_id is None or b.log_status or len(b.own - b.owner_stems) < 2 \
                or not any(c.day < b.day for c in self.ordered[first:last]):  # type: ignore[operator]
            return None, None  # "ACTION: DT" alone restates nothing
        near = sorted({n for w in b.bare for n in _between(heads.get(w, []), first, last)})
        root = _restated(b, [self.ordered[n] for n in near])
        return (root, "restated") if root is not None else (None, None)

    def _follow(self) -> dict[int, int]:
        """Each action's thread: a log row follows what its match follows (among log rows); a restatement then
        follows its match's thread."""
        logged: dict[int, int] = {}
        for a in self.ordered:
            target, kind = self.matched.get(a.id, (None, None))
            if kind == "log" and target in self.acts:
                logged[a.id] = logged.get(target, target)
        restated: dict[int, int] = {}
        for b in self.ordered:
            target, kind = self.matched.get(b.id, (None, None))
            if kind == "restated" and target in self.acts:
                restated[b.id] = logged.get(target, restated.get(target, target))
        return logged | restated

    def _thread_rows(self) -> dict[int, list[dict[str, Any]]]:
        """The log rows' status cells and the restatements, as evidence on the action each follows (a log row
        that follows none is its own evidence; an undated log's is known whatever day is asked)."""
        out: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for a in self.ordered:
            if a.log_status:
                out[self.follows.get(a.id, a.id)].append(_update(
                    self.follows.get(a.id, a.id), a.document_id, a.day, "log",
                    LOG_STATUS.get(log_status(a.log_status) or "", "in_progress"), a.due, a.log_status,
                    a.file_id, a.page, a.start, a.end))
        for a in self.ordered:
            if self.matched.get(a.id, (None, None))[1] == "restated" and a.id in self.follows:
                out[self.follows[a.id]].append(_update(self.follows[a.id], a.document_id, a.day, "restated",
                                                       "in_progress", a.due, a.text, a.file_id, a.page, a.start,
                                                       a.end))
        return out


def _update(action_id: int, document_id: int, day: date | None, kind: str, status: str, due: date | None, text: str,
            file_id: int, page: int, start: int, end: int) -> dict[str, Any]:
    return {"action_id": action_id, "document_id": document_id, "meeting_date": day, "kind": kind,
            "status": status, "due_date": due, "text": text, "source_file_id": file_id, "page": page,
            "span_start": start, "span_end": end}


def _load_actions(conn: Connection, scope: Scope) -> dict[int, _Action]:
    query = select(actions.c.id, actions.c.document_id, documents.c.body_id, documents.c.meeting_date,
                   actions.c.text, actions.c.due_date, actions.c.log_status, items.c.title, actions.c.source_file_id,
                   actions.c.page, actions.c.span_start, actions.c.span_end, actions.c.follows_action_id) \
        .join(documents, documents.c.id == actions.c.document_id) \
        .outerjoin(items, items.c.id == actions.c.item_id) \
        .where(ORIGINAL, scope.where(documents.c.body_id)).order_by(actions.c.id)
    acts = {r.id: _Action(r.id, r.document_id, r.body_id, r.meeting_date, r.text, r.due_date, r.log_status, r.title,
                          r.source_file_id, r.page, r.span_start, r.span_end, stored_follows=r.follows_action_id)
            for r in conn.execute(query)}
    owners = select(action_owners.c.action_id, func.coalesce(people.c.canonical_id, people.c.id),
                    action_owners.c.name, action_owners.c.as_written) \
        .outerjoin(people, people.c.id == func.coalesce(action_owners.c.person_id, action_owners.c.linked_person_id))
    if not scope.everything:
        owners = owners.join(actions, actions.c.id == action_owners.c.action_id)
    written: dict[int, list[str]] = defaultdict(list)
    for action_id, person, name, as_written in conn.execute(_of_scope(owners, actions, scope)
                                                            .order_by(action_owners.c.id)):
        a = acts.get(action_id)
        if a is None:
            continue
        if person is not None:
            a.owners.add(person)
            a.owner_names.append(name)
        a.written.append((name, as_written))
        written[action_id].append(f"{person}|{name}|{as_written}")
    for action_id, owned in written.items():
        acts[action_id].owned = "\n".join(owned)
    return acts


def _marks(name: str) -> set[str]:
    """How an owner may be printed in a later report: initials as written
    ("AW"), a surname, a post ("the Clerk", "the General Manager")."""
    if re.fullmatch(r"[A-Z]{2,4}", name.strip()):
        return {name.strip()}
    post = POST.search(name)
    if post:
        return {post.group(0).lower()}
    key = names.name_key(name)
    return {key[-1]} if key and len(key[-1]) > 2 and key[-1] not in NOT_NAMES else set()


def _named(text: str, rarity: _Rarity | None) -> set[str]:
    """Stems of the capitalised words of the task ("Mrs Evans", "Wicksteed",
    "CALC", "Halesworth – ...") that few of the body's passages print (not
    its own name, not "Village Green"): a report on the action names one of
    them too. The first word of a sentence counts unless it is a word any sentence may start with."""
    out = set()
    for start, end in sentences(text):
        words = re.findall(r"[A-Za-z][\w'’-]*", text[start:end])
        out |= {stem(w) for i, w in enumerate(words) if w[0].isupper() and w.lower() not in NOT_NAMES and len(w) > 2
                and not (i == 0 and stem(w) in COMMON)}
    if rarity is not None:
        out = {w for w in out if rarity.df(w) <= NAMED_SHARE * rarity.n}
    return out - {""}


def _action_words(a: _Action, rarity: _Rarity | None, context: set[str]) -> dict[str, float]:
    """Each word of the action (and, weighing less, of its item's title and
    ``context``) with its weight before rarity. A word no other passage of
    the body's papers holds cannot be matched: it is left out rather than
    counted against every report."""
    words = {w: TITLE_WEIGHT for w in stems(a.item or "") | context}
    words.update({w: 1.0 for w in a.own})
    return {w: wt * (NAMED_WEIGHT if w in a.named else COMMON_WEIGHT if w in COMMON else 1.0)
            * (UNIQUE_WEIGHT if rarity is not None and rarity.df(w) <= 1 else 1.0) for w, wt in words.items()}


class _Papers:
    """One body's papers cut into passages (a block; a table row), each with
    the title of the item it stands under, in date order, loaded for the
    meetings a recompute reaches; and, around each meeting, how rare each
    word is and which item titles are topical (heading few of its meetings)."""

    def __init__(self, reader: _Reader, body: int | None, docs: dict[int, Any]) -> None:
        self.reader = reader
        self.dated = {i: d for i, d in docs.items()
                      if d.meeting_date and body is not None and d.kind != "strategy"}
        self.dates = sorted({d.meeting_date for d in self.dated.values()})
        self.held: dict[date, list[int]] = defaultdict(list)
        for i, d in sorted(self.dated.items()):
            self.held[d.meeting_date].append(i)
        self.loaded: set[int] = set()
        self.found: list[_Passage] = []
        self.days: list[date] = []
        self.index: dict[str, list[int]] = {}
        self.by_doc: dict[int, list[_Passage]] = defaultdict(list)
        self.titles: dict[int, list[Any]] = defaultdict(list)  # each paper's items, in the order stored
        self.keys: dict[int, set[frozenset[str]]] = {}
        self.none = _Rarity(1, lambda w: 0)  # weighs nothing: no papers near
        self._rarity: dict[int, _Rarity | None] = {}
        self._topical: dict[int, set[frozenset[str]]] = {}

    def window(self, pos: int) -> list[date]:
        """The meeting dates near the ``pos``-th (``NEARBY`` each side)."""
        return self.dates[max(0, pos - NEARBY):pos + NEARBY + 1]

    def cover(self, places: set[int]) -> None:
        """Load the papers of the meetings near each of ``places``."""
        wanted = {i for p in places for day in self.window(p) for i in self.held[day]} - self.loaded
        if wanted:
            self._load(sorted(wanted))

    def _load(self, doc_ids: list[int]) -> None:
        heads: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for r in self.reader.items(doc_ids):
            self.titles[r.document_id].append(r)
            heads[r.document_id].append((r.span_start, r.title))
        for doc_id in doc_ids:
            heads[doc_id].sort(key=lambda h: h[0])
            self.keys[doc_id] = {frozenset(stems(t)) for _, t in heads[doc_id]}
        new: list[_Passage] = []
        for b in self.reader.blocks(doc_ids):
            new += _passages(b, self.dated[b.document_id].meeting_date, heads[b.document_id])
        self.loaded.update(doc_ids)
        # new lists, not changed ones: the rarities worked out before read their own
        found = sorted(self.found + new, key=lambda p: (p.day, p.document_id, p.start))
        index: dict[str, list[int]] = defaultdict(list)
        by_doc: dict[int, list[_Passage]] = defaultdict(list)
        for n, p in enumerate(found):
            for w in p.words:
                index[w].append(n)
            by_doc[p.document_id].append(p)
        self.found, self.days, self.index, self.by_doc = found, [p.day for p in found], index, by_doc

    def rarity(self, pos: int) -> _Rarity | None:
        """How rare each word is in the passages of the meetings near the ``pos``-th (None: there are none)."""
        if pos not in self._rarity:
            near = self.window(pos)
            first = bisect_left(self.days, near[0]) if near else 0
            past = bisect_right(self.days, near[-1]) if near else 0
            index = self.index

            def df(word: str) -> int:
                found = index.get(word, [])
                return bisect_left(found, past) - bisect_left(found, first)
            self._rarity[pos] = _Rarity(past - first, df) if past > first else None
        return self._rarity[pos]

    def topical(self, pos: int) -> set[frozenset[str]]:
        """The item titles that head few of the papers of the meetings near the ``pos``-th."""
        if pos not in self._topical:
            papers = [i for day in self.window(pos) for i in self.held[day]]
            seen = Counter(k for i in papers for k in self.keys.get(i, ()))
            self._topical[pos] = {k for k, n in seen.items() if k and n <= max(2, TOPICAL * len(papers))}
        return self._topical[pos]

    def around(self, a: _Action) -> _Passage | None:
        """The passage the action was written in."""
        return next((p for p in self.by_doc.get(a.document_id, ()) if p.start <= a.start < p.end), None)


def _passages(b: Any, day: date, under: list[tuple[int, str]]) -> list[_Passage]:
    """A block of a dated paper as passages, under the item heads ``under`` (start, title) of its paper."""
    at = bisect_right([s for s, _ in under], b.span_start) - 1
    if under and at < 0:
        return []  # the head of the paper (who attended) reports on no task
    item = under[at][1] if at >= 0 else None
    if item and ROLL.match(item):
        return []
    exact = len(b.text) == b.span_end - b.span_start
    out = []
    key = frozenset(stems(item or ""))
    for s, e in _pieces(b.kind, b.text):
        text = b.text[s:e]
        if len(text.strip()) < 12:
            continue
        start = b.span_start + s if exact else b.span_start
        said = stems(text)
        named = _acronyms(text) - said
        out.append(_Passage(b.document_id, day, text, item, b.source_file_id, b.page, start,
                            b.span_start + e if exact else b.span_end, exact, said | key | named, key, said | named,
                            named, not CORRECTION.search(text) and bool(said - key)))
    return out


def _acronyms(text: str) -> set[str]:
    """The initials of the names a passage spells out ("Extraordinary General
    Meeting" -> "egm"), so that a task written with them ("the EGM notice") meets it."""
    out = set()
    for m in re.finditer(r"(?:\b[A-Z][a-z]+(?:\s+(?:of|and|for|the|&)\s+|\s+)){1,5}[A-Z][a-z]+\b", text):
        words = [w for w in m.group(0).split() if w[0].isupper()]
        letters = "".join(w[0] for w in (words[1:] if words[0] in ("The", "A", "An") else words))
        if 3 <= len(letters) <= 6:
            out.add(letters.lower())
    return out


def _pieces(kind: str, text: str) -> list[tuple[int, int]]:
    """A block as passages: a table by rows; a long paragraph (or row) by
    pairs of sentences, so that a report is matched by words printed
    together, not anywhere in a page-long block."""
    rows = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)] if kind == "table" else [(0, len(text))]
    out = []
    for start, end in rows:
        spans = [(start + a, start + b) for a, b in sentences(text[start:end])]
        if len(spans) <= PASSAGE_SENTENCES + 1:
            out.append((start, end))
        else:
            out += [(spans[i][0], spans[min(i + PASSAGE_SENTENCES, len(spans)) - 1][1])
                    for i in range(0, len(spans), PASSAGE_SENTENCES)]
    return out


@dataclass
class _Rarity:
    """How rare each word is in some of one body's papers: in how many of its ``n`` passages it is printed.
    Weights, and each action's weighted words, are worked out once: they are asked for every
    candidate passage."""
    n: int
    df: Callable[[str], int]
    _weights: dict[str, float] = field(default_factory=dict, repr=False)
    _weighted: dict[int, tuple[dict[str, float], list[tuple[str, float]], float]] = field(
        default_factory=dict, repr=False)

    def weight(self, word: str) -> float:
        found = self._weights.get(word)
        if found is None:
            found = self._weights[word] = math.log(self.n / max(self.df(word), 1))
        return found

    def weighted(self, weights: dict[str, float]) -> tuple[list[tuple[str, float]], float]:
        """Each word of ``weights`` (an action's, fixed once prepared) times its rarity, and their sum."""
        known = self._weighted.get(id(weights))
        if known is None or known[0] is not weights:  # the dict itself is kept, so its id is not reused
            terms = [(w, wt * self.weight(w)) for w, wt in weights.items()]
            known = self._weighted[id(weights)] = (weights, terms, math.fsum(v for _, v in terms))
        return known[1], known[2]


def _share(weights: dict[str, float], words: set[str], rarity: _Rarity) -> float:
    """The share of the action's weighted, distinctive words that ``words`` holds."""
    terms, total = rarity.weighted(weights)
    if not total:
        return 0.0
    return math.fsum(v for w, v in terms if w in words) / total


def _same_owner(a: _Action, b: _Action) -> bool:
    return bool(a.owners & b.owners) or any(names.same_person(x, y) for x in a.owner_names for y in b.owner_names)


def _restated(b: _Action, earlier: list[_Action]) -> int | None:
    """The action of ``earlier`` (in the order raised) that ``b`` restates best, if any: each holds most of
    the other's words, each weighed as the papers near its own meeting weigh them."""
    best = None
    for a in earlier:
        if a.day >= b.day or (a.owners or b.owners) and not _same_owner(a, b):  # type: ignore[operator]
            continue
        if a.weighing is None or b.weighing is None:  # unprepared (the index holds only prepared ones)
            continue
        score = min(_share(a.bare, set(b.bare), a.weighing), _share(b.bare, set(a.bare), b.weighing))
        if score >= RESTATE_MATCH and (best is None or score > best[0]):
            best = (score, a.id)
    return best[1] if best else None


def _heads(weights: dict[str, float], rarity: _Rarity) -> list[str]:
    """The heaviest words of ``weights`` that together weigh more than the share a
    restatement may lack (with a margin for rounding): another action holding
    none of them holds less than ``RESTATE_MATCH`` of it. All of them when none weigh."""
    terms, total = rarity.weighted(weights)
    out, held = [], 0.0
    for w, v in sorted(terms, key=lambda t: (-t[1], t[0])):
        if total > 0 and held > (1 - RESTATE_MATCH) * total * 1.25:
            break
        out.append(w)
        held += v
    return out


def _report_updates(papers: _Papers, roots: list[_Action], known: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Passages of later meetings that report on an action (its thread's first), one per meeting, until one
    says it is done."""
    seen = {(u["action_id"], u["document_id"]) for u in known if u["kind"] == "log"}
    done_on = {u["action_id"]: u["meeting_date"] for u in sorted(known, key=lambda u: u["meeting_date"] or date.min,
                                                                   reverse=True)
               if u["status"] == "done" and u["meeting_date"]}
    out = []
    for a in roots:
        if a.log_status or not a.day or a.rarity is None or not a.words:
            continue
        own = [w for w in a.own if w in a.words]
        # the passages of its next meetings, found by bisection of each word's (in date order)
        later = papers.dates[bisect_right(papers.dates, a.day):][:LATER_MEETINGS]
        if not later:
            continue
        first, past = bisect_right(papers.days, a.day), bisect_right(papers.days, later[-1])
        candidates = sorted({n for w in own for n in _between(papers.index.get(w, []), first, past)})
        best: dict[int, tuple[float, _Passage]] = {}
        for n in candidates:
            p = papers.found[n]
            score = match(a, p, a.rarity)
            if score >= REPORT_MATCH and score > best.get(p.document_id, (0.0, p))[0]:
                best[p.document_id] = (score, p)
        stop = done_on.get(a.id)
        for _, p in sorted(best.values(), key=lambda sp: (sp[1].day, sp[1].document_id)):
            if stop and p.day > stop:
                break
            if (a.id, p.document_id) in seen:
                continue
            quote, start, end = _quote(a, p)
            status = progress(quote) or progress(p.text) or "in_progress"  # spoken of, not said to be done
            if status == "in_progress" and REPORTING.search(a.text) and DELIVERED.search(quote):
                status = "done"  # "Tom will report back on the consultation" / "Tom reported the outcome ..."
            out.append(_update(a.id, p.document_id, p.day, "report", status, None, quote, p.file_id, p.page,
                               start, end))
            if status == "done":
                break
    return out


def _between(positions: list[int], first: int, past: int) -> list[int]:
    """The sorted ``positions`` from ``first`` up to, not including, ``past``."""
    return positions[bisect_left(positions, first):bisect_left(positions, past)]


def match(a: _Action, p: _Passage, rarity: _Rarity) -> float:
    """How surely passage ``p`` reports on action ``a`` (0 when it cannot)."""
    if not p.reports:
        return 0.0  # a correction quotes old words; a heading alone reports nothing
    # the report itself says what the task is about: two of its words besides its owner's (one the task's
    # own), three of the passage it was set in, or a name; or it stands under the same topical item and
    # names the owner or a word of the task
    about = a.telling & p.said
    same_item = bool(a.topic) and a.topic == p.key
    own_about = about & a.own
    about_enough = len(about) >= 2 and own_about or len(about) >= 3 or a.named & about
    if not (about_enough or same_item) or not a.own & p.words:
        return 0.0  # decided before the owner is looked for: most passages fail here, and naming owners is dear
    owner = _mentions_owner(a, p, a.owner_marks)
    if a.owner_marks and not owner and _mentions_owner(a, p, a.rivals):
        return 0.0  # a report on what another owner was given in the same breath
    if not (about_enough or owner or own_about):
        return 0.0
    # the task's words alone, or with those of the passage it was written in: whichever it shares more of
    bare, around = _share(a.bare, p.words, rarity), _share(a.words, p.words, rarity)
    if a.named and not a.named & p.words:  # ...unless it shares the circumstances the task was set in
        bare, around = bare * UNNAMED, around if around > bare else around * UNNAMED
    if around <= bare and _share(a.task, p.words, rarity) < OWN_SHARE:
        return 0.0  # matched by the task's own words, it must hold most of them, not only its item's title
    # one circumstance lifts a near match, not two at once: the owner named (a post is named in report after
    # report) and the same recurring item ("Health and Safety") together say little of the task itself
    return max(bare, around) + max(OWNER_BONUS if owner else 0.0, SAME_ITEM_BONUS if same_item else 0.0)


def _mentions_owner(a: _Action, p: _Passage, marks: set[str]) -> bool:
    return any(_mark(m).search(p.text) for m in marks)


@lru_cache(maxsize=4096)
def _mark(mark: str) -> re.Pattern[str]:
    """A mark of an owner as a report prints it: initials in capitals, a name or post in any case."""
    return re.compile(rf"\b{re.escape(mark)}\b", 0 if mark.isupper() else re.I)


def _quote(a: _Action, p: _Passage) -> tuple[str, int, int]:
    """The sentence of the passage that shares most of the action's words, and its span."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", p.text)]
    spans = sentences(p.text) + [s for s in lines if s not in sentences(p.text)] or [(0, len(p.text))]
    best = max(spans, key=lambda s: (math.fsum(a.words.get(w, 0.0) for w in stems(p.text[s[0]:s[1]])), s[0] - s[1]))
    text = " ".join(p.text[best[0]:best[1]].split())
    if not p.exact:
        return text, p.start, p.end
    return text, p.start + best[0], p.start + best[1]


def _item_updates(papers: _Papers, roots: list[_Action], own_name: set[str]) -> list[dict[str, Any]]:
    """Items of later meetings that deliver a reporting action."""
    meetings = sorted((d for d in papers.dated.values() if d.kind in ("minutes", "agenda")),
                      key=lambda d: (d.meeting_date, d.id))
    days = [d.meeting_date for d in meetings]
    out = []
    for a in roots:
        if a.log_status or not a.day or a.body_id is None or not REPORTING.search(a.text):
            continue
        own = a.own - own_name  # the body's own name in a title delivers nothing
        later = meetings[bisect_right(days, a.day):][:LATER_MEETINGS]
        later = [d for d in later if d.meeting_date <= a.due + ITEM_WINDOW] if a.due else later[:2]
        topical = papers.topical(a.pos)
        for d in later:  # a routine item ("General Manager's Update") delivers nothing in particular
            hit = next((t for t in papers.titles[d.id] if frozenset(stems(t.title)) in topical
                        and _delivers(own, stems(t.title) - own_name)), None)
            if hit:
                out.append(_update(a.id, d.id, d.meeting_date, "item", "done", None, hit.title,
                                   hit.source_file_id, hit.page, hit.span_start, hit.span_end))
                break
    return out


def _delivers(action_words: set[str], title_words: set[str]) -> bool:
    """Whether a later item's title names what the task is about: two of its
    words, posts and report words aside, and most of the title."""
    shared = len((action_words & title_words) - TITLE_FILLER)
    return shared >= 2 and shared / max(len(title_words - TITLE_FILLER), 1) >= ITEM_MATCH


def _all_done_updates(reader: _Reader, body: int | None, docs: dict[int, Any],
                      roots: list[_Action]) -> list[dict[str, Any]]:
    """"All actions from the last meeting had been completed": the body's previous meeting's actions are done."""
    dated = {i: d for i, d in docs.items() if d.meeting_date and body is not None}
    minutes = sorted(((d.meeting_date, d.id) for d in dated.values() if d.kind == "minutes"))
    papers = sorted((d.meeting_date, d.id) for d in dated.values())
    by_doc: dict[int, list[_Action]] = defaultdict(list)
    for a in roots:
        if not a.log_status:
            by_doc[a.document_id].append(a)
    # a paper whose previous minutes hold one of the roots: dated after them, up to the next minutes
    wanted = []
    for doc_id in by_doc:
        d = dated.get(doc_id)
        if d is None or d.kind != "minutes":
            continue
        nxt = bisect_right(minutes, (d.meeting_date, math.inf))
        after = minutes[nxt:nxt + 1]
        wanted += [i for _, i in papers[bisect_right(papers, (d.meeting_date, math.inf)):
                                        bisect_right(papers, (after[0][0], math.inf)) if after else None]]
    out = []
    for b in reader.blocks(sorted(set(wanted))):
        lower = b.text.lower()
        if "actions" not in lower or not any(w in lower for w in ("complete", "done", "closed")):
            continue
        m = ALL_DONE.search(b.text)
        d = dated[b.document_id]
        earlier = minutes[:bisect_left(minutes, (d.meeting_date, 0))]
        if not m or not earlier:
            continue
        out += [_update(a.id, d.id, d.meeting_date, "all_completed", "done", None, m.group(0),
                        b.source_file_id, b.page, b.span_start, b.span_end) for a in by_doc[earlier[-1][1]]]
    return out
