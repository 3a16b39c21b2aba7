"""E-mails about a representation, in the recipient's language, sent after commit."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portique.accounts.models import User

from .models import Representation


def _send(*, to: str, language: str, template: str, context: dict) -> None:
    with translation.override(language):
        subject = render_to_string(f"representation/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"representation/email/{template}_message.txt", context)
    EmailMessage(subject=" ".join(subject.splitlines()), body=body, to=[to]).send()


def _language_of(email: str) -> str:
    account = User.objects.filter(email__iexact=email).first()
    return (
        (account.preferred_language if account else None)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )


def send_invitation(*, representation_id: int) -> None:
    """To the client's address: review and sign in your own account; sign up first if you have none.

    The representative never creates the client's account (ACT-30, REP-08).
    """
    representation = Representation.objects.select_related("application").get(pk=representation_id)
    language = _language_of(representation.client_email)[:2]
    with translation.override(language):
        link = settings.SITE_URL + reverse("representation_client:index")
        signup = settings.SITE_URL + reverse("account_signup")
    _send(
        to=representation.client_email,
        language=language,
        template="invitation",
        context={"representation": representation, "link": link, "signup": signup},
    )


def send_revoked(*, representation_id: int) -> None:
    representation = Representation.objects.select_related("application", "representative").get(
        pk=representation_id
    )
    representative = representation.representative
    _send(
        to=representative.email,
        language=representative.preferred_language or settings.LANGUAGE_CODE,
        template="revoked",
        context={"representation": representation},
    )
