"""Passwords are hashed with Argon2id at OWASP's minimum, and older hashes upgraded at sign-in."""

import base64

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


def test_a_current_hash_is_kept_at_each_sign_in(client, applicant, production_hashers):
    applicant.set_password(PASSWORD)
    applicant.save()
    before = applicant.password

    assert login(client, applicant.email, PASSWORD).status_code == 302

    applicant.refresh_from_db()
    # Not stored again (a write and a second hash on every sign-in).
    assert applicant.password == before


def test_the_hash_is_the_standard_argon2id_hash_either_library_verifies():
    import argon2

    from portique.accounts.hashers import Argon2idHasher

    hasher = Argon2idHasher()
    ours = hasher.encode(PASSWORD, hasher.salt())
    assert ours.startswith(OWASP_MINIMUM)
    # argon2-cffi, the reference library, verifies the hash libsodium wrote…
    assert argon2.PasswordHasher().verify(ours.removeprefix("argon2"), PASSWORD)
    # …and writes the same hash for the same salt.
    salt = ours.split("$")[4]
    raw_salt = base64.b64decode(salt + "==")
    reference = argon2.low_level.hash_secret(
        PASSWORD.encode(), raw_salt, time_cost=2, memory_cost=19 * 1024, parallelism=1, hash_len=32,
        type=argon2.low_level.Type.ID,
    )  # fmt: skip
    assert ours == "argon2" + reference.decode("ascii")
    # And a hash argon2-cffi wrote with Django's own salt (22 letters and digits) is verified here.
    django_salted = Argon2PasswordHasher.encode(hasher, PASSWORD, "aB3dE6gH9jK2mN5pQ8sT1v")
    assert hasher.verify(PASSWORD, django_salted)
    assert not hasher.verify("not the password", django_salted)
    assert not hasher.must_update(django_salted)
    assert not hasher.must_update(ours)


@pytest.mark.parametrize("password", [PASSWORD, "mot de passe très sûr, été 2026", "密码" * 40])
def test_a_wrong_password_or_a_damaged_hash_is_refused(password):
    from portique.accounts.hashers import Argon2idHasher

    hasher = Argon2idHasher()
    encoded = hasher.encode(password, hasher.salt())
    assert hasher.verify(password, encoded)
    assert not hasher.verify(password + " ", encoded)
    assert not hasher.verify(password[:-1], encoded)
    damaged = encoded[:-4] + ("AAAA" if not encoded.endswith("AAAA") else "BBBB")
    assert not hasher.verify(password, damaged)


def test_a_salt_given_by_a_caller_is_used_as_django_uses_it():
    from portique.accounts.hashers import Argon2idHasher

    hasher = Argon2idHasher()
    encoded = hasher.encode(PASSWORD, "seasalt2024x")
    assert encoded == Argon2PasswordHasher.encode(hasher, PASSWORD, "seasalt2024x")
    assert hasher.verify(PASSWORD, encoded)
    # A salt that short (about 71 bits) is renewed at the next sign-in.
    assert hasher.must_update(encoded)


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
