"""Forms of the officers' pages and of the applicant's answer to a request: parsing only.

What is valid is decided by the services (the same messages whatever the page).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import program_choices
from portique.rules import biometrics

from . import grounds
from .choices import CardDelivery, DecisionOutcome, InterviewMode, InterviewOutcome, InterviewPurpose, Verdict

DATE_HINT = _("For example 2027-01-15.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=DateInput(),
        help_text=kwargs.pop("help_text", DATE_HINT),
        error_messages={"invalid": _("Enter the date as year, month and day, for example 2027-01-15.")},
        **kwargs,
    )


class CaseworkForm(forms.Form):
    """Adds the service's refusals to the fields they name."""

    def add_refusal(self, errors: dict[str, list]) -> None:
        for field, messages in errors.items():
            for message in messages:
                self.add_error(field if field in self.fields else None, str(message))


class QueueFilterForm(forms.Form):
    program = forms.ChoiceField(
        label=_("Program"), required=False, choices=lambda: [("", _("All programs")), *program_choices()]
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            ("oldest", _("Oldest submission first")),
            ("newest", _("Newest submission first")),
            ("due", _("Earliest deadline first")),
            ("urgent", _("Urgent files first")),
        ],
    )
    q = forms.CharField(label=_("Application number"), required=False, max_length=20)
    triage = forms.ChoiceField(
        label=_("Triage"),
        required=False,
        choices=[("", _("All files")), ("routine", _("Routine")), ("review", _("Needs review"))],
    )


class VerdictForm(CaseworkForm):
    verdict = forms.ChoiceField(
        label=_("Your assessment"),
        choices=[
            (Verdict.CONFIRMED, _("Confirm: this item is missing")),
            (Verdict.OVERRIDDEN, _("Override: this item is not missing")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required to override."),
    )


class FindingAddForm(CaseworkForm):
    ground = forms.ChoiceField(label=_("What is missing"), required=False)
    detail = forms.CharField(
        label=_("Which item, and what is wrong with it"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Quoted in the return letter as you write it."),
    )

    def __init__(self, *args, language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ground"].choices = [("", _("— Choose —"))] + [
            (ground.code, f"{ground.message(language)} ({ground.citation})") for ground in grounds.GROUNDS
        ]


class RequestForm(CaseworkForm):
    description = forms.CharField(
        label=_("Documents or information requested"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant reads this as you write it."),
    )
    due_on = date_field(_("Deadline"))


class BiometricsForm(CaseworkForm):
    pr_application_kind = forms.ChoiceField(
        label=_("The application that made the applicant a permanent resident"),
        required=False,
        choices=[
            (
                biometrics.ApplicationKind.PERMANENT_RESIDENT_VISA.value,
                _("Permanent resident visa (IRPR 12.1(a))"),
            ),
            (
                biometrics.ApplicationKind.PERMANENT_RESIDENCE_IN_CANADA.value,
                _("Permanent residence from within Canada (IRPR 12.1(b))"),
            ),
            (
                biometrics.ApplicationKind.PERMANENT_RESIDENCE_AFTER_EXEMPT_CLAIM_ABROAD.value,
                _("Permanent residence after a claim abroad exempted under 12.8 (IRPR 12.1(c))"),
            ),
            (
                biometrics.ApplicationKind.PROTECTED_PERSON_PERMANENT_RESIDENCE.value,
                _("Permanent residence as a protected person (IRPR 12.1(j))"),
            ),
        ],
    )
    received_on = date_field(_("Date that application was received"))
    rollout_phase = forms.ChoiceField(
        label=_("Biometrics roll-out date for the country of origin"),
        required=False,
        choices=[
            (biometrics.RolloutPhase.FIRST.value, _("July 31, 2018")),
            (biometrics.RolloutPhase.SECOND.value, _("December 31, 2018")),
            (biometrics.RolloutPhase.UNKNOWN.value, _("Not known")),
        ],
    )
    earlier_card_application = forms.BooleanField(
        label=_("The applicant already applied for a PR card after turning 14"), required=False
    )


class CollectedForm(CaseworkForm):
    position = forms.TypedChoiceField(label=_("Whose biometrics"), coerce=int, required=False, empty_value=None)
    collected_on = date_field(_("Date the biometrics were collected"))

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Asked only when several people's biometrics are awaited: one awaited is the one collected.
        if len(people) > 1:
            self.fields["position"].choices = [("", _("— Choose —")), *people]
        else:
            del self.fields["position"]


class MailedForm(CaseworkForm):
    mailed_on = date_field(_("Date mailed"))


class MedicalForm(CaseworkForm):
    position = forms.TypedChoiceField(label=_("Person"), coerce=int, required=False)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].choices = list(people)


class MedicalResultForm(CaseworkForm):
    result_on = date_field(_("Date of the result"))


class InterviewForm(CaseworkForm):
    purpose = forms.ChoiceField(
        label=_("Kind of interview"), choices=InterviewPurpose.choices, required=False
    )
    day = date_field(_("Date"))
    time = forms.TimeField(
        label=_("Time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter the time as hours and minutes, for example 14:30.")},
    )
    mode = forms.ChoiceField(
        label=_("How"), choices=InterviewMode.choices, widget=forms.RadioSelect, required=False
    )
    place = forms.CharField(
        label=_("Place, or how to join the video call"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    documents_to_bring = forms.CharField(
        label=_("Documents to bring"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class InterviewOutcomeForm(CaseworkForm):
    outcome = forms.ChoiceField(
        label=_("What happened"), choices=InterviewOutcome.choices, widget=forms.RadioSelect, required=False
    )
    notes = forms.CharField(
        label=_("Notes (internal, never shown to the applicant)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionForm(CaseworkForm):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=DecisionOutcome.choices, widget=forms.RadioSelect, required=False
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required to refuse or to record a withdrawal; the letter quotes them to the applicant."),
    )
    applicant_is_citizen = forms.BooleanField(
        label=_("Refused because the applicant is a Canadian citizen (the processing fee is refunded)"),
        required=False,
    )
    card_delivery = forms.ChoiceField(
        label=_("The card (when approved)"),
        choices=CardDelivery.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    pick_up_details = forms.CharField(
        label=_("Where and when to pick up the card"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class NoteForm(CaseworkForm):
    """A note is either on the file (the applicant reads it) or internal, with a reason."""

    ON_FILE = "file"
    INTERNAL = "internal"

    text = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    visibility = forms.ChoiceField(
        label=_("Who reads it"),
        choices=[
            (ON_FILE, _("On the file: the applicant and their representative read it (dated, without your name)")),
            (INTERNAL, _("Internal: officers only")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    internal_reason = forms.CharField(
        label=_("Why it is internal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required for an internal note, for example: it names a third party, or an investigation is ongoing."),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class AnswerForm(CaseworkForm):
    files = MultipleFileField(label=_("Files"), required=False)
    text = forms.CharField(
        label=_("Message (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, limit: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _(
            "PDF, JPEG or PNG files, up to %(limit)s each. You can choose several files."
        ) % {"limit": limit}


# --- Sponsorship: the Quebec step, police certificates, the decision per person ------------------


class QuebecDecisionForm(CaseworkForm):
    quebec_decision = forms.ChoiceField(
        label=_("Quebec's decision on the undertaking"),
        choices=[("approved", _("Approved by Quebec")), ("refused", _("Refused by Quebec"))],
        widget=forms.RadioSelect,
        required=False,
    )
    decided_on = date_field(_("Date of Quebec's decision"))
    reference = forms.CharField(label=_("Quebec's reference"), required=False, max_length=100)
    notes = forms.CharField(
        label=_("Quebec's reasons (required when refused)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PoliceRequestForm(CaseworkForm):
    due_on = date_field(_("Deadline"))


class PoliceReceivedForm(CaseworkForm):
    received_on = date_field(_("Date received"))


class PoliceExplanationForm(CaseworkForm):
    note = forms.CharField(
        label=_("Why the explanation is accepted"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PersonFindingForm(CaseworkForm):
    """The decision-maker's finding about one person of a sponsorship (prefix: the position)."""

    meets = forms.ChoiceField(
        label=_("Does this person meet the requirements?"),
        choices=[
            ("yes", _("Yes: meets the requirements (admissible)")),
            ("no", _("No: does not meet them or is inadmissible")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    reasons = forms.CharField(
        label=_("Reasons (required when not met; quoted in the letter)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, custody_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if custody_choices is not None:
            self.fields["custody"] = forms.ChoiceField(
                label=_("Who has custody of this child (IRPR 23)"),
                choices=[("", _("As declared in IMM 0008")), *custody_choices],
                required=False,
                help_text=_(
                    "A child who does not accompany makes the principal applicant inadmissible only if "
                    "the principal applicant has custody, alone or jointly."
                ),
            )


# --- Messages about a submitted file, documents after submission --------------------------------


class MessageForm(CaseworkForm):
    text = forms.CharField(label=_("Your message"), required=False, widget=forms.Textarea(attrs={"rows": 6}))
    files = MultipleFileField(label=_("Attach files (optional)"), required=False)
    # One-time: a retried post of the same form finds the message already sent.
    token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, limit: str = "", most: int = 5, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _(
            "PDF, JPEG or PNG files, up to %(limit)s each and %(count)s files at most."
        ) % {"limit": limit, "count": most}


class LateDocumentForm(CaseworkForm):
    item = forms.ChoiceField(label=_("What is this document?"), required=False, widget=forms.RadioSelect)
    description = forms.CharField(
        label=_("Describe it in a few words"),
        required=False,
        max_length=200,
        help_text=_("For example: my new passport, issued after I applied."),
    )
    file = forms.FileField(label=_("File"), required=False)
    token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, items: list[tuple[str, str]] = (), limit: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = list(items)
        self.fields["file"].help_text = _("A PDF, JPEG or PNG file, up to %(limit)s.") % {"limit": limit}


class WithdrawForm(CaseworkForm):
    """The applicant's request to withdraw a submitted application: a declaration and, if they wish, why."""

    declaration = forms.BooleanField(
        label=_(
            "I understand that my application will be withdrawn and that no decision will be made on it. "
            "Fees are refunded only as the rules allow. To apply again, I must send a new application."
        ),
        required=False,
    )
    reasons = forms.CharField(
        label=_("Why do you withdraw your application? (optional)"),
        help_text=_("What you write here is kept on your file and quoted in the letter."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


URGENCY_PREFIX = "urgency"


class UrgencyForm(forms.Form):
    """An officer sets or clears the urgent flag (issue 15); the reason is shown to the applicant.

    Prefixed (``URGENCY_PREFIX``): the screening page has other ``reason`` fields."""

    reason = forms.CharField(
        label=_("Reason for the change"),
        help_text=_("The applicant reads this reason on their page."),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=1000,
    )
