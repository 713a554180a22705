"""The PDF reader: tables are found from their ruling lines, merged cells expanded, the rest of the
page read as lines; the three published PDFs of the corpus (corpus/pdf/) read exactly as their
checked readings (corpus/expected/00{1,2,3}_*.json), table by table and cell by cell."""
from __future__ import annotations

import io

import pdfplumber
import pytest

from gongkai.errors import ParseError
from gongkai.parse.document import Grid, Line
from gongkai.parse.pdf import NO_TEXT_LAYER, NOT_A_PDF, parse_pdf, pdf_blocks
from tests.expected import CORPUS, differences, load_expected

CASES = ("001_huaian-hongzequ_2023", "002_huaian-hongzequ_2024", "003_huaian-shi_2024")


def _pdf(case: str) -> bytes:
    return (CORPUS / "pdf" / f"{case}.pdf").read_bytes()


@pytest.mark.parametrize("case", CASES)
def test_pdf_reads_as_expected(case):
    """Format, agency, year and every table cell read as the checked reading; a row the report
    does not print (`absent_rows`: 001 and 002 print the 2019 single （六）其他处理 row) is absent."""
    expected = load_expected(CORPUS / "expected" / f"{case}.json")
    report = parse_pdf(_pdf(case), source=f"{case}.pdf")
    assert (expected["format"], expected["agency"], expected["year"]) == (
        report.format, report.agency, report.year)
    assert [] == differences(report, expected)
    assert [] == [row for row in expected.get("absent_rows", ()) if not report.is_absent("requests", row)]


def _grids(case: str) -> list[Grid]:
    return [b for b in pdf_blocks(_pdf(case), source=f"{case}.pdf") if isinstance(b, Grid)]


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
    page1 = [b for b in pdf_blocks(_pdf(CASES[0]), source="001.pdf") if b.location.page == 1]
    assert all(isinstance(b, Line) for b in page1)
    assert ("洪泽区人民政府", "2023 年政府信息公开工作年度报告") == (page1[0].text, page1[1].text)


@pytest.mark.parametrize("case", CASES)
def test_page_footers_stay_outside_grids(case):
    """`- 3 -` is a line of its own, never a cell, and every page ends with its footer."""
    blocks = pdf_blocks(_pdf(case), source=f"{case}.pdf")
    cells = [c.text for b in blocks if isinstance(b, Grid) for row in b.rows for c in row]
    assert not [t for t in cells if t.startswith("- ")]
    footers = [(b.location.page, b.text) for b in blocks if isinstance(b, Line) and b.text.startswith("- ")]
    pages = max(b.location.page for b in blocks)
    assert [(n, f"- {n} -") for n in range(1, pages + 1)] == footers


@pytest.mark.parametrize("data", [b"\x00\x01 this is not a pdf", b"%PDF-1.4\n1 0 obj\n<< /Type"],
                         ids=["garbage", "truncated"])
def test_bytes_that_are_no_pdf_raise_parse_error(data):
    """Garbage or a cut-off download: a ParseError naming the file, never pdfminer's own error."""
    with pytest.raises(ParseError) as info:
        parse_pdf(data, source="junk.pdf")
    assert (NOT_A_PDF, "junk.pdf") == (info.value.message, info.value.location.source)


def _scan(*, footer: bool) -> bytes:
    """A one-page PDF that only paints a grey rectangle, as a scan has only its image; with
    `footer`, a page number typed over it, as some publishing systems add to scans."""
    content = b"0.5 g 50 50 200 300 re f" + (b" BT /F1 10 Tf 280 30 Td (- 1 -) Tj ET" if footer else b"")
    font = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources %s >>" % font,
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


@pytest.mark.parametrize("footer", [False, True], ids=["image-only", "page-number-only"])
def test_pdf_without_text_layer_asks_for_ocr(footer):
    """A scanned PDF cannot be read: the error says so, in Chinese, and names OCR."""
    with pytest.raises(ParseError) as info:
        parse_pdf(_scan(footer=footer), source="scan.pdf")
    assert NO_TEXT_LAYER == info.value.message
    assert "OCR" in info.value.message and "文字层" in info.value.message
    assert "scan.pdf" == info.value.location.source


def test_scan_footer_is_real_text():
    """The page-number scan above does carry text (so the OCR test is about too little text)."""
    with pdfplumber.open(io.BytesIO(_scan(footer=True))) as pdf:
        assert "- 1 -" == pdf.pages[0].extract_text()
