"""What tests import (conftest holds only fixtures): where the repository
and the read-only test material are, and invented extractions and databases
for storage and query tests, so that they do not depend on what the
extractors find today."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from minutes.extract.bodies import split_body
from minutes.extract.document import DocumentBuilder
from minutes.extract.extractor import FileExtraction
from minutes.extract.records import (
    Action,
    Decision,
    Due,
    ExtractedDocument,
    Funding,
    Item,
    NextMeeting,
    Owner,
    Person,
    Section,
    Span,
    Target,
)
from minutes.models import connect, store_extraction
from sqlalchemy import Engine

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"  # ../shared: read through the `shared` fixture, which skips when it is absent
WILD = SHARED / "corpus" / "wild"
CORPUS = REPO / "corpus" / "papers"


def sample_extraction(path: str, body: str = "Northfield Borough Board", sha256: str | None = None) -> FileExtraction:
    """Minutes of an invented meeting: two pages, two items, one of each record
    (a file's content, so its sha256, is its path and body unless given)."""
    b = DocumentBuilder(path, "txt", sha256 or hashlib.sha256(f"{path}\n{body}".encode()).hexdigest())
    b.add("heading", f"{body} minutes 3 March 2011")
    b.add("paragraph", "Present: Cllr Ada Quill (Chair), Ben Ortiz. Apologies: Cara Dunn.")
    b.add("list_item", "1. Budget", label="1.")
    b.new_page()
    b.add("list_item", "2. Parks", label="2.")
    b.add("paragraph", "Action: Ben and the Parks Team to cost the new play area by 1 April 2011.")
    parsed = b.build()
    head, present, item1, item2, action = parsed.blocks

    def at(block, page=None) -> Span:
        return Span(page or block.page, block.start, block.end)

    doc = ExtractedDocument(
        Section("minutes", f"{body} minutes", parsed.blocks, body=body, meeting_date=date(2011, 3, 3),
                venue="Town Hall"),
        body_name=split_body(body),
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


def store_corpus(url: str, extractions: list[tuple[FileExtraction, int]]) -> Engine:
    """A database at ``url`` holding the sample archive, as `minutes ingest corpus/papers` stores it."""
    engine = connect(url)
    for fx, size in extractions:
        store_extraction(engine, fx, size=size)
    return engine


def new_pg_database(pg_url: str, name: str) -> str:
    """A fresh, empty database on the test server; its URL."""
    from sqlalchemy import create_engine, text
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return pg_url.rsplit("/", 1)[0] + "/" + name
