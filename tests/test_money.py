"""Money expressions and periods, on invented sentences."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from minutes.extract.money import find_money, header_scale, parse_cell
from minutes.extract.periods import financial_year_of, find_periods, normalise_period
from work import growth


@pytest.mark.parametrize("text,amount", [
    ("a grant of £133,000 was agreed", Decimal(133000)),
    ("about £5m over the year", Decimal(5_000_000)),
    ("the £1.2M bid", Decimal(1_200_000)),
    ("a cost of £15.4bn nationally", Decimal(15_400_000_000)),
    ("£15.4 billion in all", Decimal(15_400_000_000)),
    ("some £720k of the fund", Decimal(720_000)),
    ("a float of £ 4,000", Decimal(4000)),
    ("a scheme worth £40million", Decimal(40_000_000)),
    ("a scheme worth £40\nmillion", Decimal(40_000_000)),
    ("fees of £12.34 a visit", Decimal("12.34")),
    ("around 3 million pounds", Decimal(3_000_000)),
])
def test_single_sums(text: str, amount: Decimal) -> None:
    [m] = find_money(text)
    assert m.amount == amount and m.high is None and not m.rate
    assert text[m.start:m.end] == m.text


def test_range_keeps_both_ends_and_shares_the_multiplier() -> None:
    [m] = find_money("a bid of £150–170k a year")
    assert (m.amount, m.high) == (Decimal(150_000), Decimal(170_000))
    [m] = find_money("between £20k-£25k")
    assert (m.amount, m.high) == (Decimal(20_000), Decimal(25_000))


def test_a_change_is_two_sums_not_a_range() -> None:
    assert [m.amount for m in find_money("up from £2m to £3m")] == [Decimal(2_000_000), Decimal(3_000_000)]


def test_vat_stays_with_the_sum() -> None:
    [m] = find_money("the survey would be £1,460 +VAT in total")
    assert m.amount == Decimal(1460) and m.text == "£1,460 +VAT"


@pytest.mark.parametrize("text", ["£9.50 per head", "£300 per pupil placed", "£2 a head", "£40 each"])
def test_rates(text: str) -> None:
    assert find_money(text)[0].rate


def test_per_annum_is_not_a_rate() -> None:
    assert not find_money("£30,000 per annum")[0].rate


def test_no_money_without_a_sum() -> None:
    assert find_money("tens of millions of pounds; 2.7 million people; figures in £000") == []


def test_a_dash_before_a_year_is_no_range() -> None:
    [m] = find_money("£2,000 - 2012/13 allocation")
    assert m.amount == Decimal(2000) and m.high is None


@pytest.mark.parametrize("cell,value", [
    ("1,662", (Decimal(1662), False)), ("1086", (Decimal(1086), False)), ("0", (Decimal(0), False)),
    ("(95)", (Decimal(-95), False)), ("(95K)", (Decimal(-95_000), True)), ("-12", (Decimal(-12), False)),
    ("£769K", (Decimal(769_000), True)), ("£1.9m", (Decimal(1_900_000), True)),
    ("N/A", None), ("-", None), ("", None), ("2005/06", None), ("12%", None), ("Youth work", None),
])
def test_cells(cell: str, value) -> None:
    assert parse_cell(cell) == value


@pytest.mark.parametrize("header,scale", [
    ("2011/12 £000", Decimal(1000)), ("£'000", Decimal(1000)), ("(£000s)", Decimal(1000)),
    ("Budget £k", Decimal(1000)), ("£m", Decimal(1_000_000)), ("£ millions", Decimal(1_000_000)),
    ("Cost £", Decimal(1)), ("Allocation", None), ("2011/12", None),
])
def test_header_scale(header: str, scale) -> None:
    assert header_scale(header) == scale


@pytest.mark.parametrize("text,period", [
    ("2010/11", "2010/11"), ("2010-11", "2010/11"), ("2010/2011", "2010/11"), ("FY 2007/8", "2007/08"),
    ("1999/00", "1999/00"), ("in 08/09", "2008/09"), ("calendar 2008", "2008"), ("2003/2008", "2003"),
])
def test_normalise_period(text: str, period: str) -> None:
    assert normalise_period(text) == period


def test_find_periods_resolves_relative_years_against_the_meeting() -> None:
    meeting = date(2012, 2, 9)  # financial year 2011/12
    found = find_periods("spent this financial year, more next year, less than last year", meeting)
    assert [p.period for p in found] == ["2011/12", "2012/13", "2010/11"]
    assert find_periods("spent this financial year") == []  # no meeting date, no guess


def test_find_periods_skips_dates_and_unrelated_numbers() -> None:
    assert find_periods("met on 04/05/2010; score 3/4; 2015 - 2017 plan") == []
    assert [p.period for p in find_periods("agreed in 2008")] == ["2008"]


def test_financial_year_of() -> None:
    assert financial_year_of(date(2011, 3, 31)) == "2010/11"
    assert financial_year_of(date(2011, 4, 1)) == "2011/12"


@pytest.mark.parametrize("cell", ["£000", "£'000", "£000's", "(£000s)"])
def test_a_unit_header_cell_is_no_value(cell: str) -> None:
    from minutes.extract.tables import is_value
    assert parse_cell(cell) is None and not is_value(cell)


def test_between_and_is_a_range() -> None:
    [m] = find_money("the bid would be for between £40k and £55k each year")
    assert (m.amount, m.high, m.rate) == (Decimal(40_000), Decimal(55_000), False)
    assert [m.amount for m in find_money("split between £9,000 and £2,000")] == [Decimal(9000), Decimal(2000)]


def test_a_month_is_a_rate_each_year_is_not() -> None:
    assert find_money("rent of £650 a month")[0].rate
    assert not find_money("£12,000 each year")[0].rate


def test_thousands_without_a_sign_are_pounds_where_the_text_is_about_money() -> None:
    # finance reports write "24k" for £24,000; brackets in a sentence do not make it negative
    found = find_money("Year to date - underspend budget (42k), a surplus of 1.5K and £3k spent")
    assert [(m.text, m.amount, m.currency) for m in found] == [
        ("42k", Decimal(42_000), "GBP"), ("1.5K", Decimal(1_500), "GBP"), ("£3k", Decimal(3_000), "GBP")]
    assert find_money("the group ran 24k between them last spring") == []  # no word of money
    assert find_money("entry fees for the 10k run and a 4K TV for the budget") == []
    from minutes.extract.money import may_hold_money
    assert may_hold_money("Month (4K) and YTD (13K) on costs")


def test_a_misprinted_number_is_no_sum() -> None:
    assert find_money("a deficit of £3,2,10 for the year") == []


def _amounts(size: int) -> str:
    """A block of amounts written every way the finder reads, about ``size`` characters."""
    parts = ["£{i},000", "£{i}m and", "between £{i}k and £{j}k", "£{j} - {i} bids", "{i} pounds", "£{i} per head"]
    out, length, i = [], 0, 1
    while length < size:
        out.append(parts[i % len(parts)].format(i=i, j=i + 5))
        length += len(out[-1]) + 1
        i += 1
    return " ".join(out)


def test_find_money_grows_linearly_with_a_block_of_amounts() -> None:
    # Each sum once sliced off the rest of the text, and searched the text
    # before it for "between": 42 s on a 250 KB block.
    assert len(find_money(_amounts(250_000))) > 10_000
    assert growth(find_money, _amounts, 20_000) < 2.5


def test_find_periods_grows_linearly_with_thousands_of_columns() -> None:
    # A header row of thousands of years: every calendar year was checked against every period before it.
    def columns(size: int) -> str:
        return "\t".join(f"{2000 + i % 20}/{(i % 20) + 1:02d} in {2000 + i % 20}" for i in range(size // 16))
    assert len(find_periods(columns(64_000))) == 2 * (64_000 // 16)
    assert growth(find_periods, columns, 16_000) < 2.5


def test_the_money_gate_lets_through_every_currency_in_any_case() -> None:
    from minutes.extract.money import CURRENCIES, may_hold_money
    for sign in CURRENCIES:
        for written in (sign, sign.upper(), sign.title()):
            assert may_hold_money(f"a grant of {written}5,000 was agreed")
    assert may_hold_money("forty POUNDS")
    assert not may_hold_money("Minutes of the meeting held on 3 May 2024: 12 present")


def test_find_periods_reads_each_kind_however_the_text_writes_it() -> None:
    # each kind of period is looked for only where its mark is: a dash or slash, "year", "19"/"20"
    meeting = date(2010, 6, 1)
    found = find_periods("FY 2010–11, in 2008, NEXT YEAR and 09/10", meeting)
    assert [(p.period, p.financial) for p in found] == [("2010/11", True), ("2008", False), ("2011/12", True),
                                                        ("2009/10", True)]
    assert find_periods("1,234") == [] and find_periods("(95)") == []
