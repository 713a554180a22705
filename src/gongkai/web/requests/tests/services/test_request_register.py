"""Registering requests from the counter, post, fax or e-mail (issue 3 §6, 第三十一条)."""
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.audit.models import AuditEvent
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.access import ACTION_NOT_ALLOWED
from gongkai.web.requests.constants import RequestChannel, RequestEventKind, RequestStatus
from gongkai.web.requests.selectors import request_get_public
from gongkai.web.requests.services import ReceiptFacts, request_register
from gongkai.web.tests.factories import REQUEST_TEXT, AgencyFactory, applicant, resident_id, staff

RECEIVED = date(2026, 9, 28)


@freeze_time("2026-11-26 04:00:00")
class RequestRegisterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory(code="wlmqx-jt")
        cls.clerk = staff(cls.agency, Role.CLERK)

    def _register(self, channel=RequestChannel.COUNTER, receipt=None, **kw):
        receipt = receipt or ReceiptFacts(handed_in_on=RECEIVED)
        return request_register(agency=self.agency, channel=channel, receipt=receipt, acting_user=self.clerk,
                                applicant=kw.pop("applicant", applicant()), **{**REQUEST_TEXT, **kw})

    def test_counter_request_is_received_the_day_it_is_handed_in(self):
        request = self._register().request
        self.assertEqual((RequestStatus.REGISTERED, RECEIVED), (request.status, request.received_on))

    def test_due_dates_are_derived_at_registration(self):
        """20 working days skipping 中秋/国庆 2026 and counting the 调休 Saturday 10-10; 补正 within 7."""
        request = self._register().request
        self.assertEqual(date(2026, 10, 30), request.answer_due_on)
        self.assertEqual(date(2026, 10, 13), request.correction_notice_due_on)
        self.assertIs(False, request.answer_due_provisional)

    def test_signed_post_is_received_the_day_it_is_signed_for(self):
        receipt = ReceiptFacts(signed_for_on=date(2026, 10, 9), post_signature_required=True)
        request = self._register(channel=RequestChannel.POST, receipt=receipt).request
        self.assertEqual(date(2026, 10, 9), request.received_on)

    def test_ordinary_post_is_received_the_day_it_is_confirmed(self):
        receipt = ReceiptFacts(signed_for_on=date(2026, 10, 9), confirmed_on=date(2026, 10, 12))
        request = self._register(channel=RequestChannel.POST, receipt=receipt).request
        self.assertEqual(date(2026, 10, 12), request.received_on)

    def test_fax_without_confirmation_day_is_refused(self):
        with self.assertRaises(ApplicationError) as caught:
            self._register(channel=RequestChannel.FAX, receipt=ReceiptFacts(handed_in_on=RECEIVED))
        self.assertEqual("receipt-facts-invalid", caught.exception.code)
        self.assertIn("第三十一条", caught.exception.message)

    def test_receipt_in_the_future_is_refused(self):
        with self.assertRaises(ApplicationError) as caught:
            self._register(receipt=ReceiptFacts(handed_in_on=date(2026, 11, 27)))
        self.assertEqual("day-in-future", caught.exception.code)

    def test_web_channel_is_for_the_public_form_only(self):
        with self.assertRaises(ApplicationError) as caught:
            self._register(channel=RequestChannel.WEB, receipt=ReceiptFacts(confirmed_on=RECEIVED))
        self.assertEqual("register-web-channel", caught.exception.code)

    def test_tracking_numbers_count_up_per_agency_and_year(self):
        numbers = [self._register().request.tracking_number for _ in range(2)]
        self.assertEqual(["WLMQX-JT-2026-00001", "WLMQX-JT-2026-00002"], numbers)

    def test_query_code_is_stored_hashed_and_opens_the_status(self):
        new = self._register()
        self.assertNotIn(new.query_code, new.request.query_code_hash)
        found = request_get_public(tracking_number=new.request.tracking_number, query_code=new.query_code.lower())
        self.assertEqual(new.request.pk, found.pk)
        self.assertIsNone(request_get_public(tracking_number=new.request.tracking_number, query_code="WRONG234"))

    def test_bad_check_digit_is_refused_with_the_field_named(self):
        bad = resident_id()[:-1] + ("0" if resident_id()[-1] != "0" else "1")
        with self.assertRaises(ValidationError) as caught:
            self._register(applicant=applicant(id_number=bad))
        self.assertEqual(["id-check"], [e.code for e in caught.exception.error_dict["id_number"]])

    def test_id_number_is_stored_normalised(self):
        request = self._register(applicant=applicant(id_number="110105 19491231 002x")).request
        self.assertEqual("11010519491231002X", request.id_number)
        self.assertEqual("1101**********002X", request.id_number_masked)

    def test_contact_details_are_required(self):
        with self.assertRaises(ValidationError) as caught:
            self._register(applicant=applicant(phone=""))
        self.assertIn("phone", caught.exception.error_dict)

    def test_only_a_clerk_registers(self):
        handler = staff(self.agency, Role.HANDLER)
        with self.assertRaises(PermissionDenied):
            request_register(agency=self.agency, channel=RequestChannel.COUNTER, applicant=applicant(),
                             receipt=ReceiptFacts(handed_in_on=RECEIVED), acting_user=handler, **REQUEST_TEXT)
        self.assertIn("%(agency)s", ACTION_NOT_ALLOWED)

    def test_registration_writes_timeline_and_audit(self):
        request = self._register().request
        self.assertEqual([(RequestEventKind.REGISTERED, RECEIVED)], [(e.kind, e.day) for e in request.events.all()])
        audit = AuditEvent.objects.get(object_id=str(request.pk))
        self.assertEqual(("request.registered", self.clerk.pk), (audit.event, audit.actor_id))
        self.assertEqual("2026-10-30", audit.after["answer_due_on"])
