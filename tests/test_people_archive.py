"""People across a real archive: the Suffolk Libraries board over four years,
Milburn's councillors, Kent's members on two committees, and the seeds in
three formats; aliases, splits and merges, owners as the person they are,
ambiguous owners flagged. SQLite, and PostgreSQL for the key answers."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from support import new_pg_database
from minutes.extract import names
from minutes.models import connect, ingest_paths, queries
from minutes.models.people import person_report
from minutes.models.schema import people, person_aliases
from minutes.pipeline import cli
from sqlalchemy import select

# Board members and officers, each as written in full and in the Action column (checked by hand).
BOARD = [("Sylvia Knights", "SK", "2012-09-11", "2015-11-26"), ("Alison Wheeler", "AW", "2012-09-11", "2015-11-26"),
         ("Nikki Sturmey", "NS", "2012-11-19", "2015-11-26"), ("Stephen Taylor", "ST", "2012-10-17", "2015-11-26"),
         ("Richard Hunt", "RH", "2012-09-11", "2015-11-26"), ("Charlotte Clark", "CC", "2012-10-17", "2015-11-26"),
         ("Shona Bendix", "SB", "2012-09-11", "2013-08-21"), ("Robert Spivey", "RS", "2012-09-11", "2013-08-21"),
         ("Ian Brookman", "IB", "2012-09-11", "2013-05-29"), ("Colin Owens", "CO", "2012-09-11", "2013-08-21")]


@pytest.fixture(scope="module")
def archive(shared, tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('people') / 'm.db'}"
    ingest_paths(connect(url), [shared / "corpus" / "archives"])
    return url


@pytest.mark.parametrize("full, initials, first, last", BOARD)
def test_a_board_member_is_one_person_by_full_name_and_initials(archive, full, initials, first, last):
    engine = connect(archive)
    [by_name] = person_report(engine, full, body="Libraries IPS")
    [by_initials] = person_report(engine, initials, body="Libraries IPS – Board")
    assert by_name["name"] == by_initials["name"] == full
    written = {a["alias"] for a in by_name["aliases"]}
    assert {full, initials} <= written
    seen = [a for a in by_name["aliases"] if a["first_seen"]]
    assert str(min(a["first_seen"] for a in seen)) == first and str(max(a["last_seen"] for a in seen)) == last


def _humans(engine, body: str) -> list[str]:
    """The canonical people named in a body's papers (names only, not posts or groups)."""
    with engine.connect() as conn:
        ids = set(conn.scalars(select(person_aliases.c.person_id).join(
            people, people.c.id == person_aliases.c.person_id).where(person_aliases.c.body_id.in_(
                select(queries.bodies.c.id).where(queries.bodies.c.name.contains(body))))))
        return [n for n in conn.scalars(select(people.c.name).where(people.c.id.in_(ids)))
                if names.looks_like_name(n)]


@pytest.mark.parametrize("body", ["Libraries IPS", "Milburn"])
def test_no_duplicate_people(archive, body):
    humans = _humans(connect(archive), body)
    assert len(humans) >= 15
    twins = [(a, b) for i, a in enumerate(humans) for b in humans[i + 1:] if names.same_person(a, b)
             or names.name_key(a)[-1:] == names.name_key(b)[-1:] and len(names.name_key(a)) == 1]
    assert twins == []


def test_milburn_written_several_ways(archive):
    engine = connect(archive)
    for name, also in [("D Bellsham", "Mr Bellsham"), ("J Connelly", "Clerk J Connelly"),
                       ("Alan Armstrong", "A Armstrong EDC"), ("D Richardson", "Councillor Richardson")]:
        [p] = [p for p in person_report(engine, name, body="Milburn") if p["name"] == name]
        assert also in {a["alias"] for a in p["aliases"]}, name


def test_owners_are_the_person_they_are_and_ambiguous_ones_say_so(archive):
    engine = connect(archive)
    rows = queries.list_actions(engine, body="Libraries IPS – Board", threads=True)
    # "IB" in the Action column of 2012, before the papers print the name beside it: Ian Brookman
    assert any(r["owners"] == "Ian Brookman" and str(r["meeting_date"]) == "2012-09-11" for r in rows)
    # "MH" fits two people of the board in those years
    assert "MH (ambiguous: Marion Harvey or Mike Hosking)" in {r["owners"] for r in rows}
    milburn = queries.list_actions(engine, body="milburn", threads=True)
    assert "Mr Armstrong (ambiguous: Alan Armstrong or M Armstrong)" in {r["owners"] for r in milburn}
    # an owner found by initials is reachable by the person's name
    assert any("Ian Brookman" in r["owners"] for r in queries.list_actions(engine, owner="Ian Brookman"))


def test_initials_printed_beside_a_name_are_that_person_in_any_case(archive):
    """The Friends' trustees list "Alan Holzer (AHol), Alison Hopkins (AHop)" on one line;
    papers whose own list lacks them write an owner "Ahop"."""
    engine = connect(archive)
    [hopkins] = person_report(engine, "Alison Hopkins", body="Halesworth")
    assert {"AHop", "Ahop"} <= {a["alias"] for a in hopkins["aliases"]}
    owners = {r["owners"] for r in queries.list_actions(engine, body="Halesworth", threads=True)}
    assert "Ahop" not in owners and "Alison Hopkins" in owners


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return new_pg_database(request.getfixturevalue("pg_url"), "ppl_" + request.node.name.lower()[-40:])


def test_names_sharing_a_line_keep_their_own_aliases(url, shared):
    engine = connect(url)
    ingest_paths(engine, [shared / "corpus" / "seeds", shared / "corpus" / "rendered"])
    [frazer] = person_report(engine, "Christine Frazer")
    assert {a["alias"] for a in frazer["aliases"]} == {"Christine Frazer"}
    assert [(m["status"], m["meetings"]) for m in frazer["meetings"]] == [("apologies", 1)]
    out = CliRunner().invoke(cli, ["people", "split", "Paul McWade", "Christine Frazer", "--db", url])
    assert out.exit_code != 0 and "not linked" in out.output


def test_split_and_merge_change_who_is_who(url, shared):
    wild = shared / "corpus" / "wild"
    engine = connect(url)
    ingest_paths(engine, sorted(wild.glob("uk_kent-cc_*")))
    [bartlett] = person_report(engine, "Bartlett")  # one member of two Kent committees
    assert {a["body"] for a in bartlett["aliases"]} == {"Kent County Council",
                                                        "Kent County Council – Corporate Parenting Panel"}
    out = CliRunner().invoke(cli, ["people", "split", "Paul Bartlett", "P Bartlett", "--db", url])
    assert out.exit_code == 0 and "no longer linked" in out.output
    assert len(person_report(engine, "Bartlett")) == 2
    ingest_paths(engine, sorted(wild.glob("uk_kent-cc_*")))  # kept across re-ingests
    assert len(person_report(engine, "Bartlett")) == 2
    out = CliRunner().invoke(cli, ["people", "merge", "Paul Bartlett", "P Bartlett", "--db", url])
    assert out.exit_code == 0 and len(person_report(engine, "Bartlett")) == 1


def test_an_ambiguous_owner_is_flagged_until_a_merge_says_who(url, shared):
    engine = connect(url)
    ingest_paths(engine, [shared / "corpus" / "seeds" / "000_49ec45bbd0ad4368.txt"])
    owners = {r["owners"] for r in queries.list_actions(engine, owner="Paul")}
    assert owners == {"Paul (ambiguous: Paul Hargrave or Paul Wells)"}
    out = CliRunner().invoke(cli, ["people", "merge", "Paul Hargrave", "Paul", "--db", url])
    assert out.exit_code == 0
    assert {r["owners"] for r in queries.list_actions(engine, owner="Paul")} == {"Paul Hargrave"}
