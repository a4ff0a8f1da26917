"""Full-text search over the blocks of the sample archive, in a real SQLite file."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from minutes.models import ingest_paths
from minutes.models.schema import blocks
from minutes.models import search as search_module
from minutes.models.search import fts5_query, search
from minutes.pipeline import cli
from sqlalchemy import func, select, text


def files(rows: list[dict]) -> list[str]:
    return [Path(r["file"]).name for r in rows]


def date_ordered(rows: list[dict]) -> bool:
    keys = [(r["date"] is None, r["date"] or date.min) for r in rows]
    return keys == sorted(keys)


@pytest.mark.parametrize("query, expected", [
    ("night-time   economy", '"night time" AND "economy"'),
    ('"action plan" cctv', '"action plan" AND "cctv"'),
    ("cctv or taxi marshal", '("cctv" OR "taxi") AND "marshal"'),
    ("drugs -alcohol", '"drugs" NOT "alcohol"'),
    ('NEAR(a b) * ^ "', '"NEAR a" AND "b"'),  # FTS5 syntax is taken as words
    ("-only - *", None),
])
def test_websearch_query_as_fts5(query, expected):
    assert fts5_query(query) == expected


def test_every_block_is_stored_and_indexed(corpus_sqlite):
    with corpus_sqlite.connect() as conn:
        n_blocks = conn.scalar(select(func.count()).select_from(blocks))
        n_docs = conn.scalar(text("SELECT count(DISTINCT document_id) FROM blocks"))
        n_fts = conn.scalar(text("SELECT count(*) FROM blocks_fts_docsize"))
        conn.execute(text("INSERT INTO blocks_fts (blocks_fts) VALUES ('integrity-check')"))
    assert n_blocks > 300 and n_fts == n_blocks and n_docs == 12


def test_drugs_across_the_years_best_first(corpus_sqlite):
    rows = search(corpus_sqlite, "drugs", limit=50)
    # Stemmed: "drug", "drugs", "DRUG", "drug-related" all match, each highlighted.
    assert all("**" in r["snippet"] and "drug" in r["snippet"].lower() for r in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    # Short headings that are about drugs outrank passing mentions.
    assert rows[0]["block_kind"] in ("heading", "list_item")
    assert set(files(rows)) == {
        "2021-03-18_csp_minutes.txt", "2022-02-10_csp_minutes.pdf", "2022-10-13_csp_minutes.md",
        "2023-11_community_safety_strategy_2024-27.pdf", "2024-02-08_csp_minutes.docx"}
    by_date = search(corpus_sqlite, "drugs", limit=50, order="date")
    assert date_ordered(by_date) and sorted(map(str, by_date)) == sorted(map(str, rows))
    assert by_date[-1]["kind"] == "strategy" and by_date[-1]["date"] is None  # undated last


def test_phrase_or_and_exclusion(corpus_sqlite):
    plan = search(corpus_sqlite, '"action plan"', limit=50, order="date")
    assert plan and all("**action plan**" in r["snippet"].lower() for r in plan)
    assert files(plan)[0] == "2022-02-10_csp_minutes.pdf"  # where the plan was first revised
    cctv = {r["block_id"] for r in search(corpus_sqlite, "cctv", limit=100)}
    taxi = {r["block_id"] for r in search(corpus_sqlite, "taxi", limit=100)}
    either = {r["block_id"] for r in search(corpus_sqlite, "cctv or taxi", limit=100)}
    assert either == cctv | taxi and cctv and taxi
    no_budget = {r["block_id"] for r in search(corpus_sqlite, "cctv -budget", limit=100)}
    assert no_budget and no_budget < cctv


def test_filters_and_limit(corpus_sqlite):
    task_group = search(corpus_sqlite, "taxi", body="task group", limit=50)
    assert task_group and all("Task Group" in r["body"] for r in task_group)
    in_2022 = search(corpus_sqlite, "taxi", date_from=date(2022, 1, 1), date_to=date(2022, 12, 31), limit=50)
    assert in_2022 and all(r["date"].year == 2022 for r in in_2022)
    assert [r["kind"] for r in search(corpus_sqlite, "drugs", kind="strategy")] and \
        {r["kind"] for r in search(corpus_sqlite, "drugs", kind="strategy")} == {"strategy"}
    assert len(search(corpus_sqlite, "the", limit=3)) == 3
    assert search(corpus_sqlite, "zyzzyva") == [] and search(corpus_sqlite, "- * ^") == []


def test_replacing_a_file_replaces_its_blocks_in_the_index(engine, tmp_path):
    paper = tmp_path / "board.txt"
    paper.write_text("Riverside Board\n\nMinutes of 4 May 2012.\n\nThe zebra crossing was discussed.\n",
                     encoding="utf-8")
    ingest_paths(engine, [paper])
    assert files(search(engine, "zebra")) == ["board.txt"]

    paper.write_text("Riverside Board\n\nMinutes of 4 May 2012.\n\nThe pelican crossing was discussed.\n",
                     encoding="utf-8")
    assert len(ingest_paths(engine, [paper]).replaced) == 1
    assert search(engine, "zebra") == [] and files(search(engine, "pelican")) == ["board.txt"]

    paper.write_bytes(b"")  # now unreadable: recorded as failed, nothing of it left to find
    assert len(ingest_paths(engine, [paper]).failed) == 1
    assert search(engine, "pelican") == [] and search(engine, "crossing") == []
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM blocks_fts_docsize")) == 0
        conn.execute(text("INSERT INTO blocks_fts (blocks_fts) VALUES ('integrity-check')"))


def test_search_command(corpus_sqlite):
    db = str(corpus_sqlite.url)
    out = CliRunner().invoke(cli, ["search", "naloxone", "--format", "json", "--db", db], catch_exceptions=False)
    rows = json.loads(out.stdout)
    assert rows and {"score", "date", "body", "kind", "document_id", "page", "snippet", "file"} <= set(rows[0])
    table = CliRunner().invoke(cli, ["search", "naloxone", "--limit", "1", "--db", db], catch_exceptions=False)
    # Snippets are plain text in the terminal and in CSV; more hits than the limit are announced.
    assert table.exit_code == 0 and "naloxone" in table.stdout.lower() and "**" not in table.stdout
    assert "more than 1 blocks match" in table.stderr
    plain = CliRunner().invoke(cli, ["search", "naloxone", "--format", "csv", "--db", db], catch_exceptions=False)
    assert "naloxone" in plain.stdout.lower() and "**" not in plain.stdout and "more than" not in plain.stderr


@pytest.mark.parametrize("engine", ["corpus_sqlite", "corpus_pg"])
def test_a_common_word_is_ranked_among_its_first_stored_matches(engine, request, monkeypatch):
    """A query matching more blocks than ``CANDIDATES`` scores only the first
    stored of them, best first, and still says that more match."""
    engine = request.getfixturevalue(engine)
    everything = search(engine, "police", limit=500)
    stored = sorted(r["block_id"] for r in everything)
    assert 5 < len(everything) < 500
    differs = False
    for bound in range(4, len(everything)):
        monkeypatch.setattr(search_module, "CANDIDATES", bound)
        rows, more = search_module.search_more(engine, "police", limit=3)
        best = [r["block_id"] for r in everything if r["block_id"] in stored[:bound]][:3]
        assert more and [r["block_id"] for r in rows] == best, bound
        differs = differs or best != [r["block_id"] for r in everything[:3]]
    assert differs  # some bound leaves out one of the best three overall
    # a limit above the bound: as many candidates as the limit asks (and one more, to tell if there are more)
    rows, more = search_module.search_more(engine, "police", limit=len(everything))
    assert not more and sorted(map(str, rows)) == sorted(map(str, everything))
