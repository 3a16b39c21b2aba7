"""Forms: allauth's, with our labels and hints, and the portal's own."""

from __future__ import annotations

from allauth.account import forms as allauth_forms
from allauth.mfa.base import forms as mfa_base_forms
from allauth.mfa.totp import forms as mfa_totp_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import IdentityDocumentType, Language, MembershipBody
from .services import identity_document_check, identity_document_max_size_text

PASSWORD_HINT = _(
    "At least 12 characters. A long phrase of several words is strong and easy to remember. "
    "Common passwords, and passwords too close to your e-mail address, are refused."
)


class PortiqueFieldsMixin:
    """Visible labels instead of placeholders (a placeholder disappears as one types)."""

    labels: dict = {}
    hints: dict = {}

    def _portique_fields(self) -> None:
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]
            if name in self.hints:
                field.help_text = self.hints[name]


class LoginForm(PortiqueFieldsMixin, allauth_forms.LoginForm):
    labels = {"login": _("E-mail address"), "password": _("Password")}
    hints = {"password": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()
        self.fields["login"].widget.attrs["autocomplete"] = "username"


class SignupForm(PortiqueFieldsMixin, allauth_forms.SignupForm):
    labels = {"email": _("E-mail address"), "password1": _("Password"), "password2": _("Confirm password")}
    hints = {
        "email": _("We send a link to this address to confirm it is yours."),
        "password1": PASSWORD_HINT,
        "password2": "",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()


class ResetPasswordForm(PortiqueFieldsMixin, allauth_forms.ResetPasswordForm):
    labels = {"email": _("E-mail address")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()


class ResetPasswordKeyForm(PortiqueFieldsMixin, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": _("New password"), "password2": _("Confirm new password")}
    hints = {"password1": PASSWORD_HINT, "password2": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()


class ChangePasswordForm(PortiqueFieldsMixin, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": _("Current password"),
        "password1": _("New password"),
        "password2": _("Confirm new password"),
    }
    hints = {"oldpassword": "", "password1": PASSWORD_HINT, "password2": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()


class ReauthenticateForm(PortiqueFieldsMixin, allauth_forms.ReauthenticateForm):
    labels = {"password": _("Password")}
    hints = {"password": ""}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()


class RepresentativeSignupForm(forms.Form):
    first_name = forms.CharField(label=_("Given name(s)"), max_length=150)
    last_name = forms.CharField(label=_("Family name"), max_length=150)
    organisation = forms.CharField(label=_("Organisation (optional)"), max_length=200, required=False)
    address_line = forms.CharField(label=_("Street address"), max_length=200)
    city = forms.CharField(label=_("City or town"), max_length=100)
    province = forms.CharField(label=_("Province, territory or state"), max_length=100)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20)
    country = forms.CharField(label=_("Country"), max_length=100, initial="Canada")
    telephone = forms.CharField(
        label=_("Telephone"), max_length=30, help_text=_("Include the area code, for example 613-555-0100.")
    )
    fax = forms.CharField(label=_("Fax (optional)"), max_length=30, required=False)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_(
            "Use an address that is not used by any applicant account: a representative cannot use "
            "the address of a client-portal account."
        ),
    )
    password1 = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=PASSWORD_HINT,
    )
    password2 = forms.CharField(
        label=_("Confirm password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )
    membership_body = forms.ChoiceField(
        label=_("Membership body"), choices=[("", _("Select one"))] + MembershipBody.choices
    )
    membership_number = forms.CharField(label=_("Membership number"), max_length=50)
    id_document_type = forms.ChoiceField(
        label=_("Identity document"), choices=[("", _("Select one"))] + IdentityDocumentType.choices
    )
    id_document = forms.FileField(
        label=_("Upload your identity document"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["id_document"].help_text = _(
            "A scan or photo of a valid document, as a JPEG or PNG image or a PDF, up to %(limit)s."
        ) % {"limit": identity_document_max_size_text()}
        autocomplete = {
            "first_name": "given-name",
            "last_name": "family-name",
            "organisation": "organization",
            "address_line": "street-address",
            "city": "address-level2",
            "province": "address-level1",
            "postal_code": "postal-code",
            "country": "country-name",
            "telephone": "tel",
            "fax": "off",
            "email": "email",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value

    def clean_id_document(self):
        document = self.cleaned_data["id_document"]
        identity_document_check(document)
        return document

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif password1:
            from django.contrib.auth import password_validation

            from .models import User

            probe = User(
                email=cleaned.get("email") or "",
                first_name=cleaned.get("first_name") or "",
                last_name=cleaned.get("last_name") or "",
            )
            try:
                password_validation.validate_password(password1, user=probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class PreferredLanguageForm(forms.Form):
    preferred_language = forms.ChoiceField(
        label=_("Language for e-mail and letters"), choices=Language.choices, widget=forms.RadioSelect
    )


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for refusal"),
        help_text=_("The representative reads this reason. Say what is wrong and what they can do."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


class MFAAuthenticateForm(PortiqueFieldsMixin, mfa_base_forms.AuthenticateForm):
    labels = {"code": _("Code")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()
        self.fields["code"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})


class MFAReauthenticateForm(PortiqueFieldsMixin, mfa_base_forms.ReauthenticateForm):
    labels = {"code": _("Code")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()


class ActivateTOTPForm(PortiqueFieldsMixin, mfa_totp_forms.ActivateTOTPForm):
    labels = {"code": _("Code from your authenticator app")}
    hints = {"code": _("6 digits, for example 123456.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._portique_fields()
        self.fields["code"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "one-time-code"})
