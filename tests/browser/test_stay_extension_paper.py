"""The paper road of an extension of stay, in a real browser, EN and FR, axe-clean: an
applicant exempt from applying online because of a disability (IRPR 9.5) sends paper forms;
an intake officer registers them, types them in, records the receipt and the handwritten
signature, sends them to screening, and accepts the application."""

from datetime import date

import pytest
from playwright.sync_api import expect

from portique.applications.choices import Status
from portique.applications.models import Application
from portique.payments import selectors as payment_selectors
from portique.rules.programs import registry
from tests.browser.test_officer import sign_in
from tests.browser.test_paper_intake import TEXT
from tests.casework.test_stay_extension_journey import answers, save
from tests.conftest import _officer

RECEIVED = date(2026, 11, 22)
SECTION = {"en": "Applying online or on paper", "fr": "Demande en ligne ou sur papier"}
QUESTION = {"en": "Does one of these describe you?", "fr": "L’une de ces situations vous décrit-elle\u00a0?"}
DISABILITY = {
    "en": "Because of a disability, I cannot apply online",
    "fr": "En raison d’un handicap, je ne peux pas présenter ma demande en ligne",
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.django_db(transaction=True)
def test_an_exempt_applicant_s_paper_extension_is_registered_entered_and_accepted(
    page, live_server, assert_accessible, language, settings
):
    settings.CASEWORK_QA_SHARE = "0"
    text = TEXT[language]
    officer = _officer("intake@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    sign_in(page, live_server, officer)

    page.goto(f"/{language}/alternatives/officer/paper/")
    page.get_by_role("link", name=text["register"]).click()
    # The program is among the paper intake's choices, under its name in the page's language.
    page.get_by_label(text["program"]).select_option(label=registry.program("stay_extension").name(language))
    page.get_by_label(text["received"]).fill(RECEIVED.isoformat())
    page.get_by_label(text["courier"], exact=True).check()
    page.get_by_label(text["disability"]).check()
    page.get_by_label(text["name"]).fill("Alex Marie Tremblay")
    page.get_by_label(text["address"]).fill("12 rue Principale\nMontréal QC  H2X 1Y4")
    page.get_by_label(text["language"], exact=True).check()
    page.get_by_role("button", name=text["submit_registration"]).click()
    application = Application.objects.get()
    assert page.get_by_role("heading", level=1).inner_text() == text["paper_file"].format(
        number=application.number
    )
    assert_accessible(page)

    # Every section but one through the services; the exemption claim on its page.
    typed = answers()
    typed.pop("online")
    save(officer, application, typed)
    page.reload()
    page.get_by_role("link", name=SECTION[language]).click()
    assert_accessible(page)
    page.get_by_label(QUESTION[language]).select_option(label=DISABILITY[language])
    page.get_by_role("button", name=text["save"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == text["paper_file"].format(
        number=application.number
    )

    due = payment_selectors.quote_for(application, RECEIVED).due_now
    page.get_by_label(text["receipt_number"]).fill(f"IRCC-{language.upper()}-0043")
    page.get_by_label(text["amount"]).fill(str(due))
    page.get_by_label(text["paid_on"]).fill("2026-11-18")
    page.get_by_role("button", name=text["record_receipt"]).click()
    expect(page.get_by_text(text["receipt_recorded"])).to_be_visible()
    page.get_by_label(text["signature"]).check()
    page.get_by_role("button", name=text["record_signatures"]).click()
    expect(page.get_by_text(text["signatures_recorded"])).to_be_visible()
    expect(page.get_by_text(text["nothing_missing_before"])).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=text["send"]).click()

    assert page.get_by_role("heading", level=1).inner_text() == text["file"].format(number=application.number)
    page.get_by_role("link", name=text["screen"]).click()
    expect(page.get_by_text(text["nothing_missing"])).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=text["accept"]).click()
    expect(page.get_by_text(text["accepted"])).to_be_visible()
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert application.paper_intake.flag == {}
