"""Publishing puts the report on the agency's public page (issue 4, item 5): the stored HTML,
.docx, .xlsx and JSON; a corrected version is listed with the old one kept; drafts never show."""
from datetime import date

from django.test import TestCase
from django.urls import reverse
from freezegun import freeze_time

from gongkai.parse import parse_bytes
from gongkai.render.json import parse_json
from gongkai.web.accounts.constants import Role
from gongkai.web.reports.models import ReportDraft
from gongkai.web.reports.services import (
    report_accept,
    report_correct,
    report_draft_create,
    report_draft_update,
    report_publish,
    report_submit,
)
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.reports.tests.services.test_report_workflow import FIGURES_2021
from gongkai.web.tests.factories import AgencyFactory, staff


@freeze_time("2026-01-10 04:00:00")
class PublicReportPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory(code="pub")  # no parent: its own head reviews
        cls.head = staff(cls.agency, Role.HEAD)
        insert_cases([case(cls.agency, applicant_type="research", received_on=date(2025, 4, 1),
                           closed_on=date(2025, 4, 10), outcome="partly_granted")])
        draft = report_draft_create(agency=cls.agency, year=2025, acting_user=cls.head)
        draft = report_draft_update(draft=draft, figures=FIGURES_2021, problems="无", acting_user=cls.head)
        cls.published = cls.publish(report_submit(draft=draft, acting_user=cls.head))

    @classmethod
    def publish(cls, draft):
        return report_publish(draft=report_accept(draft=draft, acting_user=cls.head), acting_user=cls.head)

    def url(self, version: int, fmt: str) -> str:
        return reverse("reports_public:file", kwargs={"agency_code": "pub", "year": 2025, "version": version,
                                                      "fmt": fmt})

    def test_downloads_read_back_to_the_same_data(self):
        stored = parse_json(self.published.published_json)
        for fmt in ("html", "docx", "json"):
            with self.subTest(fmt):
                response = self.client.get(self.url(1, fmt))
                self.assertEqual(200, response.status_code)
                back = parse_bytes(response.content, f"r.{fmt}")
                self.assertEqual(stored.tables["requests"]["partly_granted"]["research"].value,
                                 back.value("requests", "partly_granted", "research"))
                self.assertEqual(stored.value("proactive.item8", "fees", "amount"),
                                 back.value("proactive.item8", "fees", "amount"))

    def test_correction_lists_both_versions_and_hides_the_open_draft(self):
        correction = report_correct(draft=self.published, note="补充说明", acting_user=self.head)
        self.assertEqual(404, self.client.get(self.url(2, "html")).status_code)
        self.publish(report_submit(draft=correction, acting_user=self.head))
        page = self.client.get(reverse("reports_public:list", kwargs={"agency_code": "pub"}))
        self.assertContains(page, "已更正，请以第2版为准")
        self.assertContains(page, self.url(1, "docx"))
        self.assertEqual(self.published.published_html.encode(), self.client.get(self.url(1, "html")).content)
        self.assertEqual(2, ReportDraft.objects.filter(agency=self.agency, status="published").count())
