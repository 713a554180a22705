"""Round trips and robustness of readers on generated and mutated reports."""
from expected import FIXTURE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from property.strategies import valid_reports

from gongkai.errors import GongkaiError
from gongkai.parse import parse_bytes
from gongkai.render.json import parse_json, render_json
from gongkai.validate import validate


def _cells(report):
    return {(t, r, c): cell.value for t, rows in report.tables.items()
            for r, cols in rows.items() for c, cell in cols.items()}


@given(valid_reports())
def test_generated_reports_validate_clean(report):
    assert [] == validate(report)


@given(valid_reports())
def test_json_round_trip(report):
    back = parse_json(render_json(report))
    assert (report.format, report.agency, report.year, report.text) == (back.format, back.agency, back.year, back.text)
    assert _cells(report) == _cells(back)
    assert report.units() == back.units()


FIXTURE_TEXT = FIXTURE.read_text(encoding="utf-8")
LINES = FIXTURE_TEXT.splitlines()


@st.composite
def mutated_fixture(draw):
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["delete", "duplicate", "junk", "swap", "truncate", "digits"]))
        i = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            break
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "junk":
            lines.insert(i, draw(st.text(min_size=1, max_size=20)))
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines = lines[:i]
        else:
            lines[i] = "\t" + str(draw(st.integers(-10**12, 10**12)))
    return "\n".join(lines)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(mutated_fixture(), st.sampled_from(["utf-8", "gb18030"]))
def test_mutated_fixture_never_crashes_a_reader(text, encoding):
    data = text.encode(encoding, errors="replace")
    try:
        report = parse_bytes(data, "mutated.txt")
    except GongkaiError as exc:
        assert exc.message  # a clear message, never a traceback
        return
    validate(report)  # and a report that reads validates without raising


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["x.txt", "x.html", "x.docx", "x.pdf", "x.json"]))
def test_random_bytes_never_crash_a_reader(data, name):
    try:
        parse_bytes(data, name)
    except GongkaiError as exc:
        assert exc.message


def _same_report(report, back):
    assert (report.format, report.agency, report.year) == (back.format, back.agency, back.year)
    assert _cells(report) == _cells(back)
    assert report.units() == back.units()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_reports())
def test_docx_round_trip(report):
    from gongkai.render.docx import render_docx
    _same_report(report, parse_bytes(render_docx(report), "r.docx"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_reports())
def test_html_round_trip(report):
    from gongkai.render.html import render_html
    _same_report(report, parse_bytes(render_html(report).encode("utf-8"), "r.html"))
