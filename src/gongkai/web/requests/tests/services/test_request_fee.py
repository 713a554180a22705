"""Fees (第四十二条, 国办函〔2020〕109号): 20 working days to pay; the wait does not count."""
from datetime import date
from decimal import Decimal

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import RequestStatus
from gongkai.web.requests.services import (
    request_accept,
    request_close_fee_unpaid,
    request_notify_fee,
    request_record_payment,
)
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered


@freeze_time("2026-11-26 04:00:00")
class RequestFeeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK, Role.REVIEWER, Role.HANDLER, Role.HEAD)

    def setUp(self):
        self.request = registered(self.agency, self.user, handed_in_on=date(2026, 9, 28))
        request_accept(request=self.request, acting_user=self.user)
        self.request = request_notify_fee(request=self.request, notice_on=date(2026, 10, 12),
                                          amount=Decimal(100), basis="per_request", acting_user=self.user)

    def test_notice_states_the_payment_window(self):
        event = self.request.events.get(kind="request.fee_notified")
        self.assertEqual((RequestStatus.AWAITING_FEE, "2026-11-09", "100"),
                         (self.request.status, event.data["payment_due"], event.data["amount"]))

    def test_payment_resumes_the_clock_minus_the_waiting_days(self):
        request = request_record_payment(request=self.request, paid_on=date(2026, 10, 14), acting_user=self.user)
        self.assertEqual((RequestStatus.IN_PROGRESS, date(2026, 11, 4)), (request.status, request.answer_due_on))

    def test_unpaid_request_lapses_only_after_the_window(self):
        with self.assertRaises(ApplicationError) as caught:
            request_close_fee_unpaid(request=self.request, closed_on=date(2026, 11, 9), acting_user=self.user)
        self.assertEqual("fee-time-running", caught.exception.code)
        request = request_close_fee_unpaid(request=self.request, closed_on=date(2026, 11, 10),
                                           acting_user=self.user)
        self.assertEqual((RequestStatus.CLOSED, "other_fee_unpaid"), (request.status, request.outcome))

    def test_zero_fee_is_refused(self):
        request_record_payment(request=self.request, paid_on=date(2026, 10, 14), acting_user=self.user)
        with self.assertRaises(ApplicationError) as caught:
            request_notify_fee(request=self.request, notice_on=date(2026, 10, 15), amount=Decimal(0),
                               basis="per_volume", acting_user=self.user)
        self.assertEqual("fee-not-positive", caught.exception.code)
