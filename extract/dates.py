"""Dates in UK papers: find candidates with our own patterns, then parse them
with one shared dateparser (English only, day first). dateparser is never run
over free text: its ``search_dates`` takes "25%", "may" and phone numbers for
dates."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from extract.records import Precision

MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
ORDINAL = r"\d{1,2}\s*(?:st|nd|rd|th)?"
# "Wednesday, 4th March, 2015", "15 February 2011", "March 4, 2015", "19th February"
DAY_MONTH = rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{ORDINAL}\s+(?:of\s+)?{MONTHS}\.?(?:,?\s+\d{{4}})?"
MONTH_DAY = rf"(?:{WEEKDAY},?\s+)?{MONTHS}\.?\s+{ORDINAL},?\s+\d{{4}}"
NUMERIC = r"\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/.])"
MONTH_YEAR = rf"{MONTHS}\.?,?\s+\d{{4}}"
DATE_PATTERN = re.compile(rf"\b(?:{DAY_MONTH}|{MONTH_DAY}|{NUMERIC}|{MONTH_YEAR})\b", re.I)
FULL_DATE = re.compile(rf"\b(?:{DAY_MONTH}|{MONTH_DAY}|{NUMERIC})\b", re.I)


@lru_cache(maxsize=64)
def _parser(base: date | None, prefer_future: bool):
    # One parser per meeting date: building one costs far more than a parse.
    from dateparser.date import DateDataParser
    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                "PREFER_DATES_FROM": "future" if prefer_future else "current_period"}
    if base:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def parse_date(text: str, base: date | None = None, prefer_future: bool = False) -> tuple[date, Precision] | None:
    """Parse one date expression (already found by a pattern). ``base`` fills a
    missing year; ``prefer_future`` picks the next such date after ``base``."""
    cleaned = re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text.strip())
    cleaned = re.sub(r"\bthe\s+|\bof\s+", "", cleaned, flags=re.I)
    data = _parser(base, prefer_future).get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    precision: Precision = {"day": "day", "month": "month", "year": "year"}.get(data.period or "day", "day")  # type: ignore[assignment]
    return data.date_obj.date(), precision


def find_dates(text: str, base: date | None = None) -> list[tuple[date, Precision, int, int]]:
    """Every date in ``text`` with its precision and span."""
    out = []
    for m in DATE_PATTERN.finditer(text):
        parsed = parse_date(m.group(0), base)
        if parsed:
            out.append((parsed[0], parsed[1], m.start(), m.end()))
    return out


def first_full_date(text: str) -> tuple[date, int, int] | None:
    """The first date with day, month and year in ``text``."""
    for m in FULL_DATE.finditer(text):
        if not re.search(r"\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2}", m.group(0)):
            continue
        parsed = parse_date(m.group(0))
        if parsed and parsed[1] == "day":
            return parsed[0], m.start(), m.end()
    return None
