"""Hand-checked actions and decisions in real papers of other bodies
(../shared/corpus/wild): action logs with and without header rows, "Action:"
lines with "Due:" lines under them, owners in "Lead XX" lines, inline
"action <name>" notes, RESOLVED blocks that delegate tasks. Facts were read
off the parsed text by hand; bounds leave room for parser changes."""
from __future__ import annotations

import pytest
from minutes.extract.extractor import extract_file
from minutes.extract.records import Action, Decision
from support import WILD


def _extract(name: str) -> tuple[list[Action], list[Decision]]:
    path = WILD / name
    if not path.is_file():
        pytest.skip(f"wild file not found: {path}")
    docs = extract_file(path).documents
    return [a for d in docs for a in d.actions], [x for d in docs for x in d.decisions]


def _owners(actions: list[Action]) -> set[str]:
    return {o.name for a in actions for o in a.owners}


def test_transparency_board_action_log_every_row_with_owner_deadline_and_progress():
    actions, _ = _extract("uk_dgu_transparency-board_action-log_2011.pdf")
    assert 26 <= len(actions) <= 32  # the log runs over three pages, the later ones without a header row
    assert all(a.explicit and a.log_status for a in actions)
    assert {"Katie Davis", "Department for Transport", "Cabinet Office Transparency Team"} <= _owners(actions)
    assert sum(bool(a.owners) for a in actions) >= 24
    dues = [a.due.iso() for a in actions if a.due]
    assert "2011-03-23" in dues and dues.count("2011-03") >= 3 and dues.count("2011-06") >= 5


def test_odug_action_log_owners_from_lead_lines_and_default_deadline():
    actions, _ = _extract("uk_dgu_odug_action-log_2013-05-14.pdf")
    assert 35 <= len(actions) <= 42
    assert sum([o.name for o in a.owners] == ["HS", "BB"] for a in actions) == 3
    assert {"GS", "PM", "JTe", "Secretariat"} <= _owners(actions)
    # the log's "All actions for next meeting", but where a row gives its own day ("scheduled for 24 May")
    own = [a for a in actions if not (a.due and "next meeting" in a.due.text.lower())]
    assert [a.due.iso() for a in own] == ["2013-05-24"]
    assert {a.log_status for a in actions} >= {"New", "Carried forward", "Completed"}


def test_transparency_board_minutes_action_lines_with_due_lines():
    actions, _ = _extract("uk_dgu_transparency-board_minutes_2011-07-19.pdf")
    explicit = [a for a in actions if a.text.startswith("Action")]
    assert 9 <= len(explicit) <= 12
    moj = [a for a in explicit if [o.name for o in a.owners] == ["MoJ"]]
    assert len(moj) == 1 and moj[0].due.iso() == "2011-08"
    assert sum(a.due is not None and a.due.iso() == "2011-09" for a in explicit) >= 5
    assert any(a.due and a.due.iso() == "2011-07" for a in explicit)  # "July" in July's minutes
    assert not any(o.name == "PAF" for a in actions for o in a.owners)  # an abbreviation in brackets


def test_kent_county_council_resolutions_delegating_tasks():
    actions, decisions = _extract("uk_kent-cc_county-council_minutes_2025-03-13.pdf")
    owners = _owners(actions)
    assert "the Monitoring Officer" in owners
    assert any(o.startswith("the Corporate Director for Growth") for o in owners)
    assert len(actions) <= 8 and not any(a.text[:1] in "\"“" for a in actions)
    assert 20 <= len(decisions) <= 40
    assert sum("carried" in d.text.lower() for d in decisions) >= 6  # each recorded vote, with the motion put
    assert any(d.text.startswith("Adopts the Kent Minerals") for d in decisions)


def test_kent_corporate_parenting_panel_noting_is_no_action():
    actions, decisions = _extract("uk_kent-cc_corporate-parenting-panel_minutes_2024-12-10.pdf")
    assert not any("to note" in a.text for a in actions) and len(actions) <= 4
    assert 8 <= len(decisions) <= 15


def test_village_hall_inline_action_names():
    actions, _ = _extract("uk_horsley-village-hall-committee_minutes_2013-10-08.pdf")
    if not any("action" in a.text.lower() for a in actions):
        pytest.skip("PDF text still letter-spaced")
    first_names = {o.name.split()[0] for a in actions for o in a.owners}
    assert {"Mick", "Jon", "Mags", "Karen"} <= first_names
    assert 7 <= sum(a.explicit for a in actions) <= 14
    # the one task in running text is work in hand: Karen is getting a fabric sample
    assert [[o.name for o in a.owners] for a in actions if not a.explicit] == [["Karen Butt"]]
