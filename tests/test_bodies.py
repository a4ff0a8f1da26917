"""Bodies as organisation and committee: read from the papers, found across
the archive, matched by either level, and given at ingest where a paper names none."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from support import new_pg_database
from minutes.extract.bodies import body_key, split_body
from minutes.extract.records import BodyName
from minutes.models import connect, ingest_paths, queries
from minutes.pipeline import cli


@pytest.mark.parametrize("printed, organisation, committee", [
    ("Open Board Meeting", None, "Board"),
    ("Northfield Borough Council Cabinet", "Northfield Borough Council", "Cabinet"),
    ("Trustees of the Friends of Eastvale Library", "Friends of Eastvale Library", "Trustees"),
    ("Riverside Housing Trust - Board Meeting", "Riverside Housing Trust", "Board"),
    ("Eastvale Parish Council A.G.M.", "Eastvale Parish Council", None),  # a council's annual meeting is the council
    ("Annual General Meeting of the Eastvale Chess Club", "Eastvale Chess Club", "Annual General Meeting"),
    ("XB (4)2.iii Example Board Action Log", None, "Example Board"),
    ("Open Data Users Forum", None, "Open Data Users Forum"),  # "Open" is part of a name, not the meeting's
    ("Paul Smith, Chief Executive Eastvale District Council", None, "Paul Smith, Chief Executive Eastvale District Council"),
    ("EASTVALE PARISH COUNCIL Draft", "Eastvale Parish Council", None),  # the paper's state, not a committee
    ("Governing Body Meeting in Public", None, "Governing Body"),
    ("Westmoor Clinical Commissioning Group", "Westmoor Clinical Commissioning Group", None),
])
def test_a_printed_body_is_organisation_and_committee(printed, organisation, committee):
    assert split_body(printed) == BodyName(organisation, committee)


def test_the_record_names_a_school_over_its_board_printed_line_under_line(tmp_path):
    from minutes.extract.export import file_record
    from minutes.extract.extractor import extract_file
    paper = tmp_path / "fgb.txt"
    # the school's name, no body noun in it, over the board that meets: the body is both, as printed
    paper.write_text("Fernbrook Primary School\nFull Governing Board\nMinutes of the meeting held on Wednesday 18 "
                     "January 2023\n\n"
                     "Present: Mark Linley (Chair), Tom Brace\n\n1. Welcome\n\nThe Chair welcomed everyone.\n")
    [doc] = file_record(extract_file(paper, ocr="never"))["documents"]
    assert (doc["body"], doc["organisation"], doc["committee"]) == (
        "Fernbrook Primary School Full Governing Board", "Fernbrook Primary School", "Full Governing Board")


@pytest.mark.parametrize("head, body", [
    # the organisation over the committee: the record names both, as minutes do in full
    ("WESTMOOR DISTRICT COUNCIL\n\nOVERVIEW AND SCRUTINY COMMITTEE\n\nMINUTES of a meeting held on Thursday, "
     "19 January 2023", "Westmoor District Council Overview and Scrutiny Committee"),
    # the word they share is said once; a "Date:" line under the title is not part of the name
    ("Westmoor Community Safety Partnership\nMinutes of the Partnership Board\nDate: 12 October 2021",
     "Westmoor Community Safety Partnership Board"),
    # a council meeting as itself: its full name, not the "Parish Council" of the sentence under it
    ("WESTMOOR PARISH COUNCIL\n\nMinutes of the Meeting of the Parish Council held on Tuesday 14th March 2023",
     "Westmoor Parish Council"),
    # a hospice's trustees; "the minutes of 17 January" in the first item names a date, not a body
    ("Harbour Lights Hospice\nMinutes of the Board of Trustees\nHeld on 12 February 2025",
     "Harbour Lights Hospice Board of Trustees"),
    # a title printed line under line in one block: the council over its committee; a club's name over its genre
    ("Eastvale District Council\nPlanning Committee\nMinutes of the meeting held on 21 January 2025 at 6.00pm",
     "Eastvale District Council Planning Committee"),
    ("Riverside Ramblers\nCommittee Meeting Minutes\nMonday 3 March 2025, 7.30pm", "Riverside Ramblers Committee"),
    ("Greenvale Integrated Care Board\nQuality and Safety Committee\nMinutes of the meeting held on 17 October 2024",
     "Greenvale Integrated Care Board Quality and Safety Committee"),
    ("NORTHVALE FINANCE AUTHORITY\nSPECIAL MEETING OF THE AUDIT COMMITTEE\nMinutes of 3 December 2020",
     "Northvale Finance Authority Audit Committee"),
    ("Northvale Local Enterprise Partnership\nBoard Meeting Minutes\nDate: 20 March 2024\n\n"
     "Item 1: Minutes\nThe minutes of 17 January 2024 were agreed.", "Northvale Local Enterprise Partnership Board"),
])
def test_the_record_names_organisation_and_committee(tmp_path, head, body):
    from minutes.extract.export import file_record
    from minutes.extract.extractor import extract_file
    paper = tmp_path / "m.txt"
    paper.write_text(head + "\n\nPresent: Mark Linley (Chair), Tom Brace\n\n1. Welcome\n\nThe Chair welcomed everyone.\n")
    [doc] = file_record(extract_file(paper, ocr="never"))["documents"]
    assert doc["body"] == body


def test_two_spellings_of_one_organisation_share_a_key():
    assert body_key("Eastvale’s Libraries IPS Ltd.") == body_key("EASTVALE LIBRARIES IPS") == "eastvale libraries ips"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return new_pg_database(request.getfixturevalue("pg_url"), "bodies_" + request.node.name.lower()[-40:])


KENT = ["uk_kent-cc_cabinet_agenda-frontsheet_2025-01-30.pdf", "uk_kent-cc_county-council_minutes_2025-03-13.pdf",
        "uk_kent-cc_county-council_agenda-frontsheet_2025-03-13.pdf",
        "uk_kent-cc_corporate-parenting-panel_minutes_2024-12-10.pdf"]
LOGS = ["uk_dgu_transparency-board_action-log_2011.pdf", "uk_dgu_transparency-board_minutes_2011-07-19.pdf",
        "uk_dgu_odug_action-log_2013-05-14.pdf", "uk_dgu_odug_minutes_2014-05-13.docx"]


def _bodies(engine, body: str) -> list[tuple[str, str]]:
    return sorted((m["body"], m["kind"]) for m in queries.meetings(engine, body=body))


def test_body_matches_organisation_or_committee(url, shared):
    wild = shared / "corpus" / "wild"
    engine = connect(url)
    ingest_paths(engine, [wild / f for f in KENT + LOGS] + [shared / "corpus" / "archives" / "suffolk-libraries"])
    assert _bodies(engine, "kent") == [
        ("Kent County Council", "agenda"), ("Kent County Council", "minutes"),
        ("Kent County Council – Cabinet", "agenda"), ("Kent County Council – Corporate Parenting Panel", "minutes")]
    assert [b for b, _ in _bodies(engine, "cabinet")] == ["Kent County Council – Cabinet"]
    suffolk = {b for b, _ in _bodies(engine, "suffolk")}
    assert suffolk == {"Suffolk Libraries IPS – Board", "Suffolk Libraries IPS – Annual General Meeting"}
    assert len(queries.meetings(engine, body="Libraries IPS – Board")) >= 24
    # An action log lands on the body whose minutes it goes with, by name or by initials.
    assert _bodies(engine, "transparency board") == [("Transparency Board", "minutes"), ("Transparency Board", "other")]
    assert _bodies(engine, "open data user group") == [("Open Data User Group", "minutes"),
                                                       ("Open Data User Group", "other")]
    engine.dispose()


def test_a_paper_naming_no_body_says_so_and_takes_one_at_ingest(url, tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    paper = papers / "notes.txt"
    paper.write_text("Notes of 4 May 2012\n\nPresent: Ann Hale, Ben Ortiz.\n\nThe path was discussed.\n",
                     encoding="utf-8")
    out = CliRunner().invoke(cli, ["ingest", str(paper), "--db", url]).output
    assert f"no body: {paper}" in out
    assert [m["body"] for m in queries.meetings(connect(url))] == [None]
    out = CliRunner().invoke(cli, ["ingest", str(paper), "--body", "Eastvale Parish Council", "--db", url]).output
    assert "no body" not in out and "re-extracted" in out
    engine = connect(url)
    assert [m["body"] for m in queries.meetings(engine, body="eastvale")] == ["Eastvale Parish Council"]
    ingest_paths(engine, [papers])  # a later run over the folder keeps the body given
    assert [m["body"] for m in queries.meetings(engine)] == ["Eastvale Parish Council"]
    engine.dispose()
