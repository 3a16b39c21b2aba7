"""The officer's side in a real browser, with axe on every officer page.

An applicant's application is submitted (through the services: the applicant's pages
have their own browser tests); a screening officer returns it as incomplete; the
applicant starts again from the returned one and resubmits; the officer accepts it
(AOR), starts processing and requests a document; the applicant answers by uploading
into the request; a decision-maker approves. The file's history tells the whole story.
"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from portique.applications.choices import Status
from portique.applications.models import Application
from tests.casework.conftest import ensure_access_log_permission
from tests.casework.factories import submit_prepared, submitted_application
from tests.conftest import _officer
from tests.documents.files import pdf_bytes


def sign_in(page, live_server, user):
    # Signing in (with the officer's second factor) has its own browser tests.
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


@pytest.mark.django_db(transaction=True)
def test_screen_return_resubmit_accept_request_answer_approve(
    page, live_server, assert_accessible, applicant, tmp_path, settings
):
    # No quality-assurance draw: a file drawn for it waits for its interview (tested on its own).
    settings.CASEWORK_QA_SHARE = "0"
    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    decider = _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")
    first = submitted_application(applicant)

    # The screening officer finds the submission in the queue and returns it.
    sign_in(page, live_server, officer)
    page.goto("/en/officer/")
    assert page.get_by_role("heading", level=1).inner_text() == "Work queues"
    assert_accessible(page)
    page.get_by_role("link", name=first.number).click()
    assert page.get_by_role("heading", level=1).inner_text() == f"File {first.number}"
    assert_accessible(page)
    page.get_by_role("link", name="Screen for completeness").click()
    expect(page.get_by_text("The rules found nothing missing.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What is missing").select_option("OFFICER_COPY_ILLEGIBLE")
    page.get_by_role("button", name="Add this item").click()
    expect(page.get_by_role("alert").get_by_role("link", name="Which item, and what is wrong with it")).to_be_visible()
    assert_accessible(page)  # the error page too
    page.get_by_label("Which item, and what is wrong with it").fill("The copy of the passport is blurred.")
    page.get_by_role("button", name="Add this item").click()
    expect(page.get_by_text("The copy of the passport is blurred.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Return the application").click()
    expect(page.get_by_text("The application is returned.")).to_be_visible()
    first.refresh_from_db()
    assert first.status == Status.RETURNED

    # The applicant reads the return letter and starts again from the returned application.
    sign_in(page, live_server, applicant)
    page.goto(f"/en/applications/{first.public_id}/")
    assert page.get_by_role("link", name="letter in English (PDF)").count() == 1
    assert_accessible(page)  # the messages on the applicant's page
    page.get_by_role("button", name="Start a new application from this one").click()
    second = Application.objects.exclude(pk=first.pk).get(owner=applicant)
    page.wait_for_url(f"**/en/applications/{second.public_id}/")
    assert second.people.get().answers == first.people.get().answers
    submit_prepared(applicant, second)

    # The officer accepts it (AOR), starts processing, and requests a document.
    sign_in(page, live_server, officer)
    page.goto(f"/en/officer/files/{second.public_id}/screening/")
    page.get_by_role("button", name="Accept the application").click()
    expect(page.get_by_text("The application is accepted.")).to_be_visible()
    page.get_by_role("button", name="Start processing").click()
    for link, heading in (
        ("Biometrics", "Biometrics"),
        ("Medical exams", "Medical exams"),
        ("Interviews", "Interviews"),
    ):
        page.get_by_role("link", name=link, exact=True).click()
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert_accessible(page)
        page.get_by_role("link", name="Back to the file").click()
    page.get_by_role("link", name="Interviews", exact=True).click()
    page.get_by_role("button", name="Schedule and send the letter").click()
    expect(page.get_by_role("alert").get_by_role("link", name="Documents to bring: Say which documents to bring.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the file").click()
    page.get_by_role("link", name="Request documents or information").click()
    assert_accessible(page)
    page.get_by_label("Documents or information requested").fill(
        "Your 2025 notice of assessment from the CRA."
    )
    page.get_by_label("Deadline").fill((timezone.localdate() - timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_role("link", name="Deadline: The deadline must be after today.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Deadline").fill((timezone.localdate() + timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Send the request").click()
    expect(page.get_by_text("The request is sent.")).to_be_visible()

    # The applicant answers by uploading into the request.
    sign_in(page, live_server, applicant)
    page.goto(f"/en/applications/{second.public_id}/")
    page.get_by_role("link", name="Documents or information requested").click()
    expect(page.get_by_text("Your 2025 notice of assessment from the CRA.")).to_be_visible()
    assert_accessible(page)
    notice = tmp_path / "notice-of-assessment.pdf"
    notice.write_bytes(pdf_bytes(1))
    page.get_by_label("Files").set_input_files(str(notice))
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text("Your answer was sent.")).to_be_visible()

    # A decision-maker finds it ready for decision and approves.
    sign_in(page, live_server, decider)
    page.goto("/en/officer/?queue=ready_for_decision")
    assert_accessible(page)
    page.get_by_role("link", name=second.number).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="notice-of-assessment.pdf").click()
    # Offered under what it is and its detected type, never the name it was sent with (issue 16).
    assert download.value.suggested_filename == "answer-to-request.pdf"
    page.get_by_role("link", name="Decide").click()
    assert_accessible(page)
    # Nothing is missing: the form is filled from the file, for the decision-maker to confirm.
    assert page.get_by_label("Approved").is_checked()
    assert page.get_by_label("Card mailed to the applicant").is_checked()
    expect(page.get_by_text("Mailing address on file: 12 Sparks St, apt 4, Ottawa ON K1P 5B5")).to_be_visible()
    page.get_by_label("Refused", exact=True).check()
    page.get_by_role("button", name="Record the decision and send the letter").click()
    expect(page.get_by_role("alert")).to_be_visible()  # a refusal needs its reasons
    assert_accessible(page)
    page.get_by_label("Approved").check()
    page.get_by_label("Card mailed to the applicant").check()
    page.get_by_role("button", name="Record the decision and send the letter").click()
    expect(page.get_by_text("The decision is recorded")).to_be_visible()
    assert_accessible(page)
    second.refresh_from_db()
    assert second.status == Status.APPROVED
    history = page.locator("#history + div table").inner_text()
    for step in (
        "Submitted → Received (acknowledged)",
        "In processing",
        "Request sent",
        "Request answered",
        "Approved",
    ):
        assert step in history, step
    assert "Dana Decider" in history

    page.goto(f"/en/officer/files/{first.public_id}/")
    assert "Submitted → Returned" in page.locator("#history + div table").inner_text()

    # The French officer pages pass axe as well.
    page.goto(f"/fr/officer/files/{second.public_id}/")
    assert page.get_by_role("heading", level=1).inner_text() == f"Dossier {second.number}"
    assert_accessible(page)

    # A supervisor reads who opened which file.
    supervisor = _officer("supervisor@example.ca", ["supervisor"], first_name="Morgan", last_name="Lee")
    ensure_access_log_permission()
    sign_in(page, live_server, supervisor)
    page.goto("/en/officer/")
    page.get_by_role("link", name="Who opened which file (access log)").click()
    log = page.locator("table").inner_text()
    assert "screening@example.ca" in log and "decider@example.ca" in log and "notice-of-assessment.pdf" in log
    assert_accessible(page)
