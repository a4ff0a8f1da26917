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


def _roster(people, text: str = "") -> Roster:
    return Roster.from_document(people, [], text)


def test_initials_the_list_prints_resolve_even_where_the_names_give_the_same_letters():
    ann, al = person("Ann Hope"), person("Al Holt")
    ann.initials, al.initials = "AHop", "AHol"
    roster = _roster([ann, al, person("Mo Sands")])
    assert [o.name for o in resolve_owners("AHop/MS", roster)] == ["Ann Hope", "Mo Sands"]
    assert [o.name for o in resolve_owners("AHol", roster)] == ["Al Holt"]
    owner, = resolve_owners("AH", roster)  # both names give "AH": kept as written, flagged
    assert (owner.name, owner.is_person, owner.ambiguous) == ("AH", True, True)


def test_initials_defined_in_the_text_name_a_person_not_in_the_lists():
    roster = _roster([person("Jenna Voss")], "Dr Kieron O'Hara (KO) spoke. The West Fen Trust (WFT) replied.")
    assert [(o.name, o.is_person) for o in resolve_owners("KO", roster)] == [("Kieron O'Hara", True)]
    assert [(o.name, o.is_person) for o in resolve_owners("WFT", roster)] == [("WFT", False)]
    assert [o.name for o in resolve_owners("Jo May (JM)", _roster([person("Jo May")]))] == ["Jo May"]


def test_a_first_name_two_people_share_is_flagged_ambiguous():
    owner, = resolve_owners("Owen", ROSTER)
    assert (owner.name, owner.ambiguous) == ("Owen", True)
    assert not any(o.ambiguous for o in resolve_owners("Jenna/Felix", ROSTER))


def test_initials_defined_are_found_where_a_scan_of_the_whole_text_finds_them(shared):
    # _defined tries _DEFINED only before brackets of initials: it must find what a scan from every
    # capital finds, in made-up edge cases and in every seed and wild text
    from minutes.extract.owners import _DEFINED, _defined
    from minutes.extract.parsers import parse_file
    made = ["Dr. J. P. Smith (JPS), then Ann\nBell (AB) (late); Kim O'Hara-Lee (KOL) and (AB) alone",
            "x_Yo Ma (YM) — Ann Bell  (AB)(CD) Eve Fox\t(EF)", "(AB)", "Ann (A) Bell (B C D E)"]
    texts = made + [parse_file(p, "never").text for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    for text in texts:
        assert [m.groups() for m in _defined(text)] == [m.groups() for m in _DEFINED.finditer(text)]
    assert [m.group(2) for m in _defined(made[0])] == ["JPS", "AB", "KOL"]


def test_titled_surname_takes_the_one_fuller_name_the_text_prints():
    roster = Roster.from_document([person("Jenna Voss")], [],
                                  "A letter from Mr T Gale was read. Mrs Ann Reed and Mrs B Reed attended.")
    assert [o.name for o in resolve_owners("Mr Gale", roster)] == ["T Gale"]
    assert [o.name for o in resolve_owners("Mrs Reed", roster)] == ["Reed"]  # two Reeds: kept, title dropped
    assert [o.name for o in resolve_owners("Gale", roster)] == ["Gale"]  # no title: no lookup in the text
    assert [o.name for o in resolve_owners("MoJ and HO", roster)] == ["MoJ", "HO"]  # bodies' initials, one each


def test_list_with_a_comma_before_its_and():
    assert names("Jenna Voss, Arun Cole, and Felix Ward") == ["Jenna Voss", "Arun Cole", "Felix Ward"]
