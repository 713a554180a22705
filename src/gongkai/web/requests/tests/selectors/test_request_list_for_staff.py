"""Tenancy (issue 3 §4): each agency sees only its own cases; a supervising agency reads its children's."""
from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.agencies.constants import AgencyKind
from gongkai.web.requests.access import REQUEST_NOT_FOUND, access_request_by_id, request_policy
from gongkai.web.requests.selectors import request_list_for_staff
from gongkai.web.requests.services import request_reply
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered


@freeze_time("2026-11-26 04:00:00")
class RequestAccessTests(TestCase):
    """One county with two departments; shared setup for allowed and denied cases (Zulip)."""

    @classmethod
    def setUpTestData(cls):
        cls.county = AgencyFactory(kind=AgencyKind.GOVERNMENT)
        cls.transport = AgencyFactory(parent=cls.county)
        cls.education = AgencyFactory(parent=cls.county)
        cls.county_head = staff(cls.county, Role.HEAD)
        cls.transport_clerk = staff(cls.transport, Role.CLERK)
        cls.education_clerk = staff(cls.education, Role.CLERK)
        cls.county_case = registered(cls.county, staff(cls.county, Role.CLERK), handed_in_on=date(2026, 11, 2))
        cls.transport_late = registered(cls.transport, cls.transport_clerk, handed_in_on=date(2026, 11, 10))
        cls.transport_early = registered(cls.transport, cls.transport_clerk, handed_in_on=date(2026, 11, 3))
        cls.education_case = registered(cls.education, cls.education_clerk, handed_in_on=date(2026, 11, 4))

    def _ids(self, user):
        return [r.pk for r in request_list_for_staff(user=user)]

    def test_department_sees_only_its_cases_most_urgent_first(self):
        self.assertEqual([self.transport_early.pk, self.transport_late.pk], self._ids(self.transport_clerk))

    def test_closed_cases_come_after_open_ones(self):
        request_reply(request=self.transport_early, outcomes=["granted"], replied_on=date(2026, 11, 20),
                      summary="", acting_user=staff(self.transport, Role.HEAD))
        self.assertEqual([self.transport_late.pk, self.transport_early.pk], self._ids(self.transport_clerk))

    def test_county_sees_its_own_and_its_departments_cases(self):
        expected = {self.county_case.pk, self.transport_late.pk, self.transport_early.pk, self.education_case.pk}
        self.assertEqual(expected, set(self._ids(self.county_head)))

    def test_department_does_not_see_the_county_cases(self):
        self.assertNotIn(self.county_case.pk, self._ids(self.education_clerk))

    def test_user_without_a_role_sees_nothing(self):
        self.assertEqual([], self._ids(staff(self.transport)))

    def test_list_costs_a_fixed_number_of_queries(self):
        with self.assertNumQueries(3):  # memberships, child agencies (one level), the list itself
            requests = list(request_list_for_staff(user=self.transport_clerk))
            [r.agency.name for r in requests]

    def test_other_agency_case_is_the_same_404_as_a_missing_one(self):
        with self.assertRaisesMessage(Http404, REQUEST_NOT_FOUND):
            access_request_by_id(self.education_clerk, self.transport_late.pk)
        with self.assertRaisesMessage(Http404, REQUEST_NOT_FOUND):
            access_request_by_id(self.education_clerk, 10**9)
        with self.assertRaisesMessage(Http404, REQUEST_NOT_FOUND):
            access_request_by_id(self.education_clerk, "not-a-number")

    def test_own_case_is_returned(self):
        self.assertEqual(self.transport_late, access_request_by_id(self.transport_clerk, self.transport_late.pk))

    def test_supervisor_reads_but_cannot_act_on_a_child_case(self):
        case = access_request_by_id(self.county_head, self.transport_late.pk)
        self.assertIs(False, request_policy.user_can(self.county_head, "reply", case))
        with self.assertRaises(PermissionDenied):
            request_reply(request=case, outcomes=["granted"], replied_on=date(2026, 11, 20), summary="",
                          acting_user=self.county_head)
