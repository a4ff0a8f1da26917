from helpers_minutes import make_doc, person, run_components


def decisions(doc):
    return run_components(doc, "roster", "decisions").decisions


def run(blocks, kind="minutes", body=None):
    doc = make_doc(blocks, kind=kind)
    doc.section.body = body
    return [(d.text, d.explicit) for d in decisions(doc)]


def test_resolved_block_parts_with_roman_subparts_and_sequence():
    got = run([("paragraph", "RESOLVED that:"),
               ("paragraph", "(1) The budget for the playing field be approved."),
               ("paragraph", "(2) The Clerk to obtain three quotes for:"),
               ("paragraph", "(i) new goalposts"),
               ("paragraph", "(ii) a bench"),
               ("heading", "12. Correspondence")])
    assert got == [("The budget for the playing field be approved.", True),
                   ("The Clerk to obtain three quotes for: (i) new goalposts (ii) a bench", True)]


def test_a_long_resolved_lead_in_over_lettered_parts_and_one_with_none():
    # a committee's recommendation to the authority above it, worded over its parts; the same words with no
    # parts under them are the decision itself
    got = run([("paragraph", "RESOLVED – That the Committee recommends to the Authority that:"),
               ("paragraph", "(a) the Treasury Management Strategy 2024/25 be approved; and"),
               ("paragraph", "(b) the prudential indicators for the capital programme be adopted."),
               ("heading", "46. Risk register")])
    assert got == [("the Treasury Management Strategy 2024/25 be approved", True),
                   ("the prudential indicators for the capital programme be adopted.", True)]
    got = run([("paragraph", "RESOLVED – That the Committee recommends the strategy to the Authority for adoption:"),
               ("heading", "46. Risk register")])
    assert got == [("the Committee recommends the strategy to the Authority for adoption:", True)]


def test_a_panel_recommends_to_the_body_above_it_and_a_vote_counted_after_resolved():
    got = run([("paragraph", "The Panel recommended to Cabinet that the consultation be extended to six weeks."),
               ("paragraph", "The Panel unanimously recommended that the play area be refurbished."),
               ("paragraph", "The Board was recommended to support the chosen provider."),  # advice put to it
               ("paragraph", "Apologies were received and accepted from Cllrs N Khan and O Lyons."),
               ("paragraph", "RESOLVED (7 for, 1 against) that the precept for 2025/26 be set at £486,200.")],
              body="Children and Young People Scrutiny Panel")
    assert got == [("The Panel recommended to Cabinet that the consultation be extended to six weeks.", True),
                   ("The Panel unanimously recommended that the play area be refurbished.", True),
                   ("the precept for 2025/26 be set at £486,200.", True)]


def test_a_decision_label_over_the_body_named_over_its_lettered_parts():
    # a joint board's minute: "Decision", then "The Integration Joint Board:", then what it did
    got = run([("heading", "3. Revenue budget 2025/26"), ("paragraph", "Decision"),
               ("paragraph", "The Integration Joint Board:"),
               ("paragraph", "(a) approved the revenue budget for 2025/26; and"),
               ("paragraph", "(b) instructed the Chief Officer to bring a savings plan to the June meeting."),
               ("heading", "4. Strategic plan")])
    assert got == [("approved the revenue budget for 2025/26", True),
                   ("instructed the Chief Officer to bring a savings plan to the June meeting.", True)]


def test_a_line_heading_the_tasks_agreed_is_no_agreement():
    got = run([("heading", "3. Better Care Fund"), ("paragraph", "The Board approved the quarter 4 return."),
               ("paragraph", "Actions agreed"), ("table", [["No.", "Action", "Lead"], ["1", "Publish the JSNA", "HP"]]),
               ("paragraph", "Agreed actions:"), ("paragraph", "The following actions were agreed:")])
    assert got == [("The Board approved the quarter 4 return.", True)]


def test_a_motions_body_resolves_lead_in_over_its_parts():
    got = run([("heading", "This Council resolves to invite the Cabinet to:"),
               ("heading", "(1) Join the regional walking campaign."),
               ("heading", "(2) Write to the county about the footpaths."),
               ("paragraph", "The Council resolved to approve the budget.")])
    assert got == [("Join the regional walking campaign.", True), ("Write to the county about the footpaths.", True),
                   ("The Council resolved to approve the budget.", True)]


def test_inline_resolution():
    assert run([("paragraph", "RESOLVED: That the tree report be noted.")]) == [("the tree report be noted.", True)]



def test_agreed_label_heads_a_resolution_as_resolved_does():
    # parish minutes write "AGREED:" / "Agreed –" where others write "RESOLVED:", parts and all
    assert run([("paragraph", "Agreed: Clerk to arrange a site meeting with the contractor.")]) == [
        ("Clerk to arrange a site meeting with the contractor.", True)]
    got = run([("paragraph", "AGREED –"), ("list_item", "The quote for the bench be accepted.", "1)"),
               ("list_item", "The Treasurer to pay the invoice.", "2)")])
    assert got == [("The quote for the bench be accepted.", True), ("The Treasurer to pay the invoice.", True)]
    # "Agreed" opening a sentence is no label
    assert run([("paragraph", "Agreed to defer the item to the next meeting.")]) == [
        ("Agreed to defer the item to the next meeting.", True)]

def test_a_committees_recommendation_to_the_council_is_its_decision():
    assert run([("paragraph", "RECOMMENDED to Council that the hire fees be increased by 3%.")]) == [
        ("the hire fees be increased by 3%.", True)]
    got = run([("paragraph", "Recommendation:"), ("list_item", "The Cabinet approves the strategy.", "1)"),
               ("list_item", "The Head of Leisure sets the winter charges.", "2)")])
    assert got == [("The Cabinet approves the strategy.", True), ("The Head of Leisure sets the winter charges.", True)]
    # a sentence that opens with the word is no label
    assert run([("paragraph", "Recommended reading was circulated to members.")]) == []


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


def test_anaphoric_decision_takes_the_sentence_before_or_the_item_title():
    got = run([("heading", "4. Hall Lettings Policy"),
               ("paragraph", "The Clerk proposed raising the hire charge to £12. This was agreed."),
               ("paragraph", "The policy was accepted by the Board.")])
    assert got == [("The Clerk proposed raising the hire charge to £12. This was agreed.", True),
                   ("4. Hall Lettings Policy: The policy was accepted by the Board.", True)]


def test_a_persons_undertaking_or_remark_and_another_bodys_agreement_are_no_decisions():
    doc = make_doc([("paragraph", "Jo Brett agreed to write to the school."),
                    ("paragraph", "Jo Brett agreed that the path was dangerous."),
                    ("paragraph", "Essex County Council have agreed to the closure."),
                    ("paragraph", "The scheme was approved by Cabinet."),
                    ("paragraph", "The Board agreed to adopt the plan."),
                    ("paragraph", "The budget was accepted by the Board.")], [person("Jo Brett")])
    assert [d.text for d in decisions(doc)] == ["The Board agreed to adopt the plan.",
                                                "The budget was accepted by the Board."]


def test_vote_takes_the_motion_from_the_block_before_and_proposer_joins():
    got = run([("heading", "7. Village Green"),
               ("paragraph", "The Chairman proposed a resolution that the green be fenced."),
               ("paragraph", "Voting was 4 for the resolution, 2 against."),
               ("paragraph", "The accounts were approved. Proposed by Cllr Ash and seconded by Cllr Birch.")])
    assert got == [("The Chairman proposed a resolution that the green be fenced. "
                    "Voting was 4 for the resolution, 2 against.", True),
                   ("The accounts were approved. Proposed by Cllr Ash and seconded by Cllr Birch.", True)]


def test_motions_carried_and_elections_but_not_work_carried_out():
    got = run([("paragraph", "A motion was made for the treasurer to approach the bank. And was carried."),
               ("paragraph", "Sam Lee was duly elected as Secretary."),
               ("paragraph", "The repairs were carried out in May by the contractor.")])
    assert got == [("A motion was made for the treasurer to approach the bank. And was carried.", True),
                   ("Sam Lee was duly elected as Secretary.", True)]


def test_a_motion_carried_on_a_show_of_hands_but_not_work_carried_on():
    got = run([("paragraph", "The council proposed that the number of members be reduced from 15 to 12. This "
                             "resolution was carried on a show of hands."),
               ("paragraph", "Work on the hall carried on over the summer.")])
    assert got == [("The council proposed that the number of members be reduced from 15 to 12. This resolution was "
                    "carried on a show of hands.", True)]


def test_the_bodys_own_votes_and_elections_by_vote_but_not_a_members_vote():
    got = run([("paragraph", "Members voted to accept the quotation from the contractor."),
               ("paragraph", "The Council voted unanimously against the proposal."),
               ("paragraph", "The following Directors were voted in by the membership: Ann Bell, Tom Reed."),
               ("paragraph", "Cllr Bell voted against the motion."),
               ("paragraph", "As we voted to support the county's plan, the club will back it too."),
               ("paragraph", "The Council voted on the matter last year.")])
    assert [t for t, _ in got] == ["Members voted to accept the quotation from the contractor.",
                                   "The Council voted unanimously against the proposal.",
                                   "The following Directors were voted in by the membership: Ann Bell, Tom Reed."]


def test_a_resolution_in_a_clause_after_an_adverb():
    got = run([("paragraph", "The verge is being dug up by vehicles, again it was resolved to look at this in May."),
               ("paragraph", "The verge is being dug up, again Cllr Day agreed to look at it.")])
    assert got == [("The verge is being dug up by vehicles, again it was resolved to look at this in May.", True)]


def test_the_meetings_view_or_thanks_are_weaker_decisions_but_not_one_persons():
    got = run([("paragraph", "It was felt that clogs should not be allowed on the new floor."),
               ("paragraph", "The Board thanked the auditors for the report."),
               ("paragraph", "Two fabrics were shown and the fawn colour was preferred."),
               ("paragraph", "Members felt that the hall was too cold."),
               ("paragraph", "The Chair thanked everyone for coming. Cllr Day felt that the hall was cold."),
               ("paragraph", "The Board felt privileged to have worked with him."),
               ("paragraph", "The Board thanked the speaker. In discussion the following points were made:"),
               ("list_item", "The speaker said the data could be easier to find."),
               ("list_item", "Registration should not be a condition of access.")])
    assert got == [("It was felt that clogs should not be allowed on the new floor.", False),
                   ("The Board thanked the auditors for the report.", False),
                   ("Two fabrics were shown and the fawn colour was preferred.", False),
                   ("Members felt that the hall was too cold.", False),
                   ("The Board thanked the speaker.", False)]


def test_the_bodys_stated_view_or_welcome_is_a_weaker_decision():
    got = run([("paragraph", "The Board said that the survey results should be published in full."),
               ("paragraph", "The Committee stated that it would not object to the extension."),
               ("paragraph", "The Board welcomed the progress made on the audit."),
               ("paragraph", "The Board welcomed Leon to the team."),
               ("paragraph", "Cllr Day said that the road was dangerous."),
               ("paragraph", "The Clerk stated that the accounts were in order.")])
    assert got == [("The Board said that the survey results should be published in full.", False),
                   ("The Committee stated that it would not object to the extension.", False),
                   ("The Board welcomed the progress made on the audit.", False)]


def test_a_sentence_a_page_break_cut_in_two_is_read_whole():
    # a PDF parser ends a block at the foot of a page; the sentence carries on at the top of the next
    got = run([("paragraph", "The Board agreed that the grant be paid subject to"),
               ("paragraph", "receiving the bank details."),
               ("paragraph", "Resolution 12 on the salary schedule was adopted; and"),
               ("paragraph", "(b) Resolution 13 on the fee schedule was adopted.")])
    assert got == [("The Board agreed that the grant be paid subject to receiving the bank details.", True),
                   ("Resolution 12 on the salary schedule was adopted; and", True),
                   ("(b) Resolution 13 on the fee schedule was adopted.", True)]


def test_the_body_agreeing_with_a_proposal_or_as_the_agent_of_an_acceptance():
    got = run([("list_item", "Ixworth – this application has been accepted by the Board subject to bank details."),
               ("paragraph", "Following discussion the Board agreed these proposals."),
               ("paragraph", "After some discussion the Board agreed with the proposals."),
               ("paragraph", "Cllr Day agreed with Cllr Bell."),
               ("paragraph", "The budget has been approved by Cabinet subject to review.")])
    assert got == [("Ixworth – this application has been accepted by the Board subject to bank details.", True),
                   ("Following discussion the Board agreed these proposals.", True),
                   ("After some discussion the Board agreed with the proposals.", True)]


def test_outcomes_said_alone_or_by_a_count_and_agreements_by_the_rest_of_the_body():
    [carried] = run([("paragraph", "Motion that the accounts be accepted: Proposed: Jo May Seconded: Al Day"),
                     ("paragraph", "Carried unanimously."), ("paragraph", "Carried forward to the next meeting.")])
    assert carried == ("Motion that the accounts be accepted: Proposed: Jo May Seconded: Al Day Carried unanimously.",
                       True)
    [count] = run([("paragraph", "Member Day seconded the motion which carried by a 5-0 vote.")])
    assert count == ("Member Day seconded the motion which carried by a 5-0 vote.", True)
    got = run([("paragraph", "This was unanimously agreed by the other board members."),
               ("paragraph", "The annual report was accepted by the membership."),
               ("paragraph", "The terms were discussed and the Board were in full agreement."),
               ("paragraph", "The Board formally adopted the strategy.")])
    assert got == [("This was unanimously agreed by the other board members.", True),
                   ("The annual report was accepted by the membership.", True),
                   ("The terms were discussed and the Board were in full agreement.", True),
                   ("The Board formally adopted the strategy.", True)]


def test_the_body_supporting_a_proposal_in_the_present_tense():
    got = run([("list_item", "PE kit: PFA support the suggestion of plain tops."),
               ("paragraph", "Work is under way to review and support staff on long-term leave."),
               ("paragraph", "There was support for the idea.")], body="Parents and Friends of Ayton School (PFA)")
    assert got == [("PE kit: PFA support the suggestion of plain tops.", True)]
    board = run([("paragraph", "The Board fully support the process of fine recovery."),
                 ("paragraph", "The Partnership provides oversight of and supports a range of services.")])
    assert board == [("The Board fully support the process of fine recovery.", True)]
    other = run([("paragraph", "The Council supports the 2020 Vision for Libraries.")], body="Suffolk Libraries Board")
    assert other == []


def test_another_body_named_by_its_initials_or_on_a_listed_line_decides_nothing_here():
    body = "Friends of Ayton Town Library"
    got = run([("paragraph", "NCC agreed, in principle, that the transition costs would be met."),
               ("paragraph", "FATL agreed to fund the reading trail. ALL AGREED to meet in May."),
               ("paragraph", "The AGM resolved to raise the subscription."),
               ("paragraph", "Letter from the Fire Service, resolved to file\nRural Services Network newsletter\n"
                             "Parish Clerks Weekly\nADC Planning approved for Mr & Mrs Hill, extension")], body=body)
    assert got == [("FATL agreed to fund the reading trail.", True), ("ALL AGREED to meet in May.", True),
                   ("The AGM resolved to raise the subscription.", True),
                   ("Letter from the Fire Service, resolved to file", True)]
    assert run([("paragraph", "NCC agreed to fund the trail.")]) == [("NCC agreed to fund the trail.", True)]  # no body


def test_the_body_in_agreement_but_not_one_member():
    got = run([("paragraph", "SB proposed that the Board accept the changes. All were in agreement."),
               ("paragraph", "The Board were all in agreement with the planned closure of the branch."),
               ("paragraph", "AB asked that it be minuted that she was not in agreement with this."),
               ("paragraph", "The observer and the associate are in agreement to continue the training.")])
    assert got == [("SB proposed that the Board accept the changes. All were in agreement.", True),
                   ("The Board were all in agreement with the planned closure of the branch.", True)]


def test_general_agreement_and_signing_off_by_the_body():
    got = run([("paragraph", "There was general agreement that the fun run should go ahead."),
               ("paragraph", "The Board signed off the action plan for the coming year."),
               ("paragraph", "The final accounts were signed off by the Board."),
               ("paragraph", "The specification has been signed off subject to a final challenge."),
               ("paragraph", "The accounts were signed off by the auditor in May.")])
    assert [t for t, _ in got] == ["There was general agreement that the fun run should go ahead.",
                                   "The Board signed off the action plan for the coming year.",
                                   "The final accounts were signed off by the Board."]


def test_decision_cells_of_a_table_take_the_row_as_context():
    got = run([("table", [["Clerks wages £838", "Councillors resolved to pay"],
                          ["Approved budget", "Pending"]])])
    assert got == [("Clerks wages £838: Councillors resolved to pay", True)]


def test_planning_responses_are_weaker_decisions():
    got = run([("paragraph", "3/18/1963/HH Kestrel Cottage Single storey rear extension."),
               ("paragraph", "No objection."),
               ("paragraph", "DC/17/0042/FUL 2 Mill Lane Garage conversion -- Comment re parking"),
               ("paragraph", "3/18/1694/HH 3 Chapel Lane Porch. Refused 19/9/18.")])
    assert got == [("3/18/1963/HH Kestrel Cottage Single storey rear extension. No objection.", False),
                   ("DC/17/0042/FUL 2 Mill Lane Garage conversion -- Comment re parking", False)]


def test_a_district_prefixed_reference_and_an_objection_in_a_sentence():
    got = run([("heading", "2. Planning applications"),
               ("paragraph", "P/25/0112 Extension at 4 Mill Road – No objection."),
               ("paragraph", "P/25/0140 New dwelling at Orchard Farm – The Council objects on the grounds of "
                             "overdevelopment."),
               ("heading", "3. Finance"), ("paragraph", "The Council objects to paying twice for the audit.")])
    assert got == [("P/25/0112 Extension at 4 Mill Road – No objection", False),
                   ("P/25/0140 New dwelling at Orchard Farm – The Council objects on the grounds of overdevelopment.",
                    False)]


def test_planning_responses_to_applications_without_a_full_reference():
    got = run([("heading", "7. Planning"),
               ("paragraph", "Planning application received for a barn conversion at Low Farm. (17/1046)\n"
                             "No objections raised."),
               ("paragraph", "The repair invoice (12/2015) is due. No objection came from the tenants."),
               ("heading", "8. Planning Applications:"),
               ("list_item", "Erection of a garage at 29 Forgan Drive – No Objections", "1."),
               ("list_item", "Extension at 32A Grey Street - Permitted with Conditions", "2."),
               ("heading", "9. Correspondence"),
               ("list_item", "A letter from the school – no objections to the fun run", "1.")])
    assert got == [("Planning application received for a barn conversion at Low Farm. (17/1046) No objections "
                    "raised", False), ("Erection of a garage at 29 Forgan Drive – No Objections", False)]


def test_the_bodys_response_to_an_application_in_a_sentence_of_its_own():
    got = run([("heading", "17.03.6 Planning Application 17/0110"),
               ("paragraph", "Plans for a rear extension were shown. Councillors had no objection to these plans "
                             "and support the application. Cllr Day had no objection either."),
               ("heading", "17.03.7 Finance"),
               ("paragraph", "The Council had no objection to the new bank mandate.")])
    assert got == [("Councillors had no objection to these plans and support the application.", False)]


def test_noted_points_under_a_lead_in_and_an_enumeration():
    got = run([("paragraph", "It was noted that:"),
               ("list_item", "The hall roof leaks again. A roofer has been asked to quote.", "a."),
               ("list_item", "Bookings rose by a third over the summer months. The website helped.", "b."),
               ("paragraph", "The forward plan was noted with items to cover:"),
               ("list_item", "Lettings;", "-"), ("list_item", "Funding", "-")])
    assert got == [("The hall roof leaks again. A roofer has been asked to quote.", False),
                   ("Bookings rose by a third over the summer months. The website helped.", False),
                   ("The forward plan was noted with items to cover: Lettings; Funding", False)]


def test_noted_points_bulleted_inside_the_lead_ins_block_are_each_a_decision():
    # the same points as separate blocks are each a decision (above); in one block, a line each
    got = run([("list_item", "In passing, the Board also noted that:\no The hall roof leaks again, and\n"
                             "needs to be looked at.\no Figures on lettings are not\nupdated on the website."),
               ("paragraph", "The Board welcomed the report and made the following points:\n"
                             "o Grants should be shown by ward.\no Bookings could be taken online.")])
    assert got == [
        ("In passing, the Board also noted that: The hall roof leaks again, and needs to be looked at.", False),
        ("In passing, the Board also noted that: Figures on lettings are not updated on the website.", False),
        ("The Board welcomed the report and made the following points: o Grants should be shown by ward. "
         "o Bookings could be taken online.", False)]


def test_a_short_resolution_takes_the_entry_it_closes_not_only_the_sentence_before():
    # the sentences before "Resolved to pay" that go on from their predecessor ("This ...", "Also ...")
    # lean on the entry's first line, which names what was paid; a decision already found is not taken
    got = run([("paragraph", "Hall rent of £40 for the quiz - Resolved to pay\n"
                             "Grasscutting invoice received for £612.50.\nThis is up on last year as the verges "
                             "were added. Also the contractor has raised his rates. Resolved to pay\n")])
    assert got == [("Hall rent of £40 for the quiz - Resolved to pay", True),
                   ("Grasscutting invoice received for £612.50. This is up on last year as the verges were added. "
                    "Also the contractor has raised his rates. Resolved to pay", True)]
    got = run([("paragraph", "Two quotes were received. It was agreed the lower one would be taken. "
                             "This was agreed by all.")])
    assert got[-1] == ("It was agreed the lower one would be taken. This was agreed by all.", True)


def test_a_decision_word_that_only_describes_a_noun_is_no_decision():
    # "pre-agreed" and "the area agreed for ... has not been touched": the sentence's verb is another
    assert run([("paragraph", "Games start at 7pm (or a pre-agreed time) and the clocks are then stopped.")]) == []
    assert run([("paragraph", "Some work has been done, the verge agreed for mowing next to the hall has not been "
                              "touched.")]) == []
    assert run([("paragraph", "The date agreed for the fete is no longer suitable.")]) == []
    assert run([("paragraph", "The Council agreed for the Clerk to write to the school.")]) == [
        ("The Council agreed for the Clerk to write to the school.", True)]
    assert run([("paragraph", "The Board agreed with the proposal that was put forward.")]) == [
        ("The Board agreed with the proposal that was put forward.", True)]


def test_agreement_reached_and_a_decision_made_are_the_meetings():
    for said in ("Agreement was reached that the hedge would be cut in October.",
                 "There was agreement that the hedge would be cut in October.",
                 "A decision was made to hold the fete on 4 July.",
                 "4.1 The decision was taken to close the account."):
        assert run([("paragraph", said)]) == [(said, True)], said
    for said in ("Agreement was reached with the contractor on the price.", "We are awaiting a decision from EDC.",
                 "There was no agreement on the matter.", "The tenancy agreement was signed by both parties.",
                 "The decision was made to the dismay of all present."):
        assert run([("paragraph", said)]) == [], said


def test_a_resolution_label_a_show_of_hands_and_a_counted_vote():
    assert run([("paragraph", "Resolution: The Council will not object to the application.")]) == [
        ("The Council will not object to the application.", True)]
    assert run([("paragraph", "Resolution of the dispute took months.")]) == []
    assert run([("paragraph", "Cllr Bell proposed that the hall fee rise to £15. All were in favour.")]) == [
        ("Cllr Bell proposed that the hall fee rise to £15. All were in favour.", True)]
    assert run([("paragraph", "Members voted 5 to 2 in favour of the motion.")]) == [
        ("Members voted 5 to 2 in favour of the motion.", True)]
    assert run([("paragraph", "All in favour?")]) == []


def test_a_vote_carries_the_motion_moved_and_seconded():
    """"It was moved by X and seconded by Y that ...": the motion the vote after it carries, not a proposal
    named further up."""
    got = run([("heading", "5. Allotments"),
               ("paragraph", "DECISION: The Panel supported the proposal to extend the consultation."),
               ("paragraph", "It was moved by Cllr Ames and seconded by Cllr Bell that the Council adopt the "
                             "allotment rules. On being put to the vote the motion was carried.")])
    assert got == [("The Panel supported the proposal to extend the consultation.", True),
                   ("It was moved by Cllr Ames and seconded by Cllr Bell that the Council adopt the allotment rules. "
                    "On being put to the vote the motion was carried.", True)]


def test_each_cell_of_a_decision_column_is_a_decision():
    """A minutes grid "Item | Discussion | Decision": what the Decision column says was decided, with its item
    where it is short; not a paper's purpose ("For noting") nor an empty one ("N/A")."""
    got = run([("heading", "4. Premises"),
               ("table", [["Item", "Discussion", "Decision"],
                          ["Hall hire", "The rates were last reviewed in 2009.", "Rates to rise by 5% from April"],
                          ["Mowing", "Two quotes were received.", "Green Ltd"],
                          ["Newsletter", "The spring issue is at the printers.", "For noting"],
                          ["Website", "No update this month.", "N/A"]])])
    assert got == [("Rates to rise by 5% from April", True),
                   ("Mowing - Two quotes were received. Green Ltd", True)]


def test_a_decision_word_as_the_adjective_of_a_label_over_a_list_is_no_decision():
    for label in ("Agreed actions:", "Agreed next steps:", "Approved outcomes:"):
        texts = [text for text, _ in run([("heading", "16. Dog fouling"), ("paragraph", label),
                                          ("list_item", "Manager to order the bins"),
                                          ("paragraph", "Agreed: the Chair write to local businesses.")])]
        assert texts == ["the Chair write to local businesses."], label
