"""In a real browser, in English and in French: a sponsor left one question of the third page of their
history unanswered. The finding on the application page and the "Change" link of the check page both
open that page (not the section's first page) at the question; once answered, the sponsor is back on
the check page. axe-core finds nothing on the pages visited."""

import re

import pytest
from playwright.sync_api import expect

from tests import sponsorship_journey as sj
from tests.browser.test_payments import sign_in

WORDS = {
    "en": {
        "page": "Bankruptcy",
        "change": re.compile(r"^Change the answer to “Are you bankrupt"),
        "no": "No",
        "save": "Save and return to the application",
        "check": "Check your answers before signing",
    },
    "fr": {
        "page": "Faillite",
        "change": re.compile(r"^Modifier la réponse à «\s?Êtes-vous en faillite"),
        "no": "Non",
        "save": "Enregistrer et revenir à la demande",
        "check": "Vérifiez vos réponses avant de signer",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_finding_and_a_change_link_open_the_page_of_the_question(
    page, live_server, assert_accessible, applicant, language
):
    words = WORDS[language]
    application = sj.started(applicant)
    history = {code: False for code in sj.BARS if code != "undischarged_bankrupt"}
    sj.save_form(applicant, application, 0, "IMM1344", {"history": history})
    sign_in(page, live_server, applicant)
    question = page.locator("#id_undischarged_bankrupt")

    # The application page: what keeps it from being signed links to the question.
    page.goto(f"/{language}/applications/{application.public_id}/")
    finding = page.locator("#sign-blocked + ul a[href*='page=bankruptcy']")
    expect(finding).to_have_count(1)
    assert_accessible(page)
    finding.click()
    expect(page.get_by_role("heading", level=1, name=words["page"])).to_be_visible()
    expect(question).to_be_in_viewport()
    assert_accessible(page)

    # The check page: the answer's own "Change" link opens the same page, and saving comes back.
    page.goto(f"/{language}/applications/{application.public_id}/check/")
    page.get_by_role("link", name=words["change"]).click()
    expect(page.get_by_role("heading", level=1, name=words["page"])).to_be_visible()
    expect(question).to_be_in_viewport()
    question.get_by_label(words["no"], exact=True).check()
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_role("heading", level=1, name=words["check"])).to_be_visible()
    assert_accessible(page)
