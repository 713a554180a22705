"""Registering a request received at the counter, by post, fax or e-mail (issue 3 §6), with the
receipt fact 第三十一条 takes for each channel."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.tests.views.staff_setup import ID_NUMBER, TODAY, StaffWorld

URL = "/staff/requests/new/"


@freeze_time(TODAY)
class RequestRegisterViewTests(StaffWorld, TestCase):
    def _data(self, **overrides):
        data = {
            "agency": self.transport.pk, "channel": "counter", "handed_in_on": "2026-11-24",
            "applicant_type": "natural_person", "applicant_name": "张三", "id_type": "resident_id",
            "id_number": ID_NUMBER, "phone": "13912345678", "description": "2026年农村公路建设项目招标文件",
            "info_form": "electronic", "delivery": "email", "email": "zhang@example.cn",
        }
        return {**data, **overrides}

    def test_counter_request_is_registered_with_its_day_of_receipt(self):
        self.client.force_login(self.clerk)
        response = self.client.post(URL, self._data(), follow=True)
        case = InfoRequest.objects.get()
        self.assertEqual((date(2026, 11, 24), "registered", "counter"), (case.received_on, case.status, case.channel))
        self.assertRedirects(response, f"/staff/requests/{case.pk}/")
        self.assertContains(response, "查询码")
        self.assertContains(response, case.tracking_number)

    def test_signed_post_counts_from_the_signing_day(self):
        self.client.force_login(self.clerk)
        self.client.post(URL, self._data(channel="post", handed_in_on="", post_signature_required="on",
                                         signed_for_on="2026-11-23", address="乌鲁木齐县水西沟镇1号"))
        self.assertEqual(date(2026, 11, 23), InfoRequest.objects.get().received_on)

    def test_fax_without_the_confirmation_day_is_refused(self):
        self.client.force_login(self.clerk)
        response = self.client.post(URL, self._data(channel="fax", handed_in_on=""))
        self.assertEqual(400, response.status_code)
        self.assertContains(response, "传真的申请须填写确认日（第三十一条）", status_code=400)
        self.assertFalse(InfoRequest.objects.exists())

    def test_model_rule_is_shown_at_its_field(self):
        self.client.force_login(self.clerk)
        response = self.client.post(URL, self._data(id_number=ID_NUMBER[:-1] + "0"))
        self.assertEqual(400, response.status_code)
        self.assertTrue(response.context["form"].errors["id_number"])
        self.assertFalse(InfoRequest.objects.exists())

    def test_only_agencies_where_the_user_is_clerk_can_be_chosen(self):
        self.client.force_login(self.clerk)
        response = self.client.post(URL, self._data(agency=self.education.pk))
        self.assertIn("agency", response.context["form"].errors)
        self.assertFalse(InfoRequest.objects.exists())

    def test_user_without_clerk_role_cannot_register(self):
        self.client.force_login(self.county_head)
        self.assertContains(self.client.get(URL), "您没有登记申请的岗位", status_code=403)
        self.client.post(URL, self._data())
        self.assertFalse(InfoRequest.objects.exists())
