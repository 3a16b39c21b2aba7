"""The signed-in header: who is signed in, their own work, their account, signing out, the idle warning."""

import re

import pytest

from portique.accounts.models import User

pytestmark = pytest.mark.django_db


def _header(client, url: str) -> str:
    body = client.get(url).content.decode()
    return body[body.index('<ul class="header-tools">') : body.index("</header>")]


@pytest.mark.parametrize(
    ("language", "signed_in", "own_work", "account", "sign_out", "warning"),
    [
        ("en", "Signed in as applicant@example.ca", ">My applications<", ">Your account<", ">Sign out<",
         'data-title="You will be signed out soon"'),
        ("fr", "Connecté en tant que applicant@example.ca", ">Mes demandes<", ">Votre compte<",
         ">Se déconnecter<", 'data-stay="Rester connecté"'),
    ],
)  # fmt: skip
def test_an_applicant_sees_who_is_signed_in_and_their_applications_in_their_language(
    client, applicant, language, signed_in, own_work, account, sign_out, warning
):
    client.force_login(applicant)
    header = _header(client, f"/{language}/")
    for text in (signed_in, own_work, account, sign_out, warning):
        assert text in header
    assert f'href="/{language}/applications/"' in header
    assert f'action="/{language}/account/logout/"' in header
    assert re.search(r'name="csrfmiddlewaretoken" value="\w{64}"', header)


def test_the_header_follows_the_idle_settings_and_the_language_of_each_request(client, applicant, settings):
    client.force_login(applicant)
    assert 'data-idle-seconds="1200"' in _header(client, "/en/")
    settings.SESSION_IDLE_SECONDS = 600
    settings.SESSION_IDLE_WARNING_SECONDS = 180
    header = _header(client, "/en/")
    assert 'data-idle-seconds="600" data-warning-seconds="180"' in " ".join(header.split())
    assert "signed out after 10 minutes without activity" in header
    assert "you will be signed out in 3 minutes" in header
    french = _header(client, "/fr/")
    assert "déconnecté après 10 minutes d’inactivité" in french
    assert "Signed in as" not in french and "Signed in as" in _header(client, "/en/")


def test_the_address_shown_is_escaped(client):
    person = User.objects.create_user(email="o'brien&co@example.ca", password="unused password 1234", role="applicant")
    client.force_login(person)
    assert "Signed in as o&#x27;brien&amp;co@example.ca" in _header(client, "/en/")


def test_a_representative_and_an_officer_see_their_own_work(client, representative, officer):
    client.force_login(representative)
    assert ">Your clients' applications<" in _header(client, "/en/")
    client.force_login(officer)
    header = _header(client, "/fr/")
    assert ">Files de travail<" in header
    assert ">Mes demandes<" not in header
