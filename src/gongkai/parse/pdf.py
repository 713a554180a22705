"""Read a PDF annual report: tables from their ruling lines, the rest as lines of text.

The national format's tables are ruled grids, so a table is found from the lines drawn on the
page (pdfplumber's `lines` strategy), never guessed from text alignment. Each table becomes a
`Grid` with merged cells expanded; the text outside the tables becomes `Line`s. Both go, in
reading order and page by page, to `gongkai.parse.assemble.assemble`.
"""
from __future__ import annotations

import io
import re
from collections import defaultdict

from gongkai.errors import Location, ParseError
from gongkai.parse.document import Block, Grid, GridCell, Line
from gongkai.report import Report

# Layout tolerances in PDF points (1/72 inch).
_SNAP = 3.0  # coordinates closer than this are the same ruling (pdfplumber's default snap)
_THIN = 2.0  # a filled rectangle thinner than this is a drawn rule, not a shaded area
_X_TOLERANCE = 3.0  # a gap wider than this between two characters is a space
_Y_TOLERANCE = 3.0  # characters whose tops differ by less than this are on one line

_TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": _SNAP,
    "join_tolerance": _SNAP,
    "intersection_tolerance": _SNAP,
    "text_x_tolerance": _X_TOLERANCE,
    "text_y_tolerance": _Y_TOLERANCE,
}

_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # CJK punctuation, ideographs, full-width forms
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")

_WHITE = ((1, 1, 1), (1,), 1, (0, 0, 0, 0))  # white as RGB, gray and CMYK

NO_TEXT_LAYER = "PDF 没有文字层（可能是扫描件），无法直接读取，需要先进行 OCR 文字识别"
NOT_A_PDF = "文件不是有效的 PDF，或已损坏，无法打开"
# A scan with only page numbers or a stamp date typed on it has a few characters per page; a
# printed annual report has hundreds on each.
_MIN_TEXT_CHARS = 50


def parse_pdf(data: bytes, *, source: str, history: list[Report] | None = None) -> Report:
    """Read a PDF annual report into a `Report`.

    Args:
        data: the bytes of the PDF file.
        source: the file name, used in locations and messages.
        history: earlier reports of the same body, handed to the assembler.

    Returns:
        The `Report` the assembler builds from the PDF's blocks.

    Raises:
        ParseError: the bytes are not a readable PDF, or the PDF has no text layer; or what
            `gongkai.parse.assemble.assemble` raises on its blocks (TruncatedReportError, …).

    >>> parse_pdf(b"not a pdf", source="x.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongkai.errors.ParseError: x.pdf: 文件不是有效的 PDF，或已损坏，无法打开...
    """
    blocks = pdf_blocks(data, source=source)
    # NOTE: imported here, not at module level: the PDF blocks are useful on their own (tests,
    # debugging), and the assembler may import the readers.
    from gongkai.parse.assemble import assemble

    return assemble(blocks, source=source, history=history)


def pdf_blocks(data: bytes, *, source: str) -> list[Block]:
    """The PDF as blocks: per page, tables as `Grid`s and other text as `Line`s, top to bottom.

    Raises:
        ParseError: not a PDF, or no page carries a text layer (a scan that needs OCR).

    >>> pdf_blocks(b"%PDF-garbage", source="x.pdf")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    gongkai.errors.ParseError: x.pdf: 文件不是有效的 PDF，或已损坏，无法打开...
    """
    import pdfplumber  # heavy import, only paid by callers that actually read a PDF

    blocks: list[Block] = []
    has_text = False
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                has_text = has_text or sum(not c["text"].isspace() for c in page.chars) >= _MIN_TEXT_CHARS
                blocks.extend(_page_blocks(page, source=source))
                page.close()  # drop the page's parsed objects: long reports stay small in memory
    except ParseError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on a damaged file
        raise ParseError(NOT_A_PDF, location=Location(source=source),
                         hint=f"PDF 解析库报告：{_describe(error)}") from error
    if not has_text:
        raise ParseError(NO_TEXT_LAYER, location=Location(source=source),
                         hint="先用 OCR 工具识别成带文字层的 PDF 或文本，再读取")
    return blocks


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _page_blocks(page, *, source: str) -> list[Block]:
    """One page's grids and lines, sorted by their top edge; lines numbered on the page."""
    ruled = page.filter(_is_ruling_or_text)
    tables = [t for t in ruled.find_tables(_table_settings(ruled)) if _is_grid(t)]
    # (top, kind, payload): kind orders a table before a text line starting at the same height
    items: list[tuple[float, int, object]] = [(t.bbox[1], 0, t) for t in tables]
    text_page = page
    for table in tables:
        text_page = text_page.outside_bbox(table.bbox)
    for line in text_page.extract_text_lines(x_tolerance=_X_TOLERANCE, y_tolerance=_Y_TOLERANCE,
                                             return_chars=False):
        items.append((line["top"], 1, line))
    items.sort(key=lambda item: (item[0], item[1]))

    blocks: list[Block] = []
    line_no = 0  # printed lines of the page; a grid row counts as one line
    for _, kind, payload in items:
        if kind == 1:
            line_no += 1
            text = _SPACE_IN_CJK.sub("", payload["text"]).strip()
            if text:
                blocks.append(Line(text, Location(source=source, page=page.page_number, line=line_no)))
        else:
            grid = _grid(payload, page, source=source, first_line=line_no + 1)
            line_no += len(grid.rows)
            blocks.append(grid)
    return blocks


def _is_ruling_or_text(obj: dict) -> bool:
    """Keep what a reader sees: text, stroked lines, and thin dark filled bars drawn as rules.

    WPS/Word PDFs paint white, unstroked rectangles behind every paragraph and cell; their
    edges are invisible but would otherwise be taken for table borders.
    """
    kind = obj["object_type"]
    if kind == "rect":
        if obj.get("stroke"):
            return True
        thin = min(obj["width"], obj["height"]) < _THIN
        return bool(obj.get("fill")) and thin and obj.get("non_stroking_color") not in _WHITE
    if kind in ("line", "curve"):
        return bool(obj.get("stroke", True))
    return True


def _table_settings(page) -> dict:
    """The `lines` strategy plus the rules a page break leaves undrawn.

    A table that runs over a page break has no bottom rule on the first page and no top rule
    above its merged first-column cells on the next; its vertical rules still stop at the same
    height there, so a rule is added across each set of vertical rules ending together.
    """
    verticals = [e for e in page.edges if e["orientation"] == "v" and e["height"] > _SNAP]
    horizontals = [e for e in page.edges if e["orientation"] == "h" and e["width"] > _SNAP]
    closing = []
    for key in ("top", "bottom"):
        for y, group in _group_by(verticals, key).items():
            if len(group) < 2 or not _crossed(group, horizontals):
                continue
            closing.append(_h_rule(min(e["x0"] for e in group), max(e["x1"] for e in group), y))
    return {**_TABLE_SETTINGS, "explicit_horizontal_lines": closing}


def _group_by(edges: list[dict], key: str) -> dict[float, list[dict]]:
    """Edges whose `key` coordinate is within the snap tolerance of each other."""
    groups: dict[float, list[dict]] = defaultdict(list)
    for edge in sorted(edges, key=lambda e: e[key]):
        anchor = next((y for y in groups if abs(y - edge[key]) <= _SNAP), edge[key])
        groups[anchor].append(edge)
    return groups


def _crossed(verticals: list[dict], horizontals: list[dict]) -> bool:
    """True when a drawn horizontal rule crosses these vertical rules: they belong to a table."""
    x0, x1 = min(e["x0"] for e in verticals), max(e["x1"] for e in verticals)
    top, bottom = min(e["top"] for e in verticals), max(e["bottom"] for e in verticals)
    return any(h["x0"] <= x1 and h["x1"] >= x0 and top <= h["top"] <= bottom for h in horizontals)


def _h_rule(x0: float, x1: float, y: float) -> dict:
    return {"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0,
            "height": 0, "doctop": y}


def _is_grid(table) -> bool:
    """A ruled box with a single column is a framed paragraph, not a table: its text stays text."""
    xs = {round(c[0], 1) for c in table.cells} | {round(c[2], 1) for c in table.cells}
    return len(xs) >= 3


def _grid(table, page, *, source: str, first_line: int) -> Grid:
    """Expand the table's cells onto the grid of its row and column rules.

    pdfplumber yields one bounding box per printed cell; a box spanning several columns or rows
    is a merged cell. Its text goes to every position it covers, the positions after its
    top-left one marked merged.
    """
    xs = sorted({round(v, 1) for c in table.cells for v in (c[0], c[2])})
    ys = sorted({round(v, 1) for c in table.cells for v in (c[1], c[3])})
    chars = page.crop(table.bbox, strict=False).chars
    slots: list[list[GridCell | None]] = [[None] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for bbox in table.cells:
        cols = _span(xs, bbox[0], bbox[2])
        rows = _span(ys, bbox[1], bbox[3])
        text = _cell_text(chars, bbox)
        for r in rows:
            location = Location(source=source, page=page.page_number, line=first_line + r)
            for c in cols:
                merged = (r, c) != (rows[0], cols[0])
                slots[r][c] = GridCell(text, location, merged=merged)
    rows = tuple(
        tuple(cell or GridCell("", Location(source=source, page=page.page_number, line=first_line + r))
              for cell in row)
        for r, row in enumerate(slots)
    )
    return Grid(rows, Location(source=source, page=page.page_number, line=first_line))


def _span(bounds: list[float], start: float, end: float) -> range:
    """Indexes of the grid intervals between `start` and `end`."""
    first = bounds.index(round(start, 1))
    last = bounds.index(round(end, 1))
    return range(first, last)


def _cell_text(chars: list[dict], bbox: tuple[float, float, float, float]) -> str:
    """The cell's text with its wrapped lines joined: a label wrapped in a narrow cell is one label."""
    from pdfplumber.utils import extract_text

    x0, top, x1, bottom = bbox
    inside = [ch for ch in chars
              if x0 <= (ch["x0"] + ch["x1"]) / 2 < x1 and top <= (ch["top"] + ch["bottom"]) / 2 < bottom]
    text = extract_text(inside, x_tolerance=_X_TOLERANCE, y_tolerance=_Y_TOLERANCE)
    joined = "".join(part.strip() for part in text.splitlines())
    return _SPACE_IN_CJK.sub("", joined)


__all__ = ["pdf_blocks", "parse_pdf", "NO_TEXT_LAYER", "NOT_A_PDF"]
