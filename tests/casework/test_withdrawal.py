"""The applicant (or their active representative) withdraws a submitted application: the refund the
rules allow, the letter, the history; once; never after a decision; never by anyone else."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.http import Http404
from django.urls import reverse

from portique.applications.choices import Status
from portique.applications.models import StatusChange
from portique.casework import services
from portique.casework.choices import DecisionOutcome, LetterKind
from portique.casework.models import Decision, Letter
from portique.payments.models import Refund
from portique.representation import services as representation_services
from portique.rules import fees

from .test_services import ON, accept, decide_approve, pdf_text, snapshot


@pytest.fixture
def client_for(client):
    def signed_in(user):
        client.force_login(user)
        return client

    return signed_in


def withdraw(actor, application, **extra):
    return services.application_withdraw(
        actor=actor, public_id=application.public_id, declaration=True, on=ON, **extra
    )


@pytest.mark.django_db
def test_the_applicant_withdraws_once_with_the_refund_the_rules_allow(
    applicant, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    # Before processing starts, the rules give the processing fee back (PRC-21); the preview says so.
    preview = services.withdrawal_refund_preview(submitted, on=ON)
    assert preview.refundable == Decimal("50.00")
    with django_capture_on_commit_callbacks(execute=True):
        decision = withdraw(applicant, submitted, reasons="I moved back to Canada for good.")
    again = withdraw(applicant, submitted, reasons="A second click")
    assert again == decision
    submitted.refresh_from_db()
    assert submitted.status == Status.WITHDRAWN
    assert decision.outcome == DecisionOutcome.WITHDRAWN and decision.decided_by == applicant
    assert decision.refund["event"] == fees.RefundEvent.WITHDRAWN_BEFORE_PROCESSING.value
    assert Decimal(decision.refund["refunded"]) == preview.refundable
    (refund,) = Refund.objects.filter(application=submitted)
    assert refund.amount == Decimal("50.00")
    (letter,) = Letter.objects.filter(application=submitted)
    assert letter.kind == LetterKind.WITHDRAWAL
    english, french = pdf_text(letter.pdf_en), pdf_text(letter.pdf_fr)
    assert "As you asked" in english and "I moved back to Canada for good." in english
    assert "Amount refunded: $50.00" in english
    assert "retirée" in french
    change = StatusChange.objects.filter(application=submitted, to_status=Status.WITHDRAWN).get()
    assert change.actor == applicant
    (notice,) = mailoutbox
    assert notice.to == [applicant.email] and "Canada for good" not in notice.body


@pytest.mark.django_db
def test_after_processing_started_the_rules_keep_the_fee(officer, decision_maker, applicant, submitted):
    accept(officer, submitted)
    services.processing_start(actor=decision_maker, public_id=submitted.public_id)
    submitted.refresh_from_db()
    assert submitted.status == Status.IN_PROCESSING
    preview = services.withdrawal_refund_preview(submitted, on=ON)
    decision = withdraw(applicant, submitted)
    assert decision.refund["event"] == fees.RefundEvent.WITHDRAWN_AFTER_PROCESSING_STARTED.value
    assert Decimal(decision.refund["refundable"]) == preview.refundable == Decimal("0")
    assert not Refund.objects.filter(application=submitted).exists()


@pytest.mark.django_db
def test_a_decided_file_cannot_be_withdrawn(officer, decision_maker, applicant, submitted):
    accept(officer, submitted)
    decide_approve(decision_maker, submitted)
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError, match="can no longer be withdrawn"):
        withdraw(applicant, submitted)
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_the_declaration_must_be_confirmed(applicant, submitted):
    before = snapshot(submitted)
    with pytest.raises(services.CaseworkError) as refused:
        services.application_withdraw(actor=applicant, public_id=submitted.public_id, declaration=False, on=ON)
    assert "declaration" in refused.value.errors
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_another_applicant_or_an_officer_cannot_withdraw(other_applicant, officer, submitted):
    before = snapshot(submitted)
    for actor in (other_applicant, officer):
        with pytest.raises(Http404):
            withdraw(actor, submitted)
    assert snapshot(submitted) == before


@pytest.mark.django_db
def test_the_active_representative_withdraws_and_an_ended_one_cannot(representative, applicant):
    from tests.representation.conftest import TODAY, signed_and_declared

    application, representation = signed_and_declared(representative, applicant)
    representation_services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    decision = withdraw(representative, application)
    assert decision.decided_by == representative
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN


@pytest.mark.django_db
def test_a_revoked_representative_cannot_withdraw(representative, applicant):
    from tests.representation.conftest import TODAY, signed_and_declared

    application, representation = signed_and_declared(representative, applicant)
    representation_services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    representation_services.representation_revoke(actor=applicant, public_id=representation.public_id)
    with pytest.raises(Http404):
        withdraw(representative, application)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    # The client, now on their own, can.
    withdraw(applicant, application)
    assert Decision.objects.get(application=application).decided_by == applicant


@pytest.mark.django_db
def test_the_page_shows_the_refund_and_a_double_post_withdraws_once(client_for, applicant, submitted):
    client = client_for(applicant)
    url = reverse("casework_applicant:withdraw", args=[submitted.public_id])
    page = client.get(url)
    assert page.status_code == 200
    assert "$50.00" in page.content.decode()
    refused = client.post(url, {"reasons": "", "declaration": ""})
    assert refused.status_code == 400
    for _ in range(2):
        response = client.post(url, {"reasons": "", "declaration": "on"})
        assert response.status_code == 302
    assert Decision.objects.filter(application=submitted).count() == 1
    assert Refund.objects.filter(application=submitted).count() == 1
    status = client.get(reverse("applications:overview", args=[submitted.public_id])).content.decode()
    assert "Withdrawn" in status


@pytest.mark.django_db
def test_the_officer_sees_the_withdrawal_on_the_file(client_for, officer, applicant, submitted):
    withdraw(applicant, submitted, reasons="Changed my plans.")
    page = client_for(officer).get(reverse("casework:file", args=[submitted.public_id])).content.decode()
    assert "Withdrawn" in page
    assert "Withdrawn at the request of" in page and "Alex Tremblay" in page and "Changed my plans." in page
