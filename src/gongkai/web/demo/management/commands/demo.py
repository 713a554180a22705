"""``gongkai manage demo`` (and ``gongkai demo``): load the demo county, staff and a year of cases."""
from django.core.management.base import BaseCommand, CommandError

from gongkai.web.agencies.models import Agency
from gongkai.web.demo.builder import build_demo
from gongkai.web.demo.people import DEMO_PASSWORD
from gongkai.web.requests.constants import RequestStatus


class Command(BaseCommand):
    help = "载入演示数据：乌鲁木齐县及其部门、乡镇，各岗位工作人员，一年的申请案件"

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="数据库已有机关时不做任何事（供 make run 使用）")
        parser.add_argument("--cases", type=int, default=240, help="案件数量（默认 240）")
        parser.add_argument("--seed", type=int, default=2026, help="随机种子")

    def handle(self, *args, if_empty: bool, cases: int, seed: int, **options):
        if Agency.objects.exists():
            if if_empty:
                self.stdout.write("数据库中已有数据，未载入演示数据")
                return
            raise CommandError("数据库中已有机关，演示数据只能载入空数据库（可用 --if-empty 跳过）")
        summary = build_demo(cases=cases, seed=seed)
        self.stdout.write(f"已载入演示数据：{summary.agencies}个机关，{summary.cases}件申请")
        for status in RequestStatus.values:
            self.stdout.write(f"  {RequestStatus(status).label}：{summary.by_status.get(status, 0)}")
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, what in summary.users:
            self.stdout.write(f"  {username:<20} {what}")
