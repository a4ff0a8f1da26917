"""A relink redoes only the evidence the changed meetings can reach
(models.evidence), and gives what linking everything from nothing gives: the
real archives stored all at once, and in another database file by file in a
shuffled order (meetings arriving before, after and between those stored,
people linked anew as their full names arrive), then one file forgotten,
hold the same evidence rows, threads, statuses and people. With the nearby
window narrowed to the meetings a report may come from, so that most of a
body lies outside the reach of each change."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, update

from minutes.extract.errors import ParseError
from minutes.extract.extractor import FileExtraction, StageError, extract_file
from minutes.extract.paths import real_path
from minutes.models import connect, evidence, queries
from minutes.models.db import writing
from minutes.models.linking import owe
from minutes.models.people import relink
from minutes.models.rows import remove_location
from minutes.models.schema import (action_updates, actions, documents, evidence_rules, people, person_aliases,
                                   source_files)
from minutes.models.store import store_extraction
from support import new_pg_database

DEFAULT_NEARBY = evidence.NEARBY
FORGOTTEN = "board-meeting-minutes-2014-01-30.pdf"  # a meeting in the middle of the board's series


@pytest.fixture(scope="module")
def extractions(shared) -> list[tuple[Path, FileExtraction]]:
    found = sorted(p for p in (shared / "corpus" / "archives").rglob("*") if p.is_file() and p.suffix != ".md"
                   and p.name != "MANIFEST.tsv")
    out = []
    for p in found:
        try:
            out.append((p, extract_file(p)))
        except (ParseError, StageError):  # the archives hold a broken file or two: an ingest records them as failed
            continue
    return out


def _state(engine: Engine) -> dict[str, Any]:
    """Everything linking derives, by the files' paths and spans rather than ids."""
    with engine.connect() as conn:
        where = {r.id: (r.path, r.page, r.span_start, r.text) for r in conn.execute(
            select(actions.c.id, source_files.c.path, actions.c.page, actions.c.span_start, actions.c.text)
            .join(source_files, source_files.c.id == actions.c.source_file_id))}
        evidence_rows: dict[tuple, list[tuple]] = {}
        for u in conn.execute(select(action_updates, source_files.c.path, documents.c.title)
                              .join(source_files, source_files.c.id == action_updates.c.source_file_id)
                              .join(documents, documents.c.id == action_updates.c.document_id)
                              .order_by(action_updates.c.id)).mappings():
            evidence_rows.setdefault(where[u["action_id"]], []).append(
                (u["path"], u["title"], u["meeting_date"], u["kind"], u["status"], u["due_date"], u["text"],
                 u["page"], u["span_start"], u["span_end"]))
        threads = sorted((where[i], where[f]) for i, f in conn.execute(
            select(actions.c.id, actions.c.follows_action_id).where(actions.c.follows_action_id.is_not(None))))
        rows = conn.execute(select(people.c.id, people.c.name_key, people.c.canonical_id)).all()
        keys = {r.id: r.name_key for r in rows}
        humans = sorted((r.name_key, keys.get(r.canonical_id)) for r in rows)
        # Per people row, its mentions and first sighting. How each alias is spelt is not compared: it is cut
        # from the row's name, which is as the first file stored that names the person printed it
        # ("Ed Vaisey" or "Ed Vaisey MP"), storage and not linking, and so follows the order of storing.
        mentions = conn.execute(select(people.c.name_key, func.sum(person_aliases.c.mentions),
                                       func.min(person_aliases.c.first_seen))
                                .join(people, people.c.id == person_aliases.c.people_id)
                                .group_by(people.c.name_key, people.c.body_id)).all()
        aliases = sorted(tuple(r) for r in mentions)
    statuses = sorted((r["file"], r["page"], r["text"], r["status"], r["label"], r["evidence"] or "",
                       str(r["evidence_date"])) for r in queries.list_actions(engine))
    return {"evidence": evidence_rows, "threads": threads, "humans": humans, "aliases": aliases,
            "statuses": statuses}


def _store(engine: Engine, found: list[tuple[Path, FileExtraction]]) -> None:
    for path, fx in found:
        store_extraction(engine, fx, size=path.stat().st_size)


@pytest.fixture(params=[evidence.NEARBY, evidence.LATER_MEETINGS], ids=["nearby", "narrow"])
def nearby(request, monkeypatch) -> int:
    monkeypatch.setattr(evidence, "NEARBY", request.param)
    return request.param


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_file_by_file_gives_what_all_at_once_gives(extractions, nearby, dialect, tmp_path, request):
    if dialect == "postgresql":
        url = new_pg_database(request.getfixturevalue("pg_url"), f"t_incremental_{nearby}")
    else:
        url = f"sqlite:///{tmp_path / 'one-by-one.db'}"
    at_once = connect(f"sqlite:///{tmp_path / 'at-once.db'}")
    _store(at_once, extractions)
    assert relink(at_once).everything

    one_by_one = connect(url)
    order = list(extractions)
    random.Random(12).shuffle(order)
    _store(one_by_one, order[:1])
    relink(one_by_one)
    redone: list[tuple[int, int]] = []  # per body relinked: the actions whose evidence was redone, of how many
    run = evidence._Body.run

    def counted(self: Any) -> dict:
        out = run(self)
        redone.append((len(out), len(self.ordered)))
        return out
    request.getfixturevalue("monkeypatch").setattr(evidence._Body, "run", counted)
    for item in order[1:]:
        _store(one_by_one, [item])
        assert not relink(one_by_one).everything
    assert _state(one_by_one) == _state(at_once)
    if nearby < DEFAULT_NEARBY:  # narrowed: a meeting added to a long series redoes part of it only
        assert any(n < held / 2 for n, held in redone if held > 100), redone

    # forgetting a file in the middle of a series: as if it had never been stored
    gone = next(real_path(p) for p, _ in extractions if p.name == FORGOTTEN)  # locations are kept by real path
    with writing(one_by_one) as conn:
        remove_location(conn, gone)
    relink(one_by_one)
    without = connect(f"sqlite:///{tmp_path / 'without.db'}")
    _store(without, [(p, fx) for p, fx in extractions if real_path(p) != gone])
    relink(without)
    assert _state(one_by_one) == _state(without)


@pytest.mark.parametrize("dialect, wave", [("sqlite", evidence.WAVE_PAPERS), ("sqlite", 0),
                                           ("postgresql", evidence.WAVE_PAPERS)], ids=["sqlite", "waves", "postgresql"])
def test_bodies_redone_whole_in_processes_of_their_own_give_what_one_process_gives(extractions, dialect, wave,
                                                                                  tmp_path, request, monkeypatch):
    monkeypatch.setattr(evidence, "WAVE_PAPERS", wave)  # 0: a wave a pair of bodies, its papers fetched alone
    url = new_pg_database(request.getfixturevalue("pg_url"), "t_apart") if dialect == "postgresql" \
        else f"sqlite:///{tmp_path / 'apart.db'}"
    apart, alone = connect(url), connect(f"sqlite:///{tmp_path / 'alone.db'}")
    _store(apart, extractions)
    _store(alone, extractions)
    fetched: list[int] = []  # the bodies whose papers were fetched for a process of their own
    fetch = evidence._Reader.fetch
    monkeypatch.setattr(evidence._Reader, "fetch", lambda self, ids: fetched.append(len(ids)) or fetch(self, ids))
    relink(apart, processes=2)
    assert len(fetched) == 3  # the three bodies of the archives
    relink(alone, processes=1)
    assert len(fetched) == 3
    assert _state(apart) == _state(alone)


def test_evidence_of_other_rules_is_redone(extractions, tmp_path, monkeypatch):
    # A report row made to differ stands for evidence made under other rules: with the rules unchanged a
    # relink of its body keeps it (nothing it reads changed); with their version raised, it is redone.
    engine = connect(f"sqlite:///{tmp_path / 'rules.db'}")
    _store(engine, extractions)
    relink(engine)
    linked = _state(engine)
    with engine.connect() as conn:
        row = conn.execute(select(action_updates.c.id, documents.c.body_id)
                           .join(documents, documents.c.id == action_updates.c.document_id)
                           .where(action_updates.c.kind == "report").order_by(action_updates.c.id)).first()
    assert row is not None

    def relink_body() -> None:
        with writing(engine) as conn:
            owe(conn, [row.body_id])
        assert relink(engine).bodies >= {row.body_id}

    def text() -> str:
        with engine.connect() as conn:
            return conn.scalar(select(action_updates.c.text).where(action_updates.c.id == row.id))
    with writing(engine) as conn:
        conn.execute(update(action_updates).where(action_updates.c.id == row.id).values(text="under other rules"))
    relink_body()
    assert text() == "under other rules"
    monkeypatch.setattr(evidence, "RULES", evidence.RULES + 1)
    relink_body()
    assert _state(engine) == linked
    with engine.connect() as conn:
        assert conn.scalar(select(evidence_rules.c.rules).where(evidence_rules.c.body_id == row.body_id)) \
            == evidence.rules()
