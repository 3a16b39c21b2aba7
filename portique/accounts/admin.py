"""The Django admin, for administrators: officers and their roles through the
services (so each change is audited), everything else read-only."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import services
from .choices import Language, OfficerRole, Role
from .models import AuditEvent, RepresentativeProfile, User


class OfficerCreationForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(label=_("Roles"), choices=OfficerRole.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "preferred_language"]


class OfficerRolesForm(forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("Officer roles"), choices=OfficerRole.choices, widget=forms.CheckboxSelectMultiple, required=False
    )

    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["roles"].initial = list(
                self.instance.groups.filter(name__in=OfficerRole.values).values_list("name", flat=True)
            )


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Accounts. New accounts here are officers (applicants and representatives sign up themselves)."""

    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "role", "is_active", "date_joined"]
    list_filter = ["role", "is_active", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    readonly_fields = ["email", "role", "last_login", "date_joined"]
    form = OfficerRolesForm
    add_form = OfficerCreationForm
    add_form_template = "admin/change_form.html"
    fieldsets = [
        (None, {"fields": ["email", "role", "first_name", "last_name", "preferred_language", "is_active"]}),
        (_("Officer roles"), {"fields": ["roles"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "first_name", "last_name", "preferred_language", "roles"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        if obj.role != Role.OFFICER:
            return [self.fieldsets[0], self.fieldsets[2]]
        return self.fieldsets

    def has_delete_permission(self, request, obj=None):
        return False  # accounts are deactivated, never deleted: the audit log refers to them

    def save_model(self, request: HttpRequest, obj: User, form, change: bool) -> None:
        if change:
            obj.save(update_fields=["first_name", "last_name", "preferred_language"])
            if "is_active" in form.changed_data:
                # Through the service, so that (de)activating an account is audited.
                services.account_set_active(
                    actor=request.user, user=obj, active=form.cleaned_data["is_active"], request=request
                )
            return
        try:
            officer, _url = services.officer_create(
                actor=request.user,
                email=form.cleaned_data["email"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                language=form.cleaned_data.get("preferred_language") or Language.ENGLISH,
                roles=form.cleaned_data["roles"],
                request=request,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            raise
        obj.pk = officer.pk
        obj._state.adding = False
        messages.info(request, _("The officer has been sent an e-mail with a link to choose a password."))

    def save_related(self, request, form, formsets, change):
        # Groups are set by the services only, so every role change is audited.
        if change and form.instance.role == Role.OFFICER and "roles" in form.cleaned_data:
            services.officer_set_roles(
                actor=request.user, officer=form.instance, roles=form.cleaned_data["roles"], request=request
            )


# The role groups and their permissions come from a migration (0003_officer_role_groups):
# changing a group's permissions here would change what every officer of that role may do
# without an audit row. Roles are given to officers on the account page, through the
# audited service; the groups are shown, never edited, even to a superuser.
admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(DjangoGroupAdmin):
    readonly_fields = ["name", "permissions"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RepresentativeProfile)
class RepresentativeProfileAdmin(admin.ModelAdmin):
    """Read-only here: officers verify or refuse on the portal's review page (through the service)."""

    list_display = ["user", "membership_body", "membership_number", "status", "created_at", "decided_at"]
    list_filter = ["status", "membership_body"]
    search_fields = ["user__email", "membership_number", "organisation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "kind", "subject_email", "actor_email", "ip"]
    list_filter = ["kind"]
    search_fields = ["subject_email", "actor_email", "ip"]
    date_hierarchy = "occurred_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
