"""One check function per rule kind; each yields findings and never raises on bad data."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from gongkai.errors import Finding
from gongkai.report import Report
from gongkai.spec import (
    BalanceRule,
    CarryRule,
    ColumnsSumRule,
    NotGreaterRule,
    ReportSpec,
    RowsSumRule,
    StockRule,
    TableSpec,
)


def _num(report: Report, table: str, row: str, column: str):
    value = report.value(table, row, column)
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return value
    return None


def _place(spec: ReportSpec, table: TableSpec) -> str:
    heading = spec.section(table.id.split(".")[0]).heading
    return f"{heading} · {table.caption}" if table.caption else heading


def _finding(rule, report, table, *, row=None, column=None, expected=None, actual=None, message) -> Finding:
    return Finding(rule.id, rule.severity, message, table=table.id, row=row, column=column,
                   expected=None if expected is None else str(expected),
                   actual=None if actual is None else str(actual), source=report.source)


def _sum(values):
    return sum(values) if all(v is not None for v in values) else None


def check_balance(rule: BalanceRule, report: Report, spec: ReportSpec) -> Iterator[Finding]:
    table = spec.table(rule.table)
    for column in table.columns:
        left = _sum([_num(report, table.id, r, column.id) for r in rule.left])
        right = _sum([_num(report, table.id, r, column.id) for r in rule.right])
        if left is None or right is None or left == right:
            continue
        yield _finding(rule, report, table, column=column.id, expected=left, actual=right, message=(
            f"{_place(spec, table)} · {column.label}列：第一项加第二项之和（{left}）"
            f"应等于第三项加第四项之和（{right}）"))


def check_rows_sum(rule: RowsSumRule, report: Report, spec: ReportSpec) -> Iterator[Finding]:
    table = spec.table(rule.table)
    target_row = table.row(rule.target)
    rows = [r for r in rule.of if not report.is_absent(table.id, r)]
    for column in table.columns:
        parts = _sum([_num(report, table.id, r, column.id) for r in rows])
        target = _num(report, table.id, rule.target, column.id)
        if parts is None or target is None or parts == target:
            continue
        yield _finding(rule, report, table, column=column.id, expected=parts, actual=target, message=(
            f"{_place(spec, table)} · {column.label}列：“{target_row.label}”（{target}）"
            f"应等于各项办理结果之和（{parts}）"))


def check_columns_sum(rule: ColumnsSumRule, report: Report, spec: ReportSpec) -> Iterator[Finding]:
    table = spec.table(rule.table)
    for row in table.rows:
        if report.is_absent(table.id, row.id):
            continue
        parts = _sum([_num(report, table.id, row.id, c) for c in rule.of])
        target = _num(report, table.id, row.id, rule.target)
        if parts is None or target is None or parts == target:
            continue
        label = table.column(rule.target).label
        of = "、".join(table.column(c).label for c in rule.of)
        yield _finding(rule, report, table, row=row.id, expected=parts, actual=target, message=(
            f"{_place(spec, table)} · “{_row_path(row)}”行：{label}（{target}）应等于{of}之和（{parts}）"))


def _row_path(row) -> str:
    return " · ".join((*row.groups[1:], row.label)) if row.groups else row.label


def check_not_greater(rule: NotGreaterRule, report: Report, spec: ReportSpec) -> Iterator[Finding]:
    table = spec.table(rule.table)
    for row in table.rows:
        lesser = _num(report, table.id, row.id, rule.lesser)
        greater = _num(report, table.id, row.id, rule.greater)
        if lesser is None or greater is None or lesser <= greater:
            continue
        yield _finding(rule, report, table, row=row.id, column=rule.lesser, expected=f"≤ {greater}",
                       actual=lesser, message=(
            f"{_place(spec, table)} · “{row.label}”：{table.column(rule.lesser).label}（{lesser}）"
            f"不应大于{table.column(rule.greater).label}（{greater}）"))


def check_blank(report: Report, spec: ReportSpec) -> Iterator[Finding]:
    for table in spec.tables:
        for row in table.rows:
            for column in table.columns:
                cell = report.cell(table.id, row.id, column.id)
                if cell is None or cell.value is not None:
                    continue
                yield Finding(spec.blank_rule, "warning", (
                    f"{_place(spec, table)} · “{_row_path(row)}” × “{column.label}”：单元格为空，格式要求填写数字（无则填0）"),
                    table=table.id, row=row.id, column=column.id, expected="0", actual="",
                    source=report.source)


def check_type(report: Report, spec: ReportSpec) -> Iterator[Finding]:
    for table in spec.tables:
        for row in table.rows:
            for column in table.columns:
                cell = report.cell(table.id, row.id, column.id)
                if cell is None or cell.value is None:
                    continue
                problem = _type_problem(cell.value, column.kind)
                if problem:
                    yield Finding(spec.type_rule, "error", (
                        f"{_place(spec, table)} · “{_row_path(row)}” × “{column.label}”：{problem}"
                        f"（印为“{cell.text if cell.text is not None else cell.value}”）"),
                        table=table.id, row=row.id, column=column.id,
                        expected={"count": "非负整数", "signed": "整数", "money": "非负数"}[column.kind],
                        actual=str(cell.value), source=report.source)


def _type_problem(value, kind: str) -> str | None:
    if isinstance(value, str):
        return "应为数字"
    if kind == "money":
        return "金额不应为负数" if value < 0 else None
    if isinstance(value, Decimal):
        return "应为整数"
    if kind == "count" and value < 0:
        return "应为非负整数"
    return None


# Across years ------------------------------------------------------------------------------


def check_carry(rule: CarryRule, report: Report, last: Report, spec: ReportSpec) -> Iterator[Finding]:
    table = spec.table(rule.table)
    for column in table.columns:
        this = _num(report, table.id, rule.this_row, column.id)
        before = _num(last, table.id, rule.last_row, column.id)
        if this is None or before is None or this == before:
            continue
        yield _finding(rule, report, table, row=rule.this_row, column=column.id, expected=before, actual=this,
                       message=(f"{_place(spec, table)} · {column.label}列：本年“{table.row(rule.this_row).label}”"
                                f"（{this}）应等于{last.year}年报告的“{table.row(rule.last_row).label}”（{before}）"))


def check_stock(rule: StockRule, report: Report, last: Report, spec: ReportSpec) -> Iterator[Finding]:
    table = spec.table(rule.table)
    flows = report if rule.from_year == "this" else last
    for row in table.rows:
        this = _num(report, table.id, row.id, rule.stock_this)
        before = _num(last, table.id, row.id, rule.stock_last)
        plus = _sum([_num(flows, table.id, row.id, c) for c in rule.plus])
        minus = _sum([_num(flows, table.id, row.id, c) for c in rule.minus])
        if None in (this, before, plus, minus):
            continue
        expected = before + plus - minus
        if this == expected:
            continue
        terms = "".join(f"加{table.column(c).label}" for c in rule.plus) + "".join(
            f"减{table.column(c).label}" for c in rule.minus)
        yield _finding(rule, report, table, row=row.id, column=rule.stock_this, expected=expected, actual=this,
                       message=(f"{_place(spec, table)} · “{row.label}”：本年{table.column(rule.stock_this).label}"
                                f"（{this}）应等于{last.year}年的{table.column(rule.stock_last).label}{terms}"
                                f"（{expected}）"))


SINGLE = {BalanceRule: check_balance, RowsSumRule: check_rows_sum, ColumnsSumRule: check_columns_sum,
          NotGreaterRule: check_not_greater}
ACROSS = {CarryRule: check_carry, StockRule: check_stock}
