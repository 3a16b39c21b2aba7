"""Paper intake through HTTP: officers only, bilingual errors, the officer's data entry on the applicant's pages."""

import pytest
from django.test import Client
from django.utils.html import escape

from portique.applications import paper_intake
from portique.applications.choices import Status
from portique.applications.models import Application
from tests.conftest import _officer

from .test_paper_intake import TODAY, entered_complete, pr_card_by_mail

pytestmark = pytest.mark.django_db

REGISTER = "/{language}/alternatives/officer/paper/new/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def registration(**changes) -> dict:
    data = {
        "program": "pr_card",
        "received_on": "2026-11-22",
        "receipt_channel": "courier",
        "basis": "disability",
        "applicant_name": "Alex Marie Tremblay",
        "mailing_address": "12 Sparks St, apt 4\nOttawa ON  K1P 5B2",
        "email": "",
        "language": "en",
    }
    data.update(changes)
    return data


def test_only_intake_officers_see_the_paper_pages(officer, applicant, representative):
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    decision_maker = _officer("decider@example.ca", ["decision_maker"])
    urls = [
        "/en/alternatives/officer/paper/",
        REGISTER.format(language="en"),
        f"/en/alternatives/officer/paper/{application.public_id}/",
        f"/en/applications/{application.public_id}/form/contact/",
        f"/en/documents/{application.public_id}/",
    ]
    for outsider in (applicant, representative, decision_maker):
        client = signed_in(outsider)
        for url in urls:
            assert client.get(url).status_code == 404, (outsider.email, url)
        assert client.post(f"/en/alternatives/officer/paper/{application.public_id}/send/").status_code == 404
        assert client.post(REGISTER.format(language="en"), registration()).status_code == 404
    application.refresh_from_db()
    assert application.status == Status.DRAFT
    assert Application.objects.count() == 1
    assert signed_in(officer).get(urls[2]).status_code == 200
    assert Client().get(urls[0]).status_code == 302  # to sign in


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Enter the date the paper application was received.",
                "Enter the applicant’s name as it is written on the forms.",
            ],
        ),
        (
            "fr",
            [
                "Entrez la date de réception de la demande papier.",
                "Entrez le nom du demandeur tel qu’il est écrit sur les formulaires.",
            ],
        ),
    ],
)
def test_a_registration_without_date_or_name_is_refused_in_the_page_language(officer, language, expected):
    response = signed_in(officer).post(
        REGISTER.format(language=language), registration(received_on="", applicant_name="")
    )

    assert response.status_code == 400
    page = response.content.decode()
    for message in expected:
        assert message in page
    assert not Application.objects.exists()


def test_an_officer_registers_and_lands_on_the_paper_file(officer):
    client = signed_in(officer)
    response = client.post(REGISTER.format(language="en"), registration())

    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/alternatives/officer/paper/{application.public_id}/"
    page = client.get(response["Location"]).content.decode()
    assert "By mail (no e-mail address was given)" in page
    assert "Relies on no valid exemption" not in page
    # The applicant's overview sends the officer to the intake page.
    overview = client.get(f"/en/applications/{application.public_id}/")
    assert overview["Location"] == f"/en/alternatives/officer/paper/{application.public_id}/"


def test_sending_to_screening_opens_the_casework_file(officer):
    application = entered_complete(officer)
    client = signed_in(officer)

    response = client.post(f"/en/alternatives/officer/paper/{application.public_id}/send/")

    assert response["Location"] == f"/en/officer/files/{application.public_id}/"
    page = client.get(response["Location"]).content.decode()
    assert "Received on paper" in page
    # The work queue lists it with the name taken in: it has no account holder.
    queue = client.get("/en/officer/?queue=screening").content.decode()
    assert application.number in queue
    assert "Alex Marie Tremblay (paper)" in queue
    # Once sent, the intake pages no longer change it.
    assert client.get(f"/en/alternatives/officer/paper/{application.public_id}/").status_code == 404


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_flagged_paper_sponsorship_shows_the_rule_on_its_file(officer, language):
    client = signed_in(officer)
    client.post(
        REGISTER.format(language=language),
        registration(program="spouse_sponsorship", basis="none", language=language),
    )
    application = Application.objects.get()

    page = client.get(f"/{language}/alternatives/officer/paper/{application.public_id}/").content.decode()

    flag = application.paper_intake.flag
    assert flag["code"] == "PAPER_APPLICATION_WITHOUT_EXEMPTION"
    assert (
        "Relies on no valid exemption" if language == "en" else "Ne s’appuie sur aucune exception valide"
    ) in page
    assert escape(flag[language]) in page
    assert escape(flag["citation"]) in page
    # Both signers of a sponsorship are offered: the sponsor and the principal applicant.
    assert page.count('type="checkbox"') == 2
