"""A sponsorship through a paid representative (seed 004; IMM 5289 — Step 3, Remarque; REP-07, REP-11).

The representative prepares it on the sponsor's own pages; the client — the principal
applicant, or their parent or guardian — reviews and e-signs in their own account; the
sponsor's IMM 1344 is signed by hand and uploaded; the representative declares and submits.
"""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from portique.applications import services as application_services
from portique.applications.access import AccessRefused
from portique.applications.choices import Status
from portique.applications.models import Submission
from portique.documents import selectors as document_selectors
from portique.representation import services
from portique.representation.choices import EventKind, State
from tests import sponsorship_journey as sj
from tests.representation.conftest import (
    DECLARATION,
    TODAY,
    sponsorship_accepted,
    sponsorship_created,
    sponsorship_filled,
)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    yield
    from django.utils import translation

    translation.activate("en")


def _codes(refused) -> set[str]:
    return {found.code for found in refused.value.reasons}


def _blockers(application) -> set[str]:
    application.refresh_from_db()
    return {r.code for r in application_services.submission_blockers(application=application, on=TODAY)}


def _client_signs(client, application, typed_name=sj.PA_NAME):
    return sj.sign(client, application, 1, typed_name)


def _declare(representative, application):
    return services.representation_declare(
        actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
    )


@pytest.mark.django_db
def test_a_representative_creates_a_sponsorship_with_the_sponsor_and_the_principal_applicant(representative):
    application, representation = sponsorship_created(representative)
    assert application.program == "spouse_sponsorship" and application.owner == representative
    assert [p.role for p in application.people.order_by("position")] == ["sponsor", "principal_applicant"]
    # The principal applicant's IMM 5476 names the representative (IRPR 10(2)(c.1)–(c.2), REP-17).
    imm5476 = application.people.get(position=1).answers["IMM5476"]["representative"]
    assert imm5476["role"] == "paid_representative"
    assert imm5476["name"] == representation.rep_name and imm5476["membership_number"]
    assert representation.events.filter(kind=EventKind.CREATED, actor=representative).exists()


@pytest.mark.django_db
def test_the_checklist_asks_the_sponsors_imm_1344_signed_by_hand_and_the_imm_5476(representative):
    application, _representation = sponsorship_filled(representative)
    codes = {item.code for item in document_selectors.checklist_for(application, TODAY)}
    # Seed 004: forms a third party signs (the sponsor's) are printed, signed by hand and uploaded.
    assert "IMM1344" in codes
    evaluation = application_services.application_evaluate(application=application, on=TODAY)
    assert "p1:IMM5476" in evaluation.details["documents_missing"]
    services.representation_imm5476_upload(
        actor=representative, public_id=application.public_id, upload=_imm5476()
    )
    evaluation = application_services.application_evaluate(application=application, on=TODAY)
    assert "p1:IMM5476" not in evaluation.details["documents_missing"]


def _imm5476():
    from tests.representation.conftest import imm5476_upload

    return imm5476_upload()


@pytest.mark.django_db
def test_the_client_signs_for_the_family_then_the_representative_declares_and_submits(
    representative, applicant, django_capture_on_commit_callbacks
):
    application, representation = sponsorship_accepted(representative, applicant)
    assert application.status == Status.READY_TO_SIGN
    before = _blockers(application)
    assert {"SIGNATURE_MISSING", "REPRESENTATIVE_DECLARATION_MISSING"} <= before
    # Only the principal applicant (the client) e-signs: the sponsor signed IMM 1344 by hand.
    with pytest.raises(application_services.ApplicationError) as refused:
        sj.sign(applicant, application, 0, sj.SPONSOR_NAME)
    assert _codes(refused) == {"SPONSOR_SIGNS_BY_HAND"}
    with pytest.raises(application_services.ApplicationError) as refused:
        sj.sign(applicant, application, 2, "Ada Okafor")
    assert _codes(refused) == {"NOT_A_SIGNER"}
    _client_signs(applicant, application)
    assert application.status == Status.SIGNED
    # Signed by the client, only the representative's declaration is left: the application
    # is not called unsigned, nor "returned", while the representative has still to declare.
    assert _blockers(application) == {"REPRESENTATIVE_DECLARATION_MISSING"}
    with pytest.raises(application_services.ApplicationError):
        services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    _declare(representative, application)
    assert _blockers(application) == set()
    with django_capture_on_commit_callbacks(execute=True):
        submission = services.representation_submit(
            actor=representative, public_id=application.public_id, on=TODAY
        )
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and submission.submitted_by == representative
    assert application.history.filter(to_status=Status.SUBMITTED, actor=representative).exists()
    assert application.history.filter(to_status=Status.SIGNED, actor=applicant).exists()
    # The copy as submitted keeps the representative, their signed IMM 5476 and their declaration.
    record = Submission.objects.get(application=application).snapshot["record"]["representative"]
    assert record["imm5476_sha256"] == representation.imm5476_sha256 and record["declared_at"]
    from django.template.loader import render_to_string

    from portique.applications.submission.copy_pdf import copy_context

    for language, heading in (
        ("en", "Paid representative (IMM 5476)"),
        ("fr", "Représentant rémunéré (IMM 5476)"),
    ):
        context = copy_context(submission, language)
        assert context["representative"]["membership_number"] == representation.membership_number
        assert context["representative"]["paragraphs"]
        from django.utils import translation

        with translation.override(language):
            html = render_to_string("applications/submitted_copy_pdf.html", context)
        assert heading in html and representation.imm5476_sha256 in html
    assert any(representative.email in message.to for message in mail.outbox)


@pytest.mark.django_db
def test_the_representative_cannot_sign_for_the_client_or_the_sponsor(representative, applicant):
    application, _representation = sponsorship_accepted(representative, applicant)
    for position, name in ((1, sj.PA_NAME), (0, sj.SPONSOR_NAME)):
        with pytest.raises(AccessRefused):
            sj.sign(representative, application, position, name)
    assert not application.signatures.exists()


@pytest.mark.django_db
def test_the_client_cannot_change_anything(representative, applicant):
    application, _representation = sponsorship_accepted(representative, applicant)
    version = application.version
    with pytest.raises(AccessRefused):
        sj.save_form(applicant, application, 1, "IMM5562", {"trips": []})
    with pytest.raises(AccessRefused):
        sj.add_child(applicant, application)
    application.refresh_from_db()
    assert application.version == version and application.people.count() == 3


@pytest.mark.django_db
def test_a_change_by_the_representative_after_the_signature_clears_it_and_the_declaration(
    representative, applicant
):
    application, representation = sponsorship_accepted(representative, applicant)
    _client_signs(applicant, application)
    _declare(representative, application)
    sj.save_form(
        representative,
        application,
        1,
        "IMM5562",
        {"trips": [{"country": "GH", "start": "2024-01-02", "end": "2024-01-09", "purpose": "Visit"}]},
    )
    blockers = _blockers(application)
    assert {"SIGNATURE_MISSING", "REPRESENTATIVE_DECLARATION_MISSING"} <= blockers
    assert application.status == Status.DRAFT
    with pytest.raises(application_services.ApplicationError) as refused:
        _declare(representative, application)
    assert _codes(refused) == {"CLIENT_SIGNATURE_BEFORE_DECLARATION"}


@pytest.mark.django_db
def test_the_declaration_waits_for_the_clients_signature(representative, applicant):
    application, _representation = sponsorship_accepted(representative, applicant)
    with pytest.raises(application_services.ApplicationError) as refused:
        _declare(representative, application)
    assert _codes(refused) == {"CLIENT_SIGNATURE_BEFORE_DECLARATION"}


@pytest.mark.django_db
def test_a_guardian_signs_in_the_client_account_for_a_principal_applicant_under_18(representative, applicant):
    representation = services.representation_create(
        actor=representative,
        program="child_sponsorship",
        client_name="Mai Nguyen",
        client_email=applicant.email,
    )
    application = representation.application
    sponsor = {"sponsor": sj.SPONSOR["sponsor"], "history": sj.SPONSOR["history"], "convictions": []}
    sj.save_form(representative, application, 0, "IMM1344", sponsor)
    sj.save_form(
        representative,
        application,
        1,
        "IMM0008",
        {
            "application": {"location": "outside_canada", "category": "family_class"},
            "personal": sj.personal("Nguyen", "Linh", "2011-04-10"),
            "dependant": {
                "has_spouse_or_common_law_partner": False,
                "has_dependent_child": False,
                "custody": "joint",
            },
        },
    )
    sj.save_form(representative, application, 1, "IMM5406", {**sj.PARENTS, "siblings": []})
    sj.save_form(
        representative, application, 1, "IMM5669", {"stays": [{"country": "VN", "start": "2011-04-10"}], "convictions": []}
    )
    sj.save_form(representative, application, 1, "IMM5562", {"trips": []})
    from portique.applications.choices import PersonRole
    from portique.applications.people import services as people

    application.refresh_from_db()
    guardian = people.person_add(
        actor=representative,
        public_id=application.public_id,
        role=PersonRole.PARENT_OR_GUARDIAN,
        expected_version=application.version,
    )
    sj.save_form(
        representative,
        application,
        guardian.position,
        "IMM0008",
        {"personal": {"family_name": "Nguyen", "given_names": "Mai"}},
    )
    from tests import journey

    journey.upload_checklist(representative, application)
    journey.pay(representative, application, payer_name=sj.SPONSOR_NAME)
    services.representation_imm5476_upload(
        actor=representative, public_id=application.public_id, upload=_imm5476()
    )
    services.representation_invite(actor=representative, public_id=application.public_id)
    services.representation_accept(actor=applicant, public_id=representation.public_id)
    # The child does not sign; her mother does, with her own name, in her own account.
    with pytest.raises(application_services.ApplicationError) as refused:
        sj.sign(applicant, application, 1, "Linh Nguyen")
    assert _codes(refused) == {"NOT_A_SIGNER"}
    sj.sign(applicant, application, guardian.position, sj.GUARDIAN_NAME)
    _declare(representative, application)
    assert _blockers(application) == set()


@pytest.mark.django_db
def test_another_representative_and_another_applicant_see_nothing(
    representative, other_representative, applicant, other_applicant
):
    from django.http import Http404

    from portique.accounts.choices import RepresentativeStatus
    from portique.applications.access import access_application

    application, _representation = sponsorship_accepted(representative, applicant)
    other_representative.representative_profile.status = RepresentativeStatus.VERIFIED
    other_representative.representative_profile.save(update_fields=["status"])
    for outsider in (other_representative, other_applicant):
        with pytest.raises(Http404):
            access_application(actor=outsider, public_id=application.public_id)
        with pytest.raises(Http404):
            sj.sign(outsider, application, 1, sj.PA_NAME)


@pytest.mark.django_db
def test_a_returned_sponsorship_restarts_with_every_person_and_answer(representative, applicant):
    application, _representation = sponsorship_accepted(representative, applicant)
    _client_signs(applicant, application)
    _declare(representative, application)
    services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    application_services.application_transition(
        application=application, to_status=Status.RETURNED, actor=None, reason="incomplete"
    )
    restarted = services.representation_restart(actor=representative, public_id=application.public_id)
    new = restarted.application
    assert new != application and new.program == application.program and new.status == Status.DRAFT
    assert restarted.state == State.INVITED and not restarted.imm5476_sha256 and restarted.invited_at is None
    old_people = [(p.position, p.role, p.answers) for p in application.people.order_by("position")]
    assert [(p.position, p.role, p.answers) for p in new.people.order_by("position")] == old_people
    assert not new.signatures.exists()
    # The documents come along, each checked again by content (photos never: they must be recent).
    carried = {document.sha256 for document in new.documents.all()}
    assert carried and carried <= {document.sha256 for document in application.documents.all()}


@pytest.mark.django_db
def test_the_pages_take_a_sponsorship_from_creation_to_the_clients_signature(
    client, representative, applicant
):
    client.force_login(representative)
    response = client.post(
        reverse("representation:create"),
        {"program": "spouse_sponsorship", "client_name": "Chidi Okafor", "client_email": applicant.email},
    )
    application = representative.representations.get().application
    assert response.status_code == 302
    # The representative reaches the sponsor's own application page: people and forms.
    page = client.get(reverse("applications:overview", args=[application.public_id]))
    assert (
        page.status_code == 200
        and reverse("representation:file", args=[application.public_id]) in page.content.decode()
    )
    assert reverse("applications:person_sign", args=[application.public_id, 1]) not in page.content.decode()
    file_page = client.get(reverse("representation:file", args=[application.public_id]))
    assert file_page.status_code == 200
    assert reverse("applications:overview", args=[application.public_id]) in file_page.content.decode()


@pytest.mark.django_db
def test_after_submission_the_officer_reads_the_imm5476_and_requests_go_to_the_representative(
    representative, applicant, officer, django_capture_on_commit_callbacks
):
    from django.test import Client

    from portique.casework import services as casework_services
    from portique.casework.models import Screening
    from tests.documents.files import pdf_bytes, upload

    application, _representation = sponsorship_accepted(representative, applicant)
    _client_signs(applicant, application)
    _declare(representative, application)
    services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    # Screening (IRPR 10) finds nothing missing: the hand-signed forms and the declaration are in.
    casework_services.screening_run(application=application)
    assert not Screening.objects.get(application=application).findings.exists()
    casework_services.application_accept(
        actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 0.99
    )
    casework_services.processing_start(actor=officer, public_id=application.public_id)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request = casework_services.request_send(
            actor=officer,
            public_id=application.public_id,
            description="Police certificate from Ghana",
            due_on=TODAY.replace(year=2027),
            on=TODAY,
        )
    assert [message.to for message in mail.outbox] == [[representative.email]]
    # The client reads it; only the representative answers it.
    with pytest.raises(AccessRefused):
        casework_services.request_answer(
            actor=applicant,
            public_id=application.public_id,
            request_id=request.public_id,
            files=[],
            text="x",
            on=TODAY,
        )
    casework_services.request_answer(
        actor=representative,
        public_id=application.public_id,
        request_id=request.public_id,
        files=[upload("police.pdf", pdf_bytes(1))],
        text="",
        on=TODAY,
    )
    request.refresh_from_db()
    assert request.state != "open"
    officer_client = Client()
    officer_client.force_login(officer)
    page = officer_client.get(reverse("casework:file", args=[application.public_id])).content.decode()
    assert "Paid representative (IMM 5476)" in page
    assert reverse("casework:imm5476", args=[application.public_id]) in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Do not link the application to your personal account while you use a representative"),
        ("fr", "N’essayez pas de lier la demande à votre compte en ligne personnel"),
    ],
)
def test_a_client_who_tries_to_link_a_represented_application_is_told_to_cancel_first(
    client, representative, applicant, other_applicant, language, text
):
    from django.utils import translation

    application, _representation = sponsorship_accepted(representative, applicant)
    client.force_login(applicant)
    with translation.override(language):
        url = reverse("representation_client:link")
    page = client.post(url, {"number": application.number}).content.decode()
    assert text in page and reverse("representation_client:index") in page
    # Someone else, or a number that does not exist: the same answer, and nothing about the file.
    client.force_login(other_applicant)
    for number in (application.number, "SPS20269999999"):
        page = client.post(url, {"number": number}).content.decode()
        assert text not in page and representative.email not in page
    assert application.representations.get().state == State.ACTIVE


@pytest.mark.django_db
def test_the_dashboard_filters_by_program_and_two_representatives_of_one_client_see_only_their_own(
    client, representative, other_representative, applicant
):
    from portique.accounts.choices import RepresentativeStatus
    from portique.representation import selectors
    from tests.representation.conftest import created

    other_representative.representative_profile.status = RepresentativeStatus.VERIFIED
    other_representative.representative_profile.save(update_fields=["status"])
    pr_card, _ = created(representative, applicant.email)
    sponsorship, _ = sponsorship_created(representative, applicant.email)
    theirs, _ = sponsorship_created(other_representative, applicant.email)
    rows = selectors.dashboard_rows(representative=representative, program="spouse_sponsorship")
    assert [row.application for row in rows] == [sponsorship]
    assert {row.application for row in selectors.dashboard_rows(representative=representative)} == {
        pr_card,
        sponsorship,
    }
    client.force_login(representative)
    page = client.get(reverse("representation:dashboard"), {"program": "pr_card"}).content.decode()
    assert pr_card.number in page and sponsorship.number not in page and theirs.number not in page
    # The same client's draft with another representative: not found, not even its file.
    assert client.get(reverse("representation:file", args=[theirs.public_id])).status_code == 404
    assert client.get(reverse("applications:overview", args=[theirs.public_id])).status_code == 404


@pytest.mark.django_db
def test_the_demo_representative_and_client_take_a_sponsorship_through_an_officers_request(
    settings, tmp_path
):
    """What script/server offers: the demo accounts, as created by `portique demo`."""
    from django.core.management import call_command

    from portique.accounts.models import User
    from portique.casework import services as casework_services

    settings.VAR_DIR = tmp_path
    settings.DEBUG = True  # demo accounts exist only in development (the test runner turns DEBUG off)
    call_command("demo", stdout=open(tmp_path / "out.txt", "w"))
    representative = User.objects.get(email="representative@demo.portique.localhost")
    client_account = User.objects.get(email="applicant@demo.portique.localhost")
    officer = User.objects.get(email="officer@demo.portique.localhost")
    application, _representation = sponsorship_accepted(representative, client_account)
    _client_signs(client_account, application)
    _declare(representative, application)
    services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    casework_services.screening_run(application=application)
    casework_services.application_accept(
        actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 0.99
    )
    casework_services.processing_start(actor=officer, public_id=application.public_id)
    request = casework_services.request_send(
        actor=officer,
        public_id=application.public_id,
        description="Proof of the relationship",
        due_on=TODAY.replace(year=2027),
        on=TODAY,
    )
    from tests.documents.files import pdf_bytes, upload

    casework_services.request_answer(
        actor=representative,
        public_id=application.public_id,
        request_id=request.public_id,
        files=[upload("proof.pdf", pdf_bytes(1))],
        text="",
        on=TODAY,
    )
    request.refresh_from_db()
    assert request.state != "open"


@pytest.mark.django_db
def test_a_sponsors_own_application_is_linked_with_their_consent_and_their_signatures_stand(
    representative, applicant
):
    own = sj.ready_to_submit(applicant)
    representation = services.representation_link_request(
        actor=representative, number=own.number, client_name="Julie Tremblay", client_email=applicant.email
    )
    # Before the sponsor consents, the representative cannot even read it.
    from django.http import Http404

    with pytest.raises(Http404):
        _declare(representative, own)
    services.representation_accept(actor=applicant, public_id=representation.public_id)
    _declare(representative, own)
    services.representation_submit(actor=representative, public_id=own.public_id, on=TODAY)
    own.refresh_from_db()
    assert own.status == Status.SUBMITTED and own.owner == applicant


@pytest.mark.django_db
@pytest.mark.parametrize("moment", ["2026-11-22T09:00:00-05:00", "2026-11-22T21:30:00-05:00"])
def test_a_signature_and_a_declaration_given_the_same_evening_are_read_on_the_same_day(
    representative, applicant, moment
):
    # 21:30 in Toronto is already the next day in UTC: the client's signature and the
    # representative's declaration that follows it are both read on Toronto's day.
    import time_machine

    with time_machine.travel(moment, tick=True):
        application, _representation = sponsorship_accepted(representative, applicant)
        _client_signs(applicant, application)
        _declare(representative, application)
        assert _blockers(application) == set()
