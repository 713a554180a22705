"""Staff pages (issue 3 §6): the work list, registration, the case page, its actions, the 告知书.

Views parse input and call one service; every case comes through ``access_request_by_id`` (the
same 404 for a missing case and another agency's) and every list through a selector. A
supervising agency sees its children's cases read-only: the services refuse its actions.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from gongkai.calendar.deadline import Deadline
from gongkai.masking import mask_id_number, mask_phone
from gongkai.notices import NoticeData, NoticeError, render_notice_docx
from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.selectors import membership_roles
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests import forms_staff as f
from gongkai.web.requests import services
from gongkai.web.requests.access import (
    access_request_attachment_by_id,
    access_request_by_id,
    request_available_actions,
)
from gongkai.web.requests.constants import ACTION_LABELS, OPEN_STATUSES, WORKFLOW
from gongkai.web.requests.models import InfoRequest, RequestEvent
from gongkai.web.requests.rules import history_refusal
from gongkai.web.requests.selectors import (
    agency_list_for_staff,
    request_deadline_explained,
    request_reply_event,
    request_timeline,
    request_worklist_for_staff,
)

WORKLIST_PAGE_SIZE = 50
FORM_HAS_ERRORS = "填写有误：%(errors)s"
REGISTERED_WITH_CODE = "已登记，申请编号 %(number)s，查询码 %(code)s（查询码只显示这一次，请告知申请人）"
ACTION_DONE = "已%(action)s"
NO_NOTICE = "该申请尚未答复，没有告知书"
NO_REGISTER_ROLE = "您没有登记申请的岗位（需要：登记）"

CORRECTION_OPEN = WORKFLOW["ask_correction"][0]  # the statuses a correction may be asked from
BADGE_OVERDUE = ("overdue", "逾期")
BADGE_SOON = ("soon", "3个工作日内到期")
BADGE_PROVISIONAL = ("provisional", "暂定期限")


def _today() -> date:
    return timezone.localdate()  # the offices' time zone; dates are local dates (STYLE E6)


class StaffView(LoginRequiredMixin, View):
    """Base of the staff pages: login required (settings.LOGIN_URL, the staff login); cases only
    through ``scoped_request``; cached due dates brought up to today first.

    Subclasses may not define ``get_queryset``: a queryset written in a view would bypass the
    agency scoping of the selectors (PostHog-style guard, STYLE E5).
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "get_queryset" in cls.__dict__:
            raise TypeError(f"{cls.__name__}: staff views use scoped_request(), not get_queryset()")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            # Running pauses move due dates daily; no scheduler is needed for lists to be right.
            services.request_deadlines_catch_up(as_of=_today())
        return super().dispatch(request, *args, **kwargs)

    def scoped_request(self, pk) -> InfoRequest:
        return access_request_by_id(self.request.user, pk)


# ---------------------------------------------------------------- work list ----

@dataclass(frozen=True)
class WorklistRow:
    """One case in the list; PII is masked here, before any template sees it (issue 3 §7)."""

    pk: int
    tracking_number: str
    agency_name: str
    applicant_name: str
    id_number_masked: str
    phone_masked: str
    channel: str
    status: str
    received_on: date | None
    answer_due_on: date | None
    badges: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, r: InfoRequest) -> WorklistRow:
        badges = []
        if r.urgency == 0:
            badges.append(BADGE_OVERDUE)
        elif r.urgency == 1:
            badges.append(BADGE_SOON)
        if r.answer_due_provisional and r.status in OPEN_STATUSES:
            badges.append(BADGE_PROVISIONAL)
        return cls(pk=r.pk, tracking_number=r.tracking_number, agency_name=r.agency.name,
                   applicant_name=r.applicant_name, id_number_masked=mask_id_number(r.id_number),
                   phone_masked=mask_phone(r.phone), channel=r.get_channel_display(),
                   status=r.get_status_display(), received_on=r.received_on, answer_due_on=r.answer_due_on,
                   badges=tuple(badges))


@dataclass(frozen=True)
class WorklistPage:
    rows: list[WorklistRow]
    page: Page
    filters: f.WorklistFilterForm
    query: str  # the filters as a query string, for the pager links
    can_register: bool
    today: date


class RequestWorklistView(StaffView):
    """The staff home: the cases of the user's agencies, most urgent first, with filters."""

    def get(self, request):
        user = request.user
        filters = f.WorklistFilterForm(request.GET or None, agencies=agency_list_for_staff(user=user))
        today = _today()
        qs = request_worklist_for_staff(user=user, today=today, **filters.filters())
        page = Paginator(qs, WORKLIST_PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = WorklistPage(
            rows=[WorklistRow.of(r) for r in page.object_list], page=page, filters=filters,
            query=query.urlencode(), today=today,
            can_register=agency_list_for_staff(user=user, roles={Role.CLERK}).exists(),
        )
        return render(request, "requests/staff_worklist.html", {"page": context})


# ---------------------------------------------------------------- registration ----

def _form_errors(form) -> str:
    return "；".join(f"{form.fields[k].label if k in form.fields else ''}{'：' if k in form.fields else ''}{m}"
                    for k, errors in form.errors.items() for m in errors)


def _errors_onto_form(form, exc: ValidationError) -> None:
    """A model's ValidationError from a service, shown at the fields it names."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


class RequestRegisterView(StaffView):
    """A clerk registers a request from the counter, post, fax or e-mail (第二十九条、第三十一条)."""

    template_name = "requests/staff_request_register.html"

    def dispatch(self, request, *args, **kwargs):
        # Only where the user is 登记 (clerk); the services would refuse anyway, this says so first.
        if request.user.is_authenticated and not self._agencies().exists():
            return render(request, "requests/staff_forbidden.html", {"message": NO_REGISTER_ROLE}, status=403)
        return super().dispatch(request, *args, **kwargs)

    def _agencies(self):
        return agency_list_for_staff(user=self.request.user, roles={Role.CLERK})

    def _form(self, data=None, files=None):
        return f.RequestRegisterForm(data, files, agencies=self._agencies(), initial={"handed_in_on": _today()})

    def get(self, request):
        return render(request, self.template_name, {"form": self._form()})

    def post(self, request):
        form = self._form(request.POST, request.FILES)
        if form.is_valid():
            try:
                new = services.request_register(
                    agency=form.cleaned_data["agency"], channel=form.cleaned_data["channel"],
                    applicant=form.applicant(), description=form.cleaned_data["description"],
                    info_form=form.cleaned_data["info_form"], delivery=form.cleaned_data["delivery"],
                    receipt=form.receipt(), attachment=form.cleaned_data["attachment"], acting_user=request.user)
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            except ValidationError as exc:
                _errors_onto_form(form, exc)
            else:
                messages.success(request, REGISTERED_WITH_CODE % {
                    "number": new.request.tracking_number, "code": new.query_code})
                return redirect("staff:detail", pk=new.request.pk)
        return render(request, self.template_name, {"form": form}, status=400)


# ---------------------------------------------------------------- actions ----

@dataclass(frozen=True)
class Action:
    """A workflow action on the case page: its form and the one service it calls."""

    form: type
    call: Callable[[InfoRequest, dict, object, object], InfoRequest]  # (case, data, form, user)
    date_fields: tuple[str, ...] = ()


ACTIONS: dict[str, Action] = {
    "confirm_receipt": Action(f.ConfirmReceiptForm, lambda r, d, _f, u: services.request_confirm_receipt(
        request=r, confirmed_on=d["confirmed_on"], acting_user=u), ("confirmed_on",)),
    "accept": Action(f.AcceptForm, lambda r, d, _f, u: services.request_accept(
        request=r, accepted_on=d["accepted_on"], note=d["note"], acting_user=u), ("accepted_on",)),
    "ask_correction": Action(f.AskCorrectionForm, lambda r, d, _f, u: services.request_ask_correction(
        request=r, asked_on=d["asked_on"], what_to_correct=d["what_to_correct"], respond_by=d["respond_by"],
        acting_user=u), ("asked_on",)),
    "record_correction": Action(f.RecordCorrectionForm, lambda r, d, _f, u: services.request_record_correction(
        request=r, received_on=d["received_on"], note=d["note"], acting_user=u), ("received_on",)),
    "close_no_correction": Action(f.CloseForm, lambda r, d, _f, u: services.request_close_no_correction(
        request=r, closed_on=d["closed_on"], acting_user=u), ("closed_on",)),
    "start_consultation": Action(f.StartConsultationForm, lambda r, d, _f, u: services.request_start_consultation(
        request=r, sent_on=d["sent_on"], party=d["party"], addressee=d["addressee"], acting_user=u), ("sent_on",)),
    "end_consultation": Action(f.EndConsultationForm, lambda r, d, _f, u: services.request_end_consultation(
        request=r, received_on=d["received_on"], note=d["note"], acting_user=u), ("received_on",)),
    "request_extension": Action(f.AskExtensionForm, lambda r, d, _f, u: services.request_ask_extension(
        request=r, days=d["days"], reason=d["reason"], asked_on=d["asked_on"], acting_user=u), ("asked_on",)),
    "approve_extension": Action(f.ApproveExtensionForm, lambda r, d, _f, u: services.request_approve_extension(
        request=r, approved_on=d["approved_on"], days=d["days"], acting_user=u), ("approved_on",)),
    "notify_fee": Action(f.NotifyFeeForm, lambda r, d, _f, u: services.request_notify_fee(
        request=r, notice_on=d["notice_on"], amount=d["amount"], basis=d["basis"], acting_user=u), ("notice_on",)),
    "record_payment": Action(f.RecordPaymentForm, lambda r, d, _f, u: services.request_record_payment(
        request=r, paid_on=d["paid_on"], acting_user=u), ("paid_on",)),
    "close_fee_unpaid": Action(f.CloseForm, lambda r, d, _f, u: services.request_close_fee_unpaid(
        request=r, closed_on=d["closed_on"], acting_user=u), ("closed_on",)),
    "reply": Action(f.ReplyForm, lambda r, d, form, u: services.request_reply(
        request=r, outcomes=form.outcomes(), replied_on=d["replied_on"], summary=d["summary"],
        legal_basis=d["legal_basis"], acting_user=u), ("replied_on",)),
    "withdraw": Action(f.WithdrawForm, lambda r, d, _f, u: services.request_withdraw(
        request=r, withdrawn_on=d["withdrawn_on"], reason=d["reason"], acting_user=u), ("withdrawn_on",)),
    "archive": Action(f.ArchiveForm, lambda r, d, _f, u: services.request_archive(
        request=r, archived_on=d["archived_on"], note=d["note"], acting_user=u), ("archived_on",)),
}


class RequestActionView(StaffView):
    """POST one action's form; refusals (wrong status, wrong role, bad dates) come back as messages."""

    http_method_names = ("post",)

    def post(self, request, pk: int, action: str):
        spec = ACTIONS.get(action)
        if spec is None:
            raise Http404(ACTION_LABELS.get(action, action))
        case = self.scoped_request(pk)
        form = spec.form(request.POST)
        if not form.is_valid():
            messages.error(request, FORM_HAS_ERRORS % {"errors": _form_errors(form)})
            return redirect("staff:detail", pk=case.pk)
        try:
            spec.call(case, form.cleaned_data, form, request.user)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, ACTION_DONE % {"action": ACTION_LABELS[action]})
        return redirect("staff:detail", pk=case.pk)


# ---------------------------------------------------------------- case page ----

@dataclass(frozen=True)
class ActionForm:
    action: str
    label: str
    url: str
    form: object


@dataclass(frozen=True)
class CasePage:
    """The case page: full PII only for the case's own agency (issue 3 §7)."""

    case: InfoRequest
    own_agency: bool
    id_number: str
    phone: str
    email: str
    address: str
    deadline: Deadline | None
    timeline: list[RequestEvent]
    today: date
    actions: list[ActionForm] = field(default_factory=list)
    notice_url: str = ""
    attachment_url: str = ""  # own agency only: the file holds identity papers

    @property
    def overdue(self) -> bool:
        return self.case.status in OPEN_STATUSES and self.deadline is not None and self.deadline.due < self.today

    @property
    def correction_notice_due(self) -> date | None:
        """Shown while a correction may still be asked for (第三十条: once, before handling ends)."""
        if self.case.status not in CORRECTION_OPEN:
            return None
        if history_refusal("ask_correction", self.case, self.timeline, day=self.today) is not None:
            return None  # already asked once
        return self.case.correction_notice_due_on


def _action_forms(user, case: InfoRequest, timeline: list[RequestEvent], today: date) -> list[ActionForm]:
    forms_ = []
    # The same role, status and history checks the services make (access.request_available_actions).
    for action in request_available_actions(user, case, events=timeline, today=today):
        spec = ACTIONS.get(action)
        if spec is None:
            continue
        form = spec.form(initial={name: today for name in spec.date_fields}, auto_id=f"id_{action}_%s")
        forms_.append(ActionForm(action=action, label=ACTION_LABELS[action],
                                 url=reverse("staff:action", kwargs={"pk": case.pk, "action": action}), form=form))
    return forms_


class RequestDetailView(StaffView):
    """All facts of a case, its deadline with the explanation, the timeline, and the actions."""

    def get(self, request, pk: int):
        case = self.scoped_request(pk)
        user = request.user
        own = bool(membership_roles(user=user, agency_id=case.agency_id))
        today = _today()
        timeline = list(request_timeline(request=case))
        context = CasePage(
            case=case, own_agency=own, today=today,
            id_number=case.id_number if own else mask_id_number(case.id_number),
            phone=case.phone if own else mask_phone(case.phone),
            email=case.email if own else "", address=case.address if own else "",
            deadline=request_deadline_explained(request=case, today=today),
            timeline=timeline,
            actions=_action_forms(user, case, timeline, today),
            notice_url=reverse("staff:notice", kwargs={"pk": case.pk}) if case.replied_on and case.outcome else "",
            attachment_url=reverse("staff:attachment", kwargs={"pk": case.pk}) if own and case.attachment else "",
        )
        return render(request, "requests/staff_request_detail.html", {"page": context})


# ---------------------------------------------------------------- 告知书 ----

def notice_data_for(case: InfoRequest, reply: RequestEvent) -> NoticeData:
    """The notice's facts from the case and its reply event."""
    summary, basis = reply.note, reply.data.get("legal_basis", "")
    return NoticeData(agency_name=case.agency.name, applicant_name=case.applicant_name,
                      tracking_number=case.tracking_number, received_on=case.received_on, replied_on=reply.day,
                      outcome=case.outcome, request_summary=case.description, reasons=summary, legal_basis=basis)


class RequestNoticeView(StaffView):
    """Download the 告知书 (.docx) of a replied case, generated from the reply each time."""

    def get(self, request, pk: int):
        case = self.scoped_request(pk)
        reply = request_reply_event(request=case)
        if reply is None or not case.outcome or case.received_on is None:
            raise Http404(NO_NOTICE)
        try:
            body = render_notice_docx(notice_data_for(case, reply))
        except NoticeError as exc:
            messages.error(request, exc.message)
            return redirect("staff:detail", pk=case.pk)
        response = HttpResponse(
            body, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        response["Content-Disposition"] = f'attachment; filename="notice-{case.tracking_number}.docx"'
        return response


# ---------------------------------------------------------------- attachment ----

class RequestAttachmentView(StaffView):
    """Download the applicant's attachment: staff of the case's own agency only.

    A supervising agency, another agency and a case without attachment get the same 404 as a
    missing case: identity papers are personal data (issue 3 §7).
    """

    def get(self, request, pk: int):
        case = access_request_attachment_by_id(request.user, pk)
        return FileResponse(case.attachment.open("rb"), as_attachment=True, filename=case.attachment_name,
                            content_type=case.attachment_content_type)
