"""Hooks into django-allauth: lockout, audit of failed sign-ins, e-mail in the
recipient's language, MFA that representatives and officers cannot switch off, and
TOTP secrets encrypted at rest.
"""

from __future__ import annotations

import base64
import hashlib
import time

from allauth.account import app_settings as allauth_account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import services
from .choices import MFA_REQUIRED_ROLES, Language, RepresentativeStatus, Role
from .models import User

LOCKED_OUT = _(
    "Too many failed attempts to sign in. For your security, signing in is blocked for %(minutes)s minutes. "
    "Try again later, or reset your password."
)


# allauth's own rate limits (failed sign-ins per address, wrong authentication codes per
# account) show their message as it is, with no figure to fill in: so it names none (their
# windows are allauth's, not LOCKOUT_SECONDS). The figure is ours, in LOCKED_OUT above.
RATE_LIMITED = _(
    "Too many failed attempts. For your security, signing in is blocked for a few minutes. "
    "Try again later, or reset your password."
)


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # The same words whether or not the e-mail has an account.
        "email_password_mismatch": _("The e-mail address or the password is not correct."),
        "too_many_login_attempts": RATE_LIMITED,
    }

    def pre_authenticate(self, request: HttpRequest, **credentials) -> None:
        email = credentials.get("email", "")
        if services.login_is_locked(request=request, email=email):
            raise forms.ValidationError(LOCKED_OUT % {"minutes": settings.LOCKOUT_SECONDS // 60}, code="locked")
        try:
            super().pre_authenticate(request, **credentials)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                LOCKED_OUT % {"minutes": settings.LOCKOUT_SECONDS // 60}, code="locked"
            ) from error

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Each person lands on their own work: an applicant on their applications, a verified
        # representative on their clients' applications. Officers, and representatives not yet
        # verified, land on their account page, which lists their tools or their verification.
        # A "next" address (a page that asked them to sign in) still comes first.
        user = request.user
        if user.role == Role.APPLICANT:
            return resolve_url("applications:dashboard")
        profile = getattr(user, "representative_profile", None) if user.role == Role.REPRESENTATIVE else None
        if profile is not None and profile.status == RepresentativeStatus.VERIFIED:
            return resolve_url("representation:dashboard")
        return super().get_login_redirect_url(request)

    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth's rate limits and session list read the address here: the same one as
        # the lockout and the audit log, through TRUSTED_PROXY_COUNT proxies only.
        ip = services.client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def authentication_failed(self, request: HttpRequest, **credentials) -> None:
        services.login_failure_record(request=request, email=credentials.get("email", ""))

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials) -> None:
        # A successful password reset proves control of the address: lift the lockout too.
        super()._delete_login_attempts_cached_email(request, **credentials)
        services.lockout.clear_account(email=credentials.get("email", ""))

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # A sign-in a few minutes ago proves as much as typing the password again:
        # a representative made to set up MFA right after signing in is not asked twice.
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        if records and time.time() - records[-1].get("at", 0) < allauth_account_settings.REAUTHENTICATION_TIMEOUT:
            return False
        return True

    def save_user(self, request: HttpRequest, user, form, commit: bool = True):
        # Applicants sign up here; their language is the one they signed up in.
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        user.preferred_language = language if language in Language.values else Language.ENGLISH
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Every e-mail in the language the person chose (their account's, or, for an
        # address without an account, the language of the page they used).
        user = context.get("user")
        if not isinstance(user, User):
            user = User.objects.filter(email=email.strip().lower()).first()
        language = user.preferred_language if user else (translation.get_language() or settings.LANGUAGE_CODE)
        with translation.override(language):
            super().send_mail(template_prefix, email, _links_on_site_url(context, self.request))


def _links_on_site_url(context: dict, request: HttpRequest | None) -> dict:
    """django-allauth builds its links (verification, password reset, sign-up) on the host the
    request named; every link in an e-mail starts with SITE_URL instead."""
    if request is None:
        from allauth.core import context as request_context

        request = request_context.request
    if request is None:
        return context
    try:
        origin = request.build_absolute_uri("/").rstrip("/")
    except Exception:  # DisallowedHost: no link was built on that host either
        return context
    site = settings.SITE_URL.rstrip("/")
    return {
        key: site + value[len(origin) :] if isinstance(value, str) and value.startswith(origin + "/") else value
        for key, value in context.items()
    }


def _fernet() -> Fernet:
    key = hashlib.sha256(b"portique.mfa.totp:" + settings.SECRET_KEY.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        # TOTP secrets are encrypted at rest with a key derived from SECRET_KEY: a copy
        # of the database alone cannot generate codes.
        return _fernet().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        return _fernet().decrypt(encrypted_text.encode()).decode()

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # Representatives and officers must keep their authenticator app.
        if authenticator.type == Authenticator.Type.TOTP and authenticator.user.role in MFA_REQUIRED_ROLES:
            return False
        return True

    def get_totp_issuer(self) -> str:
        return "Portique"
