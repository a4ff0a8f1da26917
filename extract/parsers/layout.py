"""Layout tables: a table that holds running prose rather than records.

Minutes are often typed into a table to keep a narrow margin beside the
text: the minute's number on the left, the minute itself in a wide column,
and on the right an "Action" column holding the owner's initials, a name or
a month. Such a table is layout, read as the flow of headings, paragraphs
and list items its wide column carries, with the margin text attached to the
block it stands beside. A table whose header row names its columns over
values (an action log, an attendance grid, a budget) stays a table.

The decision is made row by row, from the cells' text alone, so the PDF and
the Word parser share it: a prose row has one wide cell of running text,
narrow cells beside it, and only a number (or nothing) on its left. Rows
that are not prose (a key-value header block above the minutes, a record
row) stay in the table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

PROSE_WORDS = 25  # a cell this long in words is running text, not a field
NARROW_WORDS = 6  # words on one line of a margin cell: "IB/AW", "Sara Roach", "Sept 2013"
NARROW_CHARS = 40
# a margin headed "Action" may write its tasks whole: "All partners to submit bids to OG by 29 February"
TASK_WORDS = 12
TASK_CHARS = 80
TITLE_WORDS = 8  # a number cell may carry the item's title: "3. Healthy weight strategy"
# The number cell of a minute: "3.", "6.1", "4a)", "16.01.05", "(ii)"; several stacked in one cell
REF_CELL = re.compile(r"^(?:\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?|[a-z]|[ivx]{1,5})(?:[.):]\s*|\s+|$))+$", re.I)
# A number cell that titles its row: "3. Healthy weight strategy", "4 Funding"
TITLED_REF = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?[.):]?\s+[A-Z][^.!?]*$")
# What a layout table prints over its margin column, or over its prose column
MARGIN_HEADER = re.compile(r"^(?:actions?(?:\s+by)?|owner|who|lead|by\s+whom|responsib\w*)$", re.I)
PROSE_HEADER = re.compile(r"^(?:|(?:agenda\s+)?items?\b.*|minutes?|notes?|discussion|topic.*|subject|"
                          r".*\bdiscussion\b.*|details?|business)$", re.I)
# What a layout table prints over its number column: "No.", "Item", "Ref", "Minute No.", "#"
NUMBER_HEADER = re.compile(r"^(?:(?:minute|item|agenda)\s+)?(?:no\.?|number|ref\.?)$|^(?:item|minute|#)$", re.I)
# A sentence end inside a cell: prose, not a label or a figure
SENTENCE = re.compile(r"[a-z] ?[.!?](?:\s|$)")  # some writers put a space before the stop


@dataclass(frozen=True)
class ProseRow:
    """Column indexes of a prose row's parts: its wide text cell, the number
    cell on its left (or None) and the margin cells on its right; ``titled``
    when the number cell carries the item's title too, a heading over the text."""
    content: int
    number: int | None
    margins: tuple[int, ...]
    titled: bool = False


def _words(text: str) -> int:
    return len(text.split())


def _narrow(text: str, words: int = NARROW_WORDS, chars: int = NARROW_CHARS) -> bool:
    return all(_words(line) <= words and len(line) <= chars for line in text.split("\n"))


def _title_cell(text: str) -> bool:
    """A number cell with the item's title after the number: "3. Healthy weight strategy"."""
    flat = " ".join(text.split())
    return TITLED_REF.match(flat) is not None and _words(flat) <= TITLE_WORDS + 1


def _is_prose(text: str, lines: int) -> bool:
    """Running text: long, with a sentence in it, over more than one line."""
    return _words(text) >= PROSE_WORDS and lines >= 2 and bool(SENTENCE.search(text))


def prose_row(cells: list[str], lines: list[int], tasks: bool = False) -> ProseRow | None:
    """The parts of a row of running text in a wide cell, or None.

    ``cells`` holds each cell's text ("" for an empty or merged-over slot),
    lines breaks kept; ``lines`` how many printed lines each cell has;
    ``tasks`` when the table's header names an "Action" margin."""
    filled = [i for i, text in enumerate(cells) if text.strip()]
    if not filled:
        return None
    content = max(filled, key=lambda i: _words(cells[i]))
    if not _is_prose(cells[content], lines[content]):
        return None
    return _shaped(cells, content, tasks)


def _shaped(cells: list[str], content: int, tasks: bool = False) -> ProseRow | None:
    """The row read as [number] text [margin]: at most a minute number (maybe
    with its title) on the left of the text cell and one narrow cell on its
    right, else None (a label on the left makes a key-value or record row).
    Under an "Action" header (``tasks``) the margin may write its tasks whole."""
    filled = [i for i, text in enumerate(cells) if text.strip()]
    left = [i for i in filled if i < content]
    right = [i for i in filled if i > content]
    number = " ".join(cells[left[0]].split()) if left else ""
    numbered = REF_CELL.match(number) is not None
    titled = bool(left) and not numbered and _title_cell(number)
    if len(left) > 1 or (left and not (numbered or titled)):
        return None
    limits = (TASK_WORDS, TASK_CHARS) if tasks else (NARROW_WORDS, NARROW_CHARS)
    if len(right) > 1 or not all(_narrow(cells[i], *limits) and _words(cells[i]) < _words(cells[content])
                                 for i in right):
        return None
    return ProseRow(content, left[0] if left else None, tuple(right), titled)


def is_layout_header(cells: list[str]) -> bool:
    """The header row of a layout table: a prose-column title (or none) and
    a margin title, "Topic of Discussion | Action", " | Action", maybe over
    a number column first, "No. | Minute | Action"."""
    filled = [" ".join(c.split()) for c in cells if c.strip()]
    if len(filled) == 3 and NUMBER_HEADER.match(filled[0]):
        filled = filled[1:]
    return (1 <= len(filled) <= 2 and MARGIN_HEADER.match(filled[-1]) is not None
            and all(PROSE_HEADER.match(c) for c in filled[:-1]))


def layout_rows(rows: list[list[str]], lines: list[list[int]]) -> list[ProseRow | None]:
    """Each row's prose parts, None for the rows that stay a table. Once a
    table holds prose rows, its shorter rows of the same shape are minutes
    too ("8. | Equalities: nothing raised"), read the same way."""
    tasks = bool(rows) and is_layout_header(rows[0])
    found = [prose_row(cells, n, tasks) for cells, n in zip(rows, lines)]
    if not any(found) or _record_table(rows, found):
        return [None] * len(rows)
    columns = {row.content for row in found if row}
    for i, cells in enumerate(rows):
        if found[i] is None and not is_layout_header(cells):
            found[i] = next((shape for c in sorted(columns) if cells[c].strip()
                             if (shape := _shaped(cells, c, tasks)) is not None), None)
    return found


def _record_table(rows: list[list[str]], found: list[ProseRow | None]) -> bool:
    """A table whose first row names three or more columns, or names its wide
    column as a record field, is a data table even where its cells run long
    (an action log with long descriptions)."""
    first = rows[0]
    names = [" ".join(c.split()) for c in first if c.strip()]
    if found[0] is not None or is_layout_header(first):
        return False
    return len(names) >= 3 and all(_words(n) <= 5 for n in names)
