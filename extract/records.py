"""What extractors return: plain records, each with its provenance (page and
character span in ``ParsedFile.text``). Storage and the JSON export read
these; extractors never touch a database."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Literal

from minutes.extract.document import Block
from minutes.extract.tables import Table, tables as logical_tables

Kind = Literal["minutes", "agenda", "report", "strategy", "work_programme", "other"]
Attendance = Literal["present", "apologies", "in_attendance", "substitute", "absent"]
Precision = Literal["day", "month", "year", "financial_year"]
# allocation (budget lines too) is the body's money; the others are listed, never added up as its spending
FundingKind = Literal["allocation", "cost", "rate", "total", "estimate", "balance", "quote", "payment", "other"]


def iso_date(day: date | None, precision: Precision | None) -> str | None:
    """ISO text of a date known to the day, or to the month only ("2013-11")."""
    if day is None:
        return None
    return day.strftime("%Y-%m") if precision == "month" else day.isoformat()


@dataclass
class Span:
    page: int
    start: int
    end: int


@dataclass
class Person:
    name: str
    status: Attendance
    span: Span
    role: str | None = None
    organisation: str | None = None
    as_written: str | None = None
    substitute_for: str | None = None
    virtual: bool = False
    initials: str | None = None  # as the list prints them after the name: "DT", "AHop"
    category: str | None = None  # the label or sub-heading the person is listed under, as printed


@dataclass
class Item:
    ref: str | None  # the item's full reference: "4.1" for a "1." printed under item 4
    title: str
    span: Span
    parent_ref: str | None = None  # the item it is a sub-item of (its ref, or an unnumbered parent's title)
    printed_ref: str | None = None  # the number as printed, where it differs from ``ref`` ("1.", "(a)")


@dataclass
class Owner:
    name: str  # resolved full name, or the post/group as written
    as_written: str
    is_person: bool
    ambiguous: bool = False  # initials or a first name that fit several listed people: kept as written


@dataclass
class Due:
    text: str
    date: date | None = None
    precision: Precision | None = None

    def iso(self) -> str | None:
        return iso_date(self.date, self.precision)


@dataclass
class Action:
    text: str
    span: Span
    owners: list[Owner] = field(default_factory=list)
    due: Due | None = None
    item_ref: str | None = None
    explicit: bool = True
    log_status: str | None = None  # an action-log row's status cell as written ("Done - see minute 22/034")


@dataclass
class Decision:
    text: str
    span: Span
    item_ref: str | None = None
    explicit: bool = True


@dataclass
class Funding:
    amount_gbp: Decimal  # exact: auditors add these up. In ``currency``: pounds unless the paper says otherwise
    text: str
    span: Span
    kind: FundingKind = "other"
    amount_high_gbp: Decimal | None = None  # upper end of a range
    period: str | None = None  # "2010/11", "2008"
    purpose: str | None = None
    item_ref: str | None = None
    table_row: int | None = None
    table_col: int | None = None
    currency: str = "GBP"  # ISO 4217 as printed ("$250,000" is USD); never converted


@dataclass
class Target:
    indicator: str
    span: Span
    code: str | None = None
    baseline: float | None = None
    baseline_period: str | None = None
    target: float | None = None
    target_period: str | None = None
    unit: str | None = None


@dataclass
class NextMeeting:
    span: Span
    date: date | None = None
    time: str | None = None
    venue: str | None = None
    date_text: str | None = None
    precision: Precision = "day"  # "month": only the month is given ("the next Board meeting in November")

    def iso(self) -> str | None:
        return iso_date(self.date, self.precision)


@dataclass(frozen=True)
class BodyName:
    """Who meets: the organisation and the committee of it (either may be unknown;
    a council meeting as itself has no committee)."""
    organisation: str | None
    committee: str | None

    @property
    def name(self) -> str:
        """How the body is shown: "Kent County Council – Cabinet", or the one part known."""
        return " – ".join(p for p in (self.organisation, self.committee) if p)


@dataclass
class Section:
    """One document inside a file (an agenda pack holds several)."""
    kind: Kind
    title: str
    blocks: list[Block]
    body: str | None = None
    meeting_date: date | None = None
    venue: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.blocks[0].page, self.blocks[0].start, self.blocks[-1].end)

    @cached_property
    def tables(self) -> list[Table]:
        """The logical tables among its blocks (``extract.tables``), made once for the extractors that read them."""
        return logical_tables(self.blocks)


@dataclass
class ExtractedDocument:
    section: Section
    body_name: BodyName | None = None  # the body as organisation and committee (extract.bodies)
    attendees: list[Person] = field(default_factory=list)
    apologies: list[Person] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    funding: list[Funding] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    next_meeting: NextMeeting | None = None
