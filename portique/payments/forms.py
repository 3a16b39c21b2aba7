from django import forms
from django.utils.translation import gettext_lazy as _

from .cards import CardDetails


class NoEchoInput(forms.TextInput):
    """A field whose value is never written back into the page (the card security code)."""

    def format_value(self, value):
        return None


def _text(autocomplete: str, **attrs) -> forms.TextInput:
    return forms.TextInput(attrs={"autocomplete": autocomplete, "spellcheck": "false", **attrs})


class CardForm(forms.Form):
    """The card page. Only the shape of what was typed is checked here; whether the card
    can be charged is for ``cards.card_errors`` (in the service) and the gateway."""

    # Rendered by the template from the view's key, not from what was posted (see views.pay).
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)
    payer_name = forms.CharField(
        label=_("Name on the card"),
        help_text=_("It appears on the receipt as the payer. If you pay more than the fees, the excess is refunded to this person."),
        max_length=200,
        widget=_text("cc-name"),
        error_messages={"required": _("Enter the name on the card, as printed on it.")},
    )
    number = forms.CharField(
        label=_("Card number"),
        help_text=_("The 13 to 19 digits on the front of the card. Spaces are fine."),
        max_length=30,
        widget=_text("cc-number", inputmode="numeric"),
        error_messages={"required": _("Enter the card number.")},
    )
    expiry_month = forms.IntegerField(
        label=_("Expiry month (MM)"),
        help_text=_("For example, 04 for April."),
        widget=_text("cc-exp-month", inputmode="numeric", maxlength="2"),
        error_messages={
            "required": _("Enter the expiry month as a number from 1 to 12."),
            "invalid": _("Enter the expiry month as a number from 1 to 12."),
        },
    )
    expiry_year = forms.IntegerField(
        label=_("Expiry year (YYYY)"),
        help_text=_("For example, 2028."),
        widget=_text("cc-exp-year", inputmode="numeric", maxlength="4"),
        error_messages={
            "required": _("Enter the expiry year with 4 digits, as on your card."),
            "invalid": _("Enter the expiry year with 4 digits, as on your card."),
        },
    )
    security_code = forms.CharField(
        label=_("Security code"),
        help_text=_("The 3 digits on the back of the card (4 digits on the front for American Express)."),
        max_length=4,
        widget=NoEchoInput(attrs={"autocomplete": "cc-csc", "inputmode": "numeric", "maxlength": "4"}),
        error_messages={"required": _("Enter the security code of the card.")},
    )

    def card(self) -> CardDetails:
        data = self.cleaned_data
        return CardDetails(
            number=data["number"],
            expiry_month=data["expiry_month"],
            expiry_year=data["expiry_year"],
            security_code=data["security_code"].strip(),
        )
