from django import forms
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import program_choices


def _representable_programs():
    return program_choices(lambda definition: definition.representatives_may_file)


class ClientForm(forms.Form):
    client_name = forms.CharField(label=_("Client's full name"), max_length=200)
    client_email = forms.EmailField(
        label=_("Client's own e-mail address"),
        max_length=254,
        help_text=_("The client receives the invitation there and signs in their own account."),
    )


class CreateForm(ClientForm):
    program = forms.ChoiceField(
        label=_("Kind of application"),
        choices=_representable_programs,
        initial=lambda: _representable_programs()[0][0],
        widget=forms.RadioSelect,
        help_text=_(
            "The client is the person who signs in their own account: the applicant (for a sponsorship, the "
            "principal applicant, the person sponsored), or their parent or legal guardian if they are under 18. "
            "For a sponsorship, the sponsor signs the IMM 1344 by hand and you upload it."
        ),
    )

    field_order = ["program", "client_name", "client_email"]


class LinkForm(ClientForm):
    number = forms.CharField(
        label=_("Application number"), max_length=20, help_text=_("For example, PRC20260000123.")
    )


class Imm5476Form(forms.Form):
    file = forms.FileField(
        label=_("IMM 5476 signed by hand by the client (PDF, JPEG or PNG, 10 MB at most)"),
    )


class ClientLinkForm(forms.Form):
    number = forms.CharField(
        label=_("Application number"), max_length=20, help_text=_("For example, SPS20260000123.")
    )
