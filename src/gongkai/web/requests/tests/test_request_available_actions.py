"""The actions offered on a case follow its history, by the rules the services enforce (issue 3 §6).

第三十条: a correction is asked once, and a request lapses only after the time given; 第三十三条: one
extension, approved only once asked; 第四十二条: a fee lapses only after 20 working days. Every action
hidden here is one its service refuses with the same code (``requests.rules``, one source of truth).
"""
from datetime import date, timedelta
from decimal import Decimal

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests import services
from gongkai.web.requests.access import request_available_actions
from gongkai.web.requests.constants import WORKFLOW
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.rules import HISTORY_RULES, history_refusal
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered

TODAY = date(2026, 11, 26)  # a Thursday
RECEIVED = date(2026, 11, 16)


def _call(action: str, request: InfoRequest, user):
    """The service of ``action``, dated today: the page offers what may be done today."""
    calls = {
        "ask_correction": lambda: services.request_ask_correction(
            request=request, asked_on=TODAY, what_to_correct="写明文号", respond_by=TODAY + timedelta(days=14),
            acting_user=user),
        "close_no_correction": lambda: services.request_close_no_correction(
            request=request, closed_on=TODAY, acting_user=user),
        "request_extension": lambda: services.request_ask_extension(
            request=request, days=5, reason="需调取档案", asked_on=TODAY, acting_user=user),
        "approve_extension": lambda: services.request_approve_extension(
            request=request, approved_on=TODAY, acting_user=user),
        "close_fee_unpaid": lambda: services.request_close_fee_unpaid(
            request=request, closed_on=TODAY, acting_user=user),
    }
    return calls[action]()


@freeze_time("2026-11-26 04:00:00")  # noon in Beijing
class RequestAvailableActionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK, Role.HANDLER, Role.REVIEWER, Role.HEAD)

    def _in_progress(self, received=RECEIVED) -> InfoRequest:
        request = registered(self.agency, self.user, handed_in_on=received)
        return services.request_accept(request=request, accepted_on=received, acting_user=self.user)

    def _actions(self, request) -> list[str]:
        request.refresh_from_db()
        return request_available_actions(self.user, request)

    def _ask_extension(self, request):
        return services.request_ask_extension(request=request, days=5, reason="需调取档案",
                                              asked_on=date(2026, 11, 20), acting_user=self.user)

    def _ask_correction(self, request, respond_by):
        return services.request_ask_correction(request=request, asked_on=date(2026, 11, 17),
                                               what_to_correct="写明文号", respond_by=respond_by,
                                               acting_user=self.user)

    def _notify_fee(self, request, notice_on):
        return services.request_notify_fee(request=request, notice_on=notice_on, amount=Decimal(100),
                                           basis="per_request", acting_user=self.user)

    def test_extension_is_asked_before_it_is_approved(self):
        actions = self._actions(self._in_progress())
        self.assertIn("request_extension", actions)
        self.assertNotIn("approve_extension", actions)

    def test_asked_extension_is_offered_for_approval_not_asked_again(self):
        actions = self._actions(self._ask_extension(self._in_progress()))
        self.assertIn("approve_extension", actions)
        self.assertNotIn("request_extension", actions)

    def test_approved_extension_is_neither_asked_nor_approved_again(self):
        request = self._ask_extension(self._in_progress())
        services.request_approve_extension(request=request, approved_on=date(2026, 11, 20), acting_user=self.user)
        actions = self._actions(request)
        self.assertNotIn("request_extension", actions)
        self.assertNotIn("approve_extension", actions)

    def test_correction_is_asked_once(self):
        request = self._in_progress()
        self.assertIn("ask_correction", self._actions(request))
        request = self._ask_correction(request, respond_by=date(2026, 11, 24))
        request = services.request_record_correction(request=request, received_on=date(2026, 11, 20),
                                                     acting_user=self.user)
        self.assertNotIn("ask_correction", self._actions(request))

    def test_no_correction_closes_only_after_the_time_given(self):
        running = self._ask_correction(self._in_progress(), respond_by=date(2026, 11, 26))
        over = self._ask_correction(self._in_progress(), respond_by=date(2026, 11, 25))
        self.assertNotIn("close_no_correction", self._actions(running))
        self.assertIn("close_no_correction", self._actions(over))

    def test_unpaid_fee_lapses_only_after_twenty_working_days(self):
        running = self._notify_fee(self._in_progress(date(2026, 10, 30)), date(2026, 11, 2))  # pay by 11-30
        over = self._notify_fee(self._in_progress(date(2026, 10, 9)), date(2026, 10, 12))  # by 2026-11-09
        self.assertNotIn("close_fee_unpaid", self._actions(running))
        self.assertIn("close_fee_unpaid", self._actions(over))

    def test_every_action_hidden_by_history_is_refused_by_its_service_alike(self):
        cases = {
            "fresh": self._in_progress(),
            "extension asked": self._ask_extension(self._in_progress()),
            "correction running": self._ask_correction(self._in_progress(), respond_by=date(2026, 12, 10)),
            "fee running": self._notify_fee(self._in_progress(), date(2026, 11, 20)),
        }
        checked = 0
        for name, request in cases.items():
            offered = self._actions(request)
            sources = {a for a, (statuses, _to) in WORKFLOW.items() if request.status in statuses}
            for action in sorted(sources & set(HISTORY_RULES) - set(offered)):
                with self.subTest(f"{name}: {action} (hidden)"):
                    expected = history_refusal(action, request, list(request.events.all()), day=TODAY)
                    with self.assertRaises(ApplicationError) as caught:
                        _call(action, request, self.user)
                    self.assertEqual(expected.code, caught.exception.code)
                    checked += 1
        self.assertEqual(5, checked)  # approve (fresh), ask (asked), ask again (correction), close ×2

    def test_the_case_page_offers_exactly_the_available_actions(self):
        request = self._ask_extension(self._in_progress())
        self.client.force_login(self.user)
        page = [a.action for a in self.client.get(f"/staff/requests/{request.pk}/").context["page"].actions]
        self.assertEqual(self._actions(request), page)

    def test_case_page_shows_the_correction_notice_deadline_only_while_one_may_be_asked(self):
        self.client.force_login(self.user)
        fresh = self._in_progress()
        self.assertContains(self.client.get(f"/staff/requests/{fresh.pk}/"), "补正告知期限")
        corrected = services.request_record_correction(
            request=self._ask_correction(self._in_progress(), respond_by=date(2026, 11, 24)),
            received_on=date(2026, 11, 20), acting_user=self.user)
        self.assertNotContains(self.client.get(f"/staff/requests/{corrected.pk}/"), "补正告知期限")
