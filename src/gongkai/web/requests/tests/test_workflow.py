"""The transition matrix of a request (issue 3 §6: actions as guarded transitions).

Every service is tried from every status; the expected table is written out here on its own,
so a change to ``WORKFLOW`` that the services do not follow (or the reverse) fails.
"""
from datetime import date, timedelta
from decimal import Decimal

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests import services
from gongkai.web.requests.constants import TRANSITIONS, WORKFLOW, RequestEventKind, RequestStatus
from gongkai.web.requests.models import InfoRequest, RequestEvent
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered, submitted

S = RequestStatus
TODAY = date(2026, 11, 26)
OPEN = {S.REGISTERED, S.AWAITING_CORRECTION, S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}

ACTIVE = {S.REGISTERED, S.IN_PROGRESS, S.CONSULTING, S.AWAITING_FEE}
CLOSED = {S.REPLIED, S.WITHDRAWN, S.CLOSED}

# service -> (statuses it may start from, status it leads to; None: stays where it is)
EXPECTED = {
    "confirm_receipt": ({S.SUBMITTED}, S.REGISTERED),
    "accept": ({S.REGISTERED}, S.IN_PROGRESS),
    "ask_correction": ({S.REGISTERED, S.IN_PROGRESS}, S.AWAITING_CORRECTION),
    "record_correction": ({S.AWAITING_CORRECTION}, S.IN_PROGRESS),
    "close_no_correction": ({S.AWAITING_CORRECTION}, S.CLOSED),
    "start_consultation": ({S.IN_PROGRESS}, S.CONSULTING),
    "end_consultation": ({S.CONSULTING}, S.IN_PROGRESS),
    "ask_extension": (ACTIVE, None),
    "approve_extension": (ACTIVE, None),
    "notify_fee": ({S.IN_PROGRESS}, S.AWAITING_FEE),
    "record_payment": ({S.AWAITING_FEE}, S.IN_PROGRESS),
    "close_fee_unpaid": ({S.AWAITING_FEE}, S.CLOSED),
    "reply": ({S.REGISTERED, S.IN_PROGRESS}, S.REPLIED),
    "withdraw": ({S.SUBMITTED} | OPEN, S.WITHDRAWN),
    "archive": (CLOSED, S.ARCHIVED),
}


def _call(action: str, request: InfoRequest, user) -> InfoRequest:
    if action == "approve_extension":
        # NOTE: the asked-for extension is written directly so that only the workflow guard decides.
        RequestEvent.objects.create(request=request, kind=RequestEventKind.EXTENSION_REQUESTED, day=TODAY,
                                    status_after=request.status, data={"days": 5})
    calls = {
        "confirm_receipt": lambda: services.request_confirm_receipt(
            request=request, confirmed_on=TODAY, acting_user=user),
        "accept": lambda: services.request_accept(request=request, acting_user=user),
        "ask_correction": lambda: services.request_ask_correction(
            request=request, asked_on=TODAY, what_to_correct="请写明文件名称",
            respond_by=TODAY + timedelta(days=15), acting_user=user),
        "record_correction": lambda: services.request_record_correction(
            request=request, received_on=TODAY, acting_user=user),
        "close_no_correction": lambda: services.request_close_no_correction(
            request=request, closed_on=TODAY, acting_user=user),
        "start_consultation": lambda: services.request_start_consultation(
            request=request, sent_on=TODAY, party="third_party", addressee="某公司", acting_user=user),
        "end_consultation": lambda: services.request_end_consultation(
            request=request, received_on=TODAY, acting_user=user),
        "ask_extension": lambda: services.request_ask_extension(
            request=request, days=5, reason="需调取档案", asked_on=TODAY, acting_user=user),
        "approve_extension": lambda: services.request_approve_extension(
            request=request, approved_on=TODAY, acting_user=user),
        "notify_fee": lambda: services.request_notify_fee(
            request=request, notice_on=TODAY, amount=Decimal(100), basis="per_request", acting_user=user),
        "record_payment": lambda: services.request_record_payment(request=request, paid_on=TODAY, acting_user=user),
        "close_fee_unpaid": lambda: services.request_close_fee_unpaid(
            request=request, closed_on=TODAY, acting_user=user),
        "reply": lambda: services.request_reply(
            request=request, outcomes=["granted"], replied_on=TODAY, summary="予以公开", acting_user=user),
        "withdraw": lambda: services.request_withdraw(
            request=request, withdrawn_on=TODAY, reason="申请人电话撤回", acting_user=user),
        "archive": lambda: services.request_archive(request=request, acting_user=user),
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
                        self.assertEqual(target or status, _call(action, request, self.user).status)
                    else:
                        with self.assertRaises(ApplicationError) as caught:
                            _call(action, request, self.user)
                        self.assertEqual("request-transition-blocked", caught.exception.code)
                        request.refresh_from_db()
                        self.assertEqual(status, request.status)

    def test_every_workflow_action_is_in_the_matrix(self):
        self.assertEqual(set(WORKFLOW), {a.replace("ask_extension", "request_extension") for a in EXPECTED})

    def test_transitions_table_agrees_with_the_services(self):
        for action, (sources, target) in EXPECTED.items():
            for status in sources if target else ():
                with self.subTest(f"{status} -> {target} ({action})"):
                    self.assertIn(target, TRANSITIONS[status])

    def test_archived_is_final(self):
        self.assertEqual(frozenset(), TRANSITIONS[S.ARCHIVED])
