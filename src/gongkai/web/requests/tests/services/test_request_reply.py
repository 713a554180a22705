"""Replies (第三十六至三十九条): one report row per request, 部分公开 wins; signed by the head."""
from datetime import date

from django.core.exceptions import PermissionDenied
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.audit.models import AuditEvent
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import RequestStatus
from gongkai.web.requests.services import request_reply
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered


@freeze_time("2026-11-26 04:00:00")
class RequestReplyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.clerk = staff(cls.agency, Role.CLERK)
        cls.head = staff(cls.agency, Role.HEAD)

    def setUp(self):
        self.request = registered(self.agency, self.clerk, handed_in_on=date(2026, 9, 28))

    def _reply(self, outcomes, replied_on=date(2026, 10, 20), user=None):
        return request_reply(request=self.request, outcomes=outcomes, replied_on=replied_on, summary="见告知书",
                             acting_user=user or self.head)

    def test_reply_closes_under_its_row(self):
        request = self._reply(["withheld_state_secret"])
        self.assertEqual((RequestStatus.REPLIED, "withheld_state_secret", date(2026, 10, 20)),
                         (request.status, request.outcome, request.closed_on))

    def test_partly_granted_wins_over_any_other_result(self):
        self.assertEqual("partly_granted", self._reply(["granted", "withheld_third_party"]).outcome)

    def test_several_reasons_without_disclosure_must_be_narrowed_to_one(self):
        with self.assertRaises(ApplicationError) as caught:
            self._reply(["withheld_internal", "unavailable_not_held"])
        self.assertEqual("outcome-ambiguous", caught.exception.code)

    def test_late_reply_is_flagged_overdue(self):
        self._reply(["granted"], replied_on=date(2026, 11, 2))  # due 2026-10-30
        self.assertIs(True, self.request.events.get(kind="request.replied").data["overdue"])

    def test_only_the_head_signs_a_reply(self):
        with self.assertRaises(PermissionDenied):
            self._reply(["granted"], user=self.clerk)
        self.request.refresh_from_db()
        self.assertEqual(RequestStatus.REGISTERED, self.request.status)

    def test_legal_basis_is_kept_with_the_reply_event_and_its_audit(self):
        request = request_reply(request=self.request, outcomes=["rejected_confirmation"],
                                replied_on=date(2026, 10, 20), summary="要求确认已获取的信息",
                                legal_basis=" 《某省政府信息公开规定》第十条 ", acting_user=self.head)
        event = request.events.get(kind="request.replied")
        self.assertEqual(("要求确认已获取的信息", "《某省政府信息公开规定》第十条"),
                         (event.note, event.data["legal_basis"]))
        audit = AuditEvent.objects.get(event="request.replied", object_id=str(request.pk))
        self.assertEqual("《某省政府信息公开规定》第十条", audit.data["legal_basis"])

    def test_reply_without_legal_basis_keeps_an_empty_one(self):
        self._reply(["granted"])
        self.assertEqual("", self.request.events.get(kind="request.replied").data["legal_basis"])
