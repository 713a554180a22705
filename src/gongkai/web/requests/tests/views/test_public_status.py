"""The public status page (issue 3 §5, §7): number + code, one neutral 未找到, no personal data."""
from datetime import date

from django.core.cache import cache
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.requests.constants import RequestOutcome
from gongkai.web.requests.services import (
    request_accept,
    request_confirm_receipt,
    request_reply,
    request_submit,
)
from gongkai.web.requests.views.public import STATUS_ATTEMPTS, STATUS_NOT_FOUND, STATUS_TOO_MANY
from gongkai.web.tests.factories import REQUEST_TEXT, AgencyFactory, applicant, staff

URL = "/requests/status/"


@freeze_time("2026-09-28 04:00:00")
class RequestStatusViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory(code="town1")
        cls.person = applicant(phone="13912345678", email="li@example.cn", address="乌鲁木齐县水西沟镇1号")
        new = request_submit(agency=cls.agency, applicant=cls.person, **REQUEST_TEXT)
        cls.request, cls.code = new.request, new.query_code
        cls.head = staff(cls.agency, Role.CLERK, Role.REVIEWER, Role.HEAD)

    def setUp(self):
        cache.clear()  # status queries are counted per address

    def _query(self, number=None, code=None):
        return self.client.post(URL, {"tracking_number": number or self.request.tracking_number,
                                      "query_code": code or self.code})

    def test_form_renders_without_login(self):
        response = self.client.get(URL)
        self.assertEqual(200, response.status_code)
        self.assertIn('name="query_code"', response.content.decode())

    def test_right_code_shows_status_and_dates(self):
        response = self._query()
        html = response.content.decode()
        self.assertEqual(200, response.status_code)
        self.assertIn(self.request.tracking_number, html)
        self.assertIn("待确认收到", html)
        self.assertIn("确认收到后计算", html)

    def test_code_is_read_case_and_space_insensitively(self):
        response = self._query(number=f" {self.request.tracking_number.lower()} ", code=f" {self.code.lower()} ")
        self.assertEqual(200, response.status_code)

    def test_wrong_code_and_unknown_number_read_the_same(self):
        wrong_code = self._query(code="22222222")
        unknown = self._query(number="TOWN1-2026-99999")
        self.assertEqual((404, 404), (wrong_code.status_code, unknown.status_code))
        for response in (wrong_code, unknown):
            html = response.content.decode()
            self.assertIn(STATUS_NOT_FOUND, html)
            self.assertNotIn("待确认收到", html)

    def test_no_personal_data_on_the_status_page(self):
        html = self._query().content.decode()
        for value in (self.person.id_number, self.person.phone, self.person.name, self.person.email,
                      self.person.address):
            with self.subTest(value):
                self.assertNotIn(value, html)

    def test_received_request_shows_its_deadline(self):
        request_confirm_receipt(request=self.request, confirmed_on=date(2026, 9, 28), acting_user=self.head)
        html = self._query().content.decode()
        self.assertIn("已登记", html)
        self.assertIn("2026年10月30日", html)
        self.assertIn("不计入：2026-10-01", html)  # the explanation lists the National Day holiday
        self.assertNotIn("暂定", html.split('id="answer-due">', 1)[1].split("</dd>", 1)[0])

    def test_reply_outcome_and_remedies_once_replied(self):
        request_confirm_receipt(request=self.request, confirmed_on=date(2026, 9, 28), acting_user=self.head)
        request_accept(request=self.request, acting_user=self.head)
        request_reply(request=self.request, outcomes=["withheld_internal"], replied_on=date(2026, 9, 28),
                      summary="内部事务信息，不予公开", acting_user=self.head)
        html = self._query().content.decode()
        self.assertIn("已答复", html)
        self.assertIn('id="outcome"', html)
        self.assertIn(RequestOutcome("withheld_internal").label, html)  # label from the report format
        self.assertIn("60日内依法申请行政复议", html)
        self.assertNotIn("内部事务信息，不予公开", html)  # staff notes stay off the public page

    def test_too_many_queries_are_refused(self):
        for _ in range(STATUS_ATTEMPTS):
            self._query(code="22222222")
        response = self._query()
        self.assertEqual(429, response.status_code)
        self.assertIn(STATUS_TOO_MANY, response.content.decode())


@freeze_time("2027-12-20 04:00:00")
class ProvisionalDeadlineTests(TestCase):
    """A deadline running into a year without an official holiday notice is marked 暂定."""

    def test_status_page_marks_a_provisional_deadline(self):
        cache.clear()
        agency = AgencyFactory()
        head = staff(agency, Role.CLERK)
        new = request_submit(agency=agency, applicant=applicant(), **REQUEST_TEXT)
        request_confirm_receipt(request=new.request, confirmed_on=date(2027, 12, 20), acting_user=head)
        html = self.client.post(URL, {"tracking_number": new.request.tracking_number,
                                      "query_code": new.query_code}).content.decode()
        self.assertIn("暂定", html.split('id="answer-due">', 1)[1].split("</dd>", 1)[0])
