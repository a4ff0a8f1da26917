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
Every piece of it lies in the papers of the action's own body, so it is
recomputed for the bodies a relink is owed (a ``Scope``), not the archive.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, bindparam, delete, func, insert, or_, select, update

from minutes.extract import names
from minutes.extract.action_log import log_status
from minutes.extract.progress import COMMON, STOP, progress, sentences, stem, stems
from minutes.models.linking import EVERYTHING, Scope
from minutes.models.schema import action_owners, action_updates, actions, blocks, bodies, documents, items, people
from minutes.models.sql import ORIGINAL

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


@dataclass
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
    owner_stems: set[str] = field(default_factory=set)
    words: dict[str, float] = field(default_factory=dict)  # with the words of the passage around it
    bare: dict[str, float] = field(default_factory=dict)  # its own and its item's title's only
    task: dict[str, float] = field(default_factory=dict)  # its own words only, its owners' left out
    named: set[str] = field(default_factory=set)  # the people, places and things it names (capitalised words)
    topic: frozenset[str] = frozenset()  # its item's title, when the title is topical (not "Any Other Business")
    own: set[str] = field(default_factory=set)  # the words of its own text (not its item's title)
    context: set[str] = field(default_factory=set)  # the words of the passage it was written in
    rivals: set[str] = field(default_factory=set)  # the marks of other owners given tasks in that passage


@dataclass
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
    topic: frozenset[str] = frozenset()
    said: set[str] = field(default_factory=set)  # its own words only
    spelt: set[str] = field(default_factory=set)  # the initials of the names it spells out
    reports: bool = True  # not a correction quoting old words, nor a heading alone (its item's title)


def recompute(conn: Connection, scope: Scope = EVERYTHING) -> None:
    """Rebuild ``action_updates`` and ``actions.follows_action_id`` of the
    actions of ``scope``'s bodies from their stored papers; deterministic."""
    in_scope = scope.where(documents.c.body_id)
    docs = {r.id: r for r in conn.execute(select(documents.c.id, documents.c.body_id, documents.c.meeting_date,
                                                 documents.c.kind).where(ORIGINAL, in_scope))}
    acts, passages, idf, topical = prepare(conn, docs, scope)
    follows = _match_log_rows(acts)
    # A log row's status cell is evidence on the action it restates, or on itself; an undated log's is
    # known whatever day is asked.
    updates = [_update(follows.get(a.id, a.id), a.document_id, a.day, "log",
                       LOG_STATUS.get(log_status(a.log_status) or "", "in_progress"), a.due, a.log_status,
                       a.file_id, a.page, a.start, a.end)
               for a in acts.values() if a.log_status]
    restated = _match_restated(acts, follows, idf)
    follows.update(restated)
    updates += [_update(follows[b], acts[b].document_id, acts[b].day, "restated",
                        "in_progress", acts[b].due, acts[b].text, acts[b].file_id, acts[b].page, acts[b].start,
                        acts[b].end) for b in restated]
    updates += _item_updates(conn, acts, follows, docs, topical, scope)
    updates += _all_done_updates(conn, acts, follows, docs, scope)
    updates += _report_updates(acts, follows, passages, idf, updates)
    updates.sort(key=lambda u: (u["action_id"], u["meeting_date"] or date.min, u["document_id"], u["span_start"],
                                u["kind"]))
    scoped = select(actions.c.id).join(documents, documents.c.id == actions.c.document_id).where(in_scope)
    conn.execute(delete(action_updates) if scope.everything else
                 delete(action_updates).where(action_updates.c.action_id.in_(scoped)))
    if updates:
        conn.execute(insert(action_updates), updates)
    current = dict(conn.execute(_of_scope(select(actions.c.id, actions.c.follows_action_id), actions, scope)).all())
    changed = [{"aid": i, "root": follows.get(i)} for i in current if current[i] != follows.get(i)]
    if changed:
        conn.execute(update(actions).where(actions.c.id == bindparam("aid"))
                     .values(follows_action_id=bindparam("root")), changed)


Topical = dict[int | None, set[frozenset[str]]]  # per body, the item titles that head few of its meetings


def _of_scope(query: Select, table: Any, scope: Scope) -> Select:
    """``query`` on ``table`` (an actions, items or blocks table) kept to the rows of ``scope``'s documents."""
    if scope.everything:
        return query
    column: ColumnElement = table.c.document_id
    return query.join(documents, documents.c.id == column).where(scope.where(documents.c.body_id))


def prepare(conn: Connection, docs: dict[int, Any], scope: Scope = EVERYTHING) -> tuple[
        dict[int, _Action], dict[int | None, list[_Passage]], dict[int | None, _Rarity], Topical]:
    """The actions of ``scope``'s bodies with the words they are matched by,
    the passages of the bodies' papers ``docs``, how rare each word is in
    them, and the topical item titles."""
    acts = _load_actions(conn, scope)
    passages, topical = _load_passages(conn, docs, scope)
    idf = _idf(passages)
    _contexts(acts, passages)
    for a in acts.values():
        a.named, a.own = _named(a.text, idf.get(a.body_id)), stems(a.text)
        a.owner_stems = {stem(m) for m in a.owner_marks} | {stem(t) for n in a.owner_names for t in names.name_key(n)}
        a.named -= a.owner_stems  # the owner named again says nothing of the task
        a.words = _action_words(a, idf.get(a.body_id), a.context)
        a.bare = _action_words(a, idf.get(a.body_id), set())
        a.task = {w: wt for w, wt in a.bare.items() if w in a.own and w not in a.owner_stems}
        key = frozenset(stems(a.item or ""))
        a.topic = key if key in topical.get(a.body_id, set()) else frozenset()
    return acts, passages, idf, topical


def _update(action_id: int, document_id: int, day: date | None, kind: str, status: str, due: date | None, text: str,
            file_id: int, page: int, start: int, end: int) -> dict[str, Any]:
    return {"action_id": action_id, "document_id": document_id, "meeting_date": day, "kind": kind,
            "status": status, "due_date": due, "text": text, "source_file_id": file_id, "page": page,
            "span_start": start, "span_end": end}


def _load_actions(conn: Connection, scope: Scope) -> dict[int, _Action]:
    query = select(actions.c.id, actions.c.document_id, documents.c.body_id, documents.c.meeting_date,
                   actions.c.text, actions.c.due_date, actions.c.log_status, items.c.title, actions.c.source_file_id,
                   actions.c.page, actions.c.span_start, actions.c.span_end) \
        .join(documents, documents.c.id == actions.c.document_id) \
        .outerjoin(items, items.c.id == actions.c.item_id) \
        .where(ORIGINAL, scope.where(documents.c.body_id)).order_by(actions.c.id)
    acts = {r.id: _Action(r.id, r.document_id, r.body_id, r.meeting_date, r.text, r.due_date, r.log_status, r.title,
                          r.source_file_id, r.page, r.span_start, r.span_end) for r in conn.execute(query)}
    owners = select(action_owners.c.action_id, func.coalesce(people.c.canonical_id, people.c.id),
                    action_owners.c.name, action_owners.c.as_written) \
        .outerjoin(people, people.c.id == func.coalesce(action_owners.c.person_id, action_owners.c.linked_person_id))
    if not scope.everything:
        owners = owners.join(actions, actions.c.id == action_owners.c.action_id)
    for action_id, person, name, written in conn.execute(_of_scope(owners, actions, scope)
                                                         .order_by(action_owners.c.id)):
        a = acts.get(action_id)
        if a is None:
            continue
        if person is not None:
            a.owners.add(person)
            a.owner_names.append(name)
        a.owner_marks |= _marks(name) | _marks(written)
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
        out = {w for w in out if rarity.df[w] <= NAMED_SHARE * rarity.n}
    return out - {""}


def _contexts(acts: dict[int, _Action], passages: dict[int | None, list[_Passage]]) -> None:
    """Set each action's context: the words of the passage it was written in
    ("... to register the land with the Land Registry ... The Clerk to contact
    Mrs Evans"), what a short task is about; and the owners of the other
    tasks set in that passage ("Mr Bellsham to contact Highways, and Mr
    Armstrong will also"), whose reports are theirs."""
    by_doc: dict[int, list[_Passage]] = defaultdict(list)
    for found in passages.values():
        for p in found:
            by_doc[p.document_id].append(p)
    within: dict[int, list[_Action]] = defaultdict(list)
    for a in acts.values():
        around = next((p for p in by_doc.get(a.document_id, ()) if p.start <= a.start < p.end), None)
        if around is not None:
            a.context = around.words - around.spelt
            within[id(around)].append(a)
    for together in within.values():
        for a in together:
            a.rivals = {m for b in together if b is not a for m in b.owner_marks} - a.owner_marks


def _action_words(a: _Action, rarity: _Rarity | None, context: set[str]) -> dict[str, float]:
    """Each word of the action (and, weighing less, of its item's title and
    ``context``) with its weight before rarity. A word no other passage of
    the body's papers holds cannot be matched: it is left out rather than
    counted against every report."""
    words = {w: TITLE_WEIGHT for w in stems(a.item or "") | context}
    words.update({w: 1.0 for w in a.own})
    return {w: wt * (NAMED_WEIGHT if w in a.named else COMMON_WEIGHT if w in COMMON else 1.0)
            * (UNIQUE_WEIGHT if rarity is not None and rarity.df[w] <= 1 else 1.0) for w, wt in words.items()}


def _load_passages(conn: Connection, docs: dict[int, Any], scope: Scope) -> tuple[
        dict[int | None, list[_Passage]], dict[int | None, set[frozenset[str]]]]:
    """The body's papers cut into passages (a block; a table row), each with
    the title of the item it stands under, by body and meeting date; and per
    body the item titles that are topical (heading few of its meetings)."""
    dated = {i for i, d in docs.items() if d.meeting_date and d.body_id is not None and d.kind != "strategy"}
    heads: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for doc_id, start, title in conn.execute(_of_scope(select(items.c.document_id, items.c.span_start, items.c.title),
                                                       items, scope)
                                             .order_by(items.c.document_id, items.c.span_start)):
        if doc_id in dated:
            heads[doc_id].append((start, title))
    seen_in: dict[int | None, Counter[frozenset[str]]] = defaultdict(Counter)
    for doc_id, under in heads.items():
        seen_in[docs[doc_id].body_id].update({frozenset(stems(t)) for _, t in under})
    held = Counter(docs[i].body_id for i in dated)
    topical = {body: {k for k, n in found.items() if k and n <= max(2, TOPICAL * held[body])}
               for body, found in seen_in.items()}
    out: dict[int | None, list[_Passage]] = defaultdict(list)
    for b in conn.execute(_of_scope(select(blocks.c.document_id, blocks.c.kind, blocks.c.text, blocks.c.source_file_id,
                                           blocks.c.page, blocks.c.span_start, blocks.c.span_end), blocks, scope)
                          .order_by(blocks.c.id)):
        if b.document_id not in dated:
            continue
        d = docs[b.document_id]
        under = heads[b.document_id]
        at = bisect_right([s for s, _ in under], b.span_start) - 1
        if under and at < 0:
            continue  # the head of the paper (who attended) reports on no task
        item = under[at][1] if at >= 0 else None
        if item and ROLL.match(item):
            continue
        exact = len(b.text) == b.span_end - b.span_start
        for s, e in _pieces(b.kind, b.text):
            text = b.text[s:e]
            if len(text.strip()) < 12:
                continue
            start = b.span_start + s if exact else b.span_start
            key = frozenset(stems(item or ""))
            said = stems(text)
            named = _acronyms(text) - said
            out[d.body_id].append(_Passage(b.document_id, d.meeting_date, text, item, b.source_file_id, b.page,
                                           start, b.span_start + e if exact else b.span_end, exact,
                                           said | key | named,
                                           key if key in topical.get(d.body_id, set()) else frozenset(),
                                           said | named, named, not CORRECTION.search(text) and bool(said - key)))
    for found in out.values():
        found.sort(key=lambda p: (p.day, p.document_id, p.start))
    return out, topical


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
    """How rare each word is in one body's papers: in how many of its ``n`` passages it is printed.
    Weights, and each action's weighted words, are worked out once: they are asked for every
    candidate passage."""
    n: int
    df: Counter[str]
    _weights: dict[str, float] = field(default_factory=dict, repr=False)
    _weighted: dict[int, tuple[dict[str, float], list[tuple[str, float]], float]] = field(
        default_factory=dict, repr=False)

    def weight(self, word: str) -> float:
        found = self._weights.get(word)
        if found is None:
            found = self._weights[word] = math.log(self.n / max(self.df[word], 1))
        return found

    def weighted(self, weights: dict[str, float]) -> tuple[list[tuple[str, float]], float]:
        """Each word of ``weights`` (an action's, fixed once prepared) times its rarity, and their sum."""
        known = self._weighted.get(id(weights))
        if known is None or known[0] is not weights:  # the dict itself is kept, so its id is not reused
            terms = [(w, wt * self.weight(w)) for w, wt in weights.items()]
            known = self._weighted[id(weights)] = (weights, terms, sum(v for _, v in terms))
        return known[1], known[2]


def _idf(passages: dict[int | None, list[_Passage]]) -> dict[int | None, _Rarity]:
    return {body: _Rarity(len(found), Counter(w for p in found for w in p.words)) for body, found in passages.items()}


def _share(weights: dict[str, float], words: set[str], rarity: _Rarity) -> float:
    """The share of the action's weighted, distinctive words that ``words`` holds."""
    terms, total = rarity.weighted(weights)
    if not total:
        return 0.0
    return sum(v for w, v in terms if w in words) / total


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
        own = a.own
        if a.log_status and own:
            shared = Counter(c for w in own for c in index[(a.body_id, w)]
                             if acts[c].day < a.day)  # type: ignore[operator]
            best = None
            for c, n in shared.items():
                other = acts[c]
                need = LOG_MATCH_SAME_OWNER if _same_owner(a, other) else LOG_MATCH
                if n >= 2 and n / len(own) >= need:
                    rank = (other.log_status is None, n / len(own), -other.day.toordinal(), -c)  # type: ignore[union-attr]
                    best = max(best, (rank, c)) if best else (rank, c)
            if best:
                follows[a.id] = follows.get(best[1], best[1])
        for w in own:
            index[(a.body_id, w)].append(a.id)
    return follows


def _match_restated(acts: dict[int, _Action], follows: dict[int, int],
                    idf: dict[int | None, _Rarity]) -> dict[int, int]:
    """Later actions (not log rows) that restate an earlier one of the body: the
    same owner (or none on either), most of each other's weighted words.
    An earlier action is a candidate only when the later one holds one of its
    heaviest words (those weighing more than the share it may lack), found
    by an index of them: one sharing none of them cannot reach the match,
    and the work grows with the body's actions, not their square."""
    by_body: dict[int | None, list[_Action]] = defaultdict(list)
    for a in sorted((a for a in acts.values() if a.day and a.body_id is not None), key=lambda a: (a.day, a.id)):
        by_body[a.body_id].append(a)
    out: dict[int, int] = {}
    for body, found in by_body.items():
        weights = idf.get(body, _Rarity(1, Counter()))
        heaviest: dict[str, list[int]] = defaultdict(list)  # word -> the positions in found of actions it heads
        for i, b in enumerate(found):
            # "ACTION: DT" alone restates nothing
            if not (b.log_status or b.id in follows or len(b.own - b.owner_stems) < 2):
                near = sorted({n for w in b.bare for n in heaviest.get(w, ())})
                root = _restated(b, [found[n] for n in near], weights)
                if root is not None:
                    out[b.id] = follows.get(root, out.get(root, root))
            for w in _heads(b.bare, weights):
                heaviest[w].append(i)
    return out


def _restated(b: _Action, earlier: list[_Action], weights: _Rarity) -> int | None:
    """The action of ``earlier`` (in the order raised) that ``b`` restates best, if any."""
    best = None
    for a in earlier:
        if a.day >= b.day or (a.owners or b.owners) and not _same_owner(a, b):  # type: ignore[operator]
            continue
        score = min(_share(a.bare, set(b.bare), weights), _share(b.bare, set(a.bare), weights))
        if score >= RESTATE_MATCH and (best is None or score > best[0]):
            best = (score, a.id)
    return best[1] if best else None


def _heads(weights: dict[str, float], rarity: _Rarity) -> list[str]:
    """The heaviest words of ``weights`` that together weigh more than the share a
    restatement may lack (with a margin for rounding): another action holding
    none of them holds less than ``RESTATE_MATCH`` of it. All of them when none weigh."""
    terms, total = rarity.weighted(weights)
    out, held = [], 0.0
    for w, v in sorted(terms, key=lambda t: -t[1]):
        if total > 0 and held > (1 - RESTATE_MATCH) * total * 1.25:
            break
        out.append(w)
        held += v
    return out


def _report_updates(acts: dict[int, _Action], follows: dict[int, int], passages: dict[int | None, list[_Passage]],
                    idf: dict[int | None, _Rarity], known: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Passages of later meetings that report on an action (its thread's root),
    one per meeting, until one says it is done."""
    seen = {(u["action_id"], u["document_id"]) for u in known if u["kind"] == "log"}
    done_on = {u["action_id"]: u["meeting_date"] for u in sorted(known, key=lambda u: u["meeting_date"] or date.min,
                                                                   reverse=True)
               if u["status"] == "done" and u["meeting_date"]}
    # Per body, each word's passages (positions in the body's list, which is in date order), and the
    # passages' days: an action's candidates are those of its next meetings, found by bisection.
    index: dict[int | None, dict[str, list[int]]] = {}
    days: dict[int | None, list[date]] = {}
    for body, found in passages.items():
        ix: dict[str, list[int]] = defaultdict(list)
        for n, p in enumerate(found):
            for w in p.words:
                ix[w].append(n)
        index[body], days[body] = ix, [p.day for p in found]
    met = {body: sorted(set(d)) for body, d in days.items()}
    out = []
    for a in acts.values():
        if a.log_status or a.id in follows or not a.day or a.body_id not in passages or not a.words:
            continue
        found, weights = passages[a.body_id], idf[a.body_id]
        own = [w for w in a.own if w in a.words]
        later = met[a.body_id][bisect_right(met[a.body_id], a.day):][:LATER_MEETINGS]
        if not later:
            continue
        first, past = bisect_right(days[a.body_id], a.day), bisect_right(days[a.body_id], later[-1])
        candidates = sorted({n for w in own for n in _between(index[a.body_id].get(w, []), first, past)})
        best: dict[int, tuple[float, _Passage]] = {}
        for n in candidates:
            p = found[n]
            score = match(a, p, weights)
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
    about = [w for w in a.words if w in p.said and w not in a.owner_stems and w not in NOT_NAMES
             and w not in COMMON]
    same_item = bool(a.topic) and a.topic == p.topic
    owner = _mentions_owner(a, p, a.owner_marks)
    if a.owner_marks and not owner and _mentions_owner(a, p, a.rivals):
        return 0.0  # a report on what another owner was given in the same breath
    own_about = [w for w in about if w in a.own]
    if not (len(about) >= 2 and own_about or len(about) >= 3 or a.named & set(about)
            or same_item and (owner or own_about)) or not a.own & p.words:
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
    return any(re.search(rf"\b{re.escape(m)}\b", p.text, 0 if m.isupper() else re.I) for m in marks)


def _quote(a: _Action, p: _Passage) -> tuple[str, int, int]:
    """The sentence of the passage that shares most of the action's words, and its span."""
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", p.text)]
    spans = sentences(p.text) + [s for s in lines if s not in sentences(p.text)] or [(0, len(p.text))]
    best = max(spans, key=lambda s: (sum(a.words.get(w, 0.0) for w in stems(p.text[s[0]:s[1]])), s[0] - s[1]))
    text = " ".join(p.text[best[0]:best[1]].split())
    if not p.exact:
        return text, p.start, p.end
    return text, p.start + best[0], p.start + best[1]


def _item_updates(conn: Connection, acts: dict[int, _Action], follows: dict[int, int],
                  docs: dict[int, Any], topical: Topical, scope: Scope) -> list[dict[str, Any]]:
    """Items of later meetings that deliver a reporting action."""
    meetings: dict[int, list[Any]] = defaultdict(list)
    for d in sorted(docs.values(), key=lambda d: (d.meeting_date or date.min, d.id)):
        if d.body_id is not None and d.meeting_date and d.kind in ("minutes", "agenda"):
            meetings[d.body_id].append(d)
    own_name = {b: stems(n) for b, n in conn.execute(select(bodies.c.id, bodies.c.name))}
    titles: dict[int, list[Any]] = defaultdict(list)
    for r in conn.execute(_of_scope(select(items.c.document_id, items.c.title, items.c.page, items.c.span_start,
                                           items.c.span_end, items.c.source_file_id), items, scope)
                          .order_by(items.c.id)):
        titles[r.document_id].append(r)
    out = []
    for a in acts.values():
        if a.log_status or a.id in follows or not a.day or a.body_id is None or not REPORTING.search(a.text):
            continue
        own = a.own - own_name.get(a.body_id, set())  # the body's own name in a title delivers nothing
        later = [d for d in meetings[a.body_id] if d.meeting_date > a.day][:LATER_MEETINGS]
        later = [d for d in later if d.meeting_date <= a.due + ITEM_WINDOW] if a.due else later[:2]
        for d in later:  # a routine item ("General Manager's Update") delivers nothing in particular
            hit = next((t for t in titles[d.id] if frozenset(stems(t.title)) in topical.get(a.body_id, set())
                        and _delivers(own, stems(t.title) - own_name.get(a.body_id, set()))), None)
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


def _all_done_updates(conn: Connection, acts: dict[int, _Action], follows: dict[int, int],
                      docs: dict[int, Any], scope: Scope) -> list[dict[str, Any]]:
    """"All actions from the last meeting had been completed": the body's previous meeting's actions are done."""
    found = conn.execute(_of_scope(select(blocks.c.document_id, blocks.c.text, blocks.c.source_file_id,
                                          blocks.c.page, blocks.c.span_start, blocks.c.span_end), blocks, scope)
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
        d = docs.get(b.document_id)  # None for a copy in another format
        if not m or d is None or d.body_id is None or d.meeting_date is None:
            continue
        earlier = [e for e in docs.values() if e.body_id == d.body_id and e.kind == "minutes"
                   and e.meeting_date and e.meeting_date < d.meeting_date]
        if not earlier:
            continue
        previous = max(earlier, key=lambda e: (e.meeting_date, e.id))
        out += [_update(a.id, d.id, d.meeting_date, "all_completed", "done", None, m.group(0),
                        b.source_file_id, b.page, b.span_start, b.span_end) for a in by_doc[previous.id]]
    return out
