import json
from datetime import date

import pytest
from minutes.extract.parsers import parse_file
from minutes.extract.segment import segment
from support import SHARED

PACK = """### Harbour Committee

**Time and Date**

10.00 am on Tuesday, 9th June, 2020

**Place**

Room 4, Quay House

**1. Apologies**

**2. Minutes**

This page is intentionally left blank

**Northshire Council**

**Minutes of the Meeting of Harbour Committee held at 10.00 am on Tuesday, 12 May 2020**

Present:

Councillor A Bell (Chair)

**1. Declarations of Interest**

There were none.

This page is intentionally left blank

## Briefing Note

**To:** Harbour Committee

**Date:** 1 June 2020

### 1 Purpose

Text of the note.

# Northshire Coast Strategy 2020 - 2025

## Foreword

Words.

This page is intentionally left blank

## Harbour Committee

### Work Programme 2019/20

#### 9 June 2020

Beach Huts
"""


def test_pack_splits_into_documents_with_inherited_dates(parse):
    docs = segment(parse(PACK))
    assert [(d.kind, d.meeting_date) for d in docs] == [
        ("agenda", date(2020, 6, 9)), ("minutes", date(2020, 5, 12)), ("report", date(2020, 6, 9)),
        ("strategy", None), ("work_programme", date(2020, 6, 9))]
    assert all(d.body == "Harbour Committee" for d in docs if d.kind != "strategy")
    assert docs[0].venue == "Room 4, Quay House"


def test_minutes_with_appendix_and_at_a_meeting_of(parse):
    docs = segment(parse("SAFER FENWICK PARTNERSHIP\n\nAt a meeting of the Safer Fenwick Partnership "
                          "Tuesday, 15 March 2016 Council Chamber, Town Hall\n\nPresent\tA. Bell\tPolice\n\n"
                          "SFP1 WELCOME\n\nText.\n\nAppendix 1: Targets\n\nA table.\n"))
    assert [(d.kind, d.meeting_date) for d in docs] == [("minutes", date(2016, 3, 15)), ("other", date(2016, 3, 15))]
    assert docs[0].body == "Safer Fenwick Partnership" and docs[0].venue == "Council Chamber, Town Hall"




@pytest.mark.skipif(not SHARED.is_dir(), reason="test material ../shared not found")
@pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
def test_real_seeds_segment_as_gold(ext):
    shared = SHARED
    folder = shared / ("corpus/seeds" if ext == "txt" else "corpus/rendered")
    for path in sorted(folder.glob(f"*.{ext}")):
        gold = json.loads((shared / "eval/gold" / f"{path.stem}.json").read_text())
        got = [(s.kind, s.meeting_date.isoformat() if s.meeting_date else None) for s in segment(parse_file(path))]
        assert got == [(d["kind"], d["meeting_date"]) for d in gold["documents"]], path.name


def test_body_from_title_lines_and_item_notes(parse):
    docs = segment(parse("# Fenwick Safety Partnership - Agenda\n\n**Thursday 15 June 2023 at 2.00 pm**\n\n"
                         "To: Members of the Fenwick Safety Partnership\n\n1. Apologies\n\n2. Minutes\n\n"
                         "This page is intentionally left blank\n\n# Fenwick Safety Partnership - Minutes\n\n"
                         "Minutes of the meeting held on Thursday 26 January 2023\n\nPresent\n\nA Bell\n\n"
                         "This page is intentionally left blank\n\n# Briefing Note: Buses\n\n## Purpose\n\n"
                         "To update the Partnership on buses.\n"))
    assert [(d.kind, d.body) for d in docs] == [("agenda", "Fenwick Safety Partnership"),
                                                ("minutes", "Fenwick Safety Partnership"),
                                                ("report", "Fenwick Safety Partnership")]
    docs = segment(parse("MARSH PANEL – 10th December 2024\n\nMINUTES of the meeting held at the Hall.\n\n"
                         "PRESENT: Ada Bloom (Chair), Cy Dale\n\n## Apologies\n\n(Item 1)\n\nNone.\n\n"
                         "## Work programme\n\n(Item 2)\n\nRESOLVED that the work programme be noted.\n"))
    assert [(d.kind, d.body, d.meeting_date) for d in docs] == [("minutes", "Marsh Panel", date(2024, 12, 10))]


def test_title_block_printed_only_as_a_running_head():
    from minutes.extract.document import DocumentBuilder
    b = DocumentBuilder("t.pdf", "pdf", "x")
    b.new_page()
    b.add_furniture("Harbour Residents and Marina meeting")
    b.add_furniture("Minutes of the meeting held on Tuesday 23 March 2021 at 4.30pm")
    b.add_furniture("Page 1 of 3")
    b.add("heading", "Those present")
    b.add("paragraph", "Ann Bell, Chair\nCarl Dunn, Treasurer")
    b.add("heading", "1. APOLOGIES")
    b.add("paragraph", "None.")
    docs = segment(b.build())
    assert [(d.kind, d.meeting_date, d.body) for d in docs] == [
        ("minutes", date(2021, 3, 23), "Harbour Residents and Marina")]


def test_dates_over_a_line_break_and_without_a_year(parse):
    docs = segment(parse("MINUTES OF TRUSTEES OF THE FRIENDS OF MARSH LIBRARY MEETING HELD ON 9TH\nAUGUST 2016.\n\n"
                         "Present: Ann Bell (AB), Carl Dunn (CD)\n\n1. Minutes of the meeting held on May 24th 2016\n"))
    assert [(d.kind, d.meeting_date, d.body) for d in docs] == [
        ("minutes", date(2016, 8, 9), "Trustees of the Friends of Marsh Library")]
    docs = segment(parse("## Community Group Meeting\n\nMinutes of the meeting held on Monday 06 September at 5.30pm\n\n"
                         "Those present\n\nAnn Bell\n\n1. MINUTES OF THE LAST MEETING\n\n"
                         "There were no comments on the minutes of the last meeting in November 2021.\n"))
    assert [(d.kind, d.meeting_date, d.body) for d in docs] == [("minutes", date(2022, 9, 6), "Community Group")]


def test_a_date_without_a_year_in_a_text_naming_none_takes_the_file_names_year():
    from pathlib import Path
    from minutes.extract.parsers.text import parse_text
    text = (b"# Chess Circle Committee - Minutes\n\nDate: Wednesday 16th October\n\n"
            b"Present: Ann Bell, Carl Dunn\n\n1. Apologies\n")
    def dated(name: str):
        return [d.meeting_date for d in segment(parse_text(Path(name), text, "0" * 64, "txt"))]
    assert dated("minutes_2024-10-16.txt") == [date(2024, 10, 16)]
    assert dated("minutes_20241016.txt") == [date(2024, 10, 16)]
    assert dated("minutes_2024-10-17.txt") == [None]  # another day: the name dates something else
    assert dated("minutes.txt") == [None]


def test_body_from_a_header_table_and_a_title_line(parse):
    from minutes.extract.document import DocumentBuilder
    b = DocumentBuilder("t.pdf", "pdf", "x")
    b.add("heading", "OPEN BOARD MEETING MINUTES")
    b.add_table([["Title of Meeting", "Marsh Libraries IPS - Board Meeting"], ["Date", "26th March 2015"]])
    b.add("heading", "1. Apologies")
    assert [(d.body, d.meeting_date) for d in segment(b.build())] == [("Marsh Libraries IPS Board", date(2015, 3, 26))]
    docs = segment(parse("# CSS EGM - Minutes\n\nLocation: Room 1\n\nDate: 6th November 2024\n\n1. Apologies\n"))
    assert [(d.kind, d.body) for d in docs] == [("minutes", "CSS EGM")]
    docs = segment(parse("# Parents & Friends of Marsh Primary School (PFA)\n\n# 24 March 2022\n\n## NOTES\n\n"
                         "Present: Ann Bell (AB) - Chair, Carl Dunn (CD)\n\nApologies: Eve Finn\n\n"
                         "1. Staffing: AB gave an update.\n\n2. Garden: CD has tidied it.\n\n3. Hoodies: Ordered.\n\n"
                         "Date of next meetings: Friday 29 April 9:00, Bowling Club\n\n# Agenda:\n\n1. Fundraising\n\n"
                         "2. Lottery licence\n"))
    assert [(d.kind, d.body, d.meeting_date) for d in docs] == [
        ("minutes", "Parents & Friends of Marsh Primary School (PFA)", date(2022, 3, 24))]


def test_documents_of_archive_and_breadth_files(shared):
    from minutes.extract.extractor import extract_file
    suffolk = shared / "corpus" / "archives" / "suffolk-libraries"
    breadth = shared / "corpus" / "breadth"
    cases = {
        suffolk / "board-meeting-minutes-2013-09-26.pdf": ("2013-09-26", "Suffolk Libraries IPS Board", "2013-11"),
        suffolk / "board-meeting-minutes-2015-03-26.pdf": ("2015-03-26", "Suffolk Libraries IPS Board", "2015-06-02"),
        suffolk / "2016-08-09-fohcl-minutes.pdf": ("2016-08-09", "Trustees of the Friends of Halesworth County Library",
                                                  "2016-11-22"),
        suffolk / "2015-10-27-fohcl-minutes.pdf": ("2015-10-27", "Trustees of The Friends of Halesworth County Library",
                                                  "2015-12-09"),
        shared / "corpus" / "archives" / "milburn-pc" / "minutes_2016-09-06_.pdf":
            ("2016-09-06", "Milburn Parish Council", "2016-11-01"),
        breadth / "england_era-portal-liaison-meeting_minutes_2021-03-23.pdf":
            ("2021-03-23", "Eddington Residents’ Association and Portal", "2021-06"),
        breadth / "scotland_tayport-community-council_minutes_2023-12-04.pdf":
            ("2023-12-04", "Tayport Ferryport on Craig Community Council", "2024-02-05"),
        breadth / "scotland_ayton-primary-school-pfa_minutes_2022-03-24.pdf":
            ("2022-03-24", "Parents & Friends of Ayton Primary School (PFA)", "2022-04-29"),
    }
    for path, (day, body, next_day) in cases.items():
        docs = extract_file(path, ocr="never").documents
        assert [(d.section.kind, d.section.meeting_date.isoformat(), d.section.body, d.next_meeting.iso())
                for d in docs] == [("minutes", day, body, next_day)], path.name


def test_matters_arising_of_earlier_minutes_is_an_item_not_a_second_document(shared):
    from minutes.extract.extractor import extract_file
    path = shared / "corpus" / "archives" / "suffolk-libraries" / "board-meeting-minutes-2012-11-19.pdf"
    docs = extract_file(path, ocr="never").documents
    assert [(d.section.kind, d.section.meeting_date) for d in docs] == [("minutes", date(2012, 11, 19))]
    assert {"4", "5", "6"} <= {i.ref for i in docs[0].items}


def test_an_item_on_earlier_minutes_and_a_repeated_title_open_no_document(shared):
    """One meeting, one document: a sentence about last year's minutes ("Minutes of the 2015 APCM had
    been posted ..."), the title repeated over page 2 and "Item 9 – Minutes of ..." are items."""
    from minutes.extract.extractor import extract_file
    cases = {
        "breadth/england_st-marys-cogges-apcm_minutes_2016-02-25.pdf": date(2016, 2, 25),
        "breadth/england_st-marys-cogges-apcm_minutes_2018-02-20.pdf": date(2018, 2, 20),
        "breadth/england_st-marys-cogges-apcm_minutes_2019-03-21.pdf": date(2019, 3, 21),
        "archives/suffolk-libraries/board-meeting-minutes-2013-05-29.pdf": date(2013, 5, 29),
    }
    for where, day in cases.items():
        docs = extract_file(shared / "corpus" / where, ocr="never").documents
        assert [(d.section.kind, d.section.meeting_date) for d in docs] == [("minutes", day)], where
    apcm = extract_file(shared / "corpus" / "breadth" / "england_st-marys-cogges-apcm_minutes_2016-02-25.pdf",
                        ocr="never").documents[0]
    assert len(apcm.items) >= 10 and not apcm.attendees  # the meeting lists no one present


def test_date_whose_month_the_text_layer_broke(shared):
    """"8th Jul y 2013" and "14th Se ptember 2020": the month name cut by a space is still the date."""
    from minutes.extract.dates import first_full_date
    assert first_full_date("Date 8th Jul y 2013")[0] == date(2013, 7, 8)
    assert first_full_date("on 12 se en 2019") is None  # the halves must spell a month
    cases = {
        "archives/suffolk-libraries/board-meeting-minutes-2013-07-08.pdf": date(2013, 7, 8),
        "breadth/england_oxfordshire-community-land-trust_minutes_2020-09-14.pdf": date(2020, 9, 14),
    }
    for where, day in cases.items():
        docs = segment(parse_file(shared / "corpus" / where))
        assert [s.meeting_date for s in docs] == [day], where


def test_a_body_named_over_its_committee_noun(parse, shared):
    # "Northfield Service Area #4" over "Commission Meeting Minutes": the line above names whose commission
    docs = segment(parse("# Northfield Service Area #4\n\n# Commission Meeting Minutes\n\n"
                         "Minutes from Monday, January 9, 2017 at the Hall\n\n- Perfunctory Business\n"))
    assert [(d.kind, d.body) for d in docs] == [("minutes", "Northfield Service Area #4 Commission")]
    from minutes.extract.parsers import parse_file
    parsed = parse_file(shared / "corpus" / "wild" / "us_chicago_ssa21_commission_minutes_2018-01-29.pdf", ocr="never")
    assert [d.body for d in segment(parsed)] == ["Lincoln Square Special Service Area #21 Commission"]
