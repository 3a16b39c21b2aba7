"""Triage's switch per program, for administrators: each change through the service, audited."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portique.rules.programs import registry

from . import triage
from .triage_models import TriageSwitch, TriageSwitchChange


class TriageSwitchForm(forms.ModelForm):
    program = forms.ChoiceField(label=_("Program"), choices=())
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}))

    class Meta:
        model = TriageSwitch
        fields = ["program", "enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].choices = [
            (code, registry.program(code).name(get_language() or "en")) for code in registry.codes()
        ]


@admin.register(TriageSwitch)
class TriageSwitchAdmin(admin.ModelAdmin):
    form = TriageSwitchForm
    list_display = ["program", "enabled", "changed_by", "changed_at"]

    def has_module_permission(self, request):
        return triage.is_administrator(request.user)

    def has_view_permission(self, request, obj=None):
        return triage.is_administrator(request.user)

    def has_add_permission(self, request):
        return triage.is_administrator(request.user)

    def has_change_permission(self, request, obj=None):
        return triage.is_administrator(request.user)

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = triage.triage_switch(
            actor=request.user,
            program=obj.program,
            enabled=form.cleaned_data["enabled"],
            reason=form.cleaned_data["reason"],
        )
        obj.pk = saved.pk


@admin.register(TriageSwitchChange)
class TriageSwitchChangeAdmin(admin.ModelAdmin):
    list_display = ["at", "program", "enabled", "actor", "reason"]
    list_filter = ["program", "enabled"]

    def has_module_permission(self, request):
        return triage.is_administrator(request.user)

    def has_view_permission(self, request, obj=None):
        return triage.is_administrator(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
