"""Agenda items and minute headings with their printed references.

A heading line opens an item when it starts with a reference in one of the
shapes UK papers print ("3.", "6.1", "4a)", "b)", "SHP41", "19.09.01",
"14/037", "Item 5", "Minute 42") followed by a title-like line (short, no
sentence). Lettered or numbered sub-items take their parent's reference
("b)" under "4" is "4b"; "1)" under "5" is "5.1"). Numbering continuity keeps
numbered points of the body out: a top-level number must follow the last
one, and a run of sub-points whose first member is prose is all prose.

Which documents have items: agendas and minutes (their items), work
programmes (each planned topic, referenced by its meeting date) and a file
that is one strategy or report (its numbered sections, and its appendices by
their contents-page titles). Papers bundled in a pack have none of their own.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from minutes.extract.dates import DATE_PATTERN
from minutes.extract.document import Block, is_numbering, iter_lines
from minutes.extract.lexicon import ABBREVIATIONS, AUXILIARY_VERBS, alternation
from minutes.extract.records import Item, Section, Span

# "SHP41", "TB/23/041", "BoD 23/101", "19.09.01", "14/037:", "Minute 42", "Minute 45/19", "Item 5", "6.1", "4a)",
# "4-A.", "23/24-41", "C/127/24" (a council's letter, minute and year),
# "2.di).", "3..", "2 c)_", "(c )", "A)"
REF = re.compile(
    r"^\s*(?:(?P<word>(?i:(?:agenda\s+)?item|minute))\s+(?P<wref>\d+[a-z]?(?:\.\d+)*(?:/\d{2,4})?)[.:)]?"
    r"|(?P<code>(?:[A-Z]{2,5}|[A-Z][a-z][A-Z]|[A-Z](?=/\d{1,4}/\d))(?:\s?|/)\d{1,4}[a-z]{0,3}(?:/\d{2,4}){0,2})\b\.?"
    r"|(?P<dotted>\d{2}\.\d{2}\.\d{1,2})\b[.:]?"
    r"|(?P<slash>\d{2,4}/\d{2,4}(?:-\d{1,4})?)\b[.:]?"
    r"|(?P<num>\d{1,3}(?:\.\d{1,2}){0,3})(?:\s?\.?(?P<sub>[a-z]{1,4})\)|-(?P<dash>[A-Z])(?=\.))?(?:[.):_]{1,2}|(?=\s))"
    r"|\(?(?P<letter>[a-z]{1,3}|[A-Z](?=\s?\)))\s?[.)]"
    r")[._]?\s+(?P<title>\S.*)$")
# Auxiliary verbs mark prose; "May" with a capital is the month ("held on May 24th 2016"), "well-being" a noun.
_AUXILIARIES = alternation(v for v in AUXILIARY_VERBS if v != "may")
PROSE = re.compile(rf"(?<![\w-])(?:(?i:{_AUXILIARIES})|[mM][aA][yY](?<!May))\b")
SUB_PROSE = re.compile(r"^(?:that|to|the|a|an|this|it|there|we|our)\b", re.I)
ROMAN = re.compile(r"^(?:i{1,3}|iv|v|vi{0,3}|ix|x)$")
MAX_WORDS = 24
# An agenda's item as a council words it, a sentence with its stop: "To receive apologies for absence."
AGENDA_FORM = re.compile(r"To\s+(?:receive|note|approve|consider|agree|confirm|resolve|discuss|adopt|review|appoint|"
                         r"elect|sign|accept|ratify|authorise|authorize|decide|determine|report|comment|co-opt)\b")
CONTINUED = re.compile(r"(?:\b(?:and|of|the|for|to|in|on|with|a|an)|[,&/–-])\s*$", re.I)
# "(Item 4)" under an item heading in printed minutes: the heading's number.
ITEM_NOTE = re.compile(r"^\(item\s+(\d+[a-z]?)\)$", re.I)
# Notes a title carries that are not its words: "(pages 3 - 10)", "(item 4)".
_PAGES_NOTE = re.compile(r"\s*\((?:pages?\s+[\d\s\-–]+|item\s+\d+)\)\s*", re.I)
# Where a title ends and the minute's text begins: "Feeling Safe : An update ...", "Floor re-oil – Simon ...".
_COLON_BREAK = re.compile(r"(\s?:\s)")
_DASH_BREAK = re.compile(r"(\s[-–—]\s)")
# A run-in title closed by a full stop: "Suffolk Library meetings. Anyone wishing to attend ...".
_STOP_BREAK = re.compile(r"(\.\s)(?=[A-Z])")


@dataclass
class _Ref:
    ref: str
    level: int  # 0 top-level, 1 sub-item
    top: int | None  # the top-level number, for continuity


def extract_items(section: Section, standalone: bool = True) -> list[Item]:
    """Items of a section; ``standalone`` says the section is the whole file
    (only then do a report's or strategy's sections count as items)."""
    if section.kind == "work_programme":
        return list(_programme_items(section.blocks))
    if section.kind in ("minutes", "agenda"):
        numbered = _numbered_items(section.blocks, agenda=section.kind == "agenda")
        if len([i for i in numbered if i.parent_ref is None]) >= 2:
            return numbered
        # one numbered point ("4. The Chair said:") is no numbering of the items: their headings are
        return _unnumbered_items(section.blocks, section.kind == "minutes", section.title) or numbered
    if standalone and section.kind in ("strategy", "report"):
        return _paper_items(section.blocks)
    return []


def _title(text: str, heading: bool = False) -> str | None:
    """The title at the start of ``text``, or None when it reads as prose.
    "Feeling Safe : An update was given ..." -> "Feeling Safe"; "Floor re-oil – Simon booked ..." -> "Floor re-oil".
    A line set as a heading is a title even with a full stop or a verb
    ("5. Football club costs being left.") unless it runs long."""
    text = " ".join(text.replace("**", "").split())
    text = _PAGES_NOTE.sub(" ", text).strip()
    head, colon, rest = (_COLON_BREAK.split(text, maxsplit=1) + ["", ""])[:3]
    if not colon and text[:1].isalpha() and len(_DASH_BREAK.split(text, maxsplit=1)[0].split()) <= 5:
        head, colon, rest = (_DASH_BREAK.split(text, maxsplit=1) + ["", ""])[:3]
    stopped = not colon and text[:1].isalpha() and _run_in(_STOP_BREAK.split(text, maxsplit=1)[0])
    if stopped:  # "Police report. PC McLeod reported ...": the words before the stop
        head, colon, rest = (_STOP_BREAK.split(text, maxsplit=1) + ["", ""])[:3]
    for cand in ((head,) if colon and (len(rest.split()) > 6 or stopped) else (text, head)):
        cand = cand.strip(" :.-–_")
        words = cand.split()
        opening = words[0].lstrip("‘“'\"")[:1] if words else ""  # "‘Bell & Castle’ Site": a quoted name
        if not words or len(words) > MAX_WORDS or not (opening.isupper() or opening.isdigit()):
            continue
        if text.endswith(".") and cand == text.strip(" :.-–_") and len(words) > 3 and not heading \
                and not AGENDA_FORM.match(cand):
            continue
        if PROSE.search(cand) and not (heading and len(words) <= 10) or cand.endswith(";") or (
                text.rstrip().endswith(":") and cand == text.strip(" :") and len(words) > 5 and not heading):
            continue
        return cand
    return None


def _run_in(head: str) -> bool:
    """Words a full stop closes that may be a run-in title: two to six ("Police report."), or one that is
    no verdict or reply ("Planning.", "AOCB.", not "Noted.", "Agreed.", "None.")."""
    words = head.split()
    if not words or head.count("(") != head.count(")") or words[-1].lower().strip("([") in ABBREVIATIONS:
        return False  # "Draft Business Plan (incl. Risk Management)": no stop closes the title there
    return 2 <= len(words) <= 6 or len(words) == 1 and not words[0].lower().endswith("ed") \
        and words[0].lower() not in NOT_TITLES


NOT_TITLES = frozenset({"none", "nil", "n/a", "yes", "no", "thanks", "done", "ongoing", "pending"})


HEAD_LINE = 50  # a numbered first line this short, a capital after it, is a heading alone, not one wrapped
LONG_HEAD_LINE = 70  # up to this long, too, when prose follows it (a sentence, not a heading's capitals)


def _candidate_lines(blocks: list[Block]) -> Iterator[tuple[Block, str, int, int]]:
    """Candidate lines: every block but tables, its wrapped lines joined (a
    PDF wraps long headings); list items come back with their label in front, from where it is printed.
    A short numbered first line is a heading over its text ("16.01.3 Minutes"
    then the minute itself): a wrapped heading fills its first line or breaks
    after a joining word."""
    for b in blocks:
        if b.is_table:
            # a heading set as a one-row table: number | title (| margin); headings with no text between
            # them set as one table of number | title rows (they only go on from items already read)
            rows = [[c for c in r if c.text] for r in b.rows]
            width = (2, 3) if len(rows) == 1 else (2,)
            if rows and all(len(r) in width and ROW_REF.fullmatch(r[0].text) for r in rows):
                for row in rows:
                    yield b, f"{row[0].text} {row[1].text}", row[0].start, row[1].end
            continue
        line, start, end = " ".join(b.text.split("\n")), b.start, b.end
        first, _, second = b.text.partition("\n")
        if second[:1].isupper() and _heading_alone(first, second) and REF.match(first) and not CONTINUED.search(first):
            line, end = first, start + len(first)
        if b.kind == "list_item" and b.label and is_numbering(b.label):
            line, start = f"{b.label} {line}", b.head
        yield b, line.strip(), start, end


def _heading_alone(first: str, rest: str) -> bool:
    """A first line short enough to be a heading alone over ``rest``, not one wrapped onto it:
    short, or a little longer with prose under it ("Item 2 – Notes and action log from the last
    meeting" over "The notes were agreed.", or over "None"), not the end of a heading set in capitals."""
    if len(first) <= HEAD_LINE:
        return True
    second = rest.partition("\n")[0].strip()
    return len(first) <= LONG_HEAD_LINE and not (first.isupper() and second.split()[0].isupper()) \
        and (second.endswith(".") or len(second.split()) >= 6 or second.lower().strip(".") in NOT_TITLES)


# A line that heads a list of this meeting's tasks: "Actions:", "Action points", "Agreed actions", "The following
# actions were agreed:"; not the earlier ones reviewed ("Actions from the last meeting", "Actions arising from ...").
ACTIONS_HEAD = re.compile(r"\W{0,3}(?:(?:new|agreed|key|summary\s+of(?:\s+agreed)?)\s+)?actions?"
                          r"(?:\s+(?:points?|agreed|required|arising|list))?|the\s+following\s+actions?\s+"
                          r"(?:was|were)\s+(?:agreed|taken|identified)\s*:?(?:[ \t]*[-–])?", re.I)
ACTIONS_HEAD_END = re.compile(r"\s*:?\s*(?:[-–]\s*)?$")


def heads_actions(block: Block) -> bool:
    """A heading or a line alone that heads a list of tasks ("Action points", "Actions:"): the
    numbered entries under it are tasks, not the agenda's items."""
    m = ACTIONS_HEAD.match(block.text) if block.kind in ("heading", "paragraph") else None
    return m is not None and ACTIONS_HEAD_END.fullmatch(block.text, m.end()) is not None


def in_list(first: Block, block: Block) -> bool:
    """``block`` an entry of the list ``first`` opens (any list when ``first`` is the heading over it):
    marked as ``first`` is, numbered or bulleted ("• Dave – collect ..." then "3. Housing" is the next item)."""
    if block.kind != "list_item":
        return False
    return first.kind != "list_item" or is_numbering(first.label or "") == is_numbering(block.label or "")


INITIALS = re.compile(r"[A-Z]{2,3}")
NEXT_AGENDA = re.compile(r"^\W*agenda\s*(?:for\s+(?:the\s+)?next\s+meeting\s*)?:\s*$", re.I)
BULLETS = "-*+•●▪"  # list labels that mark, not number
LETTERED = re.compile(r"[a-zA-Z]+$")  # a lettered reference, and its letters: "4b", "6d", "5A"
# A numbered heading printed this many points right of its item's number is a sub-heading of it
# ("4. Decisions" in the number column, "1. Anti-Bribery Policy" in the text column: item 4.1).
INDENT = 8.0


def _numbered_items(blocks: list[Block], agenda: bool = False) -> list[Item]:
    """The numbered items and sub-items; in an ``agenda`` every numbered line is an item's title, set
    as a heading or not ("8. Date of next meeting.")."""
    items: list[Item] = []
    top: _Ref | None = None  # the current top-level item
    top_x: float | None = None  # where its number is printed (PDF)
    last_num: int | None = None
    restart = 0  # the last number of a run restarted under the top item ("1.", "2." under "4.")
    subrun_prose: dict[str, bool] = {}  # first member of a sub-run decides for the run
    parent: _Ref | None = None  # the last lettered sub-item: "1." under "6d)" is "6d.1"
    # Printed minutes that put "(Item 4)" under each item heading: the note numbers the heading, and
    # the numbered paragraphs of the items are points, not sub-items.
    notes = {id(b): m.group(1) for b, nb in zip(blocks, blocks[1:]) if (m := ITEM_NOTE.match(nb.text.strip()))}
    candidates = list(_candidate_lines(blocks))
    paragraphs = _numbered_paragraphs(candidates)
    top_kind = None  # the kind of block the top-level item was read from
    new_run = False  # an unnumbered heading after items numbered as a list: a "1." there starts afresh
    tasks: Block | None = None  # in a list of tasks under "Action points": the head, then its first entry
    for b, line, start, end in candidates:
        if heads_actions(b):
            tasks = b
            continue
        if tasks is not None and in_list(tasks, b):
            tasks = tasks if tasks.kind == "list_item" else b  # the first entry says how the list is marked
            continue
        tasks = None
        if b.kind == "heading" and not REF.match(line) and items:
            if NEXT_AGENDA.match(line):
                break  # "Agenda:" at the end of minutes lists the next meeting's points
            new_run = new_run or top_kind == "list_item"
        if len(notes) >= 2 and b.kind != "heading" or b.is_table and len(b.rows) > 1 and last_num is None:
            continue
        if id(b) in notes and not REF.match(line):
            title = _title(line)
            if title:
                ref = notes[id(b)]
                items.append(Item(ref, title, Span(b.page, start, end)))
                top, last_num, parent, subrun_prose = _Ref(ref, 0, _int(ref)), _int(ref), None, {}
            continue
        heading = b.kind == "heading" or b.is_table
        bulleted = b.kind == "list_item" and b.label is not None and b.label in BULLETS
        for piece, pstart in _glued(line, start):
            m = REF.match(piece)
            if not m or DATE_PATTERN.fullmatch(piece):  # "24 March 2022" heads a page, not an item
                continue
            if new_run and b.kind == "list_item" and m.group("num") == "1":
                top, last_num, parent = None, None, None  # "Points discussed" under a new heading: 1, 2, ...
            title = _title(m.group("title"), heading=heading or agenda)
            if bulleted and title != m.group("title").strip(" .:"):
                continue  # "- 1. OPEN DAY – the team agreed ...": a bullet list's own numbering
            ref = _read_ref(m, top)
            single = bool(m.group("num")) and "." not in m.group("num") and not m.group("sub") and not m.group("dash")
            if single and parent and ref is not None and ref.level == 1:
                ref = _Ref(f"{parent.ref}.{m.group('num')}", 1, ref.top)
            elif single and top is not None and top.top is not None:
                ref = _restarted(int(m.group("num")), ref, top, (top_x, _x0(b)), restart, last_num, heading)
            if ref is None:
                continue
            if ref.level == 0:
                repeat = heading and bool(items) and ref.top == last_num and title != items[-1].title
                if title is None or (m.group("num") and not (_follows_on(ref.top, last_num) or repeat)):
                    continue
                if m.group("code") and top is not None and top.top is not None and not heading:
                    continue  # "P/25/0112 Extension at 4 Mill Road" under "2. Planning": a case, not an item
                if m.group("num") and b.kind == "list_item" and b.level > 0:
                    continue
                top, last_num, parent = ref, ref.top if ref.top is not None else last_num, None
                top_x, restart, subrun_prose, top_kind, new_run = _x0(b), 0, {}, b.kind, False
            elif m.group("num") and "." in m.group("num"):
                # "4.2 Prevention", not "4.2.1 The title ..." nor the numbered paragraphs of a minute
                if title is None or len(title.split()) > 12 or (paragraphs and not heading):
                    continue
            else:
                kind = "alpha" if LETTERED.search(ref.ref) else "digit"
                first = _is_first(m)
                if first:
                    subrun_prose[kind] = title is None or bool(SUB_PROSE.match(m.group("title")))
                if subrun_prose.get(kind, True) or title is None or len(title.split()) > 14 \
                        or INITIALS.fullmatch(title):
                    continue  # "a. MK: we were told ...": a person's reply under a point, not a sub-item
                if single and not parent:
                    restart = int(m.group("num"))
            if ref.level == 1 and LETTERED.search(ref.ref):
                parent = ref
            printed = piece[:m.start("title")].strip()
            items.append(Item(ref.ref, title, Span(b.page, pstart, pstart + len(piece)),
                              _parent_ref(ref, items, top) if ref.level else None,
                              printed if _bare(printed) != _bare(ref.ref) else None))
    return items


def _x0(b: Block) -> float | None:
    return b.boxes[0].x0 if b.boxes else None


def _restarted(n: int, ref: _Ref | None, top: _Ref, where: tuple[float | None, float | None], restart: int,
               last_num: int | None, heading: bool) -> _Ref | None:
    """A single number under a top-level item, where it may number a run of
    the item's sub-headings afresh ("1.", "2." ... under "4. Decisions" are
    4.1, 4.2). Where the PDF shows it, a run printed right of the item's
    number is the item's, and one printed under it that follows on is
    top-level; elsewhere a
    run of headings that has started goes on until the next top-level number.
    Only headings continue a run: numbered points of the text do not."""
    top_x, x = where
    if x is not None and top_x is not None:
        if x > top_x + INDENT:
            if heading and (n == 1 or n == restart + 1):
                return _Ref(f"{top.ref}.{n}", 1, top.top)
            return ref
        return _Ref(str(n), 0, n) if _follows_on(n, last_num) else ref
    if heading and restart and n == restart + 1 and top.top is not None and n != top.top + 1:
        return _Ref(f"{top.ref}.{n}", 1, top.top)
    return ref


def _numbered_paragraphs(candidates: list[tuple[Block, str, int, int]]) -> bool:
    """Whether the "1.1", "2.1" numbers of a document number its paragraphs
    (most carry running text) rather than its sub-headings: then only those
    set as headings are sub-items."""
    prose = titled = 0
    for b, line, _, _ in candidates:
        m = REF.match(line)
        if m and m.group("num") and m.group("num").count(".") == 1 and not m.group("sub"):
            if _title(m.group("title"), heading=b.kind == "heading") is None or len(m.group("title").split()) > 12:
                prose += 1
            else:
                titled += 1
    return prose >= 3 and prose > titled


def _parent_ref(ref: _Ref, items: list[Item], top: _Ref | None) -> str | None:
    """The item a sub-item sits under: "108.2" for "108.2.1" where it is an item, "6d" for "6d.1",
    "52" for "52a"; else the top-level item."""
    refs = {i.ref for i in items}
    head = ref.ref
    while True:
        shorter = head.rsplit(".", 1)[0] if "." in head else LETTERED.sub("", head)
        if not shorter or shorter == head:
            break
        head = shorter
        if head in refs:
            return head
    return top.ref if top is not None and top.ref != ref.ref else None


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _bare(ref: str) -> str:
    return _NOT_ALNUM.sub("", ref.lower())


# Lines that head a block without naming an item: labels ("Action: ...", "Present"), the genre title.
NOT_ITEM = re.compile(r"^(?:[\w’'/-]+(?:\s+[\w’'/-]+)?\s*:|(?:draft\s+)?(?:minutes|agenda|notes)\b|"
                      r"(?:(?:those|also)\s+)?present\b|attendees\b|in\s+attendance\b)", re.I)
ROW_REF = re.compile(r"(?:item\s+)?(\d{1,3}[a-z]?)[.)]?", re.I)  # the number cell of an agenda table row
LABEL_REPEATS = 3  # a heading printed this often is a label over each item's points, not an item


def _unnumbered_items(blocks: list[Block], minutes: bool, title: str | None) -> list[Item]:
    """Minutes without printed item numbers: their item headings (short,
    title-like, each followed by the minute's text), numbered by the agenda
    table the minutes open with ("Item | Description | Lead") when its rows
    pair with the headings; with no such headings (or in an agenda, whose
    headings are its own titles), that table's rows. The heading that is the
    document's title is none of them."""
    rows = _table_items(blocks)
    heads = [h for h in _heading_items(blocks) if h.title != title] if minutes else []
    # a heading printed over every item's points ("Points noted by the board:") is a label
    counts = Counter(h.title for h in heads)
    heads = [h for h in heads if counts[h.title] < LABEL_REPEATS]
    # two headings at least, or entries that carry their file numbers
    if len([h for h in heads if h.parent_ref is None]) < 2 and not any(h.ref for h in heads):
        return rows or (_bullet_heads(blocks) if minutes else [])
    if len(rows) == len(heads):
        return [Item(r.ref, h.title, h.span) for r, h in zip(rows, heads)]
    return heads


_DATED = re.compile(r"\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2}")  # a year or a date: a heading that dates, not names


# Words in brackets a capitals heading may carry in lower case ("ORAL COMMUNICATIONS (Public Comment)").
_BRACKETED = re.compile(r"\([^)]*\)")
CAPITALS_WORDS = 10
# An entry under a heading, numbered by its file number as US agendas print it ("(06-198) Proclamation ...",
# "(*06-201)" on the consent calendar, "(06-214CC/06-12CIC)"), or lettered ("A. Art Exhibit Committee").
FILE_REF = re.compile(r"^\(\*?(\d{2,4}-\d{1,4}[A-Z]{0,4}(?:/\d{2,4}-\d{1,4}[A-Z]{0,4})?)\)\s+(?=[A-Z*])")
LETTER_LABEL = re.compile(r"[A-Z][.)]")
_CONSENT_MARK = re.compile(r"^\*\s*")  # the asterisk of an item enacted on the consent calendar
_SENTENCE_END = re.compile(r"(?<=[\w)”\"])[.;](?:\s|$)")
_LAST_WORD = re.compile(r"(\w+)$")
# Short capitals headings that name an item though they open with a genre word ("MINUTES", "AGENDA CHANGES").
_GENRE_ITEM = re.compile(r"(?:minutes|agenda)(?:\s+(?:changes|items?))?", re.I)


def _first_sentence(text: str) -> str:
    """``text`` up to its first full stop that ends a sentence, not an abbreviation's or an initial's
    ("Resolution No. 13943", "(G. Wetzork)")."""
    for m in _SENTENCE_END.finditer(text):
        last = _LAST_WORD.search(text, 0, m.start())
        word = last.group(1) if last else ""
        if not (word.lower() in ABBREVIATIONS or len(word) == 1 and word.isupper()):
            return text[:m.start()]
    return text


def _in_capitals(b: Block) -> bool:
    """A one-line paragraph set in capitals: how minutes with no type styles print their item headings
    ("CONSENT CALENDAR", "UNFINISHED BUSINESS"); a sentence in capitals is left to ``_title``."""
    text = b.text.strip()
    bare = _BRACKETED.sub("", text)
    letters = [c for c in bare if c.isalpha()]
    return b.kind == "paragraph" and "\n" not in text and len(letters) >= 3 and all(c.isupper() for c in letters) \
        and len(bare.split()) <= CAPITALS_WORDS


def _entry(b: Block, parent: str | None) -> Item | None:
    """An entry that numbers itself by a file number (an item of its own
    where no heading stands over it) or, under an unnumbered heading, by a
    capital letter; its title is its first sentence, as far as a title runs."""
    m = FILE_REF.match(b.text)
    if m:
        ref, rest, start = m.group(1), b.text[m.end():], b.start + m.end()
    elif parent and b.kind == "list_item" and b.label and LETTER_LABEL.fullmatch(b.label):
        ref, rest, start = b.label[0], b.text, b.start
    else:
        return None
    rest = " ".join(_CONSENT_MARK.sub("", rest).split())
    words = _first_sentence(rest).split()[:MAX_WORDS]
    if not words or not words[0][:1].isupper():
        return None
    return Item(ref, " ".join(words).rstrip(",:;"), Span(b.page, b.head, start + len(rest)), parent,
                b.label if b.label and b.label != ref else None)


def _heading_items(blocks: list[Block]) -> list[Item]:
    """Unnumbered item headings: headings, or one-line paragraphs in capitals,
    each followed by the minute's text; the entries under one that number
    themselves (a file number, a capital letter) are its sub-items."""
    items: list[Item] = []
    i = 0
    parent: str | None = None  # the capitals heading the entries below sit under
    while i < len(blocks):
        b = blocks[i]
        i += 1
        entry = _entry(b, parent) if b.kind != "heading" else None
        if entry:
            items.append(entry)
            continue
        capitals = _in_capitals(b)
        if not (b.kind == "heading" or capitals) or "\n" in b.text.strip():
            continue
        text, end = b.text.strip(), b.end
        # a heading a PDF wrapped onto a second heading line: the first fills the line
        if i < len(blocks) and blocks[i].kind == "heading" and len(text) >= 50 and not text.endswith((".", ":")) \
                and blocks[i].page == b.page:
            text, end = f"{text} {blocks[i].text.strip()}", blocks[i].end
            i += 1
        nxt = blocks[i] if i < len(blocks) else None
        label = NOT_ITEM.match(text) and not (capitals and _GENRE_ITEM.fullmatch(text))
        # past the title block, a heading over a sub-heading with its text ("Any Other Business" over the first)
        over = bool(items) and nxt is not None and nxt.kind == "heading" and b.kind == "heading" \
            and i + 1 < len(blocks) and blocks[i + 1].kind in ("paragraph", "list_item")
        if nxt is None or nxt.kind not in ("paragraph", "list_item") and not over or b.is_furniture or label \
                or _DATED.search(text) or len(text.split()) > 16:
            continue
        title = _title(text, heading=not capitals)
        if title:
            items.append(Item(None, title, Span(b.page, b.start, end)))
            parent = title if capitals else None
    return items


def _bullet_heads(blocks: list[Block]) -> list[Item]:
    """Minutes written as one bulleted list: the top-level points whose first
    line is a short title over sub-points of their own ("Updates" over
    "o Holiday decorations were ..."), where there are at least two."""
    items = []
    for b in blocks:
        first, _, rest = b.text.strip().partition("\n")
        if b.kind != "list_item" or b.level or not rest.strip() or not b.label or is_numbering(b.label) \
                or len(first.split()) > 5 or not first[:1].isupper() or first.rstrip()[-1:] in ".:;,":
            continue
        title = _title(first)
        if title == first.strip():
            items.append(Item(None, title, Span(b.page, b.start, b.start + len(first))))
    return items if len(items) >= 2 else []


def _table_items(blocks: list[Block]) -> list[Item]:
    """Rows of tables whose first cell is an item number: an agenda table, or
    minutes laid out as a table (number | "Title: text" | action)."""
    items: list[Item] = []
    last = 0
    for b in blocks:
        if not b.is_table:
            continue
        for row in b.rows:
            cells = [c for c in row if c.text]
            m = ROW_REF.fullmatch(cells[0].text) if len(cells) >= 2 else None
            if not m or _int(m.group(1)) != last + 1 and not (last and _int(m.group(1)) == last + 2):
                continue
            title = _title(cells[1].text)
            if title:
                items.append(Item(m.group(1), title, Span(b.page, cells[0].start, cells[1].end)))
                last = _int(m.group(1)) or last
    return items if len(items) >= 2 else []


_GLUED_REF = re.compile(r"[a-z.](\d{1,2}\.\s+[A-Z])")  # "Business1. Apologies": a number run on to a word


def _glued(line: str, start: int) -> Iterator[tuple[str, int]]:
    """PDF text can run headings together: "Public Business1. Apologies2. Declarations"."""
    cuts = [0] + [m.start(1) for m in _GLUED_REF.finditer(line)] + [len(line)]
    for a, b in zip(cuts, cuts[1:]):
        yield line[a:b].strip(), start + a


def _is_first(m: re.Match) -> bool:
    sub = (m.group("letter") or m.group("sub") or m.group("dash") or "").lower()
    if sub:
        return sub[-1] == "a" or sub == "i"
    return (m.group("num") or "").split(".")[-1] == "1"


def _follows_on(n: int | None, last: int | None) -> bool:
    return n is None or last is None or 0 < n - last <= 3


# A code run on to a year ("HMRC2019"), and a financial year written as a slash number ("2017/18").
_CODE_YEAR = re.compile(r"[A-Z]{2,5}\d{4}")
_SLASH_YEAR = re.compile(r"(?:19|20)(\d\d)/(\d\d)")


def _read_ref(m: re.Match, top: _Ref | None) -> _Ref | None:
    if m.group("word"):
        ref = m.group("wref")
        return _Ref(ref, 0, _int(ref))
    if m.group("code"):
        code = m.group("code").replace(" ", "")
        return _Ref(code, 0, None) if not _CODE_YEAR.fullmatch(code) else None
    if m.group("slash") and _SLASH_YEAR.fullmatch(m.group("slash")) and \
            int(m.group("slash")[-2:]) == (int(m.group("slash")[2:4]) + 1) % 100:
        return None  # "2017/18" is a financial year, not a minute number
    if m.group("dotted") or m.group("slash"):
        return _Ref(m.group("dotted") or m.group("slash"), 0, None)
    if m.group("letter"):
        letter = m.group("letter")
        if top is None or (len(letter) > 1 and not ROMAN.match(letter)):
            return None
        base = LETTERED.sub("", top.ref) if top.level else top.ref
        return _Ref(base + letter, 1, top.top)
    num, sub = m.group("num"), m.group("sub")
    parts = num.split(".")
    if m.group("dash"):  # "4-A." under "4. AGENDA ITEMS" keeps its printed form
        return _Ref(f"{num}-{m.group('dash')}", 1 if top else 0, top.top if top else _int(num))
    if sub:  # "2a)" keeps its printed number, under whatever item it sits
        return _Ref("".join(parts) + sub, 1 if top else 0, top.top if top else _int(parts[0]))
    if len(parts) == 1:
        n = int(parts[0])
        if top is not None and (top.top is None or (n < top.top and n <= 9)):
            return _Ref(f"{top.ref}.{n}", 1, top.top)  # "1)" under "5" is "5.1"
        return _Ref(num, 0, n)
    if top is not None and parts[0] == str(top.top):
        return _Ref(num, 1, top.top)
    return None


_LEADING_DIGITS = re.compile(r"\d+")


def _int(text: str) -> int | None:
    m = _LEADING_DIGITS.match(text)
    return int(m.group(0)) if m else None


GROUP = re.compile(r"(?:dates?\s+to\s+be\s+\w+|to\s+be\s+(?:confirmed|determined|agreed)|next\s+municipal\s+year|"
                   r"future\s+(?:meetings?|items?)|unscheduled|tbc|tba|reports?\s+from\s+\w[\w\s]*)$", re.I)
NOT_HELD = re.compile(r"^(?:meeting\s+)?(?:not\s+held|cancelled|no\s+(?:items|meeting))", re.I)


def _programme_items(blocks: list[Block]) -> Iterator[Item]:
    """A work programme: meeting dates (or "Dates to be determined") each
    followed by its topics, one a line; the detail table that may follow
    repeats them, so reading stops at the first table."""
    group: str | None = None
    for b in blocks:
        if b.is_table and group:
            return
        for line, start, end in iter_lines(b):
            text = " ".join(line.replace("**", "").split()).strip(" -•")
            if not text or b.is_table:
                continue
            date = DATE_PATTERN.fullmatch(text)
            if date or (GROUP.fullmatch(text) and len(text.split()) <= 6):
                group = text
                continue
            if group is None or NOT_HELD.match(text) or len(text.split()) > MAX_WORDS or PROSE.search(text):
                continue
            yield Item(group, text, Span(b.page, start, end))


_DEEP_REF = re.compile(r"\d+(?:\.\d+){2,}")  # "4.2.1": a paragraph of a section, not an item


def _paper_items(blocks: list[Block]) -> list[Item]:
    """A strategy or report file: its numbered section headings, and each
    appendix named on its contents page (its own numbered sections nest in it)."""
    appendices = _contents_appendices(blocks)
    items: list[Item] = []
    # running page headers repeat; numbered headings ("1 Introduction") may repeat per appendix
    firsts = [(b, _first(b)) for b in blocks]
    repeated = {t for t, n in Counter(first for b, first in firsts if b.kind == "heading").items()
                if n > 2 and not REF.match(t)}
    in_appendix = False
    body = [(b, first) for b, first in firsts if first not in repeated and not _is_contents(b)]
    numbered = []
    for b, first in body:
        title_key = _words(first)
        # in contents order, allowing one appendix not found
        hit = next((a for a in appendices[:2] if a[1] and a[1] <= title_key and len(title_key - a[1]) <= 4), None)
        if hit and b.kind in ("heading", "paragraph") and len(first) < 100 and not REF.match(first):
            items.append(Item(hit[0], hit[2], Span(b.page, b.start, b.start + len(first))))
            appendices.remove(hit)
            in_appendix = True
            continue
        if not in_appendix:
            numbered.append(b)
    found = [i for i in _numbered_items(numbered) if not _DEEP_REF.fullmatch(i.ref or "")]
    return sorted(found + items, key=lambda i: i.span.start)


def _first(b: Block) -> str:
    return " ".join(b.text.split("\n", 1)[0].replace("**", "").split())


_TITLE_WORD = re.compile(r"[a-z0-9]+")
# A contents page's line: dot leaders to a page number ("Introduction ....... 3").
CONTENTS_LINE = re.compile(r"\.{4,}\s*\d+\s*$|\.{4,}\s*\t")
# An appendix a contents page lists: "Appendix 2 – Budget ........ 14" (number, title).
CONTENTS_APPENDIX = re.compile(r"^\s*(Appendix\s+(?:\d+|[A-Z]))\b[\s:.\-–]*(.+?)\s*\.{3,}", re.I)
_HTML_TAG = re.compile(r"<[^>]+>")


def _words(text: str) -> set[str]:
    return set(_TITLE_WORD.findall(text.lower())) - {"the", "and", "of", "a", "an", "for", "with", "to", "in"}


def _is_contents(b: Block) -> bool:
    return "...." in b.text and bool(CONTENTS_LINE.search(b.text))  # its dot leaders tested first: most have none


def _contents_appendices(blocks: list[Block]) -> list[tuple[str, set[str], str]]:
    """("Appendix 2", title words, title) for each appendix a contents page lists."""
    out: list[tuple[str, set[str], str]] = []
    for b in blocks:
        for line, _, _ in iter_lines(b):
            text = _HTML_TAG.sub("", line) if "<" in line else line
            m = CONTENTS_APPENDIX.match(text) if "..." in text else None  # its dot leaders: most lines have none
            if m and not any(o[0] == m.group(1) for o in out):
                out.append((m.group(1), _words(m.group(2)), m.group(2).strip()))
    return out


def item_at(items: list[Item], offset: int) -> Item | None:
    """The item whose heading last precedes ``offset`` (items are in text order)."""
    current = None
    for item in items:
        if item.span.start > offset:
            break
        current = item
    return current
