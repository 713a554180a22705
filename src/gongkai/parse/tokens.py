"""Turn the blocks of a table section into a stream of label text, values and row ends."""
from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.errors import Location
from gongkai.parse.cells import MARKS, is_value_text, join_spaced, normalize_text
from gongkai.parse.document import Block, Grid, Line


# Tokens are compared by identity: two cells printing "0" are two tokens.
@dataclass(slots=True, eq=False)
class Text:
    text: str
    location: Location
    in_grid: bool = False  # printed in a table cell, not on a line of its own


@dataclass(slots=True, eq=False)
class Value:
    text: str  # "" for a cell printed blank
    location: Location
    in_grid: bool = False  # printed in a table cell, not on a line of its own


@dataclass(frozen=True)
class RowEnd:
    pass


@dataclass(frozen=True)
class GridEnd:
    pass


Token = Text | Value | RowEnd | GridEnd

_CJK = r"\u4e00-\u9fff"
# A number, with a money unit or a thousands separator; a lone digit before `.`/`、` and a Chinese
# character is a row's numbering (`1.属于国家秘密`), not a value.
_PIECE = re.compile(
    rf"(?P<run>\d+)(?=\d[.、][{_CJK}])"
    rf"|(?P<numbering>\d[.、](?=[{_CJK}“”\"‘’「『〝（]))"
    rf"|(?P<number>[+-]?\d[\d,]*(?:\.\d+)?(?:万元|亿元|千元|元)?)"
    rf"|(?P<mark>(?<![{_CJK}])(?:—+|-|/|无)(?![{_CJK}\d]))"
    # Words apart by spaces are one label, up to a mark standing alone (`规章 无 无 无`).
    rf"|(?P<text>[^\s\d]+(?:\s+(?!(?:—+|-|/|无)(?:\s|$))[^\s\d]+)*)"
)


# A body's note inside a cell, `（其中修订 16 件）`, `（含自然失效 29 件）`: its numbers qualify the
# cell's value and are not cells of their own.
_NOTE = re.compile(rf"（[^（）\d]*[{_CJK}][^（）]*\d[^（）]*）")

_FOOTER_ENDS = ("-", "—", "－", "页")
_PAGE_FOOTER = re.compile(r"^\s*(?:[-—－]\s*\d+\s*[-—－]|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?)\s*$")


def is_page_footer(text: str) -> bool:
    """`— 5 —`, `- 1 -`, `第 3 页 共 9 页`: a page number left in converted text."""
    if len(text) >= 40:
        return False
    text = normalize_text(text).rstrip()
    # Every footer ends with a dash or 页: most short lines are labels, settled without the regex.
    return text.endswith(_FOOTER_ENDS) and _PAGE_FOOTER.match(text) is not None


def line_tokens(line: Line) -> list[Token]:
    """Split a printed line into label text and values."""
    text = normalize_text(line.text)
    if is_page_footer(text):
        return []
    tokens = _label_then_counts(text, line.location)
    if tokens is not None:
        return tokens
    tokens = []
    pos = 0
    for note in _NOTE.finditer(text):
        _line_pieces(tokens, text[pos:note.start()], line.location)
        _append_text(tokens, note.group(), line.location)
        pos = note.end()
    _line_pieces(tokens, text[pos:], line.location)
    return tokens


_NUMBERING = re.compile(r"\d[.、]")
_DIGIT = re.compile(r"\d")


def _label_then_counts(text: str, location: Location) -> list[Token] | None:
    """The common printed row, `1.属于国家秘密 0 0 0 0 0 0 0`: a label without digits (but its
    numbering) and whole numbers apart by spaces. None for any other line."""
    parts = text.split()
    k = len(parts)
    while k > 0 and parts[k - 1].isascii() and parts[k - 1].isdigit():
        k -= 1
    if not MARKS.isdisjoint(parts[:k]):
        return None
    label = " ".join(parts[:k])
    digit = _DIGIT.search(label)
    if digit and (digit.start() != 0 or not _NUMBERING.match(label) or _DIGIT.search(label, 1)):
        return None
    tokens: list[Token] = [Text(join_spaced(label), location)] if label else []
    tokens.extend(Value(p, location) for p in parts[k:])
    return tokens


def _line_pieces(tokens: list[Token], text: str, location: Location) -> None:
    for m in _PIECE.finditer(text):
        kind = m.lastgroup
        piece = m.group()
        if kind in ("number", "mark", "run"):
            tokens.append(Value(piece, location))
        else:
            _append_text(tokens, piece, location)


def _append_text(tokens: list[Token], piece: str, location: Location) -> None:
    piece = join_spaced(piece.strip())
    if not piece:
        return
    if tokens and isinstance(tokens[-1], Text):
        tokens[-1] = Text(tokens[-1].text + piece, tokens[-1].location)
    else:
        tokens.append(Text(piece, location))


# The characters a value (number or mark, normalised) can start with, besides digits of any
# script (what `\d` matches): a cell starting with any other is a label, without the regex.
_VALUE_FIRST = frozenset("+-0123456789") | {mark[0] for mark in MARKS}
_ROW_END = RowEnd()  # frozen and without fields: one for every row
_GRID_END = GridEnd()


def grid_tokens(grid: Grid) -> list[Token]:
    # Tokens are built with positional arguments: a slotted dataclass takes keywords at twice
    # the cost, and a table makes one for every cell.
    tokens: list[Token] = []
    append = tokens.append
    for row in grid.rows:
        for text, location, merged in row:
            if merged:
                continue
            if not text or (text.isascii() and text.isdigit()):  # most cells: no normalising needed
                append(Value(text, location, True))
                continue
            text = normalize_text(text).strip()
            if text and text[0] not in _VALUE_FIRST and not text[0].isdecimal():  # a label
                append(Text(join_spaced(text), location, True))
            elif is_value_text(text):
                append(Value(text, location, True))
            else:
                append(Text(join_spaced(text), location, True))
        append(_ROW_END)
    append(_GRID_END)
    return tokens


def block_tokens(blocks: list[Block]) -> list[Token]:
    tokens: list[Token] = []
    for block in blocks:
        tokens.extend(grid_tokens(block) if isinstance(block, Grid) else line_tokens(block))
    return tokens


__all__ = ["Text", "Value", "RowEnd", "GridEnd", "Token", "line_tokens", "grid_tokens", "block_tokens",
           "is_page_footer"]
