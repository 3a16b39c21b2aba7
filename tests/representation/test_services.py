"""The representative flow through the services: each rule of seed 004 and each bad input of issue 8."""

import pytest
from django.core import mail
from django.http import Http404

from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.applications.models import StatusChange, Submission
from portique.representation import services
from portique.representation.choices import EventKind, Origin, State
from portique.representation.models import Representation
from tests import journey
from tests.representation.conftest import (
    DECLARATION,
    TODAY,
    accepted,
    created,
    imm5476_upload,
    prepared,
    signed_and_declared,
)


def _codes(refused) -> set[str]:
    return {r.code for r in refused.value.reasons}


@pytest.mark.django_db
def test_a_verified_representative_creates_an_application_with_the_imm5476_particulars(representative):
    application, representation = created(representative)
    assert application.owner == representative
    assert representation.origin == Origin.CREATED and representation.state == State.INVITED
    assert representation.client is None and representation.invited_at is None
    profile = representative.representative_profile
    assert (representation.membership_body, representation.membership_number) == (
        profile.membership_body,
        profile.membership_number,
    )
    assert (
        representation.rep_telephone == profile.telephone and representation.rep_email == representative.email
    )
    assert "Gatineau" in representation.rep_address
    assert [e.kind for e in representation.events.all()] == [EventKind.CREATED]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "code"), [("pending", "REPRESENTATIVE_NOT_VERIFIED"), ("refused", "REPRESENTATIVE_REFUSED")]
)
def test_a_pending_or_refused_representative_cannot_create_or_link(representative, applicant, status, code):
    profile = representative.representative_profile
    profile.status = status
    profile.save(update_fields=["status"])
    representative.refresh_from_db()
    with pytest.raises(application_services.ApplicationError) as refused:
        created(representative)
    assert _codes(refused) == {code}
    assert "verified" in refused.value.reasons[0].en and "vérifié" in refused.value.reasons[0].fr
    own, _ = journey.submitted(applicant)
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_link_request(
            actor=representative, number=own.number, client_name="Alex", client_email=applicant.email
        )
    assert _codes(refused) == {code}
    assert not Representation.objects.exists()


@pytest.mark.django_db
def test_a_representative_loses_access_to_prepared_files_when_no_longer_verified(representative):
    application, _ = created(representative)
    profile = representative.representative_profile
    profile.status = "refused"
    profile.save(update_fields=["status"])
    representative.refresh_from_db()
    with pytest.raises(Http404):
        journey.save_answers(representative, application, {"application": {}})


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", ["other_representative", "officer"])
def test_an_invitation_to_a_representative_or_officer_address_is_refused(representative, request, fixture):
    address = request.getfixturevalue(fixture).email
    with pytest.raises(application_services.ApplicationError) as refused:
        created(representative, client_email=address.upper())
    assert _codes(refused) == {"CLIENT_EMAIL_IS_REPRESENTATIVE"}
    assert "client" in refused.value.reasons[0].fr
    assert not Representation.objects.exists()


@pytest.mark.django_db
def test_the_invitation_needs_the_signed_imm5476_and_goes_by_email(
    representative, applicant, django_capture_on_commit_callbacks
):
    application, representation = created(representative, client_email=applicant.email)
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_invite(actor=representative, public_id=application.public_id)
    assert _codes(refused) == {"IMM5476_MISSING"}
    services.representation_imm5476_upload(
        actor=representative, public_id=application.public_id, upload=imm5476_upload()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.representation_invite(actor=representative, public_id=application.public_id)
    (message,) = mail.outbox
    assert message.to == [applicant.email]
    assert application.number in message.body and "/en/applications/represented/" in message.body
    assert "/account/signup/" in message.body  # the client creates their own account if they have none


@pytest.mark.django_db
def test_an_imm5476_that_is_not_a_document_is_refused(representative):
    from tests.documents.files import upload

    application, representation = created(representative)
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_imm5476_upload(
            actor=representative,
            public_id=application.public_id,
            upload=upload("imm5476.pdf", b"not a pdf at all"),
        )
    assert _codes(refused) == {"not_a_document"}
    representation.refresh_from_db()
    assert not representation.imm5476_sha256


@pytest.mark.django_db
def test_the_client_signs_with_the_passport_name_and_only_the_client(representative, applicant):
    application, representation = accepted(representative, applicant)
    assert representation.state == State.ACTIVE and representation.client == applicant
    # The representative can never sign for the client (ACT-35): refused with the rule's reason.
    from portique.applications.access import AccessRefused

    with pytest.raises(AccessRefused) as refused:
        journey.sign(representative, application)
    assert {r.code for r in refused.value.reasons} == {"REPRESENTATIVE_CANNOT_SIGN_FOR_CLIENT"}
    with pytest.raises(application_services.ApplicationError) as mismatch:
        journey.sign(applicant, application, typed_name="Alex Tremblay")
    assert _codes(mismatch) == {"SIGNATURE_NAME_MISMATCH"}
    signature = journey.sign(applicant, application)
    assert signature.signer == applicant
    assert application.status == Status.SIGNED


@pytest.mark.django_db
def test_the_client_cannot_change_anything(representative, applicant):
    from portique.applications.access import AccessRefused
    from portique.documents import selectors as document_selectors
    from portique.documents import services as document_services
    from tests.documents.files import pdf_bytes, upload

    application, _ = accepted(representative, applicant)
    version = application.version
    with pytest.raises(AccessRefused) as refused:
        journey.save_answers(applicant, application, {"contact": {}})
    assert {r.code for r in refused.value.reasons} == {"CLIENT_REVIEWS_AND_SIGNS_ONLY"}
    item = document_selectors.checklist_for(application, TODAY)[-1]
    with pytest.raises(AccessRefused):
        document_services.document_upload(
            actor=applicant,
            public_id=application.public_id,
            item=item,
            upload=upload("x.pdf", pdf_bytes(1)),
            on=TODAY,
        )
    with pytest.raises(AccessRefused):
        application_services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    with pytest.raises(AccessRefused):
        services.representation_declare(
            actor=applicant, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
        )
    application.refresh_from_db()
    assert application.version == version


@pytest.mark.django_db
def test_any_change_by_the_representative_clears_the_signature_and_the_declaration(representative, applicant):
    application, representation = signed_and_declared(representative, applicant)
    assert application_services.submission_blockers(application=application, on=TODAY) == ()
    services.representation_imm5476_upload(
        actor=representative, public_id=application.public_id, upload=imm5476_upload()
    )
    application.refresh_from_db()
    assert application.status == Status.DRAFT
    assert not application.signatures.filter(cleared_at__isnull=True).exists()
    codes = {r.code for r in application_services.submission_blockers(application=application, on=TODAY)}
    assert {"SIGNATURE_MISSING", "REPRESENTATIVE_DECLARATION_MISSING"} <= codes


@pytest.mark.django_db
def test_the_declaration_comes_after_the_client_signature(representative, applicant):
    application, _ = accepted(representative, applicant)
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_declare(
            actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
        )
    assert _codes(refused) == {"CLIENT_SIGNATURE_BEFORE_DECLARATION"}
    with pytest.raises(application_services.StaleVersion):
        services.representation_declare(
            actor=representative, public_id=application.public_id, declaration_version="old", on=TODAY
        )


@pytest.mark.django_db
def test_submit_needs_every_signature_and_declaration(representative, applicant):
    application, representation = accepted(representative, applicant)
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    assert {"SIGNATURE_MISSING", "REPRESENTATIVE_DECLARATION_MISSING"} <= _codes(refused)
    journey.sign(applicant, application)
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    assert _codes(refused) == {"REPRESENTATIVE_DECLARATION_MISSING"}
    services.representation_declare(
        actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
    )
    submission = services.representation_submit(
        actor=representative, public_id=application.public_id, on=TODAY
    )
    assert submission.submitted_by == representative
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    # Every step is in the file's history under the name of whoever did it.
    actors = {(c.to_status, c.actor_id) for c in StatusChange.objects.filter(application=application)}
    assert (Status.SIGNED, applicant.pk) in actors and (Status.SUBMITTED, representative.pk) in actors
    kinds = [e.kind for e in representation.events.all()]
    assert kinds == [
        EventKind.CREATED,
        EventKind.IMM5476_UPLOADED,
        EventKind.INVITED,
        EventKind.ACCEPTED,
        EventKind.DECLARED,
    ]
    # A retry does not submit twice.
    again = services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    assert again == submission and Submission.objects.count() == 1


@pytest.mark.django_db
def test_a_declaration_made_before_a_new_client_signature_must_be_given_again(representative, applicant):
    import datetime

    from portique.applications.models import Signature

    application, representation = signed_and_declared(representative, applicant)
    # A signature recorded after the declaration (e.g. the clocks of two servers): the
    # declaration must follow the client's signature (ACT-36).
    Signature.objects.filter(application=application).update(
        signed_at=representation.declared_at + datetime.timedelta(seconds=1)
    )
    codes = {r.code for r in application_services.submission_blockers(application=application, on=TODAY)}
    assert codes == {"REPRESENTATIVE_DECLARATION_BEFORE_CLIENT_SIGNATURE"}


@pytest.mark.django_db
def test_only_the_invited_address_can_accept(representative, applicant, other_applicant):
    application, representation = prepared(representative, applicant.email)
    with pytest.raises(Http404):  # not invited yet
        services.representation_accept(actor=applicant, public_id=representation.public_id)
    services.representation_invite(actor=representative, public_id=application.public_id)
    for outsider in (other_applicant, representative):
        with pytest.raises(Http404):
            services.representation_accept(actor=outsider, public_id=representation.public_id)
    services.representation_accept(actor=applicant, public_id=representation.public_id)
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_accept(actor=applicant, public_id=representation.public_id)
    assert _codes(refused) == {"INVITATION_NOT_OPEN"}


@pytest.mark.django_db
def test_linking_an_existing_application_needs_its_number_the_clients_address_and_consent(
    representative, applicant, other_applicant
):
    own = application_services.application_start(actor=applicant, program="pr_card")
    others = application_services.application_start(actor=other_applicant, program="pr_card")
    for number in ("PRC20269999999", others.number, ""):
        # Nothing matches: nothing is written, and the answer is silence (no error to compare).
        assert (
            services.representation_link_request(
                actor=representative, number=number, client_name="Alex", client_email=applicant.email
            )
            is None
        )
    assert not Representation.objects.exists()
    representation = services.representation_link_request(
        actor=representative, number=own.number.lower(), client_name="Alex", client_email=applicant.email
    )
    assert representation.origin == Origin.LINKED and representation.state == State.INVITED
    # Before consent the representative sees nothing, and the client keeps their application.
    with pytest.raises(Http404):
        journey.save_answers(representative, own, {"application": {}})
    journey.save_answers(applicant, own, {"application": {}})
    # A second request while one waits: the same silence, and still one request.
    assert (
        services.representation_link_request(
            actor=representative, number=own.number, client_name="Alex", client_email=applicant.email
        )
        is None
    )
    assert Representation.objects.filter(application=own).count() == 1
    services.representation_accept(actor=applicant, public_id=representation.public_id)
    journey.save_answers(representative, own, {"application": {}})
    from portique.applications.access import AccessRefused

    with pytest.raises(AccessRefused):
        journey.save_answers(applicant, own, {"application": {}})


@pytest.mark.django_db
def test_the_client_revokes_and_the_representative_loses_access_at_once(
    representative, applicant, django_capture_on_commit_callbacks
):
    application, representation = accepted(representative, applicant)
    with pytest.raises(Http404):
        services.representation_revoke(actor=representative, public_id=representation.public_id)
    with django_capture_on_commit_callbacks(execute=True):
        services.representation_revoke(actor=applicant, public_id=representation.public_id)
    representation.refresh_from_db()
    application.refresh_from_db()
    assert representation.state == State.REVOKED and representation.revoked_by == applicant
    assert application.owner == applicant  # it comes into the client's own account
    with pytest.raises(Http404):
        journey.save_answers(representative, application, {"application": {}})
    with pytest.raises(Http404):
        services.representation_invite(actor=representative, public_id=application.public_id)
    journey.sign(applicant, application)  # the client now applies on their own
    assert mail.outbox[-1].to == [representative.email]
    assert [e.kind for e in representation.events.all()][-1] == EventKind.REVOKED


@pytest.mark.django_db
def test_a_returned_application_is_restarted_for_the_same_client(representative, applicant):
    application, representation = signed_and_declared(representative, applicant)
    services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    application_services.application_transition(
        application=application, to_status=Status.RETURNED, actor=None, reason="incomplete"
    )
    restarted = services.representation_restart(actor=representative, public_id=application.public_id)
    assert restarted.application != application and restarted.client_email == applicant.email
    assert restarted.state == State.INVITED and not restarted.imm5476_sha256
    old = application.people.get(position=0).answers["IMM5444"]
    assert restarted.application.people.get(position=0).answers["IMM5444"] == old


@pytest.mark.django_db
def test_a_linked_applications_letters_are_announced_to_the_representative(
    representative, applicant, officer, django_capture_on_commit_callbacks
):
    from portique.casework import services as casework_services

    own = journey.ready_to_submit(applicant)
    representation = services.representation_link_request(
        actor=representative, number=own.number, client_name="Alex", client_email=applicant.email
    )
    services.representation_accept(actor=applicant, public_id=representation.public_id)
    # The client's own signature, given in their account before the link, still counts.
    services.representation_declare(
        actor=representative, public_id=own.public_id, declaration_version=DECLARATION, on=TODAY
    )
    services.representation_submit(actor=representative, public_id=own.public_id, on=TODAY)
    own.refresh_from_db()
    casework_services.screening_run(application=own)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        casework_services.application_accept(
            actor=officer, public_id=own.public_id, on=TODAY, draw=lambda: 0.99
        )
    assert own.owner == applicant
    assert [message.to for message in mail.outbox] == [[representative.email]]


@pytest.mark.django_db
def test_a_client_without_an_account_signs_up_themselves_then_accepts(representative):
    from portique.representation.selectors import representations_of_client
    from tests.conftest import _user

    application, representation = prepared(representative, "New.Client@example.ca")
    services.representation_invite(actor=representative, public_id=application.public_id)
    # No account was made for them: the representative cannot create the client's account (ACT-30).
    from portique.accounts.models import User

    assert not User.objects.filter(email__iexact="new.client@example.ca").exists()
    client = _user("new.client@example.ca", "applicant", first_name="New", last_name="Client")
    assert list(representations_of_client(client=client)) == [representation]
    services.representation_accept(actor=client, public_id=representation.public_id)
    representation.refresh_from_db()
    assert representation.client == client and representation.state == State.ACTIVE
