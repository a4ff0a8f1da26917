"""Funding records from invented minutes and tables, and the seed 004
per-period sums against the gold (read from ../shared at run time)."""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from minutes.extract.document import DocumentBuilder, ParsedFile
from minutes.extract.funding import extract_funding
from minutes.extract.records import ExtractedDocument, Funding, Section


def _doc(parts: list, meeting: date | None = date(2012, 2, 9)) -> tuple[ParsedFile, list[Funding]]:
    """Build a document from paragraphs (str), tables (list of rows) and page breaks (None)."""
    b = DocumentBuilder("t.txt", "txt", "0")
    b.new_page()
    for part in parts:
        if part is None:
            b.new_page()
        elif isinstance(part, str):
            b.add("heading" if part.startswith("#") else "paragraph", part.lstrip("# "))
        else:
            b.add_table(part)
    parsed = b.build()
    doc = ExtractedDocument(Section("minutes", "t", parsed.blocks, meeting_date=meeting))
    return parsed, extract_funding(doc)


def test_sentence_sums_take_their_own_period() -> None:
    parsed, found = _doc(["The board received £210,000 for 2011/12; £95,000 for 2012/13 and £40,000 for 2013/14."])
    assert [(f.amount_gbp, f.period) for f in found] == [(210000, "2011/12"), (95000, "2012/13"), (40000, "2013/14")]
    for f in found:
        assert parsed.text[f.span.start:f.span.end] == f.text


def test_period_before_the_sum_and_relative_years() -> None:
    _, found = _doc(["A cut of £30,000 is expected for 2012/13 and a rise of £5,000 for the youth budget. "
                     "The parks budget will be underspent this financial year by about £12,500."])
    assert [(f.amount_gbp, f.period) for f in found] == [(30000, "2012/13"), (5000, "2012/13"), (12500, "2011/12")]
    assert found[1].purpose == "youth budget"


def test_a_precept_set_in_the_winter_is_for_the_coming_financial_year() -> None:
    set_in = {date(2016, 1, 12): "2016/17", date(2015, 11, 10): "2016/17", date(2016, 3, 1): "2016/17"}
    for meeting, year in set_in.items():
        _, found = _doc(["It was resolved to set the precept at £2,700."], meeting)
        assert [(f.amount_gbp, f.period) for f in found] == [(2700, year)], meeting
    # set out of season, or received: no year is said, so none is given
    _, found = _doc(["It was resolved to set the precept at £2,700."], date(2016, 6, 14))
    assert found[0].period is None
    _, found = _doc(["The second half of the precept, £1,350, has been received."], date(2016, 10, 4))
    assert found[0].period is None
    # another sum in the sentence is not the precept
    _, found = _doc(["The precept was agreed and it was resolved to pay £60 to the hall."], date(2016, 1, 12))
    assert found[0].period is None


def test_a_year_after_a_sum_in_another_clause_is_not_the_sums() -> None:
    _, found = _doc(["2018/2019 Precept - it was resolved to increase the precept to £5000, as it was reduced "
                     "last year to £2500."], date(2018, 1, 16))
    assert [(f.amount_gbp, f.period) for f in found] == [(5000, "2018/19"), (2500, "2016/17")]
    _, found = _doc(["The cost of this light would be £121 - 2018/19, £91 - 2019/20 and £30 2020/21."])
    assert [(f.amount_gbp, f.period) for f in found] == [(121, "2018/19"), (91, "2019/20"), (30, "2020/21")]


def test_no_period_when_none_is_said() -> None:
    _, found = _doc(["The lighting scheme will cost £8,200. Work starts in the 2013/14 programme."])
    assert found[0].period is None and found[0].kind == "cost"


def test_kinds_rate_total_cost() -> None:
    _, found = _doc(["Each session costs £64.00 per head. The council gave a grant of £20,000, making a total of £70,000."])
    assert [f.kind for f in found] == ["rate", "allocation", "total"]
    assert found[0].purpose == "per head"


def test_a_sum_in_brackets_is_named_by_the_words_before_them() -> None:
    _, found = _doc(["Monthly accounts: staff costs under budget (£4,000); for 2012/13 £9,000 and (£2,000)."])
    assert [(f.amount_gbp, f.purpose) for f in found][::2] == [(4000, "staff costs under budget"), (2000, None)]


def test_what_a_sum_goes_towards_is_its_purpose() -> None:
    _, found = _doc(["It was resolved to award a grant of £250 to the Youth Club towards its summer trip.",
                     "Proposed and resolved unanimously to award £300 towards hanging baskets."])
    assert [(f.amount_gbp, f.purpose) for f in found] == [(250, "summer trip"), (300, "hanging baskets")]


def test_a_purpose_read_past_who_reports_the_sum_or_after_it_when_nothing_names_it_before() -> None:
    cases = {  # sentence: the purpose of its one sum
        "ML reported that income for the year to date was £2.4m.": "income for the year to date",
        "CP presented the budget, showing a planned deficit of £180,000.": "planned deficit",
        "It was proposed that the precept for 2025/26 be set at £48,600.": "precept for 2025/26",
        "Direct library costs have been reduced by £38,000.": "Direct library costs",
        "There is approximately £260 of lottery funding remaining.": "lottery funding remaining",
        "The fund is £31.2m, of which £4.5m is the Disabled Facilities Grant.": "Disabled Facilities Grant",
        "The Board approved the release of £45,000 from reserves to fund roof repairs.": "roof repairs",
        "The committee agreed to spend up to £200 on the Easter event.": "Easter event",
        "The following payments were approved: Clerk's salary (August) £412.50.": "Clerk's salary",
        "Currently £200 has been promised.": None,  # what follows is a verb, no name
        "The PCN has £96,000 of unspent ARRS funding.": "unspent ARRS funding",
        "● Balance at 28 February: £3,412.18": "Balance at 28 February",
    }
    for sentence, purpose in cases.items():
        _, found = _doc([sentence])
        assert [f.purpose for f in found if f.amount_gbp not in (31200000,)] == [purpose], sentence


def test_range_record_keeps_both_ends() -> None:
    _, [f] = _doc(["The trust could bid for £150–170k a year."])
    assert (f.amount_gbp, f.amount_high_gbp) == (150000, 170000)


def test_a_range_with_both_ends_in_pounds_is_two_mentions_in_the_record() -> None:
    from minutes.extract.export import document_record
    parsed, found = _doc(["The trust could bid for between £150k and £170k a year, or £150–170k."])
    doc = ExtractedDocument(Section("minutes", "t", parsed.blocks, meeting_date=date(2012, 2, 9)), funding=found)
    entries = document_record(doc)["funding"]
    assert [(e["amount_gbp"], e["text"], parsed.text[e["start"]:e["end"]]) for e in entries] == [
        (150000, "£150k", "£150k"), (170000, "£170k", "£170k"), (150000, "£150–170k", "£150–170k")]
    assert entries[0]["amount_range"] == "£150k and £170k" and entries[2]["amount_high_gbp"] == 170000
    assert len(found) == 2  # the extraction (and the database) keeps the first as one range, counted once


def _grant_table(total: bool = True) -> list[list[str]]:
    rows = [["Block: Invented Services", "", ""],
            ["Streams", "2011/12 £000", "2012/13 £000"],
            ["Library Fund", "1,250", "1,300"],
            ["Core budgets:", "", ""],
            ["Parks", "(95)", "N/A"]]
    return rows + ([["TOTAL", "1,155", "1,300"]] if total else [])


def test_table_scaled_by_header_with_groups_periods_and_totals() -> None:
    parsed, found = _doc(["# Appendix", _grant_table()])
    got = [(f.amount_gbp, f.period, f.purpose, f.kind, f.table_row, f.table_col) for f in found]
    assert got == [
        (1250000, "2011/12", "Library Fund", "allocation", 2, 1),
        (1300000, "2012/13", "Library Fund", "allocation", 2, 2),
        (-95000, "2011/12", "Core budgets: Parks", "other", 4, 1),
        (1155000, "2011/12", "Total (Block: Invented Services)", "total", 5, 1),
        (1300000, "2012/13", "Total (Block: Invented Services)", "total", 5, 2),
    ]
    for f in found:
        assert parsed.text[f.span.start:f.span.end] == f.text


def test_table_in_millions_and_caption_scale() -> None:
    _, found = _doc(["Capital programme (£m)", [["Scheme", "2013/14", "2014/15"], ["Bridge", "1.5", "0.25"]]])
    assert [(f.amount_gbp, f.period) for f in found] == [(1500000, "2013/14"), (250000, "2014/15")]


def test_figures_without_a_currency_are_not_money() -> None:
    _, found = _doc([[["Indicator", "2011/12 Baseline", "2012/13 Target"], ["Burglaries", "383", "368"]]])
    assert found == []


def test_continuation_without_header_inherits_header_and_group() -> None:
    first = _grant_table(total=False)
    rest = [["Sports", "20", "30"], ["TOTAL", "1,195", "1,330"]]
    _, found = _doc([first, None, "# Running page title", rest])
    sports = [f for f in found if f.amount_gbp in (20000, 30000)]
    assert [(f.period, f.purpose) for f in sports] == [("2011/12", "Core budgets: Sports"), ("2012/13", "Core budgets: Sports")]
    assert sum(f.kind == "total" for f in found) == 2


def test_continuation_with_repeated_header_and_row_cut_by_the_page() -> None:
    head = [["Project", "Cost £"]]
    _, found = _doc([head + [["Invest in new play", "£4,000"]], None,
                     head + [["equipment during 2012/13", ""], ["Repairs", "£900"]]])
    assert [(f.amount_gbp, f.period, f.purpose) for f in found] == [
        (4000, "2012/13", "Invest in new play equipment during 2012/13"), (900, None, "Repairs")]


def test_label_column_is_the_description_not_the_row_number() -> None:
    _, found = _doc([[["Ref", "Description", "2012/13 £000"], ["1", "Road repairs", "12.5"], ["2", "Street lights", "-3.0"]]])
    assert [(f.amount_gbp, f.purpose) for f in found] == [(12500, "Road repairs"), (-3000, "Street lights")]


def test_money_inside_a_row_label() -> None:
    _, found = _doc([[["Stream", "2012/13 £000"], ["Housing support (all providers - £2.1m in 11/12)", ""], ["Grants", "10"]]])
    assert [(f.amount_gbp, f.period, f.purpose) for f in found] == [
        (2100000, "2011/12", "Housing support (all providers)"), (10000, "2012/13", "Grants")]


# ---- seed 004: three £000 tables across pages ------------------------------------------

SEED = "004_4bbad643ca412e62"


def _per_period(records: list[dict]) -> dict[str | None, float]:
    sums: dict[str | None, float] = defaultdict(float)
    for r in records:
        sums[r.get("period")] += float(r["amount_gbp"])
    return dict(sums)


@pytest.mark.parametrize("source", ["corpus/seeds/{}.txt", "corpus/rendered/{}.docx", "corpus/rendered/{}.pdf"])
def test_seed_004_sums_per_period_match_the_gold(shared: Path, source: str) -> None:
    from minutes.extract.export import file_record
    from minutes.extract.extractor import extract_file
    gold = json.loads((shared / "eval" / "gold" / f"{SEED}.json").read_text())
    want = _per_period([f for d in gold["documents"] for f in d.get("funding", [])])
    path = shared / source.format(SEED)
    got = _per_period([f for d in file_record(extract_file(path))["documents"] for f in d["funding"]])
    assert got == pytest.approx(want)


# ---- shapes seen in other bodies' papers ---------------------------------------------

def test_unit_in_a_merged_first_header_row_with_years_below() -> None:
    rows = [["Stream", "£000", "", ""], ["", "2024/25", "2025/26", "2026/27"], ["Wardens", "98", "98", "0"]]
    _, found = _doc([rows])
    assert [(f.amount_gbp, f.period) for f in found] == [(98000, "2024/25"), (98000, "2025/26"), (0, "2026/27")]


def test_k_figures_under_budget_headers_take_the_caption_year() -> None:
    _, found = _doc(["# Hall budget 2019/20", [["", "Budget", "Actual"], ["Lettings", "12K", "(3K)"]]])
    assert [(f.amount_gbp, f.period) for f in found] == [(12000, "2019/20"), (-3000, "2019/20")]
    _, found = _doc([[["Event", "Runners"], ["Fun run", "10K"]]])
    assert found == []  # no money said anywhere


def test_item_title_year_for_sums_in_its_text() -> None:
    b = DocumentBuilder("t.txt", "txt", "0")
    b.new_page()
    heading = b.add("heading", "7 Grants 2015/16")
    b.add("paragraph", "Scouts £400, the bowls club £250.")
    b.add("heading", "8 Play area")
    b.add("paragraph", "The new swings cost £3,100.")
    parsed = b.build()
    from minutes.extract.records import Item, Span
    items = [Item("7", "Grants 2015/16", Span(1, heading.start, heading.end)),
             Item("8", "Play area", Span(1, parsed.blocks[2].start, parsed.blocks[2].end))]
    doc = ExtractedDocument(Section("minutes", "t", parsed.blocks, meeting_date=date(2015, 6, 1)), items=items)
    assert [(f.amount_gbp, f.period) for f in extract_funding(doc)] == [(400, "2015/16"), (250, "2015/16"), (3100, None)]


def test_a_year_after_another_sum_is_that_sums() -> None:
    _, found = _doc(["The leaflets cost £900, paid from the £5,000 grant for 2013/14."])
    assert [(f.amount_gbp, f.period) for f in found] == [(900, None), (5000, "2013/14")]


def test_row_numbers_are_not_sums() -> None:
    rows = [["Ref", "Scheme", "2014/15 £000"], ["1", "Paths", "12.0"], ["2", "Lights", "3.5"], ["3", "Signs", "0.5"]]
    _, found = _doc([rows])
    assert [(f.amount_gbp, f.table_col) for f in found] == [(12000, 2), (3500, 2), (500, 2)]
    rows = [["", "Scheme", "Cost £"], ["1", "Paths", "1,200"], ["2", "Lights", "350"], ["3", "Signs", "90"]]
    _, found = _doc([rows])
    assert [f.amount_gbp for f in found] == [1200, 350, 90]


def test_years_of_a_header_cell_spanning_columns_go_one_to_each() -> None:
    rows = [["Item", "2024-25 £000's", "2025-26 2026-27 £000's", ""],
            ["Libraries (review in 2023-24)", "10.0", "-5.0", "2.5"]]
    _, found = _doc([rows])
    assert [(f.amount_gbp, f.period) for f in found] == [(10000, "2024/25"), (-5000, "2025/26"), (2500, "2026/27")]


def test_total_row_printed_in_one_cell() -> None:
    rows = [["Item", "2024-25 £000", "2025-26 £000"], ["Libraries", "10.0", "12.0"],
            ["TOTAL LIBRARY CHANGES 10.0 12.0", "", ""]]
    parsed, found = _doc([rows])
    totals = [(f.amount_gbp, f.period, f.purpose, f.kind, f.text) for f in found if f.kind == "total"]
    assert all(parsed.text[f.span.start:f.span.end] == f.text for f in found)
    assert totals == [(10000, "2024/25", "TOTAL LIBRARY CHANGES", "total", "10.0"),
                      (12000, "2025/26", "TOTAL LIBRARY CHANGES", "total", "12.0")]


def test_minutes_laid_out_in_a_table_are_read_as_text() -> None:
    prose = ("Grants: the Board heard that branches could bid for up to £40k for one year. "
             "The Treasurer said the pilot would cost £2,150 +VAT in 2013/14. Members asked for a report.")
    _, found = _doc([[["7.", prose], ["8.", "Any other business was noted."]]])
    assert [(f.amount_gbp, f.period, f.table_row, f.table_col) for f in found] == \
        [(40000, None, 0, 1), (2150, "2013/14", 0, 1)]


def test_a_purpose_holds_no_piece_of_another_figure() -> None:
    """A decimal point ends no clause, and a sum before is a stop whole: "£1.2m against a budget of £1.1m" names
    the first by the words before it, not "2m ..."; a paragraph's number leaves a purpose ("11.1 Our bank balance")."""
    _, found = _doc(["Income for the year was £1.2m against a budget of £1.1m.",
                     "11.1 Our bank balance stands at £11k.",
                     "Stamps £ 9.59 Playground Inspection £ 54.00"])
    assert [(f.text, f.purpose) for f in found] == [
        ("£1.2m", "Income for the year"), ("£1.1m", "against a budget"), ("£11k", "Our bank balance"),
        ("£ 9.59", "Stamps"), ("£ 54.00", "Playground Inspection")]
