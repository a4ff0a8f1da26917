"""PDF: text, geometry and ruled tables all from pdfium. Table structure comes
from the page's own path objects (rules snapped into grids, cells bounded by
rules on every side), so no second PDF reader parses the file again.

Characters become segments (runs along one baseline), segments become lines
(grouped by height, sorted left to right; a wide gap is kept as a tab so a
name | organisation list stays row by row), and lines become blocks the way
the text parser makes them: paragraphs keep their line breaks, labelled lines
are list items, tab lines are table rows, short bold or large lines are
headings. A paragraph ends at a baseline step wider than the document's line
pitch or at a line its writer ended short; justified lines keep their
stretched word gaps as spaces. Running headers, footers (of several lines,
too) and page numbers at the page edges are cut out of the text and kept as
the page's furniture; rules typed as underscores are dropped.
"""
from __future__ import annotations

import bisect
import ctypes
import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from minutes.extract.document import PAGE_NUMBER, Block, DocumentBuilder, ParsedFile, TextBox, is_furniture
from minutes.extract.errors import ParseError
from minutes.extract.parsers import ocr
from minutes.extract.parsers.layout import ProseRow, is_layout_header, layout_rows
from minutes.extract.parsers.ocr import OcrMode
from minutes.extract.unionfind import connected_groups

# a list label: a bullet, "3.", "(b)", "iv)", "II.", and a bracketed one typed with a space inside, "(c )"
# (kept as printed)
LIST_LABEL = re.compile(r"^([-–•●▪■◦○➢►✓*]|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\(\s?(?:[0-9]{1,2}|[a-zA-Z])\s?\)"
                        r"|\(?[ivxIVX]{1,4}[.)])\s+(?=\S)")
BULLETS = set("-–•●▪■◦○➢►✓*")
# Symbol-font bullets come out in the private-use area; they print as bullets.
PRIVATE_BULLETS = str.maketrans({c: "•" for c in "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8"})
# a rule typed as text ("_____", "-----"): a separator, not words
SPACE_RUN = re.compile("[ \u00a0]+")  # spaces a join closes up to one
TEXT_RULE = re.compile(r"[\s_=~*.·\-–—]*[_=~*.·\-–—]{4}[\s_=~*.·\-–—]*")
# a line ending in a comma, a joining word or a hyphen goes on below
OPEN_END = re.compile(r"(?:[,&+/–\-\x02]|\b(?:and|or|of|the|to|a|an|for|with|in|on|at|by|from))$", re.I)
SENTENCE_END = re.compile(r"[.:;!?][\"'”’)\]]*$")
BOLD_FONT = re.compile(rb"bold|black|heavy|semibold|,b$", re.I)
HYPHENS = "-\x02"  # pdfium reports a hyphen it saw at a line end as \x02
CONTROL = re.compile(r"[\x00\x01\x03-\x08\x0b-\x1f\uffff]")
EDGE_ZONE = 0.12  # share of the page height where running heads and feet live
STACK_ZONE, STACK_LINES = 0.2, 5  # how far a running head or foot of several lines reaches
TAB_GAP = 2.2  # a gap wider than this many font sizes separates columns
# A gap wider than this many font sizes ends a segment, though the line may
# still read it as a space: a margin note must not share a segment with the text.
SEGMENT_GAP = 1.5
PARA_PITCH = 1.45  # a baseline step (in font sizes) wider than this ends a paragraph
OCR_SIZE_STEP = 0.06  # OCR'd type sizes nearer than this (a share) are one size

Box = tuple[float, float, float, float]  # x0, top, x1, bottom; origin top left
Region = tuple[int, int, int] | None  # (table, row, column) holding a character


@dataclass(slots=True)
class Segment:
    text: str
    x0: float
    x1: float
    base: float  # baseline, measured from the top of the page
    size: float
    bold: bool
    region: Region = None
    last: int = 0  # index of its last character on the text page
    bold_end: bool = False  # its last character is bold (a bold run may go on on the next line)


class Line:
    """Segments along one baseline; its size and baseline are those of its
    largest type, kept as segments join (lines are measured once per segment)."""

    __slots__ = ("segments", "text", "size", "base", "title")

    def __init__(self, segment: Segment) -> None:
        self.segments = [segment]
        self.text = ""
        self.size, self.base = segment.size, segment.base
        self.title = False  # a running head kept where it opens page 1: the document's title

    def add(self, segment: Segment) -> None:
        self.segments.append(segment)
        if segment.size > self.size:
            self.size, self.base = segment.size, segment.base

    @property
    def top(self) -> float:
        return self.base - self.size

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segments)


class Table:
    """A ruled grid: its cells as found (merged ones whole), laid out in rows
    and columns by their top and left edges, with None where a merged cell
    covers a slot; rows holds the cell text once the characters are in."""

    def __init__(self, boxes: list[Box]) -> None:
        self.left, self.top = min(b[0] for b in boxes), min(b[1] for b in boxes)
        self.right, self.bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
        lefts, tops = sorted({b[0] for b in boxes}), sorted({b[1] for b in boxes})
        self.columns, self.row_tops = lefts, tops
        at = {(b[0], b[1]): b for b in boxes}
        self.cells: list[list[Box | None]] = [[at.get((x, y)) for x in lefts] for y in tops]
        self.lines: list[list[list[Line]]] = []  # each cell's lines, row by row
        self.rows: list[list[str]] = []
        # every rule position cuts the table into slots; each slot knows the cell covering it
        self._xs = sorted({x for b in boxes for x in (b[0], b[2])})
        self._ys = sorted({y for b in boxes for y in (b[1], b[3])})
        self._slots: dict[tuple[int, int], tuple[int, int]] = {}
        row_of, column_of = {y: j for j, y in enumerate(tops)}, {x: i for i, x in enumerate(lefts)}
        y_at, x_at = {y: j for j, y in enumerate(self._ys)}, {x: i for i, x in enumerate(self._xs)}
        for x0, top, x1, bottom in boxes:
            place = row_of[top], column_of[x0]
            for j in range(y_at[top], y_at[bottom]):
                for i in range(x_at[x0], x_at[x1]):
                    self._slots[j, i] = place

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the cell holding a point inside the table, None in
        a hole of an irregular grid."""
        return self.cell_in(self.slot(x, y))

    def slot(self, x: float, y: float) -> tuple[int, int]:
        """The slot between rule positions holding a point inside the table."""
        return (min(bisect.bisect_right(self._ys, y), len(self._ys) - 1) - 1,
                min(bisect.bisect_right(self._xs, x), len(self._xs) - 1) - 1)

    def cell_in(self, slot: tuple[int, int]) -> tuple[int, int] | None:
        return self._slots.get(slot)

    def slot_bounds(self, slot: tuple[int, int]) -> Box:
        j, i = slot
        return self._xs[i], self._ys[j], self._xs[i + 1], self._ys[j + 1]


@dataclass
class PageContent:
    height: float
    items: list[Line | Table]
    width: float = 0.0
    ocr_confidence: float | None = None  # pages read by OCR: Tesseract's mean word confidence
    furniture: list[Line] = field(default_factory=list)  # running lines cut out of the items

    def cut(self, line: Line) -> None:
        self.items.remove(line)
        self.furniture.append(line)


def parse_pdf(path: Path, data: bytes, sha256: str, ocr_mode: OcrMode = "auto") -> ParsedFile:
    pdf = _open(path, data)
    try:
        pages = _read_pages(path, pdf)
        advice = _ocr_pages(path, pdf, pages, ocr_mode)
    finally:
        pdf.close()
    _check_text(path, pages, advice)
    _snap_ocr_sizes(pages)
    _drop_running_lines(pages)
    _rejoin_split_rows(pages)
    sizes = _type_sizes(pages)
    builder = DocumentBuilder(str(path), "pdf", sha256)
    column = MarginColumn()
    for page in pages:
        builder.new_page(page.width, page.height, page.ocr_confidence)
        for line in page.furniture:
            builder.add_furniture(line.text)
        _emit_page(builder, page.items, sizes, column)
    return builder.build()


@dataclass
class PageGeometry:
    """What the reader found on one page before it made blocks: the page's
    size, its rules (merged as the table finder merges them), and its lines
    and ruled tables with the running heads and feet cut out (``content``)."""
    width: float
    height: float
    across: list[Rule]  # horizontal rules: (y, x0, x1)
    down: list[Rule]  # vertical rules: (x, top, bottom)
    content: PageContent


def page_geometry(path: Path, data: bytes, number: int) -> PageGeometry:
    """The geometry of page ``number`` (1-based) of a PDF's text layer, read
    as parse_pdf reads every page (running lines are told by all of them)."""
    pdf = _open(path, data)
    try:
        if not 1 <= number <= len(pdf):
            raise ParseError(str(path), "unsupported", f"no page {number}: the PDF has {len(pdf)}")
        page = _load_page(path, pdf, number - 1)
        try:
            height = page.get_height()
            across, down = (_merge(rules) for rules in _rules(page, height))
        finally:
            page.close()
        pages = _read_pages(path, pdf)
    finally:
        pdf.close()
    _drop_running_lines(pages)
    content = pages[number - 1]
    return PageGeometry(content.width, content.height, across, down, content)


def _open(path: Path, data: bytes) -> pdfium.PdfDocument:
    if b"%PDF" not in data[:1024]:
        raise ParseError(str(path), "corrupt", "not a PDF (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ParseError(str(path), "encrypted", "encrypted (password-protected PDF)") from e
        raise ParseError(str(path), "corrupt", f"PDF cannot be opened: {e}") from e
    if len(pdf) == 0:
        pdf.close()
        raise ParseError(str(path), "empty", "PDF has no pages")
    return pdf


def _text(pages: list[PageContent]) -> str:
    return " ".join(item.text if isinstance(item, Line) else " ".join(map(" ".join, item.rows))
                    for page in pages for item in page.items)


def _ocr_pages(path: Path, pdf: pdfium.PdfDocument, pages: list[PageContent], mode: OcrMode) -> str:
    """Replace by their OCR the pages that need it: with "auto", those with no
    text layer, and every page of a document whose text layer is garbled;
    with "always", every page. Returns what to tell the user of a document
    left without text."""
    if mode == "never":
        return "needs OCR, which is turned off (--ocr never)"
    if not ocr.available():
        return f"needs OCR: {ocr.INSTALL}"
    garbled = is_garbled(_text(pages))
    for index, page in enumerate(pages):
        if mode == "always" or garbled or not _text([page]).strip():
            read = _ocr_page(path, pdf, index)
            if read.items:  # a blank page stays a page of no text, not one read by OCR
                pages[index] = read
    return "OCR found no text either"


def _ocr_page(path: Path, pdf: pdfium.PdfDocument, index: int) -> PageContent:
    """A page read from its image: Tesseract's words become segments, and
    the rules drawn on the page (as paths, or as pixels of a scan) make the
    tables that claim them, as on any page."""
    scale = ocr.DPI / 72
    page = _load_page(path, pdf, index)
    try:
        across, down = _rules(page, page.get_height())
        image = page.render(scale=scale, grayscale=True).to_pil()
        try:
            read = ocr.read_page(image)
        except ocr.OcrTimeout as e:
            raise ParseError(str(path), "timeout", f"page {index + 1}: {e}") from e
    finally:
        page.close()
    across += [(y / scale, x0 / scale, x1 / scale) for y, x0, x1 in read.across]
    down += [(x / scale, top / scale, bottom / scale) for x, top, bottom in read.down]
    tables = _tables(across, down)
    region = _region_finder(tables) if tables else None
    segments = []
    for word in read.words:
        x0, x1, base, size = word.x0 / scale, word.x1 / scale, word.base / scale, word.size / scale
        where = region((x0 + x1) / 2, (word.top + word.bottom) / 2 / scale) if region else None
        # the trailing space marks the word gap, however tight the scan set it
        segments.append(Segment(word.text + " ", x0, x1, base, size, word.bold, where, bold_end=word.bold))
    content = _layout(image.height / scale, segments, tables)
    content.width, content.ocr_confidence = image.width / scale, read.confidence
    return content


def _snap_ocr_sizes(pages: list[PageContent]) -> None:
    """Tesseract measures each line's type size afresh, a few per cent either
    way (lines set in one size come out 13.4 to 14.9 pt), which would make
    every line a heading of its own level. Sizes within OCR_SIZE_STEP of the
    next are taken for one size: the median of the run, weighted by text."""
    lines = sorted((item for page in pages if page.ocr_confidence is not None
                    for item in page.items if isinstance(item, Line)), key=lambda ln: ln.size)
    runs: list[list[Line]] = []
    for line in lines:
        if runs and line.size <= runs[-1][-1].size * (1 + OCR_SIZE_STEP):
            runs[-1].append(line)
        else:
            runs.append([line])
    for run in runs:
        weights = [(ln.size, len(ln.text)) for ln in run]
        size = ocr.weighted_median(weights)
        for line in run:
            line.size = size
            for seg in line.segments:
                seg.size = size


def _check_text(path: Path, pages: list[PageContent], advice: str) -> None:
    text = _text(pages)
    if not text.strip():
        raise ParseError(str(path), "no_text", f"no text layer (scanned?); {advice}")
    layer = [page for page in pages if page.ocr_confidence is None]
    if layer and is_garbled(text if len(layer) == len(pages) else _text(layer)):
        raise ParseError(str(path), "no_text", f"text layer is garbled (broken font encoding); {advice}")


def is_garbled(text: str) -> bool:
    """Broken font encodings give control codes and vowel-less letter soup;
    real prose, even full of names and figures, is mostly vowel-bearing words."""
    words = text.split()
    visible = sum(map(len, words))
    if visible and len(ODD_CHARACTER.findall(text)) / visible > 0.1:
        return True
    tokens = len(words)
    if tokens < 20:
        return False
    # counted only until they are enough: prose gets there a third of the way in
    for n, _ in enumerate(VOWEL_WORD.finditer(text), 1):
        if n / tokens >= 0.3:
            return False
    return True


# a control code (those that are not spaces), a private-use glyph or U+FFFD
ODD_CHARACTER = re.compile("[\x00-\x08\x0e-\x1b\ue000-\uf8ff\ufffd]")
# a whitespace-separated token bearing a vowel among its letters ("[^\w\s]": punctuation inside the token)
VOWEL_WORD = re.compile(r"(?<!\S)[^\w\s]*[^\W\d_]*[aeiouyAEIOUY][^\W\d_]*[^\w\s]*(?!\S)")


# --- reading pages ---------------------------------------------------------


def _read_pages(path: Path, pdf: pdfium.PdfDocument) -> list[PageContent]:
    pages = []
    for index in range(len(pdf)):
        page = _load_page(path, pdf, index)
        try:
            height = page.get_height()
            content = _page_content(page, height, find_tables(page, height))
            content.width = page.get_width()
            pages.append(content)
        except pdfium.PdfiumError as e:  # its text layer cannot be loaded
            raise ParseError(str(path), "corrupt", f"page {index + 1} cannot be read: {e}") from e
        finally:
            page.close()
    return pages


def _load_page(path: Path, pdf: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """A page, or the file is corrupt (a page tree naming a page it lacks, a broken page dictionary)."""
    try:
        return pdf[index]
    except pdfium.PdfiumError as e:
        raise ParseError(str(path), "corrupt", f"page {index + 1} cannot be loaded: {e}") from e


def _page_content(page: pdfium.PdfPage, height: float, tables: list[Table]) -> PageContent:
    textpage = page.get_textpage()
    try:
        segments = _segments(textpage, height, tables)
    finally:
        textpage.close()
    return _layout(height, segments, tables)


def _layout(height: float, segments: list[Segment], tables: list[Table]) -> PageContent:
    """A page's segments as lines, and as cell text in its tables."""
    by_region: dict[Region, list[Segment]] = {}
    for seg in segments:
        by_region.setdefault(seg.region, []).append(seg)
    for ti, table in enumerate(tables):
        table.lines = [[_lines(by_region.get((ti, ri, ci), [])) if box else [] for ci, box in enumerate(row)]
                       for ri, row in enumerate(table.cells)]
        table.rows = [[_cell_text(lines, box) for lines, box in zip(*pair)] for pair in zip(table.lines, table.cells)]
    items: list[Line | Table] = [*_lines(by_region.get(None, [])), *tables]
    items.sort(key=lambda item: item.top)
    return PageContent(height, items)


def _region_finder(tables: list[Table]) -> Callable[[float, float], Region]:
    def region(x: float, y: float) -> Region:
        for ti, table in enumerate(tables):
            if table.left <= x <= table.right and table.top <= y <= table.bottom:
                return ti, *(table.cell_at(x, y) or (-1, -1))  # -1: in a hole, neither cell nor body text
        return None
    return region


def _segments(textpage: pdfium.PdfTextPage, height: float, tables: list[Table]) -> list[Segment]:
    """The page's characters as segments. A call into pdfium per character is
    what reading costs, so words are read whole where pdfium vouches for them:
    a word that is one run of one text object (FPDFText_CountRects) has one
    font, size and baseline, and its run's rectangle (FPDFText_GetRect) gives
    its extent; with its first character's box that settles everything the
    walk character by character (``_Reader.walk``) would find. Other words (a
    superscript inside, a run crossing a cell's border, a glyph out of line)
    are walked. This loop runs once a word: it is kept flat."""
    count = textpage.count_chars()
    text = textpage.get_text_range()
    reader = _Reader(textpage, height, tables)
    if len(text) != count:  # characters beyond the BMP shift the string: read one by one
        reader.walk(_whole_pairs([chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count)]), 0)
        return reader.finish()
    raw, segments, (left, right, bottom, top) = textpage.raw, reader.segments, reader.box
    left_at, right_at, bottom_at, top_at = reader.refs
    count_rects, get_rect, char_box = _COUNT_RECTS, _GET_RECT, _CHAR_BOX
    box_region = _BoxRegions(tables) if tables else None
    seg: Segment | None = None  # the segment being read
    end = 0
    for m in SPACED_WORD.finditer(text):
        space, line_break, word = m.groups()
        if seg is not None:  # the whitespace before: a space, and a line break ends the segment
            if space and not seg.text.endswith(" "):
                seg.text += " "
            if line_break:
                seg = None
        start, end = m.start(3), m.end()
        n = end - start
        if n > 1:  # a run's rectangle, or a one-letter word's own box
            if count_rects(raw, start, n) != 1:
                seg = reader.walk(word, start, seg)
                continue
            get_rect(raw, 0, left_at, top_at, right_at, bottom_at)
            x1, high, low = right.value, height - top.value, height - bottom.value
        char_box(raw, start, left_at, right_at, bottom_at, top_at)
        x0, first_x1, first_low, first_high = left.value, right.value, height - bottom.value, height - top.value
        if n == 1:
            x1, high, low = first_x1, first_high, first_low
        uniform, where = box_region(x0, high, x1, low) if box_region else (True, None)
        if not uniform or (x0 == first_x1 and first_low == first_high) or x1 - x0 < 0.01 or low - high < 0.01:
            seg = reader.walk(word, start, seg)
            continue
        if seg is not None and seg.region == where and _continues(seg, x0, first_low, first_high):
            joined = seg
        else:
            joined = reader.new_segment(start, "", x0, first_x1, where)
            joined.size = joined.size or first_high - first_low
        # the rest of the word follows its first character when all of it stands in the
        # segment's band, no wider than its letters could be
        size = joined.size
        if not (joined.base - size <= high and low <= joined.base + 0.3 * size and x1 - x0 <= n * size):
            seg = reader.walk(word, start, seg)
            continue
        if joined is seg:
            if x0 - seg.x1 > 0.6 * size and not seg.text.endswith(" "):
                seg.text += " "
        else:
            seg = joined
            segments.append(seg)
        seg.text += word
        if x1 > seg.x1:
            seg.x1 = x1
        seg.last = end - 1
    if seg is not None and end < len(text) and text[end] not in "\r\n" and not seg.text.endswith(" "):
        seg.text += " "
    return reader.finish()


# a word (\s is str.isspace(), as the walk tells spaces) and the whitespace before it: what
# stands before any line break in it, and the rest from the break on
SPACED_WORD = re.compile(r"([^\S\r\n]*)([\r\n]\s*)?(\S+)")


def _unchecked(function: Any, result: Any = ctypes.c_int) -> Any:
    """A pdfium function called without pypdfium2's check and conversion of
    each argument, which costs as much again as the call: for the calls made
    once a word, a segment, a page object or a path point. Nothing is checked,
    so callers pass only pypdfium2's handles, small ints and byref()s."""
    return ctypes.cast(function, ctypes.CFUNCTYPE(result))  # no argument types: none converted


_COUNT_RECTS, _GET_RECT, _CHAR_BOX, _CHAR_ORIGIN = map(_unchecked, (
    pdfium_c.FPDFText_CountRects, pdfium_c.FPDFText_GetRect, pdfium_c.FPDFText_GetCharBox,
    pdfium_c.FPDFText_GetCharOrigin))
_GET_MATRIX = _unchecked(pdfium_c.FPDFText_GetMatrix)
# the page objects a rule finder walks, and their paths' points
_PAGE_OBJECT = _unchecked(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDF_PAGEOBJECT)
_PATH_SEGMENT = _unchecked(pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDF_PATHSEGMENT)
_OBJECT_TYPE, _BOUNDS, _POINT, _SEGMENT_TYPE, _SEGMENT_CLOSES = map(_unchecked, (
    pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetBounds, pdfium_c.FPDFPathSegment_GetPoint,
    pdfium_c.FPDFPathSegment_GetType, pdfium_c.FPDFPathSegment_GetClose))
_FONT_SIZE = _unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
# FPDFText_GetTextObject and FPDFTextObj_GetFont giving addresses as ints (None for a generated
# character), to be dict keys; GetFont keeps its argument's type, as it is given such an int, which
# passed untyped would be cut to a C int
_text_object = _unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_object_font = ctypes.cast(pdfium_c.FPDFTextObj_GetFont, ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p))


class _Reader:
    """What reading a page's segments needs besides its loop: reusable
    out-parameters for pdfium, the walk character by character, and the
    segments' type size and weight."""

    def __init__(self, textpage: pdfium.PdfTextPage, height: float, tables: list[Table]) -> None:
        self.raw, self.height = textpage.raw, height
        self.region = _region_finder(tables) if tables else None
        self.box = [ctypes.c_double() for _ in range(4)]
        self.matrix, self.font, self.flags = pdfium_c.FS_MATRIX(), ctypes.create_string_buffer(128), ctypes.c_int()
        self.refs, self.matrix_at = [ctypes.byref(v) for v in self.box], ctypes.byref(self.matrix)  # unchecked calls
        self.segments: list[Segment] = []
        # type size and weight by text object, weight by font (by their addresses)
        self.known: dict[int, tuple[float, bool]] = {}
        self.bold_fonts: dict[int, bool] = {}

    def finish(self) -> list[Segment]:
        for seg in self.segments:
            # bold from its first character to its last: a bold lead-in ("Action:") leaves the run plain
            seg.bold_end = self.facts(seg.last)[1]
            seg.bold = seg.bold and seg.bold_end
        return self.segments

    def walk(self, chars: str | list[str], start: int, current: Segment | None = None) -> Segment | None:
        """Characters one by one from index ``start``, each with its own box,
        ``current`` the segment they may go on; returns the segment left open."""
        raw, height, region, (left, right, bottom, top) = self.raw, self.height, self.region, self.box
        left_at, right_at, bottom_at, top_at = self.refs
        for i, ch in enumerate(chars, start):
            if not ch:
                continue  # the second half of a surrogate pair, joined to the first
            if ch in "\r\n":
                current = None
                continue
            if ch.isspace():
                if current is not None and not current.text.endswith(" "):
                    current.text += " "
                continue
            _CHAR_BOX(raw, i, left_at, right_at, bottom_at, top_at)
            x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
            if x0 == x1 and y0 == y1:
                continue  # a generated character with no place on the page
            low, high = height - y0, height - y1
            where = region((x0 + x1) / 2, (low + high) / 2) if region else None
            if current is not None and current.region == where and _continues(current, x0, low, high):
                # pdfium marks word gaps itself and glyph boxes are tight: only a wide gap is a space
                if x0 - current.x1 > 0.6 * current.size and not current.text.endswith(" "):
                    current.text += " "
                current.text += ch
                current.x1 = max(current.x1, x1)
                current.last = i
            else:
                current = self.new_segment(i, ch, x0, x1, where)
                current.size = current.size or high - low
                self.segments.append(current)
        return current

    def new_segment(self, i: int, text: str, x0: float, x1: float, region: Region) -> Segment:
        _CHAR_ORIGIN(self.raw, i, self.refs[0], self.refs[2])
        size, bold = self.facts(i)
        return Segment(text, x0, x1, self.height - self.box[2].value, size, bold, region, i)

    def facts(self, i: int) -> tuple[float, bool]:
        """Type size and weight of character ``i``. They are its text object's
        (its Tf size and matrix) and its font's, so pdfium is asked once an
        object, and for the weight once a font, not five times a segment."""
        obj = _text_object(self.raw, i)
        if not obj:  # a generated character
            return self.size(i), self.bold(i)
        found = self.known.get(obj)
        if found is None:
            font = _object_font(obj)
            bold = self.bold_fonts.get(font)
            if bold is None:
                bold = self.bold_fonts[font] = self.bold(i)
            found = self.known[obj] = self.size(i), bold
        return found

    def size(self, i: int) -> float:
        """The type size on the page. pdfium reports the Tf operand, but some
        producers (Mac Quartz, Distiller, Acrobat) set a 1-point font and scale
        it with the text matrix; against a size of 1 every gap between letters
        reads as a space and every space as a column gap. The matrix's scale
        across the baseline (its determinant over its scale along the baseline,
        so skewed italics and rotated text keep their size) restores the size."""
        m = self.matrix
        _GET_MATRIX(self.raw, i, self.matrix_at)
        along = math.hypot(m.a, m.b)
        # rounded: the matrix is single precision, and a rotated 1.0 must stay 1.0
        scale = round(abs(m.a * m.d - m.b * m.c) / along, 3) if along else 1.0
        return _FONT_SIZE(self.raw, i) * scale

    def bold(self, i: int) -> bool:
        if pdfium_c.FPDFText_GetFontWeight(self.raw, i) >= 600:
            return True
        pdfium_c.FPDFText_GetFontInfo(self.raw, i, self.font, len(self.font), self.flags)
        return bool(BOLD_FONT.search(self.font.value))


class _BoxRegions:
    """The region holding a whole box: (True, region) when every point of it
    lies in one region (the one _region_finder gives each of them), (False,
    None) when it straddles a border. Words come cell by cell, so the last
    cell's slot is tried first."""

    def __init__(self, tables: list[Table]) -> None:
        self.tables = tables
        self.last: tuple[float, float, float, float, Region] | None = None  # a slot's bounds and region

    def __call__(self, x0: float, top: float, x1: float, bottom: float) -> tuple[bool, Region]:
        last = self.last
        if last is not None and last[0] <= x0 and x1 < last[2] and last[1] <= top and bottom < last[3]:
            return True, last[4]
        for ti, table in enumerate(self.tables):
            if x1 < table.left or x0 > table.right or bottom < table.top or top > table.bottom:
                continue
            if x0 < table.left or x1 > table.right or top < table.top or bottom > table.bottom:
                return False, None
            slot = table.slot(x0, top)
            if slot != table.slot(x1, bottom):
                return False, None
            region = (ti, *(table.cell_in(slot) or (-1, -1)))
            bounds = table.slot_bounds(slot)
            if not any(_overlap(bounds, earlier) for earlier in self.tables[:ti]):
                self.last = (*bounds, region)
            return True, region
        return True, None


def _overlap(bounds: Box, table: Table) -> bool:
    x0, top, x1, bottom = bounds
    return not (x1 < table.left or x0 > table.right or bottom < table.top or top > table.bottom)


def _whole_pairs(units: list[str]) -> list[str]:
    """pdfium counts UTF-16 code units: an emoji is two, a surrogate pair.
    Each pair becomes one character at its first index, "" at its second,
    so indexes still address pdfium's characters."""
    for i in range(len(units) - 1):
        if "\ud800" <= units[i] <= "\udbff" and "\udc00" <= units[i + 1] <= "\udfff":
            units[i] = (units[i] + units[i + 1]).encode("utf-16", "surrogatepass").decode("utf-16")
            units[i + 1] = ""
    return units


def _continues(seg: Segment, left: float, low: float, high: float) -> bool:
    """Same baseline band, and no jump back or across a column gap (ligatures
    share one box, so a small step back is allowed)."""
    middle = (low + high) / 2
    return (seg.base - seg.size <= middle <= seg.base + 0.3 * seg.size
            and seg.x1 - seg.size <= left <= seg.x1 + SEGMENT_GAP * seg.size)


def _lines(segments: list[Segment]) -> list[Line]:
    """Segments whose middles fall in a line's height join that line."""
    lines: list[Line] = []
    for seg in sorted(segments, key=lambda s: (s.base, s.x0)):
        middle = seg.base - seg.size / 3
        # the latest of the last three lines whose height holds it (a plain loop: this runs once a segment)
        for k in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            line = lines[k]
            if line.base - line.size <= middle <= line.base + 0.25 * line.size:
                line.add(seg)
                break
        else:
            lines.append(Line(seg))
    for line in lines:
        if len(line.segments) > 1:  # most lines are one segment, its baseline the line's already
            line.segments.sort(key=lambda s: s.x0)
            line.base = max(line.segments, key=lambda s: s.size).base  # of equal sizes, the leftmost
        line.text = _join_segments(line.segments)
    wide = [("\t" in line.text) for line in lines]
    for i, line in enumerate(lines):
        if wide[i] and any(_justified(line, lines[j]) for j in (i - 1, i + 1) if 0 <= j < len(lines) and not wide[j]):
            line.text = _join_segments(line.segments, tabs=False)
    # an empty bulleted paragraph prints a bullet alone on its line; a typed rule
    # separates, and the line it takes still parts the blocks around it
    return [line for line in lines if line.text and line.text not in BULLETS and not TEXT_RULE.fullmatch(line.text)]


def _justified(line: Line, other: Line) -> bool:
    """A full line of a justified paragraph, its word gaps stretched wide: a
    neighbouring line of the paragraph, in the same type and with no wide gap,
    starts and ends where it does (within an indent at the start)."""
    size = line.size
    return (abs(other.size - size) <= 0.15 * size and abs(other.base - line.base) <= 2 * size
            and abs(other.x1 - line.x1) <= 0.2 * size and abs(other.x0 - line.x0) <= 3 * size)


def _visible(text: str) -> str:
    """A segment's printable text: no control codes, symbol-font bullets as
    bullets, and characters beyond the BMP (emoji), which pdfium hands over
    as UTF-16 surrogate halves, made whole (a lone half becomes U+FFFD)."""
    if text.isprintable():  # the common case: none of these
        return text.strip()
    text = CONTROL.sub("", text.replace("\ufffe", "\x02")).translate(PRIVATE_BULLETS).strip()
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _join_segments(segments: list[Segment], tabs: bool = True) -> str:
    out = ""
    prev: Segment | None = None
    for seg in segments:
        text = _visible(seg.text)
        if not text:
            continue
        if prev is not None:
            gap = seg.x0 - prev.x1
            if tabs and gap > TAB_GAP * max(prev.size, seg.size) and not LIST_LABEL.match(out + " x"):
                out += "\t"
            elif gap > 0.15 * prev.size or prev.text.endswith(" "):
                out += " "
        out += text
        prev = seg
    if "  " in out or "\u00a0" in out:  # most lines have no run to close up: skip the regex
        out = SPACE_RUN.sub(" ", out)
    return out.strip()


def _cell_text(lines: list[Line], box: Box | None) -> str:
    """A cell's lines joined by spaces, except where a word too long for a
    narrow column was broken across lines ("Bas|eline", "1,0|00")."""
    if not lines or box is None:
        return ""
    right = box[2] - (min(ln.x0 for ln in lines) - box[0])  # same padding both sides
    out = lines[0].text
    for prev, line in zip(lines, lines[1:]):
        out += "" if _broken_word(prev, line, right) else " "
        out += line.text
    return out


def _broken_word(prev: Line, line: Line, right: float) -> bool:
    # a line wrapped at a space ends with that space in the text layer, and a wrap breaks a word only
    # where it is longer than the column is wide: alone on its line ("Circulate the|draft" is two words)
    if " " in prev.text.strip():
        return False
    last = prev.segments[-1]
    split_number = bool(re.search(r"\d[.,]$", prev.text)) and line.text[:1].isdigit()
    return (not last.text.endswith(" ") and last.x1 > right - last.size
            and (split_number or prev.text[-1:].isalnum() and line.text[:1].isalnum()
                 and not line.text[:1].isupper()))


# --- ruled tables ----------------------------------------------------------

SNAP = 3.0  # rules nearer than this (pt) are one rule; ends nearer than this join or meet
RULE = 3.0  # a path no thicker than this is a rule: a stroked line or a filled bar
MAX_SEGMENTS = 64  # longer paths are drawings (charts, logos), not table borders
Rule = tuple[float, float, float]  # position across the rule, then its start and end along it
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying inner, then outer (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> Point:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _rules(page: pdfium.PdfPage, height: float) -> tuple[list[Rule], list[Rule]]:
    """Horizontal (y, x0, x1) and vertical (x, top, bottom) straight lines drawn
    on the page, in top-down coordinates. Only geometry counts, as in any ruled
    table finder: the sides of a filled cell background are rules too."""
    across: list[Rule] = []
    down: list[Rule] = []
    f = [ctypes.c_float() for _ in range(4)]
    at = [ctypes.byref(v) for v in f]
    fs = pdfium_c.FS_MATRIX()

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        if abs(y0 - y1) <= 0.01 and abs(x1 - x0) >= 1:
            across.append((height - y0, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) <= 0.01 and abs(y1 - y0) >= 1:
            down.append((x0, height - max(y0, y1), height - min(y0, y1)))

    def walk(count: int, get: Callable[[int], Any], outer: Matrix) -> None:
        for i in range(count):
            obj = get(i)
            kind = _OBJECT_TYPE(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                pdfium_c.FPDFPageObj_GetMatrix(obj, fs)
                inner = (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)
                # objects inside a form are placed in its space, not the page's
                walk(pdfium_c.FPDFFormObj_CountObjects(obj),
                     partial(pdfium_c.FPDFFormObj_GetObject, obj), _then(inner, outer))
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                _path_rules(obj, outer, add, f, at, fs)

    walk(pdfium_c.FPDFPage_CountObjects(page.raw), partial(_PAGE_OBJECT, page.raw), IDENTITY)
    return across, down


def _path_rules(obj: Any, outer: Matrix, add: Callable[[float, float, float, float], None],
                f: list[ctypes.c_float], at: list[Any], fs: pdfium_c.FS_MATRIX) -> None:
    """The straight axis-parallel pieces of one path object (f and fs are
    reusable out-parameters, ``at`` f's references for the unchecked calls)."""
    _BOUNDS(obj, *at)
    left, bottom, right, top = f[0].value, f[1].value, f[2].value, f[3].value
    if outer != IDENTITY:  # bounds are in the enclosing form's space
        (left, bottom), (right, top) = _apply(outer, left, bottom), _apply(outer, right, top)
        left, right, bottom, top = min(left, right), max(left, right), min(bottom, top), max(bottom, top)
    if top - bottom <= RULE:  # one call settles the common case: a line or thin bar
        add(left, (top + bottom) / 2, right, (top + bottom) / 2)
        return
    if right - left <= RULE:
        add((left + right) / 2, bottom, (left + right) / 2, top)
        return
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count > MAX_SEGMENTS:
        return
    pdfium_c.FPDFPageObj_GetMatrix(obj, fs)
    m = _then((fs.a, fs.b, fs.c, fs.d, fs.e, fs.f), outer)
    x, y = f[0], f[1]
    start = last = None
    for i in range(count):
        seg = _PATH_SEGMENT(obj, i)
        _POINT(seg, at[0], at[1])
        point = _apply(m, x.value, y.value)
        kind = _SEGMENT_TYPE(seg)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and last is not None:
            add(*last, *point)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif _SEGMENT_CLOSES(seg) and start is not None:
            add(*point, *start)
        last = point


def _merge(rules: list[Rule]) -> list[Rule]:
    """Rules within SNAP of one another move to their mean position (a bar's
    two sides, a double border); pieces of one rule whose ends meet are joined."""
    clusters: list[list[Rule]] = []
    for rule in sorted(rules):
        if clusters and rule[0] - clusters[-1][-1][0] <= SNAP:
            clusters[-1].append(rule)
        else:
            clusters.append([rule])
    merged: list[Rule] = []
    for cluster in clusters:
        pos = sum(r[0] for r in cluster) / len(cluster)
        pieces = sorted(cluster, key=lambda r: r[1])
        start, end = pieces[0][1], pieces[0][2]
        for _, s, e in pieces[1:]:
            if s > end + SNAP:
                merged.append((pos, start, end))
                start, end = s, e
            else:
                end = max(end, e)
        merged.append((pos, start, end))
    return [r for r in merged if r[2] - r[1] >= SNAP]


def _cells(across: list[Rule], down: list[Rule]) -> list[Box]:
    """Smallest rectangles with a rule along every side: where an interior
    rule is missing the cell extends to the next crossing, so merged cells
    come out whole."""
    crossings: dict[Point, tuple[set[int], set[int]]] = {}  # point -> (horizontal, vertical) rules through it
    heights = [y for y, _, _ in across]  # _merge sorts by position
    for vi, (x, top, bottom) in enumerate(down):
        for hi in range(bisect.bisect_left(heights, top - SNAP), bisect.bisect_right(heights, bottom + SNAP)):
            y, x0, x1 = across[hi]
            if x0 - SNAP <= x <= x1 + SNAP:
                hs, vs = crossings.setdefault((x, y), (set(), set()))
                hs.add(hi)
                vs.add(vi)
    by_x: dict[float, list[Point]] = {}
    by_y: dict[float, list[Point]] = {}
    for point in sorted(crossings):
        by_x.setdefault(point[0], []).append(point)
        by_y.setdefault(point[1], []).append(point)
    cells: list[Box] = []
    for (x, y), (hs, vs) in crossings.items():
        cell = next(((x, y, rx, by)
                     for bx, by in by_x[x] if by > y and vs & crossings[bx, by][1]
                     for rx, ry in by_y[y] if rx > x and hs & crossings[rx, ry][0]
                     if (rx, by) in crossings
                     and crossings[rx, by][0] & crossings[bx, by][0]
                     and crossings[rx, by][1] & crossings[rx, ry][1]), None)
        if cell is not None:
            cells.append(cell)
    return cells


def _grids(cells: list[Box]) -> list[list[Box]]:
    """Cells that share a corner belong to one table."""
    owner: dict[Point, int] = {}
    links = [(i, j) for i, (x0, top, x1, bottom) in enumerate(cells)
             for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
             if (j := owner.setdefault(corner, i)) != i]
    return [[cells[i] for i in group] for group in connected_groups(range(len(cells)), links)]


def find_tables(page: pdfium.PdfPage, height: float) -> list[Table]:
    return _tables(*_rules(page, height))


def _tables(across: list[Rule], down: list[Rule]) -> list[Table]:
    if len(across) < 2 or len(down) < 2:
        return []
    tables = [Table(sorted(group, key=lambda c: (c[1], c[0])))
              for group in _grids(_cells(_merge(across), _merge(down)))]
    # a box round text is no table, nor are boxes stacked in one column:
    # highlight fills behind words, shaded bands behind a page or a row
    tables = [t for t in tables if len(t.columns) >= 2]
    return sorted(tables, key=lambda t: (t.top, t.left))


def _rejoin_split_rows(pages: list[PageContent]) -> None:
    """A row broken by a page break ends the page's last table and goes on in
    the first row of the table opening the next page: that row is glued back
    on when it leaves empty a cell the broken row filled. A page holding
    nothing but such a row passes the row's end on to the next page."""
    before: Line | Table | None = None
    for page in pages:
        after = page.items[0] if page.items else None
        if isinstance(before, Table) and isinstance(after, Table) and _continues_row(before, after):
            for ci, (box, lines) in enumerate(zip(before.cells[-1], after.lines[0])):
                before.lines[-1][ci] += lines
                before.rows[-1][ci] = _cell_text(before.lines[-1][ci], box or after.cells[0][ci])
            del after.rows[0], after.lines[0], after.cells[0], after.row_tops[0]
            if not after.rows:
                page.items.remove(after)
        if page.items:
            before = page.items[-1]


def _continues_row(before: Table, after: Table) -> bool:
    last, first = before.rows[-1], after.rows[0]
    if layout_rows(before.rows, [[len(lines) for lines in row] for row in before.lines])[-1]:
        return False  # running text flows on over the page break as any text does
    if len(last) != len(first) or any(abs(a - b) > SNAP for a, b in zip(before.columns, after.columns)):
        return False
    # a cell merged down over the rows below is a group label, left empty by a
    # new row inside the group: only a cell of the row's own height counts
    below = after.row_tops[1] if len(after.row_tops) > 1 else after.bottom
    own = [box is not None and box[3] <= below + SNAP for box in after.cells[0]]
    return any(first) and any(prev and not text and mine for prev, text, mine in zip(last, first, own))


# --- running heads and feet ------------------------------------------------


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _edge_lines(page: PageContent) -> list[Line]:
    """Up to two lines at the top and two at the bottom, inside the edge zones."""
    lines = [item for item in page.items if isinstance(item, Line)]
    top = [ln for ln in lines[:2] if ln.base < page.height * EDGE_ZONE]
    bottom = [ln for ln in lines[-2:] if ln.top > page.height * (1 - EDGE_ZONE) and ln not in top]
    return top + bottom


def _drop_running_lines(pages: list[PageContent]) -> None:
    _drop_running_stacks(pages)
    counts = Counter(key for page in pages for key in {_edge_key(ln.text) for ln in _edge_lines(page)})
    repeated = {k for k, n in counts.items() if n >= 2 and n >= 0.4 * len(pages)}
    for page in pages:
        seen: set[str] = set()
        for line in _edge_lines(page):
            key = _edge_key(line.text)
            if (PAGE_NUMBER.fullmatch(line.text.strip()) or key in repeated) and key not in seen:
                seen.add(key)  # a title under a running head of the same words stays
                page.cut(line)
    _keep_opening_heads(pages[0])


def _keep_opening_heads(page: PageContent) -> None:
    """A running head is printed on the first page too, where it is the
    document's title (a title and date a producer repeats at the top of every
    page): there it stays in the text, save what is furniture anywhere (a
    page number, a protective marking) and a head whose words the page
    prints again as its title."""
    printed = {_edge_key(item.text) for item in page.items if isinstance(item, Line)}
    for line in [ln for ln in page.furniture if ln.base < page.height / 2]:
        if not is_furniture(line.text) and _edge_key(line.text) not in printed:
            page.furniture.remove(line)
            page.items.append(line)
            line.title = True
    page.items.sort(key=lambda item: item.top)


def _edge_stacks(page: PageContent) -> list[list[Line]]:
    """The lines nearest the top and the bottom edge, edge first, as far as
    STACK_LINES lines or the STACK_ZONE share of the page height."""
    lines = [item for item in page.items if isinstance(item, Line)]
    top = list(itertools.takewhile(lambda ln: ln.base < page.height * STACK_ZONE, lines[:STACK_LINES]))
    bottom = list(itertools.takewhile(lambda ln: ln.top > page.height * (1 - STACK_ZONE),
                                      lines[::-1][:STACK_LINES]))
    return [top, [ln for ln in bottom if ln not in top]]


def _drop_running_stacks(pages: list[PageContent]) -> None:
    """Running heads and feet of several lines reach above the edge zone: a line
    near an edge that recurs in the same place on most pages is one, and so is
    everything between it and the edge, and so are the lines next to those,
    in type smaller than the body's, that recur in their place on some other
    page (the parts of a footer naming one of the meetings a document bundles;
    a heading opening two pages in the same place is no such line)."""
    stacks = [_edge_stacks(page) for page in pages]
    sizes: Counter[int] = Counter()
    for page in pages:
        for item in page.items:
            if isinstance(item, Line):
                sizes[round(item.size)] += len(item.text)
    body = sizes.most_common(1)[0][0] if sizes else 0
    places: dict[str, list[tuple[int, float]]] = {}
    for index, page_stacks in enumerate(stacks):
        for line in {ln for stack in page_stacks for ln in stack}:
            places.setdefault(_edge_key(line.text), []).append((index, line.base))

    def pages_with(line: Line) -> set[int]:
        return {i for i, base in places[_edge_key(line.text)] if abs(base - line.base) <= SNAP}

    for page, page_stacks in zip(pages, stacks):
        for stack in page_stacks:
            last = -1  # the stack's lines up to here are running lines
            for i, line in enumerate(stack):
                recurring = len(pages_with(line))
                small = max(line.segments, key=lambda seg: len(seg.text)).size < 0.9 * body
                if recurring >= 2 and (recurring > len(pages) / 2 or small and last >= 0 and i - last <= 2):
                    last = i
            for line in stack[:last + 1]:
                page.cut(line)


# --- blocks ----------------------------------------------------------------


@dataclass
class TypeSizes:
    body: float
    larger: list[float]  # sizes used for headings, largest first
    pitch: dict[int, float]  # baseline step inside a paragraph, by rounded size, where measured
    bold_body: bool = False  # most body text is bold (or its font says so): bold marks no heading


def _type_sizes(pages: list[PageContent]) -> TypeSizes:
    weights: Counter[float] = Counter()
    bold: Counter[float] = Counter()
    steps: dict[int, list[float]] = {}
    for page in pages:
        for prev, item in zip([None, *page.items], page.items):
            if isinstance(item, Line):
                weights[round(item.size)] += len(item.text)
                if item.bold:
                    bold[round(item.size)] += len(item.text)
                # a line going on in lower case continues the line above: its step is the line pitch
                if isinstance(prev, Line) and item.text[:1].islower() and round(prev.size) == round(item.size):
                    step = item.base - prev.base
                    if 0 < step <= 3 * item.size:
                        steps.setdefault(round(item.size), []).append(step)
    body = weights.most_common(1)[0][0] if weights else 0.0
    pitch = {size: statistics.median(found) for size, found in steps.items() if len(found) >= 3}
    return TypeSizes(body, sorted((s for s in weights if s >= body * 1.15), reverse=True), pitch,
                     bold_body=bold[body] > 0.5 * weights[body] if weights else False)


def _heading_level(lines: list[Line], sizes: TypeSizes) -> int:
    """0 for body text; 1.. for large type by size rank; 6 for bold body type
    (as the text parser treats a bold line)."""
    text = " ".join(ln.text for ln in lines)
    if len(lines) > 3 or len(text) > 200 or "\t" in text:
        return 0
    size = round(max(ln.size for ln in lines))
    if size in sizes.larger:
        return min(sizes.larger.index(size) + 1, 5)
    return 6 if all(ln.bold for ln in lines) and not sizes.bold_body else 0


@dataclass
class MarginColumn:
    """The right-hand "Action" column of minutes laid out in columns without
    rules: it starts at ``x`` from its header line on (and over the pages
    after), and what stands there is margin text, not part of the line."""
    x: float | None = None

    def split(self, lines: list[Line]) -> dict[int, str]:
        """Take the margin text off the lines, returned by the id of its line;
        a header line sets the column and is emptied (it only names it)."""
        found: dict[int, str] = {}
        for line in lines:
            header = self._header(line)
            if header is not None:
                self.x, line.text = header, ""
                continue
            if self.x is None or line.x1 < self.x:
                continue
            edge = self.x - 0.5 * line.size
            segments = line.segments
            margin = [seg for seg in segments if seg.x0 >= edge]
            if margin and len(margin) < len(segments):
                line.segments = [seg for seg in segments if seg.x0 < edge]
                line.text = _join_segments(line.segments)
                found[id(line)] = _join_segments(margin)
        return found

    @staticmethod
    def _header(line: Line) -> float | None:
        parts = line.text.split("\t")
        if len(parts) < 2 or not is_layout_header(parts):
            return None
        last = parts[-1].split()[0]
        return next((seg.x0 for seg in reversed(line.segments) if seg.text.strip().startswith(last)), None)


def _emit_page(builder: DocumentBuilder, items: list[Line | Table], sizes: TypeSizes,
               column: MarginColumn) -> None:
    markers = column.split([item for item in items if isinstance(item, Line)])
    items = [item for item in items if not isinstance(item, Line) or item.text]
    margin = _left_margin(items)
    text_lines = [item for item in items if isinstance(item, Line) and "\t" not in item.text]
    lines: list[Line] = []
    made: list[tuple[Block, list[Line]]] = []
    for item in items:
        if isinstance(item, Table):
            made += _flow(builder, lines, sizes, margin, text_lines)
            lines = []
            _emit_table(builder, item, sizes)
        else:
            lines.append(item)
    made += _flow(builder, lines, sizes, margin, text_lines)
    for block, block_lines in made:
        for line in block_lines:
            if id(line) in markers:
                _mark(builder, block, line, markers[id(line)])


def _mark(builder: DocumentBuilder, block: Block, line: Line, text: str) -> None:
    """Margin text beside one of a block's lines."""
    offset = block.printed.find(line.text[:20])
    builder.mark(block, text, block.head + max(offset, 0))


def _flow(builder: DocumentBuilder, items: list[Line], sizes: TypeSizes, margin: float,
          text_lines: list[Line]) -> list[tuple[Block, list[Line]]]:
    """Lines into blocks: paragraphs, list items, headings, and tab-aligned
    rows as tables; returns the blocks made of text lines, with their lines."""
    out: list[tuple[Block, list[Line]]] = []
    block: list[Line] = []
    rows: list[Line] = []

    def flush() -> None:
        if block:
            made = _emit_block(builder, block, sizes, margin)
            if made is not None:
                _place(made, block)
                out.append((made, list(block)))
            block.clear()
        if rows:
            _place(builder.add_table([line.text.split("\t") for line in rows]), rows)
            rows.clear()

    for item in items:
        if item.title:  # each line of the title block a heading, as a running head is one line
            flush()
            made = builder.add("heading", " ".join(item.text.split()), level=1)
            if made is not None:
                _place(made, [item])
                out.append((made, [item]))
        elif "\t" in item.text and not LIST_LABEL.match(item.text):
            if block:
                flush()
            rows.append(item)
        else:
            if rows or (block and (_starts_block(block[-1], item, sizes) or _ends_short(block, item, text_lines))):
                flush()
            block.append(item)
    flush()
    return out


def _place(block: Block | None, lines: list[Line]) -> None:
    """Give the block the boxes of its segments, found in its text in order
    (a segment whose text the block rewrote, a hyphen rejoined, is skipped)."""
    if block is None:
        return
    at, printed, head, boxes = 0, block.printed, block.head, block.boxes
    for line in lines:
        for seg in line.segments:
            words = _visible(seg.text).replace("\x02", "-")
            found = printed.find(words, at) if words else -1
            if found < 0 and LIST_LABEL.match(words):  # a bullet is printed, but not in the text
                words = LIST_LABEL.sub("", words)
                found = printed.find(words, at)
            if found < 0:
                continue
            at = found + len(words)
            boxes.append(TextBox(head + found, head + at, seg.x0, seg.base - seg.size,
                                 seg.x1, seg.base + 0.25 * seg.size))


def _emit_table(builder: DocumentBuilder, table: Table, sizes: TypeSizes) -> None:
    """A data table as one table block; the prose rows of a layout table as
    the blocks their text makes, margin text attached (extract.parsers.layout)."""
    roles = layout_rows(table.rows, [[len(lines) for lines in row] for row in table.lines])
    records: list[int] = []

    def flush() -> None:
        block = builder.add_table([table.rows[i] for i in records])
        _place(block, [line for i in records for cell in table.lines[i] for line in cell])
        records.clear()

    for i, (row, lines, role) in enumerate(zip(table.rows, table.lines, roles)):
        if role is None:
            if not any(roles) or not is_layout_header(row):
                records.append(i)
            continue
        if records:
            flush()
        _emit_prose_row(builder, lines, role, sizes)
    if records:
        flush()


def _emit_prose_row(builder: DocumentBuilder, cells: list[list[Line]], role: ProseRow, sizes: TypeSizes) -> None:
    content = list(cells[role.content])
    numbers = cells[role.number] if role.number is not None else []
    if role.titled and numbers:  # "3. Healthy weight strategy": the item's heading over its text
        _flow(builder, numbers, sizes, _left_margin(list(numbers)), numbers)
        numbers = []
    for i, number in enumerate(numbers):
        # the first number titles the row; a later one ("6.1") labels the line level with it
        beside = content[0] if i == 0 and content else _beside(content, number)
        if beside is None:
            content.append(number)
            content.sort(key=lambda ln: ln.base)
        else:
            beside.text = f"{number.text} {beside.text}"
            beside.segments.insert(0, number.segments[0])
    if not content:
        return
    made = _flow(builder, content, sizes, _left_margin(list(content)), content)
    for ci in role.margins:
        for group in _margin_groups(cells[ci]):
            where = min(((block, line) for block, lines in made for line in lines),
                        key=lambda pair: abs(pair[1].base - group[0].base), default=None)
            if where is not None:
                _mark(builder, *where, " ".join(ln.text for ln in group))


def _beside(lines: list[Line], other: Line) -> Line | None:
    """The line printed level with ``other`` (their baselines within half a size)."""
    level = [ln for ln in lines if abs(ln.base - other.base) <= 0.5 * max(ln.size, other.size)]
    return min(level, key=lambda ln: abs(ln.base - other.base), default=None)


def _margin_groups(lines: list[Line]) -> list[list[Line]]:
    """A margin cell's lines, split where a gap parts them: "IB" beside one
    paragraph and "AW" beside the next are two markers, "AW/" over "IB" one."""
    groups: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.base):
        if groups and line.base - groups[-1][-1].base <= PARA_PITCH * line.size:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _left_margin(items: list[Line | Table]) -> float:
    """The most common line start: the page's text margin."""
    starts = Counter(round(item.x0) for item in items if isinstance(item, Line))
    return starts.most_common(1)[0][0] if starts else 0.0


def _starts_block(prev: Line, line: Line, sizes: TypeSizes) -> bool:
    step = line.base - prev.base
    # text set one and a half or double spaced steps further inside a paragraph
    pitch = sizes.pitch.get(round(prev.size), 0.0) + 0.25 * prev.size
    return (step > max(PARA_PITCH * prev.size, pitch) or step < 0
            or abs(line.size - prev.size) > 0.15 * prev.size
            or line.bold != prev.bold and not _bold_run_goes_on(prev, line)
            or bool(LIST_LABEL.match(line.text)))


def _bold_run_goes_on(prev: Line, line: Line) -> bool:
    """A bold line carrying on a bold run that began inside the line above,
    mid-sentence ("... [ACTION: ERA to contact the Waste" | "Authority to
    request ..."): one paragraph, not a heading under it."""
    return line.bold and prev.segments[-1].bold_end and not SENTENCE_END.search(prev.text)


def _column(lines: list[Line], line: Line) -> tuple[float, float, bool] | None:
    """The left and right edges of the text column a line stands in (the third
    outermost starts and ends of the lines across its middle: a line or two
    may stick out) and whether it is justified (its long lines mostly end at
    the edge), or None where too few lines cross it to tell."""
    middle = (line.x0 + line.x1) / 2
    across = [ln for ln in lines if ln.x0 <= middle <= ln.x1]
    if len(across) < 4:
        return None
    left = sorted(ln.x0 for ln in across)[2]
    right = sorted((ln.x1 for ln in across), reverse=True)[2]
    long = [ln.x1 for ln in across if ln.x1 > right - 0.15 * (right - left)]
    flush = sum(1 for x1 in long if x1 > right - 0.25 * line.size)
    return left, right, flush >= 0.6 * len(long)


def _ends_short(block: list[Line], line: Line, lines: list[Line]) -> bool:
    """The writer ended the block's last line, though the next line's first
    word would have fitted on it: a justified column shows it by the line
    stopping short of the edge (where the block's lines before it did not),
    a ragged one only where the line also ends a sentence. So paragraphs with
    no space between them part, and wrapped lines, which had no room, stay
    together."""
    prev = block[-1]
    if line.text[:1].islower() or OPEN_END.search(prev.text):  # tested first: measuring the column costs more
        return False
    column = _column(lines, prev)
    if column is None:
        return False
    left, right, justified = column
    first = line.segments[0]
    per_char = (first.x1 - first.x0) / max(len(first.text.strip()), 1)
    # the word and a space, generously: a word that only just fits may not have
    need = (len(line.text.split(maxsplit=1)[0]) + 1) * per_char + 0.5 * prev.size
    if prev.x1 + need >= right:
        return False
    # centred or right-aligned lines are not justified, nor is a block with a short line
    if justified and prev.x0 < left + 3 * prev.size and all(ln.x1 >= right - prev.size for ln in block[:-1]):
        return True
    return bool(SENTENCE_END.search(prev.text))


def _emit_block(builder: DocumentBuilder, lines: list[Line], sizes: TypeSizes, margin: float) -> Block | None:
    level = _heading_level(lines, sizes)
    text = join_lines([ln.text for ln in lines])
    if level:
        return builder.add("heading", text.replace("\n", " "), level=level)
    m = LIST_LABEL.match(text)
    if m:
        label = "-" if m.group(1) in BULLETS else m.group(1)
        depth = 1 if lines[0].x0 > margin + 30 else 0
        return builder.add("list_item", text[m.end():], level=depth, label=label)
    return builder.add("paragraph", text)


def join_lines(lines: list[str]) -> str:
    """Keep the line breaks, but rejoin a word hyphenated across two lines when
    the lower line carries on in lower case ("recom-|mendation"; "Anti-|Social" keeps it)."""
    out = ""
    for line in lines:
        if len(out) > 1 and out[-1] in HYPHENS and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out}\n{line}" if out else line
    return out.replace("\x02", "-")
