"""The Excel writer: sheet 年报 in the official layout (merged headers of section 三 and 四,
merged row groups), every cell a number where it is one, sheet 数据 one row per cell, sheet
问题 with the findings."""
from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from gongkai.errors import Finding
from gongkai.render.xlsx import render_xlsx
from gongkai.report import Report


def load(report: Report, findings=None):
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(report, findings)))


def find(ws, text: str, column: int | None = None) -> tuple[int, int]:
    """(row, column) of the first cell reading `text`."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text and column in (None, cell.column):
                return cell.row, cell.column
    raise AssertionError(f"{text!r} not on the sheet")


def merged(ws) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def expected_value(report: Report, table: str, row: str, column: str):
    value = report.value(table, row, column)
    return float(value) if isinstance(value, Decimal) else value


def test_sheets(filled):
    assert ["年报", "数据"] == load(filled).sheetnames
    assert ["年报", "数据", "问题"] == load(filled, []).sheetnames


def test_requests_header_is_merged_as_printed(filled):
    ws = load(filled)["年报"]
    top, left = find(ws, filled.spec.table("requests").corner)
    assert 1 == left
    expected = {
        f"A{top}:C{top + 2}",  # the 勾稽 note over the three label columns and header rows
        f"D{top}:J{top}",  # 申请人情况 over the seven columns
        f"D{top + 1}:D{top + 2}",  # 自然人
        f"E{top + 1}:I{top + 1}",  # 法人或其他组织 over five
        f"J{top + 1}:J{top + 2}",  # 总计
    }
    assert expected <= merged(ws)
    assert "申请人情况" == ws[f"D{top}"].value
    assert ("自然人", "法人或其他组织", "总计") == (ws[f"D{top + 1}"].value, ws[f"E{top + 1}"].value,
                                               ws[f"J{top + 1}"].value)
    assert ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"] == \
        [ws.cell(top + 2, c).value for c in range(5, 10)]


def test_requests_rows_are_grouped_and_hold_every_cell(filled):
    ws = load(filled)["年报"]
    spec = filled.spec.table("requests")
    top, _ = find(ws, spec.corner)
    body = top + 3
    rows = list(spec.rows)
    for i, row in enumerate(rows):
        # A row's own label sits under its groups: 0 groups → A, 1 → B, 2 → C.
        assert row.label == ws.cell(body + i, 1 + len(row.groups)).value
        for j, column in enumerate(spec.columns):
            assert expected_value(filled, "requests", row.id, column.id) == ws.cell(body + i, 4 + j).value
    ids = [r.id for r in rows]
    results_first, results_last = body + ids.index("granted"), body + ids.index("handled_total")
    withheld_first, withheld_last = body + ids.index("withheld_state_secret"), body + ids.index("withheld_query")
    assert "三、本年度办理结果" == ws[f"A{results_first}"].value
    assert "（三）不予公开" == ws[f"B{withheld_first}"].value
    assert {f"A{results_first}:A{results_last}", f"B{withheld_first}:B{withheld_last}",
            f"A{body}:C{body}", f"B{results_first}:C{results_first}"} <= merged(ws)
    blank = ws.cell(body + ids.index("withheld_process"), 5)
    assert blank.value is None
    assert isinstance(ws.cell(body, 4).value, int)


def test_proactive_tables_hold_every_cell(filled):
    ws = load(filled)["年报"]
    for table in (t for t in filled.spec.tables if t.id.startswith("proactive.")):
        top, _ = find(ws, table.caption)
        assert table.row_header == ws.cell(top + 1, 1).value
        assert [c.label for c in table.columns] == [ws.cell(top + 1, 4 + j).value for j in range(len(table.columns))]
        assert f"A{top}:{get_column_letter(3 + len(table.columns))}{top}" in merged(ws)
        for i, row in enumerate(table.rows):
            assert row.label == ws.cell(top + 2 + i, 1).value
            for j, column in enumerate(table.columns):
                assert expected_value(filled, table.id, row.id, column.id) == ws.cell(top + 2 + i, 4 + j).value


@pytest.mark.parametrize("format_id, table_id, value, number_format", [
    ("2019", "proactive.item9", 21533.5, '0.0"万元"'),  # no unit in the 2019 header: shown in the cell
    ("2021", "proactive.item8", 4068.208, "0.000"),  # the 2021 header says 万元
])
def test_money_is_a_number_with_its_decimals_and_unit(make_filled, format_id, table_id, value, number_format):
    report = make_filled(format_id)
    ws = load(report)["年报"]
    header_row, column = find(ws, report.spec.table(table_id).column("amount").label)
    amount = ws.cell(header_row + 1, column)
    assert (value, number_format) == (amount.value, amount.number_format)


def test_appeals_header_has_blocks_over_columns(filled):
    ws = load(filled)["年报"]
    top, left = find(ws, "行政复议")
    assert 1 == left
    assert {f"A{top}:E{top + 1}", f"F{top}:O{top}", f"F{top + 1}:J{top + 1}", f"K{top + 1}:O{top + 1}"} \
        <= merged(ws)
    assert ("行政诉讼", "未经复议直接起诉", "复议后起诉") == \
        (ws[f"F{top}"].value, ws[f"F{top + 1}"].value, ws[f"K{top + 1}"].value)
    spec = filled.spec.table("appeals")
    assert [c.label for c in spec.columns] * 3 == [ws.cell(top + 2, c).value for c in range(1, 16)]
    expected = [expected_value(filled, "appeals", r.id, c.id) for r in spec.rows for c in spec.columns]
    assert expected == [ws.cell(top + 3, c).value for c in range(1, 16)]
    assert "-" == ws[f"D{top + 3}"].value


def test_text_sections_and_title(filled):
    ws = load(filled)["年报"]
    assert f"某县人民政府{filled.year}年政府信息公开工作年度报告" == ws["A1"].value
    row, _ = find(ws, "一、总体情况")
    assert ("（一）主动公开情况。第一段。", "（二）依申请公开情况。第二段。") == \
        (ws.cell(row + 1, 1).value, ws.cell(row + 2, 1).value)
    assert ws.column_dimensions["C"].width >= 20
    assert ws.column_dimensions["D"].width >= 12


def test_data_sheet_has_one_row_per_cell(filled):
    ws = load(filled)["数据"]
    cells = sum(len(t.rows) * len(t.columns) for t in filled.spec.tables)
    assert 1 + cells == ws.max_row
    assert ("table", "row", "column", "row_label", "column_label", "value", "unit") == \
        tuple(c.value for c in ws[1])
    rows = {(r[0], r[1], r[2]): r[3:] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert cells == len(rows)
    for (table, row, column), (_, _, value, _) in rows.items():
        assert expected_value(filled, table, row, column) == value
    assert ("三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密", "申请人情况 · 法人或其他组织 · 商业企业") == \
        rows[("requests", "withheld_state_secret", "commercial")][:2]
    money = ("proactive.item9", "procurement", "amount") if filled.format == "2019" else \
        ("proactive.item8", "fees", "amount")
    assert "万元" == rows[money][3]


def test_findings_sheet(filled):
    finding = Finding("R5-blank", "warning", "单元格为空（应填 0）", table="requests",
                      row="withheld_process", column="commercial")
    ws = load(filled, [finding])["问题"]
    assert [("rule", "severity", "table", "row", "column", "expected", "actual", "message"),
            ("R5-blank", "warning", "requests", "withheld_process", "commercial", None, None,
             "单元格为空（应填 0）")] == list(ws.iter_rows(values_only=True))


def test_a_report_without_appeals_has_no_appeals_table(make_filled):
    report = make_filled("2021")
    del report.tables["appeals"]
    ws = load(report)["年报"]
    assert not [c for row in ws.iter_rows() for c in row if c.value == "结果维持"]
    assert "四、政府信息公开行政复议、行政诉讼情况" == ws.cell(find(ws, "四、政府信息公开行政复议、行政诉讼情况")[0], 1).value
