"""The annual report as an Excel workbook.

Sheet `年报` lays the report out as the national format prints it: merged header cells over
section 三 (the 勾稽 note in the corner, 申请人情况 over seven columns, 法人或其他组织 over
five) and its grouped row labels, and section 四's blocks over their five columns. Sheet `数据`
holds the same cells in long form for pivoting, and sheet `问题` the findings when given.
Numbers stay numbers (money as Decimal with a number format that shows its printed decimals
and, in format 2019, the unit the body wrote in the cell); labels come from the spec.
"""
from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.errors import Finding
from gongkai.render.csv import cell_unit, iter_cells
from gongkai.render.markdown import label_path, title
from gongkai.report import Cell, Report
from gongkai.spec import ColumnSpec, RowSpec, SectionSpec, TableSpec

REPORT_SHEET = "年报"
DATA_SHEET = "数据"
FINDINGS_SHEET = "问题"
DATA_FIELDS = ("table", "row", "column", "row_label", "column_label", "value", "unit")
FINDING_FIELDS = ("rule", "severity", "table", "row", "column", "expected", "actual", "message")

VALUE_WIDTH = 16  # fits 本年新制作数量 (seven characters); longer headers wrap
MAX_LABEL_WIDTH = 40
LINE_HEIGHT = 15  # points per line of 11pt text
MAX_ROW_HEIGHT = 409  # Excel refuses taller rows

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_BOLD = Font(bold=True)


def _display_width(text: str) -> int:
    # Excel measures widths in digits of the default font; a CJK character takes about two.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# Header spans ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    """A merged header cell: leaves `first`..`last` side by side, levels `top`..`bottom` deep."""

    first: int
    last: int
    top: int
    bottom: int
    text: str


def _levels(path: Sequence[str], depth: int, stretch_leaf: bool) -> list[tuple]:
    # A path shorter than the header is deep must fill it: section 三's 自然人 (leaf) spans the
    # two rows 法人或其他组织 splits; section 四's 行政复议 (block) spans the rows 行政诉讼 splits.
    n = len(path)
    stretched = n - 1 if stretch_leaf or n == 1 else n - 2
    placed, level = [], 0
    for k, text in enumerate(path):
        extra = depth - n if k == stretched else 0
        placed.append((tuple(path[: k + 1]), level, level + extra, text))
        level += 1 + extra
    return placed


def _spans(paths: Sequence[Sequence[str]], depth: int, *, stretch_leaf: bool) -> list[_Span]:
    """Merged cells of a header whose leaves have the label paths `paths`, in order.

    Neighbouring leaves that share a path prefix share its cell.
    """
    placed = [_levels(p, depth, stretch_leaf) for p in paths]
    spans = []
    for i, levels in enumerate(placed):
        for entry in levels:
            if i > 0 and entry in placed[i - 1]:
                continue  # already covered by the span that starts at an earlier leaf
            last = i
            while last + 1 < len(placed) and entry in placed[last + 1]:
                last += 1
            _, top, bottom, text = entry
            spans.append(_Span(i, last, top, bottom, text))
    return spans


def _path(item: RowSpec | ColumnSpec) -> tuple[str, ...]:
    return (*item.groups, item.label)


# Cell writing ----------------------------------------------------------------------------


def _number_format(cell: Cell, column: ColumnSpec) -> str | None:
    """Show money with the decimals it was printed with, and with its unit when the header
    does not name one (format 2019: `21533.5万元`)."""
    if not cell.is_number:
        return None
    suffix = f'"{cell.unit}"' if cell.unit and cell.unit != column.unit else ""
    if not isinstance(cell.value, Decimal) and not suffix:
        return None
    exponent = cell.value.as_tuple().exponent if isinstance(cell.value, Decimal) else 0
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return ("0." + "0" * places if places else "0") + suffix


@dataclass
class _Sheet:
    ws: Worksheet
    label_cols: int  # columns holding row labels: section 三 nests three deep
    width: int  # label columns + the most value columns of a section 二/三 table
    row: int = 1

    def column_width(self, first: int, last: int) -> float:
        return sum(self.ws.column_dimensions[get_column_letter(c)].width for c in range(first, last + 1))

    def fit_height(self, row: int, text: str, first: int, last: int) -> None:
        # Excel does not grow rows for wrapped text in merged cells: estimate the lines needed.
        lines = math.ceil(_display_width(text) / max(self.column_width(first, last) - 1, 1)) or 1
        dim = self.ws.row_dimensions[row]
        dim.height = min(max(dim.height or LINE_HEIGHT, lines * LINE_HEIGHT), MAX_ROW_HEIGHT)

    def put(self, top: int, left: int, text, *, bottom: int | None = None, right: int | None = None,
            bold: bool = False, align: Alignment = _CENTER, fit: bool = True) -> None:
        bottom, right = bottom or top, right or left
        target = self.ws.cell(row=top, column=left, value=text)
        target.alignment = align
        if bold:
            target.font = _BOLD
        if (bottom, right) != (top, left):
            self.ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        if fit and isinstance(text, str) and top == bottom:
            self.fit_height(top, text, left, right)

    def value(self, row: int, col: int, cell: Cell | None, column: ColumnSpec) -> None:
        target = self.ws.cell(row=row, column=col)
        target.alignment = _CENTER
        if cell is None or cell.value is None:
            return  # printed blank: leave the cell empty, not 0
        target.value = cell.value
        number_format = _number_format(cell, column)
        if number_format:
            target.number_format = number_format

    def box(self, top: int, left: int, bottom: int, right: int) -> None:
        # Every cell of a merged range needs the border, or Excel draws it only on the first.
        for row in self.ws.iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right):
            for target in row:
                target.border = _BOX


# Sections --------------------------------------------------------------------------------


def _present_rows(report: Report, table: TableSpec) -> list[RowSpec]:
    return [r for r in table.rows if not report.is_absent(table.id, r.id)]


def _text_section(sheet: _Sheet, report: Report, section: SectionSpec) -> None:
    for paragraph in (report.text.get(section.id) or "").splitlines():
        if paragraph.strip():
            sheet.put(sheet.row, 1, paragraph.strip(), right=sheet.width, align=_LEFT)
            sheet.row += 1


def _proactive_table(sheet: _Sheet, report: Report, table: TableSpec) -> None:
    top, last = sheet.row, sheet.label_cols + len(table.columns)
    sheet.put(top, 1, table.caption, right=last, bold=True)
    sheet.put(top + 1, 1, table.row_header, right=sheet.label_cols, bold=True)
    for j, column in enumerate(table.columns):
        sheet.put(top + 1, sheet.label_cols + 1 + j, column.label, bold=True)
    row = top + 2
    for spec_row in _present_rows(report, table):
        sheet.put(row, 1, spec_row.label, right=sheet.label_cols, align=_LEFT)
        for j, column in enumerate(table.columns):
            sheet.value(row, sheet.label_cols + 1 + j, report.cell(table.id, spec_row.id, column.id), column)
        row += 1
    sheet.box(top, 1, row - 1, last)
    sheet.row = row


def _matrix_table(sheet: _Sheet, report: Report, table: TableSpec) -> None:
    top, first_value = sheet.row, sheet.label_cols + 1
    depth = max(len(_path(c)) for c in table.columns)
    sheet.put(top, 1, table.corner, bottom=top + depth - 1, right=sheet.label_cols, fit=False)
    for span in _spans([_path(c) for c in table.columns], depth, stretch_leaf=True):
        sheet.put(top + span.top, first_value + span.first, span.text, bottom=top + span.bottom,
                  right=first_value + span.last, bold=True)
    body = top + depth
    rows = _present_rows(report, table)
    for span in _spans([_path(r) for r in rows], sheet.label_cols, stretch_leaf=True):
        sheet.put(body + span.first, 1 + span.top, span.text, bottom=body + span.last,
                  right=1 + span.bottom, align=_LEFT)
    for i, spec_row in enumerate(rows):
        for j, column in enumerate(table.columns):
            sheet.value(body + i, first_value + j, report.cell(table.id, spec_row.id, column.id), column)
    last_row = body + len(rows) - 1
    sheet.box(top, 1, last_row, sheet.label_cols + len(table.columns))
    sheet.row = last_row + 1


def _blocks_table(sheet: _Sheet, report: Report, table: TableSpec) -> None:
    # Section 四: blocks side by side, each over the same five columns, then one row of values.
    top = sheet.row
    rows = _present_rows(report, table)
    leaves = [(r, c) for r in rows for c in table.columns]
    if not leaves:
        return  # the report printed no block: nothing to lay out
    paths = [(*_path(r), c.label) for r, c in leaves]
    depth = max(len(p) for p in paths)
    for span in _spans(paths, depth, stretch_leaf=False):
        sheet.put(top + span.top, 1 + span.first, span.text, bottom=top + span.bottom,
                  right=1 + span.last, bold=True)
    for j, (spec_row, column) in enumerate(leaves):
        sheet.value(top + depth, 1 + j, report.cell(table.id, spec_row.id, column.id), column)
    sheet.box(top, 1, top + depth, len(leaves))
    sheet.row = top + depth + 1


_TABLE_WRITERS = {"proactive": _proactive_table, "requests": _matrix_table, "appeals": _blocks_table}


def _label_widths(report: Report, label_cols: int) -> list[int]:
    # A label column is as wide as the longest label that has it to itself, up to a cap (then wraps).
    widths = [8] * label_cols
    for table in report.spec.tables:
        if table.corner is None:
            continue
        for span in _spans([_path(r) for r in table.rows], label_cols, stretch_leaf=True):
            if span.top == span.bottom:
                widths[span.top] = max(widths[span.top], _display_width(span.text) + 2)
    return [min(w, MAX_LABEL_WIDTH) for w in widths]


def _report_sheet(ws: Worksheet, report: Report) -> None:
    matrices = [t for t in report.spec.tables if t.id != "appeals"]
    label_cols = max(len(_path(r)) for t in matrices for r in t.rows)
    value_cols = max(len(t.columns) for t in matrices)
    appeals_cols = sum(len(t.rows) * len(t.columns) for t in report.spec.tables if t.id == "appeals")
    for i, width in enumerate(_label_widths(report, label_cols), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for col in range(label_cols + 1, max(label_cols + value_cols, appeals_cols) + 1):
        ws.column_dimensions[get_column_letter(col)].width = VALUE_WIDTH
    sheet = _Sheet(ws, label_cols=label_cols, width=label_cols + value_cols)

    sheet.put(1, 1, title(report), right=sheet.width, bold=True)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.row_dimensions[1].height = 2 * LINE_HEIGHT
    sheet.row = 3
    for section in report.spec.sections:
        sheet.put(sheet.row, 1, section.heading, right=sheet.width, bold=True, align=_LEFT)
        sheet.row += 1
        if not section.tables:
            _text_section(sheet, report, section)
            sheet.row += 1
        for table in section.tables:
            _TABLE_WRITERS[section.id](sheet, report, table)
            sheet.row += 1  # a blank line after each table
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0


def _data_sheet(ws: Worksheet, report: Report) -> None:
    ws.append(DATA_FIELDS)
    for table, row, column, cell in iter_cells(report):
        ws.append((table.id, row.id, column.id, label_path(row), label_path(column), cell.value,
                   cell_unit(cell, column)))
        if isinstance(cell.value, Decimal):
            ws.cell(row=ws.max_row, column=DATA_FIELDS.index("value") + 1).number_format = \
                _number_format(Cell(cell.value), column)
    _header_style(ws, (18, 26, 22, 60, 36, 12, 8))


def _findings_sheet(ws: Worksheet, findings: list[Finding]) -> None:
    ws.append(FINDING_FIELDS)
    for finding in findings:
        data = finding.to_dict()
        ws.append(tuple(data[k] for k in FINDING_FIELDS))
    _header_style(ws, (18, 10, 16, 26, 16, 12, 12, 80))


def _header_style(ws: Worksheet, widths: Sequence[int]) -> None:
    for target in ws[1]:
        target.font = _BOLD
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def render_xlsx(report: Report, findings: list[Finding] | None = None) -> bytes:
    """Write a report as an .xlsx workbook.

    Args:
        report: the report; its format's spec gives the layout and labels.
        findings: if given (even empty), written to a sheet `问题`.

    Returns:
        The bytes of the workbook: sheets `年报`, `数据` and, with findings, `问题`.

    >>> from gongkai.report import empty_report
    >>> from gongkai.spec import FORMATS
    >>> data = render_xlsx(empty_report(FORMATS["2021"], agency="某局", year=2022))
    >>> data[:2]
    b'PK'
    """
    workbook = Workbook()
    report_ws = workbook.active
    report_ws.title = REPORT_SHEET
    _report_sheet(report_ws, report)
    _data_sheet(workbook.create_sheet(DATA_SHEET), report)
    if findings is not None:
        _findings_sheet(workbook.create_sheet(FINDINGS_SHEET), findings)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


__all__ = ["render_xlsx", "REPORT_SHEET", "DATA_SHEET", "FINDINGS_SHEET", "DATA_FIELDS", "FINDING_FIELDS"]
