"""A batch over a folder: papers told from other files by content, globs,
counts and exit status, and a batch killed or interrupted mid-run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import func, select

from minutes.models import connect, queries
from minutes.models.schema import source_files
from minutes.pipeline import cli

PAPERS = Path(__file__).resolve().parents[1] / "corpus" / "papers"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_files_that_are_no_papers_are_skipped_by_content_and_counted(tmp_path, db_url):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "minutes.txt").write_text("Harbour Board\n\nMinutes of the meeting held on 4 May 2012.\n\n"
                                      "Present: Ada Quill, Ben Ortiz, Cara Dunn.\n", encoding="utf-8")
    (docs / "minutes_2017_AGM").write_bytes((PAPERS / "2022-02-10_csp_minutes.pdf").read_bytes())  # a PDF, no extension
    (docs / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    (docs / "sub" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (docs / "MANIFEST.tsv").write_text("file\tbody\tdate\na.pdf\tBoard\t2012\nb.pdf\tBoard\t2013\n", encoding="utf-8")
    (docs / "index.json").write_text(json.dumps({"files": ["a", "b"]}), encoding="utf-8")
    (docs / "README.md").write_text("# Harbour Board papers\n\nMinutes of the Board from 2012, item numbers "
                                    "such as 12.05.03.\n", encoding="utf-8")
    with zipfile.ZipFile(docs / "budget.xlsx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 nothing after the header")

    result = run("ingest", docs, "--db", db_url, "--verbose", "--workers", "1")
    lines = result.stdout.splitlines()
    assert result.exit_code == 1  # the broken PDF: a paper that failed
    assert lines[-1].startswith("2 stored, 0 unchanged, 0 duplicates, 0 replaced, 0 re-extracted, 1 failed, "
                                "6 skipped")
    skipped = sorted(line.split(": ", 2)[1:] for line in lines if line.startswith("skipped: "))
    assert sorted((Path(p).name, why) for p, why in skipped) == [
        ("MANIFEST.tsv", "a table of data (tab-separated)"), ("README.md", "a folder's notes (a read-me)"),
        ("budget.xlsx", "a spreadsheet"),
        ("index.json", "JSON data"), ("logo.png", "an image"), ("photo.jpg", "an image")]
    quiet = run("ingest", docs, "--db", db_url, "--workers", "1")
    assert not any(line.startswith("skipped: ") for line in quiet.stdout.splitlines())

    # Skipped files only: nothing failed, exit status 0.
    assert run("ingest", docs, "--db", db_url, "--exclude", "broken.pdf").exit_code == 0


def test_include_and_exclude_globs(tmp_path, db_url):
    docs = tmp_path / "docs"
    (docs / "2021").mkdir(parents=True)
    (docs / "2022").mkdir()
    for year in ("2021", "2022"):
        for kind in ("minutes", "agenda"):
            (docs / year / f"{kind}.txt").write_text(f"Harbour Board\n\n{kind.title()} of the meeting held on "
                                                     f"4 May {year}.\n", encoding="utf-8")
    result = run("ingest", docs, "--db", db_url, "--include", "minutes.*", "--exclude", "2022/*")
    assert result.exit_code == 0 and result.stdout.splitlines()[-1].startswith("1 stored,")
    with connect(db_url).connect() as conn:
        [path] = conn.scalars(select(source_files.c.path))
    assert path.endswith("2021/minutes.txt")


INGEST = [sys.executable, "-m", "minutes.pipeline", "ingest"]


# An ingest whose every file takes two seconds more: a batch long enough to interrupt at a known point.
SLOW_FILES = """
import sys, time
from minutes.extract import pool
real = pool.extract_file
def slow(*args):
    time.sleep(2)
    return real(*args)
pool.extract_file = slow
from minutes.pipeline import cli
cli(sys.argv[1:])
"""


def test_a_batch_killed_mid_run_and_run_again_gives_the_totals_of_one_run(tmp_path, shared):
    sources = [str(PAPERS), str(shared / "corpus" / "seeds")]
    whole = f"sqlite:///{tmp_path / 'whole.db'}"
    subprocess.run(INGEST + sources + ["--db", whole, "--workers", "2"], check=True, capture_output=True)

    killed = f"sqlite:///{tmp_path / 'killed.db'}"
    engine = connect(killed)
    batch = subprocess.Popen([sys.executable, "-c", SLOW_FILES, "ingest", *sources, "--db", killed, "--workers", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    while stored < 4 and batch.poll() is None:
        time.sleep(0.05)
        with engine.connect() as conn:
            stored = conn.scalar(select(func.count()).select_from(source_files))
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    assert 4 <= stored < 15  # killed with files left to do
    again = subprocess.run(INGEST + sources + ["--db", killed, "--workers", "2"], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert queries.summary(engine) == queries.summary(connect(whole))


def test_ctrl_c_stops_the_batch_and_keeps_what_was_stored(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    engine = connect(url)
    # As at a terminal: a test run started in the background (`pytest &`) passes SIGINT on ignored.
    batch = subprocess.Popen([sys.executable, "-c", SLOW_FILES, "ingest", str(PAPERS), "--db", url, "--workers", "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    stored = 0
    while stored < 2 and batch.poll() is None:
        time.sleep(0.05)
        with engine.connect() as conn:
            stored = conn.scalar(select(func.count()).select_from(source_files))
    batch.send_signal(signal.SIGINT)
    out, err = batch.communicate(timeout=120)
    assert (batch.returncode, "Traceback" in err) == (130, False), (stored, out, err[-3000:])
    assert "interrupted: the files stored before Ctrl-C are kept" in err
    with engine.connect() as conn:
        kept = conn.scalar(select(func.count()).select_from(source_files))
    assert 2 <= kept < 10  # those stored before the interruption stay; the rest were never begun
    assert out.splitlines()[-1].startswith(f"{kept} stored, ")
    assert queries.summary(engine)["people"] > 0  # what was stored is linked


def test_the_same_folder_through_a_symbolic_link_is_not_stored_again(tmp_path, db_url):
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("2022-02-10_csp_minutes.pdf", "2022-09-22_nte_task_group_minutes.txt"):
        (archive / name).write_bytes((PAPERS / name).read_bytes())
    (tmp_path / "link").symlink_to(archive)
    assert run("ingest", archive, "--db", db_url).exit_code == 0
    before = queries.summary(connect(db_url))
    again = run("ingest", tmp_path / "link", "--db", db_url)
    assert again.stdout.splitlines()[-1].startswith("0 stored, 2 unchanged, 0 duplicates")
    assert queries.summary(connect(db_url)) == before


def test_prune_forgets_files_that_are_gone(tmp_path, db_url):
    archive = tmp_path / "archive"
    archive.mkdir()
    names = ["2021-03-18_csp_minutes.txt", "2022-09-22_nte_task_group_minutes.txt"]
    for name in names:
        (archive / name).write_bytes((PAPERS / name).read_bytes())
    (archive / "copy.txt").write_bytes((PAPERS / names[0]).read_bytes())  # the same content at two paths
    assert run("ingest", archive, "--db", db_url).exit_code == 0
    engine = connect(db_url)
    people_before = queries.summary(engine)["people"]
    (archive / names[0]).unlink()
    (archive / names[1]).unlink()
    assert run("prune", "--dry-run", "--db", db_url).stdout.count("gone: ") == 2
    assert queries.summary(engine)["files stored"] == 2
    result = run("prune", "--db", db_url)
    assert result.stdout.count("forgotten: ") == 2
    summary = queries.summary(engine)
    assert (summary["files stored"], summary["file locations"]) == (1, 1)  # the copy still holds the first's content
    assert 0 < summary["people"] < people_before  # the task group's people, mentioned nowhere now, are gone
    assert run("prune", "--db", db_url).stdout == ""


def test_workers_do_not_outlive_a_killed_batch(tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    batch = subprocess.Popen([sys.executable, "-c", SLOW_FILES, "ingest", str(PAPERS), "--db", url, "--workers", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    started = time.monotonic() + 60  # the supervisor warms up before it forks them: slower on a busy machine
    while len(workers) < 2 and time.monotonic() < started:
        time.sleep(0.2)
        workers = [int(p) for p in subprocess.run(["pgrep", "-P", str(batch.pid)], capture_output=True,
                                                   text=True).stdout.split()]
    assert len(workers) == 2
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{w}") for w in workers):
        time.sleep(0.2)
    assert not [w for w in workers if os.path.exists(f"/proc/{w}")]
