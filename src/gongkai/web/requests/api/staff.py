"""Staff endpoints (bearer token): the work list, the case, and one endpoint per workflow action.

Each view parses input, finds the case through ``access_request_by_id`` (404 alike for missing
and other agencies') and calls one service.
"""
from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema, Status

from gongkai.web.accounts.selectors import membership_roles
from gongkai.web.agencies.models import Agency
from gongkai.web.requests import services
from gongkai.web.requests.access import access_request_by_id, request_available_actions
from gongkai.web.requests.api.public import applicant_from
from gongkai.web.requests.api.schemas import (
    ApproveExtensionIn,
    AskCorrectionIn,
    AskExtensionIn,
    ClosedOnIn,
    ConfirmReceiptIn,
    EndConsultationIn,
    NoteIn,
    NotifyFeeIn,
    ReceiptOut,
    RecordCorrectionIn,
    RecordPaymentIn,
    ReplyIn,
    RequestRegisterIn,
    StaffDetailOut,
    StaffListOut,
    StartConsultationIn,
    WithdrawIn,
)
from gongkai.web.requests.constants import RequestStatus
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.selectors import (
    request_deadline_explained,
    request_list_for_staff,
    request_timeline,
)
from gongkai.web.requests.services._base import today

AGENCY_NOT_FOUND = "机关不存在"

router = Router(tags=["工作人员"])


class ListFilters(Schema):
    status: RequestStatus | None = None
    agency_code: str | None = None
    open_only: bool = False
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0)


def _list_item(r: InfoRequest) -> dict:
    return {
        "id": r.pk, "tracking_number": r.tracking_number, "agency_code": r.agency.code,
        "agency_name": r.agency.name, "status": r.status, "status_label": r.get_status_display(),
        "channel": r.channel, "applicant_type": r.applicant_type, "applicant_name": r.applicant_name,
        "id_number_masked": r.id_number_masked, "phone_masked": r.phone_masked, "received_on": r.received_on,
        "answer_due_on": r.answer_due_on, "answer_due_provisional": r.answer_due_provisional,
    }


def _detail(user, r: InfoRequest) -> dict:
    # Issue 3 §7: full PII only for the request's own agency; a supervising agency sees it masked.
    own = bool(membership_roles(user=user, agency_id=r.agency_id))
    now = today()
    deadline = request_deadline_explained(request=r, today=now)
    timeline = list(request_timeline(request=r))
    return {
        **_list_item(r),
        "id_number": r.id_number if own else r.id_number_masked,
        "phone": r.phone if own else r.phone_masked,
        "email": r.email if own else "", "address": r.address if own else "",
        "postal_code": r.postal_code if own else "",
        "description": r.description, "info_form": r.info_form, "delivery": r.delivery, "outcome": r.outcome,
        "outcome_label": r.get_outcome_display() if r.outcome else "", "replied_on": r.replied_on,
        "closed_on": r.closed_on, "correction_notice_due_on": r.correction_notice_due_on,
        "deadline": ({"due": deadline.due, "provisional": deadline.provisional,
                      "explanation": list(deadline.explanation)} if deadline else None),
        "actions": request_available_actions(user, r, events=timeline, today=now),
        "timeline": [
            {"kind": e.kind, "kind_label": e.get_kind_display(), "day": e.day, "status_before": e.status_before,
             "status_after": e.status_after, "actor": str(e.actor) if e.actor else None, "note": e.note,
             "data": e.data}
            for e in timeline
        ],
    }


@router.get("/requests", response=StaffListOut, summary="待办列表（按期限排序）")
def request_list(request: HttpRequest, filters: Query[ListFilters]):
    services.request_deadlines_catch_up(as_of=today())  # due dates of running pauses, as the pages do
    agency_id = None
    if filters.agency_code:
        agency_id = Agency.objects.filter(code=filters.agency_code).values_list("pk", flat=True).first() or -1
    qs = request_list_for_staff(user=request.auth, status=filters.status.value if filters.status else None,
                                agency_id=agency_id, open_only=filters.open_only)
    page = qs[filters.offset: filters.offset + filters.limit]
    return {"count": qs.count(), "items": [_list_item(r) for r in page]}


@router.post("/requests", response={201: ReceiptOut}, summary="登记当面、邮寄、传真或电子邮件提交的申请")
def request_register(request: HttpRequest, payload: RequestRegisterIn):
    agency = Agency.objects.filter(code=payload.agency_code).first()
    if agency is None:
        raise Http404(AGENCY_NOT_FOUND)
    new = services.request_register(
        agency=agency, channel=payload.channel.value, applicant=applicant_from(payload),
        description=payload.description, info_form=payload.info_form.value, delivery=payload.delivery.value,
        receipt=services.ReceiptFacts(
            handed_in_on=payload.handed_in_on, signed_for_on=payload.signed_for_on,
            confirmed_on=payload.confirmed_on, post_signature_required=payload.post_signature_required),
        acting_user=request.auth,
    )
    return Status(201, {"tracking_number": new.request.tracking_number, "query_code": new.query_code,
                 "status": new.request.status})


@router.get("/requests/{request_id}", response=StaffDetailOut, summary="案件详情与办理记录")
def request_detail(request: HttpRequest, request_id: int):
    services.request_deadlines_catch_up(as_of=today())
    return _detail(request.auth, access_request_by_id(request.auth, request_id))


def _act(request: HttpRequest, request_id: int, service, **kwargs) -> dict:
    case = access_request_by_id(request.auth, request_id)
    updated = service(request=case, acting_user=request.auth, **kwargs)
    return _detail(request.auth, updated)


@router.post("/requests/{request_id}/confirm-receipt", response=StaffDetailOut, summary="确认收到网上申请")
def confirm_receipt(request: HttpRequest, request_id: int, payload: ConfirmReceiptIn):
    return _act(request, request_id, services.request_confirm_receipt, confirmed_on=payload.confirmed_on)


@router.post("/requests/{request_id}/accept", response=StaffDetailOut, summary="受理")
def accept(request: HttpRequest, request_id: int, payload: NoteIn):
    return _act(request, request_id, services.request_accept, note=payload.note)


@router.post("/requests/{request_id}/ask-correction", response=StaffDetailOut, summary="告知补正")
def ask_correction(request: HttpRequest, request_id: int, payload: AskCorrectionIn):
    return _act(request, request_id, services.request_ask_correction, asked_on=payload.asked_on,
                what_to_correct=payload.what_to_correct, respond_by=payload.respond_by)


@router.post("/requests/{request_id}/record-correction", response=StaffDetailOut, summary="登记收到补正")
def record_correction(request: HttpRequest, request_id: int, payload: RecordCorrectionIn):
    return _act(request, request_id, services.request_record_correction, received_on=payload.received_on,
                note=payload.note)


@router.post("/requests/{request_id}/close-no-correction", response=StaffDetailOut, summary="逾期未补正，终止办理")
def close_no_correction(request: HttpRequest, request_id: int, payload: ClosedOnIn):
    return _act(request, request_id, services.request_close_no_correction, closed_on=payload.closed_on)


@router.post("/requests/{request_id}/start-consultation", response=StaffDetailOut, summary="征求第三方或其他机关意见")
def start_consultation(request: HttpRequest, request_id: int, payload: StartConsultationIn):
    return _act(request, request_id, services.request_start_consultation, sent_on=payload.sent_on,
                party=payload.party.value, addressee=payload.addressee)


@router.post("/requests/{request_id}/end-consultation", response=StaffDetailOut, summary="收到意见")
def end_consultation(request: HttpRequest, request_id: int, payload: EndConsultationIn):
    return _act(request, request_id, services.request_end_consultation, received_on=payload.received_on,
                note=payload.note)


@router.post("/requests/{request_id}/ask-extension", response=StaffDetailOut, summary="申请延长答复期限")
def ask_extension(request: HttpRequest, request_id: int, payload: AskExtensionIn):
    return _act(request, request_id, services.request_ask_extension, days=payload.days, reason=payload.reason,
                asked_on=payload.asked_on)


@router.post("/requests/{request_id}/approve-extension", response=StaffDetailOut, summary="批准延长答复期限")
def approve_extension(request: HttpRequest, request_id: int, payload: ApproveExtensionIn):
    return _act(request, request_id, services.request_approve_extension, approved_on=payload.approved_on,
                days=payload.days)


@router.post("/requests/{request_id}/notify-fee", response=StaffDetailOut, summary="发出收费通知")
def notify_fee(request: HttpRequest, request_id: int, payload: NotifyFeeIn):
    return _act(request, request_id, services.request_notify_fee, notice_on=payload.notice_on,
                amount=payload.amount, basis=payload.basis.value)


@router.post("/requests/{request_id}/record-payment", response=StaffDetailOut, summary="登记缴费")
def record_payment(request: HttpRequest, request_id: int, payload: RecordPaymentIn):
    return _act(request, request_id, services.request_record_payment, paid_on=payload.paid_on)


@router.post("/requests/{request_id}/close-fee-unpaid", response=StaffDetailOut, summary="逾期未缴费，终止办理")
def close_fee_unpaid(request: HttpRequest, request_id: int, payload: ClosedOnIn):
    return _act(request, request_id, services.request_close_fee_unpaid, closed_on=payload.closed_on)


@router.post("/requests/{request_id}/reply", response=StaffDetailOut, summary="答复")
def reply(request: HttpRequest, request_id: int, payload: ReplyIn):
    return _act(request, request_id, services.request_reply, outcomes=payload.outcomes,
                replied_on=payload.replied_on, summary=payload.summary, legal_basis=payload.legal_basis)


@router.post("/requests/{request_id}/withdraw", response=StaffDetailOut, summary="撤回")
def withdraw(request: HttpRequest, request_id: int, payload: WithdrawIn):
    return _act(request, request_id, services.request_withdraw, withdrawn_on=payload.withdrawn_on,
                reason=payload.reason)


@router.post("/requests/{request_id}/archive", response=StaffDetailOut, summary="归档")
def archive(request: HttpRequest, request_id: int, payload: NoteIn):
    return _act(request, request_id, services.request_archive, note=payload.note)

