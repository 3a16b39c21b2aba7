"""Two-step verification: required for representatives and officers, offered to applicants."""

import pytest
from allauth.mfa.models import Authenticator

from portique.accounts.choices import AuditKind
from portique.accounts.models import AuditEvent
from portique.accounts.totp import current_code
from tests.conftest import PASSWORD, _user, enrol_totp

from .conftest import login

pytestmark = pytest.mark.django_db


def test_a_representative_without_an_authenticator_is_sent_to_set_one_up(client):
    rep = _user("new-rep@example.ca", "representative")
    assert login(client, rep.email, PASSWORD).status_code == 302
    for page in ("/en/account/", "/en/", "/en/account/password/change/"):
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"] == "/en/account/2fa/totp/activate/"
    assert client.get("/en/account/2fa/totp/activate/").status_code == 200


def test_an_officer_without_an_authenticator_is_sent_to_set_one_up(client):
    officer = _user("new-officer@example.ca", "officer")
    client.force_login(officer)
    response = client.get("/fr/account/")
    assert response["Location"] == "/fr/account/2fa/totp/activate/"


def test_an_applicant_may_use_the_portal_without_an_authenticator(client, applicant):
    client.force_login(applicant)
    assert client.get("/en/account/").status_code == 200


def test_setting_up_an_authenticator_with_a_wrong_code_changes_nothing(client):
    rep = _user("rep2@example.ca", "representative")
    login(client, rep.email, PASSWORD)
    page = client.get("/en/account/2fa/totp/activate/")
    assert page.status_code == 200
    response = client.post("/en/account/2fa/totp/activate/", {"code": "000000"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Authenticator.objects.filter(user=rep).exists()


@pytest.mark.django_db(transaction=True)
def test_setting_up_an_authenticator_with_the_right_code(client, mailoutbox):
    rep = _user("rep3@example.ca", "representative")
    login(client, rep.email, PASSWORD)
    page = client.get("/en/account/2fa/totp/activate/")
    secret = page.context["form"].secret
    response = client.post("/en/account/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/2fa/recovery-codes/"
    assert mailoutbox[0].to == [rep.email]  # "two-step verification was turned on"
    assert Authenticator.objects.filter(user=rep, type=Authenticator.Type.TOTP).exists()
    assert AuditEvent.objects.filter(kind=AuditKind.MFA_ENABLED, subject=rep).exists()
    assert client.get("/en/account/").status_code == 200


def test_signing_in_with_mfa_needs_the_code_and_a_wrong_code_is_refused(client, representative):
    secret = None
    from allauth.mfa.utils import decrypt

    secret = decrypt(Authenticator.objects.get(user=representative, type="totp").data["secret"])
    response = login(client, representative.email, PASSWORD)
    assert response["Location"] == "/en/account/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/en/account/2fa/authenticate/", {"code": "123456" if current_code(secret) != "123456" else "654321"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(kind=AuditKind.MFA_FAILED, subject=representative).exists()
    right = client.post("/en/account/2fa/authenticate/", {"code": current_code(secret)})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(representative.pk)
    assert AuditEvent.objects.filter(kind=AuditKind.LOGIN, subject=representative).exists()


def test_the_totp_secret_is_encrypted_at_rest(representative):
    stored = Authenticator.objects.get(user=representative, type="totp").data["secret"]
    assert len(stored) > 60 and stored.startswith("gAAAA")  # a Fernet token, not the base32 secret


@pytest.mark.django_db(transaction=True)
def test_a_representative_cannot_switch_mfa_off_but_an_applicant_can(client, representative, applicant):
    client.force_login(representative)
    response = client.post("/en/account/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(user=representative, type="totp").exists()
    assert response.status_code in (200, 302, 403)

    client.logout()
    login(client, applicant.email, PASSWORD)
    enrol_totp(applicant)
    client.post("/en/account/2fa/totp/deactivate/")
    assert not Authenticator.objects.filter(user=applicant, type="totp").exists()
    assert AuditEvent.objects.filter(kind=AuditKind.MFA_DISABLED, subject=applicant).exists()


@pytest.mark.parametrize(("language", "words"), [("en", "signing in is blocked"), ("fr", "la connexion est bloquée")])
def test_too_many_wrong_codes_block_with_a_readable_message_in_each_language(client, representative, language, words):
    from django.core.cache import cache

    cache.clear()
    login(client, representative.email, PASSWORD, language)
    pages = [
        client.post(f"/{language}/account/2fa/authenticate/", {"code": "000000"}).content.decode() for _ in range(8)
    ]
    blocked = [page for page in pages if words in page]
    assert blocked, "no lockout after eight wrong codes"
    assert "%(" not in blocked[-1] and "%s" not in blocked[-1]
