"""Changing the calendar recomputes open deadlines and logs the change (issue 3 §2)."""
from datetime import date

from django.test import TestCase
from freezegun import freeze_time

from gongkai.calendar import WorkCalendar
from gongkai.web.accounts.constants import Role
from gongkai.web.audit.models import AuditEvent
from gongkai.web.requests.services import request_refresh_open_deadlines, request_reply
from gongkai.web.tests.factories import AgencyFactory, staff
from gongkai.web.tests.helpers import registered

# Weekends only: what the days would be if 中秋/国庆 2026 were not holidays.
NO_HOLIDAYS = WorkCalendar(known_years=None, name="只有周末")


@freeze_time("2026-11-26 04:00:00")
class RequestRefreshOpenDeadlinesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.user = staff(cls.agency, Role.CLERK, Role.HEAD)

    def test_open_request_moves_and_the_move_is_logged(self):
        request = registered(self.agency, self.user, handed_in_on=date(2026, 9, 28))
        moved = request_refresh_open_deadlines(acting_user=self.user, reason="测试日历", calendar=NO_HOLIDAYS)
        request.refresh_from_db()
        self.assertEqual((1, date(2026, 10, 26)), (moved, request.answer_due_on))
        entry = AuditEvent.objects.get(event="request.deadline_recomputed")
        self.assertEqual(("2026-10-30", "2026-10-26"), (entry.before["answer_due_on"], entry.after["answer_due_on"]))

    def test_closed_request_keeps_its_dates(self):
        request = registered(self.agency, self.user, handed_in_on=date(2026, 9, 28))
        request_reply(request=request, outcomes=["granted"], replied_on=date(2026, 10, 9), summary="",
                      acting_user=self.user)
        self.assertEqual(0, request_refresh_open_deadlines(acting_user=self.user, reason="测试日历",
                                                           calendar=NO_HOLIDAYS))

    def test_unchanged_calendar_moves_nothing(self):
        registered(self.agency, self.user, handed_in_on=date(2026, 9, 28))
        self.assertEqual(0, request_refresh_open_deadlines(acting_user=self.user, reason="无变化"))


class RefreshDeadlinesCommandTests(TestCase):
    def test_running_consultation_moves_the_due_date_day_by_day(self):
        from io import StringIO

        from django.core.management import call_command

        from gongkai.web.requests.services import request_accept, request_start_consultation

        agency = AgencyFactory()
        user = staff(agency, Role.CLERK, Role.REVIEWER, Role.HANDLER)
        with freeze_time("2026-10-12 04:00:00"):
            request = registered(agency, user, handed_in_on=date(2026, 9, 28))
            request_accept(request=request, acting_user=user)
            request_start_consultation(request=request, sent_on=date(2026, 10, 12), party="third_party",
                                       addressee="某公司", acting_user=user)
        with freeze_time("2026-10-16 04:00:00"):
            out = StringIO()
            call_command("refresh_deadlines", stdout=out)
        request.refresh_from_db()
        self.assertEqual(date(2026, 11, 6), request.answer_due_on)  # 10-12..10-16 not counted so far
        self.assertIn("1件", out.getvalue())
