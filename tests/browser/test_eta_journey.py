"""Applying for an eTA in a real browser, in English and in French: start, answer, pay, sign,
submit — the rules issue it at once — then the eTA's page says it is valid today and until
when. axe-core finds nothing on every page visited."""

import datetime

import pytest
from django.utils import formats, translation
from playwright.sync_api import expect

from portique.applications.models import Application
from portique.casework.eta_models import IssuedEta
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
        "pay": "Pay $7.00",
        "ready": "Nothing is missing. Your application is ready to sign.",
        "sign": "Sign",
        "name": "Your full name, exactly as it appears on your passport or travel document",
        "submit": "Submit",
        "confirm_submit": "Submit the application",
        "cannot_undo": "Once submitted, this cannot be undone.",
        "eta_link": "See whether your eTA is valid today, and until when",
        "valid": "Your eTA is valid today",
        "until": "You can use it until {day}.",
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
        "pay": "Payer 7,00\u00a0$",
        "ready": "Rien ne manque. Votre demande est prête à être signée.",
        "sign": "Signer",
        "name": "Votre nom au complet, exactement comme il figure sur votre passeport ou document de voyage",
        "submit": "Soumettre",
        "confirm_submit": "Soumettre la demande",
        "cannot_undo": "Une fois la demande soumise, il est impossible de revenir en arrière.",
        "eta_link": "Voir si votre AVE est valide aujourd’hui, et jusqu’à quand",
        "valid": "Votre AVE est valide aujourd’hui",
        "until": "Vous pouvez l’utiliser jusqu’au {day}.",
    },
}


def _answers(expiry: datetime.date) -> dict:
    return {
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
            "expiry": expiry.isoformat(),
        },
        "background": {"us_visa": "no", "past_events": "no"},
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_applicant_applies_for_an_eta_and_sees_it_valid(
    page, live_server, assert_accessible, applicant, language
):
    words = WORDS[language]
    program = registry.program("eta")
    expiry = datetime.date.today() + datetime.timedelta(days=1000)
    sign_in(page, live_server, applicant)

    page.goto(f"/{language}/applications/")
    page.get_by_role("link", name=words["start_link"]).click()
    page.get_by_label(program.name(language)).check()
    page.get_by_role("button", name=words["start"]).click()
    application = Application.objects.get(owner=applicant)

    for section_code, section_answers in _answers(expiry).items():
        assert f"/{section_code}/" in page.url
        _fill_section(page, section_code, section_answers)
        assert_accessible(page)
        page.get_by_role("button", name=words["continue"]).click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()

    page.get_by_role("link", name=words["pay_link"]).click()
    page.get_by_label(words["card_name"]).fill("Claire Dubois")
    page.get_by_label(words["card_number"]).fill("4242 4242 4242 4242")
    page.get_by_label(words["month"]).fill("12")
    page.get_by_label(words["year"]).fill("2030")
    page.get_by_label(words["code"]).fill("123")
    page.get_by_role("button", name=words["pay"]).click()
    page.wait_for_load_state()

    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("button", name=words["validate"]).click()
    assert page.get_by_role("status").inner_text().strip() == words["ready"]
    page.get_by_role("link", name=words["sign"], exact=True).click()
    page.get_by_label(words["name"]).fill("Claire Dubois")
    page.get_by_role("button", name=words["sign"], exact=True).click()
    page.wait_for_load_state()
    # Submit opens a confirmation step; its button submits.
    page.get_by_role("link", name=words["submit"], exact=True).click()
    assert words["cannot_undo"] in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name=words["confirm_submit"]).click()
    page.wait_for_load_state()
    assert IssuedEta.objects.filter(application=application).exists()

    page.goto(f"/{language}/applications/{application.public_id}/")
    assert_accessible(page)
    page.get_by_role("link", name=words["eta_link"]).click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert words["valid"] in main
    with translation.override(language):
        day = formats.date_format(expiry, "DATE_FORMAT")
    assert words["until"].format(day=day) in main
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_an_officer_cancels_an_eta_and_the_holder_sees_it_no_longer_valid(
    page, live_server, assert_accessible, applicant, django_capture_on_commit_callbacks
):
    from tests.browser.test_officer import sign_in as officer_sign_in
    from tests.casework.test_eta_journey import submitted_eta
    from tests.conftest import _officer

    decider = _officer("decider@example.ca", ["decision_maker"], first_name="Dana", last_name="Decider")
    application = submitted_eta(applicant, django_capture_on_commit_callbacks)

    officer_sign_in(page, live_server, decider)
    page.goto(f"/fr/officer/files/{application.public_id}/eta/cancel/")
    assert_accessible(page)
    page.goto(f"/en/officer/files/{application.public_id}/")
    page.get_by_role("link", name="Cancel the eTA").click()
    assert_accessible(page)
    # Refused without reasons, with the error named.
    page.get_by_label("The holder is inadmissible").check()
    page.get_by_role("button", name="Cancel the eTA").click()
    assert page.locator(".error-summary").count() == 1
    assert_accessible(page)
    page.get_by_label("The holder is inadmissible").check()
    page.get_by_label("Reasons").fill("You were found inadmissible on grounds of serious criminality.")
    page.get_by_role("button", name="Cancel the eTA").click()
    page.wait_for_load_state()
    expect(page.get_by_text("The eTA is cancelled")).to_be_visible()
    assert_accessible(page)

    sign_in(page, live_server, applicant)
    page.goto(f"/fr/applications/{application.public_id}/eta/")
    main = page.locator("main").inner_text()
    assert "Votre AVE n’est pas valide aujourd’hui" in main and "la lettre d’annulation (PDF)" in main
    assert_accessible(page)
