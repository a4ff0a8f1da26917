"""Actions: tasks someone is to do after the meeting, with owners, deadline
and source. Explicit forms: "Action:" / "Action 3:" / "Action Agreed 5:"
lines, action-log tables (Action | Owner | Deadline columns), RESOLVED parts
that give a task, "Clerk to respond" lines. Commitments in running text
("Sara will provide a report to the next meeting") are explicit=False."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterator

from minutes.extract.dates import DATE_PATTERN, DATED_YEAR, MONTH, YEAR_NUMBER, find_deadline, parse_date
from minutes.extract.decisions import NO_DECISIONS, resolution_parts
from minutes.extract.document import Block, Cell, Marker
from minutes.extract.funding import sentences
from minutes.extract.items import item_at
from minutes.extract.lexicon import (DECISION_VERBS, FEEDBACK_WORDS, LINKING_WORDS, LOG_STATUSES, OTHER_LOG_STATUSES,
                                    POSTS, TASK_VERBS, alternation)
from minutes.extract.nlp import analyse, may_have_cues
from minutes.extract.owners import GROUP_WORDS, WORD, Roster, is_owner_like, resolve_owners
from minutes.extract.records import Action, Due, ExtractedDocument, Owner, Span
from minutes.extract.tables import Table, TablePart, clean, tables

if TYPE_CHECKING:
    from spacy.tokens import Span as TokenSpan

ACTION_LINE = re.compile(r"^\W{0,3}(?:agreed\s+)?actions?(?:\s+agreed)?\s*(?:no\.?\s*)?\d*[a-z]?\s*[:\-–]\s*", re.I)
# An owner in trailing brackets: "... by 19th February (all partners)."
TRAILING_OWNER = re.compile(r"\(([^()\d]{2,80})\)\s*\.?\s*(?=$|\s+[A-Z])")
# RESOLVED parts that give a task: "X to liaise", "X be requested to", "X would", "X ensure that"
PART_TASK = re.compile(
    r"^(?P<subj>.+?)\s+(?:(?P<to>to\s+(?:be\s+[a-z-]+(?:ed|en|nt)\b|[a-z-]+))|be\s+(?:requested|asked|invited|"
    r"instructed|authorised|delegated)\s+to\b|(?:will|would|shall)\s+(?!be\b)[a-z-]+|(?P<bare>" +
    alternation(TASK_VERBS) + r")\b)")
# A resolution that hands a task on: "Delegates authority to X to ...", "asks X to ...".
DELEGATE = re.compile(r"\b(?:[Dd]elegates?|[Aa]sks?|[Rr]equests?|[Ii]nstructs?|[Aa]uthori[sz]es?|[Dd]irects?)\s+"
                      r"(?:(?:delegated\s+)?authority\s+)?(?:to\s+)?(?=(?:the\s+)?[A-Z])")
# Where the delegate's name ends: "in consultation with ...", "to <verb>", a stop or a bracket.
DELEGATE_END = re.compile(r",?\s+in\s+consultation\s+with\b|\s+(?:authority\s+)?to\s+(?=[a-z])|[;.(]")
TO_VERB = re.compile(r"\bto\s+[a-z]")
# "X to note / receive / endorse ...": the body's own decision, not a task.
NOT_TASKS = frozenset(verb for verb, _ in DECISION_VERBS)
# "... be noted", "... be approved": the resolution records the decision, gives no task.
PASSIVE_DECISION = re.compile(rf"\bbe\s+{alternation(done for _, done in DECISION_VERBS)}\b")
LEADING = re.compile(r"^(?:in\s+the\s+meantime|meanwhile|also|then|therefore|however|additionally|in\s+addition|"
                     r"finally|following\s+(?:an?|the)\s+\w+)\b[\s,]*", re.I)
CLAUSE_START = re.compile(r".*(?:[,;:]|\bwhich\b|\bthat\b|\bwho\b|\bwhom\b|\bwhere\b|\band\b|\bbut\b|\bso\b"
                          r"|\bthen\b)\s*",
                          re.S)
# An action column headed only "Description" or "Details" (see _log_columns).
WEAK_ACTION_HEADER = re.compile(r"description|details?", re.I)
# The status cell of an action log without a header row ("Carried forward", "Completed").
_STATUS_WORDS = [*(w for words in LOG_STATUSES.values() for w in words), *OTHER_LOG_STATUSES]
STATUS_CELL = re.compile(rf"^{alternation(_STATUS_WORDS)}"
                         r"(?!\w)", re.I)
# "National Address Dataset – Lead HS/BB": the owners of the log rows below a heading.
LEAD_LINE = re.compile(r"(?:^|[-–:]\s*|\s)(?i:lead|owner)s?\s*:?\s+"
                       r"(?P<who>[A-Z][\w.'’]*(?:\s*[/&,]\s*[A-Z][\w.'’]*)*)\s*$")
# A labelled line under an "Action:" line: "Due: September", "Owner: Clerk".
ACTION_FIELD = re.compile(r"^\W{0,3}(?P<field>due(?:\s+date)?|deadline|by\s+when|target\s+date|timescale|owner|lead|"
                          r"responsible|action\s+by|by\s+whom)\s*[:\-–]\s*(?P<value>.+)$", re.I | re.S)
# Inline owner after a task, as village hall and parish notes write it:
# "... not yet worked out, c/f action Mick." / "Look at the insurance, action Mick."
INLINE_ACTION = re.compile(r"(?:^|[,;:.–-]\s*|\(\s*)(?:c/f\s+)?action(?:ed)?\s*(?:by\s*)?:?\s+"
                           r"(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s*(?:&|and|/)\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?)"
                           r"(?=\s*(?:[.;,)]|$|to\s+(?!be\b)[a-z]))")
# "All actions for next meeting unless otherwise stated": a log's default deadline.
ALL_ACTIONS = re.compile(r"^\W{0,3}all\s+actions\b", re.I)
NOT_NAMES = frozenset({"plan", "plans", "log", "logs", "point", "points", "list", "notes", "sheet", "tracker",
                       "required",
                       "agreed", "taken", "group", "update", "updates", "item", "items", "no", "number"})
# "CDRU", "MoJ", "DfT", "ShEx": an organisation's initials, some in lower case.
ACRONYM = re.compile(r"[A-Z]{2,}s?|(?!Mc|Mac|O')(?=(?:[a-z]?[A-Z]){2})[A-Z][A-Za-z]{1,4}")
# A bracketed abbreviation ("PAF", "DfT", "H&S"), and the words before it whose initials it may be.
ABBREVIATION = re.compile(r"[A-Z][A-Za-z&]{1,7}")
TERM = re.compile(r"[A-Za-z][\w'’-]*")
# A line that closes its sentence: it does not wrap onto the next block.
CLOSED = re.compile(r"[.!?;:]\W{0,2}$")
# "Comments to Mark Riley", "returns to: Jo Bloggs": whom an action line's replies go to.
REPLIES_TO = re.compile(rf"\b(?:{alternation(FEEDBACK_WORDS)}|data|information|returns?)\b[^.]*?\bto:?\s+"
                        r"([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})")
# "is asked to note ...", "is asked to:": a recommendation for the body to decide, not a task.
ASKED_TO_DECIDE = re.compile(rf"\s*{alternation(NOT_TASKS)}\b|\s*:")
# The object of "asked X to": "asked [Paul] to", "requested [the Police] to".
ASKED_OBJECT = re.compile(r"\w+\s+(.+?)\s+to\s*$")
# Up to three capitalised words: the person a cue sends something to.
CAPITALISED_NAME = re.compile(r"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})")
# The word "action" anywhere, which every inline action ("..., action Mick.") holds.
ACTION_WORD = re.compile(r"\baction", re.I)


@dataclass
class _Context:
    doc: ExtractedDocument
    roster: Roster
    base: date | None
    meetings: list[date]
    log_due: Due | None = None  # the deadline an action log gives all its rows

    def action(self, text: str, start: int, end: int, page: int, owners: list[Owner],
               explicit: bool, due_text: str | None = None) -> Action:
        text = " ".join(text.split())
        item = item_at(self.doc.items, start)
        return Action(text, Span(page, start, end), owners, self.due(due_text or text), item.ref if item else None,
                      explicit)

    def due(self, text: str) -> Due | None:
        return find_deadline(text, self.base, self.meetings)


def extract_actions(doc: ExtractedDocument, roster: Roster, meetings: list[date]) -> list[Action]:
    """The document's actions, owners resolved against ``roster``, deadlines
    such as "the next meeting" against ``meetings`` (in order)."""
    section = doc.section
    ctx = _Context(doc, roster, section.meeting_date, meetings)
    out: list[Action] = []
    done: set[int] = set()
    for part, blocks in resolution_parts(section.blocks):
        done.update(id(b) for b in blocks)
        action = _resolution_action(ctx, part.text, part.start, part.end, part.page)
        if action:
            out.append(action)
    blocks = section.blocks
    parts = {id(part.block): (table, part) for table in tables(blocks) for part in table.parts}
    lead: list[Owner] = []  # owners a "– Lead XX" line gives the log rows below it
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        if id(block) in done:
            continue
        if block.kind == "table":
            if id(block) in parts:
                out.extend(_table_actions(ctx, *parts[id(block)], lead))
            continue
        m = LEAD_LINE.search(block.text) if len(block.text) < 160 else None
        if m or block.kind == "heading":
            lead = resolve_owners(m.group("who"), ctx.roster) if m else _heading_owners(ctx, block.text)
        if ALL_ACTIONS.match(block.text):
            ctx.log_due = ctx.due(block.text)
        if ACTION_LINE.match(block.text):
            action, i = _action_line(ctx, blocks, i - 1)
            out.append(action)
        elif section.kind not in NO_DECISIONS:
            inline = _inline_actions(ctx, block)
            out.extend(inline)
            out.extend(a for a in _running_text(ctx, block)
                       if not any(a.span.start < b.span.end and b.span.start < a.span.end for b in inline))
    for block in blocks:
        for marker in block.markers:
            _marker_action(ctx, block, marker, out)
    out.sort(key=lambda a: a.span.start)
    return out


MARKER_WORDS = 50  # a block this short is the action a margin marker flags, whole


def _marker_action(ctx: _Context, block: Block, marker: Marker, out: list[Action]) -> None:
    """The margin of minutes laid out in a table flags an action beside its
    text ("IB" in the Action column): the owner is the marker, the task the
    block, or in a long block the sentences on the line the marker stands
    level with. An action already read there takes the marker's owners."""
    owners = resolve_owners(marker.text, ctx.roster)
    line_end = block.text.find("\n", marker.anchor - block.start)
    line = (marker.anchor, block.start + line_end if line_end >= 0 else block.end)
    found = next((a for a in out if a.span.start < line[1] and line[0] < a.span.end
                  and block.start <= a.span.start < block.end), None)
    if found is not None:
        if owners and not any(o.is_person for o in found.owners):
            found.owners = owners
        found.explicit = True
        return
    if len(block.text.split()) <= MARKER_WORDS:
        start, end = block.start, block.end
    else:
        spans = [(block.start + s, block.start + e) for s, e in sentences(block.text)
                 if block.start + s < line[1] and line[0] < block.start + e]
        start, end = (spans[0][0], spans[-1][1]) if spans else (block.start, block.end)
    action = ctx.action(block.text[start - block.start:end - block.start], start, end, block.page, owners, True)
    action.due = ctx.due(marker.text) or action.due
    out.append(action)


def _owners_before(ctx: _Context, subject: str) -> list[Owner]:
    """The owners a clause's subject names, or [] when it is no owner."""
    subject = LEADING.sub("", subject.strip(" ,"))
    if not _no_clause_words(subject):
        return []
    owners = resolve_owners(subject, ctx.roster)
    return owners if owners and all(_is_owner_phrase(o.as_written, ctx.roster) for o in owners) else []


def _no_clause_words(text: str) -> bool:
    return all(not w[:1].islower() or w.lower() in LINKING_WORDS or w.lower() in GROUP_WORDS or w.lower() in POSTS
               for w in WORD.findall(text))


def _is_owner_phrase(text: str, roster: Roster) -> bool:
    """A listed person, a group or post, an acronym, or a body of two or
    more capitalised words; not a lone unknown name ("Dawn") or a bare "The"."""
    if not is_owner_like(text, roster) or not _no_clause_words(text):
        return False
    if roster.person(text) or roster.names_someone(text):
        return True
    words = [w for w in WORD.findall(text) if w.lower() not in {"the", "a", "an"}]
    lower = {w.lower() for w in words}
    return bool(lower & (GROUP_WORDS | POSTS)) or bool(ACRONYM.fullmatch(" ".join(words))) or \
        sum(w[:1].isupper() for w in words) >= 2


def _trailing_owners(ctx: _Context, text: str) -> list[Owner]:
    for m in TRAILING_OWNER.finditer(text):
        inner = m.group(1)
        if _abbreviates(inner, text[:m.start()]):
            continue  # "Postcode Address File (PAF)" names a thing, not its owner
        owners = resolve_owners(inner, ctx.roster)
        if owners and all(_is_owner_phrase(o.as_written, ctx.roster) for o in owners):
            return owners
    return []


def _delegated_to(ctx: _Context, text: str) -> list[Owner]:
    """Whom a resolution gives a task: "Delegates authority to the Corporate
    Director, in consultation with ..., to approve", "asks the Monitoring
    Officer to update"."""
    m = DELEGATE.search(text)
    if not m:
        return []
    rest = text[m.end():]
    who = DELEGATE_END.split(rest, maxsplit=1)[0]
    if not TO_VERB.search(rest) or not is_owner_like(who, ctx.roster):
        return []
    return resolve_owners(who, ctx.roster)


def _abbreviates(inner: str, before: str) -> bool:
    """``inner`` is the initials of the capitalised words just before it."""
    inner = inner.strip()
    if not ABBREVIATION.fullmatch(inner):
        return False
    words = TERM.findall(before)[-len(inner) - 2:]
    initials = "".join(w[0] for w in words if w[0].isupper())
    return initials.endswith(inner.replace("&", "").upper()) or inner.upper() in initials


def _resolution_action(ctx: _Context, text: str, start: int, end: int, page: int) -> Action | None:
    delegated = _delegated_to(ctx, text)
    if delegated:
        return ctx.action(text, start, end, page, delegated, True)
    m = PART_TASK.match(text)
    if m and m.group("to") and m.group("to").split()[1] in NOT_TASKS:
        return None  # "the Panel to note the report" records a decision, gives no task
    if not m or PASSIVE_DECISION.search(text[:m.end() + 20]):
        return None
    subject = m.group("subj")
    owners = _owners_before(ctx, subject)
    passive = bool(m.group("to")) and m.group("to").startswith("to be")
    if not owners and not passive:
        return None
    return ctx.action(text, start, end, page, [] if passive else owners, True)


def _action_line(ctx: _Context, blocks: list[Block], i: int) -> tuple[Action, int]:
    """An "Action:" line, joined with the lines it wraps onto (PDF lines can
    come as separate blocks) and the "Due:" / "Owner:" lines under it.
    Returns the action and the index of the first block it leaves."""
    first = blocks[i]
    text, end, j = first.text, first.end, i + 1
    while j < len(blocks) and not CLOSED.search(text) and _carries_on(ctx, blocks[j]):
        text, end, j = f"{text} {blocks[j].text}", blocks[j].end, j + 1
    fields: dict[str, str] = {}
    k = j
    while k < len(blocks) and k - j < 4:
        b = blocks[k]
        m = ACTION_FIELD.match(b.text) if b.kind != "table" else None
        if m:
            field = m.group("field").lower()
            fields["owner" if field in ("owner", "lead", "responsible", "action by", "by whom") else "due"] = \
                " ".join(m.group("value").split())
            end, k = b.end, k + 1
            j = k
        elif b.is_furniture:
            k += 1  # a running header/footer ("UNCLASSIFIED") between the action and its deadline
        else:
            break
    head = ACTION_LINE.match(text)
    body = text[head.end():] if head else text
    owners = resolve_owners(fields["owner"], ctx.roster) if "owner" in fields else _trailing_owners(ctx, body)
    if not owners:
        m = PART_TASK.match(body)
        if m and not m.group("subj").lower().startswith("it "):
            owners = _owners_before(ctx, m.group("subj"))
    if not owners:
        m = REPLIES_TO.search(body)
        if m and ctx.roster.person(m.group(1)):
            owners = resolve_owners(m.group(1), ctx.roster)
    action = ctx.action(text, first.start, end, first.page, owners, True)
    if "due" in fields:
        action.due = _cell_due(ctx, fields["due"])
    return action, j


def _carries_on(ctx: _Context, block: Block) -> bool:
    """A block that carries on the sentence before it: not a table, an item's
    heading, another action, a labelled field or a short line in capitals (a
    heading or a running mark: "AOB", "ACTION: MS", "UNCLASSIFIED")."""
    if block.kind == "table" or ACTION_LINE.match(block.text) or ACTION_FIELD.match(block.text) \
            or block.is_furniture or (len(block.text) <= 30 and block.text.isupper()):
        return False
    return not any(item.span.start == block.start for item in ctx.doc.items)


def _table_actions(ctx: _Context, table: Table, part: TablePart, lead: list[Owner]) -> list[Action]:
    """The rows of one part of an action log (a part the log continued on a
    later page reads its columns from the log's header). A log's header names
    the action column and an owner, deadline or status column; a log without
    a header is a table whose rows end in a status ("Carried forward")."""
    block = part.block
    col = _log_columns(table)
    rows = part.rows
    if col is None:
        if not all(len(r) >= 2 and STATUS_CELL.match(r[-1].text.strip()) and len(r[0].text.split()) >= 2
                   for r in block.rows):
            return []
        col, rows = {"action": 0, "status": len(block.rows[0]) - 1}, block.rows
    out = []
    for row in rows:
        cells = {k: row[i] for k, i in col.items() if i < len(row)}
        task = cells.get("action")
        if task is None or len(task.text.split()) < 2:
            continue
        owners = resolve_owners(cells["owner"].text, ctx.roster) if cells.get("owner") and cells["owner"].text else []
        if not owners and "owner" not in cells:
            owners = _row_subject(ctx, task.text) or lead
        action = ctx.action(task.text, task.start, task.end, block.page, owners, True)
        raised = _row_date(cells.get("raised"))
        if cells.get("due") and cells["due"].text:
            action.due = _cell_due(ctx, cells["due"].text, raised)
        elif action.due is None and "due" not in cells:
            action.due = ctx.log_due
        if cells.get("status") and cells["status"].text.strip():
            action.log_status = " ".join(cells["status"].text.split())
        out.append(action)
    return out


def _row_subject(ctx: _Context, task: str) -> list[Owner]:
    """The owners a log row's task names as its subject: "Home Office team to
    share the analytics", "URI project team to discuss"."""
    m = PART_TASK.match(task)
    if not m or not m.group("to"):
        return []
    owners = _owners_before(ctx, m.group("subj"))
    if owners:
        return owners
    words = m.group("subj").split()
    # a short noun phrase ending in a group or post word: "PDC project team"
    return resolve_owners(m.group("subj"), ctx.roster) if len(words) <= 5 and words[0][:1].isupper() and \
        words[-1].lower() in GROUP_WORDS | POSTS else []


def _heading_owners(ctx: _Context, text: str) -> list[Owner]:
    """A heading that names a group or post alone ("Secretariat") owns the log rows under it."""
    words = {w.lower() for w in WORD.findall(text)}
    if len(text) > 60 or not words & (GROUP_WORDS | POSTS):
        return []
    return [o for o in resolve_owners(text, ctx.roster) if _is_owner_phrase(o.as_written, ctx.roster)]


def _log_columns(table: Table) -> dict[str, int] | None:
    """Column index per role (action, owner, due, status, raised) of an action
    log, or None when the table's header names no action column beside an
    owner, deadline or status column. "Description"/"Details" name an action
    column only beside a deadline or status column: an agenda table is
    "Item | Description | Lead"."""
    col = {role: j for role, j in table.roles.items() if role in ("action", "owner", "due", "status", "raised")}
    if "action" not in col or not col.keys() & {"owner", "due", "status"}:
        return None
    if WEAK_ACTION_HEADER.fullmatch(clean(table.header_rows[-1][col["action"]].text).strip(" :*")) \
            and not col.keys() & {"due", "status"}:
        return None
    return col


def _row_date(cell: Cell | None) -> date | None:
    """The date a row's "Meeting date" cell gives ("11/01/2011")."""
    m = DATE_PATTERN.search(cell.text) if cell else None
    parsed = parse_date(m.group(0)) if m and DATED_YEAR.search(m.group(0)) else None
    return parsed[0] if parsed else None


# Deadline cells in spreadsheet style: "Mar-2011", "23-Mar".
MONTH_DASH = re.compile(rf"^(?:(?P<day>\d{{1,2}})-(?P<m1>{MONTH})|(?P<m2>{MONTH})-(?P<year>\d{{2}}|\d{{4}}))$", re.I)
# A month without a day or year, maybe "early", "mid" or "late": "June", "late Sept".
BARE_MONTH = re.compile(rf"^(?:early\s+|mid[- ]|late\s+)?({MONTH})\b(?!\s*\d)", re.I)


def _cell_due(ctx: _Context, text: str, raised: date | None = None) -> Due:
    """A deadline column holds the date alone ("19/02/2010", "March 2010",
    "Mar-2011", "Ongoing"); a date without a year follows the meeting, or
    the row's own meeting date in a log that spans meetings."""
    base = ctx.base or raised
    text = " ".join(text.split())
    dashed = MONTH_DASH.match(text)
    if dashed:
        year = dashed.group("year")
        when = f"{dashed.group('day')} {dashed.group('m1')}" if dashed.group("day") else \
            f"{dashed.group('m2')} {'20' + year if len(year) == 2 else year}"
        due = find_deadline(f"by {when}", base, ctx.meetings)
        return Due(text, due.date, due.precision) if due and due.date else Due(text)
    found = find_deadline(text, base, ctx.meetings)
    if found and found.date:
        return found
    month = BARE_MONTH.match(text)
    if month and base:  # a bare month, "June": the next such month, counting the meeting's own
        dated = find_deadline(f"by {month.group(1)}", base, [])
        if dated and dated.date:
            return Due(text, dated.date, dated.precision)
    m = DATE_PATTERN.search(text)
    placed = m is not None and bool(base or YEAR_NUMBER.search(m.group(0)))  # a year, or a meeting to count from
    parsed = parse_date(m.group(0), base, prefer_future=True) if m and placed else None
    return Due(text, parsed[0], parsed[1]) if parsed else (found or Due(text))


def _inline_actions(ctx: _Context, block: Block) -> list[Action]:
    """Sentences that end by naming who acts: "..., action Mick." (explicit)."""
    if block.kind not in ("paragraph", "list_item") or not ACTION_WORD.search(block.text):
        return []
    out = []
    for sent in analyse(block.text).sents:
        for m in INLINE_ACTION.finditer(sent.text):
            who = m.group("who")
            if who.split()[0].lower() in NOT_NAMES or (m.start() == 0 and not ctx.roster.person(who.split()[0])):
                continue  # "Action Plan", "Action Group to meet": a title, not an owner
            text = sent.text.strip()
            start = block.start + sent.start_char
            out.append(ctx.action(text, start, start + len(text), block.page, resolve_owners(who, ctx.roster), True))
            break
    return out


def _running_text(ctx: _Context, block: Block) -> Iterator[Action]:
    """Commitments in running text, one per task clause."""
    if block.kind not in ("paragraph", "list_item") or block.text[:1] in "\"“" or not may_have_cues(block.text):
        return  # a motion's quoted wording ("Council is asked to ...") is no task yet
    nlp_doc = analyse(block.text)
    cues = [c for c in nlp_doc.spans["cues"] if c.label_ not in ("AGREED", "NOTED", "RECORD")]
    for sent in nlp_doc.sents:
        found: list[tuple[int, list[Owner], bool]] = []
        for cue in (c for c in cues if sent.start <= c.start and c.end <= sent.end):
            hit = _commitment(ctx, sent, cue)
            if hit and hit[0] not in {f[0] for f in found}:
                found.append(hit)
        found.sort(key=lambda f: f[0])
        if len(found) == 1:
            found[0] = (sent.start_char, found[0][1], found[0][2])  # the whole sentence is the task's context
        for i, (start, owners, explicit) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else sent.end_char
            text = block.text[start:end].rstrip(" ,;")
            yield ctx.action(text, block.start + start, block.start + start + len(text), block.page, owners, explicit)


def _commitment(ctx: _Context, sent: TokenSpan, cue: TokenSpan) -> tuple[int, list[Owner], bool] | None:
    """(start of the task clause, owners, explicit) for one cue, or None."""
    before = sent.doc.text[sent.start_char:cue.start_char]
    clause = CLAUSE_START.match(before)
    subj_start = sent.start_char + (clause.end() if clause else 0)
    subject = sent.doc.text[subj_start:cue.start_char]
    label = cue.label_
    if label == "ASKED" and ASKED_TO_DECIDE.match(sent.doc.text[cue.end_char:]):
        return None  # "Members are asked to note ...": a recommendation to decide, not a task
    if label in ("MODAL_TASK", "VOLUNTEER", "ASKED") or (label == "TO_TASK" and not clause):
        lead = LEADING.match(subject)
        owners = _owners_before(ctx, subject)
        if not owners:
            return None
        explicit = label == "TO_TASK"  # "Clerk to respond" is minute shorthand for an action
        return subj_start + (lead.end() if lead else 0), owners, explicit
    if label == "ASK_OBJ":
        obj = ASKED_OBJECT.match(sent.doc.text[cue.start_char:cue.end_char - len(cue[-1].text)])
        owners = _owners_before(ctx, obj.group(1)) if obj else []
        return (sent.start_char, owners, False) if owners else None
    if label == "COLLECT":
        people = [sent.doc[s:e].text for s, e in ctx.roster.mentions(sent.doc) if sent.start <= s < cue.start]
        owners = resolve_owners(people[0], ctx.roster) if people else []
        return (sent.start_char, owners, False) if owners else None
    if label == "SEND_TO":
        name = CAPITALISED_NAME.match(sent.doc.text[cue[-1].idx:])
        if name is None:
            return None
        person = ctx.roster.person(name.group(1))
        return (sent.start_char, resolve_owners(name.group(1), ctx.roster), False) if person or (
            len(name.group(1).split()) >= 2) else None
    if label == "TO_MEETING":
        return sent.start_char, [], False
    return None
