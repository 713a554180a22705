"""Extension (第三十三条第一款): at most 20 working days, once, approved by the head before the deadline."""
from datetime import date

from django.core.exceptions import PermissionDenied
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.services import request_approve_extension, request_ask_extension
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered


@freeze_time("2026-11-26 04:00:00")
class RequestExtensionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.handler = staff(cls.agency, Role.CLERK, Role.HANDLER)
        cls.head = staff(cls.agency, Role.HEAD)

    def setUp(self):
        self.request = registered(self.agency, self.handler, handed_in_on=date(2026, 9, 28))  # due 10-30

    def _ask(self, days=5):
        return request_ask_extension(request=self.request, days=days, reason="涉及多个科室档案",
                                     asked_on=date(2026, 10, 20), acting_user=self.handler)

    def _approve(self, approved_on=date(2026, 10, 21), days=None, user=None):
        return request_approve_extension(request=self.request, approved_on=approved_on, days=days,
                                         acting_user=user or self.head)

    def test_asking_alone_does_not_move_the_deadline(self):
        self.assertEqual(date(2026, 10, 30), self._ask().answer_due_on)

    def test_approval_counts_on_from_the_original_due_date(self):
        self._ask()
        self.assertEqual(date(2026, 11, 6), self._approve().answer_due_on)

    def test_head_may_approve_fewer_days_than_asked(self):
        self._ask()
        self.assertEqual(date(2026, 11, 4), self._approve(days=3).answer_due_on)

    def test_more_days_than_asked_are_refused(self):
        self._ask()
        with self.assertRaises(ApplicationError) as caught:
            self._approve(days=6)
        self.assertEqual("extension-more-than-asked", caught.exception.code)

    def test_more_than_20_days_cannot_be_asked(self):
        with self.assertRaises(ApplicationError) as caught:
            self._ask(days=21)
        self.assertEqual("extension-days", caught.exception.code)

    def test_only_one_extension(self):
        self._ask()
        self._approve()
        with self.assertRaises(ApplicationError) as caught:
            self._ask(days=3)
        self.assertEqual("extension-once", caught.exception.code)

    def test_approval_after_the_deadline_is_refused(self):
        self._ask()
        with self.assertRaises(ApplicationError) as caught:
            self._approve(approved_on=date(2026, 11, 2))
        self.assertEqual("extension-too-late", caught.exception.code)

    def test_approval_without_a_request_is_refused(self):
        with self.assertRaises(ApplicationError) as caught:
            self._approve()
        self.assertEqual("extension-not-asked", caught.exception.code)

    def test_only_the_head_approves(self):
        self._ask()
        with self.assertRaises(PermissionDenied):
            self._approve(user=self.handler)

    def test_extension_waiting_for_approval_is_not_asked_again(self):
        self._ask()
        with self.assertRaises(ApplicationError) as caught:
            self._ask(days=10)
        self.assertEqual("extension-already-asked", caught.exception.code)
        self.assertEqual(1, self.request.events.filter(kind="request.extension_requested").count())
