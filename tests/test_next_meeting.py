from datetime import date

from helpers_minutes import make_doc
from minutes.extract.meetings import extract_next_meeting, future_meetings


def meeting(blocks):
    doc = make_doc(blocks, meeting=date(2012, 1, 10))
    doc.next_meeting = extract_next_meeting(doc.section)
    return doc


def test_date_of_next_meeting_line_with_time_and_venue():
    doc = meeting([("paragraph", "Date of next meeting: 6th March 2012 at 7.30 pm Village Hall Annexe"),
                   ("paragraph", "Dates for 2012/13: 12th June 2012; 4th September 2012")])
    nm = doc.next_meeting
    assert (nm.date, nm.time, nm.venue) == (date(2012, 3, 6), "7.30 pm", "Village Hall Annexe")
    assert future_meetings(doc) == [date(2012, 3, 6), date(2012, 6, 12), date(2012, 9, 4)]


def test_next_meeting_item_with_labelled_lines():
    nm = meeting([("heading", "9. Next Meeting"), ("paragraph", "Date: Tuesday, 6th March"),
                  ("paragraph", "Time: 10.00 am – 12.00 pm"), ("paragraph", "Venue: Room 4, Civic Centre")]).next_meeting
    assert (nm.date, nm.time, nm.venue) == (date(2012, 3, 6), "10.00 am – 12.00 pm", "Room 4, Civic Centre")


def test_next_meeting_sentence():
    nm = meeting([("paragraph", "The next meeting will be held on 14 February 2012 in the Pavilion.")]).next_meeting
    assert nm.date == date(2012, 2, 14)


def test_no_next_meeting():
    assert meeting([("paragraph", "The meeting closed at 9 pm.")]).next_meeting is None
