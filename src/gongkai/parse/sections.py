"""Find the six section headings of a report in its blocks, tolerating typos and layout."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate

from gongkai.parse.cells import label_key, normalize_text, shared_bound, similarity_bound
from gongkai.parse.document import Block, Grid, Line
from gongkai.parse.tokens import is_page_footer
from gongkai.spec import ReportSpec, SectionSpec

_NUMERAL = re.compile(r"([一二三四五六])\s*[、.．,，]\s*")
_MIN_SIMILARITY = 0.72
_SAME_NUMERAL_BONUS = 0.05  # the printed numeral agrees: prefer it among equals
_EPSILON = 1e-9


@dataclass
class Section:
    id: str
    blocks: list[Block] = field(default_factory=list)


def _similarity(a: str, b: str) -> float:
    """SequenceMatcher's ratio; 0.0 for a pair whose shared characters already keep it below
    _MIN_SIMILARITY (the bound costs a microsecond, the ratio tens)."""
    if shared_bound(a, b) < _MIN_SIMILARITY:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


_WINDOW = 60  # characters after a numeral that may hold a heading


def _heading_at(text: str, m: re.Match,
                candidates: tuple[SectionSpec, ...]) -> list[tuple[float, SectionSpec, int]]:
    """The sections whose heading may be printed at the numeral `m`: (score, section, end).

    The words after the numeral decide; the numeral itself only breaks ties, because some
    conversions renumber the headings (a report whose narrative runs 一 to 六 prints its tables
    under 一、主动公开… 二、收到和处理…)."""
    start = m.end()
    hits = _headings_after(text[start:start + _WINDOW], m.group(1), _heading_keys(candidates))
    return [(score, candidates[k], start + offset) for score, k, offset in hits]


@lru_cache(maxsize=4096)  # reports print the same headings (and numbered lines) again and again
def _headings_after(after: str, numeral: str,
                    headings: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[float, int, int], ...]:
    """`_heading_at` for the text `after` a numeral: (score, index of the section in `headings`,
    offset in `after` where the heading ends). `headings`: `_heading_keys` of the sections."""
    hits = []
    window = label_key(after)
    # A label key keeps one character for each letter or digit and drops the rest: the key of
    # `after[:i]` is `window[:kept[i]]`, and a key of n characters ends where kept reaches n.
    kept = list(accumulate((ch.isalnum() for ch in after), initial=0))
    for k, (own_numeral, keys) in enumerate(headings):
        best: tuple[float, int] | None = None
        for words in keys:
            if window.startswith(words):
                best = (1.0, min(bisect_left(kept, len(words)), len(after)))
                continue
            if best is not None and best[0] >= 1.0:  # printed whole: no near match can beat it
                continue
            if not _starts_alike(words, window) or \
                    similarity_bound(words, window[:len(words) + 2]) < _MIN_SIMILARITY:
                continue
            # Compare against the same number of key characters, plus slack for a typo.
            for extra in (0, 1, 2, -1):
                end = min(len(after), max(len(words) + extra, 0))
                score = _similarity(words, window[:kept[end]])
                if score >= _MIN_SIMILARITY and (best is None or score > best[0]):
                    best = (score, end)
        if best is not None:
            bonus = _SAME_NUMERAL_BONUS if numeral == own_numeral else 0.0
            hits.append((best[0] + bonus, k, best[1]))
    return tuple(hits)


_HEADING_KEYS: dict[int, tuple] = {}


def _heading_keys(sections: tuple[SectionSpec, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(numeral, the label keys of its headings without the numeral) for each section, computed
    once per format (its sections are constants); plain strings, to key a cache."""
    cached = _HEADING_KEYS.get(id(sections))
    if cached is None or cached[0] is not sections:
        keys = tuple((label_key(section.heading)[0],
                      tuple(label_key(heading)[1:] for heading in section.headings))
                     for section in sections)
        cached = _HEADING_KEYS[id(sections)] = (sections, keys)
    return cached[1]


def _starts_alike(words: str, window: str) -> bool:
    """A heading printed with a typo still starts with two of its first four characters in place
    (`四、政府信息公开行政法复议…`); a row label that shares its later words does not."""
    return words[:2] in window[:4] or words[2:4] in window[:8]


@dataclass(frozen=True)
class _Heading:
    block: int
    start: int
    end: int
    order: int  # the section's index in the format
    score: float


def split_sections(blocks: list[Block], spec: ReportSpec) -> tuple[list[Block], list[Section]]:
    """Split blocks into the preamble and the sections found, in the format's order.

    Every numbered line that resembles a heading is a candidate; the headings kept are the
    sequence in the format's order that resembles the headings most, so a narrative that numbers
    its own parts 一 to 六 before the tables does not hide the tables' headings. A heading may
    stand inside a long line (crawled pages put everything on one line): the line is cut there.
    Sections not found are missing from the result.
    """
    order = spec.sections
    texts = {i: normalize_text(b.text) for i, b in enumerate(blocks) if isinstance(b, Line)}
    chosen = _best_sequence(_candidates(texts, order))
    cuts: dict[int, list[_Heading]] = {}
    for heading in chosen:
        cuts.setdefault(heading.block, []).append(heading)
    preamble: list[Block] = []
    found: list[Section] = []
    current = preamble
    for i, block in enumerate(blocks):
        if i not in cuts:
            current.append(block)
            continue
        pos = 0
        for heading in cuts[i]:
            piece = _piece(block, texts[i][pos:heading.start])
            if piece is not None:
                current.append(piece)
            found.append(Section(order[heading.order].id))
            current = found[-1].blocks
            pos = heading.end
        piece = _piece(block, texts[i][pos:])
        if piece is not None:
            current.append(piece)
    return preamble, _recover_problems(found)


_SUBHEADING = re.compile(r"^\s*（一）")


def _recover_problems(found: list[Section]) -> list[Section]:
    """Section 四 is a single table: when the heading of 五 was lost in conversion, prose that
    opens with `（一）` after the table's figures is section 五 (`（一）主要问题`)."""
    ids = [s.id for s in found]
    if "problems" in ids or "appeals" not in ids:
        return found
    appeals = found[ids.index("appeals")]
    seen_figures = False
    for k, block in enumerate(appeals.blocks):
        if isinstance(block, Line) and seen_figures and _SUBHEADING.match(normalize_text(block.text)):
            problems = Section("problems", appeals.blocks[k:])
            del appeals.blocks[k:]
            return [*found[:ids.index("appeals") + 1], problems, *found[ids.index("appeals") + 1:]]
        seen_figures = seen_figures or isinstance(block, Grid) or any(ch.isdigit() for ch in block.text)
    return found


def _candidates(texts: dict[int, str], order: tuple[SectionSpec, ...]) -> list[_Heading]:
    found = []
    for i in _numbered(texts):
        text = texts[i]
        for m in _NUMERAL.finditer(text):
            for score, section, end in _heading_at(text, m, order):
                found.append(_Heading(i, m.start(), end, order.index(section), score))
    return sorted(found, key=lambda h: (h.block, h.start, h.order))


def _numbered(texts: dict[int, str]) -> list[int]:
    """The lines that print a numeral (`一、`): found by one search over the lines joined, where a
    search per line costs three times as much in calls. A match in the joined text may run across
    a line end; it only makes a line searched for nothing."""
    starts, pos = [], 0
    for text in texts.values():
        starts.append(pos)
        pos += len(text) + 1
    lines = list(texts)
    joined = "\n".join(texts.values())
    return list(dict.fromkeys(lines[bisect_right(starts, m.start()) - 1] for m in _NUMERAL.finditer(joined)))


def _best_sequence(candidates: list[_Heading]) -> list[_Heading]:
    """The chain of candidates, in reading order and in the format's order, of highest total
    resemblance (a longest-path over a handful of candidates). Between equal chains the later
    headings win: a list of the parts printed before them is not where the parts begin."""
    best: list[tuple[float, int]] = []  # per candidate: (score of the best chain ending there, previous)
    for j, cand in enumerate(candidates):
        total, prev = cand.score, -1
        for i in range(j):
            before = candidates[i]
            follows = (before.block, before.end) <= (cand.block, cand.start) and before.order < cand.order
            if follows and best[i][0] + cand.score >= total - _EPSILON:
                total, prev = max(total, best[i][0] + cand.score), i
        best.append((total, prev))
    if not best:
        return []
    j = max(range(len(best)), key=lambda k: (round(best[k][0], 6), k))
    chain = []
    while j >= 0:
        chain.append(candidates[j])
        j = best[j][1]
    return chain[::-1]


def _piece(line: Line, text: str) -> Line | None:
    return Line(text, line.location) if text.strip() else None


def section_text(blocks: list[Block]) -> str:
    """The section's lines as text, without the page numbers a conversion left among them."""
    lines = [b.text.strip() for b in blocks if isinstance(b, Line)]
    return "\n".join(line for line in lines if line and not is_page_footer(line))


_WRAP_WIDTH = 60  # PDF text wraps lines at about 30–40 characters; paragraphs run longer
_ENDS_PARAGRAPH = tuple("。；！？：:;!?")


def paragraphs(text: str) -> str:
    r"""Join the lines of a hard-wrapped text (PDF extractions) into its paragraphs.

    A line is a wrapped piece of a paragraph when the text is hard-wrapped (no line longer than
    a printed line), the line runs nearly the full width and does not end a sentence.

    >>> paragraphs("我市坚持以习近平新时代中国特色社会主义\n思想为指导，认真学习宣传贯彻党的二十\n大精神。\n（一）主动公开情况。")
    '我市坚持以习近平新时代中国特色社会主义思想为指导，认真学习宣传贯彻党的二十大精神。\n（一）主动公开情况。'
    """
    lines = text.split("\n")
    if len(lines) < 2 or max(len(line) for line in lines) > _WRAP_WIDTH:
        return text
    width = sorted(len(line) for line in lines)[len(lines) // 2]  # most lines run the full width
    out = [lines[0]]
    for line in lines[1:]:
        previous = out[-1]
        if len(previous) >= 0.9 * width and not previous.endswith(_ENDS_PARAGRAPH):
            out[-1] = previous + line
        else:
            out.append(line)
    return "\n".join(out)


__all__ = ["Section", "split_sections", "section_text", "paragraphs"]
