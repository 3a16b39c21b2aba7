"""Applicant sign-up, e-mail verification, password rules, enumeration protection."""

import re
from urllib.parse import urlsplit

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings

from portique.accounts.choices import AuditKind, Role
from portique.accounts.models import AuditEvent, User
from tests.conftest import PASSWORD

from .conftest import login

pytestmark = pytest.mark.django_db

STRONG = "a long phrase of several words 2026"


def _signup(client, email, password=STRONG, language="en"):
    return client.post(
        f"/{language}/account/signup/", {"email": email, "password1": password, "password2": password}
    )


def _link(mail) -> str:
    return re.search(r"https?://[^\s]+/confirm-email/[^\s]+/", mail.body).group(0)


def test_an_applicant_signs_up_and_must_verify_the_address_before_signing_in(client, mailoutbox):
    response = _signup(client, "New.Person@Example.ca")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/confirm-email/"
    user = User.objects.get(email="new.person@example.ca")
    assert user.role == Role.APPLICANT
    assert user.preferred_language == "en"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["new.person@example.ca"]

    # Not verified yet: signing in sends another link instead of signing in.
    response = login(client, "new.person@example.ca", STRONG)
    assert "_auth_user_id" not in client.session

    path = urlsplit(_link(mailoutbox[0])).path
    assert client.get(path).status_code == 200  # a GET shows a button; it does not verify
    assert not EmailAddress.objects.get(user=user).verified
    client.post(path)
    assert EmailAddress.objects.get(user=user).verified
    assert AuditEvent.objects.filter(kind=AuditKind.EMAIL_VERIFIED, subject=user).exists()

    response = login(client, "new.person@example.ca", STRONG)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signing_up_in_french_keeps_french_for_the_account_and_its_mail(client, mailoutbox):
    _signup(client, "francais@example.ca", language="fr")
    user = User.objects.get(email="francais@example.ca")
    assert user.preferred_language == "fr"
    assert "/fr/account/confirm-email/" in mailoutbox[0].body
    assert "Bonjour" in mailoutbox[0].body and "Vous recevez" in mailoutbox[0].body


def test_a_verification_link_expires(client, mailoutbox):
    with time_machine.travel("2026-03-01 12:00 -0500", tick=False):
        _signup(client, "late@example.ca")
        path = urlsplit(_link(mailoutbox[0])).path
    days = settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS
    with time_machine.travel(f"2026-03-{1 + days + 1:02d} 12:00 -0500", tick=False):
        response = client.post(path)
    assert not EmailAddress.objects.get(email="late@example.ca").verified
    assert response.status_code in (200, 404)


def test_a_used_verification_link_cannot_verify_again(client, mailoutbox, applicant):
    _signup(client, "once@example.ca")
    path = urlsplit(_link(mailoutbox[0])).path
    client.post(path)
    assert EmailAddress.objects.get(email="once@example.ca").verified
    # The same link, replayed, does not verify anything for anyone else either.
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert AuditEvent.objects.filter(kind=AuditKind.EMAIL_VERIFIED).count() == 1


def test_a_duplicate_e_mail_gets_the_same_answer_and_the_owner_is_told(client, mailoutbox, applicant):
    new = _signup(client, "someone-new@example.ca")
    mailoutbox.clear()
    taken = _signup(client, applicant.email.upper())
    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"]
    assert User.objects.filter(email=applicant.email).count() == 1
    # The owner of the address learns that someone tried; the visitor learns nothing.
    assert mailoutbox[0].to == [applicant.email]
    assert "already" in mailoutbox[0].body.lower()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short pass", "too short"),
        ("password1234", "too common"),
        ("123456789012345", "entirely numeric"),
    ],
)
def test_a_weak_password_is_refused_next_to_the_field(client, password, message):
    response = _signup(client, "weak@example.ca", password=password)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert 'aria-invalid="true"' in body
    assert 'class="error-summary"' in body
    assert not User.objects.filter(email="weak@example.ca").exists()


def test_a_weak_password_is_refused_in_french_too(client):
    response = _signup(client, "faible@example.ca", password="password1234", language="fr")
    assert "trop courant" in response.content.decode()


def test_a_password_like_the_e_mail_is_refused(client):
    response = _signup(client, "marguerite.bouchard@example.ca", password="marguerite.bouchard")
    assert response.status_code == 200
    assert not User.objects.filter(email="marguerite.bouchard@example.ca").exists()


def test_a_wrong_password_gives_the_same_words_whether_or_not_the_account_exists(client, applicant):
    known = login(client, applicant.email, "not the password at all").content.decode()
    unknown = login(client, "nobody@example.ca", "not the password at all").content.decode()
    message = "The e-mail address or the password is not correct."
    assert message in known and message in unknown


def test_password_reset_does_not_reveal_whether_the_account_exists(client, mailoutbox, applicant):
    known = client.post("/en/account/password/reset/", {"email": applicant.email})
    unknown = client.post("/en/account/password/reset/", {"email": "nobody@example.ca"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert {tuple(m.to) for m in mailoutbox} == {(applicant.email,), ("nobody@example.ca",)}


def test_officers_cannot_sign_up_themselves(client):
    # The only public sign-up makes applicants; there is no officer sign-up page.
    _signup(client, "wannabe.officer@example.ca")
    assert User.objects.get(email="wannabe.officer@example.ca").role == Role.APPLICANT
    assert client.post("/en/account/signup/", {"email": "x@example.ca", "password1": STRONG, "password2": STRONG,
                                               "role": "officer"}).status_code == 302
    assert User.objects.get(email="x@example.ca").role == Role.APPLICANT


def _reset_link(client, mailoutbox, email) -> str:
    client.post("/en/account/password/reset/", {"email": email})
    return re.search(r"https?://[^/\s]+(/\S+/password/reset/key/\S+/)", mailoutbox[-1].body).group(1)


def test_a_password_reset_link_works_once(client, mailoutbox, applicant):
    path = _reset_link(client, mailoutbox, applicant.email)
    form_path = client.get(path)["Location"]
    new = "a brand new long phrase 2026"
    assert client.post(form_path, {"password1": new, "password2": new}).status_code == 302
    applicant.refresh_from_db()
    assert applicant.check_password(new)
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_RESET, subject=applicant).exists()
    client.logout()
    again = client.get(path, follow=True)
    assert again.context["token_fail"]


def test_a_password_reset_link_expires(client, mailoutbox, applicant):
    with time_machine.travel("2026-04-01 10:00 -0400", tick=False) as clock:
        path = _reset_link(client, mailoutbox, applicant.email)
        clock.shift(settings.PASSWORD_RESET_TIMEOUT + 1)
        response = client.get(path, follow=True)
        assert response.context["token_fail"]
        new = "a brand new long phrase 2026"
        client.post(path, {"password1": new, "password2": new})
    applicant.refresh_from_db()
    assert applicant.check_password(PASSWORD)


def test_a_password_reset_refuses_a_weak_new_password(client, mailoutbox, applicant):
    path = _reset_link(client, mailoutbox, applicant.email)
    form_path = client.get(path)["Location"]
    response = client.post(form_path, {"password1": "password1234", "password2": "password1234"})
    assert response.status_code == 200 and "too common" in response.content.decode()
    applicant.refresh_from_db()
    assert applicant.check_password(PASSWORD)
