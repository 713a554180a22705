"""Working-day arithmetic (STYLE E6): strict functions, make-up days, unknown years, properties.

Requirement: /work/shared/spec/request-workflow.md — a working day is a day of the official
national calendar; weekends are off unless the yearly notice makes them make-up days.
"""
from __future__ import annotations

import doctest
import importlib
from datetime import date, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.calendar import (
    CalendarYearUnknownError,
    WorkCalendar,
    add_workdays,
    count_workdays,
    is_workday,
    workdays_between,
)
from gongkai.calendar.holidays.china import china_calendar
from gongkai.errors import GongkaiError

CN = china_calendar()
# Make-up workdays must beat a holiday listed for the same day (docstring contract).
CLASH = date(2026, 10, 10)
TINY = WorkCalendar(
    holidays=frozenset({date(2026, 10, 1), CLASH}),
    extra_workdays=frozenset({CLASH}),
    known_years=frozenset({2026}),
    reasons={date(2026, 10, 1): "国庆节", CLASH: "国庆节"},
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 10, 1), False),  # 国庆节 on a Thursday
        (date(2026, 10, 10), True),  # 调休 Saturday
        (date(2026, 10, 11), False),  # ordinary Sunday
        (date(2026, 10, 12), True),  # ordinary Monday
        (date(2026, 1, 4), True),  # 元旦 make-up Sunday
        (date(2026, 2, 23), False),  # 春节 Monday
        (date(2015, 9, 3), False),  # 抗战胜利70周年纪念日
    ],
)
def test_is_workday_china(day, expected):
    assert is_workday(day, calendar=CN) is expected


def test_extra_workday_wins_over_holiday_and_weekend():
    assert CLASH.weekday() == 5
    assert is_workday(CLASH, calendar=TINY) is True
    assert is_workday(date(2026, 10, 1), calendar=TINY) is False


def test_unknown_year_raises_in_strict_functions():
    with pytest.raises(CalendarYearUnknownError) as info:
        is_workday(date(2027, 1, 4), calendar=CN)
    assert isinstance(info.value, GongkaiError)
    assert info.value.year == 2027
    assert "2027年" in str(info.value) and "2004–2026" in str(info.value)
    with pytest.raises(CalendarYearUnknownError):
        add_workdays(date(2026, 12, 28), 5, calendar=CN)
    with pytest.raises(CalendarYearUnknownError):
        workdays_between(date(2026, 12, 28), date(2027, 1, 8), calendar=CN)
    with pytest.raises(CalendarYearUnknownError):
        is_workday(date(2003, 12, 31), calendar=CN)


def test_strict_add_stops_before_unknown_year_when_it_can():
    # 2026-12-31 is reached without judging any 2027 day, so no error.
    assert add_workdays(date(2026, 12, 28), 3, calendar=CN) == date(2026, 12, 31)


def test_count_workdays_flags_unknown_years_instead_of_raising():
    result = count_workdays(date(2026, 12, 28), 5, calendar=CN)
    assert result.due == date(2027, 1, 4)  # 12-29, 12-30, 12-31, 01-01 (weekday rule), 01-04
    assert result.provisional is True
    assert result.unknown_years == (2027,)


def test_count_workdays_inside_known_years_is_not_provisional():
    result = count_workdays(date(2026, 9, 28), 20, calendar=CN)
    assert (result.due, result.provisional) == (date(2026, 10, 30), False)
    counted = [n for n in result.notes if n.counted]
    assert [(n.day, n.reason) for n in counted] == [(date(2026, 10, 10), "国庆节调休上班")]


def test_count_workdays_excluded_days_do_not_count():
    excluded = {date(2026, 11, 3): "征求第三方意见"}
    plain = count_workdays(date(2026, 11, 2), 1, calendar=CN)
    paused = count_workdays(date(2026, 11, 2), 1, calendar=CN, excluded=excluded)
    assert (plain.due, paused.due) == (date(2026, 11, 3), date(2026, 11, 4))
    assert paused.notes[0].reason == "征求第三方意见"


def test_add_workdays_zero_and_negative():
    assert add_workdays(date(2026, 10, 3), 0, calendar=CN) == date(2026, 10, 3)
    # Back from Thursday 10-08 over the National Day week to Wednesday 09-30.
    assert add_workdays(date(2026, 10, 8), -1, calendar=CN) == date(2026, 9, 30)
    with pytest.raises(ValueError):
        count_workdays(date(2026, 10, 8), -1, calendar=CN)


def test_workdays_between_is_antisymmetric_and_half_open():
    a, b = date(2026, 9, 28), date(2026, 10, 30)
    assert workdays_between(a, b, calendar=CN) == 20
    assert workdays_between(b, a, calendar=CN) == -20
    assert workdays_between(a, a, calendar=CN) == 0


def test_calendar_is_immutable():
    with pytest.raises(TypeError):
        TINY.reasons[date(2026, 10, 2)] = "x"  # type: ignore[index]
    with pytest.raises(AttributeError):
        TINY.known_years = None  # type: ignore[misc]


# --- properties -----------------------------------------------------------------------

# Starts and spans chosen so every judged day stays inside 2004–2026 (the strict range).
known_days = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 6, 30))
spans = st.integers(min_value=0, max_value=100)


@settings(max_examples=200, deadline=None)
@given(d=known_days, n=st.integers(min_value=1, max_value=100))
def test_property_result_is_a_workday(d, n):
    assert is_workday(add_workdays(d, n, calendar=CN), calendar=CN)


@settings(max_examples=200, deadline=None)
@given(d=known_days, n=spans)
def test_property_between_inverts_add(d, n):
    assert workdays_between(d, add_workdays(d, n, calendar=CN), calendar=CN) == n


@settings(max_examples=200, deadline=None)
@given(d=known_days, n=spans, m=spans)
def test_property_monotonic_in_n(d, n, m):
    lo, hi = sorted((n, m))
    assert add_workdays(d, lo, calendar=CN) <= add_workdays(d, hi, calendar=CN)
    if lo < hi:
        assert add_workdays(d, lo, calendar=CN) < add_workdays(d, hi, calendar=CN)


@settings(max_examples=200, deadline=None)
@given(d=known_days, n=spans)
def test_property_agrees_with_chinesecalendar_directly(d, n):
    # An independent oracle: step through days with chinese_calendar.is_workday itself.
    day, left = d, n
    while left:
        day += timedelta(days=1)
        left -= chinese_calendar.is_workday(day)
    assert add_workdays(d, n, calendar=CN) == day


@settings(max_examples=100, deadline=None)
@given(d=known_days, n=spans)
def test_property_tolerant_count_matches_strict_add_in_known_years(d, n):
    result = count_workdays(d, n, calendar=CN)
    assert result.due == add_workdays(d, n, calendar=CN)
    assert result.provisional is False


@pytest.mark.parametrize(
    "module",
    ["gongkai.calendar.workdays", "gongkai.calendar.notice", "gongkai.calendar.holidays.china",
     "gongkai.calendar.deadline"],
)
def test_doctests(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
