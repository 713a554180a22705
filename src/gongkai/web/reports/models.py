from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from gongkai.web.reports.constants import AppealKind, AppealResult, ReportEdition, ReportStatus

REPORT_PUBLISHED_IMMUTABLE = "已发布的年度报告不能修改；如需更正，请新建更正版本"


class ReportDraft(models.Model):
    """One version of one agency's annual report for one year, from first draft to publication.

    Section 三 and 四 are never stored while the report is open: they are computed from the
    cases and appeal records each time (selectors.report_build). Publishing freezes everything:
    the rendered files and the JSON data are stored, and the row is never written again.
    """

    agency = models.ForeignKey("agencies.Agency", verbose_name="机关", on_delete=models.PROTECT,
                               related_name="report_drafts")
    year = models.PositiveSmallIntegerField("报告年度")
    version = models.PositiveSmallIntegerField("版本", default=1)
    edition = models.CharField("格式", max_length=8, choices=ReportEdition.choices)
    status = models.CharField("状态", max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)

    overview = models.TextField("一、总体情况", blank=True)
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other = models.TextField("六、其他需要报告的事项", blank=True)
    # Section 二 as entered or imported: {table id: {row id: {column id: number or null}}}, spec ids.
    figures = models.JSONField("主动公开数据", default=dict, blank=True)

    # The findings of the last validation (Finding.to_dict() each); refreshed on every save.
    findings = models.JSONField("检查结果", default=list, blank=True)
    warning_explanation = models.TextField("警告说明", blank=True)
    review_comment = models.TextField("审核意见", blank=True)

    corrects = models.ForeignKey("self", verbose_name="更正的版本", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="corrections")
    correction_note = models.TextField("更正说明", blank=True)

    submitted_at = models.DateTimeField("报送时间", null=True, blank=True)
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    # The published files, byte for byte as first served (never regenerated).
    published_json = models.TextField("发布的数据（JSON）", blank=True)
    published_html = models.TextField("发布的网页", blank=True)
    published_docx = models.BinaryField("发布的 Word 文件", blank=True, default=b"")
    published_xlsx = models.BinaryField("发布的 Excel 文件", blank=True, default=b"")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "年度报告"
        verbose_name_plural = "年度报告"
        ordering = ["agency", "year", "version"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "version"], name="report_version_unique"),
            # At most one version of a year is still being worked on; the others are published.
            models.UniqueConstraint(fields=["agency", "year"], condition=~Q(status=ReportStatus.PUBLISHED),
                                    name="report_one_open_version"),
            models.CheckConstraint(condition=Q(status__in=ReportStatus.values), name="report_status_valid"),
            models.CheckConstraint(condition=Q(edition__in=ReportEdition.values), name="report_edition_valid"),
            models.CheckConstraint(condition=Q(version__gte=1), name="report_version_positive"),
            # A correction names the version it corrects and says why (条例 第四十九条 report, corrected).
            models.CheckConstraint(
                condition=Q(version=1, corrects__isnull=True)
                | (Q(version__gt=1, corrects__isnull=False) & ~Q(correction_note="")),
                name="report_correction_noted"),
            models.CheckConstraint(condition=~Q(status=ReportStatus.PUBLISHED) | ~Q(published_json=""),
                                   name="report_published_has_data"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告（第{self.version}版）"

    def save(self, *args, **kwargs):
        # NOTE: a guard below the services too: nothing may rewrite a report once published.
        if self._loaded_status == ReportStatus.PUBLISHED:
            raise PermissionError(REPORT_PUBLISHED_IMMUTABLE)
        super().save(*args, **kwargs)
        self._loaded_status = self.status

    def delete(self, *args, **kwargs):
        if self._loaded_status == ReportStatus.PUBLISHED:
            raise PermissionError(REPORT_PUBLISHED_IMMUTABLE)
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_status = instance.__dict__.get("status")
        return instance

    _loaded_status: str | None = None

    @property
    def is_published(self) -> bool:
        return self._loaded_status == ReportStatus.PUBLISHED


class AppealRecord(models.Model):
    """A 行政复议 or 行政诉讼 against the answer to a request; section 四 counts these by result."""

    request = models.ForeignKey("requests.InfoRequest", verbose_name="申请", on_delete=models.PROTECT,
                                related_name="appeals")
    # The request's agency, copied so section 四 is one indexed query per agency.
    agency = models.ForeignKey("agencies.Agency", verbose_name="被申请机关", on_delete=models.PROTECT,
                               related_name="appeals")
    kind = models.CharField("类型", max_length=20, choices=AppealKind.choices)
    body = models.CharField("复议机关或法院", max_length=100)
    filed_on = models.DateField("申请复议或起诉之日")
    decided_on = models.DateField("审结之日", null=True, blank=True)
    result = models.CharField("结果", max_length=20, choices=AppealResult.choices, default="pending")
    note = models.TextField("说明", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "行政复议、行政诉讼"
        verbose_name_plural = "行政复议、行政诉讼"
        ordering = ["filed_on", "id"]
        indexes = [models.Index(fields=["agency", "filed_on"], name="appeal_agency_filed_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=AppealKind.values), name="appeal_kind_valid"),
            models.CheckConstraint(condition=Q(result__in=AppealResult.values), name="appeal_result_valid"),
            # Pending exactly while there is no decision date.
            models.CheckConstraint(condition=Q(result="pending", decided_on__isnull=True)
                                   | (~Q(result="pending") & Q(decided_on__isnull=False)),
                                   name="appeal_pending_undecided"),
            models.CheckConstraint(condition=Q(decided_on__isnull=True) | Q(decided_on__gte=F("filed_on")),
                                   name="appeal_decided_after_filed"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.body} · {self.filed_on}"


class ImportedReport(models.Model):
    """A published report read from a file, for a year (or an agency) not on the platform.

    It serves as the previous year's report for R7/R8; ``data`` is the core's JSON shape.
    """

    agency = models.ForeignKey("agencies.Agency", verbose_name="机关", on_delete=models.PROTECT,
                               related_name="imported_reports")
    year = models.PositiveSmallIntegerField("报告年度")
    source = models.CharField("来源文件", max_length=255)
    data = models.JSONField("报告数据")
    findings = models.JSONField("检查结果", default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="导入人", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "导入的年度报告"
        verbose_name_plural = "导入的年度报告"
        ordering = ["agency", "year", "-created_at"]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度报告（导入：{self.source}）"
