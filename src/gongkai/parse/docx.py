"""Read an annual report from a Word .docx file.

The body is walked in document order: each paragraph becomes a `Line`, each table a `Grid`
expanded to its full column grid. Word stores a merged cell once (`w:gridSpan` across
columns, `w:vMerge` down rows); the grid repeats its text on every position it covers and
marks the covered positions `merged=True`, as `gongkai.parse.document` asks of every reader.

Locations:
- a `Line`: `line` is the paragraph's 1-based number among the paragraphs of the body in
  reading order (empty paragraphs count, so the number matches Word's paragraph count);
- a `Grid`: `table` is `表N`, N the 1-based number of the table in reading order (nested
  tables counted after the table holding them);
- a `GridCell`: `table` as its grid, `line` the 1-based row number in that table and
  `column` `第M列`, M the 1-based grid column. The assembler replaces these with spec ids.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from gongkai.errors import Location, ParseError
from gongkai.parse.document import Block, Grid, GridCell, Line
from gongkai.report import Report

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {
    "w": _W,
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy binary .doc / .xls

# Runs whose text is not part of the printed paragraph: deleted revisions, text boxes
# (drawn over the page, outside the reading order) and the fallback copy of alternate content.
_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:del) and not(ancestor::w:txbxContent) and not(ancestor::mc:Fallback)]",
    namespaces=_NS)
# Rows of a table and cells of a row, including those wrapped in content controls.
_ROWS = etree.XPath("./w:tr | ./w:sdt/w:sdtContent/w:tr | ./w:customXml/w:tr", namespaces=_NS)
_CELLS = etree.XPath("./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc", namespaces=_NS)

DOCX_NOT_WORD = "文件“%(source)s”不是有效的 Word（.docx）文档：%(reason)s"
DOCX_LEGACY_DOC = "文件“%(source)s”是旧版 Word（.doc）文档，无法直接读取"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _SDT, _SDT_CONTENT, _CUSTOM_XML = _w("p"), _w("tbl"), _w("sdt"), _w("sdtContent"), _w("customXml")
_TC_PR, _TR_PR, _VAL, _TR, _TC = _w("tcPr"), _w("trPr"), _w("val"), _w("tr"), _w("tc")
_COLUMN_NAMES = tuple(f"第{c + 1}列" for c in range(64))


@dataclass
class _Walk:
    """State of one pass over the body: counters for paragraph and table numbers."""

    source: str
    blocks: list[Block] = field(default_factory=list)
    paragraphs: int = 0
    tables: int = 0
    plain: bool = False  # no deleted text, text boxes or alternate content anywhere


_RUN_TEXT = {_w("t"): None, _w("tab"): "\t", _w("br"): "\n", _w("cr"): "\n", _w("noBreakHyphen"): "-"}


# Constructs that need the careful walk: deleted text, text boxes, alternate content, and content
# controls around rows or cells. A document with none of them is read by the direct one.
_HAS_HIDDEN = tuple(f".//{tag}" for tag in (_w("del"), _w("txbxContent"), f"{{{_NS['mc']}}}Fallback",
                                            _w("sdt"), _w("customXml")))


def _has_hidden(element: etree._Element) -> bool:
    return any(element.find(path) is not None for path in _HAS_HIDDEN)


def _paragraph_text(p: etree._Element, plain: bool = False) -> str:
    # w:t, w:tab, w:br and w:cr rendered the way Word shows them (as python-docx's CT_R.text does).
    if plain:
        # A document with nothing to leave out: the text elements in document order.
        return "".join(_RUN_TEXT[el.tag] or el.text or "" for el in p.iter(*_RUN_TEXT))
    parts = []
    for run in _RUNS(p):
        for child in run:
            if child.tag in _RUN_TEXT:
                parts.append(_RUN_TEXT[child.tag] or child.text or "")
    return "".join(parts)


def _content(parent: etree._Element):
    """Block-level children of the body or a cell, looking through content controls."""
    for child in parent:
        tag = child.tag
        if tag == _P or tag == _TBL:
            yield child
        elif tag == _SDT:
            for inner in child.iterchildren(_SDT_CONTENT):
                yield from _content(inner)
        elif tag == _CUSTOM_XML:
            yield from _content(child)


def _int_val(parent: etree._Element | None, path: str, default: int) -> int:
    if parent is None:
        return default
    found = parent.find(path)
    if found is None:
        return default
    try:
        return int(found.get(_VAL))
    except (TypeError, ValueError):
        return default


def _merge_val(tc_pr: etree._Element | None, tag: str) -> str | None:
    """`restart`, `continue` or None for a cell's w:vMerge / legacy w:hMerge."""
    found = None if tc_pr is None else tc_pr.find(tag)
    if found is None:
        return None
    return found.get(_VAL) or "continue"  # a bare <w:vMerge/> continues the cell above


_VMERGE, _HMERGE, _GRID_SPAN = _w("vMerge"), _w("hMerge"), _w("gridSpan")


def _cell_text(tc: etree._Element, nested: list[etree._Element], plain: bool) -> str:
    """The cell's own paragraphs, one per line; nested tables go to `nested` instead."""
    lines = []
    for child in _content(tc):
        if child.tag == _TBL:
            nested.append(child)
        else:
            lines.append(_paragraph_text(child, plain))
    return "\n".join(lines).strip()


def _expand(tbl: etree._Element, nested: list[etree._Element],
            plain: bool = False) -> list[list[tuple[str, bool]]]:
    """The table as a full grid of (text, merged) positions."""
    grid: list[list[tuple[str, bool]]] = []
    rows = tbl.iterchildren(_TR) if plain else _ROWS(tbl)
    for r, tr in enumerate(rows):
        tr_pr = tr.find(_TR_PR)
        row: list[tuple[str, bool]] = [("", False)] * _int_val(tr_pr, _w("gridBefore"), 0)
        for tc in (tr.iterchildren(_TC) if plain else _CELLS(tr)):
            tc_pr = tc.find(_TC_PR)
            span = max(1, _int_val(tc_pr, _GRID_SPAN, 1))
            text = _cell_text(tc, nested, plain)
            start = len(row)
            above = grid[r - 1] if r > 0 else []
            if _merge_val(tc_pr, _VMERGE) == "continue" and start < len(above):
                # Covered by the cell above: repeat its text, column by column.
                row.extend((above[min(start + k, len(above) - 1)][0], True) for k in range(span))
            elif _merge_val(tc_pr, _HMERGE) == "continue" and row:
                row.extend((row[-1][0], True) for _ in range(span))
            else:
                row.append((text, False))
                row.extend((text, True) for _ in range(span - 1))
        row.extend([("", False)] * _int_val(tr_pr, _w("gridAfter"), 0))
        grid.append(row)
    width = max((len(row) for row in grid), default=0)
    for row in grid:
        row.extend([("", False)] * (width - len(row)))  # short rows: positions no cell covers
    return grid


def _walk_table(tbl: etree._Element, walk: _Walk) -> None:
    rows = _ROWS(tbl)
    cells = _CELLS(rows[0]) if len(rows) == 1 else []
    if len(cells) == 1:
        # A one-cell table is a frame around content (some bodies wrap the whole report
        # in one): read what it holds, not a grid.
        _walk_content(cells[0], walk)
        return
    nested: list[etree._Element] = []
    grid = _expand(tbl, nested, walk.plain)
    if not grid:
        return
    walk.tables += 1
    name = f"表{walk.tables}"
    cells_out = tuple(
        tuple(
            GridCell(text, Location(source=walk.source, line=r + 1, table=name,
                                    column=_COLUMN_NAMES[c] if c < 64 else f"第{c + 1}列"), merged)
            for c, (text, merged) in enumerate(row)
        )
        for r, row in enumerate(grid)
    )
    walk.blocks.append(Grid(cells_out, Location(source=walk.source, table=name)))
    for inner in nested:  # tables inside cells follow the table that holds them
        _walk_table(inner, walk)


def _walk_content(parent: etree._Element, walk: _Walk) -> None:
    for child in _content(parent):
        if child.tag == _TBL:
            _walk_table(child, walk)
            continue
        walk.paragraphs += 1
        text = _paragraph_text(child, walk.plain).strip()
        if text:
            walk.blocks.append(Line(text, Location(source=walk.source, line=walk.paragraphs)))


def _body(data: bytes, source: str) -> etree._Element:
    def fail(reason: str) -> ParseError:
        return ParseError(DOCX_NOT_WORD % {"source": source, "reason": reason},
                          location=Location(source=source),
                          hint="请确认文件是 Word 2007 及以后版本保存的 .docx 文件")

    if data[:8] == _OLE_MAGIC:
        raise ParseError(DOCX_LEGACY_DOC % {"source": source}, location=Location(source=source),
                         hint="请在 Word 或 WPS 中另存为 .docx 后再读取")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            name = _main_part(package)
            if name is None:
                raise fail(_other_kind(package))
            root = etree.fromstring(package.read(name), _XML_PARSER)
    except zipfile.BadZipFile as exc:
        raise fail("不是 zip 压缩包，或文件不完整") from exc
    except KeyError as exc:  # a zip without the parts of a Word document
        raise fail(f"缺少 Word 文档的组成部分（{exc.args[0] if exc.args else ''}）") from exc
    except etree.XMLSyntaxError as exc:
        raise fail(f"document.xml 的 XML 损坏（{exc}）") from exc
    except (OSError, EOFError, zlib.error, NotImplementedError) as exc:
        raise fail(f"无法解压（{exc}）") from exc
    body = root.find(_w("body"))
    if body is None:
        raise fail("document.xml 中没有正文（w:body）")
    return body


# NOTE: python-docx's Document() loads every part of the package (styles, numbering, theme…),
# which costs most of the time of reading a report; only the main document part is needed
# here, so it is read straight from the package, as python-docx itself would locate it.
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)


def _content_types(package: zipfile.ZipFile) -> dict[str, str]:
    root = etree.fromstring(package.read("[Content_Types].xml"), _XML_PARSER)
    return {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in root.iter(f"{_CT_NS}Override")}


def _main_part(package: zipfile.ZipFile) -> str | None:
    for part, content_type in _content_types(package).items():
        if content_type in _MAIN_TYPES:
            return part
    return None


def _other_kind(package: zipfile.ZipFile) -> str:
    types = " ".join(_content_types(package).values())
    if "spreadsheetml" in types:
        return "这是一个 Excel 表格，不是 Word 文档"
    if "presentationml" in types:
        return "这是一个 PowerPoint 演示文稿，不是 Word 文档"
    return "缺少 Word 文档的主体部分（word/document.xml）"


def docx_blocks(data: bytes, *, source: str) -> list[Block]:
    """The body of a .docx as blocks in reading order.

    Args:
        data: the bytes of the .docx file.
        source: the file name, for locations and messages.
    Returns:
        `Line`s for non-empty paragraphs and a `Grid` per table (nested tables after the
        table holding them; a one-cell frame table is read through).
    Raises:
        ParseError: the bytes are not a .docx (not a zip, no word/document.xml, broken XML).

    >>> docx_blocks(b"plain text", source="a.docx")
    Traceback (most recent call last):
    gongkai.errors.ParseError: a.docx: 文件“a.docx”不是有效的 Word（.docx）文档：不是 zip 压缩包，或文件不完整
        提示：请确认文件是 Word 2007 及以后版本保存的 .docx 文件
    """
    body = _body(data, source)
    walk = _Walk(source=source, plain=not _has_hidden(body))
    _walk_content(body, walk)
    return walk.blocks


def parse_docx(data: bytes, *, source: str) -> Report:
    """Read a .docx annual report into a `Report` (see `docx_blocks` for what is read).

    Raises:
        ParseError: not a .docx; or what `gongkai.parse.assemble.assemble` raises on its blocks
            (TruncatedReportError, UnsupportedFormatError, …).
    """
    from gongkai.parse.assemble import assemble  # the assembler imports the readers' blocks

    return assemble(docx_blocks(data, source=source), source=source)


__all__ = ["docx_blocks", "parse_docx"]
