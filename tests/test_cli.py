"""The ``minutes`` commands, run through click against a real SQLite file."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
import click
from click.testing import CliRunner
from minutes.extract.extractor import PIPELINE
from minutes.extract.paths import real_path
from minutes.models import store_extraction
from minutes.pipeline import cli
from support import sample_extraction


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def stored(engine, db_url, tmp_path) -> str:
    """A database holding the invented minutes of two bodies."""
    store_extraction(engine, sample_extraction(str(tmp_path / "north.txt")))
    store_extraction(engine, sample_extraction(str(tmp_path / "east.txt"), body="Eastvale Parish Council"))
    return db_url


def test_ingest_seeds_then_nothing_to_do(db_url, shared):
    seeds = shared / "corpus" / "seeds"
    first = run("ingest", seeds, "--db", db_url)
    assert first.exit_code == 0 and "5 stored, 0 unchanged, 0 duplicates, 0 replaced, 0 re-extracted, 0 failed, 0 skipped, 0 warnings" in first.stdout
    again = run("ingest", *sorted(seeds.glob("*.txt")), "--db", db_url)
    assert again.exit_code == 0 and "0 stored, 5 unchanged" in again.stdout
    rows = json.loads(run("meetings", "--format", "json", "--db", db_url).stdout)
    assert len({r["file"] for r in rows}) == 5


def test_ingest_reports_failures_and_exits_1(db_url, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ok.md").write_text("# Board\n\nMinutes of 1 May 2010\n", encoding="utf-8")
    (docs / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    monkeypatch.setenv("MINUTES_DB", db_url)  # --db from the environment
    result = run("ingest", docs)
    assert result.exit_code == 1
    assert f"failed: {docs / 'old.doc'}: unsupported:" in result.stdout
    assert "1 stored, 0 unchanged, 0 duplicates, 0 replaced, 0 re-extracted, 1 failed, 0 skipped, 0 warnings" in result.stdout


def _decisions_fail(monkeypatch):
    """The real pipeline with its decisions component raising."""
    def boom(doc, context):
        raise KeyError("status")
    monkeypatch.setattr(PIPELINE, "components",
                        [replace(c, run=boom) if c.name == "decisions" else c for c in PIPELINE.components])


def test_a_failing_component_is_warned_in_ingest_show_and_extract(db_url, shared, tmp_path, monkeypatch):
    paper = shared / "corpus" / "seeds" / "000_49ec45bbd0ad4368.txt"
    _decisions_fail(monkeypatch)
    result = run("ingest", paper, "--db", db_url)
    assert result.exit_code == 0  # stored with its other facts: no file failed
    decisions = str(next(c for c in PIPELINE.components if c.name == "decisions"))  # "decisions@<version>"
    # an ingest names a file by its key, the real path (../shared may be reached through a link)
    assert f"warning: {real_path(paper)}: {decisions}: KeyError: 'status'" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "1 stored, 0 unchanged, 0 duplicates, 0 replaced, 0 re-extracted, 0 failed, 0 skipped, 1 warnings"
    [meeting] = json.loads(run("meetings", "--format", "json", "--db", db_url).stdout)
    shown = run("show", meeting["id"], "--db", db_url).stdout.splitlines()
    assert "Warnings (these components failed; their facts are missing):" in shown
    assert any(line.startswith(f"  {decisions}: KeyError: 'status'  p.1 [") for line in shown)
    assert "Actions:" in shown and "Decisions:" not in shown
    assert run("summary", "--db", db_url).stdout.splitlines()[-1].split() == ["warnings", "1"]

    extracted = run("extract", paper, "--out", tmp_path / "out")
    assert extracted.exit_code == 0
    assert f"warning: {paper}: {decisions}: KeyError: 'status'" in extracted.stderr
    record = json.loads((tmp_path / "out" / f"{paper.stem}.json").read_text(encoding="utf-8"))
    assert record["warnings"] == [{"component": decisions, "document": 0, "error": "KeyError",
                                   "message": "'status'"}]
    assert record["documents"][0]["decisions"] == [] and record["documents"][0]["actions"]


def test_ingest_says_which_files_it_re_extracts(db_url, tmp_path, monkeypatch):
    paper = tmp_path / "board.md"
    paper.write_text("# Riverside Board\n\nMinutes of 4 May 2012.\n", encoding="utf-8")
    assert "1 stored" in run("ingest", paper, "--db", db_url).stdout
    monkeypatch.setattr(PIPELINE, "components",
                        [replace(c, version=c.version + 1) if c.name == "funding" else c for c in PIPELINE.components])
    lines = run("ingest", paper, "--db", db_url).stdout.splitlines()
    version = next(c.version for c in PIPELINE.components if c.name == "funding")
    assert lines == [f"re-extracted: {paper}: funding@{version - 1}->{version}",
                     "0 stored, 0 unchanged, 0 duplicates, 0 replaced, 1 re-extracted, 0 failed, 0 skipped, 0 warnings"]
    assert "0 stored, 1 unchanged" in run("ingest", paper, "--db", db_url).stdout


def test_meetings_filters(stored):
    rows = json.loads(run("meetings", "--body", "EASTVALE", "--format", "json", "--db", stored).stdout)
    assert [(r["body"], r["date"], r["kind"]) for r in rows] == [("Eastvale Parish Council", "2011-03-03", "minutes")]
    assert json.loads(run("meetings", "--from", "2011-03-04", "--format", "json", "--db", stored).stdout) == []
    table = run("meetings", "--db", stored).stdout.splitlines()
    assert table[0].split() == ["id", "body", "date", "kind", "title", "file", "page"] and len(table) == 4


def test_show_groups_facts_with_pages(stored):
    out = run("show", "1", "--db", stored).stdout
    # Each fact with its page, character span and (when it says more) the words it was read from.
    for line in ["Present:", "  Ada Quill (Chair)  p.1 [46-111]", "Apologies:", "  Cara Dunn  p.1 [46-111]",
                 "  Cost the new play area [owner: Ben Ortiz; Parks Team; due: 2011-04-01; overdue]  p.2 [131-204]",
                 '      "Action: Ben and the Parks Team to cost the new play area by…"',
                 "  £1,000,000-£2,000,000 (cost, 2011/12, Play area)  p.2 [122-130]",
                 "  Park visits (NI 8, baseline 21.5 2009/10, target 25 2011/12, %)  p.2 [122-130]",
                 "Next meeting:", "  2011-06-02 18:00 Town Hall  p.2 [131-204]", "north.txt p.1"]:
        assert line in out.splitlines(), line
    wide = run("show", "1", "--wide", "--db", stored).stdout.splitlines()
    assert '      "Action: Ben and the Parks Team to cost the new play area by 1 April 2011."' in wide
    doc = json.loads(run("show", "1", "--format", "json", "--db", stored).stdout)
    assert doc["body"] == "Northfield Borough Board" and len(doc["funding"]) == 5
    action = doc["actions"][0]
    assert (action["span_start"], action["span_end"]) == (131, 204)
    assert action["quote"] == "Action: Ben and the Parks Team to cost the new play area by 1 April 2011."
    rows = list(csv.DictReader(io.StringIO(run("show", "1", "--format", "csv", "--db", stored).stdout)))
    assert {"section": "Items", "fact": "2 Parks", "page": "2", "span_start": "122", "span_end": "130",
            "quote": "2. Parks"}.items() <= next(r for r in rows if r["fact"] == "2 Parks").items()
    missing = run("show", "99", "--db", stored)
    assert missing.exit_code != 0 and "no document 99" in missing.output


def test_actions_formats(stored):
    rows = json.loads(run("actions", "--owner", "ben", "--body", "north", "--format", "json", "--db", stored).stdout)
    assert [(r["owners"], r["due"], r["page"], r["file"].endswith("north.txt")) for r in rows] == [
        ("Ben Ortiz; Parks Team", "2011-04-01", 2, True)]
    lines = list(csv.DictReader(io.StringIO(run("actions", "--due-before", "2012-01-01", "--format", "csv",
                                                "--db", stored).stdout)))
    assert len(lines) == 2 and {r["text"] for r in lines} == {"Cost the new play area"}


def test_funding_rows_and_totals(stored):
    rows = json.loads(run("funding", "--body", "north", "--period", "2010/11", "--min", "50000",
                          "--format", "json", "--db", stored).stdout)
    assert sorted(r["amount"] for r in rows) == ["100000.10", "150000.10", "50000.00"]
    totals = json.loads(run("funding", "--totals", "--format", "json", "--db", stored).stdout)
    by_body = {(t["body"], t["period"]): t for t in totals}
    # Each body's allocations, without their total rows or rates.
    for body in ("Northfield Borough Board", "Eastvale Parish Council"):
        assert by_body[(body, "2010/11")]["total"] == "150000.10"
        assert by_body[(body, "2010/11")]["skipped"] == "1 rate, 1 total"
    table = run("funding", "--db", stored).stdout
    assert "2011/12" in table and "total_high" in table


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand, walked from the group itself."""
    found = []
    for name, command in group.commands.items():
        found.append((*path, name))
        if isinstance(command, click.Group):
            found += _commands(command, (*path, name))
    return found


def test_every_command_and_subcommand_has_help():
    commands = _commands(cli)
    assert {("ingest",), ("serve",), ("report",), ("debug-pdf",), ("people", "merge")} <= set(commands)
    for command in commands:
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.stdout, command
        assert cli.get_command(click.Context(cli), command[0]).help, command  # a line of its own to read


def test_extract_writes_one_record_per_file_when_stems_meet(shared, tmp_path):
    """a.pdf and a.docx once wrote one a.json, the second over the first."""
    rendered = shared / "corpus" / "rendered"
    pdf = sorted(rendered.glob("*.pdf"))[0]
    docx = pdf.with_suffix(".docx")
    other = sorted(shared.glob("corpus/seeds/*.txt"))[1]
    out = tmp_path / "out"
    result = run("extract", pdf, docx, other, "--out", out)
    assert result.exit_code == 0 and "3 extracted, 0 failed" in result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([f"{pdf.name}.json", f"{docx.name}.json", f"{other.stem}.json"])
    formats = {json.loads((out / n).read_text(encoding="utf-8"))["source"]["format"] for n in written}
    assert formats == {"pdf", "docx", "txt"}
    # The same name in two folders: still two records.
    twin = tmp_path / "twin" / other.name
    twin.parent.mkdir()
    twin.write_bytes(other.read_bytes())
    assert run("extract", other, twin, "--out", tmp_path / "twins").exit_code == 0
    assert len(list((tmp_path / "twins").iterdir())) == 2


def test_score_pairs_records_named_by_file_name_with_gold(shared, tmp_path):
    """eval/score.py pairs a record with gold by its source file's stem, not by the JSON file's name."""
    import subprocess
    import sys
    pdf = sorted((shared / "corpus" / "rendered").glob("*.pdf"))[0]
    out = tmp_path / "out"
    run("extract", pdf, pdf.with_suffix(".docx"), "--out", out)
    scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "gold"),
                             str(out / f"{pdf.name}.json"), "--json"], capture_output=True, text=True, check=True)
    assert pdf.stem not in json.loads(scored.stdout)["missing"]
