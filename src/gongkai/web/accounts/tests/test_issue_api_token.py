"""``gongkai manage issue_api_token <username>``: a staff API token, printed once (issue 3 §8)."""
from io import StringIO

import typer
from django.core.management import CommandError, call_command
from django.test import TestCase
from typer.testing import CliRunner

from gongkai.cli_web import register
from gongkai.web.accounts.constants import Role
from gongkai.web.accounts.management.commands.issue_api_token import ACTOR, USER_INACTIVE, USER_NOT_FOUND
from gongkai.web.accounts.models import ApiToken
from gongkai.web.accounts.services import api_token_hash
from gongkai.web.audit.models import AuditEvent
from gongkai.web.tests.factories import AgencyFactory, staff


class IssueApiTokenCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = staff(AgencyFactory(), Role.HANDLER)

    def _issue(self, *args) -> tuple[str, str]:
        out, err = StringIO(), StringIO()
        call_command("issue_api_token", *args, stdout=out, stderr=err)
        return out.getvalue().strip(), err.getvalue()

    def test_prints_the_token_alone_on_stdout_and_stores_only_its_hash(self):
        key, notice = self._issue(self.user.username, "--name", "档案系统对接")
        token = ApiToken.objects.get(user=self.user)
        self.assertTrue(key.startswith("gk_"))
        self.assertEqual((api_token_hash(key), "档案系统对接", key[:8]), (token.key_hash, token.name, token.prefix))
        self.assertIn("只显示这一次", notice)
        self.assertNotIn(key, notice)

    def test_the_token_opens_the_staff_api(self):
        key, _notice = self._issue(self.user.username)
        response = self.client.get("/api/staff/requests", HTTP_AUTHORIZATION=f"Bearer {key}")
        self.assertEqual(200, response.status_code)

    def test_issuing_is_audited_as_the_command(self):
        self._issue(self.user.username)
        entry = AuditEvent.objects.get(event="api_token.created")
        self.assertEqual((ACTOR.label, None), (entry.actor_label, entry.actor))

    def test_each_call_issues_a_new_token(self):
        first, _ = self._issue(self.user.username)
        second, _ = self._issue(self.user.username)
        self.assertNotEqual(first, second)
        self.assertEqual(2, ApiToken.objects.filter(user=self.user).count())

    def test_unknown_user_is_refused_in_chinese(self):
        with self.assertRaisesMessage(CommandError, USER_NOT_FOUND % {"username": "nobody"}):
            self._issue("nobody")
        self.assertFalse(ApiToken.objects.exists())

    def test_inactive_user_gets_no_token(self):
        self.user.is_active = False
        self.user.save()
        with self.assertRaisesMessage(CommandError, USER_INACTIVE % {"username": self.user.username}):
            self._issue(self.user.username)

    def test_help_is_in_chinese_through_gongkai_manage(self):
        app = typer.Typer()
        register(app)
        result = CliRunner().invoke(app, ["manage", "issue_api_token", "--help"])
        self.assertEqual(0, result.exit_code, result.output)
        for text in ("签发", "只在此时显示一次", "工作人员的用户名", "--name"):
            self.assertIn(text, result.output)
