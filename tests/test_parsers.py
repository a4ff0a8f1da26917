"""PDF and Word parsers: the same block structure the text parser gives,
checked on files built here and on the rendered seeds in ../shared."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from make_files import make_pdf, ruled_grid, text_width
from minutes.extract.document import ParsedFile
from minutes.extract.parsers import parse_file
from support import SHARED

RENDERED = SHARED / "corpus" / "rendered"
WILD = RENDERED.parent / "wild"
needs_corpus = pytest.mark.skipif(not RENDERED.is_dir(), reason="shared corpus not present")


def _texts(parsed: ParsedFile, kind: str) -> list[str]:
    return [b.text for b in parsed.blocks if b.kind == kind]


def _spans_hold(parsed: ParsedFile) -> None:
    for b in parsed.blocks:
        assert parsed.text[b.start:b.end] == b.text
        assert parsed.page_at(b.start) == b.page
        for row in b.rows:
            for cell in row:
                assert parsed.text[cell.start:cell.end] == cell.text


# --- a PDF built here ---------------------------------------------------------

def _board_page(number: int, body: list[tuple[float, float, float, str]]) -> list[tuple[float, float, float, str]]:
    return [(72, 760, 9, "Riverside Allotments Board"), *body, (290, 40, 9, f"Page {number} of 2")]


BOARD_PDF = [
    _board_page(1, [
        (72, 700, 16, "Minutes of the Board"),
        (72, 670, 11, "Present:"),
        (72, 652, 11, "Ann Ledger"), (300, 652, 11, "Treasurer, Riverside Trust"),
        (72, 638, 11, "Bob Tiller"), (300, 638, 11, "Parks Service"),
        (72, 610, 11, "1. Welcome and apologies"),
        (72, 580, 11, "The board heard the recom-"),
        (72, 566, 11, "mendation of the working group on water butts and"),
        (72, 552, 11, "agreed the Anti-"),
        (72, 538, 11, "Social Behaviour protocol."),
    ]),
    _board_page(2, [
        (72, 700, 11, "2. Plot rents"),
        (72, 670, 11, "- Rents rise by two per cent."),
        (72, 650, 11, "- The waiting list is closed."),
    ]),
]


@pytest.fixture(scope="module")
def board_pdf(tmp_path_factory: pytest.TempPathFactory) -> ParsedFile:
    path = tmp_path_factory.mktemp("pdf") / "board.pdf"
    path.write_bytes(make_pdf(BOARD_PDF))
    return parse_file(path)


def test_built_pdf_pages_and_spans(board_pdf: ParsedFile) -> None:
    assert [p.number for p in board_pdf.pages] == [1, 2]
    _spans_hold(board_pdf)
    assert {b.page for b in board_pdf.blocks if "Plot rents" in b.text} == {2}


def test_built_pdf_drops_running_header_and_page_numbers(board_pdf: ParsedFile) -> None:
    """The running head is dropped from page 2, but kept where it opens page 1
    (the title a producer repeats on every page); page numbers go everywhere."""
    assert board_pdf.text.count("Riverside Allotments Board") == 1
    assert board_pdf.page_at(board_pdf.text.find("Riverside Allotments Board")) == 1
    assert [f.page for f in board_pdf.furniture if f.text == "Riverside Allotments Board"] == [2]
    assert "Page 1" not in board_pdf.text and "Page 2" not in board_pdf.text


def test_built_pdf_heading_from_larger_type(board_pdf: ParsedFile) -> None:
    # the running head opening page 1 is a heading too: the title it repeats on every page
    assert _texts(board_pdf, "heading") == ["Riverside Allotments Board", "Minutes of the Board"]
    assert [b.level for b in board_pdf.blocks if b.kind == "heading"] == [1, 1]


def test_built_pdf_two_columns_become_table_rows(board_pdf: ParsedFile) -> None:
    tables = [b for b in board_pdf.blocks if b.is_table]
    assert tables[0].cells() == [["Ann Ledger", "Treasurer, Riverside Trust"], ["Bob Tiller", "Parks Service"]]


def test_built_pdf_rejoins_hyphenated_words_only(board_pdf: ParsedFile) -> None:
    para = next(t for t in _texts(board_pdf, "paragraph") if "board heard" in t)
    assert "recommendation of the working group" in para
    assert "Anti-\nSocial" in para  # a capital after the hyphen: a real compound
    assert para.count("\n") == 2  # the other line breaks are kept, as the text parser keeps them


def test_built_pdf_list_labels(board_pdf: ParsedFile) -> None:
    items = [(b.label, b.text) for b in board_pdf.blocks if b.kind == "list_item"]
    assert items == [("1.", "Welcome and apologies"), ("2.", "Plot rents"),
                     ("-", "Rents rise by two per cent."), ("-", "The waiting list is closed.")]


def test_built_pdf_list_numbers_stay_in_the_text_layer(board_pdf: ParsedFile) -> None:
    """A printed number is text: it stands in the parsed text before the item's
    words, with its box; a bullet is not."""
    assert "1. Welcome and apologies" in board_pdf.text and "2. Plot rents" in board_pdf.text
    item = next(b for b in board_pdf.blocks if b.label == "2.")
    assert board_pdf.text[item.head:item.end] == item.printed == "2. Plot rents"
    assert item.boxes[0].start == item.head
    bullet = next(b for b in board_pdf.blocks if b.label == "-")
    assert bullet.head == bullet.start and "- Rents" not in board_pdf.text and "• Rents" not in board_pdf.text



def test_built_pdf_in_matrix_scaled_unit_font_reads_the_same(board_pdf: ParsedFile, tmp_path: Path) -> None:
    # Quartz writes "1 Tf" and puts the type size in the text matrix; measured
    # against a 1-point size, every gap between letters looked like a word break
    path = tmp_path / "quartz.pdf"
    path.write_bytes(make_pdf(BOARD_PDF, unit_font=True))
    parsed = parse_file(path)
    shape = [(b.kind, b.level, b.label, b.text, b.cells()) for b in board_pdf.blocks]
    assert [(b.kind, b.level, b.label, b.text, b.cells()) for b in parsed.blocks] == shape


def test_built_pdf_in_unit_font_keeps_amounts_whole(tmp_path: Path) -> None:
    path = tmp_path / "amounts.pdf"
    path.write_bytes(make_pdf([[(72, 700, 10.3, "Income was £7,615 and spending £12,480.50 in 2013/14.")]],
                              unit_font=True))
    assert parse_file(path).text == "Income was £7,615 and spending £12,480.50 in 2013/14."


# --- a Word file built here -----------------------------------------------------

@pytest.fixture(scope="module")
def board_docx(tmp_path_factory: pytest.TempPathFactory) -> ParsedFile:
    document = docx.Document()
    document.add_heading("Harbour Users Forum", level=1)
    document.add_heading("Matters arising", level=2)
    for text in ("Slipway repairs", "Mooring fees"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("", style="List Number")  # an empty numbered paragraph
    document.add_paragraph("Dredging", style="List Number")
    document.add_paragraph("Fuel berth reopened", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for r, (name, org) in enumerate([("Cara Quay", "Harbour Trust"), ("Dev Keel", "Sailing Club")]):
        table.cell(r, 0).text, table.cell(r, 1).text = name, org
    merged = document.add_table(rows=2, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Actions"
    merged.cell(1, 0).text, merged.cell(1, 1).text = "Clerk", "Write to the council"
    document.add_page_break()
    document.add_paragraph("Next meeting in the spring.")
    path = tmp_path_factory.mktemp("docx") / "forum.docx"
    document.save(path)
    return parse_file(path)


def test_built_docx_headings_with_levels(board_docx: ParsedFile) -> None:
    assert [(b.text, b.level) for b in board_docx.blocks if b.kind == "heading"] == [
        ("Harbour Users Forum", 1), ("Matters arising", 2)]


def test_built_docx_numbering_restored(board_docx: ParsedFile) -> None:
    items = [(b.label, b.text) for b in board_docx.blocks if b.kind == "list_item"]
    assert items[:2] == [("1.", "Slipway repairs"), ("2.", "Mooring fees")]
    assert items[2][1] == "Dredging" and items[2][0] in ("3.", "4.")
    assert items[3] == ("-", "Fuel berth reopened")


def test_built_docx_tables_and_merged_cells(board_docx: ParsedFile) -> None:
    tables = [b.cells() for b in board_docx.blocks if b.is_table]
    assert tables[0] == [["Cara Quay", "Harbour Trust"], ["Dev Keel", "Sailing Club"]]
    assert sum(c.count("Actions") for c in tables[1][0]) == 1  # a merged cell appears once
    _spans_hold(board_docx)


def test_built_docx_page_break_starts_a_page(board_docx: ParsedFile) -> None:
    last = board_docx.blocks[-1]
    assert last.text == "Next meeting in the spring." and last.page == 2


# --- the rendered seeds -------------------------------------------------------

@needs_corpus
def test_rendered_pdf_matches_text_structure() -> None:
    parsed = parse_file(RENDERED / "003_9bb5ea48c7436b24.pdf")
    _spans_hold(parsed)
    assert len(parsed.pages) == 9
    assert parsed.text.count("SAFER HALTON PARTNERSHIP") == 1  # the title stays, the running header goes
    assert not any(b.text.startswith("Page ") for b in parsed.blocks)
    present = next(b for b in parsed.blocks if b.is_table)
    assert present.page == 1
    assert present.cells()[0] == ["Present", "S. Blackwell", "Cheshire Police"]
    assert ["", "Cllr D. Cargill", "Cheshire Police Authority"] in present.cells()  # wrapped cell text rejoined
    items = {(b.label, b.text) for b in parsed.blocks if b.kind == "list_item"}
    assert ("1.", "Procurement; and") not in items and ("3.", "Procurement; and") in items
    assert ("a.", "Performance Management") in items
    assert any(label == "-" and text.startswith("Partnership arrangements") for label, text in items)


@needs_corpus
def test_rendered_pdf_narrow_table_cells_keep_whole_numbers() -> None:
    parsed = parse_file(RENDERED / "000_49ec45bbd0ad4368.pdf")
    cells = [c for b in parsed.blocks if b.is_table for row in b.cells() for c in row]
    assert "1.24" in cells and "2007/8 Baseline" in cells
    assert "Primary Care Trust" in cells


@needs_corpus
def test_rendered_docx_matches_text_structure() -> None:
    parsed = parse_file(RENDERED / "003_9bb5ea48c7436b24.docx")
    text_version = parse_file(RENDERED.parent / "seeds" / "003_9bb5ea48c7436b24.txt")
    _spans_hold(parsed)
    table = next(b for b in parsed.blocks if b.is_table)
    assert table.cells() == next(b for b in text_version.blocks if b.is_table).cells()
    items = [(b.label, b.text) for b in parsed.blocks if b.kind == "list_item"]
    assert ("3.", "Procurement; and") in items and ("b.", "Alcohol Enforcement") in items
    # the same list items in the same order as the text parser finds them (which
    # leaves a typed "ii." in the text where Word numbers the item itself)
    expected = [re.sub(r"^[ivx]+\. ", "", b.text) for b in text_version.blocks if b.kind == "list_item"]
    assert [t for _, t in items] == expected


@needs_corpus
def test_two_column_attendees_are_not_interleaved() -> None:
    parsed = parse_file(WILD / "uk_dgu_crime-justice-panel_minutes_2014-02-14.pdf")
    attendees = next(b.cells() for b in parsed.blocks if b.is_table)
    assert len(attendees) >= 20 and all(len(row) == 2 for row in attendees)
    assert ["Matthew Brown", "Cabinet Office"] in attendees



# (file, words and amounts that came out letter-spaced, "£ 7 , 9 8 4", before
# the type size was read from the text matrix)
UNIT_FONT_FILES = [
    ("uk_horsley-village-hall-committee_minutes_2013-10-08.pdf", ["HORSLEY VILLAGE HALL", "£7,984", "£13,440"]),
    ("uk_suffolk-libraries_board_minutes_2016-12-15.pdf", ["Stratford St Andrew", "15th December 2016"]),
    ("us_alameda_city-council_minutes_2006-04-18.pdf", ["Councilmember deHaan", "7:46 p.m."]),
    ("us_illinois-finance-authority_notice-agenda_2020-12-03.pdf", ["Conduit Financing Committee", "60601"]),
]


@pytest.mark.parametrize(("name", "facts"), UNIT_FONT_FILES)
def test_wild_pdf_in_matrix_scaled_unit_font_is_not_letter_spaced(name: str, facts: list[str]) -> None:
    path = WILD / name
    if not path.is_file():
        pytest.skip(f"wild file not found: {path}")
    parsed = parse_file(path)
    text = " ".join(parsed.text.split())
    assert all(fact in text for fact in facts)
    assert not re.search(r"(\b\w ){5}", text)  # no run of single letters


# --- ruled tables in a PDF built here ------------------------------------------

COLUMNS = [72.0, 172.0, 322.0, 472.0]


def test_ruled_grid_with_merged_cell_and_text_beside_it(tmp_path: Path) -> None:
    rows = [620.0, 590.0, 560.0, 530.0]
    # no rule between columns 2 and 3 in the middle row: one merged cell
    rules = ruled_grid(COLUMNS, rows, omit=((322.0, 560.0, 322.0, 590.0),))
    text = [(72, 700, 14, "Minutes of the Board"),
            (76, 600, 10, "Name"), (176, 600, 10, "Role"), (326, 600, 10, "Notes"),
            (76, 570, 10, "Ann Ledger"), (176, 570, 10, "Treasurer and"), (326, 570, 10, "trustee"),
            (76, 540, 10, "Bob Tiller"), (176, 540, 10, "Parks"), (326, 540, 10, "Joined in May"),
            (490, 570, 10, "aside"),
            (72, 480, 11, "The board approved the accounts.")]
    path = tmp_path / "ruled.pdf"
    path.write_bytes(make_pdf([text], rules=[rules]))
    parsed = parse_file(path)
    _spans_hold(parsed)
    tables = [b for b in parsed.blocks if b.is_table]
    assert [t.cells() for t in tables] == [[["Name", "Role", "Notes"],
                                            ["Ann Ledger", "Treasurer and trustee", ""],
                                            ["Bob Tiller", "Parks", "Joined in May"]]]
    assert "aside" in _texts(parsed, "paragraph")  # beside the table, not in it
    assert "The board approved the accounts." in _texts(parsed, "paragraph")


def test_a_cell_line_wrapped_after_a_word_keeps_its_space_and_a_word_broken_alone_is_rejoined(
        tmp_path: Path) -> None:
    # both first lines end within a letter of the narrow column's edge; only the one that is a word
    # alone on its line was broken inside the word (a wrap breaks a word only where it cannot fit)
    text = [(76, 600, 10, "Action"), (144, 600, 10, "Lead"),
            (76, 570, 10, "Circulate the"), (76, 558, 10, "draft plan"), (144, 570, 10, "Ann Ledger"),
            (76, 530, 10, "Neighbourho"), (76, 518, 10, "od watch"), (144, 530, 10, "Bob Tiller")]
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(make_pdf([text], rules=[ruled_grid([72.0, 140.0, 300.0], [620.0, 590.0, 545.0, 505.0])]))
    [table] = [b for b in parse_file(path).blocks if b.is_table]
    assert table.cells() == [["Action", "Lead"], ["Circulate the draft plan", "Ann Ledger"],
                             ["Neighbourhood watch", "Bob Tiller"]]


def test_ruled_row_split_by_page_break_is_rejoined(tmp_path: Path) -> None:
    first = [(76, 700, 10, "Name"), (176, 700, 10, "Organisation"),
             (76, 670, 10, "Cy Hedge"), (176, 670, 10, "Friends of the")]
    second = [(176, 700, 10, "Park"),
              (76, 670, 10, "Di Rake"), (176, 670, 10, "County Council")]
    path = tmp_path / "split.pdf"
    path.write_bytes(make_pdf([first, second], rules=[ruled_grid(COLUMNS[:3], [720.0, 690.0, 660.0]),
                                                      ruled_grid(COLUMNS[:3], [720.0, 690.0, 660.0])]))
    parsed = parse_file(path)
    _spans_hold(parsed)
    assert [b.cells() for b in parsed.blocks if b.is_table] == [
        [["Name", "Organisation"], ["Cy Hedge", "Friends of the Park"]],
        [["Di Rake", "County Council"]]]


def test_ruled_grid_drawn_inside_a_form_xobject(tmp_path: Path) -> None:
    text = [(76, 700, 10, "Item"), (176, 700, 10, "Owner"),
            (76, 670, 10, "Fence repair"), (176, 670, 10, "Cy Hedge")]
    dx, dy = 40.0, -25.0  # the form's matrix moves its drawing back onto the text
    rules = [(x0 - dx, y0 - dy, x1 - dx, y1 - dy) for x0, y0, x1, y1 in ruled_grid(COLUMNS[:3], [720.0, 690.0, 660.0])]
    path = tmp_path / "form.pdf"
    path.write_bytes(make_pdf([text], rules=[rules], form_shift=(dx, dy)))
    assert [b.cells() for b in parse_file(path).blocks if b.is_table] == [
        [["Item", "Owner"], ["Fence repair", "Cy Hedge"]]]


# --- layouts seen in real minutes, rebuilt by hand ------------------------------

def _parse_pdf(tmp_path: Path, pages: list, **kwargs) -> ParsedFile:
    path = tmp_path / "layout.pdf"
    path.write_bytes(make_pdf(pages, **kwargs))
    parsed = parse_file(path)
    _spans_hold(parsed)
    return parsed


def _justified(x: float, y: float, size: float, text: str, width: float) -> tuple:
    """A line stretched by word spacing to the given width, as justified type is set."""
    return (x, y, size, text, (width - text_width(text, size)) / text.count(" "))


def test_justified_line_with_stretched_word_gaps_is_no_table_row(tmp_path: Path) -> None:
    # a few long words on a justified line: its gaps grow wider than a column gap
    full = "for the coming year after the members present had agreed the budget"
    parsed = _parse_pdf(tmp_path, [[_justified(72, 700, 11, "Ann Ledger then moved the budget", text_width(full, 11)),
                                    (72, 687, 11, full), (72, 674, 11, "without a vote.")]])
    assert not any(b.is_table for b in parsed.blocks)
    assert _texts(parsed, "paragraph") == [f"Ann Ledger then moved the budget\n{full}\nwithout a vote."]


def test_highlight_fills_behind_stacked_words_are_no_table(tmp_path: Path) -> None:
    # yellow boxes behind two names one above the other share an edge, like a one-column grid
    lines = [(72, 700, 11, "Ann Ledger, Treasurer"), (72, 686, 11, "Bob Tiller, Secretary")]
    parsed = _parse_pdf(tmp_path, [lines], fills=[[(71, 697, 92, 710), (71, 684, 92, 697)]])
    assert not any(b.is_table for b in parsed.blocks)
    assert parsed.text == "Ann Ledger, Treasurer\nBob Tiller, Secretary"


def test_double_spaced_paragraphs_keep_their_lines_together(tmp_path: Path) -> None:
    # set one and a half spaced: a line pitch of 1.7 sizes, a paragraph gap of two pitches
    texts = ["The chair welcomed the members and", "noted the apologies received before", "the meeting began.",
             "The treasurer reported a surplus for", "the year and the board agreed to", "keep it in reserve."]
    tops = [700, 679.4, 658.8, 617.6, 597.0, 576.4]
    parsed = _parse_pdf(tmp_path, [[(72, y, 12, t) for y, t in zip(tops, texts)]])
    assert _texts(parsed, "paragraph") == ["\n".join(texts[:3]), "\n".join(texts[3:])]


def test_rule_typed_as_underscores_ends_the_heading(tmp_path: Path) -> None:
    parsed = _parse_pdf(tmp_path, [[(72, 720, 16, "Notice of Special Meeting"), (72, 704, 16, "_" * 40),
                                    (72, 680, 11, "The committee meets on Tuesday.")]])
    assert _texts(parsed, "heading") == ["Notice of Special Meeting"]
    assert "_" not in parsed.text


def test_line_ending_a_sentence_with_room_to_spare_ends_a_ragged_paragraph(tmp_path: Path) -> None:
    # no space between the paragraphs: the short line ends a sentence and the
    # next line's first word would have fitted after it
    texts = ["The clerk reported that the village hall roof had been repaired", "by a local builder at a cost well",
             "below the estimate given last spring.", "Members thanked the clerk for arranging the work so quickly",
             "and for keeping the hall open throughout the repair and asked", "for the invoice to be paid."]
    parsed = _parse_pdf(tmp_path, [[(72, 700 - 13.2 * i, 11, t) for i, t in enumerate(texts)]])
    assert _texts(parsed, "paragraph") == ["\n".join(texts[:3]), "\n".join(texts[3:])]


def test_line_short_of_a_justified_edge_ends_the_paragraph(tmp_path: Path) -> None:
    # justified text, no full stops: the line stopping short of the edge was
    # ended by the writer; a wrapped line would have been stretched to the edge
    width = 400.0
    texts = ["The clerk read letters from the county council about the", "cutting of the verges by the lane to",
             "the school and from the police", "Invoice from the printer for the newsletter of the parish",
             "council to be paid at once by cheque"]
    lines = [_justified(72, 700 - 13.2 * i, 11, t, width) if i in (0, 1, 3) else (72, 700 - 13.2 * i, 11, t)
             for i, t in enumerate(texts)]
    parsed = _parse_pdf(tmp_path, [lines])
    assert _texts(parsed, "paragraph") == ["\n".join(texts[:3]), "\n".join(texts[3:])]


def test_running_footer_of_several_lines_above_the_edge_zone_is_dropped(tmp_path: Path) -> None:
    def page(number: int) -> list:
        return [(72, 500, 11, f"The board met for session {number} and approved the accounts."),
                (72, 124, 8, "Regular Meeting"), (72, 112, 11, f"Riverside Allotments Board {number}"),
                (72, 100, 8, "April 18, 2006")]
    parsed = _parse_pdf(tmp_path, [page(1), page(2), page(3)])
    assert _texts(parsed, "paragraph") == [f"The board met for session {n} and approved the accounts."
                                           for n in (1, 2, 3)]


def test_pdf_blocks_carry_the_boxes_their_text_is_printed_in(tmp_path: Path) -> None:
    """Provenance on the page: a fact's characters map back to where they are
    printed (x from the left, top from the top of the page, in points)."""
    path = tmp_path / "boxes.pdf"
    path.write_bytes(make_pdf([[(72, 700, 12, "Minutes of the board"),
                                (72, 660, 11, "The board agreed the budget for the library."),
                                (72, 646, 11, "Members thanked the treasurer.")]]))
    parsed = parse_file(path)
    assert parsed.pages[0].width == 612 and parsed.pages[0].height == 792
    block = next(b for b in parsed.blocks if b.text.startswith("The board agreed"))
    [first, second] = block.boxes
    assert parsed.text[first.start:first.end] == "The board agreed the budget for the library."
    assert parsed.text[second.start:second.end] == "Members thanked the treasurer."
    assert abs(first.x0 - 72) < 1 and abs(second.x0 - 72) < 1
    assert 792 - 660 - 12 < first.top < 792 - 660 < first.bottom  # the baseline sits inside the box
    assert first.bottom <= second.top + 1 and first.x1 > second.x1  # the lines stack, the first the longer


def test_emoji_beyond_the_bmp_come_out_whole(shared) -> None:
    """pdfium counts an emoji as two UTF-16 units; lone surrogate halves
    would make the text unstorable (UTF-8 refuses them)."""
    path = shared / "corpus" / "breadth" / "england_uob-computer-science-society_minutes_2024-10-16.pdf"
    parsed = parse_file(path)
    assert "\U0001f642" in parsed.text and "\U0001f37a" in parsed.text  # slightly smiling face, beer mug
    assert not re.search(r"[\ud800-\udfff\ufffd]", parsed.text)
    parsed.text.encode("utf-8")


def test_text_list_numbers_stay_in_the_text_layer(parse) -> None:
    parsed = parse("Minutes\n\n3. Finance\n(b) Grants were paid.\n- a bullet\n")
    assert "3. Finance\n(b) Grants were paid.\na bullet" in parsed.text
    assert [(b.label, b.text) for b in parsed.blocks if b.kind == "list_item"] == [
        ("3.", "Finance"), ("(b)", "Grants were paid."), ("-", "a bullet")]
    _spans_hold(parsed)


def test_text_written_a_line_per_paragraph_is_cut_into_paragraphs(parse) -> None:
    # a wrapped sentence stays one paragraph; a sentence's end, a numbered heading without a stop
    # and an action tag end one when the next line opens with a capital
    parsed = parse("Present: Cllr A Bell, Cllr C Dunn\nEL/23/12 Play area\nThe Manager reported on the\n"
                   "tenders received.\nRESOLVED: to accept the lowest.\nPD agreed to obtain quotes. ACTION: PD\n"
                   "JC would contact the club.\n")
    assert [b.text for b in parsed.blocks] == [
        "Present: Cllr A Bell, Cllr C Dunn", "EL/23/12 Play area", "The Manager reported on the\ntenders received.",
        "RESOLVED: to accept the lowest.", "PD agreed to obtain quotes. ACTION: PD", "JC would contact the club."]
    assert [b.kind for b in parsed.blocks][:2] == ["paragraph", "heading"]
    _spans_hold(parsed)


def test_pdf_list_labels_in_capital_roman_and_with_a_space_inside(tmp_path: Path) -> None:
    """"II." labels a point as "I." does, and "(c )", typed with a stray space,
    labels a sub-item as "(c)" does (kept as printed)."""
    parsed = _parse_pdf(tmp_path, [[(72, 700, 11, "(b) Greens"), (72, 680, 11, "(c ) Highways"),
                                    (72, 660, 11, "I. The reports will be ready."),
                                    (72, 640, 11, "II. The library opened.")]])
    assert [(b.label, b.text) for b in parsed.blocks] == [
        ("(b)", "Greens"), ("(c )", "Highways"), ("I.", "The reports will be ready."), ("II.", "The library opened.")]


def test_running_head_on_the_first_page_stays_unless_it_is_furniture(tmp_path: Path) -> None:
    """The title and date repeated atop every page stay on page 1; a protective
    marking repeated there does not (it is furniture wherever it stands)."""
    pages = [[(250, 770, 9, "OFFICIAL"), (72, 740, 11, "Minutes of the meeting held on 6 May 2021"),
              (72, 600 - 20 * n, 11, f"The board met and noted paper {n}.")] for n in (1, 2, 3)]
    parsed = _parse_pdf(tmp_path, pages)
    assert parsed.text.count("Minutes of the meeting held on 6 May 2021") == 1
    assert parsed.text.startswith("Minutes of the meeting held on 6 May 2021")
    assert "OFFICIAL" not in parsed.text and [f.page for f in parsed.furniture if f.text == "OFFICIAL"] == [1, 2, 3]


def test_bold_run_wrapping_onto_the_next_line_stays_in_its_paragraph(tmp_path: Path) -> None:
    """A bold action note that starts inside a line and wraps is one
    paragraph; a bold line after a sentence's end is still a heading."""
    parsed = _parse_pdf(tmp_path, [[
        (72, 700, 11, "The bins are full. **[ACTION: Ada Quill to ask the waste**"),
        (72, 686, 11, "**team for more collections.]**"),
        (72, 660, 11, "The accounts were signed by the **Chair.**"),
        (72, 646, 11, "**Finance**"),
        (72, 632, 11, "The budget was noted.")]])
    assert [(b.kind, b.text) for b in parsed.blocks] == [
        ("paragraph", "The bins are full. [ACTION: Ada Quill to ask the waste\nteam for more collections.]"),
        ("paragraph", "The accounts were signed by the Chair."), ("heading", "Finance"),
        ("paragraph", "The budget was noted.")]
