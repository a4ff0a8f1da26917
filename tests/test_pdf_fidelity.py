"""What hand annotators found printed on real pages reaches the parsed text:
list numbers and letters (in the text layer, not only in Block.label), roman
points, a sub-item typed "(c )", and the title a producer repeats atop every
page, kept where it opens page 1. Facts checked by hand against the page images."""
from __future__ import annotations

import re
from pathlib import Path

from minutes.extract.parsers import parse_file


def _parse(shared: Path, name: str):
    path = next((shared / "corpus").glob(f"*/**/{name}"), None) or next((shared / "corpus").glob(f"*/{name}"))
    return parse_file(path, ocr="never")


def _starts(text: str, pattern: str) -> list[str]:
    return re.findall(pattern, text, re.M)


def test_minute_numbers_and_sub_letters_in_the_text(shared) -> None:
    parsed = _parse(shared, "england_hertingfordbury-parish-council_minutes_2018-10-10.pdf")
    assert _starts(parsed.text, r"^(\d\d)\. [A-Z]") == [str(n) for n in range(46, 57)]
    assert _starts(parsed.text, r"^\(([a-f]) ?\) [A-Z]") == [*"abcd", *"abcdef", *"abc"]
    assert "(c ) Highways" in parsed.text  # as printed, with the stray space
    item = next(b for b in parsed.blocks if b.label == "46.")
    assert item.text == "APOLOGIES FOR ABSENCE" and item.printed == "46. APOLOGIES FOR ABSENCE"


def test_word_list_numbers_in_the_text(shared) -> None:
    parsed = _parse(shared, "2016-08-09-fohcl-minutes.pdf")
    assert _starts(parsed.text, r"^(\d+)\. [A-Z]") == [str(n) for n in range(1, 12)]
    assert "5. Treasurer’s Report:" in parsed.text


def test_roman_points_all_keep_their_numerals(shared) -> None:
    parsed = _parse(shared, "board-meeting-minutes-2013-09-26.pdf")
    assert _starts(parsed.text, r"^([IVX]+)\. [A-Z]") == ["I", "II", "III", "IV", "V", "VI", "I", "II"]
    assert "I. The 6-monthly reports" in parsed.text and "V. World Music Day" in parsed.text
    assert "I. The employee costs" in parsed.text


def test_plain_number_among_bold_headings(shared) -> None:
    parsed = _parse(shared, "england_oxfordshire-community-land-trust_minutes_2020-09-14.pdf")
    assert "2. Minutes of last meeting (Bob):" in parsed.text


def test_lettered_sub_items_and_the_title_repeated_on_every_page(shared) -> None:
    parsed = _parse(shared, "england_era-portal-liaison-meeting_minutes_2021-03-23.pdf")
    assert _starts(parsed.text, r"^([A-D])\) [A-Z]") == ["A", "B", "A", "B", "C", "D"]
    assert "C) POE 2021 survey." in parsed.text
    # the three-line heading atop all four pages: the text of page 1, the furniture of 2-4
    date_line = "Minutes of the meeting held on Tuesday 23 March 2021 at 4.30pm"
    assert parsed.text.count(date_line) == 1 and parsed.page_at(parsed.text.find(date_line)) == 1
    assert parsed.text.startswith("Eddington Residents’ Association and Portal meeting\n")
    assert [b.kind for b in parsed.blocks[:3]] == ["heading"] * 3  # the title block, a line a heading
    assert [f.page for f in parsed.furniture if f.text == date_line] == [2, 3, 4]


def test_title_and_date_repeated_on_every_page_open_page_one(shared) -> None:
    parsed = _parse(shared, "england_nw-cambridge-development-community-group_minutes_2022-09-06.pdf")
    assert parsed.text.startswith("Community Group Meeting\nMinutes of the meeting held on Monday 06 September")
    assert parsed.text.count("Via MS Teams") == 1
