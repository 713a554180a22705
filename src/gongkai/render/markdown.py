"""The annual report as Markdown: the six sections of the format, its tables as GitHub tables.

Every heading and label comes from the spec objects; this module only decides the layout.
Section 三 flattens its grouped rows into one label column (`三、本年度办理结果 · （三）不予公开 ·
1.属于国家秘密`) and section 四 flattens its three blocks into fifteen columns, because a
Markdown table has neither merged cells nor multi-row headers.
"""
from __future__ import annotations

from decimal import Decimal

from gongkai.errors import Finding
from gongkai.report import Cell, Report
from gongkai.spec import ColumnSpec, RowSpec, SectionSpec, TableSpec

PATH_SEPARATOR = " · "
FINDINGS_HEADING = "检查发现的问题"
NO_FINDINGS = "未发现问题。"
SEVERITY_LABELS = {"error": "错误", "warning": "警告"}


def label_path(item: RowSpec | ColumnSpec) -> str:
    """The label of a row or column with the group labels above it, outermost first.

    >>> from gongkai.spec import FORMATS
    >>> label_path(FORMATS["2021"].table("requests").row("withheld_state_secret"))
    '三、本年度办理结果 · （三）不予公开 · 1.属于国家秘密'
    """
    return PATH_SEPARATOR.join((*item.groups, item.label))


def format_number(value: int | Decimal) -> str:
    """A number as printed: no exponent, no thousands separator.

    >>> format_number(Decimal("21533.5")), format_number(-1), format_number(Decimal("1E+3"))
    ('21533.5', '-1', '1000')
    """
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def format_value(cell: Cell | None, column: ColumnSpec) -> str:
    """The text of a cell: blank as "", marks as printed, money with its unit unless the header
    already names it (format 2019 prints none, so bodies write `21533.5万元` in the cell).

    >>> from gongkai.spec import FORMATS
    >>> amount = FORMATS["2019"].table("proactive.item9").column("amount")
    >>> format_value(Cell(Decimal("21533.5"), unit="万元"), amount)
    '21533.5万元'
    >>> format_value(Cell(None), amount), format_value(Cell("-"), amount)
    ('', '-')
    """
    if cell is None or cell.value is None:
        return ""
    if isinstance(cell.value, str):
        return cell.value
    text = format_number(cell.value)
    if cell.unit and cell.unit != column.unit:
        text += cell.unit
    return text


def _escape(text: str) -> str:
    # A pipe would end the table cell; a line break would end the table row.
    return text.replace("|", "\\|").replace("\r\n", " ").replace("\n", " ")


def _table_line(cells: list[str]) -> str:
    return "| " + " | ".join(_escape(c) for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = [_table_line(header), "| " + " | ".join("---" for _ in header) + " |"]
    lines.extend(_table_line(r) for r in rows)
    return lines


def _present_rows(report: Report, table: TableSpec) -> list[RowSpec]:
    # A row of the format that the report did not print stays out of the output (absent ≠ blank).
    return [r for r in table.rows if not report.is_absent(table.id, r.id)]


def _values(report: Report, table: TableSpec, row: RowSpec) -> list[str]:
    return [format_value(report.cell(table.id, row.id, c.id), c) for c in table.columns]


def _proactive_table(report: Report, table: TableSpec) -> list[str]:
    header = [table.row_header or "", *(c.label for c in table.columns)]
    rows = [[r.label, *_values(report, table, r)] for r in _present_rows(report, table)]
    return [f"**{table.caption}**", "", *_table(header, rows)]


def _matrix_table(report: Report, table: TableSpec) -> list[str]:
    lines = [table.corner, ""] if table.corner else []
    header = ["", *(c.label for c in table.columns)]
    rows = [[label_path(r), *_values(report, table, r)] for r in _present_rows(report, table)]
    return lines + _table(header, rows)


def _blocks_table(report: Report, table: TableSpec) -> list[str]:
    # Section 四: one printed row of blocks × columns, read left to right.
    rows = _present_rows(report, table)
    if not rows:
        return []  # the report printed no block: a table without columns is not Markdown
    header = [f"{label_path(r)}{PATH_SEPARATOR}{c.label}" for r in rows for c in table.columns]
    values = [v for r in rows for v in _values(report, table, r)]
    return _table(header, [values])


_TABLE_WRITERS = {"proactive": _proactive_table, "requests": _matrix_table, "appeals": _blocks_table}


def _paragraphs(text: str) -> list[str]:
    # A report's line breaks end paragraphs; in Markdown only a blank line does.
    lines = []
    for paragraph in text.splitlines():
        if paragraph.strip():
            lines += [paragraph.strip(), ""]
    return lines


def _section(report: Report, section: SectionSpec) -> list[str]:
    lines = [f"## {section.heading}", ""]
    if not section.tables:
        return lines + _paragraphs(report.text.get(section.id) or "")
    write = _TABLE_WRITERS[section.id]
    for table in section.tables:
        written = write(report, table)
        lines += written + [""] if written else []
    return lines


def _finding_line(finding: Finding) -> str:
    where = " / ".join(i for i in (finding.table, finding.row, finding.column) if i)
    severity = SEVERITY_LABELS.get(finding.severity, finding.severity)
    return f"- {severity} {finding.rule}（{where}）：{finding.message}"


def _findings(findings: list[Finding]) -> list[str]:
    lines = [f"## {FINDINGS_HEADING}", ""]
    lines += [_finding_line(f) for f in findings] or [NO_FINDINGS]
    return lines + [""]


def title(report: Report) -> str:
    """`{agency}{year}年政府信息公开工作年度报告`, leaving out what the report does not know."""
    year = f"{report.year}年" if report.year is not None else ""
    return f"{report.agency or ''}{year}政府信息公开工作年度报告"


def render_markdown(report: Report, findings: list[Finding] | None = None) -> str:
    """Write a report as Markdown.

    Args:
        report: the report; its format's spec gives the headings and labels.
        findings: if given (even empty), listed in a last section.

    Returns:
        The document, ending with one newline.

    >>> from gongkai.report import empty_report
    >>> from gongkai.spec import FORMATS
    >>> md = render_markdown(empty_report(FORMATS["2021"], agency="某县人民政府", year=2022))
    >>> md.splitlines()[0]
    '# 某县人民政府2022年政府信息公开工作年度报告'
    """
    lines = [f"# {title(report)}", ""]
    for section in report.spec.sections:
        lines += _section(report, section)
    if findings is not None:
        lines += _findings(findings)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = [
    "render_markdown", "format_value", "format_number", "label_path", "title", "PATH_SEPARATOR",
    "FINDINGS_HEADING", "NO_FINDINGS", "SEVERITY_LABELS",
]
