"""The PDF reader: the three published PDFs of the corpus read exactly as their checked readings
(`tests/data/pdf/*.expected.json`, copied from corpus/expected/), tables cell by cell."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.errors import ParseError
from gongkai.parse.document import Grid, Line
from gongkai.parse.pdf import NO_TEXT_LAYER, parse_pdf, pdf_blocks
from gongkai.report import Cell, Report

DATA = Path(__file__).parent.parent / "data" / "pdf"
CASES = sorted(p.name.removesuffix(".pdf") for p in DATA.glob("*.pdf"))
TABLE_SECTIONS = ("proactive", "requests", "appeals")


def _read(case: str) -> tuple[bytes, dict]:
    data = (DATA / f"{case}.pdf").read_bytes()
    expected = json.loads((DATA / f"{case}.expected.json").read_text(encoding="utf-8"))
    return data, expected


def _expected_tables(expected: dict) -> dict[str, dict[str, dict]]:
    """The expected JSON's sections as the Report's table ids: `proactive.item1`, `requests`…"""
    tables: dict[str, dict[str, dict]] = {}
    for section in TABLE_SECTIONS:
        if section == "proactive":
            for item, rows in expected[section].items():
                tables[f"proactive.{item}"] = rows
        else:
            tables[section] = expected[section]
    return tables


def _expected_value(raw, kind: str):
    """Money is written as a string in the expected JSON ('7730.28'): compare it as Decimal."""
    if raw is None:
        return None
    return Decimal(str(raw)) if kind == "money" else raw


def differences(report: Report, expected: dict) -> list[str]:
    """Every cell where the report differs from the expected reading, as `table row col: want, got`.

    A row listed in `absent_rows` is not printed: it must be absent from the report (or blank).
    """
    absent = set(expected.get("absent_rows", ()))
    wanted = _expected_tables(expected)
    diffs = [f"table {t} not expected" for t in report.tables if t not in wanted]
    for table in report.spec.tables:
        rows = wanted.get(table.id)
        if rows is None:
            diffs.append(f"table {table.id} missing from the expected reading")
            continue
        for row in table.rows:
            if row.id in absent:
                got = report.tables.get(table.id, {}).get(row.id)
                if got and any(cell.value is not None for cell in got.values()):
                    diffs.append(f"{table.id} {row.id}: should be absent, got {got}")
                continue
            for column in table.columns:
                want = _expected_value(rows[row.id][column.id], column.kind)
                cell = report.cell(table.id, row.id, column.id)
                got = None if cell is None else cell.value
                # type too: 0 (a count) and Decimal("0") (money) and None (blank) must not pass for each other
                if cell is None or type(want) is not type(got) or want != got:
                    diffs.append(f"{table.id} {row.id} {column.id}: expected {want!r}, got {got!r}")
    return diffs


@pytest.mark.parametrize("case", CASES)
def test_pdf_reads_as_expected(case):
    """Format, agency, year and every table cell read as the checked reading."""
    data, expected = _read(case)
    report = parse_pdf(data, source=f"{case}.pdf")
    assert (expected["format"], expected["agency"], expected["year"]) == (
        report.format, report.agency, report.year)
    assert [] == differences(report, expected)


def test_three_cases_are_present():
    """The golden PDFs are in tests/data/pdf: an empty listing must not pass silently."""
    assert 3 == len(CASES)


def test_differences_reports_a_wrong_cell():
    """The comparison helper itself notices a changed cell and a wrongly printed absent row."""
    data, expected = _read("001_huaian-hongzequ_2023")
    report = parse_pdf(data, source="001.pdf")
    report.tables["requests"]["received"]["total"].value = 22
    report.tables["requests"]["other_fee_unpaid"] = {"total": Cell(5)}
    diffs = differences(report, expected)
    assert ["requests received total: expected 21, got 22",
            ] == [d for d in diffs if d.startswith("requests received")]
    assert any(d.startswith("requests other_fee_unpaid: should be absent") for d in diffs)


def _grids(case: str) -> list[Grid]:
    data, _ = _read(case)
    return [b for b in pdf_blocks(data, source=f"{case}.pdf") if isinstance(b, Grid)]


def _texts(row) -> list[str]:
    return [cell.text for cell in row]


def test_grid_shapes_003():
    """003 prints five ruled tables over pages 3–5, 三 split over pages 4 and 5 (two grids)."""
    shapes = [(g.location.page, len(g.rows), len(g.rows[0])) for g in _grids("003_huaian-shi_2024")]
    assert [(3, 8, 4), (4, 6, 2), (4, 16, 10), (5, 12, 10), (5, 4, 15)] == shapes


def test_requests_grid_003_first_data_row():
    """The 三 grid of 003: three header rows, then 一、本年新收… with its seven numbers."""
    requests = _grids("003_huaian-shi_2024")[2]
    assert 16 == len(requests.rows)
    first = requests.rows[3]
    assert ["一、本年新收政府信息公开申请数量"] * 3 + ["3001", "53", "0", "0", "61", "4", "3119"] == _texts(first)
    assert [False, True, True] + [False] * 7 == [cell.merged for cell in first]
    assert (4, 11) == (first[0].location.page, first[0].location.line)


def test_merged_cells_repeat_their_text_and_are_marked():
    """The caption row of item1 is one cell over four columns; wrapped header text is one label."""
    item1 = _grids("003_huaian-shi_2024")[0]
    assert ["第二十条第（一）项"] * 4 == _texts(item1.rows[0])
    assert [False, True, True, True] == [cell.merged for cell in item1.rows[0]]
    corner = _grids("003_huaian-shi_2024")[2].rows[0][0]
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" == corner.text


def test_row_at_a_page_break_is_kept():
    """001 page 3: the last row before the break has no bottom rule drawn, and is still a row."""
    requests = [g for g in _grids("001_huaian-hongzequ_2023") if g.location.page == 3][1]
    assert "2.没有现成信息需要另行制作" == requests.rows[-1][2].text
    assert ["3", "0", "0", "0", "0", "0", "3"] == _texts(requests.rows[-1])[3:]


def test_invisible_rectangles_make_no_grid():
    """Page 1 of 001 paints white boxes behind its paragraphs: no table, only lines."""
    data, _ = _read("001_huaian-hongzequ_2023")
    page1 = [b for b in pdf_blocks(data, source="001.pdf") if b.location.page == 1]
    assert all(isinstance(b, Line) for b in page1)
    assert ("洪泽区人民政府", "2023 年政府信息公开工作年度报告") == (page1[0].text, page1[1].text)


@pytest.mark.parametrize("case", CASES)
def test_page_footers_stay_outside_grids(case):
    """`- 3 -` is a line of its own, never a cell, and every page ends with its footer."""
    blocks = pdf_blocks(_read(case)[0], source=f"{case}.pdf")
    cells = [c.text for b in blocks if isinstance(b, Grid) for row in b.rows for c in row]
    assert not [t for t in cells if t.startswith("- ")]
    footers = [(b.location.page, b.text) for b in blocks if isinstance(b, Line) and b.text.startswith("- ")]
    pages = max(b.location.page for b in blocks)
    assert [(n, f"- {n} -") for n in range(1, pages + 1)] == footers


def test_garbage_bytes_raise_parse_error():
    with pytest.raises(ParseError) as info:
        pdf_blocks(b"\x00\x01 this is not a pdf", source="junk.pdf")
    assert "无法打开 PDF 文件" in info.value.message
    assert "junk.pdf" == info.value.location.source


def _pdf_without_text() -> bytes:
    """A one-page PDF that only paints a grey rectangle, like a scan has only its image."""
    content = b"0.5 g 50 50 200 300 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_without_text_layer_asks_for_ocr():
    """A scanned PDF cannot be read: the error says so, in Chinese, and names OCR."""
    with pytest.raises(ParseError) as info:
        parse_pdf(_pdf_without_text(), source="scan.pdf")
    assert NO_TEXT_LAYER == info.value.message
    assert "OCR" in info.value.message and "文字层" in info.value.message
