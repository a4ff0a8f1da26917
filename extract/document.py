"""The one intermediate representation every parser produces and every
extractor reads: a parsed file is its normalised text, cut into pages, and a
sequence of blocks (headings, paragraphs, list items, tables), each carrying
its page number and character span in that text.

Spans index ``ParsedFile.text`` (not the raw bytes of the source), so a fact
found at ``text[start:end]`` can be shown to a user together with its page.

Page furniture (page numbers, "continued", protective markings, running heads
and feet) is told apart from the body once, here and in the parsers, as
docling-core keeps a furniture layer beside the body: a block left in the
text carries ``layer="furniture"``; a running line a parser cut out of the
text (the PDF parser's repeated heads and feet) is kept in
``ParsedFile.furniture`` with its page. Extractors read the layer; none
guesses furniture again.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Iterator, Literal

from minutes.extract.lexicon import PROTECTIVE_MARKINGS, alternation

BlockKind = Literal["heading", "paragraph", "list_item", "table"]
Layer = Literal["body", "furniture"]

# Lines that are page furniture wherever they stand: "3", "Page 3 of 10", "- 3 -", "3/10", "#" (a page
# number field left unfilled);
# "continued", "(cont'd)", "Action log (continued)", "continued overleaf"; "OFFICIAL - SENSITIVE".
_NUMBER = r"(?:\d+|#)"
PAGE_NUMBER = re.compile(rf"(?:page\s*)?{_NUMBER}(?:\s*(?:of|/)\s*{_NUMBER})?|[-–]\s*{_NUMBER}\s*[-–]", re.I)
_CONT = r"\(?(?:continued|cont'?d?\.?)\)?"
CONTINUED = re.compile(rf"{_CONT}(?:\s+(?:overleaf|on\s+(?:the\s+)?next\s+page|from\s+(?:page\s+)?\d+))?"
                       rf"|.{{1,60}}\s\((?:continued|cont'?d?\.?)\)", re.I)
PROTECTIVE_MARKING = re.compile(rf"{alternation(PROTECTIVE_MARKINGS)}\W*", re.I)


def is_furniture(text: str) -> bool:
    """Every line of ``text`` is a page number, a continuation note or a protective marking."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return bool(lines) and all(PAGE_NUMBER.fullmatch(line) or CONTINUED.fullmatch(line)
                               or PROTECTIVE_MARKING.fullmatch(line) for line in lines)


def is_numbering(label: str) -> bool:
    """A list label that numbers or letters its item ("3.", "(b)", "iv)"), not a bullet."""
    return any(c.isalnum() for c in label)


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TextBox:
    """Where a run of a block's text is printed: characters ``start:end`` of
    ``ParsedFile.text`` inside the box x0, top, x1, bottom (PDF points from
    the page's top left). PDF blocks carry them, so a fact's span can be
    shown highlighted on the page image."""
    start: int
    end: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Marker:
    """Text printed in a margin beside a block: an owner's initials in the
    "Action" column of minutes laid out in a table. Its span is its own
    (the text follows the block's in ``ParsedFile.text``); ``anchor`` is the
    offset of the block's line it stands beside, so a reader can tell which
    sentence of a long paragraph it belongs to."""
    text: str
    start: int
    end: int
    anchor: int


@dataclass
class Block:
    kind: BlockKind
    text: str
    page: int  # 1-based page number in the source file
    start: int  # character span in ParsedFile.text
    end: int
    level: int = 0  # heading level (1 = top) or list depth (0 = top)
    # list numbering as printed or restored: "1)", "a)", "-"; a number or letter
    # is printed in ParsedFile.text just before the span (see ``head``), a bullet is not
    label: str | None = None
    rows: list[list[Cell]] = field(default_factory=list)  # tables only
    markers: list[Marker] = field(default_factory=list)  # margin text beside the block
    boxes: list[TextBox] = field(default_factory=list)  # PDF only: where its text is printed
    layer: Layer = "body"

    @property
    def head(self) -> int:
        """Where the block's printed text starts: at its numbering label, which
        the text layer keeps before ``start`` (``text`` holds the item's words)."""
        return self.start - len(self.label) - 1 if self.label and is_numbering(self.label) else self.start

    @property
    def printed(self) -> str:
        """The block as printed, its numbering label in front: ``ParsedFile.text[head:end]``."""
        return f"{self.label} {self.text}" if self.head < self.start else self.text

    @property
    def is_table(self) -> bool:
        return self.kind == "table"

    @property
    def is_furniture(self) -> bool:
        return self.layer == "furniture"

    def cells(self) -> list[list[str]]:
        return [[c.text for c in row] for row in self.rows]


@dataclass(frozen=True)
class Page:
    number: int
    start: int
    end: int
    width: float | None = None  # PDF points, where the format has a page size
    height: float | None = None
    ocr_confidence: float | None = None  # read by OCR: mean word confidence, 0-100; None: a text layer


@dataclass(frozen=True)
class Furniture:
    """A running head or foot a parser cut out of the text: no span, only its page."""
    page: int
    text: str


@dataclass
class ParsedFile:
    path: str
    format: str  # txt | md | html | pdf | docx
    sha256: str
    text: str
    pages: list[Page]
    blocks: list[Block]
    furniture: list[Furniture] = field(default_factory=list)

    def ocr_pages(self) -> dict[int, float]:
        """Confidence of each page read by OCR, by page number."""
        return {p.number: p.ocr_confidence for p in self.pages if p.ocr_confidence is not None}

    def page_at(self, offset: int) -> int:
        """Page number holding character ``offset``."""
        starts = [p.start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)].number if self.pages else 1


class DocumentBuilder:
    """Accumulates blocks page by page and keeps the text and spans in step,
    so no parser computes offsets by hand."""

    def __init__(self, path: str, fmt: str, sha256: str) -> None:
        self.path, self.format, self.sha256 = path, fmt, sha256
        self._parts: list[str] = []
        self._length = 0
        self._pages: list[Page] = []
        self._page_start = 0
        self._page = 0
        self._size: tuple[float | None, float | None] = (None, None)
        self._confidence: float | None = None
        self.blocks: list[Block] = []
        self.furniture: list[Furniture] = []

    def new_page(self, width: float | None = None, height: float | None = None,
                 ocr_confidence: float | None = None) -> None:
        self._close_page()
        self._page += 1
        self._page_start = self._length
        self._size = width, height
        self._confidence = ocr_confidence

    def _close_page(self) -> None:
        if self._page:
            self._pages.append(Page(self._page, self._page_start, self._length, *self._size, self._confidence))

    def _append(self, text: str) -> tuple[int, int]:
        if self._length:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        return start, self._length

    def add(self, kind: BlockKind, text: str, level: int = 0, label: str | None = None) -> Block | None:
        text = text.strip()
        if not text:
            return None
        if not self._page:
            self.new_page()
        number = label if kind == "list_item" and label is not None and is_numbering(label) else None
        start, end = self._append(f"{number} {text}" if number else text)
        if number:
            start += len(number) + 1
        block = Block(kind, text, self._page, start, end, level=level, label=label,
                      layer="furniture" if is_furniture(text) else "body")
        self.blocks.append(block)
        return block

    def add_furniture(self, text: str) -> None:
        """A running line of the current page that the parser keeps out of the text."""
        if text.strip():
            self.furniture.append(Furniture(self._page, " ".join(text.split())))

    def add_table(self, rows: list[list[str]]) -> Block | None:
        """A table's text is its rows, cells separated by tabs, one row a line."""
        rows = [[" ".join(c.split()) for c in row] for row in rows]
        rows = [row for row in rows if any(row)]
        if not rows:
            return None
        if not self._page:
            self.new_page()
        text = "\n".join("\t".join(row) for row in rows)
        start, end = self._append(text)
        cells, pos = [], start
        for row in rows:
            out = []
            for c in row:
                out.append(Cell(c, pos, pos + len(c)))
                pos += len(c) + 1  # tab or newline
            cells.append(out)
        block = Block("table", text, self._page, start, end, rows=cells)
        self.blocks.append(block)
        return block

    def mark(self, block: Block, text: str, anchor: int) -> None:
        """Attach margin text to a block already added (on the current page)."""
        text = " ".join(text.split())
        if any(c.isalnum() for c in text):  # a stray full stop in the margin marks nothing
            start, end = self._append(text)
            block.markers.append(Marker(text, start, end, anchor))

    def build(self) -> ParsedFile:
        self._close_page()
        self._page = 0
        return ParsedFile(self.path, self.format, self.sha256, "".join(self._parts), self._pages, self.blocks,
                          self.furniture)


def iter_lines(block: Block) -> Iterator[tuple[str, int, int]]:
    """Lines of a block with their spans; table rows come out as tab-joined lines."""
    pos = block.start
    for line in block.text.split("\n"):
        yield line, pos, pos + len(line)
        pos += len(line) + 1


# A line that ends its sentence or clause (a stop, a colon, a semicolon, closing quotes or brackets after it).
CLOSED = re.compile(r"[.!?;:]\W{0,2}$")


def unwrapped(blocks: list[Block]) -> list[Block]:
    """Blocks as the minutes wrote their sentences: a line a PDF parser made
    a block of its own is joined to the one it carries on (it starts in lower
    case after a line without a closing stop, it follows a bare "Action:",
    or it closes a bracket the block before opened)."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "table" and b.kind != "table" and b.start == prev.end + 1 \
                and not prev.markers and _wraps_onto(prev.text, b):
            out[-1] = replace(prev, kind="paragraph" if prev.kind == "heading" else prev.kind,
                              text=f"{prev.text}\n{b.text}", end=b.end, markers=list(b.markers),
                              boxes=prev.boxes + b.boxes)
            continue
        out.append(b)
    return out


def _wraps_onto(text: str, nxt: Block) -> bool:
    tail = text[-12:]  # the tests read a line's end only (a search over the whole text is slow)
    point = nxt.kind == "list_item" and bool(nxt.label)
    last = tail.split()[-1].lower() if tail.split() else ""
    wrapped = not point and not CLOSED.search(tail) and (nxt.text[:1].islower()
                                                         or (last in OPEN_END and not ENTRY_END.search(tail)))
    return wrapped or bool(ACTION_TAIL.search(tail)) or ("[" in text and text.count("[") > text.count("]"))


# Words no sentence ends with, ending a line: "Agreed that" / "Ali should bring the costs ...".
OPEN_END = frozenset({"that", "the", "to", "and", "of", "for", "a", "an", "with", "by", "from", "in", "on", "at", "be",
                      "is", "are", "was", "were", "will", "would", "should"})


ENTRY_END = re.compile(r";\s*(?:and|or)$")  # "... Adopted; and" ends one entry of a list, the next starts below
ACTION_TAIL = re.compile(r"\baction\s*:\s*$", re.I)  # "... Action:" / "Mel Leitch by 03 Nov" on the next line
