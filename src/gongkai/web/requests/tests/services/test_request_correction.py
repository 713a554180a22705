"""补正 (第三十条): asked once; the answer clock restarts when the corrected request arrives."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import RequestStatus
from gongkai.web.requests.services import (
    request_ask_correction,
    request_close_no_correction,
    request_record_correction,
)
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered


@freeze_time("2026-11-26 04:00:00")
class RequestCorrectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK, Role.HANDLER)

    def setUp(self):
        self.request = registered(self.agency, self.user, handed_in_on=date(2026, 9, 28))

    def _ask(self, asked_on=date(2026, 9, 30)):
        return request_ask_correction(request=self.request, asked_on=asked_on, what_to_correct="请写明文件名称",
                                      respond_by=date(2026, 10, 20), acting_user=self.user)

    def test_answer_deadline_is_suspended_while_waiting(self):
        request = self._ask()
        self.assertEqual((RequestStatus.AWAITING_CORRECTION, None), (request.status, request.answer_due_on))

    def test_answer_is_due_20_working_days_after_the_correction_arrives(self):
        self._ask()
        request = request_record_correction(request=self.request, received_on=date(2026, 10, 12),
                                            acting_user=self.user)
        self.assertEqual((RequestStatus.IN_PROGRESS, date(2026, 11, 9)), (request.status, request.answer_due_on))

    def test_correction_is_asked_only_once(self):
        self._ask()
        request_record_correction(request=self.request, received_on=date(2026, 10, 12), acting_user=self.user)
        with self.assertRaises(ApplicationError) as caught:
            self._ask(asked_on=date(2026, 10, 13))
        self.assertEqual("correction-once", caught.exception.code)

    def test_notice_after_seven_working_days_is_recorded_as_late(self):
        self._ask(asked_on=date(2026, 10, 14))  # the 7th working day after 09-28 is 10-13
        event = self.request.events.get(kind="request.correction_asked")
        self.assertIs(True, event.data["late"])

    def test_correction_cannot_arrive_before_it_was_asked(self):
        self._ask()
        with self.assertRaises(ApplicationError) as caught:
            request_record_correction(request=self.request, received_on=date(2026, 9, 29), acting_user=self.user)
        self.assertEqual("day-out-of-order", caught.exception.code)


@freeze_time("2026-11-26 04:00:00")
class RequestCloseNoCorrectionTests(TestCase):
    """No correction in time: treated as withdrawn, counted under other_no_correction (第三十条)."""

    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK, Role.HANDLER)

    def test_closing_waits_for_the_applicants_time_to_run_out(self):
        request = registered(self.agency, self.user, handed_in_on=date(2026, 9, 28))
        request_ask_correction(request=request, asked_on=date(2026, 9, 30), what_to_correct="请写明文件名称",
                               respond_by=date(2026, 10, 20), acting_user=self.user)
        with self.assertRaises(ApplicationError) as caught:
            request_close_no_correction(request=request, closed_on=date(2026, 10, 20), acting_user=self.user)
        self.assertEqual("correction-time-running", caught.exception.code)
        request = request_close_no_correction(request=request, closed_on=date(2026, 10, 21), acting_user=self.user)
        self.assertEqual((RequestStatus.CLOSED, "other_no_correction", date(2026, 10, 21)),
                         (request.status, request.outcome, request.closed_on))
