"""A paper application that follows a kit request (issue #9): the officer gives the kit's reference at
intake; both records show the link, and the kit request's history says the application arrived."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation

from portique.alternatives import services
from portique.alternatives.choices import EventKind
from portique.alternatives.models import KitFollowUp
from portique.applications import paper_intake
from portique.applications.models import Application
from portique.applications.paper_intake import PaperIntakeInvalid

from .conftest import braille_by_mail
from .test_paper_intake import RECEIVED, TODAY, pr_card_by_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def pr_card_kit():
    return services.kit_request_submit(data=braille_by_mail(), language="fr", on=RECEIVED)


def register(officer, reference: str, **changes) -> Application:
    return services.paper_application_register_following_kit(
        actor=officer, data=pr_card_by_mail(**changes), kit_reference=reference, today=TODAY
    )


def test_the_kit_reference_given_at_intake_links_the_application_to_its_kit_request(officer, pr_card_kit):
    # Typed as read on the covering letter: any case, spaces.
    typed = " " + pr_card_kit.reference.lower().replace("-", "- ") + " "

    application = register(officer, typed)

    link = KitFollowUp.objects.get()
    assert (link.kit_request, link.application, link.linked_by) == (pr_card_kit, application, officer)
    event = pr_card_kit.events.get(kind=EventKind.PAPER_APPLICATION)
    assert event.actor == officer
    assert event.detail == f"paper application {application.number} received on {RECEIVED.isoformat()}"


def test_a_blank_reference_registers_the_application_alone(officer, pr_card_kit):
    application = register(officer, "  ")
    assert application.on_paper
    assert not KitFollowUp.objects.exists()
    assert not pr_card_kit.events.filter(kind=EventKind.PAPER_APPLICATION).exists()


@pytest.mark.parametrize(
    ("reference", "changes", "english", "french"),
    [
        (
            "ALT-NOSUCH22",
            {},
            "No kit request has the reference number ALT-NOSUCH22",
            "Aucune demande de trousse",
        ),
        (None, {"program": "spouse_sponsorship"}, "was for another kit", "visait une autre trousse"),
    ],
)
def test_a_wrong_reference_is_refused_in_both_languages_and_nothing_is_saved(
    officer, pr_card_kit, reference, changes, english, french
):
    with pytest.raises(PaperIntakeInvalid) as refused:
        register(officer, reference or pr_card_kit.reference, **changes)
    [message] = refused.value.errors["kit_reference"]
    assert english in str(message)
    with translation.override("fr"):
        assert french in str(message)
    assert not Application.objects.exists() and not KitFollowUp.objects.exists()
    assert not pr_card_kit.events.filter(kind=EventKind.PAPER_APPLICATION).exists()


def test_the_kit_error_joins_the_intake_s_errors(officer):
    with pytest.raises(PaperIntakeInvalid) as refused:
        register(officer, "ALT-NOSUCH22", applicant_name="")
    assert {"applicant_name", "kit_reference"} <= set(refused.value.errors)
    assert not Application.objects.exists()


def test_only_an_intake_officer_links_a_kit_request(applicant, pr_card_kit):
    with pytest.raises(PermissionDenied):
        register(applicant, pr_card_kit.reference)
    assert not KitFollowUp.objects.exists()


def test_both_records_show_the_link(officer, pr_card_kit, django_capture_on_commit_callbacks):
    client = Client()
    client.force_login(officer)
    response = client.post(
        "/en/alternatives/officer/paper/new/",
        {
            "program": "pr_card",
            "received_on": RECEIVED.isoformat(),
            "receipt_channel": "mail",
            "basis": "disability",
            "applicant_name": "Alex Marie Tremblay",
            "mailing_address": "12 Sparks St\nOttawa ON  K1P 5B2",
            "email": "",
            "language": "fr",
            "kit_reference": pr_card_kit.reference,
        },
    )
    assert response.status_code == 302
    application = Application.objects.get()
    paper_file = client.get(response["Location"]).content.decode()
    assert f'href="/en/alternatives/officer/kits/{pr_card_kit.reference}/"' in paper_file
    kit_page = client.get(f"/en/alternatives/officer/kits/{pr_card_kit.reference}/").content.decode()
    assert f'href="/en/alternatives/officer/paper/{application.public_id}/"' in kit_page
    assert application.number in kit_page

    with django_capture_on_commit_callbacks(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    casework_file = client.get(f"/en/officer/files/{application.public_id}/").content.decode()
    assert f'href="/en/alternatives/officer/kits/{pr_card_kit.reference}/"' in casework_file
    kit_page = client.get(f"/fr/alternatives/officer/kits/{pr_card_kit.reference}/").content.decode()
    assert f'href="/fr/officer/files/{application.public_id}/"' in kit_page
    assert "Demandes sur papier qui ont suivi" in kit_page


def test_a_wrong_reference_on_the_register_page_is_shown_at_its_field(officer):
    client = Client()
    client.force_login(officer)
    response = client.post(
        "/fr/alternatives/officer/paper/new/",
        {
            "program": "pr_card",
            "received_on": RECEIVED.isoformat(),
            "receipt_channel": "mail",
            "basis": "disability",
            "applicant_name": "Alex Marie Tremblay",
            "mailing_address": "12 Sparks St\nOttawa ON  K1P 5B2",
            "language": "fr",
            "kit_reference": "ALT-NOSUCH22",
        },
    )
    assert response.status_code == 400
    assert "Aucune demande de trousse" in response.content.decode()
    assert not Application.objects.exists()
