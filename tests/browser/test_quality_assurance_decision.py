"""A PR card drawn for quality assurance cannot be approved before its interview (IMM 5445, « Programme
d'assurance de la qualité »), in a real browser, in English and French, axe-clean: the decision page
names what is missing with its rule behind "Why?", refuses the approval, and once the interview is
recorded as held it is filled from the file for the decision-maker to confirm."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portique.applications.choices import Status
from portique.casework import services
from portique.casework.choices import InterviewMode, InterviewOutcome, InterviewPurpose
from tests.browser.test_officer import sign_in
from tests.casework.factories import submitted_application
from tests.conftest import _officer

WORDS = {
    "en": {
        "qa": "The file was selected for quality assurance",
        "decide": "Record the decision and send the letter",
        "decided": "The decision is recorded",
    },
    "fr": {
        "qa": "Le dossier a été choisi pour l’assurance de la qualité",
        "decide": "Inscrire la décision et envoyer la lettre",
        "decided": "La décision est inscrite",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_file_drawn_for_quality_assurance_is_not_approved_before_its_interview(
    page, live_server, assert_accessible, applicant, language
):
    words = WORDS[language]
    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    decider = _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")
    application = submitted_application(applicant)
    services.screening_run(application=application)
    services.application_accept(
        actor=officer, public_id=application.public_id, on=timezone.localdate(), draw=lambda: 0.0
    )
    services.processing_start(actor=officer, public_id=application.public_id)

    sign_in(page, live_server, decider)
    page.goto(f"/{language}/officer/files/{application.public_id}/decision/")
    assert words["qa"] in page.locator("#readiness").inner_text()
    page.locator("#readiness summary").first.click()
    assert "IMM 5445" in page.locator("#readiness details[open]").inner_text()
    assert not page.locator("input[name=outcome][value=approved]").is_checked()  # nothing pre-selected
    assert_accessible(page)
    page.locator("input[name=outcome][value=approved]").check()
    page.locator("input[name=card_delivery][value=mail]").check()
    page.get_by_role("button", name=words["decide"]).click()
    page.wait_for_load_state()
    assert words["qa"] in page.locator(".error-summary").inner_text()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == Status.IN_PROCESSING

    # The applicant is called to the interview and attends; the officer records it once held.
    interview = services.interview_schedule(
        actor=officer,
        public_id=application.public_id,
        starts_at=timezone.now() + timedelta(days=7),
        mode=InterviewMode.IN_PERSON,
        place="200 Promenade du Portage, Gatineau",
        documents_to_bring="Your passport and your current PR card",
        purpose=InterviewPurpose.QUALITY_ASSURANCE,
    )
    services.interview_record_outcome(
        actor=officer,
        public_id=application.public_id,
        interview_id=interview.public_id,
        outcome=InterviewOutcome.ATTENDED,
        notes="The documents match the application.",
        now=timezone.now() + timedelta(days=7, hours=1),
    )
    page.goto(f"/{language}/officer/files/{application.public_id}/decision/")
    assert page.locator("#readiness").count() == 0
    assert page.locator("input[name=outcome][value=approved]").is_checked()
    assert page.locator("input[name=card_delivery][value=mail]").is_checked()
    assert_accessible(page)
    page.get_by_role("button", name=words["decide"]).click()
    page.wait_for_load_state()
    assert words["decided"] in page.content()
    application.refresh_from_db()
    assert application.status == Status.APPROVED
