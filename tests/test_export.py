"""``minutes export``: whole tables out as CSV and JSON, read back unchanged."""
from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner
from minutes.models.export import cell_text as _text
from minutes.models.export import export_rows, tables
from minutes.pipeline import cli


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("table", tables())
def test_every_table_round_trips_through_csv_and_json(corpus_sqlite, tmp_path, table):
    db = str(corpus_sqlite.url)
    rows = export_rows(corpus_sqlite, table)
    as_text = [{k: _text(v) for k, v in r.items()} for r in rows]

    out = tmp_path / f"{table}.csv"
    assert run("export", table, "--format", "csv", "--out", out, "--db", db).exit_code == 0
    with out.open(encoding="utf-8", newline="") as f:
        assert list(csv.DictReader(f)) == as_text

    out = tmp_path / f"{table}.json"
    assert run("export", table, "--format", "json", "--out", out, "--db", db).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(json.dumps(rows, default=_text))
    # Standard output carries the same JSON.
    assert json.loads(run("export", table, "--format", "json", "--db", db).stdout) == json.loads(out.read_text())


def test_readable_columns_beside_the_ids(corpus_sqlite):
    documents = export_rows(corpus_sqlite, "documents")
    assert len(documents) == 12 and all(r["file"].endswith(tuple(".txt .md .pdf .docx".split())) for r in documents)
    assert {"body", "file"} <= set(documents[0])

    attendance = export_rows(corpus_sqlite, "attendance")
    assert all(r["person"] and r["meeting_date"] for r in attendance)
    assert {r["body"] for r in attendance} >= {"Wexmoor Community Safety Partnership",
                                              "Hallowby Night-Time Economy Task Group"}

    actions = export_rows(corpus_sqlite, "actions")
    first = next(r for r in actions if r["text"].startswith("Action: Priya Shah to draft terms of reference"))
    assert first["owners"] == "Priya Shah" and first["due_date"].isoformat() == "2021-04-30"
    assert first["file"].endswith("2021-03-18_csp_minutes.txt")

    owners = export_rows(corpus_sqlite, "action_owners")
    assert all(r["action"] and r["file"] for r in owners)
    funding = export_rows(corpus_sqlite, "funding")
    assert sum(r["amount"] for r in funding) > 0 and all(r["meeting_date"] or r["document_kind"] == "strategy"
                                                          for r in funding)


def test_unknown_table_is_refused(corpus_sqlite):
    result = CliRunner().invoke(cli, ["export", "nonsense", "--db", str(corpus_sqlite.url)])
    assert result.exit_code == 2 and "nonsense" in result.output
