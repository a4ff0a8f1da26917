"""Sums of money as written in UK papers, parsed to exact pounds (Decimal).

Running text: "£133,000", "£5m", "£1.2M", "£15.4bn", "£720k", "£ 4,000",
"£40million" (also split over a line break), ranges "£150–170k" and
"£150k-£170k", "£3,275 +VAT", "£64.00 per head" (a rate), "40 million pounds";
sums in other currencies ("$250,000", "US$2m", "€1.5m", "EUR 400") are read
with their currency, never converted; thousands written bare, as finance
reports do ("an underspend of 24k", "(116K)"), where the text is about money.
Table cells: "1,662" scaled by a "£000" header, "(95)" and "(95K)" negatives,
"-" and "N/A" as no value."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from minutes.extract.intervals import Taken

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Longest first so "million" is not read as "m" + "illion".
_SCALE = r"tn|trillion|bn|billion|mn|million|m|k|thousand"
_SCALES = {"k": Decimal(1_000), "thousand": Decimal(1_000), "m": Decimal(1_000_000),
           "mn": Decimal(1_000_000), "million": Decimal(1_000_000),
           "bn": Decimal(1_000_000_000), "billion": Decimal(1_000_000_000),
           "tn": Decimal(1_000_000_000_000), "trillion": Decimal(1_000_000_000_000)}


def _amount(n: str, s: str) -> str:
    return rf"(?P<{n}>{_NUMBER})(?![\d/]|,\d)(?:\s*(?P<{s}>{_SCALE})\b)?"



# Only a dash makes a range: "from £5m to £6m" is a change, two sums.
_DASH = r"\s?[-–—]\s?"
# The currencies a sum is written in, by the sign or code printed before it.
CURRENCIES = {"£": "GBP", "gbp": "GBP", "$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR"}
MONEY = re.compile(
    r"(?P<neg>(?<![\w)])[-−](?=[£$€]|US\$))?(?P<cur>£|GBP\s?|US\$|(?<![A-Za-z])\$|USD\s?|€|EUR\s?)\s?"
    + _amount("n1", "s1") + rf"(?:{_DASH}(?:£|\$|€)?\s?" + _amount("n2", "s2") + r")?"
    + r"(?P<vat>\s?(?:\+|plus|inc\.?|incl\.?|ex\.?|excl\.?|exc\.?)\s?VAT)?",
    re.I)
# "40 million pounds", "5,000 pounds" (never "millions of pounds": no number)
POUNDS_WORD = re.compile(rf"(?<![\d£.,])(?P<n1>{_NUMBER})(?:\s*(?P<s1>{_SCALE}))?\s+pounds\b", re.I)
# What follows a rate: "per head", "per non-PDU", "a head", "a month", "each", "per client per week"
# Matched at a position (``_RATE.match(text, end)``): slicing the rest of the text for each sum was quadratic.
_RATE = re.compile(r"\s*(?:per\s+(?!annum\b|year\b|cent\b)\S|a\s+(?:head|day|night|week|month)\b"
                   r"|each\b(?!\s+(?:year|annum))|/\s?(?:head|person|hour|day|week|month|client)\b)", re.I)
# Finance reports write thousands of pounds without a sign: "surplus of 24k", "Month (4K) and YTD (13K)".
# Read only in a text about money (_MONEY_TALK), and never before a word that counts something else.
_BARE_THOUSANDS = re.compile(
    rf"(?<![\w£$€.,/-])(?P<n1>{_NUMBER})\s?(?P<s1>k)\b(?![-/]\w)"
    r"(?!\s*(?:runs?|race|walk|miles|steps|words|followers|views|members|people|visitors|users|signatures"
    r"|hits|tv|video|resolution|screens?|monitors?|pixels|cars|vehicles)\b)", re.I)
_THOUSANDS_MARK = re.compile(r"\d ?[kK]\b")  # what every _BARE_THOUSANDS holds: a cheap search to rule texts out
_MONEY_TALK = re.compile(
    r"\b(?:budget\w*|underspen\w*|overspen\w*|spend\w*|spent|costs?|costing|income|deficit|surplus|variance"
    r"|fund(?:s|ed|ing)?|grants?|payroll|reserves?|forecasts?|savings?|expenditure|fees|invoices?|amount"
    r"|ytd|year\s+to\s+date|turnover|revenue|profit|loss|paid|pay)\b", re.I)
# A table cell holding one value: "1,662", "(95)", "-12.5", "£769K", "(£1.2m)"
CELL = re.compile(rf"^\s*(?P<open>\()?\s*(?P<neg>[-−–])?\s*(?:£|GBP)?\s?(?P<n>{_NUMBER})\s*(?P<s>{_SCALE})?"
                  r"\s*\)?\s*\*?\s*$", re.I)
# A header cell that only names the unit of the figures below: "£000", "£'000s", "(£000's)"
_UNIT_CELL = re.compile(r"^\s*\(?\s*£\s?'?0{3}'?s?\s*\)?\s*$")
_HEADER_SCALE = re.compile(
    r"£\s?'?0{3}'?s?|£\s?k\b|£\s?m\b|£\s?(?:thousands?|millions?)\b|\(\s?£?\s?'?0{3}'?s?\s?\)"
    r"|\b(?:GBP|£)\s?'?0{3}|\bin\s+thousands\b|£\s?bn\b", re.I)
# What every sum in running text holds (a sign or code of CURRENCIES, or POUNDS_WORD's "pounds"): a text
# without one holds no sum. Made from CURRENCIES, so a currency added there is never gated out here.
# Looked for as substrings of the case-folded text (what MONEY's re.I matches): five times faster than a
# regex of them, on the tens of thousands of blocks and cells a batch gates.
_SUM_MARKS = tuple(sorted({*CURRENCIES, "pounds"}))
# A currency said without a multiplier: the figures are pounds.
_CURRENCY = re.compile(r"£|\bGBP\b|\bpounds\b", re.I)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    text: str
    start: int  # span in the searched text
    end: int
    high: Decimal | None = None  # upper end of a range
    rate: bool = False
    scaled: bool = False  # the text carried its own multiplier ("£5m")
    currency: str = "GBP"  # ISO 4217, as printed


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _scale(word: str | None) -> Decimal:
    return _SCALES[word.lower()] if word else Decimal(1)


def _range_scales(s1: str | None, s2: str | None) -> tuple[Decimal, Decimal]:
    # "£150–170k": the multiplier written once covers both ends.
    return _scale(s1 or s2), _scale(s2 or s1)


def find_money(text: str) -> list[Money]:
    """Every sum of money in running text, with its span in ``text``."""
    if not may_hold_money(text):
        return []
    out: list[Money] = []
    for m in MONEY.finditer(text):
        if m.group("n1") == "000":
            continue  # "(£000)": a unit said for the figures of a table, no sum
        if m.group("n2") and not _plausible_range(m):
            # "£500 - 20 bids": not a range, keep the first sum
            end = m.end("s1") if m.group("s1") else m.end("n1")
            single = _single(text, m.group("neg"), m.group("n1"), m.group("s1"), m.start(), end)
            out.append(Money(single.amount, single.text, single.start, single.end, rate=single.rate,
                             scaled=single.scaled, currency=_currency(m.group("cur"))))
            continue
        low_scale, high_scale = _range_scales(m.group("s1"), m.group("s2"))
        sign = -1 if m.group("neg") else 1
        amount = sign * _number(m.group("n1")) * low_scale
        high = _number(m.group("n2")) * high_scale if m.group("n2") else None
        out.append(Money(amount, m.group(0).strip(), m.start(), m.end(), high,
                         rate=bool(_RATE.match(text, m.end())),
                         scaled=bool(m.group("s1") or m.group("s2")), currency=_currency(m.group("cur"))))
    taken = Taken((o.start, o.end) for o in out)
    for m in POUNDS_WORD.finditer(text):
        if not taken.covers(m.start()):
            out.append(_single(text, None, m.group("n1"), m.group("s1"), m.start(), m.end()))
    if _bare_thousands(text) and _MONEY_TALK.search(text):
        # bracketed in running text, as "underspend (10k)", the words give the sign: the sum is kept positive
        taken = Taken((o.start, o.end) for o in out)
        out.extend(_single(text, None, m.group("n1"), m.group("s1"), m.start(), m.end())
                   for m in _BARE_THOUSANDS.finditer(text) if not taken.covers(m.start()))
    return _between(text, sorted(out, key=lambda x: x.start))


_BETWEEN = "between"
_AND = re.compile(r"\s+and\s+", re.I)


def _between(text: str, found: list[Money]) -> list[Money]:
    """"between £150k and £170k" is one range, as "£150k-£170k" is."""
    out: list[Money] = []
    for money in found:
        low = out[-1] if out else None
        if low is not None and low.high is None and not money.rate and money.amount >= low.amount >= 0 \
                and _AND.fullmatch(text, low.end, money.start) and _after_between(text, low.start):
            out[-1] = Money(low.amount, text[low.start:money.end], low.start, money.end, money.amount,
                            rate=money.rate, scaled=low.scaled or money.scaled)
            continue
        out.append(money)
    return out


def _after_between(text: str, position: int) -> bool:
    """The word "between" and blanks stand just before ``position``; read
    backwards over the blanks only, so a long text is not searched once per sum."""
    i = position
    while i > 0 and text[i - 1].isspace():
        i -= 1
    start = i - len(_BETWEEN)
    return i < position and start >= 0 and text[start:i].lower() == _BETWEEN \
        and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_"))


def _plausible_range(m: re.Match) -> bool:
    """The upper end of a range is no smaller than the lower."""
    low_scale, high_scale = _range_scales(m.group("s1"), m.group("s2"))
    return _number(m.group("n2")) * high_scale >= _number(m.group("n1")) * low_scale


def _currency(sign: str) -> str:
    return CURRENCIES[sign.strip().lower()]


def _single(text: str, neg: str | None, number: str, scale: str | None, start: int, end: int) -> Money:
    sign = -1 if neg else 1
    return Money(sign * _number(number) * _scale(scale), text[start:end].strip(), start, end,
                 rate=bool(_RATE.match(text, end)), scaled=bool(scale))


# Pence as printed: "£720.00", "£1,527.37"; not the decimals of a multiplier ("£3,234.7k", "£1.25m").
_PENCE = re.compile(rf"\d\.\d{{2}}(?!\d)(?!\s?(?:{_SCALE})\b)", re.I)
SIGNS = {"GBP": "£", "USD": "$", "EUR": "€"}


def printed_pence(text: str) -> bool:
    return bool(_PENCE.search(text))


def format_amount(amount: Decimal, currency: str = "GBP", pence: bool = False) -> str:
    """"£1,234,567", or "£720.00" where the paper printed pence (or the sum
    has them); "XYZ 5" for a currency with no sign."""
    places = 2 if pence or amount != amount.to_integral_value() else 0
    figure = f"{amount:,.{places}f}"
    sign = SIGNS.get(currency)
    if sign is None:
        return f"{currency} {figure}"
    return f"-{sign}{figure[1:]}" if figure.startswith("-") else f"{sign}{figure}"


def parse_cell(text: str) -> tuple[Decimal, bool] | None:
    """The value of a table cell holding one number, with whether the cell
    carried its own multiplier; None for text, blanks, "-" and "N/A".
    Brackets mean a negative, as in accounts: "(95)" is -95; "£000" is a unit, no value."""
    if is_unit(text):
        return None
    m = CELL.match(text.replace("\u00a0", " "))
    if not m or (m.group("open") and not text.strip().endswith(")")):
        return None
    value = _number(m.group("n")) * _scale(m.group("s"))
    negative = bool(m.group("open") or m.group("neg"))
    return (-value if negative else value), bool(m.group("s"))


def is_unit(text: str) -> bool:
    return bool(_UNIT_CELL.match(text))


def header_scale(text: str) -> Decimal | None:
    """The multiplier a table or column header sets: "£000" and "£k" are
    thousands, "£m" millions; a plain "£" is pounds; None when no currency is said."""
    m = _HEADER_SCALE.search(text)
    if m:
        marker = m.group(0).lower()
        if "bn" in marker:
            return Decimal(1_000_000_000)
        if "m" in marker.replace("£", "").replace("gbp", "").replace("thousand", ""):
            return Decimal(1_000_000)
        return Decimal(1_000)
    if _CURRENCY.search(text):
        return Decimal(1)
    return None


def may_hold_money(text: str) -> bool:
    """Whether ``text`` may hold a sum: without a currency word or sign, or a bare "24k", it holds none."""
    return any(map(text.casefold().__contains__, _SUM_MARKS)) or _bare_thousands(text)


def _bare_thousands(text: str) -> bool:
    return _THOUSANDS_MARK.search(text) is not None and _BARE_THOUSANDS.search(text) is not None


def is_money_text(text: str) -> bool:
    return bool(find_money(text))
