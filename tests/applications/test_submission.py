"""Signing and submitting: the typed name, the gate, one submission ever, read-only after."""

import pytest
from django.core import mail
from django.http import Http404

from portique.applications import services
from portique.applications.choices import Status
from portique.applications.models import Signature, StatusChange, Submission
from portique.rules.programs import registry
from tests import journey
from tests.rules.forms.test_imm5444_validation import complete_answers

TODAY = journey.TODAY


def _codes(refused) -> set[str]:
    return {r.code for r in refused.value.reasons}


def _complete_unpaid(actor):
    application = services.application_start(actor=actor, program="pr_card")
    journey.save_answers(actor, application, complete_answers())
    journey.upload_checklist(actor, application)
    return application


@pytest.mark.django_db
def test_signing_needs_the_name_exactly_as_on_the_passport_and_a_refusal_changes_nothing(applicant):
    application = _complete_unpaid(applicant)
    version = application.version
    with pytest.raises(services.ApplicationError) as refused:
        journey.sign(applicant, application, typed_name="Alex Tremblay")
    assert _codes(refused) == {"SIGNATURE_NAME_MISMATCH"}
    (reason,) = refused.value.reasons
    assert "Alex Marie Tremblay" in reason.en and "passeport" in reason.fr
    application.refresh_from_db()
    assert (application.status, application.version, application.signatures.count()) == (
        Status.DRAFT,
        version,
        0,
    )

    # Capitals and extra spaces are not spelling; the order given names / surname is free.
    signature = journey.sign(applicant, application, typed_name="  TREMBLAY   alex marie ")
    assert signature.typed_name == "TREMBLAY alex marie"
    assert signature.declaration_version == registry.program("pr_card").declaration_for("principal_applicant").version
    assert len(signature.content_hash) == 64
    assert application.status == Status.SIGNED


@pytest.mark.django_db
def test_an_incomplete_application_cannot_be_signed(applicant):
    application = services.application_start(actor=applicant, program="pr_card")
    journey.save_answers(applicant, application, complete_answers())
    with pytest.raises(services.ApplicationError) as refused:
        journey.sign(applicant, application)
    assert "REQUIRED_DOCUMENT_MISSING" in _codes(refused)
    assert not Signature.objects.exists()


@pytest.mark.django_db
def test_submit_is_refused_until_the_fees_are_paid(applicant):
    application = _complete_unpaid(applicant)
    journey.sign(applicant, application)
    with pytest.raises(services.ApplicationError) as refused:
        services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    assert "PAYMENT_MISSING" in _codes(refused)
    assert not Submission.objects.exists()
    application.refresh_from_db()
    assert application.status == Status.SIGNED


@pytest.mark.django_db
def test_any_change_after_signing_clears_the_signature_and_submit_asks_to_sign_again(applicant):
    application = journey.ready_to_submit(applicant)
    journey.save_answers(applicant, application, {"humanitarian": {"requested": "no"}})
    assert application.status == Status.DRAFT
    signature = Signature.objects.get()
    assert signature.cleared_at is not None and signature.cleared_reason == "edited"
    with pytest.raises(services.ApplicationError) as refused:
        services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    assert "SIGNATURE_MISSING" in _codes(refused)


@pytest.mark.django_db
def test_a_new_document_after_signing_also_clears_the_signature(applicant):
    from portique.documents import selectors
    from portique.documents import services as document_services
    from tests.documents.files import pdf_bytes, upload

    application = journey.ready_to_submit(applicant)
    item = selectors.item_in(
        selectors.checklist_for(application, TODAY), code="RESIDENCY_EVIDENCE", position=0
    )
    document_services.document_upload(
        actor=applicant,
        public_id=application.public_id,
        item=item,
        upload=upload("more.pdf", pdf_bytes(1)),
        on=TODAY,
    )
    application.refresh_from_db()
    assert application.status == Status.DRAFT
    assert not application.signatures.filter(cleared_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_submission_is_one_transaction_idempotent_and_announced_by_email_in_the_owners_language(applicant):
    applicant.preferred_language = "fr"
    applicant.save()
    application = journey.ready_to_submit(applicant)
    first = services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    again = services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    assert again.pk == first.pk and Submission.objects.count() == 1
    assert StatusChange.objects.filter(application=application, to_status=Status.SUBMITTED).count() == 1
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and application.submitted_at == first.submitted_at
    assert first.confirmation_number.startswith("C-")
    assert first.content_hash == application.signatures.get(cleared_at__isnull=True).content_hash
    assert first.snapshot["people"][0]["answers"]["IMM5444"]["personal"]["family_name"] == "Tremblay"
    assert len(first.snapshot["documents"]) >= 5
    (message,) = mail.outbox
    assert message.to == [applicant.email]
    assert application.number in message.subject and "demande" in message.subject.lower()
    assert first.confirmation_number in message.body


@pytest.mark.django_db
def test_after_submission_the_application_is_read_only(applicant):
    application, _ = journey.submitted(applicant)
    with pytest.raises(services.ApplicationError) as refused:
        journey.save_answers(applicant, application, {"humanitarian": {"requested": "yes"}})
    assert _codes(refused) == {"APPLICATION_READ_ONLY"}
    (reason,) = refused.value.reasons
    assert "submitted" in reason.en and "soumise" in reason.fr
    with pytest.raises(services.ApplicationError):
        journey.sign(applicant, application)


@pytest.mark.django_db
def test_nobody_else_can_sign_or_submit_the_application(applicant, other_applicant, representative, officer):
    application = journey.ready_to_submit(applicant)
    for outsider in (other_applicant, representative, officer):
        with pytest.raises(Http404):
            journey.sign(outsider, application)
        with pytest.raises(Http404):
            services.application_submit(actor=outsider, public_id=application.public_id, on=TODAY)
    assert not Submission.objects.exists()
    application.refresh_from_db()
    assert application.status == Status.SIGNED
