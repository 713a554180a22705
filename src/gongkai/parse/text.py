"""Plain text in the shapes reports are found in: text exported from .docx (one cell per line),
PDF text (pdfminer, pypdf), Markdown conversions, crawled pages."""
from __future__ import annotations

import re

from gongkai.errors import Location
from gongkai.parse.assemble import assemble
from gongkai.parse.cells import decode
from gongkai.parse.document import Block, Grid, GridCell, Line
from gongkai.report import Report

# Blocks and their locations are built as plain tuples of all their fields: a named tuple's own
# constructor fills its defaults in Python, at twice the cost, and a reader makes one for every
# line and cell.
_new = tuple.__new__
_NO_PLACE = (None,) * (len(Location._fields) - 2)  # a Location's fields after (source, line)
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def text_blocks(text: str, *, source: str | None = None) -> list[Block]:
    """Lines as `Line`s; tab-indented cell runs (.docx exports) and Markdown tables as `Grid`s."""
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    count = len(lines)
    while i < count:
        line = lines[i]
        if line.startswith("\t"):
            i = _cell_grid(lines, i, source, blocks)
        elif line.lstrip().startswith("|"):
            i = _markdown_grid(lines, i, source, blocks)
        else:
            if line and not line.isspace():
                blocks.append(_new(Line, (line, _new(Location, (source, i + 1, *_NO_PLACE)))))
            i += 1
    return blocks


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t")


def _cell_grid(lines: list[str], i: int, source: str | None, blocks: list[Block]) -> int:
    """A .docx export prints each cell on its own tab-indented line and ends a row with a blank
    line; an empty cell is a line holding only the tab."""
    rows: list[tuple[GridCell, ...]] = []
    row: list[GridCell] = []
    start = i
    count = len(lines)
    while i < count:
        line = lines[i]
        if line[:1] == "\t":
            text = line[1:].replace("[bookmark: _GoBack]", "") if "[" in line else line[1:]
            row.append(_new(GridCell, (text.strip(), _new(Location, (source, i + 1, *_NO_PLACE)), False)))
        elif line.strip() or not _grid_goes_on(lines, i):
            break
        elif row:
            rows.append(tuple(row))
            row = []
        i += 1
    if row:
        rows.append(tuple(row))
    blocks.append(Grid(tuple(rows), Location(source=source, line=start + 1)))
    return i


def _grid_goes_on(lines: list[str], i: int) -> bool:
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and _is_cell_line(lines[j]) and j - i <= 2


def _markdown_grid(lines: list[str], i: int, source: str | None, blocks: list[Block]) -> int:
    rows = []
    start = i
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        if "--" not in lines[i] or not _MD_RULE.match(lines[i]):  # a rule prints dashes
            cells = lines[i].strip().strip("|").split("|")
            where = Location(source, i + 1)  # (source, line): the cells of a line share it
            rows.append(tuple([_new(GridCell, (c.strip(), where, False)) for c in cells]))
        i += 1
    blocks.append(Grid(tuple(rows), Location(source=source, line=start + 1)))
    return i


def parse_text(data: bytes | str, *, source: str | None = None) -> Report:
    text = data if isinstance(data, str) else decode(data, source=source)
    return assemble(text_blocks(text, source=source), source=source)


__all__ = ["text_blocks", "parse_text"]
