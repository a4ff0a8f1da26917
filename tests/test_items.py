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


def test_code_refs_and_caps_headings(items):
    got = items("HBP12 WELCOME\n\nHBP13 HOUSING FUNDING\n\nThe board noted:\n\n1. The grant was spent.\n\n"
                 "2. Costs rose.\n\nHBP14 ANY OTHER BUSINESS\n")
    assert got == [("HBP12", "WELCOME"), ("HBP13", "HOUSING FUNDING"), ("HBP14", "ANY OTHER BUSINESS")]


def test_other_ref_styles(items):
    assert items("14/037 Declarations of Interest\n\n14/038 Planning Matters\n")[0] == ("14/037", "Declarations of Interest")
    assert items("19.09.01 Apologies\n\n19.09.02 Finance\n")[1] == ("19.09.02", "Finance")
    assert items("Item 5 Budget Report\n\nMinute 42 Highways\n") == [("5", "Budget Report"), ("42", "Highways")]


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
