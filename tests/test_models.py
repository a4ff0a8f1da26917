"""Storing hand-built extractions and querying them back."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from minutes.extract.records import Owner
from minutes.models import connect, queries, store_extraction
from minutes.models.source import quotes, stored_blocks
from minutes.models.periods import financial_years
from minutes.models.schema import Base, action_owners, actions, attendance, funding, items, people, source_files
from sqlalchemy import func, select
from support import sample_extraction

EXTRACTED = ["documents", "attendance", "items", "actions", "action_owners", "decisions", "funding", "targets"]


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.scalar(select(func.count()).select_from(source_files.metadata.tables[t]))
                for t in ["source_files", "bodies", "people"] + EXTRACTED}


def test_store_writes_every_record_with_provenance(engine, tmp_path):
    fx = sample_extraction(str(tmp_path / "a.txt"))
    file_id = store_extraction(engine, fx, size=123)
    assert counts(engine) == {"source_files": 1, "bodies": 1, "people": 3, "documents": 1, "attendance": 3,
                              "items": 2, "actions": 2, "action_owners": 3, "decisions": 1, "funding": 5,
                              "targets": 1}
    with engine.connect() as conn:
        f = conn.execute(select(source_files)).one()
        assert (f.id, f.status, f.pages, f.size, f.format) == (file_id, "ok", 2, 123, "txt")
        for name in EXTRACTED:
            table = source_files.metadata.tables[name]
            rows = conn.execute(select(table.c.source_file_id, table.c.page, table.c.span_start, table.c.span_end))
            for row in rows:
                assert row.source_file_id == file_id and row.page in (1, 2) and row.span_end > row.span_start
        # Spans index the parsed text: the action's span is where its words are.
        a = conn.execute(select(actions).where(actions.c.text == "Cost the new play area")).one()
        assert "play area" in fx.parsed.text[a.span_start:a.span_end] and a.page == 2
        assert (a.due_date, a.due_precision, a.log_status) == (date(2011, 4, 1), "day", None)
        item2 = conn.execute(select(items.c.id).where(items.c.ref == "2")).scalar_one()
        assert a.item_id == item2


def test_stored_blocks_are_printed_with_their_numbers(engine, tmp_path):
    """A numbered item's block is stored as printed, "2. Parks", so the
    item's span (from its number) reads back whole and search finds it."""
    fx = sample_extraction(str(tmp_path / "a.txt"))
    file_id = store_extraction(engine, fx, size=1)
    with engine.connect() as conn:
        texts = [b.text for b in stored_blocks(conn, file_id)]
        start, end = conn.execute(select(items.c.span_start, items.c.span_end).where(items.c.ref == "2")).one()
        assert quotes(conn, file_id, [(start, end)]) == ["2. Parks"] == [fx.parsed.text[start:end]]
    assert "1. Budget" in texts and "2. Parks" in texts


def test_owners_link_to_the_people_of_the_body(engine, tmp_path):
    store_extraction(engine, sample_extraction(str(tmp_path / "a.txt")))
    with engine.connect() as conn:
        owners = {o.name: o for o in conn.execute(select(action_owners))}
        ben = conn.execute(select(attendance.c.person_id).join(people, people.c.id == attendance.c.person_id)
                           .where(people.c.name == "Ben Ortiz")).scalar_one()
    assert owners["Ben Ortiz"].person_id == ben and owners["Ben Ortiz"].as_written == "Ben"
    assert owners["Parks Team"].person_id is None and not owners["Parks Team"].is_person


def test_an_ambiguous_owner_is_stored_as_written_and_linked_to_nobody(engine, tmp_path):
    fx = sample_extraction(str(tmp_path / "a.txt"))
    doc = fx.documents[0]
    doc.attendees[0].initials, doc.attendees[0].category = "AQ", "Present"
    doc.actions[1].owners = [Owner("AO", "AO", True, ambiguous=True)]
    store_extraction(engine, fx)
    with engine.connect() as conn:
        owner = conn.execute(select(action_owners).where(action_owners.c.as_written == "AO")).one()
        names = set(conn.execute(select(people.c.name)).scalars())
        ada = conn.execute(select(attendance.c.initials, attendance.c.category)
                           .join(people, people.c.id == attendance.c.person_id).where(people.c.name == "Ada Quill")).one()
    assert (owner.ambiguous, owner.is_person, owner.person_id) == (True, True, None) and "AO" not in names
    assert tuple(ada) == ("AQ", "Present")


def test_people_are_one_per_name_within_a_body(engine, tmp_path):
    store_extraction(engine, sample_extraction(str(tmp_path / "a.txt")))
    store_extraction(engine, sample_extraction(str(tmp_path / "b.txt"), sha256="b" * 64))
    assert counts(engine)["people"] == 3
    store_extraction(engine, sample_extraction(str(tmp_path / "c.txt"), body="Eastvale Parish Council"))
    assert counts(engine)["people"] == 6 and counts(engine)["bodies"] == 2
    with engine.connect() as conn:
        keys = set(conn.scalars(select(people.c.name_key)))
    assert "ada quill" in keys


def test_money_is_exact_and_financial_years_are_dates(engine, tmp_path):
    store_extraction(engine, sample_extraction(str(tmp_path / "a.txt")))
    with engine.connect() as conn:
        rows = {r.text: r for r in conn.execute(select(funding))}
    assert rows["£100,000.10"].amount == Decimal("100000.10")
    assert rows["£1m-£2m"].amount_high == Decimal("2000000.00")
    assert (rows["£50k"].period_start, rows["£50k"].period_end) == (date(2010, 4, 1), date(2011, 3, 31))
    assert financial_years("2008") is None
    assert financial_years("2010/11 to 2012/13") == (date(2010, 4, 1), date(2013, 3, 31))


def test_storing_a_path_again_replaces_all_its_rows(engine, tmp_path):
    path = str(tmp_path / "a.txt")
    first = store_extraction(engine, sample_extraction(path))
    fx = sample_extraction(path, sha256="b" * 64)
    fx.documents[0].actions = fx.documents[0].actions[:1]
    fx.documents[0].funding = []
    second = store_extraction(engine, fx)
    assert second != first
    c = counts(engine)
    assert (c["source_files"], c["documents"], c["actions"], c["action_owners"], c["funding"]) == (1, 1, 1, 2, 0)
    with engine.connect() as conn:
        for name in EXTRACTED:
            table = source_files.metadata.tables[name]
            assert conn.scalar(select(func.count()).where(table.c.source_file_id == first)) == 0


def test_meetings_and_document(engine, tmp_path):
    store_extraction(engine, sample_extraction(str(tmp_path / "a.txt")))
    store_extraction(engine, sample_extraction(str(tmp_path / "b.txt"), body="Eastvale Parish Council"))
    assert [m["body"] for m in queries.meetings(engine, body="eastvale")] == ["Eastvale Parish Council"]
    assert queries.meetings(engine, date_from=date(2011, 3, 4)) == []
    assert len(queries.meetings(engine, kind="minutes", date_to=date(2011, 3, 3))) == 2
    doc_id = queries.meetings(engine, body="northfield")[0]["id"]
    doc = queries.document(engine, doc_id)
    assert [a["name"] for a in doc["attendance"] if a["status"] == "apologies"] == ["Cara Dunn"]
    assert [i["ref"] for i in doc["items"]] == ["1", "2"]
    assert doc["actions"][0]["owners"] == "Ben Ortiz; Parks Team" and doc["actions"][0]["page"] == 2
    assert doc["next_meeting"]["date"] == date(2011, 6, 2)
    assert doc["targets"][0]["target"] == Decimal("25")
    assert queries.document(engine, doc_id + 100) is None


def test_actions_by_owner_body_and_due_date(engine, tmp_path):
    store_extraction(engine, sample_extraction(str(tmp_path / "a.txt")))
    store_extraction(engine, sample_extraction(str(tmp_path / "b.txt"), body="Eastvale Parish Council"))
    assert len(queries.list_actions(engine)) == 4
    # As written ("the Parks Team") or as resolved, any case, anywhere in the name.
    assert {a["text"] for a in queries.list_actions(engine, owner="PARKS")} == {"Cost the new play area"}
    assert {a["text"] for a in queries.list_actions(engine, owner="chair")} == {"Circulate the budget paper"}
    assert queries.list_actions(engine, owner="%") == []
    rows = queries.list_actions(engine, body="northfield", due_before=date(2011, 4, 2))
    assert [(r["text"], r["due"], r["page"]) for r in rows] == [("Cost the new play area", "2011-04-01", 2)]
    assert rows[0]["file"].endswith("a.txt")
    assert queries.list_actions(engine, due_before=date(2011, 4, 1)) == []


def test_funding_filters_and_totals(engine, tmp_path):
    store_extraction(engine, sample_extraction(str(tmp_path / "a.txt")))
    # "2010-11" finds the rows written "2010/11" and "2010-11".
    assert len(queries.list_funding(engine, period="2010-11")) == 4
    assert [r["text"] for r in queries.list_funding(engine, purpose="play")] == ["£1m-£2m"]
    assert len(queries.list_funding(engine, min_amount=Decimal("100000.10"))) == 3
    totals = {t["period"]: t for t in queries.funding_totals(queries.list_funding(engine))}
    # The total row and the rate are not added to the allocations they restate.
    assert totals["2010/11"]["total"] == Decimal("150000.10")
    assert (totals["2010/11"]["facts"], totals["2010/11"]["skipped"]) == (2, "1 rate, 1 total")
    # A cost is not the body's money to spend: listed, not added.
    assert (totals["2011/12"]["total"], totals["2011/12"]["skipped"]) == (Decimal("0"), "1 cost")


def test_postgresql_stores_replaces_and_queries(pg_url, tmp_path):
    engine = connect(pg_url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    path = str(tmp_path / "a.txt")
    first = store_extraction(engine, sample_extraction(path))
    second = store_extraction(engine, sample_extraction(path, sha256="b" * 64))
    assert second != first and counts(engine)["funding"] == 5
    assert queries.list_funding(engine, period="2010/11")[0]["amount"] == Decimal("100000.10")
    assert [a["owners"] for a in queries.list_actions(engine, owner="parks")] == ["Ben Ortiz; Parks Team"]
    engine.dispose()
