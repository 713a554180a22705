"""What every reader hands to the assembler: the document as blocks in reading order.

A text reader yields `Line`s; HTML, .docx and PDF readers yield `Line`s for paragraphs and a
`Grid` for each table they see. `gongkai.parse.assemble` turns the blocks into a `Report`.
Blocks are named tuples: readers make one for every line and cell.
"""
from __future__ import annotations

from typing import NamedTuple

from gongkai.errors import Location


class Line(NamedTuple):
    """A line or paragraph of text, as printed."""

    text: str
    location: Location


class GridCell(NamedTuple):
    """A table cell. `merged` marks a grid position covered by a cell that started above or to
    the left (rowspan/colspan, vMerge/gridSpan): it repeats that cell's text but holds no value."""

    text: str
    location: Location
    merged: bool = False


class Grid(NamedTuple):
    """A table as printed: rows of cells, merged cells expanded to their grid positions."""

    rows: tuple[tuple[GridCell, ...], ...]
    location: Location = Location()


Block = Line | Grid

__all__ = ["Line", "Grid", "GridCell", "Block"]
