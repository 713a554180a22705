"""Consultation (第三十二条、第三十四条): the days from letter to opinion, both included, do not count."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import RequestStatus
from gongkai.web.requests.services import (
    request_accept,
    request_end_consultation,
    request_start_consultation,
)
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered


@freeze_time("2026-11-26 04:00:00")
class RequestConsultationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK, Role.REVIEWER, Role.HANDLER)

    def setUp(self):
        self.request = registered(self.agency, self.user, handed_in_on=date(2026, 9, 28))
        request_accept(request=self.request, acting_user=self.user)

    def _start(self, sent_on=date(2026, 10, 12)):
        return request_start_consultation(request=self.request, sent_on=sent_on, party="third_party",
                                          addressee="某建设有限公司", acting_user=self.user)

    def test_opinion_is_due_15_working_days_after_the_letter(self):
        request = self._start()
        event = request.events.get(kind="request.consultation_started")
        self.assertEqual((RequestStatus.CONSULTING, "2026-11-02"), (request.status, event.data["opinion_due"]))

    def test_answer_deadline_moves_by_the_working_days_of_the_consultation(self):
        self._start()
        request = request_end_consultation(request=self.request, received_on=date(2026, 10, 16),
                                           acting_user=self.user)
        self.assertEqual((RequestStatus.IN_PROGRESS, date(2026, 11, 6)), (request.status, request.answer_due_on))

    def test_opinion_cannot_arrive_before_the_letter(self):
        self._start()
        with self.assertRaises(ApplicationError) as caught:
            request_end_consultation(request=self.request, received_on=date(2026, 10, 9), acting_user=self.user)
        self.assertEqual("day-out-of-order", caught.exception.code)

    def test_party_must_be_a_known_kind(self):
        with self.assertRaises(ApplicationError) as caught:
            request_start_consultation(request=self.request, sent_on=date(2026, 10, 12), party="friend",
                                       addressee="x", acting_user=self.user)
        self.assertEqual("choice-unknown", caught.exception.code)
