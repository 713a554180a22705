"""The demo (issue 3 §9): the seed county, staff for each role, and requests in every state and
under every report row, made through the services on the days they are dated."""
from __future__ import annotations

import json
import random
from datetime import date

import typer
from django.contrib.auth import authenticate
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from typer.testing import CliRunner

from gongkai import cli_demo
from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.models import User
from gongkai.web.agencies.models import Agency
from gongkai.web.audit.models import AuditEvent
from gongkai.web.demo import people
from gongkai.web.demo.loader import NOT_EMPTY, DemoNotLoaded, demo_load, demo_plans
from gongkai.web.demo.plans import Planner
from gongkai.web.requests.constants import OPEN_STATUSES, OUTCOME_IDS, RequestStatus
from gongkai.web.requests.deadlines import work_calendar
from gongkai.web.requests.models import InfoRequest

TODAY = date(2026, 11, 20)
NOW = "2026-11-20 10:00:00+08:00"


@freeze_time(NOW)
class DemoLoadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Only the requests that show every state and outcome: ordinary traffic adds nothing to check.
        with freeze_time(NOW):
            cls.summary = demo_load(today=TODAY, scale=0)

    def test_every_status_is_shown(self):
        """A newcomer finds a request in each state of the workflow."""
        self.assertEqual(set(RequestStatus.values), set(InfoRequest.objects.values_list("status", flat=True)))

    def test_every_report_row_is_shown(self):
        """Every result row of section 三 counts at least one closed request."""
        outcomes = set(InfoRequest.objects.exclude(outcome="").values_list("outcome", flat=True))
        self.assertEqual(set(OUTCOME_IDS), outcomes)

    def test_some_open_requests_are_overdue(self):
        overdue = InfoRequest.objects.filter(status__in=OPEN_STATUSES, answer_due_on__lt=TODAY)
        self.assertGreaterEqual(overdue.count(), 2)

    def test_actions_are_dated_in_the_past_year(self):
        """Every timeline entry lies within the year before today, and was recorded on its day."""
        for request in InfoRequest.objects.prefetch_related("events"):
            for event in request.events.all():
                with self.subTest(request=request.tracking_number, event=event.kind):
                    self.assertLess(event.day, TODAY)
                    self.assertGreaterEqual(event.day, date(2025, 11, 20))
                    self.assertLessEqual((event.created_at.date() - event.day).days, 1)

    def test_every_write_is_audited(self):
        events = sum(r.events.count() for r in InfoRequest.objects.all())
        self.assertGreaterEqual(AuditEvent.objects.filter(event__startswith="request.").count(), events)

    def test_tracking_numbers_follow_the_year_they_were_issued_in(self):
        for request in InfoRequest.objects.all():
            with self.subTest(request=request.tracking_number):
                self.assertIn(f"-{timezone.localtime(request.created_at).year}-", request.tracking_number)

    def test_every_reply_has_its_notice(self):
        """Each replied request's 告知书 can be generated, whichever row it counts under."""
        self.client.force_login(User.objects.get(username="head"))
        replied = InfoRequest.objects.filter(agency__code=people.COUNTY[1], replied_on__isnull=False)
        self.assertTrue(replied.exists())
        for request in replied:
            with self.subTest(request=request.tracking_number, outcome=request.outcome):
                response = self.client.get(reverse("staff:notice", kwargs={"pk": request.pk}))
                self.assertEqual(200, response.status_code)

    def test_county_has_a_login_for_each_role(self):
        county = Agency.objects.get(name="乌鲁木齐县人民政府")
        roles = set(county.memberships.values_list("role", flat=True))
        self.assertEqual(set(Role.values), roles)
        self.assertEqual(len(people.CHILDREN), county.children.count())

    def test_demo_password_logs_in(self):
        self.assertIsNotNone(authenticate(username="head", password=people.DEMO_PASSWORD))

    def test_second_load_refuses(self):
        with self.assertRaises(DemoNotLoaded) as caught:
            demo_load(today=TODAY, scale=0)
        self.assertIn(NOT_EMPTY.split("（")[0], str(caught.exception))

    def test_command_on_a_loaded_database_prints_logins(self):
        app = typer.Typer()
        cli_demo.register(app)
        app.command("noop")(lambda: None)  # a group, so the command is called by name
        result = CliRunner().invoke(app, ["demo", "--no-migrate", "--json"])
        self.assertEqual(0, result.exit_code, result.output)
        data = json.loads(result.output)
        self.assertIs(False, data["loaded"])
        self.assertIn("head", [row["username"] for row in data["logins"]])


class DemoPlanTests(TestCase):
    def test_same_seed_same_plans(self):
        """The demo is deterministic: the same seed and day give the same requests and steps."""
        def plans():
            planner = Planner(rng=random.Random(7), calendar=work_calendar(), today=TODAY)
            return demo_plans(planner, ["wlmqx", "wlmqx-fgw"], scale=0.5)

        self.assertEqual(plans(), plans())
