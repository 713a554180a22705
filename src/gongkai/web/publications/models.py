"""The 主动公开 catalogue: items, their review, and the 政务新媒体 registry (issue 5)."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from gongkai.web.publications.constants import (
    AccountStatus,
    Category,
    Check,
    CheckResult,
    Disclosure,
    DocumentKind,
    ItemStatus,
    Platform,
    Validity,
)

WITHHELD_NEEDS_REASON = "不予公开时必须写明理由"
VALIDITY_ONLY_FOR_DOCUMENTS = "只有规章和规范性文件有效力状态"
VALIDITY_NEEDS_END = "失效或废止的文件必须填写失效/废止日期"
END_BEFORE_START = "失效/废止日期不能早于施行日期"
SUBCATEGORY_OTHER_AGENCY = "子类属于其他机关"
SUBCATEGORY_OTHER_CATEGORY = "子类不属于所选公开类别"


class SubCategory(models.Model):
    """An agency's own subdivision of one 第二十条 category (e.g. 规范性文件 › 县政府文件)."""

    agency = models.ForeignKey("agencies.Agency", verbose_name="机关", on_delete=models.CASCADE,
                               related_name="publication_subcategories")
    category = models.CharField("公开类别", max_length=2, choices=Category.choices)
    name = models.CharField("子类名称", max_length=60)
    position = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "公开目录子类"
        verbose_name_plural = "公开目录子类"
        ordering = ["category", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "category", "name"], name="subcategory_unique_name"),
            models.CheckConstraint(condition=Q(category__in=Category.values), name="subcategory_category_valid"),
        ]

    def __str__(self) -> str:
        return self.name


class IndexCounter(models.Model):
    """The last 索引号 serial per agency and year; locked while a number is taken."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="index_counter_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"


class Item(models.Model):
    """One piece of government information in the catalogue, from draft to publication.

    The 索引号 is allocated once by ``item_create`` and never changed afterwards.
    """

    agency = models.ForeignKey("agencies.Agency", verbose_name="机关", on_delete=models.PROTECT,
                               related_name="publication_items")
    index_number = models.CharField("索引号", max_length=40, unique=True, editable=False)
    title = models.CharField("标题", max_length=200)
    document_number = models.CharField("文号", max_length=60, blank=True)
    issuer = models.CharField("发布机构", max_length=100)
    written_on = models.DateField("成文日期")
    published_on = models.DateField("发布日期", null=True, blank=True)
    category = models.CharField("公开类别", max_length=2, choices=Category.choices)
    subcategory = models.ForeignKey(SubCategory, verbose_name="子类", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="items")
    topic = models.CharField("主题分类", max_length=60, blank=True)
    document_kind = models.CharField("文件类型", max_length=30, choices=DocumentKind.choices,
                                     default=DocumentKind.OTHER)
    # Only 规章 and 规范性文件 have a validity; see clean().
    validity = models.CharField("效力状态", max_length=20, choices=Validity.choices, blank=True)
    effective_on = models.DateField("施行日期", null=True, blank=True)
    ended_on = models.DateField("失效/废止日期", null=True, blank=True)
    body = models.TextField("正文", blank=True)
    disclosure = models.CharField("公开方式", max_length=20, choices=Disclosure.choices,
                                  default=Disclosure.PROACTIVE)
    withheld_reason = models.TextField("不予公开理由", blank=True)
    status = models.CharField("状态", max_length=20, choices=ItemStatus.choices, default=ItemStatus.DRAFT)
    # Raised on each submission; only the checks of the current round count for approval.
    review_round = models.PositiveSmallIntegerField("审查轮次", default=0)
    revoked_on = models.DateField("撤回日期", null=True, blank=True)
    revoke_reason = models.TextField("撤回理由", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="起草人", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "公开事项"
        verbose_name_plural = "公开事项"
        ordering = ["-published_on", "-written_on", "-pk"]
        indexes = [
            models.Index(fields=["agency", "status", "category"], name="item_catalogue_idx"),
            models.Index(fields=["agency", "status", "published_on"], name="item_recent_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=ItemStatus.values), name="item_status_valid"),
            models.CheckConstraint(condition=Q(category__in=Category.values), name="item_category_valid"),
            models.CheckConstraint(condition=Q(disclosure__in=Disclosure.values), name="item_disclosure_valid"),
            # 第十四条–第十六条: withholding is always reasoned.
            models.CheckConstraint(condition=~Q(disclosure=Disclosure.WITHHELD) | ~Q(withheld_reason=""),
                                   name="item_withheld_has_reason"),
            models.CheckConstraint(
                condition=Q(published_on__isnull=False) | ~Q(status__in=[ItemStatus.PUBLISHED, ItemStatus.REVOKED]),
                name="item_published_has_date"),
            models.CheckConstraint(condition=~Q(status=ItemStatus.REVOKED) | ~Q(revoke_reason=""),
                                   name="item_revoked_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("publications_public:item", kwargs={"agency_code": self.agency.code,
                                                           "index_number": self.index_number})

    def clean(self):
        errors: dict[str, list[ValidationError]] = {}

        def add(field: str, message: str, code: str) -> None:
            errors.setdefault(field, []).append(ValidationError(message, code=code))

        if self.disclosure == Disclosure.WITHHELD and not self.withheld_reason.strip():
            add("withheld_reason", WITHHELD_NEEDS_REASON, "withheld-reason")
        is_document = self.document_kind in (DocumentKind.RULES, DocumentKind.NORMATIVE)
        if self.validity and not is_document:
            add("validity", VALIDITY_ONLY_FOR_DOCUMENTS, "validity-not-document")
        if self.validity in (Validity.EXPIRED, Validity.REPEALED) and self.ended_on is None:
            add("ended_on", VALIDITY_NEEDS_END, "validity-end-missing")
        if self.ended_on and self.effective_on and self.ended_on < self.effective_on:
            add("ended_on", END_BEFORE_START, "validity-end-early")
        if self.subcategory_id is not None:
            sub = self.subcategory
            if sub.agency_id != self.agency_id:
                add("subcategory", SUBCATEGORY_OTHER_AGENCY, "subcategory-agency")
            elif sub.category != self.category:
                add("subcategory", SUBCATEGORY_OTHER_CATEGORY, "subcategory-category")
        if errors:
            raise ValidationError(errors)

    @property
    def is_public(self) -> bool:
        return self.status == ItemStatus.PUBLISHED and self.disclosure == Disclosure.PROACTIVE


def attachment_upload_to(instance: ItemAttachment, filename: str) -> str:
    # The stored name is ours; the original name is kept in the row (never trusted as a path).
    return f"publications/{instance.item.agency_id}/{instance.item_id}/{instance.stored_name}"


class ItemAttachment(models.Model):
    item = models.ForeignKey(Item, verbose_name="公开事项", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("附件", upload_to=attachment_upload_to, max_length=200)
    stored_name = models.CharField(max_length=80)
    name = models.CharField("原文件名", max_length=255)
    size = models.PositiveIntegerField("大小（字节）")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "附件"
        verbose_name_plural = "附件"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class ReviewCheck(models.Model):
    """One recorded judgement on one of the five checks; the latest per check counts."""

    item = models.ForeignKey(Item, verbose_name="公开事项", on_delete=models.CASCADE, related_name="checks")
    check_kind = models.CharField("审查项", max_length=20, choices=Check.choices)
    result = models.CharField("结论", max_length=10, choices=CheckResult.choices)
    note = models.TextField("意见", blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="审查人", on_delete=models.PROTECT,
                                 related_name="+")
    round = models.PositiveSmallIntegerField("审查轮次")
    created_at = models.DateTimeField("审查时间", auto_now_add=True)

    class Meta:
        verbose_name = "保密审查记录"
        verbose_name_plural = "保密审查记录"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=Q(check_kind__in=Check.values), name="reviewcheck_kind_valid"),
            models.CheckConstraint(condition=Q(result__in=CheckResult.values), name="reviewcheck_result_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} {self.get_check_kind_display()} {self.get_result_display()}"


class NewMediaAccount(models.Model):
    """A 政务新媒体 account an agency runs (its count goes into the report's 一（四）)."""

    agency = models.ForeignKey("agencies.Agency", verbose_name="机关", on_delete=models.PROTECT,
                               related_name="newmedia_accounts")
    platform = models.CharField("平台", max_length=20, choices=Platform.choices)
    name = models.CharField("账号名称", max_length=100)
    operator = models.CharField("运营主体", max_length=100)
    status = models.CharField("状态", max_length=20, choices=AccountStatus.choices, default=AccountStatus.ACTIVE)
    opened_on = models.DateField("开设日期", null=True, blank=True)
    closed_on = models.DateField("关停日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政务新媒体账号"
        verbose_name_plural = "政务新媒体账号"
        ordering = ["platform", "name"]
        constraints = [
            models.UniqueConstraint(fields=["platform", "name"], name="newmedia_unique_account"),
            models.CheckConstraint(condition=Q(platform__in=Platform.values), name="newmedia_platform_valid"),
            models.CheckConstraint(condition=Q(status__in=AccountStatus.values), name="newmedia_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}：{self.name}"
