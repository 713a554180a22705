from django.contrib import admin

from gongkai.web.reports.models import AppealRecord, ImportedReport, ReportDraft


@admin.register(ReportDraft)
class ReportDraftAdmin(admin.ModelAdmin):
    """Read-only: every change goes through the services (workflow, validation, audit)."""

    list_display = ("agency", "year", "version", "edition", "status", "updated_at")
    list_filter = ("status", "edition", "year")
    exclude = ("published_docx", "published_xlsx")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AppealRecord)
class AppealRecordAdmin(admin.ModelAdmin):
    list_display = ("request", "agency", "kind", "body", "filed_on", "decided_on", "result")
    list_filter = ("kind", "result")
    raw_id_fields = ("request",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(ImportedReport)
class ImportedReportAdmin(admin.ModelAdmin):
    list_display = ("agency", "year", "source", "created_at")

    def has_change_permission(self, request, obj=None):
        return False
