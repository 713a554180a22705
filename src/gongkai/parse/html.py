"""Read an annual report published as an HTML page.

The page becomes blocks in reading order (`gongkai.parse.document`): each paragraph, heading or
`<br>`-separated line outside tables is a `Line`; each `<table>` is a `Grid` with rowspan/colspan
expanded to grid positions, the covered positions marked ``merged=True``. The assembler then maps
labels to the format's ids. Only the standard library's `html.parser` is used: article HTML from
government sites is tag soup (omitted end tags, `<p>` inside `<td>`), and reading it needs a few
implied-end-tag rules, not a full DOM.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

from gongkai.errors import Location
from gongkai.parse.document import Block, Grid, GridCell, Line

# Elements whose start or end breaks a line of text (outside tables) or a piece of a cell.
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "ul",
})
# Their content is not part of the printed report.
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "title", "select", "textarea"})
_VOID_TAGS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"})

# A span larger than this is a typo in the page (or an attack); browsers clamp too (HTML: 65534/1000).
_MAX_ROWSPAN = 1000
_MAX_COLSPAN = 1000

_SPACE_RUN = re.compile(r"\s+")
# A source line break between two wide (Chinese) characters is not a space (CSS Text 3, segment
# break transformation): Word-exported pages break lines in the middle of words.
_BROKEN_WIDE = re.compile(r"(?<=[^\x00-\u2e7f])[ \t\r\f]*\n\s*(?=[^\x00-\u2e7f])")


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _clean(text: str) -> str:
    """Collapse whitespace as a browser does; `&nbsp;`-only text becomes ''."""
    return _SPACE_RUN.sub(" ", _BROKEN_WIDE.sub("", text)).strip()


def _join(pieces: list[str]) -> str:
    """Join the pieces of one cell (split by `<br>` or `<p>`) into one label.

    Between Chinese characters or punctuation nothing is inserted (`本年新<br>制作数量` is
    `本年新制作数量`); between Latin letters or digits a space keeps words apart.

    >>> _join(["本年新", "制作数量"])
    '本年新制作数量'
    >>> _join(["本年收费金额", "（单位：万元）"])
    '本年收费金额（单位：万元）'
    >>> _join(["12", "34"])
    '12 34'
    """
    out = ""
    for piece in pieces:
        if not piece:
            continue
        if out and not (_is_wide(out[-1]) or _is_wide(piece[0])):
            out += " "
        out += piece
    return out


def _span(value: str | None, limit: int) -> int:
    """A rowspan/colspan attribute as a count: missing, invalid or 0 (HTML: 'to the end') is 1."""
    match = re.match(r"\s*(\d+)", value or "")
    number = int(match.group(1)) if match else 1
    return min(max(number, 1), limit)


@dataclass
class _Cell:
    """An open `<td>`: its pieces (split by `<br>`/`<p>`) and any table nested in it."""

    line: int
    rowspan: int
    colspan: int
    items: list[Block] = field(default_factory=list)
    current: str = ""
    current_line: int | None = None

    @property
    def text(self) -> str:
        return _join([item.text for item in self.items if isinstance(item, Line)])

    @property
    def holds_table(self) -> bool:
        return any(isinstance(item, Grid) for item in self.items)


@dataclass
class _Table:
    line: int
    rows: list[list[_Cell]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)
    cell: _Cell | None = None
    in_row: bool = False

    @property
    def cells(self) -> list[_Cell]:
        return [cell for row in self.rows for cell in row]


def _expand(table: _Table, source: str | None) -> Grid:
    """Lay the cells of `table` out on a grid: each position gets the cell that covers it.

    A position covered by a cell that starts above or to the left repeats that cell's text with
    ``merged=True``. A position no cell covers (a short row under a rowspan) is an empty,
    unmerged cell located at its row: the page printed nothing there.
    """
    grid: dict[tuple[int, int], GridCell] = {}
    n_rows = len(table.rows)
    widths = [0] * n_rows
    for r, cells in enumerate(table.rows):
        c = 0
        for cell in cells:
            while (r, c) in grid:
                c += 1
            location = Location(source=source, line=cell.line)
            text = cell.text
            for dr in range(min(cell.rowspan, n_rows - r)):  # rowspans stop at the table's end
                for dc in range(cell.colspan):
                    grid[(r + dr, c + dc)] = GridCell(text, location, merged=bool(dr or dc))
                widths[r + dr] = max(widths[r + dr], c + cell.colspan)
            c += cell.colspan
    rows = []
    for r, width in enumerate(widths):
        gap = Location(source=source, line=table.row_lines[r])
        rows.append(tuple(grid.get((r, c), GridCell("", gap)) for c in range(width)))
    return Grid(rows=tuple(rows), location=Location(source=source, line=table.line))


def _table_blocks(table: _Table, source: str | None) -> list[Block]:
    """A data table is one `Grid`. A layout table (one that holds another table, or has a single
    column, as when a site wraps the whole article in a `<table>`) is its content: the cells'
    lines and nested grids in reading order."""
    grid = _expand(table, source)
    if not grid.rows:
        return []
    single_column = max(len(row) for row in grid.rows) <= 1
    if single_column or any(cell.holds_table for cell in table.cells):
        return [item for cell in table.cells for item in cell.items
                if not (isinstance(item, Line) and not item.text)]
    return [grid]


class _BlockReader(HTMLParser):
    """Collects blocks while the page is fed; `blocks` holds them in reading order."""

    def __init__(self, *, source: str | None, first_line: int):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_offset = first_line - 1
        self.blocks: list[Block] = []
        self.tables: list[_Table] = []  # open tables, innermost last
        self.skip_stack: list[str] = []  # open script/style/... elements
        self.text = ""  # the current line outside cells
        self.text_line: int | None = None

    def _line(self) -> int:
        return self.getpos()[0] + self.line_offset

    def _location(self, line: int | None) -> Location:
        return Location(source=self.source, line=line)

    # -- where text and blocks go ----------------------------------------------------------------

    def _open_cell(self) -> _Cell | None:
        """The innermost open cell: text and nested tables belong to it."""
        for table in reversed(self.tables):
            if table.cell is not None:
                return table.cell
        return None

    def _emit(self, blocks: list[Block]) -> None:
        cell = self._open_cell()
        if cell is None:
            self.blocks.extend(blocks)
        else:
            self._flush_piece(cell)
            cell.items.extend(blocks)

    def _flush_line(self) -> None:
        text = _clean(self.text)
        self.text, line, self.text_line = "", self.text_line, None
        if text:
            self._emit([Line(text, self._location(line))])

    def _flush_piece(self, cell: _Cell) -> None:
        if cell.current:
            cell.items.append(Line(_clean(cell.current), self._location(cell.current_line or cell.line)))
        cell.current, cell.current_line = "", None

    # -- tables ----------------------------------------------------------------------------------

    def _end_cell(self, table: _Table) -> None:
        if table.cell is not None:
            self._flush_piece(table.cell)
            table.cell = None

    def _start_row(self, table: _Table) -> None:
        self._end_cell(table)
        table.rows.append([])
        table.row_lines.append(self._line())
        table.in_row = True

    def _start_cell(self, table: _Table, attrs: dict) -> None:
        self._end_cell(table)
        if not table.in_row:  # a <td> with no <tr> (tag soup) starts a row
            self._start_row(table)
        table.cell = _Cell(self._line(), _span(attrs.get("rowspan"), _MAX_ROWSPAN),
                           _span(attrs.get("colspan"), _MAX_COLSPAN))
        table.rows[-1].append(table.cell)

    def _start_table(self) -> None:
        cell = self._open_cell()
        if cell is not None:
            self._flush_piece(cell)
        self._flush_line()
        self.tables.append(_Table(self._line()))

    def _end_table(self) -> None:
        self._flush_line()  # stray text inside the table: browsers print it before the table
        table = self.tables.pop()
        self._end_cell(table)
        self._emit(_table_blocks(table, self.source))

    # -- parser callbacks ------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs_list) -> None:
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            self.skip_stack.append(tag)
            return
        if self.skip_stack:
            return
        table = self.tables[-1] if self.tables else None
        if tag == "table":
            self._start_table()
        elif table is not None and tag == "tr":
            self._start_row(table)
        elif table is not None and tag in ("td", "th"):
            self._start_cell(table, dict(attrs_list))
        elif tag == "br" or tag in _BLOCK_TAGS or (table is not None and tag == "caption"):
            self._break()

    def handle_startendtag(self, tag: str, attrs_list) -> None:
        # `<script .../>` has no content to skip (and html.parser reads on as markup, so pushing
        # it would hide the rest of the page); otherwise the slash changes nothing.
        if tag not in _SKIP_TAGS:
            self.handle_starttag(tag, attrs_list)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack:
            if tag in self.skip_stack:  # close it, and whatever was left open inside it
                while self.skip_stack.pop() != tag:
                    pass
            return
        table = self.tables[-1] if self.tables else None
        if tag == "table" and table is not None:
            self._end_table()
        elif table is not None and tag in ("td", "th"):
            self._end_cell(table)
        elif table is not None and tag == "tr":
            self._end_cell(table)
            table.in_row = False
        elif tag in _BLOCK_TAGS or (table is not None and tag == "caption"):
            self._break()

    def _break(self) -> None:
        """A `<br>` or block boundary: a new line outside cells, a new piece inside a cell."""
        cell = self._open_cell()
        if cell is None:
            self._flush_line()
        else:
            self._flush_piece(cell)

    def handle_data(self, data: str) -> None:
        if self.skip_stack:
            return
        cell = self._open_cell()
        if cell is None:
            if self.text_line is None and data.strip():
                self.text_line = self._line()
            self.text += data
        else:
            if cell.current_line is None and data.strip():
                cell.current_line = self._line()
            cell.current += data

    def close(self) -> None:
        super().close()
        while self.tables:  # a page cut off inside a table still shows what it printed
            self._end_table()
        self._flush_line()


def html_blocks(text: str | bytes, *, source: str | None, first_line: int = 1) -> list[Block]:
    """The page as blocks in reading order: `Line` for text, `Grid` for each `<table>`.

    Args:
        text: the HTML (bytes are decoded as UTF-8, else GB18030).
        source: the file name, put in every block's location.
        first_line: the line of the file the HTML starts on, when a header was stripped before it.

    Returns:
        Blocks in reading order. A grid cell is located at the line of its `<td>`.

    >>> blocks = html_blocks('<p>一、总体情况</p><table><tr><td rowspan="2">本年新<br>制作数量</td>'
    ...                      '<td>&nbsp;</td></tr><tr><td>7</td></tr></table>', source="a.html")
    >>> blocks[0].text
    '一、总体情况'
    >>> [[(c.text, c.merged) for c in row] for row in blocks[1].rows]
    [[('本年新制作数量', False), ('', False)], [('本年新制作数量', True), ('7', False)]]
    """
    if isinstance(text, bytes):
        from gongkai.parse.cells import decode

        text = decode(text, source=source)
    reader = _BlockReader(source=source, first_line=first_line)
    reader.feed(text)
    reader.close()
    return reader.blocks


def parse_html(text: str | bytes, *, source: str | None, first_line: int = 1):
    """Read an HTML annual report into a `Report` (see `html_blocks` and `assemble`).

    Raises:
        ParseError (or a subclass) when the page is not a report in a national format.
    """
    # Imported here: the assembler imports the readers' shared helpers, not the other way round.
    from gongkai.parse.assemble import assemble

    return assemble(html_blocks(text, source=source, first_line=first_line), source=source)


__all__ = ["html_blocks", "parse_html"]
