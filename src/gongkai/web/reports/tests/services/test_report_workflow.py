"""The report workflow (issue 4, item 5): draft → submitted → returned | accepted → published;
errors block submission, warnings need an explanation, a published report never changes, a
correction is a new version with a note."""
from datetime import date

from django.core.exceptions import PermissionDenied
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.audit.models import AuditEvent
from gongkai.web.common.errors import ApplicationError
from gongkai.web.reports.constants import TRANSITIONS, ReportStatus
from gongkai.web.reports.models import REPORT_PUBLISHED_IMMUTABLE, ReportDraft
from gongkai.web.reports.selectors import report_build, report_check
from gongkai.web.reports.services import (
    report_accept,
    report_correct,
    report_draft_create,
    report_draft_update,
    report_publish,
    report_return,
    report_submit,
)
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.tests.factories import AgencyFactory, staff

S = ReportStatus
# Section 二 of the 2021 edition, complete, so a report without cases has no R5 warning.
FIGURES_2021 = {
    "proactive.item1": {"rules": {"issued": 0, "repealed": 0, "in_force": 0},
                        "normative_documents": {"issued": 3, "repealed": 1, "in_force": 12}},
    "proactive.item5": {"licensing": {"decisions": 120}},
    "proactive.item6": {"penalty": {"decisions": 8}, "coercion": {"decisions": 0}},
    "proactive.item8": {"fees": {"amount": "12.5"}},
}


class ReportSetup(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(kind=AgencyKind.GOVERNMENT)
        cls.agency = AgencyFactory(parent=cls.county)
        cls.head = staff(cls.agency, Role.HEAD)
        cls.clerk = staff(cls.agency, Role.CLERK)
        cls.supervisor = staff(cls.county, Role.HEAD)
        insert_cases([case(cls.agency, applicant_type="natural_person", received_on=date(2025, 3, 2),
                           closed_on=date(2025, 3, 20), outcome="granted")])

    def draft(self, **state) -> ReportDraft:
        draft = report_draft_create(agency=self.agency, year=2025, acting_user=self.clerk)
        state.setdefault("figures", FIGURES_2021)
        return report_draft_update(draft=draft, acting_user=self.clerk, **state)

    def drive(self, draft: ReportDraft, to: str) -> ReportDraft:
        """Take ``draft`` to ``to`` along the ordinary path."""
        path = {S.DRAFT: [], S.SUBMITTED: [S.SUBMITTED], S.RETURNED: [S.SUBMITTED, S.RETURNED],
                S.ACCEPTED: [S.SUBMITTED, S.ACCEPTED], S.PUBLISHED: [S.SUBMITTED, S.ACCEPTED, S.PUBLISHED]}[to]
        for step in path:
            draft = self.move(draft, step)
        return draft

    def move(self, draft: ReportDraft, to: str) -> ReportDraft:
        if to == S.SUBMITTED:
            return report_submit(draft=draft, acting_user=self.head)
        if to == S.RETURNED:
            return report_return(draft=draft, comment="请补充第五部分", acting_user=self.supervisor)
        if to == S.ACCEPTED:
            return report_accept(draft=draft, acting_user=self.supervisor)
        return report_publish(draft=draft, acting_user=self.head)


@freeze_time("2026-01-10 04:00:00")
class ReportTransitionMatrixTests(ReportSetup):
    def test_every_move_is_allowed_exactly_when_the_table_says(self):
        targets = [S.SUBMITTED, S.RETURNED, S.ACCEPTED, S.PUBLISHED]
        for start in S.values:
            for to in targets:
                allowed = to in TRANSITIONS[start]
                with self.subTest(f"{start} → {to} ({'allowed' if allowed else 'blocked'})"):
                    ReportDraft.objects.filter(status__in=[S.DRAFT, S.SUBMITTED, S.RETURNED, S.ACCEPTED]).delete()
                    for published in ReportDraft.objects.filter(status=S.PUBLISHED):
                        ReportDraft.objects.filter(pk=published.pk).update(year=published.year - 100)
                    draft = self.drive(self.draft(), start)
                    if allowed:
                        self.assertEqual(to, self.move(draft, to).status)
                    else:
                        with self.assertRaises(ApplicationError) as caught:
                            self.move(draft, to)
                        self.assertEqual("report-transition-blocked", caught.exception.code)

    def test_transitions_are_audited(self):
        draft = self.drive(self.draft(), S.PUBLISHED)
        events = list(AuditEvent.objects.filter(object_id=str(draft.pk), event__startswith="report.")
                      .values_list("event", flat=True))
        self.assertEqual(["report.created", "report.updated", "report.submitted", "report.accepted",
                          "report.published"], events)


@freeze_time("2026-01-10 04:00:00")
class ReportSubmitTests(ReportSetup):
    def test_error_findings_block_submission(self):
        figures = {**FIGURES_2021, "proactive.item5": {"licensing": {"decisions": -1}}}  # R6
        draft = self.draft()
        draft = report_draft_update(draft=draft, figures=figures, acting_user=self.clerk)
        self.assertIn("R6-type", [f["rule"] for f in draft.findings])
        with self.assertRaises(ApplicationError) as caught:
            report_submit(draft=draft, acting_user=self.head)
        self.assertEqual("report-has-errors", caught.exception.code)
        self.assertEqual(S.DRAFT, ReportDraft.objects.get(pk=draft.pk).status)

    def test_warnings_need_an_explanation(self):
        draft = report_draft_create(agency=self.agency, year=2025, acting_user=self.clerk)  # no 二: R5
        self.assertEqual({"R5-blank"}, {f["rule"] for f in draft.findings})
        with self.assertRaises(ApplicationError) as caught:
            report_submit(draft=draft, acting_user=self.head)
        self.assertEqual("report-warnings-unexplained", caught.exception.code)
        draft = report_submit(draft=draft, warning_explanation="本机关无主动公开事项，按实际情况留空",
                              acting_user=self.head)
        self.assertEqual(S.SUBMITTED, draft.status)

    def test_a_clean_report_submits_without_explanation(self):
        draft = self.draft()
        self.assertEqual([], draft.findings)
        self.assertEqual(S.SUBMITTED, report_submit(draft=draft, acting_user=self.head).status)

    def test_only_the_agency_head_submits_and_only_the_parent_accepts(self):
        draft = self.draft()
        with self.assertRaises(PermissionDenied):
            report_submit(draft=draft, acting_user=self.clerk)
        draft = report_submit(draft=draft, acting_user=self.head)
        with self.assertRaises(PermissionDenied):
            report_accept(draft=draft, acting_user=self.head)

    def test_submitted_report_cannot_be_edited(self):
        draft = report_submit(draft=self.draft(), acting_user=self.head)
        with self.assertRaises(ApplicationError) as caught:
            report_draft_update(draft=draft, problems="改", acting_user=self.clerk)
        self.assertEqual("report-not-editable", caught.exception.code)

    def test_one_open_version_per_agency_and_year(self):
        self.draft()
        with self.assertRaises(ApplicationError) as caught:
            report_draft_create(agency=self.agency, year=2025, acting_user=self.clerk)
        self.assertEqual("report-exists", caught.exception.code)

    def test_edition_follows_the_year(self):
        self.assertEqual("2019", report_draft_create(agency=self.agency, year=2020, acting_user=self.clerk).edition)
        self.assertEqual("2021", report_draft_create(agency=self.agency, year=2021, acting_user=self.clerk).edition)

    def test_unknown_figure_is_refused(self):
        draft = self.draft()
        with self.assertRaises(ApplicationError) as caught:
            report_draft_update(draft=draft, figures={"proactive.item9": {"procurement": {"projects": 1}}},
                                acting_user=self.clerk)
        self.assertEqual("figure-unknown", caught.exception.code)


@freeze_time("2026-01-10 04:00:00")
class ReportPublishedTests(ReportSetup):
    def test_published_report_is_frozen_against_later_records(self):
        draft = self.drive(self.draft(overview="总体情况"), S.PUBLISHED)
        self.assertTrue(draft.published_docx and draft.published_xlsx and draft.published_html)
        insert_cases([case(self.agency, applicant_type="commercial", received_on=date(2025, 5, 2))])
        draft = ReportDraft.objects.get(pk=draft.pk)
        self.assertEqual(1, report_build(draft=draft).value("requests", "received", "total"))

    def test_published_row_cannot_be_saved_or_deleted(self):
        draft = ReportDraft.objects.get(pk=self.drive(self.draft(), S.PUBLISHED).pk)
        draft.problems = "改写"
        with self.assertRaisesMessage(PermissionError, REPORT_PUBLISHED_IMMUTABLE):
            draft.save()
        with self.assertRaisesMessage(PermissionError, REPORT_PUBLISHED_IMMUTABLE):
            draft.delete()

    def test_create_after_publication_points_to_correction(self):
        self.drive(self.draft(), S.PUBLISHED)
        with self.assertRaises(ApplicationError) as caught:
            report_draft_create(agency=self.agency, year=2025, acting_user=self.clerk)
        self.assertEqual("report-published", caught.exception.code)

    def test_correction_is_a_new_version_and_the_old_one_is_kept(self):
        first = self.drive(self.draft(problems="原文"), S.PUBLISHED)
        insert_cases([case(self.agency, applicant_type="commercial", received_on=date(2025, 5, 2))])
        with self.assertRaises(ApplicationError) as caught:
            report_correct(draft=first, note=" ", acting_user=self.head)
        self.assertEqual("correction-note-missing", caught.exception.code)
        second = report_correct(draft=first, note="补登一件漏登的申请", acting_user=self.head)
        self.assertEqual((2, S.DRAFT, first.pk, "原文"), (second.version, second.status, second.corrects_id,
                                                           second.problems))
        self.assertEqual(2, report_build(draft=second).value("requests", "received", "total"))
        second = self.drive(second, S.PUBLISHED)
        first = ReportDraft.objects.get(pk=first.pk)
        self.assertEqual((S.PUBLISHED, 1), (first.status, report_build(draft=first).value(
            "requests", "received", "total")))
        self.assertEqual([1, 2], list(ReportDraft.objects.filter(agency=self.agency, year=2025)
                                      .values_list("version", flat=True)))

    def test_correction_needs_a_published_report(self):
        with self.assertRaises(ApplicationError) as caught:
            report_correct(draft=self.draft(), note="更正", acting_user=self.head)
        self.assertEqual("correction-not-published", caught.exception.code)


@freeze_time("2026-01-10 04:00:00")
class ReportCrossYearTests(ReportSetup):
    def test_r7_against_last_years_published_report(self):
        # The 2024 report was published; a case then got back-dated into 2024 and left open,
        # so 2025's carried_in no longer matches 2024's carried_out.
        last = report_draft_create(agency=self.agency, year=2024, acting_user=self.clerk)
        last = report_draft_update(draft=last, figures=FIGURES_2021, acting_user=self.clerk)
        last = self.drive(last, S.PUBLISHED)
        self.assertEqual(S.PUBLISHED, last.status)
        insert_cases([case(self.agency, applicant_type="research", received_on=date(2024, 12, 30))])
        checked = report_check(draft=self.draft())
        self.assertEqual([("R7-carry-chain", "requests", "carried_in", "research"),
                          ("R7-carry-chain", "requests", "carried_in", "total")],
                         [(f.rule, f.table, f.row, f.column) for f in checked.findings if f.rule.startswith("R7")])

    def test_stock_column_left_blank_is_carried_from_last_year(self):
        last = report_draft_create(agency=self.agency, year=2024, acting_user=self.clerk)
        last = self.drive(report_draft_update(draft=last, figures=FIGURES_2021, acting_user=self.clerk),
                          S.PUBLISHED)
        figures = {**FIGURES_2021, "proactive.item1": {
            "rules": {"issued": 1, "repealed": 0, "in_force": None},
            "normative_documents": {"issued": 2, "repealed": 4, "in_force": None}}}
        checked = report_check(draft=self.draft(figures=figures))
        self.assertEqual((1, 10), (checked.report.value("proactive.item1", "rules", "in_force"),
                                   checked.report.value("proactive.item1", "normative_documents", "in_force")))
        self.assertEqual([], checked.findings)
