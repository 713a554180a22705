"""Rows whose printed values do not fit their table: digits run together, or cells printed
column by column. Decided by the format's sums; where several readings remain, by other years
of the same body, then by numbers the report's own narrative prints; otherwise reported as
ambiguous.

Two shapes reach this module:

- run together (crawled pages): a row prints fewer values than its table has columns, e.g.
  `规章000` or `一、本年新收政府信息公开申请数量 713000074`. Each digit run is split into cells
  (a cell has no leading zero unless it is "0"); the splits of one row are pruned by the row's own
  rules (R3), the rows of a table are then searched together under the column rules (R1, R2).
  A row that prints separators but too few values is split only where its own total vouches for
  the split: a conversion that drops blank cells looks the same, and a guess would be silent.
- printed apart (pdfminer text): several labels come first, then all their values, often column
  by column and in page chunks. Each such group is read row by row and column by column (columns
  possibly printed out of order) and the readings are searched together under the same rules.

Where the sums leave several readings, the search narrows them, in this order: the reading
closest to the printed column order; other years of the same body (`history`, rules R7/R8);
numbers the narrative (一、总体情况) prints for exactly those cells; the orientation (row or
column first) the other table section of the same document was decided to have by its sums.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import product

from gongkai.errors import AmbiguousCellsError, Location, ParseError
from gongkai.parse.assemble import RowRead, _candidate_rows, _fit, _keyed, read_rows
from gongkai.parse.cells import label_key, normalize_text, parse_value
from gongkai.parse.tokens import Text, Token, Value
from gongkai.report import Cell, Report
from gongkai.spec import (
    FORMATS,
    BalanceRule,
    CarryRule,
    ColumnsSumRule,
    NotGreaterRule,
    ReportSpec,
    RowsSumRule,
    StockRule,
    TableSpec,
)

MAX_SPLITS = 200_000  # splits of one row; beyond this the digits are not a table row
MAX_STATES = 200_000  # partial sums kept while searching the rows of one table
MAX_SOLUTIONS = 5_000  # readings that satisfy the sums equally well
SHOWN_CANDIDATES = 6  # readings named in an error message
_FUZZY = 0.8
_FUZZY_MIN = 6  # key characters a label needs before a near match can name its row
_DIGITS = re.compile(r"^\d+$")


# Readings of one group of rows -----------------------------------------------------------------


@dataclass
class Group:
    """Rows printed together: one label and its values, or several labels and then all their
    values. `readings` are the ways to place the values, each a tuple of cells per row."""

    reads: list[RowRead]
    values: list[Value]
    table: TableSpec
    readings: list[Reading] = field(default_factory=list)


@dataclass(frozen=True)
class Reading:
    cells: tuple[tuple[Value, ...], ...]  # per row of the group, in its order
    orientation: str | None = None  # "row" or "column" for a group of several rows and columns
    moved: int = 0  # columns read away from their printed position


def resolve_rows(spec: ReportSpec, section_id: str, rows: list[RowRead], orphans: list[Value],
                 tokens: list[Token], *, history: list[Report] | None = None, report: Report | None = None,
                 document: dict[str, list[Token]] | None = None,
                 fitted: dict[int, list[Value] | None] | None = None,
                 memo: dict | None = None,
                 ) -> tuple[list[RowRead], dict[int, list[Value]]]:
    """Place the values of a section whose rows do not fit their tables.

    Args:
        rows, orphans: what `assemble.read_rows` paired (orphans: values before any label).
        tokens: the section's tokens, re-read here when labels were printed apart from values.
        history: other years of the same body (R7/R8 decide splits the sums leave open).
        report: the report being read (its year, source and narrative).
        document: the tokens of every table section, for the layout of the other section.
        fitted: cells the assembler already placed ({id(row): [Value] or None}); kept as they are.
        memo: the readings of groups already searched in this document (one dict per document,
            shared by the calls for its sections: each is searched again for the other's layout).

    Returns:
        (rows, {id(row): [Value × width]}): the rows read, in printed order, and their cells.

    Raises:
        AmbiguousCellsError: several readings satisfy the rules equally; `candidates` lists them.
        ParseError: no reading places the values.

    >>> from gongkai.spec import FORMATS
    >>> from gongkai.parse.tokens import line_tokens
    >>> from gongkai.parse.document import Line
    >>> def read(line):
    ...     toks = line_tokens(Line(line, Location(source="r.txt", line=1)))
    ...     rows, cells = resolve_rows(FORMATS["2021"], "proactive",
    ...                                *read_rows(toks, _candidate_rows(FORMATS["2021"], "proactive")), toks)
    ...     return [[v.text for v in cells[id(r)]] for r in rows]
    >>> read("规章000")
    [['0', '0', '0']]
    >>> read("行政规范性文件8855698")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    gongkai.errors.AmbiguousCellsError: r.txt:第1行 proactive.item1 normative_documents: ...（8/8/55698；...
    """
    chosen = _resolve(spec, section_id, rows, tokens, history=history or [], report=report,
                      document=document or {}, use_hint=True, fitted=fitted or {},
                      memo={} if memo is None else memo)
    reads: list[RowRead] = []
    placed: dict[int, list[Value]] = {}
    for group, reading in chosen:
        for read, cells in zip(group.reads, reading.cells):
            reads.append(read)
            placed[id(read)] = list(cells)
    return reads, placed


def _resolve(spec, section_id, rows, tokens, *, history, report, document, use_hint, fitted=None, memo):
    groups = _groups(spec, section_id, rows, tokens, fitted or {})
    for group in groups:
        group.readings = _group_readings(spec, group, memo)
    chosen: list[tuple[Group, Reading]] = []
    hint: list[str | None] = []  # computed once, only when needed

    def layout_hint() -> str | None:
        if not hint:
            hint.append(_layout_hint(spec, section_id, document, history, report, memo) if use_hint else None)
        return hint[0]

    picks: dict[int, Reading] = {}
    for component in _components(spec, groups):
        solutions = _solve(spec, component)
        best = _narrow(spec, component, solutions, history=history, report=report, hint=layout_hint)
        for group, reading in zip(component, best):
            picks[id(group)] = reading
    for group in groups:
        chosen.append((group, picks[id(group)]))
    return chosen


def _group_readings(spec: ReportSpec, group: Group, memo: dict) -> list[Reading]:
    """`_readings`, searched once per group of a document: a section is read again for the
    other section's layout (`_layout_hint`), and its groups are the same values under the same
    rows. Keyed by the values themselves (their ids: `memo` lives only as long as the document)."""
    key = (group.table.id, tuple((r.table.id, r.row.id) for r in group.reads), tuple(map(id, group.values)))
    if key not in memo:
        memo[key] = _readings(spec, group)
    return memo[key]


def _groups(spec: ReportSpec, section_id: str, rows: list[RowRead], tokens: list[Token],
            fitted: dict) -> list[Group]:
    """The assembler's pairing when every row got at most its width of values (digits run
    together); otherwise labels were printed apart from their values: re-read the labels in order."""
    unfit = [r for r in rows
             if fitted.get(id(r)) is None and _fit(r.values, len(_table(spec, r).columns)) is None]
    for read in unfit:
        # Both shapes are of text lines; a table cell is a cell (a grid row that lost or gained
        # cells is the assembler's to place, not split or re-read here).
        if any(v.in_grid for v in read.values):
            raise ParseError(_short_message(spec, read), location=read.label.location)
    if all(len(_trim(r.values)) <= len(_table(spec, r).columns) for r in unfit):
        return [Group([r], list(fitted.get(id(r)) or r.values), _table(spec, r)) for r in rows]
    scanned = _scan(tokens, _candidate_rows(spec, section_id))
    groups = []
    for labels, values in scanned:
        if not labels:
            continue  # values before any label: header debris, as read_rows treats them
        reads = [RowRead(row, table, text) for table, row, text in labels]
        tables = {r.table.id for r in reads}
        table = _table(spec, reads[0])
        if len(tables) == 1:
            groups.append(Group(reads, values, table))
            continue
        # Labels of several tables and then their values: only a row-by-row stream makes sense.
        widths = [len(_table(spec, r).columns) for r in reads]
        values = _trim(values)
        if len(values) != sum(widths):
            raise ParseError(_count_message(spec, reads, values, sum(widths)),
                             location=reads[0].label.location)
        at = 0
        for read, width in zip(reads, widths):
            groups.append(Group([read], values[at:at + width], _table(spec, read)))
            at += width
    return _drop_stood_in(spec, groups)


def _short_message(spec: ReportSpec, read: RowRead) -> str:
    width = len(_table(spec, read).columns)
    return (f"{read.table.id} · {read.row.label}：读到 {len(read.values)} 个数值，应为 {width} 个"
            f"（{' '.join(v.text or '空' for v in read.values)}）")


def _table(spec: ReportSpec, read: RowRead) -> TableSpec:
    # The format's table of that id: the row's own when it is the format's (equal), else the one
    # its row stands in for. Looked up by id: comparing tables compares every row and column.
    return spec.table(read.table.id)


def _row_id(spec: ReportSpec, read: RowRead) -> str:
    """The spec row that takes this row's values (a 2019 row standing in for 2021 rows)."""
    if _is_own(spec, read):
        return read.row.id
    return spec.stand_ins[read.row.id][0]


def _is_own(spec: ReportSpec, read: RowRead) -> bool:
    # Rows of the other format are offered only under ids this format's table lacks.
    return read.row.id in _table(spec, read).row_ids


def _drop_stood_in(spec: ReportSpec, groups: list[Group]) -> list[Group]:
    """A row of the other format printed beside the rows it stands in for is their group heading
    (2021 `（六）其他处理` above its sub-rows), not a row."""
    printed = {(g.table.id, r.row.id) for g in groups for r in g.reads}
    kept = []
    for group in groups:
        reads = [r for r in group.reads
                 if _is_own(spec, r)
                 or not any((group.table.id, x) in printed for x in spec.stand_ins.get(r.row.id, ()))]
        if reads:
            group.reads = reads
            kept.append(group)
    return kept


def _trim(values: list[Value]) -> list[Value]:
    """Blank cells at the edges of a run are layout, not data (as `assemble._fit` treats them)."""
    values = list(values)
    while values and not values[-1].text:
        values.pop()
    while values and not values[0].text:
        values.pop(0)
    return values


# Labels printed apart from their values ----------------------------------------------------------


def _scan(tokens: list[Token], candidates) -> list[tuple[list[tuple], list[Value]]]:
    """Runs of label text and the run of values after each, with every label of the run in order."""
    runs: list[tuple[list[Text], list[Value]]] = []
    texts: list[Text] = []
    values: list[Value] = []
    for token in tokens:
        if isinstance(token, Text):
            if values:
                runs.append((texts, values))
                texts, values = [], []
            texts.append(token)
        elif isinstance(token, Value):
            values.append(token)
        elif values:  # a grid row ends: its values belong to the labels before them
            runs.append((texts, values))
            texts, values = [], []
    if values:
        runs.append((texts, values))
    taken: set = set()
    return [(_labels_in(texts, candidates, taken), values) for texts, values in runs]


def _labels_in(texts: list[Text], candidates, taken: set) -> list[tuple]:
    """Every row label printed in a run of text, in printed order: exact label keys first, then
    lines that resemble a label (typos, a label cut by a line break)."""
    keys = [label_key(t.text) for t in texts]
    starts = [0]
    for key in keys:
        starts.append(starts[-1] + len(key))
    joined = "".join(keys)
    found: list[tuple] = []  # (rank, start, end, candidate)
    labelled = [(cand, keys) for ident, keys, cand in _keyed(candidates) if ident not in taken]
    for cand, keys in labelled:
        for key in keys:
            at = joined.rfind(key) if len(key) >= 2 else -1
            if at >= 0:
                found.append(((1, len(key), 1.0), at, at + len(key), cand))
    exact_spans = [(s, e) for _, s, e, _ in found]
    for i in range(len(keys)):
        for j in range(i + 1, min(i + 3, len(keys)) + 1):
            start, end = starts[i], starts[j]
            if start == end or any(s < end and start < e for s, e in exact_spans):
                continue
            window = joined[start:end]
            chars = set(window)  # `similarity_bound` against this window, its set built once
            for cand, keys in labelled:
                for key in keys:
                    if len(key) < _FUZZY_MIN:  # `其他` in the header is not `3.其他`
                        continue
                    if 2 * sum(map(chars.__contains__, key)) / (len(key) + len(window)) < _FUZZY:
                        continue
                    ratio = SequenceMatcher(None, key, window, autojunk=False).ratio()
                    if ratio >= _FUZZY:
                        found.append(((0, len(key), ratio), start, end, cand))
    picked: list[tuple] = []
    used: set = set()
    for rank, start, end, cand in sorted(found, key=lambda f: f[0], reverse=True):
        table, row, _ = cand
        if (table.id, row.id) in used or any(s < end and start < e for s, e, _ in picked):
            continue
        picked.append((start, end, cand))
        used.add((table.id, row.id))
    labels = []
    for start, _end, (table, row, _) in sorted(picked, key=lambda p: p[0]):
        taken.add((table.id, row.id))
        index = max(i for i in range(len(keys)) if starts[i] <= start)
        labels.append((table, row, texts[index]))
    return labels


# Readings of a group ---------------------------------------------------------------------------


def _readings(spec: ReportSpec, group: Group) -> list[Reading]:
    """Every way to place the group's values, keeping those that break the fewest of its rows'
    own rules (R3 per row: search only splits whose total is the sum of its parts)."""
    width = len(group.table.columns)
    if len(group.reads) == 1:
        readings = [Reading((cells,)) for cells in _row_splits(spec, group, width)]
    else:
        readings = _orientations(spec, group, width)
    row_ids = [_row_id(spec, r) for r in group.reads]
    costs = [sum(_row_cost(spec, group.table, row_id, cells)
                 for row_id, cells in zip(row_ids, reading.cells)) for reading in readings]
    least = min(costs)
    printed = [v for v in group.values if v.text]
    if len(group.reads) == 1 and len(printed) > 1 and _fit(group.values, width) is None and (
            least or not _row_rules(spec, group.table)):
        # Values printed apart but too few of them: more likely blank cells the conversion
        # dropped than digits run together; split only where the row's own sum vouches for it.
        raise ParseError(_short_message(spec, group.reads[0]), location=group.reads[0].label.location)
    unique: dict[tuple, Reading] = {}
    for reading, cost in zip(readings, costs):
        if cost != least:
            continue
        key = _texts(reading)
        if key not in unique or (reading.moved, reading.orientation != "row") < (
                unique[key].moved, unique[key].orientation != "row"):
            unique[key] = reading
    return list(unique.values())


def _texts(reading: Reading) -> tuple:
    return tuple(tuple(v.text for v in cells) for cells in reading.cells)


def _row_splits(spec: ReportSpec, group: Group, width: int) -> list[tuple[Value, ...]]:
    read = group.reads[0]
    fitted = _fit(group.values, width)
    if fitted is not None:
        return [tuple(fitted)]
    values = _trim(group.values)
    splits = list(_split_values(values, width))
    if not splits:
        raise ParseError(
            f"{_place(spec, group.table)} · “{read.row.label}”：读到 {len(values)} 个数值，应为 {width} 个"
            f"（{' '.join(v.text or '空' for v in values)}），也无法把连写的数字拆成 {width} 格",
            location=_where(read, group.table, values))
    return splits


def _split_values(values: list[Value], width: int) -> Iterator[tuple[Value, ...]]:
    """Split digit runs so that the row has `width` cells; other values are one cell each."""
    count = 0
    for parts in _part_counts(values, width):
        pieces = []
        for value, n in zip(values, parts):
            if n == 1:
                pieces.append([(value,)])
            else:
                pieces.append([tuple(Value(p, value.location, value.in_grid) for p in split)
                               for split in _digit_splits(value.text, n)])
        for combo in product(*pieces):
            count += 1
            if count > MAX_SPLITS:
                raise ParseError(f"连写的数字过长，无法拆分（{' '.join(v.text for v in values)}）",
                                 location=values[0].location if values else None)
            yield tuple(v for piece in combo for v in piece)


def _part_counts(values: list[Value], width: int) -> Iterator[tuple[int, ...]]:
    """How many cells each printed value holds: only a run of digits may hold more than one."""
    if not values:
        if width == 0:
            yield ()
        return
    head, rest = values[0], values[1:]
    most = len(head.text) if _DIGITS.match(head.text or "") else 1
    for n in range(1, min(most, width - len(rest)) + 1):
        for tail in _part_counts(rest, width - n):
            yield (n, *tail)


def _digit_splits(digits: str, parts: int) -> Iterator[tuple[str, ...]]:
    """Splits of a digit run into `parts` numbers, none with a leading zero except "0" itself.

    >>> list(_digit_splits("1005", 3))
    [('10', '0', '5')]
    """
    if parts == 1:
        if digits and (digits == "0" or digits[0] != "0"):
            yield (digits,)
        return
    if not digits:
        return
    if digits[0] == "0":  # a cell that starts with 0 is the cell "0"
        for rest in _digit_splits(digits[1:], parts - 1):
            yield ("0", *rest)
        return
    for cut in range(1, len(digits) - parts + 2):
        for rest in _digit_splits(digits[cut:], parts - 1):
            yield (digits[:cut], *rest)


def _orientations(spec: ReportSpec, group: Group, width: int) -> list[Reading]:
    """Values of k rows printed after their k labels: row by row, or column by column (pdfminer),
    the columns possibly out of order (a text box emitted before its left neighbour)."""
    k = len(group.reads)
    values = _trim(group.values)
    if len(values) != k * width:
        raise ParseError(_count_message(spec, group.reads, values, k * width),
                         location=group.reads[0].label.location)
    if width == 1:  # one column: rows and columns read alike
        return [Reading(tuple((v,) for v in values))]
    readings = [Reading(tuple(tuple(values[i * width:(i + 1) * width]) for i in range(k)), "row")]
    chunks = [values[j * k:(j + 1) * k] for j in range(width)]
    for order in _column_orders(width):
        # order[c] = the printed chunk that holds column c
        cells = tuple(tuple(chunks[order[c]][i] for c in range(width)) for i in range(k))
        readings.append(Reading(cells, "column", sum(1 for c, j in enumerate(order) if c != j)))
    return readings


def _column_orders(width: int) -> list[tuple[int, ...]]:
    """The printed order, and every order one swap or one moved column away from it."""
    base = list(range(width))
    orders = {tuple(base)}
    for a in range(width):
        for b in range(width):
            if a == b:
                continue
            swapped = list(base)
            swapped[a], swapped[b] = swapped[b], swapped[a]
            orders.add(tuple(swapped))
            moved = list(base)
            moved.insert(b, moved.pop(a))
            orders.add(tuple(moved))
    return sorted(orders, key=lambda o: (sum(1 for c, j in enumerate(o) if c != j), o))


def _count_message(spec: ReportSpec, reads: list[RowRead], values: list[Value], needed: int) -> str:
    names = "、".join(f"“{r.row.label}”" for r in reads[:3]) + ("等" if len(reads) > 3 else "")
    return (f"{_place(spec, _table(spec, reads[0]))}：{len(reads)} 行（{names}）之后读到 {len(values)} 个数值，"
            f"应为 {needed} 个，无法确定各数值所属的行和列")


# The rules, over candidate values ----------------------------------------------------------------


def _number(value: Value, kind: str):
    return _number_text(value.text, kind)


@lru_cache(maxsize=65536)  # the search reads the same short digit strings many times over
def _number_text(text: str, kind: str):
    try:
        parsed, _unit = parse_value(text, kind=kind)
    except ParseError:
        return None
    return parsed if isinstance(parsed, (int, Decimal)) and not isinstance(parsed, bool) else None


def _row_numbers(table: TableSpec, cells: tuple[Value, ...]) -> dict[str, object]:
    return {c.id: _number(v, c.kind) for c, v in zip(table.columns, cells)}


def _row_rules(spec: ReportSpec, table: TableSpec) -> list:
    return _row_rules_of(spec.id, table.id)


@lru_cache(maxsize=None)
def _row_rules_of(spec_id: str, table_id: str) -> tuple:
    return tuple(r for r in FORMATS[spec_id].rules
                 if getattr(r, "table", None) == table_id and isinstance(r, (ColumnsSumRule, NotGreaterRule)))


def _row_cost(spec: ReportSpec, table: TableSpec, row_id: str, cells: tuple[Value, ...]) -> int:
    """Rules of the format that hold within one row (R3, and 2019's published ≤ total)."""
    kinds, sums, limits = _row_checks(spec.id, table.id)
    if not sums and not limits:
        return 0
    # Numbers by column position (None past the printed cells): the search calls this for every
    # reading of every row, so no dict of the row is built.
    numbers = [_number_text(v.text, kind) for v, kind in zip(cells, kinds)]
    numbers += [None] * (len(kinds) + 1 - len(numbers))  # [-1]: a column the table lacks
    broken = 0
    for target, parts in sums:
        total = numbers[target]
        values = [numbers[p] for p in parts]
        if total is not None and None not in values and sum(values) != total:
            broken += 1
    for lesser, greater in limits:
        low, high = numbers[lesser], numbers[greater]
        if low is not None and high is not None and low > high:
            broken += 1
    return broken


@lru_cache(maxsize=None)  # the formats' own rules: constants
def _row_checks(spec_id: str, table_id: str) -> tuple[tuple[str, ...], tuple, tuple]:
    """The row rules of a table by column position: (column kinds, ((target, parts), …) of
    ColumnsSumRule, ((lesser, greater), …) of NotGreaterRule); -1 for a column it lacks."""
    table = FORMATS[spec_id].table(table_id)
    at = {c.id: i for i, c in enumerate(table.columns)}
    sums, limits = [], []
    for rule in _row_rules_of(spec_id, table_id):
        if isinstance(rule, ColumnsSumRule):
            sums.append((at.get(rule.target, -1), tuple(at.get(c, -1) for c in rule.of)))
        else:
            limits.append((at.get(rule.lesser, -1), at.get(rule.greater, -1)))
    return tuple(c.kind for c in table.columns), tuple(sums), tuple(limits)


@dataclass(frozen=True)
class Equation:
    """Per column, across rows: sum(coef × cell) == 0 (R1, R2). Unchecked when a row in
    `needed` is not printed, or a cell it involves is not a number (the validator's convention)."""

    column: str
    coefs: dict
    needed: frozenset


def _equations(spec: ReportSpec, table: TableSpec) -> tuple[Equation, ...]:
    return _equations_of(spec.id, table.id)


@lru_cache(maxsize=None)  # the formats' own rules: constants
def _equations_of(spec_id: str, table_id: str) -> tuple[Equation, ...]:
    spec = FORMATS[spec_id]
    table = spec.table(table_id)
    found = []
    for rule in spec.rules:
        if getattr(rule, "table", None) != table.id:
            continue
        for column in table.columns:
            if isinstance(rule, BalanceRule):
                coefs = {**{r: 1 for r in rule.left}, **{r: -1 for r in rule.right}}
                found.append(Equation(column.id, coefs, frozenset(coefs)))
            elif isinstance(rule, RowsSumRule):
                coefs = {**{r: -1 for r in rule.of}, rule.target: 1}
                found.append(Equation(column.id, coefs, frozenset({rule.target})))
    return tuple(found)


def _components(spec: ReportSpec, groups: list[Group]) -> list[list[Group]]:
    """Groups that rules tie together: all groups of a table with column rules; others alone."""
    components: list[list[Group]] = []
    by_table: dict[str, list[Group]] = {}
    for group in groups:
        if _equations(spec, group.table):
            if group.table.id not in by_table:
                by_table[group.table.id] = []
                components.append(by_table[group.table.id])
            by_table[group.table.id].append(group)
        else:
            components.append([group])
    return components


def _contribution(spec: ReportSpec, group: Group, reading: Reading, equations: list[Equation]) -> tuple:
    sums = []
    row_ids = [_row_id(spec, read) for read in group.reads]
    numbers = [_row_numbers(group.table, cells) for cells in reading.cells]
    for eq in equations:
        total = 0
        for row_id, row_numbers in zip(row_ids, numbers):
            coef = eq.coefs.get(row_id)
            if not coef:
                continue
            number = row_numbers[eq.column]
            if number is None:
                total = None
                break
            total += coef * number
        sums.append(total)
    return tuple(sums)


def _add(state: tuple, delta: tuple) -> tuple:
    return tuple(None if a is None or b is None else a + b for a, b in zip(state, delta))


def _solve(spec: ReportSpec, component: list[Group]) -> list[tuple[int, ...]]:
    """All choices of one reading per group that break the fewest column rules (R1, R2): first
    the choices that break none, searched with bounds on what the remaining rows can add."""
    table = component[0].table
    equations = _equations(spec, table)
    printed = {_row_id(spec, r) for g in component for r in g.reads}
    checked = [eq.needed <= printed for eq in equations]
    deltas = [[_contribution(spec, g, r, equations) for r in g.readings] for g in component]
    try:
        solutions = _search(deltas, checked, exact=True)
        if not solutions:
            solutions = _search(deltas, checked, exact=False)
    except ParseError as exc:
        first = component[0]
        raise ParseError(f"{_place(spec, table)}：{exc.message}",
                         location=_where(first.reads[0], table, first.values)) from exc
    return solutions


def _search(deltas: list[list[tuple]], checked: list[bool], *, exact: bool) -> list[tuple[int, ...]]:
    width = len(checked)
    # Bounds of what groups i.. can still add to each equation (None: a blank may unset it).
    low = [[0] * width for _ in range(len(deltas) + 1)]
    high = [[0] * width for _ in range(len(deltas) + 1)]
    for i in range(len(deltas) - 1, -1, -1):
        for e in range(width):
            column = [d[e] for d in deltas[i]]
            if any(v is None for v in column) or low[i + 1][e] is None:
                low[i][e] = high[i][e] = None
            else:
                low[i][e] = low[i + 1][e] + min(column)
                high[i][e] = high[i + 1][e] + max(column)
    layers: list[dict[tuple, list]] = []
    states: dict[tuple, list] = {tuple([0] * width): []}
    for i, options in enumerate(deltas):
        following: dict[tuple, list] = {}
        for state in states:
            for index, delta in enumerate(options):
                new = _add(state, delta)
                if exact and not _reachable(new, low[i + 1], high[i + 1], checked):
                    continue
                following.setdefault(new, []).append((state, index))
        if len(following) > MAX_STATES:
            raise ParseError("连写的数字可拆分的方式过多，无法按勾稽关系确定")
        layers.append(following)
        states = following
    if not states:
        return []
    broken = {s: sum(1 for e, v in enumerate(s) if checked[e] and v is not None and v != 0) for s in states}
    least = min(broken.values())
    if exact and least:
        return []
    solutions: list[tuple[int, ...]] = []
    for state, count in broken.items():
        if count == least:
            _paths(layers, len(layers) - 1, state, (), solutions)
    return solutions


def _reachable(state: tuple, low: list, high: list, checked: list[bool]) -> bool:
    for e, value in enumerate(state):
        if not checked[e] or value is None or low[e] is None:
            continue
        if value + low[e] > 0 or value + high[e] < 0:
            return False
    return True


def _paths(layers, i: int, state: tuple, tail: tuple, out: list) -> None:
    if len(out) >= MAX_SOLUTIONS:
        return
    if i < 0:
        out.append(tail)
        return
    for previous, index in layers[i][state]:
        _paths(layers, i - 1, previous, (index, *tail), out)


# Narrowing readings the sums leave open ----------------------------------------------------------


def _narrow(spec: ReportSpec, component: list[Group], solutions: list[tuple[int, ...]], *,
            history: list[Report], report: Report | None, hint) -> list[Reading]:
    if not solutions:  # pragma: no cover - a group always has a reading, so the search always ends
        raise ParseError("无法按勾稽关系读出表格")
    distinct: dict[tuple, list[Reading]] = {}
    for choice in solutions:
        readings = [g.readings[i] for g, i in zip(component, choice)]
        key = tuple(_texts(r) for r in readings)
        if key not in distinct or _moved(readings) < _moved(distinct[key]):
            distinct[key] = readings
    options = list(distinct.values())
    if len(solutions) >= MAX_SOLUTIONS:
        # Readings beyond the cap were not enumerated: choosing among the first ones could pick
        # a wrong one; report them instead.
        raise _ambiguous(spec, component, options, report)
    steps = (
        # The printed column order is the layout's own evidence: read nothing out of place
        # unless the sums require it.
        lambda opts: _least(opts, _moved),
        # Other years of the same body: last year's 结转 and 现行有效 continue into this year.
        lambda opts: _least(opts, lambda o: _history_cost(spec, component, o, history, report)),
        lambda opts: _narrative(spec, component, opts, report),
        lambda opts: _oriented(opts, hint),
    )
    for step in steps:
        if len(options) == 1:
            break
        options = step(options)
    if len(options) == 1:
        return options[0]
    raise _ambiguous(spec, component, options, report)


def _moved(readings: list[Reading]) -> int:
    return sum(r.moved for r in readings)


def _least(options: list, cost) -> list:
    costs = [cost(o) for o in options]
    least = min(costs)
    return [o for o, c in zip(options, costs) if c == least]


def _as_report(spec: ReportSpec, component: list[Group], readings: list[Reading],
               report: Report | None) -> Report:
    draft = Report(format=spec.id, year=report.year if report else None)
    for group, reading in zip(component, readings):
        for read, cells in zip(group.reads, reading.cells):
            for column, value in zip(group.table.columns, cells):
                draft.set(group.table.id, _row_id(spec, read), column.id, Cell(_number(value, column.kind)))
    return draft


def _history_cost(spec: ReportSpec, component: list[Group], readings: list[Reading], history: list[Report],
                  report: Report | None) -> int:
    """Findings of the cross-year rules (R7 carry chain, R8 stock) this reading would give
    against last year's and next year's report of the same body."""
    from gongkai.validate.checks import check_carry, check_stock  # the validator's own rule checks

    if not history or report is None or report.year is None:
        return 0
    draft = _as_report(spec, component, readings, report)
    tables = {g.table.id for g in component}
    checks = {CarryRule: check_carry, StockRule: check_stock}
    count = 0
    for other in history:
        if other.year == report.year - 1:
            pair = (draft, other)
        elif other.year == report.year + 1:
            pair = (other, draft)
        else:
            continue
        for rule in spec.rules:
            if type(rule) in checks and rule.table in tables:
                count += sum(1 for _ in checks[type(rule)](rule, *pair, spec))
    return count


_CLAUSE = re.compile(r"[，。；;！？!?\n]")
_STATED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])(?!\s*[年月日%％])")


@lru_cache(maxsize=None)  # the formats' own column labels
def _column_keyword(label: str) -> str:
    key = re.sub(r"（[^）]*）", "", label)
    key = re.sub(r"^本年度?", "", key)
    return re.sub(r"总?(?:件数|数量|金额)$", "", key)


def _mentions(clause: str, label: str) -> bool:
    """The clause names the row: most of its label, e.g. 规范性文件 for 行政规范性文件. The two
    share a run of `max(2, len(label) - 2)` characters exactly when one of the label's runs of
    that length is printed in the clause (what the longest common run would tell, without
    building a SequenceMatcher for every clause and label)."""
    size = max(2, len(label) - 2)
    return any(label[i:i + size] in clause for i in range(len(label) - size + 1))


def _statements(table: TableSpec, text: str) -> dict[tuple[str, str], set]:
    """Cells the narrative states: a clause naming one row and one column of the table and
    printing one number (`集中公开现行有效行政规范性文件698件` → normative_documents × in_force = 698)."""
    stated: dict[tuple[str, str], set] = {}
    for clause in _CLAUSE.split(normalize_text(text)):
        numbers = _STATED.findall(clause)
        if len(numbers) != 1:  # most clauses: settled before looking for rows and columns
            continue
        rows = [r for r in table.rows if any(_mentions(clause, label) for label in r.labels)]
        columns = [c for c in table.columns if (kw := _column_keyword(c.label)) and kw in clause]
        if len(rows) == 1 and len(columns) == 1:
            value = _number(Value(numbers[0], Location()), columns[0].kind)
            stated.setdefault((rows[0].id, columns[0].id), set()).add(value)
    return stated


def _narrative(spec: ReportSpec, component: list[Group], options: list, report: Report | None) -> list:
    """Numbers printed in the report's own narrative for exactly these cells are evidence of how
    the table read: keep the readings that agree with every such number, when some do.

    NOTE: this is legitimate only because the narrative is the same body's account of the same
    year; a number matching merely somewhere in the text would not be (the year, page numbers)."""
    text = (report.text.get("overview") if report else None) or ""
    if not text:
        return options
    stated: dict[tuple[str, str, str], set] = {}
    for table in {g.table.id: g.table for g in component}.values():
        for (row, column), values in _statements(table, text).items():
            stated[(table.id, row, column)] = values
    if not stated:
        return options

    def agrees(readings: list[Reading]) -> bool:
        draft = _as_report(spec, component, readings, report)
        return all(draft.value(t, r, c) in values for (t, r, c), values in stated.items()
                   if not draft.is_absent(t, r))

    agreeing = [o for o in options if agrees(o)]
    return agreeing or options


def _oriented(options: list, hint) -> list:
    """Keep readings whose multi-row groups run the way the document's other table does."""
    def orientations(readings: list[Reading]) -> set:
        return {r.orientation for r in readings if r.orientation}

    if not any(orientations(o) for o in options):
        return options
    way = hint()
    if way is None:
        return options
    kept = [o for o in options if orientations(o) <= {way}]
    return kept or options


def _layout_hint(spec, section_id, document, history, report, memo) -> str | None:
    """How the other labelled section's groups run ("row"/"column"), when its sums decided it."""
    ways: set = set()
    for other in ("proactive", "requests"):
        if other == section_id or other not in document:
            continue
        tokens = document[other]
        rows, _orphans = read_rows(tokens, _candidate_rows(spec, other))
        try:
            chosen = _resolve(spec, other, rows, tokens, history=history, report=report, document={},
                              use_hint=False, memo=memo)
        except ParseError:
            continue
        ways |= {reading.orientation for group, reading in chosen
                 if reading.orientation and len(group.reads) > 1 and len(group.table.columns) > 1}
    return ways.pop() if len(ways) == 1 else None


# Errors ------------------------------------------------------------------------------------------


def _place(spec: ReportSpec, table: TableSpec) -> str:
    heading = spec.section(table.id.split(".")[0]).heading
    return f"{heading} · {table.caption}" if table.caption else heading


def _where(read: RowRead, table: TableSpec, values: list[Value]) -> Location:
    at = values[0].location if values else read.label.location
    return Location(source=at.source, line=at.line, page=at.page, section=table.id.split(".")[0],
                    table=table.id, row=read.row.id)


def _ambiguous(spec: ReportSpec, component: list[Group], options: list,
               report: Report | None) -> AmbiguousCellsError:
    """Name the rows whose cells differ between the remaining readings, and the readings."""
    differing: list[tuple[Group, int]] = []
    for gi, group in enumerate(component):
        for ri in range(len(group.reads)):
            if len({tuple(v.text for v in o[gi].cells[ri]) for o in options}) > 1:
                differing.append((group, ri))
    index = {id(g): i for i, g in enumerate(component)}
    candidates = []
    for option in options:
        candidates.append({
            f"{g.table.id}.{_row_id(spec, g.reads[ri])}": [v.text for v in option[index[id(g)]].cells[ri]]
            for g, ri in differing})
    group, ri = differing[0]
    read = group.reads[ri]
    table = group.table
    printed = " ".join(v.text for v in group.values if v.text)
    if len(printed) > 40:
        printed = printed[:40] + "…"
    shown = "；".join(
        " | ".join("/".join(cells) for cells in c.values()) for c in candidates[:SHOWN_CANDIDATES])
    more = f"等 {len(candidates)} 种" if len(candidates) > SHOWN_CANDIDATES else f"共 {len(candidates)} 种"
    rows = "、".join(f"“{g.reads[i].row.label}”" for g, i in differing[:3])
    rows += "等行" if len(differing) > 3 else "行"
    where = _place(spec, table)
    error = AmbiguousCellsError(
        f"{where} · {rows}：印出的数值（{printed}）有多种读法（{shown}，{more}），"
        f"表内的勾稽关系不能确定是哪一种",
        candidates=candidates,
        location=_where(read, table, list(group.values)),
        hint="提供同一机关其他年度的报告（上年结转、现行有效件数可定读法），或人工核对原件")
    # What the reader could tell, so that a batch can find other years of the same body.
    error.detected = {"agency": report.agency if report else None, "year": report.year if report else None,
                      "format": spec.id}
    return error


__all__ = ["resolve_rows"]
