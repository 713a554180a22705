"""Staff sign in with a session (issue 3 §6); the pages are in Chinese."""
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django.test import TestCase

from gongkai.web.requests.tests.views.staff_setup import StaffWorld


class StaffLoginTests(StaffWorld, TestCase):
    def setUp(self):
        self.clerk.set_password("correct horse battery")
        self.clerk.save()

    def test_login_page_is_in_chinese(self):
        response = self.client.get("/staff/login/")
        self.assertContains(response, "工作人员登录")
        self.assertContains(response, "用户名")

    def test_login_leads_to_the_work_list(self):
        response = self.client.post("/staff/login/", {"username": self.clerk.username,
                                                      "password": "correct horse battery"})
        self.assertRedirects(response, "/staff/")

    def test_login_returns_to_the_page_asked_for(self):
        response = self.client.post("/staff/login/?next=/staff/requests/new/", {
            "username": self.clerk.username, "password": "correct horse battery", "next": "/staff/requests/new/"})
        self.assertRedirects(response, "/staff/requests/new/")

    def test_wrong_password_is_refused_in_chinese(self):
        response = self.client.post("/staff/login/", {"username": self.clerk.username, "password": "wrong"})
        self.assertEqual(200, response.status_code)
        self.assertContains(response, "请输入一个正确的")

    def test_logout_ends_the_session(self):
        self.client.force_login(self.clerk)
        self.assertRedirects(self.client.post("/staff/logout/"), "/staff/login/")
        self.assertEqual(302, self.client.get("/staff/").status_code)


class LoginUrlTests(TestCase):
    """settings.LOGIN_URL is the staff login, not the admin's: anything that asks for a login
    (``login_required``, ``redirect_to_login``) sends staff to the page they use."""

    def test_login_url_is_the_staff_login_page(self):
        self.assertEqual("/staff/login/", resolve_url(settings.LOGIN_URL))

    def test_redirect_to_login_goes_to_the_staff_login(self):
        response = redirect_to_login("/staff/requests/new/")
        self.assertEqual("/staff/login/?next=/staff/requests/new/", response["Location"])

    def test_admin_keeps_its_own_login(self):
        response = self.client.get("/admin/")
        self.assertEqual(302, response.status_code)
        self.assertTrue(response["Location"].startswith("/admin/login/"))
