"""The vocabulary of a national format: inert, frozen data.

A format (`ReportSpec`) is sections; a section holds free text or tables; a table has rows and
columns with the official labels, the variants seen in published reports, and the rules that
tie its cells together. Readers, validator, writers and the database derive from these objects.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

ValueKind = Literal["count", "signed", "money"]


@dataclass(frozen=True)
class ColumnSpec:
    id: str
    label: str
    variants: tuple[str, ...] = ()
    kind: ValueKind = "count"
    unit: str | None = None  # printed in the header, e.g. 万元
    groups: tuple[str, ...] = ()  # header labels above this one, outermost first

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@dataclass(frozen=True)
class RowSpec:
    id: str
    label: str
    variants: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()  # group rows above this one that hold no numbers, outermost first

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@dataclass(frozen=True)
class TableSpec:
    id: str  # "proactive.item1", "requests", "appeals"
    caption: str | None
    rows: tuple[RowSpec, ...]
    columns: tuple[ColumnSpec, ...]
    corner: str | None = None  # text of the top-left header cell
    row_header: str | None = None  # "信息内容" over the row labels

    def row(self, row_id: str) -> RowSpec:
        return next(r for r in self.rows if r.id == row_id)

    def column(self, column_id: str) -> ColumnSpec:
        return next(c for c in self.columns if c.id == column_id)

    @cached_property
    def row_ids(self) -> frozenset[str]:
        return frozenset(r.id for r in self.rows)

    @property
    def short_id(self) -> str:
        return self.id.rsplit(".", 1)[-1]


@dataclass(frozen=True)
class SectionSpec:
    id: str
    heading: str
    variants: tuple[str, ...] = ()
    tables: tuple[TableSpec, ...] = ()

    @property
    def headings(self) -> tuple[str, ...]:
        return (self.heading, *self.variants)


# Rules. Each names cells by ids; the validator has one check function per rule class.


@dataclass(frozen=True)
class BalanceRule:
    """Per column: the sum of rows `left` equals the sum of rows `right`."""

    id: str
    table: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    severity: str = "error"


@dataclass(frozen=True)
class RowsSumRule:
    """Per column: row `target` equals the sum of rows `of`."""

    id: str
    table: str
    target: str
    of: tuple[str, ...]
    severity: str = "error"


@dataclass(frozen=True)
class ColumnsSumRule:
    """Per row: column `target` equals the sum of columns `of`."""

    id: str
    table: str
    target: str
    of: tuple[str, ...]
    severity: str = "error"


@dataclass(frozen=True)
class NotGreaterRule:
    """Per row: column `lesser` is not greater than column `greater`."""

    id: str
    table: str
    lesser: str
    greater: str
    severity: str = "warning"


@dataclass(frozen=True)
class CarryRule:
    """Across years, per column: this year's row `this_row` equals last year's row `last_row`."""

    id: str
    table: str
    this_row: str
    last_row: str
    severity: str = "error"


@dataclass(frozen=True)
class StockRule:
    """Across years, per row: this year's `stock` equals last year's `stock` plus this or last
    year's `plus` minus `minus` columns (`from_year` says whose)."""

    id: str
    table: str
    stock_this: str
    stock_last: str
    plus: tuple[str, ...] = ()
    minus: tuple[str, ...] = ()
    from_year: Literal["this", "last"] = "this"
    severity: str = "warning"


Rule = BalanceRule | RowsSumRule | ColumnsSumRule | NotGreaterRule | CarryRule | StockRule


@dataclass(frozen=True)
class ReportSpec:
    id: str  # "2019", "2021"
    title: str
    document: str
    years: tuple[int, int | None]  # report years the format is used for
    sections: tuple[SectionSpec, ...]
    rules: tuple[Rule, ...] = ()
    blank_rule: str = "R5-blank"
    type_rule: str = "R6-type"
    format_rule: str = "R9-format"
    # Rows of the other edition that may stand in for rows of this one: printed row id -> row
    # ids of this spec that take the values (first) or stay absent (rest).
    stand_ins: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def tables(self) -> tuple[TableSpec, ...]:
        return tuple(t for s in self.sections for t in s.tables)

    @cached_property
    def _tables_by_id(self) -> dict[str, TableSpec]:
        return {t.id: t for t in self.tables}

    def table(self, table_id: str) -> TableSpec:
        return self._tables_by_id[table_id]

    def section(self, section_id: str) -> SectionSpec:
        return next(s for s in self.sections if s.id == section_id)

    def covers(self, year: int) -> bool:
        first, last = self.years
        return year >= first and (last is None or year <= last)
