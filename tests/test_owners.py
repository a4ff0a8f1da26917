from helpers_minutes import person
from minutes.extract.owners import Roster, resolve_owners

ROSTER = Roster.from_document(
    [person("Harriet Quill", "Chair"), person("Owen Marsh"), person("Owen Pike"), person("K. Dunmore"),
     person("Jenna Voss"), person("Arun Cole"), person("Town Clerk Bea Hollis", None)],
    [person("Felix Ward", status="apologies")],
    "Later Kieran Dunmore explained the figures.")


def names(text: str) -> list[str]:
    return [o.name for o in resolve_owners(text, ROSTER)]


def test_ambiguous_first_name_stays_as_written():
    assert names("Owen") == ["Owen"]


def test_unique_first_name_and_surname_resolve():
    assert names("Jenna") == ["Jenna Voss"]
    assert names("Councillor Pike") == ["Owen Pike"]
    assert names("Felix") == ["Felix Ward"]  # apologies count too


def test_initials():
    assert names("JV/AC") == ["Jenna Voss", "Arun Cole"]


def test_the_chair_is_the_person_with_that_role():
    assert names("The Chair, Councillor Quill, on behalf of the Board") == ["Harriet Quill"]


def test_groups_and_posts_kept_as_written():
    assert names("All partners") == ["All partners"]
    assert names("Officers") == ["Officers"]
    assert names("Target Lead/CDRU") == ["Target Lead", "CDRU"]
    assert names("The Cabinet Member for Parks and Leisure and the Health Scrutiny Board") == [
        "The Cabinet Member for Parks and Leisure", "the Health Scrutiny Board"]


def test_initialled_attendee_completed_from_the_text():
    assert names("Kieran") == ["Kieran Dunmore"]


def test_a_post_alone_stays_as_written():
    assert names("The Chair") == ["The Chair"]
    assert names("the Chair and Jenna") == ["the Chair", "Jenna Voss"]


def test_a_post_for_several_portfolios_is_one_owner():
    assert names("the Director for Parks, Leisure & Culture") == ["the Director for Parks, Leisure & Culture"]
    assert names("Parks/Highways") == ["Parks", "Highways"]
