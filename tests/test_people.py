"""People across meetings, on the shipped corpus ingested into a real SQLite file."""
from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from minutes.models import connect, ingest_paths
from minutes.models.people import person_report
from minutes.models.schema import people, source_files
from minutes.pipeline import cli
from sqlalchemy import select
from support import CORPUS

PAPERS = CORPUS


@pytest.fixture
def corpus_db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    ingest_paths(connect(url), [PAPERS])
    return url


def humans(url: str) -> dict[str, int]:
    """name key -> canonical id, for every people row (one body may repeat a key across bodies: keep all)."""
    with connect(url).connect() as conn:
        return {f"{r.body_id}:{r.name_key}": r.canonical_id
                for r in conn.execute(select(people.c.body_id, people.c.name_key, people.c.canonical_id))}


def canon(url: str, key: str) -> set[int]:
    return {c for k, c in humans(url).items() if k.split(":", 1)[1] == key}


def test_priya_shah_written_five_ways_is_one_person(corpus_db):
    [priya] = person_report(connect(corpus_db), "Priya Shah")
    written = {a["alias"] for a in priya["aliases"]}
    assert {"Priya Shah", "Priya", "P. Shah", "PS", "Cllr P Shah"} <= written
    assert len(canon(corpus_db, "priya shah") | canon(corpus_db, "p shah")) == 1
    assert {m["body"] for m in priya["meetings"]} == {"Wexmoor Community Safety Partnership",
                                                      "Wexmoor Community Safety Partnership – Hallowby Night-Time Economy Task Group"}


def test_two_s_patels_stay_apart(corpus_db):
    sunita, sam, initial = (canon(corpus_db, k) for k in ("sunita patel", "sam patel", "s patel"))
    assert len(sunita) == len(sam) == 1 and sunita != sam
    assert not initial & (sunita | sam)  # "S. Patel" fits both: linked to neither


def test_overrides_survive_a_reingest(corpus_db, tmp_path):
    run = CliRunner().invoke
    csp = "Wexmoor Community Safety Partnership"
    # The partnership's "Ch Insp S. Patel" of 2022 is Sunita: a ruling the rules leave to the user.
    assert run(cli, ["people", "merge", "Sunita Patel", "S. Patel", "--body", csp, "--db", corpus_db]).exit_code == 0
    assert run(cli, ["people", "split", "Priya Shah", "Cllr P Shah", "--db", corpus_db]).exit_code == 0

    def check() -> None:
        h = humans(corpus_db)
        assert h["1:s patel"] == h["1:sunita patel"] != h["1:sam patel"]
        assert not canon(corpus_db, "p shah") & canon(corpus_db, "priya shah")
    check()
    # Every file replaced (rows deleted by cascade), then relinked: the rulings hold.
    copy = tmp_path / "papers"
    shutil.copytree(PAPERS, copy)
    with connect(corpus_db).begin() as conn:
        conn.execute(source_files.delete())
    ingest_paths(connect(corpus_db), [copy])
    check()


def test_unknown_name_refused(corpus_db):
    result = CliRunner().invoke(cli, ["people", "merge", "Nobody Here", "S. Patel", "--db", corpus_db])
    assert result.exit_code != 0 and "no person named" in result.output


def test_person_command(corpus_db):
    out = CliRunner().invoke(cli, ["person", "Mark Pemberton", "--db", corpus_db]).output
    assert "Mark Pemberton" in out and "[overdue]" in out and "Overdue - carried forward" in out
