from django.contrib import admin
from django.forms.models import model_to_dict

from gongkai.web.audit.models import AuditEvent
from gongkai.web.audit.services import audit_event


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the log is evidence."""

    list_display = ["created_at", "actor_label", "event", "object_repr", "agency"]
    list_filter = ["event"]
    search_fields = ["object_repr", "actor_label", "event"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedModelAdmin(admin.ModelAdmin):
    """Setup done in the admin (agencies, roles) is logged like any service write.

    Events are ``<model>.created`` / ``.changed`` / ``.deleted`` with the field values before and after.
    """

    def _event(self, obj, action: str) -> str:
        return f"{obj._meta.model_name}.{action}"

    def save_model(self, request, obj, form, change):
        before = model_to_dict(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        audit_event(event=self._event(obj, "changed" if change else "created"), obj=obj,
                    acting_user=request.user, before=before, after=model_to_dict(obj),
                    agency=obj if obj._meta.model_name == "agency" else getattr(obj, "agency", None))

    def delete_model(self, request, obj):
        audit_event(event=self._event(obj, "deleted"), obj=obj, acting_user=request.user,
                    before=model_to_dict(obj), agency=getattr(obj, "agency", None))
        super().delete_model(request, obj)
