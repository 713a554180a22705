"""The transition matrix of a request (issue 3 §6: actions as guarded transitions).

Every service is tried from every status; the expected table is written out here on its own,
so a change to ``WORKFLOW`` that the services do not follow (or the reverse) fails.
"""
from datetime import date, timedelta

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests import services
from gongkai.web.requests.constants import TRANSITIONS, RequestStatus
from gongkai.web.requests.models import InfoRequest
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered, submitted

S = RequestStatus
TODAY = date(2026, 11, 26)
OPEN = {S.REGISTERED, S.AWAITING_CORRECTION, S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}

# service -> (statuses it may start from, status it leads to)
EXPECTED = {
    "confirm_receipt": ({S.SUBMITTED}, S.REGISTERED),
    "accept": ({S.REGISTERED}, S.IN_PROGRESS),
    "ask_correction": ({S.REGISTERED, S.IN_PROGRESS}, S.AWAITING_CORRECTION),
    "record_correction": ({S.AWAITING_CORRECTION}, S.IN_PROGRESS),
    "reply": ({S.REGISTERED, S.IN_PROGRESS}, S.REPLIED),
    "withdraw": ({S.SUBMITTED} | OPEN, S.WITHDRAWN),
}


def _call(action: str, request: InfoRequest, user) -> InfoRequest:
    calls = {
        "confirm_receipt": lambda: services.request_confirm_receipt(
            request=request, confirmed_on=TODAY, acting_user=user),
        "accept": lambda: services.request_accept(request=request, acting_user=user),
        "ask_correction": lambda: services.request_ask_correction(
            request=request, asked_on=TODAY, what_to_correct="请写明文件名称",
            respond_by=TODAY + timedelta(days=15), acting_user=user),
        "record_correction": lambda: services.request_record_correction(
            request=request, received_on=TODAY, acting_user=user),
        "reply": lambda: services.request_reply(
            request=request, outcomes=["granted"], replied_on=TODAY, summary="予以公开", acting_user=user),
        "withdraw": lambda: services.request_withdraw(
            request=request, withdrawn_on=TODAY, reason="申请人电话撤回", acting_user=user),
    }
    return calls[action]()


@freeze_time("2026-11-26 04:00:00")  # noon in Beijing
class RequestTransitionMatrixTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK, Role.HANDLER, Role.REVIEWER, Role.HEAD)

    def _request_in(self, status: str) -> InfoRequest:
        if status == S.SUBMITTED:
            return submitted(self.agency)
        request = registered(self.agency, self.user, handed_in_on=TODAY - timedelta(days=3))
        closed = status in {S.REPLIED, S.WITHDRAWN, S.CLOSED, S.ARCHIVED}
        # NOTE: forced past the services on purpose, to reach every status directly.
        InfoRequest.objects.filter(pk=request.pk).update(status=status, outcome="other_misc" if closed else "")
        request.refresh_from_db()
        return request

    def test_every_service_from_every_status(self):
        for action, (sources, target) in EXPECTED.items():
            for status in S.values:
                allowed = status in sources
                with self.subTest(f"{action} from {status} ({'allowed' if allowed else 'blocked'})"):
                    request = self._request_in(status)
                    if allowed:
                        self.assertEqual(target, _call(action, request, self.user).status)
                    else:
                        with self.assertRaises(ApplicationError) as caught:
                            _call(action, request, self.user)
                        self.assertEqual("request-transition-blocked", caught.exception.code)
                        request.refresh_from_db()
                        self.assertEqual(status, request.status)

    def test_transitions_table_agrees_with_the_services(self):
        for action, (sources, target) in EXPECTED.items():
            for status in sources:
                with self.subTest(f"{status} -> {target} ({action})"):
                    self.assertIn(target, TRANSITIONS[status])

    def test_archived_is_final(self):
        self.assertEqual(frozenset(), TRANSITIONS[S.ARCHIVED])
