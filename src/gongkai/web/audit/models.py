from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models

AUDIT_APPEND_ONLY = "审计记录只能追加，不能修改或删除"


class AuditEventQuerySet(models.QuerySet):
    """Bulk update and delete would rewrite history; refuse them at the ORM level too."""

    def update(self, **kwargs):
        raise PermissionError(AUDIT_APPEND_ONLY)

    def delete(self):
        raise PermissionError(AUDIT_APPEND_ONLY)


class AuditEvent(models.Model):
    """Who did what to which object, when, with the state before and after. Append-only."""

    # Null for the public (an applicant submitting online has no account).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    # The name at the time of the event, so the log reads right after a rename.
    actor_label = models.CharField("操作人名称", max_length=100)
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    event = models.CharField("事件", max_length=60, db_index=True)  # dotted slug, "request.registered"
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=40)
    object_repr = models.CharField("对象", max_length=200)
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name="机关", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    before = models.JSONField("修改前", null=True, blank=True)
    after = models.JSONField("修改后", null=True, blank=True)
    data = models.JSONField("附加信息", default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.event} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError(AUDIT_APPEND_ONLY)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(AUDIT_APPEND_ONLY)
