"""A representative's PR card client under 18: the client who signs is the parent or guardian.

The representative declares Léa's mother as the parent who signs while preparing; the
mother is the client, accepts in her own account and types her own passport name; then
the representative declares and submits, as for an adult (ACT-35, ACT-36, ACT-56).
"""

import pytest

from portique.applications import services as application_services
from portique.applications.access import AccessRefused
from portique.applications.choices import PersonRole, Status
from portique.casework import services as casework_services
from portique.representation import services
from tests import journey
from tests.journey import CHILD_NAME, GUARDIAN_PASSPORT_NAME
from tests.representation.conftest import DECLARATION, TODAY, imm5476_upload


def _codes(refused) -> set[str]:
    return {r.code for r in refused.value.reasons}


def _minor_prepared(representative, client):
    representation = services.representation_create(
        actor=representative, program="pr_card", client_name=GUARDIAN_PASSPORT_NAME, client_email=client.email
    )
    application = representation.application
    journey.save_answers(representative, application, journey.minor_answers())
    # Not ready to sign while nobody is declared to sign for the child.
    evaluation = application_services.application_validate(
        actor=representative, public_id=application.public_id, on=TODAY
    )
    assert "GUARDIAN_NOT_DECLARED" in {r.code for r in evaluation.blocking}
    guardian = journey.declare_guardian(representative, application)
    journey.upload_checklist(representative, application)
    journey.pay(representative, application, payer_name=GUARDIAN_PASSPORT_NAME)
    services.representation_imm5476_upload(
        actor=representative, public_id=application.public_id, upload=imm5476_upload()
    )
    evaluation = application_services.application_validate(
        actor=representative, public_id=application.public_id, on=TODAY
    )
    assert evaluation.complete, [r.en for r in evaluation.blocking]
    services.representation_invite(actor=representative, public_id=application.public_id)
    services.representation_accept(actor=client, public_id=representation.public_id)
    application.refresh_from_db()
    representation.refresh_from_db()
    return application, representation, guardian


@pytest.mark.django_db
def test_the_parent_signs_in_their_own_account_then_the_representative_declares_and_submits(
    representative, applicant, officer
):
    application, representation, guardian = _minor_prepared(representative, applicant)
    assert guardian.role == PersonRole.PARENT_OR_GUARDIAN

    # The representative cannot sign for the client, guardian or not (ACT-35).
    with pytest.raises(AccessRefused):
        journey.sign(representative, application, typed_name=GUARDIAN_PASSPORT_NAME)
    # The child's own name is refused, in both languages.
    with pytest.raises(application_services.ApplicationError) as refused:
        journey.sign(applicant, application, typed_name=CHILD_NAME)
    assert _codes(refused) == {"MINOR_CANNOT_SIGN"}
    assert refused.value.reasons[0].fr.startswith("Le demandeur a moins de 18 ans")
    # The declaration waits for the client's signature.
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_declare(
            actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
        )
    assert _codes(refused) == {"CLIENT_SIGNATURE_BEFORE_DECLARATION"}

    signature = journey.sign(applicant, application, typed_name=GUARDIAN_PASSPORT_NAME)
    assert (signature.person_id, signature.signer_id) == (guardian.pk, applicant.pk)
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    assert _codes(refused) == {"REPRESENTATIVE_DECLARATION_MISSING"}
    services.representation_declare(
        actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
    )
    submission = services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    signed = submission.snapshot["record"]["signatures"]
    assert [(s["role"], s["typed_name"]) for s in signed] == [("parent_or_guardian", GUARDIAN_PASSPORT_NAME)]

    # The officer's screening runs the same gate: the guardian's signature is valid.
    screening = casework_services.screening_run(application=application)
    codes = set(screening.findings.values_list("code", flat=True))
    assert not codes & {"SIGNATURE_MISSING", "MINOR_CANNOT_SIGN", "SIGNATURE_NAME_MISMATCH", "GUARDIAN_NOT_DECLARED"}


@pytest.mark.django_db
def test_a_change_to_the_guardians_name_clears_the_signature_and_the_declaration(representative, applicant):
    application, representation, guardian = _minor_prepared(representative, applicant)
    journey.sign(applicant, application, typed_name=GUARDIAN_PASSPORT_NAME)
    services.representation_declare(
        actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
    )
    application.refresh_from_db()
    application_services.application_save_section(
        actor=representative,
        public_id=application.public_id,
        position=guardian.position,
        form_code="GUARDIAN",
        section_code="personal",
        answers={"family_name": "Gagnon", "given_names": "Marie", "relationship": "legal_guardian"},
        expected_version=application.version,
        on=TODAY,
    )
    application.refresh_from_db()
    blockers = {r.code for r in application_services.submission_blockers(application=application, on=TODAY)}
    assert {"SIGNATURE_MISSING", "REPRESENTATIVE_DECLARATION_MISSING"} <= blockers
    application_services.application_validate(actor=representative, public_id=application.public_id, on=TODAY)
    # The old name no longer signs; the new passport name does.
    with pytest.raises(application_services.ApplicationError) as refused:
        journey.sign(applicant, application, typed_name=GUARDIAN_PASSPORT_NAME)
    assert _codes(refused) == {"SIGNATURE_NAME_MISMATCH"}
    journey.sign(applicant, application, typed_name="Marie Gagnon")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "step", "you_sign_as"),
    [
        ("en", "Parent or legal guardian who signs", "You sign as: Marie-Claude Gagnon (Parent or legal guardian), for Léa Tremblay"),
        ("fr", "Parent ou tuteur légal qui signe", "Vous signez à titre de\u00a0: Marie-Claude Gagnon (Parent ou tuteur légal), pour Léa Tremblay"),
    ],
)
def test_the_file_shows_the_guardian_step_and_the_client_review_says_who_signs(
    representative, applicant, language, step, you_sign_as
):
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    application, _representation, _guardian = _minor_prepared(representative, applicant)
    with translation.override(language):
        file_url = reverse("representation:file", args=[application.public_id])
        review_url = reverse("representation_client:review", args=[application.public_id])
    as_representative = Client()
    as_representative.force_login(representative)
    page = as_representative.get(file_url).content.decode()
    assert step in page and "GUARDIAN/personal/" in page
    as_client = Client()
    as_client.force_login(applicant)
    review = as_client.get(review_url).content.decode()
    assert you_sign_as in review


@pytest.mark.django_db
def test_a_returned_minors_renewal_restarts_with_the_parent_who_signs(representative, applicant):
    application, _representation, guardian = _minor_prepared(representative, applicant)
    journey.sign(applicant, application, typed_name=GUARDIAN_PASSPORT_NAME)
    services.representation_declare(
        actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
    )
    services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    application_services.application_transition(
        application=application, to_status=Status.RETURNED, actor=None, reason="IRPR 12: incomplete"
    )

    restarted = services.representation_restart(actor=representative, public_id=application.public_id)

    new = restarted.application
    assert new != application and new.status == Status.DRAFT
    old_people = [(p.position, p.role, p.answers) for p in application.people.order_by("position")]
    assert [(p.position, p.role, p.answers) for p in new.people.order_by("position")] == old_people
    assert new.people.get(role=PersonRole.PARENT_OR_GUARDIAN).answers == guardian.answers
    # Signed again: neither the parent's signature nor the representative's declaration comes along.
    assert not new.signatures.exists()
    # The documents come along, each checked again by content (photos never: they must be recent).
    carried = {document.sha256 for document in new.documents.all()}
    assert carried and carried <= {document.sha256 for document in application.documents.all()}
