from django.db import models
from django.db.models import F, Q

from gongkai.web.agencies.constants import AgencyKind


class Agency(models.Model):
    """A body that answers requests in its own name (条例 第二十七条), within one hierarchy."""

    name = models.CharField("名称", max_length=100, unique=True)
    short_name = models.CharField("简称", max_length=40, blank=True)
    # Stable code for URLs and tracking numbers; upper-case letters and digits.
    code = models.SlugField("代码", max_length=20, unique=True, allow_unicode=False)
    kind = models.CharField("类型", max_length=20, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级机关", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    address = models.CharField("受理地址", max_length=200, blank=True)
    phone = models.CharField("咨询电话", max_length=40, blank=True)
    is_active = models.BooleanField("受理申请", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "行政机关"
        verbose_name_plural = "行政机关"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="agency_not_own_parent"),
            models.CheckConstraint(condition=Q(kind__in=AgencyKind.values), name="agency_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name
