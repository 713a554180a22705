"""Readers: every input kind returns the same Report.

`parse_path(path)` and `parse_bytes(data, name)` pick the reader from the content (and the name
where the content does not tell): .docx, PDF, HTML, JSON, or plain text in any of its shapes.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from gongkai.errors import Location, ParseError
from gongkai.parse.cells import decode
from gongkai.parse.document import Block
from gongkai.report import Report

# Files of the shared corpus start with `source:` and `agency:` lines describing where they
# come from; they are not part of the report.
_CORPUS_HEADER = re.compile(r"\Asource:[^\n]*\n(?:agency:[^\n]*\n)?\n?")
_HTML = re.compile(r"<(?:html|body|table|div|p)\b", re.IGNORECASE)


def sniff(data: bytes, name: str = "") -> str:
    """The input kind: docx, pdf, html, json or text."""
    suffix = Path(name).suffix.lower()
    if data[:4] == b"PK\x03\x04" or suffix == ".docx":
        return "docx"
    if data.lstrip()[:5] == b"%PDF-" or suffix == ".pdf":
        return "pdf"
    if suffix == ".json" or data.lstrip()[:1] == b"{":
        return "json"
    text_head = _head_text(data[:4096])
    if suffix in (".html", ".htm") or _HTML.search(_CORPUS_HEADER.sub("", text_head)):
        return "html"
    return "text"


def _head_text(head: bytes) -> str:
    """The first bytes as text. Cut at a fixed length, UTF-8 text mostly ends inside a character:
    an incremental decoder leaves that character out where a whole decode would fail."""
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(head)
    except UnicodeDecodeError:
        return head.decode("gb18030", errors="ignore")


def parse_bytes(data: bytes, name: str = "-", *, history: list[Report] | None = None) -> Report:
    """Read one report from bytes; `name` is used for locations and to break ties in sniffing."""
    kind = sniff(data, name)
    if not data.strip():
        raise ParseError("文件为空", location=Location(source=name))
    if kind == "json":
        from gongkai.render.json import parse_json
        return parse_json(data, source=name)
    from gongkai.parse.assemble import assemble
    return assemble(blocks(data, name, kind), source=name, history=history)


def blocks(data: bytes, name: str = "-", kind: str | None = None) -> list[Block]:
    """The document as blocks, by the reader of its kind."""
    kind = kind or sniff(data, name)
    if kind == "docx":
        from gongkai.parse.docx import docx_blocks
        return docx_blocks(data, source=name)
    if kind == "pdf":
        from gongkai.parse.pdf import pdf_blocks
        return pdf_blocks(data, source=name)
    # Blank out (not cut) the corpus header so that line numbers stay those of the file.
    text = _CORPUS_HEADER.sub(lambda m: "\n" * m.group().count("\n"), decode(data, source=name))
    if kind == "html":
        from gongkai.parse.html import html_blocks
        return html_blocks(text, source=name)
    from gongkai.parse.text import text_blocks
    return text_blocks(text, source=name)


def parse_path(path: str | Path, *, history: list[Report] | None = None) -> Report:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"无法读取文件：{exc.strerror}", location=Location(source=str(path))) from exc
    return parse_bytes(data, path.name, history=history)


__all__ = ["parse_path", "parse_bytes", "blocks", "sniff"]
