"""Issue 5 §5 must-show: a published 规范性文件 appears in the 2021-edition item1 counts of the
agency's report for that year; section 二 item1 comes from the catalogue when there is one."""
from __future__ import annotations

from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.publications import services
from gongkai.web.publications.constants import ItemStatus
from gongkai.web.publications.selectors import catalogue_item1_counts
from gongkai.web.publications.tests.factories import NORMATIVE, CatalogueWorld, make_item
from gongkai.web.reports.selectors import report_build
from gongkai.web.reports.services import report_draft_create, report_draft_update

S = ItemStatus


@freeze_time("2026-02-02 04:00:00")
class CatalogueItem1Tests(CatalogueWorld, TestCase):
    def test_a_published_normative_document_is_counted_in_the_2021_edition_report(self):
        make_item(self, S.PUBLISHED, content=NORMATIVE)
        draft = report_draft_create(agency=self.county, year=2025, acting_user=self.clerk)
        report = report_build(draft=draft)
        self.assertEqual("2021", report.format)
        self.assertEqual(1, report.value("proactive.item1", "normative_documents", "issued"))
        self.assertEqual(0, report.value("proactive.item1", "normative_documents", "repealed"))
        self.assertEqual(1, report.value("proactive.item1", "normative_documents", "in_force"))
        self.assertEqual(0, report.value("proactive.item1", "rules", "issued"))

    def test_catalogue_counts_replace_entered_item1_figures(self):
        draft = report_draft_create(agency=self.county, year=2025, acting_user=self.clerk)
        figures = {"proactive.item1": {"normative_documents": {"issued": 7, "repealed": 0, "in_force": 7}}}
        draft = report_draft_update(draft=draft, figures=figures, acting_user=self.clerk)
        self.assertEqual(7, report_build(draft=draft).value("proactive.item1", "normative_documents", "issued"))
        make_item(self, S.PUBLISHED, content=NORMATIVE)
        self.assertEqual(1, report_build(draft=draft).value("proactive.item1", "normative_documents", "issued"))

    def test_unpublished_revoked_and_other_documents_do_not_count(self):
        for status in (S.DRAFT, S.IN_REVIEW, S.APPROVED, S.REVOKED):
            make_item(self, status, content=NORMATIVE)
        make_item(self, S.PUBLISHED)  # not a 规章 or 规范性文件
        counts = catalogue_item1_counts(agency=self.county, year=2025, edition="2021")
        self.assertEqual({"issued": 0, "repealed": 0, "in_force": 0}, counts["normative_documents"])

    def test_repealed_in_the_year_and_in_force_at_its_end(self):
        old = make_item(self, S.PUBLISHED, content=NORMATIVE, written_on=date(2024, 5, 6),
                        effective_on=date(2024, 5, 6), published_on=date(2024, 5, 8))
        make_item(self, S.PUBLISHED, content=NORMATIVE)
        services.item_set_validity(item=old, validity="repealed", ended_on=date(2025, 9, 1), acting_user=self.clerk)
        self.assertEqual({"issued": 1, "repealed": 0, "in_force": 1},
                         catalogue_item1_counts(agency=self.county, year=2024, edition="2021")["normative_documents"])
        self.assertEqual({"issued": 1, "repealed": 1, "in_force": 1},
                         catalogue_item1_counts(agency=self.county, year=2025, edition="2021")["normative_documents"])

    def test_2019_edition_made_published_total(self):
        make_item(self, S.PUBLISHED, content=NORMATIVE, written_on=date(2019, 12, 20), effective_on=None,
                  published_on=date(2020, 1, 6))
        make_item(self, S.PUBLISHED, content=NORMATIVE, written_on=date(2020, 3, 2), effective_on=None,
                  published_on=date(2020, 3, 5))
        self.assertEqual({"made": 1, "published": 2, "total_public": 2},
                         catalogue_item1_counts(agency=self.county, year=2020, edition="2019")["normative_documents"])
        self.assertEqual({"made": 0, "published": 0, "total_public": 0},
                         catalogue_item1_counts(agency=self.county, year=2019, edition="2019")["normative_documents"])

    def test_an_agency_without_a_catalogue_keeps_its_entered_figures(self):
        make_item(self, S.PUBLISHED, content=NORMATIVE)  # the county's, not the bureau's
        draft = report_draft_create(agency=self.other, year=2025, acting_user=self.stranger)
        figures = {"proactive.item1": {"normative_documents": {"issued": 4, "repealed": 0, "in_force": 4}}}
        draft = report_draft_update(draft=draft, figures=figures, acting_user=self.stranger)
        self.assertEqual(4, report_build(draft=draft).value("proactive.item1", "normative_documents", "issued"))
