"""From blocks to a Report: find the sections, detect the format from the tables, match printed
labels to the format's rows and place the values in its cells."""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from gongkai.errors import (
    Finding,
    Location,
    ParseError,
    TruncatedReportError,
    UnsupportedFormatError,
)
from gongkai.parse.cells import label_key, parse_value, shared_bound, similarity_bound
from gongkai.parse.document import Block, Line
from gongkai.parse.meta import detect_meta, detect_year
from gongkai.parse.sections import Section, paragraphs, section_text, split_sections
from gongkai.parse.tokens import GridEnd, RowEnd, Text, Token, Value, block_tokens
from gongkai.report import TEXT_SECTIONS, Cell, Report
from gongkai.spec import FORMATS, ReportSpec, RowSpec, TableSpec

TABLE_SECTIONS = ("proactive", "requests", "appeals")
_FUZZY = 0.75
_MIN_FRAGMENT = 6  # key characters a piece of a label needs to name its row
_FRAGMENT_SCORE = 0.9
LAYOUT_RULE = "R9-format"


@dataclass
class RowRead:
    """The values printed after one label."""

    row: RowSpec
    table: TableSpec
    label: Text
    values: list[Value] = field(default_factory=list)


def assemble(blocks: list[Block], *, source: str | None = None, history: list[Report] | None = None) -> Report:
    """Build a Report from a reader's blocks.

    Raises:
        TruncatedReportError: a table section of the format is not printed.
        UnsupportedFormatError: the tables are not those of a national format (e.g. pre-2019).
        ParseError: a row's values cannot be placed.
        AmbiguousCellsError: digits run together admit several splits; `history` (other years
            of the same body) may decide them.
    """
    any_spec = FORMATS["2021"]  # both formats print the same six headings
    preamble, sections = split_sections(blocks, any_spec)
    by_id = {s.id: s for s in sections}
    head = section_text(preamble)
    texts = {sid: section_text(by_id[sid].blocks) for sid in TEXT_SECTIONS if sid in by_id}
    overview = texts.get("overview", "")
    if not head and not overview:
        head = section_text(sections[0].blocks if sections else blocks)
    agency, year = detect_meta(head, overview)
    detected = {"agency": agency, "year": year, "format": None}
    tokens = {sid: block_tokens(by_id[sid].blocks) for sid in TABLE_SECTIONS if sid in by_id}
    try:
        spec = detect_format(tokens, source=source, blocks=blocks, found=tuple(by_id))
        detected["format"] = spec.id
        _require_sections(spec, by_id, source)
    except (TruncatedReportError, UnsupportedFormatError) as exc:
        exc.detected = detected  # what the reader could tell, for a caller that lists reports
        raise
    report = Report(format=spec.id, agency=detected["agency"], year=detected["year"], source=source)
    if report.year is None:
        report.year = detect_year(section_text(blocks))
    for sid in TEXT_SECTIONS:
        text = paragraphs(texts[sid]) if sid in texts else ""
        if text:
            report.text[sid] = text
    searched: dict = {}  # the slow path's readings, shared by the two sections (see resolve_rows)
    for sid in ("proactive", "requests"):
        _read_labelled(report, spec, sid, tokens[sid], history or [], tokens, searched)
    _read_appeals(report, spec, tokens["appeals"], source)
    return report


# Format detection ----------------------------------------------------------------------------


def _label_keys(spec: ReportSpec) -> set[str]:
    keys: set[str] = set()
    for table in spec.tables:
        if table.caption:
            keys.add(label_key(table.caption))
        for item in (*table.rows, *table.columns):
            keys.update(label_key(label) for label in item.labels)
    return keys


def _group_keys(spec: ReportSpec) -> set[str]:
    return {label_key(g) for t in spec.tables for r in t.rows for g in r.groups}


def distinctive_keys(spec: ReportSpec, other: ReportSpec) -> frozenset[str]:
    """Label keys of `spec` that no label of `other` contains."""
    return _distinctive_keys(spec.id, other.id)


@lru_cache(maxsize=None)
def _distinctive_keys(spec_id: str, other_id: str) -> frozenset[str]:
    spec, other = FORMATS[spec_id], FORMATS[other_id]
    theirs = _label_keys(other) | _group_keys(other)
    return frozenset(k for k in _label_keys(spec) if len(k) > 2 and not any(k in t for t in theirs))


def detect_format(tokens: dict[str, list[Token]], *, source: str | None, blocks: list[Block] = (),
                  found: tuple[str, ...] = ()) -> ReportSpec:
    """The format whose own labels the tables print most; never decided from the year.

    `blocks` is the whole report (to recognise the pre-2019 table) and `found` the ids of the
    sections whose headings were found (to say which are missing)."""
    if all(_prints(blocks, w) for w in _PRE_2019_HEADER):
        raise UnsupportedFormatError(
            "表格不是国家规定的年度报告格式（2019 或 2021 版）：这是 2019 年以前的旧格式"
            "（“政府信息公开情况统计表”，表头为“指标名称”“计量单位”）",
            location=Location(source=source))
    printed = "".join(label_key(t.text) for sid in ("proactive", "requests")
                      for t in tokens.get(sid, ()) if isinstance(t, Text))
    scores = {}
    for spec in FORMATS.values():
        others = [o for o in FORMATS.values() if o is not spec]
        keys = frozenset.intersection(*(distinctive_keys(spec, o) for o in others))
        scores[spec.id] = sum(1 for k in keys if k in printed)
    best = max(scores, key=lambda fid: (scores[fid], fid))
    if scores[best] == 0:
        if not tokens.get("requests") and not tokens.get("proactive"):
            raise TruncatedReportError(
                _missing_message(FORMATS["2021"], (*found, *tokens))
                + "；没有印出表格，无法判断格式（2019 或 2021 版）",
                location=Location(source=source))
        raise UnsupportedFormatError("表格不是国家规定的年度报告格式（2019 或 2021 版）",
                                     location=Location(source=source))
    return FORMATS[best]


# The header of the pre-2019 table 政府信息公开情况统计表.
_PRE_2019_HEADER = ("指标名称", "计量单位")


def _prints(blocks: list[Block], words: str) -> bool:
    for block in blocks:
        if isinstance(block, Line):
            if words in block.text:
                return True
        elif any(words in cell.text for row in block.rows for cell in row):
            return True
    return False


def _missing_message(spec: ReportSpec, present) -> str:
    """`报告不完整：缺少“三、…”“四、…”`, naming every section after the last one printed."""
    ids = [s.id for s in spec.sections]
    last = max((ids.index(sid) for sid in present if sid in ids), default=-1)
    missing = [s.heading for s in spec.sections[last + 1:]]
    gaps = [s.heading for s in spec.sections[:max(last, 0)] if s.id in TABLE_SECTIONS and s.id not in present]
    return "报告不完整：缺少" + "".join(f"“{h}”" for h in gaps + missing)


def _require_sections(spec: ReportSpec, sections: dict[str, Section], source: str | None) -> None:
    missing = [s.heading for s in spec.sections if s.id in TABLE_SECTIONS and s.id not in sections]
    if missing:
        raise TruncatedReportError(_missing_message(spec, sections) + "（只印了报告的开头部分）",
                                   location=Location(source=source))


# Labelled rows (sections 二 and 三) ------------------------------------------------------------


def _candidate_rows(spec: ReportSpec, section_id: str) -> tuple[tuple[TableSpec, RowSpec, bool], ...]:
    """Rows of this format's tables in the section, then rows only the other formats print."""
    return _candidates_of(spec.id, section_id)


@lru_cache(maxsize=None)
def _candidates_of(spec_id: str, section_id: str) -> tuple[tuple[TableSpec, RowSpec, bool], ...]:
    spec = FORMATS[spec_id]
    own = [(t, r, True) for t in spec.tables if t.id.split(".")[0] == section_id for r in t.rows]
    known = {(t.id, r.id) for t, r, _ in own}
    foreign = [
        (t, r, False)
        for other in FORMATS.values() if other is not spec
        for t in other.tables if t.id.split(".")[0] == section_id
        for r in t.rows if (t.id, r.id) not in known and r.id in spec.stand_ins
    ]
    return tuple(own + foreign)


def _match_label(buffer: str, candidates, taken: set,
                 fragment: str = "") -> tuple[TableSpec, RowSpec, bool] | None:
    """The row whose label ends `buffer` (exactly, else closely); failing that, the first row in
    the format's order whose label contains `fragment`, the text printed in the row's own cells (a
    conversion that cut a long label keeps a piece of it: `行政机关不再处理其政府信息公`)."""
    best = _ending_label(buffer, candidates, taken)
    if best is not None:  # the common case: the buffer ends with a label, no other can beat it
        return best
    best_score = None
    keyed = _keyed(candidates)
    for ident, keys, cand in keyed:  # exact: a label printed whole always beats a near one
        if ident in taken:
            continue
        for key in keys:
            at = buffer.rfind(key)
            if at >= 0 and (best_score is None or (at + len(key), len(key)) > best_score):
                best, best_score = cand, (at + len(key), len(key))
    if best is not None:
        return best
    open_rows = [cand for ident, _, cand in keyed if ident not in taken]
    ratios = _resembling(buffer, tuple(dict.fromkeys(key for cand in open_rows for key in _keys(cand[1]))))
    for cand in open_rows:
        for key in _keys(cand[1]):
            if len(fragment) >= _MIN_FRAGMENT and fragment in key:
                score = (_FRAGMENT_SCORE, 0)  # ties keep the first row in the format's order
            else:
                ratio = ratios.get(key, 0.0)
                if ratio < _FUZZY:
                    continue
                score = (ratio, len(key))
            if best_score is None or score > best_score:
                best, best_score = cand, score
    return best


def _ending_label(buffer: str, candidates, taken: set) -> tuple[TableSpec, RowSpec, bool] | None:
    """The open row with the longest label key that ends `buffer`, first in the format's order
    among equals: what the exact scan of `_match_label` picks when a label ends the buffer, found
    by trying only the keys that end with the buffer's last character instead of searching the
    buffer for every label."""
    for key, rows in _ends_index(candidates).get(buffer[-1:], ()):
        if buffer.endswith(key):
            for ident, cand in rows:
                if ident not in taken:
                    return cand
    return None


_ROW_KEYS: dict[int, tuple[str, ...]] = {}
_KEYED: dict[int, tuple] = {}
_ENDS: dict[int, tuple] = {}


def _ends_index(candidates) -> dict[str, list[tuple[str, list]]]:
    """{last character: [(label key, [(ids, candidate)] in the format's order)], longest key
    first}: the candidates' keys by how they end."""
    cached = _ENDS.get(id(candidates))
    if cached is None or cached[0] is not candidates:
        by_key: dict[str, list] = {}
        for ident, keys, cand in _keyed(candidates):
            for key in dict.fromkeys(k for k in keys if k):  # an empty key ends nothing
                by_key.setdefault(key, []).append((ident, cand))
        by_last: dict[str, list] = {}
        for key in sorted(by_key, key=len, reverse=True):
            by_last.setdefault(key[-1], []).append((key, by_key[key]))
        cached = _ENDS[id(candidates)] = (candidates, by_last)
    return cached[1]


def _keyed(candidates) -> list[tuple]:
    """(ids, label keys, candidate) for each candidate row, computed once per candidate list."""
    cached = _KEYED.get(id(candidates))
    if cached is None or cached[0] is not candidates:
        cached = _KEYED[id(candidates)] = (candidates, [((t.id, r.id), _keys(r), (t, r, own))
                                                        for t, r, own in candidates])
    return cached[1]


def _keys(row: RowSpec) -> tuple[str, ...]:
    keys = _ROW_KEYS.get(id(row))  # rows are constants of the catalogue
    if keys is None:
        keys = _ROW_KEYS[id(row)] = tuple(label_key(label) for label in row.labels)
    return keys


@lru_cache(maxsize=4096)  # published reports print the same labels and headers again and again
def _resembling(buffer: str, keys: tuple[str, ...]) -> dict[str, float]:
    """{key: how closely a tail of `buffer` resembles it} for the keys that reach _FUZZY.

    Every tail compared with a key lies in the buffer and is at least `len(key) - 2` long (or
    the whole buffer): a key whose characters the buffer holds too few of is left out without
    building a tail, which is what makes a buffer that names no row cheap."""
    chars = set(buffer)
    ratios = {}
    for key in keys:
        if 2 * sum(map(chars.__contains__, key)) < _FUZZY * (len(key) + min(len(key) - 2, len(buffer))):
            continue
        ratio = _tail_similarity(key, buffer)
        if ratio >= _FUZZY:
            ratios[key] = ratio
    return ratios


def _tail_similarity(key: str, buffer: str) -> float:
    best = 0.0
    # Every tail tried is a piece of the longest one, and none is shorter than `shortest`: when
    # even the key's characters found in the longest could not reach _FUZZY, no tail can.
    longest = buffer[-(len(key) + 4):]
    shortest = min(len(key) - 2, len(buffer))
    if 2 * sum(map(set(longest).__contains__, key)) < _FUZZY * (len(key) + shortest):
        return best
    for extra in (0, 2, -2, 4):
        tail = buffer[-(len(key) + extra):] if len(key) + extra > 0 else ""
        if tail and similarity_bound(key, tail) >= _FUZZY and shared_bound(key, tail) >= _FUZZY:
            best = max(best, SequenceMatcher(None, key, tail, autojunk=False).ratio())
    return best


def read_rows(tokens: list[Token], candidates) -> tuple[list[RowRead], list[Value]]:
    """Pair each run of values with the label printed before it.

    Values before any recognised label are returned apart (header debris, or rows whose labels
    were lost in conversion)."""
    rows, orphans, _runs = _read_runs(tokens, candidates)
    return rows, orphans


@dataclass
class _Run:
    """Values printed together without a label of their own: one table row, or one line."""

    after: int  # how many labelled rows were read before it
    values: list[Value] = field(default_factory=list)


def _read_runs(tokens: list[Token], candidates) -> tuple[list[RowRead], list[Value], list[_Run]]:
    rows: list[RowRead] = []
    orphans: list[Value] = []
    runs: list[_Run] = []
    taken: set = set()
    buffer: list[Text] = []
    current: RowRead | None = None
    run: _Run | None = None
    for token in tokens:
        kind = type(token)  # values first: most tokens are; and `is` costs less than isinstance
        if kind is Value:
            if current is None and run is None and buffer:
                match = _match_buffer(buffer, token, candidates, taken)
                if match is not None:
                    table, row, _ = match
                    taken.add((table.id, row.id))
                    current = RowRead(row, table, buffer[-1])
                    rows.append(current)
                buffer = [] if match is not None or _stacked(buffer, token, candidates) else buffer
            if current is not None:
                current.values.append(token)
            else:
                orphans.append(token)
                if run is None or run.values[-1].in_grid != token.in_grid:  # a table row is a run of its own
                    run = _Run(len(rows))
                    runs.append(run)
                run.values.append(token)
        elif kind is Text:
            if current is not None:
                current, buffer = None, []
            run = None
            buffer.append(token)
        else:  # RowEnd, GridEnd
            if current is not None:
                current, buffer = None, []
            run = None
            if kind is GridEnd:
                buffer = []
    return rows, orphans, runs


def _match_buffer(buffer: list[Text], first: Value, candidates, taken: set):
    """The row named by the text before a run of values. A table row that prints no label of its
    own after several labels stacked on lines above it (a conversion that moved the labels out
    of the table) is not named by them: it is placed by the format's order later."""
    keys = [label_key(t.text) for t in buffer]
    own = [key for t, key in zip(buffer, keys) if t.in_grid] if first.in_grid else []
    if first.in_grid and not own and _stacked(buffer, first, candidates):
        return None
    return _match_label("".join(keys), candidates, taken, "".join(own))


def _stacked(buffer: list[Text], first: Value, candidates) -> bool:
    """Lines above a label-less table row name two or more rows of the format."""
    if not first.in_grid or any(t.in_grid for t in buffer):
        return False
    text = "".join(label_key(t.text) for t in buffer)
    named = {ident for ident, head in _label_heads(candidates) if head in text}
    return len(named) >= 2


_HEADS: dict[int, tuple] = {}


def _label_heads(candidates) -> list[tuple[tuple[str, str], str]]:
    """(ids, the first characters of a label key) for each label long enough to be named by a
    piece of it, computed once per candidate list."""
    cached = _HEADS.get(id(candidates))
    if cached is None or cached[0] is not candidates:
        heads = [(ident, key[:_MIN_FRAGMENT - 2]) for ident, keys, _ in _keyed(candidates)
                 for key in keys if len(key) >= _MIN_FRAGMENT]
        cached = _HEADS[id(candidates)] = (candidates, heads)
    return cached[1]


def _fit(values: list[Value], n: int) -> list[Value] | None:
    """The row's n printed cells: blank cells beyond the table's width are layout, not data."""
    values = list(values)
    while len(values) > n and not values[-1].text:
        values.pop()
    while len(values) > n and not values[0].text:
        values.pop(0)
    return values if len(values) == n else None


def _fit_row(read: RowRead) -> list[Value] | None:
    """`_fit`; failing that, the row's table cells alone: a Markdown conversion prints stray
    numbers (page numbers, pieces of the header) on lines between a label and its table row, and
    the table row that fits its table is what the row printed."""
    width = len(read.table.columns)
    values = _fit(read.values, width)
    grid = [v for v in read.values if v.in_grid]
    if values is None and grid and len(grid) < len(read.values):
        values = _fit(grid, width)
    return values


def _place_unlabelled(rows: list[RowRead], runs: list[_Run], candidates) -> list[RowRead]:
    """Give label-less runs of values the rows the format prints between the labelled rows
    around them, when their number is exactly that of the rows missing there (an unlabelled row
    of seven values between 4.保护第三方合法权益 and 6.属于四类过程性信息 is 5.属于三类内部事务信息).
    Returns the rows in reading order."""
    order = [(t, r) for t, r, own in candidates if own]
    keys = [(t.id, r.id) for t, r in order]
    taken = {(read.table.id, read.row.id) for read in rows}
    groups: dict[int, list[_Run]] = {}
    for run in runs:
        if any(v.text for v in run.values):  # a run of blanks is the rest of a header row
            groups.setdefault(run.after, []).append(run)
    inserted: dict[int, list[RowRead]] = {}
    for after, group in groups.items():
        before = rows[after - 1] if after > 0 else None
        nxt = rows[after] if after < len(rows) else None
        bounds = [(r.table.id, r.row.id) for r in (before, nxt) if r is not None]
        if any(b not in keys for b in bounds):
            continue
        lo = keys.index(bounds[0]) + 1 if before is not None else 0
        hi = keys.index(bounds[-1]) if nxt is not None else len(keys)
        missing = [order[i] for i in range(lo, hi) if keys[i] not in taken]
        if len(missing) != len(group):  # numbers on lines between table rows are debris (page numbers)
            group = [run for run in group if all(v.in_grid for v in run.values)]
        if not missing or len(missing) != len(group):
            continue
        reads = [RowRead(row, table, Text("", run.values[0].location), list(run.values))
                 for (table, row), run in zip(missing, group)]
        if all(_fit(read.values, len(read.table.columns)) is not None for read in reads):
            inserted[after] = reads
    result: list[RowRead] = []
    for i in range(len(rows) + 1):
        result.extend(inserted.get(i, ()))
        if i < len(rows):
            result.append(rows[i])
    return result


def _fill_floating(rows: list[RowRead], fitted: dict, runs: list[_Run]) -> None:
    """Table rows of three columns that print two values, and as many lone values floating on
    lines above the table: a Markdown conversion lifts a cell printed on two lines (`22` over
    `（其中修订 16 件）`) out of its row. Each floating value, in order, is the missing cell of one
    short row, the one between the two it kept (a row keeps its first and its last cell: they
    frame the row)."""
    short = [read for read in rows if fitted[id(read)] is None and len(read.table.columns) == 3
             and len([v for v in read.values if v.text]) == 2]
    lone = [run.values[0] for run in runs if len(run.values) == 1 and run.values[0].text
            and not run.values[0].in_grid]
    if not short or len(lone) != len(short):
        return
    for read, value in zip(short, lone):
        first, last = [v for v in read.values if v.text]
        if (value.location.line or 0) >= (first.location.line or 0):
            return
    for read, value in zip(short, lone):
        first, last = [v for v in read.values if v.text]
        fitted[id(read)] = [first, value, last]


def _read_labelled(report: Report, spec: ReportSpec, section_id: str, tokens: list[Token],
                   history: list[Report], document: dict[str, list[Token]] | None = None,
                   searched: dict | None = None) -> None:
    candidates = _candidate_rows(spec, section_id)
    rows, orphans, runs = _read_runs(tokens, candidates)
    labelled = {id(read) for read in rows}
    rows = _place_unlabelled(rows, runs, candidates)
    if len(rows) > len(labelled):  # rows placed by the format's order took some of the orphans
        placed = {id(v) for read in rows if id(read) not in labelled for v in read.values}
        orphans = [v for v in orphans if id(v) not in placed]
        runs = [r for r in runs if not any(id(v) in placed for v in r.values)]
    fitted = {id(read): _fit_row(read) for read in rows}
    _fill_floating(rows, fitted, runs)
    if any(v is None for v in fitted.values()):
        from gongkai.parse.resolve import resolve_rows  # the slow path: run-together or column-major cells
        # `document`: the other table section's layout may decide how this one reads.
        rows, fitted = resolve_rows(spec, section_id, rows, orphans, tokens, history=history, report=report,
                                    document=document, fitted=fitted, memo=searched)
    for read in rows:
        table = spec.table(read.table.id)
        values = fitted[id(read)]
        row_id = read.row.id
        if row_id not in table.row_ids:
            row_id = _stand_in(report, spec, table, read)
        cells = report.tables.setdefault(table.id, {})[row_id] = {}
        for column, value in zip(table.columns, values):
            text = value.text
            if column.kind != "money" and text.isascii() and text.isdigit():  # most cells, as in _cell
                cells[column.id] = Cell(int(text), text, value.location)
            else:
                cells[column.id] = _cell(value, column.kind)
    _check_layout(report, spec, section_id, rows)


def _stand_in(report: Report, spec: ReportSpec, table: TableSpec, read: RowRead) -> str:
    target, *absent = spec.stand_ins[read.row.id]
    report.layout_findings.append(Finding(
        LAYOUT_RULE, "warning",
        f"{_section_heading(spec, table)} · 按{spec.id}版格式应分列"
        + "、".join(f"“{table.row(r).label}”" for r in absent) + f"等行，却只印了“{read.row.label}”一行；"
        f"其数值计入“{table.row(target).label}”",
        table=table.id, row=target, source=report.source))
    return target


def _cell(value: Value, kind: str) -> Cell:
    """The cell printed as `value`; its location is where the value was read (the spec ids are
    where the report keeps the cell)."""
    text = value.text
    if kind != "money" and text.isascii() and text.isdigit():  # most cells
        return Cell(int(text), text, value.location)
    try:
        parsed, unit = parse_value(value.text, kind=kind, location=value.location)
    except ParseError:
        parsed, unit = value.text, None  # kept as printed; R6 reports it
    return Cell(parsed, value.text, value.location, unit)


def _section_heading(spec: ReportSpec, table: TableSpec) -> str:
    heading = spec.section(table.id.split(".")[0]).heading
    return f"{heading} · {table.caption}" if table.caption else heading


@lru_cache(maxsize=None)
def _row_order(spec_id: str) -> dict[tuple[str, str], int]:
    """{(table id, row id): position} of the format's rows, in its order."""
    spec = FORMATS[spec_id]
    return {key: i for i, key in enumerate((t.id, r.id) for t in spec.tables for r in t.rows)}


def _check_layout(report: Report, spec: ReportSpec, section_id: str, rows: list[RowRead]) -> None:
    order = _row_order(spec.id)
    positions = [order[key] for key in ((r.table.id, r.row.id) for r in rows) if key in order]
    if positions != sorted(positions):
        report.layout_findings.append(Finding(
            LAYOUT_RULE, "warning", f"{spec.section(section_id).heading}：表格的行顺序与格式不一致",
            table=section_id, source=report.source))
    stood_in = {r for rid in spec.stand_ins for r in spec.stand_ins[rid]
                if any(x.row.id == rid for x in rows)}
    for table in spec.tables:
        if table.id.split(".")[0] != section_id:
            continue
        if table.id not in report.tables:
            report.layout_findings.append(Finding(
                LAYOUT_RULE, "warning", f"{_section_heading(spec, table)}：缺少此表",
                table=table.id, source=report.source))
            continue
        for row in table.rows:
            if row.id not in report.tables[table.id] and row.id not in stood_in:
                report.layout_findings.append(Finding(
                    LAYOUT_RULE, "warning", f"{_section_heading(spec, table)}：缺少“{row.label}”行",
                    table=table.id, row=row.id, source=report.source))


# Section 四: one row of fifteen values -------------------------------------------------------


def _appeal_values(tokens: list[Token], width: int) -> list[Value]:
    """Values of grid rows that print no label (or a whole block after its label), then every
    non-blank value of printed lines."""
    values: list[Value] = []
    row: list[Token] = []
    for token in tokens:
        if isinstance(token, (RowEnd, GridEnd)):
            row_values = [t for t in row if isinstance(t, Value)]
            if not any(isinstance(t, Text) for t in row) or len(row_values) >= width:
                values.extend(row_values)
            row = []
        else:
            row.append(token)
    values.extend(t for t in row if isinstance(t, Value) and t.text)
    return values


def _read_appeals(report: Report, spec: ReportSpec, tokens: list[Token], source: str | None) -> None:
    table = spec.table("appeals")
    width = len(table.columns)
    needed = width * len(table.rows)
    found = _appeal_values(tokens, width)
    values = _fit(found, needed)
    if values is None:
        raise ParseError(
            f"{spec.section('appeals').heading}：读到 {len(found)} 个数值，应为 {needed} 个",
            location=found[0].location if found else Location(source=source, section="appeals"))
    for i, row in enumerate(table.rows):
        for j, column in enumerate(table.columns):
            report.set(table.id, row.id, column.id,
                       _cell(values[i * width + j], column.kind))


__all__ = ["assemble", "detect_format", "read_rows", "RowRead", "TABLE_SECTIONS"]
