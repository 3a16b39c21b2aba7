"""Extending a stay in Canada in a real browser, once in English and once in French.

The applicant chooses the program on the start page, answers every section of its form,
validates, pays in the sandbox, signs and submits — with axe-core finding nothing on every
page visited. The program has no page of its own: the generic pages serve it.
"""

import datetime

import pytest

from portique.applications.models import Application, Submission
from portique.rules.programs import registry
from tests.browser.test_payments import sign_in
from tests.browser.test_pr_card_journey import _fill_section

WORDS = {
    "en": {
        "start_link": "Start an application",
        "start": "Start the application",
        "continue": "Save and continue",
        "validate": "Validate",
        "pay_link": "Pay fees and download receipts",
        "card_name": "Name on the card",
        "card_number": "Card number",
        "month": "Expiry month (MM)",
        "year": "Expiry year (YYYY)",
        "code": "Security code",
        "pay": "Pay $235.00",
        "ready": "Nothing is missing. Your application is ready to sign.",
        "sign": "Sign",
        "name": "Your full name, exactly as it appears on your passport or travel document",
        "submit": "Submit",
        "received": "We have received your application",
        "submitted": "Submitted",
        "next": "The decision on your application is a letter, in this account",
        "card": "card by mail",
    },
    "fr": {
        "start_link": "Commencer une demande",
        "start": "Commencer la demande",
        "continue": "Enregistrer et continuer",
        "validate": "Valider",
        "pay_link": "Payer les frais et télécharger les reçus",
        "card_name": "Nom figurant sur la carte",
        "card_number": "Numéro de la carte",
        "month": "Mois d’expiration (MM)",
        "year": "Année d’expiration (AAAA)",
        "code": "Code de sécurité",
        "pay": "Payer 235,00\u00a0$",
        "ready": "Rien ne manque. Votre demande est prête à être signée.",
        "sign": "Signer",
        "name": "Votre nom au complet, exactement comme il figure sur votre passeport ou document de voyage",
        "submit": "Soumettre",
        "received": "Nous avons reçu votre demande",
        "submitted": "Soumise",
        "next": "La décision sur votre demande est une lettre, déposée dans ce compte",
        "card": "carte par la poste",
    },
}


def _answers() -> dict:
    today = datetime.date.today()
    return {
        "personal": {
            "family_name": "Tremblay",
            "given_names": "Alex Marie",
            "date_of_birth": "1990-04-02",
            "citizenship": "FR",
            "passport_number": "19FE12345",
            "passport_country": "FR",
            "passport_expiry": (today + datetime.timedelta(days=1500)).isoformat(),
        },
        "contact": {
            "email": "alex@example.com",
            "mailing_street": "12 rue Principale",
            "mailing_city": "Montréal",
            "mailing_province": "QC",
            "mailing_postal_code": "H2X 1Y4",
        },
        "status": {
            "current_status": "student",
            "status_expiry": (today + datetime.timedelta(days=40)).isoformat(),
        },
        "request": {
            "kind": "study_permit_extension",
            "until": (today + datetime.timedelta(days=600)).isoformat(),
        },
        "online": {"basis": "none"},
        "biometrics": {"special_status": "none"},
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_applicant_applies_to_extend_their_study_permit_from_start_to_submission(
    page, live_server, assert_accessible, assert_references_resolve, applicant, language
):
    words = WORDS[language]
    program = registry.program("stay_extension")
    sign_in(page, live_server, applicant)

    page.goto(f"/{language}/applications/")
    page.get_by_role("link", name=words["start_link"]).click()
    assert_accessible(page)
    assert_references_resolve(page)
    # The program is offered on the start page under its name, in the page's language.
    page.get_by_label(program.name(language)).check()
    page.get_by_role("button", name=words["start"]).click()
    application = Application.objects.get(owner=applicant)
    assert application.definition is program

    for section_code, section_answers in _answers().items():
        assert f"/{section_code}/" in page.url
        _fill_section(page, section_code, section_answers)
        if section_code in ("personal", "online"):
            assert_accessible(page)
            assert_references_resolve(page)
        page.get_by_role("button", name=words["continue"]).click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()
    assert_accessible(page)
    assert_references_resolve(page)

    page.get_by_role("link", name=words["pay_link"]).click()
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_label(words["card_name"]).fill("Alex Marie Tremblay")
    page.get_by_label(words["card_number"]).fill("4242 4242 4242 4242")
    page.get_by_label(words["month"]).fill("12")
    page.get_by_label(words["year"]).fill("2030")
    page.get_by_label(words["code"]).fill("123")
    page.get_by_role("button", name=words["pay"]).click()
    page.wait_for_load_state()
    assert_accessible(page)
    assert_references_resolve(page)

    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("button", name=words["validate"]).click()
    assert page.get_by_role("status").inner_text().strip() == words["ready"]
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_role("link", name=words["sign"], exact=True).click()
    # The declaration the applicant signs is the program's, in the page's language.
    assert (
        program.declaration_for("principal_applicant").paragraphs(language)[0]
        in page.locator("main").inner_text()
    )
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_label(words["name"]).fill("Alex Marie Tremblay")
    page.get_by_role("button", name=words["sign"], exact=True).click()
    page.wait_for_load_state()

    page.get_by_role("button", name=words["submit"], exact=True).click()
    page.wait_for_load_state()
    submission = Submission.objects.get(application=application)
    assert words["received"] in page.locator("main").inner_text()
    assert submission.confirmation_number in page.locator("main").inner_text()
    assert_accessible(page)
    assert_references_resolve(page)

    page.goto(f"/{language}/applications/")
    main = page.locator("main").inner_text()
    assert words["submitted"] in main and program.name(language) in main

    # What happens next: a letter, never a card.
    page.goto(f"/{language}/applications/{application.public_id}/")
    main = page.locator("main").inner_text()
    assert words["next"] in main and words["card"] not in main
    assert_accessible(page)
    assert_references_resolve(page)
