"""``gongkai manage import_holiday_notice FILE``: import a year's official days from the notice text."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.web.calendars.services import calendar_year_import
from gongkai.web.common.errors import ApplicationError


class Command(BaseCommand):
    help = "从国务院办公厅节假日安排通知的文本导入该年的放假和调休上班日期，并重新计算未办结申请的期限"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="通知全文（UTF-8 文本）")

    def handle(self, *args, file: Path, **options):
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"无法读取 {file}：{exc.strerror}") from exc
        try:
            year = calendar_year_import(text=text, source_name=file.name, acting_user=None)
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"已导入{year.year}年节假日安排：{year.days.count()}天")
