"""``gongkai manage refresh_deadlines``: recompute open requests' cached due dates (run daily).

A consultation or fee wait still running counts until today, so those cases' due dates move
each day. The staff pages and the API catch up on their own (``request_deadlines_catch_up``,
once a day); this command stays for cron, for whatever reads the table directly (the admin, reports).
"""
from django.core.management.base import BaseCommand

from gongkai.web.audit.services import SystemActor
from gongkai.web.requests.services import request_refresh_open_deadlines

ACTOR = SystemActor("系统（manage refresh_deadlines）")


class Command(BaseCommand):
    help = "重新计算所有未办结申请的答复期限（建议每日运行）"

    def add_arguments(self, parser):
        parser.add_argument("--reason", default="每日重新计算期限", help="写入审计记录的原因")

    def handle(self, *args, reason: str, **options):
        moved = request_refresh_open_deadlines(acting_user=ACTOR, reason=reason)
        self.stdout.write(f"已重新计算期限，{moved}件申请的期限有变化")
