"""The demo county's annual reports (issue 4, item 8), loaded after the demo's requests.

* 2020: the seed report (``gongkai/demo_data/wulumuqi-xian-2020.txt``) reproduced from records:
  section 二 and the text as the seed prints them, section 三 from historical cases and section
  四 from appeal records created to match the seed's cells. The seed's inconsistent 总计 is not
  copied: the totals are computed from the cases, so they are the consistent values. The report
  goes through the workflow and is published.
* 2025: a draft generated from the demo's cases (the scaffold text; section 二 left to the office).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import gongkai
from gongkai.parse import parse_path
from gongkai.report import Report
from gongkai.web.reports.constants import APPEAL_KIND_IDS, APPEAL_RESULT_IDS, PENDING
from gongkai.web.reports.models import AppealRecord, ReportDraft
from gongkai.web.reports.services import (
    report_accept,
    report_draft_create,
    report_draft_update,
    report_publish,
    report_submit,
)
from gongkai.web.requests.constants import (
    APPLICANT_TYPE_IDS,
    Delivery,
    IdType,
    InfoForm,
    RequestChannel,
    RequestStatus,
)
from gongkai.web.requests.models import InfoRequest

SEED = Path(gongkai.__file__).parent / "demo_data" / "wulumuqi-xian-2020.txt"
SEED_YEAR = 2020
GENERATED_YEAR = 2025
EXPLANATION = "演示数据：按原报告如实填报。"
# Section 二 of the 2025 draft, as the county's business systems would report it (illustrative
# figures of the demo, in the order of magnitude of the county's published 2020 report).
DEMO_FIGURES_2025 = {
    "proactive.item1": {"rules": {"issued": 0, "repealed": 0, "in_force": 0},
                        "normative_documents": {"issued": 2, "repealed": 1, "in_force": 4}},
    "proactive.item5": {"licensing": {"decisions": 2106}},
    "proactive.item6": {"penalty": {"decisions": 912}, "coercion": {"decisions": 9}},
    "proactive.item8": {"fees": {"amount": Decimal("26.4")}},
}


@dataclass(frozen=True)
class DemoReports:
    published: ReportDraft
    draft: ReportDraft


def _count(report: Report, row: str, column: str) -> int:
    value = report.value("requests", row, column)
    return value if isinstance(value, int) else 0


def _historical(agency, serial, *, applicant_type: str, received_on: date, closed_on: date | None,
                outcome: str) -> InfoRequest:
    """A past case as an import of the office's old register would record it."""
    n = next(serial)
    return InfoRequest(
        agency=agency, tracking_number=f"{agency.code.upper()}-{received_on.year}-H{n:05d}", query_code_hash="-",
        channel=RequestChannel.COUNTER, applicant_type=applicant_type, applicant_name=f"历史申请人{n}",
        id_type=IdType.OTHER, id_number=f"H{n:05d}", phone="0991-5802000", description="（历史记录导入）",
        info_form=InfoForm.PAPER, delivery=Delivery.COLLECT, handed_in_on=received_on, received_on=received_on,
        status=RequestStatus.REGISTERED if closed_on is None else RequestStatus.REPLIED,
        outcome=outcome if closed_on else "", replied_on=closed_on, closed_on=closed_on)


def seed_cases(agency, report: Report) -> list[InfoRequest]:
    """Cases whose section 三 gives the report's cells in the six applicant columns.

    Per column: the cases closed in the year (one per unit of each outcome row) are first the
    carried-in ones, then ones received in the year; carried-in cases beyond those stay open, and
    so do received cases beyond those closed. Totals and 结转下年度 follow from the cases, so
    they are the consistent values whatever the report printed.
    """
    year, serial, cases = report.year, itertools.count(1), []
    outcome_rows = [r.id for r in report.spec.table("requests").rows
                    if r.id not in ("received", "carried_in", "handled_total", "carried_out")]
    for column in APPLICANT_TYPE_IDS:
        carried_in = _count(report, "carried_in", column)
        closed = [row for row in outcome_rows for _ in range(_count(report, row, column))]
        for i, row in enumerate(closed):
            received = date(year - 1, 12, 20) if i < carried_in else date(year, 3, 1)
            cases.append(_historical(agency, serial, applicant_type=column, received_on=received,
                                     closed_on=date(year, 6, 1), outcome=_stored_outcome(row)))
        received_and_closed = max(0, len(closed) - carried_in)
        open_cases = [date(year - 1, 12, 20)] * max(0, carried_in - len(closed))
        open_cases += [date(year, 12, 1)] * max(0, _count(report, "received", column) - received_and_closed)
        cases += [_historical(agency, serial, applicant_type=column, received_on=day, closed_on=None, outcome="")
                  for day in open_cases]
    return cases


def _stored_outcome(row: str) -> str:
    return "other_misc" if row == "other" else row  # the 2019 其他处理 row is stored as 2021's 其他


def seed_appeals(agency, report: Report, acting_user) -> list[AppealRecord]:
    """Appeal records matching the report's section 四 (against one of its year's cases)."""
    year, records = report.year, []
    for kind in APPEAL_KIND_IDS:
        for result in APPEAL_RESULT_IDS:
            value = report.value("appeals", kind, result)
            for _ in range(value if isinstance(value, int) else 0):
                decided = None if result == PENDING else date(year, 10, 1)
                records.append(AppealRecord(agency=agency, kind=kind, body="乌鲁木齐市人民政府", result=result,
                                            filed_on=date(year, 7, 1), decided_on=decided, created_by=acting_user))
    if records:
        target = InfoRequest.objects.filter(agency=agency, closed_on__year=year).first()
        if target is None:  # section 四 names a decision: one case it was made on, closed the year before
            target = _historical(agency, itertools.count(90000), applicant_type=APPLICANT_TYPE_IDS[0],
                                 received_on=date(year - 1, 11, 1), closed_on=date(year - 1, 12, 1),
                                 outcome="withheld_process")
            target.save()
        for record in records:
            record.request = target
    return records


def _figures(report: Report) -> dict:
    """Section 二 as the report prints it, in the shape ``report_draft_update`` takes."""
    return {table.id: {row: {col: cell.value for col, cell in cols.items()}
                       for row, cols in report.tables.get(table.id, {}).items()}
            for table in report.spec.tables if table.id.startswith("proactive.")}


def demo_reports_load(*, county, acting_user) -> DemoReports:
    """Load the county's 2020 report (published, reproduced from records) and its 2025 draft."""
    seed = parse_path(SEED)
    seed.year = seed.year or SEED_YEAR
    InfoRequest.objects.bulk_create(seed_cases(county, seed))
    AppealRecord.objects.bulk_create(seed_appeals(county, seed, acting_user))
    draft = report_draft_create(agency=county, year=seed.year, acting_user=acting_user)
    draft = report_draft_update(draft=draft, acting_user=acting_user, figures=_figures(seed),
                                overview=seed.text.get("overview", ""), problems=seed.text.get("problems", ""),
                                other=seed.text.get("other", ""))
    draft = report_submit(draft=draft, acting_user=acting_user,
                          warning_explanation=EXPLANATION if draft.findings else None)
    published = report_publish(draft=report_accept(draft=draft, acting_user=acting_user), acting_user=acting_user)
    current = report_draft_create(agency=county, year=GENERATED_YEAR, acting_user=acting_user)
    current = report_draft_update(draft=current, acting_user=acting_user, figures=DEMO_FIGURES_2025)
    return DemoReports(published=published, draft=current)
