"""Issue 4, must show: the demo's 2020 report of 乌鲁木齐县人民政府 has the seed's section 二 and 四
values in JSON and a section 三 that checks clean; the 2025 report is generated from the cases."""
import json
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.parse import parse_path
from gongkai.render.json import report_to_dict
from gongkai.report import empty_report
from gongkai.spec import FORMATS
from gongkai.validate import validate
from gongkai.web.accounts.constants import Role
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.reports.constants import ReportStatus
from gongkai.web.reports.demo import SEED, demo_reports_load, seed_cases
from gongkai.web.reports.selectors import report_build, report_requests_counts
from gongkai.web.tests.factories import AgencyFactory, staff


@freeze_time("2026-11-26 04:00:00")
class DemoReportsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(name="乌鲁木齐县人民政府", code="wlmqx", kind=AgencyKind.GOVERNMENT)
        cls.head = staff(cls.county, Role.HEAD)
        cls.loaded = demo_reports_load(county=cls.county, acting_user=cls.head)

    def test_2020_report_has_the_seeds_sections_two_and_four(self):
        seed = report_to_dict(parse_path(SEED))
        published = json.loads(self.loaded.published.published_json)
        self.assertEqual((ReportStatus.PUBLISHED, "2019"), (self.loaded.published.status, published["format"]))
        self.assertEqual(seed["tables"]["proactive"], published["tables"]["proactive"])
        self.assertEqual(seed["tables"]["appeals"], published["tables"]["appeals"])
        self.assertEqual(seed["units"], published["units"])
        self.assertEqual(seed["text"], published["text"])

    def test_2020_section_three_checks_clean_with_the_consistent_total(self):
        report = report_build(draft=self.loaded.published)
        self.assertEqual([], [f for f in validate(report) if f.table == "requests"])
        self.assertEqual((0, 0), (report.value("requests", "handled_total", "total"),
                                  report.value("requests", "withheld_process", "commercial")))

    def test_2025_draft_is_open_in_the_2021_edition(self):
        self.assertEqual((2025, "2021", ReportStatus.DRAFT),
                         (self.loaded.draft.year, self.loaded.draft.edition, self.loaded.draft.status))


class SeedCasesTests(TestCase):
    def test_cases_reproduce_a_consistent_section_three(self):
        agency = AgencyFactory()
        report = empty_report(FORMATS["2019"], year=2020)
        for row, column, n in (("received", "natural_person", 5), ("carried_in", "natural_person", 2),
                               ("granted", "natural_person", 3), ("other", "natural_person", 1),
                               ("received", "commercial", 1), ("carried_in", "commercial", 3),
                               ("withheld_process", "commercial", 2)):
            report.tables["requests"][row][column].value = n
        for case in seed_cases(agency, report):
            case.save()
        counts = report_requests_counts(agency=agency, year=2020, spec=FORMATS["2019"])
        self.assertEqual(
            {"natural_person": (5, 2, 3, 1, 4, 3), "commercial": (1, 3, 0, 0, 2, 2)},
            {c: tuple(counts[r][c] for r in ("received", "carried_in", "granted", "other", "handled_total",
                                              "carried_out")) for c in ("natural_person", "commercial")})
        self.assertEqual(date(2019, 12, 20), agency.requests.order_by("received_on").first().received_on)
