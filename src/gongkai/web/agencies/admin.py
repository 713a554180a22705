from django.contrib import admin

from gongkai.web.agencies.models import Agency
from gongkai.web.audit.admin import AuditedModelAdmin


@admin.register(Agency)
class AgencyAdmin(AuditedModelAdmin):
    list_display = ["name", "code", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["parent"]
