from django import forms
from django.contrib import admin

from gongkai.web.calendars.models import CalendarYear, OfficialDay
from gongkai.web.calendars.services import calendar_notice_read, calendar_year_delete, calendar_year_import
from gongkai.web.common.errors import ApplicationError


class OfficialDayInline(admin.TabularInline):
    model = OfficialDay
    extra = 0
    can_delete = False
    readonly_fields = ["day", "kind", "name"]

    def has_add_permission(self, request, obj=None):
        return False


class CalendarYearForm(forms.ModelForm):
    class Meta:
        model = CalendarYear
        fields = ["source_name", "notice_text"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("notice_text"):
            try:
                calendar_notice_read(text=cleaned["notice_text"], source_name=cleaned.get("source_name") or "")
            except ApplicationError as exc:
                raise forms.ValidationError(exc.message, code=exc.code) from exc
        return cleaned


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    """Paste the notice to add a year; the days are read from it, never typed one by one."""

    form = CalendarYearForm
    list_display = ["year", "source_name", "imported_at", "imported_by"]
    inlines = [OfficialDayInline]

    def has_change_permission(self, request, obj=None):
        return obj is None  # an imported year is corrected by deleting and importing again

    def save_model(self, request, obj, form, change):
        created = calendar_year_import(text=obj.notice_text, source_name=obj.source_name, acting_user=request.user)
        obj.pk, obj.year = created.pk, created.year  # the admin redirects and logs with this object

    def save_related(self, request, form, formsets, change):
        pass  # the service wrote the days

    def delete_model(self, request, obj):
        calendar_year_delete(calendar_year=obj, acting_user=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            calendar_year_delete(calendar_year=obj, acting_user=request.user)
