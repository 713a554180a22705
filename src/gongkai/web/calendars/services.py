"""Importing a year's official days from the notice text; every change recomputes open deadlines."""
from __future__ import annotations

from datetime import date

from django.db import transaction

from gongkai.calendar.holidays.china import china_calendar
from gongkai.calendar.notice import HolidayNotice, parse_notice
from gongkai.errors import ParseError
from gongkai.web.audit.services import audit_event
from gongkai.web.calendars.constants import DayKind
from gongkai.web.calendars.models import CalendarYear, OfficialDay
from gongkai.web.calendars.selectors import forget_built_calendar
from gongkai.web.common.errors import ApplicationError

NOTICE_UNREADABLE = "节假日安排通知无法读取：%(reason)s"
YEAR_EXISTS = "%(year)s年的节假日安排已导入；如需更正，请先删除后重新导入"
YEAR_DISAGREES = "导入的%(year)s年安排与内置全国日历不一致：%(days)s"


def _year_days(days, year: int) -> set[date]:
    return {d for d in days if d.year == year}


def _check_against_packaged(notice: HolidayNotice) -> None:
    """A year the packaged calendar knows must come out the same, else one of the two is wrong."""
    packaged = china_calendar()
    if not packaged.knows(date(notice.year, 1, 1)):
        return
    differ = (_year_days(notice.holidays(), notice.year) ^ _year_days(packaged.holidays, notice.year)) | (
        _year_days(notice.workdays(), notice.year) ^ _year_days(packaged.extra_workdays, notice.year))
    if differ:
        shown = "、".join(d.isoformat() for d in sorted(differ)[:10])
        raise ApplicationError("calendar-disagrees", YEAR_DISAGREES % {"year": notice.year, "days": shown},
                               extra={"days": [d.isoformat() for d in sorted(differ)]})


def calendar_notice_read(*, text: str, source_name: str) -> HolidayNotice:
    """Parse and check a notice without saving it (the admin form validates with this)."""
    try:
        notice = parse_notice(text, source=source_name)
    except ParseError as exc:
        raise ApplicationError("notice-unreadable", NOTICE_UNREADABLE % {"reason": str(exc)}) from exc
    if CalendarYear.objects.filter(year=notice.year).exists():
        raise ApplicationError("calendar-year-exists", YEAR_EXISTS % {"year": notice.year})
    _check_against_packaged(notice)
    return notice


def _refresh_deadlines(*, acting_user, reason: str) -> int:
    forget_built_calendar()
    # Imported here: requests depends on calendars for its calendar, not the other way round.
    from gongkai.web.requests.services import request_refresh_open_deadlines

    return request_refresh_open_deadlines(acting_user=acting_user, reason=reason)


@transaction.atomic
def calendar_year_import(*, text: str, source_name: str, acting_user) -> CalendarYear:
    """Store a year's 放假 and 上班 days from its notice, log it, and recompute open deadlines."""
    notice = calendar_notice_read(text=text, source_name=source_name)
    year = CalendarYear(year=notice.year, source_name=source_name.strip(), notice_text=text,
                        imported_by=acting_user if getattr(acting_user, "is_authenticated", False) else None)
    year.full_clean()
    year.save()
    # Days of the notice's own year only: a 元旦 run may start on 30 or 31 December of the year before.
    rows = [OfficialDay(calendar_year=year, day=d, kind=DayKind.HOLIDAY, name=n)
            for d, n in notice.holidays().items() if d.year == notice.year]
    rows += [OfficialDay(calendar_year=year, day=d, kind=DayKind.WORKDAY, name=n)
             for d, n in notice.workdays().items() if d.year == notice.year]
    OfficialDay.objects.bulk_create(rows)
    moved = _refresh_deadlines(acting_user=acting_user, reason=f"导入{notice.year}年节假日安排")
    audit_event(event="calendar.year_imported", obj=year, acting_user=acting_user, agency=None,
                after={"year": notice.year, "holidays": sum(r.kind == DayKind.HOLIDAY for r in rows),
                       "workdays": sum(r.kind == DayKind.WORKDAY for r in rows)},
                data={"source": source_name, "deadlines_moved": moved})
    return year


@transaction.atomic
def calendar_year_delete(*, calendar_year: CalendarYear, acting_user) -> int:
    """Remove an imported year; deadlines running into it become provisional again. Returns how many moved."""
    year = calendar_year.year
    audit_event(event="calendar.year_deleted", obj=calendar_year, acting_user=acting_user, agency=None,
                before={"year": year, "source": calendar_year.source_name})
    calendar_year.delete()
    return _refresh_deadlines(acting_user=acting_user, reason=f"删除{year}年节假日安排")
