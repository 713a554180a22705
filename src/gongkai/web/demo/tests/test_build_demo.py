"""Demo data (issue 3 §9): the seed's county, staff for each role, cases in every state and outcome."""
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from freezegun import freeze_time

from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.models import Membership
from gongkai.web.agencies.models import Agency
from gongkai.web.demo.builder import build_demo
from gongkai.web.requests.constants import OUTCOME_IDS, RequestStatus
from gongkai.web.requests.models import InfoRequest

# The last status a case can reach; archive is random, so it is not required in a small demo.
REQUIRED_STATUSES = set(RequestStatus.values) - {RequestStatus.ARCHIVED}


@freeze_time("2026-11-26 04:00:00")
class BuildDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.summary = build_demo(cases=30, seed=7)

    def test_county_of_the_seed_report_with_its_children(self):
        county = Agency.objects.get(parent=None)
        self.assertEqual(("乌鲁木齐县人民政府", 10), (county.name, county.children.count()))

    def test_every_role_has_a_login(self):
        self.assertEqual(set(Role.values), set(Membership.objects.values_list("role", flat=True)))

    def test_every_status_and_every_outcome_occurs(self):
        self.assertLessEqual(REQUIRED_STATUSES, set(InfoRequest.objects.values_list("status", flat=True)))
        self.assertEqual(set(OUTCOME_IDS), set(InfoRequest.objects.exclude(outcome="").values_list(
            "outcome", flat=True)))

    def test_demo_loads_only_into_an_empty_database(self):
        with self.assertRaises(CommandError):
            call_command("demo", stdout=StringIO())
        out = StringIO()
        call_command("demo", "--if-empty", stdout=out)
        self.assertIn("未载入", out.getvalue())
        self.assertEqual(30, InfoRequest.objects.count())
