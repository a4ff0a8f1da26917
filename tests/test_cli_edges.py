"""The command line as a new user meets it: --db as a path, a database that
is not there, one --format everywhere, empty results, paths and cells in the
table, and the query inputs a fault probe found (issue 11, items 10-11),
each a clear error rather than a traceback or a wrong answer."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from minutes.models import store_extraction
from minutes.models.people import relink
from minutes.pipeline import cli
from support import CORPUS, REPO, sample_extraction


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def stored(engine, db_url, tmp_path) -> str:
    store_extraction(engine, sample_extraction(str(tmp_path / "papers" / "2011" / "north.txt")))
    store_extraction(engine, sample_extraction(str(tmp_path / "papers" / "east.txt"), body="Eastvale Parish Council"))
    relink(engine)  # as ingest does: people linked, aliases written
    return db_url


@pytest.fixture(scope="module")
def corpus_db(corpus_sqlite) -> str:
    return corpus_sqlite.url.database  # a plain path


def test_db_takes_a_plain_path_and_a_missing_database_is_not_created(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paper = tmp_path / "board.md"
    paper.write_text("# Riverside Board\n\nMinutes of 4 May 2012.\n", encoding="utf-8")
    assert "1 stored" in run("ingest", paper, "--db", "all.db").stdout
    assert (tmp_path / "all.db").is_file()
    assert run("summary", "--db", "all.db").exit_code == 0
    for command in (["summary"], ["actions"], ["search", "budget"], ["person", "Ada"], ["meetings"], ["show", "1"],
                    ["serve"], ["people", "merge", "A", "B"]):
        result = run(*command, "--db", "nothere.db")
        assert result.exit_code == 1 and "no database at nothere.db" in result.output, command
        assert "Traceback" not in result.output
    assert not (tmp_path / "nothere.db").exists() and not (tmp_path / "minutes.db").exists()


def test_missing_folders_are_clear_errors(tmp_path, stored):
    result = run("ingest", tmp_path / "no-such-folder", "--db", stored)
    assert result.exit_code == 2 and "does not exist" in result.output
    paper = tmp_path / "board.md"
    paper.write_text("# Board\n", encoding="utf-8")
    result = run("ingest", paper, "--db", tmp_path / "no-such-folder" / "x.db")
    assert result.exit_code == 1 and "cannot open database" in result.output and "Traceback" not in result.output
    result = run("export", "actions", "--out", tmp_path / "no-such-folder" / "a.csv", "--db", stored)
    assert result.exit_code == 1 and "cannot write" in result.output


def test_every_listing_takes_table_csv_and_json(stored):
    commands = [["summary"], ["meetings"], ["show", "1"], ["actions"], ["person", "Ada Quill"], ["funding"],
                ["search", "budget"], ["trace", "budget"], ["export", "actions"]]
    for command in commands:
        outputs = {fmt: run(*command, "--format", fmt, "--db", stored) for fmt in ("table", "csv", "json")}
        assert all(r.exit_code == 0 for r in outputs.values()), (command, {f: r.output for f, r in outputs.items()})
        assert json.loads(outputs["json"].stdout), command
        assert list(csv.DictReader(io.StringIO(outputs["csv"].stdout))), command
        assert outputs["table"].stdout.strip(), command


def test_an_empty_result_prints_its_header_and_says_no_rows(stored):
    table = run("actions", "--owner", "Nobody Here", "--db", stored).stdout.splitlines()
    assert table[0].split()[:3] == ["id", "due", "owners"] and table[-1] == "no rows"
    assert run("actions", "--owner", "Nobody Here", "--format", "csv", "--db", stored).stdout.startswith("id,due,owners")
    assert json.loads(run("search", "zebra", "--format", "json", "--db", stored).stdout) == []
    assert run("search", "zebra", "--db", stored).stdout.splitlines()[-1] == "no rows"


def test_table_paths_are_relative_to_the_archive_and_never_cut(stored, tmp_path):
    lines = run("meetings", "--db", stored).stdout.splitlines()
    assert any(line.endswith(" 2011/north.txt  1") for line in lines) and any(" east.txt " in line for line in lines)
    assert str(tmp_path) not in "\n".join(lines)
    # CSV and JSON keep the whole path.
    rows = json.loads(run("meetings", "--format", "json", "--db", stored).stdout)
    assert {r["file"] for r in rows} == {str(tmp_path / "papers" / "2011" / "north.txt"),
                                         str(tmp_path / "papers" / "east.txt")}


def test_wide_shows_whole_cells_and_actions_show_document_and_meeting_date(corpus_db):
    cut = run("actions", "--owner", "Priya Shah", "--db", corpus_db).stdout
    wide = run("actions", "--owner", "Priya Shah", "--wide", "--db", corpus_db).stdout
    assert "…" in cut and "draft terms of reference for the Task Group by 30th April 2021." in wide
    header = wide.splitlines()[0].split()
    assert {"document_id", "meeting_date"} <= set(header)
    assert "2021-03-18" in wide and "2021-03-18_csp_minutes.txt" in wide


def test_huge_numbers_are_clear_errors(corpus_db):  # issue 11, item 10
    result = run("search", "council", "--limit", "99999999999999999999", "--db", corpus_db)
    assert result.exit_code == 2 and "--limit" in result.output and "Traceback" not in result.output
    result = run("show", "99999999999999999999", "--db", corpus_db)
    assert result.exit_code == 1 and "no document 99999999999999999999" in result.output


def test_long_queries_are_bounded_with_a_clear_error(corpus_db):  # issue 11, item 10
    result = run("trace", " ".join(f"word{i}" for i in range(1100)), "--db", corpus_db)
    assert result.exit_code == 1 and "query: at most 1000 characters" in result.output
    result = run("trace", " ".join(["cctv"] * 65), "--db", corpus_db)
    assert result.exit_code == 1 and "query: at most 64 words (it has 65)" in result.output
    for command in (["actions", "--owner", "x" * 50_000], ["person", "y" * 50_000], ["actions", "--body", "z" * 50_000]):
        result = run(*command, "--db", corpus_db)
        assert result.exit_code == 1 and "at most 200 characters" in result.output, command[0]
    many_or = " or ".join(f"term{i}" for i in range(2000))
    result = run("search", many_or, "--db", corpus_db)
    assert result.exit_code == 1 and "query: at most" in result.output
    # Within the bounds, an OR of many terms still answers.
    assert run("search", " or ".join(["naloxone"] + [f"term{i}" for i in range(60)]), "--db", corpus_db).exit_code == 0


def test_blank_names_are_errors_not_everyone(corpus_db):  # issue 11, item 11
    for name in ("", " "):
        result = run("person", name, "--db", corpus_db)
        assert result.exit_code == 1 and "blank" in result.output
        result = run("actions", "--owner", name, "--db", corpus_db)
        assert result.exit_code == 1 and "owner" in result.output and "blank" in result.output


def test_minus_word_is_query_text_not_an_option(corpus_db):  # issue 11, item 11
    plain = json.loads(run("search", "naloxone", "--format", "json", "--db", corpus_db).stdout)
    without = run("search", "naloxone", "-training", "--format", "json", "--db", corpus_db)
    assert without.exit_code == 0
    rows = json.loads(without.stdout)
    assert len(rows) < len(plain) and all("training" not in r["snippet"].lower() for r in rows)
    alone = run("search", "-council", "--db", corpus_db)
    assert alone.exit_code == 0 and "no such option" not in alone.output
    assert json.loads(run("search", "--format", "json", "--db", corpus_db, "--", "naloxone", "-training").stdout) == rows
    typo = run("search", "naloxone", "--limt", "3", "--db", corpus_db)
    assert typo.exit_code == 2 and "No such option '--limt'" in typo.output


def test_readme_says_how_to_reach_minutes_and_the_site():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "PATH" in readme and "minutes serve" in readme and "minutes serve" in makefile
    assert CORPUS.is_dir()
