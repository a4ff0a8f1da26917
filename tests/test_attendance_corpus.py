"""Hand-checked attendance of real papers (../shared/corpus/archives and
breadth): the shapes the genre prints lists in, and initials read as people."""
from __future__ import annotations

from functools import lru_cache

import pytest

from minutes.extract.extractor import extract_file
from minutes.extract.owners import Roster, resolve_owners
from minutes.extract.records import ExtractedDocument


@lru_cache(maxsize=None)
def _doc(path: str) -> ExtractedDocument:
    docs = [d for d in extract_file(path, ocr="never").documents if d.attendees or d.apologies]
    assert len(docs) == 1, path
    return docs[0]


def _file(shared, where: str) -> ExtractedDocument:
    path = shared / "corpus" / where
    if not path.is_file():
        pytest.skip(f"not found: {path}")
    return _doc(str(path))


def _names(people) -> list[str]:
    return [p.name for p in people]


def test_friends_trustees_semicolon_label_initials_and_owners(shared):
    doc = _file(shared, "archives/suffolk-libraries/2015-10-27-fohcl-minutes.pdf")
    assert len(doc.attendees) == 9 and _names(doc.apologies) == ["David Olds"]
    by = {p.name: p for p in doc.attendees}
    assert (by["Mike Stephens"].initials, by["Alison Hopkins"].initials, by["David Thomas"].role) == (
        "MS", "AHop", "Chair")
    roster = Roster.from_document(doc.attendees, doc.apologies, "\n".join(b.text for b in doc.section.blocks))
    assert [o.name for o in resolve_owners("AHop/MS", roster)] == ["Alison Hopkins", "Mike Stephens"]
    assert [(o.name, o.ambiguous) for o in resolve_owners("AH", roster)] == [("AH", True)]  # AHol or AHop


def test_friends_trustees_full_stops_between_initialled_names(shared):
    doc = _file(shared, "archives/suffolk-libraries/2016-08-09-fohcl-minutes.pdf")
    assert len(doc.attendees) == 10 and "Ali Hopkins" in _names(doc.apologies)
    by = {p.name: p for p in doc.attendees}
    assert (by["Andrew Payne"].role, by["Mike Stephens"].role, by["Tamsyn Imison"].initials) == (
        "Chairman", "Treasurer", "TI")


def test_board_header_table_members_who_sent_apologies_are_apologies(shared):
    doc = _file(shared, "archives/suffolk-libraries/board-meeting-minutes-2013-09-26.pdf")
    assert set(_names(doc.apologies)) == {"Stephen Taylor", "Marion Harvey"}
    assert len(doc.attendees) == 12 and "Nikki Sturmey" in _names(doc.attendees)
    assert {p.name: p.organisation for p in doc.apologies}["Stephen Taylor"] == "SCC"


def test_agm_apologies_each_with_a_place_after_a_dash(shared):
    doc = _file(shared, "archives/suffolk-libraries/suffolk-libraries-agm-minutes-2013.pdf")
    assert doc.attendees == [] and len(doc.apologies) == 13  # the AGM lists no names of those present
    assert {p.name: p.organisation for p in doc.apologies}["Kevin Hunter"] == "Needham Market"


def test_parish_council_present_block_without_commas_and_the_public(shared):
    doc = _file(shared, "archives/milburn-pc/minutes_2018-03-06_.pdf")
    assert _names(doc.attendees) == ["D Richardson", "M Armstrong", "M Dixon", "P Moran", "Alan Armstrong",
                                     "J Connelly", "Member of the Public"]
    assert {p.name: p.role for p in doc.attendees}["J Connelly"] == "Clerk"
    doc = _file(shared, "archives/milburn-pc/minutes_2017-07-04_.pdf")
    assert {"R Healey", "D Bellsham"} <= set(_names(doc.attendees)) and len(doc.attendees) == 7
    assert [(p.name, p.organisation) for p in doc.apologies] == [("A Armstrong", "EDC")]


def test_parent_body_name_initials_dash_role(shared):
    doc = _file(shared, "breadth/scotland_ayton-primary-school-pfa_minutes_2022-03-24.pdf")
    assert len(doc.attendees) == 11 and _names(doc.apologies) == ["Tracey Dick"]
    by = {p.name: p for p in doc.attendees}
    assert (by["Katherine Lymer"].role, by["Ellie Moriarty"].role, by["Trevor Smith"].initials) == (
        "Chair", "Treasurer", "TS")


def test_community_council_posts_as_labels_and_in_attendance(shared):
    doc = _file(shared, "breadth/scotland_tayport-community-council_minutes_2023-12-04.pdf")
    by = {p.name: p for p in doc.attendees}
    assert len(by) == 10 and (by["B de Smid"].role, by["R MacCallam"].role) == ("Chair", "Treasurer")
    assert by["L Kennedy-Dalby"].status == "in_attendance" and _names(doc.apologies) == ["S Walker"]


def test_those_present_under_organisation_sub_headings(shared):
    doc = _file(shared, "breadth/england_era-portal-liaison-meeting_minutes_2021-03-23.pdf")
    assert [p.organisation for p in doc.attendees].count("Portal") == 2 and len(doc.attendees) == 6
    doc = _file(shared, "breadth/england_nw-cambridge-development-community-group_minutes_2022-09-06.pdf")
    assert len(doc.attendees) == 15 and len(doc.apologies) == 5
    assert {p.name: p.organisation for p in doc.attendees}["Brian Brady"] == "Durkan"


def test_society_header_table_and_apologies_of_listed_members(shared):
    doc = _file(shared, "breadth/england_uob-computer-science-society_minutes_2024-11-06.pdf")
    assert len(doc.attendees) == 21
    assert set(_names(doc.apologies)) == {"Holly Packer", "Lee Alabaster", "Matthew Widdop"}


def test_organisation_initials_after_a_name_and_a_group_label_in_the_present_line(shared):
    milburn = _file(shared, "archives/milburn-pc/minutes_2018-09-04_.pdf")
    assert [(p.name, p.organisation) for p in milburn.apologies] == [("A Armstrong", "EDC")]
    assert len(milburn.attendees) == 6 and "M Armstrong" in _names(milburn.attendees)
