"""The national calendar built from chinesecalendar: coverage, year guard, names, citations."""
from __future__ import annotations

from datetime import date

import chinese_calendar

from gongkai.calendar.holidays import china
from gongkai.calendar.holidays.china import SOURCES, china_calendar


def test_known_years_are_2004_to_2026_and_all_cited():
    cal = china_calendar()
    assert cal.known_years == frozenset(range(2004, 2027))
    assert cal.known_years <= SOURCES.keys()
    assert all("部分节假日安排的通知" in SOURCES[y] for y in cal.known_years)


def test_same_days_as_the_package():
    cal = china_calendar()
    assert cal.holidays == frozenset(chinese_calendar.holidays)
    assert cal.extra_workdays == frozenset(chinese_calendar.workdays)


def test_reasons_use_the_notice_names():
    cal = china_calendar()
    assert cal.reason(date(2026, 9, 25)) == "中秋节"
    assert cal.reason(date(2026, 4, 5)) == "清明节"
    assert cal.reason(date(2026, 6, 19)) == "端午节"
    assert cal.reason(date(2026, 2, 28)) == "春节"  # a make-up day carries its holiday's name
    assert cal.reason(date(2026, 10, 12)) is None


def test_year_guard_drops_uncited_years(monkeypatch):
    # A newer package year that nobody cited must stay unknown.
    monkeypatch.delitem(SOURCES, 2026)
    china_calendar.cache_clear()
    try:
        cal = china.china_calendar()
        assert 2026 not in cal.known_years
        assert date(2026, 10, 1) not in cal.holidays
        assert date(2025, 10, 1) in cal.holidays
    finally:
        monkeypatch.undo()
        china_calendar.cache_clear()
    assert 2026 in china_calendar().known_years
