from datetime import date

import pytest
from helpers_minutes import make_doc, person, run_components
from minutes.extract.records import NextMeeting, Span
from support import SHARED

PEOPLE = [person("Harriet Quill", "Chair"), person("Owen Marsh"), person("Owen Pike"), person("Jenna Voss"),
          person("Arun Cole")]


def run(blocks, **kw):
    doc = make_doc(blocks, PEOPLE, **kw)
    doc.next_meeting = NextMeeting(Span(1, 0, 0), date(2012, 3, 6))
    return run_components(doc, "roster", "meeting_dates", "actions").actions


def test_action_line_with_bracketed_owners_and_deadline():
    [a] = run([("heading", "4 Footpaths"),
               ("paragraph", "Action 2: Survey results to be collated by 3rd February (Jenna Voss and the Clerk).")])
    assert [o.name for o in a.owners] == ["Jenna Voss", "the Clerk"]
    assert a.due.iso() == "2012-02-03" and a.explicit and a.item_ref == "4"


def test_action_agreed_line_and_named_meeting():
    [a] = run([("paragraph", "Action Agreed 5: It was agreed that the tree survey be reported to the March meeting (Arun)")])
    assert [o.name for o in a.owners] == ["Arun Cole"] and a.due.iso() == "2012-03-06"


def test_action_line_owner_as_subject_ambiguous_first_name():
    [a] = run([("paragraph", "Action: Owen to report back on the bus shelter repairs.")])
    assert [o.name for o in a.owners] == ["Owen"]


def test_resolved_parts_giving_tasks():
    acts = run([("paragraph", "RESOLVED: That"),
                ("list_item", "The accounts be noted; and", "1)"),
                ("list_item", "Jenna Voss to write to the highways authority about the verge;", "2)"),
                ("list_item", "Officers be requested to investigate the drainage complaint;", "3)"),
                ("list_item", "Play area inspection notes to be circulated to all members.", "4)")])
    assert [[o.name for o in a.owners] for a in acts] == [["Jenna Voss"], ["Officers"], []]
    assert all(a.explicit for a in acts)


def test_the_chair_to_write():
    [a] = run([("paragraph", "RESOLVED that:"),
               ("paragraph", "(1) The Chair, Councillor Quill, on behalf of the Council, to write to the MP.")])
    assert [o.name for o in a.owners] == ["Harriet Quill"]


def test_clerk_to_respond_and_running_text_commitments():
    acts = run([("paragraph", "Clerk to respond to the planning consultation."),
                ("paragraph", "The allotment hedge was discussed. Jenna will provide a costed quote to the next meeting."),
                ("paragraph", "The committee asked Arun to check the insurance renewal."),
                ("paragraph", "The new service will deliver better outcomes for residents.")])
    assert [(a.owners[0].name, a.explicit) for a in acts] == [("Clerk", True), ("Jenna Voss", False), ("Arun Cole", False)]
    assert acts[1].due.iso() == "2012-03-06"
    assert acts[1].text == "Jenna will provide a costed quote to the next meeting."


def test_action_log_table():
    acts = run([("table", [["Action", "Owner", "Deadline", "Status"],
                           ["Draft the newsletter", "JV/AC", "14/02/2012", "Open"],
                           ["Book the hall for the fete", "Owen Pike", "Ongoing", "Open"]])])
    assert [[o.name for o in a.owners] for a in acts] == [["Jenna Voss", "Arun Cole"], ["Owen Pike"]]
    assert acts[0].due.iso() == "2012-02-14" and acts[1].due.date is None and acts[1].due.text == "Ongoing"


def test_span_is_the_action_sentence():
    doc_blocks = [("paragraph", "Budget was discussed. Jenna will send the figures to Arun by 20 January.")]
    doc = make_doc(doc_blocks, PEOPLE)
    [a] = run_components(doc, "roster", "meeting_dates", "actions").actions
    text = "\n".join(b.text for b in doc.section.blocks)
    assert text[a.span.start:a.span.end] == "Jenna will send the figures to Arun by 20 January."
    assert a.due.iso() == "2012-01-20"


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_seed_actions_and_decisions(fmt):
    shared = SHARED
    if not (shared / "eval" / "gold").is_dir():
        pytest.skip("../shared test material absent")
    import importlib.util

    from minutes.extract.export import file_record
    from minutes.extract.extractor import extract_file
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    folder = shared / ("corpus/seeds" if fmt == "txt" else "corpus/rendered")
    gold = score.load(shared / "eval" / "gold")
    pred = {f.stem: file_record(extract_file(f)) for f in sorted(folder.glob(f"*.{fmt}"))}
    total = score.micro({k: score.score_record(g, pred.get(k, {"documents": []})) for k, g in gold.items()})
    assert total["actions"]["f1"] >= 0.8 and total["decisions"]["f1"] >= 0.8
    assert total["actions"]["owner_acc"] >= 0.85 and total["actions"]["due_acc"] >= 0.85
    assert total["documents"]["next_meeting_acc"] >= 0.9


def test_action_log_continued_on_next_page_without_header():
    """Owner from the task's subject, deadlines resolved against the row's own meeting date."""
    acts = run([("table", [["Meeting date & action number", "Action", "Deadline", "Progress"],
                           ["04/02/2011", "Parks team to survey the bandstand roof", "Mar-2011", "On track"]]),
                ("paragraph", "OFFICIAL"),
                ("table", [["04/02/2011", "Highways Office to repaint the crossing", "23-Mar", "Complete"],
                           ["09/05/2011", "Mira Dale to present the play area options", "June", "Open"]])],
               meeting=None)
    assert [[o.name for o in a.owners] for a in acts] == [["Parks team"], ["Highways Office"], ["Mira Dale"]]
    assert [a.due.iso() for a in acts] == ["2011-03", "2011-03-23", "2011-06"]
    assert [a.log_status for a in acts] == ["On track", "Complete", "Open"]


def test_headerless_log_with_status_column_and_lead_lines():
    acts = run([("list_item", "All actions for next meeting unless otherwise stated", "-"),
                ("heading", "Clerk"),
                ("table", [["Publish the draft minutes", "New"]]),
                ("paragraph", "Allotments – Lead JV/AC"),
                ("table", [["Survey the vacant plots", "Carried forward"], ["Chase unpaid rents", "Completed"]]),
                ("heading", "Budget"),
                ("table", [["Draft the precept paper", "New"]])])
    assert [[o.name for o in a.owners] for a in acts] == [["Clerk"], ["Jenna Voss", "Arun Cole"],
                                                           ["Jenna Voss", "Arun Cole"], []]
    assert all(a.due.iso() == "2012-03-06" for a in acts)
    assert acts[1].log_status == "Carried forward"


def test_agenda_table_with_lead_column_is_no_action_log():
    assert run([("table", [["Item", "Description", "Lead"], ["1", "Welcome and apologies", "Chair"],
                           ["2", "Footpath survey update", "Jenna Voss"]])]) == []


def test_action_line_wrapped_over_blocks_with_due_line():
    [a, b] = run([("heading", "Action: Arun Cole to write to the county council about the flooding on"),
                  ("paragraph", "Mill Lane and the blocked culvert."),
                  ("paragraph", "RESTRICTED"),
                  ("heading", "Due: February"),
                  ("heading", "Action: DfT to share the bus survey with the Clerk (CPRE)."),
                  ("paragraph", "Owner: Clerk")])
    assert a.text.endswith("blocked culvert.") and a.due.iso() == "2012-02" and [o.name for o in a.owners] == ["Arun Cole"]
    assert [o.name for o in b.owners] == ["Clerk"]


def test_mixed_case_acronym_owns_and_bracketed_abbreviation_does_not():
    [a, b] = run([("paragraph", "Action: DfE to send the guidance to schools."),
                  ("paragraph", "Action: Clerk to chase the Parish Footpath Survey (PFS).")])
    assert [o.name for o in a.owners] == ["DfE"] and [o.name for o in b.owners] == ["Clerk"]


def test_inline_action_name_after_the_task():
    acts = run([("list_item", "The gutter over the porch is leaking again, action Owen Pike.", "-"),
                ("list_item", "Repaint the fence. Quotes not yet in, c/f action Jenna.", "-"),
                ("list_item", "The Action Plan was welcomed by all.", "-")])
    assert [([o.name for o in a.owners], a.explicit) for a in acts] == [(["Owen Pike"], True), (["Jenna Voss"], True)]
    assert acts[1].text == "Quotes not yet in, c/f action Jenna."


def test_resolution_delegating_a_task_and_parts_that_only_note():
    acts = run([("paragraph", "RESOLVED that Council:"),
                ("list_item", "Adopts the revised allotment rules;", "(i)"),
                ("list_item", "Delegates authority to the Director for Parks, Leisure & Culture, in consultation "
                              "with the Chair, to approve the tenancy wording.", "(ii)"),
                ("paragraph", "RESOLVED: That the Committee to note the report."),
                ("paragraph", "RESOLVED: That the Committee asks the Clerk to publish the rules.")])
    assert [[o.name for o in a.owners] for a in acts] == [["the Director for Parks, Leisure & Culture"], ["the Clerk"]]


def test_quoted_motion_and_recommendations_to_note_give_no_task():
    assert run([("paragraph", "“Council is asked to adopt the plan and to write to the minister.”"),
                ("paragraph", "Members are asked to note the report.")]) == []


def test_cue_gate_admits_every_block_with_a_cue(shared) -> None:
    """The cheap word gate in front of spaCy must never hide a cue the pipeline
    would find, on any real document we have."""
    from minutes.extract.errors import ParseError
    from minutes.extract.nlp import analyse, may_have_cues
    from minutes.extract.parsers import parse_file
    files = [*sorted((shared / "corpus" / "seeds").glob("*.txt")), *sorted((shared / "corpus" / "wild").glob("*.*"))]
    gated = 0
    for path in files:
        try:
            blocks = parse_file(path).blocks
        except ParseError:
            continue
        for block in blocks:
            if block.kind in ("paragraph", "list_item") and not may_have_cues(block.text):
                gated += 1
                assert not len(analyse(block.text).spans["cues"]), (path.name, block.text[:80])
    assert gated > 1000  # the gate does spare the pipeline most narrative
