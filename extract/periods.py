"""Financial years and other periods a sum of money or a target belongs to.

UK public bodies count money in financial years running April to March,
written "2010/11", "2010-11", "2010/2011", "2007/8", "FY 2010-11" or, in
tables, "08/09". They are normalised to "2010/11". Relative phrases ("this
financial year", "next year") resolve against the meeting date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from minutes.extract.intervals import Taken
from minutes.extract.lexicon import PRECEPT_PAID, PRECEPT_SETTING, alternation

# "2010/11", "2010-11", "2010/2011", "2007/8", "2010 – 11"; the second half must follow the first.
_FY_LONG = r"(?<![\d/£$.,])((?:19|20)\d{2})\s?[/\-–]\s?(\d{4}|\d{1,2})(?![\d/%]|\.\d)"
# "08/09", "04/05": only two-digit pairs that follow each other, never part of a date "04/05/2010".
_FY_SHORT = r"(?<![\d/£$.,])(\d{2})/(\d{2})(?![\d/%]|\.\d)"
FY_PATTERN = re.compile(rf"{_FY_LONG}|{_FY_SHORT}")
_RELATIVE = re.compile(
    r"\b(?P<which>this|current|the\s+current|next|following|coming|last|previous|prior)\s+"
    r"(?:financial\s+|fiscal\s+|budget\s+)?year\b", re.I)
# A calendar year counts only when a preposition ties it to what is said: "in 2008", "by 2010".
# A year of the calendar: "2008", "1999".
CALENDAR_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_CALENDAR = re.compile(r"\b(?:in|for|during|by|from|of)\s+((?:19|20)\d{2})\b(?![/\-–]\s?\d)", re.I)
# What each kind of period needs, tested before its pattern is run (most texts, figures in a table among
# them, hold none): FY_PATTERN a "/" or dash between its halves, _RELATIVE "year", _CALENDAR "19" or "20".
_FY_SEPARATORS = ("/", "-", "–")
_CENTURIES = ("19", "20")
_OFFSET = {"this": 0, "current": 0, "next": 1, "following": 1, "coming": 1,
           "last": -1, "previous": -1, "prior": -1}


# A precept (what a parish or town council asks of its billing authority) is set in the winter for the
# financial year that begins the April after: "resolved to set the precept at £2,700" in January 2016 is
# for 2016/17. What is received or paid of it belongs to the year it is received in.
_PRECEPT_SET = re.compile(rf"\b(?:{alternation(PRECEPT_SETTING)})\b", re.I)
_PRECEPT_PAID = re.compile(rf"\b(?:{alternation(PRECEPT_PAID)})\b", re.I)
PRECEPT_SEASON = (10, 11, 12, 1, 2, 3)  # the months precepts are set in (the billing authority's deadline is March)


@dataclass(frozen=True)
class PeriodMention:
    period: str
    start: int
    end: int
    financial: bool  # a financial year (explicit or resolved), not a bare calendar year


def fy_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def financial_year_of(day: date) -> str:
    """The UK financial year (April to March) holding ``day``."""
    return fy_label(day.year if day.month >= 4 else day.year - 1)


def precept_year(sentence: str, meeting_date: date | None) -> str | None:
    """The financial year of a precept ``sentence`` says was set at a meeting of ``meeting_date``: the one
    beginning the April after, when the meeting falls in the precept season; else None."""
    if meeting_date is None or meeting_date.month not in PRECEPT_SEASON:
        return None
    if not _PRECEPT_SET.search(sentence) or _PRECEPT_PAID.search(sentence):
        return None
    return fy_label(meeting_date.year + 1 if meeting_date.month >= 10 else meeting_date.year)


def _fy_start(first: str, second: str) -> int | None:
    """Start year of a financial year written as ``first``/``second``, or None
    when the halves are not consecutive years (so "2003/2008" is no year)."""
    if len(first) == 2:
        start = 2000 + int(first) if int(first) < 70 else 1900 + int(first)
    else:
        start = int(first)
    end = int(second)
    if len(second) == 4:
        return start if end == start + 1 else None
    if len(second) == 1:
        return start if end == (start + 1) % 10 else None
    return start if end == (start + 1) % 100 else None


def normalise_period(text: str) -> str | None:
    """"2010-11", "2010/2011", "FY 2007/8" -> "2010/11"; a lone year -> "2008"."""
    m = FY_PATTERN.search(text)
    if m:
        first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        start = _fy_start(first, second)
        if start is not None:
            return fy_label(start)
    m = CALENDAR_YEAR.search(text)
    return m.group(0) if m else None


def find_periods(text: str, meeting_date: date | None = None) -> list[PeriodMention]:
    """Every period named in ``text``, in text order: financial years, relative
    years resolved against ``meeting_date``, and calendar years tied by a preposition."""
    out: list[PeriodMention] = []
    if any(map(text.__contains__, _FY_SEPARATORS)):
        for m in FY_PATTERN.finditer(text):
            first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            start = _fy_start(first, second)
            if start is not None:
                out.append(PeriodMention(fy_label(start), m.start(), m.end(), True))
    if meeting_date is not None and "year" in text.casefold():
        this_year = int(financial_year_of(meeting_date)[:4])
        for m in _RELATIVE.finditer(text):
            which = m.group("which").lower().split()[-1]
            out.append(PeriodMention(fy_label(this_year + _OFFSET[which]), m.start(), m.end(), True))
    if any(map(text.__contains__, _CENTURIES)):
        taken = Taken((p.start, p.end) for p in out)
        for m in _CALENDAR.finditer(text):
            if not taken.covers(m.start(1)):
                out.append(PeriodMention(m.group(1), m.start(1), m.end(1), False))
    return sorted(out, key=lambda p: p.start)
