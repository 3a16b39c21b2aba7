"""Where a person lands after signing in: their own work, unless a page asked them to sign in."""

import pytest
from django.test import RequestFactory

from portique.accounts.adapter import AccountAdapter
from tests.conftest import PASSWORD


def _landing(user, language="en") -> str:
    from django.utils import translation

    request = RequestFactory().get("/")
    request.user = user
    with translation.override(language):
        return AccountAdapter(request).get_login_redirect_url(request)


@pytest.mark.django_db
def test_an_applicant_signs_in_to_their_applications(client, applicant):
    response = client.post("/fr/account/login/", {"login": applicant.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/fr/applications/"
    assert "Mes demandes" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_a_page_that_asked_for_sign_in_comes_first(client, applicant):
    response = client.post(
        "/en/account/login/?next=/en/applications/start/", {"login": applicant.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/applications/start/"


@pytest.mark.django_db
def test_a_verified_representative_lands_on_their_clients_applications(representative, other_representative):
    assert _landing(representative) == "/en/representative/"
    # Not verified yet: the account page, which says where the verification stands.
    assert _landing(other_representative, "fr") == "/fr/account/"


@pytest.mark.django_db
def test_an_officer_lands_on_the_account_page_that_lists_their_tools(officer):
    assert _landing(officer) == "/en/account/"
