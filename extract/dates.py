"""Dates in UK papers: find candidates with our own patterns, then parse them
with one shared dateparser (English only, day first). dateparser is never run
over free text: its ``search_dates`` takes "25%", "may" and phone numbers for
dates."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from minutes.extract.lexicon import MONTHS, WEEKDAYS, alternation
from minutes.extract.periods import find_periods
from minutes.extract.records import Due, Precision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

# A month or weekday name, full or abbreviated, capitalised ("June", "Sept", "Wed"); the
# patterns that take any case say so.
MONTH = alternation(form.title() for forms in MONTHS for form in forms)
WEEKDAY = alternation(form.title() for forms in WEEKDAYS for form in forms)
WEEKDAY_FULL = alternation(forms[0].title() for forms in WEEKDAYS) + r"\b"
ORDINAL = r"\d{1,2}\s*(?:st|nd|rd|th){0,2}"  # "10thth" is a slip for "10th"
# "Wednesday, 4th March, 2015", "15 February 2011", "March 4, 2015", "19th February", "March 9th"
DAY_MONTH = rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{ORDINAL}\s+(?:of\s+)?{MONTH}\.?(?:,?\s+\d{{4}})?"
# US order without the year only with the ordinal's letters: "Thursday, March 9th" ("May 5" is not one)
MONTH_DAY = rf"(?:{WEEKDAY},?\s+)?{MONTH}\.?\s+(?:{ORDINAL},?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)\b)"
# "31/03/15", "2.2.15": not part of a longer run of figures ("1.2.3.4"); a full stop after it ends the sentence
NUMERIC = r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/]|\.\d)"
MONTH_YEAR = rf"{MONTH}\.?,?\s+\d{{4}}"
DATE_PATTERN = re.compile(rf"\b(?:{DAY_MONTH}|{MONTH_DAY}|{NUMERIC}|{MONTH_YEAR})\b", re.I)
FULL_DATE = re.compile(rf"\b(?:{DAY_MONTH}|{MONTH_DAY}|{NUMERIC})\b", re.I)
# A year written out ("2011"), and a date that gives its year either so or in figures ("11/01/11").
YEAR_NUMBER = re.compile(r"\d{4}")
DATED_YEAR = re.compile(r"\d{4}|\d[/.]\d{1,2}[/.]\d")
# What dateparser reads better without: "4 th" -> "4th", "10thth" -> "10th", "the 4th of March" -> "4th March".
_SPACED_ORDINAL = re.compile(r"(\d)\s*(st|nd|rd|th)(?:st|nd|rd|th)?\b")
_THE_OF = re.compile(r"\bthe\s+|\bof\s+", re.I)


@lru_cache(maxsize=64)
def _parser(base: date | None, prefer_future: bool) -> DateDataParser:
    # One parser per meeting date: building one costs far more than a parse.
    # dateparser loads on first use: query commands never parse dates.
    from dateparser.date import DateDataParser
    settings: dict[str, str | datetime] = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                "PREFER_DATES_FROM": "future" if prefer_future else "current_period"}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


# A date written out whole with its year in figures, which dateparser reads as that day whatever
# ``base`` says: "Tuesday, 15 February 2011", "4th March, 2015", "APRIL 18, 2006", "02/03/2011" (day first).
# These are read here (a call into dateparser costs as much as extracting a page); all else goes to it.
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
# dateparser reads no "Thur"/"Thurs" (it fails such a date): those stay its to fail
_READ_WEEKDAY = alternation(form.title() for forms in WEEKDAYS for form in forms if form not in ("thur", "thurs"))
_YEAR = r"(?:19|20)\d{2}"
_WHOLE_DATE = re.compile(
    rf"(?:{_READ_WEEKDAY}\.?,?\s+)?(?:(?P<d1>{_DAY})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH})\.?"
    rf"|(?P<m2>{MONTH})\.?\s+(?P<d2>{_DAY})(?:st|nd|rd|th)?),?\s+(?P<y1>{_YEAR})"
    rf"|(?P<d3>{_DAY})/(?P<n>0?[1-9]|1[0-2])/(?P<y2>{_YEAR})", re.I)
_MONTH_NUMBER = {form: n for n, forms in enumerate(MONTHS, 1) for form in forms}


def _whole_date(m: re.Match[str]) -> tuple[date, Precision] | None:
    """The day a match of ``_WHOLE_DATE`` names (None for no such day: "31 February")."""
    name = m.group("m1") or m.group("m2")
    month = _MONTH_NUMBER[name.lower()] if name else int(m.group("n"))
    day = int(m.group("d1") or m.group("d2") or m.group("d3"))
    try:
        return date(int(m.group("y1") or m.group("y2")), month, day), "day"
    except ValueError:
        return None


def parse_date(text: str, base: date | None = None, prefer_future: bool = False) -> tuple[date, Precision] | None:
    """Parse one date expression (already found by a pattern). ``base`` fills a
    missing year; ``prefer_future`` picks the next such date after ``base``."""
    cleaned = _SPACED_ORDINAL.sub(r"\1\2", text.strip())
    cleaned = _THE_OF.sub("", cleaned)
    whole = _WHOLE_DATE.fullmatch(cleaned)
    if whole:
        return _whole_date(whole)
    data = _parser(base, prefer_future).get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    precision: Precision = {"day": "day", "month": "month", "year": "year"}.get(data.period or "day", "day")  # type: ignore[assignment]
    return data.date_obj.date(), precision


def first_full_date(text: str) -> tuple[date, int, int] | None:
    """The first date with day, month and year in ``text``, else one whose month
    name the text layer broke with a space ("8th Jul y 2013", "14th Se ptember 2020")."""
    for m in FULL_DATE.finditer(text):
        if not DATED_YEAR.search(m.group(0)):
            continue
        parsed = parse_date(m.group(0))
        if parsed and parsed[1] == "day":
            return parsed[0], m.start(), m.end()
    for m in BROKEN_MONTH_DATE.finditer(text):
        if f"{m.group('a')}{m.group('b')}".lower() in _FULL_MONTHS:
            parsed = parse_date(f"{m.group('day')} {m.group('a')}{m.group('b')} {m.group('year')}")
            if parsed and parsed[1] == "day":
                return parsed[0], m.start(), m.end()
    return None


_FULL_MONTHS = frozenset(forms[0] for forms in MONTHS)
# A day, a month name cut in two by one space, and a year: the halves are checked to spell a month.
BROKEN_MONTH_DATE = re.compile(r"\b(?P<day>\d{1,2})\s*(?:st|nd|rd|th)?\s+(?P<a>[A-Za-z]{1,8}) (?P<b>[a-z]{1,8}),?\s+"
                               r"(?P<year>(?:19|20)\d\d)\b")


# Deadlines: a candidate phrase is found first, then parsed with the one parser.
_DATE_OR_MONTH = rf"(?:{DAY_MONTH}|{MONTH_DAY}|{NUMERIC}|{MONTH}\.?(?:,?\s+\d{{4}})?)"
# "the next meeting", "the March Safer Essex meeting", "their meeting in October", "its meeting on 22 May 2005";
# not "the next Annual General Meeting", which is not the body's next meeting
MEETING_REF = re.compile(
    rf"\b(?i:the|their|its|our|this|a)\s+(?P<next>(?i:next)\s+)?(?:(?P<month>(?i:{MONTH}))\s+)?"
    rf"(?!(?i:annual|extraordinary|special)\s)(?:[A-Z][\w&'-]*\s+){{0,4}}(?i:meeting)(?:\s+(?i:in|on|of)\s+(?P<when>(?i:{_DATE_OR_MONTH})))?"
    rf"|\b(?i:next\s+meeting)\b")
# "by 9 March", "Due date: 13/02/2015", "by w/c 9th February" (the week's first day)
DEADLINE = re.compile(
    # "a site visit is arranged for 14 May": the day the task is set for (not "set for", a precept's sum)
    rf"\b(?:by|before|prior\s+to|no\s+later\s+than|not\s+later\s+than|until|(?:deadline|due|target)\s+date:?|"
    rf"(?:scheduled|arranged|planned|booked|fixed)\s+for|"
    rf"deadline:?|due:?|(?=w/c|w\.c\.|week\s+commencing))\s*(?:(?:w/c|w\.c\.|week\s+commencing)\s+)?"
    rf"(?:[^.;()]{{0,60}}?\bon\s+)?(?:the\s+)?(?P<end>end\s+(?:of\s+)?)?(?:(?:early|mid|late)[- ]\s*(?={MONTH}))?"
    rf"(?P<when>{_DATE_OR_MONTH}|(?:19|20)\d{{2}}\s*[/-]\s*(?:\d{{2}}|\d{{4}})\b)", re.I)
# A month-only deadline is that month's meeting only when the task is to report
# back to the body ("report back in June"), not for other work ("promote it in June").
REPORT_BACK = re.compile(r"\b(?:report|present|bring|brought|back|update|submit|table)\w*\b", re.I)
IN_MONTH = re.compile(rf"\b(?:in|during)\s+(?:early\s+|mid[- ]|late\s+)?(?P<when>{MONTH}(?:\s+\d{{4}})?)\b")
# Deadlines counted from the meeting itself: "by (the) end of the month" (the meeting's month), "by the end
# of next month", "later in the month" (the month, no day), "on Friday" (the first such day after it).
OWN_MONTH_END = re.compile(r"\b(?:by|before|at|for)\s+(?:the\s+)?end\s+of\s+(?P<which>the|this|next)\s+month\b", re.I)
LATER_THIS_MONTH = re.compile(r"\blater\s+(?:in\s+the|this)\s+month\b", re.I)
# "by the end of the financial year": 31 March of the meeting's financial year
OWN_YEAR_END = re.compile(r"\b(?:by|before|at|for)\s+the\s+end\s+of\s+(?:the|this)\s+(?:current\s+)?financial\s+year\b",
                          re.I)
# Not a day given a date ("Friday 15th") or a week, nor days that recur: "on Tuesday evenings", "on Saturday and
# Thursday", "Monday to Friday".
ON_WEEKDAY = re.compile(rf"\b(?i:on|by|before|until|this)\s+(?P<day>{WEEKDAY_FULL})"
                        rf"(?!\s*,?\s*(?:the\s+)?\d|\s+(?i:week|(?:morning|afternoon|evening|night)s)\b|"
                        rf"\s*(?:,|&|-|–|\b(?i:and|or|to)\b)\s*(?i:{WEEKDAY_FULL}))")
_WEEKDAY_NUMBER = {forms[0]: n for n, forms in enumerate(WEEKDAYS)}
VAGUE = re.compile(
    r"\b(?:as\s+soon\s+as\s+(?:possible|practicable)|asap|a\.s\.a\.p\.?|in\s+the\s+next\s+few\s+\w+|"
    r"immediately|ongoing|on-going|in\s+due\s+course|shortly|next\s+week|this\s+week|"
    r"prior\s+to\s+[a-z]+ing\b[^.;]*|for\s+the\s+(?:spring|summer|autumn|winter)|"
    # words that set a deadline the record does not date: a feast, the annual meeting, a span from now
    r"(?:by|before)\s+christmas|(?:by|before|prior\s+to|at|for)\s+the\s+(?:next\s+)?(?:agm|annual\s+general\s+meeting)|"
    r"within\s+(?:the\s+next\s+)?(?:a|an|\w+)\s+(?:days?|weeks?|months?))\b", re.I)


def financial_year_end(text: str) -> date | None:
    """The last day (31 March) of a financial year written "2006/07"."""
    years = [p for p in find_periods(text) if p.financial]
    return date(int(years[0].period[:4]) + 1, 3, 31) if years else None


def _meeting_in_month(month: date, meetings: list[date]) -> date | None:
    return next((d for d in meetings if (d.year, d.month) == (month.year, month.month)), None)


def _month_end(day: date) -> date:
    return (date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1))


def _resolve(when: str, base: date | None, meetings: list[date], to_meeting: bool = True,
             month_end: bool = False) -> tuple[date, Precision] | None:
    fy = financial_year_end(when)
    if fy:
        return fy, "financial_year"
    if base is None and not DATED_YEAR.search(when):
        return None  # no year and no meeting date to take it from
    parsed = parse_date(when, base, prefer_future=True)
    if parsed is None:
        return None
    when_date, precision = parsed
    if precision == "month" and base and not YEAR_NUMBER.search(when) and \
            (when_date.year, when_date.month) == (base.year + 1, base.month):
        when_date = when_date.replace(year=base.year)  # "Due: July" in July's minutes is this July
    if precision == "month":
        if month_end:  # "by the end of February"
            return _month_end(when_date), "day"
        # "report back in October": the body's own meeting that month, where it is known
        meeting = _meeting_in_month(when_date, meetings) if to_meeting else None
        if meeting:
            return meeting, "day"
    return when_date, precision


def find_deadline(text: str, base: date | None = None, meetings: list[date] | None = None) -> Due | None:
    """The deadline a task sentence gives, as ``Due`` (``None`` when it gives
    none). ``base`` is the meeting date; ``meetings`` the body's future
    meeting dates in order, the first being the next meeting."""
    meetings = meetings or []
    for pattern in (DEADLINE, MEETING_REF, IN_MONTH):
        if pattern is MEETING_REF:
            relative = _from_meeting(text, base)  # a date written out comes first
            if relative:
                return relative
        for m in pattern.finditer(text):
            when = m.groupdict().get("when")
            if pattern is MEETING_REF and not (when or m.group("next") or m.group("month") or
                                               m.group(0).lower().startswith("next")):
                continue  # "the meeting", "the last meeting"
            if when:
                to_meeting = pattern is MEETING_REF or (
                    pattern is IN_MONTH and bool(REPORT_BACK.search(text, 0, m.start())))
                resolved = _resolve(when, base, meetings, to_meeting, bool(m.groupdict().get("end")))
            elif m.group("month"):
                resolved = _resolve(m.group("month"), base, meetings)
            else:
                resolved = (meetings[0], "day") if meetings else None
            if resolved:
                return Due(m.group(0).strip(), resolved[0], resolved[1])
            return Due(m.group(0).strip())
    vague = VAGUE.search(text)
    return Due(vague.group(0).strip()) if vague else None


def _from_meeting(text: str, base: date | None) -> Due | None:
    """A deadline that only the meeting's own date fixes (see ``OWN_MONTH_END``); None without that date."""
    if base is None:
        return None
    m = OWN_MONTH_END.search(text)
    if m:
        month = _month_end(base) + timedelta(days=1) if m.group("which").lower() == "next" else base
        return Due(m.group(0), _month_end(month), "day")
    m = LATER_THIS_MONTH.search(text)
    if m:
        return Due(m.group(0), base.replace(day=1), "month")
    m = OWN_YEAR_END.search(text)
    if m:
        return Due(m.group(0), date(base.year + (base.month >= 4), 3, 31), "day")
    m = ON_WEEKDAY.search(text)
    if m:
        ahead = (_WEEKDAY_NUMBER[m.group("day").lower()] - base.weekday() - 1) % 7 + 1
        return Due(m.group(0), base + timedelta(days=ahead), "day")
    return None
