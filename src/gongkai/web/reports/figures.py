"""Section 二 figures from the CSV or .xlsx a business system exports (issue 4, item 2).

The accepted layout is the long form ``gongkai parse --csv`` writes: one line per cell with the
columns ``table``, ``row``, ``column``, ``value`` and optionally ``unit``. Cells are named by the
spec's ids (``proactive.item5``, ``licensing``, ``decisions``) or by the format's printed labels
(``行政许可``, ``本年处理决定数量``); ``table`` may be the short id (``item5``). Money in 元 is
converted to 万元. Lines of other sections are ignored: 三 and 四 come from the records.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal, InvalidOperation

from gongkai.spec import FORMATS, TableSpec

HEADER_MISSING = "“%(name)s”缺少表头列：%(columns)s（应为 table、row、column、value，可选 unit）"
CELL_UNKNOWN = "“%(name)s”第%(line)s行：第二部分没有“%(table)s · %(row)s · %(column)s”"
NOT_A_NUMBER = "“%(name)s”第%(line)s行：“%(value)s”不是数字"
UNREADABLE = "“%(name)s”无法读取：%(error)s"
REQUIRED = ("table", "row", "column", "value")


class FiguresError(ValueError):
    """A line that cannot be placed; the message says which file and line."""


def _rows(data: bytes, name: str) -> list[dict[str, str]]:
    if name.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
        except Exception as exc:  # noqa: BLE001 (openpyxl raises many kinds on a damaged file)
            raise FiguresError(UNREADABLE % {"name": name, "error": exc}) from None
        values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        if not values:
            return []
        header = [h.strip().lower() for h in values[0]]
        return [dict(zip(header, row)) for row in values[1:]]
    text = data.decode("utf-8-sig", errors="replace")
    return [{(k or "").strip().lower(): v or "" for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))]


def _table(edition: str, key: str) -> TableSpec | None:
    for table in FORMATS[edition].tables:
        if table.id.startswith("proactive.") and key in (table.id, table.short_id, table.caption):
            return table
    return None


def _find(items, key: str):
    return next((item for item in items if key == item.id or key in item.labels), None)


def figures_from_file(data: bytes, name: str, *, edition: str) -> dict:
    """The section 二 cells a long-form CSV/.xlsx holds, as ``{table: {row: {column: value}}}``.

    Raises FiguresError naming the file and line of the first line that cannot be placed.
    """
    rows = _rows(data, name)
    if rows:
        missing = [c for c in REQUIRED if c not in rows[0]]
        if missing:
            raise FiguresError(HEADER_MISSING % {"name": name, "columns": "、".join(missing)})
    figures: dict = {}
    for line, record in enumerate(rows, start=2):
        key = record["table"].strip()
        if key and not key.startswith(("proactive", "item", "第二十条")):
            continue  # another section's line (三, 四): computed from the records
        table = _table(edition, key)
        row = _find(table.rows, record["row"].strip()) if table else None
        column = _find(table.columns, record["column"].strip()) if table else None
        where = {"name": name, "line": line, "table": key, "row": record["row"], "column": record["column"]}
        if row is None or column is None:
            raise FiguresError(CELL_UNKNOWN % where)
        figures.setdefault(table.id, {}).setdefault(row.id, {})[column.id] = _value(record, column.kind, where)
    return figures


def _value(record: dict, kind: str, where: dict):
    raw = (record.get("value") or "").strip().replace(",", "")
    if raw == "":
        return None
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise FiguresError(NOT_A_NUMBER % {**where, "value": raw}) from None
    if kind == "money" and (record.get("unit") or "").strip() == "元":
        number = number / 10000  # the format's money is in 万元
    return str(number) if kind == "money" else number
