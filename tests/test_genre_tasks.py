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


def _actions(shared: Path, rel: str) -> list[Action]:
    return _extract(shared / "corpus" / rel)[0]


def _doing(actions: list[Action], *words: str) -> list[Action]:
    return [a for a in actions if all(w.lower() in a.text.lower() for w in words)]


def _names(action: Action) -> list[str]:
    return [o.as_written for o in action.owners]


def test_friends_owners_only_action_lines_close_the_paragraphs_above(shared):
    actions = _actions(shared, "archives/suffolk-libraries/2015-10-27-fohcl-minutes.pdf")
    assert not any(a.text.upper().startswith("ACTION") for a in actions)  # the line names owners, not the task
    [letter] = _doing(actions, "draft letter")
    assert _names(letter) == ["MS", "AB"] and letter.explicit
    [monitor] = _doing(actions, "Ali will monitor")
    assert _names(monitor) == ["AHop"] and monitor.explicit
    [party] = _doing(actions, "Christmas party")
    assert _names(party) == ["Trustees"]
    assert not any("10 Library Managers Report" in a.text for a in actions)  # the next item is not swallowed
    assert sum(a.explicit for a in actions) >= 10


def test_motorcyclists_action_owner_by_date_and_x_to_lines(shared):
    actions = _actions(shared, "breadth/england_northumbria-advanced-motorcyclists_minutes_2020-10-27.pdf")
    [space] = _doing(actions, "Create space on website")
    assert space.due.iso() == "2020-11-03" and [o.name for o in space.owners] == ["Danny Holmes"]
    [agenda] = _doing(actions, "Agenda and plan for meeting")
    assert agenda.due.iso() == "2020-10-30" and _names(agenda) == ["John Atkinson"]
    assert _names(_doing(actions, "Chair to Host")[0]) == ["Chair"]
    assert _names(_doing(actions, "co-host")[0]) == ["Secretary"]
    assert sum(a.explicit for a in actions) >= 11


def test_liaison_bracketed_actions_with_organisations_as_owners(shared):
    actions = _actions(shared, "breadth/england_era-portal-liaison-meeting_minutes_2021-03-23.pdf")
    explicit = [a for a in actions if a.explicit]
    assert len(explicit) == 8
    assert {n for a in explicit for n in _names(a)} == {"ERA", "Portal", "Sainsbury’s"}
    assert _names(_doing(actions, "contact details")[0]) == ["Portal"]  # second task of one bracket
    assert not _doing(actions, "Greater Cambridge", "contact details")


def test_school_notes_action_marks_inside_points(shared):
    actions = _actions(shared, "breadth/scotland_ayton-primary-school-pfa_minutes_2022-03-24.pdf")
    assert _names(_doing(actions, "EM to attend further meetings")[0]) == ["EM"]
    assert _names(_doing(actions, "Parents to write letter")[0]) == ["Parents"]
    assert _doing(actions, "fancy dress", "Discuss at next meeting")  # the point it follows up
    assert _doing(actions, "EM to ask Berwickshire Swap", "(DONE)")
    assert _doing(actions, "Dandelion Project", "MK to provide update")


def test_parish_x_is_to_and_passive_tasks(shared):
    actions = _actions(shared, "archives/milburn-pc/minutes_2018-03-06_.pdf")
    assert [o.name for o in _doing(actions, "is to order scalpings")[0].owners] == ["D Richardson"]
    [highways] = _doing(actions, "Highways to be")
    assert highways.explicit and not highways.owners
    assert _names(_doing(actions, "clerk to complete")[0]) == ["clerk"]
    assert _doing(actions, "Wicksteed", "Clerk to")  # "arrange the inspection" takes what it refers to
    actions = _actions(shared, "archives/milburn-pc/minutes_2017-07-04_.pdf")
    assert _names(_doing(actions, "Clerk to issue cheques")[0]) == ["Clerk"]


def test_community_council_x_to_after_a_dash(shared):
    actions = _actions(shared, "breadth/scotland_tayport-community-council_minutes_2023-12-04.pdf")
    [fence] = _doing(actions, "Perimeter fence")
    assert fence.explicit and [o.name for o in fence.owners][0].endswith("Tepp")


def test_action_column_beside_a_list_takes_its_lead_in(shared):
    actions = _actions(shared, "archives/suffolk-libraries/board-meeting-minutes-2015-03-26.pdf")
    [skills] = _doing(actions, "Human Resources")
    assert "Organisational Development" in skills.text and "should be added" in skills.text
    assert _names(skills) == ["PP", "NS"]


def test_presenters_column_is_no_owner(shared):
    actions = _actions(shared, "breadth/england_uob-computer-science-society_minutes_2024-11-06.pdf")
    assert not any(a.explicit for a in actions)


def test_action_mark_after_a_comma_gives_each_owner_a_task(shared):
    actions = _actions(shared, "breadth/england_northumbria-advanced-motorcyclists_minutes_2021-01-05.pdf")
    [iam] = _doing(actions, "Danny to contact IAM")
    [dam] = _doing(actions, "John to contact DAM")
    assert [o.name for o in iam.owners] == ["Danny Holmes"] and [o.name for o in dam.owners] == ["John Atkinson"]
    assert iam.explicit and dam.explicit
    assert iam.due.iso() == dam.due.iso() == "2021-01-31"  # "by end January" is the sentence's, for both


def test_motion_for_a_post_to_act(shared):
    actions = _actions(shared, "breadth/england_milton-keynes-chess-club_minutes_2025-09-04.pdf")
    [bank] = _doing(actions, "Metro bank")
    assert bank.explicit and [o.name.lower() for o in bank.owners] == ["the treasurer"]


def test_parish_the_clerk_to_and_owners_as_written(shared):
    actions = _actions(shared, "breadth/england_hertingfordbury-parish-council_minutes_2008-01-09.pdf")
    [sign] = _doing(actions, "report this to Highways")
    assert sign.explicit and _names(sign) == ["the clerk"]
    [audit] = _doing(actions, "carry out the assessment")
    assert [o.name for o in audit.owners] == ["R Lester", "N Hunt"]  # "Cllrs Lester and Hunt would"
    assert _names(_doing(actions, "Deadfield Lane")[0]) == ["Cllr Rochford"]  # not "(Minute 88.2) Cllr ..."
    assert not _doing(actions, "draft budget")  # "the draft budget ... be approved" is a decision
    actions = _actions(shared, "breadth/england_hertingfordbury-parish-council_minutes_2018-10-10.pdf")
    [editor] = _doing(actions, "contact the editor")  # "Cllr Atkins queried ... and agreed to contact"
    assert [o.name for o in editor.owners] == ["Magda Atkins"]


def test_milburn_clerk_to_after_a_comma_and_is_to_after_and(shared):
    actions = _actions(shared, "archives/milburn-pc/minutes_2016-05-03_.pdf")
    [skip] = _doing(actions, "Clerk to telephone and chase")
    assert skip.explicit and _names(skip) == ["the Clerk"]
    actions = _actions(shared, "archives/milburn-pc/minutes_2015-11-03_.pdf")
    [highways] = _doing(actions, "resolved the Clerk to contact the Highways")
    assert highways.explicit and _names(highways) == ["the Clerk"]
    actions = _actions(shared, "archives/milburn-pc/minutes_2018-09-04_.pdf")
    [seat] = _doing(actions, "Councillors are to check")
    assert seat.explicit and _names(seat) == ["Councillors"]


def test_suffolk_board_owner_is_who_acts_not_whom_they_meet(shared):
    actions = _actions(shared, "archives/suffolk-libraries/board-meeting-minutes-2015-01-22.pdf")
    assert [_names(a) for a in _doing(actions, "Steven Watts")] == [["Richard"]]  # "Richard will speak with\nSW"
    actions = _actions(shared, "archives/suffolk-libraries/board-meeting-minutes-2013-05-02.pdf")
    [away] = _doing(actions, "Away Day", "Anna McCreadie")
    assert _names(away) == ["NS"]  # the margin's owner, not the one to be invited


def test_friends_initials_and_possibilities(shared):
    actions = _actions(shared, "archives/suffolk-libraries/2016-08-09-fohcl-minutes.pdf")
    assert [o.name for o in _doing(actions, "DO agreed to look into")[0].owners] == ["David Olds"]  # "DO" no question
    actions = _actions(shared, "archives/suffolk-libraries/2016-03-15-fohcl-minutes.pdf")
    assert not _doing(actions, "licence")  # "may have to obtain a licence": a possibility, not a task


def test_community_council_politely_asked(shared):
    actions = _actions(shared, "breadth/scotland_tayport-community-council_minutes_2023-12-04.pdf")
    [reports] = _doing(actions, "send out their reports")
    assert _names(reports) == ["Councillors"] and not reports.explicit


def test_speaker_owns_what_he_or_she_said_they_would_do(shared):
    actions = _actions(shared, "breadth/england_uob-computer-science-society_minutes_2025-10-22.pdf")
    [companies] = _doing(actions, "compile a list")  # "Deji said they would compile ..."
    assert _names(companies) == ["Deji"] and not companies.explicit
    actions = _actions(shared, "archives/suffolk-libraries/board-meeting-minutes-2015-01-22.pdf")
    [message] = _doing(actions, "send a message", "SLS team")  # "... confirmed that she will send"
    assert _names(message) == ["The General Manager"]


def test_passive_tasks_asked_for_and_the_one_of_a_group_who_acts(shared):
    actions = _actions(shared, "breadth/england_hertingfordbury-parish-council_minutes_2018-10-10.pdf")
    [maps] = _doing(actions, "maps be made available")  # a member's request: a task for nobody named
    assert maps.owners == [] and not maps.explicit
    actions = _actions(shared, "archives/milburn-pc/minutes_2018-03-06_.pdf")
    [water] = _doing(actions, "is to investigate")
    assert _names(water) == ["Parishioner"] and water.explicit
    # "agreed that Councillor Richardson be elected Chair": an election, no task
    assert not _doing(_actions(shared, "archives/milburn-pc/minutes_2016-05-03_.pdf"), "be elected")


def test_passive_decisions_whose_agent_wraps_or_signs(shared):
    decisions = _decisions(shared, "wild/uk_suffolk-libraries_board_minutes_2016-12-15.pdf")
    assert _with(decisions, "Lone Working Policy", "accepted by the")  # "by the\nBoard" over a line break
    decisions = _decisions(shared, "archives/milburn-pc/minutes_2016-05-03_.pdf")
    # "approved by the Parish Council and signed by the Chairman": the Council's own approval
    assert len(_with(decisions, "approved by the Parish Council")) == 2


def test_tasks_put_forward_and_minutes_to_be_signed(shared):
    actions = _actions(shared, "archives/suffolk-libraries/2016-08-09-fohcl-minutes.pdf")
    [programme] = _doing(actions, "proposed that FHCL prepare")  # a proposal naming who acts: a task put forward
    assert _names(programme) == ["FHCL"] and not programme.explicit
    actions = _actions(shared, "archives/milburn-pc/minutes_2016-01-12_.pdf")
    # its own clause, not the resolution before it
    [pads] = [a for a in _doing(actions, "Mr Wood obtain") if a.text.startswith("It was also suggested")]
    assert [o.name for o in pads.owners] == ["A Wood"] and not pads.explicit  # "Mr Wood", "Mr A Wood" before
    actions = _actions(shared, "wild/uk_kent-cc_corporate-parenting-panel_minutes_2024-12-10.pdf")
    [signed] = _doing(actions, "29 October 2024", "signed by the Chair")  # a RESOLVED part: "be signed by"
    assert _names(signed) == ["the Chair"] and signed.explicit


def test_keep_and_place_name_tasks(shared):
    actions = _actions(shared, "wild/uk_horsley-village-hall-committee_minutes_2013-10-08.pdf")
    [case] = _doing(actions, "to keep on the case")
    assert [o.name for o in case.owners] == ["Karen Butt"] and case.explicit
    actions = _actions(shared, "archives/milburn-pc/minutes_2016-01-12_.pdf")
    [box] = _doing(actions, "place a box")  # "it was decided the Highways Dept will place": the meeting gave it
    assert _names(box) == ["the Highways Dept"] and box.explicit
    # "9.4 Agreed to place an advert": the meeting's decision, not a paragraph number's undertaking
    decisions = _decisions(shared, "archives/suffolk-libraries/2016-03-15-fohcl-minutes.pdf")
    assert _with(decisions, "place an advert")


def test_the_boards_own_stance_is_its_decision(shared):
    decisions = _decisions(shared, "archives/suffolk-libraries/board-meeting-minutes-2012-11-19.pdf")
    assert _with(decisions, "Board welcomed and supported", "SAG")
    # what a partnership does ("provides oversight of and supports a broad range of activities") decides nothing
    papers = _decisions(shared, "wild/uk_west-sussex-drug-alcohol-partnership_progress-report_2024-10.pdf")
    assert not _with(papers, "supports a broad range")


def test_the_bodys_own_refusal_is_its_decision(shared, tmp_path):
    milburn = _decisions(shared, "archives/milburn-pc/minutes_2018-09-04_.pdf")
    assert _with(milburn, "Councillors declined the invitation")
    friends = _decisions(shared, "archives/suffolk-libraries/2016-03-15-fohcl-minutes.pdf")
    assert _with(friends, "which the Trustees declined")
    # one person's refusal is no decision of the meeting
    paper = tmp_path / "nominations.txt"
    paper.write_text("Harbour Board\n\nMinutes of the meeting held on 1 May 2012.\n\nPresent: Ada Quill, Ben Ortiz, "
                     "Cara Dunn.\n\n1. Nominations\nBen Ortiz declined the nomination for Treasurer.\n", encoding="utf-8")
    assert not _with(_extract(paper)[1], "declined")


def test_the_meetings_conclusion_is_its_decision(shared, tmp_path):
    chicago = _decisions(shared, "wild/us_chicago_ssa21_commission_minutes_2018-01-29.pdf")
    assert _with(chicago, "It was concluded that", "logo")
    board = _decisions(shared, "archives/suffolk-libraries/board-meeting-minutes-2012-09-11.pdf")
    assert _with(board, "Board concluded that", "clarity")
    # a speaker's conclusion, a speech's end, a negotiation's end: none is the meeting's
    paper = tmp_path / "talks.txt"
    paper.write_text("Harbour Board\n\nMinutes of the meeting held on 1 May 2012.\n\nPresent: Ada Quill, Ben Ortiz, "
                     "Cara Dunn.\n\n1. Talks\nBen Ortiz concluded that the plan was weak. She concluded by thanking "
                     "the staff. Negotiations have been concluded.\n", encoding="utf-8")
    assert not _with(_extract(paper)[1], "concluded")


def _owner_names(action: Action) -> list[str]:
    return [o.name for o in action.owners]


def test_owners_of_joint_opened_and_apposed_subjects(shared):
    actions = _actions(shared, "wild/uk_dgu_crime-justice-panel_minutes_2014-02-14.pdf")
    [lists] = _doing(actions, "to produce lists of databases")
    assert _owner_names(lists) == ["MoJ", "HO"]  # two bodies' initials joined by "and"
    [both] = _doing(actions, "both the MoJ and the Home Office")
    assert _names(both) == ["the MoJ", "the Home Office"]
    [odi] = _doing(actions, "SP to contact ODI")  # "Action: X to ... and Y to ...": a task each
    [hmcts] = _doing(actions, "HMCTS to come back")
    assert _owner_names(odi) == ["Sean Palmer"] and _owner_names(hmcts) == ["HMCTS"] and "HMCTS" not in odi.text
    [schema] = _doing(actions, "Upon receipt of note")  # the owner after a clause that opens the line
    assert _owner_names(schema) == ["Sean Palmer"] and schema.due.iso() == "2014-02-28"  # the month's end
    [bins] = _doing(_actions(shared, "archives/milburn-pc/minutes_2018-03-06_.pdf"), "small wheelie bins")
    assert _owner_names(bins) == ["Alan Armstrong"]  # his authority between commas is no second owner
    actions = _actions(shared, "wild/uk_dgu_transparency-board_minutes_2011-07-19.pdf")
    [updated] = _doing(actions, "to be updated on the position")
    assert updated.owners == [] and updated.due.iso() == "2011-09"  # whom a passive task informs does not do it


def test_log_rows_under_a_caption_lose_the_lead_above(shared):
    actions = _actions(shared, "wild/uk_dgu_odug_action-log_2013-05-14.pdf")
    [letter] = _doing(actions, "Send letter to Ordnance Survey")
    assert letter.owners == []  # "CodePoint with Polygons" names no lead; the "Lead PM" above it is another's
    assert [_owner_names(a) for a in _doing(actions, "Secure plan for release")] == [["PM"]]


def test_deadlines_counted_from_the_meeting(shared):
    [clerk] = _doing(_actions(shared, "breadth/england_hertingfordbury-parish-council_minutes_2018-10-10.pdf"),
                     "later in the month")
    assert clerk.due.iso() == "2018-10"
    [light] = _doing(_actions(shared, "wild/uk_horsley-village-hall-committee_minutes_2013-10-08.pdf"),
                     "outside light")
    assert light.due.iso() == "2013-10-11"  # "on Friday" after a Tuesday meeting
    [cgm] = _doing(_actions(shared, "archives/suffolk-libraries/board-meeting-minutes-2013-07-08.pdf"),
                   "prior to the CGM on Monday")
    assert cgm.due.iso() == "2013-07-15"
    actions = _actions(shared, "archives/suffolk-libraries/board-meeting-minutes-2015-06-02.pdf")
    assert not any(a.due for a in _doing(actions, "Tuesday evenings"))  # days that recur fix no deadline


def test_log_rows_reported_done_stay_in_the_record_with_their_status(shared):
    from minutes.extract.export import file_record
    record = file_record(extract_file(shared / "corpus/wild/uk_dgu_odug_action-log_2013-05-14.pdf", ocr="never"))
    rows = [a for d in record["documents"] for a in d["actions"]]
    done = [a for a in rows if a["status"] == "done"]
    assert len(done) == 7 and any(a["text"].startswith("Transparency Team to undertake a gap") for a in done)
    assert sum(a["status"] == "carried_forward" for a in rows) == 19 and len(rows) >= 38


def test_titled_surname_owner_is_the_name_the_minutes_print(shared):
    laptop = _doing(_actions(shared, "archives/milburn-pc/minutes_2016-05-03_.pdf"), "source a laptop")
    assert laptop and all(_owner_names(a) == ["Martin Joyce"] for a in laptop)  # "Mr Joyce", "Mr Martin Joyce"


def test_parish_clerk_tasks_after_a_name_a_comma_or_e_mail(shared):
    [email] = _doing(_actions(shared, "archives/milburn-pc/minutes_2016-09-06_.pdf"), "Clerk to e-mail EDC")
    assert _names(email) == ["Clerk"] and email.explicit  # "e-mail" is three tokens
    [light] = _doing(_actions(shared, "archives/milburn-pc/minutes_2016-11-01_.pdf"), "A Armstrong to report")
    assert _owner_names(light) == ["A Armstrong"]  # the initial "A" is no article
    [gypsum] = _doing(_actions(shared, "archives/milburn-pc/minutes_2018-01-18_.pdf"), "the Clerk to write and ask")
    assert _names(gypsum) == ["the Clerk"]  # after "... from British Gypsum,": a body's name, then the post's task


def test_a_forms_labels_and_values_beside_the_margin_are_no_tasks(shared):
    actions = _actions(shared, "wild/uk_kent-cc_county-council_budget-amendments-pack_2025-02-13.pdf")
    assert actions == []  # "Directorate: | All", "Proposed Amount | ...": a budget amendment form's fields
    actions = _actions(shared, "archives/suffolk-libraries/board-meeting-minutes-2015-03-26.pdf")
    [skills] = _doing(actions, "the following should be added")  # a list beside a marker keeps its lead-in
    assert "Nikki Sturmey" in _owner_names(skills)


def test_a_list_of_names_with_a_comma_before_and_owns_a_task(shared):
    [apply] = _doing(_actions(shared, "wild/us_chicago_ssa21_commission_minutes_2018-01-29.pdf"),
                     "need to submit updated applications")
    assert _owner_names(apply) == ["Zach Maiorca", "P. Bader", "Anthony Qaiyum", "Todd Feinberg"]


def test_a_margin_that_writes_the_task_is_owned_by_its_subject():
    # "AB to speak to the juniors" in the Action column: Ann Bell acts, on the text beside it
    from datetime import date
    from minutes.extract.document import DocumentBuilder
    from minutes.extract.extractor import PIPELINE, Context
    from minutes.extract.records import ExtractedDocument, Person, Section, Span
    b = DocumentBuilder("x.pdf", "pdf", "0")
    b.new_page()
    para = b.add("paragraph", "Members of the coaching group will be eligible for the county team next season.")
    b.mark(para, "AB to speak to the juniors", para.start)
    plain = b.add("paragraph", "The hall roof still leaks in heavy rain and the gutter is blocked.")
    b.mark(plain, "CD", plain.start)
    parsed = b.build()
    people = [Person("Ann Bell", "present", Span(1, 0, 0)), Person("Carl Dunn", "present", Span(1, 0, 0))]
    doc = ExtractedDocument(Section("minutes", "t", parsed.blocks, meeting_date=date(2013, 1, 14)), attendees=people)
    PIPELINE.run(doc, Context(standalone=True), only=("roster", "actions"))
    got = [(a.text, [o.name for o in a.owners]) for a in doc.actions]
    assert got == [("Members of the coaching group will be eligible for the county team next season. "
                    "– AB to speak to the juniors", ["Ann Bell"]),
                   ("The hall roof still leaks in heavy rain and the gutter is blocked.", ["Carl Dunn"])]
    assert all(parsed.text[a.span.start:a.span.end] in a.text for a in doc.actions)  # the span: the text beside


def test_tayport_tennis_margin_tasks_name_their_owners(shared):
    actions = _actions(shared, "breadth/scotland_tayport-tennis-club_minutes_2013-01-14.pdf")
    def owners(*words: str) -> list[str]:
        [action] = _doing(actions, *words)
        return [o.name for o in action.owners]
    assert owners("VR to put on agenda") == ["Vanessa Rengger"]
    assert owners("Ian to check") == ["Ian Ness"]
    assert owners("RT/DP to organise") == ["Richard Tough", "Derek Petrie"]
