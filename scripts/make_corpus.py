#!/usr/bin/env python3
"""Rebuild ``corpus/``: the sample archive of a fictional body, the Wexmoor
Community Safety Partnership and its Hallowby Night-Time Economy Task Group.

Every person, place and organisation here is invented. The meetings are data
(``FILES`` below); one renderer per format writes each file, and
``corpus/EXPECTED.json`` is exported from the same data, so the facts a test
checks are exactly the facts that were written. Output is byte-for-byte
deterministic. Needs python-docx and fpdf2 (dev only: the files are committed).

    .venv/bin/python scripts/make_corpus.py [OUT_DIR]
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
import fpdf
from fpdf import FPDF
from fpdf.fonts import FontFace

OUT = Path(__file__).resolve().parent.parent / "corpus"
PAPERS = "papers"
LIBS = f"fpdf2 {fpdf.__version__}, python-docx {docx.__version__}"

CSP = "Wexmoor Community Safety Partnership"
NTE = "Hallowby Night-Time Economy Task Group"
WDC = "Wexmoor District Council"
POLICE = "Eastmarch Constabulary"
FIRE = "Eastmarch Fire and Rescue Service"
ECC = "Eastmarch County Council"
PROBATION = "Eastmarch Probation Delivery Unit"
WHT = "Wexmoor Housing Trust"
OPCC = "Office of the Police and Crime Commissioner for Eastmarch"
BID = "Hallowby Business Improvement District"
ODR = "Open Door Recovery"
PUBWATCH = "Hallowby Pubwatch"
PASTORS = "Hallowby Street Pastors"
ROOM1 = "Committee Room 1, Wexmoor District Council Offices, Market Street, Hallowby"
COURTHOUSE = "The Old Courthouse, Bridge Street, Hallowby"

# One entry per human: the key links every way a person is written across files.
PEOPLE: dict[str, str] = {
    "whitcombe": "Alan Whitcombe", "jones": "Beth Jones", "okafor": "Chidi Okafor",
    "hearn": "David Hearn", "penhaligon": "Ruth Penhaligon", "reeve": "Daniel Reeve",
    "sunita_patel": "Sunita Patel", "sam_patel": "Sam Patel", "arkwright": "Neil Arkwright",
    "lloyd": "Gareth Lloyd", "marchetti": "Helen Marchetti", "asante": "Kwame Asante",
    "doyle": "Rachel Doyle", "fairley": "Martin Fairley", "grant": "Olivia Grant",
    "kowalski": "Lena Kowalski", "shah": "Priya Shah", "marsh": "Tom Marsh",
    "pemberton": "Mark Pemberton", "ibbotson": "Jane Ibbotson", "haddad": "Amir Haddad",
    "tsang": "Ben Tsang", "cole": "Ann Cole",
}


# ---------------------------------------------------------------- data model

@dataclass
class Att:
    """One person on one document's attendance list, written as in that document."""
    person: str               # key into PEOPLE
    name: str                 # as written, without honorific: "P Shah"
    org: str | None = None
    title: str = ""           # honorific as written: "Cllr", "Ch Insp"
    role: str | None = None   # "Chair", "Vice-Chair" or an officer's post
    status: str = "present"   # present | in_attendance | substitute | apologies
    substitute_for: str | None = None

    @property
    def written(self) -> str:
        s = f"{self.title} {self.name}".strip()
        if self.role in ("Chair", "Vice-Chair"):
            s += f" ({self.role})"
        if self.substitute_for:
            s += f" (substituting for Cllr {self.substitute_for})"
        return s


NEXT = "next"  # an Act's due date is the document's next-meeting date


@dataclass
class Act:
    """An action. ``owners`` pairs each owner as written with a PEOPLE key
    (None for a group or a post that names nobody in particular)."""
    text: str
    owners: list[tuple[str, str | None]]
    due: date | str | None = None     # a date, NEXT, or None
    due_text: str | None = None
    precision: str | None = None      # day | month | financial_year
    explicit: bool = True
    label: str = "Action"             # "Action", "Action 3"; unused when not explicit
    thread: str | None = None         # id of an action followed across meetings


@dataclass
class Dec:
    text: str
    explicit: bool = True


@dataclass
class Resolved:
    """A RESOLVED block; each part is a decision, and an Act part is also an action."""
    parts: list[str | Act]


@dataclass
class Fund:
    text: str
    amount: float
    period: str | None = None
    purpose: str | None = None
    kind: str = "other"
    high: float | None = None


@dataclass
class Target:
    indicator: str
    baseline: float
    baseline_period: str
    target: float
    target_period: str
    unit: str | None = None


@dataclass
class LogRow:
    thread: str
    action: str
    owner: str
    deadline: str
    status: str


@dataclass
class ActionLog:
    rows: list[LogRow]


@dataclass
class Table:
    """A plain table (no money in it)."""
    header: list[str]
    rows: list[list[str]]


@dataclass
class FinanceTable:
    """Money table: values in thousands, shown as "1,210" under a "£000" header
    or as "96K"; a negative is shown in brackets. The last row is the TOTAL."""
    caption: str
    unit: str                      # "£000" or "K"
    columns: list[str]             # column headings after the label column
    periods: list[str | None]      # financial year of each column
    rows: list[tuple[str, list[int]]]

    def all_rows(self) -> list[tuple[str, list[int]]]:
        totals = [sum(v[i] for _, v in self.rows) for i in range(len(self.columns))]
        return self.rows + [("TOTAL", totals)]

    def cell(self, v: int) -> str:
        s = f"{abs(v):,}" + ("K" if self.unit == "K" else "")
        return f"({s})" if v < 0 else s


Element = str | Act | Dec | Resolved | ActionLog | Table | FinanceTable
APOLOGIES = "<apologies>"  # placeholder: the apologies sentence, in the item that holds it


@dataclass
class Item:
    ref: str | None
    title: str
    body: list[Element] = field(default_factory=list)
    funds: list[Fund] = field(default_factory=list)      # every £ in the item's prose, in order
    targets: list[Target] = field(default_factory=list)
    next_meeting: NextMeeting | None = None  # set on the "Date of next meeting" item


@dataclass
class NextMeeting:
    date: date
    time: str
    venue: str

    @property
    def text(self) -> str:
        return f"{long_date(self.date)} at {self.time}, {self.venue}"


@dataclass
class Doc:
    """One document; a file holds one or several."""
    kind: str                         # minutes | agenda | report | strategy
    title: str
    body: str
    meeting_date: date | None
    venue: str | None
    subtitle: str = ""
    people: list[Att] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    header: str = ""                  # PDF running header

    @property
    def next_meeting(self) -> NextMeeting | None:
        return next((it.next_meeting for it in self.items if it.next_meeting), None)


@dataclass
class SourceFile:
    name: str
    docs: list[Doc]
    about: str  # one line for README.md

    @property
    def fmt(self) -> str:
        return self.name.rsplit(".", 1)[1]


def long_date(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def present(doc: Doc, *statuses: str) -> list[Att]:
    return [a for a in doc.people if a.status in statuses]


def apologies_sentence(doc: Doc) -> str:
    names = [f"{a.written} ({a.org})" if a.org else a.written for a in present(doc, "apologies")]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Apologies had been received from {listed}."


# ---------------------------------------------------------------- the archive

def A(person: str, name: str, org: str | None = None, **kw: str) -> Att:
    return Att(person, name, org, **kw)


def next_meeting(ref: str, d: date, time: str = "2.00 pm", venue: str = ROOM1) -> Item:
    nm = NextMeeting(d, time, venue)
    return Item(ref, "Date of next meeting", [f"Date of next meeting: {nm.text}."], next_meeting=nm)


def build() -> list[SourceFile]:
    files: list[SourceFile] = []

    # 1. CSP, 18 March 2021, plain text, refs "1."
    d1 = Doc(
        "minutes", f"{CSP.upper()}", CSP, date(2021, 3, 18), "remotely by video conference",
        subtitle="Minutes of the meeting held on Thursday 18 March 2021 at 2.00 pm, remotely by video conference",
        people=[
            A("whitcombe", "A Whitcombe", WDC, title="Councillor", role="Chair"),
            A("jones", "B Jones", WDC, title="Councillor"),
            A("okafor", "C Okafor", WDC, title="Councillor"),
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Vice-Chair"),
            A("sunita_patel", "Sunita Patel", POLICE, title="Ch Insp"),
            A("lloyd", "Gareth Lloyd", FIRE),
            A("marchetti", "Helen Marchetti", f"{ECC} (Public Health)", title="Dr"),
            A("asante", "Kwame Asante", PROBATION),
            A("grant", "Olivia Grant", BID),
            A("shah", "Priya Shah", WDC, role="Community Safety Manager", status="in_attendance"),
            A("ibbotson", "Jane Ibbotson", WDC, role="Democratic Services Officer", status="in_attendance"),
            A("doyle", "Rachel Doyle", WHT, status="apologies"),
            A("fairley", "Martin Fairley", OPCC, status="apologies"),
        ],
        items=[
            Item("1", "Apologies for absence", [APOLOGIES]),
            Item("2", "Minutes of the previous meeting", [
                Dec("The minutes of the meeting held on 10 December 2020 were agreed as a true record.")]),
            Item("3", "Hallowby town centre at night", [
                "Supt Reeve reported that violence with injury in Hallowby town centre between 10 pm and 4 am "
                "had fallen during the lockdown but was expected to return as licensed premises reopened.",
                Dec("It was agreed that a Night-Time Economy Task Group be set up, chaired by Supt Reeve, "
                    "to report to each meeting of the Partnership."),
                Act("Priya Shah to draft terms of reference for the Task Group by 30th April 2021.",
                    [("Priya Shah", "shah")], date(2021, 4, 30), "by 30th April 2021", "day"),
                Act("Olivia will share the BID's footfall counts with Priya.", [("Olivia", "grant")], explicit=False),
            ]),
            Item("4", "Safer Neighbourhoods Challenge Fund bid", [
                "Priya outlined a bid of £45k to the Safer Neighbourhoods Challenge Fund for street lighting "
                "and two redeployable cameras on the Brookfield estate, with match funding of £12,500 from the Council.",
                Resolved(["the bid be submitted by the closing date of 30 April 2021;",
                          "the Council's contribution of £12,500 in 2021/22 be confirmed."]),
            ], funds=[
                Fund("£45k", 45000, None, "Safer Neighbourhoods Challenge Fund bid", "allocation"),
                Fund("£12,500", 12500, None, "Council match funding for the bid", "allocation"),
                Fund("£12,500", 12500, "2021/22", "Council match funding for the bid", "allocation"),
            ]),
            Item("5", "Drug and alcohol treatment", [
                "Dr Marchetti presented the quarterly treatment report. Referrals from the criminal justice "
                "system had fallen and the new outreach contract with Open Door Recovery would start in May.",
                Dec("The Partnership noted the report.", explicit=False),
                Act("Helen would circulate the treatment data to partners as soon as possible.",
                    [("Helen", "marchetti")], None, "as soon as possible", None, explicit=False),
            ]),
            Item("6", "Any other business", [
                "Gareth Lloyd reminded partners that referrals for home fire safety visits could be made online."]),
            next_meeting("7", date(2021, 6, 17)),
        ])
    files.append(SourceFile("2021-03-18_csp_minutes.txt", [d1],
                            "Plain text minutes; refs \"1.\"; Councillors X, Y and Z line; apologies sentence; "
                            "RESOLVED parts; first-name commitments; first appearance of Sunita Patel (police)."))

    # 2. NTE Task Group, 8 July 2021, markdown
    d2 = Doc(
        "minutes", NTE, NTE, date(2021, 7, 8), COURTHOUSE,
        subtitle="Notes of the meeting held on Thursday 8 July 2021 at 6.00 pm, The Old Courthouse, Bridge Street, Hallowby",
        people=[
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Chair"),
            A("sunita_patel", "S. Patel", POLICE),
            A("marsh", "Tom Marsh", f"{WDC} (Licensing)"),
            A("shah", "Priya Shah", WDC),
            A("grant", "Olivia Grant", BID),
            A("tsang", "Ben Tsang", PUBWATCH),
            A("cole", "Ann Cole", PASTORS, title="Revd"),
            A("kowalski", "Lena Kowalski", ODR),
            A("lloyd", "Gareth Lloyd", FIRE, status="apologies"),
        ],
        items=[
            Item("1", "Terms of reference", [
                Dec("The terms of reference drafted by Priya were agreed."),
                "The Task Group will report to each meeting of the Wexmoor Community Safety Partnership."]),
            Item("2", "Night-time economy data", [
                "Sunita presented incident counts for April to June 2021:",
                Table(["Location", "Incidents Apr-Jun 2021", "Change on 2019"],
                      [["High Street (north)", "41", "-12%"], ["Bridge Street", "27", "+4%"],
                       ["Station taxi rank", "19", "+9%"]]),
                Act("Sunita will bring hotspot maps to the next meeting.", [("Sunita", "sunita_patel")],
                    NEXT, "to the next meeting", "day", explicit=False),
            ]),
            Item("3", "Late-night levy", [
                "Tom Marsh outlined how a late-night levy would work. A formal consultation would cost "
                "£3,275 +VAT for the survey and printing.",
                Act("Tom will report back to the October meeting on the consultation options.",
                    [("Tom", "marsh")], date(2021, 10, 7), "to the October meeting", "day", explicit=False),
            ], funds=[Fund("£3,275", 3275, None, "late-night levy consultation", "cost")]),
            Item("4", "Street Pastors and a safe space", [
                "Revd Ann Cole reported that Street Pastors had resumed Friday and Saturday patrols. "
                "First aid training for new volunteers costs £64.00 per head.",
                Act("PS/TM to scope a town-centre safe space pilot by the next meeting.",
                    [("PS", "shah"), ("TM", "marsh")], NEXT, "by the next meeting", "day"),
                Act("All partners to promote the Safe Night Out campaign through their own networks in October.",
                    [("All partners", None)], date(2021, 10, 1), "in October", "month"),
            ], funds=[Fund("£64.00", 64, None, "Street Pastors first aid training, per head", "rate")]),
            next_meeting("5", date(2021, 10, 7), "6.00 pm", COURTHOUSE),
        ])
    files.append(SourceFile("2021-07-08_nte_task_group_notes.md", [d2],
                            "Markdown notes of the sub-group: headings, bold, bullets, tab-separated attendee rows, "
                            "a pipe table; owners by initials (PS/TM) and as a group; \"S. Patel\" = Sunita Patel."))

    # 3. CSP, 10 February 2022, PDF over 2 pages, refs "CSP22/01"
    d3 = Doc(
        "minutes", CSP, CSP, date(2022, 2, 10), ROOM1,
        subtitle=f"Minutes of the meeting held on Thursday 10 February 2022 at 2.00 pm, {ROOM1}",
        header=f"{CSP} - Minutes - 10 February 2022",
        people=[
            A("whitcombe", "Alan Whitcombe", WDC, title="Cllr", role="Chair"),
            A("jones", "Beth Jones", WDC, title="Cllr"),
            A("hearn", "David Hearn", WDC, title="Cllr", status="substitute", substitute_for="Chidi Okafor"),
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Vice-Chair"),
            A("sunita_patel", "Sunita Patel", POLICE, title="Ch Insp"),
            A("lloyd", "Gareth Lloyd", FIRE),
            A("marchetti", "Helen Marchetti", ECC, title="Dr"),
            A("doyle", "Rachel Doyle", WHT),
            A("fairley", "Martin Fairley", OPCC),
            A("kowalski", "Lena Kowalski", ODR),
            A("shah", "Priya Shah", WDC, role="Community Safety Manager", status="in_attendance"),
            A("marsh", "Tom Marsh", WDC, role="Licensing Manager", status="in_attendance"),
            A("pemberton", "Mark Pemberton", WDC, role="Head of Finance", status="in_attendance"),
            A("ibbotson", "Jane Ibbotson", WDC, role="Democratic Services Officer", status="in_attendance"),
            A("okafor", "Chidi Okafor", WDC, title="Cllr", status="apologies"),
            A("asante", "Kwame Asante", PROBATION, status="apologies"),
            A("grant", "Olivia Grant", BID, status="apologies"),
        ],
        items=[
            Item("CSP22/01", "Apologies and substitutions", [
                "Apologies were noted as listed above. Cllr David Hearn attended as substitute for Cllr Chidi Okafor."]),
            Item("CSP22/02", "Declarations of interest", [
                "Cllr Jones declared a non-pecuniary interest in item CSP22/06 as a board member of Wexmoor "
                "Housing Trust and took no part in the discussion of that item."]),
            Item("CSP22/03", "Minutes of the meeting held on 11 November 2021", [
                Dec("The minutes of the meeting held on 11 November 2021 were agreed as a true record and "
                    "signed by the Chair.")]),
            Item("CSP22/04", "Night-Time Economy Task Group update", [
                "Supt Reeve presented the Task Group's quarterly report. Footfall in Hallowby town centre on Friday "
                "and Saturday nights had returned to 2019 levels, and the number of violent incidents had risen "
                "with it, concentrated on the High Street and at the station taxi rank.",
                "The Partnership's target is to reduce the share of violence with injury that occurs in the "
                "night-time economy from 24% in 2021 to 18% by March 2024. The latest quarter stood at 22%.",
                "Priya explained that the action plan had been revised to add the safe space pilot, a taxi "
                "marshal scheme and test purchasing of licensed premises, and that police data for the last "
                "quarter was still awaited.",
                Act("Priya Shah to circulate the revised Night-Time Economy Action Plan to all partners "
                    "by 14th March 2022.", [("Priya Shah", "shah")], date(2022, 3, 14), "by 14th March 2022",
                    "day", thread="T1"),
                Dec("It was agreed that the Task Group should examine the case for a late-night levy and report "
                    "to the Partnership."),
            ], targets=[Target("share of violence with injury occurring in the night-time economy",
                               24, "2021", 18, "March 2024", "%")]),
            Item("CSP22/05", "Community Safety Fund 2022/23", [
                "Martin Fairley reported that the Police and Crime Commissioner had set aside £1.2m for "
                "community safety partnerships across Eastmarch in 2022/23, of which Wexmoor's allocation "
                "was £96,400.",
                "Priya presented the proposed spending plan: youth diversion £38,000, Street Pastors £12,500, "
                "domestic abuse outreach £30,900 and the taxi marshal pilot £15,000.",
                Resolved(["the allocation of £96,400 for 2022/23 be accepted;",
                          "the spending plan be approved as presented;",
                          Act("Mark Pemberton to report spend against the allocation to each meeting.",
                              [("Mark Pemberton", "pemberton")], None, "to each meeting", None, thread="T3")]),
            ], funds=[
                Fund("£1.2m", 1200000, "2022/23", "PCC community safety funding for Eastmarch partnerships", "allocation"),
                Fund("£96,400", 96400, "2022/23", "Wexmoor Community Safety Fund allocation", "allocation"),
                Fund("£38,000", 38000, "2022/23", "youth diversion", "allocation"),
                Fund("£12,500", 12500, "2022/23", "Street Pastors", "allocation"),
                Fund("£30,900", 30900, "2022/23", "domestic abuse outreach", "allocation"),
                Fund("£15,000", 15000, "2022/23", "taxi marshal pilot", "allocation"),
                Fund("£96,400", 96400, "2022/23", "Wexmoor Community Safety Fund allocation", "allocation"),
            ]),
            Item("CSP22/06", "CCTV on the Brookfield estate", [
                "Rachel Doyle reported that four of the eleven cameras on the Brookfield estate were no longer "
                "working and that residents had raised the matter at the tenants' forum.",
                Act("Rachel Doyle to report on CCTV coverage options for the Brookfield estate at the next meeting.",
                    [("Rachel Doyle", "doyle")], NEXT, "at the next meeting", "day", label="Action 4", thread="T2"),
            ]),
            Item("CSP22/07", "Performance report, quarter 3 2021/22", [
                "Priya presented the performance report for October to December 2021. Burglary and vehicle "
                "crime remained below the Eastmarch average; anti-social behaviour had risen on the Brookfield "
                "estate and in the town centre, largely at weekends.",
                Table(["Indicator", "Q3 2020/21", "Q3 2021/22", "Change"],
                      [["Violence with injury (district)", "212", "241", "+14%"],
                       ["  of which in the night-time economy", "51", "53", "+4%"],
                       ["Residential burglary", "64", "58", "-9%"],
                       ["Vehicle crime", "97", "88", "-9%"],
                       ["Anti-social behaviour incidents", "438", "502", "+15%"],
                       ["Deliberate fires", "23", "19", "-17%"],
                       ["Domestic abuse incidents", "311", "326", "+5%"],
                       ["Repeat victims of domestic abuse (%)", "29", "27", "-2 points"]]),
                "Gareth Lloyd noted that deliberate fires had fallen for the third quarter in a row, which he "
                "attributed to the joint patrols on the Brookfield estate during the school holidays. "
                "Members asked for the next report to show the Brookfield estate separately.",
                Dec("The Partnership noted the performance report.", explicit=False),
            ]),
            Item("CSP22/08", "Drug strategy", [
                "Lena Kowalski gave an update on the Eastmarch drug strategy. Open Door Recovery had opened a "
                "satellite clinic in Hallowby and naloxone was now carried by all outreach workers.",
                "The strategy aims to increase the number of adults in structured treatment in Wexmoor from "
                "410 in 2021/22 to 480 by 2023/24.",
                Dec("The Partnership noted the update.", explicit=False),
            ], targets=[Target("adults in structured drug treatment in Wexmoor", 410, "2021/22", 480, "2023/24")]),
            next_meeting("CSP22/09", date(2022, 6, 9)),
        ])
    files.append(SourceFile("2022-02-10_csp_minutes.pdf", [d3],
                            "PDF minutes, 3 pages: running header, \"Page n of N\" footer, ruled two-column "
                            "Present table, a ruled performance table, a substitute, Apologies section, refs \"CSP22/01\"; "
                            "threads T1-T3 begin; \"Action 4:\"; £1.2m; a target."))

    # 4. CSP, 9 June 2022, Word, refs "22/031"
    log3 = ActionLog([
        LogRow("T1", "Circulate revised Night-Time Economy Action Plan", "P. Shah", "14/03/2022",
               "Carried forward - awaiting police data"),
        LogRow("T2", "Report on CCTV coverage options, Brookfield estate", "R. Doyle", "June 2022",
               "Done - see minute 22/034"),
        LogRow("T3", "Report spend against Community Safety Fund allocation", "M. Pemberton", "Each meeting",
               "Ongoing"),
    ])
    d4 = Doc(
        "minutes", CSP, CSP, date(2022, 6, 9), ROOM1,
        subtitle=f"Minutes of the meeting held on Thursday 9 June 2022 at 2.00 pm, {ROOM1}",
        people=[
            A("whitcombe", "Alan Whitcombe", WDC, title="Councillor", role="Chair"),
            A("jones", "Beth Jones", WDC, title="Cllr"),
            A("okafor", "Chidi Okafor", WDC, title="Cllr"),
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Vice-Chair"),
            A("lloyd", "Gareth Lloyd", FIRE),
            A("marchetti", "Helen Marchetti", ECC, title="Dr"),
            A("asante", "Kwame Asante", PROBATION),
            A("grant", "Olivia Grant", BID),
            A("kowalski", "Lena Kowalski", ODR),
            A("fairley", "Martin Fairley", OPCC),
            A("shah", "Priya Shah", WDC, role="Community Safety Manager", status="in_attendance"),
            A("marsh", "Tom Marsh", WDC, role="Licensing Manager", status="in_attendance"),
            A("pemberton", "Mark Pemberton", WDC, role="Head of Finance", status="in_attendance"),
            A("ibbotson", "Jane Ibbotson", WDC, role="Democratic Services Officer", status="in_attendance"),
            A("sunita_patel", "S. Patel", POLICE, title="Ch Insp", status="apologies"),
            A("doyle", "Rachel Doyle", WHT, status="apologies"),
        ],
        items=[
            Item("22/031", "Apologies for absence", [
                "Apologies were received as listed above. Rachel Doyle had sent her report on CCTV (minute 22/034)."]),
            Item("22/032", "Minutes of the previous meeting", [
                Dec("The minutes of the meeting held on 10 February 2022 were agreed as a true record.")]),
            Item("22/033", "Action log", [log3, Dec("The Partnership noted the action log.", explicit=False)]),
            Item("22/034", "Brookfield estate CCTV", [
                "Mark Pemberton presented the options in Rachel Doyle's report. Replacing all eleven cameras "
                "with a wireless system was estimated at £150–170k, against £9,800 a year to keep repairing "
                "the existing cameras.",
                Resolved(["That the replacement of the Brookfield CCTV cameras be supported in principle.",
                          "That a capital bid of up to £170k be prepared for 2023/24."]),
                Act("Mark Pemberton to confirm the capital budget for replacement CCTV by 2023/24.",
                    [("Mark Pemberton", "pemberton")], date(2024, 3, 31), "by 2023/24", "financial_year",
                    thread="T4"),
            ], funds=[
                Fund("£150–170k", 150000, None, "replacement CCTV cameras, Brookfield estate", "cost", high=170000),
                Fund("£9,800", 9800, None, "annual repairs to existing cameras", "cost"),
                Fund("£170k", 170000, "2023/24", "capital bid for replacement CCTV", "allocation"),
            ]),
            Item("22/035", "Night-time economy", [
                "Tom Marsh reported that the Task Group had agreed to consult on a late-night levy over the summer.",
                Act("Tom will report back to the October meeting on the outcome of the levy consultation.",
                    [("Tom", "marsh")], date(2022, 10, 13), "to the October meeting", "day", explicit=False),
            ]),
            Item("22/036", "Domestic abuse", [
                "Kwame Asante introduced the Eastmarch Domestic Abuse Charter, which commits signatories to "
                "train frontline staff and to share information through the local risk assessment conference.",
                Dec("It was agreed that the Partnership would sign the Eastmarch Domestic Abuse Charter."),
            ]),
            Item("22/037", "Any other business", [
                "Olivia Grant reported that the BID's radio scheme now linked 46 premises.",
                Act("Olivia Grant to share BID radio incident data with the police as soon as possible.",
                    [("Olivia Grant", "grant")], None, "as soon as possible", None, thread="T5"),
            ]),
            next_meeting("22/038", date(2022, 10, 13)),
        ])
    files.append(SourceFile("2022-06-09_csp_minutes.docx", [d4],
                            "Word minutes: Heading styles, ruled action-log table (T1 carried forward, T2 done), "
                            "Word numbered RESOLVED list, refs \"22/031\", £150–170k range, \"by 2023/24\" deadline "
                            "(thread T4, never closed), \"S. Patel\" apologies = Sunita Patel."))

    # 5. NTE Task Group, 22 September 2022, plain text, refs "4.1"
    d5 = Doc(
        "minutes", f"{NTE.upper()}", NTE, date(2022, 9, 22), COURTHOUSE,
        subtitle="Minutes of the meeting held on 22 September 2022 at 6.00 pm, The Old Courthouse, Bridge Street, Hallowby",
        people=[
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Chair"),
            A("sunita_patel", "S. Patel", "Police"),
            A("marsh", "Tom Marsh", WDC),
            A("shah", "Priya Shah", WDC),
            A("grant", "Olivia Grant", BID),
            A("tsang", "Ben Tsang", PUBWATCH),
            A("cole", "Ann Cole", PASTORS, title="Revd"),
            A("kowalski", "Lena Kowalski", ODR, status="apologies"),
        ],
        items=[
            Item("1", "Welcome and apologies", [APOLOGIES]),
            Item("2", "Notes of the last meeting", [Dec("The notes of the meeting held on 7 July 2022 were agreed.")]),
            Item("3", "Matters arising", ["All actions from the last meeting had been completed."]),
            Item("4", "Safe Night Out", []),
            Item("4.1", "Safe space pilot", [
                "Priya and Tom reported that the former tourist information office on Bridge Street could host "
                "a safe space on Friday and Saturday nights from November.",
                Act("Tom Marsh to confirm licensing conditions for the safe space venue by 31st October 2022.",
                    [("Tom Marsh", "marsh")], date(2022, 10, 31), "by 31st October 2022", "day"),
                Act("Priya will circulate the draft risk assessment for the safe space before the next meeting.",
                    [("Priya", "shah")], NEXT, "before the next meeting", "day", explicit=False),
            ]),
            Item("4.2", "Street Pastors", [
                "Revd Ann Cole thanked the Partnership for the grant of £12,500 for 2022/23.",
                Act("Ann Cole to recruit six additional volunteers by December.", [("Ann Cole", "cole")],
                    date(2022, 12, 1), "by December", "month", label="Action 3"),
            ], funds=[Fund("£12,500", 12500, "2022/23", "Street Pastors grant", "allocation")]),
            Item("5", "Late-night transport", [
                "S. Patel reported twelve incidents of disorder at the station taxi rank since July.",
                Act("Sunita will provide rank incident data to Priya by the next meeting.",
                    [("Sunita", "sunita_patel")], NEXT, "by the next meeting", "day", explicit=False),
            ]),
            next_meeting("6", date(2022, 12, 1), "6.00 pm", COURTHOUSE),
        ])
    files.append(SourceFile("2022-09-22_nte_task_group_minutes.txt", [d5],
                            "Plain text sub-group minutes; \"Name (Chair)\" lines; sub-item refs \"4.1\"; "
                            "\"Action 3:\"; month deadline \"by December\"; \"S. Patel\" of the Police = Sunita Patel."))

    # 6. CSP, 13 October 2022, markdown, refs "22/051"
    d6 = Doc(
        "minutes", CSP, CSP, date(2022, 10, 13), ROOM1,
        subtitle=f"Minutes of the meeting held on Thursday 13 October 2022 at 2.00 pm, {ROOM1}",
        people=[
            A("whitcombe", "Alan Whitcombe", WDC, title="Cllr", role="Chair"),
            A("jones", "Beth Jones", WDC, title="Cllr"),
            A("okafor", "Chidi Okafor", WDC, title="Cllr"),
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Vice-Chair"),
            A("sunita_patel", "Sunita Patel", POLICE, title="Ch Insp"),
            A("lloyd", "Gareth Lloyd", FIRE),
            A("doyle", "Rachel Doyle", WHT),
            A("grant", "Olivia Grant", BID),
            A("kowalski", "Lena Kowalski", ODR),
            A("shah", "Priya Shah", WDC, role="Community Safety Manager", status="in_attendance"),
            A("marsh", "Tom Marsh", WDC, role="Licensing Manager", status="in_attendance"),
            A("ibbotson", "Jane Ibbotson", WDC, role="Democratic Services Officer", status="in_attendance"),
            A("marchetti", "Helen Marchetti", ECC, title="Dr", status="apologies"),
            A("asante", "Kwame Asante", PROBATION, status="apologies"),
            A("fairley", "Martin Fairley", OPCC, status="apologies"),
            A("pemberton", "Mark Pemberton", WDC, status="apologies"),
        ],
        items=[
            Item("22/051", "Apologies", ["Apologies were noted as listed above."]),
            Item("22/052", "Minutes", [Dec("The minutes of the meeting held on 9 June 2022 were agreed as a true record.")]),
            Item("22/053", "Action log", [ActionLog([
                LogRow("T1", "Circulate revised Night-Time Economy Action Plan", "P. Shah", "14/03/2022",
                       "Carried forward - plan to go to the Task Group on 1 December"),
                LogRow("T3", "Report spend against Community Safety Fund allocation", "M. Pemberton",
                       "Each meeting", "Ongoing"),
                LogRow("T4", "Confirm capital budget for replacement CCTV", "M. Pemberton", "2023/24",
                       "Ongoing - capital bid submitted"),
                LogRow("T5", "Share BID radio incident data with police", "O. Grant", "ASAP", "Done"),
            ])]),
            Item("22/054", "Late-night levy", [
                "Tom reported the outcome of the consultation, which had cost £3,275 +VAT. Of 212 responses, "
                "61% of residents supported a levy but 78% of licence holders opposed it.",
                Dec("It was agreed that a late-night levy would not be pursued in 2023/24 and that the position "
                    "would be reviewed in 2024."),
            ], funds=[Fund("£3,275", 3275, None, "late-night levy consultation", "cost")]),
            Item("22/055", "Drug-related harm", [
                "Lena Kowalski proposed naloxone training for Wexmoor Housing Trust hostel staff, at £64.00 per head.",
                Act("Lena Kowalski to arrange naloxone training for Wexmoor Housing Trust staff in January.",
                    [("Lena Kowalski", "kowalski")], date(2023, 1, 1), "in January", "month", thread="T6"),
            ], funds=[Fund("£64.00", 64, None, "naloxone training, per head", "rate")]),
            next_meeting("22/056", date(2023, 1, 26)),
        ])
    files.append(SourceFile("2022-10-13_csp_minutes.md", [d6],
                            "Markdown minutes: bold, bullet attendee lists, pipe-table action log (T1 carried forward "
                            "again, T4 ongoing, T5 done); £3,275 +VAT; £64.00 per head; \"in January\"."))

    # 7. Agenda pack for 15 June 2023: agenda, minutes of 26 January 2023, briefing note
    agenda = Doc(
        "agenda", f"{CSP} - Agenda", CSP, date(2023, 6, 15), ROOM1,
        subtitle=f"Thursday 15 June 2023 at 2.00 pm, {ROOM1}",
        header=f"{CSP} - Agenda pack - 15 June 2023",
        items=[
            Item("1", "Apologies for absence and substitutions"),
            Item("2", "Declarations of interest"),
            Item("3", "Minutes of the meeting held on 26 January 2023 (attached)"),
            Item("4", "Action log"),
            Item("5", "Late-night transport in Hallowby (briefing note attached)"),
            Item("6", "Community Safety Strategy 2024-27: consultation responses"),
            Item("7", "Any other business"),
        ])
    m5_log = ActionLog([
        LogRow("T1", "Circulate revised Night-Time Economy Action Plan", "PS", "14/03/2022",
               "Done - circulated 2 December 2022"),
        LogRow("T3", "Report spend against Community Safety Fund allocation", "MP", "Each meeting",
               "Done - see minute CSP23/04"),
        LogRow("T4", "Confirm capital budget for replacement CCTV", "MP", "2023/24", "Ongoing"),
        LogRow("T6", "Naloxone training for Wexmoor Housing Trust staff", "LK", "January 2023",
               "Ongoing - first session 31 January"),
    ])
    minutes5 = Doc(
        "minutes", f"{CSP} - Minutes", CSP, date(2023, 1, 26), ROOM1,
        subtitle=f"Minutes of the meeting held on Thursday 26 January 2023 at 2.00 pm, {ROOM1}",
        header=f"{CSP} - Agenda pack - 15 June 2023",
        people=[
            A("whitcombe", "Alan Whitcombe", WDC, title="Cllr", role="Chair"),
            A("jones", "Beth Jones", WDC, title="Cllr"),
            A("okafor", "Chidi Okafor", WDC, title="Cllr"),
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Vice-Chair"),
            A("arkwright", "Neil Arkwright", POLICE, title="Ch Insp"),
            A("lloyd", "Gareth Lloyd", FIRE),
            A("marchetti", "Helen Marchetti", ECC, title="Dr"),
            A("asante", "Kwame Asante", PROBATION),
            A("doyle", "Rachel Doyle", WHT),
            A("fairley", "Martin Fairley", OPCC),
            A("kowalski", "Lena Kowalski", ODR),
            A("shah", "Priya Shah", WDC, role="Community Safety Manager", status="in_attendance"),
            A("pemberton", "Mark Pemberton", WDC, role="Head of Finance", status="in_attendance"),
            A("ibbotson", "Jane Ibbotson", WDC, role="Democratic Services Officer", status="in_attendance"),
            A("grant", "Olivia Grant", BID, status="apologies"),
            A("marsh", "Tom Marsh", WDC, status="apologies"),
        ],
        items=[
            Item("CSP23/01", "Apologies and welcome", [
                "The Chair welcomed Ch Insp Neil Arkwright, who had succeeded Ch Insp Sunita Patel as district "
                "commander for Wexmoor. The Partnership thanked Sunita for her work since 2020."]),
            Item("CSP23/02", "Minutes of the previous meeting", [
                Dec("The minutes of the meeting held on 13 October 2022 were agreed as a true record.")]),
            Item("CSP23/03", "Action log", [m5_log]),
            Item("CSP23/04", "Budget monitoring 2022/23", [
                "Mark Pemberton presented the forecast outturn for the year:",
                FinanceTable("Partnership budget 2022/23", "K", ["Budget", "Forecast", "Variance"],
                             ["2022/23", "2022/23", "2022/23"],
                             [("Community Safety Fund (PCC)", [96, 96, 0]),
                              ("Council core budget", [210, 205, -5]),
                              ("CCTV maintenance reserve", [120, 25, -95])]),
                "The underspend of £95k on the CCTV reserve reflected the delayed capital scheme.",
                Dec("The Partnership noted the budget position.", explicit=False),
            ], funds=[Fund("£95k", 95000, "2022/23", "CCTV maintenance reserve underspend", "other")]),
            Item("CSP23/05", "Night-time economy and late-night transport", [
                "Priya reported on the taxi marshal pilot at the station rank, which would cost £18,000 in 2023/24.",
                Resolved(["the taxi marshal pilot be funded at £18,000 in 2023/24;",
                          "the Night-Time Economy Task Group oversee the pilot."]),
                Act("PS to present a briefing on late-night transport to the June meeting.", [("PS", "shah")],
                    date(2023, 6, 15), "to the June meeting", "day", thread="T7"),
            ], funds=[Fund("£18,000", 18000, "2023/24", "taxi marshal pilot", "allocation"),
                      Fund("£18,000", 18000, "2023/24", "taxi marshal pilot", "allocation")]),
            Item("CSP23/06", "Draft Community Safety Strategy 2024-27", [
                Dec("It was agreed that the draft strategy be published for consultation."),
                Act("All partners to submit comments on the draft strategy by 31st March 2023.",
                    [("All partners", None)], date(2023, 3, 31), "by 31st March 2023", "day", thread="T8"),
                Act("The Chair to write to the Police and Crime Commissioner about future funding by the end of "
                    "February.", [("The Chair", "whitcombe")], date(2023, 2, 28), "by the end of February", "day"),
            ]),
            next_meeting("CSP23/07", date(2023, 6, 15)),
        ])
    briefing = Doc(
        "report", "Briefing Note: Late-night transport in Hallowby", CSP, date(2023, 6, 15), None,
        subtitle="For: Wexmoor Community Safety Partnership, 15 June 2023. "
                 "Author: Priya Shah, Community Safety Manager, Wexmoor District Council",
        header=f"{CSP} - Agenda pack - 15 June 2023",
        items=[
            Item(None, "Purpose", ["To update the Partnership on late-night transport from Hallowby town centre."]),
            Item(None, "Taxi marshal pilot", [
                "Two marshals have staffed the station rank on Friday and Saturday nights since March, "
                "funded at £18,000 for 2023/24.",
                "The pilot aims to reduce disorder incidents at the rank from 52 in 2022 to 35 by March 2024.",
            ], funds=[Fund("£18,000", 18000, "2023/24", "taxi marshal pilot", "allocation")],
                targets=[Target("disorder incidents at Hallowby station taxi rank", 52, "2022", 35, "March 2024")]),
            Item(None, "Night bus", [
                "Eastmarch County Council has offered £45k towards a Saturday night bus to the outlying villages "
                "if the BID and the Council together find a further £22,000.",
            ], funds=[Fund("£45k", 45000, None, "Saturday night bus (County Council offer)", "allocation"),
                      Fund("£22,000", 22000, None, "Saturday night bus (local match)", "allocation")]),
            Item(None, "Recommendation", ["The Partnership is asked to note the briefing."]),
        ])
    files.append(SourceFile("2023-06-15_csp_agenda_pack.pdf", [agenda, minutes5, briefing],
                            "Agenda pack, three documents in one PDF: agenda of 15 June 2023, minutes of 26 January "
                            "2023 (ruled tables, action log closing T1, a \"K\" budget table with a (95K) negative, "
                            "owners \"The Chair\"/\"All partners\"/initials), and a briefing note with a target."))

    # 8. Strategy and resources paper, November 2023
    strategy = Doc(
        "strategy", "Community Safety Strategy 2024-27: Priorities, Targets and Resources", CSP, None, None,
        subtitle="Wexmoor Community Safety Partnership. Paper for consultation, November 2023",
        header="Wexmoor Community Safety Strategy 2024-27",
        items=[
            Item(None, "Introduction", [
                "This paper sets out the Partnership's priorities for the three years from April 2024, the "
                "targets against which progress will be reported, and the resources partners expect to commit. "
                "It follows consultation on the draft strategy between February and March 2023, which drew 318 "
                "responses from residents, businesses and voluntary groups.",
                "The Partnership's statutory duty is to reduce crime and disorder, substance misuse and "
                "reoffending. Wexmoor remains a low-crime district overall, but three issues stand out in the "
                "consultation and in the strategic assessment: violence in Hallowby town centre at night, harm "
                "from drugs, and domestic abuse.",
            ]),
            Item(None, "Priority 1: A safe night-time economy", [
                "The night-time economy in Hallowby has recovered fully since 2021. The Task Group's work on the "
                "safe space, taxi marshals and the Safe Night Out campaign will continue, with the BID as a "
                "funding partner.",
                "Target: reduce the share of violence with injury that occurs in the night-time economy from "
                "19% in 2023 to 15% by March 2027.",
            ], targets=[Target("share of violence with injury occurring in the night-time economy",
                               19, "2023", 15, "March 2027", "%")]),
            Item(None, "Priority 2: Reducing harm from drugs", [
                "Open Door Recovery will extend outreach to the Brookfield estate and to the hostels run by "
                "Wexmoor Housing Trust, and naloxone will be offered to every person leaving treatment.",
                "Target: increase the number of adults in structured treatment from 455 in 2022/23 to 520 by 2026/27.",
            ], targets=[Target("adults in structured drug treatment in Wexmoor", 455, "2022/23", 520, "2026/27")]),
            Item(None, "Priority 3: Tackling domestic abuse", [
                "Partners will complete the training commitments of the Eastmarch Domestic Abuse Charter and "
                "keep the outreach service funded at its current level.",
                "Target: increase the proportion of high-risk victims engaging with an advocate from 62% in "
                "2022/23 to 75% by 2026/27.",
            ], targets=[Target("high-risk domestic abuse victims engaging with an advocate",
                               62, "2022/23", 75, "2026/27", "%")]),
            Item(None, "Resources", [
                "Table 1 shows the resources partners expect to commit. Figures for 2025/26 and 2026/27 are "
                "indicative and depend on national grant settlements.",
                FinanceTable("Table 1: Partnership resources 2024/25 to 2026/27", "£000",
                             ["2024/25", "2025/26", "2026/27"], ["2024/25", "2025/26", "2026/27"],
                             [("PCC Community Safety Fund", [98, 98, 95]),
                              ("Wexmoor DC core community safety budget", [215, 220, 225]),
                              ("Wexmoor DC CCTV revenue", [64, 66, 68]),
                              ("Eastmarch CC public health: drug and alcohol treatment", [1210, 1235, 1260]),
                              ("Supplemental substance misuse treatment grant", [142, 142, 0]),
                              ("Domestic abuse safe accommodation grant", [188, 188, 188]),
                              ("Probation: reducing reoffending", [40, 40, 40]),
                              ("Wexmoor Housing Trust: tenancy enforcement", [75, 77, 79]),
                              ("Hallowby BID: night-time economy", [25, 25, 25]),
                              ("Fire and rescue: prevention", [30, 30, 30]),
                              ("Street Pastors (grant)", [13, 13, 13]),
                              ("Taxi marshal scheme", [18, 18, 18]),
                              ("Safe space", [22, 22, 22]),
                              ("Youth diversion", [40, 41, 42])]),
                "The supplemental treatment grant is confirmed only to March 2026; the Partnership will seek a "
                "successor grant during 2025/26.",
            ]),
        ])
    files.append(SourceFile("2023-11_community_safety_strategy_2024-27.pdf", [strategy],
                            "Strategy and finance paper: three targets, a \"£000\" table with two heading rows that "
                            "spans a page break (headings repeated on page 2) and a TOTAL row."))

    # 9. CSP, 8 February 2024, Word, refs "24/011"
    d9 = Doc(
        "minutes", CSP, CSP, date(2024, 2, 8), ROOM1,
        subtitle=f"Minutes of the meeting held on Thursday 8 February 2024 at 2.00 pm, {ROOM1}",
        people=[
            A("whitcombe", "Alan Whitcombe", WDC, title="Councillor", role="Chair"),
            A("shah", "P Shah", WDC, title="Cllr"),
            A("jones", "Beth Jones", WDC, title="Cllr"),
            A("penhaligon", "Ruth Penhaligon", WDC, title="Cllr", status="substitute", substitute_for="Chidi Okafor"),
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Vice-Chair"),
            A("arkwright", "Neil Arkwright", POLICE, title="Ch Insp"),
            A("lloyd", "Gareth Lloyd", FIRE),
            A("marchetti", "Helen Marchetti", ECC, title="Dr"),
            A("doyle", "Rachel Doyle", WHT),
            A("kowalski", "Lena Kowalski", ODR),
            A("sam_patel", "Sam Patel", BID),
            A("haddad", "Amir Haddad", WDC, role="Community Safety Manager", status="in_attendance"),
            A("pemberton", "Mark Pemberton", WDC, role="Head of Finance", status="in_attendance"),
            A("ibbotson", "Jane Ibbotson", WDC, role="Democratic Services Officer", status="in_attendance"),
            A("okafor", "Chidi Okafor", WDC, title="Cllr", status="apologies"),
            A("asante", "Kwame Asante", PROBATION, status="apologies"),
            A("fairley", "Martin Fairley", OPCC, status="apologies"),
            A("marsh", "Tom Marsh", WDC, status="apologies"),
        ],
        items=[
            Item("24/011", "Apologies, substitutions and welcome", [
                "Apologies were received as listed above. Cllr Ruth Penhaligon substituted for Cllr Chidi Okafor.",
                "The Chair welcomed Cllr P Shah, who was elected to Wexmoor District Council in May 2023 and had "
                "been the Partnership's Community Safety Manager until then, and Amir Haddad, her successor in "
                "that post. He also welcomed Sam Patel, who became Manager of Hallowby Business Improvement "
                "District in January 2024 in succession to Olivia Grant."]),
            Item("24/012", "Minutes of the previous meeting", [
                Dec("The minutes of the meeting held on 12 October 2023 were agreed as a true record.")]),
            Item("24/013", "Action log", [ActionLog([
                LogRow("T4", "Confirm capital budget for replacement CCTV", "M. Pemberton", "2023/24",
                       "Overdue - carried forward"),
                LogRow("T7", "Late-night transport briefing", "P. Shah", "June 2023", "Done"),
                LogRow("T8", "Comments on draft strategy", "All partners", "31/03/2023", "Done"),
            ]),
                Act("Mark will give a final answer on the CCTV capital budget at the next meeting.",
                    [("Mark", "pemberton")], NEXT, "at the next meeting", "day", explicit=False),
            ]),
            Item("24/014", "Night-time economy", [
                "Supt Reeve reported that the share of violence with injury in the night-time economy had fallen "
                "to 19%, close to the target of 18% for March 2024.",
                "Sam Patel confirmed that the BID board had approved a contribution of £25,000 in 2024/25 to the "
                "Safe Night Out campaign.",
                Act("S. Patel to circulate the BID's 2024 events calendar to all partners by 1st March 2024.",
                    [("S. Patel", "sam_patel")], date(2024, 3, 1), "by 1st March 2024", "day"),
            ], funds=[Fund("£25,000", 25000, "2024/25", "BID contribution to Safe Night Out", "allocation")]),
            Item("24/015", "Drug treatment plan 2024/25", [
                "Dr Marchetti and Lena Kowalski presented the treatment plan, funded by £1.21m of public health "
                "grant and £142,000 of supplemental grant in 2024/25.",
                Resolved(["That the drug treatment plan for 2024/25 be approved.",
                          Act("That Dr Helen Marchetti report on drug-related deaths in Wexmoor to the next meeting.",
                              [("Helen Marchetti", "marchetti")], NEXT, "to the next meeting", "day"),
                          "That the Chair write to the Police and Crime Commissioner supporting continued funding "
                          "for treatment places."]),
            ], funds=[Fund("£1.21m", 1210000, "2024/25", "public health grant for drug treatment", "allocation"),
                      Fund("£142,000", 142000, "2024/25", "supplemental substance misuse treatment grant",
                           "allocation")]),
            Item("24/016", "Community Safety Strategy 2024-27", [
                Dec("The Partnership noted that the strategy had been adopted by the Council's Cabinet on "
                    "23 January 2024.", explicit=False)]),
            next_meeting("24/017", date(2024, 6, 13)),
        ])
    files.append(SourceFile("2024-02-08_csp_minutes.docx", [d9],
                            "Word minutes: \"Cllr P Shah\" (Priya Shah, now a councillor), Sam Patel of the BID "
                            "(a different S. Patel), a substitute, action log with T4 overdue, a RESOLVED part that "
                            "gives a task, £1.21m."))

    # 10. NTE Task Group, 20 June 2024, short PDF
    d10 = Doc(
        "minutes", NTE, NTE, date(2024, 6, 20), COURTHOUSE,
        subtitle="Minutes of the meeting held on Thursday 20 June 2024 at 6.00 pm, The Old Courthouse, Bridge Street, Hallowby",
        header=f"{NTE} - 20 June 2024",
        people=[
            A("reeve", "Daniel Reeve", POLICE, title="Supt", role="Chair"),
            A("arkwright", "Neil Arkwright", POLICE, title="Ch Insp"),
            A("sam_patel", "S. Patel", BID),
            A("haddad", "Amir Haddad", WDC),
            A("marsh", "Tom Marsh", WDC),
            A("tsang", "Ben Tsang", PUBWATCH),
            A("cole", "Ann Cole", PASTORS, title="Revd"),
            A("kowalski", "Lena Kowalski", ODR, status="apologies"),
        ],
        items=[
            Item("1", "Apologies", ["Apologies were received from Lena Kowalski."]),
            Item("2", "Notes of the last meeting", [Dec("The notes of the meeting held on 14 March 2024 were agreed.")]),
            Item("3", "Safe Night Out summer campaign", [
                "Amir Haddad reported that disorder incidents at the station taxi rank had fallen to 38 in 2023/24, "
                "against the target of 35. The summer campaign would cost £7,800, met from the BID's £25,000 "
                "contribution for 2024/25.",
                Act("SP/AH to agree the winter campaign brief by the next meeting.",
                    [("SP", "sam_patel"), ("AH", "haddad")], NEXT, "by the next meeting", "day"),
            ], funds=[Fund("£7,800", 7800, None, "Safe Night Out summer campaign", "cost"),
                      Fund("£25,000", 25000, "2024/25", "BID contribution to Safe Night Out", "allocation")]),
            next_meeting("4", date(2024, 9, 19), "6.00 pm", COURTHOUSE),
        ])
    files.append(SourceFile("2024-06-20_nte_task_group_minutes.pdf", [d10],
                            "Short PDF minutes with a ruled Name/Organisation table; \"S. Patel\" of the BID = "
                            "Sam Patel; owners by initials SP/AH."))
    return files


# ---------------------------------------------------------------- shared text

def action_line(a: Act) -> str:
    return f"{a.label}: {a.text}" if a.explicit else a.text


def part_text(p: str | Act) -> str:
    return p.text if isinstance(p, Act) else p


def councillor_line(atts: list[Att]) -> str:
    """"Councillors A Whitcombe (Chair), B Jones and C Okafor (Wexmoor District Council)"."""
    parts = [a.name + (f" ({a.role})" if a.role else "") for a in atts]
    return f"Councillors {', '.join(parts[:-1])} and {parts[-1]} ({atts[0].org})"


# ---------------------------------------------------------------- text and markdown

def render_txt(f: SourceFile, out: Path) -> None:
    doc = f.docs[0]
    lines = [doc.title, "", doc.subtitle, "", "Present:"]
    cllrs = [a for a in present(doc, "present") if a.title == "Councillor"]
    if cllrs:
        lines.append(councillor_line(cllrs))
    lines += [f"{a.written}, {a.org}" for a in present(doc, "present") if a not in cllrs]
    if present(doc, "in_attendance"):
        lines += ["", "In attendance:", *(f"{a.written}, {a.role}, {a.org}" for a in present(doc, "in_attendance"))]
    for it in doc.items:
        head = f"{it.ref}.  {it.title.upper()}" if it.ref else it.title.upper()
        if it.ref and "." in it.ref:  # sub-item "4.1"
            head = f"{it.ref}  {it.title}"
        lines += ["", head]
        for el in it.body:
            lines.append("")
            if el == APOLOGIES:
                lines.append(apologies_sentence(doc))
            elif isinstance(el, str):
                lines.append(el)
            elif isinstance(el, Act):
                lines.append(action_line(el))
            elif isinstance(el, Dec):
                lines.append(el.text)
            elif isinstance(el, Resolved):
                lines.append("RESOLVED that:")
                lines += [f"({i}) {part_text(p)}" for i, p in enumerate(el.parts, 1)]
            else:
                raise TypeError(f"{f.name}: no text form for {type(el).__name__}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(r) + " |" for r in rows)]


def render_md(f: SourceFile, out: Path) -> None:
    doc = f.docs[0]
    lines = [f"# {doc.title}", "", f"**{doc.subtitle}**", "", "## Present", ""]
    if doc.body == NTE:  # tab-separated rows, as pasted from a spreadsheet
        lines += ["Name\tOrganisation", *(f"{a.written}\t{a.org}" for a in present(doc, "present"))]
    else:
        lines += [f"- **{a.written}**, {a.org}" for a in present(doc, "present")]
    if present(doc, "in_attendance"):
        lines += ["", "**In attendance:**", ""]
        lines += [f"- {a.written}, {a.role}" for a in present(doc, "in_attendance")]
    aps = [f"{a.written} ({a.org})" for a in present(doc, "apologies")]
    lines += ["", f"**Apologies:** {'; '.join(aps)}"]
    for it in doc.items:
        lines += ["", f"## {it.ref}. {it.title}" if it.ref else f"## {it.title}", ""]
        for el in it.body:
            if isinstance(el, str):
                lines += [el, ""]
            elif isinstance(el, Act):
                lines += [f"- **{el.label}:** {el.text}"] if el.explicit else [el.text, ""]
            elif isinstance(el, Dec):
                lines += [el.text, ""]
            elif isinstance(el, Table):
                lines += [*md_table(el.header, el.rows), ""]
            elif isinstance(el, ActionLog):
                lines += [*md_table(["Action", "Owner", "Deadline", "Status"],
                                    [[r.action, r.owner, r.deadline, r.status] for r in el.rows]), ""]
            else:
                raise TypeError(f"{f.name}: no markdown form for {type(el).__name__}")
    out.write_text(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).rstrip() + "\n", encoding="utf-8")


# ---------------------------------------------------------------- Word

def numbered_list_restart(d: docx.document.Document) -> int:
    """A new numbering instance of the "List Number" list, restarting at 1."""
    numbering = d.part.numbering_part.element
    style = d.styles["List Number"].element
    base_num = style.pPr.numPr.numId.val
    abstract = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == base_num)
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return num.numId


def docx_table(d: docx.document.Document, header: list[str], rows: list[list[str]]) -> None:
    t = d.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, header):
        c.paragraphs[0].add_run(h).bold = True
    for r in rows:
        for c, v in zip(t.add_row().cells, r):
            c.text = v
    d.add_paragraph()


def render_docx(f: SourceFile, out: Path) -> None:
    doc = f.docs[0]
    d = docx.Document()
    d.styles["Normal"].font.name = "Arial"
    d.styles["Normal"].font.size = Pt(11)
    d.add_heading(doc.title, level=1)
    d.add_paragraph(doc.subtitle)
    for label, statuses in (("Present", ("present", "substitute")), ("In attendance", ("in_attendance",)),
                            ("Apologies", ("apologies",))):
        d.add_heading(label, level=2)
        for a in present(doc, *statuses):
            d.add_paragraph(f"{a.written} - {a.role if a.status == 'in_attendance' else a.org}")
    for it in doc.items:
        d.add_heading(f"{it.ref}  {it.title}", level=2)
        for el in it.body:
            if isinstance(el, str):
                d.add_paragraph(el)
            elif isinstance(el, Dec):
                d.add_paragraph(el.text)
            elif isinstance(el, Act):
                p = d.add_paragraph()
                if el.explicit:
                    p.add_run(f"{el.label}: ").bold = True
                p.add_run(el.text)
            elif isinstance(el, Resolved):
                d.add_paragraph().add_run("RESOLVED:").bold = True
                num_id = numbered_list_restart(d)
                for part in el.parts:
                    p = d.add_paragraph(part_text(part), style="List Number")
                    p._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id
                    p._p.pPr.numPr.get_or_add_ilvl().val = 0
            elif isinstance(el, ActionLog):
                docx_table(d, ["Action", "Owner", "Deadline", "Status"],
                           [[r.action, r.owner, r.deadline, r.status] for r in el.rows])
            else:
                raise TypeError(f"{f.name}: no Word form for {type(el).__name__}")
    stamp = datetime.combine(doc.meeting_date, datetime.min.time())
    cp = d.core_properties
    cp.author = cp.last_modified_by = "Democratic Services, Wexmoor District Council"
    cp.title, cp.created, cp.modified, cp.revision = doc.title, stamp, stamp, 1
    buf = io.BytesIO()
    d.save(buf)
    out.write_bytes(fixed_zip(buf.getvalue()))


def fixed_zip(data: bytes) -> bytes:
    """Re-pack a zip with fixed timestamps so the bytes do not depend on when it was built."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (2020, 1, 1, 0, 0, 0)), src.read(info),
                         compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# ---------------------------------------------------------------- PDF

class MinutesPDF(FPDF):
    running_header = ""

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, self.running_header, align="R", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    def para(self, text: str, style: str = "", indent: float = 0) -> None:
        self.set_font("Helvetica", style, 10)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def heading(self, text: str, size: int = 11) -> None:
        self.set_font("Helvetica", "B", size)
        self.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def grid(self, header: list[str], rows: list[list[str]], widths: tuple[int, ...]) -> None:
        self.set_font("Helvetica", "", 9)
        with self.table(col_widths=widths, text_align="LEFT", line_height=5, width=sum(widths), align="LEFT") as t:
            for r in [header, *rows]:
                row = t.row()
                for v in r:
                    row.cell(v)
        self.ln(3)

    def finance(self, ft: FinanceTable) -> None:
        self.heading(ft.caption, 10)
        self.set_font("Helvetica", "", 9)
        two_rows = ft.unit == "£000"
        bold = FontFace(emphasis="BOLD")
        n = len(ft.columns)
        with self.table(col_widths=(80, *[30] * n), text_align=("LEFT", *["RIGHT"] * n),
                        line_height=5, width=80 + 30 * n, align="LEFT",
                        num_heading_rows=2 if two_rows else 1, repeat_headings=1) as t:
            if two_rows:
                row = t.row()
                row.cell("Funding stream")
                row.cell("£000", colspan=len(ft.columns), align="CENTER")
                t.row(["", *ft.columns])
            else:
                t.row(["", *ft.columns])
            for label, vals in ft.all_rows():
                row = t.row()
                for v in (label, *map(ft.cell, vals)):
                    row.cell(v, style=bold if label == "TOTAL" else None)
        self.ln(3)


def pdf_doc(pdf: MinutesPDF, doc: Doc) -> None:
    pdf.running_header = doc.header
    pdf.add_page()
    pdf.heading(doc.title, 14)
    pdf.para(doc.subtitle, "B")
    if doc.kind == "agenda":
        pdf.para("To: Members of the Wexmoor Community Safety Partnership")
        for it in doc.items:
            pdf.para(f"{it.ref}.   {it.title}")
        return
    if doc.people:
        pdf.heading("Present")
        pdf.grid(["Name", "Organisation"], [[a.written, a.org or ""] for a in present(doc, "present", "substitute")],
                 (80, 90))
        if present(doc, "in_attendance"):
            pdf.heading("In attendance")
        for a in present(doc, "in_attendance"):
            pdf.para(f"{a.written}, {a.role}", indent=4)
        if not any(APOLOGIES in it.body for it in doc.items):
            pdf.heading("Apologies")
            for a in present(doc, "apologies"):
                pdf.para(f"{a.written} ({a.org})", indent=4)
    for it in doc.items:
        pdf.heading(f"{it.ref}   {it.title}" if it.ref else it.title)
        for el in it.body:
            if isinstance(el, str):
                pdf.para(el)
            elif isinstance(el, Dec):
                pdf.para(el.text)
            elif isinstance(el, Act):
                pdf.para(action_line(el), "B" if el.explicit else "")
            elif isinstance(el, Resolved):
                pdf.para("RESOLVED that:", "B")
                for i, p in enumerate(el.parts, 1):
                    pdf.para(f"({i}) {part_text(p)}", indent=6)
            elif isinstance(el, Table):
                rest = len(el.header) - 1
                pdf.grid(el.header, el.rows, (70, *[100 / rest] * rest))
            elif isinstance(el, ActionLog):
                pdf.grid(["Action", "Owner", "Deadline", "Status"],
                         [[r.action, r.owner, r.deadline, r.status] for r in el.rows], (60, 25, 25, 60))
            elif isinstance(el, FinanceTable):
                pdf.finance(el)
            else:
                raise TypeError(f"{doc.title}: no PDF form for {type(el).__name__}")


def render_pdf(f: SourceFile, out: Path) -> None:
    pdf = MinutesPDF(format="A4")
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_margins(20, 15, 20)
    first = f.docs[0]
    pdf.set_title(first.title)
    pdf.set_author("Democratic Services, Wexmoor District Council")
    pdf.set_producer("fpdf2")
    stamp = first.meeting_date or date(2023, 11, 1)
    pdf.set_creation_date(datetime(stamp.year, stamp.month, stamp.day, tzinfo=timezone.utc))
    for doc in f.docs:
        pdf_doc(pdf, doc)
    pdf.output(str(out))


RENDERERS = {"txt": render_txt, "md": render_md, "docx": render_docx, "pdf": render_pdf}


# ---------------------------------------------------------------- EXPECTED.json and checks

def owner_name(written: str, key: str | None) -> str:
    """Schema rule: owners as written without honorific; a first name or
    initials resolved to the person's full name."""
    if key and written != "The Chair" and " " not in written and "." not in written:
        return PEOPLE[key]
    return written


def due_iso(a: Act, doc: Doc) -> str | None:
    d = doc.next_meeting.date if a.due == NEXT else a.due
    if d is None:
        return None
    return d.strftime("%Y-%m") if a.precision == "month" else d.isoformat()


def doc_actions(doc: Doc) -> list[tuple[Act, str | None]]:
    out = []
    for it in doc.items:
        for el in it.body:
            if isinstance(el, Act):
                out.append((el, it.ref))
            elif isinstance(el, Resolved):
                out += [(p, it.ref) for p in el.parts if isinstance(p, Act)]
    return out


def doc_decisions(doc: Doc) -> list[dict]:
    out = []
    for it in doc.items:
        for el in it.body:
            if isinstance(el, Dec):
                out.append({"text": el.text, "item_ref": it.ref, "explicit": el.explicit})
            elif isinstance(el, Resolved):
                out += [{"text": part_text(p), "item_ref": it.ref, "explicit": True} for p in el.parts]
    return out


def doc_funding(doc: Doc) -> list[dict]:
    out = []
    for it in doc.items:
        for fd in it.funds:
            out.append({"amount_gbp": fd.amount, "amount_high_gbp": fd.high, "text": fd.text, "period": fd.period,
                        "purpose": fd.purpose, "kind": fd.kind, "item_ref": it.ref})
        for ft in (el for el in it.body if isinstance(el, FinanceTable)):
            for r, (label, vals) in enumerate(ft.all_rows()):
                for c, v in enumerate(vals):
                    out.append({"amount_gbp": v * 1000, "amount_high_gbp": None, "text": ft.cell(v),
                                "period": ft.periods[c], "purpose": label,
                                "kind": "total" if label == "TOTAL" else "allocation", "item_ref": it.ref,
                                "table_row": r, "table_col": c + 1})
    return out


def person_record(a: Att, with_role: bool) -> dict:
    out = {"name": a.name, "person": a.person, "as_written": a.written, "organisation": a.org, "status": a.status}
    if with_role:
        out["role"] = a.role
    if a.substitute_for:
        out["substitute_for"] = a.substitute_for
    return out


def log_rows(doc: Doc) -> list[LogRow]:
    return [r for it in doc.items for el in it.body if isinstance(el, ActionLog) for r in el.rows]


def thread_owners(files: list[SourceFile]) -> dict[str, list[str | None]]:
    """Who owns each followed action: the owners given where it was raised."""
    return {a.thread: [k for _, k in a.owners] for f in files for d in f.docs for a, _ in doc_actions(d) if a.thread}


def doc_record(doc: Doc, owners_of: dict[str, list[str | None]]) -> dict:
    listed = doc.kind in ("minutes", "agenda")
    nm = doc.next_meeting
    return {
        "kind": doc.kind, "title": doc.title, "body": doc.body,
        "meeting_date": doc.meeting_date.isoformat() if doc.meeting_date else None, "venue": doc.venue,
        "attendees": [person_record(a, True) for a in present(doc, "present", "substitute", "in_attendance")],
        "apologies": [person_record(a, False) for a in present(doc, "apologies")],
        "items": [{"ref": it.ref, "title": it.title} for it in doc.items if listed and it.ref],
        "actions": [{"text": a.text, "owners": [owner_name(w, k) for w, k in a.owners],
                     "owners_as_written": [w for w, _ in a.owners], "owner_people": [k for _, k in a.owners],
                     "due": due_iso(a, doc), "due_text": a.due_text, "due_precision": a.precision if a.due else None,
                     "item_ref": ref, "explicit": a.explicit, "thread": a.thread}
                    for a, ref in doc_actions(doc)],
        "action_log": [{"thread": r.thread, "action": r.action, "owner": r.owner,
                        "owner_people": owners_of.get(r.thread, []), "deadline": r.deadline, "status": r.status}
                       for r in log_rows(doc)],
        "decisions": doc_decisions(doc),
        "decisions_count": len(doc_decisions(doc)),
        "funding": doc_funding(doc),
        "targets": [vars(t) for it in doc.items for t in it.targets],
        "next_meeting": None if nm is None else {"date": nm.date.isoformat(), "time": nm.time, "venue": nm.venue,
                                                 "date_text": long_date(nm.date)},
    }


def check(files: list[SourceFile]) -> None:
    """Keep EXPECTED.json honest: every listed fact is in the text it claims."""
    for f in files:
        for doc in f.docs:
            for it in doc.items:
                prose = " ".join(part_text(p) for el in it.body if isinstance(el, Resolved) for p in el.parts)
                prose += " " + " ".join(el if isinstance(el, str) else el.text
                                  for el in it.body if isinstance(el, (str, Act, Dec)))
                assert prose.count("£") == len(it.funds), (f.name, it.ref, it.title)
                for fd in it.funds:
                    assert fd.text in prose, (f.name, fd.text)
                for t in it.targets:
                    assert str(t.baseline) in prose and str(t.target) in prose, (f.name, t.indicator)
            for a, _ in doc_actions(doc):
                assert all(w in a.text for w, _ in a.owners), (f.name, a.text)
                assert a.due_text is None or a.due_text in a.text, (f.name, a.text)
                assert a.due != NEXT or doc.next_meeting, (f.name, a.text)


def people_index(files: list[SourceFile]) -> dict:
    """Every way each person is written, file by file: attendance lists, action owners, action logs."""
    owners_of = thread_owners(files)
    out: dict[str, dict] = {k: {"name": v, "written_as": []} for k, v in PEOPLE.items()}
    for f in files:
        for doc in f.docs:
            seen = [(a.person, a.written) for a in doc.people]
            seen += [(k, w) for a, _ in doc_actions(doc) for w, k in a.owners if k]
            seen += [(owners_of[r.thread][0], r.owner) for r in log_rows(doc) if owners_of[r.thread][0]]
            for key, written in seen:
                entry = {"file": f.name, "as_written": written}
                if entry not in out[key]["written_as"]:
                    out[key]["written_as"].append(entry)
    return out


def threads(files: list[SourceFile]) -> dict:
    """Each followed action: where it was raised, then each action-log row about it."""
    out: dict[str, list[dict]] = {}
    for f in files:
        for doc in f.docs:
            when = {"file": f.name, "meeting_date": doc.meeting_date.isoformat() if doc.meeting_date else None}
            for a, _ in doc_actions(doc):
                if a.thread:
                    out.setdefault(a.thread, []).append(when | {"status": "raised", "text": a.text})
            for r in log_rows(doc):
                out[r.thread].append(when | {"status": r.status, "text": r.action})
    return dict(sorted(out.items()))


def expected(files: list[SourceFile], out: Path) -> dict:
    owners_of = thread_owners(files)
    return {
        "schema": "minutes-corpus-expected/1",
        "note": f"Generated by scripts/make_corpus.py ({LIBS}); each files[name] is a minutes-extract/1 record.",
        "files": {f.name: {"schema": "minutes-extract/1",
                           "source": {"file": f.name, "format": f.fmt,
                                      "sha256": hashlib.sha256((out / PAPERS / f.name).read_bytes()).hexdigest()},
                           "documents": [doc_record(d, owners_of) for d in f.docs]} for f in files},
        "people": people_index(files),
        "distinct_people": [{
            "people": ["sunita_patel", "sam_patel"],
            "why": "Both are written \"S. Patel\". Sunita Patel is a Chief Inspector of Eastmarch Constabulary "
                   "(2021-2022; succeeded by Neil Arkwright by January 2023); Sam Patel is Manager of Hallowby "
                   "Business Improvement District from January 2024."}],
        "action_threads": threads(files),
    }


# ---------------------------------------------------------------- README

def readme(files: list[SourceFile]) -> str:
    rows = "\n".join(f"| `{f.name}` | {', '.join(d.kind for d in f.docs)} | {f.about} |" for f in files)
    return f"""# Sample corpus: Wexmoor Community Safety Partnership (fictional)

Generated by `scripts/make_corpus.py` ({LIBS}); do not edit by hand.
Rebuild with `.venv/bin/python scripts/make_corpus.py`: the output is byte-for-byte the same.
Every person, place and organisation is invented.

## The body
The **{CSP}** brings together {WDC}, {POLICE}, {FIRE},
{ECC} (public health), the {PROBATION}, {WHT}, the {OPCC},
the {BID} and {ODR}, a drug and alcohol service. It meets three or four times a year in
{ROOM1}. In 2021 it set up the **{NTE}**, a sub-group chaired
by Supt Daniel Reeve, which meets at The Old Courthouse. The night-time economy of Hallowby town
centre, and drug-related harm, run through every year.

## Files
| file | documents | exercises |
|---|---|---|
{rows}

## Cross-meeting facts
- **Action threads** (`action_threads` in EXPECTED.json): T1 (revised Night-Time Economy Action
  Plan) raised 10 Feb 2022, carried forward in the logs of 9 Jun 2022 and 13 Oct 2022, done in the
  log of 26 Jan 2023. T4 (CCTV capital budget, "by 2023/24") raised 9 Jun 2022, ongoing, and
  still "Overdue - carried forward" on 8 Feb 2024: never closed. T2, T3, T5-T8 close sooner.
- **One person, many names**: Priya Shah is "Priya Shah", "Priya", "P. Shah", "PS", and from
  2024, having been elected a councillor, "Cllr P Shah".
- **Two people, one name**: "S. Patel" is Ch Insp Sunita Patel of {POLICE} in 2021-2022 and Sam
  Patel, Manager of the {BID}, in 2024. They must not be merged.

## EXPECTED.json
`files` holds one `minutes-extract/1` record per file (see shared/eval/SCHEMA.md), so
`score.py` can compare an extraction with it, plus these keys and conventions:
- every person carries `person`, a key into `people` (one entry per human, with every way
  they are written); every action carries `owner_people` (null for a group or a post
  naming nobody, "The Chair" resolves to the chair) and `thread` where it is followed across
  meetings; `action_log` lists the rows of an action-log table (they are not in `actions`).
- attendees include substitutes and officers "in attendance" (`status` tells them apart).
- `owners` resolves a first name or initials ("Priya", "PS") to the full name; other
  forms stay as written without honorific ("S. Patel", "The Chair", "All partners").
- a RESOLVED part that gives a task is both a decision and an explicit action.
- "by 2023/24" is due on the last day of that financial year (precision `financial_year`).
- `items` are agenda items of minutes and agendas; a report or strategy's sections are not items.
- `funding` lists each sum in the prose and every cell of a money table ("£000" cells times
  1,000; "96K" is 96,000; brackets are negative), with `table_row`/`table_col` for cells.
"""


def main(out: Path) -> None:
    files = build()
    check(files)
    if out.exists():
        shutil.rmtree(out)
    # the papers sit apart from README/EXPECTED so that the folder ingests cleanly
    (out / PAPERS).mkdir(parents=True)
    for f in files:
        RENDERERS[f.fmt](f, out / PAPERS / f.name)
    (out / "EXPECTED.json").write_text(json.dumps(expected(files, out), indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    (out / "README.md").write_text(readme(files), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
