"""Money as facts, not mentions: a sum said again in one paper is one fact
with each mention as its evidence; totals add only allocations and budget
lines of a body, by period; national estimates, balances, quotes and
payments are kept, not summed; the table prints £1,234,567 with pence only
where printed; other currencies keep their currency. SQLite and PostgreSQL."""
from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner

from support import new_pg_database
from minutes.extract.money import find_money, format_amount, printed_pence
from minutes.extract.records import Funding, Span
from minutes.models import connect, ingest_paths, queries
from minutes.models.rows import same_facts
from minutes.pipeline import cli


def test_amounts_print_as_an_officer_reads_them():
    assert format_amount(Decimal("1234567.00")) == "£1,234,567"
    assert format_amount(Decimal("720.00"), pence=printed_pence("£720.00")) == "£720.00"
    assert format_amount(Decimal("3234700"), pence=printed_pence("£3,234.7k")) == "£3,234,700"
    assert format_amount(Decimal("-95000")) == "-£95,000"
    assert format_amount(Decimal("250000"), "USD") == "$250,000"


def test_other_currencies_are_kept_with_their_currency():
    found = {(m.text, m.amount, m.currency) for m in find_money("a grant of $250,000, €1.5m and US$2m, and £40")}
    assert found == {("$250,000", 250000, "USD"), ("€1.5m", Decimal("1500000.0"), "EUR"),
                     ("US$2m", 2000000, "USD"), ("£40", 40, "GBP")}


def _f(amount: int, period: str | None = None, row: int | None = None, purpose: str | None = None) -> Funding:
    return Funding(Decimal(amount), f"£{amount}", Span(1, 0, 1), kind="allocation", period=period,
                   table_row=row, purpose=purpose)


def test_a_sum_said_again_is_one_fact():
    mentions = [_f(1_200_000, "2010/11"), _f(5_000), _f(1_200_000), _f(1_200_000, "2011/12"),
                _f(10_000, row=1, purpose="Parks"), _f(10_000, row=2, purpose="Youth")]
    # the repeated £1.2M with no year named is the 2010/11 one; another year is another fact;
    # two lines of a table are two facts however alike their sums
    assert same_facts(mentions) == [0, 1, 0, 3, 4, 5]


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return new_pg_database(request.getfixturevalue("pg_url"), "money_" + request.node.name.lower()[-40:])


def test_totals_add_only_the_bodys_allocations(url, shared):
    engine = connect(url)
    ingest_paths(engine, [shared / "corpus" / "seeds", shared / "corpus" / "rendered"])
    [prg] = queries.list_funding(engine, purpose="PRG")  # one grant, three copies of its paper: one fact
    assert (prg["amount"], prg["period"], prg["kinds"]) == (Decimal("1200000.00"), "2010/11", ["allocation"])
    totals = queries.funding_totals(queries.list_funding(engine))
    assert all(t["total"] < Decimal("1e9") for t in totals)  # no national cost-to-society estimate added
    estimates = [f for f in queries.list_funding(engine) if "estimate" in f["kinds"]]
    assert {f["amount"] for f in estimates} >= {Decimal("15400000000.00")}
    # a total line restates the lines above it: never added
    halton = [t for t in totals if t["body"] == "Safer Halton Partnership" and t["period"] == "2011/12"]
    assert halton and "total" in halton[0]["skipped"]
    out = CliRunner().invoke(cli, ["funding", "--purpose", "PRG", "--db", url]).output
    assert "£1,200,000" in out and "1200000.00" not in out


def test_kent_repeated_sum_is_one_fact(url, shared):
    engine = connect(url)
    ingest_paths(engine, sorted((shared / "corpus" / "wild").glob("uk_kent-cc_county-council_budget*")))
    grant = [f for f in queries.list_funding(engine) if f["amount"] == Decimal("3234700.00")
             and f["kinds"] == ["allocation"]]
    assert [(f["mentions"], f["text"]) for f in grant] == [(2, "£3,234.7k")]


def test_payments_and_balances_are_listed_not_summed(url, shared):
    engine = connect(url)
    ingest_paths(engine, [shared / "corpus" / "archives" / "milburn-pc" / "minutes_2016-03-01_.pdf"])
    facts = queries.list_funding(engine)
    kinds = {f["amount"]: f["kinds"] for f in facts}
    assert kinds[Decimal("1527.37")] == ["balance"] and kinds[Decimal("1595.76")] == ["balance"]
    assert kinds[Decimal("450.00")] == ["payment"]  # the clerk's fee, resolved to pay
    [total] = queries.funding_totals(facts)
    assert total["total"] == sum(f["amount"] for f in facts if f["kinds"] == ["allocation"])
    assert "2 balance" in total["skipped"] and "payment" in total["skipped"]
    # the same sum for two things is two facts: the website's set-up and the churchyard donation
    assert [f["mentions"] for f in facts if f["amount"] == Decimal("250.00")] == [1, 1]
    out = CliRunner().invoke(cli, ["funding", "--db", url]).output
    assert "£1,527.37" in out and "£640" in out
