"""SQLite and PostgreSQL give the same answers: the sample archive stored in
each (a real PostgreSQL server, started for the run), then the same questions.
Ranking functions differ (bm25 and ts_rank), so search is compared by the set
of hits and in date order; everything else row for row."""
from __future__ import annotations

import pytest
import test_ingest
from minutes.models import ingest_paths, queries, store_extraction
from minutes.models.export import export_rows, tables
from minutes.models.search import search
from minutes.models.trace import trace
from sqlalchemy import text
from support import sample_extraction

QUERIES = ["drugs", "night-time economy", '"action plan"', "CCTV or taxi", "cctv -budget", "naloxone",
           "Priya Shah", "safe space", "domestic abuse"]


def test_meetings_match(corpus_sqlite, corpus_pg):
    rows = queries.meetings(corpus_sqlite)
    assert len(rows) == 12 and queries.meetings(corpus_pg) == rows
    for body in ("task group", "partnership"):
        assert queries.meetings(corpus_pg, body=body) == queries.meetings(corpus_sqlite, body=body)


def test_actions_match(corpus_sqlite, corpus_pg):
    assert queries.list_actions(corpus_pg) == queries.list_actions(corpus_sqlite)
    for owner in ("priya", "Patel", "chair"):
        rows = queries.list_actions(corpus_sqlite, owner=owner)
        assert rows and queries.list_actions(corpus_pg, owner=owner) == rows


def test_funding_and_totals_match(corpus_sqlite, corpus_pg):
    rows = queries.list_funding(corpus_sqlite)
    assert rows and queries.list_funding(corpus_pg) == rows
    totals = queries.funding_totals(rows)
    assert queries.funding_totals(queries.list_funding(corpus_pg)) == totals
    assert queries.list_funding(corpus_pg, period="2022/23") == queries.list_funding(corpus_sqlite, period="2022/23")


def test_summary_and_exports_match(corpus_sqlite, corpus_pg):
    assert queries.summary(corpus_pg) == queries.summary(corpus_sqlite)
    for table in tables():
        def rows(engine):
            return [{k: v for k, v in r.items() if k not in ("ingested_at", "added_at")} for r in export_rows(engine, table)]
        assert rows(corpus_pg) == rows(corpus_sqlite), table


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_same_blocks(corpus_sqlite, corpus_pg, query):
    def hits(engine, order):
        return [{k: v for k, v in r.items() if k not in ("score", "snippet")}
                for r in search(engine, query, limit=500, order=order)]
    by_date = hits(corpus_sqlite, "date")
    assert by_date and hits(corpus_pg, "date") == by_date
    ranked = hits(corpus_pg, "rank")
    assert sorted(map(repr, ranked)) == sorted(map(repr, by_date))
    assert all("**" in r["snippet"] for r in search(corpus_pg, query, limit=500))


def test_search_top_documents_agree(corpus_sqlite, corpus_pg):
    # The best hit for a query naming a heading is that heading's document in both.
    for query in ("drug treatment plan", "brookfield estate cctv", "late-night transport"):
        assert search(corpus_pg, query, limit=1)[0]["document_id"] == \
            search(corpus_sqlite, query, limit=1)[0]["document_id"], query


@pytest.mark.parametrize("topic", ["CCTV", "drugs", "night-time economy", "taxi"])
def test_trace_matches(corpus_sqlite, corpus_pg, topic):
    rows = trace(corpus_sqlite, topic)
    assert rows and trace(corpus_pg, topic) == rows


def test_replacing_a_file_replaces_its_blocks_in_the_index(pg_engine, tmp_path):
    paper = tmp_path / "board.txt"
    for old, new in (("zebra", "pelican"), ("pelican", None)):
        paper.write_text(f"Riverside Board\n\nMinutes of 4 May 2012.\n\nThe {old} crossing was discussed.\n")
        ingest_paths(pg_engine, [paper])
        assert [r["block_kind"] for r in search(pg_engine, old)] == ["paragraph"]
        if new:
            paper.write_text(f"Riverside Board\n\nMinutes of 4 May 2012.\n\nThe {new} crossing was discussed.\n")
        else:
            paper.write_bytes(b"")  # unreadable: recorded as failed, nothing of it left
        ingest_paths(pg_engine, [paper])
        assert search(pg_engine, old) == []
    with pg_engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM blocks")) == 0


# The ingest tests that use no SQLite-only SQL, on PostgreSQL.
@pytest.mark.parametrize("test", [test_ingest.test_changed_file_replaces_its_records,
                                  test_ingest.test_bad_files_are_recorded_and_the_batch_goes_on,
                                  test_ingest.test_a_crash_outside_the_components_is_a_failure_not_an_abort,
                                  test_ingest.test_a_changed_component_version_re_extracts_a_stored_file],
                         ids=lambda t: t.__name__)
def test_ingest_on_postgresql(test, pg_engine, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    kwargs = {"engine": pg_engine, "docs": docs, "monkeypatch": monkeypatch}
    test(**{k: v for k, v in kwargs.items() if k in test.__code__.co_varnames[:test.__code__.co_argcount]})


def test_a_file_is_stored_all_or_nothing_on_postgresql(pg_engine, tmp_path):
    with pg_engine.begin() as conn:
        conn.execute(text("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE 'refused by test'; END $$ "
                          "LANGUAGE plpgsql"))
        conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON funding FOR EACH ROW EXECUTE FUNCTION refuse()"))
    with pytest.raises(Exception, match="refused by test"):
        store_extraction(pg_engine, sample_extraction(str(tmp_path / "a.txt")))
    assert all(ids == [] for ids in test_ingest.snapshot(pg_engine).values())
    assert search(pg_engine, "budget") == []
