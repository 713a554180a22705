"""Withdrawal: a received request counts under 其他 (other_misc); an unconfirmed one is not counted."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.requests.constants import RequestStatus
from gongkai.web.requests.services import request_archive, request_withdraw
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered, submitted


@freeze_time("2026-11-26 04:00:00")
class RequestWithdrawTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.clerk = staff(cls.agency, Role.CLERK)

    def test_received_request_closes_as_other(self):
        request = registered(self.agency, self.clerk, handed_in_on=date(2026, 11, 2))
        request = request_withdraw(request=request, withdrawn_on=date(2026, 11, 5), reason="申请人书面撤回",
                                   acting_user=self.clerk)
        self.assertEqual((RequestStatus.WITHDRAWN, "other_misc"), (request.status, request.outcome))

    def test_unconfirmed_submission_is_not_counted(self):
        request = request_withdraw(request=submitted(self.agency), withdrawn_on=date(2026, 11, 26),
                                   reason="申请人电话撤回", acting_user=self.clerk)
        self.assertEqual((RequestStatus.WITHDRAWN, ""), (request.status, request.outcome))

    def test_reason_is_required(self):
        request = registered(self.agency, self.clerk, handed_in_on=date(2026, 11, 2))
        with self.assertRaises(ApplicationError) as caught:
            request_withdraw(request=request, withdrawn_on=date(2026, 11, 5), reason=" ", acting_user=self.clerk)
        self.assertEqual("withdraw-reason-missing", caught.exception.code)


@freeze_time("2026-11-26 04:00:00")
class RequestArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.clerk = staff(cls.agency, Role.CLERK)

    def test_archive_keeps_the_outcome(self):
        request = registered(self.agency, self.clerk, handed_in_on=date(2026, 11, 2))
        request_withdraw(request=request, withdrawn_on=date(2026, 11, 5), reason="申请人书面撤回",
                         acting_user=self.clerk)
        request = request_archive(request=request, acting_user=self.clerk)
        self.assertEqual((RequestStatus.ARCHIVED, "other_misc"), (request.status, request.outcome))
