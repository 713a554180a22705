"""The .docx reader: body paragraphs and tables in document order, merged cells expanded to the
full grid with covered positions marked (gongkai.parse.document), and a clear Chinese error on
a file that is not a .docx."""
from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.errors import ParseError
from gongkai.parse.cells import parse_value
from gongkai.parse.document import Grid, Line
from gongkai.parse.docx import docx_blocks, parse_docx
from gongkai.render.docx import render_docx
from gongkai.report import Cell, empty_report
from gongkai.spec import FORMATS

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def make_docx(body: str) -> bytes:
    """A minimal .docx whose body is the given WordprocessingML."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
    return out.getvalue()


def p(text: str = "") -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" if text else "<w:p/>"


def tc(text: str = "", *, span: int = 1, vmerge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        props += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        props += "<w:vMerge/>"  # the bare form Word writes for a continuation
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def tbl(*rows: str) -> str:
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


def tr(*cells: str, before: int = 0) -> str:
    props = f'<w:trPr><w:gridBefore w:val="{before}"/></w:trPr>' if before else ""
    return f"<w:tr>{props}{''.join(cells)}</w:tr>"


def texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows]


def merged(grid: Grid) -> list[list[bool]]:
    return [[c.merged for c in row] for row in grid.rows]


# The section 三 header in miniature: a corner over two rows and two columns, a group over
# three columns, one label down two rows.
MERGES = tbl(
    tr(tc("角", span=2, vmerge="restart"), tc("申请人情况", span=3)),
    tr(tc(span=2, vmerge="continue"), tc("自然人", vmerge="restart"), tc("法人", span=2)),
    tr(tc("一、收"), tc("x"), tc(vmerge="continue"), tc("商业"), tc("科研")),
    tr(tc("1"), tc("2"), tc("3"), tc("4"), tc("5")),
)


def test_horizontal_and_vertical_merges_fill_the_grid_and_mark_covered_positions():
    [grid] = docx_blocks(make_docx(MERGES), source="m.docx")
    assert [
        ["角", "角", "申请人情况", "申请人情况", "申请人情况"],
        ["角", "角", "自然人", "法人", "法人"],
        ["一、收", "x", "自然人", "商业", "科研"],
        ["1", "2", "3", "4", "5"],
    ] == texts(grid)
    assert [
        [False, True, False, True, True],
        [True, True, False, False, True],
        [False, False, True, False, False],
        [False, False, False, False, False],
    ] == merged(grid)


def test_grid_before_and_short_rows_are_padded_with_empty_unmerged_positions():
    body = tbl(tr(tc("a"), tc("b"), tc("c")), tr(tc("d"), before=1), tr(tc("e")))
    [grid] = docx_blocks(make_docx(body), source="g.docx")
    assert [["a", "b", "c"], ["", "d", ""], ["e", "", ""]] == texts(grid)
    assert not any(any(row) for row in merged(grid))


def test_paragraphs_and_tables_come_in_document_order_with_locations():
    body = p("标题") + p() + tbl(tr(tc("a"), tc("b"))) + p("一、总体情况") + tbl(tr(tc("c"), tc("d")))
    blocks = docx_blocks(make_docx(body), source="o.docx")
    assert [Line, Grid, Line, Grid] == [type(b) for b in blocks]
    assert ["标题", "一、总体情况"] == [b.text for b in blocks if isinstance(b, Line)]
    # Empty paragraphs are not blocks but count in the paragraph number.
    assert [1, 3] == [b.location.line for b in blocks if isinstance(b, Line)]
    second = blocks[3]
    assert ("o.docx", "表2") == (second.location.source, second.location.table)
    cell = second.rows[0][1]
    assert ("o.docx", 1, "表2", "第2列") == (cell.location.source, cell.location.line, cell.location.table,
                                             cell.location.column)


def test_a_nested_table_follows_the_table_holding_it_and_stays_out_of_its_cell_text():
    inner = tbl(tr(tc("内1"), tc("内2")))
    outer = tbl(tr(f"<w:tc>{p('外')}{inner}</w:tc>", tc("b")), tr(tc("c"), tc("d")))
    blocks = docx_blocks(make_docx(outer), source="n.docx")
    assert [[["外", "b"], ["c", "d"]], [["内1", "内2"]]] == [texts(b) for b in blocks]
    assert ["表1", "表2"] == [b.location.table for b in blocks]


def test_a_one_cell_frame_table_is_read_through():
    framed = tbl(tr(f"<w:tc>{p('一、总体情况')}{tbl(tr(tc('a'), tc('b')))}{p('正文')}</w:tc>"))
    blocks = docx_blocks(make_docx(framed), source="f.docx")
    assert [Line, Grid, Line] == [type(b) for b in blocks]
    assert [["a", "b"]] == texts(blocks[1])


def test_cell_paragraphs_join_with_newlines_and_deleted_revisions_are_not_read():
    cell = (f"<w:tc>{p('（二）部分公开')}"
            "<w:p><w:r><w:t>（区分处理的）</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>增</w:t></w:r></w:ins></w:p></w:tc>")
    [grid] = docx_blocks(make_docx(tbl(tr(cell, tc("1")))), source="r.docx")
    assert "（二）部分公开\n（区分处理的）增" == grid.rows[0][0].text


def test_content_controls_are_looked_through():
    body = f"<w:sdt><w:sdtContent>{p('一、总体情况')}</w:sdtContent></w:sdt>"
    assert ["一、总体情况"] == [b.text for b in docx_blocks(make_docx(body), source="s.docx")]


@pytest.mark.parametrize("data, reason", [
    (b"not a word file", "不是 zip 压缩包"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "旧版 Word（.doc）"),
])
def test_bytes_that_are_not_a_docx_raise_parse_error_naming_the_file(data, reason):
    with pytest.raises(ParseError) as caught:
        docx_blocks(data, source="年报.docx")
    assert "年报.docx" in caught.value.message
    assert reason in caught.value.message
    assert "年报.docx" == caught.value.location.source


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return out.getvalue()


_PACKAGE = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS}


@pytest.mark.parametrize("data, reason", [
    (_zip(_PACKAGE), "缺少 Word 文档的组成部分"),  # no word/document.xml
    (_zip({"a.txt": "x"}), "缺少 Word 文档的组成部分"),
    (_zip({**_PACKAGE, "word/document.xml": "<w:document"}), "XML 损坏"),
    (make_docx(p("一、总体情况"))[:200], "文件不完整"),
])
def test_a_broken_docx_raises_parse_error_naming_the_file_and_the_fault(data, reason):
    with pytest.raises(ParseError) as caught:
        docx_blocks(data, source="坏.docx")
    assert "坏.docx" in caught.value.message
    assert reason in caught.value.message


def test_an_excel_file_is_named_as_such():
    import openpyxl

    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    with pytest.raises(ParseError) as caught:
        docx_blocks(out.getvalue(), source="表.xlsx")
    assert "这是一个 Excel 表格，不是 Word 文档" in caught.value.message


def test_parse_docx_reads_a_rendered_report():
    """The reader hands its blocks to the assembler: a report written by render_docx reads back."""
    spec = FORMATS["2021"]
    report = empty_report(spec, agency="某市人民政府办公室", year=2023)
    for n, (table, row, column) in enumerate(
            ((t.id, r.id, c.id) for t in spec.tables for r in t.rows for c in t.columns), start=1):
        report.set(table, row, column, Cell(n))
    back = parse_docx(render_docx(report), source="rt.docx")
    assert ("2021", "某市人民政府办公室", 2023) == (back.format, back.agency, back.year)
    cells = [(t.id, r.id, c.id) for t in spec.tables for r in t.rows for c in t.columns]
    assert [report.value(*k) for k in cells] == [back.value(*k) for k in cells]
    assert "rt.docx" == back.source


DATA = Path(__file__).parent.parent / "data" / "docx"


def _expected_cells(path: Path) -> dict:
    """The expected JSON's tables as (table, row, column) -> value, money normalised to 万元."""
    data = json.loads(path.read_text(encoding="utf-8"))
    spec = FORMATS[data["format"]]
    cells = {}
    for table in spec.tables:
        section, _, item = table.id.partition(".")
        rows = data[section][item] if item else data[section]
        for row in table.rows:
            for column in table.columns:
                raw = rows[row.id][column.id]
                cells[(table.id, row.id, column.id)] = (
                    parse_value(raw, kind=column.kind)[0] if isinstance(raw, str) else raw)
    return cells


def test_a_real_report_laid_out_in_word_reads_as_its_expected_json():
    """Corpus 014 (vMerge/gridSpan headers, misaligned colspans in 二, empty cells) as a .docx."""
    name = "014_shanghai-shizhengfu-bangongting_2019"
    report = parse_docx((DATA / f"{name}.docx").read_bytes(), source=f"{name}.docx")
    expected = _expected_cells(DATA / f"{name}.expected.json")
    assert ("2019", 2019) == (report.format, report.year)
    assert expected == {key: report.value(*key) for key in expected}
    assert Decimal("25.1") == report.value("proactive.item9", "procurement", "amount")
