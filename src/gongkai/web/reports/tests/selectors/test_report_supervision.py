"""Issue 4, item 6: each child agency × year has a status checked against the deadline of
条例 第四十九条 (1月31日 for departments, 3月31日 for a government's own report)."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.test import TestCase
from django.urls import reverse
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.reports.constants import SupervisionStatus as St
from gongkai.web.reports.demo import SEED
from gongkai.web.reports.services import (
    report_accept,
    report_draft_create,
    report_draft_update,
    report_import,
    report_publish,
    report_submit,
)
from gongkai.web.reports.supervision import report_deadline, report_supervision
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.reports.tests.services.test_report_workflow import FIGURES_2021
from gongkai.web.tests.factories import AgencyFactory, staff

BEIJING = ZoneInfo("Asia/Shanghai")


class ReportSupervisionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(kind=AgencyKind.GOVERNMENT, code="a-county")
        cls.supervisor = staff(cls.county, Role.HEAD)
        cls.kids = {name: AgencyFactory(parent=cls.county, code=f"b-{name}") for name in (
            "on_time", "late", "submitted", "draft", "none", "imported")}
        cls.heads = {name: staff(agency, Role.HEAD) for name, agency in cls.kids.items()}
        insert_cases([case(cls.kids["on_time"], applicant_type="natural_person", received_on=date(2025, 3, 1),
                           closed_on=date(2025, 3, 9), outcome=outcome) for outcome in ("granted", "rejected_petition")])

    def _publish(self, name: str, on: str):
        agency, head = self.kids[name], self.heads[name]
        with freeze_time(on):
            draft = report_draft_create(agency=agency, year=2025, acting_user=head)
            draft = report_draft_update(draft=draft, figures=FIGURES_2021, acting_user=head)
            draft = report_accept(draft=report_submit(draft=draft, acting_user=head), acting_user=self.supervisor)
            return report_publish(draft=draft, acting_user=head)

    def _setup_year(self):
        self._publish("on_time", "2026-01-31 15:00:00")  # 23:00 in Beijing, still the 31st
        self._publish("late", "2026-01-31 16:30:00")  # 00:30 on 1 February in Beijing
        with freeze_time("2026-01-20"):
            head = self.heads["submitted"]
            draft = report_draft_create(agency=self.kids["submitted"], year=2025, acting_user=head)
            report_submit(draft=report_draft_update(draft=draft, figures=FIGURES_2021, acting_user=head),
                          acting_user=head)
            report_draft_create(agency=self.kids["draft"], year=2025, acting_user=self.heads["draft"])
            report_import(agency=self.kids["imported"], data=SEED.read_bytes(), name=SEED.name, year=2025,
                          acting_user=self.heads["imported"])

    def _statuses(self, today: date) -> dict[str, str]:
        rows = report_supervision(supervisor=self.county, year=2025, today=today)
        names = {a.pk: n for n, a in self.kids.items()} | {self.county.pk: "county"}
        return {names[r.agency.pk]: r.status for r in rows}

    def test_deadlines_by_kind(self):
        self.assertEqual((date(2026, 1, 31), date(2026, 3, 31)),
                         (report_deadline(self.kids["draft"], 2025), report_deadline(self.county, 2025)))

    def test_statuses_before_and_after_the_deadline(self):
        self._setup_year()
        before = {"county": St.NOT_STARTED, "on_time": St.PUBLISHED_ON_TIME, "late": St.PUBLISHED_LATE,
                  "submitted": St.SUBMITTED, "draft": St.DRAFT, "none": St.NOT_STARTED, "imported": St.IMPORTED}
        self.assertEqual(before, self._statuses(date(2026, 1, 31)))
        after = before | {"submitted": St.MISSING, "draft": St.MISSING, "none": St.MISSING}
        self.assertEqual(after, self._statuses(date(2026, 2, 1)))
        # The county government's own report is due on 31 March.
        self.assertEqual(St.MISSING, self._statuses(date(2026, 4, 1))["county"])

    def test_key_figures_and_findings(self):
        self._setup_year()
        rows = {r.agency.pk: r for r in report_supervision(supervisor=self.county, year=2025, today=date(2026, 2, 1))}
        on_time, imported = rows[self.kids["on_time"].pk], rows[self.kids["imported"].pk]
        self.assertEqual((2, 50, 0, 0, 0), (on_time.received, on_time.disclosure_rate, on_time.appeals,
                                            on_time.errors, on_time.warnings))
        self.assertEqual((3, 1), (imported.errors, imported.warnings))
        self.assertEqual(datetime(2026, 1, 31, 23, 0, tzinfo=BEIJING).date(), on_time.published_on)

    def test_dashboard_page_and_export(self):
        self._setup_year()
        self.client.force_login(self.supervisor)
        with freeze_time("2026-02-01"):
            page = self.client.get(reverse("reports_staff:supervision"), {"year": 2025})
            export = self.client.get(reverse("reports_staff:supervision_xlsx"), {"year": 2025})
        self.assertContains(page, "逾期发布")
        self.assertContains(page, "<svg")
        self.assertEqual(b"PK", export.content[:2])

    def test_supervisor_imports_a_childs_published_report(self):
        from django.core.files.uploadedfile import SimpleUploadedFile

        self.client.force_login(self.supervisor)
        child = self.kids["none"]
        response = self.client.post(reverse("reports_staff:import"), {
            "agency": child.pk, "year": "2025", "file": SimpleUploadedFile(SEED.name, SEED.read_bytes())},
            follow=True)
        self.assertContains(response, f"已导入{child.name}2025年度报告（4 个问题）")
        self.assertEqual(St.IMPORTED, self._statuses(date(2026, 2, 1))["none"])
        stranger = staff(AgencyFactory(), Role.HEAD)
        self.client.force_login(stranger)
        response = self.client.post(reverse("reports_staff:import"), {
            "agency": self.kids["draft"].pk, "file": SimpleUploadedFile(SEED.name, SEED.read_bytes())}, follow=True)
        self.assertContains(response, "没有“导入”年度报告所需的岗位")
