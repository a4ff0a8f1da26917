"""Every sum of money in a document, one record per mention, in pounds, with
the period and purpose it belongs to and its provenance.

Running text: each "£..." mention (see ``money``), its period taken from its
sentence, its purpose from the words around it. Tables: a figure counts as
money when its column (or the table) says "£", "£000", "£m" - which also
scales it - or when the cell itself carries "£"; the row label (under its
group label) is the purpose, the column header the period, TOTAL rows are
totals."""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from minutes.extract.document import Cell
from minutes.extract.items import item_at
from minutes.extract.money import Money, find_money, header_scale, is_money_text, may_hold_money, parse_cell
from minutes.extract.nlp import MISSING_STOP
from minutes.extract.periods import PeriodMention, find_periods, precept_year
from minutes.extract.records import ExtractedDocument, Funding, FundingKind, Span
from minutes.extract.tables import HAS_WORD, Table, caption, clean, is_value

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[A-Z(£\"'“‘\d])|\n(?=\s*[-•*]|\s*\d+[.)]\s)|;\s*\n|"
                           + MISSING_STOP)
_TOTAL_ROW = re.compile(r"^\s*(?:\d+\s+)?(?:grand\s+|sub[-\s]?|net\s+|overall\s+)?totals?\b|\btotals?\s*:?\s*$", re.I)
_TOTAL_CUE = re.compile(r"\b(?:(?:a|the|in)\s+total(?:\s+of)?|totall?ing|total\s+(?:of|is|was|amount)|overall)\s*$",
                        re.I)
_COST = re.compile(r"\b(?:costs?|costing|spend|spent|spending|expenditure|overspend|price|fees?|charges?"
                   r"|pay(?:ing|ment)?|paid)\b", re.I)
_ALLOCATION = re.compile(r"\b(?:allocat\w*|fund(?:s|ed|ing)?|grants?|budgets?|awards?|awarded|bids?|contribut\w*"
                         r"|uplift|income|receiv\w*|provision|resources?)\b", re.I)
# Sums that are not the body's money to spend: a national estimate, money in the bank, a price quoted,
# a bill paid. Kept and listed, never added up as spending.
_ESTIMATE = re.compile(r"\b(?:cost\s+to\s+(?:society|the\s+(?:nation|economy|country|taxpayer|nhs))|national(?:ly)?|"
                       r"across\s+(?:england|the\s+uk|the\s+country)|in\s+(?:england|the\s+uk|britain)|"
                       r"(?:england|uk|britain|government)(?:'s|’s)?\s+(?:annual|total|estimates?)|"
                       r"annual\s+cost\s+(?:of|to))\b", re.I)
_BALANCE = re.compile(r"\b(?:balances?|bank\s+statement|current\s+account|savings?\s+account|deposit\s+account|"
                      r"in\s+the\s+bank|reserves?|carried\s+forward\s+from|held\s+in)\b", re.I)
_QUOTE = re.compile(r"\b(?:quot(?:e|es|ed|ation|ations)|tenders?|tendered|priced\s+at|would\s+cost|could\s+cost|"
                    r"estimate\s+of\s+£)\b", re.I)
_PAYMENT = re.compile(r"\b(?:invoices?|resolved\s+to\s+pay|agreed\s+to\s+pay|paid|payments?\s+(?:may\s+be\s+)?made|"
                      r"reimburse\w*|cheques?|donat\w*)\b", re.I)
# What a sum is for, when named straight after it: "£532,000 LPSA2 funding", "£1.2M PRG funds"
_PRECEPT = re.compile(r"\bprecept\b", re.I)
# between a sum and a period named after it, the period is another clause's ("£5000, as it was reduced
# last year"); a dash is not ("£121 - 2018/19, £91 - 2019/20")
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
# Column headers that name sums even without "£": "Budget | Forecast | Variance"
_MONEY_HEADER = re.compile(r"\b(?:budgets?|forecasts?|outturn|variance|actuals?|spend|expenditure|income|costs?|"
                           r"allocations?|grants?|funding|savings?|precept)\b", re.I)
_NOUN_AFTER = re.compile(
    r"^\s*(?!(?:for|of|to|from|in|on|by|at|with|and|or|against|versus|vs)\b)((?:[\w'&/-]+\s+){0,4}?(?:funding|funds?|budget|grant|allocation|money|contribution|"
    r"costs?|programme|scheme|bid|project|capital|revenue|savings?))\b", re.I)
# "towards hanging baskets", "to fund roof repairs", and "on the Easter event" after a verb of spending
_FOR = re.compile(r"\b(?:for|towards|to\s+fund|to\s+pay\s+for|(?P<on>on))\s+(?:the\s+|a\s+|an\s+)?"
                  r"(?P<what>[^.;:,()£]+)", re.I)
_SPEND_BEFORE = re.compile(r"\b(?:spend|spent|spending|invest(?:ed)?)\b(?:\s+\w+){0,3}\s*$", re.I)
# What may stand between a sum and the words after it that name it: "of", "is the", "returned to".
_AFTER_LINK = re.compile(r"^\s*(?:(?:is|was|are|were|be|being|been|had|has|have|of|in|from|as|now)\s+)*"
                         r"(?:(?:the|a|an|our|its|their)\s+)?", re.I)
_NO_NAME_AFTER = re.compile(r"(?:will|would|could|should|can|may|must|to|has|have|had|for)\b", re.I)  # a verb, no name
_WEAK_WORDS = frozenset({"there", "are", "is", "was", "were", "making", "along", "approx", "approximately",
                         "currently", "it", "this", "that", "which", "with", "of"})
_HOLDING = frozenset({"has", "have", "had", "holds", "held"})  # who holds the sum, before it: "The PCN has"
# What reports the sum rather than names it: "ML reported that [income ...]", "Pete reported [a balance]",
# "showing [a planned deficit]", and a passive verb after the name: "the precept for 2025/26 [be set]".
_THAT_CLAUSE = re.compile(r"^.*\b(?:that|whether|(?:reported|said|stated|confirmed|explained|advised|presented|showing|"
                          r"showed|forecasting|forecast|predicting|projecting)(?:\s+that)?)\s+", re.I | re.S)
_PASSIVE_TAIL = re.compile(r"(?:\s+(?:have|has|had))?(?:\s+(?:now|also|\w+ly))?\s+(?:be|being|been|was|were|is)\s+"
                           r"(?:\w+ed|set|put|kept)$", re.I)
# (a decimal point is no stop, and a sum is one stop whole: "was £1.2m against a budget of")
_CLAUSE_STOP = re.compile(r"[;:()]|\.(?!\d)|\s+(?:and|but|which|while|whilst|although)\s+|,\s|"
                          r"£\s*[\d,.]*\d(?:\s*(?:m|k|bn|million|billion|thousand)\b)?|£")
_LINK_WORDS = re.compile(
    r"(?:\s+(?:is|was|are|were|be|being|been|would|will|could|of|at|to|around|about|approximately|approx\.?|"
    r"some|circa|c\.|an?|the|by|amounting|amounted|amounts|totalling|totaling|totalled|totaled|total|estimated|"
    r"additional|further|"
    r"up|top|came|comes|worth|costing|costs?|stands|stood|now|as|from|with|only|just|over|under|"
    r"nearly|almost|roughly|approximately|expected|predicted|currently|likely))+\s*$", re.I)
# (and a paragraph's number or another sum's figures before the words: "11.1 Ali asked", "9.59 CALC Subscription")
_LEAD_WORDS = re.compile(r"^(?:the|a|an|this|that|its|their|our|of|in)\s+|^\d+\.\d+\s+", re.I)
_PER = re.compile(r"^\s*(per\s+[^.;:,()£]+|a\s+head|each)", re.I)
# Words straight after a sum that say it is a total, or that what follows "for" is no purpose.
_IN_TOTAL = re.compile(r"\s*in\s+total\b", re.I)
_NOT_PURPOSE = re.compile(r"\s*(?:use|\d)")
# Where a purpose after "for" ends: "for X to be ...", "for X which ...".
_PURPOSE_END = re.compile(r"\s+(?:to be|which|that|was|is|were|are|would|will)\s+")
# A sentence break inside a cell: a cell of running text.
_SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.;:]\s+[A-Z]")
_MAX_WORDS = 10
_DIGIT = re.compile(r"\d")
PROSE_WORDS = 25  # longer than any row label or figure cell


def extract_funding(doc: ExtractedDocument) -> list[Funding]:
    section = doc.section
    found: list[Funding] = []
    for block in section.blocks:
        if not block.is_table:
            if may_hold_money(block.text):  # the item's period is looked up only for a block with a sum
                item = item_at(doc.items, block.start)
                found.extend(text_funding(block.text, block.start, block.page, section.meeting_date,
                                          default_period=_title_period(item.title) if item else None))
            continue
        if not may_hold_money(block.text):
            continue  # its cells are its text's: none holds a sum
        for i, row in enumerate(block.rows):
            for j, cell in enumerate(row):
                if may_hold_money(cell.text) and is_prose(cell.text):
                    # minutes laid out in a table: a cell of running text is read as text
                    item = item_at(doc.items, cell.start)
                    for f in text_funding(cell.text, cell.start, block.page, section.meeting_date,
                                          default_period=_title_period(item.title) if item else None):
                        f.table_row, f.table_col = i, j
                        found.append(f)
    for table in section.tables:
        found.extend(table_funding(table, caption(section.blocks, table), section.meeting_date))
    found.sort(key=lambda f: (f.span.start, f.table_col or 0))
    for f in found:
        item = item_at(doc.items, f.span.start)
        f.item_ref = item.ref if item else None
    return found


def is_prose(text: str) -> bool:
    """A cell holding sentences rather than a label or a figure."""
    return len(text.split()) >= PROSE_WORDS and bool(_SENTENCE_BREAK.search(text))


def _title_period(title: str) -> str | None:
    """The one financial year an item's title names ("Community Safety Fund 2022/23"):
    what the sums discussed under it belong to unless their sentence says otherwise."""
    found = {p.period for p in find_periods(title) if p.financial}
    return found.pop() if len(found) == 1 else None


# ---- running text -----------------------------------------------------------------

def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in ``text``: full stops before a capital, and line breaks
    that start a list entry."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in spans if s[1] > s[0]]


def text_funding(text: str, offset: int, page: int, meeting_date: date | None,
                 default_purpose: str | None = None, default_period: str | None = None) -> list[Funding]:
    """Money mentioned in running ``text`` found at ``offset`` in the parsed file; a sum
    whose sentence names no period takes ``default_period`` (its row's, its item's)."""
    out: list[Funding] = []
    if not may_hold_money(text):
        return out
    for s_start, s_end in sentences(text):
        sentence = text[s_start:s_end]
        mentions = find_money(sentence)
        if not mentions:
            continue
        periods = find_periods(sentence, meeting_date)
        for money in mentions:
            purpose = text_purpose(sentence, money)
            period = choose_period(sentence, money, periods, mentions)
            if period is None and purpose and _PRECEPT.search(purpose):
                period = precept_year(sentence, meeting_date)  # a precept set names no year: the coming one
            out.append(Funding(
                amount_gbp=money.amount, text=money.text,
                span=Span(page, offset + s_start + money.start, offset + s_start + money.end),
                kind=text_kind(sentence, money),
                amount_high_gbp=money.high,
                period=period or default_period, purpose=purpose or default_purpose, currency=money.currency))
    return out


def choose_period(sentence: str, money: Money, periods: list[PeriodMention], mentions: list[Money]) -> str | None:
    """The period a sum belongs to, within its sentence: one named just after
    it, in the same clause ("£199,000 for 2010/11"; not "£5000, as it was reduced
    last year"), else the nearest before it, else the nearest after with no other
    sum between (in "£7,800, met from the £25,000 for 2024/25" the year is the
    second sum's)."""
    def clear(a: int, b: int) -> bool:
        return not any(a <= m.start < b for m in mentions if m is not money)
    after = [p for p in periods if p.start >= money.end]
    if after and after[0].start - money.end <= 40 and clear(money.end, after[0].start) \
            and not _CLAUSE_BREAK.search(sentence, money.end, after[0].start):
        return after[0].period
    before = [p for p in periods if p.end <= money.start]
    if before:
        return before[-1].period
    return after[0].period if after and clear(money.end, after[0].start) else None


def text_kind(sentence: str, money: Money) -> FundingKind:
    if money.rate:
        return "rate"
    before = sentence[max(0, money.start - 60):money.start]
    if _TOTAL_CUE.search(before) or _IN_TOTAL.match(sentence[money.end:]):
        return "total"
    near = before + " " + sentence[money.end:money.end + 60]
    if _ESTIMATE.search(near):
        return "estimate"
    if _BALANCE.search(near):
        return "balance"
    if _QUOTE.search(near):
        return "quote"
    if _PAYMENT.search(near):
        return "payment"
    if _COST.search(near):
        return "cost"
    if _ALLOCATION.search(near):
        return "allocation"
    return "other"


def _trim(words: str) -> str | None:
    words = " ".join(words.split()).strip(" -–,'\"●•▪◦")
    words = _LEAD_WORDS.sub("", words)
    parts = words.split()
    return " ".join(parts[:_MAX_WORDS]) or None


def text_purpose(sentence: str, money: Money) -> str | None:
    """The few words naming what a sum is for: "per ..." for a rate, a noun
    phrase right after it, "for X" ("towards", "to fund") after it, else the
    clause before it, else (that naming nothing) the words after it."""
    after = sentence[money.end:]
    if money.rate:
        m = _PER.match(after)
        return _trim(m.group(1)) if m else None
    m = _NOUN_AFTER.match(after)
    if m and not _CLAUSE_STOP.search(m.group(1)):
        return _trim(_AFTER_LINK.sub("", m.group(1)))  # "£4.5m is the Disabled Facilities Grant"
    clause_after = _CLAUSE_STOP.split(after, maxsplit=1)[0] if after else ""
    before = sentence[:money.start]
    spending = _SPEND_BEFORE.search(before) is not None  # "agreed to spend up to £200 on the Easter event"
    for m in _FOR.finditer(clause_after + " " + after[len(clause_after):len(clause_after) + 1]):
        what = m.group("what")
        if m.group("on") and not spending:
            continue
        if not find_periods(what.split()[0] if what.split() else "") and not _NOT_PURPOSE.match(what):
            return _trim(_PURPOSE_END.split(what)[0])
    named = _before_purpose(before)
    if named is None and before.strip() or named is not None and _weak(named):
        # nothing but a link before it ("There is approximately £260 of lottery funding remaining", "making a
        # total of £448,000 returned to SHP"): what follows names it, unless a verb follows (a cell's sum, with
        # nothing before it, is named by its row)
        rest = _trim(_AFTER_LINK.sub("", clause_after))
        if rest and not _weak(rest) and not _DIGIT.match(rest) and not _NO_NAME_AFTER.match(clause_after.lstrip()):
            return rest
    return None if named is not None and _weak(named) else named


def _weak(purpose: str) -> bool:
    """A purpose that names nothing: one word of linking or counting ("There", "making", "approx"), or
    who holds the sum ("The PCN has [£96,000 of unspent ARRS funding]")."""
    words = [w.lower().strip(".,") for w in purpose.split()]
    return len(words) == 1 and words[0] in _WEAK_WORDS or bool(words) and words[-1] in _HOLDING


def _before_purpose(before: str) -> str | None:
    """The words before a sum that name it: the clause it ends, after the reported "that" ("ML reported
    that income for the year to date was"), less a bracket closing it ("Clerk's salary (August) £412.50")."""
    pieces = _CLAUSE_STOP.split(before)
    if before.rstrip().endswith("(") and not pieces[-1].strip():
        # a sum in brackets is named by the words before them ("underspend budget (10k)"), unless
        # those are another sum's ("£158,000 for 2011/12 and (£80,000)")
        last = _CLAUSE_STOP.split(before.rstrip()[:-1])[-1]
        if not _DIGIT.search(last):
            pieces = [last]
    elif before.rstrip().endswith(")") and not pieces[-1].strip() and len(pieces) >= 3:
        pieces = pieces[:-2]  # "Clerk's salary (August) £412.50": the words before the bracket
    elif before.rstrip().endswith(":") and not pieces[-1].strip() and len(pieces) >= 2:
        pieces = pieces[:-1]  # "Balance at 28 February: £3,412.18": the label before the colon
    clause = _LINK_WORDS.sub("", pieces[-1]) if pieces else ""
    clause = _PASSIVE_TAIL.sub("", _THAT_CLAUSE.sub("", clause)) or clause  # (what reports it, when more is left)
    words = clause.split()
    return _trim(" ".join(words[-_MAX_WORDS:])) if len(words) >= 1 else None


# ---- tables -------------------------------------------------------------------------

_BULLETS = re.compile(r"^[-•*–\s]+")


def _row_label(row: list[Cell], tail: list[Cell], col: int) -> str:
    """The row's name: its label cell (with what a page break cut off),
    without list bullets or a closing colon."""
    text = " ".join(clean(r[col].text) for r in (row, tail) if col < len(r))
    if not text.strip():
        # a total or a subheading written across from the first column ("145 TOTAL ...")
        text = next((clean(c.text) for c in row if HAS_WORD.search(c.text) and not is_value(c.text)), "")
    return _BULLETS.sub("", text).strip().rstrip(":").strip()


def _table_scale(table: Table, title: str | None) -> Decimal | None:
    """A multiplier said once for the whole table: in the label column's header
    or title ("£000 | 2005/06 | 2006/07"), or in the caption above it."""
    for text in (table.columns[0] if table.columns else "", title or ""):
        scale = header_scale(text)
        if scale is not None and scale != 1:
            return scale
    return None


def _header_period(table: Table, title: str | None) -> str | None:
    """The one financial year the header rows name, else the one the caption names."""
    found = {p.period for row in table.header_rows for c in row for p in find_periods(c.text)}
    if not found:
        found = {p.period for p in find_periods(title or "") if p.financial}
    return found.pop() if len(found) == 1 else None


def _column_kind(header: str, label: str) -> FundingKind:
    if _TOTAL_ROW.search(label):
        return "total"
    if _BALANCE.search(f"{label} {header}"):
        return "balance"
    text = f"{label} {header}"
    if _ALLOCATION.search(text):
        return "allocation"
    if _COST.search(text):
        return "cost"
    return "other"


class _RowPeriods:
    """The period of each sum in a row: its column's, else one named elsewhere in
    the row ("... implemented during 2010/11") where the columns name none, else
    the table's. The row's cells are read for periods on the first sum that needs
    them: most rows hold no sum."""

    def __init__(self, row: list[Cell], columns: list[str | None], use_row: bool, table: str | None) -> None:
        self.row, self.columns, self.use_row, self.table = row, columns, use_row, table
        self._cells: list[str | None] | None = None  # the first period of each cell

    def at(self, j: int) -> str | None:
        column = self.columns[j] if j < len(self.columns) else None
        if column:
            return column
        if self.use_row:
            if self._cells is None:
                self._cells = [found[0].period if (found := find_periods(c.text)) else None for c in self.row]
            named = next((p for k, p in enumerate(self._cells) if k != j and p), None)
            if named:
                return named
        return self.table


def _financial_years(text: str) -> list[str]:
    return [p.period for p in find_periods(text) if p.financial]


def _value_columns(table: Table, lc: int) -> list[int]:
    """Columns holding figures: not the label column, not a row numbering."""
    width = max((len(r) for _, _, r, _ in table.body()), default=0)
    return [j for j in range(width) if j != lc
            and any(j < len(r) and parse_cell(clean(r[j].text)) is not None for _, _, r, _ in table.body())
            and not table.is_numbering(j)]


def _column_units(table: Table, value_cols: list[int]) -> tuple[list[str | None], list[Decimal | None]]:
    """Each column's financial year and multiplier from its header. A header cell
    naming several years spans the columns to its right that a parser left without
    a header ("2026-27 2027-28 £000's" over two columns): when the years named in
    the headers, in order, are as many as the value columns, they go one to each."""
    width = max([len(table.columns)] + [j + 1 for j in value_cols])
    headers = table.columns + [""] * (width - len(table.columns))
    years = [_financial_years(h) for h in headers]
    periods = [ys[0] if ys else None for ys in years]
    scales = [header_scale(h) for h in headers]
    named = [(y, j) for j, ys in enumerate(years) for y in dict.fromkeys(ys)]
    if any(len(ys) > 1 for ys in years) and len(named) == len(value_cols) \
            and len({y for y, _ in named}) == len(named):
        for col, (year, source) in zip(value_cols, named):
            periods[col] = year
            if scales[col] is None:
                scales[col] = scales[source]
    return periods, scales


# A row a parser put in one cell: "TOTAL BASE BUDGET CHANGES 10,289.7 -100.0 4,000.0"
_FIGURE = re.compile(r"\(?[-−]?\d[\d,]*(?:\.\d+)?\)?")  # "10,289.7", "-100.0", "(95)"
# (the label runs to its first letter without a lazy scan: two lazy scans made a long cell of prose slow)
_MERGED_ROW = re.compile(rf"^(?P<label>[^A-Za-z]*[A-Za-z].*?)(?P<figures>(?:\s+{_FIGURE.pattern}){{2,}})\s*$")


def _ends_in_figure(text: str) -> bool:
    """What _MERGED_ROW needs at its end (a digit or the bracket of "(95)"): tested first, as most
    cells are words, and matching _MERGED_ROW against a long cell of them is slow."""
    last = text.rstrip()[-1:]
    return last.isdigit() or last == ")"


def _merged_values(row: list[Cell], value_cols: list[int]) -> tuple[str, dict[int, Cell]] | None:
    """A label and one figure per value column, all in one cell, as the label
    with the figures as cells of their own (spans inside the merged cell)."""
    for cell in row:
        m = _MERGED_ROW.match(cell.text) if _ends_in_figure(cell.text) else None
        if not m:
            continue
        figures = list(_FIGURE.finditer(m.group("figures")))
        if len(figures) != len(value_cols):
            return None
        base = cell.start + m.start("figures")
        return m.group("label").strip(), {
            j: Cell(f.group(0), base + f.start(), base + f.end()) for j, f in zip(value_cols, figures)}
    return None


def table_funding(table: Table, title: str | None, meeting_date: date | None) -> list[Funding]:
    out: list[Funding] = []
    lc = table.label_col
    value_cols = _value_columns(table, lc)
    table_scale = _table_scale(table, title)
    periods, scales = _column_units(table, value_cols)
    # In a table whose columns are years, a year in a row's words is narrative, not the column's.
    use_row_period = not any(periods)
    table_period = _header_period(table, title)
    name = table.title or title
    group: str | None = None
    kinds: dict[tuple[str, str], FundingKind] = {}  # by column header and row label: the same for a row's cells
    for block, i, row, tail in table.body():
        label = _row_label(row, tail, lc)
        context = row + tail
        cells = {j: c for j, c in enumerate(row)}
        read = {j: parse_cell(clean(c.text)) for j, c in cells.items() if j in value_cols}
        values: dict[int, tuple[Decimal, bool] | None] = {j: v for j, v in read.items() if v is not None}
        merged = None if values else _merged_values(row, value_cols)
        if merged:
            label, figures = merged
            kept = {j: c for j, c in cells.items()
                    if j not in figures and not (_ends_in_figure(c.text) and _MERGED_ROW.match(c.text))}
            cells = {**kept, **figures}
            values = {j: parse_cell(c.text) for j, c in figures.items()}
        if not values and row and clean(row[0].text).endswith(":") and not is_money_text(row[0].text):
            group = label  # "Capital Funding:" heads the rows below it
            continue
        total = bool(_TOTAL_ROW.search(label))
        purpose = _total_purpose(label, name) if total else (f"{group}: {label}" if group and label else label) or None
        row_periods = _RowPeriods(context, periods, use_row_period, table_period)
        for j, cell in sorted(cells.items()):
            parsed = values.get(j)
            col_scale = scales[j] if j < len(scales) else None
            scale = col_scale if col_scale is not None else table_scale
            if parsed is None:
                if is_money_text(cell.text) and not is_prose(cell.text):
                    # a figure inside words ("Supporting People - £4.3m in 04/05")
                    for f in text_funding(cell.text, cell.start, block.page, meeting_date,
                                          default_purpose=purpose, default_period=row_periods.at(j)):
                        if j == lc:
                            f.purpose = _without_money(cell.text) or f.purpose
                        f.table_row, f.table_col = i, j
                        out.append(f)
                continue
            amount, own_scale = parsed
            header = table.columns[j] if j < len(table.columns) else ""
            money_header = own_scale and _MONEY_HEADER.search(f"{header} {name or ''}")
            if scale is None and "£" not in cell.text and not money_header:
                # a count, a rate, a percentage: no currency said ("96K" under "Budget" is money)
                continue
            if not own_scale:
                amount *= scale or 1
            heading = f"{header} {name or ''}"
            kind = kinds.get((heading, label))
            if kind is None:
                kind = kinds[heading, label] = _column_kind(heading, label)
            out.append(Funding(
                amount_gbp=amount, text=clean(cell.text), span=Span(block.page, cell.start, cell.end),
                kind=kind, period=row_periods.at(j), purpose=purpose, table_row=i, table_col=j))
        if total:
            group = None
    return out


_LETTER = re.compile(r"[a-z]")


def _total_purpose(label: str, name: str | None) -> str:
    """A total row says what it totals ("TOTAL BASE BUDGET CHANGES"), else the table does."""
    if _LETTER.search(_TOTAL_ROW.sub("", label).lower()):
        return label
    return f"Total ({name})" if name else "Total"


# What taking a sum out of a label leaves: "in 04/05", a dash before ")", "()".
_IN_YEAR = re.compile(r"\s*(?:in|for|during)\s+\d{2,4}\s?[/-]\s?\d{1,4}")
_EMPTIED_BRACKET = re.compile(r"\s*[-–]\s*(?=\))|\(\s*\)")


def _without_money(text: str) -> str | None:
    """A row label with the sum and its period taken out: "Supporting People (all providers)"."""
    cut = text
    for m in reversed(find_money(text)):
        cut = cut[:m.start] + cut[m.end:]
    cut = _IN_YEAR.sub("", cut)
    cut = _EMPTIED_BRACKET.sub("", cut)
    return _trim(cut)
