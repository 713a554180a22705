"""The staff work list (issue 3 §6, §7): most urgent first, filters, masked PII, own agencies only."""
from datetime import date

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from gongkai.web.requests.constants import RequestChannel
from gongkai.web.requests.services import request_archive, request_reply
from gongkai.web.requests.tests.views.staff_setup import ID_NUMBER, PHONE, TODAY, StaffWorld

URL = "/staff/"


@freeze_time(TODAY)
class RequestWorklistViewTests(StaffWorld, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.rest = cls.register(date(2026, 11, 20), name="王五")  # due 2026-12-18
        cls.soon = cls.in_progress(date(2026, 11, 2), name="李四")  # due 2026-11-30, within 3 working days
        cls.overdue = cls.register(date(2026, 10, 20), name="赵六", channel=RequestChannel.EMAIL)  # due 11-17
        cls.closed = cls.register(date(2026, 10, 9), name="钱七")
        request_reply(request=cls.closed, outcomes=["granted"], replied_on=date(2026, 10, 30), summary="已提供",
                      acting_user=cls.officer)
        cls.foreign = cls.register(date(2026, 10, 12), agency=cls.education, name="孙八")

    def setUp(self):
        self.client.force_login(self.officer)

    def _numbers(self, response):
        return [row.tracking_number for row in response.context["page"].rows]

    def test_anonymous_user_is_sent_to_the_staff_login(self):
        self.client.logout()
        response = self.client.get(URL)
        self.assertRedirects(response, "/staff/login/?next=/staff/", fetch_redirect_response=False)

    def test_overdue_first_then_due_soon_then_the_rest_then_closed(self):
        response = self.client.get(URL)
        expected = [r.tracking_number for r in (self.overdue, self.soon, self.rest, self.closed)]
        self.assertEqual(expected, self._numbers(response))

    def test_archived_cases_are_listed_only_when_asked_for(self):
        request_archive(request=self.closed, acting_user=self.officer)
        self.assertNotIn(self.closed.tracking_number, self._numbers(self.client.get(URL)))
        self.assertEqual(self.closed.tracking_number, self._numbers(self.client.get(URL, {"scope": "all"}))[-1])
        self.assertEqual([self.closed.tracking_number], self._numbers(self.client.get(URL, {"status": "archived"})))

    def test_badges_say_overdue_and_due_within_three_working_days(self):
        rows = {row.tracking_number: row.badges for row in self.client.get(URL).context["page"].rows}
        self.assertEqual((("overdue", "逾期"),), rows[self.overdue.tracking_number])
        self.assertEqual((("soon", "3个工作日内到期"),), rows[self.soon.tracking_number])
        self.assertEqual((), rows[self.rest.tracking_number])
        self.assertContains(self.client.get(URL), "3个工作日内到期")

    def test_provisional_deadline_is_badged(self):
        self.rest.answer_due_provisional = True  # as when the next year's holidays are not yet published
        self.rest.save(update_fields=["answer_due_provisional"])
        rows = {row.tracking_number: row.badges for row in self.client.get(URL).context["page"].rows}
        self.assertIn(("provisional", "暂定期限"), rows[self.rest.tracking_number])

    def test_other_agency_cases_are_not_listed(self):
        self.assertNotContains(self.client.get(URL), self.foreign.tracking_number)

    def test_supervising_agency_lists_its_departments_cases(self):
        self.client.force_login(self.county_head)
        numbers = self._numbers(self.client.get(URL))
        self.assertIn(self.foreign.tracking_number, numbers)
        self.assertIn(self.overdue.tracking_number, numbers)

    def test_filters(self):
        cases = {
            "status": ({"status": "in_progress"}, [self.soon]),
            "agency": ({"agency": self.transport.pk}, [self.overdue, self.soon, self.rest, self.closed]),
            "closed by status": ({"status": "replied"}, [self.closed]),
            "channel": ({"channel": "email"}, [self.overdue]),
            "overdue only": ({"overdue": "on"}, [self.overdue]),
            "name": ({"q": "王五"}, [self.rest]),
            "tracking number": ({"q": self.soon.tracking_number.lower()}, [self.soon]),
        }
        for label, (params, expected) in cases.items():
            with self.subTest(label):
                self.assertEqual([r.tracking_number for r in expected], self._numbers(self.client.get(URL, params)))

    def test_agency_filter_cannot_reach_another_agency(self):
        response = self.client.get(URL, {"agency": self.education.pk})
        self.assertNotContains(response, self.foreign.tracking_number)

    def test_identity_and_phone_numbers_are_masked(self):
        response = self.client.get(URL)
        self.assertNotContains(response, ID_NUMBER)
        self.assertNotContains(response, PHONE)
        self.assertContains(response, ID_NUMBER[:4] + "*" * 10 + ID_NUMBER[-4:])
        self.assertContains(response, "139****5678")

    def test_query_count_does_not_grow_with_the_rows(self):
        with CaptureQueriesContext(connection) as few:
            self.client.get(URL)
        for day in (3, 4, 5, 6, 9, 10):
            self.register(date(2026, 11, day))
        self.register(date(2026, 11, 11), agency=self.education)
        with CaptureQueriesContext(connection) as many:
            response = self.client.get(URL)
        self.assertEqual(10, len(response.context["page"].rows))
        self.assertEqual(len(few), len(many))

    def test_list_page_query_bound(self):
        # session, user; whether any paused case's due date is stale (request_deadlines_catch_up);
        # visible agencies (memberships, one child level) for the filter choices and again for the
        # list; calendar version; count; rows with their agency; the clerk's agencies and whether
        # any; the filter's agency choices.
        with self.assertNumQueries(13):
            self.client.get(URL)
