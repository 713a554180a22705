"""Handling a received request: acceptance, correction (补正), consultation, extension and fees.

The pauses and the extension recorded here are what the answer deadline is derived from
(``requests.deadlines``); no service writes a due date itself.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, QuerySet

from gongkai.calendar import WorkCalendar, count_workdays
from gongkai.calendar.deadline import MAX_EXTENSION_DAYS, fee_payment_due
from gongkai.web.audit.services import SystemActor, audit_event
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import (
    FEE_UNPAID_OUTCOME,
    NO_CORRECTION_OUTCOME,
    OPEN_STATUSES,
    PAUSED_STATUSES,
    ConsultedParty,
    FeeBasis,
    RequestEventKind,
)
from gongkai.web.requests.deadlines import refresh_due_dates, work_calendar
from gongkai.web.requests.models import InfoRequest, RequestEvent
from gongkai.web.requests.rules import (  # noqa: F401  (the history rules' messages, re-exported)
    CORRECTION_ONCE,
    CORRECTION_TIME_RUNNING,
    EXTENSION_ALREADY_ASKED,
    EXTENSION_NOT_ASKED,
    EXTENSION_ONCE,
    FEE_TIME_RUNNING,
)
from gongkai.web.requests.services._base import begin, finish, not_after_today, not_before, snapshot, today

K = RequestEventKind

CORRECTION_RESPOND_BY = "补正期限（%(respond_by)s）应晚于告知补正之日（%(asked_on)s）"
OPINION_DAYS = 15  # 第三十二条、第三十四条: the consulted party answers within 15 working days
EXTENSION_DAYS_RANGE = "延长期限应为1到%(max)s个工作日（第三十三条第一款），实为%(days)s"
EXTENSION_MORE_THAN_ASKED = "批准延长的%(days)s个工作日多于申请的%(asked)s个工作日"
EXTENSION_TOO_LATE = "答复期限已于%(due)s届满，不能再批准延长（第三十三条第一款）"
FEE_NOT_POSITIVE = "收费金额应大于零（实为%(amount)s元）"
CHOICE_UNKNOWN = "“%(value)s”不是可选的%(what)s（可选：%(choices)s）"


def _choice(choices, value: str, what: str):
    try:
        return choices(value)
    except ValueError:
        raise ApplicationError("choice-unknown", CHOICE_UNKNOWN % {
            "value": value, "what": what, "choices": "、".join(choices.values)}) from None


def _last(request: InfoRequest, kind: str) -> RequestEvent | None:
    return request.events.filter(kind=kind).order_by("-created_at", "-id").first()


@transaction.atomic
def request_accept(*, request: InfoRequest, acting_user, note: str = "", accepted_on: date | None = None
                   ) -> InfoRequest:
    """The reviewer finds the request complete and hands it on for handling (第四十五条 审核).

    ``accepted_on`` records an acceptance made earlier (default today).
    """
    step = begin(request, "accept", acting_user=acting_user)
    day = accepted_on or today()
    not_after_today(day, "受理之日")
    not_before(day, "受理之日", step.request.received_on, "收到申请之日")
    return finish(step, kind=K.ACCEPTED, day=day, acting_user=acting_user, note=note)


@transaction.atomic
def request_ask_correction(*, request: InfoRequest, asked_on: date, what_to_correct: str, respond_by: date,
                           acting_user) -> InfoRequest:
    """Ask once for a correction, saying what and by when (第三十条); the answer clock stops until it comes."""
    step = begin(request, "ask_correction", acting_user=acting_user, day=asked_on)  # once: rules.py
    not_after_today(asked_on, "告知补正之日")
    not_before(asked_on, "告知补正之日", step.request.received_on, "收到申请之日")
    if respond_by <= asked_on:
        raise ApplicationError("correction-respond-by", CORRECTION_RESPOND_BY % {
            "respond_by": respond_by, "asked_on": asked_on})
    # 第三十条: within 7 working days of receipt; a later notice is recorded as late, not refused.
    due = step.request.correction_notice_due_on
    late = due is not None and asked_on > due
    return finish(step, kind=K.CORRECTION_ASKED, day=asked_on, acting_user=acting_user,
                  note=what_to_correct.strip(), data={"respond_by": respond_by.isoformat(), "late": late})


@transaction.atomic
def request_record_correction(*, request: InfoRequest, received_on: date, note: str = "",
                              acting_user) -> InfoRequest:
    """The corrected request arrived: the 20 working days count again from that day (第三十条)."""
    step = begin(request, "record_correction", acting_user=acting_user)
    asked = _last(step.request, K.CORRECTION_ASKED)
    not_after_today(received_on, "收到补正之日")
    not_before(received_on, "收到补正之日", asked.day if asked else None, "告知补正之日")
    return finish(step, kind=K.CORRECTION_RECEIVED, day=received_on, acting_user=acting_user, note=note)


@transaction.atomic
def request_close_no_correction(*, request: InfoRequest, closed_on: date, acting_user) -> InfoRequest:
    """No correction by the time given: treated as withdrawn, counted as ``other_no_correction`` (第三十条)."""
    # The applicant's time must have run out: rules.py.
    step = begin(request, "close_no_correction", acting_user=acting_user, day=closed_on)
    not_after_today(closed_on, "终止办理之日")
    step.request.outcome = NO_CORRECTION_OUTCOME
    step.request.closed_on = closed_on
    return finish(step, kind=K.CLOSED, day=closed_on, acting_user=acting_user,
                  data={"outcome": NO_CORRECTION_OUTCOME})


@transaction.atomic
def request_start_consultation(*, request: InfoRequest, sent_on: date, party: str, addressee: str,
                               acting_user) -> InfoRequest:
    """Ask a third party (第三十二条) or another body (第三十四条) in writing; the days until the answer
    do not count against the deadline (第三十三条第二款)."""
    step = begin(request, "start_consultation", acting_user=acting_user)
    party = _choice(ConsultedParty, party, "征求意见对象")
    not_after_today(sent_on, "征求意见发函之日")
    not_before(sent_on, "征求意见发函之日", step.request.received_on, "收到申请之日")
    opinion = count_workdays(sent_on, OPINION_DAYS, calendar=work_calendar())
    return finish(step, kind=K.CONSULTATION_STARTED, day=sent_on, acting_user=acting_user, note=addressee.strip(),
                  data={"consulted": party.value, "opinion_due": opinion.due.isoformat(),
                        "opinion_due_provisional": opinion.provisional})


@transaction.atomic
def request_end_consultation(*, request: InfoRequest, received_on: date, note: str = "",
                             acting_user) -> InfoRequest:
    """The opinion arrived (or the time for it ran out; for another body silence means consent, 第三十四条)."""
    step = begin(request, "end_consultation", acting_user=acting_user)
    started = _last(step.request, K.CONSULTATION_STARTED)
    not_after_today(received_on, "收到意见之日")
    not_before(received_on, "收到意见之日", started.day if started else None, "征求意见发函之日")
    return finish(step, kind=K.CONSULTATION_ENDED, day=received_on, acting_user=acting_user, note=note)


@transaction.atomic
def request_ask_extension(*, request: InfoRequest, days: int, reason: str, asked_on: date,
                          acting_user) -> InfoRequest:
    """The handler asks the office head for more time: at most 20 working days, once (第三十三条)."""
    step = begin(request, "request_extension", acting_user=acting_user, day=asked_on)  # once: rules.py
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ApplicationError("extension-days", EXTENSION_DAYS_RANGE % {"max": MAX_EXTENSION_DAYS, "days": days})
    not_after_today(asked_on, "申请延期之日")
    return finish(step, kind=K.EXTENSION_REQUESTED, day=asked_on, acting_user=acting_user, note=reason.strip(),
                  data={"days": days})


@transaction.atomic
def request_approve_extension(*, request: InfoRequest, approved_on: date, days: int | None = None,
                              acting_user) -> InfoRequest:
    """The office head approves the extension (up to the days asked) before the deadline passes (第三十三条)."""
    # Asked for and not yet approved: rules.py.
    step = begin(request, "approve_extension", acting_user=acting_user, day=approved_on)
    asked = _last(step.request, K.EXTENSION_REQUESTED)
    days = asked.data["days"] if days is None else days
    if not 1 <= days <= asked.data["days"]:
        raise ApplicationError("extension-more-than-asked", EXTENSION_MORE_THAN_ASKED % {
            "days": days, "asked": asked.data["days"]})
    not_after_today(approved_on, "批准延期之日")
    due = step.request.answer_due_on
    if due is not None and approved_on > due:
        raise ApplicationError("extension-too-late", EXTENSION_TOO_LATE % {"due": due})
    return finish(step, kind=K.EXTENSION_APPROVED, day=approved_on, acting_user=acting_user,
                  data={"days": days, "original_due": due.isoformat() if due else None})


@transaction.atomic
def request_notify_fee(*, request: InfoRequest, notice_on: date, amount: Decimal, basis: str,
                       acting_user) -> InfoRequest:
    """Send a fee notice (第四十二条, 109号); the applicant has 20 working days and the wait is not counted."""
    step = begin(request, "notify_fee", acting_user=acting_user)
    basis = _choice(FeeBasis, basis, "收费方式")
    if amount <= 0:
        raise ApplicationError("fee-not-positive", FEE_NOT_POSITIVE % {"amount": amount})
    not_after_today(notice_on, "收费通知之日")
    not_before(notice_on, "收费通知之日", step.request.received_on, "收到申请之日")
    payment = fee_payment_due(notice_on, calendar=work_calendar())
    return finish(step, kind=K.FEE_NOTIFIED, day=notice_on, acting_user=acting_user,
                  data={"amount": str(amount), "basis": basis.value, "payment_due": payment.due.isoformat(),
                        "payment_due_provisional": payment.provisional})


@transaction.atomic
def request_record_payment(*, request: InfoRequest, paid_on: date, acting_user) -> InfoRequest:
    """The fee was paid; handling resumes and the answer clock runs again."""
    step = begin(request, "record_payment", acting_user=acting_user)
    notice = _last(step.request, K.FEE_NOTIFIED)
    not_after_today(paid_on, "缴费之日")
    not_before(paid_on, "缴费之日", notice.day if notice else None, "收费通知之日")
    return finish(step, kind=K.FEE_PAID, day=paid_on, acting_user=acting_user)


@transaction.atomic
def request_close_fee_unpaid(*, request: InfoRequest, closed_on: date, acting_user) -> InfoRequest:
    """Not paid within 20 working days: the request lapses, counted as ``other_fee_unpaid`` (第四十二条)."""
    # The 20 working days to pay must have run out: rules.py.
    step = begin(request, "close_fee_unpaid", acting_user=acting_user, day=closed_on)
    not_after_today(closed_on, "终止办理之日")
    step.request.outcome = FEE_UNPAID_OUTCOME
    step.request.closed_on = closed_on
    return finish(step, kind=K.CLOSED, day=closed_on, acting_user=acting_user,
                  data={"outcome": FEE_UNPAID_OUTCOME})


_CHUNK = 500


def _refresh(requests: QuerySet[InfoRequest], *, now: date, acting_user, reason: str,
             calendar: WorkCalendar | None = None) -> int:
    """Recompute the cached due dates of ``requests`` (locked); audit the ones that move."""
    moved = 0
    unchanged: list[int] = []
    for request in requests.select_for_update().order_by("pk"):
        before = snapshot(request)
        fields = refresh_due_dates(request, as_of=now, calendar=calendar)
        after = snapshot(request)
        if before == after:
            unchanged.append(request.pk)
            continue
        request.save(update_fields=[*fields, "updated_at"])
        audit_event(event="request.deadline_recomputed", obj=request, acting_user=acting_user,
                    before=before, after=after, data={"reason": reason})
        moved += 1
    # Nothing to audit, but the cache is now known to be right as of ``now`` (in chunks: SQLite
    # limits the parameters of one statement).
    for start in range(0, len(unchanged), _CHUNK):
        InfoRequest.objects.filter(pk__in=unchanged[start:start + _CHUNK]).update(deadlines_as_of=now)
    return moved


@transaction.atomic
def request_refresh_open_deadlines(*, acting_user, reason: str, calendar: WorkCalendar | None = None) -> int:
    """Recompute the due dates of every open request, e.g. after the calendar changed (issue 3 §2).

    Each request whose dates move gets an audit event with the old and new dates; returns how many moved.
    """
    return _refresh(InfoRequest.objects.filter(status__in=OPEN_STATUSES), now=today(), acting_user=acting_user,
                    reason=reason, calendar=calendar)


DEADLINES_CATCH_UP = SystemActor("系统（按日重算暂停中申请的期限）")
DEADLINES_CATCH_UP_REASON = "暂停期间（征求意见、等待缴费）按日顺延答复期限"


def _stale(as_of: date) -> QuerySet[InfoRequest]:
    """Paused requests whose cached due dates were computed before ``as_of`` (index request_status_asof_idx)."""
    return InfoRequest.objects.filter(Q(deadlines_as_of__lt=as_of) | Q(deadlines_as_of__isnull=True),
                                      status__in=sorted(PAUSED_STATUSES))


@transaction.atomic
def request_refresh_stale_deadlines(*, as_of: date, acting_user=DEADLINES_CATCH_UP) -> int:
    """Bring the cached due dates of paused requests up to ``as_of``: a running consultation or fee
    wait is not counted (第三十二条, 第四十二条), so their due date moves each working day."""
    return _refresh(_stale(as_of), now=as_of, acting_user=acting_user, reason=DEADLINES_CATCH_UP_REASON)


def request_deadlines_catch_up(*, as_of: date) -> int:
    """``request_refresh_stale_deadlines`` when anything is stale: the staff pages call this first, so
    their due dates are right without a scheduler (``manage refresh_deadlines`` stays for cron).

    Costs one indexed query when nothing is stale, which is every call but the first of a day.
    """
    paused = InfoRequest.objects.filter(status__in=sorted(PAUSED_STATUSES)).values("pk")
    # One query of two index lookups: SQLite scans the whole partial index for the OR of both.
    if not paused.filter(deadlines_as_of__lt=as_of).union(paused.filter(deadlines_as_of__isnull=True)).exists():
        return 0
    # NOTE: checked before the transaction on purpose; on SQLite a write transaction locks at BEGIN.
    return request_refresh_stale_deadlines(as_of=as_of)
