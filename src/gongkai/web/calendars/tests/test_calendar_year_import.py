"""The admin-maintained calendar (issue 3 §2): a year's days come from the notice text, an import
recomputes open deadlines and logs it, and a deadline in an unknown year stays provisional."""
from datetime import date
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.audit.models import AuditEvent
from gongkai.web.calendars.constants import DayKind
from gongkai.web.calendars.models import CalendarYear
from gongkai.web.calendars.selectors import calendar_for_deadlines
from gongkai.web.calendars.services import calendar_year_delete, calendar_year_import
from gongkai.web.common.errors import ApplicationError
from gongkai.web.tests.factories import AgencyFactory, UserFactory, staff
from gongkai.web.tests.helpers import registered

REPO = Path(__file__).resolve().parents[5]
NOTICE_2026 = REPO.parent / "shared" / "fixtures" / "holiday-notice-2026.txt"
# Fictional: only 元旦 2027, enough to make early-2027 deadlines non-provisional in a test.
NOTICE_2027 = "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）放假，共1天。\n"


class CalendarYearImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = UserFactory()

    def test_2026_notice_agrees_with_the_packaged_calendar(self):
        year = calendar_year_import(text=NOTICE_2026.read_text(encoding="utf-8"), source_name=NOTICE_2026.name,
                                    acting_user=self.admin)
        kinds = list(year.days.values_list("kind", flat=True))
        self.assertEqual((2026, 33, 6), (year.year, kinds.count(DayKind.HOLIDAY), kinds.count(DayKind.WORKDAY)))

    def test_notice_that_contradicts_the_packaged_calendar_is_refused(self):
        text = NOTICE_2026.read_text(encoding="utf-8").replace("、10月10日（周六）上班", "上班")
        with self.assertRaises(ApplicationError) as caught:
            calendar_year_import(text=text, source_name="altered.txt", acting_user=self.admin)
        self.assertEqual(("calendar-disagrees", ["2026-10-10"]),
                         (caught.exception.code, caught.exception.extra["days"]))

    def test_unreadable_notice_names_the_line(self):
        with self.assertRaises(ApplicationError) as caught:
            calendar_year_import(text="关于2027年部分节假日安排\n一、元旦：1月1日（周四）放假。",
                                 source_name="bad.txt", acting_user=self.admin)
        self.assertEqual("notice-unreadable", caught.exception.code)
        self.assertIn("第2行", caught.exception.message)

    def test_a_year_is_imported_once(self):
        calendar_year_import(text=NOTICE_2027, source_name="n.txt", acting_user=self.admin)
        with self.assertRaises(ApplicationError) as caught:
            calendar_year_import(text=NOTICE_2027, source_name="n.txt", acting_user=self.admin)
        self.assertEqual("calendar-year-exists", caught.exception.code)

    def test_imported_year_joins_the_deadline_calendar(self):
        self.assertFalse(calendar_for_deadlines().knows(date(2027, 1, 1)))
        calendar_year_import(text=NOTICE_2027, source_name="n.txt", acting_user=self.admin)
        self.assertTrue(calendar_for_deadlines().knows(date(2027, 1, 1)))
        self.assertEqual("元旦", calendar_for_deadlines().reason(date(2027, 1, 1)))
        self.assertEqual("国庆节", calendar_for_deadlines().reason(date(2026, 10, 1)))

    def test_management_command_imports_a_file(self):
        out = StringIO()
        call_command("import_holiday_notice", str(NOTICE_2026), stdout=out)
        self.assertIn("已导入2026年节假日安排", out.getvalue())
        with self.assertRaisesMessage(CommandError, "已导入"):
            call_command("import_holiday_notice", str(NOTICE_2026), stdout=out)


@freeze_time("2026-12-20 04:00:00")
class CalendarChangeRecomputesDeadlinesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.clerk = staff(cls.agency, Role.CLERK)

    def test_import_makes_a_provisional_deadline_final_and_logs_it(self):
        request = registered(self.agency, self.clerk, handed_in_on=date(2026, 12, 15))
        self.assertEqual((date(2027, 1, 12), True), (request.answer_due_on, request.answer_due_provisional))
        calendar_year_import(text=NOTICE_2027, source_name="n.txt", acting_user=self.clerk)
        request.refresh_from_db()
        self.assertEqual((date(2027, 1, 13), False), (request.answer_due_on, request.answer_due_provisional))
        self.assertEqual(["calendar.year_imported", "request.deadline_recomputed"],
                         sorted(AuditEvent.objects.filter(event__in=[
                             "calendar.year_imported", "request.deadline_recomputed"]).values_list("event", flat=True)))

    def test_deleting_the_year_makes_it_provisional_again(self):
        request = registered(self.agency, self.clerk, handed_in_on=date(2026, 12, 15))
        year = calendar_year_import(text=NOTICE_2027, source_name="n.txt", acting_user=self.clerk)
        self.assertEqual(1, calendar_year_delete(calendar_year=year, acting_user=self.clerk))
        request.refresh_from_db()
        self.assertEqual((date(2027, 1, 12), True), (request.answer_due_on, request.answer_due_provisional))
        self.assertFalse(CalendarYear.objects.exists())
