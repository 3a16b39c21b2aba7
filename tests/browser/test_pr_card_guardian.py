"""A PR card renewal for a 15-year-old in a real browser, in English and in French.

The answers, documents and fees are put in through the services (the whole journey has
its own browser test); here the parent adds herself as the parent who signs, gives her
passport name, validates, is refused when she types her daughter's name, signs with her
own and submits — with axe-core finding nothing on every page visited.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from portique.applications import services
from portique.applications.choices import PersonRole, Program
from portique.applications.models import Submission
from tests import journey
from tests.browser.test_payments import sign_in

WORDS = {
    "en": {
        "step": "Parent or legal guardian who signs",
        "add": "Add the parent or legal guardian who signs",
        "family_name": "Family name",
        "given_names": "Given names",
        "relationship": "Your relationship to the applicant",
        "save": "Save and return to the application",
        "validate": "Validate",
        "ready": "Nothing is missing. Your application is ready to sign.",
        "sign": "Sign",
        "who": "A parent or legal guardian signs for Léa Tremblay",
        "name": "Your full name, exactly as it appears on your passport or travel document",
        "child": "The applicant is under 18: they cannot sign.",
        "submit": "Submit",
        "confirm_submit": "Submit the application",
        "cannot_undo": "Once submitted, this cannot be undone.",
        "received": "We have received your application",
    },
    "fr": {
        "step": "Parent ou tuteur légal qui signe",
        "add": "Ajouter le parent ou tuteur légal qui signe",
        "family_name": "Nom de famille",
        "given_names": "Prénoms",
        "relationship": "Votre lien avec le demandeur",
        "save": "Enregistrer et revenir à la demande",
        "validate": "Valider",
        "ready": "Rien ne manque. Votre demande est prête à être signée.",
        "sign": "Signer",
        "who": "Un parent ou le tuteur légal signe pour Léa Tremblay",
        "name": "Votre nom au complet, exactement comme il figure sur votre passeport ou document de voyage",
        "child": "Le demandeur a moins de 18 ans\u00a0: il ne peut pas signer.",
        "submit": "Soumettre",
        "confirm_submit": "Soumettre la demande",
        "cannot_undo": "Une fois la demande soumise, il est impossible de revenir en arrière.",
        "received": "Nous avons reçu votre demande",
    },
}


def _minor_answers(today: datetime.date) -> dict:
    answers = journey.minor_answers()
    answers["application"]["current_card_expiry"] = (today + datetime.timedelta(days=100)).isoformat()
    start = (today - datetime.timedelta(days=5 * 365 + 2)).isoformat()
    for section in ("addresses", "activities"):
        answers[section][0]["start"] = start
        answers[section][0]["end"] = today.isoformat()
    return answers


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_parent_signs_her_15_year_olds_pr_card_renewal(page, live_server, assert_accessible, applicant, language):
    words = WORDS[language]
    today = datetime.date.today()
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    journey.save_answers(applicant, application, _minor_answers(today), on=today)
    journey.upload_checklist(applicant, application, on=today)
    journey.pay(applicant, application, on=today, payer_name=journey.GUARDIAN_PASSPORT_NAME)
    sign_in(page, live_server, applicant)

    page.goto(f"/{language}/applications/{application.public_id}/")
    expect(page.get_by_role("heading", name=words["step"])).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=words["add"]).click()
    page.wait_for_load_state()
    assert_accessible(page)
    page.get_by_label(words["family_name"], exact=True).fill("Gagnon")
    page.get_by_label(words["given_names"], exact=True).fill("Marie-Claude")
    page.get_by_label(words["relationship"]).select_option("parent")
    page.get_by_role("button", name=words["save"]).click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 0
    guardian = application.people.get(role=PersonRole.PARENT_OR_GUARDIAN)
    assert guardian.answers["GUARDIAN"]["personal"]["family_name"] == "Gagnon"

    page.get_by_role("button", name=words["validate"]).click()
    assert page.get_by_role("status").inner_text().strip() == words["ready"]
    page.get_by_role("link", name=words["sign"], exact=True).click()
    assert words["who"] in page.locator("main").inner_text()
    assert_accessible(page)

    # Léa's own name is refused at the field.
    page.get_by_label(words["name"]).fill(journey.CHILD_NAME)
    page.get_by_role("button", name=words["sign"], exact=True).click()
    assert words["child"] in page.locator("#id_typed_name_error").inner_text()
    assert_accessible(page)
    page.get_by_label(words["name"]).fill(journey.GUARDIAN_PASSPORT_NAME)
    page.get_by_role("button", name=words["sign"], exact=True).click()
    page.wait_for_load_state()

    # Submit opens a confirmation step; its button submits.
    page.get_by_role("link", name=words["submit"], exact=True).click()
    assert words["cannot_undo"] in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name=words["confirm_submit"]).click()
    page.wait_for_load_state()
    assert words["received"] in page.locator("main").inner_text()
    assert Submission.objects.filter(application=application).exists()
    assert re.search(r"C-[A-Z0-9]{5}-[A-Z0-9]{5}", page.locator("main").inner_text())
    assert_accessible(page)
