"""Decisions and actions in the forms the genre writes them, checked by hand
in real minutes of the archive and breadth bodies (../shared/corpus): names,
references, dates, counts and a few words read off the parsed text."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from minutes.extract.extractor import extract_file
from minutes.extract.records import Action, Decision


@lru_cache(maxsize=None)
def _extract(path: Path) -> tuple[list[Action], list[Decision]]:
    docs = extract_file(path, ocr="never").documents
    return [a for d in docs for a in d.actions], [x for d in docs for x in d.decisions]


def _decisions(shared: Path, rel: str) -> list[Decision]:
    return _extract(shared / "corpus" / rel)[1]


def _with(decisions: list[Decision], *words: str) -> list[Decision]:
    return [d for d in decisions if all(w.lower() in d.text.lower() for w in words)]


def test_milburn_resolutions_in_table_rows_and_lines(shared):
    decisions = _decisions(shared, "archives/milburn-pc/minutes_2018-03-06_.pdf")
    # five policies "Councillors resolved to sign", one per row, each with its policy's name
    assert len(_with(decisions, "resolved to sign")) == 5 and _with(decisions, "Code of Conduct", "resolved to sign")
    # three payments, two of them on lines of one paragraph
    assert len(_with(decisions, "resolved to pay")) == 3 and _with(decisions, "Churchyard Donation", "resolved to pay")
    assert _with(decisions, "16th January 2018", "true record")  # "All agreed this was a true record" + the minutes
    assert _with(decisions, "Garden Waste Skip", "acceptable")  # "resolved this was acceptable" + what "this" is
    assert all(d.explicit for d in _with(decisions, "resolved"))


def test_milburn_minutes_agreed_and_resolution_in_running_text(shared):
    decisions = _decisions(shared, "archives/milburn-pc/minutes_2017-07-04_.pdf")
    assert _with(decisions, "2nd May 2017", "true record")
    assert _with(decisions, "resolved to include the laptop")
    assert not _with(decisions, "Any Other Business")  # "the Insurance Policy" names its policy itself


def test_suffolk_board_anaphoric_decisions_take_their_subject(shared):
    decisions = _decisions(shared, "archives/suffolk-libraries/board-meeting-minutes-2015-03-26.pdf")
    assert _with(decisions, "Library Role Profile", "agreed and adopted")  # "This was agreed ..." under its item
    assert _with(decisions, "Broomhill Library", "agreed and accepted")  # the proposal is the sentence before
    assert _with(decisions, "HR Administrator", "agreed and accepted")
    # "agreed and adopted" is one decision, not cut at the comma of "Business, Development and Marketing"
    assert not any(d.text.startswith("Development and Marketing") for d in decisions)
    leiston = _with(decisions, "Leiston")
    assert not leiston or not any(d.explicit for d in leiston)  # Suffolk County Council's agreement, not the Board's


def test_suffolk_board_elections_and_minutes_confirmed(shared):
    decisions = _decisions(shared, "archives/suffolk-libraries/board-meeting-minutes-2013-09-26.pdf")
    assert _with(decisions, "true account")  # "confirmed for accuracy as a true account of discussions"
    for name in ("Tony Brown", "Sylvia Knights", "Anne Mallalieu"):
        assert _with(decisions, "elected", name)
    assert not _with(decisions, "terms of reference will be agreed")  # to be decided later, not now


def test_friends_trustees_undertakings_are_no_decisions(shared):
    decisions = _decisions(shared, "archives/suffolk-libraries/2016-08-09-fohcl-minutes.pdf")
    assert not _with(decisions, "DO agreed to")  # a trustee's undertaking is an action
    assert _with(decisions, "seconded AH", "maximum of £100")
    assert _with(decisions, "sub-committee", "agreed in principle")
    decisions = _decisions(shared, "archives/suffolk-libraries/2015-10-27-fohcl-minutes.pdf")
    assert _with(decisions, "decided to remain with HSBC")
    assert _with(decisions, "for life", "unanimously agreed")


def test_parish_vote_planning_responses_and_proposer(shared):
    decisions = _decisions(shared, "breadth/england_hertingfordbury-parish-council_minutes_2018-10-10.pdf")
    vote = _with(decisions, "3 for the resolution")
    assert len(vote) == 1 and "Village Green policies" in vote[0].text and vote[0].explicit
    planning = [d for d in decisions if "/18/" in d.text]
    assert sorted(d.text.split()[0] for d in planning) == ["3/18/1963/HH", "3/18/2163/HH", "3/18/2213/HH"]
    assert not any(d.explicit for d in planning) and _with(planning, "excessive development")
    assert not _with(decisions, "Refused")  # the planning authority's decision, not this council's
    assert _with(decisions, "Minutes were agreed", "seconded by Cllr Bradbury")
    assert _with(decisions, "resolved to approve the recommendation")


def test_resolution_passed_by_vote_takes_its_motion(shared):
    decisions = _decisions(shared, "breadth/england_oxfordshire-community-land-trust_minutes_2020-09-14.pdf")
    assert _with(decisions, "disapply section 83", "passed by 100%")
    assert _with(decisions, "Minutes agreed")


def test_society_elections_and_adoption_of_minutes(shared):
    decisions = _decisions(shared, "breadth/england_uob-computer-science-society_minutes_2024-11-06.pdf")
    assert len(_with(decisions, "duly elected")) == 4
    assert _with(decisions, "adoption of previous minutes")
    assert not _with(decisions, "Guild")  # approved by another body


def test_community_council_minutes_in_a_label_value_table_and_planning(shared):
    decisions = _decisions(shared, "breadth/scotland_tayport-community-council_minutes_2023-12-04.pdf")
    assert _with(decisions, "6th November 2023", "agreed")
    planning = _with(decisions, "18/01561/NMV2")
    assert len(planning) == 1 and not planning[0].explicit


def test_club_motions_carried(shared):
    decisions = _decisions(shared, "breadth/england_milton-keynes-chess-club_minutes_2025-09-04.pdf")
    assert _with(decisions, "Metro bank", "carried")
    assert _with(decisions, "keep subs", "passed")
    assert _with(decisions, "Rule 12 carried")
