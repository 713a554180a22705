"""Hypothesis strategies for reports built from the format definitions."""
from decimal import Decimal

from hypothesis import strategies as st

from gongkai.report import Cell, empty_report
from gongkai.spec import FORMATS, NotGreaterRule

counts = st.integers(min_value=0, max_value=99999)
AGENCIES = st.sampled_from(["乌鲁木齐县人民政府", "淮安市洪泽区人民政府", "上海市科学技术委员会", "兴华镇人民政府"])


@st.composite
def valid_reports(draw, format_id=None):
    """A report of a national format whose every equation holds, with text sections."""
    spec = FORMATS[format_id or draw(st.sampled_from(sorted(FORMATS)))]
    year = draw(st.integers(min_value=spec.years[0], max_value=spec.years[1] or 2030))
    report = empty_report(spec, agency=draw(AGENCIES), year=year)
    for table in spec.tables:
        if table.id in ("requests", "appeals"):
            continue
        for row in table.rows:
            for column in table.columns:
                if column.kind == "money":
                    cents = draw(st.integers(min_value=0, max_value=10**9))
                    report.set(table.id, row.id, column.id, Cell(Decimal(cents) / 100, unit="万元"))
                elif column.kind == "signed":
                    report.set(table.id, row.id, column.id, Cell(draw(st.integers(-500, 500))))
                else:
                    report.set(table.id, row.id, column.id, Cell(draw(counts)))
    for rule in spec.rules:  # R8 within one report: published <= total_public
        if isinstance(rule, NotGreaterRule):
            for row in spec.table(rule.table).rows:
                lesser = report.value(rule.table, row.id, rule.lesser)
                greater = report.value(rule.table, row.id, rule.greater)
                report.set(rule.table, row.id, rule.greater, Cell(max(lesser, greater)))
    _requests(draw, report, spec.table("requests"))
    _appeals(draw, report, spec.table("appeals"))
    report.text = {"overview": "一年来，本机关依法做好政府信息公开工作。", "problems": "存在的问题。", "other": "未收取信息处理费。"}
    return report


def _requests(draw, report, table):
    outcome_rows = [r.id for r in table.rows if r.id not in ("received", "carried_in", "handled_total", "carried_out")]
    applicants = [c.id for c in table.columns if c.id != "total"]
    small = st.integers(min_value=0, max_value=60)
    for column in applicants:
        handled = 0
        for row in outcome_rows:
            n = draw(small)
            handled += n
            report.set(table.id, row, column, Cell(n))
        carried_out = draw(small)
        carried_in = draw(st.integers(min_value=0, max_value=handled + carried_out))
        for row, n in (("handled_total", handled), ("carried_out", carried_out), ("carried_in", carried_in),
                       ("received", handled + carried_out - carried_in)):
            report.set(table.id, row, column, Cell(n))
    for row in table.rows:
        report.set(table.id, row.id, "total", Cell(sum(report.value(table.id, row.id, c) for c in applicants)))


def _appeals(draw, report, table):
    for row in table.rows:
        parts = [draw(st.integers(0, 40)) for _ in table.columns[:-1]]
        for column, n in zip(table.columns, [*parts, sum(parts)]):
            report.set(table.id, row.id, column.id, Cell(n))
