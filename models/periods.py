"""Financial years as dates, so sums of money can be grouped and filtered by
year however the period was written. Reading periods is extract.periods' job."""
from __future__ import annotations

from datetime import date

from minutes.extract.periods import find_periods, fy_label


def financial_years(period: str | None) -> tuple[date, date] | None:
    """First and last day (1 April, 31 March) of the financial year, or run of
    years, that ``period`` names ("2010/11", "2010/11 to 2012/13"); None for
    anything else, including a bare "2008", which may be a calendar year."""
    years = [int(p.period[:4]) for p in find_periods(period or "") if p.financial]
    if not years:
        return None
    return date(min(years), 4, 1), date(max(years) + 1, 3, 31)


def label_financial_years(start: date, end: date) -> str:
    """"2010/11", or "2010/11-2012/13" for a run of years."""
    first, last = fy_label(start.year), fy_label(end.year - 1)
    return first if first == last else f"{first}-{last}"
