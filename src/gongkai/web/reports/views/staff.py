"""Staff pages of the annual report (issue 4): the list, a draft's page with the computed tables
and their drill-down, the actions, the downloads.

Views parse input and call one service; a report comes only through ``access_report_by_id``
(the same 404 for a missing report and another agency's), lists only through selectors.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views import View

from gongkai.render.docx import render_docx
from gongkai.render.html import render_html
from gongkai.render.json import render_json
from gongkai.render.xlsx import render_xlsx
from gongkai.spec import FORMATS, TableSpec
from gongkai.web.accounts.selectors import membership_agency_ids
from gongkai.web.agencies.models import Agency
from gongkai.web.common.errors import ApplicationError
from gongkai.web.reports import services
from gongkai.web.reports.access import access_report_by_id, report_policy
from gongkai.web.reports.constants import EDITABLE_STATUSES, TRANSITIONS, ReportStatus
from gongkai.web.reports.forms import AppealDecisionForm, AppealForm
from gongkai.web.reports.models import AppealRecord, ReportDraft
from gongkai.web.reports.selectors import (
    CheckedReport,
    report_appeal_list,
    report_cell_cases,
    report_check,
    report_list_for_staff,
    report_previous_text,
)
from gongkai.web.requests.models import InfoRequest

ACTION_DONE = "已%(action)s"
YEAR_INVALID = "请填写正确的报告年度"
AGENCY_INVALID = "请选择您所在的机关"
CELL_PAGE_SIZE = 100
FILE_MISSING = "请选择要导入的 CSV 或 Excel 文件"
ACTION_LABELS = {"edit": "保存", "figures": "导入主动公开数据", "submit": "报送", "return": "退回", "accept": "审核通过", "publish": "发布",
                 "correct": "新建更正版本"}
_TYPES = {"html": "text/html; charset=utf-8", "json": "application/json; charset=utf-8",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


class StaffReportView(LoginRequiredMixin, View):
    """Base of the report pages: login required; reports only through ``scoped_report``.

    Subclasses may not define ``get_queryset`` (STYLE E5): it would bypass the agency scoping.
    """

    login_url = reverse_lazy("staff:login")

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "get_queryset" in cls.__dict__:
            raise TypeError(f"{cls.__name__}: report views use scoped_report(), not get_queryset()")

    def scoped_report(self, pk) -> ReportDraft:
        return access_report_by_id(self.request.user, pk)


# ---------------------------------------------------------------- list ----

@dataclass(frozen=True)
class ListPage:
    reports: list[ReportDraft]
    agencies: list[Agency]  # where the user may start a report
    default_year: int


class ReportListView(StaffReportView):
    def get(self, request):
        ids = membership_agency_ids(user=request.user)
        agencies = [a for a in Agency.objects.filter(pk__in=ids).order_by("code")
                    if report_policy.user_can(request.user, "create", a)]
        page = ListPage(reports=list(report_list_for_staff(user=request.user)), agencies=agencies,
                        default_year=timezone.localdate().year - 1)
        return render(request, "reports/staff_report_list.html", {"page": page})


class ReportCreateView(StaffReportView):
    http_method_names = ("post",)

    def post(self, request):
        try:
            year = int(request.POST.get("year", ""))
            agency = Agency.objects.get(pk=int(request.POST.get("agency", "")),
                                        pk__in=membership_agency_ids(user=request.user))
        except (ValueError, Agency.DoesNotExist):
            messages.error(request, AGENCY_INVALID if "year" in request.POST else YEAR_INVALID)
            return redirect("reports_staff:list")
        if not 2008 <= year <= 2100:
            messages.error(request, YEAR_INVALID)
            return redirect("reports_staff:list")
        try:
            draft = services.report_draft_create(agency=agency, year=year, acting_user=request.user)
        except (ApplicationError, PermissionDenied) as exc:
            messages.error(request, getattr(exc, "message", str(exc)))
            return redirect("reports_staff:list")
        return redirect("reports_staff:detail", pk=draft.pk)


# ---------------------------------------------------------------- draft page ----

@dataclass(frozen=True)
class TableCell:
    value: object
    url: str | None  # drill-down, for section 三


@dataclass(frozen=True)
class TableRow:
    label: str
    depth: int
    cells: list[TableCell]


@dataclass(frozen=True)
class ShownTable:
    id: str
    caption: str
    columns: list[str]
    rows: list[TableRow]


@dataclass(frozen=True)
class FigureInput:
    name: str
    label: str
    value: object


@dataclass(frozen=True)
class FigureTable:
    caption: str
    inputs: list[FigureInput]


@dataclass(frozen=True)
class DetailPage:
    draft: ReportDraft
    checked: CheckedReport
    tables: list[ShownTable]
    figures: list[FigureTable]
    previous_text: dict[str, str]
    appeals: list  # the appeal records section 四 counts
    appeal_form: object | None  # for the agency's own staff while the report is open
    editable: bool
    actions: list[str]  # the actions the user may take now


def _shown_table(draft: ReportDraft, table: TableSpec, cells: dict, *, drill: bool) -> ShownTable:
    rows, groups = [], ()
    for row in table.rows:
        if row.id not in cells:
            continue
        # Group rows (三、本年度办理结果, （三）不予公开 …) hold no numbers: a label line each.
        for depth, label in enumerate(row.groups):
            if groups[: depth + 1] != row.groups[: depth + 1]:
                rows.append(TableRow(label=label, depth=depth, cells=[]))
        groups = row.groups
        shown = []
        for column in table.columns:
            cell = cells[row.id].get(column.id)
            url = (reverse("reports_staff:cell", kwargs={"pk": draft.pk, "row": row.id, "column": column.id})
                   if drill else None)
            shown.append(TableCell(None if cell is None else cell.value, url))
        rows.append(TableRow(label=row.label, depth=len(row.groups), cells=shown))
    heading = FORMATS[draft.edition].section(table.id.split(".")[0]).heading
    return ShownTable(id=table.id, caption=f"{heading} {table.caption or ''}".strip(),
                      columns=[c.label for c in table.columns], rows=rows)


def _figure_tables(draft: ReportDraft, report) -> list[FigureTable]:
    out = []
    for table in FORMATS[draft.edition].tables:
        if not table.id.startswith("proactive."):
            continue
        entered = (draft.figures or {}).get(table.id, {})
        inputs = [FigureInput(name=f"fig:{table.id}:{row.id}:{column.id}",
                              label=f"{row.label} · {column.label}"
                                    + ("（万元）" if column.kind == "money" and not column.unit else ""),
                              value=entered.get(row.id, {}).get(column.id, ""))
                  for row in table.rows for column in table.columns]
        out.append(FigureTable(caption=table.caption or table.id, inputs=inputs))
    return out


def _actions(user, draft: ReportDraft) -> list[str]:
    possible = {ReportStatus.SUBMITTED: "submit", ReportStatus.RETURNED: "return",
                ReportStatus.ACCEPTED: "accept", ReportStatus.PUBLISHED: "publish"}
    actions = [possible[to] for to in TRANSITIONS[draft.status] if report_policy.user_can(user, possible[to],
                                                                                           draft.agency)]
    if draft.status in EDITABLE_STATUSES and report_policy.user_can(user, "edit", draft.agency):
        actions.insert(0, "edit")
    if draft.status == ReportStatus.PUBLISHED and report_policy.user_can(user, "correct", draft.agency):
        actions.append("correct")
    return actions


class ReportDetailView(StaffReportView):
    def get(self, request, pk: int):
        draft = self.scoped_report(pk)
        checked = report_check(draft=draft)
        spec = FORMATS[draft.edition]
        # Drill-down lists today's records; a published report's figures are frozen, so no links.
        drill = not draft.is_published
        tables = [_shown_table(draft, spec.table(t), checked.report.tables.get(t, {}), drill=drill and t == "requests")
                  for t in ("requests", "appeals")]
        page = DetailPage(draft=draft, checked=checked, tables=tables, figures=_figure_tables(draft, checked.report),
                          previous_text=report_previous_text(agency=draft.agency, year=draft.year),
                          appeals=list(report_appeal_list(agency=draft.agency, year=draft.year)),
                          appeal_form=AppealForm() if drill and report_policy.user_can(
                              request.user, "record_appeal", draft.agency) else None,
                          editable=draft.status in EDITABLE_STATUSES, actions=_actions(request.user, draft))
        return render(request, "reports/staff_report_detail.html", {"page": page})


def _figures_from(post) -> dict:
    figures: dict = {}
    for name, value in post.items():
        if name.startswith("fig:"):
            _, table, row, column = name.split(":", 3)
            figures.setdefault(table, {}).setdefault(row, {})[column] = value
    return figures


class ReportActionView(StaffReportView):
    """POST one action; refusals (status, role, findings) come back as messages."""

    http_method_names = ("post",)

    def post(self, request, pk: int, action: str):
        if action not in ACTION_LABELS:
            raise Http404(action)
        draft = self.scoped_report(pk)
        post, user = request.POST, request.user
        try:
            if action == "edit":
                services.report_draft_update(
                    draft=draft, acting_user=user, overview=post.get("overview"), problems=post.get("problems"),
                    other=post.get("other"), figures=_figures_from(post),
                    warning_explanation=post.get("warning_explanation"))
            elif action == "figures":
                upload = request.FILES.get("file")
                if upload is None:
                    raise ApplicationError("file-missing", FILE_MISSING)
                services.report_figures_import(draft=draft, data=upload.read(), name=upload.name, acting_user=user)
            elif action == "submit":
                services.report_submit(draft=draft, acting_user=user,
                                       warning_explanation=post.get("warning_explanation"))
            elif action == "return":
                services.report_return(draft=draft, comment=post.get("comment", ""), acting_user=user)
            elif action == "accept":
                services.report_accept(draft=draft, comment=post.get("comment", ""), acting_user=user)
            elif action == "publish":
                services.report_publish(draft=draft, acting_user=user)
            else:
                draft = services.report_correct(draft=draft, note=post.get("note", ""), acting_user=user)
        except (ApplicationError, PermissionDenied) as exc:
            messages.error(request, getattr(exc, "message", str(exc)))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, ACTION_DONE % {"action": ACTION_LABELS[action]})
        return redirect("reports_staff:detail", pk=draft.pk)


# ---------------------------------------------------------------- appeals (section 四) ----

APPEAL_REQUEST_UNKNOWN = "本机关没有申请编号为“%(number)s”的申请"
APPEAL_RECORDED = "已登记复议诉讼"


def _form_errors(form) -> str:
    return "；".join(f"{form.fields[k].label if k in form.fields else ''}：{m}"
                    for k, errors in form.errors.items() for m in errors)


class AppealCreateView(StaffReportView):
    """Record a 行政复议/行政诉讼 against one of the agency's cases, from the report page."""

    http_method_names = ("post",)

    def post(self, request, pk: int):
        draft = self.scoped_report(pk)
        form = AppealForm(request.POST)
        if not form.is_valid():
            messages.error(request, _form_errors(form))
            return redirect("reports_staff:detail", pk=draft.pk)
        data = form.cleaned_data
        case = InfoRequest.objects.filter(agency=draft.agency, tracking_number=data["request_number"].strip()).first()
        try:
            if case is None:
                raise ApplicationError("appeal-request-unknown",
                                       APPEAL_REQUEST_UNKNOWN % {"number": data["request_number"]})
            services.appeal_record_create(request=case, kind=data["kind"], body=data["body"],
                                          filed_on=data["filed_on"], decided_on=data["decided_on"],
                                          result=data["result"], note=data["note"], acting_user=request.user)
        except (ApplicationError, PermissionDenied) as exc:
            messages.error(request, getattr(exc, "message", str(exc)))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, APPEAL_RECORDED)
        return redirect("reports_staff:detail", pk=draft.pk)


class AppealDecideView(StaffReportView):
    """Record the decision of a pending appeal of the report's agency."""

    http_method_names = ("post",)

    def post(self, request, pk: int, appeal_pk: int):
        draft = self.scoped_report(pk)
        appeal = AppealRecord.objects.filter(pk=appeal_pk, agency=draft.agency).first()
        if appeal is None:
            raise Http404("复议诉讼记录不存在")
        form = AppealDecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _form_errors(form))
            return redirect("reports_staff:detail", pk=draft.pk)
        try:
            services.appeal_record_decide(appeal=appeal, result=form.cleaned_data["result"],
                                          decided_on=form.cleaned_data["decided_on"], acting_user=request.user)
        except (ApplicationError, PermissionDenied) as exc:
            messages.error(request, getattr(exc, "message", str(exc)))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, APPEAL_RECORDED)
        return redirect("reports_staff:detail", pk=draft.pk)


# ---------------------------------------------------------------- drill-down ----

@dataclass(frozen=True)
class CellPage:
    draft: ReportDraft
    row_label: str
    column_label: str
    count: int
    cases: object  # a Page of InfoRequest


class ReportCellCasesView(StaffReportView):
    """The cases one cell of section 三 counts; their number is the cell's value."""

    def get(self, request, pk: int, row: str, column: str):
        draft = self.scoped_report(pk)
        try:
            qs = report_cell_cases(agency=draft.agency, year=draft.year, row=row, column=column)
        except ValueError:
            raise Http404(row) from None
        table = FORMATS[draft.edition].table("requests")
        page = Paginator(qs.only("pk", "tracking_number", "applicant_type", "received_on", "closed_on", "outcome",
                                 "status"), CELL_PAGE_SIZE).get_page(request.GET.get("page"))
        context = CellPage(draft=draft, row_label=table.row(row).label, column_label=table.column(column).label,
                           count=page.paginator.count, cases=page)
        return render(request, "reports/staff_report_cell.html", {"page": context})


# ---------------------------------------------------------------- downloads ----

class ReportDownloadView(StaffReportView):
    """A published report's stored files; for an open draft, a preview rendered now."""

    def get(self, request, pk: int, fmt: str):
        if fmt not in _TYPES:
            raise Http404(fmt)
        draft = self.scoped_report(pk)
        if draft.is_published:
            stored = {"html": draft.published_html, "json": draft.published_json,
                      "docx": bytes(draft.published_docx), "xlsx": bytes(draft.published_xlsx)}
            content = stored[fmt]
        else:
            report = report_check(draft=draft).report
            content = {"html": render_html, "json": render_json, "docx": render_docx, "xlsx": render_xlsx}[fmt](report)
        response = HttpResponse(content, content_type=_TYPES[fmt])
        if fmt in ("docx", "xlsx"):
            name = f"{draft.agency.code}-{draft.year}-v{draft.version}.{fmt}"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


# ---------------------------------------------------------------- supervision ----

@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: float


@dataclass(frozen=True)
class SupervisionPage:
    supervisor: Agency
    supervisors: list[Agency]
    year: int
    rows: list
    bars: list[Bar]  # received per agency, drawn as inline SVG (no scripts, no CDN)
    chart_height: int


CHART_WIDTH = 360  # px for the longest bar
BAR_STEP = 26


def _supervision_input(request) -> tuple[Agency, list[Agency], int]:
    """The supervisor (an agency where the user holds a role) and the year, from the query string."""
    supervisors = list(Agency.objects.filter(pk__in=membership_agency_ids(user=request.user)).order_by("code"))
    if not supervisors:
        raise Http404("没有可查看的机关")
    wanted = request.GET.get("agency")
    supervisor = next((a for a in supervisors if str(a.pk) == wanted), supervisors[0])
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year - 1
    return supervisor, supervisors, year


class SupervisionView(StaffReportView):
    """Every child agency's report of a year: status against the deadline, findings, key figures."""

    def get(self, request):
        from gongkai.web.reports.supervision import report_supervision

        supervisor, supervisors, year = _supervision_input(request)
        rows = report_supervision(supervisor=supervisor, year=year)
        top = max([r.received or 0 for r in rows] + [1])
        bars = [Bar(label=r.agency.short_name or r.agency.name, value=r.received or 0, y=i * BAR_STEP,
                    width=round(CHART_WIDTH * (r.received or 0) / top, 1)) for i, r in enumerate(rows)]
        page = SupervisionPage(supervisor=supervisor, supervisors=supervisors, year=year, rows=rows, bars=bars,
                               chart_height=len(bars) * BAR_STEP)
        return render(request, "reports/staff_supervision.html", {"page": page})


class SupervisionExportView(StaffReportView):
    def get(self, request):
        from gongkai.web.reports.supervision import report_supervision, supervision_xlsx

        supervisor, _, year = _supervision_input(request)
        content = supervision_xlsx(report_supervision(supervisor=supervisor, year=year), year=year)
        response = HttpResponse(content, content_type=_TYPES["xlsx"])
        response["Content-Disposition"] = f'attachment; filename="{supervisor.code}-{year}-supervision.xlsx"'
        return response


IMPORTED = "已导入%(agency)s%(year)s年度报告（%(findings)s 个问题）"
IMPORT_FILE_MISSING = "请选择要导入的报告文件（.docx .html .pdf .txt .json）"


class ReportImportView(StaffReportView):
    """Upload a published report of a supervised agency (or one's own) not drawn up on the platform."""

    http_method_names = ("post",)

    def post(self, request):
        back = reverse("reports_staff:supervision") + "?" + request.POST.get("back", "")
        agency = Agency.objects.filter(pk=request.POST.get("agency") or 0).first()
        upload = request.FILES.get("file")
        try:
            if agency is None or upload is None:
                raise ApplicationError("import-file-missing", IMPORT_FILE_MISSING)
            year = int(request.POST["year"]) if request.POST.get("year", "").strip().isdigit() else None
            imported = services.report_import(agency=agency, data=upload.read(), name=upload.name, year=year,
                                              acting_user=request.user)
        except (ApplicationError, PermissionDenied) as exc:
            messages.error(request, getattr(exc, "message", str(exc)))
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, IMPORTED % {"agency": agency.name, "year": imported.year,
                                                  "findings": len(imported.findings)})
        return redirect(back)
