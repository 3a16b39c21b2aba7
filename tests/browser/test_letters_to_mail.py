"""Letters to print and mail, in a real browser, in English and in French, with axe on every page:
the officer finds the acknowledgement of a paper application without e-mail in the list, records
it as mailed (a missing date is refused first), and the file says when and by whom."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from portique.applications import paper_intake
from portique.casework import services as casework
from portique.casework.models import LetterMailed
from tests.alternatives.test_paper_intake import TODAY, entered_complete
from tests.browser.test_officer import sign_in
from tests.conftest import _officer

TEXT = {
    "en": {
        "queues": "Work queues",
        "list": "Letters to print and mail",
        "kind": "Acknowledgement of receipt",
        "pdf": "PDF in French",
        "record": "Record as mailed",
        "date": "Date mailed",
        "recorded": "is recorded as mailed",
        "empty": "No letter to print and mail.",
        "mailed": "Mailed on",
    },
    "fr": {
        "queues": "Files de travail",
        "list": "Lettres à imprimer et à poster",
        "kind": "Accusé de réception",
        "pdf": "PDF en français",
        "record": "Inscrire comme postée",
        "date": "Date de l’envoi postal",
        "recorded": "est inscrite comme postée",
        "empty": "Aucune lettre à imprimer et à poster.",
        "mailed": "Postée le",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.django_db(transaction=True)
def test_an_officer_records_a_letter_as_mailed_from_the_list(page, live_server, assert_accessible, language):
    text = TEXT[language]
    officer = _officer("intake@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    application = entered_complete(officer)
    paper_intake.paper_application_send_to_screening(actor=officer, public_id=application.public_id)
    casework.screening_run(application=application)
    casework.application_accept(actor=officer, public_id=application.public_id, on=TODAY, draw=lambda: 1.0)
    sign_in(page, live_server, officer)

    page.goto(f"/{language}/officer/")
    page.get_by_role("link", name=re.compile(f"^{text['list']}")).click()
    assert page.get_by_role("heading", level=1).inner_text() == text["list"]
    row = page.get_by_role("row").filter(has_text=application.number)
    expect(row.get_by_role("cell", name=text["kind"], exact=True)).to_be_visible()
    assert row.get_by_role("link", name=re.compile(f"^{text['pdf']}")).count() == 1
    assert_accessible(page)

    row.get_by_role("link", name=re.compile(f"^{text['record']}")).click()
    assert page.get_by_role("heading", level=1).inner_text() == text["record"]
    assert_accessible(page)
    page.get_by_role("button", name=text["record"]).click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert not LetterMailed.objects.exists()
    assert_accessible(page)  # the error page too

    page.get_by_label(text["date"]).fill(timezone.localdate().isoformat())
    page.get_by_role("button", name=text["record"]).click()
    expect(page.get_by_text(text["recorded"])).to_be_visible()
    expect(page.get_by_text(text["empty"])).to_be_visible()
    assert_accessible(page)

    page.goto(f"/{language}/officer/files/{application.public_id}/")
    letters = page.locator("#letters + ul")
    expect(letters.get_by_text(re.compile(f"{text['mailed']} .+ Jordan Singh"))).to_be_visible()
    assert LetterMailed.objects.get().recorded_by == officer
