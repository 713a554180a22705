"""Rules R1–R8 on reports built from the format definitions."""
import pytest

from gongkai.report import Cell, empty_report
from gongkai.spec import FORMATS
from gongkai.validate import validate, validate_series


def consistent(format_id: str, *, year=2021, agency="测试县人民政府"):
    """A report whose every equation holds: one natural-person request received and one carried in,
    one granted, one carried out."""
    spec = FORMATS[format_id]
    report = empty_report(spec, agency=agency, year=year)
    for table in spec.tables:
        for row in table.rows:
            for column in table.columns:
                report.set(table.id, row.id, column.id, Cell(0))
    for row, n in (("received", 1), ("carried_in", 1), ("granted", 1), ("handled_total", 1), ("carried_out", 1)):
        report.set("requests", row, "natural_person", Cell(n))
        report.set("requests", row, "total", Cell(n))
    return report


@pytest.mark.parametrize("format_id", ["2019", "2021"])
def test_consistent_report_is_clean(format_id):
    assert [] == validate(consistent(format_id))


def test_broken_balance_names_the_column():
    report = consistent("2021")
    report.set("requests", "carried_in", "natural_person", Cell(2))
    report.set("requests", "carried_in", "total", Cell(2))
    assert [("R1-balance", None, "natural_person"), ("R1-balance", None, "total")] == [
        (f.rule, f.row, f.column) for f in validate(report)]


def test_an_equation_with_a_blank_cell_is_not_checked_but_the_blank_is_reported():
    report = consistent("2021")
    report.set("requests", "granted", "total", Cell(None))
    assert [("R5-blank", "granted", "total")] == [(f.rule, f.row, f.column) for f in validate(report)]


def test_appeal_total_names_the_block():
    report = consistent("2019")
    report.set("appeals", "review", "upheld", Cell(2))
    (finding,) = validate(report)
    assert ("R4-appeal-total", "appeals", "review", None, "2", "0") == (
        finding.rule, finding.table, finding.row, finding.column, finding.expected, finding.actual)


@pytest.mark.parametrize(("value", "ok"), [(-1, False), ("-", False), (3, True)])
def test_counts_must_be_non_negative_whole_numbers(value, ok):
    report = consistent("2021")
    report.set("proactive.item5", "licensing", "decisions", Cell(value))
    rules = [f.rule for f in validate(report)]
    assert ([] if ok else ["R6-type"]) == rules


def test_change_may_be_negative():
    report = consistent("2019")
    report.set("proactive.item5", "licensing", "change", Cell(-3))
    assert [] == validate(report)


def test_published_cannot_exceed_public_total():
    report = consistent("2019")
    report.set("proactive.item1", "rules", "published", Cell(5))
    report.set("proactive.item1", "rules", "total_public", Cell(4))
    assert [("R8-stock", "rules", "published")] == [(f.rule, f.row, f.column) for f in validate(report)]


def test_carry_chain_across_years():
    last, this = consistent("2021", year=2021), consistent("2021", year=2022)
    assert {} == validate_series([last, this])
    this.set("requests", "carried_in", "natural_person", Cell(0))  # last year carried out 1
    findings = validate_series([this, last])[0]
    assert [("R7-carry-chain", "carried_in", "natural_person", "1", "0")] == [
        (f.rule, f.row, f.column, f.expected, f.actual) for f in findings]


def test_in_force_stock_chain_2021():
    last, this = consistent("2021", year=2021), consistent("2021", year=2022)
    last.set("proactive.item1", "normative_documents", "in_force", Cell(665))
    for column, n in (("issued", 88), ("repealed", 55), ("in_force", 698)):
        this.set("proactive.item1", "normative_documents", column, Cell(n))
    assert {} == validate_series([last, this])
    this.set("proactive.item1", "normative_documents", "in_force", Cell(700))
    (finding,) = validate_series([last, this])[1]
    assert ("R8-stock", "698", "700") == (finding.rule, finding.expected, finding.actual)


def test_prev_items_chain_2019():
    last, this = consistent("2019", year=2019), consistent("2019", year=2020)
    last.set("proactive.item8", "fees", "prev_items", Cell(29))
    last.set("proactive.item8", "fees", "change", Cell(-1))
    this.set("proactive.item8", "fees", "prev_items", Cell(28))
    assert {} == validate_series([last, this])


def test_years_that_do_not_follow_each_other_are_not_chained():
    last, this = consistent("2021", year=2021), consistent("2021", year=2023)
    this.set("requests", "carried_in", "natural_person", Cell(5))
    assert {} == validate_series([last, this])
