"""Section 二 from a business system's export (issue 4, item 2): the long form of
``gongkai parse --csv``, as CSV or .xlsx, by ids or printed labels; money in 元 becomes 万元."""
from io import BytesIO

from django.test import TestCase
from freezegun import freeze_time
from openpyxl import Workbook

from gongkai.render.csv import render_csv
from gongkai.web.accounts.constants import Role
from gongkai.web.common.errors import ApplicationError
from gongkai.web.reports.demo import SEED
from gongkai.web.reports.selectors import report_build
from gongkai.web.reports.services import report_draft_create, report_figures_import
from gongkai.web.tests.factories import AgencyFactory, staff

CSV_2021 = """table,row,column,value,unit
proactive.item5,licensing,decisions,"1,954",
item6,行政处罚,本年处理决定数量,856,
proactive.item8,fees,amount,125000,元
requests,received,total,99,
"""


@freeze_time("2026-01-10 04:00:00")
class ReportFiguresImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.clerk = staff(cls.agency, Role.CLERK)

    def test_csv_by_ids_and_labels_fills_section_two_only(self):
        draft = report_draft_create(agency=self.agency, year=2025, acting_user=self.clerk)
        draft = report_figures_import(draft=draft, data=CSV_2021.encode(), name="export.csv", acting_user=self.clerk)
        report = report_build(draft=draft)
        self.assertEqual((1954, 856, "12.5", 0), (
            report.value("proactive.item5", "licensing", "decisions"),
            report.value("proactive.item6", "penalty", "decisions"),
            str(report.value("proactive.item8", "fees", "amount")),
            report.value("requests", "received", "total")))

    def test_xlsx_of_the_parsed_seed_gives_the_2019_figures(self):
        from gongkai.parse import parse_path

        lines = [line.split(",") for line in render_csv([parse_path(SEED)]).splitlines()]
        book = Workbook()
        for line in lines:
            book.active.append(line)
        data = BytesIO()
        book.save(data)
        draft = report_draft_create(agency=self.agency, year=2020, acting_user=self.clerk)
        draft = report_figures_import(draft=draft, data=data.getvalue(), name="seed.xlsx", acting_user=self.clerk)
        report = report_build(draft=draft)
        self.assertEqual((149, -1, "21533.5"), (report.value("proactive.item5", "licensing", "prev_items"),
                                                report.value("proactive.item8", "fees", "change"),
                                                str(report.value("proactive.item9", "procurement", "amount"))))

    def test_a_line_that_names_no_cell_is_refused_with_its_line(self):
        draft = report_draft_create(agency=self.agency, year=2025, acting_user=self.clerk)
        bad = "table,row,column,value\nproactive.item5,licensing,decisions,3\nproactive.item9,procurement,amount,1\n"
        with self.assertRaisesMessage(ApplicationError, "第3行"):
            report_figures_import(draft=draft, data=bad.encode(), name="x.csv", acting_user=self.clerk)
