"""The .docx writer: the national layout from the spec objects, read back by the .docx reader
to the same report (format, agency, year, every cell, text)."""
from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from gongkai.errors import Finding
from gongkai.parse.document import Grid, Line
from gongkai.parse.docx import docx_blocks, parse_docx
from gongkai.render.docx import render_docx, title
from gongkai.report import Report


def _cells(report: Report) -> dict:
    """Every cell as (value, unit), with None for a row not printed."""
    return {
        (t.id, r.id, c.id): (None, None) if report.is_absent(t.id, r.id)
        else (report.value(t.id, r.id, c.id), report.cell(t.id, r.id, c.id).unit)
        for t in report.spec.tables for r in t.rows for c in t.columns
    }


def _grids(report: Report) -> list[Grid]:
    return [b for b in docx_blocks(render_docx(report), source="r.docx") if isinstance(b, Grid)]


def _grid_for(report: Report, table_id: str) -> Grid:
    """The grid of one spec table: the writer prints the tables in spec order, one grid each."""
    ids = [t.id for t in report.spec.tables]
    return _grids(report)[ids.index(table_id)]


def test_round_trip_keeps_format_agency_year_every_cell_and_text(filled):
    back = parse_docx(render_docx(filled), source="filled.docx")
    assert (filled.format, filled.agency, filled.year) == (back.format, back.agency, back.year)
    assert _cells(filled) == _cells(back)
    assert filled.text == back.text
    assert [] == back.layout_findings


def test_round_trip_of_the_seed_report_keeps_its_blank_and_its_money(seed_report):
    back = parse_docx(render_docx(seed_report), source="seed.docx")
    assert ("2019", "乌鲁木齐县人民政府", 2020) == (back.format, back.agency, back.year)
    assert _cells(seed_report) == _cells(back)
    assert back.value("requests", "withheld_process", "commercial") is None
    assert 3 == back.value("requests", "handled_total", "total")


def test_the_title_and_the_six_headings_come_from_the_report_and_its_spec(filled):
    lines = [b.text for b in docx_blocks(render_docx(filled), source="r.docx") if isinstance(b, Line)]
    assert f"{filled.agency}{filled.year}年政府信息公开工作年度报告" == lines[0] == title(filled)
    assert [s.heading for s in filled.spec.sections] == [h for h in lines if h in
                                                          {s.heading for s in filled.spec.sections}]


def test_the_requests_matrix_has_the_official_header(filled):
    table = filled.spec.table("requests")
    grid = _grid_for(filled, "requests")
    top = grid.rows[:3]
    # The corner (勾稽 note) covers the three header rows and the three label columns.
    assert {table.corner} == {c.text for row in top for c in row[:3]}
    assert [False, True, True] == [c.merged for c in top[0][:3]]
    assert all(c.merged for row in top[1:] for c in row[:3])
    applicants, organisations = table.column("natural_person").groups[0], table.column("commercial").groups[1]
    assert [applicants] * 7 == [c.text for c in top[0][3:]]
    assert [table.column("natural_person").label, *[organisations] * 5, table.column("total").label] \
        == [c.text for c in top[1][3:]]
    assert [c.label for c in table.columns] == [c.text for c in top[2][3:]]
    # 自然人 and 总计 reach down over the last header row; 法人或其他组织 spans five columns.
    assert [True, False, False, False, False, False, True] == [c.merged for c in top[2][3:]]
    assert [False, False, True, True, True, True, False] == [c.merged for c in top[1][3:]]


def test_the_requests_rows_carry_their_groups_in_the_label_columns(filled):
    table = filled.spec.table("requests")
    body = _grid_for(filled, "requests").rows[3:]
    assert len(table.rows) == len(body)
    for row, printed in zip(table.rows, body):
        path = (*row.groups, row.label)
        # A short path reaches across the remaining label columns.
        assert list(path) + [path[-1]] * (3 - len(path)) == [c.text for c in printed[:3]]
    results = table.row("granted").groups[0]
    firsts = [printed[0] for printed, row in zip(body, table.rows) if row.groups[:1] == (results,)]
    # 三、本年度办理结果 is one cell down all its rows.
    assert [False] + [True] * (len(firsts) - 1) == [c.merged for c in firsts]


def test_the_appeals_table_has_two_header_levels_over_fifteen_numbers(filled):
    table = filled.spec.table("appeals")
    grid = _grid_for(filled, "appeals")
    assert 4 == len(grid.rows) and all(15 == len(row) for row in grid.rows)
    review, direct, after = table.rows
    suit = direct.groups[0]
    assert [review.label] * 5 + [suit] * 10 == [c.text for c in grid.rows[0]]
    labels = [c.label for c in table.columns]
    assert labels + [direct.label] * 5 + [after.label] * 5 == [c.text for c in grid.rows[1]]
    assert labels * 3 == [c.text for c in grid.rows[2]]
    assert [True] * 5 + [False] * 10 == [c.merged for c in grid.rows[2]]  # 行政复议's labels span down
    numbers = [filled.value("appeals", b.id, c.id) for b in table.rows for c in table.columns]
    assert ["" if v is None else str(v) for v in numbers] == [c.text for c in grid.rows[3]]


def test_section_two_tables_have_caption_header_and_data_rows(filled):
    tables = filled.spec.section("proactive").tables
    for table, grid in zip(tables, _grids(filled)):
        width = 1 + len(table.columns)
        assert [table.caption] * width == [c.text for c in grid.rows[0]]
        assert [table.row_header, *(c.label for c in table.columns)] == [c.text for c in grid.rows[1]]
        assert [r.label for r in table.rows] == [row[0].text for row in grid.rows[2:]]


@pytest.mark.parametrize("format_id, where, printed", [
    ("2019", ("proactive.item9", "procurement", "amount"), "21533.5万元"),  # no unit in the header
    ("2021", ("proactive.item8", "fees", "amount"), "4068.208"),  # the header carries 万元
])
def test_money_is_written_with_its_unit_only_when_the_header_has_none(make_filled, format_id, where, printed):
    report = make_filled(format_id)
    table = report.spec.table(where[0])
    grid = _grid_for(report, where[0])
    row = 2 + [r.id for r in table.rows].index(where[1])
    column = 1 + [c.id for c in table.columns].index(where[2])
    assert printed == grid.rows[row][column].text


def test_a_blank_cell_is_written_empty_and_a_mark_as_printed(make_filled):
    report = make_filled("2021")
    table = report.spec.table("requests")
    grid = _grid_for(report, "requests")
    row = 3 + [r.id for r in table.rows].index("withheld_process")
    column = 3 + [c.id for c in table.columns].index("commercial")
    assert "" == grid.rows[row][column].text
    assert "-" in [c.text for c in _grid_for(report, "appeals").rows[3]]


def test_a_row_not_printed_stays_absent_after_the_round_trip(make_filled):
    report = make_filled("2021")
    for row in ("other_no_correction", "other_fee_unpaid"):
        del report.tables["requests"][row]
    back = parse_docx(render_docx(report), source="absent.docx")
    assert back.is_absent("requests", "other_no_correction")
    assert back.is_absent("requests", "other_fee_unpaid")
    assert _cells(report) == _cells(back)


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_cells_a_finding_names_are_shaded_and_no_others(make_filled):
    report = make_filled("2021")
    finding = Finding("R3-row-total", "error", "总计不等于各列之和", table="requests", row="handled_total")
    plain, flagged = _document_xml(render_docx(report)), _document_xml(render_docx(report, [finding]))
    assert "w:shd" not in plain
    assert len(report.spec.table("requests").columns) == flagged.count('w:fill="FFD7D7"')


def test_chinese_text_has_an_east_asian_font_and_tables_have_borders(make_filled):
    xml = _document_xml(render_docx(make_filled("2019")))
    assert 'w:eastAsia="宋体"' in xml
    assert 5 + 2 == xml.count('<w:tblStyle w:val="TableGrid"/>')  # five item tables, 三, 四


def test_decimal_money_is_never_written_in_exponent_form(make_filled):
    report = make_filled("2021")
    report.tables["proactive.item8"]["fees"]["amount"].value = Decimal("2E+4")
    assert "20000" == _grid_for(report, "proactive.item8").rows[2][1].text
