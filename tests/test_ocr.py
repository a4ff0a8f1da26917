"""OCR of scans and of PDFs whose text layer is garbled, with real Tesseract.
Facts about the wild files were checked by hand against their page images
(rendered to PNG and read). A seed PDF printed to images and back to an
image-only PDF scores within 0.05 of the born-digital PDF."""
from __future__ import annotations

import functools
import importlib.util
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from make_files import make_pdf
from minutes.extract.export import file_record
from minutes.extract.extractor import FileExtraction, extract_file
from minutes.extract.parsers import ocr, parse_file
from minutes.models import connect, ingest_paths
from minutes.models.schema import source_pages
from minutes.pipeline import cli
from sqlalchemy import select
from support import WILD

pytestmark = pytest.mark.skipif(not ocr.available(), reason="Tesseract with English data is not installed "
                                "(apt-get install tesseract-ocr tesseract-ocr-eng; .ci/run does)")
SCAN_DPI = 200  # an office scanner's usual setting


@functools.cache
def _wild(name: str) -> FileExtraction:
    path = WILD / name
    if not path.is_file():
        pytest.skip(f"wild file not found: {path}")
    return extract_file(path)


def _names(people) -> set[str]:
    return {p.name for p in people}


def test_scanned_pension_board_minutes():
    fx = _wild("us_alameda_pension-board_minutes_2011-04-25_scan.pdf")
    assert sorted(fx.parsed.ocr_pages()) == [1, 2] and min(fx.parsed.ocr_pages().values()) > 85
    doc = fx.documents[0]
    assert (doc.section.kind, doc.section.meeting_date) == ("minutes", date(2011, 4, 25))
    assert "Pension Board" in doc.section.body
    # "Staff: Fred Marsh, Controller, ..." under ROLL CALL
    assert ("Fred Marsh", "Controller") in {(p.name, p.role) for p in doc.attendees}
    # numbered headings 3. MINUTES, 4. AGENDA ITEMS, 6. ORAL COMMUNICATIONS, 7. PENSION BOARD COMMUNICATIONS
    assert {("3", "MINUTES"), ("4", "AGENDA ITEMS")} <= {(i.ref, i.title) for i in doc.items}
    assert {"6", "7"} <= {i.ref for i in doc.items}
    text = fx.parsed.text
    for words in ("Marie Gilmore", "Robert Follrath", "William Soderlund", "Nancy Elzig", "Passed 4-0"):
        assert words in text


def test_scanned_library_board_minutes():
    fx = _wild("us_alameda_library-board_minutes_2009-03-11_scan.pdf")
    assert sorted(fx.parsed.ocr_pages()) == [1, 2, 3]
    doc = fx.documents[0]
    assert (doc.section.kind, doc.section.meeting_date, doc.section.body) == (
        "minutes", date(2009, 3, 11), "Alameda Free Library Board")
    assert {("Jane Chisaki", "Library Director"), ("Marsha Merrick", "Recording Secretary")} <= {
        (p.name, p.role) for p in doc.attendees}
    assert {"The team", "The Art Exhibit Committee"} <= {o.name for a in doc.actions for o in a.owners}
    # the city seal above the title is a picture, not words
    assert fx.parsed.blocks[0].text.startswith("Minutes of the")
    # the consent calendar's lettered items
    assert [b.label for b in fx.parsed.blocks if b.kind == "list_item"][:2] == ["A.", "B."]


def test_scanned_letter_is_read_but_is_no_minutes():
    fx = _wild("uk_horsley_dclg-letter-scan_2014-05-07.pdf")
    assert list(fx.parsed.ocr_pages()) == [1]
    assert [d.section.kind for d in fx.documents] == ["other"]
    assert "Nick Boles MP" in fx.parsed.text and not fx.documents[0].attendees


def test_garbled_parish_minutes_read_by_ocr():
    fx = _wild("uk_horsley-pc_draft-minutes_2014-03-18.pdf")
    assert sorted(fx.parsed.ocr_pages()) == [1, 2, 3]
    doc = fx.documents[0]
    assert (doc.section.kind, doc.section.meeting_date) == ("minutes", date(2014, 3, 18))
    assert "HORSLEY PARISH COUNCIL" in doc.section.body
    assert "N Hackett" in _names(doc.attendees)
    assert "Clarke" in _names(doc.apologies)  # "Apologies for Absence: Cllr Mrs Clarke, ..."
    assert doc.next_meeting.date == date(2014, 4, 29)  # "Date of Next Meeting: 29th April 2014"
    assert any("Blackwell" in o.name for a in doc.actions for o in a.owners)
    # minute refs 14/037 to 14/051 all read, and Tesseract's "Clir" mended to "Cllr"
    assert all(f"14/0{n:02d}" in fx.parsed.text for n in range(37, 52))
    assert "Clir" not in fx.parsed.text and "Cllr Caudwell" in fx.parsed.text
    # the finance table of payee, purpose and sum, read as a table
    assert any(b.is_table and "£340.20" in b.text for b in fx.parsed.blocks)


def test_garbled_parish_agenda_read_by_ocr():
    fx = _wild("uk_horsley-pc_agenda_2014-04-29.pdf")
    doc = fx.documents[0]
    assert doc.section.kind == "agenda" and doc.section.body == "Horsley Parish Council"
    refs = [i.ref for i in doc.items]
    assert {"2", "3", "4", "5", "6", "8", "9", "10", "11", "12", "13", "15", "16", "17", "19"} <= set(refs)
    assert ("19", "Casual Vacancy") in {(i.ref, i.title) for i in doc.items}
    assert "Tuesday 29 April 2014" in fx.parsed.text  # the superscript "th" read as a quote, mended


def test_ocr_facts_are_marked_in_json_and_database(tmp_path: Path):
    name = "us_alameda_pension-board_minutes_2011-04-25_scan.pdf"
    record = file_record(_wild(name))
    assert [p["page"] for p in record["source"]["ocr_pages"]] == [1, 2]
    doc = record["documents"][0]
    assert doc["ocr"] and all(p["ocr"] for p in doc["attendees"]) and all(i["ocr"] for i in doc["items"])
    engine = connect(f"sqlite:///{tmp_path / 'm.db'}")
    report = ingest_paths(engine, [WILD / name])
    assert len(report.stored) == 1
    with engine.connect() as conn:
        rows = conn.execute(select(source_pages.c.page, source_pages.c.ocr, source_pages.c.ocr_confidence)
                            .order_by(source_pages.c.page)).all()
    assert [(r.page, r.ocr) for r in rows] == [(1, True), (2, True)] and all(r.ocr_confidence > 85 for r in rows)


def test_born_digital_pages_are_not_ocred(tmp_path: Path, shared: Path):
    record = file_record(extract_file(shared / "corpus" / "rendered" / "003_9bb5ea48c7436b24.pdf"))
    doc = record["documents"][0]
    assert "ocr_pages" not in record["source"] and "ocr" not in doc
    assert not any("ocr" in fact for fact in doc["attendees"] + doc["items"] + doc["actions"])


def test_ocr_always_and_never(tmp_path: Path):
    lines = [(72, 700 - 20 * i, 14, text) for i, text in enumerate(
        ["Minutes of the Parks Committee", "Present: Cllr Ada Quill, Ben Ortiz", "Apologies: Cara Dunn"])]
    path = tmp_path / "typed.pdf"
    path.write_bytes(make_pdf([lines]))
    assert parse_file(path).ocr_pages() == {} and parse_file(path, "never").ocr_pages() == {}
    read = parse_file(path, "always")
    assert list(read.ocr_pages()) == [1] and "Present: Cllr Ada Quill, Ben Ortiz" in read.text


def test_blank_scan_says_ocr_found_nothing(tmp_path: Path):
    path = tmp_path / "grey.pdf"
    path.write_bytes(make_pdf([[]], image=True))
    with pytest.raises(Exception) as caught:
        parse_file(path)
    assert caught.value.reason == "no_text" and "OCR found no text" in caught.value.detail


def test_cli_ocr_option(tmp_path: Path):
    scan = WILD / "uk_horsley_dclg-letter-scan_2014-05-07.pdf"
    if not scan.is_file():
        pytest.skip("wild corpus not present")
    runner = CliRunner()
    never = runner.invoke(cli, ["extract", str(scan), "--out", str(tmp_path / "n"), "--ocr", "never"])
    assert never.exit_code == 1 and "needs OCR" in never.output
    auto = runner.invoke(cli, ["ingest", str(scan), "--db", f"sqlite:///{tmp_path / 'm.db'}"])
    assert auto.exit_code == 0 and "1 stored" in auto.output


def test_ocr_always_without_tesseract_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import minutes.pipeline as pipeline
    monkeypatch.setattr(pipeline, "ocr_available", lambda: False)
    path = tmp_path / "a.txt"
    path.write_text("Minutes")
    result = CliRunner().invoke(cli, ["extract", str(path), "--out", str(tmp_path), "--ocr", "always"])
    assert result.exit_code == 2 and "apt-get install tesseract-ocr" in result.output


def _scan(pdf_path: Path, out: Path, dpi: int = SCAN_DPI) -> Path:
    """The PDF printed to grey page images and made back into an image-only PDF."""
    pdf = pdfium.PdfDocument(pdf_path)
    images = [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    return out


@pytest.mark.parametrize("seed", ["000_49ec45bbd0ad4368", "002_62fb676782fab03f"])
def test_scanned_seed_scores_as_the_born_digital_pdf(seed: str, shared: Path, tmp_path: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = score.load(shared / "eval" / "gold")[seed]
    born = shared / "corpus" / "rendered" / f"{seed}.pdf"
    scanned = _scan(born, tmp_path / f"{seed}.pdf")
    assert not pdfium.PdfDocument(scanned)[0].get_textpage().get_text_range().strip()  # images only
    read = extract_file(scanned)
    assert len(read.parsed.ocr_pages()) == len(read.parsed.pages)
    digital = score.score_record(gold, file_record(extract_file(born)))
    ocred = score.score_record(gold, file_record(read))
    for field, metrics in digital.items():
        for metric, value in metrics.items():
            if isinstance(value, float):  # p, r, f1 and the accuracies (counts are ints and dicts)
                got = ocred[field].get(metric, 0.0)
                assert got >= value - 0.05, (field, metric, got, value)
