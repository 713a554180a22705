"""Deadlines derived from a case's events (issue 3 §3), with their explanation."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.requests.constants import RequestEventKind, RequestStatus
from gongkai.web.requests.deadlines import request_answer_deadline
from gongkai.web.requests.models import RequestEvent
from gongkai.web.requests.selectors import request_deadline_explained
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered

K = RequestEventKind


@freeze_time("2026-11-26 04:00:00")
class RequestDeadlineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.clerk = staff(cls.agency, Role.CLERK)

    def setUp(self):
        self.request = registered(self.agency, self.clerk, handed_in_on=date(2026, 9, 28))

    def _event(self, kind, day, **data):
        # NOTE: written directly: the consultation and extension services are not built yet.
        RequestEvent.objects.create(request=self.request, kind=kind, day=day, status_after=self.request.status,
                                    data=data)

    def test_explanation_names_the_skipped_holidays_and_the_makeup_day(self):
        deadline = request_deadline_explained(request=self.request, today=date(2026, 11, 26))
        text = "\n".join(deadline.explanation)
        self.assertEqual(date(2026, 10, 30), deadline.due)
        self.assertIn("国庆", text)
        self.assertIn("计入：2026-10-10（周六）", text)

    def test_consultation_days_are_not_counted(self):
        """Letter out Monday 10-12, opinion in Friday 10-16: five working days added."""
        self._event(K.CONSULTATION_STARTED, date(2026, 10, 12), consulted="third_party")
        self._event(K.CONSULTATION_ENDED, date(2026, 10, 16))
        self.assertEqual(date(2026, 11, 6), request_answer_deadline(self.request, as_of=date(2026, 11, 26)).due)

    def test_running_consultation_counts_until_today(self):
        self._event(K.CONSULTATION_STARTED, date(2026, 10, 12), consulted="other_body")
        deadline = request_answer_deadline(self.request, as_of=date(2026, 10, 16))
        self.assertEqual(date(2026, 11, 6), deadline.due)
        self.assertIn("征求其他机关意见", "\n".join(deadline.explanation))

    def test_approved_extension_counts_on_from_the_original_due_date(self):
        self._event(K.EXTENSION_APPROVED, date(2026, 10, 20), days=5)
        self.assertEqual(date(2026, 11, 6), request_answer_deadline(self.request, as_of=date(2026, 11, 26)).due)

    def test_no_answer_deadline_while_a_correction_is_awaited(self):
        self.request.status = RequestStatus.AWAITING_CORRECTION
        self.assertIsNone(request_answer_deadline(self.request, as_of=date(2026, 11, 26)))
