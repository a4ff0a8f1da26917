"""Performance targets from invented sentences and tables, and the NI rows of
the seed minutes (read from ../shared at run time)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from minutes.extract.document import DocumentBuilder
from minutes.extract.records import ExtractedDocument, Section, Target
from minutes.extract.targets import extract_targets, sentence_targets, unit_of


def _targets(parts: list) -> list[Target]:
    b = DocumentBuilder("t.txt", "txt", "0")
    for part in parts:
        b.add_table(part) if isinstance(part, list) else b.add("paragraph", part)
    parsed = b.build()
    return extract_targets(ExtractedDocument(Section("report", "t", parsed.blocks)))


def test_from_to_by_sentence() -> None:
    [t] = sentence_targets("- cut the share of late buses - target to reduce from 31.5% in 2009 to 20% by March 2012", 0, 1)
    assert (t.indicator, t.baseline, t.baseline_period, t.target, t.target_period, t.unit) == (
        "cut the share of late buses", 31.5, "2009", 20.0, "2012", "%")


def test_to_by_without_baseline_and_code() -> None:
    [t] = sentence_targets("Lower missed bin collections (NI 191) to 12% by 2011/12.", 0, 1)
    assert (t.code, t.baseline, t.target, t.target_period) == ("NI 191", None, 12.0, "2011/12")


def test_no_target_without_a_due_date() -> None:
    assert sentence_targets("Performance rose from 12% to 15% over the year.", 0, 1) == []


def test_units() -> None:
    assert (unit_of("14%"), unit_of("3.2 per 1000 residents"), unit_of("Rate per 100,000"), unit_of("12")) == (
        "%", "rate per 1,000", "rate per 100,000", None)
    assert unit_of("paid per , as agreed") is None  # no base figure: no rate (it raised ValueError)


def test_per_inside_a_word_is_no_rate() -> None:
    # "paper, ink" once read as "per ," and crashed int()
    assert unit_of("resolved to pay (Paper, ink, stamps etc)") is None
    assert unit_of("SK proposed to adopt this paper, AM seconded") is None
    assert unit_of("Rate Per 1,000") == "rate per 1,000"


def test_files_that_crashed_unit_of_extract_whole(shared: Path) -> None:
    """Two archive minutes on which unit_of raised, losing every fact of the
    file: now they extract with no warning (hand-checked facts)."""
    from minutes.extract.extractor import extract_file
    archives = shared / "corpus" / "archives"
    fx = extract_file(archives / "milburn-pc" / "minutes_2017-03-17_.pdf")
    assert fx.warnings == []
    [doc] = fx.documents
    assert doc.section.meeting_date == date(2017, 3, 7)
    assert {"D Richardson", "P Moran", "S Linsley", "M Armstrong"} <= {p.name for p in doc.attendees}
    assert [p.name for p in doc.apologies] == ["R Healey"]
    assert ("17.03.5", "Garden Waste Skip") in [(i.ref, i.title) for i in doc.items]
    assert {Decimal("689.62"), Decimal("40.00")} <= {f.amount_gbp for f in doc.funding}
    assert doc.targets == []

    fx = extract_file(archives / "suffolk-libraries" / "board-meeting-minutes-2014-07-31.pdf")
    assert fx.warnings == []
    [doc] = fx.documents
    assert [p.name for p in doc.apologies] == ["Tony Brown"]
    assert {"Sylvia Knights", "Colin Rockall", "John Fisher"} <= {p.name for p in doc.attendees}
    assert doc.targets == []


def test_table_with_baseline_target_years_and_rate_columns() -> None:
    table = [["", "2009/10 Baseline", "Rate per 1,000", "2010/11 Target", "Rate per 1,000", "Reduction"],
             ["NI 99 Invented Offences", "510", "1.6", "480", "1.5", "6%"]]
    found = _targets(["Targets agreed:", table])
    got = [(t.code, t.indicator, t.baseline, t.baseline_period, t.target, t.target_period, t.unit) for t in found]
    assert got == [("NI 99", "Invented Offences", 510.0, "2009/10", 480.0, "2010/11", "count"),
                   ("NI 99", "Invented Offences", 1.6, "2009/10", 1.5, "2010/11", "rate per 1,000")]


def test_refresh_style_table_with_targets_under_a_merged_header() -> None:
    table = [["Priority", "Indicator", "Baseline", "Improvement Target", "", ""],
             ["", "", "", "11/12", "12/13", "13/14"],
             ["Safer streets", "*Invented footfall (NI 901)", "2010/11 40.5%", "N/A", "42%*", "44%*"]]
    found = _targets([table])
    assert [(t.indicator, t.code, t.baseline, t.baseline_period, t.target, t.target_period, t.unit) for t in found] == [
        ("Invented footfall", "NI 901", 40.5, "2010/11", 42.0, "2012/13", "%"),
        ("Invented footfall", "NI 901", 40.5, "2010/11", 44.0, "2013/14", "%")]


def test_money_tables_are_not_targets() -> None:
    assert _targets([[["Stream", "2010/11 £000"], ["Grants", "120"]]]) == []


def test_seed_ni_rows_come_out(shared: Path) -> None:
    from minutes.extract.extractor import extract_file
    for fmt, folder in (("txt", "corpus/seeds"), ("docx", "corpus/rendered"), ("pdf", "corpus/rendered")):
        fx = extract_file(shared / folder / f"000_49ec45bbd0ad4368.{fmt}")
        found = [t for d in fx.documents for t in d.targets]
        codes = {t.code for t in found}
        assert {"NI 15", "NI 20"} <= codes, fmt
        ni15 = [t for t in found if t.code == "NI 15" and t.unit == "count"]
        assert [t.target_period for t in ni15] == ["2008/09", "2009/10", "2010/11"], fmt
        assert all(t.baseline_period == "2007/08" for t in ni15), fmt
