"""Section 三 from the cases (request-workflow.md, counting for the annual report of year Y)."""
from datetime import date

from django.test import TestCase

from gongkai.spec import FORMATS
from gongkai.web.reports.selectors import report_cell_cases, report_requests_counts, report_requests_table
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.requests.constants import RequestStatus
from gongkai.web.tests.factories import AgencyFactory


class ReportRequestsTableTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = cls_agency = AgencyFactory()
        other = AgencyFactory()
        insert_cases([
            # received the year before, closed in the year: carried in, handled
            case(cls_agency, applicant_type="natural_person", received_on=date(2024, 12, 20),
                 closed_on=date(2025, 1, 10), outcome="granted"),
            # received the year before, closed the year before: not counted at all
            case(cls_agency, applicant_type="natural_person", received_on=date(2024, 11, 2),
                 closed_on=date(2024, 12, 31), outcome="granted"),
            # received in the year, closed on its last day
            case(cls_agency, applicant_type="commercial", received_on=date(2025, 1, 1),
                 closed_on=date(2025, 12, 31), outcome="partly_granted"),
            # received in the year, closed the next: carried out
            case(cls_agency, applicant_type="research", received_on=date(2025, 12, 30),
                 closed_on=date(2026, 1, 5), outcome="withheld_process"),
            # received in the year, still open: carried out
            case(cls_agency, applicant_type="other_org", received_on=date(2025, 6, 1)),
            # carried in and still open: carried in and carried out
            case(cls_agency, applicant_type="legal_services", received_on=date(2024, 12, 1)),
            # withdrawn, closed in the year: 其他
            case(cls_agency, applicant_type="natural_person", received_on=date(2025, 3, 1),
                 closed_on=date(2025, 3, 3), outcome="other_misc", status=RequestStatus.WITHDRAWN),
            case(cls_agency, applicant_type="natural_person", received_on=date(2025, 4, 1),
                 closed_on=date(2025, 5, 3), outcome="other_no_correction", status=RequestStatus.CLOSED),
            # never received (withdrawn before confirmation): never counted
            case(cls_agency, applicant_type="natural_person", received_on=None, closed_on=date(2025, 5, 3),
                 status=RequestStatus.WITHDRAWN),
            # another agency's case
            case(other, applicant_type="natural_person", received_on=date(2025, 5, 1)),
        ])

    def test_counts_follow_the_counting_rules(self):
        counts = report_requests_counts(agency=self.agency, year=2025)
        self.assertEqual(
            {"received": 5, "carried_in": 2, "handled_total": 4, "carried_out": 3, "granted": 1,
             "partly_granted": 1, "other_misc": 1, "other_no_correction": 1, "withheld_process": 0},
            {row: counts[row]["total"] for row in ("received", "carried_in", "handled_total", "carried_out",
                                                   "granted", "partly_granted", "other_misc",
                                                   "other_no_correction", "withheld_process")})
        self.assertEqual(
            {"natural_person": 2, "commercial": 1, "research": 1, "social_welfare": 0, "legal_services": 0,
             "other_org": 1, "total": 5}, counts["received"])

    def test_is_one_query(self):
        with self.assertNumQueries(1):
            report_requests_table(agency=self.agency, year=2025)

    def test_2019_edition_counts_every_other_outcome_in_one_row(self):
        counts = report_requests_counts(agency=self.agency, year=2020, spec=FORMATS["2019"])
        self.assertNotIn("other_misc", counts)
        counts = report_requests_counts(agency=self.agency, year=2025, spec=FORMATS["2019"])
        self.assertEqual(2, counts["other"]["total"])

    def test_drill_down_counts_equal_every_cell(self):
        table = report_requests_table(agency=self.agency, year=2025)
        for row, columns in table.items():
            for column, cell in columns.items():
                with self.subTest(row=row, column=column):
                    self.assertEqual(cell.value, report_cell_cases(agency=self.agency, year=2025, row=row,
                                                                   column=column).count())

    def test_drill_down_rejects_a_row_of_the_other_edition(self):
        with self.assertRaises(ValueError):
            report_cell_cases(agency=self.agency, year=2025, row="other", column="total")
