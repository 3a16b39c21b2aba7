"""The sponsor's eligibility answers, given before the sponsorship starts, are kept per account
(issue 14: nothing is lost): they survive signing out, no other account reads them, and the
application takes them when it starts."""

import pytest

from portique.applications.models import Application, SponsorEligibilityAnswers
from portique.applications.people.eligibility import eligibility_answers_of
from tests.applications.test_sponsorship_start import _answer_every_page, _post

URL = "/en/applications/sponsorship/start/spouse_sponsorship/"


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    from django.utils import translation

    translation.activate("en")


def _first_page(client):
    response = client.post(URL, _post(date_of_birth="1979-02-03"))
    assert response.status_code == 302 and "?page=" in response["Location"]
    return response["Location"]


@pytest.mark.django_db
def test_the_answers_survive_signing_out_and_signing_in_again(client, applicant):
    client.force_login(applicant)
    second_page = _first_page(client)
    client.logout()
    client.force_login(applicant)
    # The sponsor finds their answer on the first page and goes on where they were.
    assert 'value="1979-02-03"' in client.get(URL).content.decode()
    assert client.get(second_page).status_code == 200
    assert eligibility_answers_of(actor=applicant, program="spouse_sponsorship")["sponsor"]["date_of_birth"] == (
        "1979-02-03"
    )


@pytest.mark.django_db
def test_another_account_never_reads_them(client, applicant, other_applicant):
    client.force_login(applicant)
    _first_page(client)
    client.force_login(other_applicant)
    assert "1979-02-03" not in client.get(URL).content.decode()
    assert eligibility_answers_of(actor=other_applicant, program="spouse_sponsorship") == {}
    # Nor in another program of the same account.
    assert eligibility_answers_of(actor=applicant, program="child_sponsorship") == {}


@pytest.mark.django_db
def test_starting_the_application_takes_the_answers_and_clears_them(client, applicant):
    client.force_login(applicant)
    _first_page(client)
    response = _answer_every_page(client, URL, _post(date_of_birth="1979-02-03"))
    assert response.status_code == 302
    application = Application.objects.get(owner=applicant)
    sponsor = application.people.get(position=0)
    assert sponsor.answers["IMM1344"]["sponsor"]["date_of_birth"] == "1979-02-03"
    assert not SponsorEligibilityAnswers.objects.exists()
    # A new sponsorship starts with blank questions.
    assert "1979-02-03" not in client.get(URL).content.decode()
