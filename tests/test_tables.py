"""The logical-table layer and page furniture: header rows, column roles,
tables continued across a page break, and furniture told apart by the
parsers (a PDF built here, a text file with form feeds)."""
from __future__ import annotations

from pathlib import Path

from helpers_minutes import make_doc, person, run_components
from make_files import make_pdf
from minutes.extract.document import DocumentBuilder, is_furniture
from minutes.extract.parsers import parse_file
from minutes.extract.tables import header_length, names_columns, tables


def _rows(texts: list[list[str]]):
    block = DocumentBuilder("x.txt", "txt", "0").add_table(texts)
    assert block is not None
    return block.rows


def test_furniture_lines() -> None:
    for text in ("Page 2 of 2", "- 3 -", "12", "OFFICIAL - SENSITIVE", "UNCLASSIFIED\nUNCLASSIFIED",
                 "Action log (continued)", "(cont'd)", "continued overleaf"):
        assert is_furniture(text), text
    for text in ("Continued publicity on the helpline number", "MINUTES", "12 members attended", "AOB"):
        assert not is_furniture(text), text


def test_text_furniture_stays_in_the_text_marked(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text("Minutes of the Board\n\nThe Board met.\n\nPage 1 of 2\n\fOFFICIAL\n\nThe Board agreed.\n")
    parsed = parse_file(path)
    marked = [b for b in parsed.blocks if b.is_furniture]
    assert [(b.text, b.page) for b in marked] == [("Page 1 of 2", 1), ("OFFICIAL", 2)]
    assert all(parsed.text[b.start:b.end] == b.text for b in parsed.blocks)
    assert not any(b.is_furniture for b in parsed.blocks if b.text.startswith("The Board"))


def test_pdf_running_lines_are_cut_from_the_text_and_kept_as_furniture(tmp_path: Path) -> None:
    def page(number: int, body: str) -> list[tuple[float, float, float, str]]:
        return [(72, 760, 9, "Brackenmoor Parish Council"), (72, 700, 11, body), (290, 40, 9, f"Page {number} of 2")]
    path = tmp_path / "p.pdf"
    path.write_bytes(make_pdf([page(1, "The Council met at the hall."), page(2, "The Council agreed the budget.")]))
    parsed = parse_file(path)
    assert "Brackenmoor" not in parsed.text and "Page 1" not in parsed.text
    assert {(f.page, f.text) for f in parsed.furniture} == {
        (1, "Brackenmoor Parish Council"), (1, "Page 1 of 2"), (2, "Brackenmoor Parish Council"), (2, "Page 2 of 2")}


def test_table_continued_after_page_furniture_is_one_table() -> None:
    b = DocumentBuilder("x.txt", "txt", "0")
    b.add_table([["Service", "2010/11 £000"], ["Parks", "1,662"]])
    b.add("paragraph", "Page 1 of 2")
    b.new_page()
    b.add_table([["Libraries", "954"]])
    b.add("paragraph", "The Board noted the figures.")
    b.add_table([["Museums", "120"]])
    found = tables(b.build().blocks)
    assert [[p.block.page for p in t.parts] for t in found] == [[1, 2], [2]]


def test_header_is_the_row_of_column_names_even_with_figures_in_its_words() -> None:
    rows = _rows([["Risk", "Likelihood (0 to 5)", "Action", "Owner"], ["Late report", "3", "Chase it", "PMO"]])
    assert header_length(rows) == 1 and names_columns(rows[0])


def test_header_over_figures_and_none_over_words_without_column_names() -> None:
    assert header_length(_rows([["Revenue budget", ""], ["Service", "2010/11"], ["Parks", "1,662"]])) == 2
    assert header_length(_rows([["Name", "Organisation"], ["Ann Bell", "Parks Service"]])) == 1
    assert header_length(_rows([["Ann Bell", "Parks Service"], ["Carl Dunn", "Brackenmoor Trust"]])) == 0


def test_log_continued_after_a_page_break_keeps_its_columns() -> None:
    b = DocumentBuilder("x.txt", "txt", "0")
    b.add_table([["Action", "Owner", "Due"], ["Survey the bandstand roof", "Jenna Voss", "March 2012"]])
    b.add("paragraph", "Page 1 of 2")
    b.new_page()
    b.add("heading", "Action log")
    b.add_table([["Repaint the crossing", "Arun Cole", "June 2012"]])
    [log] = tables(b.build().blocks)
    assert [p.block.page for p in log.parts] == [1, 2] and log.roles == {"action": 0, "owner": 1, "due": 2}
    assert [p.rows[0][0].text for p in log.parts] == ["Survey the bandstand roof", "Repaint the crossing"]


def test_prose_between_two_tables_ends_the_log() -> None:
    people = [person("Jenna Voss"), person("Arun Cole")]
    doc = run_components(make_doc([
        ("table", [["Action", "Owner", "Due"], ["Survey the bandstand roof", "Jenna Voss", "March 2012"]]),
        ("paragraph", "The Board then heard from residents about the play area."),
        ("table", [["Repaint the crossing", "Arun Cole", "June 2012"]])], people), "roster", "meeting_dates", "actions")
    assert [a.text for a in doc.actions] == ["Survey the bandstand roof"]
