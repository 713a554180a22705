"""``gongkai report generate``: the report from the records, as JSON that ``gongkai check`` reads clean."""
import json
import tempfile
from datetime import date
from pathlib import Path

from django.test import TestCase
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.render.json import parse_json
from gongkai.validate import validate
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.tests.factories import AgencyFactory


class ReportGenerateCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory(code="cli-county")
        insert_cases([
            case(cls.agency, applicant_type="natural_person", received_on=date(2024, 12, 30),
                 closed_on=date(2025, 1, 8), outcome="granted"),
            case(cls.agency, applicant_type="commercial", received_on=date(2025, 12, 29)),
        ])

    def test_json_output_is_the_generated_report(self):
        result = CliRunner().invoke(app, ["report", "generate", "--agency", "cli-county", "--year", "2025",
                                          "--json"])
        self.assertEqual(0, result.exit_code, result.output)
        report = parse_json(result.stdout)
        self.assertEqual((self.agency.name, 2025, "2021"), (report.agency, report.year, report.format))
        self.assertEqual((1, 1, 1, 1), tuple(report.value("requests", row, "total") for row in (
            "received", "carried_in", "handled_total", "carried_out")))
        self.assertEqual([], [f.rule for f in validate(report) if f.severity == "error"])
        self.assertEqual(json.loads(result.stdout)["tables"]["requests"]["granted"]["natural_person"], 1)

    def test_gongkai_check_reads_the_output_without_errors(self):
        generated = CliRunner().invoke(app, ["report", "generate", "--agency", "cli-county", "--year", "2025",
                                             "--json"])
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "r.json"
            path.write_text(generated.stdout, encoding="utf-8")
            checked = CliRunner().invoke(app, ["check", str(path), "--json"])
        self.assertEqual(0, checked.exit_code, checked.output)
        self.assertEqual([], [f for f in json.loads(checked.stdout)["findings"] if f["severity"] == "error"])

    def test_agency_by_id_and_2019_edition(self):
        result = CliRunner().invoke(app, ["report", "generate", "--agency", str(self.agency.pk), "--year", "2020",
                                          "--json"])
        self.assertEqual(0, result.exit_code, result.output)
        self.assertEqual("2019", json.loads(result.stdout)["format"])

    def test_unknown_agency_is_a_usage_error(self):
        result = CliRunner().invoke(app, ["report", "generate", "--agency", "nowhere", "--year", "2025"])
        self.assertEqual(2, result.exit_code)
        self.assertIn("找不到机关“nowhere”", result.output)
