from gongkai.spec.catalogue import FORMATS, format_for_year
from gongkai.spec.model import (
    BalanceRule,
    CarryRule,
    ColumnSpec,
    ColumnsSumRule,
    NotGreaterRule,
    ReportSpec,
    RowSpec,
    RowsSumRule,
    SectionSpec,
    StockRule,
    TableSpec,
)

__all__ = [
    "FORMATS", "format_for_year", "ReportSpec", "SectionSpec", "TableSpec", "RowSpec", "ColumnSpec",
    "BalanceRule", "RowsSumRule", "ColumnsSumRule", "NotGreaterRule", "CarryRule", "StockRule",
]
