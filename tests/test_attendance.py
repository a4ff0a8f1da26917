import pytest
from minutes.extract.attendance import extract_attendance
from minutes.extract.segment import segment


@pytest.fixture
def people(parse):
    return lambda text: extract_attendance(segment(parse(text))[0])


def test_two_column_table_with_label_cell_and_apology_sentence(people):
    att, apo = people("MINUTES\n\nPresent\tA. Whitlow\tNorthshire Police\n\tCllr B. Tern\tNorthshire Council\n"
                       "\tC. Lomax\tChief Executive\n\n1. WELCOME\n\n"
                       "Apologies had been received from Dara Kent, Ewan Frost and Gita Shah.\n")
    assert [p.name for p in att] == ["A. Whitlow", "B. Tern", "C. Lomax"]
    assert att[2].organisation is None and att[2].role == "Chief Executive"
    assert [p.name for p in apo] == ["Dara Kent", "Ewan Frost", "Gita Shah"]


def test_name_post_lines_roles_and_councillor_lists(people):
    att, apo = people("Minutes of the Meeting of Harbour Committee held on 3 May 2019\n\n"
                       "Present:\n\nMembers: Councillor H Ives (Chair)\nCouncillor J Knox (Deputy Chair)\n\n"
                       "Other Members: Councillors L Moss, N Orme and P Quill\n\n"
                       "Employees:\n\nR Sand, Place Directorate\n\n"
                       "Apologies: Councillors T Umber and V Wade\nRepresentatives from the Ministry of Lamps\n\n"
                       "1. Declarations\n")
    names = [p.name for p in att]
    assert names == ["H Ives", "J Knox", "L Moss", "N Orme", "P Quill", "R Sand"]
    assert att[0].role == "Chair" and att[5].organisation == "Place Directorate"
    assert [p.name for p in apo] == ["T Umber", "V Wade", "Representatives from the Ministry of Lamps"]


def test_substitutes_virtual_and_run_on_list(people):
    att, apo = people("MINUTES\n\nPRESENT: Ada Bloom (Chair), Cy Dale (Vice-Chair), Eve Fenn (virtually)\n"
                       "Cllr Gil Hart substituting for Cllr Ivo Jay\n\n"
                       "IN ATTENDANCE: Kay Lamb (Director of Parks)\n\n1. Minutes\n")
    by = {p.name: p for p in att}
    assert by["Cy Dale"].role == "Vice-Chair" and by["Eve Fenn"].virtual
    assert by["Gil Hart"].status == "substitute" and by["Gil Hart"].substitute_for == "Ivo Jay"
    assert by["Kay Lamb"].status == "in_attendance" and by["Kay Lamb"].role == "Director of Parks"
    assert apo == []


def test_org_column_against_post_and_chair_of_body(people):
    att, apo = people("Minutes of SAFER MARSHLAND – 2nd March 2012\n\nThose Present:\n"
                       "Name\tOrganisation\n"
                       "Olga Pike, Chief Executive Fenwick District Council\tChair of Safer Marshland\n"
                       "Rhys Quay, Head of Services\tFenwick CDRP\n"
                       "Apologies Given:\t\nSian Tull, Director\tMarsh Police (Vice Chair Safer Marshland)\n\n"
                       "2. Declarations\n")
    assert [(p.name, p.organisation) for p in att] == [("Olga Pike", "Fenwick District Council"),
                                                       ("Rhys Quay", "Fenwick CDRP")]
    assert [(p.name, p.organisation) for p in apo] == [("Sian Tull", "Marsh Police")]


def test_each_person_once_and_spans_point_at_the_line(parse):
    text = "MINUTES\n\nPresent:\n\nUna Vale\tWest Trust\nUna Vale\tWest Trust\n\n1. Welcome\n"
    p = parse(text)
    att, _ = extract_attendance(segment(p)[0])
    assert len(att) == 1 and p.text[att[0].span.start:att[0].span.end].startswith("Una Vale")


def test_label_per_column_table_dash_orgs_and_wrapped_list(people):
    att, apo = people("MINUTES\n\nAttendees\tOfficials\nAda Bloom (Chair) (AB)\tCy Dale (CD)\nEve Fenn (EF) 2:30\t\n"
                       "Gil Hart (GH)\tApologies\n\tIvo Jay (IJ)\n\n1. Welcome\n")
    assert [(p.name, p.status) for p in att] == [("Ada Bloom", "present"), ("Eve Fenn", "present"),
                                                 ("Gil Hart", "present"), ("Cy Dale", "in_attendance")]
    assert att[0].role == "Chair" and att[1].organisation is None and [p.name for p in apo] == ["Ivo Jay"]
    att, apo = people("MINUTES\n\nPRESENT: Kay Lamb (Chair), Mo Nash, Pat Orr,\nRay Sims, Tom\nUpton and Val Wren\n\n"
                       "Present:\nOla Grant, Hallowby Pubwatch\nCllr Ben Roe - Marsh District Council\n\n"
                       "Apologies had been received from Al Bee (Marsh Trust) and Di Cole (Fen Office).\n")
    assert [p.name for p in att][:6] == ["Kay Lamb", "Mo Nash", "Pat Orr", "Ray Sims", "Tom Upton", "Val Wren"]
    by = {p.name: p for p in att}
    assert by["Ola Grant"].organisation == "Hallowby Pubwatch" and "Hallowby Pubwatch" not in by
    assert by["Ben Roe"].organisation == "Marsh District Council"
    assert [(p.name, p.organisation) for p in apo] == [("Al Bee", "Marsh Trust"), ("Di Cole", "Fen Office")]


def test_virtual_attendance_sentence_marks_listed_people(people):
    att, _ = people("MINUTES\n\nPRESENT: Ada Bloom (Chair), Cy Dale, Eve Fenn and Gil Hart\n\n"
                     "Apologies\n\nCy Dale and Eve Fenn were in attendance virtually.\n\n"
                     "Ivo Jay attended the meeting via Teams.\n\n1. Minutes\n")
    by = {p.name: p for p in att}
    assert by["Cy Dale"].virtual and by["Eve Fenn"].virtual and not by["Ada Bloom"].virtual
    assert by["Ivo Jay"].virtual and by["Ivo Jay"].status == "present"


def test_absent_labels_after_a_bullet_close_the_list(people):
    att, apo = people("MINUTES\n\no Trustees Present: Ada Bloom, Cy Dale, Eve Fenn\n"
                       "o Others Present: Gil Hart (MDC), Ivo Jay (MDC), Kay\nLamb (Parks Trust)\n"
                       "o Trustees Absent: Lee Moss, Nia Orr\n\n1. Minutes\n")
    assert [p.name for p in att] == ["Ada Bloom", "Cy Dale", "Eve Fenn", "Gil Hart", "Ivo Jay", "Kay Lamb"]
    assert att[5].organisation == "Parks Trust" and apo == []


def test_layout_table_label_row_and_apologies_in_a_minute_row(people):
    att, apo = people("BOARD MINUTES\n\nDate\t\t3 May 2021\t\nAttendees\t\tAda Bloom, Cy Dale (Chair), Eve Fenn\t\n"
                       "Invited\t\tGil Hart (Head of Finance)\t\n"
                       "1.\tWelcome: Apologies were received from Eve Fenn and Gil Hart.\t\n")
    assert [p.name for p in att] == ["Ada Bloom", "Cy Dale"]
    assert [(p.name, p.role) for p in apo] == [("Eve Fenn", None), ("Gil Hart", "Head of Finance")]


def test_cells_of_names_with_posts_and_tags_in_apologies(people):
    att, apo = people("MINUTES\n\nPresent:\tAda Bloom, Treasurer\tCy Bloom, Bookings Secretary\n\n"
                       "1. Apologies: Eve Fenn, Gil Hart, PC, Ivo Jay.\n")
    assert [(p.name, p.role) for p in att] == [("Ada Bloom", "Treasurer"), ("Cy Bloom", "Bookings Secretary")]
    assert [p.name for p in apo] == ["Eve Fenn", "Gil Hart", "Ivo Jay"]


def test_role_words_between_names_in_a_run_on_present_line(people):
    att, _ = people("MINUTES\n\nPresent\nCouncillors A Bell (Chair), C Dunn & E Fox Clerk G Hill "
                     "Mr J Kay as Footpaths Warden\n\n1. Minutes\n")
    assert [(p.name, p.role) for p in att] == [("A Bell", "Chair"), ("C Dunn", None), ("E Fox", None),
                                               ("G Hill", "Clerk"), ("J Kay", "Footpaths Warden")]


def test_semicolon_labels_and_initials_after_each_name(people):
    att, apo = people("MINUTES\n\nPresent; Ada Bloom, Chair (AB), Cy Dale (CD), Eve\nFenn (EF), Gil\nHart (GH)\n\n"
                       "Apologies; Ivo Jay\n\n1. Minutes\n")
    assert [(p.name, p.initials) for p in att] == [("Ada Bloom", "AB"), ("Cy Dale", "CD"), ("Eve Fenn", "EF"),
                                                   ("Gil Hart", "GH")]
    assert att[0].role == "Chair" and [p.name for p in apo] == ["Ivo Jay"]


def test_initials_part_names_without_commas_and_letters_after_a_capital(people):
    att, _ = people("MINUTES\n\nPresent: Dr Ada Bloom, Chairman (AB). Cy Dale (CD) Ann Hope, Treasurer (AHop) "
                     "Al Holt (AHol) Kim Lee (KL) - Vice-Chair, Bo Ng (BN) (Minuting)\n\n1. Minutes\n")
    by = {p.name: p for p in att}
    assert list(by) == ["Ada Bloom", "Cy Dale", "Ann Hope", "Al Holt", "Kim Lee", "Bo Ng"]
    assert (by["Ann Hope"].initials, by["Ann Hope"].role, by["Al Holt"].initials) == ("AHop", "Treasurer", "AHol")
    assert by["Kim Lee"].role == "Vice-Chair" and by["Bo Ng"].role == "Minuting" and by["Ada Bloom"].role == "Chairman"


def test_a_bracket_that_is_no_initials_stays_an_organisation_and_member_markers_go(people):
    att, _ = people("MINUTES\n\nPresent: Ada Bloom (M), Cy Dale (NTC), Eve Fenn, Gil Hart (M)\n\n1. Minutes\n")
    assert [(p.name, p.organisation, p.initials) for p in att] == [
        ("Ada Bloom", None, None), ("Cy Dale", "NTC", None), ("Eve Fenn", None, None), ("Gil Hart", None, None)]


def test_header_table_item_row_label_and_apologies_of_listed_people(people):
    att, apo = people("CLUB MINUTES\n\nLocation:\tRoom 4\nAttendees:\tAda Bloom (AB) (Chairing), Cy Dale (CD), "
                       "Eve Fenn, Matthew Quill\n\n1\tApologies\tAB\n\n"
                       "Apologies received from Gil Hart, Eve Fenn and Matty Quill.\n\n2\tMinutes\tAB\n")
    assert [p.name for p in att] == ["Ada Bloom", "Cy Dale"]
    assert [p.name for p in apo] == ["Eve Fenn", "Matthew Quill", "Gil Hart"]
    att, apo = people("MINUTES\n\nPresent - Ada Bloom, Cy Dale, Ivo Jay\n\n2\tApologies\n\nEve Fenn\n\n3\tMinutes\n\n"
                       "The minutes were agreed.\n")
    assert [p.name for p in apo] == ["Eve Fenn"] and len(att) == 3


def test_organisation_sub_headings_under_a_label(people):
    att, apo = people("MINUTES\n\n# Those present West Fen Trust\n\nAda Bloom, Chair\nCy Dale, Support Officer\n\n"
                       "# Parks Partners\n\nEve Fenn, Head of Parks\n\n# Apologies\n\nGil Hart, Clerk\n\n"
                       "# 1. Welcome\n\nThe Chair welcomed everyone.\n")
    assert [(p.name, p.organisation, p.category) for p in att] == [
        ("Ada Bloom", "West Fen Trust", "West Fen Trust"), ("Cy Dale", "West Fen Trust", "West Fen Trust"),
        ("Eve Fenn", None, "Parks Partners")]
    assert [(p.name, p.role) for p in apo] == [("Gil Hart", "Clerk")]


def test_posts_printed_as_labels_before_their_holders(people):
    att, _ = people("MINUTES\n\nPresent:\tChair: Mr A Bell : Secretary: Mrs C Dunn: Treasurer: Mr E Fox/ Ms G Hill\n"
                     "Mrs J Kay, Messrs L Moss ,N Orme\n\nIn Attendance: Councillor P Quill- Rowe\n\n1. Minutes\n")
    assert [(p.name, p.role) for p in att] == [("A Bell", "Chair"), ("C Dunn", "Secretary"), ("E Fox", "Treasurer"),
                                               ("G Hill", "Treasurer"), ("J Kay", None), ("L Moss", None),
                                               ("N Orme", None), ("P Quill-Rowe", None)]


def test_chair_label_group_line_and_names_without_commas(people):
    att, _ = people("MINUTES\n\nIn the chair : Ada Bloom\n\nPresent: Members\nAda Bloom, Cy Dale, Eve Fenn\n\n"
                     "1) Welcome\n")
    assert [(p.name, p.role) for p in att] == [("Ada Bloom", "Chair"), ("Cy Dale", None), ("Eve Fenn", None)]
    att, _ = people("MINUTES\n\nPresent\nCouncillors A Bell (Chair) C Dunn, E Fox and\nG Hill Clerk J Kay\n\n"
                     "1. Minutes\n")
    assert [p.name for p in att] == ["A Bell", "C Dunn", "E Fox", "G Hill", "J Kay"]


def test_members_of_the_public_counted_or_named(people):
    att, _ = people("MINUTES\n\nPresent: Cllr A Bell\nMembers of the Public - Two Members\n\n1. Minutes\n")
    assert [(p.name, p.status, p.category) for p in att][1:] == [
        ("Members of the Public", "in_attendance", "Members of the Public")]
    att, _ = people("MINUTES\n\nPresent: Cllr A Bell\nMembers of the Public - One\n\n1. Minutes\n")
    assert [p.name for p in att] == ["A Bell", "Member of the Public"]
    att, _ = people("MINUTES\n\nPresent: Cllr A Bell\nMembers of the Public - None\n\n1. Minutes\n")
    assert [p.name for p in att] == ["A Bell"]
    att, _ = people("MINUTES\n\nPresent: Cllr A Bell\nMembers of the Public - Mr & Mrs Dunn and Mr E Fox\n\n"
                     "1. Minutes\n")
    assert [(p.name, p.status) for p in att] == [("A Bell", "present"), ("Dunn", "in_attendance"),
                                                 ("E Fox", "in_attendance")]


def test_apologies_each_with_an_organisation_after_a_dash(people):
    _, apo = people("MINUTES\n\n2. Apologies for Absence\n\nAda Bloom – Northtown, Cy Dale – Southtown\nLibrary, "
                     "Eve Fenn – MP for Fenland and East Marsh, Gil Hart- Parks Trust and Ivo Jay - Westmere\n\n"
                     "3. Minutes\n")
    assert [(p.name, p.organisation) for p in apo] == [
        ("Ada Bloom", "Northtown"), ("Cy Dale", "Southtown Library"), ("Eve Fenn", "MP for Fenland and East Marsh"),
        ("Gil Hart", "Parks Trust"), ("Ivo Jay", "Westmere")]


def test_a_list_cut_across_blocks_runs_on(people):
    att, _ = people("MINUTES\n\nFeaturing:\tAda Bloom, Cy Dale, Eve\n\nFenn, Gil Hart\nGuest Appearance: Ivo Jay\n\n"
                     "1\tApologies\n")
    assert [(p.name, p.status) for p in att] == [("Ada Bloom", "present"), ("Cy Dale", "present"),
                                                 ("Eve Fenn", "present"), ("Gil Hart", "present"),
                                                 ("Ivo Jay", "in_attendance")]


def test_surname_only_apologies_and_apologies_sent_resolve_to_listed_members(people):
    att, apo = people("MINUTES\n\nPRESENT: Cllrs A Bell (Chairman), C Dunn, E Fox and G Hill\n\n"
                       "1. APOLOGIES\n\nApologies were received from Cllrs Dunn and Quill.\n\n"
                       "Ivo Jay sent his apologies.\n\n2. MINUTES\n")
    assert [p.name for p in att] == ["A Bell", "E Fox", "G Hill"]
    assert [p.name for p in apo] == ["C Dunn", "Quill", "Ivo Jay"]
    _, apo = people("MINUTES\n\n# 1. Welcome and Apologies\n\nCllr Ada Bloom, Cy Dale, Eve Fenn\n\n# 2. Minutes\n\n"
                     "Agreed.\n")
    assert [p.name for p in apo] == ["Ada Bloom", "Cy Dale", "Eve Fenn"]


def test_a_grid_of_names_with_initials_is_read_column_by_column(people):
    att, _ = people("MINUTES\n\nPresent\nAda Bloom (AB)\tCy Dale (CD)\nEve Fenn (EF)\tGil Hart (GH)\n\n1. Minutes\n")
    assert [(p.name, p.initials) for p in att] == [("Ada Bloom", "AB"), ("Eve Fenn", "EF"), ("Cy Dale", "CD"),
                                                   ("Gil Hart", "GH")]


def test_moderngov_labels_keep_their_category(people):
    att, apo = people("MINUTES\n\nPRESENT: Councillor A Bell (Chair), Councillor C Dunn\n\n"
                       "ALSO PRESENT: Councillor E Fox\n\n"
                       "IN ATTENDANCE: Mr G Hill (Head of Law) and Ms J Kay (Democratic Services Officer)\n\n"
                       "IN ATTENDANCE VIRTUALLY: Mr L Moss (Finance Manager)\n\nUNRESTRICTED ITEMS\n\n"
                       "1. Apologies\n\nApologies were received from Councillor N Orme.\n")
    assert [(p.name, p.status, p.category) for p in att] == [
        ("A Bell", "present", "PRESENT"), ("C Dunn", "present", "PRESENT"),
        ("E Fox", "in_attendance", "ALSO PRESENT"), ("G Hill", "in_attendance", "IN ATTENDANCE"),
        ("J Kay", "in_attendance", "IN ATTENDANCE"), ("L Moss", "in_attendance", "IN ATTENDANCE VIRTUALLY")]
    assert att[-1].virtual and att[3].role == "Head of Law" and [p.name for p in apo] == ["N Orme"]


def test_the_public_counted_at_the_head_of_a_list_and_a_post_before_its_holder(people):
    att, _ = people("MINUTES\n\nPRESENT: Cllrs R Bell (Chairman), D Dunn and J Fox\n\n"
                     "In attendance: 1 elector (for part of the meeting) and the clerk, Mr G Hill\n\n100. APOLOGIES\n")
    assert [(p.name, p.status, p.role) for p in att][3:] == [("Member of the Public", "in_attendance", None),
                                                            ("G Hill", "in_attendance", "clerk")]


def test_titled_names_run_together_and_councillors_of_other_tiers(people):
    att, apo = people("MINUTES\n\nPresent: Cllr N Bell (Chairman) Cllr A Dunn (Vice Chairman) Cllrs Fox, Mrs Hill and "
                       "Ms Kay\nIn Attendance: District Cllr Moss\n\n"
                       "Apologies for Absence: Cllr Mrs Orme, District Cllr Pike and County Cllr Mrs Quill\n\n"
                       "1. Minutes\n")
    assert [(p.name, p.role) for p in att] == [("N Bell", "Chairman"), ("A Dunn", "Vice Chairman"), ("Fox", None),
                                               ("Hill", None), ("Kay", None), ("Moss", None)]
    assert [p.name for p in apo] == ["Orme", "Pike", "Quill"]


def test_roll_call_with_plural_titles_surnames_and_a_count(people):
    att, apo = people("MINUTES OF THE REGULAR MEETING\nTUESDAY APRIL 18, 2006\n\n"
                      "ROLL CALL – Present: Councilmembers Abbot, deVere, Moss, and Mayor Quill – 4.\n\n"
                      "Absent: Vice Mayor Gale – 1.\n\nAGENDA CHANGES\n\nNone.\n")
    assert [(p.name, p.role) for p in att] == [("Abbot", None), ("deVere", None), ("Moss", None), ("Quill", "Mayor")]
    assert apo == []  # absent, with no apologies sent
    # "Members of the Public - Two Members": a count after the label, not a second label
    att, _ = people("Minutes of the Parish Council 3 July 2018\n\nPresent\n\nCouncillors A Bell (Chair) and C Dunn\n"
                    "Members of the Public - Two Members\n\n1. Apologies\n")
    assert [p.name for p in att] == ["A Bell", "C Dunn", "Members of the Public"]


def test_roll_call_of_a_real_council(shared):
    from minutes.extract.extractor import extract_file
    path = shared / "corpus" / "wild" / "us_alameda_city-council_minutes_2006-04-18.pdf"
    docs = extract_file(path, ocr="never").documents
    # the regular meeting, the closed session (no roll call printed), the commission, the joint meeting
    assert [len(d.attendees) for d in docs] == [4, 0, 4, 4]
    assert [p.name for p in docs[0].attendees] == ["Daysog", "deHaan", "Matarrese", "Johnson"]
    assert all(d.apologies == [] for d in docs)


def test_roll_call_cell_before_a_present_cell(people):
    att, apo = people("Minutes of the Library Board Meeting March 11, 2009\n\n"
                      "ROLL CALL\tPresent:\tAnn Bell, President\n\nCarl Dunn, Vice President\nEve Fox, Board Member\n\n"
                      "Absent:\tNone\n\nCONSENT CALENDAR\n")
    assert [(p.name, p.role) for p in att] == [("Ann Bell", "President"), ("Carl Dunn", "Vice President"),
                                               ("Eve Fox", "Board Member")]
    assert apo == []


def test_a_group_label_inside_the_present_line_and_two_posted_people_joined_by_and(people):
    att, _ = people("MINUTES OF THE REGULAR MEETING\n\nPresent: Chair Ada Quill Trustees: Ben Rook, Cy Sable and\n"
                    "Di Tarn.\n\nStaff: Ed Umber, Controller, Finance and Flo Vane, Technician, Human Resources\n\n"
                    "1. MINUTES\n")
    assert [p.name for p in att] == ["Ada Quill", "Ben Rook", "Cy Sable", "Di Tarn", "Ed Umber", "Flo Vane"]
    assert att[0].role == "Chair" and att[1].category == "Trustees"
    assert (att[4].role, att[4].organisation) == ("Controller", "Finance")


def test_a_post_after_a_name_runs_into_the_next_name(people):
    att, _ = people("Minutes of the Hall Committee held on 8 October 2013\n\n"
                    "Present: Dee Marsh, Secretary Tom Reed (Chairperson)\n\n1. Apologies\n\nNone.\n")
    assert [(p.name, p.role) for p in att] == [("Dee Marsh", "Secretary"), ("Tom Reed", "Chairperson")]
    att, _ = people("Minutes of the Hall Committee held on 8 October 2013\n\n"
                    "Present: Dee Marsh, Chair, Tom Reed\n\n1. Apologies\n\nNone.\n")
    assert [(p.name, p.role) for p in att] == [("Dee Marsh", "Chair"), ("Tom Reed", None)]
    att, _ = people("Minutes of the Hall Committee held on 8 October 2013\n\n"
                    "Present: Dee Marsh, Hallowby Pubwatch\n\n1. Apologies\n\nNone.\n")
    assert [(p.name, p.organisation) for p in att] == [("Dee Marsh", "Hallowby Pubwatch")]


def test_initials_of_an_organisation_after_a_name(people):
    att, apo = people("Minutes\n\nPresent: Councillors A Bell (Chair), C Dunn\n\n"
                      "1. Apologies\nE Fox WDC and G Hill\n\n2. Minutes\n")
    assert [(p.name, p.organisation) for p in apo] == [("E Fox", "WDC"), ("G Hill", None)]
    # a post-nominal is no organisation
    att, apo = people("Minutes\n\nPresent: Ann Lee MP, Cy Dunn and Di Fox\n\n1. Minutes\n")
    assert [p.organisation for p in att] == [None, None, None] and att[1].name == "Cy Dunn"


def test_the_office_of_a_post_is_an_organisation_not_a_post(people):
    # "Cabinet" and "Mayor" are posts, but "Cabinet Office" is a department
    att, _ = people("Minutes of the Lantern Board held on 3 May 2019\n\nPresent:\n"
                    "Ada Quince (Cabinet Office)\nBen Rook, the Mayor's Office\nCal Sorrel, Cabinet Member\n"
                    "Dee Tansy, Chief Executive Westshire Council\n\n1. Welcome\n")
    assert [(p.name, p.role, p.organisation) for p in att] == [
        ("Ada Quince", None, "Cabinet Office"), ("Ben Rook", None, "the Mayor's Office"),
        ("Cal Sorrel", "Cabinet Member", None), ("Dee Tansy", "Chief Executive Westshire Council", "Westshire Council")]


def test_who_was_present_on_the_lines_before_an_apology_sentence(people):
    att, apo = people("Minutes of the Lantern Board held on 3 May 2019\n\n"
                      "Present: Ann Bell, Carl Dunn, Eve Finn\n"
                      "Apologies for absence were received from Gary Hart and Ian Jones.\n\n1. Welcome\n")
    assert [p.name for p in att] == ["Ann Bell", "Carl Dunn", "Eve Finn"]
    assert [p.name for p in apo] == ["Gary Hart", "Ian Jones"]


def test_a_police_community_support_officer_and_a_canon_are_titles_before_a_name(people):
    att, _ = people("Minutes of the Lantern Parish Council held on 3 May 2019\n\n"
                    "Present: Ann Bell, Carl Dunn, PCSO Kim Lowe, Canon Rita Moss\n\n1. Welcome\n")
    assert [(p.name, p.organisation) for p in att] == [("Ann Bell", None), ("Carl Dunn", None), ("Kim Lowe", None),
                                                        ("Rita Moss", None)]


def test_the_public_counted_at_the_end_of_a_list_is_no_part_of_the_last_person(people):
    att, _ = people("Minutes of the Lantern Parish Council held on 3 May 2019\n\n"
                    "Present: Ann Bell, Carl Dunn, Eve Finn\n"
                    "In attendance: Mrs J King (Clerk) and 3 members of the public.\n\n1. Welcome\n")
    assert sorted((p.name, p.role) for p in att if p.status == "in_attendance") == [
        ("J King", "Clerk"), ("Members of the Public", None)]


def test_the_public_counted_inside_a_list_and_an_item_note_in_a_post(people):
    att, _ = people("Minutes of the Lantern Parish Council held on 3 May 2019\n\n"
                    "Present: Ann Bell, Carl Dunn\n"
                    "In attendance: Mrs J King (Clerk and RFO), 3 members of the public, District Cllr A Fenwick, "
                    "Mr S Hale (Deputy Headteacher, for item 5)\n\n1. Welcome\n")
    assert sorted((p.name, p.role, p.organisation) for p in att if p.status == "in_attendance") == [
        ("A Fenwick", None, None), ("J King", "Clerk and RFO", None), ("Members of the Public", None, None),
        ("S Hale", "Deputy Headteacher", None)]


def test_a_substitute_named_in_the_apology_sentence_attended(people):
    att, apo = people("Minutes of the Lantern Panel held on 3 May 2019\n\nMembers present: Cllr Ann Bell\n\n"
                      "1. Apologies\nApologies were received from Councillor Ed Pryce; Councillor Ian Jones attended "
                      "as his substitute.\n\n2. Minutes\nApologies were received from Cllr Kay Lamb; Cllr Mo Reid "
                      "attended the meeting.\n")
    assert [p.name for p in apo] == ["Ed Pryce", "Kay Lamb"]
    assert [(p.name, p.status) for p in att] == [("Ann Bell", "present"), ("Ian Jones", "substitute")]


def test_a_two_column_table_of_labels_and_names_goes_on_below_its_label(people):
    att, apo = people("Minutes of the Lantern Board held on 3 May 2019\n\n"
                      "Attendees\tSara Quayle (SQ) – Riverton Council (Chair)\n\tTim Hurst (TH) – Public Health\n"
                      "\tNadia Bello (NB) – Voluntary Action\nApologies\tWendy Fox (WF) – Housing\n\n1. Welcome\n")
    listed = {p.name: (p.status, p.organisation) for p in att + apo}
    assert listed == {"Sara Quayle": ("present", "Riverton Council"), "Tim Hurst": ("present", "Public Health"),
                      "Nadia Bello": ("present", "Voluntary Action"), "Wendy Fox": ("apologies", "Housing")}


def test_apologies_from_a_colon_or_there_were_and_an_also_attending_label(people):
    att, apo = people("Minutes of the Lantern Parish Council held on 3 May 2019\n\nPresent: Cllr Ann Bell\n"
                      "Also attending: Vera Ellis (Clerk)\n\n1. Apologies\nApologies for absence were received and "
                      "accepted from: Cllr D Eve, Cllr F Gee\n\n2. Minutes\nThere were apologies from Cllr W Xu.\n")
    assert [p.name for p in apo] == ["D Eve", "F Gee", "W Xu"]
    assert [(p.name, p.role, p.status) for p in att] == [("Ann Bell", None, "present"),
                                                         ("Vera Ellis", "Clerk", "in_attendance")]


def test_two_names_each_with_a_post_in_brackets_are_two_people(people):
    _, apo = people("Minutes of the Lantern Board held on 3 May 2019\n\nPresent: Olivia Grant\n"
                    "Apologies: Ian Moss (Medical Director), Tara Quinn (Head of Contracting)\n\n1. Welcome\n")
    assert [(p.name, p.organisation) for p in apo] == [("Ian Moss", None), ("Tara Quinn", None)]


def test_two_names_each_opening_with_a_given_name_are_two_people(people):
    # the rule for one person and an organisation ("Olivia Grant, Hallowby Pubwatch") holds otherwise
    att, apo = people("Minutes of the Lantern Board held on 3 May 2019\n\nPresent: Olivia Grant, Hallowby Pubwatch\n"
                      "Apologies: Ann Bell, Carl Dunn\n\n1. Welcome\n")
    assert [(p.name, p.organisation) for p in att] == [("Olivia Grant", "Hallowby Pubwatch")]
    assert [(p.name, p.organisation) for p in apo] == [("Ann Bell", None), ("Carl Dunn", None)]


def test_apologies_received_and_accepted(people):
    _, apo = people("Minutes of the Lantern Parish Council held on 3 May 2019\n\nPresent: Ann Bell, Carl Dunn, Eve Finn\n\n"
                    "Apologies were received and accepted from Cllr Ian Jones (work commitments) and Cllr Kim Lowe "
                    "(illness).\n\n1. Welcome\n")
    assert [p.name for p in apo] == ["Ian Jones", "Kim Lowe"]


def test_chief_opens_a_post_after_a_comma_and_a_rank_before_a_name(people):
    att, _ = people("Minutes of the Trust Board\n\nPresent:\nDr Ivo Quarrie, Chief Executive\n"
                    "Ms Ada Tranmer, Chief Nurse\nChief Supt Hal Greave\n\n1. Welcome\n")
    assert [(p.name, p.role) for p in att] == [("Ivo Quarrie", "Chief Executive"), ("Ada Tranmer", "Chief Nurse"),
                                               ("Hal Greave", None)]


def test_posts_printed_before_their_holders_in_brackets(people):
    att, _ = people("MINUTES\n\nPRESENT: Councillor J Wharf (Chairman)\n\n"
                    "Officers in attendance: Head of Planning (R Kenning), Legal Advisor (Mrs S Marl) and "
                    "Democratic Services Officer (T Lowry).\n\n45. MINUTES\n")
    assert [(p.name, p.role, p.status) for p in att] == [
        ("J Wharf", "Chairman", "present"), ("R Kenning", "Head of Planning", "in_attendance"),
        ("S Marl", "Legal Advisor", "in_attendance"), ("T Lowry", "Democratic Services Officer", "in_attendance")]


def test_apologies_under_an_item_line_of_their_block_with_reasons_and_acceptance(people):
    _, apo = people("Minutes of the Parish Council\n\nPresent: Cllrs D Ashby (Chair), B Fenn\n\n"
                    "23/01 Apologies for absence\nCllr T Whitby (work commitments) and Cllr G Sand (illness). "
                    "Apologies accepted.\n\n23/02 Declarations of interest\nNone.\n")
    assert [(p.name, p.organisation) for p in apo] == [("T Whitby", None), ("G Sand", None)]
    _, apo = people("Minutes\n\nApologies: Cllr Whitby - work; Cllr Sand - illness. "
                    "Resolved to accept the reasons given.\n\n1. Minutes\n")
    assert [(p.name, p.organisation) for p in apo] == [("Whitby", None), ("Sand", None)]


def test_apologies_received_and_consented(people):
    _, apo = people("Minutes of the Governing Board\n\nWelcome and apologies\n\n"
                    "Apologies were received and consented from Ruth Kemp. Dan Fogg did not send apologies.\n")
    assert [p.name for p in apo] == ["Ruth Kemp"]


def test_a_post_in_brackets_after_an_organisation_is_the_persons(people):
    att, _ = people("Notes of the Partnership\n\nAttendees:\nLinda Marr (LM) - Eastvale Borough Council (Chair)\n"
                    "Rob Keel (RK) - Fire and Rescue Service\n\n1. Introductions\n")
    assert [(p.name, p.role, p.organisation) for p in att] == [
        ("Linda Marr", "Chair", "Eastvale Borough Council"), ("Rob Keel", None, "Fire and Rescue Service")]


def test_a_table_with_a_role_column_and_an_organisation_column(people):
    att, _ = people("Minutes of the Health Board\n\nMembers present\n\n"
                    "| Name | Role | Organisation |\n|---|---|---|\n"
                    "| Cllr Jo Penn | Chair | Westmere Council |\n"
                    "| Dr Mark Oyel | Vice Chair | Westmere Care Board |\n"
                    "| Fay Aldred | Director of Public Health | Westmere Council |\n\n1. Minutes\n")
    assert [(p.name, p.role, p.organisation) for p in att] == [
        ("Jo Penn", "Chair", "Westmere Council"), ("Mark Oyel", "Vice Chair", "Westmere Care Board"),
        ("Fay Aldred", "Director of Public Health", "Westmere Council")]


def test_an_initialled_list_after_its_label_runs_on_over_a_wrapped_name(people):
    att, _ = people("Minutes of the Trustees\n\nPresent: Aya Mirren (AM) Chair, Ben Tuck (BT) Treasurer, Carol\n"
                    "Fenn (CF), Dec Roper (DR)\n\n1. Finance\n")
    assert [(p.name, p.role) for p in att] == [("Aya Mirren", "Chair"), ("Ben Tuck", "Treasurer"),
                                               ("Carol Fenn", None), ("Dec Roper", None)]


def test_apologies_with_their_reasons_after_dashes_in_sentences(people):
    _, apo = people("Minutes of the Parish Council\n\n# 23/041 To receive apologies for absence\n\n"
                    "Cllr S Quill - holiday. Cllr D Inch - family commitment.\n\n# 23/042 Public participation\n")
    assert [(p.name, p.organisation) for p in apo] == [("S Quill", None), ("D Inch", None)]


def test_a_note_that_someone_came_late_or_left_ends_the_list(people):
    att, apo = people("Minutes of the Parish Council\n\nPresent: Ann Bell (Chair), Carl Dunn, Gus Hale. Cllr Ivy Jay "
                      "joined the meeting at 7.40pm.\n\nApologies: Cllr A Smith, Cllr B Jones; Cllr C Brown arrived "
                      "at 7.45pm.\n\n1. Minutes\n")
    assert [(p.name, p.role, p.organisation) for p in att] == [("Ann Bell", "Chair", None), ("Carl Dunn", None, None),
                                                               ("Gus Hale", None, None)]
    assert [(p.name, p.role) for p in apo] == [("A Smith", None), ("B Jones", None)]


def test_a_post_after_a_dash_then_an_organisation_that_reads_like_a_name(people):
    # a partnership's list, "Name – Post, Organisation": the organisation has no word saying it is one
    lines = {"Jo Rimmer – Director of Place, Harbourside ICB (Chair)": [
                 ("Jo Rimmer", "Director of Place; Chair", "Harbourside ICB")],
             "Dr Kate Lyle – Clinical Director, Coastal PCN": [("Kate Lyle", "Clinical Director", "Coastal PCN")],
             "Simon Ward – Chief Executive, Harbourside Voluntary Action": [
                 ("Simon Ward", "Chief Executive", "Harbourside Voluntary Action")],
             "Ann Bell – Chair, Carl Dunn, Dave Eve": [  # given names after the post: a list
                 ("Ann Bell", "Chair", None), ("Carl Dunn", None, None), ("Dave Eve", None, None)]}
    att, _ = people("Place Partnership Board\nNotes of meeting held on 3 October 2023\n\nAttendees:\n"
                    + "\n".join(lines) + "\n\nItem 1 – Welcome\n")
    assert [(p.name, p.role, p.organisation) for p in att] == [t for want in lines.values() for t in want]


def test_a_clerk_label_and_posts_written_as_initials(people):
    att, _ = people("Community Council\n\nMinutes of the meeting held on 9 September 2024\n\n"
                    "Present: Cllr Gwen Roberts (Chair), Cllr Iwan Price\nClerk: Mrs Eleri Jones\n\n"
                    "In attendance: Tom Barraclough, CEO (TB); Nadia Shah, Governance Professional (NS)\n\n"
                    "1. Apologies\n")
    assert [(p.name, p.role, p.organisation) for p in att] == [
        ("Gwen Roberts", "Chair", None), ("Iwan Price", None, None), ("Eleri Jones", "Clerk", None),
        ("Tom Barraclough", "CEO", None), ("Nadia Shah", "Governance Professional", None)]


def test_joint_board_lists_attended_label_bracketed_post_and_organisation_and_the_press(people):
    att, _ = people("Integration Joint Board\n\nMinute of Meeting held on 26 February 2025\n\n"
                    "Voting Members Present:\nCouncillor Fiona MacLeod (Chair), Glenshiel Council\n\n"
                    "Non-Voting Members Present:\nMr Iain Munro, Chief Officer\n\n1. Declarations\n")
    assert [(p.name, p.role, p.organisation) for p in att] == [
        ("Fiona MacLeod", "Chair", "Glenshiel Council"), ("Iain Munro", "Chief Officer", None)]
    att, _ = people("Residents' Association\nCommittee meeting – minutes 4 March 2025\n\n"
                    "Attended: Dave Okoro (chair), Gina Ford, Sam Patel\n"
                    "Guests: PC Tom Reilly (Safer Neighbourhood Team), Lucy Wren (Housing Officer, Elmfield Homes)\n"
                    "In attendance: Town Clerk (Mrs V Irving), 6 members of the public, 1 member of the press\n\n"
                    "1. Previous minutes\n")
    by = {p.name: (p.role, p.organisation) for p in att}
    assert by.pop("Tom Reilly") == (None, "Safer Neighbourhood Team")  # a team is no post
    assert by.pop("Lucy Wren") == ("Housing Officer", "Elmfield Homes")
    assert by.pop("V Irving") == ("Town Clerk", None) and "Members of the Public" in by  # the press counts no one
    assert sorted(by) == ["Dave Okoro", "Gina Ford", "Members of the Public", "Sam Patel"]


def test_a_title_at_a_line_end_goes_on_to_the_name_below(people):
    att, _ = people("Scrutiny Panel\n\nMinutes of the meeting held on 19 November 2024\n\n"
                    "Co-opted Members: Mr Graham Hale (Church of England Diocese), Mrs\n"
                    "Anita Roy (Parent Governor Representative)\n"
                    "Attendees: Corinne Garvie, District Council, ward councillor\nAnnie Jackson, Residents Association\n\n"
                    "1. Apologies\n")
    assert [(p.name, p.organisation) for p in att] == [
        ("Graham Hale", "Church of England Diocese"), ("Anita Roy", None),
        ("Corinne Garvie", "District Council, ward councillor"), ("Annie Jackson", "Residents Association")]


def test_staff_in_attendance_and_a_bracket_giving_post_and_organisation(people):
    att, apo = people("Harbour Lights Hospice\nMinutes of the Board of Trustees\n\n"
                      "Trustees present: Helen Marsh (Chair), Colin Price (Treasurer)\n"
                      "Staff in attendance: Mark Lyons (Chief Executive), Priya Das (Director of Care)\n"
                      "Board Members: Cllr Beth Lowry (Leader, Northvale County Council), Andrew Hale (Chair, "
                      "private sector), Luke Morris (Larking Gowen, item 3 only)\n"
                      "Apologies: Professor Linda Shah (Vice-Chancellor, University of Northvale)\n\n1. Welcome\n")
    assert [(p.name, p.status, p.role, p.organisation) for p in att[2:]] == [
        ("Mark Lyons", "in_attendance", "Chief Executive", None),
        ("Priya Das", "in_attendance", "Director of Care", None),
        ("Beth Lowry", "present", "Leader", "Northvale County Council"), ("Andrew Hale", "present", "Chair", None),
        ("Luke Morris", "present", None, "Larking Gowen")]
    assert [(p.name, p.role, p.organisation) for p in apo] == [
        ("Linda Shah", "Vice-Chancellor", "University of Northvale")]


def test_a_list_wrapped_before_the_public_counted_or_inside_a_bracket_goes_on(people):
    # as a PDF wraps the lines: the public counted opens the next line, a post's bracket breaks over two
    att, _ = people("Town Council\n\nMinutes of the Full Council Meeting held on 15 January 2025\n\n"
                    "In attendance: Town Clerk (Mrs V Irving), Deputy Town Clerk (Mr W Jarvis),\n"
                    "6 members of the public, 1 member of the press\n"
                    "Guests: PC Tom Reilly (Safer Neighbourhood Team), Lucy Wren (Housing\n"
                    "Officer, Elmfield Homes)\n\n1. Apologies\n")
    assert {p.name: (p.role, p.organisation) for p in att} == {
        "V Irving": ("Town Clerk", None), "W Jarvis": ("Deputy Town Clerk", None),
        "Members of the Public": (None, None), "Tom Reilly": (None, "Safer Neighbourhood Team"),
        "Lucy Wren": ("Housing Officer", "Elmfield Homes")}


def test_a_register_says_who_attended_sent_apologies_or_was_absent(people):
    att, apo = people("Primary Care Network\nClinical Directors Board – Minutes\nDate: 14 November 2024\n\n"
                      "Attendance\n\n| Name | Role | Attendance |\n|---|---|---|\n"
                      "| Dr Paul Grey | Clinical Director | Present |\n"
                      "| Dr Sana Malik | GP Partner, Elm Surgery | ✓ |\n"
                      "| Tom Nash | Practice Manager, Oak Surgery | Apologies |\n"
                      "| Dr Ben Cole | GP Partner, Oak Surgery | Absent |\n\n1. Minutes of the last meeting\n")
    assert [(p.name, p.role, p.organisation) for p in att] == [
        ("Paul Grey", "Clinical Director", None), ("Sana Malik", "GP Partner", "Elm Surgery")]
    assert [(p.name, p.role, p.organisation) for p in apo] == [("Tom Nash", "Practice Manager", "Oak Surgery")]
