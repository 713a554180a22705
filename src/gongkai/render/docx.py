"""Write an annual report as a Word .docx in the layout of the national format.

Every label, caption, heading and header comes from the report's spec (`report.spec`): this
module knows only how the national format arranges them:

- section 二: one small table per 条例 第二十条 item — a caption row across the table, a header
  row starting with the spec's `row_header` (信息内容), then the data rows;
- section 三: one matrix — the corner cell (the 勾稽 note) over the header rows and the label
  columns; column headers nested by `ColumnSpec.groups` (申请人情况 over seven columns,
  法人或其他组织 over five, 自然人 and 总计 down to the last header row); row labels nested by
  `RowSpec.groups` (三、本年度办理结果 down its rows, （三）不予公开 down its items, a row
  without groups across all label columns);
- section 四: blocks (the table's rows) across, nested by their groups (行政复议 | 行政诉讼 →
  未经复议直接起诉 / 复议后起诉), the five columns under each block, one row of numbers.

A row absent from `report.tables` (not printed) is left out, so reading the file back gives
the same report; a printed blank (value None) is written as an empty cell.
"""
from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

import docx
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

from gongkai.errors import Finding
from gongkai.report import TEXT_SECTIONS, Cell, Report
from gongkai.spec import ColumnSpec, TableSpec

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
FLAG_FILL = "FFD7D7"  # light red behind cells a finding names
TEXT_WIDTH_CM = 15.8  # A4 less 2.6 cm margins each side


@dataclass(frozen=True)
class _Place:
    """One printed cell of a table: its top-left grid position, its spans and its text."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    role: str = "head"  # head | label | value
    flagged: bool = False


@dataclass(frozen=True)
class _Layout:
    rows: int
    cols: int
    places: tuple[_Place, ...]
    widths: tuple[float, ...]  # cm per grid column


# --- values ------------------------------------------------------------------------------


def _number_text(value) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")  # never 2.15E+4
    return str(value)


def value_text(cell: Cell | None, column: ColumnSpec) -> str:
    """What to print for a cell: blank for None, marks as printed, money with its unit when
    the header does not carry one (2019 format: `21533.5万元`).

    >>> from gongkai.spec import FORMATS
    >>> item9 = FORMATS["2019"].table("proactive.item9")
    >>> value_text(Cell(Decimal("21533.5"), unit="万元"), item9.column("amount"))
    '21533.5万元'
    >>> item8 = FORMATS["2021"].table("proactive.item8")
    >>> value_text(Cell(Decimal("4068.208"), unit="万元"), item8.column("amount"))
    '4068.208'
    >>> value_text(Cell(None), item9.column("projects"))
    ''
    """
    if cell is None or cell.value is None:
        return ""
    if isinstance(cell.value, str):
        return cell.value
    text = _number_text(cell.value)
    if column.kind == "money" and cell.unit and not column.unit:
        text += cell.unit
    return text


# --- layouts -----------------------------------------------------------------------------


def _spans(paths: Sequence[tuple[str, ...]], depth: int) -> Iterator[tuple[int, int, int, int, str]]:
    """Header cells for nested labels: (level, start, length, depth_span, text).

    A group at a level covers the run of neighbours that share it; a label that ends before
    the last level reaches down to it (自然人 under 申请人情况 spans two header rows).
    """
    for level in range(depth):
        i = 0
        while i < len(paths):
            path = paths[i]
            if len(path) <= level:
                i += 1
                continue
            j = i + 1
            if len(path) > level + 1:  # a group: take every neighbour under the same group
                while (j < len(paths) and len(paths[j]) > level + 1
                       and paths[j][:level + 1] == path[:level + 1]):
                    j += 1
            down = depth - level if len(path) == level + 1 else 1
            yield level, i, j - i, down, path[level]
            i = j


def _column_heads(paths, *, top: int, left: int) -> list[_Place]:
    depth = max(map(len, paths), default=0)
    return [_Place(top + level, left + start, text, rowspan=down, colspan=length)
            for level, start, length, down, text in _spans(paths, depth)]


def _row_labels(paths, *, top: int, left: int) -> list[_Place]:
    depth = max(map(len, paths), default=0)
    return [_Place(top + start, left + level, text, rowspan=length, colspan=down,
                   role="label" if level + down == depth else "head")  # groups centred, leaves left
            for level, start, length, down, text in _spans(paths, depth)]


def _widths(label_widths: Sequence[float], value_columns: int) -> tuple[float, ...]:
    rest = max(TEXT_WIDTH_CM - sum(label_widths), 1.0 * value_columns)
    return (*label_widths, *([round(rest / value_columns, 2)] * value_columns))


class _Flags:
    """Which cells the findings name: a cell, a whole row (R3, R4) or a whole column (R1, R2)."""

    def __init__(self, findings: Sequence[Finding] | None):
        self._keys = {(f.table, f.row, f.column) for f in findings or () if f.table}

    def __call__(self, table: str, row: str, column: str) -> bool:
        return bool({(table, row, column), (table, row, None), (table, None, column)} & self._keys)


def _printed_rows(report: Report, table: TableSpec):
    rows = report.tables.get(table.id, {})
    return [r for r in table.rows if r.id in rows]


def _item_layout(report: Report, table: TableSpec, flags: _Flags) -> _Layout | None:
    """Section 二: caption row, header row (信息内容 + columns), data rows."""
    rows = _printed_rows(report, table)
    if not rows:
        return None
    cols = len(table.columns) + 1
    paths = [(*c.groups, c.label) for c in table.columns]
    depth = max(map(len, paths))  # header rows: one, unless a column has groups
    heads = _column_heads(paths, top=1, left=1)
    places = [_Place(0, 0, table.caption or "", colspan=cols),
              _Place(1, 0, table.row_header or "", rowspan=depth), *heads]
    for i, row in enumerate(rows, start=1 + depth):
        places.append(_Place(i, 0, row.label, role="label"))
        places.extend(
            _Place(i, j, value_text(report.cell(table.id, row.id, c.id), c), role="value",
                   flagged=flags(table.id, row.id, c.id))
            for j, c in enumerate(table.columns, start=1))
    return _Layout(1 + depth + len(rows), cols, tuple(places), _widths((4.6,), len(table.columns)))


def _matrix_layout(report: Report, table: TableSpec, flags: _Flags) -> _Layout | None:
    """Section 三: corner note, nested column headers, nested row labels, the numbers."""
    rows = _printed_rows(report, table)
    if not rows:
        return None
    col_paths = [(*c.groups, c.label) for c in table.columns]
    row_paths = [(*r.groups, r.label) for r in rows]
    depth = max(map(len, col_paths))
    label_cols = max(map(len, row_paths))
    places = [_Place(0, 0, table.corner or "", rowspan=depth, colspan=label_cols),
              *_column_heads(col_paths, top=0, left=label_cols),
              *_row_labels(row_paths, top=depth, left=0)]
    for i, row in enumerate(rows, start=depth):
        places.extend(
            _Place(i, j, value_text(report.cell(table.id, row.id, c.id), c), role="value",
                   flagged=flags(table.id, row.id, c.id))
            for j, c in enumerate(table.columns, start=label_cols))
    # The outermost label column holds 三、本年度办理结果 printed down a narrow strip.
    label_widths = (1.2, 2.2, 4.4)[-label_cols:] if label_cols <= 3 else (1.2,) * label_cols
    return _Layout(depth + len(rows), label_cols + len(table.columns), tuple(places),
                   _widths(label_widths, len(table.columns)))


def _blocks_layout(report: Report, table: TableSpec, flags: _Flags) -> _Layout | None:
    """Section 四: the table's rows are blocks printed side by side, one row of numbers."""
    blocks = _printed_rows(report, table)
    if not blocks:
        return None
    paths = [(*b.groups, b.label, c.label) for b in blocks for c in table.columns]
    heads = _column_heads(paths, top=0, left=0)
    depth = max(map(len, paths))
    values = [
        _Place(depth, k, value_text(report.cell(table.id, b.id, c.id), c), role="value",
               flagged=flags(table.id, b.id, c.id))
        for k, (b, c) in enumerate((b, c) for b in blocks for c in table.columns)
    ]
    return _Layout(depth + 1, len(paths), (*heads, *values), _widths((), len(paths)))


_LAYOUTS = {"requests": _matrix_layout, "appeals": _blocks_layout}


# --- writing -----------------------------------------------------------------------------


def _set_fonts(element, east_asia: str) -> None:
    """Latin text in Times New Roman, Chinese in `east_asia` (w:eastAsia is what Word uses
    for CJK characters; w:ascii alone leaves them to a default font)."""

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attr, name in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:eastAsia", east_asia),
                       ("w:cs", LATIN_FONT)):
        fonts.set(qn(attr), name)


def _run(paragraph, text: str, *, font: str = BODY_FONT, size: float = 12, bold: bool = False):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold or None  # inherit rather than write w:b=0 everywhere
    _set_fonts(run._r, font)
    return run


def _setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    normal = document.styles["Normal"]
    normal.font.size = Pt(12)
    _set_fonts(normal.element, BODY_FONT)
    r_pr = normal.element.get_or_add_rPr()
    r_pr.append(r_pr.makeelement(qn("w:lang"), {qn("w:eastAsia"): "zh-CN"}))  # CJK line breaking


def _heading(document, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(32)
    _run(paragraph, text, font=HEADING_FONT, size=14)


def _text(document, text: str) -> None:
    for line in (s.strip() for s in text.splitlines()):
        if line:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.first_line_indent = Pt(24)  # two characters
            _run(paragraph, line)


def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = tc_pr.makeelement(qn("w:shd"), {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill})
    # CT_TcPr is a sequence: w:shd goes before w:vAlign and what follows it.
    tc_pr.insert_element_before(shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign",
                                "w:hideMark", "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge",
                                "w:tcPrChange")


def _merge(grid: list[list], place: _Place) -> None:
    """Merge the place's rectangle in Word's own terms: w:gridSpan on the first cell of each
    row (the cells it covers are removed), w:vMerge restart/continue down the rows.

    NOTE: done on the XML directly: python-docx's `_Cell.merge` re-walks the whole table on
    every call, which made a report take seconds to write.
    """
    for r in range(place.row, place.row + place.rowspan):
        first = grid[r][place.col]
        if place.colspan > 1:
            first.grid_span = place.colspan
            for covered in grid[r][place.col + 1:place.col + place.colspan]:
                covered.getparent().remove(covered)
        if place.rowspan > 1:
            first.vMerge = "restart" if r == place.row else "continue"


def _write_table(document, layout: _Layout) -> None:
    table = document.add_table(rows=layout.rows, cols=layout.cols)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, layout.widths):
        column.width = Cm(width)  # w:gridCol, which LibreOffice follows
    grid = [list(tr.tc_lst) for tr in table._tbl.tr_lst]
    for place in layout.places:
        _merge(grid, place)
        width = Cm(sum(layout.widths[place.col:place.col + place.colspan]))
        for r in range(place.row, place.row + place.rowspan):
            _Cell(grid[r][place.col], table).width = width  # w:tcW, which Word follows
        cell = _Cell(grid[place.row][place.col], table)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if place.role == "label" else WD_ALIGN_PARAGRAPH.CENTER
        if place.text:
            _run(paragraph, place.text, size=10.5)
        if place.flagged:
            _shade(cell, FLAG_FILL)
    document.add_paragraph()  # keeps neighbouring tables apart: Word joins touching tables


def title(report: Report) -> str:
    """`{agency}{year}年政府信息公开工作年度报告`, leaving out what the report does not know."""
    year = f"{report.year}年" if report.year is not None else ""
    return f"{report.agency or ''}{year}政府信息公开工作年度报告"


def render_docx(report: Report, findings: Sequence[Finding] | None = None) -> bytes:
    """The report as .docx bytes in the national layout.

    Args:
        report: the report; its format's spec supplies every label.
        findings: cells these name (a cell, a row or a column of a table) are shaded light red.
    Returns:
        The bytes of a .docx file.

    >>> from gongkai.report import empty_report
    >>> from gongkai.spec import FORMATS
    >>> render_docx(empty_report(FORMATS["2021"], agency="某县人民政府", year=2022))[:2]
    b'PK'
    """
    document = docx.Document()
    _setup(document)
    document.core_properties.title = title(report)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(heading, title(report), size=18, bold=True)
    flags = _Flags(findings)
    for section in report.spec.sections:
        _heading(document, section.heading)
        if section.id in TEXT_SECTIONS:
            _text(document, report.text.get(section.id, ""))
        for table in section.tables:
            layout = _LAYOUTS.get(table.short_id, _item_layout)(report, table, flags)
            if layout is not None:
                _write_table(document, layout)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = ["render_docx", "value_text", "title"]
