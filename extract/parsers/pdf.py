"""PDF: text and geometry from pdfium (fast); table structure from pdfplumber,
asked only about pages that carry ruling lines (it is ~50x slower).

Characters become segments (runs along one baseline), segments become lines
(grouped by height, sorted left to right; a wide gap is kept as a tab so a
name | organisation list stays row by row), and lines become blocks the way
the text parser makes them: paragraphs keep their line breaks, labelled lines
are list items, tab lines are table rows, short bold or large lines are
headings. Running headers, footers and page numbers are dropped.
"""
from __future__ import annotations

import ctypes
import io
import re
from collections import Counter
from itertools import islice
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.document import DocumentBuilder, ParsedFile
from extract.errors import ParseError

LIST_LABEL = re.compile(r"^([-–•●▪■◦○➢►✓*]|\(?[0-9]{1,2}[.)]|\(?[a-zA-Z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}[.)])\s+(?=\S)")
BULLETS = set("-–•●▪■◦○➢►✓*")
# Symbol-font bullets come out in the private-use area; they print as bullets.
PRIVATE_BULLETS = str.maketrans({c: "•" for c in "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8"})
PAGE_NUMBER = re.compile(r"^(page\s*)?#(\s*(of|/)\s*#)?$|^[-–]\s*#\s*[-–]$")
BOLD_FONT = re.compile(rb"bold|black|heavy|semibold|,b$", re.I)
HYPHENS = "-\x02"  # pdfium reports a hyphen it saw at a line end as \x02
CONTROL = re.compile(r"[\x00\x01\x03-\x08\x0b-\x1f\uffff]")
EDGE_ZONE = 0.12  # share of the page height where running heads and feet live
TAB_GAP = 2.2  # a gap wider than this many font sizes separates columns
PARA_PITCH = 1.45  # a baseline step (in font sizes) wider than this ends a paragraph

Box = tuple[float, float, float, float]  # x0, top, x1, bottom; origin top left
Region = tuple[int, int, int] | None  # (table, row, column) holding a character


@dataclass
class Segment:
    text: str
    x0: float
    x1: float
    base: float  # baseline, measured from the top of the page
    size: float
    bold: bool
    region: Region = None


@dataclass
class Line:
    segments: list[Segment]
    text: str = ""

    @property
    def base(self) -> float:
        return max(self.segments, key=lambda s: s.size).base

    @property
    def size(self) -> float:
        return max(s.size for s in self.segments)

    @property
    def top(self) -> float:
        return self.base - self.size

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def bold(self) -> bool:
        return all(s.bold for s in self.segments)


@dataclass
class Table:
    top: float
    bottom: float
    cells: list[list[Box | None]]  # None where a merged cell covers the grid
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class PageContent:
    height: float
    items: list[Line | Table]


def parse_pdf(path: Path, data: bytes, sha256: str) -> ParsedFile:
    pdf = _open(path, data)
    try:
        pages = _read_pages(pdf, data)
    finally:
        pdf.close()
    _check_text(path, pages)
    _drop_running_lines(pages)
    sizes = _type_sizes(pages)
    builder = DocumentBuilder(str(path), "pdf", sha256)
    for page in pages:
        builder.new_page()
        _emit_page(builder, page.items, sizes)
    return builder.build()


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


def _check_text(path: Path, pages: list[PageContent]) -> None:
    text = " ".join(item.text if isinstance(item, Line) else " ".join(map(" ".join, item.rows))
                    for page in pages for item in page.items)
    if not text.strip():
        raise ParseError(str(path), "no_text", "no text layer (scanned?); needs OCR")
    if is_garbled(text):
        raise ParseError(str(path), "no_text", "text layer is garbled (broken font encoding); needs OCR")


def is_garbled(text: str) -> bool:
    """Broken font encodings give control codes and vowel-less letter soup;
    real prose, even full of names and figures, is mostly vowel-bearing words."""
    visible = [c for c in text if not c.isspace()]
    odd = sum(1 for c in visible if ord(c) < 32 or 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd")
    if visible and odd / len(visible) > 0.1:
        return True
    tokens = text.split()
    words = sum(1 for t in tokens if re.fullmatch(r"\W*[^\W\d_]*[aeiouyAEIOUY][^\W\d_]*\W*", t))
    return len(tokens) >= 20 and words / len(tokens) < 0.3


# --- reading pages ---------------------------------------------------------


def _read_pages(pdf: pdfium.PdfDocument, data: bytes) -> list[PageContent]:
    plumber: Any = None
    pages = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                tables: list[Table] = []
                if _has_rulings(page):
                    plumber = plumber or _open_plumber(data)
                    tables = _tables(plumber, index)
                pages.append(_page_content(page, tables))
            finally:
                page.close()
    finally:
        if plumber is not None:
            plumber.close()
    return pages


def _open_plumber(data: bytes) -> Any:
    import pdfplumber
    return pdfplumber.open(io.BytesIO(data))


def _has_rulings(page: pdfium.PdfPage) -> bool:
    """Ruled tables are drawn with path objects; a page with fewer than four
    cannot hold one, so pdfplumber never sees most pages."""
    paths = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2)
    return len(list(islice(paths, 4))) == 4


def _tables(plumber: Any, index: int) -> list[Table]:
    """Ruled tables as pdfplumber finds them: outline and cell boxes only;
    the cell text comes from pdfium like the rest of the page."""
    page = plumber.pages[index]
    try:
        tables = []
        for found in page.find_tables():
            cells = [list(row.cells) for row in found.rows]
            if len(cells) >= 2 or len(cells[0]) >= 2:  # a ruled box round text is no table
                tables.append(Table(found.bbox[1], found.bbox[3], cells))
        return tables
    finally:
        page.close()  # pdfplumber keeps every page's objects otherwise


def _page_content(page: pdfium.PdfPage, tables: list[Table]) -> PageContent:
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        segments = _segments(textpage, height, _region_finder(tables))
    finally:
        textpage.close()
    by_region: dict[Region, list[Segment]] = {}
    for seg in segments:
        by_region.setdefault(seg.region, []).append(seg)
    for ti, table in enumerate(tables):
        table.rows = [[_cell_text(by_region.get((ti, ri, ci), []), box) if box else ""
                       for ci, box in enumerate(row)] for ri, row in enumerate(table.cells)]
    items: list[Line | Table] = [*_lines(by_region.get(None, [])), *tables]
    items.sort(key=lambda item: item.top)
    return PageContent(height, items)


def _region_finder(tables: list[Table]) -> Callable[[float, float], Region]:
    def region(x: float, y: float) -> Region:
        for ti, table in enumerate(tables):
            if table.top <= y <= table.bottom:
                for ri, row in enumerate(table.cells):
                    for ci, box in enumerate(row):
                        if box and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                            return ti, ri, ci
                return ti, -1, -1  # on a rule between cells: neither cell nor body text
        return None
    return region


def _segments(textpage: pdfium.PdfTextPage, height: float, region: Callable[[float, float], Region]) -> list[Segment]:
    count = textpage.count_chars()
    text = textpage.get_text_range()
    if len(text) != count:  # characters beyond the BMP shift the string: read one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    segments: list[Segment] = []
    current: Segment | None = None
    for i, ch in enumerate(text):
        if ch in "\r\n":
            current = None
        elif ch.isspace():
            if current is not None and not current.text.endswith(" "):
                current.text += " "
        else:
            pdfium_c.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top)
            if left.value == right.value and bottom.value == top.value:
                continue  # a generated character with no place on the page
            low, high = height - bottom.value, height - top.value
            where = region((left.value + right.value) / 2, (low + high) / 2)
            if current is not None and current.region == where and _continues(current, left.value, low, high):
                # pdfium marks word gaps itself and glyph boxes are tight: only a wide gap is a space
                if left.value - current.x1 > 0.6 * current.size and not current.text.endswith(" "):
                    current.text += " "
                current.text += ch
                current.x1 = max(current.x1, right.value)
            else:
                current = _new_segment(textpage, i, ch, left.value, right.value, height, where)
                current.size = current.size or high - low
                segments.append(current)
    return segments


def _new_segment(textpage: pdfium.PdfTextPage, i: int, ch: str, x0: float, x1: float,
                 height: float, region: Region) -> Segment:
    ox, oy = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ox, oy)
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
    return Segment(ch, x0, x1, height - oy.value, size, _is_bold(textpage, i), region)


def _continues(seg: Segment, left: float, low: float, high: float) -> bool:
    """Same baseline band, and no jump back or across a column gap (ligatures
    share one box, so a small step back is allowed)."""
    middle = (low + high) / 2
    return (seg.base - seg.size <= middle <= seg.base + 0.3 * seg.size
            and seg.x1 - seg.size <= left <= seg.x1 + TAB_GAP * seg.size)


def _is_bold(textpage: pdfium.PdfTextPage, index: int) -> bool:
    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
        return True
    name = ctypes.create_string_buffer(128)
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, name, len(name), ctypes.c_int())
    return bool(BOLD_FONT.search(name.value))


def _lines(segments: list[Segment]) -> list[Line]:
    """Segments whose middles fall in a line's height join that line."""
    lines: list[Line] = []
    for seg in sorted(segments, key=lambda s: (s.base, s.x0)):
        middle = seg.base - seg.size / 3
        line = next((ln for ln in reversed(lines[-3:]) if ln.top <= middle <= ln.base + 0.25 * ln.size), None)
        if line is None:
            lines.append(Line([seg]))
        else:
            line.segments.append(seg)
    for line in lines:
        line.segments.sort(key=lambda s: s.x0)
        line.text = _join_segments(line.segments)
    # an empty bulleted paragraph prints a bullet alone on its line
    return [line for line in lines if line.text and line.text not in BULLETS]


def _join_segments(segments: list[Segment]) -> str:
    out = ""
    prev: Segment | None = None
    for seg in segments:
        text = CONTROL.sub("", seg.text.replace("\ufffe", "\x02")).translate(PRIVATE_BULLETS).strip()
        if not text:
            continue
        if prev is not None:
            gap = seg.x0 - prev.x1
            if gap > TAB_GAP * max(prev.size, seg.size) and not LIST_LABEL.match(out + " x"):
                out += "\t"
            elif gap > 0.15 * prev.size or prev.text.endswith(" "):
                out += " "
        out += text
        prev = seg
    return re.sub(r"[ \u00a0]+", " ", out).strip()


def _cell_text(segments: list[Segment], box: Box) -> str:
    """A cell's lines joined by spaces, except where a word too long for a
    narrow column was broken across lines ("Bas|eline", "1,0|00")."""
    lines = _lines(segments)
    if not lines:
        return ""
    right = box[2] - (min(ln.x0 for ln in lines) - box[0])  # same padding both sides
    out = lines[0].text
    for prev, line in zip(lines, lines[1:]):
        out += "" if _broken_word(prev, line, right) else " "
        out += line.text
    return out


def _broken_word(prev: Line, line: Line, right: float) -> bool:
    # a line wrapped at a space ends with that space in the text layer
    last = prev.segments[-1]
    split_number = bool(re.search(r"\d[.,]$", prev.text)) and line.text[:1].isdigit()
    return (not last.text.endswith(" ") and last.x1 > right - last.size
            and (split_number or prev.text[-1:].isalnum() and line.text[:1].isalnum()
                 and not line.text[:1].isupper()))


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
    counts = Counter(key for page in pages for key in {_edge_key(ln.text) for ln in _edge_lines(page)})
    repeated = {k for k, n in counts.items() if n >= 2 and n >= 0.4 * len(pages)}
    for page in pages:
        seen: set[str] = set()
        for line in _edge_lines(page):
            key = _edge_key(line.text)
            if (PAGE_NUMBER.match(key) or key in repeated) and key not in seen:
                seen.add(key)  # a title under a running head of the same words stays
                page.items.remove(line)


# --- blocks ----------------------------------------------------------------


@dataclass
class TypeSizes:
    body: float
    larger: list[float]  # sizes used for headings, largest first


def _type_sizes(pages: list[PageContent]) -> TypeSizes:
    weights: Counter[float] = Counter()
    for page in pages:
        for item in page.items:
            if isinstance(item, Line):
                weights[round(item.size)] += len(item.text)
    body = weights.most_common(1)[0][0] if weights else 0.0
    return TypeSizes(body, sorted((s for s in weights if s >= body * 1.15), reverse=True))


def _heading_level(lines: list[Line], sizes: TypeSizes) -> int:
    """0 for body text; 1.. for large type by size rank; 6 for bold body type
    (as the text parser treats a bold line)."""
    text = " ".join(ln.text for ln in lines)
    if len(lines) > 3 or len(text) > 200 or "\t" in text:
        return 0
    size = round(max(ln.size for ln in lines))
    if size in sizes.larger:
        return min(sizes.larger.index(size) + 1, 5)
    return 6 if all(ln.bold for ln in lines) else 0


def _emit_page(builder: DocumentBuilder, items: list[Line | Table], sizes: TypeSizes) -> None:
    block: list[Line] = []
    rows: list[list[str]] = []
    margin = _left_margin(items)

    def flush() -> None:
        if block:
            _emit_block(builder, block, sizes, margin)
            block.clear()
        if rows:
            builder.add_table(rows)
            rows.clear()

    for item in items:
        if isinstance(item, Table):
            flush()
            builder.add_table(item.rows)
        elif "\t" in item.text and not LIST_LABEL.match(item.text):
            if block:
                flush()
            rows.append(item.text.split("\t"))
        else:
            if rows or (block and _starts_block(block[-1], item)):
                flush()
            block.append(item)
    flush()


def _left_margin(items: list[Line | Table]) -> float:
    """The most common line start: the page's text margin."""
    starts = Counter(round(item.x0) for item in items if isinstance(item, Line))
    return starts.most_common(1)[0][0] if starts else 0.0


def _starts_block(prev: Line, line: Line) -> bool:
    step = line.base - prev.base
    return (step > PARA_PITCH * prev.size or step < 0
            or abs(line.size - prev.size) > 0.15 * prev.size
            or line.bold != prev.bold
            or bool(LIST_LABEL.match(line.text)))


def _emit_block(builder: DocumentBuilder, lines: list[Line], sizes: TypeSizes, margin: float) -> None:
    level = _heading_level(lines, sizes)
    text = join_lines([ln.text for ln in lines])
    if level:
        builder.add("heading", text.replace("\n", " "), level=level)
        return
    m = LIST_LABEL.match(text)
    if m:
        label = "-" if m.group(1) in BULLETS else m.group(1)
        depth = 1 if lines[0].x0 > margin + 30 else 0
        builder.add("list_item", text[m.end():], level=depth, label=label)
    else:
        builder.add("paragraph", text)


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
