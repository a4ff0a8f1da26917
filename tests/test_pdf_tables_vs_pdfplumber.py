"""Our ruled-table finder (pypdfium2 path objects) against pdfplumber's default
table finder, which gets ruled tables right but costs a second parse of every
page: on the rendered seeds both must see the same grids, cell for cell."""
from __future__ import annotations

from pathlib import Path

import pytest

pdfplumber = pytest.importorskip("pdfplumber")
import pypdfium2 as pdfium  # noqa: E402
from minutes.extract.parsers.pdf import find_tables  # noqa: E402

TOLERANCE = 2.0  # points: both snap rules, each its own way


def _close(a: list, b: list) -> bool:
    if len(a) != len(b):
        return False
    return all((x is None) == (y is None) and (x is None or all(abs(p - q) <= TOLERANCE for p, q in zip(x, y)))
               for row_a, row_b in zip(a, b) for x, y in zip(row_a, row_b)) \
        and all(len(ra) == len(rb) for ra, rb in zip(a, b))


def _grids(path: Path) -> tuple[list, list]:
    ours, theirs = [], []
    pdf = pdfium.PdfDocument(path)
    with pdfplumber.open(path) as plumber:
        for page, plumber_page in zip(pdf, plumber.pages):
            ours.append([t.cells for t in find_tables(page, page.get_height())])
            theirs.append([[list(r.cells) for r in t.rows] for t in plumber_page.find_tables()])
            plumber_page.close()
    pdf.close()
    return ours, theirs


def test_ruled_tables_match_pdfplumber(shared: Path) -> None:
    pages = same = tables = 0
    for path in sorted((shared / "corpus" / "rendered").glob("*.pdf")):
        ours, theirs = _grids(path)
        for mine, plumber in zip(ours, theirs):
            pages += 1
            tables += len(plumber)
            same += len(mine) == len(plumber) and all(_close(m, p) for m, p in zip(mine, plumber))
    assert tables > 20, "the rendered seeds hold ruled tables"
    assert same == pages, f"{pages - same} of {pages} pages differ from pdfplumber's grids"
