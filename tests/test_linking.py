"""Linking people and action statuses: owed with each file, paid by the next
relink even after a kill, and done for the bodies touched, giving what a full
relink gives."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from minutes.models import connect, ingest_paths, queries
from minutes.models.people import person_report, relink
from minutes.models.schema import bodies, links_owed, people, person_aliases, source_files

PAPERS = Path(__file__).resolve().parents[1] / "corpus" / "papers"

# An ingest whose linking waits a minute before it starts: the window in
# which the test kills it, by a real SIGKILL, once every file is stored.
SLOW_LINKING = """
import sys, time
import minutes.models.people as people
real = people.link_people
def slow(conn, *args):
    print("linking started", file=sys.stderr, flush=True)
    time.sleep(60)
    real(conn, *args)
people.link_people = slow
from minutes.pipeline import cli
cli(sys.argv[1:])
"""


def linked_state(engine) -> dict:
    """What linking derives: each people row's human, the aliases, and every action's status and thread."""
    with engine.connect() as conn:
        rows = conn.execute(select(people.c.id, people.c.name_key, people.c.canonical_id)).all()
        names = {r.id: r.name_key for r in rows}
        humans = sorted((r.name_key, names.get(r.canonical_id)) for r in rows)
        aliases = sorted(tuple(r) for r in conn.execute(select(person_aliases.c.alias, person_aliases.c.mentions,
                                                               person_aliases.c.first_seen)))
    acts = sorted((r["file"], r["page"], r["text"], r["status"], r["evidence"] or "", r["follows"] is None)
                  for r in queries.list_actions(engine))
    return {"humans": humans, "aliases": aliases, "actions": acts}


def test_a_kill_during_linking_is_repaired_by_the_next_run(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    papers = len([p for p in PAPERS.iterdir() if p.is_file()])
    run = subprocess.Popen([sys.executable, "-c", SLOW_LINKING, "ingest", str(PAPERS), "--db", url],
                           stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert run.stderr is not None
    for line in run.stderr:
        if "linking started" in line:
            break
    engine = connect(url)
    with engine.connect() as conn:
        stored = conn.scalar(select(func.count()).select_from(source_files).where(source_files.c.status == "ok"))
    assert stored == papers  # the last file is stored: only the linking is left
    os.kill(run.pid, signal.SIGKILL)
    assert run.wait(timeout=30) == -signal.SIGKILL
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(links_owed)) > 0  # the debt outlived the kill
        assert conn.scalar(select(func.count()).where(people.c.canonical_id.is_not(None))) == 0

    again = subprocess.run([sys.executable, "-m", "minutes.pipeline", "ingest", str(PAPERS), "--db", url],
                           capture_output=True, text=True, check=True)
    assert f"0 stored, {papers} unchanged" in again.stdout
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).where(people.c.canonical_id.is_(None))) == 0
        assert conn.scalar(select(func.count()).select_from(person_aliases)) > 0
        assert conn.scalar(select(func.count()).select_from(links_owed)) == 0
    assert person_report(engine, "Priya Shah")
    engine.dispose()


def test_an_error_during_linking_leaves_it_owed(tmp_path, monkeypatch):
    engine = connect(f"sqlite:///{tmp_path / 'm.db'}")
    from minutes.models import people as people_module

    def broken(*args, **kwargs):
        raise RuntimeError("linking interrupted")
    monkeypatch.setattr(people_module, "recompute", broken)
    with pytest.raises(RuntimeError):
        ingest_paths(engine, [PAPERS])
    monkeypatch.undo()
    report = ingest_paths(engine, [PAPERS])
    assert report.stored == [] and len(report.unchanged) == 10
    assert linked_state(engine) == _fresh_state(tmp_path / "fresh.db")


def _fresh_state(path: Path) -> dict:
    engine = connect(f"sqlite:///{path}")
    ingest_paths(engine, [PAPERS])
    return linked_state(engine)


def _body_ids(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {r.name: r.id for r in conn.execute(select(bodies.c.name, bodies.c.id))}


HARBOUR = ("Harbour Board\n\nMinutes of the meeting held on 4 May 2012.\n\nPresent: Ada Quill, {second}.\n\n"
           "Action: Ada Quill to write to the council by 1 June 2012.\n")


def test_a_changed_file_relinks_its_bodies_only_and_as_a_full_relink_would(tmp_path):
    archive = tmp_path / "papers"
    shutil.copytree(PAPERS, archive)
    harbour = archive / "harbour.txt"
    harbour.write_text(HARBOUR.format(second="Ben Ortiz"), encoding="utf-8")
    engine = connect(f"sqlite:///{tmp_path / 'm.db'}")
    assert ingest_paths(engine, [archive]).relinked.everything  # a new database: everything, once
    ids = _body_ids(engine)
    assert len(ids) == 4 and sum("Task Group" in name for name in ids) == 2

    harbour.write_text(HARBOUR.format(second="Cara Dunn"), encoding="utf-8")
    report = ingest_paths(engine, [archive])
    assert [Path(p).name for p in report.replaced] == ["harbour.txt"]
    assert report.relinked.bodies == {ids["Harbour Board"]}
    incremental = linked_state(engine)
    relink(engine, everything=True)
    assert linked_state(engine) == incremental

    # The task group shares full names (Priya Shah, Tom Marsh) with the partnership: both are relinked,
    # the task group as its papers name it and as the partnership's committee it is found to be.
    task_group = archive / "2022-09-22_nte_task_group_minutes.txt"
    text = task_group.read_text(encoding="utf-8")
    assert "Ben Tsang" in text
    task_group.write_text(text.replace("Ben Tsang", "Ben Tsong"), encoding="utf-8")
    report = ingest_paths(engine, [archive])
    assert report.relinked.bodies == {i for name, i in ids.items() if "Harbour" not in name}
    incremental = linked_state(engine)
    assert "ben tsong" in {human for human, _ in incremental["humans"]}
    relink(engine, everything=True)
    assert linked_state(engine) == incremental


def test_people_no_file_mentions_any_more_are_deleted(tmp_path):
    paper = tmp_path / "board.txt"
    paper.write_text("Harbour Board\n\nMinutes of the meeting held on 4 May 2012.\n\n"
                     "Present: Ada Quill, Ben Ortiz, Cara Dunn.\n", encoding="utf-8")
    engine = connect(f"sqlite:///{tmp_path / 'm.db'}")
    ingest_paths(engine, [paper])
    with engine.connect() as conn:
        assert {"cara dunn", "ben ortiz"} <= set(conn.scalars(select(people.c.name_key)))
    paper.write_text("Harbour Board\n\nMinutes of the meeting held on 4 May 2012.\n\n"
                     "Present: Ada Quill, Dana Ekwall, Ben Ortiz.\n", encoding="utf-8")
    ingest_paths(engine, [paper])
    with engine.connect() as conn:
        assert set(conn.scalars(select(people.c.name_key))) == {"ada quill", "dana ekwall", "ben ortiz"}
        assert conn.scalar(select(func.count()).where(person_aliases.c.alias.like("%Cara%"))) == 0


def test_statuses_follow_the_day_asked_with_no_relink(tmp_path):
    """An action's deadline passing makes it overdue on the day asked though no paper changed and nothing
    was relinked: status is worked out when asked, so the days passing owe no relink."""
    (tmp_path / "board.txt").write_text(HARBOUR.format(second="Ben Ortiz"), encoding="utf-8")
    (tmp_path / "forum.txt").write_text("Hillcrest Forum\n\nMinutes of the meeting held on 9 May 2012.\n\n"
                                        "Present: Ben Ortiz.\n\nAction: Ben Ortiz to book the hall by 1 March 2013.\n",
                                        encoding="utf-8")
    engine = connect(f"sqlite:///{tmp_path / 'm.db'}")
    ingest_paths(engine, [tmp_path / "board.txt", tmp_path / "forum.txt"])

    def statuses(day: date) -> dict[str, str]:
        return {r["body"]: r["status"] for r in queries.list_actions(engine, as_of=day)}
    assert statuses(date(2012, 5, 20)) == {"Harbour Board": "open", "Hillcrest Forum": "open"}
    assert statuses(date(2012, 7, 1)) == {"Harbour Board": "overdue", "Hillcrest Forum": "open"}  # 1 June passed
    assert statuses(date(2013, 3, 2)) == {"Harbour Board": "overdue", "Hillcrest Forum": "overdue"}
    assert not relink(engine)  # nothing owed: no work
