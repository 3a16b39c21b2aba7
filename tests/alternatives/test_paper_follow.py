"""A paper application followed online: its applicant links it with its number and facts only they
know; any wrong set gets the same refusal; attempts are limited; letters then also arrive online."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.http import Http404
from django.urls import reverse

from portique.applications import paper_intake
from portique.applications.access import Capability, access_application
from portique.applications.models import PaperFollower
from portique.applications.paper_follow import (
    PaperLinkLimited,
    PaperLinkRefused,
    paper_application_link,
)
from portique.casework import services as casework
from tests.alternatives.test_paper_intake import TODAY, entered_complete

BORN = date(1988, 4, 2)  # complete_answers()'s date of birth
POSTAL_CODE = "k1p5b2"  # the intake's mailing address says "K1P 5B2"


@pytest.fixture
def sent(officer, django_capture_on_commit_callbacks):
    application = entered_complete(officer)
    with django_capture_on_commit_callbacks(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    application.refresh_from_db()
    return application


@pytest.mark.django_db
def test_the_right_facts_link_and_the_applicant_then_reads_the_file(applicant, sent):
    with pytest.raises(Http404):
        access_application(actor=applicant, public_id=sent.public_id, capability=Capability.READ)
    linked = paper_application_link(actor=applicant, number=sent.number.lower(), born_on=BORN, postal_code=POSTAL_CODE)
    assert linked == sent
    assert PaperFollower.objects.get(application=sent).account == applicant
    assert access_application(actor=applicant, public_id=sent.public_id, capability=Capability.READ) == sent
    # Reading only: it stays a paper application that nobody changes from an account.
    from portique.applications.access import AccessRefused

    with pytest.raises(AccessRefused):
        access_application(actor=applicant, public_id=sent.public_id, capability=Capability.PREPARE)
    # Linking again is harmless.
    assert paper_application_link(actor=applicant, number=sent.number, born_on=BORN, postal_code=POSTAL_CODE) == sent


@pytest.mark.django_db
def test_wrong_facts_are_refused_with_one_message(applicant, other_applicant, sent, settings):
    settings.PAPER_LINK_RATE_LIMIT = (100, 3600)
    messages = set()
    for number, born, postal in (
        (sent.number, date(1988, 4, 3), POSTAL_CODE),  # wrong date of birth
        (sent.number, BORN, "K1A 0B1"),  # wrong postal code
        (sent.number, BORN, ""),  # none
        ("PRC20269999999", BORN, POSTAL_CODE),  # no such application
        ("", BORN, POSTAL_CODE),
    ):
        with pytest.raises(PaperLinkRefused) as refused:
            paper_application_link(actor=applicant, number=number, born_on=born, postal_code=postal)
        messages.add(str(refused.value.message))
    assert len(messages) == 1
    assert not PaperFollower.objects.exists()
    # Once linked, another account with the same facts gets the same refusal.
    paper_application_link(actor=applicant, number=sent.number, born_on=BORN, postal_code=POSTAL_CODE)
    with pytest.raises(PaperLinkRefused):
        paper_application_link(actor=other_applicant, number=sent.number, born_on=BORN, postal_code=POSTAL_CODE)
    assert PaperFollower.objects.get().account == applicant


@pytest.mark.django_db
def test_an_online_application_cannot_be_linked_this_way(applicant, other_applicant, settings):
    from tests.casework.factories import submitted_application

    online = submitted_application(other_applicant)
    with pytest.raises(PaperLinkRefused):
        paper_application_link(actor=applicant, number=online.number, born_on=BORN, postal_code="K1P 5B5")


@pytest.mark.django_db
def test_attempts_are_limited_even_with_the_right_facts_after_the_limit(applicant, sent, settings):
    settings.PAPER_LINK_RATE_LIMIT = (3, 3600)
    for _ in range(3):
        with pytest.raises(PaperLinkRefused):
            paper_application_link(actor=applicant, number=sent.number, born_on=BORN, postal_code="A0A 0A0")
    with pytest.raises(PaperLinkLimited):
        paper_application_link(actor=applicant, number=sent.number, born_on=BORN, postal_code=POSTAL_CODE)
    assert not PaperFollower.objects.exists()


@pytest.mark.django_db
def test_letters_then_arrive_online_and_are_announced_while_the_mail_goes_on(
    client, officer, applicant, sent, django_capture_on_commit_callbacks
):
    paper_application_link(actor=applicant, number=sent.number, born_on=BORN, postal_code=POSTAL_CODE)
    with django_capture_on_commit_callbacks(execute=True):
        letter = casework.application_accept(actor=officer, public_id=sent.public_id, on=TODAY, draw=lambda: 1.0)
    # The paper channel the intake recorded goes on: the letter is mailed.
    assert letter.channel == "mail"
    (notice,) = mail.outbox
    assert notice.to == [applicant.email] and sent.number in notice.body
    client.force_login(applicant)
    page = client.get(reverse("applications:overview", args=[sent.public_id])).content.decode()
    assert reverse("casework_applicant:letter", args=[sent.public_id, letter.public_id, "fr"]) in page
    download = client.get(reverse("casework_applicant:letter", args=[sent.public_id, letter.public_id, "en"]))
    assert download.status_code == 200
    # Nothing to change or withdraw from the account: it is a paper application.
    assert client.get(reverse("casework_applicant:withdraw", args=[sent.public_id])).status_code == 404


@pytest.mark.django_db
def test_the_link_page_gives_the_same_answer_to_wrong_details(client, applicant, sent, settings):
    settings.PAPER_LINK_RATE_LIMIT = (100, 3600)
    client.force_login(applicant)
    url = reverse("applications:paper_link")
    assert client.get(url).status_code == 200
    wrong_number = client.post(url, {"number": "PRC20269999999", "date_of_birth": "1988-04-02", "postal_code": "K1P 5B2"})
    wrong_birth = client.post(url, {"number": sent.number, "date_of_birth": "1988-04-03", "postal_code": "K1P 5B2"})
    assert wrong_number.status_code == wrong_birth.status_code == 400
    assert str(PaperLinkRefused.message) in wrong_number.content.decode()
    assert str(PaperLinkRefused.message) in wrong_birth.content.decode()
    right = client.post(url, {"number": sent.number, "date_of_birth": "1988-04-02", "postal_code": "K1P 5B2"})
    assert right.status_code == 302 and right["Location"] == reverse("applications:overview", args=[sent.public_id])
    dashboard = client.get(reverse("applications:dashboard")).content.decode()
    assert sent.number in dashboard
