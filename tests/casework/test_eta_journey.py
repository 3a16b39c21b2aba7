"""The eTA through the services: start → answers → pay → sign → submit, then the rules issue
it at once, or refer it to an officer who decides; an officer's cancellation under IRPR 12.07
with its letter; and the holder's page saying whether the eTA is valid today and until when.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.casework import services
from portique.casework.choices import DecisionOutcome, EventKind
from portique.casework.eta import eta_cancel, eta_status
from portique.casework.eta_models import IssuedEta
from portique.casework.services import CaseworkError
from portique.payments.cards import CardDetails
from portique.payments.services import new_idempotency_key, payment_make
from portique.rules.programs import registry
from tests.conftest import _officer

PROGRAM = "eta"
FORM = "ETA"
NAME = "Claire Dubois"


def today():
    return timezone.localdate()


def answers(**changes) -> dict:
    sections = {
        "personal": {
            "family_name": "Dubois",
            "given_names": "Claire",
            "date_of_birth": "1990-04-12",
            "place_of_birth": "Lyon",
            "sex": "female",
            "citizenship": "FR",
        },
        "contact": {"address": "12 rue des Lilas, 69003 Lyon, France", "email": "claire@example.fr"},
        "passport": {
            "number": "19FR12345",
            "country": "FR",
            "issued": "2019-06-01",
            "expiry": (today() + timedelta(days=3 * 365)).isoformat(),
        },
        "background": {"us_visa": "no", "past_events": "no"},
    }
    for section, values in changes.items():
        sections[section] = {**sections[section], **values}
    return sections


def submitted_eta(applicant, django_capture_on_commit_callbacks, **changes):
    on = today()
    application = application_services.application_start(actor=applicant, program=PROGRAM)
    for section, values in answers(**changes).items():
        application.refresh_from_db()
        application_services.application_save_section(
            actor=applicant,
            public_id=application.public_id,
            position=0,
            form_code=FORM,
            section_code=section,
            answers=values,
            expected_version=application.version,
            on=on,
        )
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
    with django_capture_on_commit_callbacks(execute=True):
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
def test_the_rules_issue_the_eta_at_submission_shortened_by_the_passport(
    applicant, django_capture_on_commit_callbacks
):
    application = submitted_eta(applicant, django_capture_on_commit_callbacks)
    assert application.number.startswith("ETA")
    assert application.status == Status.APPROVED
    # No officer: the history names no one and says the rules issued it.
    last = application.history.order_by("-at", "-id").first()
    assert last.actor is None and "by the rules" in last.reason
    issued = IssuedEta.objects.get(application=application)
    assert issued.issued_by is None
    assert issued.passport_number == "19FR12345"
    status = eta_status(application=application, on=today())
    assert status.valid_today
    # The passport expires before five years: the eTA ends with it, not an error.
    assert status.validity.last_valid_day == today() + timedelta(days=3 * 365)
    assert status.validity.ground.value == "passport_expiry"


@pytest.mark.django_db
def test_a_second_eta_for_the_same_passport_ends_the_first(applicant, django_capture_on_commit_callbacks):
    first = submitted_eta(applicant, django_capture_on_commit_callbacks)
    second = submitted_eta(applicant, django_capture_on_commit_callbacks)
    assert eta_status(application=second, on=today()).valid_today
    status = eta_status(application=first, on=today())
    assert status.validity.ground.value == "new_eta_same_passport"
    assert not status.valid_today
    assert status.validity.last_valid_day == today() - timedelta(days=1)


@pytest.mark.django_db
def test_a_referral_waits_for_an_officer_who_approves_and_the_eta_is_issued(
    applicant, officer, decision_maker, django_capture_on_commit_callbacks
):
    application = submitted_eta(
        applicant,
        django_capture_on_commit_callbacks,
        background={"us_visa": "yes", "us_visa_number": "A1234567"},
    )
    # The portal cannot check a U.S. visa (12.04(4)(h.1)): an officer decides.
    assert application.status == Status.SUBMITTED
    assert not IssuedEta.objects.filter(application=application).exists()
    referral = application.case_events.get(kind=EventKind.ETA_REFERRED)
    assert "ETA_US_VISA_TO_VERIFY" in referral.detail
    services.application_accept(actor=officer, public_id=application.public_id, on=today(), draw=lambda: 0.99)
    services.application_decide(
        actor=decision_maker, public_id=application.public_id, outcome=DecisionOutcome.APPROVED, on=today()
    )
    issued = IssuedEta.objects.get(application=application)
    assert issued.issued_by == decision_maker
    # The approval letter says the eTA is issued and linked to the passport, in both languages.
    letter = application.decision.letter
    assert "eTA) is issued" in pdf_text(letter.pdf_en)
    assert "(AVE) est délivrée" in pdf_text(letter.pdf_fr)
    assert eta_status(application=application, on=today()).valid_today


@pytest.mark.django_db
def test_an_officer_cancels_an_eta_under_12_07_with_a_letter_in_both_languages(
    applicant, officer, decision_maker, django_capture_on_commit_callbacks
):
    application = submitted_eta(applicant, django_capture_on_commit_callbacks)
    # A screening officer cannot cancel; only a decision-maker.
    with pytest.raises(PermissionDenied):
        eta_cancel(
            actor=officer,
            public_id=application.public_id,
            ground="inadmissible",
            event_on=None,
            reasons="x",
            on=today(),
        )
    # Without reasons, or a 12.06 ground without its day: refused, nothing changed.
    with pytest.raises(CaseworkError) as refused:
        eta_cancel(
            actor=decision_maker,
            public_id=application.public_id,
            ground="temporary_resident_permit_issued",
            event_on=None,
            reasons="",
            on=today(),
        )
    assert set(refused.value.errors) == {"event_on", "reasons"}
    # An event before the eTA was issued does not count (12.06: "after").
    with pytest.raises(CaseworkError):
        eta_cancel(
            actor=decision_maker,
            public_id=application.public_id,
            ground="temporary_resident_permit_issued",
            event_on=today() - timedelta(days=30),
            reasons="A temporary resident permit was issued.",
            on=today(),
        )
    cancellation = eta_cancel(
        actor=decision_maker,
        public_id=application.public_id,
        ground="temporary_resident_permit_issued",
        event_on=today(),
        reasons="A temporary resident permit was issued to you at the port of entry.",
        on=today(),
    )
    assert cancellation.cancelled_by == decision_maker
    assert application.case_events.filter(kind=EventKind.ETA_CANCELLED, actor=decision_maker).exists()
    english, french = pdf_text(cancellation.letter.pdf_en), pdf_text(cancellation.letter.pdf_fr)
    assert "is cancelled" in english and "12.07" in english
    assert "annulée" in french and "permis de séjour temporaire" in french
    # The cancellation day ends it (12.05(1)(b)): not valid today.
    status = eta_status(application=application, on=today())
    assert status.validity.ground.value == "cancellation" and not status.valid_today
    with pytest.raises(CaseworkError):
        eta_cancel(
            actor=decision_maker,
            public_id=application.public_id,
            ground="inadmissible",
            event_on=None,
            reasons="Again.",
            on=today(),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_holder_sees_whether_the_eta_is_valid_today_and_until_when(
    client, applicant, other_applicant, django_capture_on_commit_callbacks, language
):
    application = submitted_eta(applicant, django_capture_on_commit_callbacks)
    url = reverse("casework_applicant:eta", args=[application.public_id])
    client.force_login(applicant)
    page = client.get(url.replace("/en/", f"/{language}/")).content.decode()
    last = today() + timedelta(days=3 * 365)
    if language == "en":
        assert "Your eTA is valid today" in page
        assert f"You can use it until {last:%B} {last.day}, {last.year}" in page
        assert "the day your passport expires" in page
    else:
        assert "Votre AVE est valide aujourd’hui" in page
        assert f"Vous pouvez l’utiliser jusqu’au {last.day} " in page
        assert "le jour où votre passeport expire" in page
    # The application's own page links to it.
    overview = client.get(
        reverse("applications:overview", args=[application.public_id]).replace("/en/", f"/{language}/")
    )
    assert overview.status_code == 200
    assert url.replace("/en/", f"/{language}/") in overview.content.decode()
    # Nobody else's.
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_permit_application_that_is_also_an_eta_application_says_so(client, applicant):
    from tests.casework import test_stay_extension_journey as extension

    application = application_services.application_start(actor=applicant, program="stay_extension")
    client.force_login(applicant)
    url = reverse("applications:overview", args=[application.public_id])
    extension.save(applicant, application, extension.answers(status={"eta": "no"}))
    assert (
        "also your application for an electronic travel authorization" not in client.get(url).content.decode()
    )
    # A work permit renewal by someone who needs an eTA (12.04(6)).
    extension.save(applicant, application, {"status": {**extension.answers()["status"], "eta": "required"}})
    page = client.get(url).content.decode()
    assert "also your application for an electronic travel authorization" in page
    french = client.get(url.replace("/en/", "/fr/")).content.decode()
    assert "aussi votre demande d’autorisation de voyage électronique" in french


@pytest.mark.django_db
def test_an_officer_cancels_through_the_file_pages(
    client, applicant, officer, decision_maker, django_capture_on_commit_callbacks
):
    application = submitted_eta(applicant, django_capture_on_commit_callbacks)
    client.force_login(decision_maker)
    file_page = client.get(reverse("casework:file", args=[application.public_id])).content.decode()
    assert "by the rules, at submission" in file_page
    url = reverse("casework:eta_cancel", args=[application.public_id])
    refused = client.post(url, {"ground": "removal_order", "reasons": ""})
    assert refused.status_code == 400
    assert "Give the reasons for the cancellation" in refused.content.decode()
    assert not IssuedEta.objects.filter(application=application, cancellation__isnull=False).exists()
    done = client.post(
        url, {"ground": "inadmissible", "reasons": "You were found inadmissible on grounds of criminality."}
    )
    assert done.status_code == 302
    assert IssuedEta.objects.get(application=application).cancellation.cancelled_by == decision_maker
    # A screening officer does not get the page; the holder's page now says it is not valid.
    client.force_login(officer)
    assert client.get(url).status_code == 404
    client.force_login(applicant)
    holder = client.get(reverse("casework_applicant:eta", args=[application.public_id])).content.decode()
    assert "Your eTA is not valid today" in holder and "the cancellation letter (PDF)" in holder


@pytest.mark.django_db
def test_an_eta_is_never_registered_from_paper(officer):
    from portique.applications.paper_intake import (
        PaperIntakeInput,
        PaperIntakeInvalid,
        paper_application_register,
    )

    with pytest.raises(PaperIntakeInvalid) as refused:
        paper_application_register(
            actor=officer,
            data=PaperIntakeInput(
                program=PROGRAM,
                received_on=today(),
                receipt_channel="mail",
                basis="disability",
                applicant_name=NAME,
                mailing_address="12 rue des Lilas\n69003 Lyon",
                language="fr",
            ),
            today=today(),
        )
    assert "program" in refused.value.errors
