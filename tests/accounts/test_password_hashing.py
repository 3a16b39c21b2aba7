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
