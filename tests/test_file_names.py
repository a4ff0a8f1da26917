"""File names that are not valid UTF-8 (Latin-1 names copied from an old
share): stored, printed and re-matched as \\xNN escapes; they neither abort a
batch nor crash `minutes extract`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from minutes.models import connect
from minutes.models.schema import source_files

LATIN1 = b"r\xe9union du conseil.txt"  # "réunion" in Latin-1: not UTF-8


def minutes(*args: str | bytes) -> subprocess.CompletedProcess:
    cli = Path(sys.executable).with_name("minutes")
    # A UTF-8 locale: the terminal the traceback was seen on, where stdout refuses lone surrogates.
    env = os.environ | {"LC_ALL": "C.UTF-8", "PYTHONUTF8": "0"}
    return subprocess.run([str(cli), *args], capture_output=True, env=env)


@pytest.fixture
def papers(tmp_path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    for day, name in enumerate((b"a first.txt", LATIN1, b"z last.txt"), start=4):
        Path(os.fsdecode(os.fsencode(folder) + b"/" + name)).write_text(
            f"Harbour Board\n\nMinutes of the meeting held on {day} May 2012.\n\nPresent: Ada Quill, Ben Ortiz.\n",
            encoding="utf-8")
    return folder


def test_a_latin1_file_name_is_stored_and_the_batch_goes_on(papers, tmp_path):
    url = f"sqlite:///{tmp_path / 'm.db'}"
    first = minutes("ingest", os.fsencode(papers), "--db", url)
    assert first.returncode == 0, first.stderr.decode(errors="replace")
    assert b"Traceback" not in first.stderr and b"3 stored" in first.stdout
    engine = connect(url)
    with engine.connect() as conn:
        paths = sorted(conn.scalars(select(source_files.c.path).where(source_files.c.status == "ok")))
    assert [p.rsplit("/", 1)[1] for p in paths] == ["a first.txt", "r\\xe9union du conseil.txt", "z last.txt"]
    again = minutes("ingest", os.fsencode(papers), "--db", url)
    assert b"0 stored, 3 unchanged" in again.stdout


def test_extract_writes_the_record_of_a_latin1_file_name(papers, tmp_path):
    paper = os.fsencode(papers) + b"/" + LATIN1
    result = minutes("extract", paper, "--out", os.fsencode(tmp_path / "out"))
    assert result.returncode == 0 and b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
    [record] = (tmp_path / "out").iterdir()
    assert record.name == "r\\xe9union du conseil.json"
    assert json.loads(record.read_text(encoding="utf-8"))["source"]["file"] == "r\\xe9union du conseil.txt"
