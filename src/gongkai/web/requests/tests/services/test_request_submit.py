"""Online requests: submitted by the public, received when the office confirms (第三十一条)."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.audit.models import AuditEvent
from gongkai.web.audit.services import PUBLIC_ACTOR
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import RequestChannel, RequestStatus
from gongkai.web.requests.services import request_confirm_receipt, request_submit
from gongkai.web.tests.factories import REQUEST_TEXT, AgencyFactory, applicant, staff


@freeze_time("2026-09-25 04:00:00")
class RequestSubmitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.clerk = staff(cls.agency, Role.CLERK)

    def _submit(self):
        return request_submit(agency=self.agency, applicant=applicant(), **REQUEST_TEXT).request

    def test_submission_waits_for_confirmation_without_a_deadline(self):
        request = self._submit()
        self.assertEqual((RequestChannel.WEB, RequestStatus.SUBMITTED), (request.channel, request.status))
        self.assertEqual((None, None), (request.received_on, request.answer_due_on))

    def test_submission_is_audited_as_the_public(self):
        request = self._submit()
        audit = AuditEvent.objects.get(object_id=str(request.pk))
        self.assertEqual(("request.submitted", None, PUBLIC_ACTOR), (audit.event, audit.actor, audit.actor_label))

    def test_confirmation_day_is_the_day_of_receipt(self):
        request = self._submit()
        with freeze_time("2026-09-28 04:00:00"):
            request = request_confirm_receipt(request=request, confirmed_on=date(2026, 9, 28),
                                              acting_user=self.clerk)
        self.assertEqual((RequestStatus.REGISTERED, date(2026, 9, 28)), (request.status, request.received_on))
        self.assertEqual(date(2026, 10, 30), request.answer_due_on)

    def test_confirmation_before_submission_is_refused(self):
        request = self._submit()
        with self.assertRaises(ApplicationError) as caught:
            request_confirm_receipt(request=request, confirmed_on=date(2026, 9, 24), acting_user=self.clerk)
        self.assertEqual("day-out-of-order", caught.exception.code)

    def test_inactive_agency_takes_no_requests(self):
        closed = AgencyFactory(is_active=False)
        with self.assertRaises(ApplicationError) as caught:
            request_submit(agency=closed, applicant=applicant(), **REQUEST_TEXT)
        self.assertEqual("agency-not-accepting", caught.exception.code)
