"""Cut a parsed file into its documents (agenda, minutes, reports, ...).

An agenda pack is the agenda of one meeting followed by its papers: the
minutes of the previous meeting, briefing notes, reports, strategies, a work
programme, appendices. A document starts where a genre cue opens a line near
the top of a block ("Minutes of the meeting of X held on ...", "At a meeting
of the X", "Agenda", "Briefing Note", "Work Programme", "Appendix 2", a
strategy's title); a "page intentionally left blank" or a new page makes the
next cue more likely to be a start. Papers inherit the body and meeting date
of the meeting they were sent to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import PurePath

from minutes.extract.attendance import extract_attendance
from minutes.extract.dates import DATE_PATTERN, MONTH, WEEKDAY_FULL, YEAR_NUMBER, first_full_date, parse_date
from minutes.extract.document import Block, ParsedFile, is_furniture
from minutes.extract.items import ITEM_NOTE
from minutes.extract.lexicon import BODY_WORDS, NARRATION_VERBS, alternation
from minutes.extract.records import Kind, Section

# Strong cues start a document wherever they head a block ("Matters arising – Minutes 17 October" is an item).
MINUTES_CUE = re.compile(
    r"^(?:(?:draft|confirmed|approved|unconfirmed|signed)\s+)?minutes\s+(?:of|from)\s+(?!(?:the\s+)?"
    r"(?:last|previous|earlier)\b)(?!.*\b(?:previous|last)\s+meeting)|^at\s+an?\s+(?:\w+\s+)?meeting\s+of\b"
    r"|^minutes\s*[-–:]\s*\S|^(?!(?:matters\s+arising|approval|confirmation|adoption|item\s+\d)\b).{3,80}\s[-–]\s+"
    r"minutes\b",
    re.I)
AGENDA_CUE = re.compile(r"^(?:(?:supplementary|revised|draft)\s+)?agenda(?:\s+(?:pack|frontsheet))?\s*$"
                        r"|^(?:summons\s+(?:to\s+and\s+)?)?agenda\s+(?:for|of)\s+(?:a|the)\s+(?:\w+\s+)?meeting\b"
                        r"|^notice\s+of\s+(?:the\s+)?meeting\b|^.{3,80}\s[-–]\s+agenda\s*$", re.I)
REPORT_CUE = re.compile(r"^(?:briefing\s+(?:note|paper)|report\s+(?:of|to|title|from|for)\b|(?:cover(?:ing)?\s+|"
                        r"officer\s+|committee\s+)?report\s*$|information\s+(?:note|report)|position\s+paper)",
                        re.I)
WORK_PROGRAMME_CUE = re.compile(r"\b(?:work\s+programme|forward\s+plan|work\s+plan)\b", re.I)
STRATEGY_CUE = re.compile(r"\b(?:strategy|local\s+area\s+agreement|action\s+plan|delivery\s+plan|framework)\b",
                          re.I)
APPENDIX_CUE = re.compile(r"^(?:appendix|annex|annexe)\s+(?:\d+|[A-Z])\b(?!.*\.{4})", re.I)
# A sentence that says what became of minutes is an item, not a title: "Minutes of the 2015 APCM
# had been posted beforehand and were accepted."
REPORTS_ON = re.compile(r"\b(?:was|were|had|have|has|are|is)\s+(?:been\s+)?[a-z]+ed\b.*\.$")
# "Minutes of the meeting held on 3 May": an item approving earlier minutes, unless it heads the file.
UNNAMED_MINUTES = re.compile(r"^minutes\s+of\s+the\s+meeting\s+held\s+on\b", re.I)
# Weak cues say what the first document of a file or of a pack section is.
# "Transparency Board Minutes", "Notes of the meeting": a minutes title at the top of a file
WEAK_MINUTES = re.compile(r"^(?:draft\s+|confirmed\s+)?minutes\s*$|^(?!.*\b(?:previous|last)\b)(?:[\w&'’,-]+\s+){1,6}"
                          r"minutes\s*$|^(?:(?:meeting\s+)?notes|action\s+notes)\s+of\s+(?:the\s+)?meeting\b", re.I)
# Signs a document records a meeting held, not one to come: attendance, resolutions, a roll call.
RECORD_SIGNS = re.compile(r"^(?:[o•-]\s+)?(?:(?:those|\w+)\s+)?present\s*[:\t\n]|^attendees\s*:?\s*$|"
                          r"^apologies(?:\s+for\s+absence)?\s*[:\t]\s*\S|^roll\s+call\b|^resolved\b|"
                          r"\bapologies\s+(?:were|had\s+been|have\s+been)\s+received|"
                          r"\bmeeting\s+(?:was\s+)?(?:called\s+to\s+order|adjourned)", re.I | re.M)
NARRATES = re.compile(rf"^\W*(?:\w+\s+){{1,4}}{alternation(NARRATION_VERBS)}\b", re.I)
WEAK_AGENDA = re.compile(r"^(?:time\s+and\s+date|date\s+and\s+time|summons|public\s+business)\s*:?\s*$", re.I)
# An officer's report in a pack: "Agenda Item 166", "1. Purpose of Report".
REPORT_SIGN = re.compile(r"^(?:agenda\s+item\s+\d+\w*$|(?:\d+\.?\s*)?purpose\s+of\s+(?:the\s+|this\s+)?report\b)", re.I)
BLANK_PAGE = re.compile(r"intentionally\s+(?:been\s+)?left\s+blank", re.I)
NUMBERED = re.compile(r"^\(?(?:\d+|[A-Z]{1,4}\d+)[.)]?\s")
# A word naming a body that meets: "... Committee", "Partnership Board"
BODY_NOUN = re.compile(rf"\b{alternation(BODY_WORDS)}\b", re.I)
HEAD = 6  # blocks at a document's start read for its body, date and venue


@dataclass
class _Start:
    index: int
    kind: Kind


# Letter-spaced words ("A G E N D A"), found in a line, then closed up cell by cell.
_SPACED_OUT = re.compile(r"(?:^|[\t ])(?:\S ){2,}\S(?:$|[\t ])")
_SPACED_WORD = re.compile(r"(?:\S )+\S")
_LETTER_GAP = re.compile(r"(?<=\S) (?=\S)")
_CELL_GAP = re.compile(r"\t| {2,}")
_DIGIT_GAP = re.compile(r"(?<=\b\d) (?=\d\b)")  # "1 5 June" spaced out is "15 June"
_SPACE_COMMA = re.compile(r"\s+,")


@lru_cache(maxsize=256)  # cutting a file reads each block's first line several times; a few blocks are kept
def _plain(text: str) -> str:
    """Text with letter-spaced words closed up ("A G E N D A", "M i n u t e s | o f") and
    cells joined by spaces, for reading cues, titles and dates; spans still index the raw text."""
    if not _SPACED_OUT.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        words = [_LETTER_GAP.sub("", c) if _SPACED_WORD.fullmatch(c) else c for c in _CELL_GAP.split(line)]
        line = _DIGIT_GAP.sub("", " ".join(w for w in words if w))
        lines.append(_SPACE_COMMA.sub(",", line))
    return "\n".join(lines)


def _blank_page(block: Block) -> bool:
    """A short block saying the page is left blank (the length tested first: most blocks are longer)."""
    return len(block.text) < 80 and bool(BLANK_PAGE.search(block.text))


def _first_line(block: Block) -> str:
    return _plain(block.text).split("\n", 1)[0].strip(" *#:")


def _head_lines(block: Block) -> list[str]:
    """The lines of a head block that may name its body: the first, and in a title printed name under
    name ("Eastvale District Council" over "Planning Committee") the names under it, up to two."""
    lines = [line.strip(" *#:") for line in _plain(block.text).split("\n") if line.strip(" *#:")]
    if block.kind == "table" or not lines:
        return [_first_line(block)]
    out = lines[:1]
    for line in lines[1:3]:  # names, not a list of people ("Councillors D Richardson (Chair), P Moran")
        if not all(_titled(x) and len(x) < 90 and not any(c in x for c in ",()") for x in (out[0], line)):
            break
        out.append(line)
    return out


def _short(block: Block) -> bool:
    return block.kind != "table" and len(_first_line(block)) <= 160 and block.kind != "list_item"


def _cue(block: Block) -> Kind | None:
    """The kind of document a block opens by a strong cue."""
    if not _short(block):
        return None
    line = _first_line(block)
    if NUMBERED.match(line):
        return None
    if MINUTES_CUE.search(line) and not UNNAMED_MINUTES.match(line) and not REPORTS_ON.search(line):
        return "minutes"
    if AGENDA_CUE.match(line):
        return "agenda"
    if REPORT_CUE.match(line) and block.kind == "heading":
        return "report"
    if APPENDIX_CUE.match(line) and len(line) < 100:
        return "other"
    if WORK_PROGRAMME_CUE.search(line) and len(line) < 90 and block.kind == "heading":
        return "work_programme"
    if STRATEGY_CUE.search(line) and block.kind == "heading" and block.level <= 1 and len(line) < 120:
        return "strategy"
    return None


def _weak_cue(block: Block) -> Kind | None:
    line = _first_line(block)
    if WEAK_MINUTES.match(line) or UNNAMED_MINUTES.match(line):
        return "minutes"
    if WEAK_AGENDA.match(line):
        return "agenda"
    return None


def _starts(blocks: list[Block]) -> list[_Start]:
    starts: list[_Start] = []
    fresh = True  # at the file start or just after a blank page: weak cues count
    for i, block in enumerate(blocks):
        if _blank_page(block):
            fresh = True
            continue
        kind = _cue(block) or (_weak_cue(block) if fresh else None)
        if kind and i + 1 < len(blocks) and (ITEM_NOTE.match(blocks[i + 1].text.strip()) or kind in (
                "work_programme", "strategy") and starts and starts[-1].kind == "minutes" and NARRATES.search(
                blocks[i + 1].text)):
            kind = None  # an item of the minutes ("Work Programme" / "(Item 10)" or "Tim explained ..."), not a paper
        current = starts[-1] if starts else None
        if kind and current and _same_document(current, kind, blocks, i):
            kind = None
        # "Agenda:" under minutes labels the points for the next meeting
        if kind == "agenda" and block.text.split("\n", 1)[0].rstrip(" *").endswith(":") and i > HEAD and (
                current.kind if current else _classify(blocks[:i])) == "minutes":
            kind = None
        if kind:
            starts.append(_Start(_back(blocks, i, starts[-1].index if starts else -1), kind))
            fresh = False
        elif fresh and block.kind != "heading" and i - (starts[-1].index if starts else 0) > HEAD:
            fresh = False
    if not starts or starts[0].index > 0:
        before = _classify(blocks[: starts[0].index if starts else len(blocks)])
        if starts and before in ("other", starts[0].kind) and starts[0].index <= 25:
            starts[0].index = 0  # the title page of the first document
        else:
            starts.insert(0, _Start(0, before))
    return starts


_AGENDA = re.compile(r"agenda", re.I)


def _same_document(current: _Start, kind: Kind, blocks: list[Block], i: int) -> bool:
    """A cue that does not open a new document: a second cue in a document's
    own heading, an appendix of a report, a strategy's repeated title."""
    if i - current.index <= 3 and blocks[i].page == blocks[current.index].page:
        return True
    # a bare "Agenda" heading a few blocks into a document lists its items (minutes often do)
    if kind == "agenda" and _AGENDA.fullmatch(_first_line(blocks[i])) and i - current.index <= 2 * HEAD \
            and (blocks[i].page == blocks[current.index].page or current.kind == "agenda"):
        return True
    if kind == "other" and current.kind in ("report", "strategy", "other"):
        return True
    if kind == current.kind and _repeats_title(blocks[i], blocks[current.index:current.index + 3]):
        return True
    return kind == current.kind and kind in ("strategy", "work_programme")


_WORD = re.compile(r"[^\W\d_]+")


def _repeats_title(block: Block, title: list[Block]) -> bool:
    """A later page heading that repeats the document's title without a date of its own: "Minutes
    of the Annual Meeting 2016" over page 2 of "Minutes of the Annual Meeting held on 25th February 2016"
    (a year it gives is the title's)."""
    line = _first_line(block)
    words = _WORD.findall(line.lower())
    if len(words) < 4 or first_full_date(line):
        return False
    for b in title:
        head = _first_line(b)
        if _WORD.findall(head.lower())[:len(words)] == words and set(_YEAR.findall(line)) <= set(_YEAR.findall(head)):
            return True
    return False


def _back(blocks: list[Block], i: int, floor: int) -> int:
    """Move a start back over the short heading lines printed above its cue
    (the council's name, the committee's name)."""
    j = i
    while j - 1 > floor and i - j < 2 and _short(blocks[j - 1]) and not NUMBERED.match(blocks[j - 1].text) \
            and len(blocks[j - 1].text) < 70 and not BLANK_PAGE.search(blocks[j - 1].text) \
            and BODY_NOUN.search(blocks[j - 1].text):
        j -= 1
    return j


# "Minutes", "Board minutes - 3 May", "minutes of": a title naming minutes, unless they are
# earlier ones ("last minutes", "Minutes of the meeting held on ...": an item approving them).
MINUTES_WORD = re.compile(r"^minutes\b|\bminutes\s*(?:$|[-–:,]|of\b|from\b)", re.I)
EARLIER_MINUTES = re.compile(r"\b(?:previous|last)\b|minutes\s+of\s+the\s+meeting\s+held", re.I)
_CONTENTS = re.compile(r"contents", re.I)


def _classify(blocks: list[Block]) -> Kind:
    """The kind of a document without a strong cue, from its first blocks."""
    head = blocks[:15]
    for b in head[:HEAD + 2]:
        kind = _weak_cue(b)
        if kind:
            return kind
    if any(b.kind in ("heading", "paragraph") and MINUTES_WORD.search(_first_line(b))
           and not EARLIER_MINUTES.search(_first_line(b)) for b in head[:HEAD + 2]):
        return "minutes"
    text = "\n".join(_plain(b.text) for b in blocks[:60])
    if RECORD_SIGNS.search(text):
        return "minutes"
    if any(_CONTENTS.fullmatch(_first_line(b)) for b in head) or \
            any(STRATEGY_CUE.search(_first_line(b)) for b in head if b.kind == "heading"):
        return "strategy"
    if any(REPORT_CUE.match(_first_line(b)) or REPORT_SIGN.match(_first_line(b)) for b in head):
        return "report"
    return "other"


def segment(parsed: ParsedFile) -> list[Section]:
    blocks = parsed.blocks
    if not blocks:
        return []
    starts = _starts(blocks)
    sections = []
    for n, s in enumerate(starts):
        end = starts[n + 1].index if n + 1 < len(starts) else len(blocks)
        part = [b for b in blocks[s.index:end] if not _blank_page(b)]
        if part:
            sections.append(_describe(s.kind, part, _running_head(parsed, part[0]) if n == 0 else [],
                                      PurePath(parsed.path).name))
    for section in sections:
        if section.kind == "agenda" and _records_meeting(section):
            section.kind = "minutes"
    _inherit(sections)
    return sections


def _records_meeting(section: Section) -> bool:
    """An "agenda" that lists who attended and who sent apologies is the record
    of the meeting (minutes headed with their agenda's title)."""
    attendees, apologies = extract_attendance(section)
    return len(attendees) >= 3 and bool(apologies)


def _running_head(parsed: ParsedFile, first: Block) -> list[Block]:
    """The running lines the parser cut from a file's first page, as heading
    blocks to read (not to keep: they have no span of their own, so they
    point at the first block). Some minutes print their title block, with
    the body and date, only as a head repeated on every page."""
    return [Block("heading", f.text, f.page, first.start, first.start) for f in parsed.furniture
            if f.page == first.page and not is_furniture(f.text)]


def _describe(kind: Kind, blocks: list[Block], running: list[Block], file_name: str) -> Section:
    head = blocks[:HEAD]
    if kind == "other" and running and _classify(running + blocks) != "other":
        kind, head = _classify(running + blocks), running + head
    section = Section(kind, _doc_title(kind, head), blocks)
    section.body = _strategy_body(blocks) if kind == "strategy" else _body(kind, head) or (
        _body(kind, running) if running else None)
    if kind in ("minutes", "agenda") or kind == "other" and first_full_date(_first_line(head[0])):
        section.meeting_date = _date(head) or _date(running) or _date_without_year(head + running, blocks, file_name)
        section.venue = _venue(head)
    return section


def _doc_title(kind: Kind, head: list[Block]) -> str:
    for b in head:
        line = _first_line(b)
        if _cue(b) or _weak_cue(b):
            if len(line) < 20 and head[0] is not b:  # "MINUTES": name it after the body above
                above = head[:head.index(b)]
                named = [t for t in map(_first_line, above) if BODY_NOUN.search(t) and len(t) < 90]
                return f"{named[-1] if named else _first_line(head[0])} – {line}"
            return " ".join(b.text.split()) if b.kind == "heading" else line
    return _first_line(head[0])[:200]


_A_MEETING = (r"(?:the\s+|an?\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:(?:special|extraordinary|annual|ordinary|regular|"
              r"general|inaugural|additional|reconvened|virtual|remote)\s+){0,3}")
MEETING_OF = _A_MEETING + r"(?:meeting\s+of\s+(?:the\s+)?)?"
# "Special Meeting of the [X Committee]": words before a body's name that are none of it
MEETING_OF_HEAD = re.compile(rf"^{_A_MEETING}meeting\s+of\s+(?:the\s+)?", re.I)
HELD = re.compile(r"^(?:.*?\bminutes\s+of\s+" + MEETING_OF + r"|at\s+" + MEETING_OF + r")(?P<body>(?!\d).+?)"
                  r"(?=\s+(?:held|at|in|meeting)\b|\s+on\s+(?:\d|the\b|" + WEEKDAY_FULL + "|" + MONTH + r")|\s+[-–]\s|"
                  r"\s*,|\s+" + WEEKDAY_FULL + r"|\s+\d|\s+(?:date|venue|time|location)\s*:|$)", re.I)


ADDRESSED = re.compile(r"^\**(?:to|for)\s*:\**\s*(?:(?:all\s+)?members\s+of\s+)?(?:the\s+)?(?P<body>[^,.;]+)", re.I)
# "X - Agenda", "X – Minutes", "X Minutes", "X – 10th December 2024": the body names the title line
GENRE_TAIL = re.compile(r"\s*(?:[-–:]\s*)?\b(?:agenda|minutes|notes|action\s+notes)\b.*$|\s+[-–]\s+.*$", re.I)
LABEL_LINE = re.compile(r"^(?:also\s+)?(?:present|in\s+attendance|apologies|attendees|chair|clerk)\b", re.I)


SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "upon", "to", "at"})


def _titled(line: str) -> bool:
    """A name, not a sentence: two or more words, all capitalised but the small ones."""
    words = [w for w in (t.strip("()[],.&–-'’\"#") for t in line.split()) if w]  # "Area #21"
    return ":" not in line and (len(words) >= 2 or bool(BODY_NOUN.fullmatch(line))) and all(
        w[0].isupper() or w[0].isdigit() or w in SMALL_WORDS for w in words)


_MEETING = re.compile(r"the\s+meeting|meeting\b", re.I)  # "minutes of the meeting held": no body named
# A council that hosts committees: its name is the body only when no committee is named.
HOST_COUNCIL = re.compile(r"\b(?:city|county|district|borough|town|parish)\s+council$", re.I)


def _body(kind: Kind, head: list[Block]) -> str | None:
    named = _named_meeting(head)
    if named:
        return named
    lines = [" ".join((_plain(b.text) if b.kind != "table" or len(b.rows) <= 2 else _first_line(b)).split())
             for b in head]
    for i, line in enumerate(lines):
        m = HELD.match(line)
        if m and kind == "minutes" and not _MEETING.match(m.group("body")) and (
                BODY_NOUN.search(m.group("body")) or m.group("body").isupper() or _titled(m.group("body"))):
            return _tidy_name(m.group("body"))
        # "Community Group Meeting" over "Minutes of the meeting held on ...": the line above names it
        above = _MEETING_WORD.sub("", GENRE_TAIL.sub("", lines[i - 1])) if i and lines[i - 1][:1].isalpha() else ""
        if m and kind == "minutes" and _MEETING.match(m.group("body")) and _titled(above) and len(above) < 90 \
                and not first_full_date(above):
            return _tidy_name(above)
        m = WORK_PROGRAMME_CUE.search(line)
        if m and kind == "work_programme" and len(line) < 90:
            before = line[:m.start()].strip(" -–:")
            if before:
                return _tidy_name(before)
            prev = lines[lines.index(line) - 1] if lines.index(line) else ""
            return _tidy_name(prev) if BODY_NOUN.search(prev) else None
    for line in lines:  # a summons: "... to attend an Extraordinary Meeting of X Parish Council to be held at ..."
        m = SUMMONS.search(line)
        if m and kind == "agenda" and BODY_NOUN.search(m.group("body")):
            return _tidy_name(m.group("body"))
    for line in lines:  # a paper addressed to the body: "To: Members of the X", "For: X, 15 June 2023."
        m = ADDRESSED.match(line)
        if m and (kind == "report" or BODY_NOUN.search(m.group("body"))):
            return _tidy_name(m.group("body"))
    host = None  # "Milburn Parish Council" is the body only when no committee of it is named
    titled = None  # "CSS EGM - Minutes", "Parents & Friends of X School": a name with no body noun
    # each head block's first lines: "Eastvale District Council" over "Planning Committee" in one block
    heads = [(block, len(lines) > 1, lines[k + 1:], line) for block in head for lines in [_head_lines(block)]
             for k, line in enumerate(lines)]
    for b, stacked, under, printed in heads:
        line = DATED_NOTE.sub("", GENRE_TAIL.sub("", printed)).strip()
        if not line or len(line) >= 90 or NUMBERED.match(line) or first_full_date(line) \
                or line.endswith(".") and not INITIALISM_END.search(line) or LABEL_LINE.match(line) \
                or _cue(b) and line == printed or not _titled(line) or NAME_AND_POST.match(line) \
                or line.split()[0] in ("This", "These", "That"):  # "This Council notes": the body named, not its name
            continue
        if not BODY_NOUN.search(line):
            first = b is head[0]
            if titled is None and (b.kind == "heading" or stacked or first) and (line != printed or first) \
                    and not DATE_PATTERN.fullmatch(line):
                titled = line
            continue
        if HOST_COUNCIL.search(line) or any(BODY_NOUN.search(GENRE_TAIL.sub("", u)) for u in under):
            host = host or line  # the organisation over the committee printed under it ("... Care Board" over
            continue  # "Quality and Safety Committee"): the committee is the body, its organisation added later
        if titled and BODY_NOUN.fullmatch(_MEETING_WORD.sub("", line)):
            return _tidy_name(f"{titled} {line}")  # "Northfield Service Area #4" over "Commission Meeting"
        return _tidy_name(line)
    if host and kind != "strategy":
        return _tidy_name(host)
    return _tidy_name(titled) if titled and kind in ("minutes", "agenda") else None


SUMMONS = re.compile(r"\bsummoned\b.*?\b(?i:meeting)\s+of\s+(?:the\s+)?(?P<body>[A-Z][\w&'’ -]{2,80}?)\s+"
                     r"(?:to\s+be\s+)?held\b")
# "Title of Meeting | Suffolk Libraries IPS - Board Meeting": a header table's row naming the meeting
MEETING_FIELD = re.compile(r"^(?:title\s+of\s+(?:the\s+)?meeting|name\s+of\s+(?:the\s+)?(?:meeting|committee|body)|"
                           r"meeting\s+(?:title|name)|committee|meeting)\s*:?$", re.I)
DATED_NOTE = re.compile(r"\s*\([^()]*\d{4}\)\s*$")  # "Cardiff City Council (23 June 2005)"
INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "... Council A.G.M.": not a sentence's full stop
NAME_AND_POST = re.compile(r"^[A-Z][a-z]+\s+[A-Z][\w'’-]+,\s")  # "Stephanie Jones, Executive Assistant"
_MEETING_WORD = re.compile(r"\s*[-–]?\s*\bmeeting$", re.I)


def _named_meeting(head: list[Block]) -> str | None:
    """The body a header table names in its meeting row, less the word "meeting"."""
    for b in head:
        for row in b.rows:
            cells = [c.text for c in row if c.text]
            if len(cells) >= 2 and MEETING_FIELD.match(cells[0]) and 2 < len(cells[1]) < 90:
                name = _MEETING_WORD.sub("", cells[1])
                return _tidy_name(re.sub(r"\s+[-–]\s+", " ", name))
    return None


ORG_LINE = re.compile(rf"^(?:[A-Z][\w&'’.-]*\s+){{0,5}}{alternation(w.title() for w in BODY_WORDS)}$")
OWNED_BY = re.compile(r"\b(?:owned|led|driven|overseen|co-?ordinated|delivered)(?:\s+and\s+\w+)?\s+by\s+the\s+"
                      r"(?:multi-agency\s+)?([A-Z][\w&'’ ]{3,60}?(?:Group|Board|Partnership|Committee))\b")


def _strategy_body(blocks: list[Block]) -> str | None:
    """Who owns a strategy: the bodies named alone on its title page, else
    the group the text says owns or drives it."""
    lines = [ln.strip(" *") for b in blocks[:25] if b.kind != "table" for ln in b.text.split("\n")]
    orgs = list(dict.fromkeys(ln for ln in lines if ORG_LINE.match(ln)))
    if orgs:
        return " and ".join(orgs[:3])
    for b in blocks:
        m = OWNED_BY.search(b.text)
        if m:
            return m.group(1)
    return None


def _tidy_name(text: str) -> str:
    """A name as printed, but one set in capitals in title case, its small words
    in lower case and its short words ("IPS", "AGM") left as acronyms."""
    text = _MEETING_WORD.sub("", MEETING_OF_HEAD.sub("", " ".join(text.strip(" *#:–-,").split())))
    if not (text.isupper() and len(text) > 4):
        return text
    return " ".join(w.lower() if w.lower() in SMALL_WORDS and i else w if _acronym(w) else w.title()
                    for i, w in enumerate(text.split()))


def _acronym(word: str) -> bool:
    """"IPS", "AGM", "(PFA)" in a name set in capitals; longer ones ("CITY", "TASK") are read as words."""
    return len(word.strip("().,")) <= 3


EARLIER_MEETING = re.compile(r"\b(?:previous|last)\s+meeting\b", re.I)


def _date(head: list[Block]) -> date | None:
    """The first date of the head, skipping lines about an earlier meeting (a
    layout table can hold both the date row and "Minutes of previous meeting of ...");
    a date may run over a line break ("HELD ON 9TH / AUGUST 2016")."""
    for b in head:
        lines = [line for line in _plain(b.text).split("\n") if not EARLIER_MEETING.search(line)]
        found = first_full_date(" ".join(lines)) if b.kind != "table" else \
            next(filter(None, map(first_full_date, lines)), None)
        if found:
            return found[0]
    return None


def _date_without_year(head: list[Block], blocks: list[Block], file_name: str) -> date | None:
    """A title that dates the meeting without its year ("held on Monday 06
    September"): the year is the latest the document's text names, moved on
    while that would put the meeting before the earlier meeting it mentions
    ("the last meeting in November 2021"); in a text that names no year, the
    year of a date in the file's name on the same day and month
    ("minutes_2024-10-16.pdf"), as an archive names its papers."""
    when = next((m.group(0) for b in head for line in _plain(b.text).split("\n")
                 if not EARLIER_MEETING.search(line) for m in [DAY_MONTH_DATE.search(line)] if m), None)
    text = "\n".join(b.text for b in blocks)
    years = [int(y) for y in _YEAR.findall(text)]
    if when is not None and not years:
        return _named_in_file(when, file_name)
    if when is None or not years:
        return None
    parsed = parse_date(f"{when} {max(years)}")
    if parsed is None:
        return None
    day = parsed[0]
    earlier = [p[0] for line in text.split("\n") if EARLIER_MEETING.search(line)
               for m in DATE_PATTERN.finditer(line) if YEAR_NUMBER.search(m.group(0))
               for p in [parse_date(m.group(0))] if p]
    while earlier and day <= max(earlier):
        day = day.replace(year=day.year + 1)
    return day


def _named_in_file(when: str, file_name: str) -> date | None:
    """The date in ``file_name`` whose day and month are those of ``when`` (a date printed without its year)."""
    printed = parse_date(f"{when} 2000")  # a leap year, so "29 February" parses
    if printed is None:
        return None
    for m in FILE_NAME_DATE.finditer(file_name):
        try:
            named = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        if (named.month, named.day) == (printed[0].month, printed[0].day):
            return named
    return None


# A date in a file's name, year first: "2024-10-16", "2016_03_01", "20161101".
FILE_NAME_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)(?!\d)")
# A day and month with no year after them: "Monday 06 September", "19 July" (not "8th Jul y 2013",
# a date the text layer broke).
DAY_MONTH_DATE = re.compile(rf"\b(?:{WEEKDAY_FULL},?\s+)?\d{{1,2}}\s*(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b"
                            rf"(?!\.?,?\s+\d{{4}})(?![\w ]{{0,4}}\d{{4}})", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


# "Venue" over the venue, "Place: Committee Room 2", and the time between a date and its venue.
VENUE_LABEL = re.compile(r"(?:place|venue|location)", re.I)
VENUE_FIELD = re.compile(r"^(?:place|venue|location)\s*:\s*(.+)$", re.I)
_TIME_LEAD = re.compile(r"^(?:at\s+)?\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*,?\s*(?:in\s+|at\s+)?")


def _venue(head: list[Block]) -> str | None:
    for i, b in enumerate(head):
        line = _first_line(b)
        if VENUE_LABEL.fullmatch(line) and i + 1 < len(head):
            return _first_line(head[i + 1])
        m = VENUE_FIELD.match(line)
        if m:
            return m.group(1).strip()
        found = first_full_date(b.text)
        if found and MINUTES_CUE.search(line):
            tail = " ".join(b.text[found[2]:].split()).strip(" ,.")
            tail = _TIME_LEAD.sub("", tail)
            if 3 < len(tail) < 120:
                return tail
    return None


def _inherit(sections: list[Section]) -> None:
    """Papers in a pack are for the meeting of the pack's agenda (or, with no
    agenda, of the minutes they follow): they take its date and body."""
    agenda = next((s for s in sections if s.kind == "agenda" and s.meeting_date), None)
    last: Section | None = None
    for s in sections:
        if s.kind in ("minutes", "agenda"):
            if s.kind == "minutes" and not s.body and agenda:  # earlier minutes of the pack's body
                s.body = agenda.body
            last = s
            continue
        host = agenda or last
        if host is None:
            continue
        if s.kind != "strategy":
            s.meeting_date = s.meeting_date or host.meeting_date
            s.body = s.body or host.body
