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
from gongkai.web.reports.models import ReportDraft
from gongkai.web.reports.selectors import (
    CheckedReport,
    report_cell_cases,
    report_check,
    report_list_for_staff,
    report_previous_text,
)

ACTION_DONE = "已%(action)s"
YEAR_INVALID = "请填写正确的报告年度"
AGENCY_INVALID = "请选择您所在的机关"
CELL_PAGE_SIZE = 100
ACTION_LABELS = {"edit": "保存", "submit": "报送", "return": "退回", "accept": "审核通过", "publish": "发布",
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
    editable: bool
    actions: list[str]  # the actions the user may take now


def _shown_table(draft: ReportDraft, table: TableSpec, cells: dict, *, drill: bool) -> ShownTable:
    rows = []
    for row in table.rows:
        if row.id not in cells:
            continue
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
