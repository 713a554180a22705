"""Deadlines of a disclosure request, computed from its events (条例 第三十条至第三十四条、第四十二条).

Source: 《中华人民共和国政府信息公开条例》 (2019 revision, 国务院令第711号) and
《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号); see /work/shared/spec/request-workflow.md.

Conventions, all deliberate:

* "N working days after D" counts strictly after D: D itself is never day 1, whatever it is.
* A consultation (third party 第三十二条, other body 第三十四条) removes the working days from
  the day the letter goes out through the day the opinion arrives, both included.
* Fee-payment waiting (第四十二条) is removed the same way, from the day of the fee notice
  through the day of payment, both included. NOTE: 109号 says the waiting time does not
  count but not whether its end days do; the both-ends convention of consultations is
  reused so that one rule covers every pause.
* A deadline that runs into a year the calendar does not know is computed by weekends alone
  and marked provisional; its explanation says which year is missing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from gongkai.calendar.workdays import (
    DayNote,
    WorkCalendar,
    WorkdayCount,
    count_workdays,
    describe_day,
    format_day,
)
from gongkai.errors import GongkaiError

ANSWER_DAYS = 20  # 第三十三条第一款: answer within 20 working days of receipt
MAX_EXTENSION_DAYS = 20  # 第三十三条第一款: an extension may not exceed 20 working days
CORRECTION_NOTICE_DAYS = 7  # 第三十条: ask for a correction within 7 working days of receipt
FEE_PAYMENT_DAYS = 20  # 第四十二条: the applicant pays within 20 working days of the fee notice

CONSULT_THIRD_PARTY = "征求第三方意见"
CONSULTATION = "征求第三方或其他机关意见"  # when the caller does not say which
CONSULT_OTHER_BODY = "征求其他机关意见"
FEE_WAIT = "等待缴纳信息处理费"
_PAUSE_ARTICLES = {
    CONSULT_THIRD_PARTY: "第三十二条、第三十三条第二款",
    CONSULT_OTHER_BODY: "第三十四条、第三十三条第二款",
    CONSULTATION: "第三十二条、第三十四条、第三十三条第二款",
    FEE_WAIT: "第四十二条、国办函〔2020〕109号",
}


class DeadlineError(GongkaiError, ValueError):
    """Case events that cannot describe a real request (an order or size the law rules out)."""

    code = "deadline-error"


class Channel(StrEnum):
    """How the request arrived; decides which event is the day of receipt (第三十一条)."""

    IN_PERSON = "in_person"  # 当面提交
    POST_SIGNED = "post_signed"  # 邮寄，需签收
    POST_UNSIGNED = "post_unsigned"  # 平常信函，无需签收
    ONLINE = "online"  # 互联网渠道或政府信息公开工作机构的传真


def receipt_date(
    channel: Channel,
    *,
    handed_in: date | None = None,
    signed_for: date | None = None,
    confirmed: date | None = None,
) -> date:
    """The day a request counts as received (第三十一条).

    Args:
        channel: how the request arrived.
        handed_in: day it was handed in (in person).
        signed_for: day the office signed for the letter (post needing a signature).
        confirmed: day of confirmation with the applicant (ordinary post; internet or fax).
    Returns:
        The date of receipt for that channel.
    Raises:
        DeadlineError: the event that channel needs is missing.

    >>> receipt_date(Channel.POST_SIGNED, signed_for=date(2026, 9, 28))
    datetime.date(2026, 9, 28)
    >>> receipt_date(Channel.ONLINE, handed_in=date(2026, 9, 28))
    Traceback (most recent call last):
    ...
    gongkai.calendar.deadline.DeadlineError: 互联网渠道或传真提交的申请，以双方确认之日为收到申请之日（第三十一条第三、四项），缺少确认日期
    """
    if channel is Channel.IN_PERSON:
        return _needed(handed_in, "当面提交的申请，以提交之日为收到申请之日（第三十一条第一项），缺少提交日期")
    if channel is Channel.POST_SIGNED:
        return _needed(signed_for, "邮寄的申请，以签收之日为收到申请之日（第三十一条第二项），缺少签收日期")
    if channel is Channel.POST_UNSIGNED:
        # 第三十一条第二项: the office confirms with the applicant on the day the letter arrives.
        return _needed(confirmed, "平常信函，以与申请人确认之日为收到申请之日（第三十一条第二项），缺少确认日期")
    # 第三十一条第三、四项: internet channel or the office's fax, the day both sides confirm.
    return _needed(confirmed, "互联网渠道或传真提交的申请，以双方确认之日为收到申请之日（第三十一条第三、四项），缺少确认日期")


def _needed(day: date | None, message: str) -> date:
    if day is None:
        raise DeadlineError(message)
    return day


@dataclass(frozen=True)
class Pause:
    """Days that do not count against the answer deadline, ``start`` to ``end`` both included."""

    start: date
    end: date
    reason: str = CONSULTATION

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


@dataclass(frozen=True)
class CaseEvents:
    """What happened to a request, as far as the answer deadline cares."""

    received: date
    correction_received: date | None = None
    pauses: tuple[Pause, ...] = ()
    extension: int = 0


@dataclass(frozen=True)
class Deadline:
    """A due date, whether it rests on a year the calendar does not know, and why it falls there."""

    due: date
    provisional: bool
    explanation: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        """The JSON shape of ``gongkai deadline --json``."""
        return {
            "due": self.due.isoformat(),
            "provisional": self.provisional,
            "explanation": list(self.explanation),
        }


def _check_events(events: CaseEvents) -> None:
    if events.correction_received and events.correction_received < events.received:
        raise DeadlineError(
            f"收到补正申请之日（{events.correction_received.isoformat()}）早于收到申请之日"
            f"（{events.received.isoformat()}）"
        )
    if not 0 <= events.extension <= MAX_EXTENSION_DAYS:
        raise DeadlineError(
            f"延长期限为{events.extension}个工作日，应在0到{MAX_EXTENSION_DAYS}之间（第三十三条第一款）"
        )
    for pause in events.pauses:
        if pause.end < pause.start:
            raise DeadlineError(f"{pause.reason}期间倒置：{pause.start.isoformat()}至{pause.end.isoformat()}")
        if pause.start < events.received:
            raise DeadlineError(
                f"{pause.reason}开始于{pause.start.isoformat()}，早于收到申请之日{events.received.isoformat()}"
            )


def _runs(notes: tuple[DayNote, ...]) -> list[tuple[date, date, bool, str]]:
    """Consecutive notes with the same reason, merged: (first, last, counted, reason)."""
    runs: list[tuple[date, date, bool, str]] = []
    for note in notes:
        if runs:
            first, last, counted, reason = runs[-1]
            if (counted, reason) == (note.counted, note.reason) and note.day - last == timedelta(days=1):
                runs[-1] = (first, note.day, counted, reason)
                continue
        runs.append((note.day, note.day, note.counted, note.reason))
    return runs


def _day_lines(count: WorkdayCount) -> list[str]:
    """One line per run of skipped days and per make-up day counted."""
    lines = []
    for first, last, counted, reason in _runs(count.notes):
        span = format_day(first) if first == last else f"{format_day(first)}至{format_day(last)}"
        article = _PAUSE_ARTICLES.get(reason)
        why = f"{reason}（{article}）" if article else reason
        lines.append(f"计入：{span}，{why}，按工作日计算" if counted else f"不计入：{span}，{why}")
    return lines


def _start_lines(label: str, day: date, calendar: WorkCalendar) -> list[str]:
    """The day a period runs from, and a note when it is itself a day off (it still is day 0)."""
    lines = [f"{label}：{format_day(day)}"]
    if calendar.knows(day):
        working, why = describe_day(day, calendar=calendar)
        if not working:
            lines.append(f"{label}为非工作日（{why}），期限仍自次日起算，首个工作日为第1日")
    return lines


def _provisional_line(count: WorkdayCount, calendar: WorkCalendar) -> list[str]:
    if not count.provisional:
        return []
    years = "、".join(f"{y}年" for y in count.unknown_years)
    # Days run contiguously, so the unknown stretch starts at the later of the day after the
    # start and 1 January of the first unknown year.
    first = max(count.start + timedelta(days=1), date(count.unknown_years[0], 1, 1))
    return [
        f"暂定：日历未载入{years}的节假日安排（{calendar.coverage_text()}），{first.isoformat()}起的日期"
        "仅按周末推算；国务院办公厅公布该年节假日安排后须重新计算"
    ]


def _merge(first: WorkdayCount, second: WorkdayCount) -> WorkdayCount:
    return WorkdayCount(
        start=first.start, days=first.days + second.days, due=second.due,
        provisional=first.provisional or second.provisional,
        unknown_years=tuple(sorted(set(first.unknown_years) | set(second.unknown_years))),
        notes=first.notes + second.notes,
    )


def answer_due(events: CaseEvents, *, calendar: WorkCalendar) -> Deadline:
    """The last day to answer a request: 20 working days, restarted by a correction, extended once.

    Args:
        events: receipt, correction, pauses and extension of the request.
        calendar: the working-day calendar.
    Returns:
        A ``Deadline`` with the due date, ``provisional`` and a Chinese explanation.
    Raises:
        DeadlineError: events out of order, a reversed pause, or an extension over 20 days.

    >>> from gongkai.calendar.holidays.china import china_calendar
    >>> answer_due(CaseEvents(received=date(2026, 9, 28)), calendar=china_calendar()).due
    datetime.date(2026, 10, 30)
    >>> answer_due(CaseEvents(received=date(2026, 9, 28), extension=21), calendar=china_calendar())
    Traceback (most recent call last):
    ...
    gongkai.calendar.deadline.DeadlineError: 延长期限为21个工作日，应在0到20之间（第三十三条第一款）
    """
    _check_events(events)
    lines = _start_lines("收到申请之日", events.received, calendar)
    lines[0] += "（第三十一条）"
    start = events.received
    if events.correction_received:
        start = events.correction_received  # 第三十条: the 20 days count from receipt of the correction
        lines.append(f"收到补正后的申请之日：{format_day(start)}，答复期限自该日重新起算（第三十条）")
    lines.append(f"答复期限：自{start.isoformat()}次日起算{ANSWER_DAYS}个工作日（第三十三条第一款）")
    # 第三十二条、第三十四条、第三十三条第二款 and 第四十二条: pauses do not count.
    excluded = {d: pause.reason for pause in events.pauses for d in pause.days()}
    count = count_workdays(start, ANSWER_DAYS, calendar=calendar, excluded=excluded)
    if events.extension:
        original = count.due
        # 第三十三条第一款: one extension of at most 20 working days, counted on from the original due date.
        more = count_workdays(original, events.extension, calendar=calendar, excluded=excluded)
        count = _merge(count, more)
        lines.append(
            f"原答复期限：{format_day(original)}；经政府信息公开工作机构负责人同意延长"
            f"{events.extension}个工作日，自原期限次日起算（第三十三条第一款）"
        )
    lines += _day_lines(count)
    lines += _provisional_line(count, calendar)
    lines.append(f"答复期限届满日：{format_day(count.due)}{'（暂定）' if count.provisional else ''}")
    return Deadline(due=count.due, provisional=count.provisional, explanation=tuple(lines))


def correction_notice_due(received: date, *, calendar: WorkCalendar) -> Deadline:
    """The last day to send the one request for correction (补正): 7 working days (第三十条).

    >>> from gongkai.calendar.holidays.china import china_calendar
    >>> correction_notice_due(date(2026, 9, 28), calendar=china_calendar()).due
    datetime.date(2026, 10, 13)
    """
    count = count_workdays(received, CORRECTION_NOTICE_DAYS, calendar=calendar)  # 第三十条: 7 working days
    lines = [
        *_start_lines("收到申请之日", received, calendar),
        f"补正告知期限：自{received.isoformat()}次日起算{CORRECTION_NOTICE_DAYS}个工作日（第三十条）",
        *_day_lines(count),
        *_provisional_line(count, calendar),
        f"补正告知期限届满日：{format_day(count.due)}{'（暂定）' if count.provisional else ''}",
    ]
    return Deadline(due=count.due, provisional=count.provisional, explanation=tuple(lines))


def fee_payment_due(notice_day: date, *, calendar: WorkCalendar) -> Deadline:
    """The last day for the applicant to pay a notified fee: 20 working days (第四十二条).

    >>> from gongkai.calendar.holidays.china import china_calendar
    >>> fee_payment_due(date(2026, 9, 28), calendar=china_calendar()).due
    datetime.date(2026, 10, 30)
    """
    count = count_workdays(notice_day, FEE_PAYMENT_DAYS, calendar=calendar)  # 第四十二条: 20 working days
    lines = [
        *_start_lines("收费通知之日", notice_day, calendar),
        f"缴费期限：自{notice_day.isoformat()}次日起算{FEE_PAYMENT_DAYS}个工作日，逾期视为放弃申请（第四十二条）",
        *_day_lines(count),
        *_provisional_line(count, calendar),
        f"缴费期限届满日：{format_day(count.due)}{'（暂定）' if count.provisional else ''}",
    ]
    return Deadline(due=count.due, provisional=count.provisional, explanation=tuple(lines))
