"""The report object every reader returns and every writer and the validator take."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.errors import Finding, Location
from gongkai.spec import FORMATS, ReportSpec

Value = int | Decimal | str | None  # str only for marks printed instead of a number: "-", "/", "无"

TEXT_SECTIONS = ("overview", "problems", "other")


@dataclass(slots=True)
class Cell:
    """One printed cell. `value` None means printed blank; `text` is what was printed."""

    value: Value
    text: str | None = None
    location: Location | None = None
    unit: str | None = None  # unit of `value` for money, after normalisation (万元)

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, (int, Decimal)) and not isinstance(self.value, bool)


@dataclass
class Report:
    format: str
    agency: str | None = None
    year: int | None = None
    source: str | None = None
    # table id -> row id -> column id -> Cell; a row of the format that is not printed is absent
    tables: dict[str, dict[str, dict[str, Cell]]] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)
    # findings the reader makes about the layout itself (R9-format)
    layout_findings: list[Finding] = field(default_factory=list)

    @property
    def spec(self) -> ReportSpec:
        return FORMATS[self.format]

    def cell(self, table: str, row: str, column: str) -> Cell | None:
        return self.tables.get(table, {}).get(row, {}).get(column)

    def value(self, table: str, row: str, column: str) -> Value:
        cell = self.cell(table, row, column)
        return None if cell is None else cell.value

    def set(self, table: str, row: str, column: str, cell: Cell) -> None:
        self.tables.setdefault(table, {}).setdefault(row, {})[column] = cell

    def is_absent(self, table: str, row: str) -> bool:
        return row not in self.tables.get(table, {})

    def units(self) -> dict[str, str]:
        """The unit of every money value: printed in the cell, else in the column header."""
        units = {}
        for table in self.spec.tables:
            for row, cols in self.tables.get(table.id, {}).items():
                for column in table.columns:
                    cell = cols.get(column.id)
                    unit = cell and cell.value is not None and (cell.unit or column.unit)
                    if unit:
                        units[f"{table.id}.{row}.{column.id}"] = unit
        return units


def empty_report(spec: ReportSpec, **meta) -> Report:
    """A report of `spec` with every cell present and blank: writers and generators fill it."""
    report = Report(format=spec.id, **meta)
    for table in spec.tables:
        for row in table.rows:
            for column in table.columns:
                report.set(table.id, row.id, column.id, Cell(None))
    return report


__all__ = ["Cell", "Report", "Value", "TEXT_SECTIONS", "empty_report"]
