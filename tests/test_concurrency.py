"""Two ingests at once on one SQLite file, new or already holding papers,
with readers querying all along: no traceback, no row lost, none twice."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from minutes.models import connect, queries
from minutes.models.schema import people, source_files, source_locations

PAPERS = Path(__file__).resolve().parents[1] / "corpus" / "papers"
MINUTES = [sys.executable, "-m", "minutes.pipeline"]
READER = """
import os, subprocess, sys
url, stop = sys.argv[1], sys.argv[2]
runs, ready = 0, False
while not os.path.exists(stop) or runs < 3:
    for args in (["summary"], ["search", "council"], ["actions", "--open"], ["meetings"]):
        done = subprocess.run([sys.executable, "-m", "minutes.pipeline", *args, "--db", url], capture_output=True, text=True)
        if not ready and done.returncode == 1 and "Traceback" not in done.stderr and (
                "no database at" in done.stderr or "is not a minutes database" in done.stderr):
            continue  # before the first ingest has made the database: a clear error; once made, every read answers
        if done.returncode != 0 or "Traceback" in done.stderr:
            sys.exit(f"{args}: {done.returncode}: {done.stderr[-800:]}")
        ready = True
    runs += ready
print(runs)
"""


def _ingest(url: str, *paths: Path) -> subprocess.Popen:
    return subprocess.Popen(MINUTES + ["ingest", *map(str, paths), "--db", url, "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _no_duplicates(engine) -> None:
    with engine.connect() as conn:
        for column in (source_files.c.sha256, source_locations.c.path):
            assert conn.scalar(select(func.count()).select_from(select(column).group_by(column)
                                                                .having(func.count() > 1).subquery())) == 0
        assert conn.scalar(select(func.count()).select_from(
            select(people.c.body_id, people.c.name_key).group_by(people.c.body_id, people.c.name_key)
            .having(func.count() > 1).subquery())) == 0


@pytest.mark.parametrize("existing", [False, True])
def test_two_ingests_and_readers_at_once(tmp_path, shared, existing):
    seeds = shared / "corpus" / "seeds"
    url = f"sqlite:///{tmp_path / 'm.db'}"
    if existing:
        subprocess.run(MINUTES + ["ingest", str(PAPERS), "--db", url], check=True, capture_output=True)
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, url, str(stop)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    writers = [_ingest(url, PAPERS, seeds), _ingest(url, seeds, PAPERS)]
    results = [(w.wait(timeout=600), *w.communicate()) for w in writers]
    stop.touch()
    assert reader.wait(timeout=600) == 0, reader.communicate()[1]
    for code, out, err in results:
        assert (code, "Traceback" in err) == (0, False), err[-2000:]
        assert ", 0 failed, 0 skipped, " in out.splitlines()[-1]

    alone = connect(f"sqlite:///{tmp_path / 'alone.db'}")
    subprocess.run(MINUTES + ["ingest", str(PAPERS), str(seeds), "--db", str(alone.url)], check=True,
                   capture_output=True)
    engine = connect(url)
    _no_duplicates(engine)
    assert queries.summary(engine) == queries.summary(alone)
