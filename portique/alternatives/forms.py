"""Forms: they parse what was typed; the services and the rules decide what it means."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import (
    Answerer,
    AppliesFrom,
    ApplyingFor,
    Country,
    Delivery,
    FormatChoice,
    KitChoice,
    KitLanguage,
    Province,
    YesNo,
)
from .questionnaire import NO_SITUATION, Answers, situation_choices
from .services import Dispatch, KitRequestInput

_AUTOCOMPLETE = {
    "email": "email",
    "address_line": "street-address",
    "city": "address-level2",
    "province": "address-level1",
    "postal_code": "postal-code",
    "country": "country",
    "full_name": "name",
}


def add_service_errors(form: forms.Form, errors: dict[str, list]) -> None:
    """Put a service's refusal on ``form``: each message at its field, the rest ("__all__",
    or a name the form does not have) in the error summary."""
    for field, messages in errors.items():
        for message in messages:
            form.add_error(None if field == "__all__" or field not in form.fields else field, message)


def _blank_first(choices) -> list[tuple[str, str]]:
    return [("", _("Choose…")), *choices]


class OnlineQuestionsForm(forms.Form):
    """ "Do I have to apply online?" — a GET form: nothing is saved, the answer is the rules'."""

    applying_for = forms.ChoiceField(
        label=_("What are you applying for?"),
        choices=ApplyingFor.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you are applying for.")},
    )
    applies_from = forms.ChoiceField(
        label=_("Where are you applying from?"),
        choices=AppliesFrom.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where you are applying from.")},
    )
    answerer = forms.ChoiceField(
        label=_("Who is answering?"),
        choices=Answerer.choices,
        widget=forms.RadioSelect,
        initial=Answerer.SELF,
        error_messages={"required": _("Choose who is answering.")},
    )
    disability = forms.ChoiceField(
        label=_("Does a disability prevent you (or your client) from applying online?"),
        help_text=_("You do not have to say what the disability is."),
        choices=YesNo.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Answer whether a disability prevents you from applying online.")},
    )
    situation = forms.ChoiceField(
        label=_("Which of these situations applies to you?"),
        help_text=_(
            "Only for temporary residents applying from inside Canada. Choose “None of these situations” if none applies."
        ),
        widget=forms.RadioSelect,
        required=False,
    )
    trp_valid_from = forms.DateField(
        label=_("Temporary resident permit: first day of validity"),
        help_text=_("Only if you hold a temporary resident permit. For example, 2025-01-31."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    trp_valid_until = forms.DateField(
        label=_("Temporary resident permit: last day of validity"),
        help_text=_("For example, 2025-09-30."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    trp_with_work_permit = forms.ChoiceField(
        label=_("Are you applying for a temporary resident permit and a work permit at the same time?"),
        choices=YesNo.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    schedule_12 = forms.ChoiceField(
        label=_("Asylum claimants: did you already ask for a work permit in Schedule 12 on the Portal?"),
        choices=YesNo.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    exceptional_circumstances = forms.ChoiceField(
        label=_(
            "Has an officer established that exceptional circumstances beyond your control prevent you from applying online?"
        ),
        choices=YesNo.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    representative_can_use_portal = forms.ChoiceField(
        label=_(
            "Paid representatives: can you submit this application through the Authorized Paid Representative Portal?"
        ),
        choices=YesNo.choices,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args, on: date, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["situation"].choices = situation_choices(on, language)

    def clean(self):
        data = super().clean()
        in_canada = (
            data.get("applying_for") == ApplyingFor.TEMPORARY_RESIDENT_IN_CANADA
            and data.get("applies_from") == AppliesFrom.INSIDE_CANADA
        )
        if in_canada and data.get("situation") == "H82" and data.get("trp_with_work_permit") != YesNo.YES:
            if not data.get("trp_valid_from"):
                self.add_error(
                    "trp_valid_from", _("Enter the first day of validity of your temporary resident permit.")
                )
            if not data.get("trp_valid_until"):
                self.add_error(
                    "trp_valid_until", _("Enter the last day of validity of your temporary resident permit.")
                )
        start, end = data.get("trp_valid_from"), data.get("trp_valid_until")
        if start and end and end < start:
            self.add_error(
                "trp_valid_until", _("The last day of validity must be on or after the first day.")
            )
        if (
            data.get("answerer") == Answerer.PAID_REPRESENTATIVE
            and in_canada
            and not data.get("representative_can_use_portal")
        ):
            self.add_error(
                "representative_can_use_portal",
                _("Answer whether you can submit this application through the representative portal."),
            )
        return data

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            applying_for=data["applying_for"],
            applies_from=data["applies_from"],
            answerer=data["answerer"],
            disability=data["disability"] == YesNo.YES,
            exceptional_circumstances=data.get("exceptional_circumstances") == YesNo.YES,
            situation=data.get("situation") or NO_SITUATION,
            trp_valid_from=data.get("trp_valid_from"),
            trp_valid_until=data.get("trp_valid_until"),
            trp_with_work_permit=data.get("trp_with_work_permit") == YesNo.YES,
            schedule_12=data.get("schedule_12") == YesNo.YES,
            representative_can_use_portal=data.get("representative_can_use_portal") != YesNo.NO,
        )


class KitRequestForm(forms.Form):
    """The guides' e-mail as a form (EX-33). Every field is optional here on purpose: the
    service decides what is missing, so the same rules apply to the form and to any caller.
    Nothing here asks about a disability."""

    kit = forms.ChoiceField(
        label=_("Which application kit do you need?"),
        choices=KitChoice.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    kit_format = forms.ChoiceField(
        label=_("In which format?"), choices=FormatChoice.choices, widget=forms.RadioSelect, required=False
    )
    kit_language = forms.ChoiceField(
        label=_("In which language?"), choices=KitLanguage.choices, widget=forms.RadioSelect, required=False
    )
    full_name = forms.CharField(
        label=_("Principal applicant’s full name"),
        help_text=_("Exactly as it appears on the passport."),
        required=False,
        max_length=400,
    )
    sponsor_name = forms.CharField(
        label=_("Sponsor’s full name"),
        help_text=_("Only for the sponsorship kit."),
        required=False,
        max_length=400,
    )
    delivery = forms.ChoiceField(
        label=_("How do you want to receive the kit?"),
        help_text=_("By e-mail is faster: you print the kit yourself."),
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    email = forms.CharField(
        label=_("E-mail address"),
        help_text=_(
            "Needed to receive the kit by e-mail. If you choose mail, we use it only to confirm your request."
        ),
        required=False,
        max_length=400,
        widget=forms.EmailInput,
    )
    address_line = forms.CharField(
        label=_("Street address or post office box"),
        help_text=_("Only for delivery by mail. Include the apartment or unit number."),
        required=False,
        max_length=400,
    )
    city = forms.CharField(label=_("City or town"), required=False, max_length=400)
    province = forms.ChoiceField(
        label=_("Province or territory"), choices=_blank_first(Province.choices), required=False
    )
    postal_code = forms.CharField(
        label=_("Postal code"), help_text=_("For example, K1A 0B1."), required=False, max_length=20
    )
    country = forms.ChoiceField(
        label=_("Country"),
        help_text=_("Kits are mailed only to addresses in Canada."),
        choices=Country.choices,
        initial=Country.CANADA,
        required=False,
    )
    needs_other_format = forms.BooleanField(
        label=_("I need this application kit in another format because I cannot apply online."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, token in _AUTOCOMPLETE.items():
            self.fields[name].widget.attrs["autocomplete"] = token

    def request_input(self) -> KitRequestInput:
        data = self.cleaned_data
        return KitRequestInput(
            kit=data.get("kit") or "",
            kit_format=data.get("kit_format") or "",
            kit_language=data.get("kit_language") or "",
            delivery=data.get("delivery") or "",
            email=data.get("email") or "",
            address_line=data.get("address_line") or "",
            city=data.get("city") or "",
            province=data.get("province") or "",
            postal_code=data.get("postal_code") or "",
            country=data.get("country") or "",
            full_name=data.get("full_name") or "",
            sponsor_name=data.get("sponsor_name") or "",
            needs_other_format=bool(data.get("needs_other_format")),
        )


class DispatchForm(forms.Form):
    """What the officer sent, and when."""

    sent_on = forms.DateField(
        label=_("Date sent"),
        help_text=_("For example, 2026-11-22."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date sent as year-month-day, for example 2026-11-22.")},
    )
    sent_items = forms.CharField(
        label=_("What was sent"),
        help_text=_("For example: forms, guide and document checklist in braille, with the covering letter."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    tracking_number = forms.CharField(label=_("Tracking number (optional)"), required=False, max_length=60)
    submission_address = forms.CharField(
        label=_("Address the applicant must send the application to"),
        help_text=_(
            "Needed only when the guides do not give the address for this kit. One line per line of the address."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=600,
    )

    def dispatch(self) -> Dispatch:
        data = self.cleaned_data
        return Dispatch(
            sent_on=data.get("sent_on"),
            sent_items=data.get("sent_items") or "",
            tracking_number=data.get("tracking_number") or "",
            submission_address=data.get("submission_address") or "",
        )
