"""Every full report of the shared corpus reads exactly as its expected reading, cell for cell and
finding for finding (R1–R5; R9 and cross-year findings may come on top)."""
import pytest
from expected import CORPUS, differences, finding_keys, load_expected

from gongkai.parse import parse_path
from gongkai.validate import validate

CASES = sorted((CORPUS / "expected").glob("*.json"))
PDFS = {p.stem: p for p in (CORPUS / "pdf").glob("*.pdf")}


def _inputs():
    for case in CASES:
        yield pytest.param(CORPUS / load_expected(case)["file"], case, id=case.stem + ".txt")
        if case.stem in PDFS:
            yield pytest.param(PDFS[case.stem], case, id=case.stem + ".pdf")


@pytest.mark.parametrize(("source", "case"), list(_inputs()))
def test_corpus_report_reads_as_expected(source, case):
    expected = load_expected(case)
    report = parse_path(source)
    assert [] == differences(report, expected)
    assert finding_keys(expected["findings"]) == finding_keys(validate(report))


@pytest.mark.parametrize("source", [pytest.param(CORPUS / load_expected(c)["file"], id=c.stem) for c in CASES])
def test_corpus_tables_are_complete(source):
    """A full report has every table and every row of its format (a 2019 （六） row in a 2021 matrix
    stands in for the three 2021 rows)."""
    report = parse_path(source)
    spec = report.spec
    for table in spec.tables:
        present = report.tables.get(table.id, {})
        stood_in = {r for rows in spec.stand_ins.values() for r in rows[1:]}
        assert [] == [r.id for r in table.rows if r.id not in present and r.id not in stood_in]
