"""The supervising agency's view of its children's reports (issue 4, item 6): status against the
deadline of 条例 第四十九条, findings, and key figures, per agency and year."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F, Q
from django.utils import timezone

from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.agencies.models import Agency
from gongkai.web.reports.constants import (
    DEPARTMENT_DEADLINE,
    GOVERNMENT_DEADLINE,
    ReportStatus,
    SupervisionStatus,
)
from gongkai.web.reports.models import ImportedReport, ReportDraft
from gongkai.web.reports.selectors import report_build, report_draft_for_year
from gongkai.web.requests.models import InfoRequest

_GOVERNMENTS = {AgencyKind.GOVERNMENT, AgencyKind.TOWNSHIP}


def report_deadline(agency: Agency, year: int) -> date:
    """第四十九条: a government's own report by 3月31日, a department's by 1月31日 of the next year."""
    month, day = GOVERNMENT_DEADLINE if agency.kind in _GOVERNMENTS else DEPARTMENT_DEADLINE
    return date(year + 1, month, day)


@dataclass(frozen=True)
class SupervisionRow:
    agency: Agency
    deadline: date
    status: SupervisionStatus
    report: ReportDraft | None  # the latest version on the platform
    published_on: date | None
    errors: int
    warnings: int
    received: int | None
    disclosure_rate: Decimal | None  # (予以公开 + 部分公开) / 办理总数, in %
    replies_overdue: int
    appeals: int | None

    @property
    def status_label(self) -> str:
        return SupervisionStatus(self.status).label


def _status(latest: ReportDraft | None, first_published: ReportDraft | None, imported: bool,
            deadline: date, today: date) -> tuple[SupervisionStatus, date | None]:
    if first_published is not None:
        day = timezone.localdate(first_published.published_at)
        late = day > deadline
        return (SupervisionStatus.PUBLISHED_LATE if late else SupervisionStatus.PUBLISHED_ON_TIME), day
    if imported:
        return SupervisionStatus.IMPORTED, None
    if today > deadline:
        return SupervisionStatus.MISSING, None
    if latest is None:
        return SupervisionStatus.NOT_STARTED, None
    if latest.status in (ReportStatus.SUBMITTED, ReportStatus.ACCEPTED):
        return SupervisionStatus.SUBMITTED, None
    return SupervisionStatus.DRAFT, None


def _count(findings: list[dict], severity: str) -> int:
    return sum(1 for f in findings if f.get("severity") == severity)


def _figures(agency: Agency, year: int, imported: ImportedReport | None, has_report: bool):
    """Received, disclosure rate and appeals from the report (stored when published, else computed)."""
    if imported is not None and not has_report:
        from gongkai.render.json import report_from_dict

        report = report_from_dict(imported.data)
    else:
        report = report_build(draft=report_draft_for_year(agency=agency, year=year))
    value = report.value
    received = value("requests", "received", "total")
    handled = value("requests", "handled_total", "total")
    granted = [value("requests", r, "total") for r in ("granted", "partly_granted")]
    rate = None
    if isinstance(handled, int) and handled and all(isinstance(g, int) for g in granted):
        rate = (Decimal(sum(granted) * 100) / handled).quantize(Decimal("0.1"), ROUND_HALF_UP)
    appeals = [value("appeals", block, "total") for block in ("review", "suit_direct", "suit_after_review")]
    return (received if isinstance(received, int) else None, rate,
            sum(appeals) if all(isinstance(a, int) for a in appeals) else None)


def _overdue(agency: Agency, year: int) -> int:
    """Replies given in the year after their deadline (第三十三条)."""
    return InfoRequest.objects.filter(agency=agency, replied_on__year=year, answer_due_on__isnull=False).filter(
        Q(replied_on__gt=F("answer_due_on"))).count()


def report_supervision(*, supervisor: Agency, year: int, today: date | None = None) -> list[SupervisionRow]:
    """One row per agency the supervisor oversees (itself first, then its children) for ``year``."""
    today = today or timezone.localdate()
    agencies = [supervisor, *Agency.objects.filter(parent=supervisor).order_by("code")]
    rows = []
    for agency in agencies:
        versions = list(ReportDraft.objects.filter(agency=agency, year=year).order_by("version")
                        .defer("published_html", "published_docx", "published_xlsx"))
        latest = versions[-1] if versions else None
        first_published = next((v for v in versions if v.status == ReportStatus.PUBLISHED), None)
        imported = ImportedReport.objects.filter(agency=agency, year=year).order_by("-created_at").first()
        deadline = report_deadline(agency, year)
        status, published_on = _status(latest, first_published, imported is not None, deadline, today)
        findings = latest.findings if latest is not None else (imported.findings if imported else [])
        received, rate, appeals = _figures(agency, year, imported, latest is not None)
        rows.append(SupervisionRow(
            agency=agency, deadline=deadline, status=status, report=latest, published_on=published_on,
            errors=_count(findings, "error"), warnings=_count(findings, "warning"), received=received,
            disclosure_rate=rate, replies_overdue=_overdue(agency, year), appeals=appeals))
    return rows


HEADERS = ("机关", "报告期限", "状态", "发布日期", "错误", "警告", "本年新收申请", "公开率（%）", "逾期答复", "复议诉讼")


def supervision_xlsx(rows: list[SupervisionRow], *, year: int) -> bytes:
    """The dashboard table as an .xlsx workbook."""
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = f"{year}年度"
    sheet.append(HEADERS)
    for r in rows:
        sheet.append([r.agency.name, r.deadline, r.status_label, r.published_on, r.errors, r.warnings, r.received,
                      float(r.disclosure_rate) if r.disclosure_rate is not None else None, r.replies_overdue,
                      r.appeals])
    sheet.column_dimensions["A"].width = 36
    out = BytesIO()
    book.save(out)
    return out.getvalue()
