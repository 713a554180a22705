"""Every write to an annual report goes through one of these services (STYLE E5).

Each is keyword-only with an explicit ``acting_user``, checks the role and then the workflow
(TRANSITIONS), runs in one transaction on the locked row, validates the report with the core
engine, and writes one audit event.
"""
from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.errors import GongkaiError
from gongkai.parse import parse_bytes
from gongkai.render.docx import render_docx
from gongkai.render.html import render_html
from gongkai.render.json import render_json, report_to_dict
from gongkai.render.xlsx import render_xlsx
from gongkai.spec import FORMATS, format_for_year
from gongkai.validate import validate
from gongkai.web.audit.services import audit_event
from gongkai.web.common.errors import ApplicationError
from gongkai.web.reports.access import report_policy
from gongkai.web.reports.constants import (
    EDITABLE_STATUSES,
    OVERVIEW_PARTS,
    OVERVIEW_SCAFFOLD,
    PENDING,
    TRANSITIONS,
    ReportStatus,
)
from gongkai.web.reports.figures import FiguresError, figures_from_file
from gongkai.web.reports.models import AppealRecord, ImportedReport, ReportDraft
from gongkai.web.reports.selectors import report_check, report_fee_statement, report_get_open

REPORT_EXISTS = "%(agency)s%(year)s年度报告已有未发布的版本（第%(version)s版），请继续编辑该版本"
REPORT_PUBLISHED_USE_CORRECTION = "%(agency)s%(year)s年度报告已发布；如需更正，请新建更正版本"
REPORT_TRANSITION_BLOCKED = "年度报告当前状态为“%(status)s”，不能%(action)s"
REPORT_NOT_EDITABLE = "年度报告当前状态为“%(status)s”，不能修改（只有草稿和被退回的报告可以修改）"
REPORT_HAS_ERRORS = "年度报告有 %(count)s 个错误，改正后才能报送：%(first)s"
REPORT_WARNINGS_UNEXPLAINED = "年度报告有 %(count)s 个警告，报送前请写明说明：%(first)s"
RETURN_COMMENT_MISSING = "退回时请写明审核意见"
CORRECTION_NOTE_MISSING = "更正时请写明更正说明"
CORRECTION_NOT_PUBLISHED = "只能更正已发布的年度报告"
FIGURE_UNKNOWN = "第二部分没有“%(table)s · %(row)s · %(column)s”这一单元格（%(edition)s版格式）"
FIGURE_NOT_NUMBER = "第二部分“%(table)s · %(row)s · %(column)s”应填数字（实际为“%(value)s”）"
APPEAL_OTHER_AGENCY = "申请属于%(request_agency)s，不能登记为%(agency)s的复议诉讼"
IMPORT_YEAR_UNKNOWN = "无法从文件中识别报告年度，请指定年度"
IMPORT_UNREADABLE = "无法读取“%(name)s”：%(error)s"

_ACTION = {ReportStatus.SUBMITTED: "报送", ReportStatus.RETURNED: "退回", ReportStatus.ACCEPTED: "审核通过",
           ReportStatus.PUBLISHED: "发布"}


def _now():
    return timezone.now()


def _lock(draft: ReportDraft) -> ReportDraft:
    return ReportDraft.objects.select_for_update().select_related("agency").get(pk=draft.pk)


def _move(draft: ReportDraft, to: str, *, action: str, acting_user) -> ReportDraft:
    """Lock the row, check the role and then the workflow table (no state leaks without a role)."""
    locked = _lock(draft)
    report_policy.require(acting_user, action, agency=locked.agency)
    if to not in TRANSITIONS[locked.status]:
        raise ApplicationError("report-transition-blocked", REPORT_TRANSITION_BLOCKED % {
            "status": locked.get_status_display(), "action": _ACTION[to]},
            extra={"status": locked.status, "to": to})
    return locked


def _refresh_findings(draft: ReportDraft):
    checked = report_check(draft=draft)
    draft.findings = [f.to_dict() for f in checked.findings]
    return checked


def _audit(draft: ReportDraft, event: str, acting_user, *, before: str | None = None, data: dict | None = None):
    audit_event(event=event, obj=draft, acting_user=acting_user, agency=draft.agency,
                before={"status": before} if before else None, after={"status": draft.status},
                data={"year": draft.year, "version": draft.version, **(data or {})})


def _overview_scaffold(agency, year: int) -> str:
    """The five parts of 一; （四）平台建设 starts with the 政务新媒体 sentence from the registry (issue 5 §4)."""
    from gongkai.web.publications.selectors import newmedia_counts, newmedia_statement

    if not newmedia_counts(agency=agency, as_of=date(year, 12, 31)):
        return OVERVIEW_SCAFFOLD
    platform = OVERVIEW_PARTS[3]  # （四）平台建设
    return "\n\n".join(f"{part}\n{newmedia_statement(agency=agency, year=year)}" if part == platform else part
                       for part in OVERVIEW_PARTS)


@transaction.atomic
def report_draft_create(*, agency, year: int, acting_user) -> ReportDraft:
    """Start the report of ``year`` in the edition of that year (2019 for 2019–2020, 2021 after);
    one open version per agency and year, and a published year is changed only by a correction."""
    report_policy.require(acting_user, "create", agency=agency)
    existing = ReportDraft.objects.filter(agency=agency, year=year).order_by("-version").first()
    if existing is not None:
        params = {"agency": agency.name, "year": year, "version": existing.version}
        if existing.status == ReportStatus.PUBLISHED:
            raise ApplicationError("report-published", REPORT_PUBLISHED_USE_CORRECTION % params)
        raise ApplicationError("report-exists", REPORT_EXISTS % params)
    # 一 starts from the five parts the format names; 六 from the 信息处理费 statement of the fee records.
    draft = ReportDraft(agency=agency, year=year, edition=format_for_year(year).id,
                        overview=_overview_scaffold(agency, year),
                        other=report_fee_statement(agency=agency, year=year),
                        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None)
    draft.full_clean()
    try:
        with transaction.atomic():
            draft.save()
    except IntegrityError:  # a concurrent create took the year first (report_one_open_version)
        raise ApplicationError("report-exists", REPORT_EXISTS % {
            "agency": agency.name, "year": year, "version": 1}) from None
    _refresh_findings(draft)
    draft.save(update_fields=["findings", "updated_at"])
    _audit(draft, "report.created", acting_user, data={"edition": draft.edition})
    return draft


def clean_figures(edition: str, figures: dict) -> dict:
    """Section 二 figures keyed by the spec's ids, as JSON: counts as int, money as a decimal string.

    Blank stays null (R5 reports it); a negative count is kept for R6 to report.
    """
    spec = FORMATS[edition]
    tables = {t.id: t for t in spec.tables if t.id.startswith("proactive.")}
    cleaned: dict = {}
    for table_id, rows in (figures or {}).items():
        for row_id, columns in (rows or {}).items():
            for column_id, raw in (columns or {}).items():
                where = {"table": table_id, "row": row_id, "column": column_id, "edition": edition}
                table = tables.get(table_id)
                if table is None or row_id not in table.row_ids or column_id not in {c.id for c in table.columns}:
                    raise ApplicationError("figure-unknown", FIGURE_UNKNOWN % where)
                value = _figure_value(raw, table.column(column_id).kind, where)
                cleaned.setdefault(table_id, {}).setdefault(row_id, {})[column_id] = value
    return cleaned


def _figure_value(raw, kind: str, where: dict):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        number = Decimal(str(raw).strip().replace(",", ""))
    except InvalidOperation:
        raise ApplicationError("figure-not-number", FIGURE_NOT_NUMBER % {**where, "value": raw}) from None
    if kind == "money":
        return str(number)
    if number != number.to_integral_value():
        raise ApplicationError("figure-not-number", FIGURE_NOT_NUMBER % {**where, "value": raw})
    return int(number)


@transaction.atomic
def report_draft_update(*, draft: ReportDraft, acting_user, overview: str | None = None,
                        problems: str | None = None, other: str | None = None, figures: dict | None = None,
                        warning_explanation: str | None = None) -> ReportDraft:
    """Change text (一、五、六) and section 二 figures of an open draft; None leaves a part as it was.
    The report is validated on every save and the findings stored."""
    draft = _lock(draft)
    report_policy.require(acting_user, "edit", agency=draft.agency)
    if draft.status not in EDITABLE_STATUSES:
        raise ApplicationError("report-not-editable", REPORT_NOT_EDITABLE % {"status": draft.get_status_display()})
    changed = []
    for name, value in (("overview", overview), ("problems", problems), ("other", other),
                        ("warning_explanation", warning_explanation)):
        if value is not None and value != getattr(draft, name):
            setattr(draft, name, value)
            changed.append(name)
    if figures is not None:
        cleaned = clean_figures(draft.edition, figures)
        if cleaned != draft.figures:
            draft.figures = cleaned
            changed.append("figures")
    draft.full_clean()
    checked = _refresh_findings(draft)
    draft.save()
    _audit(draft, "report.updated", acting_user, data={
        "changed": changed, "errors": len(checked.errors), "warnings": len(checked.warnings)})
    return draft


@transaction.atomic
def report_figures_import(*, draft: ReportDraft, data: bytes, name: str, acting_user) -> ReportDraft:
    """Merge section 二 figures from a business system's CSV/.xlsx export into an open draft;
    the cells the file names replace the entered ones, the others stay."""
    try:
        imported = figures_from_file(data, name, edition=draft.edition)
    except FiguresError as exc:
        raise ApplicationError("figures-unreadable", str(exc)) from None
    merged = {table: {row: dict(cols) for row, cols in rows.items()} for table, rows in (draft.figures or {}).items()}
    for table, rows in imported.items():
        for row, cols in rows.items():
            merged.setdefault(table, {}).setdefault(row, {}).update(cols)
    return report_draft_update(draft=draft, figures=merged, acting_user=acting_user)


@transaction.atomic
def report_submit(*, draft: ReportDraft, acting_user, warning_explanation: str | None = None) -> ReportDraft:
    """Send the report to the supervising agency: refused while it has error-level findings; every
    warning needs a written explanation (issue 4, item 4)."""
    draft = _move(draft, ReportStatus.SUBMITTED, action="submit", acting_user=acting_user)
    if warning_explanation is not None:
        draft.warning_explanation = warning_explanation
    checked = _refresh_findings(draft)
    if checked.errors:
        raise ApplicationError("report-has-errors", REPORT_HAS_ERRORS % {
            "count": len(checked.errors), "first": checked.errors[0].message}, extra={"findings": draft.findings})
    if checked.warnings and not draft.warning_explanation.strip():
        raise ApplicationError("report-warnings-unexplained", REPORT_WARNINGS_UNEXPLAINED % {
            "count": len(checked.warnings), "first": checked.warnings[0].message},
            extra={"findings": draft.findings})
    before = draft.status
    draft.status = ReportStatus.SUBMITTED
    draft.submitted_at = _now()
    draft.full_clean()
    draft.save()
    _audit(draft, "report.submitted", acting_user, before=before, data={"warnings": len(checked.warnings)})
    return draft


@transaction.atomic
def report_return(*, draft: ReportDraft, comment: str, acting_user) -> ReportDraft:
    """The supervising agency sends the report back with its comments; the agency edits and resubmits."""
    draft = _move(draft, ReportStatus.RETURNED, action="return", acting_user=acting_user)
    if not comment.strip():
        raise ApplicationError("return-comment-missing", RETURN_COMMENT_MISSING)
    before, draft.status = draft.status, ReportStatus.RETURNED
    draft.review_comment = comment
    draft.reviewed_at = _now()
    draft.full_clean()
    draft.save()
    _audit(draft, "report.returned", acting_user, before=before, data={"comment": comment})
    return draft


@transaction.atomic
def report_accept(*, draft: ReportDraft, acting_user, comment: str = "") -> ReportDraft:
    """The supervising agency accepts the report; the agency may then publish it."""
    draft = _move(draft, ReportStatus.ACCEPTED, action="accept", acting_user=acting_user)
    before, draft.status = draft.status, ReportStatus.ACCEPTED
    draft.review_comment = comment
    draft.reviewed_at = _now()
    draft.full_clean()
    draft.save()
    _audit(draft, "report.accepted", acting_user, before=before)
    return draft


@transaction.atomic
def report_publish(*, draft: ReportDraft, acting_user) -> ReportDraft:
    """Publish an accepted report: freeze its data and store the HTML, .docx, .xlsx and JSON as
    served. The row is immutable afterwards."""
    draft = _move(draft, ReportStatus.PUBLISHED, action="publish", acting_user=acting_user)
    checked = _refresh_findings(draft)
    report, findings = checked.report, checked.findings
    before, draft.status = draft.status, ReportStatus.PUBLISHED
    draft.published_at = _now()
    # NOTE: the public files carry no findings; they are kept on the row for the supervisor.
    draft.published_json = render_json(report)
    draft.published_html = render_html(report)
    draft.published_docx = render_docx(report)
    draft.published_xlsx = render_xlsx(report)
    draft.full_clean()
    draft.save()
    _audit(draft, "report.published", acting_user, before=before, data={
        "findings": len(findings), "sha_json": _digest(draft.published_json.encode())})
    return draft


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@transaction.atomic
def report_correct(*, draft: ReportDraft, note: str, acting_user) -> ReportDraft:
    """Start a correction of a published report: a new version with a note, the old one kept as is.
    Text and figures are copied; 三 and 四 are computed afresh from the records."""
    published = ReportDraft.objects.select_related("agency").get(pk=draft.pk)
    report_policy.require(acting_user, "correct", agency=published.agency)
    if published.status != ReportStatus.PUBLISHED:
        raise ApplicationError("correction-not-published", CORRECTION_NOT_PUBLISHED)
    if not note.strip():
        raise ApplicationError("correction-note-missing", CORRECTION_NOTE_MISSING)
    open_version = report_get_open(agency=published.agency, year=published.year)
    if open_version is not None:
        raise ApplicationError("report-exists", REPORT_EXISTS % {
            "agency": published.agency.name, "year": published.year, "version": open_version.version})
    latest = ReportDraft.objects.filter(agency=published.agency, year=published.year).order_by("-version").first()
    correction = ReportDraft(
        agency=published.agency, year=published.year, version=latest.version + 1, edition=published.edition,
        overview=published.overview, problems=published.problems, other=published.other,
        figures=published.figures, corrects=published, correction_note=note,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None)
    correction.full_clean()
    try:
        with transaction.atomic():
            correction.save()
    except IntegrityError:  # a concurrent correction got the version number first
        raise ApplicationError("report-exists", REPORT_EXISTS % {
            "agency": published.agency.name, "year": published.year, "version": latest.version + 1}) from None
    _refresh_findings(correction)
    correction.save(update_fields=["findings", "updated_at"])
    _audit(correction, "report.correction_started", acting_user, data={"corrects": published.version, "note": note})
    return correction


@transaction.atomic
def appeal_record_create(*, request, kind: str, body: str, filed_on: date, acting_user,
                         decided_on: date | None = None, result: str = PENDING, note: str = "") -> AppealRecord:
    """Record a 行政复议 or 行政诉讼 against the answer to ``request``; section 四 counts it."""
    report_policy.require(acting_user, "record_appeal", agency=request.agency)
    appeal = AppealRecord(request=request, agency=request.agency, kind=kind, body=body, filed_on=filed_on,
                          decided_on=decided_on, result=result, note=note,
                          created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None)
    appeal.full_clean()
    appeal.save()
    audit_event(event="appeal.recorded", obj=appeal, acting_user=acting_user, agency=appeal.agency,
                after={"kind": kind, "result": result, "filed_on": filed_on, "decided_on": decided_on})
    return appeal


@transaction.atomic
def appeal_record_decide(*, appeal: AppealRecord, result: str, decided_on: date, acting_user) -> AppealRecord:
    """Record the decision of a pending appeal (维持、纠正 or 其他)."""
    appeal = AppealRecord.objects.select_for_update().select_related("agency").get(pk=appeal.pk)
    report_policy.require(acting_user, "record_appeal", agency=appeal.agency)
    before = {"result": appeal.result, "decided_on": appeal.decided_on}
    appeal.result, appeal.decided_on = result, decided_on
    appeal.full_clean()
    appeal.save()
    audit_event(event="appeal.decided", obj=appeal, acting_user=acting_user, agency=appeal.agency,
                before=before, after={"result": result, "decided_on": decided_on})
    return appeal


@transaction.atomic
def report_import(*, agency, data: bytes, name: str, acting_user, year: int | None = None) -> ImportedReport:
    """Read a published report file (.docx/.html/.pdf/.txt/.json) with the core readers and keep it
    as the agency's report of its year, so R7/R8 and the supervisors see it."""
    report_policy.require(acting_user, "import", agency=agency)
    try:
        report = parse_bytes(data, name)
    except GongkaiError as exc:
        raise ApplicationError("import-unreadable", IMPORT_UNREADABLE % {"name": name, "error": exc}) from None
    year = year or report.year
    if year is None:
        raise ApplicationError("import-year-unknown", IMPORT_YEAR_UNKNOWN)
    report.year = year
    imported = ImportedReport(agency=agency, year=year, source=name[:255], data=report_to_dict(report),
                              findings=[f.to_dict() for f in validate(report)],
                              created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None)
    imported.full_clean()
    imported.save()
    audit_event(event="report.imported", obj=imported, acting_user=acting_user, agency=agency,
                data={"year": year, "source": name, "format": report.format})
    return imported


__all__ = [
    "appeal_record_create",
    "appeal_record_decide",
    "clean_figures",
    "report_accept",
    "report_correct",
    "report_draft_create",
    "report_draft_update",
    "report_figures_import",
    "report_import",
    "report_publish",
    "report_return",
    "report_submit",
]
