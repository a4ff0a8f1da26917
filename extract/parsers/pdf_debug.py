"""What the PDF parser saw on one page: the rules it found, the ruled tables
they make, the lines it read (with their segments, size and weight), the
running heads and feet it dropped, and the blocks it made — printed, or
drawn over the page image. For the day a layout goes wrong."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from minutes.extract.document import Block
from minutes.extract.errors import ParseError
from minutes.extract.parsers import pdf
from minutes.extract.parsers.pdf import Box, Line, Rule, Table

# Colours of what is drawn: rules, table cells, lines, furniture, blocks
COLOURS = {"rule": (220, 0, 0), "cell": (0, 90, 220), "line": (0, 150, 0), "furniture": (200, 0, 200),
           "block": (255, 140, 0)}


@dataclass
class PageView:
    number: int
    width: float
    height: float
    across: list[Rule]  # horizontal rules: (y, x0, x1)
    down: list[Rule]  # vertical rules: (x, top, bottom)
    tables: list[Table]
    lines: list[Line]
    furniture: list[Line]
    blocks: list[Block]


def view_page(path: Path, number: int) -> PageView:
    """Parse ``path`` and keep what the parser saw on page ``number`` (1-based)."""
    data = path.read_bytes()
    document = pdf._open(path, data)
    try:
        if not 1 <= number <= len(document):
            raise ParseError(str(path), "unsupported", f"no page {number}: the PDF has {len(document)}")
        page = document[number - 1]
        width, height = page.get_width(), page.get_height()
        across, down = (pdf._merge(rules) for rules in pdf._rules(page, height))
        page.close()
        pages = pdf._read_pages(document)
    finally:
        document.close()
    pdf._drop_running_lines(pages)
    items, furniture = pages[number - 1].items, pages[number - 1].furniture
    parsed = pdf.parse_pdf(path, data, "")
    return PageView(number, width, height, across, down, [it for it in items if isinstance(it, Table)],
                    [it for it in items if isinstance(it, Line)], furniture,
                    [b for b in parsed.blocks if b.page == number])


def describe(view: PageView) -> list[str]:
    """The page as text, one thing a line, positions in points from the top left."""
    out = [f"page {view.number}: {view.width:.0f} x {view.height:.0f} pt",
           f"rules: {len(view.across)} across, {len(view.down)} down"]
    for y, x0, x1 in view.across:
        out.append(f"  across y={y:.1f} x={x0:.1f}..{x1:.1f}")
    for x, top, bottom in view.down:
        out.append(f"  down   x={x:.1f} y={top:.1f}..{bottom:.1f}")
    out.append(f"tables: {len(view.tables)}")
    for t in view.tables:
        out.append(f"  table ({t.left:.0f},{t.top:.0f})-({t.right:.0f},{t.bottom:.0f}): "
                   f"{len(t.rows)} rows x {len(t.columns)} columns")
        for row in t.rows:
            out.append("    | " + " | ".join(" ".join(cell.split())[:30] for cell in row))
    out.append(f"lines: {len(view.lines)} (base, x0..x1, size, bold; segments split by a gap)")
    for ln in view.lines:
        out.append(f"  {ln.base:6.1f} {ln.x0:6.1f}..{ln.x1:<6.1f} {ln.size:4.1f} {'B' if ln.bold else ' '} "
                   + " ‖ ".join(s.text.strip() for s in ln.segments))
    out.append(f"furniture dropped: {len(view.furniture)}")
    for ln in view.furniture:
        out.append(f"  {ln.base:6.1f} {ln.text}")
    out.append(f"blocks: {len(view.blocks)}")
    for b in view.blocks:
        head = f"  {b.kind}" + (f" level {b.level}" if b.level else "") + (f" label {b.label!r}" if b.label else "")
        marks = "".join(f"  [margin: {m.text}]" for m in b.markers)
        out.append(f"{head}: {' '.join(b.text.split())[:100]}{marks}")
    return out


def draw(path: Path, view: PageView, out: Path, scale: float = 2.0) -> None:
    """The page image with rules, table cells, lines, furniture and blocks
    outlined in their colours (``COLOURS``)."""
    from PIL import ImageDraw  # pillow: pypdfium2 renders to it

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        image = document[view.number - 1].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    pen = ImageDraw.Draw(image)

    def box(b: Box, colour: str, width: int = 1) -> None:
        pen.rectangle([v * scale for v in b], outline=COLOURS[colour], width=width)

    for y, x0, x1 in view.across:
        pen.line([x0 * scale, y * scale, x1 * scale, y * scale], fill=COLOURS["rule"], width=2)
    for x, top, bottom in view.down:
        pen.line([x * scale, top * scale, x * scale, bottom * scale], fill=COLOURS["rule"], width=2)
    for t in view.tables:
        for row in t.cells:
            for cell in row:
                if cell is not None:
                    box(cell, "cell")
    for ln in view.lines:
        box((ln.x0, ln.top, ln.x1, ln.base + 0.25 * ln.size), "line")
    for ln in view.furniture:
        box((ln.x0, ln.top, ln.x1, ln.base + 0.25 * ln.size), "furniture", 2)
    for b in view.blocks:
        if b.boxes:
            box((min(x.x0 for x in b.boxes) - 2, min(x.top for x in b.boxes) - 2,
                 max(x.x1 for x in b.boxes) + 2, max(x.bottom for x in b.boxes) + 2), "block", 2)
    image.save(out)
