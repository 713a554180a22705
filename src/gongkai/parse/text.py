"""Plain text in the shapes reports are found in: text exported from .docx (one cell per line),
PDF text (pdfminer, pypdf), Markdown conversions, crawled pages."""
from __future__ import annotations

import re

from gongkai.errors import Location
from gongkai.parse.assemble import assemble
from gongkai.parse.cells import decode
from gongkai.parse.document import Block, Grid, GridCell, Line
from gongkai.report import Report

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
                blocks.append(Line(line, Location(source, i + 1)))  # (source, line)
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
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            text = line[1:].replace("[bookmark: _GoBack]", "") if "[" in line else line[1:]
            row.append(GridCell(text.strip(), Location(source, i + 1)))
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
        if not _MD_RULE.match(lines[i]):
            cells = lines[i].strip().strip("|").split("|")
            where = Location(source, i + 1)  # (source, line): the cells of a line share it
            rows.append(tuple(GridCell(c.strip(), where) for c in cells))
        i += 1
    blocks.append(Grid(tuple(rows), Location(source=source, line=start + 1)))
    return i


def parse_text(data: bytes | str, *, source: str | None = None) -> Report:
    text = data if isinstance(data, str) else decode(data, source=source)
    return assemble(text_blocks(text, source=source), source=source)


__all__ = ["text_blocks", "parse_text"]
