"""Issue 5 must-show: the demo shows a catalogue of realistic items for the seed county,
searchable in Chinese, made through the services (numbers, reviews and audit included)."""
from __future__ import annotations

import random
import re
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.audit.models import AuditEvent
from gongkai.web.demo.loader import demo_organisation
from gongkai.web.publications.constants import Category, ItemStatus
from gongkai.web.publications.demo import demo_catalogue_load
from gongkai.web.publications.models import Item, ReviewCheck
from gongkai.web.publications.selectors import (
    catalogue_item1_counts,
    newmedia_statement,
    publication_search_public,
)
from gongkai.web.requests.deadlines import work_calendar

TODAY = date(2026, 11, 20)
S = ItemStatus


@freeze_time("2026-11-20 10:00:00+08:00")
class DemoCatalogueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with freeze_time("2026-11-20 10:00:00+08:00"):
            agencies, staff, _ = demo_organisation()
            cls.county = agencies[0]
            cls.summary = demo_catalogue_load(agencies=agencies, staff=staff, today=TODAY, calendar=work_calendar(),
                                              rng=random.Random(20190517))

    def test_between_100_and_200_items_in_every_category_of_the_county(self):
        self.assertTrue(100 <= Item.objects.count() <= 200)
        self.assertEqual(set(Category.values),
                         set(Item.objects.filter(agency=self.county).values_list("category", flat=True)))

    def test_some_items_are_revoked_in_review_or_drafts(self):
        statuses = set(Item.objects.values_list("status", flat=True))
        self.assertTrue({S.PUBLISHED, S.REVOKED, S.IN_REVIEW, S.DRAFT} <= statuses, statuses)

    def test_normative_documents_carry_a_county_document_number(self):
        numbers = list(Item.objects.filter(document_kind="normative_documents")
                       .values_list("document_number", flat=True))
        self.assertTrue(numbers)
        for number in numbers:
            self.assertRegex(number, re.compile(r"^乌政(办)?发〔20\d\d〕\d+号$"))

    def test_searchable_in_chinese(self):
        for query in ("政府工作报告", "应急预案", "预算"):
            with self.subTest(query):
                self.assertTrue(publication_search_public(agency=self.county, query=query).exists())

    def test_published_items_passed_the_five_checks_through_the_services(self):
        published = Item.objects.filter(status=S.PUBLISHED).first()
        self.assertEqual(5, ReviewCheck.objects.filter(item=published, result="passed").count())
        self.assertTrue(AuditEvent.objects.filter(event="publication.published", object_id=str(published.pk)).exists())

    def test_the_2025_report_gets_its_normative_documents_from_the_catalogue(self):
        counts = catalogue_item1_counts(agency=self.county, year=2025, edition="2021")["normative_documents"]
        self.assertGreater(counts["issued"], 0)

    def test_newmedia_accounts(self):
        self.assertIn("微信公众号1个", newmedia_statement(agency=self.county, year=2025))
