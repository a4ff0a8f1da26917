"""Actions: tasks someone is to do after the meeting, with owners, deadline
and source. Explicit forms: "Action:" / "Action 3:" / "Action Agreed 5:"
lines, action-log tables (Action | Owner | Deadline columns), RESOLVED parts
that give a task, "Clerk to respond" lines. Commitments in running text
("Sara will provide a report to the next meeting") are explicit=False."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from spacy.tokens import Span as TokenSpan

from extract.dates import DATE_PATTERN, find_deadline, parse_date
from extract.decisions import NO_DECISIONS, resolution_parts
from extract.document import Block
from extract.items import item_at
from extract.meetings import future_meetings
from extract.nlp import TASK_VERBS, analyse
from extract.owners import GROUP_WORDS, POST_WORDS, Roster, is_owner_like, resolve_owners
from extract.records import Action, Due, ExtractedDocument, Owner, Span

ACTION_LINE = re.compile(r"^\W{0,3}(?:agreed\s+)?actions?(?:\s+agreed)?\s*(?:no\.?\s*)?\d*[a-z]?\s*[:\-–]\s*", re.I)
# An owner in trailing brackets: "... by 19th February (all partners)."
TRAILING_OWNER = re.compile(r"\(([^()\d]{2,80})\)\s*\.?\s*(?=$|\s+[A-Z])")
# RESOLVED parts that give a task: "X to liaise", "X be requested to", "X would", "X ensure that"
PART_TASK = re.compile(
    r"^(?P<subj>.+?)\s+(?:(?P<to>to\s+(?:be\s+[a-z-]+(?:ed|en|nt)\b|[a-z-]+))|be\s+(?:requested|asked|invited|"
    r"instructed|authorised|delegated)\s+to\b|(?:will|would|shall)\s+(?!be\b)[a-z-]+|(?P<bare>" +
    "|".join(sorted(TASK_VERBS)) + r")\b)")
LEADING = re.compile(r"^(?:in\s+the\s+meantime|meanwhile|also|then|therefore|however|additionally|in\s+addition|"
                     r"finally|following\s+(?:an?|the)\s+\w+)\b[\s,]*", re.I)
CLAUSE_START = re.compile(r".*(?:[,;:]|\bwhich\b|\bthat\b|\bwho\b|\bwhom\b|\bwhere\b|\band\b|\bbut\b|\bso\b|\bthen\b)\s*",
                          re.S)
HEADER_ACTION = re.compile(r"^(?:agreed\s+)?actions?(?:\s+(?:agreed|required|points?))?$|^task$|^description$", re.I)
HEADER_OWNER = re.compile(r"^(?:owner|who|by\s+whom|lead(?:\s+officer)?|responsib\w*|action\s+by|person)$", re.I)
HEADER_DUE = re.compile(r"^(?:deadline|when|due(?:\s+date)?|by\s+when|target(?:\s+date)?|timescale|date|by)$", re.I)
HEADER_STATUS = re.compile(r"^(?:status|progress|update|position|outcome|rag(?:\s+status)?)$", re.I)
LINKING = frozenset({"of", "for", "and", "the", "&", "all", "on", "behalf"})


@dataclass
class _Context:
    doc: ExtractedDocument
    roster: Roster
    base: date | None
    meetings: list[date]

    def action(self, text: str, start: int, end: int, page: int, owners: list[Owner],
               explicit: bool, due_text: str | None = None) -> Action:
        text = " ".join(text.split())
        item = item_at(self.doc.items, start)
        return Action(text, Span(page, start, end), owners, self.due(due_text or text), item.ref if item else None,
                      explicit)

    def due(self, text: str) -> Due | None:
        return find_deadline(text, self.base, self.meetings)


def extract_actions(doc: ExtractedDocument) -> list[Action]:
    section = doc.section
    text = "\n".join(b.text for b in section.blocks)
    ctx = _Context(doc, Roster.from_document(doc.attendees, doc.apologies, text), section.meeting_date,
                   future_meetings(doc))
    out: list[Action] = []
    done: set[int] = set()
    for part, blocks in resolution_parts(section.blocks):
        done.update(id(b) for b in blocks)
        action = _resolution_action(ctx, part.text, part.start, part.end, part.page)
        if action:
            out.append(action)
    for block in section.blocks:
        if id(block) in done:
            continue
        if block.kind == "table":
            out.extend(_table_actions(ctx, block))
        elif ACTION_LINE.match(block.text):
            out.append(_action_line(ctx, block))
        elif section.kind not in NO_DECISIONS:
            out.extend(_running_text(ctx, block))
    out.sort(key=lambda a: a.span.start)
    return out


def _owners_before(ctx: _Context, subject: str) -> list[Owner]:
    """The owners a clause's subject names, or [] when it is no owner."""
    subject = LEADING.sub("", subject.strip(" ,"))
    if not _no_clause_words(subject):
        return []
    owners = resolve_owners(subject, ctx.roster)
    return owners if owners and all(_is_owner_phrase(o.as_written, ctx.roster) for o in owners) else []


def _no_clause_words(text: str) -> bool:
    return all(not w[:1].islower() or w.lower() in LINKING or w.lower() in GROUP_WORDS or w.lower() in POST_WORDS
               for w in re.findall(r"[A-Za-z'’-]+", text))


def _is_owner_phrase(text: str, roster: Roster) -> bool:
    """A listed person, a group or post, an acronym, or a body of two or
    more capitalised words; not a lone unknown name ("Dawn") or a bare "The"."""
    if not is_owner_like(text, roster) or not _no_clause_words(text):
        return False
    if roster.person(text) or roster.names_someone(text):
        return True
    words = [w for w in re.findall(r"[A-Za-z'’-]+", text) if w.lower() not in {"the", "a", "an"}]
    lower = {w.lower() for w in words}
    return bool(lower & (GROUP_WORDS | POST_WORDS)) or bool(re.fullmatch(r"[A-Z]{2,}s?", " ".join(words))) or \
        sum(w[:1].isupper() for w in words) >= 2


def _trailing_owners(ctx: _Context, text: str) -> list[Owner]:
    for m in TRAILING_OWNER.finditer(text):
        inner = m.group(1)
        owners = resolve_owners(inner, ctx.roster)
        if owners and all(_is_owner_phrase(o.as_written, ctx.roster) for o in owners):
            return owners
    return []


def _resolution_action(ctx: _Context, text: str, start: int, end: int, page: int) -> Action | None:
    m = PART_TASK.match(text)
    if not m or re.search(r"\bbe\s+(?:noted|received|welcomed|thanked|approved|agreed|endorsed|supported)\b",
                          text[:m.end() + 20]):
        return None
    subject = m.group("subj")
    owners = _owners_before(ctx, subject)
    passive = bool(m.group("to")) and m.group("to").startswith("to be")
    if not owners and not passive:
        return None
    return ctx.action(text, start, end, page, [] if passive else owners, True)


def _action_line(ctx: _Context, block: Block) -> Action:
    body = block.text[ACTION_LINE.match(block.text).end():]
    owners = _trailing_owners(ctx, body)
    if not owners:
        m = PART_TASK.match(body)
        if m and not m.group("subj").lower().startswith("it "):
            owners = _owners_before(ctx, m.group("subj"))
    if not owners:
        m = re.search(r"\b(?:comments|responses|views|feedback|suggestions|data|information|returns?)\b[^.]*?\bto:?\s+"
                      r"([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})", body)
        if m and ctx.roster.person(m.group(1)):
            owners = resolve_owners(m.group(1), ctx.roster)
    return ctx.action(block.text, block.start, block.end, block.page, owners, True)


def _table_actions(ctx: _Context, block: Block) -> Iterator[Action]:
    """Rows of an action log: a header row names the action, owner and
    deadline columns."""
    if len(block.rows) < 2:
        return
    header = [c.text.strip(" :*") for c in block.rows[0]]
    col = {kind: next((i for i, h in enumerate(header) if pat.match(h)), None)
           for kind, pat in (("action", HEADER_ACTION), ("owner", HEADER_OWNER), ("due", HEADER_DUE),
                             ("status", HEADER_STATUS))}
    if col["action"] is None or (col["owner"] is None and col["due"] is None):
        return
    for row in block.rows[1:]:
        cells = {k: row[i] for k, i in col.items() if i is not None and i < len(row)}
        task = cells.get("action")
        if task is None or len(task.text.split()) < 2:
            continue
        owners = resolve_owners(cells["owner"].text, ctx.roster) if cells.get("owner") and cells["owner"].text else []
        action = ctx.action(task.text, task.start, task.end, block.page, owners, True)
        if cells.get("due") and cells["due"].text:
            action.due = _cell_due(ctx, cells["due"].text)
        if cells.get("status") and cells["status"].text.strip():
            action.log_status = " ".join(cells["status"].text.split())
        yield action


def _cell_due(ctx: _Context, text: str) -> Due:
    """A deadline column holds the date alone ("19/02/2010", "March 2010", "Ongoing")."""
    found = find_deadline(text, ctx.base, ctx.meetings)
    if found and found.date:
        return found
    m = DATE_PATTERN.search(text)
    parsed = parse_date(m.group(0), ctx.base, prefer_future=True) if m and (ctx.base or re.search(r"\d{4}", m.group(0))) else None
    return Due(text, parsed[0], parsed[1]) if parsed else Due(text)


def _running_text(ctx: _Context, block: Block) -> Iterator[Action]:
    """Commitments in running text, one per task clause."""
    if block.kind not in ("paragraph", "list_item"):
        return
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
    if label in ("MODAL_TASK", "VOLUNTEER", "ASKED") or (label == "TO_TASK" and not clause):
        lead = LEADING.match(subject)
        owners = _owners_before(ctx, subject)
        if not owners:
            return None
        explicit = label == "TO_TASK"  # "Clerk to respond" is minute shorthand for an action
        return subj_start + (lead.end() if lead else 0), owners, explicit
    if label == "ASK_OBJ":
        obj = re.match(r"\w+\s+(.+?)\s+to\s*$", sent.doc.text[cue.start_char:cue.end_char - len(cue[-1].text)])
        owners = _owners_before(ctx, obj.group(1)) if obj else []
        return (sent.start_char, owners, False) if owners else None
    if label == "COLLECT":
        people = [sent.doc[s:e].text for s, e in ctx.roster.mentions(sent.doc) if sent.start <= s < cue.start]
        owners = resolve_owners(people[0], ctx.roster) if people else []
        return (sent.start_char, owners, False) if owners else None
    if label == "SEND_TO":
        name = re.match(r"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})", sent.doc.text[cue[-1].idx:])
        person = ctx.roster.person(name.group(1)) if name else None
        return (sent.start_char, resolve_owners(name.group(1), ctx.roster), False) if person or (
            name and len(name.group(1).split()) >= 2) else None
    if label == "TO_MEETING":
        return sent.start_char, [], False
    return None
