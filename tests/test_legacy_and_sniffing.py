"""Legacy Word files through LibreOffice (real soffice), and files read by
what they hold rather than by their names (PDF without an extension, Word
under a wrong one, UTF-16 and BOM-marked text, a stray bad byte in UTF-8)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from make_files import make_pdf
from minutes.extract.errors import ParseError
from minutes.extract.extractor import extract_file
from minutes.extract.parsers import legacy, parse_file, sha256_of
from support import WILD

needs_libreoffice = pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice is not installed "
                                       "(apt-get install libreoffice-writer-nogui; .ci/run does)")


def _wild(name: str) -> Path:
    path = WILD / name
    if not path.is_file():
        pytest.skip(f"wild file not found: {path}")
    return path


def _names(people) -> set[str]:
    return {p.name for p in people}


@needs_libreoffice
def test_legacy_doc_panel_minutes():
    path = _wild("uk_dgu_crime-justice-panel_minutes_2013-10-14.DOC")
    fx = extract_file(path)
    # the facts keep the original file as their source
    assert (fx.parsed.path, fx.parsed.format, fx.parsed.sha256) == (str(path), "doc", sha256_of(path.read_bytes()))
    doc = fx.documents[0]
    assert doc.section.body == "Crime and Justice Transparency Sector Panel"
    assert doc.section.meeting_date.isoformat() == "2013-10-14"
    assert ("Kieron O’Hara", "Chair") in {(p.name, p.role) for p in doc.attendees}
    assert {("Joe Allen", "Victim Support"), ("Jo May", "HMCTS")} <= {(p.name, p.organisation) for p in doc.attendees}
    assert {"Max Chambers", "Jeni Tennison"} <= _names(doc.apologies) and len(doc.apologies) == 7
    # items 1-6 under the title's date line "14 October 2013" (a date, not item 14)
    assert [i.ref for i in doc.items] == ["1", "2", "3", "4", "5", "6"]
    explicit = [a for a in doc.actions if a.text.startswith("ACTION ")]
    assert len(explicit) >= 10 and "Claire Smith" in {o.name for o in explicit[1].owners}


@needs_libreoffice
def test_legacy_doc_board_minutes():
    fx = extract_file(_wild("uk_dgu_transparency-board_minutes_2013-11-21.doc"))
    doc = fx.documents[0]
    assert (doc.section.kind, doc.section.body, doc.section.meeting_date.isoformat()) == (
        "minutes", "Transparency Board", "2013-11-21")
    assert {"Stephan Shakespeare", "Nigel Shadbolt", "Heather Savory", "Andrew Stott"} <= _names(doc.attendees)
    assert len(doc.apologies) == 3 and any(p.name.startswith("Tim Berners-Lee") for p in doc.apologies)


@needs_libreoffice
def test_legacy_doc_action_log_table():
    fx = extract_file(_wild("uk_dgu_transparency-board_action-log_2012-01-24.doc"))
    tables = [b for b in fx.parsed.blocks if b.is_table]
    assert len(tables) == 2  # open actions, then completed ones
    header = tables[0].cells()[1]
    assert header[:4] == ["Meeting date & action number", "Team owner", "Action", "Deadline"]
    assert len(tables[0].rows) == 17 and len(tables[1].rows) == 9
    assert tables[0].cells()[2][:2] == ["02/03/2011", "Farah/ Jane Sigley"]
    assert tables[1].cells()[1][4] == "Complete"


@needs_libreoffice
@pytest.mark.parametrize("fmt, filter_name", [("doc", "MS Word 97"), ("rtf", "Rich Text Format"), ("odt", "writer8")])
def test_seed_saved_as_legacy_format_reads_as_the_docx(fmt: str, filter_name: str, shared: Path, tmp_path: Path):
    seed = shared / "corpus" / "rendered" / "003_9bb5ea48c7436b24.docx"
    subprocess.run([legacy.soffice(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", f"{fmt}:{filter_name}", "--outdir", str(tmp_path), str(seed)],
                   check=True, capture_output=True, timeout=120)
    converted = tmp_path / f"{seed.stem}.{fmt}"
    original, legacy_doc = extract_file(seed).documents[0], extract_file(converted).documents[0]
    assert parse_file(converted).format == fmt
    assert _names(legacy_doc.attendees) == _names(original.attendees) and len(original.attendees) == 17
    assert [i.ref for i in legacy_doc.items] == [i.ref for i in original.items]


@needs_libreoffice
def test_conversion_time_limit(tmp_path: Path):
    path = tmp_path / "slow.doc"
    path.write_bytes(_wild("uk_dgu_transparency-board_minutes_2013-11-21.doc").read_bytes())
    with pytest.raises(ParseError) as caught:
        legacy.to_docx(path, path.read_bytes(), "doc", timeout=0.01)
    assert caught.value.reason == "timeout"


@needs_libreoffice
def test_unreadable_doc_is_corrupt(tmp_path: Path):
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + b"\x00" * 600)
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.reason in ("corrupt", "empty")


def test_without_libreoffice_a_doc_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    path = tmp_path / "old.DOC"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + b"\x00" * 600)
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.reason == "unsupported" and "apt-get install libreoffice-writer-nogui" in caught.value.detail


# -- known by content -------------------------------------------------------

LINES = [(72, 700 - 16 * i, 11, t) for i, t in enumerate(["Minutes of the Parks Committee",
                                                          "Present: Cllr Ada Quill, Ben Ortiz"])]


@pytest.mark.parametrize("name", ["minutes_2017-05-02_AGM", "minutes.txt", "minutes.docx", "minutes.html"])
def test_pdf_known_by_content(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(make_pdf([LINES]))
    parsed = parse_file(path)
    assert parsed.format == "pdf" and "Ben Ortiz" in parsed.text


@pytest.mark.parametrize("name", ["minutes", "minutes.pdf", "minutes.txt", "minutes.doc"])
def test_docx_known_by_content(tmp_path: Path, name: str):
    document = docx.Document()
    document.add_paragraph("Present: Cllr Ada Quill, Ben Ortiz")
    path = tmp_path / name
    document.save(path)
    parsed = parse_file(path)
    assert parsed.format == "docx" and "Ben Ortiz" in parsed.text


@pytest.mark.parametrize("name", ["minutes", "minutes.pdf", "minutes.docx"])
def test_text_known_by_content(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text("Minutes of the Parks Committee\n\nPresent: Cllr Ada Quill, Ben Ortiz\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.format == "txt" and "Ben Ortiz" in parsed.text


def test_html_without_extension(tmp_path: Path):
    path = tmp_path / "page"
    path.write_text("<html><body><p>Present: Ben Ortiz</p></body></html>", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.format == "html" and parsed.text == "Present: Ben Ortiz"


TEXT = "Minutes: Zoë Brontë and José Núñez – £25\nApologies: Siân Jones\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-8", "cp1252"])
def test_text_encodings(tmp_path: Path, encoding: str):
    path = tmp_path / "notes.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert parse_file(path).text == TEXT.replace("\n", "\n\n").strip().replace("\n\n", "\n")


def test_one_stray_byte_in_utf8_is_replaced_not_read_as_cp1252(tmp_path: Path):
    path = tmp_path / "notes.txt"
    path.write_bytes(TEXT.encode("utf-8").replace(b"Apologies", b"Apolo\xffgies"))
    text = parse_file(path).text
    assert "Zoë Brontë and José Núñez – £25" in text and "Apolo\ufffdgies" in text


def test_binary_under_a_pdf_name_is_corrupt(tmp_path: Path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.reason == "corrupt" and "not a PDF" in caught.value.detail


def test_unknown_binary_without_extension_is_unsupported(tmp_path: Path):
    path = tmp_path / "blob"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert caught.value.reason == "unsupported" and "(no extension)" in caught.value.detail
