"""Opening a database: the schema is created whole or not at all, and
processes that open a new database at the same moment do not race."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event, inspect

from minutes.models import connect
from minutes.models.schema import Base, blocks
from minutes.models.search import search

OPENERS = 4


class Interrupted(Exception):
    pass


def test_a_failure_while_creating_the_schema_leaves_none_of_it(db_url):
    # Stands for a kill between `blocks` and its full-text index: before the
    # schema was one transaction, blocks stayed without blocks_fts and search failed for ever.
    def interrupt(*_args, **_kw):
        raise Interrupted("stopped after creating blocks")
    event.listen(blocks, "after_create", interrupt, insert=True)
    try:
        with pytest.raises(Interrupted):
            connect(db_url)
    finally:
        event.remove(blocks, "after_create", interrupt)
    engine = connect(db_url)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    assert search(engine, "budget") == []
    engine.dispose()


def _open_at_once(url: str, start: Path, count: int = OPENERS) -> list[subprocess.CompletedProcess]:
    """``count`` processes that each open ``url`` as soon as ``start`` exists."""
    code = ("import os, sys, time\n"
            "while not os.path.exists(sys.argv[2]): time.sleep(0.001)\n"
            "from minutes.models import connect\n"
            "connect(sys.argv[1]).dispose()\n")
    procs = [subprocess.Popen([sys.executable, "-c", code, url, str(start)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(count)]
    time.sleep(1.5)  # every process imported and waiting
    start.touch()
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=120), *p.communicate()) for p in procs]


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_first_opens_of_a_new_database_do_not_race(dialect, tmp_path, request):
    for round_ in range(2):
        if dialect == "sqlite":
            url = f"sqlite:///{tmp_path / f'new{round_}.db'}"
        else:
            from support import new_pg_database
            url = new_pg_database(request.getfixturevalue("pg_url"), f"race{round_}")
        results = _open_at_once(url, tmp_path / f"go{round_}")
        assert [(r.returncode, r.stderr[-500:]) for r in results] == [(0, "")] * OPENERS
        engine = connect(url)
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
        engine.dispose()


def test_a_database_made_before_an_index_was_added_gets_it(db_url):
    """An archive stored by an older minutes is opened by a newer one with the indexes its queries need."""
    engine = connect(db_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_action_owners_name")
    engine.dispose()
    engine = connect(db_url)
    with engine.connect() as conn:
        assert "ix_action_owners_name" in {ix["name"] for ix in inspect(conn).get_indexes("action_owners")}
