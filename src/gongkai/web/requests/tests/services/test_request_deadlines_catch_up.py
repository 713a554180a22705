"""Due dates of running pauses stay right without a scheduler (issue 3 §3: consultation and fee waits
are not counted, 第三十二条、第三十四条、第四十二条).

A consultation still running counts until today, so the cached due date moves every working day.
The staff pages bring stale caches up to date themselves, once a day, for one query otherwise;
``manage refresh_deadlines`` stays for cron.
"""
from datetime import date
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.audit.models import AuditEvent
from gongkai.web.requests.deadlines import request_answer_deadline
from gongkai.web.requests.models import InfoRequest
from gongkai.web.requests.services import (
    request_deadlines_catch_up,
    request_refresh_stale_deadlines,
    request_start_consultation,
)
from gongkai.web.requests.services.handling import DEADLINES_CATCH_UP
from gongkai.web.requests.tests.views.staff_setup import StaffWorld

SENT = date(2026, 11, 10)  # a Tuesday; received 2026-11-02, due 2026-11-30 without the pause


def beijing_noon(day: date) -> str:
    return f"{day.isoformat()} 04:00:00"


class RequestDeadlinesCatchUpTests(StaffWorld, TestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with freeze_time(beijing_noon(SENT)):
            cls.consulting = request_start_consultation(
                request=cls.in_progress(date(2026, 11, 2)), sent_on=SENT, party="third_party",
                addressee="某建设公司", acting_user=cls.officer)
            cls.running = cls.in_progress(date(2026, 11, 2), name="李四")  # no pause: its date never drifts

    def _cached(self, request) -> date:
        return InfoRequest.objects.values_list("answer_due_on", flat=True).get(pk=request.pk)

    def test_cache_is_right_on_the_day_the_consultation_starts(self):
        self.assertEqual(date(2026, 12, 1), self.consulting.answer_due_on)  # 11-10 itself is not counted

    @freeze_time(beijing_noon(date(2026, 11, 12)))
    def test_worklist_shows_the_moved_due_date_without_the_command(self):
        self.client.force_login(self.officer)
        rows = {r.pk: r for r in self.client.get("/staff/").context["page"].rows}
        # 11-10 to 11-12 are not counted: three working days later than on the first day.
        self.assertEqual(date(2026, 12, 3), rows[self.consulting.pk].answer_due_on)
        live = request_answer_deadline(InfoRequest.objects.get(pk=self.consulting.pk), as_of=date(2026, 11, 12))
        self.assertEqual(live.due, rows[self.consulting.pk].answer_due_on)
        self.assertEqual(date(2026, 11, 30), rows[self.running.pk].answer_due_on)

    @freeze_time(beijing_noon(date(2026, 11, 12)))
    def test_case_page_shows_the_same_date_as_its_explanation(self):
        self.client.force_login(self.officer)
        page = self.client.get(f"/staff/requests/{self.consulting.pk}/").context["page"]
        self.assertEqual((date(2026, 12, 3), date(2026, 12, 3)), (page.deadline.due, page.case.answer_due_on))

    @freeze_time(beijing_noon(date(2026, 11, 12)))
    def test_once_caught_up_a_call_costs_one_query(self):
        self.assertEqual(1, request_deadlines_catch_up(as_of=date(2026, 11, 12)))
        with self.assertNumQueries(1):
            self.assertEqual(0, request_deadlines_catch_up(as_of=date(2026, 11, 12)))

    @freeze_time(beijing_noon(date(2026, 11, 12)))
    def test_move_is_audited_in_the_name_of_the_system(self):
        request_deadlines_catch_up(as_of=date(2026, 11, 12))
        entry = AuditEvent.objects.get(event="request.deadline_recomputed", object_id=str(self.consulting.pk))
        self.assertEqual(DEADLINES_CATCH_UP.label, entry.actor_label)
        self.assertIsNone(entry.actor)
        self.assertEqual(("2026-12-01", "2026-12-03"), (entry.before["answer_due_on"], entry.after["answer_due_on"]))

    @freeze_time(beijing_noon(date(2026, 11, 14)))
    def test_a_weekend_moves_nothing_yet_marks_the_cache_fresh(self):
        request_refresh_stale_deadlines(as_of=date(2026, 11, 13))  # Friday: 11-10..13 not counted
        friday = self._cached(self.consulting)
        # Saturday is no working day: the date stays, nothing is audited, and the next call is cheap.
        self.assertEqual(0, request_refresh_stale_deadlines(as_of=date(2026, 11, 14)))
        self.assertEqual(friday, self._cached(self.consulting))
        with self.assertNumQueries(1):
            self.assertEqual(0, request_deadlines_catch_up(as_of=date(2026, 11, 14)))

    @freeze_time(beijing_noon(date(2026, 11, 12)))
    def test_only_paused_requests_are_looked_at(self):
        InfoRequest.objects.filter(pk=self.running.pk).update(deadlines_as_of=date(2026, 1, 1))
        request_deadlines_catch_up(as_of=date(2026, 11, 12))
        self.assertEqual(date(2026, 1, 1),
                         InfoRequest.objects.values_list("deadlines_as_of", flat=True).get(pk=self.running.pk))

    @freeze_time(beijing_noon(date(2026, 11, 12)))
    def test_the_daily_command_still_refreshes_for_cron(self):
        out = StringIO()
        call_command("refresh_deadlines", stdout=out)
        self.assertIn("1件申请的期限有变化", out.getvalue())
        self.assertEqual(date(2026, 12, 3), self._cached(self.consulting))
        entry = AuditEvent.objects.get(event="request.deadline_recomputed")
        self.assertEqual("系统（manage refresh_deadlines）", entry.actor_label)
