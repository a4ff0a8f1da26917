"""A topic's timeline across the sample archive, in a real SQLite file."""
from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner
from minutes.models.trace import trace
from minutes.pipeline import cli


def timeline_ordered(rows: list[dict]) -> bool:
    keys = [(r["date"] is None, r["date"] or date.min) for r in rows]
    return keys == sorted(keys)


def test_cctv_from_first_report_to_overdue_budget(corpus_sqlite):
    rows = trace(corpus_sqlite, "CCTV")
    assert timeline_ordered(rows)
    assert all({"date", "body", "fact", "text", "document_id", "kind", "file", "page"} <= set(r) for r in rows)
    assert {r["fact"] for r in rows} >= {"item", "decision", "action", "funding"}
    assert rows[0]["date"] == date(2022, 2, 10)
    # The capital budget action, raised in June 2022, is followed through every later action log.
    budget = [r["date"] for r in rows if r["fact"] == "action" and "capital budget" in r["text"].lower()]
    assert budget[0] == date(2022, 6, 9) and budget[-1] == date(2024, 2, 8) and len(budget) >= 3


def test_drugs_facts_found_through_their_blocks(corpus_sqlite):
    rows = trace(corpus_sqlite, "drugs")
    assert timeline_ordered(rows)
    titles = [r["text"] for r in rows if r["fact"] == "item"]
    assert any("Drug strategy" in t for t in titles) and any("Drug treatment plan" in t for t in titles)
    # The treatment plan decision is found by stem ("drug"), not by the word "drugs".
    assert any(r["fact"] == "decision" and "treatment plan" in r["text"] for r in rows)
    assert len({r["date"].year for r in rows if r["date"]}) >= 2


def test_undated_documents_come_last(corpus_sqlite):
    rows = trace(corpus_sqlite, "night-time economy")
    undated = [r for r in rows if r["date"] is None]
    assert rows and timeline_ordered(rows)
    assert all(r["kind"] == "strategy" for r in undated)
    assert {r["body"] for r in rows if r["body"]} == {"Wexmoor Community Safety Partnership",
                                                     "Hallowby Night-Time Economy Task Group"}


def test_filters(corpus_sqlite):
    rows = trace(corpus_sqlite, "taxi", body="partnership", date_from=date(2023, 1, 1), date_to=date(2023, 12, 31))
    assert rows and all(r["date"].year == 2023 and "Partnership" in r["body"] for r in rows)
    assert trace(corpus_sqlite, "zyzzyva") == [] and trace(corpus_sqlite, "-") == []


def test_trace_command(corpus_sqlite):
    db = str(corpus_sqlite.url)
    out = CliRunner().invoke(cli, ["trace", "CCTV", "--format", "json", "--db", db], catch_exceptions=False)
    rows = json.loads(out.stdout)
    assert rows == json.loads(json.dumps(trace(corpus_sqlite, "CCTV"), default=str))
    table = CliRunner().invoke(cli, ["trace", "CCTV", "--db", db], catch_exceptions=False)
    assert table.exit_code == 0 and table.stdout.splitlines()[0].split()[:3] == ["date", "body", "fact"]
