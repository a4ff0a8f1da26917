"""Extraction in worker processes: each file within its time and memory
budget, a crash or a hang failing that file only, and the same database
whatever the number of workers."""
from __future__ import annotations

import os
import signal
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from helpers_minutes import database_content
from minutes.extract import budget
from minutes.extract.budget import Budget
from minutes.extract.extractor import PIPELINE, Pipeline
from minutes.models import connect, ingest_paths
from minutes.models.schema import source_files

PAPERS = Path(__file__).resolve().parents[1] / "corpus" / "papers"


def _with(name: str, run) -> Pipeline:
    """The real pipeline, the ``items`` component doing ``run`` first on a document whose text holds ``name``."""
    def items(doc, context, real=next(c for c in PIPELINE.components if c.name == "items").run):
        if any(name in b.text for b in doc.section.blocks):
            run()
        return real(doc, context)
    return Pipeline(replace(c, run=items) if c.name == "items" else c for c in PIPELINE.components)


@pytest.fixture
def papers(tmp_path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for n, title in enumerate(["Bad", "Good"], start=1):
        (folder / f"{n}.txt").write_text(f"Harbour Board\n\n{title} minutes of the meeting held on {n} May 2012.\n\n"
                                         "Present: Ada Quill, Ben Ortiz, Cara Dunn.\n", encoding="utf-8")
    return folder


def _outcomes(engine) -> dict[str, tuple]:
    with engine.connect() as conn:
        return {Path(r.path).name: (r.status, r.error_reason) for r in conn.execute(
            select(source_files.c.path, source_files.c.status, source_files.c.error_reason))}


def test_a_file_past_its_time_fails_as_timeout_and_the_batch_goes_on(engine, papers):
    start = time.monotonic()
    report = ingest_paths(engine, [papers], pipeline=_with("Bad", lambda: time.sleep(600)), workers=2,
                          limits=Budget(seconds=3))
    assert time.monotonic() - start < 120
    assert [(Path(f.path).name, f.reason) for f in report.failed] == [("1.txt", "timeout")]
    assert "budget 3 s" in report.failed[0].detail
    assert _outcomes(engine) == {"1.txt": ("failed", "timeout"), "2.txt": ("ok", None)}


def test_a_file_past_its_memory_fails_as_memory(engine, papers):
    def hog():
        block = bytearray(1500 * 2 ** 20)  # touched page by page, as a bomb inflating would
        for i in range(0, len(block), 4096):
            block[i] = 1
        time.sleep(600)
    report = ingest_paths(engine, [papers], pipeline=_with("Bad", hog), workers=1, limits=Budget(megabytes=400))
    assert [(Path(f.path).name, f.reason) for f in report.failed] == [("1.txt", "memory")]
    assert _outcomes(engine)["2.txt"] == ("ok", None)


def test_a_worker_that_dies_fails_its_file_as_crashed(engine, papers):
    report = ingest_paths(engine, [papers], pipeline=_with("Bad", lambda: os.kill(os.getpid(), signal.SIGKILL)),
                          workers=1)
    assert [(Path(f.path).name, f.reason, f.detail) for f in report.failed] == [
        ("1.txt", "crashed", "the worker died (signal SIGKILL)")]
    assert _outcomes(engine)["2.txt"] == ("ok", None)


def test_a_worker_grown_past_its_recycling_size_is_replaced_and_no_file_is_lost(engine, papers, monkeypatch):
    from minutes.extract import pool
    monkeypatch.setattr(pool, "RECYCLE_MB", 0)  # every worker ends after its first file (forked: it sees this)
    started = []
    real_start = pool.Pool._start
    monkeypatch.setattr(pool.Pool, "_start", lambda self: started.append(1) or real_start(self))
    (papers / "3.txt").write_text((papers / "2.txt").read_text().replace("2 May", "3 May"), encoding="utf-8")
    report = ingest_paths(engine, [papers], workers=1)
    assert report.failed == [] and len(report.stored) == 3
    assert len(started) == 3  # one worker a file: each file queued behind a retiring one went to the next


def test_pages_read_by_ocr_extend_the_time_allowed(engine, papers):
    def slow_ocr():
        for _ in range(4):
            budget.ocr_page()  # as the OCR reader does before each page
            time.sleep(1)
    report = ingest_paths(engine, [papers], pipeline=_with("Bad", slow_ocr), workers=1,
                          limits=Budget(seconds=2, ocr_seconds_per_page=2))
    assert report.failed == [] and len(report.stored) == 2  # 4 s taken, 2 + 4 x 2 allowed
    again = connect(f"sqlite:///{papers.parent / 'again.db'}")
    report = ingest_paths(again, [papers], pipeline=_with("Bad", lambda: time.sleep(4)), workers=1,
                          limits=Budget(seconds=2, ocr_seconds_per_page=2))
    assert [f.reason for f in report.failed] == ["timeout"]  # the same time, no page read by OCR


def test_the_same_database_from_one_worker_or_two(tmp_path, shared):
    sources = [PAPERS, shared / "corpus" / "seeds"]
    one, two = (connect(f"sqlite:///{tmp_path / f'{n}.db'}") for n in (1, 2))
    ingest_paths(one, sources, workers=1)
    ingest_paths(two, sources, workers=2)
    content = database_content(one)
    assert sum(map(len, content.values())) > 1000
    assert database_content(two) == content


def test_the_same_postgresql_database_from_workers_and_a_dask_cluster(pg_url, tmp_path, shared):
    """One worker, two workers, and a Dask LocalCluster of two workers give one database."""
    import dask
    from distributed import LocalCluster

    from support import new_pg_database
    sources = [PAPERS, shared / "corpus" / "seeds"]
    content = {}
    for name in ("one", "two", "dask"):
        engine = connect(new_pg_database(pg_url, f"same_{name}"))
        if name == "dask":
            with dask.config.set({"distributed.worker.daemon": False}), \
                    LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
                report = ingest_paths(engine, sources, dask=cluster.scheduler_address)
        else:
            report = ingest_paths(engine, sources, workers={"one": 1, "two": 2}[name])
        assert report.failed == [] and len(report.stored) == 15
        content[name] = database_content(engine)
        engine.dispose()
    assert content["two"] == content["one"] and content["dask"] == content["one"]


def test_copies_in_one_batch_share_the_first_ones_outcome(engine, papers):
    """A copy of a stored file is one more location of it; a copy of a failed file
    fails alike (the batch holds on to failures only, not to what it stored)."""
    for n in (1, 2):
        (papers / f"{n}-copy.txt").write_bytes((papers / f"{n}.txt").read_bytes())
    report = ingest_paths(engine, [papers], pipeline=_with("Bad", lambda: os.kill(os.getpid(), signal.SIGKILL)),
                          workers=2)
    assert sorted((Path(f.path).name, f.reason) for f in report.failed) == [("1-copy.txt", "crashed"),
                                                                          ("1.txt", "crashed")]
    assert [Path(d.path).name for d in report.duplicates] == ["2.txt"]
    assert [Path(p).name for p in report.stored] == ["2-copy.txt"]


def test_a_worker_sends_back_what_prepare_made(papers):
    from minutes.extract.pool import Job, Pool
    from minutes.models.rows import FileRows, file_rows
    with Pool(1, prepare=file_rows) as pool:
        outcome = next(pool.map([Job(0, str(papers / "2.txt"))]))
    assert isinstance(outcome.extraction, FileRows)
    assert outcome.extraction.page_count == 1 and outcome.extraction.documents[0].people
