"""Public endpoints: no login. Submit a request; read its status with tracking number + query code."""
from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Router, Status
from ninja.throttling import AnonRateThrottle

from gongkai.web.agencies.models import Agency
from gongkai.web.requests.api.schemas import PublicStatusOut, ReceiptOut, RequestSubmitIn, StatusQueryIn
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.selectors import request_get_public
from gongkai.web.requests.services import Applicant, request_deadlines_catch_up, request_submit
from gongkai.web.requests.services._base import today

AGENCY_NOT_FOUND = "机关不存在或不受理网上申请"
STATUS_NOT_FOUND = "申请编号或查询码不正确"

router = Router(tags=["公众"])


def applicant_from(payload: RequestSubmitIn) -> Applicant:
    return Applicant(
        applicant_type=payload.applicant_type.value, name=payload.name, id_type=payload.id_type.value,
        id_number=payload.id_number, phone=payload.phone, email=payload.email, address=payload.address,
        postal_code=payload.postal_code,
    )


def public_status(request: InfoRequest) -> dict:
    return {
        "tracking_number": request.tracking_number, "agency": request.agency.name,
        "status": request.status, "status_label": request.get_status_display(),
        "received_on": request.received_on, "answer_due_on": request.answer_due_on,
        "answer_due_provisional": request.answer_due_provisional, "replied_on": request.replied_on,
        "outcome": request.outcome, "outcome_label": request.get_outcome_display() if request.outcome else "",
    }


@router.post("/agencies/{agency_code}/requests", response={201: ReceiptOut}, auth=None,
             summary="提交政府信息公开申请")
def submit(request: HttpRequest, agency_code: str, payload: RequestSubmitIn):
    agency = Agency.objects.filter(code=agency_code, is_active=True).first()
    if agency is None:
        raise Http404(AGENCY_NOT_FOUND)
    new = request_submit(agency=agency, applicant=applicant_from(payload), description=payload.description,
                         info_form=payload.info_form.value, delivery=payload.delivery.value)
    return Status(201, {"tracking_number": new.request.tracking_number, "query_code": new.query_code,
                 "status": new.request.status})


# POST, not GET: the query code stays out of URLs and access logs. Throttled against guessing.
@router.post("/requests/status", response=PublicStatusOut, auth=None, summary="查询申请办理状态",
             throttle=[AnonRateThrottle("30/m")])
def status(request: HttpRequest, payload: StatusQueryIn):
    request_deadlines_catch_up(as_of=today())  # answer_due_on below is the cached one
    found = request_get_public(tracking_number=payload.tracking_number, query_code=payload.query_code)
    if found is None:
        raise Http404(STATUS_NOT_FOUND)
    return public_status(found)
