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
