"""Import of published reports (issue 4, item 7): the engine reads the file, the platform keeps it
as the agency's report of its year, and R7 checks this year's draft against it."""
from datetime import date
from pathlib import Path

from django.test import TestCase
from freezegun import freeze_time
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.reports.demo import SEED
from gongkai.web.reports.models import ImportedReport
from gongkai.web.reports.selectors import report_check, report_previous
from gongkai.web.reports.services import report_draft_create, report_import
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.tests.factories import AgencyFactory, staff


@freeze_time("2026-11-26 04:00:00")
class ReportImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory(code="imp")
        cls.head = staff(cls.agency, Role.HEAD)

    def test_imported_seed_keeps_its_findings_and_serves_as_last_year(self):
        imported = report_import(agency=self.agency, data=SEED.read_bytes(), name=SEED.name, acting_user=self.head)
        self.assertEqual((2020, ["R1-balance", "R2-handled-sum", "R3-row-total", "R5-blank"]),
                         (imported.year, [f["rule"] for f in imported.findings]))
        self.assertEqual(3, report_previous(agency=self.agency, year=2021).value("requests", "handled_total",
                                                                                 "total"))

    def test_this_years_carried_in_is_checked_against_the_imported_carried_out(self):
        report_import(agency=self.agency, data=SEED.read_bytes(), name=SEED.name, acting_user=self.head)
        insert_cases([case(self.agency, applicant_type="research", received_on=date(2020, 12, 30))])
        draft = report_draft_create(agency=self.agency, year=2021, acting_user=self.head)
        self.assertEqual([("R7-carry-chain", "carried_in", "research"), ("R7-carry-chain", "carried_in", "total")],
                         [(f.rule, f.row, f.column) for f in report_check(draft=draft).findings
                          if f.rule.startswith("R7")])

    def test_unreadable_file_is_refused(self):
        with self.assertRaises(ApplicationError) as caught:
            report_import(agency=self.agency, data=b"\x00\x01 not a report", name="x.bin", acting_user=self.head)
        self.assertEqual("import-unreadable", caught.exception.code)

    def test_cli_imports_a_file_as_a_user(self):
        result = CliRunner().invoke(app, ["report", "import", str(SEED), "--agency", "imp",
                                          "--user", self.head.username])
        self.assertEqual(0, result.exit_code, result.output)
        self.assertEqual([(2020, SEED.name)], list(ImportedReport.objects.values_list("year", "source")))
        missing = CliRunner().invoke(app, ["report", "import", str(Path(SEED).with_suffix(".nope")), "--agency",
                                           "imp", "--user", self.head.username])
        self.assertEqual(3, missing.exit_code)
