"""Working days (工作日) over an explicit calendar value.

A day is a working day unless it is a weekend day or an official holiday; a make-up
working day (调休上班) named in the State Council's yearly notice is a working day even
when it falls on a weekend. The calendar only *knows* the years whose notice it holds.

Two ways to count, on purpose:

* ``is_workday``, ``add_workdays`` and ``workdays_between`` are strict. They return plain
  ``date``/``int`` values (what a model field stores, STYLE E5/E6) and raise
  ``CalendarYearUnknownError`` as soon as they would have to judge a day in a year the
  calendar does not know. They can never silently assume a year without holidays.
* ``count_workdays`` is the tolerant counter used for legal deadlines. It judges days of
  unknown years by the weekend rule alone, and says so: the result carries
  ``provisional=True``, the unknown years, and a note for every day it skipped or counted
  for a reason. A caller therefore has to opt in to a provisional answer, and the answer
  cannot lose its flag on the way (the flag lives on the same object as the date).

Raising from the plain functions, rather than returning a flagged object from all of them,
keeps the three-function API of STYLE E6 returning dates and integers.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from gongkai.errors import GongkaiError

# date.weekday(): Monday is 0, so Saturday 5 and Sunday 6 form the national two-day weekend
# (《国务院关于职工工作时间的规定》, 国务院令第174号, 1995).
WEEKEND = frozenset({5, 6})

_WEEKDAY_ZH = "一二三四五六日"
_ONE_DAY = timedelta(days=1)


def weekday_zh(d: date) -> str:
    """The Chinese weekday label used in notices and explanations.

    >>> weekday_zh(date(2026, 10, 10))
    '周六'
    """
    return "周" + _WEEKDAY_ZH[d.weekday()]


def format_day(d: date) -> str:
    """``2026-10-10（周六）``: ISO date plus weekday, as the explanations print it."""
    return f"{d.isoformat()}（{weekday_zh(d)}）"


class CalendarYearUnknownError(GongkaiError, LookupError):
    """A strict function had to judge a day in a year whose holiday notice the calendar lacks."""

    code = "calendar-year-unknown"

    def __init__(self, day: date, calendar: WorkCalendar):
        self.day = day
        self.year = day.year
        super().__init__(
            f"日历未载入{day.year}年的节假日安排（{calendar.coverage_text()}），"
            f"无法确定{format_day(day)}是否为工作日",
            hint=f"待国务院办公厅公布{day.year}年部分节假日安排后更新日历；"
            "如需先行估算，请用 count_workdays 取得暂定（provisional）结果",
        )


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days, for the years it knows.

    Extra workdays win over holidays and weekends: a day in ``extra_workdays`` is a working
    day even if it is also listed in ``holidays`` or falls on a ``weekend`` day, because a
    State Council notice that names a make-up day (调休上班) overrides the general rule.

    Attributes:
        holidays: days off by law or notice (放假), including weekend days inside a holiday run.
        extra_workdays: make-up working days (调休上班), usually Saturdays or Sundays.
        weekend: ``date.weekday()`` numbers that are off unless made up; Saturday and Sunday.
        known_years: years whose arrangement the calendar holds; ``None`` claims every year
            (only right for a calendar that has no holidays at all, e.g. in tests).
        reasons: per-day names, e.g. ``{date(2026, 10, 1): "国庆节"}``; a make-up day carries
            the name of the holiday it belongs to.
        name: where the data came from, for messages.

    >>> cal = WorkCalendar(holidays=frozenset({date(2026, 10, 1)}),
    ...                    extra_workdays=frozenset({date(2026, 10, 10)}),
    ...                    known_years=frozenset({2026}))
    >>> cal.knows(date(2026, 12, 31)), cal.knows(date(2027, 1, 1))
    (True, False)
    """

    holidays: frozenset[date] = frozenset()
    extra_workdays: frozenset[date] = frozenset()
    weekend: frozenset[int] = WEEKEND
    known_years: frozenset[int] | None = None
    reasons: Mapping[date, str] = field(default_factory=dict, compare=False, hash=False)
    name: str = ""

    def __post_init__(self) -> None:
        # A frozen calendar must not change under a deadline already computed from it.
        object.__setattr__(self, "reasons", MappingProxyType(dict(self.reasons)))
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "extra_workdays", frozenset(self.extra_workdays))
        object.__setattr__(self, "weekend", frozenset(self.weekend))
        if self.known_years is not None:
            object.__setattr__(self, "known_years", frozenset(self.known_years))

    def knows(self, d: date) -> bool:
        """True when the calendar holds the holiday arrangement of ``d``'s year."""
        return self.known_years is None or d.year in self.known_years

    def coverage_text(self) -> str:
        """Known years as Chinese text for messages: ``已知2004–2026年``."""
        if self.known_years is None:
            return "不限年份"
        if not self.known_years:
            return "未载入任何年份"
        years = sorted(self.known_years)
        if len(years) > 1 and years[-1] - years[0] + 1 == len(years):
            return f"已知{years[0]}–{years[-1]}年"
        return "已知" + "、".join(str(y) for y in years) + "年"

    def reason(self, d: date) -> str | None:
        """The recorded name of a holiday or make-up day, if any."""
        return self.reasons.get(d)


@dataclass(frozen=True)
class DayNote:
    """A day a count did not simply take at face value: skipped, or counted despite a weekend."""

    day: date
    counted: bool
    reason: str


@dataclass(frozen=True)
class WorkdayCount:
    """The outcome of ``count_workdays``: the date, whether it is provisional, and why."""

    start: date
    days: int
    due: date
    provisional: bool
    unknown_years: tuple[int, ...] = ()
    notes: tuple[DayNote, ...] = ()


def describe_day(d: date, *, calendar: WorkCalendar) -> tuple[bool, str]:
    """(is it a working day, why) by the calendar's own data, ignoring whether the year is known.

    The reason is empty for an ordinary working day.

    >>> describe_day(date(2026, 10, 11), calendar=WorkCalendar())
    (False, '周末')
    """
    # Make-up workdays override holidays and weekends (the notice names them 上班).
    if d in calendar.extra_workdays:
        name = calendar.reason(d)
        return True, f"{name}调休上班" if name else "调休上班"
    if d in calendar.holidays:
        return False, calendar.reason(d) or "法定节假日"
    if d.weekday() in calendar.weekend:
        return False, "周末"
    return True, ""


def _check_known(d: date, calendar: WorkCalendar) -> None:
    if not calendar.knows(d):
        raise CalendarYearUnknownError(d, calendar)


def is_workday(d: date, *, calendar: WorkCalendar) -> bool:
    """Whether ``d`` is a working day.

    Args:
        d: the day.
        calendar: the working-day calendar to judge by.
    Returns:
        True for a working day (including a make-up 调休 day), False for a weekend or holiday.
    Raises:
        CalendarYearUnknownError: ``d`` lies in a year the calendar does not know.

    >>> cal = WorkCalendar(extra_workdays=frozenset({date(2026, 10, 10)}), known_years=frozenset({2026}))
    >>> is_workday(date(2026, 10, 10), calendar=cal), is_workday(date(2026, 10, 11), calendar=cal)
    (True, False)
    >>> is_workday(date(2027, 1, 4), calendar=cal)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongkai.calendar.workdays.CalendarYearUnknownError: 日历未载入2027年的节假日安排（已知2026年），无法确定2027-01-04（周一）...
    """
    _check_known(d, calendar)
    return describe_day(d, calendar=calendar)[0]


def _days(start: date, step: timedelta) -> Iterator[date]:
    d = start
    while True:
        d += step
        yield d


def add_workdays(d: date, n: int, *, calendar: WorkCalendar) -> date:
    """The ``n``-th working day strictly after ``d`` (before it when ``n`` is negative).

    ``d`` itself never counts, whether or not it is a working day; ``n == 0`` returns ``d``.

    Args:
        d: the day the period runs from.
        n: number of working days.
        calendar: the working-day calendar.
    Returns:
        The working day reached.
    Raises:
        CalendarYearUnknownError: a day to be judged lies in a year the calendar does not know.

    >>> cal = WorkCalendar(known_years=frozenset({2026}))
    >>> add_workdays(date(2026, 11, 27), 1, calendar=cal)  # Friday -> Monday
    datetime.date(2026, 11, 30)
    >>> add_workdays(date(2026, 12, 30), 5, calendar=cal)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongkai.calendar.workdays.CalendarYearUnknownError: 日历未载入2027年的节假日安排（已知2026年），无法确定2027-01-01（周五）...
    """
    if n == 0:
        return d
    step = _ONE_DAY if n > 0 else -_ONE_DAY
    left = abs(n)
    for day in _days(d, step):
        if is_workday(day, calendar=calendar):
            left -= 1
            if left == 0:
                return day
    raise AssertionError("unreachable")  # pragma: no cover - _days is infinite


def workdays_between(a: date, b: date, *, calendar: WorkCalendar) -> int:
    """Working days in ``(a, b]``: after ``a``, up to and including ``b``; negative if ``b < a``.

    It is the inverse of ``add_workdays`` for ``n >= 0``:
    ``workdays_between(d, add_workdays(d, n)) == n``.

    Args:
        a: the day the count runs from (not counted).
        b: the last day counted.
        calendar: the working-day calendar.
    Returns:
        The number of working days, ``-workdays_between(b, a)`` when ``b < a``.
    Raises:
        CalendarYearUnknownError: a day in the range lies in a year the calendar does not know.

    >>> cal = WorkCalendar(known_years=frozenset({2026}))
    >>> workdays_between(date(2026, 11, 27), date(2026, 12, 4), calendar=cal)
    5
    >>> workdays_between(date(2026, 12, 4), date(2026, 11, 27), calendar=cal)
    -5
    """
    if b < a:
        return -workdays_between(b, a, calendar=calendar)
    count = 0
    day = a + _ONE_DAY
    while day <= b:
        count += is_workday(day, calendar=calendar)
        day += _ONE_DAY
    return count


def count_workdays(
    start: date,
    n: int,
    *,
    calendar: WorkCalendar,
    excluded: Mapping[date, str] | None = None,
) -> WorkdayCount:
    """Count ``n`` working days strictly after ``start``, tolerating unknown years.

    Days of a year the calendar does not know are judged by the weekend rule alone and make
    the result provisional. Days in ``excluded`` (e.g. a third-party consultation) do not
    count even when they are working days.

    Args:
        start: the day the period runs from (not counted).
        n: working days to count, ``n >= 0``.
        calendar: the working-day calendar.
        excluded: working days that must not count, with the reason to print.
    Returns:
        A ``WorkdayCount`` with the day reached, ``provisional`` and per-day notes.
    Raises:
        ValueError: ``n`` is negative (deadlines run forward).

    >>> cal = WorkCalendar(known_years=frozenset({2026}))
    >>> r = count_workdays(date(2026, 12, 30), 2, calendar=cal)
    >>> r.due, r.provisional, r.unknown_years
    (datetime.date(2027, 1, 1), True, (2027,))
    >>> count_workdays(date(2026, 12, 30), -1, calendar=cal)
    Traceback (most recent call last):
    ...
    ValueError: 工作日数不能为负数：-1
    """
    if n < 0:
        raise ValueError(f"工作日数不能为负数：{n}")
    excluded = excluded or {}
    notes: list[DayNote] = []
    unknown: set[int] = set()
    day, left = start, n
    while left:
        day += _ONE_DAY
        if calendar.knows(day):
            working, why = describe_day(day, calendar=calendar)
        else:
            # NOTE: an unknown year is judged by weekends only; the flag makes that visible.
            unknown.add(day.year)
            working = day.weekday() not in calendar.weekend
            why = "" if working else "周末"
        if working and day in excluded:
            working, why = False, excluded[day]
        if working:
            left -= 1
            if why:  # a make-up day counted on a weekend
                notes.append(DayNote(day, True, why))
        else:
            notes.append(DayNote(day, False, why))
    return WorkdayCount(
        start=start, days=n, due=day, provisional=bool(unknown),
        unknown_years=tuple(sorted(unknown)), notes=tuple(notes),
    )
