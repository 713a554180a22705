"""Issue 5 §3, §6: full-text search of titles and bodies on Chinese text.

A fixed catalogue and a fixed set of queries with their expected hits: phrases inside words
(no segmentation needed), one- and two-character queries (the LIKE fallback), several terms
(all must match), body-only hits, punctuation in the query, and never an unpublished item.
"""
from __future__ import annotations

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.publications.constants import Category, DocumentKind, ItemStatus
from gongkai.web.publications.selectors import publication_search_public
from gongkai.web.publications.tests.factories import CatalogueWorld, make_item

S = ItemStatus
CATALOGUE = {
    "report": ("乌鲁木齐县2025年政府工作报告", "全县地区生产总值增长6.5%，城乡居民收入稳步提高。"),
    "dibao": ("乌鲁木齐县城乡居民最低生活保障实施办法", "为规范最低生活保障工作，根据《社会救助暂行办法》制定本办法。"),
    "budget": ("关于乌鲁木齐县2024年财政预算执行情况的报告", "一般公共预算收入完成12.3亿元。"),
    "school": ("县第一中学扩建工程建设项目批准文件", "项目总投资8600万元，新增学位1200个。"),
    "heating": ("关于调整县城集中供暖价格的通知", "居民供暖价格调整为每平方米22元。"),
    "flood": ("乌鲁木齐县防汛抗旱应急预案", "遇强降雨时，各乡镇应启动防汛应急响应。"),
}
HIDDEN = {  # the same words, never to be found
    S.DRAFT: ("乌鲁木齐县2026年政府工作报告（征求意见稿）", "草稿"),
    S.IN_REVIEW: ("县第一中学扩建工程中标结果", "审查中"),
    S.REVOKED: ("关于调整县城集中供暖价格的通知（已撤回）", "发布有误"),
}
QUERIES = [
    ("政府工作报告", {"report"}),
    ("工作报", {"report"}),  # a phrase across word boundaries
    ("最低生活保障", {"dibao"}),
    ("社会救助暂行办法", {"dibao"}),  # body only
    ("预算", {"budget"}),  # two characters: LIKE fallback
    ("县", set(CATALOGUE)),  # one character
    ("乌鲁木齐县 报告", {"report", "budget"}),  # two terms, both must match
    ("供暖 价格", {"heating"}),
    ("应急 预案 防汛", {"flood"}),
    ("扩建工程", {"school"}),
    ("《社会救助", {"dibao"}),  # punctuation is part of the phrase, not an operator
    ('"预案" OR 报告', set()),  # FTS operators are text here
    ("中标结果", set()),  # only in an item under review
    ("征求意见稿", set()),  # only in a draft
    ("养老保险", set()),
    ("乌政发〔2025〕3号", {"dibao"}),  # the 文号
    ("乌政发", {"dibao"}),
    ("规范性文件", {"dibao"}),  # names its kind (行政规范性文件), not printed in its text
    ("社会保障", {"dibao"}),  # names its category, （十一）…社会保障…
]


@freeze_time("2025-06-02 04:00:00")
class PublicationSearchPublicTests(CatalogueWorld, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.ids = {}
        for key, (title, body) in CATALOGUE.items():
            extra = ({"document_number": "乌政发〔2025〕3号", "document_kind": DocumentKind.NORMATIVE,
                      "category": Category.WELFARE} if key == "dibao" else {})
            cls.ids[make_item(cls, S.PUBLISHED, title=title, body=body, **extra).pk] = key
        for status, (title, body) in HIDDEN.items():
            make_item(cls, status, title=title, body=body)

    def test_fixed_queries_give_their_expected_hits(self):
        for query, expected in QUERIES:
            with self.subTest(query):
                found = {self.ids.get(item.pk, item.title) for item in
                         publication_search_public(agency=self.county, query=query)}
                self.assertEqual(expected, found)

    def test_an_empty_query_finds_nothing(self):
        self.assertEqual([], list(publication_search_public(agency=self.county, query="  　 ")))

    def test_search_is_per_agency(self):
        self.assertEqual([], list(publication_search_public(agency=self.other, query="政府工作报告")))
