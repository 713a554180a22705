"""Reports in long form, one CSV line per printed cell: what `gongkai parse --csv` writes.

Long form keeps reports of both formats (and many bodies and years) in one file that a
spreadsheet or pandas can pivot; the spec ids name the cells, so the columns are stable.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from gongkai.render.markdown import format_number
from gongkai.report import Cell, Report
from gongkai.spec import ColumnSpec, RowSpec, TableSpec

FIELDS = ("source", "agency", "year", "format", "table", "row", "column", "value", "unit")


def iter_cells(report: Report) -> Iterator[tuple[TableSpec, RowSpec, ColumnSpec, Cell]]:
    """Every cell the report holds, in the order of its format (tables, rows, then columns).

    Rows the report did not print (absent) yield nothing; blank cells are yielded.
    """
    for table in report.spec.tables:
        rows = report.tables.get(table.id, {})
        for row in table.rows:
            for column in table.columns:
                cell = rows.get(row.id, {}).get(column.id)
                if cell is not None:
                    yield table, row, column, cell


def cell_unit(cell: Cell, column: ColumnSpec) -> str | None:
    """The unit of a cell's value: the one written in the cell, else the one in the header."""
    return cell.unit or column.unit


def _value_text(cell: Cell) -> str:
    if cell.value is None:
        return ""
    return cell.value if isinstance(cell.value, str) else format_number(cell.value)


def _records(report: Report) -> Iterator[dict[str, str]]:
    meta = {
        "source": report.source or "",
        "agency": report.agency or "",
        "year": "" if report.year is None else str(report.year),
        "format": report.format,
    }
    for table, row, column, cell in iter_cells(report):
        yield {
            **meta, "table": table.id, "row": row.id, "column": column.id,
            "value": _value_text(cell), "unit": cell_unit(cell, column) or "",
        }


def render_csv(reports: Iterable[Report]) -> str:
    """Write reports in long form: a header line, then one line per cell.

    Args:
        reports: one or many reports, of either format.

    Returns:
        CSV text with `\\n` line ends; blank cells have an empty `value`, marks ('-', '/', '无')
        are kept as printed, money is a plain number with its unit in `unit`.

    >>> from gongkai.report import empty_report
    >>> from gongkai.spec import FORMATS
    >>> text = render_csv([empty_report(FORMATS["2021"], agency="某局", year=2022)])
    >>> text.splitlines()[0]
    'source,agency,year,format,table,row,column,value,unit'
    >>> text.splitlines()[1]
    ',某局,2022,2021,proactive.item1,rules,issued,,'
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for report in reports:
        writer.writerows(_records(report))
    return out.getvalue()


__all__ = ["render_csv", "iter_cells", "cell_unit", "FIELDS"]
