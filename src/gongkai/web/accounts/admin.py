from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.forms.models import model_to_dict

from gongkai.web.accounts.models import ApiToken, Membership, User
from gongkai.web.audit.admin import AuditedModelAdmin
from gongkai.web.audit.services import audit_event


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["agency"]


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("姓名", {"fields": ("display_name",)}),)
    list_display = ["username", "display_name", "is_active", "is_staff"]
    inlines = [MembershipInline]

    def save_formset(self, request, form, formset, change):
        """Roles granted or removed on the user page are logged like those on the membership page."""
        if formset.model is not Membership:
            return super().save_formset(request, form, formset, change)
        # Logged before saving: a deleted row has no primary key afterwards.
        for removed in (f.instance for f in formset.deleted_forms if f.instance.pk):
            audit_event(event="membership.deleted", obj=removed, acting_user=request.user,
                        before=model_to_dict(removed))
        super().save_formset(request, form, formset, change)
        for membership in formset.new_objects:
            audit_event(event="membership.created", obj=membership, acting_user=request.user,
                        after=model_to_dict(membership))
        for membership, _fields in formset.changed_objects:
            audit_event(event="membership.changed", obj=membership, acting_user=request.user,
                        after=model_to_dict(membership))


@admin.register(Membership)
class MembershipAdmin(AuditedModelAdmin):
    list_display = ["user", "agency", "role"]
    list_filter = ["role", "agency"]
    autocomplete_fields = ["user", "agency"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued with ``api_token_create`` (the key is shown once); the admin lists and revokes."""

    list_display = ["user", "name", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["user", "name", "prefix", "key_hash", "created_at"]

    def has_add_permission(self, request):
        return False
