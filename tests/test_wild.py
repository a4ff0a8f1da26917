"""Hand-checked facts about real files of other bodies (../shared/corpus/wild),
so rules tuned on the seeds keep reading other shapes: column-labelled
attendee tables, "(Item N)" under unnumbered headings, run-on PRESENT lists
wrapped across lines and table cells, agenda-titled minutes, letter-spaced titles."""
from __future__ import annotations

from datetime import date

import pytest
from minutes.extract.extractor import extract_file
from support import WILD


def _docs(name: str):
    path = WILD / name
    if not path.is_file():
        pytest.skip(f"wild file not found: {path}")
    return extract_file(path).documents


def _names(people) -> set[str]:
    return {p.name for p in people}


def test_odug_minutes_titled_agenda_with_column_labelled_attendee_table():
    docs = _docs("uk_dgu_odug_minutes_2014-05-13.docx")
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.section.kind, doc.section.meeting_date) == ("minutes", date(2014, 5, 13))
    assert "Open Data User Group" in doc.section.body
    assert {"Heather Savory", "Bob Barr", "Claudia Arney", "Joel Gurin"} <= _names(doc.attendees)
    assert {"Paul Fenton", "Jemma Insall"} <= _names(doc.apologies) and len(doc.apologies) == 5
    assert 12 <= len(doc.attendees) <= 15 and not _names(doc.attendees) & _names(doc.apologies)


def test_kent_corporate_parenting_panel():
    docs = _docs("uk_kent-cc_corporate-parenting-panel_minutes_2024-12-10.pdf")
    assert [(d.section.kind, d.section.meeting_date) for d in docs] == [("minutes", date(2024, 12, 10))]
    doc = docs[0]
    assert doc.section.body == "Corporate Parenting Panel"
    present = {"Shellina Prendergast", "Tom Byrne", "Tracy Scott", "Sue Chandler", "Kevin Kasaven"}
    assert present <= _names(doc.attendees)
    assert _names(doc.apologies) == {"Dylan Jeffrey", "Rory Love", "Stephen Gray", "Nancy Sayer"}
    assert [i.ref for i in doc.items] == [str(n) for n in range(1, 11)]


def test_kent_county_council_long_present_list_and_votes():
    docs = _docs("uk_kent-cc_county-council_minutes_2025-03-13.pdf")
    assert len(docs) == 1
    doc = docs[0]
    assert (doc.section.kind, doc.section.meeting_date, doc.section.body) == (
        "minutes", date(2025, 3, 13), "County Council")
    names = _names(doc.attendees)
    assert 60 <= len(doc.attendees) <= 80 and {"B J Sweetland", "Paul Carter", "T Dean", "L Wright"} <= names
    assert all(p.organisation is None for p in doc.attendees if p.name in ("Paul Carter", "T Dean"))
    assert len(doc.apologies) == 7  # the named For/Against vote lists add nobody
    assert [i.ref for i in doc.items][:3] == ["292", "293", "294"]


def test_transparency_board_side_by_side_lists():
    docs = _docs("uk_dgu_transparency-board_minutes_2011-07-19.pdf")
    assert [(d.section.kind, d.section.meeting_date) for d in docs] == [("minutes", date(2011, 7, 19))]
    doc = docs[0]
    assert doc.section.body == "Transparency Board"
    assert {"Francis Maude", "Tom Steinberg", "Tim Kelsey", "Charlie Ewen"} <= _names(doc.attendees)
    assert {"Tim Berners-Lee", "Rufus Pollock", "Rohan Silva"} <= _names(doc.apologies)
    assert len(doc.apologies) == 5


def test_parish_minutes_and_agenda_frontsheet():
    minutes = _docs("uk_milburn-pc_minutes_2016-01-12.pdf")
    assert [(d.section.kind, d.section.meeting_date) for d in minutes] == [("minutes", date(2016, 1, 12))]
    assert "Milburn Parish Council" == minutes[0].section.body
    assert {"D Richardson", "S Linsley", "M Armstrong"} <= _names(minutes[0].attendees)
    agenda = _docs("uk_kent-cc_county-council_agenda-frontsheet_2025-03-13.pdf")
    assert [(d.section.kind, d.section.meeting_date) for d in agenda] == [("agenda", date(2025, 3, 13))]
    assert len(agenda[0].items) >= 15


def test_letter_spaced_titles_still_read_as_minutes():
    docs = _docs("uk_horsley-village-hall-committee_minutes_2013-10-08.pdf")
    assert (docs[0].section.kind, docs[0].section.meeting_date) == ("minutes", date(2013, 10, 8))
    assert "Village Hall" in docs[0].section.body


def test_panel_attendee_table_with_curly_apostrophe():
    doc = _docs("uk_dgu_crime-justice-panel_minutes_2014-02-14.pdf")[0]
    assert (doc.section.kind, doc.section.meeting_date) == ("minutes", date(2014, 2, 14))
    assert "Kieron O’Hara" in _names(doc.attendees) and 23 <= len(doc.attendees) <= 26


def test_unnumbered_item_headings_numbered_by_the_agenda_table():
    doc = _docs("uk_dgu_odug_minutes_2014-05-13.docx")[0]
    assert [i.ref for i in doc.items] == [str(n) for n in range(1, 8)]
    assert doc.items[3].title == "Joel Gurin Open Data Discussion" and doc.items[6].title == "AOB"
    tb = _docs("uk_dgu_transparency-board_minutes_2011-07-19.pdf")[0]
    titles = [i.title for i in tb.items]
    assert all(i.ref is None for i in tb.items) and 8 <= len(titles) <= 11
    assert {"Welcome and Introductions", "Growth Review", "Met Office", "AOB"} <= set(titles)
    assert not any(t.startswith(("Action", "Due")) for t in titles)


def test_numbered_headings_ending_in_a_full_stop():
    doc = _docs("uk_dgu_crime-justice-panel_minutes_2014-02-14.pdf")[0]
    assert [i.ref for i in doc.items] == [str(n) for n in range(1, 8)]
    hall = _docs("uk_horsley-village-hall-committee_minutes_2013-10-08.pdf")[0]
    assert [i.ref for i in hall.items] == [str(n) for n in range(1, 11)]
    assert _names(hall.apologies) == {"Jess Robinson", "Christina McDonagh", "Simon Allen"}
    assert {"Mick Ratford", "Karen Butt", "Mags Ratford"} <= _names(hall.attendees)


def test_virtual_attendance_sentence():
    doc = _docs("uk_kent-cc_corporate-parenting-panel_minutes_2024-12-10.pdf")[0]
    assert {p.name for p in doc.attendees if p.virtual} == {"Sarah Hamilton", "Lesley Game", "Dan Bride"}


def test_parish_present_line_with_clerk_and_minute_headings():
    doc = _docs("uk_milburn-pc_minutes_2016-01-12.pdf")[0]
    roles = {p.name: p.role for p in doc.attendees}
    assert len(roles) == 7 and roles["J Connelly"] == "Clerk" and roles["D Richardson"] == "Chair"
    assert roles["P Moran"] is None and roles["L Page"] == "Broadband Representative"
    assert [i.ref for i in doc.items][:3] == ["16.01.2", "16.01.3", "16.01.4"] and len(doc.items) == 10


def test_board_minutes_laid_out_in_a_table():
    doc = _docs("uk_suffolk-libraries_board_minutes_2016-12-15.pdf")[0]
    assert (doc.section.kind, doc.section.meeting_date) == ("minutes", date(2016, 12, 15))
    assert _names(doc.apologies) == {"Richard Smith", "Nikki Sturmey", "Marion Harvey"}
    assert 18 <= len(doc.attendees) <= 21 and {"Tony Brown", "Alison Wheeler", "Peter Baker"} <= _names(doc.attendees)
    assert [i.ref for i in doc.items][:4] == ["1", "2", "3", "4"] and len(doc.items) >= 12


def test_others_present_and_absent_commissioners():
    doc = _docs("us_chicago_ssa21_commission_minutes_2018-01-29.pdf")[0]
    names = _names(doc.attendees)
    assert len(names) == 12 and "Simone Martin-Newberry" in names
    # the bulleted minutes' titled points are its items; its attendance lines are none
    assert not {"Shelley Young", "Pat Bader"} & names and [i.title for i in doc.items][:2] == ["Perfunctory Business",
                                                                                                "Updates"]
