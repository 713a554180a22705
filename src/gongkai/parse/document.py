"""What every reader hands to the assembler: the document as blocks in reading order.

A text reader yields `Line`s; HTML, .docx and PDF readers yield `Line`s for paragraphs and a
`Grid` for each table they see. `gongkai.parse.assemble` turns the blocks into a `Report`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.errors import Location


@dataclass(frozen=True)
class Line:
    """A line or paragraph of text, as printed."""

    text: str
    location: Location


@dataclass(frozen=True)
class GridCell:
    """A table cell. `merged` marks a grid position covered by a cell that started above or to
    the left (rowspan/colspan, vMerge/gridSpan): it repeats that cell's text but holds no value."""

    text: str
    location: Location
    merged: bool = False


@dataclass(frozen=True)
class Grid:
    """A table as printed: rows of cells, merged cells expanded to their grid positions."""

    rows: tuple[tuple[GridCell, ...], ...]
    location: Location = field(default_factory=Location)


Block = Line | Grid

__all__ = ["Line", "Grid", "GridCell", "Block"]
