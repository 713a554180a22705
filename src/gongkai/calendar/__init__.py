"""Working-day calendars and the deadline arithmetic of 政府信息公开 requests.

The core never looks a calendar up by itself: every function takes ``calendar=`` (STYLE E6).
"""
from gongkai.calendar.workdays import (
    CalendarYearUnknownError,
    DayNote,
    WorkCalendar,
    WorkdayCount,
    add_workdays,
    count_workdays,
    describe_day,
    is_workday,
    workdays_between,
)

__all__ = [
    "CalendarYearUnknownError", "DayNote", "describe_day", "WorkCalendar", "WorkdayCount",
    "add_workdays", "count_workdays", "is_workday", "workdays_between",
]
