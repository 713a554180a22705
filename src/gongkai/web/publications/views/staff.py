"""Staff pages of the catalogue: list, draft form, the review checklist with its actions, and
the 政务新媒体 registry. Views parse input and call one service; items come only through
``access_item_by_id`` and lists only through selectors (STYLE E5)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from gongkai.web.accounts.selectors import agency_ids_visible_to, membership_agency_ids
from gongkai.web.agencies.models import Agency
from gongkai.web.calendars.selectors import calendar_for_deadlines
from gongkai.web.common.errors import ApplicationError
from gongkai.web.publications import forms as f
from gongkai.web.publications import services
from gongkai.web.publications.access import (
    ACTION_ROLES,
    access_item_by_id,
    access_newmedia_by_id,
    item_policy,
)
from gongkai.web.publications.constants import ACTION_LABELS, Check, ItemStatus
from gongkai.web.publications.models import Item, NewMediaAccount
from gongkai.web.publications.selectors import (
    DisclosureCandidate,
    PublicationDeadline,
    item_list_for_staff,
    item_publication_deadline,
    newmedia_list_for_staff,
    publication_get_public,
    publication_search_public,
    request_disclosure_candidates,
)
from gongkai.web.publications.services import item_check_results

PAGE_SIZE = 50
FORM_HAS_ERRORS = "填写有误：%(errors)s"
ACTION_DONE = "已%(action)s"
S = ItemStatus
BADGE_OVERDUE = ("overdue", "超过20个工作日未发布")
BADGE_LATE = ("soon", "逾期发布")
BADGE_SOON = ("soon", "即将到期")
BADGE_PROVISIONAL = ("provisional", "暂定期限")
CANDIDATE_DAYS = 365  # 第四十四条 candidates: requests of the last year


def _today() -> date:
    return timezone.localdate()


def _errors_text(exc: ValidationError) -> str:
    return "；".join(m for msgs in exc.message_dict.values() for m in msgs) if hasattr(exc, "error_dict") \
        else "；".join(exc.messages)


class PublicationStaffView(LoginRequiredMixin, View):
    """Base of the catalogue's staff pages; ``get_queryset`` is forbidden (scoping via selectors)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "get_queryset" in cls.__dict__:
            raise TypeError(f"{cls.__name__}: staff views use the selectors, not get_queryset()")

    def agencies_for(self, action: str):
        """The agencies where the user holds a role allowing ``action``."""
        ids = membership_agency_ids(user=self.request.user, roles=set(ACTION_ROLES[action]))
        return Agency.objects.filter(pk__in=ids).order_by("code")


def _badges(deadline: PublicationDeadline) -> list[tuple[str, str]]:
    badges = []
    if deadline.overdue:
        badges.append(BADGE_OVERDUE)
    elif deadline.days_left is not None and deadline.days_left <= 7:
        badges.append(BADGE_SOON)
    if deadline.late:
        badges.append(BADGE_LATE)
    if deadline.provisional and deadline.days_left is not None:
        badges.append(BADGE_PROVISIONAL)
    return badges


@dataclass
class ItemRow:
    item: Item
    deadline: PublicationDeadline
    badges: list[tuple[str, str]]


@dataclass
class ItemListContext:
    rows: list[ItemRow]
    page: Page
    status: str
    query: str
    statuses: list[tuple[str, str]]
    can_create: bool
    candidates: list[DisclosureCandidate] = field(default_factory=list)
    today: date | None = None


class ItemListView(PublicationStaffView):
    """Items of the user's agencies with status and deadline badges, and 第四十四条 candidates."""

    def get(self, request):
        status = request.GET.get("status", "")
        status = status if status in S.values else ""
        query = request.GET.get("q", "").strip()
        qs = item_list_for_staff(user=request.user, status=status or None, query=query)
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        calendar, today = calendar_for_deadlines(), _today()
        rows = []
        for item in page.object_list:
            deadline = item_publication_deadline(item, calendar=calendar, today=today)
            rows.append(ItemRow(item, deadline, _badges(deadline)))
        candidates = request_disclosure_candidates(
            agency_ids=agency_ids_visible_to(user=request.user), since=date.fromordinal(today.toordinal()
                                                                                        - CANDIDATE_DAYS))
        context = ItemListContext(rows=rows, page=page, status=status, query=query, statuses=S.choices,
                                  can_create=self.agencies_for("create").exists(), candidates=candidates[:20],
                                  today=today)
        return render(request, "publications/item_list.html", {"page": context})


class ItemCreateView(PublicationStaffView):
    def _form(self, data=None, files=None):
        return f.ItemForm(data, files, agencies=self.agencies_for("create"),
                          initial={"written_on": _today()})

    def get(self, request):
        form = self._form()
        if not form.fields["agency"].queryset.exists():
            raise PermissionDenied("您没有新建公开事项的岗位（需要：登记、承办或管理员）")
        return render(request, "publications/item_form.html", {"form": form, "item": None})

    def post(self, request):
        form = self._form(request.POST, request.FILES)
        if form.is_valid():
            try:
                item = services.item_create(agency=form.cleaned_data["agency"], content=form.content(),
                                            acting_user=request.user)
                if form.cleaned_data["attachment"]:
                    services.item_add_attachment(item=item, upload=form.cleaned_data["attachment"],
                                                 acting_user=request.user)
                messages.success(request, f"已新建，索引号 {item.index_number}")
                return redirect("publications_staff:detail", item.pk)
            except ValidationError as exc:
                messages.error(request, FORM_HAS_ERRORS % {"errors": _errors_text(exc)})
            except (ApplicationError, PermissionDenied) as exc:
                messages.error(request, str(getattr(exc, "message", exc)))
        return render(request, "publications/item_form.html", {"form": form, "item": None}, status=400)


class ItemUpdateView(PublicationStaffView):
    def _initial(self, item: Item) -> dict:
        names = ["title", "document_number", "issuer", "written_on", "category", "topic", "document_kind",
                 "validity", "effective_on", "ended_on", "body", "disclosure", "withheld_reason"]
        return {"agency": item.agency, "subcategory": item.subcategory, **{n: getattr(item, n) for n in names}}

    def get(self, request, pk: int):
        item = access_item_by_id(request.user, pk)
        form = f.ItemForm(initial=self._initial(item), agencies=Agency.objects.filter(pk=item.agency_id))
        return render(request, "publications/item_form.html", {"form": form, "item": item})

    def post(self, request, pk: int):
        item = access_item_by_id(request.user, pk)
        form = f.ItemForm(request.POST, request.FILES, agencies=Agency.objects.filter(pk=item.agency_id))
        if form.is_valid():
            try:
                services.item_update(item=item, content=form.content(), acting_user=request.user)
                if form.cleaned_data["attachment"]:
                    services.item_add_attachment(item=item, upload=form.cleaned_data["attachment"],
                                                 acting_user=request.user)
                messages.success(request, "已保存")
                return redirect("publications_staff:detail", item.pk)
            except ValidationError as exc:
                messages.error(request, FORM_HAS_ERRORS % {"errors": _errors_text(exc)})
            except (ApplicationError, PermissionDenied) as exc:
                messages.error(request, str(getattr(exc, "message", exc)))
        return render(request, "publications/item_form.html", {"form": form, "item": item}, status=400)


@dataclass
class CheckLine:
    check: str
    label: str
    row: object  # ReviewCheck | None


@dataclass
class ItemDetailContext:
    item: Item
    deadline: PublicationDeadline
    badges: list[tuple[str, str]]
    checks: list[CheckLine]
    actions: dict[str, bool]
    check_form: f.CheckForm
    validity_form: f.ValidityForm
    is_document: bool


# The buttons a status offers, each shown only to a role allowed to press it.
_STATUS_ACTIONS = {
    S.DRAFT: ("update", "submit"),
    S.IN_REVIEW: ("check", "return", "approve"),
    S.APPROVED: ("publish",),
    S.PUBLISHED: ("revoke", "validity"),
    S.REVOKED: (),
}


class ItemDetailView(PublicationStaffView):
    def get(self, request, pk: int):
        item = access_item_by_id(request.user, pk)
        deadline = item_publication_deadline(item)
        results = item_check_results(item)
        offered = _STATUS_ACTIONS[item.status]
        actions = {a: a in offered and item_policy.user_can_in_agency(
            request.user, "update" if a == "validity" else a, item.agency_id) for a in ACTION_LABELS}
        actions["validity"] = "validity" in offered and item_policy.user_can_in_agency(
            request.user, "update", item.agency_id) and item.document_kind != "other"
        context = ItemDetailContext(
            item=item, deadline=deadline, badges=_badges(deadline),
            checks=[CheckLine(c, Check(c).label, results[c]) for c in Check.values], actions=actions,
            check_form=f.CheckForm(), validity_form=f.ValidityForm(initial={"validity": item.validity}),
            is_document=item.document_kind != "other")
        return render(request, "publications/item_detail.html", {"page": context,
                                                                 "attachments": item.attachments.all()})


class ItemActionView(PublicationStaffView):
    """One POST per workflow button; the service decides whether the move is allowed."""

    def post(self, request, pk: int, action: str):
        item = access_item_by_id(request.user, pk)
        user = request.user
        try:
            if action == "submit":
                services.item_submit_for_review(item=item, acting_user=user)
            elif action == "check":
                form = f.CheckForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(form.errors.as_text())
                services.item_record_check(item=item, check=form.cleaned_data["check"],
                                           result=form.cleaned_data["result"], note=form.cleaned_data["note"],
                                           acting_user=user)
            elif action == "return":
                services.item_return_to_draft(item=item, note=request.POST.get("note", ""), acting_user=user)
            elif action == "approve":
                services.item_approve(item=item, acting_user=user)
            elif action == "publish":
                services.item_publish(item=item, acting_user=user)
            elif action == "revoke":
                services.item_revoke(item=item, reason=request.POST.get("reason", ""), acting_user=user)
            elif action == "validity":
                form = f.ValidityForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(form.errors.as_text())
                services.item_set_validity(item=item, validity=form.cleaned_data["validity"],
                                           ended_on=form.cleaned_data["ended_on"], acting_user=user)
            else:
                raise Http404("没有这个操作")
            label = "变更效力状态" if action == "validity" else ACTION_LABELS[action]
            messages.success(request, ACTION_DONE % {"action": label})
        except ValidationError as exc:
            messages.error(request, FORM_HAS_ERRORS % {"errors": _errors_text(exc)})
        except ApplicationError as exc:
            messages.error(request, exc.message)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        return redirect("publications_staff:detail", item.pk)


class NewMediaListView(PublicationStaffView):
    def get(self, request):
        accounts = newmedia_list_for_staff(user=request.user)
        return render(request, "publications/newmedia_list.html", {
            "accounts": accounts, "can_create": self.agencies_for("newmedia").exists()})


class NewMediaCreateView(PublicationStaffView):
    def get(self, request):
        form = f.NewMediaForm(agencies=self.agencies_for("newmedia"))
        return render(request, "publications/newmedia_form.html", {"form": form, "account": None})

    def post(self, request):
        form = f.NewMediaForm(request.POST, agencies=self.agencies_for("newmedia"))
        if form.is_valid():
            try:
                services.newmedia_create(agency=form.cleaned_data["agency"], fields=form.fields_value(),
                                         acting_user=request.user)
                messages.success(request, "已登记")
                return redirect("publications_staff:newmedia_list")
            except ValidationError as exc:
                messages.error(request, FORM_HAS_ERRORS % {"errors": _errors_text(exc)})
            except PermissionDenied as exc:
                messages.error(request, str(exc))
        return render(request, "publications/newmedia_form.html", {"form": form, "account": None}, status=400)


class NewMediaUpdateView(PublicationStaffView):
    def _form(self, account: NewMediaAccount, data=None):
        names = ["platform", "name", "operator", "status", "opened_on", "closed_on"]
        return f.NewMediaForm(data, agencies=Agency.objects.filter(pk=account.agency_id),
                              initial={"agency": account.agency, **{n: getattr(account, n) for n in names}})

    def get(self, request, pk: int):
        account = access_newmedia_by_id(request.user, pk)
        return render(request, "publications/newmedia_form.html", {"form": self._form(account), "account": account})

    def post(self, request, pk: int):
        account = access_newmedia_by_id(request.user, pk)
        form = self._form(account, request.POST)
        if form.is_valid():
            try:
                services.newmedia_update(account=account, fields=form.fields_value(), acting_user=request.user)
                messages.success(request, "已保存")
                return redirect("publications_staff:newmedia_list")
            except ValidationError as exc:
                messages.error(request, FORM_HAS_ERRORS % {"errors": _errors_text(exc)})
            except PermissionDenied as exc:
                messages.error(request, str(exc))
        return render(request, "publications/newmedia_form.html", {"form": form, "account": account}, status=400)


@dataclass
class AlreadyPublicContext:
    case: object  # the InfoRequest
    query: str
    hits: list[Item]
    today: date


def _guess_query(description: str) -> str:
    """A first search from the request's wording: what follows 申请公开, up to the first stop."""
    text = description.strip().removeprefix("申请公开").removeprefix("申请获取")
    for stop in "。；;，,\n":
        text = text.split(stop, 1)[0]
    return text[:20]


class RequestAlreadyPublicView(PublicationStaffView):
    """From a request's case page: search the catalogue and reply “已主动公开” with the link in one step."""

    def get(self, request, request_pk: int):
        from gongkai.web.requests.access import access_request_by_id

        case = access_request_by_id(request.user, request_pk)
        query = request.GET.get("q", _guess_query(case.description)).strip()
        hits = list(publication_search_public(agency=case.agency, query=query)[:20]) if query else []
        context = AlreadyPublicContext(case=case, query=query, hits=hits, today=_today())
        return render(request, "publications/request_already_public.html", {"page": context})

    def post(self, request, request_pk: int):
        from gongkai.web.requests.access import access_request_by_id

        case = access_request_by_id(request.user, request_pk)
        item = publication_get_public(agency=case.agency, index_number=request.POST.get("index_number", ""))
        if item is None:
            raise Http404("公开事项不存在")
        try:
            services.request_reply_already_public(request=case, item=item, replied_on=_today(),
                                                  acting_user=request.user,
                                                  site_url=request.build_absolute_uri("/").rstrip("/"))
            messages.success(request, ACTION_DONE % {"action": "答复（已主动公开）"})
        except ValidationError as exc:
            messages.error(request, FORM_HAS_ERRORS % {"errors": _errors_text(exc)})
        except ApplicationError as exc:
            messages.error(request, exc.message)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        return redirect("staff:detail", case.pk)
