import pytest
from minutes.extract.items import extract_items
from minutes.extract.records import Section


@pytest.fixture
def items(parse):
    def run(text: str, kind: str = "minutes", standalone: bool = True):
        return [(i.ref, i.title) for i in extract_items(Section(kind, "t", parse(text).blocks), standalone)]
    return run


def test_numbered_items_subitems_and_resolved_parts_skipped(items):
    got = items("1. Welcome\n\n2. Minutes of the Last Meeting\n\na) Minutes agreed as a true record.\n\n"
                 "b) Matters arising were noted.\n\n3. Parks Update\n\na) Play Areas\n\nText here.\n\n"
                 "b) Allotments\n\nRESOLVED:\n\n1) That the report be noted.\n\n2) That officers report back.\n\n"
                 "3.1 Tree Planting\n\n4. Any Other Business\n")
    assert got == [("1", "Welcome"), ("2", "Minutes of the Last Meeting"), ("3", "Parks Update"),
                   ("3a", "Play Areas"), ("3b", "Allotments"), ("3.1", "Tree Planting"), ("4", "Any Other Business")]


def test_a_numbered_list_under_action_points_holds_tasks_not_items(items):
    got = items("1. Welcome\n\n2. Finance\n\nText here.\n\n3. Any other business\n\nNone.\n\nAction points\n\n"
                "1. Ewan – report the broken stiles\n\n2. Lorna – chase the invoice\n\n3. Morag – pay the donation\n\n"
                "4. Alan – write to the club\n")
    assert got == [("1", "Welcome"), ("2", "Finance"), ("3", "Any other business")]


def test_a_board_code_in_mixed_case_over_a_year_and_number_is_a_ref(items):
    # "BoD 23/101" as a plain-text line over its minute, as a Trust's board numbers its items
    got = items("BoD 23/101 Integrated performance report\nThe report was introduced.\n\n"
                "BoD 23/102 Finance report\nA deficit was reported.\n")
    assert got == [("BoD23/101", "Integrated performance report"), ("BoD23/102", "Finance report")]


def test_code_refs_and_caps_headings(items):
    got = items("HBP12 WELCOME\n\nHBP13 HOUSING FUNDING\n\nThe board noted:\n\n1. The grant was spent.\n\n"
                 "2. Costs rose.\n\nHBP14 ANY OTHER BUSINESS\n")
    assert got == [("HBP12", "WELCOME"), ("HBP13", "HOUSING FUNDING"), ("HBP14", "ANY OTHER BUSINESS")]


def test_other_ref_styles(items):
    assert items("14/037 Declarations of Interest\n\n14/038 Planning Matters\n")[0] == ("14/037", "Declarations of Interest")
    assert items("19.09.01 Apologies\n\n19.09.02 Finance\n")[1] == ("19.09.02", "Finance")
    assert items("Item 5 Budget Report\n\nMinute 42 Highways\n") == [("5", "Budget Report"), ("42", "Highways")]
    assert items("Minute 45/19 Apologies\n\nMinute 46/19 Finance\n") == [("45/19", "Apologies"), ("46/19", "Finance")]
    # a board's minute numbers: its initials, the year, the minute
    assert items("TB/23/041 Welcome and apologies\nThe Chair welcomed all.\n\nTB/23/042 Finance report\n") == [
        ("TB/23/041", "Welcome and apologies"), ("TB/23/042", "Finance report")]


def test_a_fire_authority_numbers_its_minutes_by_year_and_minute(items):
    # "23/24-41": the municipal year, then the minute; a heading in capitals over its text
    got = items("23/24-41 APOLOGIES FOR ABSENCE\n\nApologies were received.\n\n23/24-42 TREASURY STRATEGY 2024/25\n\n"
                "The Treasurer introduced the strategy.\n\n23/24-43 RISK REGISTER\n\nMembers discussed the register.\n")
    assert got == [("23/24-41", "APOLOGIES FOR ABSENCE"), ("23/24-42", "TREASURY STRATEGY 2024/25"),
                   ("23/24-43", "RISK REGISTER")]
    assert items("12/03/2024 Meeting of the board\n\n13/03/2024 Site visit\n") == []  # dates, not minutes
    # a town council's letter, minute and year; a planning section number is no ref
    got = items("C/127/24 APOLOGIES\n\nApologies were received.\n\nC/128/24 PRECEPT 2025/26\n\nThe budget was set.\n")
    assert got == [("C/127/24", "APOLOGIES"), ("C/128/24", "PRECEPT 2025/26")]
    assert items("1. Planning\n\nS/106 Agreement update\n\nThe agreement was signed.\n\n2. Finance\n") == [
        ("1", "Planning"), ("2", "Finance")]


def test_a_long_numbered_first_line_heads_the_sentence_under_it(items):
    # 51 characters over a sentence: the heading alone; a capitals heading wrapped onto its next line stays whole
    got = items("Item 1 – Welcome\nThe Chair welcomed members.\n\n"
                "Item 2 – Notes and action log from the last meeting\nThe notes were agreed.\n\n"
                "Item 3 – Winter plan\nThe plan was outlined by the clinical director.\n\n"
                "Item 4 – SAFEGUARDING ADULTS AND SERVICE INSPECTION OF ADULT\nSOCIAL CARE\n\n"
                "Item 5 – Concerns following the Annual Parish Meeting\nNone\n")
    assert got == [("1", "Welcome"), ("2", "Notes and action log from the last meeting"), ("3", "Winter plan"),
                   ("4", "SAFEGUARDING ADULTS AND SERVICE INSPECTION OF ADULT SOCIAL CARE"),
                   ("5", "Concerns following the Annual Parish Meeting")]


def test_planning_cases_under_a_numbered_item_are_no_items(items):
    got = items("1. Grass cutting\n\nThree quotes were received.\n\n2. Planning applications\n\n"
                "P/25/0112 Extension at 4 Mill Road – No objection.\n\nDC/25/0140 New dwelling – No objection.\n\n"
                "3. Recommendations\n\nThe recommendations were approved.\n\n4. Hall hire\n")
    assert got == [("1", "Grass cutting"), ("2", "Planning applications"), ("3", "Recommendations"), ("4", "Hall hire")]


def test_numbering_continuity_rejects_body_points(items):
    got = items("5. Library Review\n\nKey points were as follows:\n\n1. A new service has now been commissioned "
                 "to start in April and will run for two years.\n\n2. Communications: a sub-group was formed to "
                 "lead campaigns across the county this year.\n\n6. Finance\n")
    assert got == [("5", "Library Review"), ("6", "Finance")]


def test_work_programme_rows_reference_their_meeting_date(items):
    got = items("Harbour Committee\n\nWork Programme 2020/21\n\n#### 5 June 2020\n\nBeach Huts\nMooring Fees\n\n"
                 "#### 4 July 2020\n\nMeeting not held\n\n#### Dates to be determined\n\nSea Wall\n",
                 kind="work_programme")
    assert got == [("5 June 2020", "Beach Huts"), ("5 June 2020", "Mooring Fees"),
                   ("Dates to be determined", "Sea Wall")]


def test_a_councils_agenda_words_its_items_as_sentences(items):
    text = ("1. To receive apologies for absence.\n\n2. To approve the minutes of the meeting held on 8 April 2025.\n\n"
            "3. Clerk to report on the VAT claim.\n\n4. Date of next meeting.\n")
    assert items(text, kind="agenda") == [("1", "To receive apologies for absence"),
                                          ("2", "To approve the minutes of the meeting held on 8 April 2025"),
                                          ("3", "Clerk to report on the VAT claim"), ("4", "Date of next meeting")]
    # in minutes the same "To ..." form heads an item; a numbered sentence of another kind is a point
    got = items("1. To receive apologies for absence.\n\nApologies were received.\n\n"
                "2. To approve the minutes of the last meeting.\n\nThe minutes were approved.\n")
    assert got == [("1", "To receive apologies for absence"), ("2", "To approve the minutes of the last meeting")]


def test_papers_in_a_pack_have_no_items(items):
    assert items("1 Purpose\n\n2 Recommendations\n", kind="report", standalone=False) == []
    assert items("1 Purpose\n\n2 Recommendations\n", kind="report") == [("1", "Purpose"), ("2", "Recommendations")]


def test_item_notes_under_unnumbered_headings(parse):
    from minutes.extract.segment import segment
    doc = segment(parse("MINUTES of the Marsh Panel held on 3 May 2024\n\n## Apologies\n\n(Item 1)\n\nNone.\n\n"
                        "## Budget Update\n\n(Item 2)\n\n1. The Chair introduced the report.\n\n"
                        "2. RESOLVED that the update be noted.\n"))[0]
    assert [(i.ref, i.title) for i in extract_items(doc)] == [("1", "Apologies"), ("2", "Budget Update")]


def test_numbered_headings_ending_in_a_full_stop(parse):
    from minutes.extract.document import DocumentBuilder
    b = DocumentBuilder("t", "pdf", "x")
    for kind, text in [("heading", "1. Welcome"), ("paragraph", "The Chair opened the meeting."),
                       ("heading", "2. Review of the allotment rents and the waiting list."),
                       ("paragraph", "Rents were discussed."), ("heading", "3. Hedges being cut back."),
                       ("paragraph", "Noted.")]:
        b.add(kind, text)
    got = [(i.ref, i.title) for i in extract_items(Section("minutes", "t", b.build().blocks))]
    assert got == [("1", "Welcome"), ("2", "Review of the allotment rents and the waiting list"),
                   ("3", "Hedges being cut back")]


def test_short_numbered_first_line_heads_its_minute(items):
    got = items("21.03.1 Allotments\nThe tenancy of plot four has ended and the plot was re-let.\n\n"
                 "21.03.2 Footpaths\nA stile needs repair.\n\n"
                 "21.03.3 Review of bus shelters and\nbenches on the green\n")
    assert got == [("21.03.1", "Allotments"), ("21.03.2", "Footpaths"),
                   ("21.03.3", "Review of bus shelters and benches on the green")]


def test_dash_parts_a_short_title_from_its_text(items):
    assert items("1. Welcome\n\n2. Floor polish – Ann booked the hall for three days in May to polish.\n") == [
        ("1", "Welcome"), ("2", "Floor polish")]
    assert items("1. Apologies\n\n2. Financials for 2019/20\n\n2019/20 Budget approved – A. Bell (motion)\n") == [
        ("1", "Apologies"), ("2", "Financials for 2019/20")]


def _built(*blocks):
    from minutes.extract.document import DocumentBuilder
    b = DocumentBuilder("t", "docx", "x")
    for kind, text in blocks:
        b.add_table(text) if kind == "table" else b.add(kind, text)
    return b.build().blocks


def test_unnumbered_minute_headings_are_items():
    blocks = _built(("heading", "Heron Trust Board Minutes"), ("heading", "Venue: The Old Mill"),
                    ("table", [["Members", "Officials"], ["Ann Bell (AB)", "Carl Dunn (CD)"]]),
                    ("heading", "Welcome"), ("paragraph", "The Chair welcomed members."),
                    ("heading", "Grants Update"), ("list_item", "Three grants were paid."),
                    ("heading", "Action: CD to circulate the grant list."), ("paragraph", "By June."),
                    ("heading", "Any Other Business"), ("paragraph", "None."))
    got = [(i.ref, i.title) for i in extract_items(Section("minutes", "t", blocks))]
    assert got == [(None, "Welcome"), (None, "Grants Update"), (None, "Any Other Business")]
    assert extract_items(Section("agenda", "t", blocks)) == []  # an agenda's headings are not its items


def test_agenda_table_numbers_the_minute_headings():
    blocks = _built(("table", [["Item", "Description", "Lead"], ["1", "Welcome", "AB"],
                               ["2", "Grants Review", "CD"], ["3", "AOB", "AB"]]),
                    ("heading", "Welcome"), ("paragraph", "The Chair welcomed members."),
                    ("heading", "Grant Review and Forecast"), ("list_item", "Three grants were paid."),
                    ("heading", "AOB"), ("paragraph", "None."))
    got = [(i.ref, i.title) for i in extract_items(Section("minutes", "t", blocks))]
    assert got == [("1", "Welcome"), ("2", "Grant Review and Forecast"), ("3", "AOB")]
    # minutes laid out as a table: number | "Title: what was said"
    table = _built(("table", [["1.", "Welcome: The Chair welcomed members and new trustees to the board.", ""],
                              ["2.", "Finance: The accounts were presented and agreed by all trustees.", "AB"]]))
    assert [(i.ref, i.title) for i in extract_items(Section("minutes", "t", table))] == [
        ("1", "Welcome"), ("2", "Finance")]


def _placed(*lines):
    """PDF-like blocks: (kind, text, x0 of the first line)."""
    from minutes.extract.document import DocumentBuilder, TextBox
    b = DocumentBuilder("t", "pdf", "x")
    for kind, text, x in lines:
        block = b.add(kind, text)
        block.boxes.append(TextBox(block.start, block.end, x, 0.0, x + 100, 10.0))
    return b.build().blocks


def test_a_run_numbered_afresh_in_the_text_column_is_the_items_sub_headings():
    blocks = _placed(("heading", "3. Minutes", 88), ("paragraph", "Agreed.", 122),
                     ("heading", "4. Decisions", 88),
                     ("heading", "1. Grants Policy", 140), ("paragraph", "Adopted.", 158),
                     ("heading", "2. Fees", 140), ("heading", "3. Signage", 140), ("heading", "4. Hall Closure", 140),
                     ("paragraph", "Noted.", 158), ("heading", "5. Opening Hours", 140), ("paragraph", "Agreed.", 158),
                     ("heading", "5. Update from Committees", 88),
                     ("heading", "1. Finance", 122), ("paragraph", "The chair reported.", 122),
                     ("list_item", "2. It was noted that the budget is on track this year.", 140),
                     ("heading", "6. Any Other Business", 88))
    got = [(i.ref, i.title, i.parent_ref, i.printed_ref) for i in extract_items(Section("minutes", "t", blocks))]
    assert got == [("3", "Minutes", None, None), ("4", "Decisions", None, None),
                   ("4.1", "Grants Policy", "4", "1."), ("4.2", "Fees", "4", "2."), ("4.3", "Signage", "4", "3."),
                   ("4.4", "Hall Closure", "4", "4."),
                   ("4.5", "Opening Hours", "4", "5."), ("5", "Update from Committees", None, None),
                   ("5.1", "Finance", "5", "1."), ("6", "Any Other Business", None, None)]


def test_headings_set_as_one_row_tables_and_repeated_numbers():
    blocks = _built(("table", [["1", "Opening and Welcome"]]), ("paragraph", "The Chair opened the meeting."),
                    ("table", [["2", "Standing items"]]), ("list_item", "NTR"),
                    ("table", [["2", "AOB"]]), ("paragraph", "None."),
                    ("table", [["3", "Next meeting"]]), ("paragraph", "In March."))
    got = [(i.ref, i.title) for i in extract_items(Section("minutes", "t", blocks))]
    assert got == [("1", "Opening and Welcome"), ("2", "Standing items"), ("2", "AOB"), ("3", "Next meeting")]


def test_numbered_paragraphs_are_not_items_and_dates_are_not_refs(items):
    got = items("24 March 2022\n\n1. Minutes\n\n1.1 The minutes were accepted as a true record of the meeting.\n\n"
                "2. Matters Arising\n\n2.1 No matters arising.\n\n3. Treasurer\n\n3.1 The balance remains at the "
                "same level as reported in the spring.\n\n4. Any Other Business\n\n4.1 The Chair thanked everyone for "
                "coming to the meeting tonight.\n")
    assert got == [("1", "Minutes"), ("2", "Matters Arising"), ("3", "Treasurer"), ("4", "Any Other Business")]


def test_lettered_sub_items_in_capitals_and_with_a_gap(items):
    got = items("52. PLANNING\n\n(a) Current Applications\n\nNone.\n\n(c ) Highways\n\nNoted.\n\n53. AOB\n\n"
                "A) Estate Service Charge.\n\nDiscussed.\n\nB) Survey.\n\nDiscussed.\n")
    assert got == [("52", "PLANNING"), ("52a", "Current Applications"), ("52c", "Highways"), ("53", "AOB"),
                   ("53A", "Estate Service Charge"), ("53B", "Survey")]


def test_run_in_titles_closed_by_a_colon_or_a_full_stop(items):
    got = items("1. Welcome: The Chair welcomed the trustees.\n\n2. Minutes of the meeting held on May 24th 2016: "
                "Proposed DT, seconded US and agreed.\n\n3. Library meetings. Anyone wishing to attend should get "
                "forms from the library.\n")
    assert got == [("1", "Welcome"), ("2", "Minutes of the meeting held on May 24th 2016"), ("3", "Library meetings")]


def test_bullet_numbering_inside_an_item_is_not_an_item():
    from minutes.extract.document import DocumentBuilder
    b = DocumentBuilder("t", "pdf", "x")
    b.add("heading", "6. Standing items")
    b.add("list_item", "1. OPEN DAY 2021 - the team agreed that it is sensible not to plan one yet.", label="-")
    b.add("list_item", "7. TEARDROP FLAGS - agreed to design and buy two flags for events.", label="-")
    b.add("list_item", "7. NEXT MEETING", label="-")  # a stray bullet before a heading
    got = [(i.ref, i.title) for i in extract_items(Section("minutes", "t", b.build().blocks))]
    assert got == [("6", "Standing items"), ("7", "NEXT MEETING")]


def test_items_of_archive_and_breadth_files(shared):
    from minutes.extract.extractor import extract_file
    suffolk = shared / "corpus" / "archives" / "suffolk-libraries"
    cases = {
        suffolk / "board-meeting-minutes-2015-03-26.pdf": (27, {("4.5", "4"), ("5.4", "5"), ("7.2", "7"), ("11", None)}),
        suffolk / "2015-10-27-fohcl-minutes.pdf": (12, {("1", None), ("10", None), ("12", None)}),
        suffolk / "2016-08-09-fohcl-minutes.pdf": (11, {("3", None), ("8", None)}),
        # headings 7, 8 and 9 set as one number | title table
        suffolk / "2015-12-09-fohcl-minutes.pdf": (10, {("7", None), ("9", None), ("10", None)}),
        shared / "corpus" / "breadth" / "england_hertingfordbury-parish-council_minutes_2018-10-10.pdf":
            (24, {("53c", "53"), ("54c", "54"), ("56", None)}),
        shared / "corpus" / "breadth" / "england_northumbria-advanced-motorcyclists_minutes_2020-10-27.pdf":
            (8, {("1", None), ("6", None), ("7", None)}),
    }
    for path, (count, refs) in cases.items():
        items = [i for d in extract_file(path, ocr="never").documents for i in d.items]
        assert len(items) == count, path.name
        assert refs <= {(i.ref, i.parent_ref) for i in items}, path.name


def test_a_list_numbered_afresh_under_a_new_heading_and_the_next_agenda():
    from minutes.extract.document import DocumentBuilder
    b = DocumentBuilder("t", "pdf", "x")
    b.add("heading", "Matters arising from last meeting:")
    for n, text in enumerate(["Staffing: AB gave an update.", "Garden: CD has tidied the well-being garden.",
                              "Health and well-being survey: EF gave an update."], 1):
        b.add("list_item", text, label=f"{n}.")
    b.add("list_item", "MK: the head teacher will reply next week.", label="a.")
    b.add("heading", "Points discussed")
    b.add("list_item", "Letter from parents: to be written to the council.", label="1.")
    b.add("list_item", "Sports Day: parents look forward to it.", label="2.")
    b.add("heading", "Agenda:")
    b.add("list_item", "Fundraising", label="1.")
    got = [(i.ref, i.title) for i in extract_items(Section("minutes", "t", b.build().blocks))]
    assert got == [("1", "Staffing"), ("2", "Garden"), ("3", "Health and well-being survey"),
                   ("1", "Letter from parents"), ("2", "Sports Day")]


def test_capitals_headings_with_file_numbered_and_lettered_entries(items):
    got = items("CONSENT CALENDAR\n\n(*06-201) Minutes of the Regular Meeting. Approved.\n\n"
                "(06-205A) Resolution No. 13944, amending the schedule.\n\nNEW BUSINESS\n\n"
                "The Chair said two exhibits are up.\n\nTHE MEETING WAS ADJOURNED AT NINE\n\nText.\n")
    # a sentence in capitals is no heading
    assert got == [(None, "CONSENT CALENDAR"), ("06-201", "Minutes of the Regular Meeting"),
                   ("06-205A", "Resolution No. 13944, amending the schedule"), (None, "NEW BUSINESS")]


def test_us_minutes_items_read_from_capitals_headings_and_file_numbers(shared):
    from minutes.extract.extractor import extract_file
    docs = extract_file(shared / "corpus" / "wild" / "us_alameda_city-council_minutes_2006-04-18.pdf",
                        ocr="never").documents
    regular = docs[0].items
    heads = [i.title for i in regular if i.parent_ref is None]
    assert heads[:3] == ["AGENDA CHANGES", "PROCLAMATIONS, SPECIAL ORDERS OF THE DAY AND ANNOUNCEMENTS",
                         "CONSENT CALENDAR"] and heads[-1] == "ADJOURNMENT" and len(heads) == 7
    consent = [i.ref for i in regular if i.parent_ref == "CONSENT CALENDAR"]
    assert consent == ["06-201", "06-202", "06-203", "06-204", "06-205", "06-205A"]
    assert len(regular) == 25
    # a special meeting with one closed-session entry and no heading over it
    assert [(i.ref, i.title.split(" –")[0]) for i in docs[1].items] == [("06-197", "Conference with Legal Counsel")]
    assert [i.ref for i in docs[3].items if i.parent_ref] == ["06-214CC/06-12CIC", "06-215CC/06-13CIC"]


def test_bulleted_minutes_take_their_titled_points_as_items(shared):
    from minutes.extract.extractor import extract_file
    path = shared / "corpus" / "wild" / "us_chicago_ssa21_commission_minutes_2018-01-29.pdf"
    items = [i.title for d in extract_file(path, ocr="never").documents for i in d.items]
    assert items == ["Perfunctory Business", "Updates", "New Business", "Announcements"]


def _scanned_items(path):
    from minutes.extract.extractor import extract_file
    from minutes.extract.parsers import ocr
    if not ocr.available():
        pytest.skip("Tesseract with English data is not installed")
    return [i for d in extract_file(path).documents for i in d.items]


def test_slash_minute_numbers_with_a_colon_read_by_ocr(shared):
    items = _scanned_items(shared / "corpus" / "wild" / "uk_horsley-pc_draft-minutes_2014-03-18.pdf")
    assert [i.ref for i in items] == [f"14/0{n}" for n in range(37, 52)]
    assert items[3].title == "Community Shop/Pavilion" and items[-1].title.startswith("‘Bell")


def test_lettered_entries_under_capitals_headings_of_a_scan(shared):
    items = _scanned_items(shared / "corpus" / "wild" / "us_alameda_library-board_minutes_2009-03-11_scan.pdf")
    heads = [i.title for i in items if i.parent_ref is None]
    assert heads[0] == "CONSENT CALENDAR" and "UNFINISHED BUSINESS" in heads and heads[-1] == "ADJOURNMENT"
    new = [(i.ref, i.title.split(" (")[0]) for i in items if i.parent_ref == "NEW BUSINESS"]
    assert new[:2] == [("A", "Art Exhibit Committee"), ("B", "Alameda Free Library Foundation")]
    assert [i.ref for i in items if i.parent_ref == "CONSENT CALENDAR"][:2] == ["A", "B"]


def test_unnumbered_headings_over_one_numbered_point_and_a_repeated_label(items):
    got = items("# Minutes\n\n## Introductions\n\nThe Chair welcomed all.\n\n## Observations set by board:\n\n"
                "1. Links need fixing as a priority.\n\n## Road Gritting Data\n\nA proposal was made.\n\n"
                "## Observations set by board:\n\n1. It was noted that regions differ.\n\n4. The Chair concluded:\n\n"
                "## Observations set by board:\n\n1. It was emphasised that funds should build capacity.\n\n"
                "## Close\n\nThe Chair closed the meeting.\n")
    assert got == [(None, "Introductions"), (None, "Road Gritting Data"), (None, "Close")]


def test_unnumbered_headings_of_a_word_file(shared):
    from minutes.extract.extractor import extract_file
    path = shared / "corpus" / "wild" / "uk_dgu_transparency-board_minutes_2013-11-21.doc"
    from minutes.extract.parsers import legacy
    if legacy.soffice() is None:
        pytest.skip("LibreOffice is not installed")
    items = [i for d in extract_file(path, ocr="never").documents for i in d.items]
    titles = [i.title for i in items]
    assert titles[:2] == ["Introductions", "OGP Summit – Reflections and next steps"] and titles[-1] == "Close"
    assert len(items) == 12 and not any(i.ref for i in items) and "Any Other Business" in titles  # over two headings
    assert not any(t.startswith("Observations") for t in titles)


def test_a_lettered_sub_item_after_a_dash_with_its_text_run_in(items):
    got = items("4. AGENDA ITEMS\n\n4-A. Budget Reports — Quarter Ending March 31, 2011 from the Controller, was "
                "accepted as presented.\n\n6. ADJOURNMENT\n")
    assert got == [("4", "AGENDA ITEMS"), ("4-A", "Budget Reports"), ("6", "ADJOURNMENT")]
