"""Money in real files of other bodies (../shared/corpus/wild), checked by hand:
amounts that must come out in pounds with their period, and sums that must not
appear (row numbers, page numbers, dollars)."""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import pytest
from minutes.extract.extractor import extract_file
from minutes.extract.records import Funding
from support import WILD


@lru_cache(maxsize=None)
def _funding(name: str) -> tuple[Funding, ...]:
    path = WILD / name
    if not path.is_file():
        pytest.skip(f"wild file not found: {path}")
    return tuple(f for d in extract_file(path).documents for f in d.funding)


def _found(records, amount: float, period: str | None = "any") -> list[Funding]:
    return [f for f in records if f.amount_gbp == amount and (period == "any" or f.period == period)]


def test_sutton_coldfield_report_every_sum_once() -> None:
    found = _funding("uk_sutton-coldfield-tc_council_agenda-item166-report_2017-02-21.pdf")
    assert len(found) == 17  # the report prints "£" seventeen times
    for amount in (95200, 21000, 5000, 3800):
        assert _found(found, amount)
    assert [f.kind for f in _found(found, 125000)] == ["cost", "total"]
    assert _found(found, 100000, "2017/18")  # "... as part of the 2017/18 budget"
    assert sorted(f.amount_gbp for f in found if f.kind == "rate") == [5, 5, 10]
    assert min(f.amount_gbp for f in found) >= 1


def test_kent_council_minutes_relative_and_written_years() -> None:
    found = _funding("uk_kent-cc_county-council_minutes_2025-03-13.pdf")
    # "this financial year" at a meeting of March 2025 is 2024/25
    assert sorted((f.amount_gbp, f.period or "") for f in found) == [
        (10_000_000, ""), (20_000_000, "2024/25"), (80_000_000, "2025/26")]


def test_kent_budget_amendments_appendix_tables() -> None:
    found = _funding("uk_kent-cc_county-council_budget-amendments-pack_2025-02-13.pdf")
    assert len(found) >= 1200
    # "£000's" columns; the 2027-28 column sits under a header cell shared with 2026-27
    [adults] = [f for f in _found(found, 7_800_000, "2025/26") if f.table_row is not None]
    assert adults.purpose == "Adult Social Care"
    assert any(f.purpose == "Capital Financing Costs" for f in _found(found, 4_000_000, "2027/28"))
    # a total row printed as one cell: label and three figures (core budget; external follows)
    totals = [f for f in found if f.purpose == "TOTAL BASE BUDGET CHANGES"][:3]
    assert [(f.amount_gbp, f.period, f.kind) for f in totals] == [
        (10_289_700, "2025/26", "total"), (-100_000, "2026/27", "total"), (4_000_000, "2027/28", "total")]
    # every figure in a year column has its year; row numbers (1, 2, 3 ...) are no sums
    figures = [f for f in found if f.table_row is not None and "£" not in f.text]
    assert figures and all(f.period for f in figures)
    assert not [f for f in figures if re.fullmatch(r"\d{1,3}", f.text)]
    # amendment forms
    for amount in (75_000, 2_149_000, 5_600_000, 1_750_000):
        assert _found(found, amount)


def test_milburn_parish_minutes_exact_pence() -> None:
    found = _funding("uk_milburn-pc_minutes_2016-01-12.pdf")
    assert sorted(f.amount_gbp for f in found) == [60, 70, 78, 130, 260, Decimal("671.84"), 2700]
    assert [f.period for f in _found(found, 2700)] == ["2016/17"]  # the precept set in January, for the coming year


def test_dollars_are_recorded_as_dollars_not_pounds() -> None:
    for name in ("us_chicago_ssa21_commission_minutes_2018-01-29.pdf",
                 "us_illinois-finance-authority_notice-agenda_2020-12-03.pdf",
                 "us_alameda_city-council_minutes_2006-04-18.pdf"):
        found = _funding(name)
        assert found and {f.currency for f in found} == {"USD"}, name
    assert _found(_funding("us_chicago_ssa21_commission_minutes_2018-01-29.pdf"), 239503)


def test_horsley_village_hall_treasurer_report() -> None:
    found = _funding("uk_horsley-village-hall-committee_minutes_2013-10-08.pdf")
    for amount in (7984, 13440, 12060, 6604, 8462, 4584, 3266, 1318):
        assert _found(found, amount), amount
    assert not _found(found, 5)  # "£5,4,56" is a misprint, no sum of £5
    assert 30 <= len(found) <= 45


def test_suffolk_libraries_funding_bids() -> None:
    found = _funding("uk_suffolk-libraries_board_minutes_2016-12-15.pdf")
    assert _found(found, 250_000)
    assert any(f.amount_high_gbp == 170_000 for f in _found(found, 150_000))  # "between £150k and £170k"
    assert _found(found, 3275)


def test_suffolk_libraries_finance_report_thousands_without_a_sign() -> None:
    # "underspend budget (10k), overspend actual (21k)": thousands of pounds, named by the words before them
    found = _funding("uk_suffolk-libraries_board_minutes_2016-12-15.pdf")
    for amount, purpose in ((10_000, "underspend budget"), (21_000, "overspend actual"), (144_000, "underspend actual")):
        [f] = _found(found, amount)
        assert f.text.lower().endswith("k") and purpose in (f.purpose or "").lower(), (f.text, f.purpose)
