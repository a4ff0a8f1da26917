"""Sources known by content: the same bytes under another path are one source
with two locations, and the same meeting in two formats is one meeting with
both files as its sources; nothing is counted twice. On SQLite and PostgreSQL."""
from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from support import new_pg_database
from minutes.models import connect, ingest_paths, queries
from minutes.models.people import person_report
from minutes.models.schema import documents, source_files, source_locations
from minutes.models.search import search


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return new_pg_database(request.getfixturevalue("pg_url"), "src_" + request.node.name.lower()[-40:])


def _count(engine, table, *where) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def test_the_same_bytes_elsewhere_are_one_source(url, shared, tmp_path):
    seed = shared / "corpus" / "seeds" / "000_49ec45bbd0ad4368.txt"
    papers = tmp_path / "papers"
    first, second = papers / "a" / "minutes.txt", papers / "copied" / "minutes-2008.txt"
    for p in (first, second):
        p.parent.mkdir(parents=True)
        shutil.copy(seed, p)
    engine = connect(url)
    report = ingest_paths(engine, [first, second])
    assert len(report.stored) == 1 and [d.path for d in report.duplicates] == [str(second)]
    assert report.duplicates[0].same_as == str(first)
    assert _count(engine, source_files) == 1 and _count(engine, source_locations) == 2
    assert len(queries.meetings(engine)) == 1
    [sara] = person_report(engine, "Sara Roach")
    assert [(m["status"], m["meetings"]) for m in sara["meetings"]] == [("present", 1)]

    again = ingest_paths(engine, [papers])
    assert (len(again.unchanged), again.stored, again.duplicates) == (2, [], [])

    # The first path now holds other content: the meeting stays, known by its other location.
    first.write_text("Riverside Board\n\nMinutes of the meeting held on 4 May 2012.\n", encoding="utf-8")
    later = ingest_paths(engine, [first])
    assert later.replaced == [str(first)]
    with engine.connect() as conn:
        paths = dict(conn.execute(select(source_files.c.sha256, source_files.c.path)).all())
    assert len(paths) == 2 and str(second) in paths.values()
    assert sorted(m["date"].isoformat() for m in queries.meetings(engine)) == ["2008-07-14", "2012-05-04"]
    engine.dispose()


def test_a_copy_of_a_failed_file_is_one_failure(url, tmp_path):
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 not a pdf at all")
    engine = connect(url)
    report = ingest_paths(engine, [tmp_path / "a.pdf", tmp_path / "b.pdf"])
    assert len(report.failed) == 2
    assert _count(engine, source_files) == 1 and _count(engine, source_locations) == 2
    engine.dispose()


def _answers(engine) -> dict:
    meetings = queries.meetings(engine)
    return {
        "meetings": sorted((m["body"] or "", str(m["date"]), m["kind"], m["title"]) for m in meetings),
        "totals": queries.funding_totals(queries.list_funding(engine)),
        "actions": sorted((a["body"] or "", a["text"]) for a in queries.list_actions(engine)),
        "summary": {k: v for k, v in queries.summary(engine).items()
                    if k not in ("files stored", "file locations", "copies")},
        "hits": len(search(engine, "alcohol", limit=500)),
    }


def test_seeds_in_three_formats_give_each_meeting_once(url, shared, tmp_path):
    seeds, rendered = shared / "corpus" / "seeds", shared / "corpus" / "rendered"
    one = connect(f"sqlite:///{tmp_path / 'txt.db'}")
    ingest_paths(one, [seeds])
    engine = connect(url)
    ingest_paths(engine, [seeds, rendered])
    assert queries.summary(engine)["files stored"] == 15
    got, expected = _answers(engine), _answers(one)
    assert len(got["meetings"]) == 11 and got["meetings"] == expected["meetings"]
    assert got["totals"] == expected["totals"]
    assert got["summary"] == expected["summary"] and got["hits"] == expected["hits"]
    assert len(got["actions"]) == len(expected["actions"])
    [sara] = person_report(engine, "Sara Roach")
    assert [(m["status"], m["meetings"]) for m in sara["meetings"]] == [("present", 1)]
    # Each meeting names its three files: the one it is listed by, and its copies.
    [coventry] = [m for m in queries.meetings(engine) if str(m["date"]) == "2008-07-14"]
    doc = queries.document(engine, coventry["id"])
    assert sorted(f["file"].rsplit(".", 1)[1] for f in doc["copies"]) + [doc["file"].rsplit(".", 1)[1]] == \
        ["pdf", "txt", "docx"]
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).where(documents.c.copy_of_id.is_not(None))).scalar_one() == 22
    one.dispose()
    engine.dispose()
