"""The JSON shape of `gongkai parse --json`: the spec's identifiers, counts as integers,
money as numbers with their unit in `units`, blanks as null."""
from __future__ import annotations

import json
from decimal import Decimal

from gongkai.errors import Finding, ParseError
from gongkai.report import TEXT_SECTIONS, Cell, Report
from gongkai.spec import FORMATS


def _number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) else float(value)
    return value


def _nest(table_id: str, tables: dict, rows: dict) -> None:
    section, _, sub = table_id.partition(".")
    target = tables.setdefault(section, {})
    if sub:
        target = target.setdefault(sub, {})
    for row, cols in rows.items():
        target[row] = {c: _number(cell.value) for c, cell in cols.items()}


def report_to_dict(report: Report, findings: list[Finding] | None = None) -> dict:
    tables: dict = {}
    for table in report.spec.tables:
        if table.id in report.tables:
            _nest(table.id, tables, report.tables[table.id])
    data = {
        "source": report.source,
        "format": report.format,
        "agency": report.agency,
        "year": report.year,
        "tables": tables,
        "units": report.units(),
        "text": {k: report.text[k] for k in TEXT_SECTIONS if k in report.text},
    }
    if findings is not None:
        data["findings"] = [f.to_dict() for f in findings]
    return data


def render_json(report: Report, findings: list[Finding] | None = None, *, indent: int | None = 2) -> str:
    return json.dumps(report_to_dict(report, findings), ensure_ascii=False, indent=indent)


def _value(raw, kind: str, where: str):
    if raw is None or isinstance(raw, str):
        return raw
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise ParseError(f"JSON 中 {where} 的值不是数字：{raw!r}")
    if isinstance(raw, float):
        return Decimal(repr(raw))
    return raw if kind != "money" else Decimal(raw)


def report_from_dict(data: dict, *, source: str | None = None) -> Report:
    """Read back what `report_to_dict` wrote."""
    fmt = str(data.get("format"))
    if fmt not in FORMATS:
        raise ParseError(f"JSON 的 format 字段应为 {'/'.join(FORMATS)}，实际为 {fmt!r}")
    if not isinstance(data.get("tables"), dict):
        raise ParseError("JSON 中缺少 tables 字段：这不是 gongkai 的报告数据")
    spec = FORMATS[fmt]
    report = Report(format=fmt, agency=data.get("agency"), year=data.get("year"),
                    source=source or data.get("source"))
    units = data.get("units") or {}
    tables = data.get("tables") or {}
    for table in spec.tables:
        section, _, sub = table.id.partition(".")
        rows = tables.get(section, {})
        rows = rows.get(sub, {}) if sub else rows
        for row in table.rows:
            if row.id not in rows:
                continue
            for column in table.columns:
                path = f"{table.id}.{row.id}.{column.id}"
                raw = (rows[row.id] or {}).get(column.id)
                report.set(table.id, row.id, column.id,
                           Cell(_value(raw, column.kind, path), unit=units.get(path)))
    report.text = {k: v for k, v in (data.get("text") or {}).items() if k in TEXT_SECTIONS}
    return report


def parse_json(text: str | bytes, *, source: str | None = None) -> Report:
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(f"不是有效的 JSON：{exc}") from exc
    if not isinstance(data, dict):
        raise ParseError("JSON 顶层应为一个报告对象")
    return report_from_dict(data, source=source)


__all__ = ["render_json", "report_to_dict", "report_from_dict", "parse_json"]
