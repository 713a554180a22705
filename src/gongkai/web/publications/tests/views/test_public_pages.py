"""Issue 5 §3, §6: the public portal never shows an unpublished or revoked item — not in the
catalogue, a category, an item page, the search or the feed — and links the 指南 and 年报."""
from __future__ import annotations

from django.test import TestCase
from django.urls import reverse
from freezegun import freeze_time

from gongkai.web.publications.constants import Category, ItemStatus
from gongkai.web.publications.tests.factories import CatalogueWorld, make_item

S = ItemStatus
TITLE = "乌鲁木齐县防汛抗旱应急预案（%s）"


@freeze_time("2025-06-02 04:00:00")
class PublicPagesTests(CatalogueWorld, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.items = {status: make_item(cls, status, title=TITLE % status, category=Category.EMERGENCY,
                                       body="遇强降雨时启动防汛应急响应。")
                     for status in S.values}
        cls.withheld = make_item(cls, S.APPROVED, title=TITLE % "withheld", category=Category.EMERGENCY,
                                 disclosure="on_request")

    def _url(self, name: str, **kwargs) -> str:
        return reverse(f"publications_public:{name}", kwargs={"agency_code": self.county.code, **kwargs})

    def _pages(self) -> dict[str, str]:
        return {
            "index": self._url("index"),
            "category": self._url("category", category=Category.EMERGENCY),
            "search": self._url("search") + "?q=防汛抗旱",
            "search-short": self._url("search") + "?q=预案",
            "feed": self._url("feed"),
        }

    def test_lists_search_and_feed_show_only_the_published_item(self):
        for name, url in self._pages().items():
            with self.subTest(name):
                body = self.client.get(url).content.decode()
                self.assertIn(TITLE % S.PUBLISHED, body)
                for status in (S.DRAFT, S.IN_REVIEW, S.APPROVED, S.REVOKED, "withheld"):
                    self.assertNotIn(TITLE % status, body)

    def test_item_pages_of_unpublished_and_revoked_items_are_404(self):
        for status, item in self.items.items():
            with self.subTest(status):
                response = self.client.get(self._url("item", index_number=item.index_number))
                self.assertEqual(200 if status == S.PUBLISHED else 404, response.status_code)
        self.assertEqual(404, self.client.get(self._url("item", index_number=self.withheld.index_number)).status_code)

    def test_another_agencys_url_does_not_show_the_item(self):
        url = reverse("publications_public:item", kwargs={"agency_code": self.other.code,
                                                          "index_number": self.items[S.PUBLISHED].index_number})
        self.assertEqual(404, self.client.get(url).status_code)

    def test_item_page_shows_its_metadata(self):
        item = self.items[S.PUBLISHED]
        body = self.client.get(self._url("item", index_number=item.index_number)).content.decode()
        for text in (item.index_number, "乌鲁木齐县人民政府", "2025-03-03", "2025-03-10", "突发公共事件"):
            self.assertIn(text, body)

    def test_catalogue_links_the_guide_the_reports_and_the_feed(self):
        body = self.client.get(self._url("index")).content.decode()
        for url in (reverse("requests_public:guide", kwargs={"agency_code": self.county.code}),
                    reverse("reports_public:list", kwargs={"agency_code": self.county.code}),
                    self._url("feed")):
            self.assertIn(url, body)
        self.assertIn("（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", body)

    def test_feed_is_atom(self):
        response = self.client.get(self._url("feed"))
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))

    def test_catalogue_index_query_count_does_not_grow_with_items(self):
        with self.assertNumQueries(3):  # agency, category counts, recent items
            self.client.get(self._url("index"))
