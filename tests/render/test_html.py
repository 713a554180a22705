"""The HTML writer: a standalone page in the official layout (merged headers of 三 and 四, row
groups as rowspans), labels from the spec, text escaped, money with its unit as the docx writer
prints it, findings listed; and what it writes reads back (`parse_html`) to the same report."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from gongkai.errors import Finding
from gongkai.parse.document import Grid, Line
from gongkai.parse.html import html_blocks, parse_html
from gongkai.render.html import render_html
from gongkai.report import Cell, Report, empty_report
from gongkai.spec import FORMATS


def _grids(page: str) -> list[Grid]:
    return [b for b in html_blocks(page, source="page.html") if isinstance(b, Grid)]


def _lines(page: str) -> list[str]:
    return [b.text for b in html_blocks(page, source="page.html") if isinstance(b, Line)]


def _texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows]


def _values(report: Report) -> dict:
    """Table values with each money cell's effective unit (written in the cell, else the header's)."""
    spec = report.spec
    return {
        (t, r, c): (cell.value, cell.unit or spec.table(t).column(c).unit)
        for t, rows in report.tables.items() for r, cols in rows.items() for c, cell in cols.items()
    }


# --- the page -------------------------------------------------------------------------------------


def test_page_is_standalone_and_fits_a_phone(filled):
    page = render_html(filled)
    assert page.startswith("<!DOCTYPE html>\n")
    assert '<html lang="zh-CN">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<meta charset="utf-8">' in page
    # Inline CSS only: nothing is fetched from elsewhere.
    assert [] == re.findall(r"<link|<script|\bsrc=|\bhref=|@import|url\(", page)
    assert "overflow-x:auto" in page  # wide tables scroll sideways instead of overflowing
    assert page.endswith("</html>\n")


def test_title_and_six_headings_from_the_spec(filled):
    lines = _lines(render_html(filled))
    assert f"{filled.agency}{filled.year}年政府信息公开工作年度报告" == lines[0]
    headings = [s.heading for s in filled.spec.sections]
    assert headings == [line for line in lines if line in headings]


def test_all_text_is_escaped():
    report = empty_report(FORMATS["2021"], agency="<b>某局</b>", year=2022)
    report.text = {"overview": "第一段 <script>alert(1)</script> & “引号”", "other": "a\"b'c"}
    page = render_html(report, [Finding("R5-blank", "warning", "<i>空</i>", "requests", "granted", "total")])
    assert "<script>alert" not in page and "<b>某局" not in page and "<i>空" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”" in page
    assert "&lt;b&gt;某局&lt;/b&gt;" in page
    assert "a&quot;b&#x27;c" in page


def test_text_sections_print_one_paragraph_per_line(filled):
    page = render_html(filled)
    assert "<p>（一）主动公开情况。第一段。</p>\n<p>（二）依申请公开情况。第二段。</p>" in page
    assert "<p>未收取信息处理费。</p>" in page


# --- section 二 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_proactive_is_one_small_table_per_item(make_filled, format_id):
    spec = FORMATS[format_id]
    grids = _grids(render_html(make_filled(format_id)))
    proactive = spec.section("proactive").tables
    assert len(proactive) + 2 == len(grids)
    for table, grid in zip(proactive, grids):
        rows = _texts(grid)
        assert [table.caption] * (1 + len(table.columns)) == rows[0]
        assert [table.row_header, *(c.label for c in table.columns)] == rows[1]
        assert [r.label for r in table.rows] == [row[0] for row in rows[2:]]


def test_money_2019_carries_its_unit_in_the_cell(make_filled):
    report = make_filled("2019")
    item9 = _grids(render_html(report))[4]
    projects = str(report.value("proactive.item9", "procurement", "projects"))
    assert ["政府集中采购", projects, "21533.5万元"] == _texts(item9)[2]


def test_money_2021_is_a_number_under_the_wanyuan_header():
    report = empty_report(FORMATS["2021"], agency="某县人民政府", year=2022)
    report.set("proactive.item8", "fees", "amount", Cell(Decimal("4068.208")))
    item8 = _grids(render_html(report))[3]
    assert ["信息内容", "本年收费金额（单位：万元）"] == _texts(item8)[1]
    assert ["行政事业性收费", "4068.208"] == _texts(item8)[2]


def test_money_is_never_printed_with_an_exponent():
    report = empty_report(FORMATS["2019"], agency="某县人民政府", year=2020)
    report.set("proactive.item9", "procurement", "amount", Cell(Decimal("2E+4"), unit="万元"))
    item9 = _grids(render_html(report))[4]
    assert "20000万元" == _texts(item9)[2][2]


def test_blank_cells_are_empty_and_marks_printed(filled):
    grids = _grids(render_html(filled))
    requests, appeals = grids[-2], grids[-1]
    withheld_process = next(row for row in _texts(requests) if row[2] == "6.属于四类过程性信息")
    assert "" == withheld_process[4]  # commercial: the blank of the conftest report
    assert "-" == _texts(appeals)[3][3]  # review × pending


def test_absent_rows_are_not_printed():
    report = empty_report(FORMATS["2019"], agency="某局", year=2020)
    del report.tables["proactive.item5"]["other_services"]
    item5 = _grids(render_html(report))[1]
    assert ["行政许可"] == [row[0] for row in _texts(item5)[2:]]


# --- section 三 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_requests_matrix_has_the_official_merged_header(make_filled, format_id):
    table = FORMATS[format_id].table("requests")
    grid = _grids(render_html(make_filled(format_id)))[-2]
    rows = _texts(grid)
    merged = [[c.merged for c in row] for row in grid.rows]
    # The corner holds the 勾稽 note over three label columns and three header rows.
    assert [table.corner] * 3 == rows[0][:3] == rows[1][:3] == rows[2][:3]
    assert [False, True, True] == merged[0][:3]
    assert all(merged[1][:3]) and all(merged[2][:3])
    groups = table.column("commercial").groups
    assert [groups[0]] * 7 == rows[0][3:]
    assert ["自然人", *[groups[1]] * 5, "总计"] == rows[1][3:]
    assert [c.label for c in table.columns] == rows[2][3:]
    assert [True, False, True] == [merged[2][3], merged[2][4], merged[2][9]]


@pytest.mark.parametrize("format_id, results_rows", [("2019", 20), ("2021", 22)])
def test_requests_row_groups_span_their_rows(make_filled, format_id, results_rows):
    table = FORMATS[format_id].table("requests")
    grid = _grids(render_html(make_filled(format_id)))[-2]
    body = grid.rows[3:]
    assert len(table.rows) == len(body)
    results = [row[0] for row in body if row[0].text == "三、本年度办理结果"]
    assert results_rows == len(results)
    assert [False] + [True] * (results_rows - 1) == [c.merged for c in results]
    for spec_row, row in zip(table.rows, body):
        # group labels in the first columns, the row's own label spread over the rest
        printed = [*spec_row.groups, spec_row.label]
        assert printed == [c.text for c in row[: len(printed)]]
        assert {spec_row.label} == {c.text for c in row[len(printed) - 1: 3]}


def test_requests_values_in_column_order(make_filled):
    report = make_filled("2021")
    grid = _grids(render_html(report))[-2]
    table = report.spec.table("requests")
    received = _texts(grid)[3]
    assert [str(report.value("requests", "received", c.id)) for c in table.columns] == received[3:]


# --- section 四 -----------------------------------------------------------------------------------


def test_appeals_two_level_header_and_one_row_of_fifteen(make_filled):
    report = make_filled("2019")
    table = report.spec.table("appeals")
    grid = _grids(render_html(report))[-1]
    rows = _texts(grid)
    assert 4 == len(rows) and {15} == {len(r) for r in rows}
    assert ["行政复议"] * 5 + ["行政诉讼"] * 10 == rows[0]
    labels = [c.label for c in table.columns]
    assert labels + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5 == rows[1]
    assert labels * 3 == rows[2]
    assert [True] * 5 == [c.merged for c in grid.rows[2][:5]]  # 复议's labels span two rows
    expected = [report.value("appeals", b.id, c.id) for b in table.rows for c in table.columns]
    assert ["" if v is None else str(v) for v in expected] == rows[3]


# --- findings -------------------------------------------------------------------------------------


def test_findings_are_listed_with_their_messages(filled):
    findings = [
        Finding("R1-balance", "error", "第一项加第二项之和应等于第三项加第四项之和（应为 5，实为 6）",
                "requests", None, "total"),
        Finding("R5-blank", "warning", "该单元格为空，格式要求填写 0", "requests", "withheld_process",
                "commercial"),
    ]
    page = render_html(filled, findings)
    lines = _lines(page)
    assert "检查发现的问题" in lines
    assert any("R1-balance" in line and "（应为 5，实为 6）" in line for line in lines)
    assert any("R5-blank" in line and "格式要求填写 0" in line for line in lines)
    assert 1 == page.count('class="flag-warning"')  # the blank cell is marked in the table


def test_no_findings_section_unless_findings_are_given(filled):
    assert "检查发现的问题" not in render_html(filled)
    assert "未发现问题。" in _lines(render_html(filled, []))


# --- round trip -----------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_round_trip_reads_back_the_same_report(make_filled, format_id):
    report = make_filled(format_id)
    back = parse_html(render_html(report), source="page.html")
    assert (report.format, report.agency, report.year) == (back.format, back.agency, back.year)
    assert _values(report) == _values(back)
    assert report.text == back.text


def test_round_trip_of_the_seed_report(seed_report):
    back = parse_html(render_html(seed_report), source="page.html")
    assert (seed_report.format, seed_report.agency, seed_report.year) == (back.format, back.agency, back.year)
    assert _values(seed_report) == _values(back)


def test_round_trip_keeps_money_2021_in_wanyuan():
    report = empty_report(FORMATS["2021"], agency="某县人民政府", year=2023)
    report.set("proactive.item8", "fees", "amount", Cell(Decimal("0.35")))
    back = parse_html(render_html(report), source="page.html")
    assert (Decimal("0.35"), "万元") == _values(back)[("proactive.item8", "fees", "amount")]
