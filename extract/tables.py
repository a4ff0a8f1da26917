"""Tables read as a reader reads them, the one layer through which
attendance, actions, funding and targets read tables:

- Header rows (``header_length``) name the columns. Above figures they are
  the rows holding none; in any table they end at the first row of column
  names (``COLUMN_NAMES``: "Action | Owner | Due", "Name | Organisation"),
  and a table of words without such a row has none.
- Column roles (``column_roles``, ``Table.roles``): what each column holds,
  read from the header row that names the columns.
- A table cut by a page break is one table (``tables``). Parsers deliver
  each page's part as its own table block, either with the header row
  repeated or without it; both are joined to the table they continue, so the
  later part keeps the column headers (periods, "£000", "Owner") and the row
  group it was in. Only headings and page furniture (``Block.is_furniture``,
  which the parsers set) may stand between two parts.

Data tables and layout tables: every table is read here as a data table, a
header row over values (attendance grids, action logs, budgets). A layout
table (minutes set out in a grid: running text in wide cells beside a narrow
Action or initials column) is for now read where an extractor meets prose in
a cell (``funding.is_prose``, attendance's apology sentences in cells, items'
"number | title" rows). Telling the two apart belongs in ``tables()``, where
each Table is made: a kind on Table, with a layout table's cells handed to the
extractors as flowing text instead of as ``body()`` rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from minutes.extract.document import Block, Cell
from minutes.extract.money import header_scale, is_money_text, is_unit
from minutes.extract.periods import CALENDAR_YEAR, FY_PATTERN, find_periods

# A cell holding one figure: "1,662", "(95)", "15.7%*", "£769K", "4.8", "N/A" is no figure
VALUE = re.compile(r"^\s*\(?\s*[-−–]?\s*£?\s?\d[\d,]*(?:\.\d+)?\s*(?:%|k|m|bn)?\s*\)?\s*\*?\s*$", re.I)
_LABEL_HEADER = re.compile(r"\b(?:description|item|project|scheme|purpose|heading|title|budget line|"
                           r"funding streams?|service|grant|name)\b", re.I)
# Headers of a column that numbers the rows: "Row Ref", "Ref", "No.", "#"
_NUMBERING_HEADER = re.compile(r"^\s*(?:row\s*)?(?:ref(?:erence)?|no\.?|number|#)(?=\s|$)", re.I)
_ROW_NUMBER = re.compile(r"\d{1,4}")
# Inline markup some converters leave in cells, even broken: "<b>119,771< /b>"
_MARKUP = re.compile(r"<\s*/?\s*[a-z]{1,6}\s*/?\s*>", re.I)
# Column names, by what the column holds: action logs ("Action | Owner | Deadline | Status",
# "Date raised") and attendance grids ("Name | Organisation"). A header cell names a
# column when it is one of these in whole (its colon or asterisk aside).
COLUMN_NAMES = {
    "action": re.compile(r"(?:agreed\s+|outstanding\s+|open\s+|new\s+)?actions?(?:\s+(?:agreed|required|points?|"
                         r"completed|outstanding|arising|log|description|to\s+be\s+taken))?|tasks?|description|details?|"
                         r"what(?:\s+needs\s+(?:to\s+be\s+)?doing|\s+needs\s+to\s+be\s+done)?",  # "What | Who | When"
                         re.I),
    # "Owner(s)", "Action owner", "Who by", "Responsible officer", "Lead person", "Assigned to"
    "owner": re.compile(r"(?:action\s+)?owners?(?:\s*\(s\))?|who(?:\s+by)?|by\s+whom|"
                        r"lead(?:\s+(?:officer|person|member))?|responsib\w*(?:\s+(?:officer|person|member))?|"
                        r"action\s+by|person(?:\s+responsible)?|assigned\s+to", re.I),
    # "Date due", "Due by", "Completion date", "Target completion date", "Timescales"
    "due": re.compile(r"deadline(?:\s+date)?|when|due(?:\s+(?:date|by))?|date\s+due|by\s+when|"
                      r"target(?:\s+(?:completion\s+)?date)?|completion\s+date|timescales?|date|by", re.I),
    "status": re.compile(r"(?:current\s+)?status|progress(?:\s+update)?|update|position|outcome|rag(?:\s+status)?",
                         re.I),
    # the meeting that set the action: "Meeting date & action number", "Date raised"
    "raised": re.compile(r"(?:(?:meeting\s+)?date\b.*\b(?:action|raised|meeting|agreed)"
                         r"|date\s+(?:raised|set|added|agreed)"
                         r"|meeting(?:\s+date)?|raised)\b.*", re.I),
    # "Decision", "Decisions made", "Resolution", "Agreed": what the meeting decided on each row's item
    "decision": re.compile(r"decisions?(?:\s+(?:made|taken|agreed|reached))?|resolutions?|resolved|agreed|decided",
                           re.I),
    # what a minutes grid's row is about, and what was said on it: "Item | Discussion | Decision"
    "subject": re.compile(r"(?:agenda\s+)?items?|subjects?|topics?|discussion(?:\s+points?)?|key\s+points", re.I),
    "name": re.compile(r"names?|members?|attendees?", re.I),
    "organisation": re.compile(r"organi[sz]ations?.*", re.I),
}
# Three letters in a row: a word, not a figure or a code.
HAS_WORD = re.compile(r"[A-Za-z]{3}")
_DIGIT = re.compile(r"\d")


@dataclass
class TablePart:
    block: Block
    body_start: int  # index of the first body row in block.rows

    @property
    def rows(self) -> list[list[Cell]]:
        """The part's body rows, as its page printed them."""
        return self.block.rows[self.body_start:]


# A body row: its block, its index in the block's rows, its cells, and what a page break carried over.
BodyRow = tuple[Block, int, list[Cell], list[Cell]]


@dataclass
class Table:
    """One logical table: its column headers and its parts in page order."""
    columns: list[str]  # header text per column, "" where none
    header_rows: list[list[Cell]]
    parts: list[TablePart] = field(default_factory=list)
    _body: list[BodyRow] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def roles(self) -> dict[str, int]:
        """Column index by role ("action", "owner", "due", ...), from the header row naming them."""
        return column_roles(self.header_rows[-1]) if self.header_rows else {}

    @property
    def title(self) -> str | None:
        """A first header row naming the table in its first cell alone."""
        if self.header_rows:
            first = self.header_rows[0]
            if first and first[0].text and not any(c.text for c in first[1:]):
                return clean(first[0].text)
        return None

    @property
    def label_col(self) -> int:
        """The column naming each row: one headed as a description or item,
        else the first that holds words rather than figures or row numbers."""
        rows = [r for _, _, r, _ in self.body()]
        texty = [j for j in range(len(self.columns)) if _mostly_words(rows, j)]
        for j in texty:
            if _LABEL_HEADER.search(self.columns[j]):
                return j
        return texty[0] if texty else 0

    def is_numbering(self, j: int) -> bool:
        """A column numbering the rows (1, 2, 3 under "Row Ref" or simply ascending):
        figures that are no amounts, whatever unit the table is in."""
        cells = [clean(r[j].text) for _, _, r, _ in self.body() if j < len(r)]
        figures = [c for c in cells if is_value(c)]
        if len(figures) < 2 or not all(_ROW_NUMBER.fullmatch(c) for c in figures):
            return False
        header = self.columns[j] if j < len(self.columns) else ""
        if _NUMBERING_HEADER.match(header):
            return True
        if header_scale(header) is not None or find_periods(header):
            return False  # "Fee £" over 10, 15, 20 is money however it rises
        numbers = [int(c) for c in figures]
        rising = sum(b > a for a, b in zip(numbers, numbers[1:]))
        return len(numbers) >= 3 and rising * 4 >= (len(numbers) - 1) * 3

    def body(self) -> list[BodyRow]:
        """Body rows of every part, in order, with their block and row index,
        and the rest of a row that a page break carried over to the next part.
        Walked once (``tables`` has added every part by then): extractors read
        them many times, some once per column."""
        if self._body is None:
            self._body = list(self._walk_body())
        return self._body

    def _walk_body(self) -> Iterator[BodyRow]:
        for k, part in enumerate(self.parts):
            rows = part.block.rows
            start = part.body_start
            if k and start < len(rows) and _tail(rows[start]) and self._ends_with_values(k - 1):
                start += 1  # already yielded as the tail of the previous part's last row
            for i in range(start, len(rows)):
                tail: list[Cell] = []
                if i == len(rows) - 1 and k + 1 < len(self.parts):
                    nxt = self.parts[k + 1]
                    if nxt.body_start < len(nxt.block.rows) and _tail(nxt.block.rows[nxt.body_start]) \
                            and _has_value(rows[i]):
                        tail = nxt.block.rows[nxt.body_start]
                yield part.block, i, rows[i], tail

    def _ends_with_values(self, k: int) -> bool:
        rows = self.parts[k].block.rows
        return bool(rows) and _has_value(rows[-1])


def clean(text: str) -> str:
    """A cell's words without markup, on one line."""
    if "<" in text:  # markup (most cells have none: spared the regex)
        text = _MARKUP.sub("", text)
    return " ".join(text.split())


def is_value(text: str) -> bool:
    if not _DIGIT.search(text):  # no figure (most cells): spared the cleaning
        return False
    text = clean(text)
    return bool(VALUE.match(text)) and not is_unit(text)


# Figures a header holds that are no values: a unit ("£000"), a base ("per 1,000"), a year, a span of years.
_HEADER_FIGURES = re.compile(rf"£\s?'?0{{3}}'?s?|per\s?[\d,]+|{CALENDAR_YEAR.pattern}|\d+\s+years?", re.I)


def _figures(text: str) -> bool:
    """Words holding a figure beyond the years, units and "per 1,000" a header names."""
    if not _DIGIT.search(text):  # taking years and units out adds none
        return False
    text = FY_PATTERN.sub(" ", clean(text))
    text = _HEADER_FIGURES.sub(" ", text)
    return bool(_DIGIT.search(text))


def _has_value(row: list[Cell]) -> bool:
    """A body row: a cell holding one figure, or several cells with figures in words."""
    return any(is_value(c.text) for c in row[1:]) or sum(_figures(c.text) for c in row[1:]) >= 2


def _mostly_words(rows: list[list[Cell]], j: int) -> bool:
    cells = [clean(r[j].text) for r in rows if j < len(r) and r[j].text.strip()]
    return bool(cells) and sum(bool(HAS_WORD.search(c)) for c in cells) * 2 > len(cells)


def _label_only(row: list[Cell]) -> bool:
    return bool(row) and not any(c.text for c in row[1:])


def _tail(row: list[Cell]) -> bool:
    """A row cut off at a page break: words only, not a "Group:" label."""
    return _label_only(row) and not clean(row[0].text).endswith(":")


def _column_headers(rows: list[list[Cell]], width: int) -> list[str]:
    """Join each column's header cells; a header cell left empty beside a
    filled one belongs to the merged cell on its left (not in the label column)."""
    columns = [""] * width
    for row in rows:
        texts = [clean(c.text) for c in row] + [""] * (width - len(row))
        if any(texts[1:]):
            for j in range(2, width):
                if not texts[j] and texts[j - 1] and row is not rows[-1]:
                    texts[j] = texts[j - 1]
        for j, t in enumerate(texts[:width]):
            if t:
                columns[j] = f"{columns[j]} {t}".strip()
    return columns


# Any column name at all, in one match: most cells name none, and are then spared a match per role.
_ANY_COLUMN_NAME = re.compile("|".join(f"(?:{p.pattern})" for p in COLUMN_NAMES.values()), re.I)


def _column_name(cell: Cell) -> str:
    return clean(cell.text).strip(" :*?")  # "By when?"


def column_roles(row: list[Cell]) -> dict[str, int]:
    """The first column each role's name heads in ``row``."""
    roles: dict[str, int] = {}
    for j, cell in enumerate(row):
        name = _column_name(cell)
        if not _ANY_COLUMN_NAME.fullmatch(name):
            continue
        for role, pattern in COLUMN_NAMES.items():
            if role not in roles and pattern.fullmatch(name):
                roles[role] = j
    return roles


def names_columns(row: list[Cell]) -> bool:
    """A row of column names: two or more cells name columns, or every filled one does."""
    names = [_column_name(c) for c in row if clean(c.text)]
    named = [name for name in names if _ANY_COLUMN_NAME.fullmatch(name)]
    if not named:
        return False
    return len(named) == len(names) or len(column_roles(row)) >= 2


def header_length(rows: list[list[Cell]]) -> int:
    """How many leading rows are the header: down to the first row of column
    names (figures in its words, "Likelihood (0 to 5)", aside), else the rows
    above the first holding a figure (or a sum in its first cell); a table of
    words without a row of column names has none."""
    for i, row in enumerate(rows):
        if names_columns(row):
            return i + 1
        if _has_value(row) or (row and is_money_text(row[0].text)):
            return i
    return 0


def _width(block: Block) -> int:
    return max(len(r) for r in block.rows)


def _may_continue(between: list[Block], prev: Table | None, block: Block) -> bool:
    if prev is None:
        return False
    last = prev.parts[-1].block
    if _width(last) != _width(block) or block.page < last.page:
        return False
    return all(b.kind == "heading" or b.is_furniture for b in between)


def _marked(rows: list[list[Cell]]) -> bool:
    """Rows that say what columns hold: a period or a currency."""
    return any(find_periods(clean(c.text)) or header_scale(clean(c.text)) for row in rows for c in row)


def _same_header(a: list[list[Cell]], b: list[list[Cell]]) -> bool:
    def key(rows: list[list[Cell]]) -> list[list[str]]:
        return [[clean(c.text).lower() for c in row] for row in rows]
    return key(a) == key(b)


def _continuation_start(prev: Table, block: Block, head: list[list[Cell]]) -> int | None:
    """Where the body of a part that may continue ``prev`` starts, or None when
    it is a new table: after the header rows it repeats, at its top when it has
    no header, or when its first rows name no period or currency ("Mainstream
    budgets:", a label cut off at the page break, "N/A")."""
    for k in range(len(prev.header_rows), 0, -1):
        if _same_header(block.rows[:k], prev.header_rows[-k:]):
            return k
    if not head:
        return 0
    if len(head) < len(block.rows) and (all(_label_only(r) for r in head)
                                        or (_marked(prev.header_rows) and not _marked(head))):
        return 0
    return None


def tables(blocks: list[Block]) -> list[Table]:
    """The logical tables among ``blocks`` (a section's blocks, in order)."""
    out: list[Table] = []
    between: list[Block] = []
    for block in blocks:
        if not block.is_table or not block.rows:
            between.append(block)
            continue
        prev = out[-1] if out else None
        n = header_length(block.rows)
        head = block.rows[:n]
        if prev is not None and _may_continue(between, prev, block):
            start = _continuation_start(prev, block, head)
            if start is not None:
                prev.parts.append(TablePart(block, start))
                between = []
                continue
        out.append(Table(_column_headers(head, _width(block)), head, [TablePart(block, n)]))
        between = []
    return out


def caption(blocks: list[Block], table: Table) -> str | None:
    """The short heading or line just before a table ("Revenue budget (£000)");
    a line holding a sum of its own is text, not a caption."""
    first = table.parts[0].block
    idx = next(i for i, b in enumerate(blocks) if b is first)
    before = blocks[idx - 1] if idx else None
    if before is None or before.is_table or len(before.text) > 150 or is_money_text(before.text):
        return None
    return clean(before.text)
