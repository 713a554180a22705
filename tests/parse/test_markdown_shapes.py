"""PDFs converted to Markdown (corpus 012, 013): labels apart from their numbers, header cells
floating above the table, a section heading lost, tables renumbered, page footers as debris.

Each rule is tested on a small report built from the format's own labels, then on the two corpus
reports against their expected readings."""
import pytest
from expected import CORPUS, differences, finding_keys, load_expected

from gongkai.parse import parse_bytes, parse_path
from gongkai.spec import FORMATS
from gongkai.validate import validate

SPEC = FORMATS["2021"]
REQUESTS = SPEC.table("requests")
ROWS = [r.id for r in REQUESTS.rows]


def _row(label: str, values) -> str:
    return "| " + " | ".join([label, *map(str, values)]) + " |"


def _unlabelled(values) -> str:
    """A table row whose label cell the conversion lost."""
    return "| " + " | ".join(map(str, values)) + " |"


def _values(row_id: str) -> list[int]:
    """Seven values that say which row they belong to."""
    n = ROWS.index(row_id) + 1
    return [n, 0, 0, 0, 0, 0, n]


def _requests_lines(replace: dict[str, list[str]] | None = None) -> list[str]:
    """Section 三 as a Markdown table, one row per line; `replace` swaps a row's line for others."""
    lines = ["| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 商业企业 | 科研机构 "
             "| 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---|---|---|---|---|---|---|---|"]
    for row in REQUESTS.rows:
        lines.extend((replace or {}).get(row.id, [_row(row.label, _values(row.id))]))
    return lines


PROACTIVE = [
    "第二十条第（一）项",
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
    "|---|---|---|---|",
    "| 规章 | 1 | 2 | 3 |",
    "| 行政规范性文件 | 4 | 5 | 6 |",
    "第二十条第（五）项",
    "| 信息内容 | 本年处理决定数量 |", "|---|---|", "| 行政许可 | 7 |",
    "第二十条第（六）项",
    "| 信息内容 | 本年处理决定数量 |", "|---|---|", "| 行政处罚 | 8 |", "| 行政强制 | 9 |",
    "第二十条第（八）项",
    "| 信息内容 | 本年收费金额（单位：万元） |", "|---|---|", "| 行政事业性收费 | 0 |",
]
APPEALS = ["| 维持 | 纠正 | 结果 | 审结 | 总计 |", "|---|---|---|---|---|",
           _row("1", [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]


def _report(*, proactive=None, requests=None, headings=None, problems_heading=True) -> str:
    h = headings or {s.id: s.heading for s in SPEC.sections}
    lines = ["正文", "2024 年上海市测试局政府信息公开工作", "年度报告", "",
             h["overview"], "本局认真贯彻《条例》。", "",
             h["proactive"], *(proactive or PROACTIVE), "",
             h["requests"], *(requests or _requests_lines()), "",
             h["appeals"], *APPEALS, ""]
    if problems_heading:
        lines.append(h["problems"])
    lines += ["（一）主要问题", "栏目需要调整，2024 年已改进 3 处。", "", h["other"], "未收取信息处理费。"]
    return "\n".join(lines) + "\n"


def _read(text: str):
    return parse_bytes(text.encode("utf-8"), "shape.txt")


def _request_values(report, row_id):
    return [report.value("requests", row_id, c.id) for c in REQUESTS.columns]


def test_the_built_report_reads_every_row_as_printed():
    report = _read(_report())
    assert ("上海市测试局", 2024) == (report.agency, report.year)
    assert {r: _values(r) for r in ROWS} == {r: _request_values(report, r) for r in ROWS}
    assert [1, 2, 3] == [report.value("proactive.item1", "rules", c) for c in ("issued", "repealed", "in_force")]


def test_an_unlabelled_row_is_the_single_row_missing_between_its_labelled_neighbours():
    values = _values("withheld_internal")
    report = _read(_report(requests=_requests_lines({"withheld_internal": [_unlabelled(values)]})))
    assert values == _request_values(report, "withheld_internal")


def test_labels_stacked_above_unlabelled_rows_do_not_name_them_the_format_order_does():
    """012: `（四）无 2.没有现成信息需要另 / 法提供行制作 / 3.补正后申请内容仍不 / 明确` above two
    label-less rows: the last label printed is not the first row's."""
    stacked = ["（四）无2.没有现成信息需要另", "法提供行制作", "3.补正后申请内容仍不", "明确",
               _unlabelled(_values("unavailable_needs_creation"))]
    lines = _requests_lines({"unavailable_needs_creation": stacked,
                             "unavailable_unclear": [_unlabelled(_values("unavailable_unclear"))]})
    report = _read(_report(requests=lines))
    assert _values("unavailable_needs_creation") == _request_values(report, "unavailable_needs_creation")
    assert _values("unavailable_unclear") == _request_values(report, "unavailable_unclear")


def test_a_piece_of_a_label_names_the_first_row_of_the_format_it_belongs_to():
    """013: `行政机关不再处理其政府信息公` is in the labels of （六）1. and （六）2.: the first one, as
    the next row prints `缴纳费用、`, a piece only （六）2. has."""
    lines = _requests_lines({
        "other_no_correction": [_row("行政机关不再处理其政府信息公", _values("other_no_correction"))],
        "other_fee_unpaid": [_row("缴纳费用、 | 行政机关不再处理其政", _values("other_fee_unpaid"))],
    })
    report = _read(_report(requests=lines))
    assert _values("other_no_correction") == _request_values(report, "other_no_correction")
    assert _values("other_fee_unpaid") == _request_values(report, "other_fee_unpaid")


def test_a_stray_number_between_a_label_and_its_table_row_is_debris():
    """012: a lone `1` (a page number) between the （六）2. label and its row of zeros."""
    lines = _requests_lines({"other_fee_unpaid": [
        "2.申请人逾期未按收费", "通知要求缴纳费用、行", "政机关不再处理其政府", "信息公开申请", "1",
        _unlabelled(_values("other_fee_unpaid"))]})
    report = _read(_report(requests=lines))
    assert _values("other_fee_unpaid") == _request_values(report, "other_fee_unpaid")


def test_page_footers_are_neither_values_nor_text():
    lines = _requests_lines({"rejected_duplicate": ["— 5 —", _row("2.重复申请", _values("rejected_duplicate"))]})
    report = _read(_report(requests=lines).replace("本局认真贯彻《条例》。", "本局认真贯彻\n— 1 —\n《条例》。"))
    assert _values("rejected_duplicate") == _request_values(report, "rejected_duplicate")
    assert "—" not in report.text["overview"]


def test_cells_printed_on_two_lines_float_above_the_table_and_fill_the_middle_column():
    """013: `22 / （其中修订 16 件）` and `55 / （含自然失效 29 件）` above a table whose rows print
    two of three cells."""
    proactive = ["第二十条第（一）项", "22", "（其中修订 16 件）", "55", "（含自然失效 29 件）", *PROACTIVE[5:],
                 "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "|---|---|---|---|",
                 "| 规章 | 22 | 235 |", "| 行政规范性文件 | 34 | 189 |"]
    report = _read(_report(proactive=proactive))
    item1 = [[report.value("proactive.item1", r, c) for c in ("issued", "repealed", "in_force")]
             for r in ("rules", "normative_documents")]
    assert [[22, 22, 235], [34, 55, 189]] == item1
    assert 7 == report.value("proactive.item5", "licensing", "decisions")


def test_tables_renumbered_after_a_narrative_numbered_one_to_six_are_found():
    """012: the narrative runs 一 to 六, then the tables come under 一、主动公开… 二、收到… 三、…复议."""
    narrative = ["二、工作机制保障", "设立协调小组。", "三、主动公开工作情况", "发布信息 393 件。",
                 "四、政府信息公开申请情况", "全年收到申请 34 件。", "五、政府信息管理", "及时发布。",
                 "六、政府信息公开平台建设", "累计发布 121 条。"]
    headings = {s.id: s.heading for s in SPEC.sections}
    text = _report(headings={**headings, "proactive": "一、主动公开政府信息情况",
                             "requests": "二、收到和处理政府信息公开申请情况",
                             "appeals": "三、政府信息公开行政复议、行政诉讼情况"})
    text = text.replace("本局认真贯彻《条例》。", "本局认真贯彻《条例》。\n" + "\n".join(narrative))
    report = _read(text)
    assert {r: _values(r) for r in ROWS} == {r: _request_values(report, r) for r in ROWS}
    assert "累计发布 121 条" in report.text["overview"]
    assert 1 == report.value("appeals", "review", "total")


def test_a_lost_heading_of_section_five_is_recovered_from_its_first_subheading():
    report = _read(_report(problems_heading=False))
    assert 1 == report.value("appeals", "review", "total")
    assert report.text["problems"].startswith("（一）主要问题")


@pytest.mark.parametrize("stem", ["012_shanghai-kewei_2024", "013_shanghai-shizhengfu-bangongting_2025"])
def test_corpus_markdown_conversion_reads_as_expected(stem):
    expected = load_expected(CORPUS / "expected" / f"{stem}.json")
    report = parse_path(CORPUS / f"{stem}.txt")
    assert [] == differences(report, expected)
    assert expected["agency"] == report.agency
    assert finding_keys(expected["findings"]) == finding_keys(validate(report))


def test_a_stray_number_among_unlabelled_table_rows_is_debris():
    lines = _requests_lines({"rejected_excessive": ["7", _unlabelled(_values("rejected_excessive"))],
                             "rejected_confirmation": [_unlabelled(_values("rejected_confirmation"))]})
    report = _read(_report(requests=lines))
    assert _values("rejected_excessive") == _request_values(report, "rejected_excessive")
    assert _values("rejected_confirmation") == _request_values(report, "rejected_confirmation")


def test_a_numbered_list_of_the_parts_before_the_report_is_not_where_they_begin():
    parts = "\n".join(s.heading for s in SPEC.sections)
    report = _read(_report().replace("年度报告\n", "年度报告\n本报告包括：\n" + parts + "\n", 1))
    assert {r: _values(r) for r in ROWS} == {r: _request_values(report, r) for r in ROWS}
    assert "本局认真贯彻《条例》。" == report.text["overview"]
