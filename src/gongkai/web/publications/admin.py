"""Read-only admin views: every write goes through the services (audit trail)."""
from django.contrib import admin

from gongkai.web.publications.models import Item, NewMediaAccount, ReviewCheck, SubCategory


class _ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Item)
class ItemAdmin(_ReadOnly):
    list_display = ("index_number", "title", "agency", "category", "status", "published_on")
    list_filter = ("status", "category")
    search_fields = ("index_number", "title")


admin.site.register(ReviewCheck, _ReadOnly)
admin.site.register(NewMediaAccount, _ReadOnly)
admin.site.register(SubCategory)
