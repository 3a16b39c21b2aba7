"""Extending a stay in Canada, through the services: start → answers → pay → sign → submit →
screening → decision letter, as an applicant and an officer would, and its paper road.

Nothing here is specific code for the program: it flows through the generic services, which
is the point (docs/architecture.md, "Adding a program").
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from portique.applications import services as application_services
from portique.applications.choices import Channel, Status
from portique.applications.paper_intake import (
    PaperIntakeInput,
    paper_application_register,
    paper_application_send_to_screening,
    paper_signatures_record,
)
from portique.casework import services
from portique.casework.choices import DecisionOutcome
from portique.payments.cards import CardDetails
from portique.payments.models import Payment
from portique.payments.services import new_idempotency_key, payment_make, payment_record_receipt
from portique.rules.programs import registry
from tests import journey
from tests.conftest import _officer

PROGRAM = "stay_extension"
FORM = "STAY_EXTENSION"
ON = date(2026, 11, 22)
NAME = "Alex Marie Tremblay"


def answers(**changes) -> dict:
    sections = {
        "personal": {
            "family_name": "Tremblay",
            "given_names": "Alex Marie",
            "date_of_birth": "1990-04-02",
            "citizenship": "FR",
            "passport_number": "19FE12345",
            "passport_country": "FR",
            "passport_expiry": "2030-01-01",
        },
        "contact": {
            "email": "alex@example.com",
            "mailing_street": "12 rue Principale",
            "mailing_city": "Montréal",
            "mailing_province": "QC",
            "mailing_postal_code": "H2X 1Y4",
        },
        "status": {"current_status": "worker", "status_expiry": "2026-12-31"},
        "request": {"kind": "work_permit_extension", "until": "2028-06-30", "with_trp": "no"},
        "online": {"basis": "none"},
        "biometrics": {"special_status": "none"},
    }
    for section, values in changes.items():
        sections[section] = {**sections[section], **values}
    return sections


def save(actor, application, sections: dict, *, position: int = 0) -> None:
    for section, values in sections.items():
        application.refresh_from_db()
        application_services.application_save_section(
            actor=actor,
            public_id=application.public_id,
            position=position,
            form_code=FORM,
            section_code=section,
            answers=values,
            expected_version=application.version,
            on=ON,
        )
    application.refresh_from_db()


def submitted_extension(applicant, *, on: date = ON):
    """A work permit extension taken through the applicant's services to submission."""
    application = application_services.application_start(actor=applicant, program=PROGRAM)
    save(applicant, application, answers())
    payment_make(
        actor=applicant,
        public_id=application.public_id,
        card=CardDetails(
            number="4242 4242 4242 4242", expiry_month=12, expiry_year=2030, security_code="123"
        ),
        payer_name=NAME,
        idempotency_key=new_idempotency_key(),
        on=on,
    )
    application.refresh_from_db()
    application_services.application_sign(
        actor=applicant,
        public_id=application.public_id,
        typed_name=NAME,
        declaration_version=registry.program(PROGRAM).declaration_for("principal_applicant").version,
        expected_version=application.version,
        on=on,
    )
    application_services.application_submit(actor=applicant, public_id=application.public_id, on=on)
    application.refresh_from_db()
    return application


def pdf_text(field) -> str:
    with field.open("rb") as stored:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(stored.read())).pages)


@pytest.fixture
def decision_maker(db):
    return _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")


@pytest.mark.django_db
def test_an_applicant_extends_their_work_permit_and_an_officer_approves_it_by_letter(
    applicant, officer, decision_maker
):
    application = application_services.application_start(actor=applicant, program=PROGRAM)
    assert application.number.startswith("TRX")
    save(applicant, application, answers())

    evaluation = application_services.application_validate(
        actor=applicant, public_id=application.public_id, on=ON
    )
    assert evaluation.complete, [r.en for r in evaluation.blocking]
    # A French national extending a work permit gives biometrics (IRPR 12.1(h)): $155 + $85.
    assert evaluation.details["biometrics"]["p0"]["required"] is True
    assert evaluation.details["fees"]["due_now"] == "240.00"

    # Not signed nor paid yet: the submit gate names both.
    blockers = {r.code for r in application_services.submission_blockers(application=application, on=ON)}
    assert {"PAYMENT_MISSING", "SIGNATURE_MISSING"} <= blockers

    payment_make(
        actor=applicant,
        public_id=application.public_id,
        card=CardDetails(
            number="4242 4242 4242 4242", expiry_month=12, expiry_year=2030, security_code="123"
        ),
        payer_name=NAME,
        idempotency_key=new_idempotency_key(),
        on=ON,
    )
    assert Payment.objects.get(application=application).amount == Decimal("240.00")
    application.refresh_from_db()
    application_services.application_sign(
        actor=applicant,
        public_id=application.public_id,
        typed_name=NAME,
        declaration_version=registry.program(PROGRAM).declaration_for("principal_applicant").version,
        expected_version=application.version,
        on=ON,
    )
    submission = application_services.application_submit(
        actor=applicant, public_id=application.public_id, on=ON
    )
    assert submission.confirmation_number
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED

    screening = services.screening_run(application=application)
    assert list(screening.findings.all()) == []
    services.application_accept(actor=officer, public_id=application.public_id, on=ON, draw=lambda: 0.99)
    # No approval before the biometrics the rules require (IRPR 12.1(h)); their collection starts
    # processing (PRC-32).
    with pytest.raises(services.CaseworkError, match="must give biometrics"):
        services.application_decide(
            actor=decision_maker, public_id=application.public_id, outcome=DecisionOutcome.APPROVED, on=ON
        )
    journey.collect_before_decision(officer, application, on=ON)
    assert application.status == Status.IN_PROCESSING
    decision = services.application_decide(
        actor=decision_maker, public_id=application.public_id, outcome=DecisionOutcome.APPROVED, on=ON
    )
    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert decision.card_delivery == ""
    english, french = pdf_text(decision.letter.pdf_en), pdf_text(decision.letter.pdf_fr)
    assert "approved" in english and "extend your stay in Canada" in english and "card" not in english
    assert "prolongation de votre séjour" in french and "carte" not in french


@pytest.mark.django_db
def test_an_incomplete_extension_cannot_be_submitted_and_says_what_is_missing(applicant):
    application = application_services.application_start(actor=applicant, program=PROGRAM)
    incomplete = answers()
    incomplete["status"] = {"current_status": "worker"}
    save(applicant, application, incomplete)
    evaluation = application_services.application_validate(
        actor=applicant, public_id=application.public_id, on=ON
    )
    assert not evaluation.complete
    assert any("status.status_expiry" in (r.subject or "") for r in evaluation.form_findings)
    application.refresh_from_db()
    assert application.status == Status.DRAFT


@pytest.mark.django_db
def test_an_exempt_applicant_s_paper_application_is_registered_screened_and_accepted(officer):
    intake = officer
    application = paper_application_register(
        actor=intake,
        data=PaperIntakeInput(
            program=PROGRAM,
            received_on=ON,
            receipt_channel="mail",
            basis="disability",
            applicant_name=NAME,
            mailing_address="12 rue Principale\nMontréal QC H2X 1Y4",
            language="fr",
        ),
        today=ON,
    )
    assert application.channel == Channel.PAPER
    assert application.paper_intake.flag == {}
    save(intake, application, answers(online={"basis": "disability"}))
    evaluation = application_services.application_evaluate(application=application, on=ON)
    codes = {r.code for r in evaluation.findings}
    # IRPR 9.5: paper is allowed, and an officer must accept a complete paper application.
    assert "DISABILITY_EXEMPTION" in codes
    assert evaluation.details["online"]["officer_must_accept_complete_paper"] is True
    payment_record_receipt(
        actor=intake,
        public_id=application.public_id,
        receipt_number="IRCC-PAID-0001",
        amount=Decimal("240.00"),
        paid_on=ON,
        payer_name=NAME,
        today=ON,
    )
    application.refresh_from_db()
    paper_signatures_record(
        actor=intake, public_id=application.public_id, positions=[0], expected_version=application.version
    )
    application.refresh_from_db()
    paper_application_send_to_screening(actor=intake, public_id=application.public_id)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    screening = services.screening_run(application=application)
    assert [f.code for f in screening.findings.all()] == []
    services.application_accept(actor=officer, public_id=application.public_id, on=ON, draw=lambda: 0.99)
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
