from minutes.extract.names import clean_name, looks_like_name, name_key, resolve, same_person, split_names
from minutes.extract.records import Person, Span


def test_clean_name_strips_titles_and_splits_role():
    assert clean_name("Councillor R Ambler (Chair)") == ("R Ambler", "Chair")
    assert clean_name("Chief Supt Hector Quill") == ("Hector Quill", None)
    assert clean_name("ACC Mina Osei") == ("Mina Osei", None)
    assert clean_name("Dr Tamsin Reeve OBE") == ("Tamsin Reeve", None)


def test_split_names_carries_plural_title():
    assert split_names("Councillors P Ashdown, L Berry and K Cole") == [
        "Councillor P Ashdown", "Councillor L Berry", "Councillor K Cole"]
    assert split_names("Ann Hale (Vice-Chair), Tom Rudd") == ["Ann Hale (Vice-Chair)", "Tom Rudd"]


def test_looks_like_name():
    assert looks_like_name("Cllr D. Fenwick")
    assert looks_like_name("Orla McKinnon")
    assert not looks_like_name("The report was noted")
    assert not looks_like_name("Chair")


def test_keys_and_matching():
    assert name_key("Cllr S. Marsh") == ("s", "marsh")
    assert same_person("S Marsh", "Sally Marsh")
    assert not same_person("Marsh", "Sally Marsh")


def test_resolve_first_name_surname_and_role():
    span = Span(1, 0, 1)
    people = [Person("Sally Marsh", "present", span), Person("Idris Pope", "present", span, role="Chair"),
              Person("Sally Quinn", "present", span)]
    assert resolve("Idris", people).name == "Idris Pope"
    assert resolve("Councillor Pope", people).name == "Idris Pope"
    assert resolve("the Chair", people).name == "Idris Pope"
    assert resolve("Sally", people) is None  # ambiguous


def test_leading_role_and_names_run_together():
    assert clean_name("Clerk J Connelly") == ("J Connelly", "Clerk")
    assert clean_name("Vice-Chair Ann Hale") == ("Ann Hale", "Vice-Chair")
    assert clean_name("Secretary") == ("Secretary", None)
    assert split_names("P Moran Clerk J Cole Mrs L Page") == ["P Moran", "Clerk J Cole", "Mrs L Page"]
    assert split_names("Ann Bell Chair of Governors") == ["Ann Bell Chair of Governors"]


def test_different_first_names_are_different_people():
    assert not same_person("Mick Ratford", "Mags Ratford")
    assert same_person("Chris Dunn", "Christopher Dunn") and same_person("M Ratford", "Mick Ratford")
