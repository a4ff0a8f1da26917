import json
from datetime import date

import pytest
from minutes.extract.parsers import parse_file
from minutes.extract.segment import segment
from support import SHARED

PACK = """### Harbour Committee

**Time and Date**

10.00 am on Tuesday, 9th June, 2020

**Place**

Room 4, Quay House

**1. Apologies**

**2. Minutes**

This page is intentionally left blank

**Northshire Council**

**Minutes of the Meeting of Harbour Committee held at 10.00 am on Tuesday, 12 May 2020**

Present:

Councillor A Bell (Chair)

**1. Declarations of Interest**

There were none.

This page is intentionally left blank

## Briefing Note

**To:** Harbour Committee

**Date:** 1 June 2020

### 1 Purpose

Text of the note.

# Northshire Coast Strategy 2020 - 2025

## Foreword

Words.

This page is intentionally left blank

## Harbour Committee

### Work Programme 2019/20

#### 9 June 2020

Beach Huts
"""


def test_pack_splits_into_documents_with_inherited_dates(parse):
    docs = segment(parse(PACK))
    assert [(d.kind, d.meeting_date) for d in docs] == [
        ("agenda", date(2020, 6, 9)), ("minutes", date(2020, 5, 12)), ("report", date(2020, 6, 9)),
        ("strategy", None), ("work_programme", date(2020, 6, 9))]
    assert all(d.body == "Harbour Committee" for d in docs if d.kind != "strategy")
    assert docs[0].venue == "Room 4, Quay House"


def test_minutes_with_appendix_and_at_a_meeting_of(parse):
    docs = segment(parse("SAFER FENWICK PARTNERSHIP\n\nAt a meeting of the Safer Fenwick Partnership "
                          "Tuesday, 15 March 2016 Council Chamber, Town Hall\n\nPresent\tA. Bell\tPolice\n\n"
                          "SFP1 WELCOME\n\nText.\n\nAppendix 1: Targets\n\nA table.\n"))
    assert [(d.kind, d.meeting_date) for d in docs] == [("minutes", date(2016, 3, 15)), ("other", date(2016, 3, 15))]
    assert docs[0].body == "Safer Fenwick Partnership" and docs[0].venue == "Council Chamber, Town Hall"




@pytest.mark.skipif(not SHARED.is_dir(), reason="test material ../shared not found")
@pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
def test_real_seeds_segment_as_gold(ext):
    shared = SHARED
    folder = shared / ("corpus/seeds" if ext == "txt" else "corpus/rendered")
    for path in sorted(folder.glob(f"*.{ext}")):
        gold = json.loads((shared / "eval/gold" / f"{path.stem}.json").read_text())
        got = [(s.kind, s.meeting_date.isoformat() if s.meeting_date else None) for s in segment(parse_file(path))]
        assert got == [(d["kind"], d["meeting_date"]) for d in gold["documents"]], path.name


def test_body_from_title_lines_and_item_notes(parse):
    docs = segment(parse("# Fenwick Safety Partnership - Agenda\n\n**Thursday 15 June 2023 at 2.00 pm**\n\n"
                         "To: Members of the Fenwick Safety Partnership\n\n1. Apologies\n\n2. Minutes\n\n"
                         "This page is intentionally left blank\n\n# Fenwick Safety Partnership - Minutes\n\n"
                         "Minutes of the meeting held on Thursday 26 January 2023\n\nPresent\n\nA Bell\n\n"
                         "This page is intentionally left blank\n\n# Briefing Note: Buses\n\n## Purpose\n\n"
                         "To update the Partnership on buses.\n"))
    assert [(d.kind, d.body) for d in docs] == [("agenda", "Fenwick Safety Partnership"),
                                                ("minutes", "Fenwick Safety Partnership"),
                                                ("report", "Fenwick Safety Partnership")]
    docs = segment(parse("MARSH PANEL – 10th December 2024\n\nMINUTES of the meeting held at the Hall.\n\n"
                         "PRESENT: Ada Bloom (Chair), Cy Dale\n\n## Apologies\n\n(Item 1)\n\nNone.\n\n"
                         "## Work programme\n\n(Item 2)\n\nRESOLVED that the work programme be noted.\n"))
    assert [(d.kind, d.body, d.meeting_date) for d in docs] == [("minutes", "Marsh Panel", date(2024, 12, 10))]
