"""The seed fixture (issue 2, "Must show"): read cell by cell, with exactly its four findings."""
from decimal import Decimal

from expected import FIXTURE, FIXTURES, differences, finding_keys, load_expected

from gongkai.parse import parse_path
from gongkai.validate import validate

EXPECTED = load_expected(FIXTURES / "expected" / "wulumuqi-xian-2020.json")


def test_fixture_reads_every_cell_as_printed():
    report = parse_path(FIXTURE)
    assert [] == differences(report, EXPECTED)
    assert "乌鲁木齐县人民政府" == report.agency
    assert (2020, "2019") == (report.year, report.format)


def test_fixture_cells_quoted_in_the_issue():
    report = parse_path(FIXTURE)
    assert [149, 0, 1954] == [report.value("proactive.item5", "licensing", c)
                              for c in ("prev_items", "change", "decisions")]
    assert (90, Decimal("21533.5")) == (report.value("proactive.item9", "procurement", "projects"),
                                       report.value("proactive.item9", "procurement", "amount"))
    assert {"proactive.item9.procurement.amount": "万元"} == report.units()
    assert (28, -1) == (report.value("proactive.item8", "fees", "prev_items"),
                        report.value("proactive.item8", "fees", "change"))
    assert None is report.value("requests", "withheld_process", "commercial")


def test_fixture_has_exactly_its_four_findings():
    findings = validate(parse_path(FIXTURE))
    assert [
        ("R1-balance", "requests", None, "total"),
        ("R2-handled-sum", "requests", None, "total"),
        ("R3-row-total", "requests", "handled_total", None),
        ("R5-blank", "requests", "withheld_process", "commercial"),
    ] == [(f.rule, f.table, f.row, f.column) for f in findings]
    assert finding_keys(EXPECTED["findings"]) == finding_keys(findings)


def test_fixture_r1_message_speaks_to_a_clerk():
    r1 = validate(parse_path(FIXTURE))[0]
    assert "三、收到和处理政府信息公开申请情况 · 总计列：第一项加第二项之和（0）应等于第三项加第四项之和（3）" == r1.message
    assert ("0", "3", "error") == (r1.expected, r1.actual, r1.severity)


def test_fixture_cells_remember_where_they_came_from():
    cell = parse_path(FIXTURE).cell("requests", "handled_total", "total")
    assert "3" == cell.text
    assert "wulumuqi-xian-2020.txt" == cell.location.source
    assert "\t3" == FIXTURE.read_text(encoding="utf-8").splitlines()[cell.location.line - 1]
