"""Section 六's 信息处理费 statement from the fee records, and section 四 from the appeal records
(issue 4, items 2 and 3; request-workflow.md: 四 counts appeals by result, in the year)."""
from datetime import date
from decimal import Decimal

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.reports.selectors import FEES_NONE, report_appeals_table, report_fee_statement
from gongkai.web.reports.services import appeal_record_create, appeal_record_decide, report_draft_create
from gongkai.web.reports.tests.factories import case, insert_cases
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.services import request_accept, request_notify_fee, request_record_payment
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered


@freeze_time("2026-11-26 04:00:00")
class ReportFeeStatementTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK, Role.REVIEWER, Role.HANDLER, Role.HEAD)

    def test_no_fee_records_say_none_was_charged(self):
        self.assertEqual(FEES_NONE, report_fee_statement(agency=self.agency, year=2026))

    def test_paid_fees_are_summed_into_the_draft(self):
        for amount in (Decimal(100), Decimal("250.5")):
            request = registered(self.agency, self.user, handed_in_on=date(2026, 9, 28))
            request_accept(request=request, acting_user=self.user)
            request_notify_fee(request=request, notice_on=date(2026, 10, 12), amount=amount, basis="per_request",
                               acting_user=self.user)
            request_record_payment(request=request, paid_on=date(2026, 10, 14), acting_user=self.user)
        expected = "本年度依据《政府信息公开信息处理费管理办法》收取信息处理费350.5元，涉及2件申请。"
        self.assertEqual(expected, report_fee_statement(agency=self.agency, year=2026))
        self.assertEqual(FEES_NONE, report_fee_statement(agency=self.agency, year=2025))
        draft = report_draft_create(agency=self.agency, year=2026, acting_user=self.user)
        self.assertEqual(expected, draft.other)


class ReportAppealsTableTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK)
        insert_cases([case(cls.agency, applicant_type="natural_person", received_on=date(2024, 3, 1),
                           closed_on=date(2024, 3, 20), outcome="withheld_process")])
        request = InfoRequest.objects.get(agency=cls.agency)

        def appeal(kind, filed_on, decided_on=None, result="pending"):
            return appeal_record_create(request=request, kind=kind, body="乌鲁木齐市人民政府", filed_on=filed_on,
                                        decided_on=decided_on, result=result, acting_user=cls.user)

        appeal("review", date(2025, 2, 1), date(2025, 4, 1), "upheld")
        appeal("review", date(2025, 2, 1), date(2025, 4, 1), "corrected")
        appeal("review", date(2024, 5, 1), date(2024, 7, 1), "upheld")  # decided the year before
        appeal("suit_direct", date(2025, 11, 1))  # pending at the end of the year
        appeal("suit_direct", date(2025, 11, 1), date(2026, 1, 20), "other")  # decided after: pending
        appeal("suit_after_review", date(2024, 10, 1), date(2025, 3, 1), "other")  # filed before, decided in
        appeal("suit_after_review", date(2026, 1, 5))  # filed the next year: not counted
        cls.pending = appeal("review", date(2025, 12, 1))

    def test_counts_by_result_in_the_year_and_pending_at_its_end(self):
        table = report_appeals_table(agency=self.agency, year=2025)
        self.assertEqual(
            {"review": [1, 1, 0, 1, 3], "suit_direct": [0, 0, 0, 2, 2], "suit_after_review": [0, 0, 1, 0, 1]},
            {kind: [table[kind][c].value for c in ("upheld", "corrected", "other", "pending", "total")]
             for kind in table})

    def test_a_decision_moves_the_appeal_out_of_pending(self):
        appeal_record_decide(appeal=self.pending, result="corrected", decided_on=date(2025, 12, 20),
                             acting_user=self.user)
        row = report_appeals_table(agency=self.agency, year=2025)["review"]
        self.assertEqual((2, 0, 3), (row["corrected"].value, row["pending"].value, row["total"].value))
