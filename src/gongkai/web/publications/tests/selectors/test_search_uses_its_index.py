"""Issue 5 §3: the search is index-backed on either database — the FTS5 trigram table on
SQLite, the pg_trgm GIN indexes on PostgreSQL — rather than a scan of every body."""
from __future__ import annotations

from django.db import connection
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.publications.constants import ItemStatus
from gongkai.web.publications.models import Item
from gongkai.web.publications.search import FTS_TABLE, filter_by_search
from gongkai.web.publications.selectors import publication_search_public
from gongkai.web.publications.tests.factories import CatalogueWorld, make_item


@freeze_time("2025-06-02 04:00:00")
class SearchIndexTests(CatalogueWorld, TestCase):
    def test_a_phrase_query_is_answered_from_the_index(self):
        make_item(self, ItemStatus.PUBLISHED)
        qs = publication_search_public(agency=self.county, query="政府工作报告")
        if connection.vendor == "sqlite":
            plan = qs.explain()
            self.assertIn(FTS_TABLE, plan)
            self.assertIn("VIRTUAL TABLE INDEX", plan)
        else:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned anyway
            # Unfiltered by agency and status, so only the trigram indexes can help.
            plan = filter_by_search(Item.objects.all(), "政府工作报告").explain()
            for column in ("title", "body", "document_number"):
                self.assertIn(f"publications_item_{column}_trgm", plan)
        self.assertEqual(1, qs.count())
