"""``gongkai manage issue_api_token <username>``: a bearer token for the staff REST API, shown once."""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gongkai.web.accounts.services import api_token_create
from gongkai.web.audit.services import SystemActor

ACTOR = SystemActor("系统（manage issue_api_token）")
USER_NOT_FOUND = "没有用户名为“%(username)s”的工作人员"
USER_INACTIVE = "工作人员“%(username)s”已停用，不能签发令牌"
ISSUED = "已为%(user)s签发 API 令牌（用途：%(name)s，前缀 %(prefix)s）。令牌只显示这一次，请妥善保存："


class Command(BaseCommand):
    help = (
        "为工作人员签发一个 REST API 令牌（Bearer），令牌只在此时显示一次，数据库只保存其摘要。"
        "调用 API 时在请求头中写 “Authorization: Bearer <令牌>”；令牌的权限与该人员在各机关的岗位相同。"
        "吊销令牌请在管理后台操作。示例：gongkai manage issue_api_token zhangsan --name 档案系统对接"
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="工作人员的用户名")
        parser.add_argument("--name", default="命令行签发", help="令牌用途，显示在管理后台以区分多个令牌（默认：命令行签发）")

    def handle(self, *args, username: str, name: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(USER_NOT_FOUND % {"username": username})
        if not user.is_active:
            raise CommandError(USER_INACTIVE % {"username": username})
        new = api_token_create(user=user, name=name, acting_user=ACTOR)
        # The notice goes to stderr, the token alone to stdout: `... > token.txt` keeps only the key.
        self.stderr.write(ISSUED % {"user": user, "name": new.token.name, "prefix": new.token.prefix})
        self.stdout.write(new.key)
