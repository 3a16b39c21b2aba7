"""Attack: guess a password from the first things an attacker tries. ``passwordpassword``,
``aaaaaaaaaaaa``, ``P@ssw0rd2024!``, ``letmein12345`` and twelve spaces were accepted
(and signing in with twelve spaces worked). NIST SP 800-63B 5.1.1.2: refuse commonly
used, expected or compromised values; keep the length rule; no composition rules.
"""

import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command

from portique.accounts.models import User
from tests.conftest import PASSWORD

WEAK = ["passwordpassword", "aaaaaaaaaaaa", "P@ssw0rd2024!", "letmein12345", " " * 12, "\t" * 14]
GOOD = "maple canoe drifting slowly north"


@pytest.mark.parametrize("password", WEAK, ids=["repeated word", "one letter", "substitutions and a year",
                                                "common with digits", "twelve spaces", "tabs"])
def test_guessable_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_passphrase_of_ordinary_words_is_accepted_without_composition_rules():
    validate_password(GOOD)  # no capital, digit or symbol required


def test_the_length_rule_stays():
    with pytest.raises(ValidationError) as refused:
        validate_password("tq9#Lm2v")
    assert "password_too_short" in {error.code for error in refused.value.error_list}


@pytest.mark.django_db
@pytest.mark.parametrize("password", WEAK)
def test_the_sign_up_page_refuses_them_in_english(client, password):
    response = client.post(
        "/en/account/signup/", {"email": "weak@example.ca", "password1": password, "password2": password}
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="weak@example.ca").exists()


@pytest.mark.django_db
def test_the_messages_are_in_english_and_french(client):
    data = {"email": "weak@example.ca", "password1": "letmein12345", "password2": "letmein12345"}
    english = client.post("/en/account/signup/", data).content.decode()
    assert "This password is too easy to guess" in english
    french = client.post("/fr/account/signup/", data).content.decode()
    assert "Ce mot de passe est trop facile à deviner" in french
    spaces = {"email": "weak@example.ca", "password1": " " * 12, "password2": " " * 12}
    assert "espaces" in client.post("/fr/account/signup/", spaces).content.decode()


@pytest.mark.django_db
def test_the_representative_sign_up_and_password_change_use_the_same_check(client, applicant):
    from .conftest import representative_form

    response = client.post(
        "/en/account/representative/signup/",
        representative_form(password1="P@ssw0rd2024!", password2="P@ssw0rd2024!", name="id.png"),
    )
    assert response.status_code == 200 and "too easy to guess" in response.content.decode()
    client.force_login(applicant)
    change = client.post(
        "/en/account/password/change/",
        {"oldpassword": PASSWORD, "password1": "passwordpassword", "password2": "passwordpassword"},
    )
    assert change.status_code == 200 and "too easy to guess" in change.content.decode()


@pytest.mark.django_db
def test_the_passwords_of_the_tests_and_the_demo_accounts_pass(capsys, settings, tmp_path):
    validate_password(PASSWORD)
    settings.VAR_DIR = tmp_path
    settings.DEBUG = True
    call_command("demo")
    printed = re.findall(r"@\S+\s+password: (\S+)", capsys.readouterr().out)
    assert len(printed) == 3
    for password in printed:
        validate_password(password)
