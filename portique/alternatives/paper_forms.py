"""The officer's forms for a paper application: what the envelope, the forms and the receipt say."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import PaperBasis, ReceiptChannel, program_choices
from portique.applications.paper_intake import PaperIntakeInput, PaperPhotosInput
from portique.casework.forms import MultipleFileField
from portique.rules.online import system_restriction_table

from .choices import KitLanguage

_DATE_HELP = _("For example, 2026-11-22.")


class PaperIntakeForm(forms.Form):
    """Everything is optional here: the service says, in both languages, what is missing."""

    program = forms.ChoiceField(label=_("Program"), choices=lambda: [("", "—"), *program_choices(lambda definition: definition.may_come_on_paper)], required=False)
    received_on = forms.DateField(
        label=_("Date received"),
        help_text=_(
            "The day the application arrived at the address specified for it. It is the application date."
        ),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date received as year-month-day, for example 2026-11-22.")},
    )
    receipt_channel = forms.ChoiceField(
        label=_("How it arrived"), choices=ReceiptChannel.choices, required=False, widget=forms.RadioSelect
    )
    basis = forms.ChoiceField(
        label=_("What the application relies on to be made on paper"),
        help_text=_("Never ask or record what a disability is."),
        choices=PaperBasis.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    system_restriction = forms.ChoiceField(
        label=_("Situation in the table of exemptions"),
        help_text=_("Only if the application relies on a situation in the table."),
        required=False,
    )
    applicant_name = forms.CharField(
        label=_("Applicant’s name, as on the forms"), required=False, max_length=400
    )
    mailing_address = forms.CharField(
        label=_("Mailing address"),
        help_text=_("One line per line of the address."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1200,
    )
    email = forms.CharField(
        label=_("E-mail address (optional)"),
        help_text=_("Only if the applicant gave one. Without it, every letter goes by mail."),
        required=False,
        max_length=400,
    )
    language = forms.ChoiceField(
        label=_("Language of correspondence"),
        choices=KitLanguage.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    kit_reference = forms.CharField(
        label=_("Reference number of the kit request (optional)"),
        help_text=_("If the applicant asked for the kit in another format, for example ALT-7KQ2M9XP."),
        required=False,
        max_length=40,
    )

    def __init__(self, *args, on, **kwargs):
        super().__init__(*args, **kwargs)
        language = (get_language() or "en")[:2]
        self.fields["system_restriction"].choices = [("", "—")] + [
            (row.id, f"{row.id} — {row.label(language)}") for row in system_restriction_table(on)
        ]

    def intake_input(self) -> PaperIntakeInput:
        data = self.cleaned_data
        return PaperIntakeInput(
            program=data.get("program") or "",
            received_on=data.get("received_on"),
            receipt_channel=data.get("receipt_channel") or "",
            basis=data.get("basis") or "",
            system_restriction=data.get("system_restriction") or "",
            applicant_name=data.get("applicant_name") or "",
            mailing_address=data.get("mailing_address") or "",
            email=data.get("email") or "",
            language=data.get("language") or "",
        )


class ReceiptForm(forms.Form):
    receipt_number = forms.CharField(label=_("Receipt number"), required=False, max_length=60)
    amount = forms.DecimalField(
        label=_("Amount paid (dollars)"),
        required=False,
        min_value=0,
        max_digits=10,
        decimal_places=2,
        error_messages={"invalid": _("Enter the amount paid as a number, for example 50.00.")},
    )
    paid_on = forms.DateField(
        label=_("Date of payment"),
        help_text=_DATE_HELP,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date of payment as year-month-day, for example 2026-11-22.")},
    )
    payer_name = forms.CharField(
        label=_("Payer’s name on the receipt (optional)"), required=False, max_length=200
    )


class SignaturesForm(forms.Form):
    """One box per required signer: ticked only when the handwritten signature is on the forms."""

    def __init__(self, *args, signers: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        for position, label in signers:
            self.fields[f"signed_{position}"] = forms.BooleanField(label=label, required=False)

    def positions(self) -> list[int]:
        return [int(name.split("_", 1)[1]) for name, ticked in self.cleaned_data.items() if ticked]


class PaperAnswerForm(forms.Form):
    """The answer to a request, received by mail: the date, what came, and its scans."""

    received_on = forms.DateField(
        label=_("Date received"),
        help_text=_DATE_HELP,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date received as year-month-day, for example 2026-11-22.")},
    )
    text = forms.CharField(
        label=_("What was received"),
        help_text=_("The documents or the information, as sent. Copy any written answer."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )
    files = MultipleFileField(
        label=_("Scans of what was received (optional)"),
        help_text=_("PDF, JPEG or PNG; each file is checked by its content."),
        required=False,
    )


_YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _yes_no(label) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=_YES_NO, required=False, widget=forms.RadioSelect)


class PaperPhotosForm(forms.Form):
    """The envelope of photos, as received (PRC-63). Optional here: the service says what is missing."""

    count = forms.IntegerField(
        label=_("Number of photos in the envelope"),
        help_text=_("The guide asks for 2 identical photos. Enter 0 if there are none."),
        required=False,
        error_messages={"invalid": _("Enter the number of photos as a whole number, for example 2.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    identical = _yes_no(_("Are the photos identical?"))
    taken_on = forms.DateField(
        label=_("Date the photos were taken"),
        help_text=_("As written on the back of the photos. For example, 2026-11-22."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date the photos were taken as year-month-day, for example 2026-11-22.")},
    )
    in_small_envelope = _yes_no(_("Did the photos come in a small envelope?"))
    name_on_envelope = _yes_no(_("Is the applicant’s name written on the envelope?"))
    stapled_or_clipped = _yes_no(_("Were the photos stapled or held with a paper clip?"))

    @staticmethod
    def initial_from(photos: dict) -> dict:
        """The form's answers from what was recorded (the intake's ``photos``)."""
        if not photos:
            return {}
        flags = ("identical", "in_small_envelope", "name_on_envelope", "stapled_or_clipped")
        return {"count": photos["count"], "taken_on": photos["taken_on"]} | {
            name: "yes" if photos[name] else "no" for name in flags
        }

    def photos_input(self) -> PaperPhotosInput:
        data = self.cleaned_data

        def answer(name):
            return {"yes": True, "no": False}.get(data.get(name) or "")

        return PaperPhotosInput(
            count=data.get("count"),
            identical=answer("identical"),
            taken_on=data.get("taken_on"),
            in_small_envelope=answer("in_small_envelope"),
            name_on_envelope=answer("name_on_envelope"),
            stapled_or_clipped=answer("stapled_or_clipped"),
        )
