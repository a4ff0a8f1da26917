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


def test_next_meeting_heading_under_a_minute_reference():
    for ref in ("12/045", "TB/12/050", "PC12"):
        nm = meeting([("heading", f"{ref} Date of next meeting"),
                      ("paragraph", "Tuesday 6th March 2012 (Annual Meeting of the Parish Council) at 7pm in the "
                                    "Memorial Hall.")]).next_meeting
        assert (nm.date, nm.time, nm.venue) == (date(2012, 3, 6), "7pm", "Memorial Hall"), ref


def test_the_time_on_the_dates_line_and_a_venue_that_names_a_place():
    nm = meeting([("paragraph", "Next Meeting Tuesday, 6th March 2012"),
                  ("paragraph", "The Chairman brought the meeting to a close at 8.40pm")]).next_meeting
    assert (nm.date, nm.time, nm.venue) == (date(2012, 3, 6), None, None)  # 8.40pm: this meeting's close
    nm = meeting([("paragraph", "Date of Next Meeting 6th March 2012, 17:45. Only urgent business.")]).next_meeting
    assert (nm.time, nm.venue) == ("17:45", None)
    nm = meeting([("paragraph", "Next meeting: 6 March, Trial run for new members")]).next_meeting
    assert (nm.date, nm.venue) == (date(2012, 3, 6), None)
    nm = meeting([("paragraph", "Next meeting: 6 March, Meeting Room 1 of the County Library")]).next_meeting
    assert nm.venue == "Meeting Room 1 of the County Library"
    nm = meeting([("paragraph", "Next meeting: 6 March at 7pm in the Village Hall")]).next_meeting
    assert (nm.time, nm.venue) == ("7pm", "Village Hall")


def test_next_meeting_sentence():
    nm = meeting([("paragraph", "The next meeting will be held on 14 February 2012 in the Pavilion.")]).next_meeting
    assert nm.date == date(2012, 2, 14)


def test_no_next_meeting():
    assert meeting([("paragraph", "The meeting closed at 9 pm.")]).next_meeting is None


def test_next_meeting_forms_of_the_genre():
    # plural heading, a year not printed, taken after the meeting
    nm = meeting([("paragraph", "Date of next meetings: Friday 9 March 9:00-10:15, Bowling Club")]).next_meeting
    assert nm.date == date(2012, 3, 9)
    # a printed year that would put it before this meeting is a slip: the first such date after it
    assert meeting([("paragraph", "Date of Next Meeting: 27th January 2011")]).next_meeting.date == date(2012, 1, 27)
    assert meeting([("paragraph", "The next meeting was scheduled for Friday 2 March 2012.")]).next_meeting.date == \
        date(2012, 3, 2)
    assert meeting([("paragraph", "They agreed to hold their next formal meeting on 6 March.")]).next_meeting.date == \
        date(2012, 3, 6)


def test_another_groups_next_meeting_is_not_ours_and_a_month_alone():
    doc = meeting([("paragraph", "The next SAG meeting is 15th February 2012."),
                   ("paragraph", "Reports will come to the next Board meeting in March.")])
    nm = doc.next_meeting
    assert (nm.iso(), nm.precision) == ("2012-03", "month")
    assert future_meetings(doc) == []  # a month is no meeting date for deadlines
    # the cue's date must follow it closely, not a date later in a long sentence
    assert meeting([("paragraph", "An in-person meeting, the next regularly scheduled meeting of the Authority, is "
                                  "not practical because of the emergency declared by the Governor on 13 January "
                                  "2012.")]).next_meeting is None


def test_next_meeting_label_on_a_later_line_of_a_block():
    # the close of the meeting and the next meeting printed as one block
    nm = meeting([("paragraph", "Meeting closed at 21.40\nNext meeting : Monday 13 February , 7.30pm at Hall Farm")]
                 ).next_meeting
    assert (nm.date, nm.time, nm.venue) == (date(2012, 2, 13), "7.30pm", "Hall Farm")
    # a sentence wrapped before "next meeting" is no label
    assert meeting([("paragraph", "The dates were to be agreed at the\nnext meeting in due course.")]
                   ).next_meeting is None


def test_next_meeting_on_a_bullet_with_the_time_before_a_us_date():
    # the time printed between the cue and the date, and a day given in US order without a year
    nm = meeting([("list_item", "Announcements\no Next meeting – 9:00am Thursday, February 9th at Quill Bistro\n"
                                "o Meeting adjourned at 11:25am")]).next_meeting
    assert (nm.date, nm.time, nm.venue) == (date(2012, 2, 9), "9:00am", "Quill Bistro")


def test_next_meeting_of_real_papers(shared):
    from minutes.extract.extractor import extract_file
    cases = {  # file: the next meeting's date, as the paper prints it
        "breadth/scotland_tayport-tennis-club_minutes_2013-01-14.pdf": "2013-02-18",  # a later line of a block
        "archives/suffolk-libraries/board-meeting-minutes-2013-05-29.pdf": "2013-07-08",  # no year printed
        "wild/us_chicago_ssa21_commission_minutes_2018-01-29.pdf": "2018-02-15",  # "o Next meeting – ... February 15th"
    }
    for where, day in cases.items():
        path = shared / "corpus" / where
        docs = [d for d in extract_file(path, ocr="never").documents if d.section.kind == "minutes"]
        assert [d.next_meeting.iso() if d.next_meeting else None for d in docs] == [day], where


def test_next_meeting_taking_place_on_a_day_or_in_a_month_and_a_forward_agenda_heading():
    day = meeting([("paragraph", "The next meeting will take place on Thursday 16th February 2012.")]).next_meeting
    assert day.date == date(2012, 2, 16)
    month = meeting([("paragraph", "The next meeting will take place in March 2012.")]).next_meeting
    assert (month.date, month.precision) == (date(2012, 3, 1), "month")
    head = meeting([("heading", "12.0 Forward agenda and date of next meeting"),
                    ("paragraph", "Monday 5 March 2012, 10.00 at the Town Hall")]).next_meeting
    assert head.date == date(2012, 3, 5)


def test_the_first_of_the_dates_of_future_meetings_and_a_venue_after_the():
    nm = meeting([("paragraph", "Dates of future meetings: 7 February, 6 March and 3 April 2012.")]).next_meeting
    assert (nm.date, nm.date_text) == (date(2012, 2, 7), "7 February")
    nm = meeting([("heading", "12. Date of next meeting"),
                  ("paragraph", "Tuesday 7th February 2012 at 7.30pm in the Village Hall.")]).next_meeting
    assert (nm.date, nm.time, nm.venue) == (date(2012, 2, 7), "7.30pm", "Village Hall")
    assert meeting([("paragraph", "Future meetings will be arranged as needed.")]).next_meeting is None


def test_next_meeting_in_the_last_row_of_a_minutes_grid():
    # minutes set out as a grid (ref | item and minute): the next meeting is a row, not the table's first line
    nm = meeting([("table", [["7.0", "Any other business None was raised."],
                             ["8.0", "Forward Agenda and date of next Meeting Tuesday 14th February 2012 at 10.00 "
                                     "at the Town Hall."]])]).next_meeting
    assert (nm.date, nm.time, nm.venue) == (date(2012, 2, 14), "10.00", "Town Hall")
    # a venue is read within its cell, not across the grid's next column
    nm = meeting([("table", [["8.0", "Date of next meeting: 14th February 2012 at the Town Hall", "All"]])]
                 ).next_meeting
    assert (nm.date, nm.venue) == (date(2012, 2, 14), "Town Hall")
