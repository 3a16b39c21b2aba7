"""The applications' own small forms: parsing only; the services decide what is right."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class PaperLinkForm(forms.Form):
    """The number of a paper application and two facts its applicant wrote on it."""

    number = forms.CharField(
        label=_("Application number"),
        max_length=20,
        help_text=_("It is on the letter we mailed you, for example PRC20260000123."),
    )
    date_of_birth = forms.DateField(
        label=_("Your date of birth"),
        help_text=_("As you wrote it on your application. For example 1988-04-02."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as year, month and day, for example 1988-04-02.")},
    )
    postal_code = forms.CharField(
        label=_("Postal code of the mailing address you gave"),
        max_length=12,
        help_text=_("For example K1P 5B5."),
    )
