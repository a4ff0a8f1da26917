from helpers_minutes import make_doc, person, run_components


def decisions(doc):
    return run_components(doc, "roster", "decisions").decisions


def run(blocks, kind="minutes"):
    return [(d.text, d.explicit) for d in decisions(make_doc(blocks, kind=kind))]


def test_resolved_block_parts_with_roman_subparts_and_sequence():
    got = run([("paragraph", "RESOLVED that:"),
               ("paragraph", "(1) The budget for the playing field be approved."),
               ("paragraph", "(2) The Clerk to obtain three quotes for:"),
               ("paragraph", "(i) new goalposts"),
               ("paragraph", "(ii) a bench"),
               ("heading", "12. Correspondence")])
    assert got == [("The budget for the playing field be approved.", True),
                   ("The Clerk to obtain three quotes for: (i) new goalposts (ii) a bench", True)]


def test_inline_resolution():
    assert run([("paragraph", "RESOLVED: That the tree report be noted.")]) == [("the tree report be noted.", True)]


def test_agreed_statements_and_minutes_record():
    got = run([("paragraph", "The minutes of the meeting held on 3 May were signed as a correct record."),
               ("paragraph", "It was agreed that the hall fees would rise by 5%. The group welcomed the news.")])
    assert got == [("The minutes of the meeting held on 3 May were signed as a correct record.", True),
                   ("It was agreed that the hall fees would rise by 5%.", True)]


def test_one_sentence_two_decisions_is_split():
    got = run([("paragraph", "The board agreed that the pilot had worked, therefore the board agreed to extend it.")])
    assert got == [("The board agreed that the pilot had worked", True), ("the board agreed to extend it.", True)]


def test_noted_is_weaker_and_reported_agreements_are_skipped():
    got = run([("paragraph", "The Council noted the auditor's letter."),
               ("paragraph", "As agreed at the last meeting, the verge is cut monthly."),
               ("paragraph", "The scheme was approved by the county in 2010."),
               ("paragraph", "A list of the agreed projects was tabled.")])
    assert got == [("The Council noted the auditor's letter.", False)]


def test_no_decisions_in_a_strategy_paper():
    assert run([("paragraph", "It was agreed that partners will share data.")], kind="strategy") == []


def test_agreements_reported_or_still_to_come_are_not_decisions():
    assert run([("paragraph", "The Clerk reported that at its meeting in May the district council approved the plan."),
                ("paragraph", "The rules change once the county council has agreed the wording."),
                ("paragraph", "It was agreed that the bins be moved.")]) == [("It was agreed that the bins be moved.", True)]


def test_a_person_noting_and_apologies_noted_are_not_decisions():
    doc = make_doc([("paragraph", "Apologies were noted as listed."),
                    ("paragraph", "Harriet Quill noted that the bus shelter had been repaired."),
                    ("paragraph", "She noted that the grant had been paid."),
                    ("paragraph", "The Council noted the insurance renewal.")], [person("Harriet Quill")])
    assert [(d.text, d.explicit) for d in decisions(doc)] == [("The Council noted the insurance renewal.", False)]


def test_resolved_lead_in_with_roman_parts_and_quoted_motion():
    got = run([("paragraph", "“Council is asked to agree the new standing orders.”"),
               ("paragraph", "RESOLVED that Council:"),
               ("list_item", "Agrees the new standing orders;", "(i)"),
               ("list_item", "Notes the training plan.", "(ii)")])
    assert got == [("Agrees the new standing orders", True), ("Notes the training plan.", True)]
