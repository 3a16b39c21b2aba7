"""A spouse sponsorship received on paper (issue #9), end to end through the services: registered,
typed in person by person, signed by hand by the sponsor and the principal applicant, paid by
receipt, sent, screened complete and accepted; every validation reads the date received."""

import copy
from datetime import date, timedelta

import pytest
from django.core import mail

from portique.applications import paper_intake
from portique.applications.choices import PaperBasis, PersonRole, Status
from portique.applications.services import ApplicationError, submission_blockers
from portique.casework import services as casework
from portique.casework.models import Letter, Screening
from portique.payments import selectors as payment_selectors
from portique.payments.services import payment_record_receipt
from tests import journey
from tests import sponsorship_journey as sj

pytestmark = pytest.mark.django_db

RECEIVED = date(2026, 11, 20)
TODAY = date(2026, 11, 27)


def spouse_by_mail(**changes) -> paper_intake.PaperIntakeInput:
    values = dict(
        program="spouse_sponsorship",
        received_on=RECEIVED,
        receipt_channel="mail",
        # IRPR 9.2: a disability accommodation frees a sponsorship from applying online.
        basis=PaperBasis.DISABILITY,
        applicant_name=sj.PA_NAME,
        mailing_address="999, rue de la Famille, unité 3\nOttawa (Ontario) K3J 9T5",
        email="",
        language="fr",
    )
    values.update(changes)
    return paper_intake.PaperIntakeInput(**values)


def typed_in(officer, *, sponsor=None, pa_personal=None):
    """Registered and typed in as the forms say; the officer types on later days than the date received."""
    application = paper_intake.paper_application_register(actor=officer, data=spouse_by_mail(), today=TODAY)
    given = copy.deepcopy(sponsor or sj.SPONSOR)
    sj.save_form(
        officer,
        application,
        0,
        "IMM1344",
        {"sponsor": given["sponsor"], "history": given["history"], "convictions": []},
        on=TODAY,
    )
    imm0008 = {"application": sj.APPLICATION, **copy.deepcopy(sj.PA["IMM0008"])}
    if pa_personal:
        imm0008["personal"].update(pa_personal)
    for form_code, by_section in {**sj.PA, "IMM0008": imm0008}.items():
        sj.save_form(officer, application, 1, form_code, by_section, on=TODAY)
    return application


def complete(officer, application, *, receipt="IRCC-SP-0001"):
    journey.upload_checklist(officer, application, on=RECEIVED)
    payment_record_receipt(
        actor=officer,
        public_id=application.public_id,
        receipt_number=receipt,
        amount=payment_selectors.quote_for(application, RECEIVED).due_now,
        paid_on=RECEIVED - timedelta(days=2),
        payer_name=sj.SPONSOR_NAME,
        today=TODAY,
    )
    application.refresh_from_db()
    signers = paper_intake.required_paper_signers(application)
    assert [person.role for person in signers] == [PersonRole.SPONSOR, PersonRole.PRINCIPAL_APPLICANT]
    paper_intake.paper_signatures_record(
        actor=officer,
        public_id=application.public_id,
        positions=[person.position for person in signers],
        expected_version=application.version,
    )
    application.refresh_from_db()
    return application


def sent(officer, application, capture):
    with capture(execute=True):
        paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    return Screening.objects.get(application=application)


def test_a_complete_paper_spouse_sponsorship_is_screened_complete_and_accepted(
    officer, django_capture_on_commit_callbacks
):
    application = complete(officer, typed_in(officer))
    assert application.paper_intake.flag == {}
    # Nothing is missing on the date received, though the officer typed it in a week later.
    assert submission_blockers(application=application, on=TODAY) == ()
    assert [s.method for s in application.signatures.filter(cleared_at__isnull=True)] == ["handwritten"] * 2

    screening = sent(officer, application, django_capture_on_commit_callbacks)

    assert screening.screened_on == RECEIVED
    assert list(screening.findings.values_list("code", flat=True)) == []
    submission = application.submission
    assert submission.snapshot["record"]["application_date"] == RECEIVED.isoformat()
    assert [s["method"] for s in submission.snapshot["record"]["signatures"]] == ["handwritten"] * 2

    with django_capture_on_commit_callbacks(execute=True):
        letter = casework.application_accept(
            actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 1.0
        )
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert letter == Letter.objects.get(application=application)
    assert (letter.channel, letter.language) == ("mail", "fr")
    assert mail.outbox == []


def test_the_section_pages_of_a_paper_sponsorship_validate_on_the_date_received(officer):
    application = typed_in(officer)
    # Born after the date received but before the day it is typed in: a date in the future
    # on the application date, refused though the page asks on today's date.
    born_after = (RECEIVED + timedelta(days=2)).isoformat()
    personal = {**sj.PA["IMM0008"]["personal"], "date_of_birth": born_after}
    with pytest.raises(ApplicationError):
        sj.save_form(officer, application, 1, "IMM0008", {"personal": personal}, on=TODAY)
    application.refresh_from_db()
    pa = application.people.get(position=1)
    assert pa.answers["IMM0008"]["personal"]["date_of_birth"] == "1990-09-02"


def test_a_paper_sponsorship_of_a_person_the_same_sponsor_already_sponsors_is_found_at_screening(
    officer, django_capture_on_commit_callbacks
):
    first = complete(officer, typed_in(officer))
    sent(officer, first, django_capture_on_commit_callbacks)

    again = complete(officer, typed_in(officer), receipt="IRCC-SP-0002")
    screening = sent(officer, again, django_capture_on_commit_callbacks)

    [finding] = screening.findings.all()
    assert finding.code == "PENDING_SPONSORSHIP_OF_SAME_PERSON"
    assert finding.citation.startswith("IRPR 10(5)")
    assert first.number in finding.en and first.number in finding.fr


def test_another_sponsor_or_another_person_on_the_forms_is_not_the_same_sponsorship(
    officer, django_capture_on_commit_callbacks
):
    first = complete(officer, typed_in(officer))
    sent(officer, first, django_capture_on_commit_callbacks)
    other_sponsor = copy.deepcopy(sj.SPONSOR)
    other_sponsor["sponsor"]["date_of_birth"] = "1985-01-30"

    by_another_sponsor = complete(officer, typed_in(officer, sponsor=other_sponsor), receipt="IRCC-SP-0003")
    of_another_person = complete(
        officer, typed_in(officer, pa_personal={"family_name": "Adeyemi"}), receipt="IRCC-SP-0004"
    )

    for application in (by_another_sponsor, of_another_person):
        screening = sent(officer, application, django_capture_on_commit_callbacks)
        assert list(screening.findings.values_list("code", flat=True)) == []


def test_an_online_sponsorship_pending_for_the_same_people_is_found_for_a_paper_one(
    officer, applicant, django_capture_on_commit_callbacks
):
    from portique.applications import services

    online = sj.ready_to_submit(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(actor=applicant, public_id=online.public_id, on=sj.TODAY)

    paper = complete(officer, typed_in(officer))
    screening = sent(officer, paper, django_capture_on_commit_callbacks)

    assert list(screening.findings.values_list("code", flat=True)) == ["PENDING_SPONSORSHIP_OF_SAME_PERSON"]


def test_the_sponsor_of_a_paper_sponsorship_is_assessed_and_a_quebec_sponsor_asked_for_the_undertaking(
    officer, supervisor, django_capture_on_commit_callbacks
):
    from portique.casework.models import QuebecUndertaking, SponsorAssessment
    from portique.casework.sponsorship import sponsor_assess

    sponsor = copy.deepcopy(sj.SPONSOR)
    sponsor["sponsor"]["resides_in_quebec"] = True
    sponsor["sponsor"]["address"] = "12, rue Saint-Paul, Montréal (Québec) H2Y 1G6"
    application = complete(officer, typed_in(officer, sponsor=sponsor))
    sent(officer, application, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        casework.application_accept(actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 1.0)
    # No account: the letters are addressed from the forms and go by mail.
    with django_capture_on_commit_callbacks(execute=True):
        sponsor_assess(actor=supervisor, public_id=application.public_id, approved=True, on=TODAY)
    assert SponsorAssessment.objects.get(application=application).approved
    undertaking = QuebecUndertaking.objects.get(application=application)
    assert undertaking.letter.channel == "mail"
    assert mail.outbox == []
