"""Shared test fixtures. ../shared (read-only test material) sits beside the
repository; tests that need it skip with a clear message when it is absent.
For storage and query tests: a real SQLite database file, and a hand-built
extraction (invented text) with one of every kind of record, so they do not
depend on what the extractors find today."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from minutes.extract.document import DocumentBuilder
from minutes.extract.extractor import FileExtraction
from minutes.extract.records import (Action, Decision, Due, ExtractedDocument, Funding, Item, NextMeeting, Owner, Person,
                             Section, Span, Target)
from minutes.models import connect, store_extraction

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


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


def sample_extraction(path: str, body: str = "Northfield Borough Board", sha256: str = "a" * 64) -> FileExtraction:
    """Minutes of an invented meeting: two pages, two items, one of each record."""
    b = DocumentBuilder(path, "txt", sha256)
    b.add("heading", f"{body} minutes 3 March 2011")
    b.add("paragraph", "Present: Cllr Ada Quill (Chair), Ben Ortiz. Apologies: Cara Dunn.")
    b.add("list_item", "Budget", label="1.")
    b.new_page()
    b.add("list_item", "Parks", label="2.")
    b.add("paragraph", "Action: Ben and the Parks Team to cost the new play area by 1 April 2011.")
    parsed = b.build()
    head, present, item1, item2, action = parsed.blocks

    def at(block, page=None) -> Span:
        return Span(page or block.page, block.head, block.end)

    doc = ExtractedDocument(
        Section("minutes", f"{body} minutes", parsed.blocks, body=body, meeting_date=date(2011, 3, 3),
                venue="Town Hall"),
        attendees=[Person("Ada Quill", "present", at(present), role="Chair", as_written="Cllr Ada Quill (Chair)"),
                   Person("Ben Ortiz", "present", at(present), organisation="Parks Service")],
        apologies=[Person("Cara Dunn", "apologies", at(present))],
        items=[Item("1", "Budget", at(item1)), Item("2", "Parks", at(item2))],
        actions=[Action("Cost the new play area", at(action),
                        owners=[Owner("Ben Ortiz", "Ben", True), Owner("Parks Team", "the Parks Team", False)],
                        due=Due("by 1 April 2011", date(2011, 4, 1), "day"), item_ref="2"),
                 Action("Circulate the budget paper", at(item1), owners=[Owner("Ada Quill", "Chair", True)],
                        item_ref="1")],
        decisions=[Decision("Budget agreed", at(item1), item_ref="1")],
        funding=[Funding(100000.10, "£100,000.10", at(item1), kind="allocation", period="2010/11", purpose="Parks"),
                 Funding(50000, "£50k", at(item1), kind="allocation", period="2010-11", purpose="Youth work"),
                 Funding(150000.10, "£150,000.10", at(item1), kind="total", period="2010/11", purpose="Total"),
                 Funding(12.5, "£12.50 per hour", at(item1), kind="rate", period="2010/11", purpose="Wardens"),
                 Funding(1_000_000, "£1m-£2m", at(item2), kind="cost", amount_high_gbp=2_000_000,
                         period="2011/12", purpose="Play area", item_ref="2")],
        targets=[Target("Park visits", at(item2), code="NI 8", baseline=21.5, baseline_period="2009/10",
                        target=25.0, target_period="2011/12", unit="%")],
        next_meeting=NextMeeting(at(action), date=date(2011, 6, 2), time="18:00", venue="Town Hall",
                                 date_text="2 June 2011"),
    )
    return FileExtraction(parsed, [doc])


@pytest.fixture
def parse():
    """Parse invented text (markdown-ish, tabs for tables) into a ParsedFile."""
    from minutes.extract.parsers.text import parse_text
    return lambda text: parse_text(Path("invented.txt"), text.encode(), "0" * 64, "txt")


CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "papers"


@pytest.fixture(scope="session")
def corpus_extractions() -> list[tuple[FileExtraction, int]]:
    """The shipped sample archive, extracted once per run (each file with its size)."""
    from minutes.extract.extractor import extract_file
    from minutes.models import collect_files
    return [(extract_file(p), p.stat().st_size) for p in collect_files([CORPUS])]


def store_corpus(url: str, extractions: list[tuple[FileExtraction, int]]):
    """A database at ``url`` holding the sample archive, as `minutes ingest corpus/papers` stores it."""
    engine = connect(url)
    for fx, size in extractions:
        store_extraction(engine, fx, size=size)
    return engine


@pytest.fixture(scope="session")
def corpus_sqlite(tmp_path_factory, corpus_extractions):
    engine = store_corpus(f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'minutes.db'}", corpus_extractions)
    yield engine
    engine.dispose()


def new_pg_database(pg_url: str, name: str) -> str:
    """A fresh, empty database on the test server; its URL."""
    from sqlalchemy import create_engine, text
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return pg_url.rsplit("/", 1)[0] + "/" + name


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
