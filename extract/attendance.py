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
from dataclasses import dataclass
from typing import Generator, Iterator, cast

from minutes.extract.document import Block, iter_lines
from minutes.extract.lexicon import (ATTENDANCE_LABELS, AUXILIARY_VERBS, MEETING_MEDIA, NAME_PARTICLES,
                                    ORGANISATION_WORDS, POST_NOMINALS, POST_QUALIFIERS, POSTS, REMOTE_WORDS,
                                    SUBSTITUTION_PHRASES, alternation)
from minutes.extract.names import (LIST_AND, PLURAL_TITLE, ROLE, TRAILING_BRACKET, clean_name, looks_like_name,
                                   name_key, resolve, same_person, split_names, strip_honorifics)
from minutes.extract.records import Attendance, Person, Section, Span
from minutes.extract.tables import names_columns

_REMOTE = alternation(REMOTE_WORDS)  # "virtually", "online"
# A label opens a line: "Present:", "IN ATTENDANCE -", "Employees (by Directorate):", "Present" cell,
# "o Commissioners Present:" (a bullet before it), "Officials (regular attendees):".
LABEL = re.compile(
    r"^\s*(?:[o•▪●*-]\s+)?(?:(?:[A-Z]{0,4}\d+[a-z]?|\d+(?:\.\d+)*)[.)]?\s+)?(?P<label>"
    + "|".join(f"(?:{p})" for p, _ in ATTENDANCE_LABELS)
    + r")(?:\s*\([^()]{1,40}\))?"  # "(virtual)", "(regular attendees)"
    rf"(?P<virtual>\s+(?:{_REMOTE}|via\s+\w+))?\s*(?:[:\-–]\s*|$)", re.I)
APOLOGY_SENTENCE = re.compile(
    r"(?:apologies(?:\s+for\s+(?:absence|lateness))?\s+(?:had\s+been|have\s+been|were|was|are)\s+"
    r"(?:received|given|submitted|tendered|noted|made|offered)|"
    r"\b(?:reported|received|noted|recorded|tendered|gave)\s+(?:their\s+)?apologies(?:\s+for\s+absence)?)"
    r"\s+(?:from|by|on\s+behalf\s+of|for)\s+(?P<names>.+?)(?:(?<!\b[A-Z])(?<!\bM[rs])(?<!\bMrs)\.(?=\s|$)|$)",
    re.I | re.S)
# "A, B and C were in attendance virtually", "D attended remotely", "E joined the meeting via Teams"
VIRTUAL_SENTENCE = re.compile(
    r"^(?P<names>[A-Z][^.;:]{2,300}?)\s+(?:(?:was|were)\s+(?:in\s+attendance|present)|attended|joined|participated)"
    rf"(?:\s+(?:the\s+)?meeting)?\s+(?:{_REMOTE}|via\s+(?:MS\s+|Microsoft\s+)?{alternation(MEETING_MEDIA)}\b)", re.I)
VIRTUAL = re.compile(rf"\s*\((?:attending\s+)?(?:{_REMOTE}|via\s+[\w ]+)\)", re.I)
_STANDS_IN = alternation(SUBSTITUTION_PHRASES)  # "substituting for", "in place of"
SUBSTITUTE = re.compile(rf"^(?P<name>.+?)\s*\(?\b{_STANDS_IN}\s+(?P<for>[^)]+?)\)?\s*$", re.I)
SUBSTITUTED_BY = re.compile(r"^(?P<name>.+?)\s+(?:who\s+was|was)\s+substituted\s+by\s+(?P<sub>.+)$", re.I)
REPRESENTATIVES = re.compile(r"^(?:an?\s+)?(?:representatives?|officers?|members?|delegates?)\s+(?:from|of)\s+"
                             r"(?:the\s+)?(?P<org>[A-Z].{2,80})$", re.I)
BRACKETED_INITIALS = re.compile(r"\s*\((?:[A-Z]{2,4}[a-z]?)\)")  # "(AB)", "(GSc)"
# Words that make a comma segment a post rather than an organisation.
POST_WORDS = POSTS | POST_QUALIFIERS


@dataclass
class _Entry:
    status: Attendance
    text: str  # the person's part of the line
    org: str | None  # an organisation column, when the layout gives one
    span: Span
    as_written: str
    virtual: bool = False
    note: bool = False  # from a sentence about people already listed, not a list


def extract_attendance(section: Section) -> tuple[list[Person], list[Person]]:
    people: list[Person] = []
    for entry in _entries(section):
        for person in _people(entry, section.body):
            known = next((p for p in people if same_person(person.name, p.name)), None)
            if known is None and person.status == "apologies" and len(name_key(person.name)) == 1:
                known = resolve(person.name, people)  # "Cllr Smith" of the members listed above
            if known is None:
                people.append(person)
            elif entry.note:  # a later sentence says how a listed person attended
                known.virtual = True
            elif person.status == "apologies" and known.status in ("present", "in_attendance"):
                known.status = "apologies"  # a member listed for the meeting who sent apologies
    attendees = [p for p in people if p.status in ("present", "in_attendance", "substitute")]
    return attendees, [p for p in people if p.status == "apologies"]


_LABEL_STATUS: list[tuple[re.Pattern[str], Attendance]] = [(re.compile(p, re.I), cast(Attendance, status))
                                                           for p, status in ATTENDANCE_LABELS]


def _label(text: str) -> tuple[Attendance, str, bool] | None:
    """The status a label at the start of ``text`` sets, the rest of the line, and 'virtual'."""
    m = LABEL.match(text)
    if not m:
        return None
    label = m.group("label").lower()
    status = next(s for p, s in _LABEL_STATUS if p.fullmatch(label))
    return status, text[m.end():], bool(m.group("virtual"))


def _entries(section: Section) -> Iterator[_Entry]:
    state: Attendance | None = None
    virtual = False
    for block in section.blocks:
        if block.kind == "list_item" and block.label and block.label[0].isdigit() or \
                block.kind == "heading" and not _label(block.text):
            state = None  # a numbered item or a heading closes an attendance list
        if block.is_table:
            state, virtual = yield from _table_entries(block, state, virtual)
            continue
        flat = " ".join(block.text.split())
        m = VIRTUAL_SENTENCE.match(flat)
        if m and block.kind != "heading":
            yield _Entry("present", m.group("names"), None, Span(block.page, block.start, block.end),
                         m.group("names"), True, note=True)
            continue
        if APOLOGY_SENTENCE.search(flat):  # a sentence may wrap over lines
            for m in APOLOGY_SENTENCE.finditer(flat):
                names = " ".join(m.group("names").split())
                yield _Entry("apologies", names, None, Span(block.page, block.start, block.end), names)
            state = None
            continue
        named = False  # whether this block has named somebody yet
        for text, start, end in _logical_lines(block):
            span = Span(block.page, start, end)
            text = text.strip()
            lab = _label(text)
            if lab:
                state, text, virtual = lab
                if not text.strip():
                    continue
            if state is None or not text:
                continue
            m = REPRESENTATIVES.match(text)
            if m:  # a person named only by a post is kept as written
                yield _Entry(state, text, m.group("org"), span, text, virtual)
                continue
            if not _is_person_line(text):
                if named and len(text.split()) <= 6 and not text.endswith("."):
                    continue  # the wrapped end of the previous person's line
                state = None
                continue
            named = True
            yield _Entry(state, text, None, span, text, virtual)


def _logical_lines(block: Block) -> Iterator[tuple[str, int, int]]:
    """Lines of a block with a run-on list of names rejoined: a PDF wraps
    "PRESENT: A Bell (Chair), C Dunn, E Fox,\nG Hill and J Kay" anywhere, even
    inside a name; one person a line ("Ann Bell, Director, West Trust") is kept."""
    cur: tuple[str, int, int] | None = None
    for line, start, end in iter_lines(block):
        if cur and not _label(line.strip()) and _runs_on(cur[0], line):
            cur = (f"{cur[0]} {line.strip()}", cur[1], end)
            continue
        if cur:
            yield cur
        cur = (line, start, end)
    if cur:
        yield cur


# The last word of a post wrapped onto a line of its own: "..., Head of Children's" + "Services."
_WRAPPED_WORD = re.compile(r"[A-Za-z][\w’'&-]*\.")
# A line left open (a comma, "and", "&", a bracket) or a next line going on in lower case or a bracket.
_OPEN_END = re.compile(r"(?:,|\band|&|\()$")
_GOES_ON = re.compile(r"[(a-z]")
_FIRST_NAME = re.compile(r"[A-Z][a-z]+")


def _runs_on(text: str, nxt: str) -> bool:
    text, nxt = text.rstrip(), nxt.strip()
    if not nxt or text.endswith("."):
        return False
    if _WRAPPED_WORD.fullmatch(nxt):
        return True
    if _OPEN_END.search(text) or text.count("(") > text.count(")") or _GOES_ON.match(nxt):
        return True
    # a list of names cut inside its last name: "..., Dan Bride, Tom" + "Byrne, ..."
    lab = _label(text.strip())
    parts = split_names(lab[1] if lab else text)
    return len(parts) >= 3 and all(_only_name(p) for p in parts[:-1]) and bool(_FIRST_NAME.fullmatch(parts[-1]))


# A table's entries; what it returns is the attendance state (and 'virtual') it leaves open.
TableEntries = Generator["_Entry", None, "tuple[Attendance | None, bool]"]


def _table_entries(block: Block, state: Attendance | None, virtual: bool) -> TableEntries:
    """Rows of an attendance table: [label,] name[, post][, organisation]."""
    if _label_columns(block):
        return (yield from _column_entries(block, state, virtual))
    with_org = sum(1 for row in block.rows if len(row) > 1 and row[-1].text)
    for row in block.rows:
        if len(row) > 1 and not row[-1].text and with_org >= 0.7 * len(block.rows) and not _label(row[0].text):
            continue  # the wrapped end of the row above (a PDF splits rows across pages)
        cells = [c for c in row]
        sentences = [(c, m) for c in cells for m in APOLOGY_SENTENCE.finditer(c.text)]
        if sentences:  # minutes laid out in a table: "1. | Apologies were received from A and B."
            for c, m in sentences:
                names = " ".join(m.group("names").split())
                yield _Entry("apologies", names, None, Span(block.page, c.start, c.end), names)
            state = None
            continue
        lab = _label(cells[0].text) if cells and cells[0].text else None
        if lab and not lab[1].strip():
            state, _, virtual = lab
            cells = cells[1:]
            while len(cells) > 1 and not cells[0].text:  # a gap column between label and names
                cells = cells[1:]
        elif cells and not cells[0].text and len(cells) > 2:
            cells = cells[1:]  # the label column of a continued block
        texts = [c.text for c in cells]
        if state is None or not any(texts):
            continue
        if not texts[0]:
            continue  # a continuation line of the previous row's organisation
        if names_columns(cells):
            continue  # header row: "Name | Organisation"
        if not _is_person_line(texts[0]):
            if len([t for t in texts if t]) == 1 and not ROLE.match(texts[0]):
                state = None
            continue
        span = Span(block.page, cells[0].start, cells[-1].end)
        org = " ".join(t for t in texts[1:] if t) or None
        # A grid of people: every cell a name with initials ("Ann Bell (AB) | Carl Dunn (CD)"), a
        # comma-run list of names that a PDF laid out in columns ("Mr A Bell, | Mrs C Dunn,"), or
        # a name with its post in each cell ("Ann Bell, Treasurer | Carl Dunn (Chair)").
        filled = [t for t in texts if t]
        if org and (all(BRACKETED_INITIALS.search(t) for t in filled) or all(t.endswith(",") for t in filled)
                    or all(_is_person_line(t) and _posted(t) for t in filled)):
            for c in cells:
                if c.text:
                    yield _Entry(state, c.text, None, Span(block.page, c.start, c.end), c.text, virtual)
            continue
        yield _Entry(state, texts[0], org, span, " | ".join(t for t in texts if t), virtual)
    return state, virtual


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
    if len(first) >= 2 and all(_is_label_cell(t) for t in first):
        return True
    columns = {i for row in block.rows for i, c in enumerate(row) if _is_label_cell(c.text)}
    return len(columns) >= 2 and 0 in columns


def _column_entries(block: Block, state: Attendance | None, virtual: bool) -> TableEntries:
    width = max(len(row) for row in block.rows)
    for i in range(width):
        col_state = state if i == 0 else None
        for row in block.rows:
            if i >= len(row) or not row[i].text:
                continue
            cell = row[i]
            lab = _label(cell.text)
            if lab and not lab[1].strip():
                col_state, _, virtual = lab
            elif col_state and _is_person_line(cell.text):
                yield _Entry(col_state, cell.text, None, Span(block.page, cell.start, cell.end), cell.text, virtual)
    return None, virtual


# Finite verbs of a sentence, not of a list of names (lower case: "May Smith" is a name).
_NARRATIVE_VERB = re.compile(rf"\b{alternation([*AUXILIARY_VERBS, 'noted', 'agreed'])}\b")


def _is_person_line(text: str) -> bool:
    """A line that names people rather than narrates: its first name-like part
    reads as a name, and it is not a sentence."""
    text = text.strip()
    # a long run of names ("Mr A Bell (Chair), Mrs C Dunn, ...") is still a list; other long lines are prose
    if len(text) > 300 and not all(_only_name(p) for p in split_names(text)) \
            or _NARRATIVE_VERB.search(text):
        return False
    if PLURAL_TITLE.match(text):
        return True
    first = split_names(text)[:1]
    if not first:
        return False
    name = _name_part(first[0])
    return bool(name) and looks_like_name(name)


def _name_part(text: str) -> str:
    """The name at the head of "Name Post words", e.g. "Ann Bell Director Of ..." -> "Ann Bell"."""
    text = BRACKETED_INITIALS.sub("", VIRTUAL.sub("", text))
    titled = strip_honorifics(text) != text.strip()
    text, _ = clean_name(text)
    toks = text.split()
    for i, t in enumerate(toks):
        word = t.lower().strip(",")
        if i >= 1 and (not t[:1].isalpha() or word in POST_WORDS or word in ORGANISATION_WORDS
                       or (t[:1].islower() and t not in NAME_PARTICLES)):
            toks = toks[:i]
            break
    # a lone word is a name only with a title ("Cllr Osborne"), never "Action"
    return " ".join(toks) if len(toks) > 1 or titled else ""


_LOWER_WORD = re.compile(r"[a-z][a-z\-]*")


def _names_post(segment: str) -> bool:
    """A comma segment naming a post: it opens or ends with a post word, or opens with a meeting role."""
    words = _LOWER_WORD.findall(segment.lower())
    return bool(words) and (words[0] in POST_WORDS or words[-1] in POST_WORDS or bool(ROLE.match(segment)))


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
    part = TRAILING_BRACKET.sub("", part).strip(" ,")
    name = _name_part(part)
    return bool(name) and looks_like_name(name) and name == clean_name(part)[0]


_INITIALLED = re.compile(r"(?:[A-Z]\.?\s)+[A-Z]")  # a name opening with initials: "A Bell", "J. P. Smith"


def _is_list(parts: list[str], text: str) -> bool:
    """Whether the parts of a line are several people, not one person with a post or organisation."""
    if PLURAL_TITLE.match(text):
        return True
    if len(parts) < 2 or not all(_only_name(p) for p in parts):
        return False
    # "Olivia Grant, Hallowby Pubwatch" is a name and an organisation; "Mr A Bell, Mrs C Dunn" two names
    return len(parts) > 2 or bool(LIST_AND.search(text)) or all(
        strip_honorifics(p) != p or _INITIALLED.match(p) for p in parts)


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


def _people(entry: _Entry, body: str | None) -> Iterator[Person]:
    text = entry.text
    virtual = entry.virtual or bool(VIRTUAL.search(text))
    text = BRACKETED_INITIALS.sub("", VIRTUAL.sub("", text)).strip(" .;:,")
    text = POST_NOMINAL_AFTER_COMMA.sub("", text)  # "Sir Paul Carter, CBE": not an organisation
    if entry.org is None:
        text = DASH.sub(", ", text)
    parts = split_names(text) if entry.org is None else [text]
    if not _is_list(parts, text):
        parts = _attach_tags(parts) if entry.org is None else []
        if not _is_list(parts, text):
            parts = [text]
    for part in parts:
        status: Attendance = entry.status
        sub_for = None
        m = SUBSTITUTED_BY.match(part)
        if m and entry.status == "apologies":
            yield from _people(_Entry("substitute", m.group("sub"), None, entry.span, m.group("sub"), virtual), body)
            part = m.group("name")
        m = SUB_NOTE.search(part) or SUBSTITUTE.match(part)
        if m:
            part = part[:m.start()] + part[m.end():] if m.re is SUB_NOTE else m.group("name")
            sub_for, status = clean_name(m.group("for"))[0], "substitute"
        person = _person(part, entry, body)
        if person:
            person.status, person.substitute_for, person.virtual = status, sub_for, virtual
            yield person


_WORDS_START = re.compile(r"[A-Za-z(]")  # what a post or organisation after a name starts with


def _person(part: str, entry: _Entry, body: str | None) -> Person | None:
    if REPRESENTATIVES.match(part):
        return Person(name=part, status=entry.status, span=entry.span, organisation=entry.org,
                      as_written=entry.as_written)
    head, _, rest = part.partition(",")
    name = _name_part(head)
    if not name or not looks_like_name(name):
        return None
    _, role = clean_name(head)
    raw = strip_honorifics(" ".join(BRACKETED_INITIALS.sub("", head).split()))
    # words after the name in the same segment ("John Gilbert Director") belong to the post
    extra = raw[raw.find(name) + len(name):].strip(" ,") if name in raw else ""
    if role:
        extra = re.sub(rf"\(\s*{re.escape(role)}\s*\)", "", extra).strip()
    if not _WORDS_START.match(extra):
        extra = ""  # a stray mark after the name ("Bob Barr (BB) 2:30o")
    acting = AS_ROLE.match(extra)
    if acting:  # "Mr L Page as Broadband Representative": what the person attends as is a role
        role, extra = "; ".join(filter(None, (role, acting.group(1).strip()))), ""
    m = TRAILING_BRACKET.search(extra or "")
    # a note in lower case ("(joined in the second half)") is neither post nor organisation
    bracket = m.group(1).strip() if m and not m.group(1)[:1].islower() else None
    if m:
        extra = extra[:m.start()].strip()
    posts, orgs = _split_post(", ".join(x for x in (extra, rest.strip()) if x))
    if bracket:
        # "(Service Manager Quality Assurance)" is a post though it neither starts nor ends with one
        brief = _LOWER_WORD.findall(bracket.lower())[:2]
        (posts if _names_post(bracket) or any(w in POST_WORDS for w in brief) else orgs).append(bracket)
    roles = [r for r in [role, *posts] if r]
    org = ", ".join(orgs) or None
    if entry.org:
        col, col_roles = _org_column(entry.org, body)
        roles += col_roles
        org = col or org or next(filter(None, (_org_tail(p) for p in posts)), None)
    elif org is None:
        org = next(filter(None, (_org_tail(p) for p in posts)), None)
    return Person(name=name, status=entry.status, span=entry.span, role="; ".join(roles) or None,
                  organisation=org, as_written=entry.as_written)


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
