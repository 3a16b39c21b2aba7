"""Temporary lockout after repeated failed sign-ins, per account and per address."""

import pytest
import time_machine
from django.conf import settings

from portique.accounts import lockout
from portique.accounts.choices import AuditKind
from portique.accounts.models import AuditEvent
from tests.conftest import PASSWORD

from .conftest import login

pytestmark = pytest.mark.django_db

LOCKED = "Too many failed attempts to sign in"


def _fail(client, email, times, ip="192.0.2.10"):
    for _ in range(times):
        client.post("/en/account/login/", {"login": email, "password": "wrong password"}, REMOTE_ADDR=ip)


def test_an_account_is_locked_after_repeated_failures_even_with_the_right_password(client, applicant):
    with time_machine.travel("2026-05-01 09:00 -0400", tick=False):
        _fail(client, applicant.email, settings.LOCKOUT_ACCOUNT_FAILURES)
        response = login(client, applicant.email, PASSWORD)
        assert LOCKED in response.content.decode()
        assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED, subject=applicant).count() == (
        settings.LOCKOUT_ACCOUNT_FAILURES
    )
    lock = AuditEvent.objects.get(kind=AuditKind.LOCKOUT, subject=applicant)
    assert lock.details["account"] is True and lock.ip == "192.0.2.10"


def test_the_lockout_ends_by_itself(client, applicant):
    with time_machine.travel("2026-05-01 09:00 -0400", tick=False):
        _fail(client, applicant.email, settings.LOCKOUT_ACCOUNT_FAILURES)
    minutes = settings.LOCKOUT_SECONDS // 60
    with time_machine.travel(f"2026-05-01 09:{minutes - 1:02d} -0400", tick=False):
        assert LOCKED in login(client, applicant.email, PASSWORD).content.decode()
    with time_machine.travel(f"2026-05-01 09:{minutes + 1:02d} -0400", tick=False):
        response = login(client, applicant.email, PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(applicant.pk)


def test_an_unknown_e_mail_is_locked_the_same_way(client):
    # Otherwise the lockout itself would tell which addresses have accounts.
    _fail(client, "nobody@example.ca", settings.LOCKOUT_ACCOUNT_FAILURES)
    response = login(client, "nobody@example.ca", PASSWORD)
    assert LOCKED in response.content.decode()
    assert AuditEvent.objects.filter(kind=AuditKind.LOCKOUT, subject_email="nobody@example.ca").exists()


def test_an_address_that_tries_many_accounts_is_locked(client, applicant, settings):
    settings.LOCKOUT_ADDRESS_FAILURES = 4
    for number in range(4):
        _fail(client, f"stuffing-{number}@example.ca", 1, ip="198.51.100.7")
    response = client.post(
        "/en/account/login/", {"login": applicant.email, "password": PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )
    assert LOCKED in response.content.decode()
    # The same account from another address is not blocked.
    response = client.post(
        "/en/account/login/", {"login": applicant.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.5"
    )
    assert response.status_code == 302


def test_a_successful_sign_in_resets_the_account_count(client, applicant):
    _fail(client, applicant.email, settings.LOCKOUT_ACCOUNT_FAILURES - 1)
    assert login(client, applicant.email, PASSWORD).status_code == 302
    client.post("/en/account/logout/")
    _fail(client, applicant.email, settings.LOCKOUT_ACCOUNT_FAILURES - 1)
    assert not lockout.is_locked(email=applicant.email, ip=None)


def test_the_lockout_counts_the_e_mail_without_regard_to_case():
    for _ in range(settings.LOCKOUT_ACCOUNT_FAILURES):
        lockout.record_failure(email="Person@Example.CA", ip=None)
    assert lockout.is_locked(email="person@example.ca", ip=None)
    lockout.clear_account(email="PERSON@example.ca")
    assert not lockout.is_locked(email="person@example.ca", ip=None)
