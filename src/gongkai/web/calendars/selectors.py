"""The working-day calendar deadlines are counted in: the packaged national calendar plus the
years imported from notices. Built once per change, not per call."""
from __future__ import annotations

from django.db.models import Count, Max, Sum

from gongkai.calendar import WorkCalendar
from gongkai.calendar.holidays.china import china_calendar
from gongkai.web.calendars.constants import DayKind
from gongkai.web.calendars.models import CalendarYear, OfficialDay

_built: dict[tuple, WorkCalendar] = {}


def _version() -> tuple:
    """Changes whenever a year is imported, replaced or removed (one cheap aggregate query)."""
    agg = CalendarYear.objects.aggregate(n=Count("id"), latest=Max("imported_at"), last_id=Max("id"),
                                         years=Sum("year"))
    return agg["n"], agg["latest"], agg["last_id"], agg["years"]


def forget_built_calendar() -> None:
    """Drop this process's copy at once; other processes notice the new version on their next call."""
    _built.clear()


def merged_calendar(base: WorkCalendar, *, holidays: dict, workdays: dict, years: set[int],
                    name: str) -> WorkCalendar:
    """``base`` with more years. Days of a year given here replace ``base``'s days of that year."""

    def keep(days) -> set:
        return {d for d in days if d.year not in years}

    reasons = {d: r for d, r in base.reasons.items() if d.year not in years} | holidays | workdays
    return WorkCalendar(
        holidays=frozenset(keep(base.holidays) | set(holidays)),
        extra_workdays=frozenset(keep(base.extra_workdays) | set(workdays)),
        weekend=base.weekend,
        known_years=None if base.known_years is None else base.known_years | frozenset(years),
        reasons=reasons,
        name=f"{base.name}；{name}" if name else base.name,
    )


def calendar_for_deadlines() -> WorkCalendar:
    """The national calendar with every imported year on top."""
    version = _version()
    if version not in _built:
        base = china_calendar()
        years = set(CalendarYear.objects.values_list("year", flat=True))
        if not years:
            calendar = base
        else:
            days = list(OfficialDay.objects.values_list("day", "kind", "name"))
            calendar = merged_calendar(
                base,
                holidays={d: n for d, k, n in days if k == DayKind.HOLIDAY},
                workdays={d: n for d, k, n in days if k == DayKind.WORKDAY},
                years=years,
                name="导入的节假日安排通知（" + "、".join(f"{y}年" for y in sorted(years)) + "）",
            )
        _built.clear()  # only the current version is ever needed
        _built[version] = calendar
    return _built[version]
