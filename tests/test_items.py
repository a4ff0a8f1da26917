from extract.items import extract_items
from extract.records import Section


import pytest


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
    from extract.segment import segment
    doc = segment(parse("MINUTES of the Marsh Panel held on 3 May 2024\n\n## Apologies\n\n(Item 1)\n\nNone.\n\n"
                        "## Budget Update\n\n(Item 2)\n\n1. The Chair introduced the report.\n\n"
                        "2. RESOLVED that the update be noted.\n"))[0]
    assert [(i.ref, i.title) for i in extract_items(doc)] == [("1", "Apologies"), ("2", "Budget Update")]
