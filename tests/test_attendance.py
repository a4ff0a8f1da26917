from extract.attendance import extract_attendance
from extract.segment import segment


import pytest


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
