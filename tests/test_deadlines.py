from datetime import date

from minutes.extract.dates import find_deadline

MEETING = date(2012, 1, 10)
LATER = [date(2012, 3, 6), date(2012, 6, 12)]


def due(text: str, meetings=LATER):
    d = find_deadline(text, MEETING, meetings)
    return (d.iso(), d.precision) if d else None


def test_day_month_is_next_occurrence_after_meeting():
    assert due("Returns to the treasurer by 3rd February") == ("2012-02-03", "day")
    assert due("Send the figures by 5 January") == ("2013-01-05", "day")


def test_named_meeting_is_that_meeting():
    assert due("Bring the costed plan to the next meeting") == ("2012-03-06", "day")
    assert due("Report to the June Parish Council meeting") == ("2012-06-12", "day")
    assert due("It will come back to the board at their meeting in March") == ("2012-03-06", "day")


def test_month_only_is_month_precision_unless_a_meeting_falls_in_it():
    assert due("Survey the footpaths in October") == ("2012-10", "month")
    assert due("Report back in June on the survey") == ("2012-06-12", "day")


def test_financial_year_is_its_end():
    assert due("Deliver the new signage by 2012/13") == ("2013-03-31", "financial_year")


def test_explicit_date_with_year_and_meeting_on_date():
    assert due("The trustees will consider it at its meeting on 14 February 2012") == ("2012-02-14", "day")
    assert due("prior to sign-off by the Forum on 23rd March") == ("2012-03-23", "day")


def test_vague_deadlines_keep_words_without_date():
    for text, words in [("Circulate as soon as possible", "as soon as possible"),
                        ("Views to the clerk in the next few days", "in the next few days"),
                        ("Monitoring is ongoing", "ongoing"),
                        # a feast, the annual meeting (not the next meeting), a span from now
                        ("Order the noticeboard by Christmas", "by Christmas"),
                        ("Arrange a working party before the AGM", "before the AGM"),
                        ("Dealt with at the next Annual General Meeting", "at the next Annual General Meeting"),
                        ("Send the figures within two weeks", "within two weeks")]:
        d = find_deadline(text, MEETING, LATER)
        assert d.date is None and d.text == words


def test_no_deadline_and_no_year_without_meeting_date():
    assert find_deadline("The event on the green was a success", MEETING, LATER) is None
    assert find_deadline("Pay the invoice by 3rd February", None, []).date is None


def test_month_only_is_that_months_meeting_only_for_reporting_back():
    assert due("Promote the litter pick through parish networks in June") == ("2012-06", "month")
    assert due("Recruit two more wardens by March") == ("2012-03", "month")
    assert due("Present the options in March") == ("2012-03-06", "day")


def test_end_of_month_is_its_last_day():
    assert due("Write to the MP by the end of February") == ("2012-02-29", "day")


def test_month_of_the_meeting_itself_is_this_year():
    assert find_deadline("Due: January", MEETING, []).iso() == "2012-01"


def test_whole_dates_read_without_dateparser_as_dateparser_reads_them():
    # parse_date reads a whole date with its year itself; it must give what dateparser gives,
    # including no date for a day that does not exist and for the weekday forms dateparser lacks
    from minutes.extract import dates
    texts = ["Tuesday, 15 February 2011", "4th March, 2015", "APRIL 18, 2006", "02/03/2011", "Wed 4 Mar. 2015",
             "the 4th of March 2015", "Sept 4 2015", "31 February 2015", "31/02/2011", "Thurs, 12 April 2016",
             "Thur 4 March 2015", "Monday, January 29, 2018", "4 th July 1999", "00 March 2015"]
    for text in texts:
        cleaned = dates._THE_OF.sub("", dates._SPACED_ORDINAL.sub(r"\1\2", text))
        for base, future in ((None, False), (MEETING, True)):
            data = dates._parser(base, future).get_date_data(cleaned)
            read = (data.date_obj.date(), data.period) if data.date_obj else None
            assert dates.parse_date(text, base, future) == read, text
    assert dates._WHOLE_DATE.fullmatch("Tuesday, 15 February 2011")  # read by the fast path
    assert not dates._WHOLE_DATE.fullmatch("Thurs, 12 April 2016")  # left to dateparser


def test_a_us_order_day_without_its_year_needs_the_ordinal_letters():
    from minutes.extract.dates import DATE_PATTERN
    assert DATE_PATTERN.search("next – Thursday, March 9th at the Hall").group(0) == "Thursday, March 9th"
    assert DATE_PATTERN.search("it may 5 times over") is None and DATE_PATTERN.search("in March 9 rooms") is None
    due = find_deadline("Clerk to write to the owner by March 9th.", date(2012, 1, 10))
    assert (due.date, due.precision) == (date(2012, 3, 9), "day")


def test_deadlines_the_meeting_date_fixes():
    # MEETING is Tuesday 10 January 2012
    assert due("Send the schema by the end of the month") == ("2012-01-31", "day")
    assert due("ES to start the recruitment by end of the month") == ("2012-01-31", "day")
    assert due("Circulate the draft before the end of next month") == ("2012-02-29", "day")
    assert due("Cllr Simkins has a meeting later in the month") == ("2012-01", "month")
    assert due("The light is being fitted on Friday") == ("2012-01-13", "day")
    assert due("Return the key by Tuesday") == ("2012-01-17", "day")  # the meeting's own weekday: a week on
    assert due("Pay by 3rd February, not on Friday") == ("2012-02-03", "day")  # a date written out comes first
    for text in ("The hall is open on Fridays", "The stall on Friday 20th", "to be decided next week"):
        d = find_deadline(text, MEETING, LATER)
        assert d is None or d.date is None, text
    assert find_deadline("Send it by the end of the month", None, []) is None
    for text in ("The library closes on Tuesday evenings", "opening on Saturday and Thursday",
                 "open on Monday to Friday"):
        assert find_deadline(text, MEETING, LATER) is None, text
    assert due("agreed to meet on Saturday morning to look at it") == ("2012-01-14", "day")


def test_part_of_a_month_is_the_month():
    assert due("The Chair will contact the school by mid-February") == ("2012-02", "month")
    assert due("Send the plans by early March 2013") == ("2013-03", "month")



def test_dates_in_figures_at_the_end_of_a_sentence():
    assert due("Clerk to complete the return by 31/03/12.") == ("2012-03-31", "day")
    assert due("JS to send the figures by 2.2.12.") == ("2012-02-02", "day")
    assert due("Load the release by 1.2.12.4 as listed") is None  # a run of figures is no date


def test_labelled_due_dates_and_weeks_commencing():
    assert due("Action: the Clerk. Due date: 13/02/2012") == ("2012-02-13", "day")
    assert due("Target date: end of April") == ("2012-04-30", "day")
    assert due("Arrange the site visit by w/c 20th February") == ("2012-02-20", "day")
    assert due("Book the hall by week commencing 5 March") == ("2012-03-05", "day")
    assert due("Clerk and Chair to meet the contractor w/c 20th February") == ("2012-02-20", "day")  # no "by"
    assert due("Paint the hall week commencing 5 March") == ("2012-03-05", "day")


def test_the_end_of_the_financial_year_is_that_of_the_meeting():
    assert due("Claims to be submitted by the end of the financial year.") == ("2012-03-31", "day")
    assert find_deadline("Spend the grant by the end of the current financial year", date(2012, 6, 5), []).iso() \
        == "2013-03-31"


def test_the_day_a_task_is_arranged_for_is_its_date():
    assert due("A site visit has been arranged for 14th February") == ("2012-02-14", "day")
    assert due("The working group meeting is scheduled for 2 March 2012") == ("2012-03-02", "day")
    assert due("The hall is booked for 21st January for the quiz") == ("2012-01-21", "day")
    assert due("The precept was set for 2012/13 at the same level") is None  # a sum set, not a task's day
