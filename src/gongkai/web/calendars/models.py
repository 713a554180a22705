from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.web.calendars.constants import DayKind


class CalendarYear(models.Model):
    """A year's official days, imported from the text of the State Council's notice (issue 3 §2).

    Years the packaged national calendar (chinesecalendar) already knows may be imported too,
    but only if they agree with it day for day.
    """

    year = models.PositiveSmallIntegerField("年份", unique=True)
    source_name = models.CharField("来源", max_length=200)
    notice_text = models.TextField("通知原文")
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="导入人", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "年度节假日安排"
        verbose_name_plural = "年度节假日安排"
        ordering = ["-year"]
        constraints = [models.CheckConstraint(condition=Q(year__gte=2004), name="calendar_year_from_2004")]

    def __str__(self) -> str:
        return f"{self.year}年节假日安排"


class OfficialDay(models.Model):
    """One day off (放假) or make-up working day (调休上班) of an imported notice."""

    calendar_year = models.ForeignKey(CalendarYear, on_delete=models.CASCADE, related_name="days")
    day = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=DayKind.choices)
    name = models.CharField("节日", max_length=40)

    class Meta:
        verbose_name = "法定日期"
        verbose_name_plural = "法定日期"
        ordering = ["day"]
        constraints = [models.CheckConstraint(condition=Q(kind__in=DayKind.values), name="official_day_kind_valid")]

    def __str__(self) -> str:
        return f"{self.day} {self.name}{self.get_kind_display()}"
