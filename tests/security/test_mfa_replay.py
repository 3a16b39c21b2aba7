"""MFA replay: an authentication code, once used, does not sign anyone in again.

Someone who watched a representative type a code (over a shoulder, from a phishing page
that relays it) and has the password too must not be able to use that code a second time
within its 30-second window.
"""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.core.cache import cache
from django.test import Client

from portique.accounts.totp import current_code
from tests.conftest import PASSWORD


def _sign_in_with(email: str, code: str) -> Client:
    client = Client()
    response = client.post("/en/account/login/", {"login": email, "password": PASSWORD})
    assert response["Location"] == "/en/account/2fa/authenticate/"
    client.post("/en/account/2fa/authenticate/", {"code": code})
    return client


@pytest.mark.django_db
def test_a_code_used_once_is_refused_the_second_time(representative):
    cache.clear()
    secret = decrypt(Authenticator.objects.get(user=representative, type="totp").data["secret"])
    code = current_code(secret)
    first = _sign_in_with(representative.email, code)
    assert first.session.get("_auth_user_id") == str(representative.pk)
    replayed = _sign_in_with(representative.email, code)
    assert "_auth_user_id" not in replayed.session
