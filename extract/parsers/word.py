"""Word .docx: the body in reading order (paragraphs, tables, content
controls, text boxes). Headings come from heading styles or outline levels,
and a short paragraph that is bold throughout counts as a heading, as in the
text parser. List numbers Word draws itself are restored from the numbering
definitions, so "1." or "(a)" reach the extractors as labels.

Word stores no pages; the breaks Word recorded when it last laid the file out
(``lastRenderedPageBreak``) give the printed pages, else hard page breaks do."""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from lxml import etree

from minutes.extract.document import Block, DocumentBuilder, ParsedFile
from minutes.extract.errors import ParseError
from minutes.extract.parsers.layout import ProseRow, is_layout_header, layout_rows
from minutes.extract.parsers.text import BULLET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
BULLET_LABEL = "-"  # as the text parser reads a typed bullet
BOLD_HEADING_MAX = 200  # longer bold paragraphs are emphasis, not headings
HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
LEVELS = 9  # Word numbers list levels 0-8
MAX_START = 32767  # the largest list start Word writes
MAX_SPAN = 63  # Word's widest table, in grid columns
# Uncompressed bounds on what is parsed: an XML part, and the whole package
# (python-docx holds every part in memory), so an inflating file is refused
MAX_XML_BYTES, MAX_PACKAGE_BYTES = 64 << 20, 256 << 20
# converters glue adjacent bold headings into one run: "Business1. Apologies"
GLUED_NUMBER = re.compile(r"(?<=[a-z])(?=\d{1,2}\.\s+[A-Z])|(?<=[a-z]\.)(?=\d{1,2}\.\s+[A-Z])")


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def _number(value: str | None, default: int, top: int) -> int:
    """A count Word wrote as an attribute, read only if it is one (0..top)."""
    return int(value) if value and value.isdigit() and int(value) <= top else default


def _on(el: etree._Element | None) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``); None when absent."""
    if el is None:
        return None
    return _val(el) not in ("0", "false", "off")


# -- styles -----------------------------------------------------------------

@dataclass
class Style:
    name: str
    based_on: str | None
    outline: int | None  # 0-based outline level
    bold: bool | None
    num: tuple[str, int] | None  # (numId, ilvl)


def _num_pr(ppr: etree._Element | None) -> tuple[str, int] | None:
    num = None if ppr is None else ppr.find(w("numPr"))
    if num is None:
        return None
    num_id = _val(num.find(w("numId")))
    if num_id is None:
        return None
    return num_id, _number(_val(num.find(w("ilvl"))), 0, LEVELS - 1)


def _read_styles(root: etree._Element | None) -> dict[str, Style]:
    styles: dict[str, Style] = {}
    if root is None:
        return styles
    for s in root.iter(w("style")):
        ppr, rpr = s.find(w("pPr")), s.find(w("rPr"))
        outline = _val(ppr.find(w("outlineLvl"))) if ppr is not None else None
        styles[s.get(w("styleId")) or ""] = Style(
            name=_val(s.find(w("name"))) or "",
            based_on=_val(s.find(w("basedOn"))),
            outline=int(outline) if outline and outline.isdigit() else None,
            bold=_on(rpr.find(w("b"))) if rpr is not None else None,
            num=_num_pr(ppr))
    return styles


def _style_chain(styles: dict[str, Style], style_id: str | None) -> Iterator[Style]:
    seen = set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        yield styles[style_id]
        style_id = styles[style_id].based_on


def _inherited(styles: dict[str, Style], style_id: str | None, attr: str) -> Any:
    for s in _style_chain(styles, style_id):
        if getattr(s, attr) is not None:
            return getattr(s, attr)
    return None


def _heading_level(styles: dict[str, Style], style_id: str | None, ppr: etree._Element | None) -> int | None:
    outline = _val(ppr.find(w("outlineLvl"))) if ppr is not None else None
    if outline and outline.isdigit() and int(outline) < 9:
        return int(outline) + 1
    for s in _style_chain(styles, style_id):
        m = HEADING_STYLE.match(s.name)
        if m:
            return int(m.group(1))
        if s.name.lower() == "title":
            return 1
        if s.outline is not None and s.outline < 9:
            return s.outline + 1
    return None


# -- list numbering ---------------------------------------------------------

@dataclass
class Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """Word's list definitions and the running counters of each list."""
    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> Level
    counters: dict[str, list[int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str | None:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(num_id, [levels[i].start - 1 if i in levels else 0 for i in range(LEVELS)])
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, LEVELS):  # a new parent restarts its sub-list
            counts[deeper] = levels[deeper].start - 1 if deeper in levels else 0
        level = levels[ilvl]
        if level.fmt in ("bullet", "none"):
            return BULLET_LABEL if level.fmt == "bullet" else None

        def number(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            return _format_number(counts[i] if 0 <= i < LEVELS else 0, levels[i].fmt if i in levels else "decimal")

        return re.sub(r"%(\d)", number, level.text).strip() or None


def _read_numbering(root: etree._Element | None) -> Numbering:
    numbering = Numbering()
    if root is None:
        return numbering
    abstract: dict[str, dict[int, Level]] = {}
    for a in root.iter(w("abstractNum")):
        abstract[a.get(w("abstractNumId")) or ""] = {
            _number(lvl.get(w("ilvl")), 0, LEVELS - 1): Level(
                fmt=_val(lvl.find(w("numFmt"))) or "decimal",
                text=_val(lvl.find(w("lvlText"))) or "",
                start=_number(_val(lvl.find(w("start"))), 1, MAX_START))
            for lvl in a.iter(w("lvl"))}
    for num in root.iter(w("num")):
        levels = dict(abstract.get(_val(num.find(w("abstractNumId"))) or "", {}))
        for override in num.iter(w("lvlOverride")):
            ilvl = _number(override.get(w("ilvl")), 0, LEVELS - 1)
            start = _val(override.find(w("startOverride")))
            if start and ilvl in levels:
                levels[ilvl] = Level(levels[ilvl].fmt, levels[ilvl].text, _number(start, levels[ilvl].start, MAX_START))
        numbering.levels[num.get(w("numId")) or ""] = levels
    return numbering


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        times, n = divmod(n, value)
        out += numeral * times
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def _format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


# -- the body ---------------------------------------------------------------

@dataclass
class Run:
    """A paragraph's text, whether every visible character is bold, and
    where Word put page breaks in it."""
    text: str
    bold: bool
    page_breaks_before: int  # breaks before any text
    page_breaks_after: int  # breaks after text began


class WordReader:
    def __init__(self, builder: DocumentBuilder, styles: dict[str, Style], numbering: Numbering,
                 rendered_breaks: bool) -> None:
        self.builder, self.styles, self.numbering = builder, styles, numbering
        # Word's recorded layout already counts hard breaks; use one or the other.
        self.break_tags = {w("lastRenderedPageBreak")} if rendered_breaks else set()
        self.pending_pages = 0
        self.prefix: str | None = None

    def read(self, container: etree._Element) -> None:
        for el in container:
            if el.tag == w("p"):
                self.paragraph(el)
            elif el.tag == w("tbl"):
                self.table(el)
            elif el.tag in (w("sdt"), w("sdtContent"), w("customXml"), w("smartTag")):
                self.read(el)

    def _flush_pages(self) -> None:
        for _ in range(self.pending_pages):
            self.builder.new_page()
        self.pending_pages = 0

    def _is_page_break(self, el: etree._Element) -> bool:
        if el.tag in self.break_tags:
            return True
        return not self.break_tags and el.tag == w("br") and el.get(w("type")) == "page"

    def runs(self, p: etree._Element, style_bold: bool) -> tuple[Run, list[etree._Element]]:
        parts: list[str] = []
        bold, before, after = True, 0, 0
        boxes: list[etree._Element] = []
        ppr = p.find(w("pPr"))
        if ppr is not None and _on(ppr.find(w("pageBreakBefore"))) and not self.break_tags:
            before += 1
        for el in _walk(p, boxes):
            if self._is_page_break(el):
                if "".join(parts).strip():
                    after += 1
                else:
                    before += 1
            elif el.tag == w("t"):
                parts.append(el.text or "")
                if (el.text or "").strip():
                    rpr = el.getparent().find(w("rPr"))
                    run_bold = _on(rpr.find(w("b"))) if rpr is not None else None
                    if run_bold is None and rpr is not None:
                        run_bold = _inherited(self.styles, _val(rpr.find(w("rStyle"))), "bold")
                    bold = bold and (style_bold if run_bold is None else run_bold)
            elif el.tag == w("tab"):
                parts.append("\t")
            elif el.tag in (w("br"), w("cr")) and el.get(w("type")) in (None, "textWrapping"):
                parts.append("\n")
            elif el.tag == w("noBreakHyphen"):
                parts.append("-")
        return Run("".join(parts), bold, before, after), boxes

    def paragraph(self, p: etree._Element) -> None:
        ppr = p.find(w("pPr"))
        style_id = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        style_bold = bool(_inherited(self.styles, style_id, "bold"))
        run, boxes = self.runs(p, style_bold)
        self.pending_pages += run.page_breaks_before
        text = "\n".join(" ".join(line.replace("\t", " ").split()) if not _is_tab_row(line) else line.strip()
                         for line in run.text.split("\n")).strip()
        if text:
            self._flush_pages()
            if self.prefix:  # a layout table's minute number, printed in the cell beside
                text, self.prefix = f"{self.prefix} {text}", None
            self._add(text, ppr, style_id, run.bold)
        for box in boxes:
            self.read(box)
        self.pending_pages += run.page_breaks_after

    def _add(self, text: str, ppr: etree._Element | None, style_id: str | None, bold: bool) -> None:
        level = _heading_level(self.styles, style_id, ppr)
        num = _num_pr(ppr) or _inherited(self.styles, style_id, "num")
        label = self.numbering.label(*num) if num and num[0] != "0" else None
        if level is not None:
            self.builder.add("heading", f"{label} {text}" if label and label != BULLET_LABEL else text, level=level)
        elif num and num[0] != "0":
            self.builder.add("list_item", text, level=num[1], label=label)
        elif bold and len(text) <= BOLD_HEADING_MAX and "\t" not in text:
            for part in GLUED_NUMBER.split(text):
                self.builder.add("heading", part, level=6)
        elif (m := BULLET.match(text)) and "\t" not in m.group(3):
            # numbering typed by hand ("1.<tab>Welcome"), as the text parser reads it
            self.builder.add("list_item", m.group(3), level=0, label=m.group(2))
        elif _is_tab_row(text):
            self.builder.add_table([line.split("\t") for line in text.split("\n")])
        else:
            self.builder.add("paragraph", text)

    def table(self, tbl: etree._Element) -> None:
        trs = [tr for tr in tbl.iter(w("tr")) if _nearest_table(tr) is tbl]  # nested rows belong to their cell
        row_cells = [tr.findall(w("tc")) + [tc for sdt in tr.findall(w("sdt")) for tc in sdt.iter(w("tc"))]
                     for tr in trs]
        if all(len(cells) <= 1 for cells in row_cells):
            # a one-column table frames ordinary text (often the whole minutes)
            for cells in row_cells:
                for tc in cells:
                    self.read(tc)
            return
        grid = [self._row(cells) for cells in row_cells]
        rows = [[text for text, _ in row] for row in grid]
        roles = layout_rows(rows, [[_printed_lines(text, tc) for text, tc in row] for row in grid])
        records: list[list[str]] = []
        for row, cells, role in zip(rows, grid, roles):
            if role is None:
                if not any(roles) or not is_layout_header(row):
                    records.append(row)
                continue
            self._records(records)
            self._prose_row(cells, role)
        self._records(records)

    def _row(self, cells: list[etree._Element]) -> list[tuple[str, etree._Element | None]]:
        """Each grid column's text and cell (a cell spanning columns fills the
        first, "" and None the rest, so columns stay aligned)."""
        row: list[tuple[str, etree._Element | None]] = []
        for tc in cells:
            tcpr = tc.find(w("tcPr"))
            merged = tcpr is not None and tcpr.find(w("vMerge")) is not None \
                and _val(tcpr.find(w("vMerge"))) != "restart"
            row.append(("", None) if merged else (_cell_text(tc), tc))
            span = _number(_val(tcpr.find(w("gridSpan"))) if tcpr is not None else None, 1, MAX_SPAN)
            row.extend([("", None)] * (span - 1))
        return row

    def _records(self, rows: list[list[str]]) -> None:
        if any(any(c.strip() for c in row) for row in rows):
            self._flush_pages()
            self.builder.add_table(rows)
        rows.clear()

    def _prose_row(self, cells: list[tuple[str, etree._Element | None]], role: ProseRow) -> None:
        """The text cell read as body paragraphs, headed by the row's number;
        margin text attached to the paragraph it stands level with."""
        tc = cells[role.content][1]
        if tc is None:
            return
        number = " ".join(cells[role.number][0].split()) if role.number is not None else None
        if role.titled and number:  # "3. Healthy weight strategy": the item's heading over its text
            self.builder.add("heading", number, level=3)
            number = None
        first = len(self.builder.blocks)  # the margin stands beside the text, not the heading
        self.prefix = number
        self.read(tc)
        self.prefix = None
        made = self.builder.blocks[first:]
        if not made:
            return
        width = _chars_per_line(tc)
        for margin in role.margins:
            tm = cells[margin][1]
            if tm is None:
                continue
            for offset, text in _margin_lines(tm):
                block = _block_at_line(made, offset, width)
                self.builder.mark(block, text, block.head)
def _nearest_table(el: etree._Element) -> etree._Element | None:
    for anc in el.iterancestors(w("tbl")):
        return anc
    return None


def _is_tab_row(text: str) -> bool:
    """Tab-aligned columns ("Name<tab>Organisation") as typed in Word."""
    return any("\t" in line.strip() for line in text.split("\n"))


def _walk(p: etree._Element, boxes: list[etree._Element]) -> Iterator[etree._Element]:
    """The text-bearing elements of a paragraph in order, skipping deleted
    text and the duplicate fallback copy of drawings; text boxes are
    collected to be read as paragraphs of their own."""
    for child in p:
        if child.tag == f"{{{MC}}}Fallback" or child.tag in (w("del"), w("pPr"), w("rPr")):
            continue
        if child.tag == w("txbxContent"):
            boxes.append(child)
            continue
        yield child
        yield from _walk(child, boxes)


def _cell_text(tc: etree._Element) -> str:
    lines = []
    for el in tc.iter(w("p")):
        lines.append("".join(
            (t.text or "") if t.tag == w("t") else " " for t in el.iter(w("t"), w("tab"), w("br"))
            if not any(a.tag in (w("del"), f"{{{MC}}}Fallback") for a in t.iterancestors())))
    return "\n".join(line.strip() for line in lines if line.strip())


LINE_CHARS = 90  # characters on a printed line of a cell of unknown width
TWIPS_PER_CHAR = 110  # about 5.5 pt a character at the sizes minutes are set in


def _chars_per_line(tc: etree._Element) -> int:
    tcw = tc.find(f"{w('tcPr')}/{w('tcW')}")
    width = _val(tcw, "w") if tcw is not None and _val(tcw, "type") in (None, "dxa") else None
    return max(int(width) // TWIPS_PER_CHAR, 20) if width and width.isdigit() else LINE_CHARS


def _printed_lines(text: str, tc: etree._Element | None) -> int:
    """How many lines a cell's text takes on the page, from its length and width."""
    if tc is None or not text:
        return 0
    width = _chars_per_line(tc)
    return sum(max(1, -(-len(line) // width)) for line in text.split("\n"))


def _margin_lines(tc: etree._Element) -> Iterator[tuple[int, str]]:
    """A margin cell's texts with the line each starts on: Word users push
    the initials down beside their paragraph with empty paragraphs."""
    line = 0
    for p in tc.iter(w("p")):
        # a line break inside the paragraph parts two entries as a new paragraph would
        runs = "".join("\n" if el.tag in (w("br"), w("cr")) else el.text or ""
                       for el in p.iter(w("t"), w("br"), w("cr")))
        for part in runs.split("\n"):
            text = " ".join(part.split())
            if text:
                yield line, text
            line += 1


def _block_at_line(blocks: list[Block], line: int, width: int) -> Block:
    """The block printed on a given line of a cell, estimating each block's
    lines from its length (a paragraph and the space after it)."""
    at = 0
    for block in blocks:
        at += max(1, -(-len(block.printed) // width)) + 1
        if line < at:
            return block
    return blocks[-1]


def _part_root(doc: Any, reltype_suffix: str) -> etree._Element | None:
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(reltype_suffix) and not rel.is_external:
            return etree.fromstring(rel.target_part.blob)
    return None


def _check_sizes(path: Path, data: bytes) -> None:
    """Refuse a package whose parts inflate past the bounds, before any is read
    (the sizes a ZIP declares are what it may inflate to: reading stops there)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, ValueError) as e:
        raise ParseError(str(path), "corrupt", f"not a readable .docx: {e}") from e
    xml = max((p for p in parts if p.filename.endswith((".xml", ".rels"))), key=lambda p: p.file_size, default=None)
    if xml is not None and xml.file_size > MAX_XML_BYTES:
        raise ParseError(str(path), "too_large", f"{xml.filename} inflates to {xml.file_size >> 20} MB "
                                                 f"(at most {MAX_XML_BYTES >> 20} MB are read)")
    total = sum(p.file_size for p in parts)
    if total > MAX_PACKAGE_BYTES:
        raise ParseError(str(path), "too_large", f"the package inflates to {total >> 20} MB "
                                                 f"(at most {MAX_PACKAGE_BYTES >> 20} MB are read)")


def parse_docx(path: Path, data: bytes, sha256: str, fmt: str = "docx") -> ParsedFile:
    """``data`` is a .docx; ``fmt`` the format of the file it came from (a
    .doc LibreOffice converted keeps "doc")."""
    import docx  # python-docx
    _check_sizes(path, data)
    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many unrelated types for a broken package
        raise ParseError(str(path), "corrupt", f"not a readable .docx: {type(e).__name__}: {e}") from e
    body = doc.element.body
    builder = DocumentBuilder(str(path), fmt, sha256)
    reader = WordReader(builder, _read_styles(_part_root(doc, "/styles")),
                        _read_numbering(_part_root(doc, "/numbering")),
                        rendered_breaks=body.find(f".//{w('lastRenderedPageBreak')}") is not None)
    reader.read(body)
    return builder.build()
