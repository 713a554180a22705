"""Issue 4, item 9: for any set of cases, the generated section 三 satisfies R1–R3, and every
cell's drill-down lists exactly as many cases as the cell counts."""
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from gongkai.report import empty_report
from gongkai.spec import FORMATS
from gongkai.validate import validate
from gongkai.web.reports.selectors import report_cell_cases, report_requests_table
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.requests.constants import APPLICANT_TYPE_IDS, OUTCOME_IDS, RequestStatus
from gongkai.web.requests.models import InfoRequest
from gongkai.web.tests.factories import AgencyFactory

YEAR = 2025


@st.composite
def cases(draw, year: int = YEAR):
    # Dates around both ends of the report year, so every case lands on some boundary side.
    received = draw(st.one_of(st.none(), st.dates(min_value=date(year - 1, 11, 1), max_value=date(year + 1, 2, 28))))
    closed_after = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=80)))
    kind = draw(st.sampled_from(APPLICANT_TYPE_IDS))
    if received is None:  # never received: withdrawn online before confirmation, or still waiting
        withdrawn = draw(st.booleans())
        return {"applicant_type": kind, "received_on": None, "closed_on": date(year, 6, 1) if withdrawn else None,
                "status": RequestStatus.WITHDRAWN if withdrawn else RequestStatus.SUBMITTED}
    if closed_after is None:
        return {"applicant_type": kind, "received_on": received}
    return {"applicant_type": kind, "received_on": received, "closed_on": received + timedelta(days=closed_after),
            "outcome": draw(st.sampled_from(OUTCOME_IDS))}


R123 = ("R1", "R2", "R3")


class ReportRequestsPropertyTests(TestCase):
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(cases(), max_size=40), st.sampled_from(sorted(FORMATS)))
    def test_generated_section_satisfies_r1_to_r3(self, drawn, edition):
        agency = AgencyFactory()
        insert_cases([case(agency, **fields) for fields in drawn])
        spec = FORMATS[edition]
        report = empty_report(spec, agency=agency.name, year=YEAR)
        report.tables["requests"] = report_requests_table(agency=agency, year=YEAR, spec=spec)
        self.assertEqual([], [f for f in validate(report) if f.rule[:2] in R123])
        counted = InfoRequest.objects.filter(agency=agency, received_on__lte=date(YEAR, 12, 31)).exclude(
            closed_on__lt=date(YEAR, 1, 1)).exclude(received_on=None).count()
        table = report.tables["requests"]
        self.assertEqual(counted, table["received"]["total"].value + table["carried_in"]["total"].value)

    @settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from([2020, YEAR]).flatmap(lambda year: st.tuples(st.just(year),
                                                                        st.lists(cases(year), max_size=25))))
    def test_drill_down_counts_equal_cells(self, year_and_cases):
        """In both editions: 2020 (2019 format, one 其他处理 row for three outcomes) and 2025."""
        year, drawn = year_and_cases
        agency = AgencyFactory()
        insert_cases([case(agency, **fields) for fields in drawn])
        table = report_requests_table(agency=agency, year=year)
        for row, columns in table.items():
            for column, cell in columns.items():
                self.assertEqual(cell.value, report_cell_cases(agency=agency, year=year, row=row,
                                                               column=column).count(), (row, column))
