"""Reads that build an annual report from the records (STYLE E5: a selector builds the core's
``Report``; the core validates and renders it).

Section 三 follows the counting rules of request-workflow.md for report year Y, on the dates of
the case records (第三十一条 day of receipt ``received_on``; day of closing ``closed_on``):

* ``received``: received in Y;
* ``carried_in``: received before Y and not closed before 1 January of Y;
* outcome rows and ``handled_total``: closed in Y, in the row of the outcome;
* ``carried_out``: received by 31 December of Y and not closed by then.

Every case counted at all is received-in-Y or carried-in, and closed-in-Y or carried-out, so
R1 holds per column by construction; R2 and R3 hold because the totals are sums of the cells.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, DateField, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from gongkai.errors import Finding
from gongkai.render.json import report_from_dict
from gongkai.report import Cell, Report, empty_report
from gongkai.spec import FORMATS, ReportSpec, RowsSumRule, format_for_year
from gongkai.validate import validate, validate_series
from gongkai.web.accounts.selectors import agency_ids_visible_to
from gongkai.web.reports.constants import (
    APPEAL_KIND_IDS,
    APPEAL_RESULT_IDS,
    PENDING,
    TEXT_FIELDS,
    ReportStatus,
)
from gongkai.web.reports.models import AppealRecord, ImportedReport, ReportDraft
from gongkai.web.requests.constants import APPLICANT_TYPE_IDS, OUTCOME_IDS, RequestEventKind
from gongkai.web.requests.models import InfoRequest, RequestEvent

REQUESTS = "requests"
APPEALS = "appeals"
TOTAL = "total"
HANDLED_TOTAL = "handled_total"
ITEM1 = "proactive.item1"
CELL_UNKNOWN = "第三部分没有“%(row)s”行或“%(column)s”列"


def _bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _outcome_rows(spec: ReportSpec) -> tuple[str, ...]:
    """The result rows of the edition, in order: exactly the rows its R2 adds up."""
    return next(r.of for r in spec.rules if isinstance(r, RowsSumRule) and r.table == REQUESTS)


def outcome_row(spec: ReportSpec, outcome: str) -> str:
    """The row of ``spec`` a stored outcome counts under.

    Stored outcomes are the 2021 rows. The 2019 edition has one （六）其他处理 row for the three
    2021 其他 rows; a closed case without an outcome (not made by the services) counts as 其他 too.
    """
    rows = _outcome_rows(spec)
    return outcome if outcome in rows else rows[-1]


def _row_outcomes(spec: ReportSpec, row: str) -> list[str]:
    return [o for o in (*OUTCOME_IDS, "") if outcome_row(spec, o) == row]


def _counted_q(year: int) -> Q:
    """The cases section 三 of ``year`` counts anywhere: received by its end, open at its start."""
    start, end = _bounds(year)
    return Q(received_on__isnull=False, received_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start))


def _counted(agency, year: int) -> QuerySet[InfoRequest]:
    return InfoRequest.objects.filter(_counted_q(year), agency=agency)


def _row_filters(year: int) -> dict[str, Q]:
    start, end = _bounds(year)
    return {
        "received": Q(received_on__gte=start),
        "carried_in": Q(received_on__lt=start),
        HANDLED_TOTAL: Q(closed_on__lte=end),
        "carried_out": Q(closed_on__isnull=True) | Q(closed_on__gt=end),
    }


def report_requests_counts(*, agency, year: int, spec: ReportSpec | None = None) -> dict[str, dict[str, int]]:
    """Section 三 as numbers, row id → column id → count, from ONE aggregate query.

    The query groups the counted cases by applicant type × outcome and counts, per group, all of
    them, those received before the year and those closed in it; received = all − carried in and
    carried out = all − closed in the year, so R1 holds exactly. The rest adds up ≤ 6 × 21 groups.
    """
    spec = spec or format_for_year(year)
    table = spec.table(REQUESTS)
    start, end = _bounds(year)
    # NOTE: received_on is wrapped so that SQLite does not walk its index over the whole range
    # and fetch every row from the table (1.4 s for 1 M cases of one agency, against 0.35 s when
    # it scans); a NULL day of receipt (never received) sorts after every year and drops out.
    groups = (InfoRequest.objects.filter(agency=agency)
              .alias(received_day=Coalesce("received_on", Value(date.max), output_field=DateField()))
              .filter(Q(received_day__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start)))
              .order_by().values("applicant_type", "outcome")
              .annotate(n_all=Count("pk"), n_carried_in=Count("pk", filter=Q(received_on__lt=start)),
                        n_closed=Count("pk", filter=Q(closed_on__lte=end))))
    counts = {row.id: dict.fromkeys(APPLICANT_TYPE_IDS, 0) for row in table.rows}
    for group in groups:
        column = group["applicant_type"]
        counts["received"][column] += group["n_all"] - group["n_carried_in"]
        counts["carried_in"][column] += group["n_carried_in"]
        counts[HANDLED_TOTAL][column] += group["n_closed"]
        counts["carried_out"][column] += group["n_all"] - group["n_closed"]
        if group["n_closed"]:
            counts[outcome_row(spec, group["outcome"])][column] += group["n_closed"]
    for row in counts.values():
        row[TOTAL] = sum(row[c] for c in APPLICANT_TYPE_IDS)  # R3 by construction
    return counts


def report_requests_table(*, agency, year: int, spec: ReportSpec | None = None) -> dict[str, dict[str, Cell]]:
    """Section 三 as the core's cells: ``tables["requests"]`` of a generated Report."""
    counts = report_requests_counts(agency=agency, year=year, spec=spec)
    return {row: {col: Cell(n, text=str(n)) for col, n in cols.items()} for row, cols in counts.items()}


def report_cell_cases(*, agency, year: int, row: str, column: str) -> QuerySet[InfoRequest]:
    """The cases one cell of section 三 counts (drill-down); ``.count()`` equals the cell.

    Raises ValueError for a row or column the year's edition does not have.
    """
    spec = format_for_year(year)
    table = spec.table(REQUESTS)
    if row not in table.row_ids or column not in {c.id for c in table.columns}:
        raise ValueError(CELL_UNKNOWN % {"row": row, "column": column})
    filters = _row_filters(year)
    qs = _counted(agency, year)
    if row in filters:
        qs = qs.filter(filters[row])
    else:
        qs = qs.filter(filters[HANDLED_TOTAL], outcome__in=_row_outcomes(spec, row))
    if column != TOTAL:
        qs = qs.filter(applicant_type=column)
    return qs.order_by("received_on", "pk")


def report_appeals_table(*, agency, year: int) -> dict[str, dict[str, Cell]]:
    """Section 四 from the appeal records: decided in the year by result; open at its end as pending.

    One query grouped by kind. An appeal decided after 31 December counts as pending that year.
    """
    start, end = _bounds(year)
    decided = Q(decided_on__isnull=False, decided_on__lte=end)
    counts = {f"n_{result}": Count("pk", filter=decided & Q(result=result))
              for result in APPEAL_RESULT_IDS if result != PENDING}
    counts[f"n_{PENDING}"] = Count("pk", filter=Q(decided_on__isnull=True) | Q(decided_on__gt=end))
    groups = {g["kind"]: g for g in AppealRecord.objects.filter(agency=agency, filed_on__lte=end)
              .filter(Q(decided_on__isnull=True) | Q(decided_on__gte=start))
              .order_by().values("kind").annotate(**counts)}
    table = {}
    for kind in APPEAL_KIND_IDS:
        row = {result: groups.get(kind, {}).get(f"n_{result}", 0) for result in APPEAL_RESULT_IDS}
        row[TOTAL] = sum(row.values())  # R4 by construction
        table[kind] = {col: Cell(n, text=str(n)) for col, n in row.items()}
    return table


def report_appeal_list(*, agency, year: int) -> QuerySet[AppealRecord]:
    """The appeal records section 四 of ``year`` counts."""
    start, end = _bounds(year)
    return (AppealRecord.objects.filter(agency=agency, filed_on__lte=end)
            .filter(Q(decided_on__isnull=True) | Q(decided_on__gte=start)).select_related("request"))


def report_fee_summary(*, agency, year: int) -> tuple[int, Decimal]:
    """信息处理费 charged in ``year``: requests whose fee was paid in the year, and the total in 元
    (each at the amount of its last fee notice; 国办函〔2020〕109号)."""
    start, end = _bounds(year)
    paid = set(RequestEvent.objects.filter(request__agency=agency, kind=RequestEventKind.FEE_PAID,
                                           day__gte=start, day__lte=end).values_list("request_id", flat=True))
    amounts: dict[int, Decimal] = {}
    for request_id, data in (RequestEvent.objects.filter(request_id__in=paid, kind=RequestEventKind.FEE_NOTIFIED)
                             .order_by("day", "pk").values_list("request_id", "data")):
        amounts[request_id] = Decimal(str(data.get("amount", "0")))  # the last notice wins
    return len(paid), sum(amounts.values(), Decimal(0))


FEES_NONE = "本年度未收取信息处理费。"
FEES_CHARGED = "本年度依据《政府信息公开信息处理费管理办法》收取信息处理费%(amount)s元，涉及%(count)s件申请。"


def report_fee_statement(*, agency, year: int) -> str:
    """The 信息处理费 sentence of section 六, from the fee records."""
    count, amount = report_fee_summary(agency=agency, year=year)
    if not count:
        return FEES_NONE
    return FEES_CHARGED % {"amount": f"{amount.normalize():f}", "count": count}


def report_previous_text(*, agency, year: int) -> dict[str, str]:
    """Last year's text sections, shown beside the draft for reference."""
    previous = report_previous(agency=agency, year=year)
    return dict(previous.text) if previous is not None else {}


def report_previous(*, agency, year: int) -> Report | None:
    """The report of ``year - 1`` for R7/R8 and the stock columns: the latest published version on
    the platform, else the latest imported file; None when there is neither."""
    last = (ReportDraft.objects.filter(agency=agency, year=year - 1, status=ReportStatus.PUBLISHED)
            .order_by("-version").first())
    if last is not None:
        return report_from_dict(json.loads(last.published_json))
    imported = ImportedReport.objects.filter(agency=agency, year=year - 1).order_by("-created_at", "-pk").first()
    return report_from_dict(imported.data, source=imported.source) if imported else None


def _figure(value, kind: str):
    if value is None or value == "":
        return None
    return Decimal(str(value)) if kind == "money" else int(value)


def _proactive(report: Report, spec: ReportSpec, figures: dict, previous: Report | None) -> None:
    for table in spec.tables:
        if not table.id.startswith("proactive."):
            continue
        entered = figures.get(table.id, {})
        for row in table.rows:
            for column in table.columns:
                value = _figure(entered.get(row.id, {}).get(column.id), column.kind)
                if value is None:
                    value = _carried_stock(spec, table.id, row.id, column.id, report, entered, previous)
                # Money is entered in 万元 (the 2021 header's unit; the 2019 header prints none).
                unit = (column.unit or "万元") if value is not None and column.kind == "money" else None
                report.set(table.id, row.id, column.id,
                           Cell(value, text=None if value is None else str(value), unit=unit))


def _num(report: Report | None, table: str, row: str, column: str):
    value = report.value(table, row, column) if report is not None else None
    return value if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None


def _carried_stock(spec, table, row, column, report, entered, previous):
    """A stock column not entered, carried from last year's report (the R8 chain, by construction).

    2019 ``prev_items`` = last year's ``prev_items + change``; 2021 ``in_force`` = last year's
    ``in_force`` + this year's ``issued - repealed``.
    """
    if previous is None or previous.format != spec.id:
        return None
    if spec.id == "2019" and column == "prev_items":
        last, change = _num(previous, table, row, "prev_items"), _num(previous, table, row, "change")
        return None if last is None or change is None else last + change
    if spec.id == "2021" and table == "proactive.item1" and column == "in_force":
        last = _num(previous, table, row, "in_force")
        issued = _figure(entered.get(row, {}).get("issued"), "count")
        repealed = _figure(entered.get(row, {}).get("repealed"), "count")
        if None in (last, issued, repealed):
            return None
        return last + issued - repealed
    return None


def _catalogue_item1(report: Report, spec: ReportSpec, draft: ReportDraft) -> None:
    """Section 二 item1 (规章, 规范性文件) counted from the 主动公开 catalogue when the agency
    publishes through it (issue 5 §5); otherwise the figures entered stay."""
    from gongkai.web.publications.selectors import catalogue_has_items, catalogue_item1_counts

    if not catalogue_has_items(agency=draft.agency, year=draft.year):
        return
    counts = catalogue_item1_counts(agency=draft.agency, year=draft.year, edition=spec.id)
    table = spec.table(ITEM1)
    for row in table.rows:
        for column in table.columns:
            value = counts[row.id][column.id]
            report.set(ITEM1, row.id, column.id, Cell(value, text=str(value)))


def _source(draft: ReportDraft) -> str:
    return f"gongkai:{draft.agency.code}/{draft.year}/v{draft.version}"


def _build(draft: ReportDraft, previous: Report | None) -> Report:
    if draft.is_published:
        return report_from_dict(json.loads(draft.published_json), source=_source(draft))
    spec = FORMATS[draft.edition]
    report = empty_report(spec, agency=draft.agency.name, year=draft.year, source=_source(draft))
    _proactive(report, spec, draft.figures or {}, previous)
    _catalogue_item1(report, spec, draft)
    report.tables[REQUESTS] = report_requests_table(agency=draft.agency, year=draft.year, spec=spec)
    report.tables[APPEALS] = report_appeals_table(agency=draft.agency, year=draft.year)
    report.text = {name: getattr(draft, name) for name in TEXT_FIELDS if getattr(draft, name).strip()}
    return report


def report_build(*, draft: ReportDraft) -> Report:
    """The core ``Report`` of a draft: 二 from its figures, 三 and 四 from the records, 一/五/六 its text.

    A published version is read back from the JSON stored at publication, never recomputed.
    """
    previous = None if draft.is_published else report_previous(agency=draft.agency, year=draft.year)
    return _build(draft, previous)


@dataclass(frozen=True)
class CheckedReport:
    report: Report
    findings: list[Finding]
    previous: Report | None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "error"]


def report_check(*, draft: ReportDraft) -> CheckedReport:
    """``report_build`` plus every finding of the engine: R1–R6, R9, and R7/R8 against last year."""
    previous = report_previous(agency=draft.agency, year=draft.year)
    report = _build(draft, previous)
    findings = validate(report)
    if previous is not None:
        findings += validate_series([previous, report]).get(1, [])
    return CheckedReport(report=report, findings=findings, previous=previous)


def report_draft_for_year(*, agency, year: int) -> ReportDraft:
    """The draft that stands for ``year``: the open version, else the latest published one, else
    an unsaved empty draft (a report from the records alone: 二 and the text left blank)."""
    return (report_get_open(agency=agency, year=year)
            or ReportDraft.objects.filter(agency=agency, year=year).order_by("-version").first()
            or ReportDraft(agency=agency, year=year, edition=format_for_year(year).id))


def report_get_open(*, agency, year: int) -> ReportDraft | None:
    """The version of ``year`` still being worked on, if any."""
    return ReportDraft.objects.filter(agency=agency, year=year).exclude(status=ReportStatus.PUBLISHED).first()


def report_list_for_agency(*, agency) -> QuerySet[ReportDraft]:
    return ReportDraft.objects.filter(agency=agency).order_by("-year", "-version")


def report_list_for_staff(*, user) -> QuerySet[ReportDraft]:
    """The reports of the user's agencies and of every agency below them (supervision), newest first."""
    return (ReportDraft.objects.filter(agency_id__in=agency_ids_visible_to(user=user))
            .select_related("agency").order_by("-year", "agency__code", "-version")
            .defer("published_json", "published_html", "published_docx", "published_xlsx", "findings"))


def report_list_public(*, agency) -> QuerySet[ReportDraft]:
    """The published versions of an agency's reports (the public never sees a draft), newest first."""
    return (ReportDraft.objects.filter(agency=agency, status=ReportStatus.PUBLISHED)
            .order_by("-year", "-version").defer("published_html", "published_docx", "published_xlsx",
                                                 "published_json", "findings"))


def report_get_public(*, agency, year: int, version: int) -> ReportDraft | None:
    return ReportDraft.objects.filter(agency=agency, year=year, version=version,
                                      status=ReportStatus.PUBLISHED).first()
