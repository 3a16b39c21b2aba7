"""An officer screens, accepts and decides an extension of stay in a real browser, axe-clean:
the generic officer pages serve the program, and its decision asks nothing about a card."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portique.applications.choices import Status
from tests.browser.test_officer import sign_in
from tests.casework.test_stay_extension_journey import submitted_extension
from tests.conftest import _officer


@pytest.mark.django_db(transaction=True)
def test_an_officer_screens_accepts_and_approves_an_extension_by_letter(
    page, live_server, assert_accessible, applicant, settings
):
    settings.CASEWORK_QA_SHARE = 0
    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    decider = _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")
    application = submitted_extension(applicant, on=timezone.localdate())

    sign_in(page, live_server, officer)
    page.goto("/en/officer/")
    page.get_by_role("link", name=application.number).click()
    assert_accessible(page)
    page.get_by_role("link", name="Screen for completeness").click()
    expect(page.get_by_text("The rules found nothing missing.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Accept the application").click()
    expect(page.get_by_text("The application is accepted.")).to_be_visible()
    # The rules say the applicant gives biometrics (IRPR 12.1(h)): no approval before they are
    # collected. The letter goes from the biometrics page; the collection starts processing (PRC-32).
    page.goto(f"/en/officer/files/{application.public_id}/biometrics/")
    assert_accessible(page)
    page.get_by_role("button", name="Send the letters").click()
    page.wait_for_load_state()
    expect(page.get_by_text("The biometric instruction letter is sent to")).to_be_visible()
    page.get_by_label("Date the biometrics were collected").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Record", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_text("The collection of the biometrics is recorded.")).to_be_visible()
    application.refresh_from_db()
    assert application.status == Status.IN_PROCESSING

    sign_in(page, live_server, decider)
    page.goto(f"/fr/officer/files/{application.public_id}/")
    assert_accessible(page)
    page.goto(f"/en/officer/files/{application.public_id}/")
    page.get_by_role("link", name="Decide").click()
    # The approval is the letter itself: no question about a card.
    assert page.get_by_label("Card mailed to the applicant").count() == 0
    assert_accessible(page)
    page.get_by_label("Approved").check()
    page.get_by_role("button", name="Record the decision and send the letter").click()
    expect(page.get_by_text("The decision is recorded")).to_be_visible()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == Status.APPROVED

    # The applicant finds the letter in their account, in both languages.
    sign_in(page, live_server, applicant)
    page.goto(f"/en/applications/{application.public_id}/")
    assert page.get_by_role("link", name="letter in English (PDF)").count() >= 1
    assert_accessible(page)
