"""Writing the audit log. Every service calls ``audit_event`` inside its own transaction."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from gongkai.web.audit.models import AuditEvent

PUBLIC_ACTOR = "公众（网上申请）"


@dataclass(frozen=True)
class SystemActor:
    """An actor that is no person (a management command, the daily deadline catch-up), named in the log."""

    label: str
    is_authenticated = False  # never a user: services store no created_by/actor for it

    def __str__(self) -> str:
        return self.label


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """Dates, Decimals and UUIDs as strings, so JSONField stores the same on SQLite and PostgreSQL."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, default=str))


def audit_event(
    *,
    event: str,
    obj: models.Model,
    acting_user,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
    agency=None,
) -> AuditEvent:
    """Append one event. ``acting_user`` None means the public, a ``SystemActor`` a program;
    ``agency`` scopes the entry."""
    actor = acting_user if getattr(acting_user, "is_authenticated", False) else None
    if actor is not None:
        label = str(actor)
    else:
        label = acting_user.label if isinstance(acting_user, SystemActor) else PUBLIC_ACTOR
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=label,
        event=event,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        agency=agency if agency is not None else getattr(obj, "agency", None),
        before=_jsonable(before),
        after=_jsonable(after),
        data=_jsonable(data) or {},
    )
