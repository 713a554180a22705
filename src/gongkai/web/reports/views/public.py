"""Public pages: an agency's published reports and their stored files (HTML in the official
layout, .docx, .xlsx, JSON), byte for byte as published. Only ``report_*_public`` selectors."""
from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views import View

from gongkai.web.agencies.models import Agency
from gongkai.web.reports.models import ReportDraft
from gongkai.web.reports.selectors import report_get_public, report_list_public

_TYPES = {"html": "text/html; charset=utf-8", "json": "application/json; charset=utf-8",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass(frozen=True)
class PublishedEntry:
    report: ReportDraft
    superseded_by: int | None  # the newer version of the same year, if corrected


@dataclass(frozen=True)
class PublicListPage:
    agency: Agency
    entries: list[PublishedEntry]


class ReportListPublicView(View):
    def get(self, request, agency_code: str):
        agency = get_object_or_404(Agency, code=agency_code)
        reports = list(report_list_public(agency=agency))
        latest: dict[int, int] = {}
        for r in reports:
            latest.setdefault(r.year, r.version)
        entries = [PublishedEntry(r, None if latest[r.year] == r.version else latest[r.year]) for r in reports]
        return render(request, "reports/public_report_list.html",
                      {"page": PublicListPage(agency=agency, entries=entries)})


class ReportFilePublicView(View):
    def get(self, request, agency_code: str, year: int, version: int, fmt: str):
        if fmt not in _TYPES:
            raise Http404(fmt)
        agency = get_object_or_404(Agency, code=agency_code)
        report = report_get_public(agency=agency, year=year, version=version)
        if report is None:
            raise Http404("年度报告不存在")
        content = {"html": report.published_html, "json": report.published_json,
                   "docx": bytes(report.published_docx), "xlsx": bytes(report.published_xlsx)}[fmt]
        response = HttpResponse(content, content_type=_TYPES[fmt])
        if fmt in ("docx", "xlsx"):
            response["Content-Disposition"] = f'attachment; filename="{agency.code}-{year}-v{version}.{fmt}"'
        return response
