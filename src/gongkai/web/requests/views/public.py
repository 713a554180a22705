"""Public pages, no login (issue 3 §5): agency list, application form, receipt, status, guide.

Personal data never leaves these pages once submitted: the receipt and the status page show
the case, its dates and its outcome, never the applicant's name, ID or phone (issue 3 §7).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from gongkai.calendar.deadline import (
    ANSWER_DAYS,
    CORRECTION_NOTICE_DAYS,
    FEE_PAYMENT_DAYS,
    MAX_EXTENSION_DAYS,
    Deadline,
)
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.agencies.models import Agency
from gongkai.web.agencies.selectors import agency_list_active
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import GRANTED, RequestStatus
from gongkai.web.requests.forms_public import RequestApplyForm, StatusQueryForm
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.selectors import (
    request_deadline_explained,
    request_deadline_projected,
    request_get_public,
    request_timeline,
)
from gongkai.web.requests.services import Applicant, request_deadlines_catch_up, request_submit

AGENCY_NOT_FOUND = "该机关不存在或不通过本平台受理申请"
FORM_HAS_ERRORS = "提交的内容有误，请按红色提示修改后重新提交"
STATUS_NOT_FOUND = "未找到与该申请编号和查询码相符的申请，请核对后重试"
STATUS_TOO_MANY = "查询次数过多，请10分钟后再试"
RECEIPT_GONE = "回执只显示一次，已不能再次显示。请凭申请编号和查询码查询办理进度"

# Guessing query codes: at most this many status queries per address and window.
STATUS_ATTEMPTS = 30
STATUS_WINDOW_SECONDS = 600

_RECEIPT_SESSION_KEY = "gongkai.public.receipt"
# The model calls the applicant's name applicant_name; the form calls it name.
_MODEL_TO_FORM_FIELD = {"applicant_name": "name"}

S = RequestStatus
# What each status means for the applicant, in plain words.
STATUS_EXPLANATIONS = {
    S.SUBMITTED: "申请已在网上提交，正等待受理机关确认收到。确认之日为收到申请之日，答复期限自次日起算（第三十一条）。",
    S.REGISTERED: "受理机关已收到申请，正在审查。",
    S.AWAITING_CORRECTION: "申请内容需要补正，请按受理机关的补正告知补正。收到补正后的申请之日起重新计算答复期限；"
                           "无正当理由逾期不补正的，视为放弃申请（第三十条）。",
    S.IN_PROGRESS: "申请正在办理中。",
    S.CONSULTING: "受理机关正在征求第三方或其他机关的意见，所需时间不计入答复期限（第三十二条、第三十四条）。",
    S.AWAITING_FEE: "受理机关已发出信息处理费缴费通知，请在收到通知之日起20个工作日内缴纳，逾期未缴纳的视为放弃申请；"
                    "等待缴费的时间不计入答复期限（第四十二条）。",
    S.REPLIED: "受理机关已作出答复，告知书按您选择的方式送达。",
    S.WITHDRAWN: "申请已撤回，不再办理。",
    S.CLOSED: "申请已终止办理（逾期未补正或逾期未缴纳信息处理费）。",
    S.ARCHIVED: "申请已办结归档。",
}


def _agency_or_404(code: str) -> Agency:
    """The agency named in the URL; inactive and unknown agencies are the same 404."""
    agency = Agency.objects.filter(code=code, is_active=True).select_related("parent").first()
    if agency is None:
        raise Http404(AGENCY_NOT_FOUND)
    return agency


# ---------------------------------------------------------------- agency list


@dataclass
class AgencyGroup:
    """A top-level agency (the county government) and the agencies below it, by kind."""

    agency: Agency
    sections: list[tuple[str, list[Agency]]]


@dataclass
class AgencyListContext:
    groups: list[AgencyGroup]


def _agency_groups(agencies: list[Agency]) -> list[AgencyGroup]:
    by_id = {a.pk: a for a in agencies}

    def root_of(agency: Agency) -> Agency:
        # Walk up while the parent is listed; an inactive parent leaves its children on top.
        seen = set()
        while agency.parent_id in by_id and agency.pk not in seen:
            seen.add(agency.pk)
            agency = by_id[agency.parent_id]
        return agency

    below: dict[int, list[Agency]] = {}
    for agency in agencies:
        root = root_of(agency)
        if root.pk != agency.pk:
            below.setdefault(root.pk, []).append(agency)
    groups = []
    for agency in agencies:
        if root_of(agency).pk != agency.pk:
            continue
        children = below.get(agency.pk, [])
        sections = [(label, [a for a in children if a.kind == kind]) for kind, label in AgencyKind.choices]
        groups.append(AgencyGroup(agency=agency, sections=[(label, items) for label, items in sections if items]))
    return groups


class AgencyListPublicView(View):
    """The start page: every agency that takes requests, with its form and its guide."""

    def get(self, request: HttpRequest) -> HttpResponse:
        context = AgencyListContext(groups=_agency_groups(agency_list_active()))
        return render(request, "requests/public_agency_list.html", {"page": context})


# ---------------------------------------------------------------- application form


@dataclass
class ApplyContext:
    agency: Agency
    form: RequestApplyForm
    error_summary: str = FORM_HAS_ERRORS


def _applicant(data: dict) -> Applicant:
    return Applicant(
        applicant_type=data["applicant_type"], name=data["name"], id_type=data["id_type"],
        id_number=data["id_number"], phone=data.get("phone", ""), email=data.get("email", ""),
        address=data.get("address", ""), postal_code=data.get("postal_code", ""),
    )


def _add_service_errors(form: RequestApplyForm, exc: ValidationError) -> None:
    """Put the model's cross-field errors (contact, address for post …) under the fields they name."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        name = _MODEL_TO_FORM_FIELD.get(name, name)
        form.add_error(name if name in form.fields else None, errors)


class RequestApplyView(View):
    """The application form of one agency (第二十九条). Valid input is submitted and the receipt shown."""

    template_name = "requests/public_request_form.html"

    def get(self, request: HttpRequest, agency_code: str) -> HttpResponse:
        agency = _agency_or_404(agency_code)
        return self._render(request, agency, RequestApplyForm())

    def post(self, request: HttpRequest, agency_code: str) -> HttpResponse:
        agency = _agency_or_404(agency_code)
        form = RequestApplyForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                new = request_submit(agency=agency, applicant=_applicant(data), description=data["description"],
                                     info_form=data["info_form"], delivery=data["delivery"],
                                     attachment=data.get("attachment") or None)
            except ValidationError as exc:
                _add_service_errors(form, exc)
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                request.session[_RECEIPT_SESSION_KEY] = {
                    "tracking_number": new.request.tracking_number, "query_code": new.query_code,
                    "attachment": new.request.attachment_name,
                }
                return redirect("requests_public:receipt")
        return self._render(request, agency, form, status=400)

    def _render(self, request, agency, form, *, status: int = 200) -> HttpResponse:
        return render(request, self.template_name, {"page": ApplyContext(agency=agency, form=form)}, status=status)


# ---------------------------------------------------------------- receipt


@dataclass
class ReceiptContext:
    request: InfoRequest | None
    message: str = ""
    query_code: str = ""
    attachment: str = ""
    submitted_on: date | None = None
    deadline: Deadline | None = None


class RequestReceiptView(View):
    """The receipt, shown once right after submitting: the query code is not stored in clear anywhere."""

    def get(self, request: HttpRequest) -> HttpResponse:
        receipt = request.session.pop(_RECEIPT_SESSION_KEY, None)
        found = None
        if receipt:
            found = request_get_public(tracking_number=receipt["tracking_number"], query_code=receipt["query_code"])
        if found is None:
            page = ReceiptContext(request=None, message=RECEIPT_GONE)
            return render(request, "requests/public_request_receipt.html", {"page": page}, status=410)
        today = timezone.localdate()
        page = ReceiptContext(
            request=found, query_code=receipt["query_code"], attachment=receipt.get("attachment", ""),
            submitted_on=timezone.localdate(found.created_at),
            # 第三十一条: the clock starts on the day the office confirms; show what today's confirmation gives.
            deadline=request_deadline_projected(received_on=today),
        )
        response = render(request, "requests/public_request_receipt.html", {"page": page})
        response["Cache-Control"] = "no-store"  # the query code must not linger in caches
        return response


# ---------------------------------------------------------------- status


@dataclass
class StatusContext:
    form: StatusQueryForm
    request: InfoRequest | None = None
    message: str = ""
    explanation: str = ""
    submitted_on: date | None = None
    deadline: Deadline | None = None
    events: list[tuple[date, str]] = field(default_factory=list)
    remedies: bool = False


def _attempt_allowed(request: HttpRequest) -> bool:
    """Count status queries per address; True while under the limit (the code has 31^8 values)."""
    key = f"gongkai:public-status:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, STATUS_WINDOW_SECONDS)
    try:
        return cache.incr(key) <= STATUS_ATTEMPTS
    except ValueError:  # expired between add and incr
        cache.set(key, 1, STATUS_WINDOW_SECONDS)
        return True


def _status_context(found: InfoRequest) -> StatusContext:
    today = timezone.localdate()
    return StatusContext(
        form=StatusQueryForm(),  # for "查询其他申请"; the code just typed is not echoed back
        request=found,
        explanation=STATUS_EXPLANATIONS.get(found.status, ""),
        submitted_on=timezone.localdate(found.created_at),
        deadline=request_deadline_explained(request=found, today=today),
        # Kinds and days only: staff notes may name people or hold personal data.
        events=[(e.day, e.get_kind_display()) for e in request_timeline(request=found)],
        # Remedies are due in every answer that is not full disclosure (request-workflow.md).
        remedies=bool(found.outcome) and found.outcome != GRANTED,
    )


class RequestStatusView(View):
    """Status by tracking number + query code; wrong number and wrong code read the same."""

    template_name = "requests/public_request_status.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, StatusContext(form=StatusQueryForm()))

    # POST, not GET: the query code stays out of URLs, history and access logs.
    def post(self, request: HttpRequest) -> HttpResponse:
        form = StatusQueryForm(request.POST)
        if not form.is_valid():
            return self._render(request, StatusContext(form=form), status=400)
        if not _attempt_allowed(request):
            return self._render(request, StatusContext(form=form, message=STATUS_TOO_MANY), status=429)
        request_deadlines_catch_up(as_of=timezone.localdate())  # the page shows the cached due date
        found = request_get_public(tracking_number=form.cleaned_data["tracking_number"],
                                   query_code=form.cleaned_data["query_code"])
        if found is None:
            return self._render(request, StatusContext(form=form, message=STATUS_NOT_FOUND), status=404)
        return self._render(request, _status_context(found))

    def _render(self, request, page: StatusContext, *, status: int = 200) -> HttpResponse:
        response = render(request, self.template_name, {"page": page}, status=status)
        response["Cache-Control"] = "no-store"
        return response


# ---------------------------------------------------------------- guide


@dataclass
class GuideContext:
    agency: Agency
    answer_days: int = ANSWER_DAYS
    extension_days: int = MAX_EXTENSION_DAYS
    correction_days: int = CORRECTION_NOTICE_DAYS
    fee_days: int = FEE_PAYMENT_DAYS


class AgencyGuideView(View):
    """申请指南 of one agency: channels, deadlines, fees and remedies."""

    def get(self, request: HttpRequest, agency_code: str) -> HttpResponse:
        agency = _agency_or_404(agency_code)
        return render(request, "agencies/agency_guide.html",
                      {"page": GuideContext(agency=agency), "apply_url": reverse(
                          "requests_public:apply", kwargs={"agency_code": agency.code})})
