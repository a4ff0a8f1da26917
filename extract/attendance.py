"""Attendees and apologies: who was present, in attendance, substituting, or
sent apologies, read from the shapes UK minutes print them in.

A line-driven state machine: a label ("Present:", "In attendance", "Apologies
for absence", a leading "Present" table cell, an "Apologies" item heading)
sets the status of the person lines that follow, until a line that is not a
person ends it. Apology sentences ("Apologies were received from A, B and C.")
are read wherever they occur.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Generator, Iterator, Sequence, cast

from minutes.extract.document import Block, Cell, iter_lines
from minutes.extract.lexicon import (ATTENDANCE_LABELS, AUXILIARY_VERBS, COUNT_WORDS, GIVEN_NAMES, HONORIFICS,
                                    MEETING_MEDIA, NAME_PARTICLES, NONE_WORDS, ORGANISATION_WORDS, PEOPLE_GROUPS,
                                    POST_LABELS, POST_NOMINALS, POST_QUALIFIERS, POSTS, PUBLIC, REMOTE_WORDS, ROLL_CALL,
                                    SUBSTITUTION_PHRASES, alternation)
from minutes.extract.names import (BROKEN_HYPHEN, INITIALS, ITEM_NOTE, LIST_AND, PLURAL_TITLE, ROLE, TRAILING_BRACKET,
                                   clean_name, initials_fit, looks_like_name, name_key, resolve, same_keys,
                                   same_person, split_names, strip_honorifics)
from minutes.extract.records import Attendance, Person, Section, Span
from minutes.extract.tables import names_columns

_REMOTE = alternation(REMOTE_WORDS)  # "virtually", "online"
_GROUP = alternation(PEOPLE_GROUPS - {"all"})  # "Present members :-", "Present: Members" over the names
# A label opens a line: "Present:", "IN ATTENDANCE -", "Employees (by Directorate):", "Present" cell,
# "o Commissioners Present:" (a bullet before it), "Officials (regular attendees):", "Present;",
# "Present members :-", "Also, present," (a comma after the label).
_LABEL_WORDS = (
    r"^\s*(?:[o•▪●*-]\s+)?(?:(?:[A-Z]{0,4}\d+[a-z]?|\d+(?:\.\d+)*)[.)]?\s+)?(?P<label>"
    + "|".join(f"(?:{p})" for p, _ in ATTENDANCE_LABELS)
    + r")(?:\s*\([^()]{1,40}\))?"  # "(virtual)", "(regular attendees)"
    rf"(?:\s+{_GROUP})?(?P<virtual>\s+(?:{_REMOTE}|via\s+\w+))?")
# the public's label may run into the names: "Member of the Public Mr A Wood"
LABEL = re.compile(_LABEL_WORDS + r"\s*(?:(?::\s*-|[:;,\-–])\s*|$|(?<=public)\s+(?=[A-Z]))", re.I)
PUBLIC_LABEL = re.compile(PUBLIC, re.I)
# The public counted at the head of a list: "1 elector (for part of the meeting) and ...", "Two residents".
PUBLIC_PART = re.compile(rf"^(?P<n>\d+|an?|{alternation(COUNT_WORDS)})\s+(?:{PUBLIC}|electors?|residents?|"
                         r"parishioners?)(?:\s*\([^()]*\))?\s*(?:,|;|\band\b|&|$)\s*", re.I)
# The public counted further on in a list: "Mrs J King (Clerk) and 3 members of the public",
# "Mrs J King (Clerk), 3 members of the public, District Cllr A Fenwick".
PUBLIC_TAIL = re.compile(rf"(?:,|;|\band\b|&)\s*(?P<n>\d+|an?|{alternation(COUNT_WORDS)})\s+(?:{PUBLIC}|electors?|"
                         r"residents?|parishioners?)(?:\s*\([^()]*\))?(?=\s*(?:[,;&]|\band\b|\.?\s*$))", re.I)
# The press counted in a list ("..., 1 member of the press"): no one named, and not the public.
PRESS_COUNT = re.compile(rf"(?:^|(?:,|;|\band\b|&))\s*(?:\d+|an?|{alternation(COUNT_WORDS)})\s+(?:members?\s+of\s+"
                         r"(?:the\s+)?(?:press|media)|(?:press|media)\s+representatives?|journalists?|reporters?)"
                         r"(?=\s*(?:[,;&]|\band\b|\.?\s*$))", re.I)
# A post before its holder's name: "the clerk, Mr G Irwin".
_POST_FIRST = re.compile(rf"^(?:the\s+)?(?P<role>{ROLE.pattern.lstrip('^')})\s*,\s*(?P<name>[A-Z][^,]+)$", re.I)
# A post with its holder's name in brackets: "Head of Planning (R Kendrick)", each part of a list.
_HOLDER_AFTER = re.compile(r"(?:^|(?<=[,;])|(?<=\band)|(?<=&))\s*(?P<post>[A-Z][^,;()]*?)\s*\((?P<name>[^(),;]+)\)"
                           r"(?=\s*(?:[,;.]|$|and\s|&))")
# How many of the public came, not who: "One", "Two Members", "3", "None".
PUBLIC_COUNT = re.compile(rf"(?P<n>\d+|{alternation(COUNT_WORDS)}|{alternation(NONE_WORDS)})"
                          rf"(?:\s+(?:members?|persons?|people|residents?|electors?))?\.?", re.I)
# A heading that runs a label into the sub-heading under it: "Those present Eddington Residents' Association".
HEADING_LABEL = re.compile(_LABEL_WORDS + r"\s+(?=[A-Z])", re.I)
# The rest of a label line that only names the group the list is of: "Present: Members".
GROUP_ONLY = re.compile(rf"(?:the\s+)?{_GROUP}\s*[:.]?", re.I)
POST_LABEL = [(re.compile(p, re.I), role) for p, role in POST_LABELS]
ROLL_CALL_LABEL = re.compile(ROLL_CALL, re.I)
APOLOGY_SENTENCE = re.compile(
    r"(?:apologies(?:\s+for\s+(?:absence|lateness))?\s+(?:(?:had\s+been|have\s+been|were|was|are)\s+)?"
    r"(?:received|given|submitted|tendered|noted|made|offered)(?:\s+(?:and|&)\s+(?:accepted|approved|noted|agreed|consented))?|"
    r"^apologies(?:\s+for\s+absence)?(?=\s+from\s)|"  # "Apologies from Ann Bell."
    r"\b(?:reported|received|noted|recorded|tendered|gave|sent)\s+(?:their\s+)?apologies(?:\s+for\s+absence)?|"
    r"\bthere\s+(?:were|was)\s+apologies(?:\s+for\s+absence)?)"  # "There were apologies from Cllr Xu."
    r"\s+(?:from|by|on\s+behalf\s+of|for)\s*:?\s+(?P<names>.+?)(?:(?<!\b[A-Z])(?<!\bM[rs])(?<!\bMrs)\.(?=\s|$)|$)",
    re.I | re.S)
# The names first: "Mike Bell sent his apologies" ("X asked that his apologies be noted" is left out:
# printed under the next meeting's date, it is for that meeting).
APOLOGY_AFTER_NAMES = re.compile(
    r"^(?P<names>[A-Z][^.;:]{2,200}?)\s+(?:(?:had|has|have)\s+)?(?:sent|gave|offered|tendered|submitted)\s+"
    r"(?:(?:his|her|their)\s+)?apologies\b", re.I)
# "A, B and C were in attendance virtually", "D attended remotely", "E joined the meeting via Teams"
VIRTUAL_SENTENCE = re.compile(
    r"^(?P<names>[A-Z][^.;:]{2,300}?)\s+(?:(?:was|were)\s+(?:in\s+attendance|present)|attended|joined|participated)"
    rf"(?:\s+(?:the\s+)?meeting)?\s+(?:{_REMOTE}|via\s+(?:MS\s+|Microsoft\s+)?{alternation(MEETING_MEDIA)}\b)", re.I)
# Words every match of VIRTUAL_SENTENCE holds, and every match of APOLOGY_SENTENCE and APOLOGY_AFTER_NAMES.
_VIRTUAL_WORDS = (*REMOTE_WORDS, "via")
_APOLOGIES = "apologies"
VIRTUAL = re.compile(rf"\s*\((?:attending\s+)?(?:{_REMOTE}|via\s+[\w ]+)\)", re.I)
_STANDS_IN = alternation(SUBSTITUTION_PHRASES)  # "substituting for", "in place of"
SUBSTITUTE = re.compile(rf"^(?P<name>.+?)\s*\(?\b{_STANDS_IN}\s+(?P<for>[^)]+?)\)?\s*$", re.I)
SUBSTITUTED_BY = re.compile(r"^(?P<name>.+?)\s+(?:who\s+was|was)\s+substituted\s+by\s+(?P<sub>.+)$", re.I)
REPRESENTATIVES = re.compile(r"^(?:an?\s+)?(?:representatives?|officers?|members?|delegates?)\s+(?:from|of)\s+"
                             r"(?:the\s+)?(?P<org>[A-Z].{2,80})$", re.I)
# Words that make a comma segment a post rather than an organisation.
POST_WORDS = POSTS | POST_QUALIFIERS
_OFFICE_FILLERS = frozenset({"the", "s"})  # "the Mayor's Office"


@dataclass
class _Entry:
    status: Attendance
    text: str  # the person's part of the line
    org: str | None  # an organisation column, when the layout gives one
    span: Span
    as_written: str
    virtual: bool = False
    note: bool = False  # from a sentence about people already listed, not a list
    category: str | None = None  # the label or sub-heading the list is printed under, as printed
    role: str | None = None  # what the label makes the people ("In the chair:")
    group_org: str | None = None  # an organisation sub-heading the people are listed under


@dataclass
class _State:
    """Where the reader is in an attendance list: the status a label set and what else it says."""
    status: Attendance
    virtual: bool = False
    category: str | None = None
    role: str | None = None
    group_org: str | None = None

    def entry(self, text: str, span: Span, org: str | None = None, as_written: str | None = None) -> _Entry:
        return _Entry(self.status, text, org, span, as_written or text, self.virtual, category=self.category,
                      role=self.role, group_org=self.group_org)


def extract_attendance(section: Section) -> tuple[list[Person], list[Person]]:
    people: list[Person] = []
    keys: list[tuple[str, ...]] = []  # each listed person's name_key, made once
    for entry in _entries(section):
        for person in _people(entry, section.body, people):
            key = name_key(person.name)
            known = next((p for p, k in zip(people, keys) if same_keys(key, k)), None)
            if known is None and person.status == "apologies":
                known = _listed_as(person, people)
            if known is None:
                people.append(person)
                keys.append(key)
            elif entry.note:  # a later sentence says how a listed person attended
                known.virtual = True
            elif person.status == "apologies" and known.status in ("present", "in_attendance"):
                known.status = "apologies"  # a member listed for the meeting who sent apologies
    attendees = [p for p in people if p.status in ("present", "in_attendance", "substitute")]
    return attendees, [p for p in people if p.status == "apologies"]


def _listed_as(person: Person, people: list[Person]) -> Person | None:
    """The one person listed above that an apology names by surname alone ("Cllr Smith") or by a
    short form of the first name ("Matty Widdop" for Matthew Widdop)."""
    key = name_key(person.name)
    if len(key) == 1:
        return resolve(person.name, people)
    shorter = [p for p in people if len(k := name_key(p.name)) >= 2 and k[-1] == key[-1]
               and len(k[0]) >= 3 and len(key[0]) >= 3 and k[0][:3] == key[0][:3]]
    return shorter[0] if len(shorter) == 1 else None


_LABEL_STATUS: list[tuple[re.Pattern[str], Attendance]] = [(re.compile(p, re.I), cast(Attendance, status))
                                                           for p, status in ATTENDANCE_LABELS]


def _label(text: str, pattern: re.Pattern[str] = LABEL) -> tuple[_State, str] | None:
    """The state a label at the start of ``text`` sets, and the rest of the line."""
    m = pattern.match(text)
    if not m:
        return None
    label = m.group("label")
    status = next(s for p, s in _LABEL_STATUS if p.fullmatch(label.lower()))
    rest = text[m.end():]
    inner = _label(rest, pattern) if ROLL_CALL_LABEL.fullmatch(label) else None
    if inner:  # "Roll call – Present: A, B": the label after the opening one says who they are
        return inner
    if GROUP_ONLY.fullmatch(rest.strip()):
        rest = ""  # "Present: Members", the names on the lines after
    category = " ".join(text[m.start("label"):m.end()].strip(" :;,-–").split())
    role = next((r for p, r in POST_LABEL if p.fullmatch(label)), None)
    return _State(status, bool(m.group("virtual")), category, role), rest


def _entries(section: Section) -> Iterator[_Entry]:
    state: _State | None = None
    blocks = section.blocks
    carried = False  # whether this block's first line went to the list the block before ran into it
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        skip, carried = carried, False
        if block.kind == "heading" and not _label(block.text):
            lab = _label(block.text, HEADING_LABEL)
            if lab and _sub_heading(lab[1], nxt):  # "Those present Eddington Residents' Association"
                state = _under(lab[0], lab[1])
                continue
            if state and _sub_heading(block.text, nxt):
                state = _under(state, block.text)  # "Portal", "University and Development Partners" over names
                continue
            if APOLOGIES_LAST.search(block.text) and _lists_people(nxt):
                state = _State("apologies", category="Apologies")  # "1. Welcome and Apologies" over names
                continue
        if block.kind == "list_item" and block.label and block.label[0].isdigit() or \
                block.kind == "heading" and not _label(block.text):
            state = None  # a numbered item or a heading closes an attendance list
        if block.is_table:
            state, carried = yield from _table_entries(block, state, nxt)
            continue
        flat = " ".join(block.text.split())
        folded = flat.casefold()  # what the sentences' words are looked for in first: most blocks have none
        m = VIRTUAL_SENTENCE.match(flat) if any(w in folded for w in _VIRTUAL_WORDS) else None
        if m and block.kind != "heading":
            yield _Entry("present", m.group("names"), None, Span(block.page, block.start, block.end),
                         m.group("names"), True, note=True)
            continue
        apologies = _APOLOGIES in folded
        m = APOLOGY_AFTER_NAMES.match(flat) if apologies else None
        if m and block.kind != "heading":
            yield _Entry("apologies", m.group("names"), None, Span(block.page, block.start, block.end),
                         m.group("names"), category="Apologies")
            continue
        cut = None  # where an apology sentence's line starts: the lines before it may list who was present
        if apologies and APOLOGY_SENTENCE.search(flat):  # a sentence may wrap over lines
            yield from _apology_sentences(flat, Span(block.page, block.start, block.end))
            cut = _apology_line(block)
            state = None
            if cut == block.start:
                continue
        if apologies and block.kind != "heading" and _apologies_over_names(block):
            state, skip = _State("apologies", category="Apologies"), True  # "23/01 Apologies for absence" + names
        elif state is None and not any(_label(p) for line, start, _ in iter_lines(block) if cut is None or start < cut
                                       for p in _pieces(line.strip())):
            continue  # no list goes on into this block and none opens in it
        named = False  # whether this block has named somebody yet
        lines = [ln for ln in list(_logical_lines(block))[1 if skip else 0:] if cut is None or ln[1] < cut]
        for n, (line, start, end) in enumerate(lines):
            follow = _first_line(nxt) if n == len(lines) - 1 else None
            joined = follow is not None and _runs_on(line, follow[0])
            if joined and follow:  # the list runs on into the next block: "..., Adrew" + "Bowler,"
                line, end = f"{line.rstrip()} {follow[0].strip()}", follow[2]
            span = Span(block.page, start, end)
            for text in _pieces(line.strip()):
                lab = _label(text)
                if lab:
                    state, text = lab
                    text = text.strip()
                    if not text:
                        continue
                    if not _is_person_line(text) and _sub_heading(text, nxt):
                        state = _under(state, text)  # "Those present Eddington Residents' Association"
                        continue
                if state is not None:
                    text = ARRIVAL_NOTE.sub("", text).strip()
                    if state.status == "apologies":
                        text = APOLOGY_REASON.sub("", APOLOGY_NOTE.sub("", text)).strip()
                if state is None or not text:
                    continue
                m = GROUP_LABEL.match(text)
                if m:  # the people after it are the group's: "Trustees: Ben Rook, ..."
                    state = replace(state, category=m.group("group"))
                    text = text[m.end():]
                m = PUBLIC_COUNT.fullmatch(text)
                if m and state.category and PUBLIC_LABEL.search(state.category):
                    if m.group("n").lower() not in NONE_WORDS:  # the public counted, not named
                        one = m.group("n").lower() in ("1", "one")
                        yield state.entry("Member of the Public" if one else "Members of the Public", span,
                                          as_written=text)
                    continue
                m = REPRESENTATIVES.match(text)
                if m:  # a person named only by a post is kept as written
                    yield state.entry(text, span, m.group("org"))
                    continue
                if not _is_person_line(text) and not PUBLIC_PART.match(text):
                    if named and len(text.split()) <= 6 and not text.endswith("."):
                        continue  # the wrapped end of the previous person's line
                    state = None
                    continue
                named = True
                carried = joined
                yield state.entry(text, span)


def _apologies_over_names(block: Block) -> bool:
    """A block that opens with an item's heading ending in apologies, the people
    on the lines under it ("23/01 Apologies for absence" / "Cllr T Whitlock (work)")."""
    first, _, rest = block.text.partition("\n")
    return bool(rest.strip()) and len(first.split()) <= _SUB_HEADING_WORDS and bool(APOLOGIES_LAST.search(first)) \
        and _lists_people(replace(block, text=rest, start=block.start + len(first) + 1))


def _first_line(block: Block | None) -> tuple[str, int, int] | None:
    """The first line of a block of running text that a list cut by the layout may go on into."""
    if block is None or block.kind not in ("paragraph", "list_item") or block.label and block.label[0].isdigit():
        return None
    first = next(_logical_lines(block), None)
    return None if first is None or _label(first[0].strip()) else first


def _apology_line(block: Block) -> int:
    """Where the line that the block's first apology sentence opens on starts ("Present: A Bell, C Dunn" +
    "Apologies were received from ...": the second line)."""
    at = block.text.casefold().find(_APOLOGIES)
    return block.start + block.text.rfind("\n", 0, at) + 1


def _apology_sentences(text: str, span: Span) -> Iterator[_Entry]:
    for m in APOLOGY_SENTENCE.finditer(text):
        names, _, rest = " ".join(m.group("names").split()).partition(";")
        yield _Entry("apologies", names, None, span, names, category="Apologies")
        stands_in = STANDS_IN_CLAUSE.match(rest.strip())  # "...; Councillor Ian Jones attended as his substitute"
        if stands_in:
            yield _Entry("substitute", stands_in.group("name"), None, span, stands_in.group("name"))


# Who came in an absent member's place, said after the apology: "Cllr Ian Jones attended as his substitute".
STANDS_IN_CLAUSE = re.compile(r"(?P<name>[A-Z][^;,]{2,60}?)\s+"
                              r"(?:(?:attended|was\s+present)(?=\s+\w)|deputised|substituted)"
                              r"(?:\s+(?:as\s+(?:his|her|their|the)\s+substitute|in\s+(?:his|her|their)\s+place|"
                              r"for\s+(?:him|her|them)))?\s*\.?$")


# What a list of apologies may end or open with besides names: that they were accepted ("... (illness).
# Apologies accepted.", "These were approved.", "Resolved to accept the reasons given."), and "Received from".
APOLOGY_NOTE = re.compile(
    r"(?:^|[.;,]|\s[-–])\s*(?:(?:the\s+|these\s+|all\s+)?(?:apologies|reasons?(?:\s+(?:for\s+absence|given))?|these"
    r"|they|all|both)\s+(?:(?:were|was|are|have\s+been|had\s+been)\s+)?|(?:it\s+was\s+)?(?:resolved|agreed)\s+(?:to\s+)?)?"
    r"(?:accepted|approved|noted|consented|accept|approve|note)\b[^.;]*[.;]?\s*$|^received\s+from\s+", re.I)
# A note after a list that someone came late or left early: "...; Cllr C Brown arrived at 7.45pm."
ARRIVAL_NOTE = re.compile(r"[.;,]\s*[^.;,()]*\b(?:arrived|left|departed|joined\s+the\s+meeting)\b"
                          r"(?:[^.;()]|\.(?=\d))*[.;]?\s*$", re.I)
# The reason an apology gives, after a dash: "Cllr S Quigley - holiday", "Cllr D Ince – family commitment".
APOLOGY_REASON = re.compile(r"\s+[-–]\s+[a-z][^.;,]*")
# An item heading that ends with apologies: "1. Welcome and Apologies", the names on the lines under it.
APOLOGIES_LAST = re.compile(r"\bapologies(?:\s+for\s+absence)?\s*:?\s*$", re.I)
# A label that opens a new sentence inside a list: "... Natalie Evans (NE). Also, present, Ali Hopkins".
_LABEL_INSIDE = re.compile(r"(?<=[.;])\s+(?=[A-Z])")
# A group's label that opens a line or follows the names before it: "Trustees: Ben Rook, ...".
GROUP_LABEL = re.compile(rf"^(?=(?-i:[A-Z]))(?P<group>{_GROUP})\s*:\s*", re.I)
_INNER_GROUP = re.compile(rf"\s+(?=(?-i:[A-Z]))(?=(?:{_GROUP})\s*:)", re.I)


def _pieces(text: str) -> list[str]:
    """A line cut where a later sentence opens with a label of its own, and before a group's
    label inside it ("Chair Ada Quill Trustees: Ben Rook, ...")."""
    if ":" in text:
        cut = [p for p in _INNER_GROUP.split(text) if p.strip()]
        # after names only: "Other Members:", "Lead Officers:" are labels of their own
        if len(cut) > 1 and all(_is_person_line(lab[1] if (lab := _label(p)) else p) for p in cut[:-1]):
            return [q for p in cut for q in _pieces(p)]
    if "." not in text and ";" not in text:  # no sentence ends in it (most lines)
        return [text] if text.strip() else []
    out = [text]
    for m in reversed(list(_LABEL_INSIDE.finditer(text))):
        if _label(text[m.end():]):
            out[0:1] = [text[:m.start()], text[m.end():]]
    return [p for p in out if p.strip()]


_SUB_HEADING_WORDS = 8


def _sub_heading(text: str, nxt: Block | None) -> bool:
    """A short line over a block that lists people: an organisation or group
    the people after it belong to ("Portal", "University and Development Partners")."""
    text = " ".join(text.split()).strip(" :")
    return bool(text) and text[0].isupper() and len(text.split()) <= _SUB_HEADING_WORDS and not text.endswith(".") \
        and not _NARRATIVE_VERB.search(text) and _lists_people(nxt)


def _lists_people(block: Block | None) -> bool:
    """A block of running text every line of which names people: "Ann Bell, Chair" lines or lists."""
    if block is None or block.kind == "heading" or block.is_table:
        return False
    lines = [stripped for line, _, _ in _logical_lines(block) if (stripped := APOLOGY_NOTE.sub("", line).strip())]
    return bool(lines) and all(_is_person_line(line) and (len(line) <= 120 or _is_list(split_names(line), line))
                               for line in lines)


def _under(state: _State, heading: str) -> _State:
    """The state for the people under a sub-heading: a group's name ("... Partners") is their
    category only; anything else names their organisation."""
    heading = " ".join(heading.split()).strip(" :")
    words = {w.lower() for w in heading.split()}
    return _State(state.status, state.virtual, heading, None, None if words & PEOPLE_GROUPS else heading)


def _logical_lines(block: Block) -> Iterator[tuple[str, int, int]]:
    """Lines of a block with a run-on list of names rejoined: a PDF wraps
    "PRESENT: A Bell (Chair), C Dunn, E Fox,\nG Hill and J Kay" anywhere, even
    inside a name; one person a line ("Ann Bell, Director, West Trust") is kept."""
    cur: tuple[str, int, int] | None = None
    for line, start, end in iter_lines(block):
        # (the public counted opens no list: "..., Deputy Town Clerk (Mr W Jarvis)," + "6 members of the public";
        # nor does a word inside an open bracket: "Lucy Wren (Housing" + "Officer, Elmfield Homes)")
        here = line.strip()
        if cur and (not _label(here) or PUBLIC_PART.match(here) or cur[0].count("(") > cur[0].count(")")) \
                and _runs_on(cur[0], line):
            cur = (f"{cur[0]} {here}", cur[1], end)
            continue
        if cur:
            yield cur
        cur = (line, start, end)
    if cur:
        yield cur


# The last word of a post wrapped onto a line of its own: "..., Head of Children's" + "Services."
_WRAPPED_WORD = re.compile(r"[A-Za-z][\w’'&-]*\.")
# A line left open (a comma, "and", "&", a bracket, a title before its name: "..., Mrs" + "Anita Roy") or a
# next line going on in lower case or a bracket.
_OPEN_END = re.compile(r"(?:,|\band|&|\(|\s[-–—]|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllrs?|Prof|Sir|Dame|Revd?)\.?)$")
_GOES_ON = re.compile(r"[(a-z]")
_FIRST_NAME = re.compile(r"[A-Z][a-z]+|(?:[A-Z]\.?\s?){1,3}")  # "Tom", "J", "J. P."


def _runs_on(text: str, nxt: str) -> bool:
    text, nxt = text.rstrip(), nxt.strip()
    if not nxt or text.endswith("."):
        return False
    if _WRAPPED_WORD.fullmatch(nxt):
        return True
    if _OPEN_END.search(text) or text.count("(") > text.count(")") or _GOES_ON.match(nxt):
        return True
    # a list that prints initials after each name goes on while its lines do: "..., Mike" + "Stephens (MS)"
    # a list of "Name – Organisation" parts whose organisation wrapped: "..., Ann Bell – Needham" + "Market, ..."
    lab = _label(text.strip())
    listing = lab[1] if lab else text  # the names, after the label that opens the line
    if _dashed(listing) and _dashed(f"{text} {nxt}"):
        return True
    listed = sum(i is not None for _, i in _initialled(listing))
    if listed >= 2 and sum(i is not None for _, i in _initialled(f"{listing} {nxt}")) > listed:
        return True
    # a list of names cut inside its last name: "..., Dan Bride, Tom" + "Byrne, ..."
    parts = [DASH.split(p)[0] for p in split_names(listing)]  # "Anne Cross – Lakenheath"
    return len(parts) >= 3 and all(_only_name(p) for p in parts[:-1]) and \
        bool(_FIRST_NAME.fullmatch(strip_honorifics(parts[-1])))


# A cell holding only an item's number: "1", "2.", "3)", "SHP4".
_NUMBER_CELL = re.compile(r"(?:[A-Z]{0,4}\d+[a-z]?|\d+(?:\.\d+)*)[.)]?")


# A table's entries; what it returns is the state it leaves and whether its last cell ran on.
TableEntries = Generator["_Entry", None, "tuple[_State | None, bool]"]


def _table_entries(block: Block, state: _State | None, nxt: Block | None) -> TableEntries:
    """Rows of an attendance table: [label,] name[, post][, organisation]. Returns the state after
    it and whether the list in its last cell ran on into the first line of ``nxt``, the next block."""
    if _label_columns(block):
        yield from _column_entries(block, state)
        return None, False
    with_org = sum(1 for row in block.rows if len(row) > 1 and row[-1].text)
    grid: list[list[Cell]] = []  # rows of a grid of people, read column by column once it ends
    carried = False
    apologies = _APOLOGIES in block.text.casefold()  # whether any cell may hold an apology sentence
    # a first column of labels ("Attendees | Ann Bell" over " | Tim Hurst"): a row with no label goes on the list
    labelled = bool(block.rows and len(block.rows[0]) > 1 and block.rows[0][0].text and _label(block.rows[0][0].text))
    for r, row in enumerate(block.rows):
        if len(row) > 1 and not row[-1].text and with_org >= 0.7 * len(block.rows) and not _label(row[0].text):
            continue  # the wrapped end of the row above (a PDF splits rows across pages)
        cells = [c for c in row]
        if grid and not _grid_row(cells):
            yield from _grid_entries(block, grid, state)
            grid = []
        sentences = [(c, m) for c in cells for m in APOLOGY_SENTENCE.finditer(c.text)] if apologies else []
        if sentences:  # minutes laid out in a table: "1. | Apologies were received from A and B."
            for c, _ in sentences:
                yield from _apology_sentences(" ".join(c.text.split()), Span(block.page, c.start, c.end))
            state = None
            continue
        if len(cells) > 1 and _NUMBER_CELL.fullmatch(cells[0].text.strip()):
            # an item row of minutes laid out in a table: "2 | Apologies" opens a list on the lines
            # after it; any other item ("3 | Minutes of the last meeting") closes one
            lab = _label(cells[1].text)
            state = lab[0] if lab and not lab[1].strip() else None
            continue
        lab = _label(cells[0].text) if cells and cells[0].text else None
        if lab and not lab[1].strip():
            state = lab[0]
            cells = cells[1:]
            while len(cells) > 1 and not cells[0].text:  # a gap column between label and names
                cells = cells[1:]
            inner = _label(cells[0].text) if cells and ROLL_CALL_LABEL.fullmatch(lab[0].category or "") else None
            if inner:  # "Roll call – | Present: A, B," or "Roll call | Present: | A": the label after it
                state = inner[0]
                rest = inner[1].strip()
                cells = [Cell(inner[1], cells[0].end - len(inner[1]), cells[0].end), *cells[1:]] if rest else \
                    cells[1:] or cells
        elif cells and not cells[0].text and (len(cells) > 2 or labelled and len(cells) > 1):
            cells = cells[1:]  # the label column of a continued block
        texts = [c.text for c in cells]
        if state is None or not any(texts):
            continue
        follow = _first_line(nxt) if r == len(block.rows) - 1 and len(texts) == 1 else None
        if follow and _runs_on(texts[0], follow[0]):
            texts[0] = f"{texts[0]} {follow[0].strip()}"  # "Featuring: | ..., Mark" + "Stephenson, ..."
            carried = True
        if not texts[0]:
            continue  # a continuation line of the previous row's organisation
        if names_columns(cells):
            continue  # header row: "Name | Organisation"
        if not _is_person_line(texts[0]):
            if len([t for t in texts if t]) == 1 and not ROLE.match(texts[0]):
                state = None
            continue
        span = Span(block.page, cells[0].start, cells[-1].end)
        beside = [t for t in texts[1:] if t]
        marked = [m for t in beside if (m := _mark(t))]
        beside = [t for t in beside if not _mark(t)]
        org = " ".join(beside) or None
        if org and _grid_row(cells):
            grid.append(cells)
            continue
        entry = state.entry(texts[0], span, org, " | ".join(t for t in texts if t))
        if marked:  # a register's column: "Tom Nash | Practice Manager | Apologies"
            entry.status = marked[0]
        posts = [t for t in beside if _names_post(t)]
        if len(beside) >= 2 and len(posts) == 1:  # "Name | Role | Organisation": a column of each
            entry.org = " ".join(t for t in beside if t is not posts[0])
            entry.role = "; ".join(filter(None, (entry.role, posts[0])))
        yield entry
    if grid and state:
        yield from _grid_entries(block, grid, state)
    return state, carried


# What an attendance register's column says of each person: "Present", "Apologies", "Absent", a tick.
_MARKS: dict[str, Attendance] = {
    **dict.fromkeys(("present", "attended", "in person", "✓", "✔", "☑"), "present"),
    **dict.fromkeys(("apologies", "apology", "apologies received", "apologies given", "sent apologies"),
                    "apologies"),
    **dict.fromkeys(("absent", "not present", "did not attend", "dna", "✗", "✘"), "absent"),
    "in attendance": "in_attendance",
}


def _mark(cell: str) -> Attendance | None:
    return _MARKS.get(" ".join(cell.split()).casefold().strip(" ."))


def _grid_row(cells: list[Cell]) -> bool:
    """A row of a grid of people: every cell a name with initials ("Ann Bell (AB) | Carl Dunn (CD)"),
    a comma-run list of names that a PDF laid out in columns ("Mr A Bell, | Mrs C Dunn,"), or a name
    with its post in each cell ("Ann Bell, Treasurer | Carl Dunn (Chair)")."""
    filled = [c.text for c in cells if c.text]
    return len(filled) > 1 and (all(_INITIALS_BRACKET.search(t) for t in filled)
                                or all(t.endswith(",") for t in filled)
                                or all(_is_person_line(t) and _posted(t) for t in filled)
                                or all(_marked_name(t) for t in filled))


def _marked_name(text: str) -> bool:
    """A cell that can only be a person: a name with a title, a post before it or initials for its
    first names ("M Armstrong | Clerk J Connelly"); "Hallowby Pubwatch" could be an organisation."""
    name, role = clean_name(text)
    marked = bool(role) or strip_honorifics(text) != text.strip() or bool(_INITIALLED.match(name))
    return marked and _only_name(text) and len(name.split()) >= 2


def _grid_entries(block: Block, grid: list[list[Cell]], state: _State | None) -> Iterator[_Entry]:
    """The people of a grid, column by column (the order the list is read in)."""
    if state is None:
        return
    for i in range(max(len(row) for row in grid)):
        for row in grid:
            if i < len(row) and row[i].text:
                yield state.entry(row[i].text, Span(block.page, row[i].start, row[i].end))


# A name and one more part after a comma or in brackets: "Ann Bell, Treasurer", "Carl Dunn (Chair)".
_NAME_AND_PART = re.compile(r"[^,(]+(?:,\s*|\s*\()([^,()]+)\)?\s*$")


def _posted(text: str) -> bool:
    """A name followed by its post: "Ann Bell, Treasurer", "Carl Dunn (Chair)"."""
    m = _NAME_AND_PART.match(text)
    return m is not None and _names_post(m.group(1))


def _is_label_cell(text: str) -> bool:
    lab = _label(text) if text else None
    return lab is not None and not lab[1].strip()


def _label_columns(block: Block) -> bool:
    """A table whose columns are separate lists, each under its own label
    ("Attendees | Officials", then "Observers" and "Apologies" lower down)."""
    first = [c.text for c in block.rows[0] if c.text] if block.rows else []
    if first and ROLL_CALL_LABEL.fullmatch(first[0].strip(" :–-")):
        return False  # "Roll call | Present: | A, B": one list, labelled twice
    if len(first) >= 2 and all(_is_label_cell(t) for t in first):
        return True
    columns = {i for row in block.rows for i, c in enumerate(row) if _is_label_cell(c.text)}
    return len(columns) >= 2 and 0 in columns


def _column_entries(block: Block, state: _State | None) -> Generator["_Entry", None, None]:
    width = max(len(row) for row in block.rows)
    for i in range(width):
        col_state = state if i == 0 else None
        for row in block.rows:
            if i >= len(row) or not row[i].text:
                continue
            cell = row[i]
            lab = _label(cell.text)
            if lab and not lab[1].strip():
                col_state = lab[0]
            elif col_state and _is_person_line(cell.text):
                yield col_state.entry(cell.text, Span(block.page, cell.start, cell.end))


# Finite verbs of a sentence, not of a list of names (lower case: "May Smith" is a name).
_NARRATIVE_VERB = re.compile(rf"\b{alternation([*AUXILIARY_VERBS, 'noted', 'agreed'])}\b")


def _is_person_line(text: str) -> bool:
    """A line that names people rather than narrates: its first name-like part
    reads as a name, and it is not a sentence."""
    text = _holders_first(_role_chain(text.strip()))
    # a long run of names ("Mr A Bell (Chair), Mrs C Dunn, ...") is still a list; other long lines are prose
    if len(text) > 300 and not (all(_only_name(p) for p in split_names(text)) or _dashed(text)) \
            or _NARRATIVE_VERB.search(text):
        return False
    if PLURAL_TITLE.match(text):
        return True
    first = split_names(_stops_to_commas(text))[:1]  # "Cllr S Quigley. Cllr D Ince."
    if not first:
        return False
    name = _name_part(first[0])
    return bool(name) and looks_like_name(name)


# An organisation's initials printed after a whole name with no comma: "A Bell WDC" (a name set
# in capitals, "J SMITH", keeps its surname; "MP" is a post-nominal).
_TAG_AFTER_NAME = re.compile(rf"(?!(?:{alternation(n.upper() for n in POST_NOMINALS)})$)[A-Z]{{2,5}}")


def _name_part(text: str) -> str:
    """The name at the head of "Name Post words", e.g. "Ann Bell Director Of ..." -> "Ann Bell"."""
    text = _MARKER.sub(" ", _INITIALS_BRACKET.sub(" ", VIRTUAL.sub("", text)))
    titled = strip_honorifics(text) != text.strip()
    text, _ = clean_name(text)
    toks = text.split()
    for i, t in enumerate(toks):
        word = t.lower().strip(",")
        if i >= 1 and (not t[:1].isalpha() or word in POST_WORDS or word in ORGANISATION_WORDS
                       or (t[:1].islower() and t not in NAME_PARTICLES) or _TAG_AFTER_NAME.fullmatch(t)
                       and i >= 2 and not toks[i - 1].isupper()):
            toks = toks[:i]
            break
    # a lone word is a name only with a title ("Cllr Osborne"), never "Action"
    return " ".join(toks) if len(toks) > 1 or titled else ""


_LOWER_WORD = re.compile(r"[a-z][a-z\-]*")


def _names_post(segment: str) -> bool:
    """A comma segment naming a post: it opens with a post word or ends with a post (not a word that
    only qualifies one: "Safer Neighbourhood Team"), or opens with a meeting role; not the office of a
    post ("Cabinet Office")."""
    words = _LOWER_WORD.findall(segment.lower())
    return bool(words) and not _an_office(words) and \
        (words[0] in POST_WORDS or words[-1] in POSTS or bool(ROLE.match(segment)))


def _an_office(words: list[str]) -> bool:
    """Words naming an organisation after a post: "Cabinet Office", "the Mayor's Office" (an
    organisation word after post words only; "Chief Executive Rochford District Council" is a post)."""
    return len(words) >= 2 and words[-1] in ORGANISATION_WORDS and words[-1] not in POST_WORDS \
        and all(w in POST_WORDS or w in _OFFICE_FILLERS for w in words[:-1])


def _org_tail(post: str) -> str | None:
    """The organisation closing a post: "Chief Executive Rochford District Council" -> "Rochford District Council"."""
    toks = post.replace(",", " ").split()
    if not toks or toks[-1].lower() not in ORGANISATION_WORDS:
        return None
    i = len(toks) - 1
    while i > 0 and toks[i - 1][:1].isupper() and toks[i - 1].lower() not in POST_WORDS:
        i -= 1
    return " ".join(toks[i:]) if i < len(toks) - 1 else None


def _split_post(rest: str) -> tuple[list[str], list[str]]:
    """Comma segments after a name, as (posts, organisation parts)."""
    posts: list[str] = []
    orgs: list[str] = []
    for seg in (s.strip() for s in rest.split(",")):
        if seg:
            (posts if _names_post(seg) and not orgs else orgs).append(seg)
    return posts, orgs


POST_NOMINAL_AFTER_COMMA = re.compile(rf",\s*{alternation(n.upper() for n in POST_NOMINALS)}\b(?=\s*(?:,|$))")
DASH = re.compile(r"\s+[-–—]\s+")  # "Cllr Beth Jones - Wexmoor District Council": a dash parts name and org
SUB_NOTE = re.compile(rf"\s*\({_STANDS_IN}\s+(?P<for>[^)]+)\)", re.I)
# What a person attends as: "Mr L Page as Broadband Representative" (the role is group 1).
AS_ROLE = re.compile(r"as\s+(?:the\s+|an?\s+)?([A-Z][^,()]*)$")
_AS_ROLE_AFTER = re.compile(r"\s+" + AS_ROLE.pattern)


def _only_name(part: str) -> bool:
    """A list part that is a name and nothing else (a bracket or a substitution note may follow)."""
    part = SUBSTITUTED_BY.sub(r"\g<name>", SUB_NOTE.sub("", part))
    part = _AS_ROLE_AFTER.sub("", part)  # "L Page as Footpaths Warden"
    part = _MARKER.sub("", _INITIALS_BRACKET.sub("", part))  # "Ann Bell (AB) - Chair", "Ann Bell (M)"
    while TRAILING_BRACKET.search(part):
        part = TRAILING_BRACKET.sub("", part)
    part = DASH.split(part)[0] if ROLE.match(DASH.split(part)[-1]) else part  # "Ann Bell - Chair"
    part = part.strip(" ,.")
    name = _name_part(part)
    whole = clean_name(part)[0]
    tag = whole[len(name):].strip() if whole.startswith(name) else ""  # "A Bell WDC"
    return bool(name) and looks_like_name(name) and (name == whole or bool(_TAG_AFTER_NAME.fullmatch(tag)))


_INITIALLED = re.compile(r"(?:[A-Z]\.?\s)+[A-Z]")  # a name opening with initials: "A Bell", "J. P. Smith"


def _is_list(parts: list[str], text: str, known: Sequence[Person] = ()) -> bool:
    """Whether the parts of a line are several people, not one person with a post or organisation."""
    if PLURAL_TITLE.match(text):
        return True
    if len(parts) < 2 or not all(_only_name(p) for p in parts):
        return False
    # "Olivia Grant, Hallowby Pubwatch" is a name and an organisation; "Mr A Bell, Mrs C Dunn" two
    # names, and so are "Ann Bell, Carl Dunn" when both are people the document has listed, each
    # opens with a given name or each has a post in brackets ("Ian Moss (Medical Director), Tara Quinn (Head ...)")
    return len(parts) > 2 or bool(LIST_AND.search(text)) or all(TRAILING_BRACKET.search(p) for p in parts) or all(
        strip_honorifics(p) != p or _INITIALLED.match(p) for p in parts) or all(
        any(same_person(clean_name(p)[0], k.name) for k in known) for p in parts) or all(
        _first_word(p) in GIVEN_NAMES for p in parts)


def _first_word(part: str) -> str:
    words = clean_name(part)[0].split()
    return words[0].lower() if words else ""


_SHORT_TAG = re.compile(r"[A-Z][A-Za-z&.]{1,5}")  # a short tag after a name: "PC", "Cllr."


def _attach_tags(parts: list[str]) -> list[str]:
    """A list of names with a short tag after some ("A Bell, C Dunn, PC, E Fox"):
    the tag joins the name before it, so the run still reads as a list."""
    out: list[str] = []
    for p in parts:
        if out and not _only_name(p) and _SHORT_TAG.fullmatch(p):
            out[-1] = f"{out[-1]} ({p})"
        else:
            out.append(p)
    return out


# Initials in brackets after a name: "(DT)", "(AHop)", "(N M-E)".
_INITIALS_BRACKET = re.compile(rf"\(\s*({INITIALS.pattern})\s*\)")
# What follows a person's initials and is still theirs: more brackets ("(AA) (Chairing)"), a dashed
# post ("(KL) - Chair"), up to the next separator.
_AFTER_INITIALS = re.compile(r"(?:\s*\([^()]*\))*(?:\s+[-–]\s+[^,;.()]{1,40}?(?=\s*(?:[,;.]|$)))?")
# A one-letter bracket that is no one's initials: a marker ("Alice Hemming (M)" for a member).
_MARKER = re.compile(r"\s*\([A-Z]\)")


# A full stop after a bracket parts two people: "Mike Stephens, Treasurer (MS). Wendy Boyden".
_AFTER_BRACKET_STOP = re.compile(r"(?<=\))\.\s+")


_OPENING_JOIN = re.compile(r"^[\s,;:.]*(?:(?:and|&)\s+)?", re.I)  # what joins a part to the one before


def _bare_name(part: str) -> str:
    """The name a list part opens with ("Dr Andrew Payne" -> "Andrew Payne"; "Sai"), or ""."""
    return _name_part(part) or (clean_name(part)[0] if looks_like_name(part) else "")


def _initialled(text: str) -> list[tuple[str, str | None]]:
    """A list cut at the initials printed after each name: "Dr Andrew Payne,
    Chairman (AP). Evelyn Lindqvist (EL) Umi Shamir (US)" -> three people with
    their initials, however the names are separated (commas, full stops,
    nothing). A bracket that does not abbreviate the name before it ("(SCC)")
    is no initials. Parts between are (text, None)."""
    out: list[tuple[str, str | None]] = []
    prev = 0
    for m in _INITIALS_BRACKET.finditer(text):
        if m.start() < prev:
            continue
        segs = split_names(_OPENING_JOIN.sub("", _AFTER_BRACKET_STOP.sub(", ", text[prev:m.start()])))
        k = next((k for k in range(len(segs) - 1, -1, -1) if initials_fit(m.group(1), _bare_name(segs[k]))), None)
        if k is None:
            continue
        tail = _AFTER_INITIALS.match(text, m.end())
        _add_unlettered(out, segs[:k])
        out.append((f"{', '.join(segs[k:])} {tail.group().strip() if tail else ''}".strip(), m.group(1)))
        prev = tail.end() if tail else m.end()
    rest = text[prev:]
    if rest.strip(" .,;"):
        if out:
            _add_unlettered(out, split_names(rest))
        else:
            out.append((rest, None))
    return [(" ".join(_MARKER.sub(" ", t).split()), i) for t, i in out]


def _add_unlettered(out: list[tuple[str, str | None]], segs: list[str]) -> None:
    """Parts of an initialled list printed without initials: a post goes to the person before it
    ("Diane Moore (DM), Community Libraries Manager"), a name is a person of its own."""
    for seg in segs:
        if out and out[-1][1] and _names_post(seg):
            out[-1] = (f"{out[-1][0]}, {seg}", out[-1][1])
        else:
            out.append((seg, None))


# "Chair: Mr B de Smid : Secretary: Mr G M Beat: Treasurer: Mr J Kinnear/ Ms R MacCallam"
_COLONS = re.compile(r"\s*:+\s*")


def _role_chain(text: str) -> str:
    """Posts printed as labels before the names that hold them, rewritten as a
    list with each post in brackets after its holders: "Mr B de Smid (Chair),
    Mr J Kinnear (Treasurer), Ms R MacCallam (Treasurer)"."""
    tokens = _COLONS.split(text)
    if sum(bool(ROLE.fullmatch(t)) for t in tokens[:-1]) < 2:
        return text
    out, role = [], None
    for t in tokens:
        if ROLE.fullmatch(t):
            role = t
            continue
        first, _, others = t.partition(",")
        names = split_names(first) if role else [first]
        out += [f"{n} ({role})" if role else n for n in names] + ([others] if others.strip() else [])
        role = None
    return ", ".join(out)


_COMMA = re.compile(r"\s*[,;]\s*")
# In a list of "Name – Organisation" parts a dash may lose a space: "Joan Sennington- Felixstowe Council".
_LOOSE_DASH = re.compile(r"\s+[-–—]\s*|\s*[–—]\s+|(?<=[a-z])-\s+(?=[A-Z])")


def _dashed(text: str) -> list[str] | None:
    """A list of people each with an organisation after a dash: "Anne Cross – Lakenheath, Eileen
    Coe – Framlingham, ..." (parts without a dash that are no name go on the part before: an "and"
    inside an organisation, "MP for Central Suffolk and North Ipswich", cuts nothing)."""
    parts = [q for p in _COMMA.split(text) for q in _and_dashed(p)]
    if sum(bool(_LOOSE_DASH.search(p)) for p in parts) < 2:
        return None
    out: list[str] = []
    for p in parts:
        if _LOOSE_DASH.search(p) or _is_person_line(p) or not out:
            out.append(p)
        else:
            out[-1] = f"{out[-1]}, {p}"
    return [_LOOSE_DASH.sub(", ", p, count=1) for p in out] if all(_is_person_line(p) for p in out) else None


def _posted_pair(text: str) -> list[str] | None:
    """Two people each with a post after a comma, joined by "and": "Ed Umber, Controller, Finance and
    Flo Vane, Technician" (an "and" inside a post, "Head of Planning and Economic
    Development", is followed by no name and comma)."""
    pieces = LIST_AND.split(text)
    if len(pieces) != 2 or not all("," in p for p in pieces):
        return None
    return pieces if all(_only_name(_head_and_rest(p)[0]) for p in pieces) else None


def _and_dashed(part: str) -> list[str]:
    """"John Verity – Southwold and Liz Gleave – Saxmundham" -> two parts; other "and"s stay."""
    pieces = LIST_AND.split(part)
    return pieces if len(pieces) == 2 and all(_LOOSE_DASH.search(p) for p in pieces) else [part]


# A full stop between two names of a list, not after a title ("Mrs. Bell") or an initial ("J. Bell").
_STOP = re.compile(r"\b(\w*[a-z]{2})\.\s+(?=[A-Z][a-z])")


def _stops_to_commas(text: str) -> str:
    return _STOP.sub(lambda m: m.group() if m.group(1).lower() in HONORIFICS else f"{m.group(1)}, ", text)


_AND_FROM = re.compile(r"\s+and\s+from\s+", re.I)
_OPEN_AND = re.compile(r"\s+(?:and|&)$")  # a list whose last name is on a line (or cell) of its own


def _list_parts(text: str, entry: _Entry, known: Sequence[Person]) -> list[str]:
    """The people of a line as written parts: several when it is a list, else the whole line."""
    text = _AND_FROM.sub(" and ", text)  # "from Cllrs Edwards and Morris and from District Councillor Haysey"
    text = POST_NOMINAL_AFTER_COMMA.sub("", _OPEN_AND.sub("", text.strip(" .;:,")))  # "Sir Paul Carter, CBE"
    if not _dashed(text):
        text = BROKEN_HYPHEN.sub("-", text)  # "Kennedy- Dalby"
    if entry.org is not None:
        return [text]
    dashed = _dashed(text)
    if dashed:
        return dashed
    paired = _posted_pair(text)
    if paired:
        return paired
    if _one_posted(text):
        return [DASH.sub(", ", text)]
    text = DASH.sub(", ", text)
    parts = split_names(text)
    if not _is_list(parts, text, known):
        parts = _attach_tags(parts)
        if not _is_list(parts, text, known):
            stopped = _stops_to_commas(text)  # "..., Graham Smith. Colin Solloway, ..."
            parts = split_names(stopped) if stopped != text and _is_list(split_names(stopped), stopped) \
                else _posted_run(text) or [text]
    return parts


def _one_posted(text: str) -> bool:
    """One person with a post after a dash and what follows it after commas: "Simon Ward – Chief
    Executive, Harbourside Voluntary Action" (the organisation reads like a name), unless a later
    segment opens the way a person's name does (a title, an initial, a given name)."""
    pieces = DASH.split(text)
    if len(pieces) != 2 or not _only_name(pieces[0]):
        return False
    segments = [s.strip() for s in _COMMA.split(pieces[1])]
    return _names_post(segments[0]) and not any(
        strip_honorifics(s) != s or _INITIALLED.match(s) or _first_word(s) in GIVEN_NAMES for s in segments[1:])


def _posted_run(text: str) -> list[str] | None:
    """People each with a post after a comma, the next name after the post
    with no comma between: "Mags Ratford, Secretary Jon Stride (Chairperson)",
    "Ann Bell, Chair, Carl Dunn" -> one part a person. None unless each
    segment is a name, a post, or a post then a name, a post comes between
    two names ("Olivia Grant, Hallowby Pubwatch" is a name and an
    organisation), and there are two people."""
    out: list[str] = []
    posted = False  # the person last named has a post
    for seg in (s.strip() for s in _COMMA.split(text)):
        words = seg.split()
        lead = next((i for i, w in enumerate(words) if w.lower() not in POST_WORDS), len(words))
        post, name = " ".join(words[:lead]), " ".join(words[lead:])
        if out and post and name and _names_post(post) and _only_name(name):
            out[-1] = f"{out[-1]}, {post}"  # "Secretary Jon Stride": Mags Ratford's post, then the next name
            out.append(name)
            posted = False
        elif _only_name(seg) and (not out or posted):
            out.append(seg)
            posted = False
        elif out and _names_post(seg):
            out[-1] = f"{out[-1]}, {seg}"
            posted = True
        else:
            return None
    return out if len(out) >= 2 else None


def _people(entry: _Entry, body: str | None, known: Sequence[Person] = ()) -> Iterator[Person]:
    text = entry.text
    virtual = entry.virtual or bool(VIRTUAL.search(text))
    text = PRESS_COUNT.sub("", _role_chain(VIRTUAL.sub("", text))).strip(" ,;")
    head = PUBLIC_PART.match(text)  # "1 elector (for part of the meeting) and the clerk, Mr G Irwin"
    tail = None if head else PUBLIC_TAIL.search(text)  # "Mrs J King (Clerk) and 3 members of the public"
    for counted in filter(None, (head, tail)):
        one = counted.group("n").lower() in ("1", "one", "a", "an")
        yield Person("Member of the Public" if one else "Members of the Public", "in_attendance", entry.span,
                     as_written=entry.as_written, category=entry.category)
    text = text[head.end():] if head else text[:tail.start()] + text[tail.end():] if tail else text
    for chunk, initials in _initialled(_holders_first(_POST_FIRST.sub(r"\g<name> (\g<role>)", text))):
        parts = _list_parts(chunk, entry, known) if initials is None else [DASH.sub(", ", chunk.strip(" .;:,"))]
        for part in parts:
            status: Attendance = entry.status
            sub_for = None
            m = SUBSTITUTED_BY.match(part)
            if m and entry.status == "apologies":
                yield from _people(_Entry("substitute", m.group("sub"), None, entry.span, m.group("sub"), virtual,
                                          category=entry.category), body, known)
                part = m.group("name")
            m = SUB_NOTE.search(part) or SUBSTITUTE.match(part)
            if m:
                part = part[:m.start()] + part[m.end():] if m.re is SUB_NOTE else m.group("name")
                sub_for, status = clean_name(m.group("for"))[0], "substitute"
            person = _person(part, entry, body, initials)
            if person:
                person.status, person.substitute_for, person.virtual = status, sub_for, virtual
                person.initials, person.category = initials, entry.category
                yield person


def _holders_first(text: str) -> str:
    """Posts printed before their holders' names ("Head of Planning (R
    Kendrick), Legal Advisor (S Marr)") rewritten name first, as the rest of
    the reading has them: "R Kendrick (Head of Planning), S Marr (Legal Advisor)"."""
    def holder(m: re.Match[str]) -> str:
        post, name = m.group("post").strip(), m.group("name").strip()
        if not _names_post(post) or _names_post(name) or not _only_name(name):
            return m.group()
        return f"{m.group()[:m.start('post') - m.start()]}{name} ({post})"
    return _HOLDER_AFTER.sub(holder, text) if "(" in text else text


def _head_and_rest(part: str) -> tuple[str, str]:
    """A part cut at its first comma outside brackets: the name's segment and what follows it."""
    depth = 0
    for i, ch in enumerate(part):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth <= 0:
            return part[:i], part[i + 1:]
    return part, ""


_WORDS_START = re.compile(r"[A-Za-z(]")  # what a post or organisation after a name starts with


def _person(part: str, entry: _Entry, body: str | None, initials: str | None = None) -> Person | None:
    if REPRESENTATIVES.match(part):
        return Person(name=part, status=entry.status, span=entry.span, organisation=entry.org,
                      as_written=entry.as_written)
    head, rest = _head_and_rest(part)
    # one word is a name with a title, or with initials that spell it ("Sai (S)")
    name = _name_part(head) or (_bare_name(head) if initials else "")
    if not name or not looks_like_name(name):
        return None
    _, role = clean_name(head)
    raw = strip_honorifics(" ".join(head.split()))
    # words after the name in the same segment ("John Gilbert Director") belong to the post
    extra = raw[raw.find(name) + len(name):].strip(" ,") if name in raw else ""
    if role:
        extra = re.sub(rf"\(\s*{re.escape(role)}\s*\)", "", extra).strip()
    if not _WORDS_START.match(extra):
        extra = ""  # a stray mark after the name ("Bob Barr (BB) 2:30o")
    acting = AS_ROLE.match(extra)
    if acting:  # "Mr L Page as Broadband Representative": what the person attends as is a role
        role, extra = "; ".join(filter(None, (role, acting.group(1).strip()))), ""
    role_posts, role_orgs = _bracket_parts(role) if role and "," in role else ([role] if role else [], [])
    held = TRAILING_BRACKET.search(rest)  # "Ann Bell - Wexmoor Council (Chair)": the post of the person
    # (one organisation before it, or a post and an organisation; not a run of others' names and posts
    # the reading failed to part)
    before = rest[:held.start()].strip(" ,") if held else ""
    held_post = held.group(1).strip() if held and _names_post(held.group(1)) and "(" not in before \
        and (before.count(",") == 0 or before.count(",") == 1 and _names_post(before.split(",")[0])) else None
    if held_post and held:
        rest = rest[:held.start()]
    m = TRAILING_BRACKET.search(extra or "")
    # a note in lower case ("(joined in the second half)") is neither post nor organisation
    bracket = ITEM_NOTE.sub("", m.group(1).strip()) if m and not m.group(1)[:1].islower() else None
    if m:
        extra = extra[:m.start()].strip()
    posts, orgs = _split_post(", ".join(x for x in (extra, rest.strip()) if x))
    while orgs and orgs[0][:1].islower() and not orgs[0].startswith("the "):  # a note ("Cllr Sand - illness")
        orgs.pop(0)
    orgs += role_orgs
    if bracket and "," in bracket:
        more_posts, more_orgs = _bracket_parts(bracket)
        posts, orgs = posts + more_posts, orgs + more_orgs
    elif bracket:
        # "(Service Manager Quality Assurance)" is a post though it neither starts nor ends with one
        words = _LOWER_WORD.findall(bracket.lower())
        post = _names_post(bracket) or (not _an_office(words) and any(w in POST_WORDS for w in words[:2]))
        (posts if post else orgs).append(bracket)
    roles = [r for r in [entry.role, *role_posts, *posts, held_post] if r]
    org = ", ".join(orgs) or entry.group_org
    if entry.org:
        col, col_roles = _org_column(entry.org, body)
        roles += col_roles
        org = col or org or next(filter(None, (_org_tail(p) for p in posts)), None)
    elif not orgs:
        org = next(filter(None, (_org_tail(p) for p in posts)), org)
    return Person(name=name, status=entry.status, span=entry.span, role="; ".join(roles) or None,
                  organisation=org, as_written=entry.as_written)


def _bracket_parts(bracket: str) -> tuple[list[str], list[str]]:
    """A bracket after a name holding a post and its organisation, "(Leader, Northvale County
    Council)", as (posts, organisations); a part in lower case is a note ("(Larking Gowen, item 3 only)")."""
    posts, orgs = _split_post(bracket)
    return posts, [o for o in orgs if not o[:1].islower()]


_OF_THE = re.compile(r"^\s*(?:of|for)\s+(?:the\s+)?")  # "Chair [of the] Board"
_ALNUM_WORD = re.compile(r"\w+")


def _org_column(text: str, body: str | None) -> tuple[str | None, list[str]]:
    """An organisation column: (organisation, roles). A bracketed role or a
    leading post ("Asst Director, Resources Directorate") is a role; a column
    that is only a post ("Liaison Officer") has no organisation; "Chair of
    <this body>" names the chair, not the organisation."""
    roles = []
    m = TRAILING_BRACKET.search(text)
    if m and _names_post(m.group(1)):
        roles.append(m.group(1).strip())
        text = text[:m.start()]
    m = ROLE.match(text)
    if m:
        rest = _OF_THE.sub("", text[m.end():]).strip(" ,")
        roles.append(text.strip())
        if not rest or (body and set(_ALNUM_WORD.findall(rest.lower())) <= set(_ALNUM_WORD.findall(body.lower()))):
            return None, roles
        return rest, roles
    posts, orgs = _split_post(text)
    if posts and not orgs:
        return None, roles + posts
    return ", ".join(orgs) if posts else text.strip(), roles + posts
