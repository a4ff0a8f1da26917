"""The next meeting's date, time and venue ("Date of next meeting: 11th March
2010 at 9.30 am Committee Room 2", or a "Next Meeting" item with Date: /
Time: / Venue: lines), and the later meeting dates a document lists, which
deadlines such as "the March meeting" resolve to."""
from __future__ import annotations

import re
from datetime import date

from minutes.extract.dates import DATE_PATTERN, MONTH, YEAR_NUMBER, parse_date
from minutes.extract.document import Block
from minutes.extract.lexicon import BODY_WORDS, VENUE_WORDS
from minutes.extract.records import ExtractedDocument, NextMeeting, Section, Span

# An item's reference before its heading: "9.", "9.0", "23/045", "TB/23/041", "PC12".
_ITEM_REF = r"(?:(?:[A-Z]{1,4}/?)?\d+(?:[./]\d+)*[a-z]?[.)]?\s*)?"
NEXT_HEAD = re.compile(  # matched at a line's start, after any bullet ("o Next meeting – ...")
    r"\W*(?:o\s+)?" + _ITEM_REF + r"(?:forward\s+agenda\s+(?:and|&)\s+)?"  # "9.0 Forward agenda and date of"
    r"(?:(?:dates?|times?|details)(?:,?\s+(?:time|venue|and|place|&)){0,4}\s+of\s+(?:the\s+)?)?"
    r"(?:next|future|forthcoming)\s+meetings?\b\s*(?:[:\-–]|will\s+be(?:\s+held)?(?:\s+on)?|is(?:\s+on)?)?\s*",
    re.I)  # "Dates of future meetings: 4 June, 2 July ...": the first is the next
# "The next meeting will be held on ...", "the next meeting was scheduled for ...", "their next formal meeting on ..."
NEXT_SENTENCE = re.compile(r"\b(?:the\s+|their\s+|our\s+|its\s+)?next\s+(?P<whose>(?:[\w&]+\s+){0,2})meeting\s+"
                           r"(?:of\s+[^.]{0,60}?)?(?:(?:will\s+be|is|was|has\s+been)\s+"
                           r"(?:held\s+|arranged\s+|scheduled\s+|provisionally\s+|set\s+)*(?:for\s+|on\s+)?|on\s+|"
                           r"(?:will\s+)?takes?\s+place\s+(?:on\s+)?)",  # "The next meeting will take place on ..."
                           re.I)
SENTENCE_REACH = 60
# "the next Board meeting in November": the month alone
NEXT_MONTH = re.compile(rf"\bnext\s+(?P<whose>(?:[\w&]+\s+){{0,2}})meeting\s+"
                        rf"(?:will\s+(?:be|take\s+place)\s+|takes\s+place\s+)?in\s+"
                        rf"(?P<when>{MONTH}(?:\s+\d{{4}})?)\b", re.I)
LATER_DATES = re.compile(r"^\W*(?:future\s+)?(?:meeting\s+)?dates\b[^:]{0,40}:?", re.I)
TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.?|p\.m\.?|noon)(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?"
                  r"\s*(?:am|pm|a\.m\.?|p\.m\.?))?|\b\d{1,2}[.:]\d{2}\b", re.I)
FIELD = re.compile(r"^\s*(date|time|venue|place|location|where)\s*:\s*(.+)$", re.I)
WORD = re.compile(r"[^\W_][\w'’.-]*")  # a venue's words ("Mandy’s", "St.", "1")
# What joins a date to the venue after it: ", at the Town Hall", "– Committee Room 2".
VENUE_LEAD = re.compile(r"^\s*(?:,|at|in|–|-)\s*(?:the\s+(?=[A-Z]))?")  # "in the Village Hall"


# Words NEXT_HEAD, NEXT_SENTENCE and NEXT_MONTH all hold ("meeting" and one of the others): a block
# without them is not read for the next meeting.
_CUE_WORDS = ("next", "future", "forthcoming")


def _may_name_next(block: Block) -> bool:
    folded = block.text.casefold()
    return "meeting" in folded and any(w in folded for w in _CUE_WORDS)


def extract_next_meeting(section: Section) -> NextMeeting | None:
    """The next meeting as the document states it: a "Next meeting" heading
    or line with its date, a sentence giving the date, else the month alone."""
    return _dated_next_meeting(section) or _next_month(section)


def _own(m: re.Match, section: Section) -> bool:
    """Whether "the next X meeting" is this body's: X is a plain word ("formal")
    or a body's noun or a word of its name or title ("Board"), not another group's ("the next SAG meeting")."""
    own = {w.lower() for w in re.findall(r"[\w&]+", f"{section.body or ''} {section.title}")} | BODY_WORDS
    return all(w.islower() or w.lower() in own for w in m.group("whose").split())


def _next_month(section: Section) -> NextMeeting | None:
    base = section.meeting_date
    for block in section.blocks:
        m = NEXT_MONTH.search(block.text) if _may_name_next(block) else None
        if m and base and _own(m, section):
            parsed = parse_date(m.group("when"), base, prefer_future=True)
            if parsed and parsed[1] == "month":
                return NextMeeting(Span(block.page, block.start, block.end), parsed[0], date_text=m.group(0),
                                   precision="month")
    return None


def _dated_next_meeting(section: Section) -> NextMeeting | None:
    blocks = section.blocks
    for i, block in enumerate(blocks):
        if not _may_name_next(block):
            continue
        m = _next_head(block.text)
        if m:
            rest = block.text[m.end():]
            fields = rest + "\n" + "\n".join(b.text for b in blocks[i + 1:i + 5])
            meeting = _meeting(fields, block, section.meeting_date)
            if meeting:
                return meeting
            continue
        m = NEXT_SENTENCE.search(block.text)
        if m and block.kind != "table" and _own(m, section):
            # the date follows the cue closely: "... will be held in the Burgh Chambers at 7 pm on 5th February"
            meeting = _meeting(block.text[m.end():], block, section.meeting_date, SENTENCE_REACH)
            if meeting and meeting.date:
                return meeting
    return None


# A "Next meeting" label printed on a later line of a block, after the close of the meeting:
# "Meeting closed at 21.40" / "Next meeting : Monday 18 February" (a colon or dash makes it a label,
# not a sentence wrapped before "next meeting").
_LABEL_SEP = re.compile(r"[:\-–]\s*$")
# "Date of next meeting", "9.0 Forward Agenda and date of next Meeting" (a minutes grid's last row)
_DATED_HEAD = re.compile(r"\W*" + _ITEM_REF + r"(?:forward\s+agenda\s+(?:and|&)\s+)?(?:date|time|details)\b",
                         re.I)


def _next_head(text: str) -> re.Match[str] | None:
    """The "Next meeting" cue that opens the block's first line, or a later line as a label;
    its span indexes ``text``."""
    start = 0
    for n, line in enumerate(text.split("\n")):
        m = NEXT_HEAD.match(text, start, start + len(line)) if len(line) < 200 else None
        if m and (n == 0 or _LABEL_SEP.search(m.group(0)) or _DATED_HEAD.match(m.group(0))):
            return m
        start += len(line) + 1
    return None


def _meeting(text: str, block: Block, base: date | None, reach: int = 200) -> NextMeeting | None:
    """Date, time and venue from the text after a "next meeting" cue, the
    date starting within ``reach`` characters of it."""
    labelled = {m.group(1).lower(): m.group(2).strip() for line in text.split("\n") if (m := FIELD.match(line))}
    date_src = labelled.get("date", text)
    dm = DATE_PATTERN.search(date_src[:200])
    if not dm or dm.start() > reach:
        return None
    parsed = parse_date(dm.group(0), base, prefer_future=True) if base or YEAR_NUMBER.search(dm.group(0)) else None
    if parsed and base and parsed[0] <= base:  # "27th February 2016" in December 2016's minutes: the year is a slip
        parsed = _after(parsed[0], base), parsed[1]
    # the time between the cue and the date ("Next meeting – 9:00am Thursday, March 9th at ..."), else after it
    before = None if labelled.get("time") else TIME.search(date_src, 0, dm.start())
    # on the date's line: a time on a line below is the meeting's own ("The Chairman closed the meeting at 8.40pm")
    time_src = labelled.get("time") or date_src[dm.end():dm.end() + 80].split("\n", 1)[0]
    tm = before or TIME.search(time_src)
    venue = labelled.get("venue") or labelled.get("place") or labelled.get("location") or labelled.get("where")
    if venue is None and "date" not in labelled:
        after = tm.end() if tm and not before and not labelled.get("time") else 0  # a time after the date
        tail = re.split(r"[\n\t]", date_src[dm.end() + after:], maxsplit=1)[0]  # the line, or a grid's cell
        tail = VENUE_LEAD.sub("", tail).strip(" .,;")
        venue = tail if 2 < len(tail) < 120 and tail[:1].isupper() and _names_a_place(tail) else None
    return NextMeeting(Span(block.page, block.start, block.end), parsed[0] if parsed else None,
                       tm.group(0).strip(" .") if tm else None, venue.strip(" .") if venue else None,
                       dm.group(0), "month" if parsed and parsed[1] == "month" else "day")


def _names_a_place(text: str) -> bool:
    """A venue's words: names ("Castle Hill Community Centre", "Richard and Mandy's", "Meeting Room 1, County
    Library") and a place's common nouns ("Village hall"), not a note ("Only urgent business", "Trial run
    for club members")."""
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in VENUE_WORDS for w in WORD.findall(text))


def _after(day: date, base: date) -> date:
    """The first date with ``day``'s day and month after ``base``."""
    for year in range(base.year, base.year + 2):
        try:
            moved = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if moved > base:
            return moved
    return day


def future_meetings(doc: ExtractedDocument) -> list[date]:
    """The next meeting's date, then later dates listed ("Dates for 2010/11:
    1st July 2010; 7th October 2010"), in order."""
    nm = doc.next_meeting
    out = [nm.date] if nm and nm.date and nm.precision == "day" else []
    base = out[0] if out else doc.section.meeting_date
    for block in doc.section.blocks:
        if block.kind != "table" and LATER_DATES.match(block.text):
            for m in DATE_PATTERN.finditer(block.text):
                parsed = parse_date(m.group(0), base, prefer_future=True)
                if parsed and (base is None or parsed[0] > base) and parsed[0] not in out:
                    out.append(parsed[0])
    return sorted(out)
