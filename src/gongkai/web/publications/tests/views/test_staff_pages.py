"""Issue 5 §4: the staff pages — list with deadline badges, the draft form, the five-check
checklist and the buttons per role, the 政务新媒体 registry — and their scoping by agency."""
from __future__ import annotations

from datetime import date

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from freezegun import freeze_time

from gongkai.web.publications.constants import ItemStatus
from gongkai.web.publications.models import Item, NewMediaAccount
from gongkai.web.publications.tests.factories import CatalogueWorld, make_item

S = ItemStatus


@freeze_time("2025-06-02 04:00:00")  # Monday; 2025-03-03 + 20 working days = 2025-03-31
class StaffPagesTests(CatalogueWorld, TestCase):
    def test_list_flags_an_overdue_draft(self):
        make_item(self, S.DRAFT, title="逾期未发布的通知")
        self.client.force_login(self.clerk)
        body = self.client.get(reverse("publications_staff:list")).content.decode()
        self.assertIn("逾期未发布的通知", body)
        self.assertIn("2025-03-31", body)
        self.assertIn("超过20个工作日未发布", body)

    def test_the_staff_nav_links_the_catalogue(self):
        self.client.force_login(self.clerk)
        body = self.client.get(reverse("staff:worklist")).content.decode()
        self.assertIn(reverse("publications_staff:list"), body)

    def test_create_through_the_form(self):
        self.client.force_login(self.clerk)
        response = self.client.post(reverse("publications_staff:create"), {
            "agency": self.county.pk, "title": "关于开展2025年春季植树造林的通知", "issuer": "乌鲁木齐县人民政府",
            "written_on": "2025-05-28", "category": "15", "document_kind": "other", "disclosure": "proactive",
            "body": "各乡镇：……"})
        item = Item.objects.get()
        self.assertRedirects(response, reverse("publications_staff:detail", args=[item.pk]))
        self.assertEqual("WLMQX-2025-00001", item.index_number)

    def test_checklist_and_buttons_follow_the_role(self):
        item = make_item(self, S.IN_REVIEW)
        url = reverse("publications_staff:detail", args=[item.pk])
        self.client.force_login(self.reviewer)
        body = self.client.get(url).content.decode()
        for label in ("政治关", "法律关", "保密关", "程序关", "时效关"):
            self.assertIn(label, body)
        self.assertIn("记录审查意见", body)
        self.assertNotIn("批准发布", body)
        self.client.force_login(self.head)
        body = self.client.get(url).content.decode()
        self.assertIn("批准发布", body)
        self.assertNotIn("记录审查意见", body)

    def test_review_and_publish_through_the_buttons(self):
        item = make_item(self, S.IN_REVIEW)
        self.client.force_login(self.reviewer)
        for check in ("political", "legal", "secrecy", "procedure", "timeliness"):
            self.client.post(reverse("publications_staff:action", args=[item.pk, "check"]),
                             {"check": check, "result": "passed"})
        self.client.force_login(self.head)
        self.client.post(reverse("publications_staff:action", args=[item.pk, "approve"]))
        self.client.post(reverse("publications_staff:action", args=[item.pk, "publish"]))
        item.refresh_from_db()
        self.assertEqual((S.PUBLISHED, date(2025, 6, 2)), (item.status, item.published_on))

    def test_another_agencys_item_is_404(self):
        item = make_item(self, S.DRAFT)
        self.client.force_login(self.stranger)
        self.assertEqual(404, self.client.get(reverse("publications_staff:detail", args=[item.pk])).status_code)
        response = self.client.post(reverse("publications_staff:action", args=[item.pk, "submit"]))
        self.assertEqual(404, response.status_code)
        self.assertEqual(S.DRAFT, Item.objects.get(pk=item.pk).status)

    def test_list_query_count_does_not_grow_with_items(self):
        for _ in range(3):
            make_item(self, S.DRAFT)
        self.client.force_login(self.clerk)
        self.client.get(reverse("publications_staff:list"))  # warm the calendar cache
        with CaptureQueriesContext(connection) as three:
            self.client.get(reverse("publications_staff:list"))
        make_item(self, S.DRAFT)
        with CaptureQueriesContext(connection) as four:
            self.client.get(reverse("publications_staff:list"))
        self.assertEqual(len(three), len(four))

    def test_newmedia_registry(self):
        self.client.force_login(self.clerk)
        self.client.post(reverse("publications_staff:newmedia_create"), {
            "agency": self.county.pk, "platform": "wechat", "name": "乌鲁木齐县发布", "operator": "县委宣传部",
            "status": "active"})
        self.assertEqual(["乌鲁木齐县发布"], list(NewMediaAccount.objects.values_list("name", flat=True)))
        body = self.client.get(reverse("publications_staff:newmedia_list")).content.decode()
        self.assertIn("微信公众号", body)
