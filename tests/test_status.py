"""Action status across meetings, on the shipped corpus ingested into a real SQLite file
(and, for the key answers, PostgreSQL)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from minutes.models import connect, ingest_paths, queries
from minutes.pipeline import cli
from sqlalchemy import select
from support import CORPUS

PAPERS = CORPUS


def _key_answers(engine) -> dict:
    rows = queries.list_actions(engine, threads=True)
    def one(fragment: str) -> dict:
        [row] = [r for r in rows if fragment in r["text"] and r["follows"] is None]
        return row
    t1, t4 = one("revised Night-Time Economy Action Plan"), one("capital budget for replacement CCTV by")
    return {"t1": (t1["status"], Path(t1["file"]).name, t1["evidence_date"], t1["evidence"]),
            "t4": (t4["status"], t4["evidence"]),
            "open": sorted((r["owners"], r["text"]) for r in rows if r["status"] != "done")}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('status') / 'm.db'}"
    ingest_paths(connect(url), [PAPERS])
    return url


def test_t1_done_with_its_evidence_document(corpus_db):
    answers = _key_answers(connect(corpus_db))
    assert answers["t1"] == ("done", "2022-02-10_csp_minutes.pdf", date(2023, 1, 26), "Done - circulated 2 December 2022")
    [t1] = [r for r in queries.list_actions(connect(corpus_db))
            if "revised Night-Time Economy Action Plan to all" in r["text"]]
    assert t1["evidence_file"].endswith("2023-06-15_csp_agenda_pack.pdf") and t1["evidence_kind"] == "log"


def test_a_report_made_delivers_a_task_to_report(corpus_db):
    """"Tom will report back to the October meeting" and, in October's minutes, "Tom reported the outcome"."""
    [levy] = [r for r in queries.list_actions(connect(corpus_db)) if "outcome of the levy consultation" in r["text"]]
    assert (levy["status"], str(levy["evidence_date"]), levy["evidence_kind"]) == ("done", "2022-10-13", "report")


def test_t4_never_closed(corpus_db):
    engine = connect(corpus_db)
    assert _key_answers(engine)["t4"] == ("overdue", "Overdue - carried forward")
    # Before its deadline (2023/24) it was in progress, on the evidence known then.
    rows = queries.list_actions(engine, threads=True, as_of=date(2023, 2, 1))
    [t4] = [r for r in rows if "replacement CCTV by" in r["text"]]
    assert (t4["status"], t4["evidence"]) == ("in_progress", "Ongoing")


def test_log_rows_follow_the_action_they_restate(corpus_db):
    rows = queries.list_actions(connect(corpus_db))
    restating = [r for r in rows if r["text"] == "Circulate revised Night-Time Economy Action Plan"]
    assert len(restating) == 3 and len({r["follows"] for r in restating}) == 1
    assert all(r["status"] == "done" for r in restating)


def test_all_actions_completed_closes_the_previous_meeting(corpus_db):
    rows = queries.list_actions(connect(corpus_db), body="Task Group")
    raised = [r for r in rows if r["meeting_date"] == date(2021, 7, 8)]
    assert raised and all(r["status"] == "done" and r["evidence_date"] == date(2022, 9, 22) for r in raised)


def test_recompute_is_idempotent(corpus_db):
    engine = connect(corpus_db)
    before = queries.list_actions(engine)
    ingest_paths(engine, [PAPERS])  # unchanged files: nothing to do
    from minutes.models.people import relink
    relink(engine)
    assert queries.list_actions(engine) == before


def test_cli_open_by_owner(corpus_db):
    out = CliRunner().invoke(cli, ["actions", "--open", "--by-owner", "--format", "csv", "--db", corpus_db]).output
    assert "Mark Pemberton" in out and "Overdue - carried forward" in out
    assert "revised Night-Time Economy" not in out  # T1 is done
    out = CliRunner().invoke(cli, ["actions", "--overdue", "--owner", "P. Shah", "--as-of", "2021-06-01",
                                   "--format", "csv", "--db", corpus_db]).output
    assert "terms of reference" in out and "risk assessment" not in out  # raised later


def test_seed_minutes_actions_open(shared, tmp_path):
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no seeds")
    engine = connect(f"sqlite:///{tmp_path / 's.db'}")
    ingest_paths(engine, seeds)
    rows = queries.list_actions(engine, threads=True)
    coventry = [r for r in rows if r["body"] and "coventry" in r["body"].lower()]
    # No later minutes: nothing is done. The one later paper (the next agenda pack's briefing notes) carries one forward.
    assert coventry and all(r["status"] in ("open", "overdue", "in_progress") for r in coventry)
    assert all(r["evidence_date"] == date(2015, 3, 4) for r in coventry if r["status"] == "in_progress")


def test_same_answers_on_postgresql(pg_url, corpus_db):
    from support import new_pg_database
    engine = connect(new_pg_database(pg_url, "status"))
    ingest_paths(engine, [PAPERS])
    assert _key_answers(engine) == _key_answers(connect(corpus_db))
