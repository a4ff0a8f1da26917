"""The next meeting's date, time and venue."""
from __future__ import annotations

from extract.records import NextMeeting, Section


def extract_next_meeting(section: Section) -> NextMeeting | None:
    return None
