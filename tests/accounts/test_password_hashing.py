"""Passwords are hashed with Argon2id at OWASP's minimum, and older hashes upgraded at sign-in."""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher, identify_hasher

from portique import settings as production
from portique.accounts.models import User
from tests.conftest import PASSWORD

from .conftest import login

pytestmark = pytest.mark.django_db

OWASP_MINIMUM = "argon2$argon2id$v=19$m=19456,t=2,p=1$"


@pytest.fixture
def production_hashers(settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS


def _stored(applicant, encoded: str) -> None:
    User.objects.filter(pk=applicant.pk).update(password=encoded)


def test_a_new_password_is_hashed_with_argon2id_19_mib_2_iterations_1_lane(production_hashers):
    user = User(email="hash@example.ca")
    user.set_password(PASSWORD)
    assert user.password.startswith(OWASP_MINIMUM)
    assert user.check_password(PASSWORD)
    assert not user.check_password("not the password")


@pytest.mark.parametrize(
    "older",
    [
        pytest.param(Argon2PasswordHasher(), id="django-default-argon2-100-mib-8-lanes"),
        pytest.param(PBKDF2PasswordHasher(), id="pbkdf2"),
    ],
)
def test_a_hash_with_other_parameters_is_upgraded_at_the_next_sign_in(client, applicant, production_hashers, older):
    _stored(applicant, older.encode(PASSWORD, older.salt()))
    applicant.refresh_from_db()
    assert not applicant.password.startswith(OWASP_MINIMUM)

    response = login(client, applicant.email, PASSWORD)

    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.password.startswith(OWASP_MINIMUM)
    assert identify_hasher(applicant.password).verify(PASSWORD, applicant.password)
    # And the person still signs in with the same password afterwards.
    client.logout()
    assert login(client, applicant.email, PASSWORD).status_code == 302


def test_a_failed_sign_in_leaves_the_stored_hash_alone(client, applicant, production_hashers):
    older = Argon2PasswordHasher()
    _stored(applicant, older.encode(PASSWORD, older.salt()))
    applicant.refresh_from_db()
    before = applicant.password

    response = login(client, applicant.email, "a wrong password entirely")

    assert response.status_code == 200
    applicant.refresh_from_db()
    assert applicant.password == before


@pytest.fixture
def argon2_work(monkeypatch, production_hashers):
    """Every Argon2id check and hash a request makes (each is about 20 ms of CPU)."""
    from portique.accounts.hashers import Argon2idHasher

    done = []
    for method in ("verify", "encode"):
        real = getattr(Argon2idHasher, method)

        def counted(self, *args, _real=real, _method=method):
            done.append(_method)
            return _real(self, *args)

        monkeypatch.setattr(Argon2idHasher, method, counted)
    return done


@pytest.mark.parametrize(
    ("address", "password", "signed_in"),
    [
        pytest.param("applicant@example.ca", PASSWORD, True, id="right-password"),
        pytest.param("applicant@example.ca", "not the password at all", False, id="wrong-password"),
        pytest.param("APPLICANT@example.ca", PASSWORD, True, id="address-in-capitals"),
        pytest.param("nobody@example.ca", "not the password at all", False, id="unknown-address"),
    ],
)
def test_a_sign_in_costs_one_argon2_check_whatever_its_outcome(client, applicant, argon2_work, address, password, signed_in):
    from django.contrib.auth.signals import user_login_failed

    applicant.set_password(PASSWORD)
    applicant.save()
    argon2_work.clear()
    failures = []
    user_login_failed.connect(lambda sender, **kwargs: failures.append(sender), weak=False, dispatch_uid="counted")
    try:
        response = login(client, address, password)
    finally:
        user_login_failed.disconnect(dispatch_uid="counted")
    assert (response.status_code == 302) is signed_in
    # One check (or, for an unknown address, one hash of the same cost), not one per backend.
    assert len(argon2_work) == 1, argon2_work
    # A failure is still announced to the listeners, as Django does (the lockout counts them).
    assert len(failures) == (0 if signed_in else 1)
