"""The answer to a request on a paper application, received by mail and recorded by an officer,
in a real browser, in English and in French, with axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portique.casework import services as casework
from portique.casework.choices import RequestState
from tests.alternatives.test_paper_intake import TODAY, entered_complete
from tests.browser.test_officer import sign_in
from tests.conftest import _officer
from tests.documents.files import pdf_bytes

TEXT = {
    "en": {
        "file": "File {number}",
        "record": "Record the answer received by mail",
        "received": "Date received",
        "what": "What was received",
        "scans": "Scans of what was received (optional)",
        "date_missing": "Enter the date the answer was received, for example 2027-01-15.",
        "submit": "Record the answer",
        "recorded": "The answer received by mail is recorded and the request is closed.",
        "received_by_mail": "Received by mail on",
    },
    "fr": {
        "file": "Dossier {number}",
        "record": "Consigner la réponse reçue par la poste",
        "received": "Date de réception",
        "what": "Ce qui a été reçu",
        "scans": "Numérisations de ce qui a été reçu (facultatif)",
        "date_missing": "Entrez la date de réception de la réponse, par exemple 2027-01-15.",
        "submit": "Consigner la réponse",
        "recorded": "La réponse reçue par la poste est consignée et la demande est fermée.",
        "received_by_mail": "Reçue par la poste le",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.django_db(transaction=True)
def test_an_officer_records_the_answer_to_a_request_received_by_mail(
    page, live_server, assert_accessible, language
):
    text = TEXT[language]
    officer = _officer("intake@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    application = entered_complete(officer)
    from portique.applications import paper_intake

    paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    casework.screening_run(application=application)
    casework.application_accept(actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 1.0)
    # Sent on the real day: the answer is received that day (not before the request, not in the future).
    sent = timezone.localdate()
    request = casework.request_send(
        actor=officer,
        public_id=application.public_id,
        description="Your two most recent pay slips",
        due_on=sent + timedelta(days=30),
        on=sent,
    )
    sign_in(page, live_server, officer)

    page.goto(f"/{language}/officer/files/{application.public_id}/")
    assert page.get_by_role("heading", level=1).inner_text() == text["file"].format(number=application.number)
    page.get_by_role("link", name=text["record"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == text["record"]
    assert_accessible(page)
    page.get_by_role("button", name=text["submit"]).click()
    expect(page.get_by_role("alert").get_by_text(text["date_missing"])).to_be_visible()
    assert_accessible(page)  # the error page too

    page.get_by_label(text["received"]).fill(sent.isoformat())
    page.get_by_label(text["what"], exact=True).fill("Two pay slips")
    page.get_by_label(text["scans"]).set_input_files(
        files=[{"name": "slips.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(2)}]
    )
    page.get_by_role("button", name=text["submit"]).click()
    expect(page.get_by_text(text["recorded"])).to_be_visible()
    expect(page.get_by_text(text["received_by_mail"])).to_be_visible()
    assert page.get_by_role("link", name="slips.pdf").count() == 1
    assert_accessible(page)
    request.refresh_from_db()
    assert request.state == RequestState.ANSWERED and request.answered_by == officer
