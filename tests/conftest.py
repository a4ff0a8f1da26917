"""The test fixtures: ``shared``, the read-only test material beside the
repository (tests that need it skip with a clear message when it is absent),
a real SQLite database file, the PostgreSQL server a run starts, and the
shipped sample archive stored once. Plain helpers tests import live in
support.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from minutes.extract.extractor import FileExtraction
from minutes.models import connect
from support import CORPUS, SHARED, new_pg_database, store_corpus


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"test material not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def pg_url() -> str:
    """URL of a real PostgreSQL server started for this test run."""
    from postgres_server import Unavailable, postgres_server
    try:
        server = postgres_server()
        url = server.__enter__()
    except Unavailable as e:
        pytest.skip(f"PostgreSQL tests skipped: {e}")
    yield url
    server.__exit__(None, None, None)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'minutes.db'}"


@pytest.fixture
def engine(db_url: str):
    engine = connect(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def parse():
    """Parse invented text (markdown-ish, tabs for tables) into a ParsedFile."""
    from minutes.extract.parsers.text import parse_text
    return lambda text: parse_text(Path("invented.txt"), text.encode(), "0" * 64, "txt")


@pytest.fixture(scope="session")
def corpus_extractions() -> list[tuple[FileExtraction, int]]:
    """The shipped sample archive, extracted once per run (each file with its size)."""
    from minutes.extract.extractor import extract_file
    from minutes.models import collect_files
    return [(extract_file(p), p.stat().st_size) for p in collect_files([CORPUS])]


@pytest.fixture(scope="session")
def corpus_sqlite(tmp_path_factory, corpus_extractions):
    engine = store_corpus(f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'minutes.db'}", corpus_extractions)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def corpus_pg(pg_url, corpus_extractions):
    engine = store_corpus(new_pg_database(pg_url, "corpus"), corpus_extractions)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_engine(pg_url, request):
    """An empty PostgreSQL database of its own for one test."""
    engine = connect(new_pg_database(pg_url, "t_" + request.node.name.lower()[:50]))
    yield engine
    engine.dispose()
