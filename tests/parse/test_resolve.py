"""Rows whose printed values do not fit their table (spec: annual-report-format.md, rules R1–R3,
R7, R8): digits run together are split where the sums decide one split, cells printed column
by column are placed where the sums decide the order, and anything left open is either decided
by other years of the same body, by the report's own narrative, or reported as ambiguous with
every candidate reading."""
from __future__ import annotations

from pathlib import Path

import pytest
from expected import CORPUS, differences, finding_keys, load_expected
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.errors import AmbiguousCellsError, Location, ParseError
from gongkai.parse import parse_bytes, parse_path
from gongkai.parse.assemble import _candidate_rows, read_rows
from gongkai.parse.batch import parse_series, same_body
from gongkai.parse.document import Line
from gongkai.parse.resolve import _digit_splits, resolve_rows
from gongkai.parse.tokens import line_tokens
from gongkai.render.json import render_json
from gongkai.report import Cell, Report, empty_report
from gongkai.spec import FORMATS
from gongkai.validate import validate

SPEC = FORMATS["2021"]
REQUESTS = SPEC.table("requests")
ITEM1 = "proactive.item1"
NARRATIVE_007 = "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件"


def _read(section_id: str, lines: list[str], *, history=None, report=None, document=None) -> dict:
    """Resolve a section printed as `lines`: {(table, row): [cell texts]}."""
    tokens = [t for i, line in enumerate(lines)
              for t in line_tokens(Line(line, Location(source="test", line=i + 1)))]
    rows, orphans = read_rows(tokens, _candidate_rows(SPEC, section_id))
    rows, fitted = resolve_rows(SPEC, section_id, rows, orphans, tokens, history=history, report=report,
                                document=document)
    return {(r.table.id, r.row.id): [v.text for v in fitted[id(r)]] for r in rows}


def _this_year(overview: str = "") -> Report:
    report = Report(format="2021", agency="平潭综合实验区", year=2022, source="test")
    report.text["overview"] = overview
    return report


def _last_year(in_force: int) -> Report:
    last = empty_report(SPEC, agency="平潭综合实验区", year=2021)
    for column, value in (("issued", 10), ("repealed", 2), ("in_force", in_force)):
        last.set(ITEM1, "normative_documents", column, Cell(value, str(value)))
    for column in ("issued", "repealed", "in_force"):
        last.set(ITEM1, "rules", column, Cell(0, "0"))
    return last


# Splitting digit runs ---------------------------------------------------------------------------


def test_digit_splits_never_give_a_cell_a_leading_zero():
    """`0200002` into seven cells: only 0/2/0/0/0/0/2 keeps every cell free of a leading zero."""
    assert [("0", "2", "0", "0", "0", "0", "2")] == list(_digit_splits("0200002", 7))


def test_digit_splits_of_a_run_too_short_are_none():
    assert [] == list(_digit_splits("12", 3))


def test_a_run_with_one_split_is_read_without_help():
    assert {(ITEM1, "rules"): ["0", "0", "0"]} == _read("proactive", ["规章000"])


def test_values_printed_apart_but_too_few_are_not_split_without_a_sum_to_vouch():
    """`规章 12 5`: a dropped blank cell is likelier than `1/2/5`; no rule of item1 can tell."""
    with pytest.raises(ParseError) as caught:
        _read("proactive", ["规章 12 5"])
    assert not isinstance(caught.value, AmbiguousCellsError)
    assert "应为 3 个" in caught.value.message


def test_values_printed_apart_but_too_few_are_split_where_the_row_total_vouches():
    """`1.属于国家秘密 12 0 0 0 0 3`: only 1/2 with total 3 makes the row's total its sum."""
    got = _read("requests", ["1.属于国家秘密 12 0 0 0 0 3"])
    assert ["1", "2", "0", "0", "0", "0", "3"] == got[("requests", "withheld_state_secret")]


def test_a_run_the_sums_do_not_decide_is_ambiguous_with_every_candidate():
    with pytest.raises(AmbiguousCellsError) as caught:
        _read("proactive", ["规章000", "行政规范性文件8855698"], report=_this_year())
    error = caught.value
    readings = [c[f"{ITEM1}.normative_documents"] for c in error.candidates]
    assert ["88", "55", "698"] in readings
    assert ["8", "8", "55698"] in readings
    assert len(readings) == len({tuple(r) for r in readings}) > 2
    assert "第二十条第（一）项" in error.message and "行政规范性文件" in error.message
    assert ("proactive.item1", "normative_documents") == (error.location.table, error.location.row)


def test_last_years_stock_decides_the_split():
    """R8: in force 665 last year + 88 issued − 55 repealed = 698 in force this year."""
    got = _read("proactive", ["规章000", "行政规范性文件8855698"], history=[_last_year(665)], report=_this_year())
    assert ["88", "55", "698"] == got[(ITEM1, "normative_documents")]


def test_a_report_of_another_year_than_the_last_does_not_decide():
    stale = _last_year(665)
    stale.year = 2019
    with pytest.raises(AmbiguousCellsError):
        _read("proactive", ["行政规范性文件8855698"], history=[stale], report=_this_year())


def test_the_narratives_numbers_for_those_cells_decide_the_split():
    got = _read("proactive", ["行政规范性文件8855698"], report=_this_year(NARRATIVE_007 + "。"))
    assert ["88", "55", "698"] == got[(ITEM1, "normative_documents")]


def test_numbers_the_narrative_prints_for_other_things_do_not_decide():
    """`8个领域` and `698件` in clauses that name no column of the table are no evidence."""
    text = "公开卫生健康、教育等8个领域公共企事业单位信息。全年共公开信息698件。"
    with pytest.raises(AmbiguousCellsError):
        _read("proactive", ["行政规范性文件8855698"], report=_this_year(text))


def _matrix_lines(matrix: dict[str, list[int]], sep: str = "") -> list[str]:
    return [row.label + " " + sep.join(str(v) for v in matrix[row.id]) for row in REQUESTS.rows]


def _valid_matrix(outcomes: dict[str, list[int]], carried_out: list[int], carried_in: list[int]) -> dict:
    """A requests matrix where R1–R3 hold: totals computed, 新收 balancing the rest."""
    matrix = {row: values + [sum(values)] for row, values in outcomes.items()}
    handled = [sum(matrix[r][c] for r in outcomes) for c in range(6)]
    matrix["handled_total"] = handled + [sum(handled)]
    matrix["carried_out"] = carried_out + [sum(carried_out)]
    received = [h + o - i for h, o, i in zip(handled, carried_out, carried_in)]
    matrix["received"] = received + [sum(received)]
    matrix["carried_in"] = carried_in + [sum(carried_in)]
    return matrix


OUTCOME_ROWS = [r.id for r in REQUESTS.rows
                if r.id not in ("received", "carried_in", "handled_total", "carried_out")]


def test_a_requests_matrix_run_together_is_split_by_its_sums():
    """The shape of 007: every row one run of digits; R3 per row, R1/R2 per column decide."""
    outcomes = {r: [0] * 6 for r in OUTCOME_ROWS}
    outcomes["granted"] = [21, 0, 0, 0, 0, 0]
    outcomes["partly_granted"] = [8, 1, 0, 0, 0, 0]
    outcomes["unavailable_not_held"] = [37, 0, 0, 0, 0, 0]
    outcomes["other_misc"] = [0, 2, 0, 0, 0, 0]
    outcomes["withheld_internal"] = [6, 0, 0, 0, 0, 0]
    matrix = _valid_matrix(outcomes, [0] * 6, [1, 0, 0, 0, 0, 0])
    got = _read("requests", _matrix_lines(matrix))
    assert {("requests", r): [str(v) for v in vs] for r, vs in matrix.items()} == got


def test_a_matrix_whose_own_sums_are_broken_reads_with_the_fewest_broken_rules():
    """予以公开 printed as 22 (sums say 21): `220000022` is 22/0/…/22 (R2 broken in two columns),
    not 2/20/…/22, which R3 also allows but which breaks R2 in three."""
    outcomes = {r: [0] * 6 for r in OUTCOME_ROWS}
    outcomes["granted"] = [21, 0, 0, 0, 0, 0]
    outcomes["unavailable_not_held"] = [37, 2, 0, 0, 0, 0]
    matrix = _valid_matrix(outcomes, [0] * 6, [0] * 6)
    matrix["granted"] = [22, 0, 0, 0, 0, 0, 22]
    got = _read("requests", _matrix_lines(matrix))
    assert ["22", "0", "0", "0", "0", "0", "22"] == got[("requests", "granted")]
    assert ["37", "2", "0", "0", "0", "0", "39"] == got[("requests", "unavailable_not_held")]


def test_labels_then_values_column_by_column_are_placed_by_the_sums():
    """The shape of 001: all labels first, then the values column by column."""
    outcomes = {r: [0] * 6 for r in OUTCOME_ROWS}
    outcomes["partly_granted"] = [4, 0, 0, 0, 0, 0]
    outcomes["unavailable_not_held"] = [10, 2, 0, 0, 0, 0]
    matrix = _valid_matrix(outcomes, [0] * 6, [0] * 6)
    ids = [r.id for r in REQUESTS.rows]
    lines = [r.label for r in REQUESTS.rows] + [str(matrix[r][c]) for c in range(7) for r in ids]
    got = _read("requests", lines)
    assert {("requests", r): [str(v) for v in vs] for r, vs in matrix.items()} == got


def test_two_rows_printed_apart_without_sums_are_ambiguous_alone():
    """规章 / 行政规范性文件 / 0 0 0 5 0 5: row by row (5/0/5) or column by column (0/5/5)."""
    with pytest.raises(AmbiguousCellsError) as caught:
        _read("proactive", ["规章", "行政规范性文件", "0", "0", "0", "5", "0", "5"])
    readings = [c[f"{ITEM1}.normative_documents"] for c in caught.value.candidates]
    assert sorted([["5", "0", "5"], ["0", "5", "5"]]) == sorted(readings)


# Property: never a wrong unique reading ----------------------------------------------------------

_count = st.one_of(st.just(0), st.just(0), st.integers(0, 9), st.integers(10, 120))


@st.composite
def valid_matrices(draw):
    outcomes = {}
    for row in OUTCOME_ROWS:
        outcomes[row] = [draw(_count) if draw(st.integers(0, 3)) == 0 else 0 for _ in range(6)]
    carried_out = [draw(_count) if draw(st.booleans()) else 0 for _ in range(6)]
    handled = [sum(outcomes[r][c] for r in outcomes) for c in range(6)]
    carried_in = [draw(st.integers(0, min(h + o, 30))) if draw(st.booleans()) else 0
                  for h, o in zip(handled, carried_out)]
    return _valid_matrix(outcomes, carried_out, carried_in)


def _round_trip(matrix: dict, lines: list[str]) -> None:
    want = {("requests", r): [str(v) for v in vs] for r, vs in matrix.items()}
    try:
        got = _read("requests", lines)
    except AmbiguousCellsError as error:
        original = {f"{t}.{r}": cells for (t, r), cells in want.items()}
        assert any(all(original[k] == v for k, v in c.items()) for c in error.candidates)
        return
    assert want == got


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_matrices())
def test_digits_run_together_read_back_as_printed_or_ambiguous(matrix):
    """Any valid matrix printed with every row's digits run together reads back as the original
    values, or as AmbiguousCellsError whose candidates include them; never another answer."""
    _round_trip(matrix, _matrix_lines(matrix))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_matrices())
def test_columns_printed_apart_read_back_as_printed_or_ambiguous(matrix):
    ids = [r.id for r in REQUESTS.rows]
    lines = [r.label for r in REQUESTS.rows] + [str(matrix[r][c]) for c in range(7) for r in ids]
    _round_trip(matrix, lines)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 999), min_size=3, max_size=3), st.integers(0, 2000), st.booleans())
def test_an_item1_row_run_together_reads_back_as_printed_or_ambiguous(values, last_in_force, with_history):
    """Without sums a row splits uniquely only when its digits allow one split (`000`); with last
    year's stock (R8) the split is the original or one of the candidates named, never another."""
    issued, repealed, in_force = values
    history = None
    if with_history:
        in_force = max(last_in_force + issued - repealed, 0)
        history = [_last_year(in_force - issued + repealed)]
    want = [str(issued), str(repealed), str(in_force)]
    try:
        got = _read("proactive", ["行政规范性文件" + "".join(want)], history=history, report=_this_year())
    except AmbiguousCellsError as error:
        assert {f"{ITEM1}.normative_documents": want} in error.candidates
        return
    assert want == got[(ITEM1, "normative_documents")]


# The corpus ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["001_huaian-hongzequ_2023", "007_pingtan_2022"])
def test_corpus_report_reads_as_expected(name):
    expected = load_expected(CORPUS / "expected" / f"{name}.json")
    report = parse_path(CORPUS / f"{name}.txt")
    assert [] == differences(report, expected)
    assert finding_keys(expected["findings"]) == finding_keys(validate(report))


def test_history_that_agrees_with_the_sums_changes_nothing():
    """001 read with the next year's report (002) of the same body: R7 holds, same reading."""
    expected = load_expected(CORPUS / "expected" / "001_huaian-hongzequ_2023.json")
    following = parse_path(CORPUS / "002_huaian-hongzequ_2024.txt")
    report = parse_path(CORPUS / "001_huaian-hongzequ_2023.txt", history=[following])
    assert [] == differences(report, expected)


def _pingtan_without_narrative() -> bytes:
    text = (CORPUS / "007_pingtan_2022.txt").read_text(encoding="utf-8")
    assert NARRATIVE_007 in text
    return text.replace(NARRATIVE_007, "集中公开现行有效行政规范性文件，动态更新本年度制发的规范性文件").encode()


def test_007_without_its_narrative_is_ambiguous():
    with pytest.raises(AmbiguousCellsError) as caught:
        parse_bytes(_pingtan_without_narrative(), "007.txt")
    assert {f"{ITEM1}.normative_documents": ["88", "55", "698"]} in caught.value.candidates
    assert "平潭综合实验区" == caught.value.detected["agency"]


def test_a_series_decides_a_year_by_the_other_years_of_the_same_body(tmp_path: Path):
    ambiguous = tmp_path / "pingtan_2022.txt"
    ambiguous.write_bytes(_pingtan_without_narrative())
    last = tmp_path / "pingtan_2021.json"
    last.write_text(render_json(_last_year(665)), encoding="utf-8")
    other = _last_year(700)
    other.agency = "淮安市洪泽区人民政府"
    unrelated = tmp_path / "hongze_2021.json"
    unrelated.write_text(render_json(other), encoding="utf-8")
    results = parse_series([ambiguous, unrelated, last])
    assert isinstance(results[0], Report)
    assert 698 == results[0].value(ITEM1, "normative_documents", "in_force")
    assert 55 == results[0].value(ITEM1, "normative_documents", "repealed")


def test_a_series_without_the_other_years_keeps_the_error(tmp_path: Path):
    ambiguous = tmp_path / "pingtan_2022.txt"
    ambiguous.write_bytes(_pingtan_without_narrative())
    results = parse_series([ambiguous])
    assert isinstance(results[0], AmbiguousCellsError)


def test_same_body_matches_names_loosely_but_not_a_city_for_its_district():
    assert same_body("平潭综合实验区", "平潭综合实验区管委会办公室")
    assert not same_body("淮安市人民政府", "淮安市洪泽区人民政府")
