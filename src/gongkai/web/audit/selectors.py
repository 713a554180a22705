from django.contrib.contenttypes.models import ContentType
from django.db import models

from gongkai.web.audit.models import AuditEvent


def audit_list_for_object(*, obj: models.Model):
    return AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("created_at", "id")
