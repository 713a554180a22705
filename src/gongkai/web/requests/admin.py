from django.contrib import admin

from gongkai.web.requests.models import InfoRequest, RequestEvent


class RequestEventInline(admin.TabularInline):
    model = RequestEvent
    extra = 0
    can_delete = False
    fields = ["day", "kind", "status_before", "status_after", "actor", "note", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(InfoRequest)
class InfoRequestAdmin(admin.ModelAdmin):
    """Read-only in the admin: requests change only through the services (and their audit log)."""

    list_display = ["tracking_number", "agency", "status", "outcome", "received_on", "answer_due_on"]
    list_filter = ["status", "channel", "agency"]
    search_fields = ["tracking_number", "applicant_name"]
    date_hierarchy = "received_on"
    exclude = ["query_code_hash"]
    inlines = [RequestEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
