"""Every way a file can fail to parse gives a ParseError naming the file and
the reason kind a batch can count."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from make_files import make_pdf
from minutes.extract.errors import ParseError
from minutes.extract.parsers import ocr as ocr_engine
from minutes.extract.parsers import parse_file
from minutes.extract.parsers.ocr import OcrMode
from minutes.extract.parsers.pdf import is_garbled
from support import WILD

PROSE = [(72, 700 - 16 * i, 11, line) for i, line in enumerate([
    "The committee met in the small hall and agreed the budget for next year.",
    "Members asked the clerk to write to the county about the footpath repairs.",
    "The chair thanked everyone for coming and closed the meeting at nine.",
])]


def _fails(path: Path, reason: str, ocr: OcrMode = "auto") -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_file(path, ocr)
    assert caught.value.reason == reason
    assert str(path) in str(caught.value)
    return caught.value


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(make_pdf([PROSE])[:60])
    _fails(path, "corrupt")


def test_html_named_pdf_is_read_as_html(tmp_path: Path) -> None:
    # a file is read by what it holds (binary under a .pdf name: test_legacy_and_sniffing.py)
    path = tmp_path / "noise.pdf"
    path.write_bytes(b"<html>not a pdf at all</html>" * 10)
    assert parse_file(path).format == "html"


def test_password_protected_pdf_is_encrypted(tmp_path: Path) -> None:
    import pypdfium2
    data = make_pdf([PROSE], password="letmein")
    # genuinely encrypted: readable with the password, and only with it
    assert "small hall" in pypdfium2.PdfDocument(data, password="letmein")[0].get_textpage().get_text_range()
    path = tmp_path / "locked.pdf"
    path.write_bytes(data)
    assert "password" in _fails(path, "encrypted").detail


@pytest.mark.parametrize("name", ["blank.pdf", "blank.docx", "blank.txt"])
def test_empty_file_is_empty(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    _fails(path, "empty")


@pytest.fixture
def no_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr_engine, "available", lambda: False)


def test_image_only_pdf_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []], image=True))
    assert "OCR" in _fails(path, "no_text", "never").detail


def test_image_only_pdf_without_tesseract_says_how_to_install_it(tmp_path: Path, no_tesseract: None) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []], image=True))
    detail = _fails(path, "no_text").detail
    assert "no text layer" in detail and "apt-get install tesseract-ocr tesseract-ocr-eng" in detail


def test_garbled_text_layer_needs_ocr(tmp_path: Path, no_tesseract: None) -> None:
    soup = "Xqtz bnmr klw trsd pqnx vbrt zzkr hjkl mnbv cxzw qrtp lkjh gfds"
    path = tmp_path / "garbled.pdf"
    path.write_bytes(make_pdf([[(72, 700 - 14 * i, 11, soup) for i in range(6)]]))
    detail = _fails(path, "no_text").detail
    assert "garbled" in detail and "tesseract-ocr" in detail
    assert "garbled" in _fails(path, "no_text", "never").detail


def test_ordinary_prose_with_names_and_figures_is_not_garbled() -> None:
    text = "Cllr J Smith (Chair), Mrs P Hay, 14/037 - £3,275 +VAT; NHS, CCG and DCLG 2014/15 Q3 figures"
    assert not is_garbled(text * 5)


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this zip stops here")
    _fails(path, "corrupt")


def test_docx_without_document_part_is_corrupt(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    path = tmp_path / "hollow.docx"
    path.write_bytes(buffer.getvalue())
    _fails(path, "corrupt")


def test_encrypted_word_file(tmp_path: Path) -> None:
    # Word saves a password-protected .docx as an OLE container holding EncryptedPackage
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 500
    path = tmp_path / "locked.docx"
    path.write_bytes(ole)
    _fails(path, "encrypted")


@pytest.mark.parametrize("name", ["old.doc", "OLD.DOC"])
def test_office_file_that_is_no_word_document_is_unsupported(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "an Office file" in _fails(path, "unsupported").detail


@pytest.mark.parametrize("name, named", [("sums.xls", "Excel"), ("slides.pptx", "PowerPoint"),
                                         ("notes.xyz", ".xyz")])
def test_other_formats_are_unsupported_by_name(tmp_path: Path, name: str, named: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x00\x01\x02 binary" * 50)
    assert named in _fails(path, "unsupported").detail


def test_docx_saved_fine_still_parses(tmp_path: Path) -> None:
    # the control case for the failures above
    document = docx.Document()
    document.add_paragraph("The treasurer reported a small surplus.")
    path = tmp_path / "fine.docx"
    document.save(path)
    assert "surplus" in parse_file(path).text


@pytest.mark.skipif(not WILD.is_dir(), reason="shared corpus not present")
@pytest.mark.parametrize("name, reason, detail", [
    ("uk_horsley-pc_draft-minutes_2014-03-18.pdf", "no_text", "garbled"),
    ("uk_horsley-pc_agenda_2014-04-29.pdf", "no_text", "garbled"),
    ("uk_horsley_dclg-letter-scan_2014-05-07.pdf", "no_text", "no text layer"),
    ("us_alameda_pension-board_minutes_2011-04-25_scan.pdf", "no_text", "no text layer"),
])
def test_wild_failures(name: str, reason: str, detail: str) -> None:
    # with OCR (tests/test_ocr.py) the scans and garbled files are read
    assert detail in _fails(WILD / name, reason, "never").detail


@pytest.mark.skipif(not WILD.is_dir(), reason="shared corpus not present")
def test_no_wild_file_with_a_good_text_layer_is_rejected() -> None:
    bad = {"uk_horsley-pc_draft-minutes_2014-03-18.pdf", "uk_horsley-pc_agenda_2014-04-29.pdf",
           "uk_horsley_dclg-letter-scan_2014-05-07.pdf", "us_alameda_library-board_minutes_2009-03-11_scan.pdf",
           "us_alameda_pension-board_minutes_2011-04-25_scan.pdf"}
    for path in sorted(WILD.glob("*.pdf")) + sorted(WILD.glob("*.docx")):
        if path.name not in bad:
            assert parse_file(path).blocks, path.name
