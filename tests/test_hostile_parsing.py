"""Issue 11's parser defects, each with the input the fault probe found:
regexes that went quadratic on hostile text (items 6), Word packages that
inflate or span without bound (item 7), and single bad values that lost a
whole file as "error" (item 9). Inputs that hung or took minutes before are
parsed in a child process with a generous bound: a hang fails the test
instead of stopping the suite (a bound on a hang, not a speed figure)."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from minutes.extract.errors import ParseError
from minutes.extract.parsers import parse_file
from minutes.extract.parsers.text import clean_inline
from minutes.extract.parsers.word import MAX_SPAN, MAX_XML_BYTES
from make_files import make_pdf

BOUND = 60  # seconds; the inputs below took minutes or hung before the fixes


def _parse_in_child(path: Path) -> str:
    """The blocks' text of ``path``, parsed by a child process that must finish within BOUND."""
    code = ("import sys; from minutes.extract.parsers import parse_file; "
            "p = parse_file(sys.argv[1], 'never'); print(len(p.blocks), len(p.text))")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=BOUND)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.parametrize("name, text", [
    ("unclosed-table", "Minutes\n" + "<table><tr><td>x " * 40_000),
    ("unclosed-row", "Minutes\n<table>" + "<tr><td>x " * 40_000 + "</table>"),
    ("brackets", "Minutes " + "[" * 400_000),
    ("angles", "Minutes " + "<" * 400_000),
    ("unclosed-sup", "Minutes " + "<sup>1 " * 80_000),
])
def test_hostile_markup_is_read_in_one_pass(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(text)
    blocks, chars = map(int, _parse_in_child(path).split())
    assert blocks >= 1 and chars > 0


def test_markup_still_reads_as_before(parse) -> None:
    """The same words come out of well-formed markup as before the linear rewrite."""
    assert clean_inline("See [the report](http://x.org/a) and <b>note</b> 5<sup>th</sup> <http://y.org>") == \
        "See the report and note 5th http://y.org"
    parsed = parse("Before\n<table><tr><th>Name</th><td class='x'>Role</td></tr>"
                   "<tr><td>Ada</td><td>Chair</td></tr></table>\nAfter")
    table = next(b for b in parsed.blocks if b.is_table)
    assert table.cells() == [["Name", "Role"], ["Ada", "Chair"]]
    assert [b.text for b in parsed.blocks if not b.is_table] == ["Before", "After"]


def _docx(tmp_path: Path, build) -> Path:
    document = docx.Document()
    build(document)
    path = tmp_path / "hostile.docx"
    document.save(path)
    return path


def _rewrite(path: Path, part: str, change) -> None:
    """Rewrite one part of a saved package (names and order kept)."""
    with zipfile.ZipFile(path) as z:
        parts = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            z.writestr(info.filename, change(data) if info.filename == part else data)


def test_docx_whose_document_inflates_past_the_bound_is_too_large(tmp_path: Path) -> None:
    path = _docx(tmp_path, lambda d: d.add_paragraph("Minutes of the meeting"))
    padding = b"<!--" + b" " * (MAX_XML_BYTES + 1) + b"-->"
    _rewrite(path, "word/document.xml", lambda data: data.replace(b"<w:body>", b"<w:body>" + padding, 1))
    assert path.stat().st_size < 1 << 20  # a small file that inflates a thousandfold
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.reason == "too_large" and "word/document.xml" in caught.value.detail


def test_grid_span_is_capped_at_words_widest_table(tmp_path: Path) -> None:
    def build(document) -> None:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Clerk", "Write to the council"
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(10 ** 7))
        table.cell(0, 0)._tc.get_or_add_tcPr().append(span)
    parsed = parse_file(_docx(tmp_path, build))
    [table] = [b for b in parsed.blocks if b.is_table]
    assert [c.text for c in table.rows[0] if c.text] == ["Clerk", "Write to the council"]
    assert len(table.rows[0]) <= MAX_SPAN + 1


def _numbered(document, count: int = 3) -> None:
    for text in ("Apologies", "Minutes", "Finance")[:count]:
        document.add_paragraph(text, style="List Number")


def _levels(change) -> callable:
    """Rewrite every list level definition of numbering.xml with ``change``."""
    return lambda data: re.sub(rb"<w:lvl [^>]*>.*?</w:lvl>", lambda m: change(m.group(0)), data, flags=re.S)


def test_non_numeric_level_and_start_are_read_as_words_defaults(tmp_path: Path) -> None:
    path = _docx(tmp_path, _numbered)
    _rewrite(path, "word/numbering.xml", _levels(
        lambda lvl: re.sub(rb'w:ilvl="0"', b'w:ilvl="first"', re.sub(rb'<w:start w:val="\d+"', b'<w:start w:val="one"', lvl))))
    labels = [(b.label, b.text) for b in parse_file(path).blocks if b.kind == "list_item"]
    assert labels == [("1.", "Apologies"), ("2.", "Minutes"), ("3.", "Finance")]


def test_list_level_beyond_words_nine_keeps_the_file(tmp_path: Path) -> None:
    """Word has levels 0-8; a level 12, defined and used, indexed past the counters."""
    def build(document) -> None:
        _numbered(document, 2)
        num_pr = document.paragraphs[-1]._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 12
        num_pr.get_or_add_numId().val = 5  # the template's List Number list
    path = _docx(tmp_path, build)
    _rewrite(path, "word/numbering.xml", _levels(lambda lvl: lvl.replace(b'w:ilvl="0"', b'w:ilvl="12"')))
    items = [b.text for b in parse_file(path).blocks if b.kind == "list_item"]
    assert items == ["Apologies", "Minutes"]


@pytest.mark.parametrize("fmt", ["lowerRoman", "lowerLetter"])
def test_huge_list_start_is_read_as_words_default(tmp_path: Path, fmt: str) -> None:
    path = _docx(tmp_path, _numbered)
    _rewrite(path, "word/numbering.xml", _levels(lambda lvl: re.sub(
        rb'<w:numFmt w:val="\w+"/>', b'<w:numFmt w:val="%s"/>' % fmt.encode(),
        re.sub(rb'<w:start w:val="\d+"', b'<w:start w:val="%d"' % 10 ** 15, lvl))))
    out = _parse_in_child(path)  # before: the numeral loop never ended, the letters took gigabytes
    blocks, chars = map(int, out.split())
    assert blocks == 3 and chars < 100


def test_pdf_page_that_cannot_be_loaded_is_corrupt(tmp_path: Path) -> None:
    """A page tree counting a page it lacks: pdfium's "Failed to load page"."""
    data = make_pdf([[(72, 700, 11, "Minutes of the board")], [(72, 700, 11, "The board met.")]])
    path = tmp_path / "short-tree.pdf"
    path.write_bytes(data.replace(b"/Count 2", b"/Count 3"))
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.reason == "corrupt" and "page 3" in caught.value.detail
