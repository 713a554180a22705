"""The case page (issue 3 §6, §7): all facts, the deadline explained, the timeline, the actions;
full PII only for the case's own agency; another agency's case is the same 404 as a missing one."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.requests.services import request_ask_extension, request_start_consultation
from gongkai.web.requests.tests.views.staff_setup import ID_NUMBER, PHONE, TODAY, StaffWorld


@freeze_time(TODAY)
class RequestDetailViewTests(StaffWorld, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.case = cls.in_progress(date(2026, 9, 28), email="zhang@example.cn", address="乌鲁木齐县水西沟镇1号")
        request_start_consultation(request=cls.case, sent_on=date(2026, 10, 12), party="third_party",
                                   addressee="某建设公司", acting_user=cls.officer)

    def _url(self, pk=None):
        return f"/staff/requests/{pk or self.case.pk}/"

    def test_own_agency_sees_full_personal_data(self):
        self.client.force_login(self.clerk)
        response = self.client.get(self._url())
        for fact in (ID_NUMBER, PHONE, "zhang@example.cn", "乌鲁木齐县水西沟镇1号", "张三"):
            self.assertContains(response, fact)

    def test_deadline_is_explained_with_the_days_skipped(self):
        self.client.force_login(self.clerk)
        response = self.client.get(self._url())
        self.assertContains(response, "期限如何计算")
        self.assertContains(response, "国庆")  # 2026-10-01..08 skipped
        self.assertContains(response, "征求第三方意见")  # the consultation is not counted

    def test_timeline_lists_every_event(self):
        self.client.force_login(self.clerk)
        response = self.client.get(self._url())
        for kind in ("登记申请", "受理", "征求意见发函"):
            self.assertContains(response, kind)
        self.assertEqual(3, len(response.context["page"].timeline))

    def test_actions_follow_status_and_roles(self):
        self.client.force_login(self.officer)
        actions = [a.action for a in self.client.get(self._url()).context["page"].actions]
        self.assertEqual(["end_consultation", "withdraw", "request_extension"], actions)

    def test_extension_is_approved_only_once_asked_and_asked_once(self):
        request_ask_extension(request=self.case, days=10, reason="需调取档案", asked_on=date(2026, 11, 25),
                              acting_user=self.officer)
        self.client.force_login(self.officer)
        actions = [a.action for a in self.client.get(self._url()).context["page"].actions]
        self.assertEqual(["end_consultation", "withdraw", "approve_extension"], actions)

    def test_other_agency_gets_the_same_404_as_a_missing_case(self):
        self.client.force_login(self.stranger)
        other = self.client.get(self._url())
        missing = self.client.get(self._url(10**9))
        self.assertEqual((404, 404), (other.status_code, missing.status_code))
        self.assertEqual(missing.content, other.content)

    def test_supervising_agency_reads_without_pii_or_actions(self):
        self.client.force_login(self.county_head)
        response = self.client.get(self._url())
        self.assertEqual(200, response.status_code)
        self.assertNotContains(response, ID_NUMBER)
        self.assertNotContains(response, PHONE)
        self.assertNotContains(response, "zhang@example.cn")
        self.assertContains(response, "只能查看")
        self.assertEqual([], response.context["page"].actions)

    def test_anonymous_user_is_sent_to_login(self):
        response = self.client.get(self._url())
        self.assertEqual(302, response.status_code)
        self.assertTrue(response["Location"].startswith("/staff/login/"))
