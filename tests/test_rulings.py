"""Rulings by hand: `minutes actions set ID --status done --note ...` and
`minutes actions reopen ID`, shown as evidence "recorded by hand" with their
date and kept when the paper is stored again (new ids). SQLite and PostgreSQL."""
from __future__ import annotations

import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from support import new_pg_database
from minutes.models import connect, ingest_paths, queries
from minutes.pipeline import cli

MILBURN = ["minutes_2017-03-17_.pdf", "minutes_2017-05-02_AGM_and_Parish_Mtg.pdf", "minutes_2017-07-04_.pdf"]


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return new_pg_database(request.getfixturevalue("pg_url"), "rule_" + request.node.name.lower()[-40:])


def _two_castles(url: str) -> dict:
    [row] = [r for r in queries.list_actions(connect(url), threads=True) if "contact Two Castles" in r["text"]]
    return row


def test_a_ruling_is_evidence_kept_across_re_ingests(url, shared, tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in MILBURN:
        shutil.copy(shared / "corpus" / "archives" / "milburn-pc" / name, papers / name)
    ingest_paths(connect(url), [papers])
    before = _two_castles(url)
    assert (before["status"], before["silent_meetings"]) == ("no_later_record", 2)

    out = CliRunner().invoke(cli, ["actions", "set", str(before["id"]), "--status", "done",
                                   "--note", "the clerk rang them", "--db", url])
    assert out.exit_code == 0 and "recorded by hand" in out.output
    ruled = _two_castles(url)
    today = date.today().isoformat()
    assert (ruled["status"], ruled["evidence_kind"]) == ("done", "hand")
    assert ruled["evidence"] == f"recorded by hand on {today}: the clerk rang them"
    # Asked for a day before the ruling, the papers alone answer.
    earlier = [r for r in queries.list_actions(connect(url), threads=True, as_of=date(2017, 8, 1))
               if "contact Two Castles" in r["text"]]
    assert earlier[0]["status"] == "no_later_record"

    # The paper stored again (its content changed, every id new): the ruling still holds.
    raised = papers / MILBURN[0]
    raised.write_bytes(raised.read_bytes() + b"\n")
    assert ingest_paths(connect(url), [papers]).replaced == [str(raised)]
    again = _two_castles(url)
    assert again["id"] != before["id"] and (again["status"], again["evidence_kind"]) == ("done", "hand")

    out = CliRunner().invoke(cli, ["actions", "reopen", str(again["id"]), "--note", "no reply yet", "--db", url])
    assert out.exit_code == 0 and "reopened" in out.output
    reopened = _two_castles(url)
    assert reopened["status"] == "open" and reopened["evidence"] == f"recorded by hand on {today} (reopened): no reply yet"


def test_a_ruling_on_no_action_is_refused(url):
    out = CliRunner().invoke(cli, ["actions", "set", "999", "--status", "done", "--db", url])
    assert out.exit_code != 0 and "no action 999" in out.output
