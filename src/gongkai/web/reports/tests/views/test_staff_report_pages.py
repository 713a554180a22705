"""Staff pages of the annual report: the draft page shows the computed tables with drill-down
links, each link lists as many cases as the cell says, another agency's report is a 404, and
the page's actions drive the workflow through to the published downloads."""
import json
from datetime import date

from django.test import TestCase
from django.urls import reverse
from freezegun import freeze_time

from gongkai.render.json import parse_json
from gongkai.web.accounts.constants import Role
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.reports.constants import ReportStatus
from gongkai.web.reports.models import ReportDraft
from gongkai.web.reports.services import report_draft_create
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.reports.tests.services.test_report_workflow import FIGURES_2021
from gongkai.web.tests.factories import AgencyFactory, staff


@freeze_time("2026-01-10 04:00:00")
class StaffReportPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(kind=AgencyKind.GOVERNMENT)
        cls.agency = AgencyFactory(parent=cls.county)
        cls.stranger_agency = AgencyFactory()
        cls.head = staff(cls.agency, Role.HEAD)
        cls.supervisor = staff(cls.county, Role.HEAD)
        cls.stranger = staff(cls.stranger_agency, Role.HEAD)
        insert_cases([
            case(cls.agency, applicant_type="natural_person", received_on=date(2025, 3, 2),
                 closed_on=date(2025, 3, 20), outcome="granted"),
            case(cls.agency, applicant_type="commercial", received_on=date(2025, 12, 30)),
        ])
        cls.draft = report_draft_create(agency=cls.agency, year=2025, acting_user=cls.head)

    def test_draft_page_links_every_cell_of_section_three(self):
        self.client.force_login(self.head)
        response = self.client.get(reverse("reports_staff:detail", args=[self.draft.pk]))
        self.assertEqual(200, response.status_code)
        url = reverse("reports_staff:cell", kwargs={"pk": self.draft.pk, "row": "granted", "column": "natural_person"})
        self.assertContains(response, f'href="{url}"')
        cell = self.client.get(url)
        self.assertEqual((200, 1), (cell.status_code, cell.context["page"].count))

    def test_another_agencys_report_is_not_found(self):
        self.client.force_login(self.stranger)
        for name, kwargs in (("reports_staff:detail", {"pk": self.draft.pk}),
                             ("reports_staff:cell", {"pk": self.draft.pk, "row": "received", "column": "total"})):
            with self.subTest(name):
                self.assertEqual(404, self.client.get(reverse(name, kwargs=kwargs)).status_code)

    def test_the_workflow_through_the_pages_ends_in_published_downloads(self):
        self.client.force_login(self.head)
        action = lambda name: reverse("reports_staff:action", args=[self.draft.pk, name])
        figures = {f"fig:{t}:{r}:{c}": v for t, rows in FIGURES_2021.items() for r, cols in rows.items()
                   for c, v in cols.items()}
        self.client.post(action("edit"), {"overview": "总体情况", "problems": "问题", "other": "无", **figures})
        self.client.post(action("submit"))
        self.assertEqual(ReportStatus.SUBMITTED, ReportDraft.objects.get(pk=self.draft.pk).status)
        self.client.force_login(self.supervisor)
        self.client.post(action("accept"))
        self.client.force_login(self.head)
        self.client.post(action("publish"))
        self.assertEqual(ReportStatus.PUBLISHED, ReportDraft.objects.get(pk=self.draft.pk).status)
        data = self.client.get(reverse("reports_staff:download", args=[self.draft.pk, "json"]))
        report = parse_json(data.content)
        self.assertEqual((1, 1, "总体情况"), (report.value("requests", "received", "natural_person"),
                                          report.value("requests", "carried_out", "commercial"),
                                          report.text["overview"]))
        docx = self.client.get(reverse("reports_staff:download", args=[self.draft.pk, "docx"]))
        self.assertEqual(bytes(ReportDraft.objects.get(pk=self.draft.pk).published_docx), docx.content)
        self.assertEqual(2025, json.loads(data.content)["year"])

    def test_list_page_shows_the_childs_report_to_the_supervisor(self):
        self.client.force_login(self.supervisor)
        response = self.client.get(reverse("reports_staff:list"))
        self.assertContains(response, reverse("reports_staff:detail", args=[self.draft.pk]))


@freeze_time("2026-01-10 04:00:00")
class StaffAppealPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.head = staff(cls.agency, Role.HEAD)
        insert_cases([case(cls.agency, applicant_type="natural_person", received_on=date(2025, 3, 2),
                           closed_on=date(2025, 3, 20), outcome="withheld_process")])
        cls.case = cls.agency.requests.get()
        cls.draft = report_draft_create(agency=cls.agency, year=2025, acting_user=cls.head)

    def test_recorded_appeal_counts_in_section_four_and_is_decided(self):
        self.client.force_login(self.head)
        url = reverse("reports_staff:appeal_create", args=[self.draft.pk])
        self.client.post(url, {"request_number": self.case.tracking_number, "kind": "review",
                               "body": "市人民政府", "filed_on": "2025-04-02", "result": "pending"})
        page = self.client.get(reverse("reports_staff:detail", args=[self.draft.pk]))
        appeals = next(t for t in page.context["page"].tables if t.id == "appeals")
        self.assertEqual([0, 0, 0, 1, 1], [c.value for c in appeals.rows[0].cells])
        appeal = page.context["page"].appeals[0]
        self.client.post(reverse("reports_staff:appeal_decide", args=[self.draft.pk, appeal.pk]),
                         {"result": "corrected", "decided_on": "2025-06-01"})
        page = self.client.get(reverse("reports_staff:detail", args=[self.draft.pk]))
        appeals = next(t for t in page.context["page"].tables if t.id == "appeals")
        self.assertEqual([0, 1, 0, 0, 1], [c.value for c in appeals.rows[0].cells])

    def test_unknown_request_number_is_refused(self):
        self.client.force_login(self.head)
        response = self.client.post(reverse("reports_staff:appeal_create", args=[self.draft.pk]), {
            "request_number": "NOPE", "kind": "review", "body": "市人民政府", "filed_on": "2025-04-02",
            "result": "pending"}, follow=True)
        self.assertContains(response, "本机关没有申请编号为“NOPE”的申请")
