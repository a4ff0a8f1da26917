"""Layout tables: minutes typed into a table (number | text | Action) are
read as the flow of blocks their text makes, with the margin text (an
owner's initials) attached to the block it stands beside; tables of
records stay tables. Real papers in ../shared were checked by hand against
their page images; the Word case is built here."""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from minutes.extract.document import Block, ParsedFile
from minutes.extract.extractor import extract_file
from minutes.extract.parsers import parse_file
from minutes.extract.parsers.layout import is_layout_header, layout_rows, prose_row
from minutes.extract.parsers.word import parse_docx

LONG = ("The working group reported on the new opening hours and the costs of the pilot. "
        "Members asked for the figures to be checked before the next meeting of the board.")


def _lines(rows: list[list[str]]) -> list[list[int]]:
    return [[max(1, len(c) // 60) if c else 0 for c in row] for row in rows]


def test_a_row_of_running_text_beside_a_number_and_initials_is_prose():
    row = prose_row(["4.", LONG, "AB/CD"], [1, 3, 1])
    assert row is not None and (row.number, row.content, row.margins) == (0, 1, (2,))


def test_a_labelled_row_and_a_record_row_are_not_prose():
    assert prose_row(["Attendees", LONG, ""], [1, 3, 0]) is None  # a key-value header row
    assert prose_row(["12/03/2011", LONG, "Done"], [1, 3, 1]) is None  # a log row: a date on the left
    assert prose_row([LONG, "Owner Name", "April 2011", "Ongoing"], [3, 1, 1, 1]) is None  # two margin cells


def test_short_rows_of_a_layout_table_follow_its_prose_rows():
    rows = [["", "Action"], ["1.", "Apologies"], ["2.", LONG], ["3.", "Nothing was raised."]]
    roles = layout_rows([["", "", "Action"], *[["", *r] for r in rows[1:]]],
                        _lines([["", "", "Action"], *[["", *r] for r in rows[1:]]]))
    assert roles[0] is None and all(r is not None and r.content == 2 for r in roles[1:])
    assert is_layout_header(["Topic of Discussion", "Action"]) and is_layout_header(["", "Action"])
    assert not is_layout_header(["Action", "Owner", "Deadline"])


def test_an_action_log_with_long_descriptions_stays_a_table():
    rows = [["No.", "Action", "Owner", "Due"], ["1", LONG, "AB", "May"], ["2", LONG, "CD", "June"]]
    assert layout_rows(rows, _lines(rows)) == [None, None, None]


def _headings(parsed: ParsedFile) -> list[str]:
    return [b.text for b in parsed.blocks if b.kind == "heading"]


def _marked(parsed: ParsedFile) -> list[tuple[str, Block]]:
    return [(m.text, b) for b in parsed.blocks for m in b.markers]


def _file(shared: Path, relative: str) -> Path:
    path = shared / "corpus" / relative
    if not path.is_file():
        pytest.skip(f"not found: {path}")
    return path


def test_suffolk_board_minutes_in_a_ruled_table_read_as_items_with_action_initials(shared):
    path = _file(shared, "archives/suffolk-libraries/board-meeting-minutes-2013-03-26.pdf")
    parsed = parse_file(path)
    headings = _headings(parsed)
    for title in ("1. Apologies", "2. Declarations of Interest", "4. Decisions", "8. Equalities", "13. Other matters"):
        assert title in headings
    # the key-value block above the minutes stays a table; no minute text is left in a table
    tables = [b for b in parsed.blocks if b.kind == "table"]
    assert any(row[0].text == "Attendees" for b in tables for row in b.rows)
    assert not any("Declarations" in b.text for b in tables)
    marked = _marked(parsed)
    assert len(marked) >= 10
    assert any(text == "IB" and "Compliance Manager" in b.text for text, b in marked)
    assert any(text == "NS" and "EGM notice" in b.text for text, b in marked)
    assert any(text == "NS/AW" and "Routes to Membership" in b.text for text, b in marked)
    # a marker's anchor is the line it stands level with, inside its block
    for _, b in marked:
        assert all(b.start <= m.anchor < b.end and parsed.text[m.start:m.end] == m.text for m in b.markers)


def test_suffolk_board_margin_initials_become_explicit_actions(shared):
    path = _file(shared, "archives/suffolk-libraries/board-meeting-minutes-2013-03-26.pdf")
    doc = extract_file(path).documents[0]
    refs = [i.ref for i in doc.items]
    assert {"1", "2", "3", "4", "4.1", "4.2", "5", "9", "11", "13"} <= set(refs)
    flagged = [a for a in doc.actions if any(o.as_written == "NS" for o in a.owners)]
    assert any("EGM notice" in a.text and a.explicit and a.item_ref == "6" for a in flagged)
    assert len(doc.actions) >= 12


def test_a_later_suffolk_template_reads_the_same_way(shared):
    path = _file(shared, "archives/suffolk-libraries/board-meeting-minutes-2015-06-02.pdf")
    doc = extract_file(path).documents[0]
    assert len(doc.items) >= 15 and len(doc.actions) >= 8 and len(doc.decisions) >= 8


def test_discussion_and_action_columns_without_rules(shared):
    parsed = parse_file(_file(shared, "breadth/scotland_tayport-tennis-club_minutes_2013-01-14.pdf"))
    marked = _marked(parsed)
    assert any(text == "RT/KC" and "coaching timetable" in b.text for text, b in marked)
    assert any(text == "VR to put on agenda" and "Open Day" in b.text for text, b in marked)
    assert not any("RT/KC" in b.text for b in parsed.blocks)  # the margin note left the line it stood on
    # the whole paper is set in a bold font: bold marks no heading there
    assert not [h for h in parsed.blocks if h.kind == "heading" and h.level == 6]


def test_a_ruled_discussion_and_action_table(shared):
    parsed = parse_file(_file(shared, "breadth/scotland_tayport-community-council_minutes_2017-10-02.pdf"))
    assert any(text == "Secretary" and "Letter" in b.text for text, b in _marked(parsed))
    assert not any(b.kind == "table" and "Agenda Items" in b.text for b in parsed.blocks)


def _layout_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph("Board minutes")
    table = d.add_table(rows=3, cols=3)
    table.rows[0].cells[2].text = "Action"
    number, text, margin = table.rows[1].cells
    number.text = "1."
    text.text = "Apologies"
    text.add_paragraph("None were received.")
    number, text, margin = table.rows[2].cells
    number.text = "2."
    text.text = "Library hours"
    text.add_paragraph(LONG)
    text.add_paragraph("The chair thanked the group for a clear report on the pilot and its results so far.")
    margin.text = ""
    margin.add_paragraph("")
    margin.add_paragraph("AB")  # pushed down beside the long paragraph
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_word_layout_table_reads_as_paragraphs_with_the_margin_beside_its_paragraph(tmp_path):
    path = tmp_path / "minutes.docx"
    data = _layout_docx()
    path.write_bytes(data)
    parsed = parse_docx(path, data, "0" * 64)
    # the number cell labels the row's first paragraph, as typed numbering would
    read = [(b.label, b.text) for b in parsed.blocks]
    assert read[:4] == [(None, "Board minutes"), ("1.", "Apologies"), (None, "None were received."),
                        ("2.", "Library hours")]
    assert not [b for b in parsed.blocks if b.kind == "table"]
    [(text, block)] = _marked(parsed)
    assert text == "AB" and block.text.startswith("The working group")


def _numbered_minutes_docx(path: Path) -> None:
    """Minutes typed into a "No. | Minute | Action" grid, each row a run-in title and a few sentences."""
    d = docx.Document()
    d.add_paragraph("Eastbrook Community Council")
    d.add_paragraph("Minutes of the meeting held on Wednesday 8 May 2024 at 7pm")
    d.add_paragraph("Present: Ann Grey (Chair), Ben Hood (Treasurer), Cara Innes (Secretary), Dev Joshi, "
                    "PC Fay McLeod")
    rows = [["No.", "Minute", "Action"],
            ["1", "Police report. PC McLeod reported fourteen incidents in April. Residents are reminded to lock "
                  "sheds. She will arrange a crime prevention stall at the gala.", "FM"],
            ["2", "Treasurer's report. The balance stands at £2,184 and the grant has been received. The "
                  "Treasurer will submit the monitoring form by 31 May.", "BH"],
            ["3", "Gala. Volunteers are needed for the stalls. Dev agreed to organise the bouncy castle. The "
                  "council agreed to contribute £300 towards the fireworks.", "DJ"]]
    table = d.add_table(rows=len(rows), cols=3)
    for cells, texts in zip(table.rows, rows):
        for cell, text in zip(cells.cells, texts):
            cell.text = text
    d.save(path)


def test_a_numbered_minute_grid_is_layout_and_its_margin_owns_the_task_beside_it(tmp_path):
    assert is_layout_header(["No.", "Minute", "Action"]) and not is_layout_header(["No.", "Action", "Owner"])
    path = tmp_path / "minutes.docx"
    _numbered_minutes_docx(path)
    [doc] = extract_file(path, ocr="never").documents
    assert [(i.ref, i.title) for i in doc.items] == [("1", "Police report"), ("2", "Treasurer's report"),
                                                     ("3", "Gala")]
    marked = [(a.text, [o.name for o in a.owners]) for a in doc.actions if a.explicit]
    # the task said of "she" (from the sentence naming her), the one given to the Treasurer's post, the one
    # naming the margin's owner
    assert marked == [("PC McLeod reported fourteen incidents in April. Residents are reminded to lock sheds. She "
                       "will arrange a crime prevention stall at the gala.", ["Fay McLeod"]),
                      ("The Treasurer will submit the monitoring form by 31 May.", ["Ben Hood"]),
                      ("Dev agreed to organise the bouncy castle.", ["Dev Joshi"])]


def test_an_item_discussion_action_grid_titles_its_rows_and_its_margin_writes_whole_tasks(tmp_path):
    d = docx.Document()
    d.add_paragraph("Riverton Wellbeing Partnership")
    d.add_paragraph("Notes of meeting: 17 January 2024")
    d.add_paragraph("Present: Sara Quayle (Chair), Tim Hurst, Nadia Bello, Olly Grant, Marian Wells")
    rows = [["Item", "Discussion", "Action"],
            ["1. Welcome", "SQ welcomed everyone and introductions were made.", ""],
            ["2. Healthy weight strategy", "TH presented the draft strategy. Partners welcomed the focus on schools "
             "and on the early years. It was agreed to consult on the draft for six weeks from February.",
             "TH to launch the consultation by 5 February\nNB to share contacts"],
            ["3. Funding", "OG reported that funding is available for next year. Bids are invited.",
             "Marian to investigate"]]
    table = d.add_table(rows=len(rows), cols=3)
    for cells, texts in zip(table.rows, rows):
        for cell, text in zip(cells.cells, texts):
            cell.text = text
    path = tmp_path / "notes.docx"
    d.save(path)
    [doc] = extract_file(path, ocr="never").documents
    assert [(i.ref, i.title) for i in doc.items] == [("1", "Welcome"), ("2", "Healthy weight strategy"),
                                                     ("3", "Funding")]
    # each task on the last sentence beside it, its deadline its own
    consult = "It was agreed to consult on the draft for six weeks from February."
    assert [(a.text, [o.name for o in a.owners], a.due.iso() if a.due else None) for a in doc.actions] == [
        (f"{consult} – TH to launch the consultation by 5 February", ["Tim Hurst"], "2024-02-05"),
        (f"{consult} – NB to share contacts", ["Nadia Bello"], None),
        ("Bids are invited. – Marian to investigate", ["Marian Wells"], None)]
    parsed = parse_file(path)
    assert all(parsed.text[a.span.start:a.span.end] in a.text for a in doc.actions)  # the span: the text beside
