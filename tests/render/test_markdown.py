"""The Markdown writer: every cell lands in its row and column, labels come from the spec,
and the seed report renders exactly as `tests/data/render/fixture.md` (GONGKAI_REGEN=1 rewrites it)."""
from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

from gongkai.errors import Finding
from gongkai.render.markdown import render_markdown
from gongkai.report import Report

GOLDEN = Path(__file__).parent.parent / "data" / "render" / "fixture.md"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip()[1:-1].split("|")]


def parse_tables(markdown: str) -> list[dict]:
    """The GitHub tables of a document, each with the section heading, the bold caption and the
    line of text above it."""
    tables, section, caption, above = [], None, None, None
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            block = []
            while i < len(lines) and lines[i].startswith("|"):
                block.append(_cells(lines[i]))
                i += 1
            assert set(block[1]) == {"---"}, block[1]
            tables.append({"section": section, "caption": caption, "above": above,
                           "header": block[0], "rows": block[2:]})
            continue
        if line.startswith("## "):
            section, caption = line[3:], None
        elif line.startswith("**") and line.endswith("**"):
            caption = line[2:-2]
        if line.strip():
            above = line
        i += 1
    return tables


def shown(report: Report, table_id: str, row_id: str, column_id: str) -> str:
    """What the cell should read: blank empty, marks as printed, money with the unit the
    body wrote when the header names none."""
    cell = report.cell(table_id, row_id, column_id)
    if cell.value is None:
        return ""
    text = str(cell.value)
    header_unit = report.spec.table(table_id).column(column_id).unit
    return text + (cell.unit if cell.unit and not header_unit else "")


def _path(item) -> str:
    return " · ".join((*item.groups, item.label))


def test_title_and_section_headings_in_order(filled):
    lines = render_markdown(filled).splitlines()
    assert "# 某县人民政府" + f"{filled.year}年政府信息公开工作年度报告" == lines[0]
    assert [s.heading for s in filled.spec.sections] == [line[3:] for line in lines if line.startswith("## ")]


def test_text_sections_are_paragraphs_under_their_heading(filled):
    markdown = render_markdown(filled)
    assert "## 一、总体情况\n\n（一）主动公开情况。第一段。\n\n（二）依申请公开情况。第二段。\n\n## 二、" in markdown
    assert "## 五、存在的主要问题及改进情况\n\n存在的问题。\n\n## 六、其他需要报告的事项\n\n未收取信息处理费。\n" \
        in markdown


def test_proactive_tables_hold_every_cell(filled):
    tables = [t for t in parse_tables(render_markdown(filled)) if t["section"] == "二、主动公开政府信息情况"]
    specs = [t for t in filled.spec.tables if t.id.startswith("proactive.")]
    assert [s.caption for s in specs] == [t["caption"] for t in tables]
    for spec, table in zip(specs, tables):
        assert ["信息内容", *(c.label for c in spec.columns)] == table["header"]
        assert [r.label for r in spec.rows] == [row[0] for row in table["rows"]]
        for row, printed in zip(spec.rows, table["rows"]):
            assert [shown(filled, spec.id, row.id, c.id) for c in spec.columns] == printed[1:]


def test_money_is_printed_with_the_unit_the_header_lacks(filled):
    tables = {t["caption"]: t for t in parse_tables(render_markdown(filled)) if t["caption"]}
    if filled.format == "2019":
        assert ["政府集中采购", str(filled.value("proactive.item9", "procurement", "projects")),
                "21533.5万元"] == tables["第二十条第（九）项"]["rows"][0]
        assert "-1" == tables["第二十条第（八）项"]["rows"][0][2]
    else:
        assert ["行政事业性收费", "4068.208"] == tables["第二十条第（八）项"]["rows"][0]
        assert "本年收费金额（单位：万元）" == tables["第二十条第（八）项"]["header"][1]


def test_requests_matrix_has_row_paths_note_and_every_cell(filled):
    spec = filled.spec.table("requests")
    (table,) = [t for t in parse_tables(render_markdown(filled)) if t["section"] == "三、收到和处理政府信息公开申请情况"]
    assert spec.corner == table["above"]
    assert ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"] == table["header"]
    assert [_path(r) for r in spec.rows] == [row[0] for row in table["rows"]]
    assert "三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密" in [row[0] for row in table["rows"]]
    printed = {row[0]: dict(zip(table["header"][1:], row[1:])) for row in table["rows"]}
    for row in spec.rows:
        for column in spec.columns:
            assert shown(filled, "requests", row.id, column.id) == printed[_path(row)][column.label]
    assert "" == printed["三、本年度办理结果 · （三）不予公开 · 6.属于四类过程性信息"]["商业企业"]


def test_appeals_has_fifteen_values_under_block_and_column(filled):
    spec = filled.spec.table("appeals")
    (table,) = [t for t in parse_tables(render_markdown(filled)) if t["section"].startswith("四、")]
    expected_header = [f"{_path(r)} · {c.label}" for r in spec.rows for c in spec.columns]
    assert expected_header == table["header"]
    assert 15 == len(table["header"])
    assert "行政诉讼 · 未经复议直接起诉 · 结果纠正" in table["header"]
    assert [[shown(filled, "appeals", r.id, c.id) for r in spec.rows for c in spec.columns]] == table["rows"]
    assert "-" == dict(zip(table["header"], table["rows"][0]))["行政复议 · 尚未审结"]


def test_absent_rows_are_left_out(make_filled):
    report = make_filled("2021")
    del report.tables["requests"]["other_no_correction"]
    labels = [row[0] for t in parse_tables(render_markdown(report)) for row in t["rows"]]
    assert not any("1.申请人无正当理由逾期不补正" in label for label in labels)
    assert "三、本年度办理结果 · （六）其他处理 · 3.其他" in labels


def test_findings_are_listed_at_the_end(filled):
    finding = Finding("R1-balance", "error", "第一项加第二项之和应等于第三项加第四项之和（应为 5，实为 3）",
                      table="requests", column="total")
    markdown = render_markdown(filled, [finding])
    assert markdown.endswith(
        "## 检查发现的问题\n\n- 错误 R1-balance（requests / total）："
        "第一项加第二项之和应等于第三项加第四项之和（应为 5，实为 3）\n")
    assert "检查发现的问题" not in render_markdown(filled)
    assert render_markdown(filled, []).endswith("## 检查发现的问题\n\n未发现问题。\n")


def test_seed_report_matches_golden_file(seed_report):
    assert Decimal("21533.5") == seed_report.value("proactive.item9", "procurement", "amount")
    markdown = render_markdown(seed_report)
    if os.environ.get("GONGKAI_REGEN") == "1":
        GOLDEN.write_text(markdown, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == markdown


def test_a_report_without_appeals_keeps_the_heading_only(make_filled):
    report = make_filled("2021")
    del report.tables["appeals"]
    markdown = render_markdown(report)
    assert "## 四、政府信息公开行政复议、行政诉讼情况\n\n## 五、" in markdown
    assert not [t for t in parse_tables(markdown) if t["section"].startswith("四、")]
