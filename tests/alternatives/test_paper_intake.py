"""Paper intake (issue #9): an officer registers a paper application, types it in, records the
receipt and the handwritten signature, and sends it to the same screening as an online one."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import translation

from portique.applications import paper_intake
from portique.applications.choices import Channel, PaperBasis, Status
from portique.applications.models import Application, PaperIntake, StatusChange
from portique.applications.paper_intake import PaperIntakeInput, PaperIntakeInvalid
from portique.applications.services import application_save_section, submission_blockers
from portique.casework import services as casework
from portique.casework.models import Letter, Screening
from portique.payments import selectors as payment_selectors
from portique.payments.services import ReceiptInvalid, payment_record_receipt
from tests.casework.factories import upload_every_document
from tests.conftest import _officer
from tests.rules.forms.test_imm5444_validation import complete_answers

RECEIVED = date(2026, 11, 22)
TODAY = date(2026, 11, 26)


def pr_card_by_mail(**changes) -> PaperIntakeInput:
    values = dict(
        program="pr_card",
        received_on=RECEIVED,
        receipt_channel="mail",
        basis=PaperBasis.DISABILITY,
        applicant_name="Alex Marie Tremblay",
        mailing_address="12 Sparks St, apt 4\nOttawa ON  K1P 5B2",
        email="",
        language="fr",
    )
    values.update(changes)
    return PaperIntakeInput(**values)


def type_in(officer, application, answers: dict) -> None:
    for section, section_answers in answers.items():
        application.refresh_from_db()
        application_save_section(
            actor=officer,
            public_id=application.public_id,
            position=0,
            form_code="IMM5444",
            section_code=section,
            answers=section_answers,
            expected_version=application.version,
            on=RECEIVED,
        )
    application.refresh_from_db()


def record_receipt(officer, application, number="IRCC-PAID-0001"):
    due = payment_selectors.quote_for(application, RECEIVED).due_now
    return payment_record_receipt(
        actor=officer,
        public_id=application.public_id,
        receipt_number=number,
        amount=due,
        paid_on=RECEIVED - timedelta(days=3),
        payer_name="Alex Marie Tremblay",
        today=TODAY,
    )


def record_signature(officer, application):
    application.refresh_from_db()
    return paper_intake.paper_signatures_record(
        actor=officer, public_id=application.public_id, positions=[0], expected_version=application.version
    )


def entered_complete(officer) -> Application:
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    type_in(officer, application, complete_answers())
    upload_every_document(officer, application, on=RECEIVED)
    record_receipt(officer, application)
    record_signature(officer, application)
    application.refresh_from_db()
    return application


def test_registering_a_paper_pr_card_application_opens_a_draft_without_an_account(officer):
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)

    assert application.channel == Channel.PAPER
    assert application.owner is None
    assert application.received_on == RECEIVED
    assert application.status == Status.DRAFT
    assert application.number.startswith("PRC2026")
    intake = application.paper_intake
    assert intake.applicant_name == "Alex Marie Tremblay"
    assert intake.by_mail is True
    assert intake.registered_by == officer
    # The PR card may be applied for on paper: nothing to flag.
    assert intake.flag == {}
    change = StatusChange.objects.get(application=application)
    assert change.actor == officer
    assert change.to_status == Status.DRAFT
    assert "received on paper on 2026-11-22" in change.reason


@pytest.mark.parametrize(
    ("changes", "field", "english", "french"),
    [
        (
            {"received_on": None},
            "received_on",
            "Enter the date the paper application was received.",
            "Entrez la date de réception de la demande papier.",
        ),
        (
            {"received_on": TODAY + timedelta(days=1)},
            "received_on",
            "The date received cannot be in the future.",
            "La date de réception ne peut pas être dans le futur.",
        ),
        (
            {"applicant_name": "   "},
            "applicant_name",
            "Enter the applicant’s name as it is written on the forms.",
            "Entrez le nom du demandeur tel qu’il est écrit sur les formulaires.",
        ),
    ],
)
def test_bad_intake_is_refused_in_both_languages_and_saves_nothing(officer, changes, field, english, french):
    with pytest.raises(PaperIntakeInvalid) as refused:
        paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(**changes), today=TODAY)

    messages = refused.value.errors[field]
    assert [str(m) for m in messages] == [english]
    with translation.override("fr"):
        assert [str(m) for m in messages] == [french]
    assert not Application.objects.exists()
    assert not PaperIntake.objects.exists()


def test_a_paper_sponsorship_that_relies_on_no_exemption_is_flagged_with_the_rule(officer):
    application = paper_intake.paper_application_register(
        actor=officer,
        data=pr_card_by_mail(program="spouse_sponsorship", basis=PaperBasis.NONE),
        today=TODAY,
    )

    flag = application.paper_intake.flag
    assert flag["code"] == "PAPER_APPLICATION_WITHOUT_EXEMPTION"
    assert "IMM 5289" in flag["citation"]
    assert flag["en"].startswith("This application was received on paper, but it had to be made online")
    assert flag["fr"].startswith("Cette demande a été reçue sur papier")
    assert "flagged PAPER_APPLICATION_WITHOUT_EXEMPTION" in application.history.get().reason


def test_a_paper_sponsorship_with_a_disability_accommodation_is_not_flagged(officer):
    application = paper_intake.paper_application_register(
        actor=officer, data=pr_card_by_mail(program="spouse_sponsorship"), today=TODAY
    )

    assert application.paper_intake.flag == {}


def test_a_situation_of_the_exemption_table_must_be_one_of_its_rows(officer):
    with pytest.raises(PaperIntakeInvalid) as refused:
        paper_intake.paper_application_register(
            actor=officer,
            data=pr_card_by_mail(basis=PaperBasis.SYSTEM_RESTRICTION, system_restriction="Z99"),
            today=TODAY,
        )

    assert "system_restriction" in refused.value.errors
    assert not Application.objects.exists()


def test_only_an_intake_officer_registers_or_enters_a_paper_application(officer, applicant):
    decision_maker = _officer("decider@example.ca", ["decision_maker"])
    with pytest.raises(PermissionDenied):
        paper_intake.paper_application_register(actor=applicant, data=pr_card_by_mail(), today=TODAY)
    with pytest.raises(PermissionDenied):
        paper_intake.paper_application_register(actor=decision_maker, data=pr_card_by_mail(), today=TODAY)
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    with pytest.raises(Http404):
        type_in(applicant, application, {"contact": complete_answers()["contact"]})
    assert not Application.objects.filter(owner=applicant).exists()


def test_a_receipt_is_recorded_once_and_bad_entries_change_nothing(officer):
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    with pytest.raises(ReceiptInvalid) as refused:
        payment_record_receipt(
            actor=officer,
            public_id=application.public_id,
            receipt_number="",
            amount="",
            paid_on=TODAY + timedelta(days=1),
            payer_name="",
            today=TODAY,
        )
    assert set(refused.value.errors) == {"receipt_number", "amount", "paid_on"}
    assert payment_selectors.paid_for(application) == 0

    record_receipt(officer, application)
    assert payment_selectors.balance_for(application, RECEIVED).settled
    other = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    with pytest.raises(ReceiptInvalid) as again:
        record_receipt(officer, other)
    assert "receipt_number" in again.value.errors


def test_a_change_after_the_signature_was_recorded_clears_it(officer):
    application = entered_complete(officer)
    blockers = lambda: {  # noqa: E731
        found.code for found in submission_blockers(application=application, on=RECEIVED)
    }
    assert blockers() == set()

    contact = {**complete_answers()["contact"], "phone": "613-555-0100"}
    type_in(officer, application, {"contact": contact})

    assert blockers() == {"SIGNATURE_MISSING"}


def test_a_complete_paper_pr_card_application_is_screened_and_accepted(
    officer, django_capture_on_commit_callbacks
):
    application = entered_complete(officer)

    with django_capture_on_commit_callbacks(execute=True):
        submission = paper_intake.paper_application_send_to_screening(
            actor=officer, public_id=application.public_id
        )

    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert submission.submitted_by == officer
    assert submission.snapshot["record"]["application_date"] == "2026-11-22"
    # The same screening as online ran at once, on the date received, and found nothing missing.
    screening = Screening.objects.get(application=application)
    assert screening.screened_on == RECEIVED
    assert list(screening.findings.values_list("code", flat=True)) == []
    assert (
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
        == submission
    )

    with django_capture_on_commit_callbacks(execute=True):
        letter = casework.application_accept(
            actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 1.0
        )

    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert letter == Letter.objects.get(application=application)
    # No e-mail was given: the acknowledgement goes by mail, in the language chosen at intake.
    assert letter.channel == "mail"
    assert letter.language == "fr"
    assert mail.outbox == []
    sent = application.history.get(to_status=Status.SUBMITTED)
    assert sent.actor == officer and "sent to screening" in sent.reason


def test_letters_of_a_paper_applicant_who_gave_an_e_mail_go_to_it(
    officer, django_capture_on_commit_callbacks
):
    application = paper_intake.paper_application_register(
        actor=officer, data=pr_card_by_mail(email="alex@example.ca", language="en"), today=TODAY
    )
    type_in(officer, application, complete_answers())
    upload_every_document(officer, application, on=RECEIVED)
    record_receipt(officer, application)
    record_signature(officer, application)
    with django_capture_on_commit_callbacks(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    with django_capture_on_commit_callbacks(execute=True):
        letter = casework.application_accept(
            actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 1.0
        )

    assert letter.channel == "email"
    [message] = mail.outbox
    assert message.to == ["alex@example.ca"]
    assert sorted(name for name, _content, _type in message.attachments) == [
        f"{application.number}-acknowledgement-en.pdf",
        f"{application.number}-acknowledgement-fr.pdf",
    ]


def test_a_paper_application_without_its_signature_is_found_incomplete_at_screening(
    officer, django_capture_on_commit_callbacks
):
    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    type_in(officer, application, complete_answers())
    upload_every_document(officer, application, on=RECEIVED)
    record_receipt(officer, application)

    with django_capture_on_commit_callbacks(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)

    screening = Screening.objects.get(application=application)
    finding = screening.findings.get()
    assert finding.code == "SIGNATURE_MISSING"
    assert finding.citation.startswith("IRPR 10(1)(b)")
    assert "handwritten signature of the applicant" in finding.en


def test_a_paper_application_is_decided_like_an_online_one_and_its_letters_go_by_mail(
    officer, django_capture_on_commit_callbacks
):
    from portique.casework.choices import CardDelivery, DecisionOutcome

    decider = _officer("decider@example.ca", ["decision_maker"])
    application = entered_complete(officer)
    with django_capture_on_commit_callbacks(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    casework.application_accept(actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 1.0)

    decision = casework.application_decide(
        actor=decider,
        public_id=application.public_id,
        outcome=DecisionOutcome.APPROVED,
        card_delivery=CardDelivery.MAIL,
        on=TODAY,
    )

    application.refresh_from_db()
    assert application.status == Status.APPROVED
    assert decision.letter.channel == "mail"
    assert [letter.channel for letter in Letter.objects.filter(application=application)] == ["mail", "mail"]


def test_a_returned_paper_application_s_fee_is_not_paid_back_through_the_portal(
    officer, django_capture_on_commit_callbacks
):
    from portique.payments.models import Refund

    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    type_in(officer, application, complete_answers())
    record_receipt(officer, application)
    with django_capture_on_commit_callbacks(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)

    screening = Screening.objects.get(application=application)
    for finding in screening.findings.all():
        casework.finding_judge(
            actor=officer, public_id=application.public_id, finding_id=finding.public_id, verdict="confirmed"
        )
    letter = casework.application_return(actor=officer, public_id=application.public_id, on=TODAY)

    application.refresh_from_db()
    assert application.status == Status.RETURNED
    assert letter.channel == "mail"
    # The fee was paid outside the portal: nothing goes back through its gateway.
    assert not Refund.objects.filter(application=application).exists()
    codes = set(Screening.objects.get(application=application).findings.values_list("code", flat=True))
    assert "SIGNATURE_MISSING" in codes
