"""Every write to a request (STYLE E5): keyword-only, an explicit ``acting_user``, atomic,
``full_clean`` before saving, one timeline event and one audit event per action, and the
cached due dates recomputed from the events afterwards.
"""
from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F
from django.forms.models import model_to_dict
from django.utils import timezone

from gongkai.calendar import WorkCalendar
from gongkai.calendar.deadline import DeadlineError
from gongkai.web.agencies.models import Agency
from gongkai.web.audit.services import audit_event
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.access import request_policy
from gongkai.web.requests.constants import (
    ACTION_LABELS,
    OPEN_STATUSES,
    WITHDRAWN_OUTCOME,
    WORKFLOW,
    Delivery,
    InfoForm,
    RequestChannel,
    RequestEventKind,
    RequestStatus,
)
from gongkai.web.requests.deadlines import refresh_due_dates, request_receipt_date
from gongkai.web.requests.models import InfoRequest, RequestEvent, TrackingCounter
from gongkai.web.requests.outcomes import resolve_outcome
from gongkai.web.requests.selectors import query_code_hash

K = RequestEventKind
S = RequestStatus

REQUEST_TRANSITION_BLOCKED = "申请当前状态为“%(status)s”，不能%(action)s"
AGENCY_NOT_ACCEPTING = "%(agency)s目前不通过本平台受理申请"
WEB_NOT_REGISTERED = "网上申请由申请人提交，登记时请选择当面、邮寄、传真或电子邮件"
RECEIPT_FACTS_INVALID = "收到申请的日期无法确定：%(reason)s"
DAY_IN_FUTURE = "%(what)s（%(day)s）不能晚于今天（%(today)s）"
DAY_BEFORE = "%(what)s（%(day)s）不能早于%(other_what)s（%(other)s）"
CORRECTION_ONCE = "补正只能要求一次（第三十条），本申请已于%(day)s告知补正"
CORRECTION_RESPOND_BY = "补正期限（%(respond_by)s）应晚于告知补正之日（%(asked_on)s）"
WITHDRAW_REASON_MISSING = "请填写撤回的方式或理由"

# Unambiguous characters only: no 0/O, 1/I/L, so a code read over the phone survives.
_QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 8


@dataclass(frozen=True)
class Applicant:
    """Who asks (第二十九条第一款第一项): name, proof of identity, contact details."""

    applicant_type: str
    name: str
    id_type: str
    id_number: str
    phone: str = ""
    email: str = ""
    address: str = ""
    postal_code: str = ""


@dataclass(frozen=True)
class ReceiptFacts:
    """What the clerk knows about how the request arrived; 第三十一条 picks the day that counts."""

    handed_in_on: date | None = None
    signed_for_on: date | None = None
    confirmed_on: date | None = None
    post_signature_required: bool = False


@dataclass(frozen=True)
class NewRequest:
    """A request just created and its query code, which is shown once and stored only hashed."""

    request: InfoRequest
    query_code: str


def _today() -> date:
    return timezone.localdate()


def _new_query_code() -> str:
    return "".join(secrets.choice(_QUERY_CODE_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def _next_tracking_number(agency: Agency, year: int) -> str:
    """``<AGENCY CODE>-<year>-<five-digit sequence>``, gap-free per agency and year."""
    counter = TrackingCounter.objects.select_for_update().filter(agency=agency, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():  # savepoint: another clerk may create the row at the same moment
                counter = TrackingCounter.objects.create(agency=agency, year=year)
        except IntegrityError:
            counter = TrackingCounter.objects.select_for_update().get(agency=agency, year=year)
    TrackingCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    return f"{agency.code.upper()}-{year}-{counter.last:05d}"


def _not_after_today(day: date, what: str) -> None:
    today = _today()
    if day > today:
        raise ApplicationError("day-in-future", DAY_IN_FUTURE % {"what": what, "day": day, "today": today})


def _not_before(day: date, what: str, other: date, other_what: str) -> None:
    if day < other:
        raise ApplicationError("day-out-of-order", DAY_BEFORE % {
            "what": what, "day": day, "other_what": other_what, "other": other})


def _locked(request: InfoRequest) -> InfoRequest:
    """The same row, re-read under a lock, so two clerks cannot move one request at once."""
    return InfoRequest.objects.select_for_update().select_related("agency").get(pk=request.pk)


def _check_transition(request: InfoRequest, action: str) -> str:
    """The status ``action`` leads to, or ApplicationError when the workflow forbids it now."""
    sources, to = WORKFLOW[action]
    if request.status not in sources:
        raise ApplicationError(
            "request-transition-blocked",
            REQUEST_TRANSITION_BLOCKED % {"status": request.get_status_display(), "action": ACTION_LABELS[action]},
            extra={"status": request.status, "action": action},
        )
    return to


def _snapshot(request: InfoRequest) -> dict:
    fields = ["status", "outcome", "received_on", "answer_due_on", "answer_due_provisional",
              "correction_notice_due_on", "replied_on", "closed_on"]
    return model_to_dict(request, fields=fields)


def _record(request: InfoRequest, *, kind: str, day: date, before: dict, status_before: str,
            acting_user, note: str = "", data: dict | None = None, changed: Sequence[str] = ()) -> InfoRequest:
    """Save the request, append its timeline event, recompute due dates, and audit the change."""
    request.full_clean()
    request.save()  # NOTE: a full save; update_fields would miss fields a caller forgot to name
    event = RequestEvent(request=request, kind=kind, day=day, status_before=status_before,
                         status_after=request.status, actor=acting_user if _is_user(acting_user) else None,
                         note=note, data=data or {})
    event.full_clean()
    event.save()
    fields = refresh_due_dates(request, as_of=_today())
    request.save(update_fields=[*fields, "updated_at"])
    audit_event(event=kind, obj=request, acting_user=acting_user, before=before, after=_snapshot(request),
                data={"day": day.isoformat(), "note": note, **(data or {})})
    return request


def _is_user(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _applicant_fields(applicant: Applicant) -> dict:
    return {
        "applicant_type": applicant.applicant_type, "applicant_name": applicant.name.strip(),
        "id_type": applicant.id_type, "id_number": applicant.id_number, "phone": applicant.phone.strip(),
        "email": applicant.email.strip(), "address": applicant.address.strip(),
        "postal_code": applicant.postal_code.strip(),
    }


def _create(*, agency: Agency, channel: str, applicant: Applicant, description: str, info_form: InfoForm | str,
            delivery: Delivery | str, status: str, acting_user, receipt: ReceiptFacts | None) -> NewRequest:
    if not agency.is_active:
        raise ApplicationError("agency-not-accepting", AGENCY_NOT_ACCEPTING % {"agency": agency.name})
    code = _new_query_code()
    receipt = receipt or ReceiptFacts()
    request = InfoRequest(
        agency=agency, channel=channel, description=description.strip(), info_form=info_form,
        delivery=delivery, status=status, created_by=acting_user if _is_user(acting_user) else None,
        handed_in_on=receipt.handed_in_on, signed_for_on=receipt.signed_for_on,
        confirmed_on=receipt.confirmed_on, post_signature_required=receipt.post_signature_required,
        tracking_number="-", query_code_hash="-", **_applicant_fields(applicant),
    )
    if status != S.SUBMITTED:
        request.received_on = _receipt_day(request)
    # Validate before a tracking number is spent, so refused forms leave no gap in the sequence.
    request.full_clean(exclude=["tracking_number", "query_code_hash"])
    request.tracking_number = _next_tracking_number(agency, _today().year)
    request.query_code_hash = query_code_hash(request.tracking_number, code)
    kind = K.SUBMITTED if status == S.SUBMITTED else K.REGISTERED
    day = request.received_on or _today()
    _record(request, kind=kind, day=day, before={}, status_before="", acting_user=acting_user,
            data={"channel": channel})
    return NewRequest(request=request, query_code=code)


def _receipt_day(request: InfoRequest) -> date:
    try:
        day = request_receipt_date(request)
    except DeadlineError as exc:
        raise ApplicationError("receipt-facts-invalid", RECEIPT_FACTS_INVALID % {"reason": exc.message}) from exc
    _not_after_today(day, "收到申请之日")
    return day


@transaction.atomic
def request_submit(*, agency: Agency, applicant: Applicant, description: str, info_form: str,
                   delivery: str, acting_user=None) -> NewRequest:
    """An applicant's online request. It counts as received only once the office confirms it (第三十一条)."""
    return _create(agency=agency, channel=RequestChannel.WEB, applicant=applicant, description=description,
                   info_form=info_form, delivery=delivery, status=S.SUBMITTED, acting_user=acting_user,
                   receipt=None)


@transaction.atomic
def request_register(*, agency: Agency, channel: str, applicant: Applicant, description: str, info_form: str,
                     delivery: str, receipt: ReceiptFacts, acting_user) -> NewRequest:
    """A clerk registers a request from the counter, post, fax or e-mail; its receipt day follows 第三十一条."""
    request_policy.require(acting_user, "register", agency=agency)
    if channel == RequestChannel.WEB:
        raise ApplicationError("register-web-channel", WEB_NOT_REGISTERED)
    return _create(agency=agency, channel=channel, applicant=applicant, description=description,
                   info_form=info_form, delivery=delivery, status=S.REGISTERED, acting_user=acting_user,
                   receipt=receipt)


@transaction.atomic
def request_confirm_receipt(*, request: InfoRequest, confirmed_on: date, acting_user) -> InfoRequest:
    """The office confirms an online request with the applicant: that day is the day of receipt (第三十一条)."""
    request = _locked(request)
    request_policy.require(acting_user, "confirm_receipt", agency=request.agency)
    to = _check_transition(request, "confirm_receipt")
    _not_after_today(confirmed_on, "确认日期")
    _not_before(confirmed_on, "确认日期", timezone.localdate(request.created_at), "网上提交之日")
    before, status_before = _snapshot(request), request.status
    request.confirmed_on = confirmed_on
    request.received_on = _receipt_day(request)
    request.status = to
    return _record(request, kind=K.RECEIPT_CONFIRMED, day=request.received_on, before=before,
                   status_before=status_before, acting_user=acting_user)


@transaction.atomic
def request_accept(*, request: InfoRequest, acting_user, note: str = "") -> InfoRequest:
    """The reviewer finds the request complete and hands it on for handling (第四十五条 审核)."""
    request = _locked(request)
    request_policy.require(acting_user, "accept", agency=request.agency)
    to = _check_transition(request, "accept")
    before, status_before = _snapshot(request), request.status
    request.status = to
    return _record(request, kind=K.ACCEPTED, day=_today(), before=before, status_before=status_before,
                   acting_user=acting_user, note=note)


@transaction.atomic
def request_ask_correction(*, request: InfoRequest, asked_on: date, what_to_correct: str, respond_by: date,
                           acting_user) -> InfoRequest:
    """Ask once for a correction, saying what and by when (第三十条); the answer clock stops until it comes."""
    request = _locked(request)
    request_policy.require(acting_user, "ask_correction", agency=request.agency)
    to = _check_transition(request, "ask_correction")
    earlier = request.events.filter(kind=K.CORRECTION_ASKED).first()
    if earlier is not None:
        raise ApplicationError("correction-once", CORRECTION_ONCE % {"day": earlier.day})
    _not_after_today(asked_on, "告知补正之日")
    _not_before(asked_on, "告知补正之日", request.received_on, "收到申请之日")
    if respond_by <= asked_on:
        raise ApplicationError("correction-respond-by", CORRECTION_RESPOND_BY % {
            "respond_by": respond_by, "asked_on": asked_on})
    before, status_before = _snapshot(request), request.status
    # 第三十条: within 7 working days of receipt; a later notice is recorded as late, not refused.
    late = request.correction_notice_due_on is not None and asked_on > request.correction_notice_due_on
    request.status = to
    return _record(request, kind=K.CORRECTION_ASKED, day=asked_on, before=before, status_before=status_before,
                   acting_user=acting_user, note=what_to_correct.strip(),
                   data={"respond_by": respond_by.isoformat(), "late": late})


@transaction.atomic
def request_record_correction(*, request: InfoRequest, received_on: date, note: str = "",
                              acting_user) -> InfoRequest:
    """The corrected request arrived: the 20 working days count again from that day (第三十条)."""
    request = _locked(request)
    request_policy.require(acting_user, "record_correction", agency=request.agency)
    to = _check_transition(request, "record_correction")
    asked = request.events.filter(kind=K.CORRECTION_ASKED).order_by("-created_at").first()
    _not_after_today(received_on, "收到补正之日")
    if asked is not None:
        _not_before(received_on, "收到补正之日", asked.day, "告知补正之日")
    before, status_before = _snapshot(request), request.status
    request.status = to
    return _record(request, kind=K.CORRECTION_RECEIVED, day=received_on, before=before,
                   status_before=status_before, acting_user=acting_user, note=note)


@transaction.atomic
def request_reply(*, request: InfoRequest, outcomes: Sequence[str], replied_on: date, summary: str,
                  acting_user) -> InfoRequest:
    """The signed reply. Its report row is resolved from the parts' results; 部分公开 wins (第三十七条)."""
    request = _locked(request)
    request_policy.require(acting_user, "reply", agency=request.agency)
    to = _check_transition(request, "reply")
    outcome = resolve_outcome(outcomes)
    _not_after_today(replied_on, "答复日期")
    _not_before(replied_on, "答复日期", request.received_on, "收到申请之日")
    before, status_before = _snapshot(request), request.status
    overdue = request.answer_due_on is not None and replied_on > request.answer_due_on
    request.status = to
    request.outcome = outcome
    request.replied_on = request.closed_on = replied_on
    return _record(request, kind=K.REPLIED, day=replied_on, before=before, status_before=status_before,
                   acting_user=acting_user, note=summary.strip(),
                   data={"outcome": outcome, "parts": list(dict.fromkeys(outcomes)), "overdue": overdue})


@transaction.atomic
def request_withdraw(*, request: InfoRequest, withdrawn_on: date, reason: str, acting_user) -> InfoRequest:
    """The applicant withdraws. A received request closes under the report's 其他 row."""
    request = _locked(request)
    request_policy.require(acting_user, "withdraw", agency=request.agency)
    to = _check_transition(request, "withdraw")
    if not reason.strip():
        raise ApplicationError("withdraw-reason-missing", WITHDRAW_REASON_MISSING)
    _not_after_today(withdrawn_on, "撤回日期")
    if request.received_on:
        _not_before(withdrawn_on, "撤回日期", request.received_on, "收到申请之日")
    before, status_before = _snapshot(request), request.status
    was_received = status_before in OPEN_STATUSES
    request.status = to
    # request-workflow.md: withdrawn → other_misc; a request never received is not counted at all.
    request.outcome = WITHDRAWN_OUTCOME if was_received else ""
    request.closed_on = withdrawn_on
    return _record(request, kind=K.WITHDRAWN, day=withdrawn_on, before=before, status_before=status_before,
                   acting_user=acting_user, note=reason.strip())


@transaction.atomic
def request_refresh_open_deadlines(*, acting_user, reason: str, calendar: WorkCalendar | None = None) -> int:
    """Recompute the due dates of every open request, e.g. after the calendar changed (issue 3 §2).

    Each request whose dates move gets an audit event with the old and new dates; returns how many moved.
    """
    today = _today()
    moved = 0
    for request in InfoRequest.objects.select_for_update().filter(status__in=OPEN_STATUSES).order_by("pk"):
        before = _snapshot(request)
        fields = refresh_due_dates(request, as_of=today, calendar=calendar)
        after = _snapshot(request)
        if before == after:
            continue
        request.save(update_fields=[*fields, "updated_at"])
        audit_event(event="request.deadline_recomputed", obj=request, acting_user=acting_user,
                    before=before, after=after, data={"reason": reason})
        moved += 1
    return moved
