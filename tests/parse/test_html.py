"""The HTML reader: a page's paragraphs become `Line`s and each `<table>` a `Grid` with rowspan and
colspan expanded (covered positions merged), `&nbsp;` cells blank and `<br>`-split labels joined;
the article HTML of corpus 014 reads exactly as its checked reading (corpus/expected/014_*.json)."""
from __future__ import annotations

from decimal import Decimal

import pytest
from expected import CORPUS, load_expected

from gongkai.parse.cells import parse_value
from gongkai.parse.document import Grid, Line
from gongkai.parse.html import html_blocks, parse_html
from gongkai.report import Report

CASE_014 = "014_shanghai-shizhengfu-bangongting_2019"
HEADER_LINES = 3  # `source:`, `agency:` and a blank line before the HTML


def _grids(blocks) -> list[Grid]:
    return [b for b in blocks if isinstance(b, Grid)]


def _texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows]


def _merged(grid: Grid) -> list[list[bool]]:
    return [[c.merged for c in row] for row in grid.rows]


# --- html_blocks on small pages ------------------------------------------------------------------


def test_rowspan_and_colspan_cover_positions_marked_merged():
    page = ('<table><tr><td rowspan="2" colspan="2">A</td><td>B</td></tr>'
            "<tr><td>C</td></tr>"
            '<tr><td>D</td><td colspan="2">E</td></tr></table>')
    (grid,) = _grids(html_blocks(page, source="t.html"))
    assert [["A", "A", "B"], ["A", "A", "C"], ["D", "E", "E"]] == _texts(grid)
    assert [[False, True, False], [True, True, False], [False, False, True]] == _merged(grid)


def test_rowspan_is_clipped_at_the_end_of_the_table():
    page = '<table><tr><td rowspan="5">A</td><td>1</td></tr><tr><td>2</td></tr></table>'
    (grid,) = _grids(html_blocks(page, source="t.html"))
    assert [["A", "1"], ["A", "2"]] == _texts(grid)


def test_nbsp_only_cells_are_blank():
    page = "<table><tr><td>规章</td><td><p>&nbsp;</p></td><td>&nbsp; &#160;</td><td>3</td></tr></table>"
    (grid,) = _grids(html_blocks(page, source="t.html"))
    assert [["规章", "", "", "3"]] == _texts(grid)
    assert [[False] * 4] == _merged(grid)


def test_br_inside_a_cell_joins_the_label_pieces():
    page = ("<table><tr><td><p>本年新<br />制作数量</p></td><td>本年收费金额<br>（单位：万元）</td>"
            "<td><p>（二）部分公开</p><p>（区分处理的，只计这一情形，不计其他情形）</p></td></tr></table>")
    (grid,) = _grids(html_blocks(page, source="t.html"))
    assert [["本年新制作数量", "本年收费金额（单位：万元）",
             "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]] == _texts(grid)


def test_source_line_breaks_between_chinese_characters_are_dropped():
    page = "<table><tr><td>本年新\n    制作数量</td><td>Total\n  count</td></tr></table>"
    (grid,) = _grids(html_blocks(page, source="t.html"))
    assert [["本年新制作数量", "Total count"]] == _texts(grid)


def test_br_and_block_elements_outside_tables_separate_lines():
    page = ("<div>标题<br>一、总体情况</div><p>第一段<span>续</span>。</p>"
            "<h2>二、主动公开政府信息情况</h2><p><br /></p>")
    assert ["标题", "一、总体情况", "第一段续。", "二、主动公开政府信息情况"] == [
        b.text for b in html_blocks(page, source="t.html")]


def test_script_style_and_title_are_skipped():
    page = ("<html><head><title>页面标题</title><style>p{color:red}</style></head>"
            "<body><script>var x = '<p>不是正文</p>';</script><p>正文</p></body></html>")
    assert ["正文"] == [b.text for b in html_blocks(page, source="t.html")]


def test_a_self_closed_script_hides_nothing():
    page = '<script src="a.js"/><p>正文<br/>第二行</p>'
    assert ["正文", "第二行"] == [b.text for b in html_blocks(page, source="t.html")]


def test_each_table_is_its_own_grid_in_reading_order():
    page = ("<p>二、主动公开政府信息情况</p>"
            "<table><tr><td>第二十条第（一）项</td><td>x</td></tr></table>"
            "<table><tr><td>第二十条第（五）项</td><td>y</td></tr></table><p>三、</p>")
    blocks = html_blocks(page, source="t.html")
    assert [Line, Grid, Grid, Line] == [type(b) for b in blocks]
    assert [["第二十条第（一）项", "x"]] == _texts(blocks[1])
    assert [["第二十条第（五）项", "y"]] == _texts(blocks[2])


def test_cells_are_located_at_the_line_of_their_td():
    page = "<p>一</p>\n<table>\n<tr><td>a</td>\n<td>b</td></tr>\n<tr><td colspan='2'>c</td></tr>\n</table>"
    blocks = html_blocks(page, source="r.html")
    grid = blocks[1]
    assert [[3, 4], [5, 5]] == [[c.location.line for c in row] for row in grid.rows]
    assert {"r.html"} == {c.location.source for row in grid.rows for c in row}
    assert 2 == grid.location.line
    assert 1 == blocks[0].location.line


def test_first_line_shifts_locations_past_a_stripped_header():
    blocks = html_blocks("<p>a</p>\n<p>b</p>", source="r.txt", first_line=4)
    assert [4, 5] == [b.location.line for b in blocks]


def test_omitted_end_tags_are_implied():
    # Legal HTML: </td> and </tr> may be omitted; a <td> with no <tr> starts a row.
    page = "<table><tr><td>a<td>b<tr><td>c<td>d</table><table><td>e<td>f</table>"
    grids = _grids(html_blocks(page, source="t.html"))
    assert [[["a", "b"], ["c", "d"]], [["e", "f"]]] == [_texts(g) for g in grids]


def test_a_layout_table_around_the_article_is_read_as_its_content():
    page = ("<table><tr><td><p>一、总体情况</p><p>正文。</p>"
            "<table><tr><td>规章</td><td>1</td></tr></table><p>三、</p></td></tr></table>")
    blocks = html_blocks(page, source="t.html")
    assert [Line, Line, Grid, Line] == [type(b) for b in blocks]
    assert ["一、总体情况", "正文。", "三、"] == [b.text for b in blocks if isinstance(b, Line)]
    assert [["规章", "1"]] == _texts(blocks[2])


def test_short_row_under_a_rowspan_leaves_an_empty_unmerged_gap():
    page = ('<table><tr><td>a</td><td>b</td><td rowspan="2">c</td></tr><tr><td>d</td></tr></table>')
    (grid,) = _grids(html_blocks(page, source="t.html"))
    assert [["a", "b", "c"], ["d", "", "c"]] == _texts(grid)
    assert [[False, False, False], [False, False, True]] == _merged(grid)


def test_bytes_are_decoded_as_utf8_or_gb18030():
    page = "<p>一、总体情况</p>"
    assert ["一、总体情况"] == [b.text for b in html_blocks(page.encode("gb18030"), source="t.html")]
    assert ["一、总体情况"] == [b.text for b in html_blocks(page.encode("utf-8"), source="t.html")]


def test_escaped_markup_is_text():
    (line,) = html_blocks("<p>《贯彻&lt;纲要&gt;实施方案》</p>", source="t.html")
    assert "《贯彻<纲要>实施方案》" == line.text


# --- corpus 014: the article HTML of a published report ------------------------------------------


def _page_014() -> str:
    text = (CORPUS / f"{CASE_014}.txt").read_text(encoding="utf-8")
    return text.split("\n", HEADER_LINES)[HEADER_LINES]


@pytest.fixture(scope="module")
def report_014() -> Report:
    return parse_html(_page_014(), source=f"{CASE_014}.txt", first_line=HEADER_LINES + 1)


def test_014_grids_keep_every_nbsp_cell_blank():
    grids = _grids(html_blocks(_page_014(), source="014"))
    assert 3 == len(grids)
    proactive, requests, appeals = grids
    assert (18, 5) == (len(proactive.rows), {len(r) for r in proactive.rows}.pop())
    assert (26, 10) == (len(requests.rows), {len(r) for r in requests.rows}.pop())
    assert (4, 15) == (len(appeals.rows), {len(r) for r in appeals.rows}.pop())
    # The notes of the expected reading: 126 blank cells in 三, 9 in 四, none in 二.
    blank = [sum(1 for row in g.rows for c in row if not c.text and not c.merged) for g in grids]
    assert [0, 126, 9] == blank


def test_014_merged_header_and_row_groups():
    requests = _grids(html_blocks(_page_014(), source="014"))[1]
    corner = requests.rows[0][0].text
    assert corner.startswith("（本列数据的勾稽关系为")
    assert all(c.merged for row in requests.rows[:3] for c in row[:3] if c is not requests.rows[0][0])
    assert ["申请人情况"] * 7 == [c.text for c in requests.rows[0][3:]]
    assert ["法人或其他组织"] * 5 == [c.text for c in requests.rows[1][4:9]]
    results = [row[0] for row in requests.rows[5:25]]
    assert {"三、本年度办理结果"} == {c.text for c in results}
    assert [False] + [True] * 19 == [c.merged for c in results]


def _expected_cell(raw, kind: str) -> tuple:
    """The expected JSON writes money as printed ('251000元'): normalise it as the reader does,
    to (Decimal('25.1'), '万元'); counts are (n, None), blanks (None, None)."""
    if isinstance(raw, str):
        return parse_value(raw, kind=kind)
    return raw, None


def _differences_014(report: Report, expected: dict) -> list[str]:
    diffs = []
    tables = {f"proactive.{item}": rows for item, rows in expected["proactive"].items()}
    tables |= {"requests": expected["requests"], "appeals": expected["appeals"]}
    for table in report.spec.tables:
        wanted = tables[table.id]
        for row in table.rows:
            for column in table.columns:
                want = _expected_cell(wanted[row.id][column.id], column.kind)
                cell = report.cell(table.id, row.id, column.id)
                got = "absent" if cell is None else (cell.value, cell.unit)
                if want != got:
                    diffs.append(f"{table.id}.{row.id}.{column.id}: expected {want!r}, got {got!r}")
    return diffs


def test_014_reads_exactly_as_its_checked_reading(report_014):
    expected = load_expected(CORPUS / "expected" / f"{CASE_014}.json")
    assert (expected["format"], expected["year"]) == (report_014.format, report_014.year)
    assert [] == _differences_014(report_014, expected)


def test_014_reads_the_agency_from_the_title(report_014):
    # The title is `2019年上海市人民政府办公厅政府信息公开工作年度报告`: year before the body.
    expected = load_expected(CORPUS / "expected" / f"{CASE_014}.json")
    assert expected["agency"] == report_014.agency


def test_014_money_is_normalised_to_wanyuan(report_014):
    cell = report_014.cell("proactive.item9", "procurement", "amount")
    assert (Decimal("25.1"), "万元", "251000元") == (cell.value, cell.unit, cell.text)


def test_014_cells_are_located_in_the_corpus_file(report_014):
    cell = report_014.cell("requests", "received", "natural_person")
    # The HTML is one line: line 4 of the file, after the three header lines.
    assert (f"{CASE_014}.txt", HEADER_LINES + 1) == (cell.location.source, cell.location.line)
