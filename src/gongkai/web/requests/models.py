from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from gongkai.identity import IdentityNumberError, validate_credit_code, validate_resident_id
from gongkai.masking import mask_id_number, mask_phone
from gongkai.web.requests.attachments import attachment_upload_to
from gongkai.web.requests.constants import (
    CLOSED_STATUSES,
    NATURAL_PERSON,
    PAUSED_STATUSES,
    UNRECEIVED_STATUSES,
    ApplicantType,
    Delivery,
    IdType,
    InfoForm,
    RequestChannel,
    RequestEventKind,
    RequestOutcome,
    RequestStatus,
)

CONTACT_MISSING = "请至少填写一种联系方式：电话、电子邮箱或通信地址（第二十九条）"
ADDRESS_NEEDED = "选择邮寄获取信息时，必须填写通信地址"
EMAIL_NEEDED = "选择以电子邮件获取信息时，必须填写电子邮箱"
CREDIT_CODE_FOR_PERSON = "自然人不能以统一社会信用代码作为身份证明"


class InfoRequest(models.Model):
    """A request for government information (依申请公开), from receipt to archive.

    Due dates are cached here for sorting and lists only: they are recomputed from the
    request's events by ``deadlines.refresh_due_dates`` on every event, never typed in.
    """

    agency = models.ForeignKey("agencies.Agency", verbose_name="受理机关", on_delete=models.PROTECT,
                               related_name="requests")
    tracking_number = models.CharField("申请编号", max_length=40, unique=True)
    # HMAC of tracking number and code; the code itself is shown once, on the receipt.
    query_code_hash = models.CharField(max_length=64)
    channel = models.CharField("申请方式", max_length=20, choices=RequestChannel.choices)

    applicant_type = models.CharField("申请人类型", max_length=20, choices=ApplicantType.choices)
    applicant_name = models.CharField("申请人名称", max_length=100)
    id_type = models.CharField("证件类型", max_length=20, choices=IdType.choices)
    id_number = models.CharField("证件号码", max_length=40)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postal_code = models.CharField("邮政编码", max_length=6, blank=True)

    description = models.TextField("所需信息的名称、文号或其他特征描述")
    info_form = models.CharField("信息的载体形式", max_length=20, choices=InfoForm.choices)
    delivery = models.CharField("获取信息的方式", max_length=20, choices=Delivery.choices)

    # The applicant's optional attachment (identity papers, a power of attorney); see requests.attachments.
    attachment = models.FileField("附件", upload_to=attachment_upload_to, max_length=200, blank=True)
    attachment_name = models.CharField("附件原文件名", max_length=255, blank=True)
    attachment_size = models.PositiveIntegerField("附件大小（字节）", null=True, blank=True)
    attachment_content_type = models.CharField("附件类型", max_length=100, blank=True)

    # Receipt facts (第三十一条); which one counts depends on the channel.
    handed_in_on = models.DateField("当面提交日", null=True, blank=True)
    post_signature_required = models.BooleanField("邮件需签收", default=False)
    signed_for_on = models.DateField("签收日", null=True, blank=True)
    confirmed_on = models.DateField("双方确认日", null=True, blank=True)
    received_on = models.DateField("收到申请之日", null=True, blank=True, db_index=True)

    status = models.CharField("状态", max_length=30, choices=RequestStatus.choices,
                              default=RequestStatus.SUBMITTED)
    outcome = models.CharField("办理结果", max_length=40, choices=RequestOutcome.choices, blank=True)

    # Cache of deadlines.refresh_due_dates(); see the class docstring.
    answer_due_on = models.DateField("答复期限", null=True, blank=True)
    answer_due_provisional = models.BooleanField("答复期限为暂定", default=False)
    correction_notice_due_on = models.DateField("补正告知期限", null=True, blank=True)
    # The day the cache was computed for: a running pause makes it stale the next day.
    deadlines_as_of = models.DateField("期限计算日", null=True, blank=True)

    replied_on = models.DateField("答复日", null=True, blank=True)
    closed_on = models.DateField("办结日", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["agency", "status", "answer_due_on"], name="request_worklist_idx"),
            # Finds the paused cases whose cached due date is from an earlier day (one cheap query per
            # page). NOTE: not a partial index on the paused statuses: the ORM binds the statuses as
            # parameters, and SQLite cannot prove a partial index's condition from parameters.
            models.Index(fields=["status", "deadlines_as_of"], name="request_status_asof_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=RequestStatus.values), name="request_status_valid"),
            models.CheckConstraint(condition=Q(outcome="") | Q(outcome__in=RequestOutcome.values),
                                   name="request_outcome_valid"),
            models.CheckConstraint(condition=Q(channel__in=RequestChannel.values), name="request_channel_valid"),
            models.CheckConstraint(condition=Q(applicant_type__in=ApplicantType.values),
                                   name="request_applicant_type_valid"),
            # A reply always counts under one report row; only closed requests have one.
            models.CheckConstraint(condition=~Q(status=RequestStatus.REPLIED) | ~Q(outcome=""),
                                   name="request_replied_has_outcome"),
            models.CheckConstraint(condition=Q(outcome="") | Q(status__in=sorted(CLOSED_STATUSES)),
                                   name="request_outcome_only_when_closed"),
            # Past the online confirmation every request has its day of receipt (第三十一条).
            models.CheckConstraint(condition=Q(received_on__isnull=False) | Q(status__in=sorted(UNRECEIVED_STATUSES)),
                                   name="request_received_on_known"),
            # An attachment is stored with its original name and size, or not at all.
            models.CheckConstraint(
                condition=(Q(attachment="") & Q(attachment_name="") & Q(attachment_size__isnull=True))
                | (~Q(attachment="") & ~Q(attachment_name="") & Q(attachment_size__gt=0)),
                name="request_attachment_complete"),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    def clean(self):
        errors: dict[str, list[ValidationError]] = {}
        try:
            self.id_number = _checked_id_number(self.id_type, self.id_number)
        except IdentityNumberError as exc:
            errors.setdefault("id_number", []).append(ValidationError(exc.message, code=exc.code))
        if self.applicant_type == NATURAL_PERSON and self.id_type == IdType.CREDIT_CODE:
            errors.setdefault("id_type", []).append(ValidationError(CREDIT_CODE_FOR_PERSON, code="id-type"))
        if not (self.phone or self.email or self.address):
            errors.setdefault("phone", []).append(ValidationError(CONTACT_MISSING, code="contact-missing"))
        if self.delivery == Delivery.POST and not self.address:
            errors.setdefault("address", []).append(ValidationError(ADDRESS_NEEDED, code="address-needed"))
        if self.delivery == Delivery.EMAIL and not self.email:
            errors.setdefault("email", []).append(ValidationError(EMAIL_NEEDED, code="email-needed"))
        if errors:
            raise ValidationError(errors)

    @property
    def id_number_masked(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    @property
    def is_open(self) -> bool:
        return self.received_on is not None and self.status not in CLOSED_STATUSES


def _checked_id_number(id_type: str, number: str) -> str:
    if id_type == IdType.RESIDENT_ID:
        return validate_resident_id(number)
    if id_type == IdType.CREDIT_CODE:
        return validate_credit_code(number)
    return number.strip()


class RequestEvent(models.Model):
    """One entry of a request's timeline. ``day`` is the legal date of the fact (e.g. receipt)."""

    request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField("事件", max_length=40, choices=RequestEventKind.choices)
    day = models.DateField("日期")
    status_before = models.CharField(max_length=30, choices=RequestStatus.choices, blank=True)
    status_after = models.CharField(max_length=30, choices=RequestStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    note = models.TextField("说明", blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=RequestEventKind.values), name="request_event_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.get_kind_display()}"


class TrackingCounter(models.Model):
    """The last tracking number issued per agency and year; locked while a number is taken."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="tracking_counter_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last}"
