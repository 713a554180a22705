"""Find the six section headings of a report in its blocks, tolerating typos and layout."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

from gongkai.parse.cells import label_key, normalize_text
from gongkai.parse.document import Block, Grid, Line
from gongkai.spec import ReportSpec, SectionSpec

_NUMERAL = re.compile(r"([一二三四五六])\s*[、.．,，]\s*")
_MIN_SIMILARITY = 0.72


@dataclass
class Section:
    id: str
    blocks: list[Block] = field(default_factory=list)


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _heading_at(text: str, start: int, candidates: tuple[SectionSpec, ...]) -> tuple[SectionSpec, int] | None:
    """The section whose heading is printed at `start`, and where the heading ends."""
    best: tuple[float, SectionSpec, int] | None = None
    for section in candidates:
        for heading in section.headings:
            key = label_key(heading)
            # Compare against the same number of key characters, plus slack for a typo.
            for extra in (0, 1, 2, -1):
                end, got = _take_key_chars(text, start, len(key) + extra)
                score = _similarity(key, got)
                if score >= _MIN_SIMILARITY and (best is None or score > best[0]):
                    best = (score, section, end)
    return None if best is None else (best[1], best[2])


def _take_key_chars(text: str, start: int, count: int) -> tuple[int, str]:
    chars, i = [], start
    while i < len(text) and len(chars) < count:
        ch = label_key(text[i])
        chars.append(ch)
        i += 1
    return i, "".join(chars)


def split_sections(blocks: list[Block], spec: ReportSpec) -> tuple[list[Block], list[Section]]:
    """Split blocks into the preamble and the sections found, in the format's order.

    A heading may stand inside a long line (crawled pages put everything on one line): the line
    is cut there. Sections not found are missing from the result.
    """
    order = spec.sections
    preamble: list[Block] = []
    found: list[Section] = []
    current = preamble
    next_index = 0
    for block in blocks:
        if isinstance(block, Grid):
            current.append(block)
            continue
        pieces, next_index, new_sections = _cut_line(block, order, next_index)
        for piece, section in zip(pieces, [None, *new_sections]):
            if section is not None:
                found.append(section)
                current = section.blocks
            if piece is not None:
                current.append(piece)
    return preamble, found


def _cut_line(line: Line, order, next_index: int):
    text = normalize_text(line.text)
    pieces: list[Line | None] = []
    sections: list[Section] = []
    pos = 0
    for m in _NUMERAL.finditer(text):
        if next_index >= len(order) or m.start() < pos:
            continue
        hit = _heading_at(text, m.start(), order[next_index:next_index + 3])
        if hit is None:
            continue
        spec_section, end = hit
        pieces.append(_piece(line, text[pos:m.start()]))
        next_index = order.index(spec_section) + 1
        sections.append(Section(spec_section.id))
        pos = end
    pieces.append(_piece(line, text[pos:]))
    return pieces, next_index, sections


def _piece(line: Line, text: str) -> Line | None:
    return Line(text, line.location) if text.strip() else None


def section_text(blocks: list[Block]) -> str:
    lines = [b.text.strip() for b in blocks if isinstance(b, Line)]
    return "\n".join(line for line in lines if line)


__all__ = ["Section", "split_sections", "section_text"]
