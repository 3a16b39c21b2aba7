"""The whole PR card journey in a real browser, once in English and once in French.

Start, fill every section of IMM 5444, validate, upload a real generated photo and PDFs
for every item of the personal checklist, pay in the sandbox, sign, submit, see the
confirmation and the status — with axe-core finding nothing on every page visited.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from portique.applications.models import Application, Submission
from portique.documents import selectors as document_selectors
from tests.browser.test_payments import sign_in
from tests.documents.files import image_bytes, pdf_bytes, portrait
from tests.rules.forms.test_imm5444_validation import complete_answers

WORDS = {
    "en": {
        "start_link": "Start an application",
        "start": "Start the application",
        "continue": "Save and continue",
        "back": re.compile(r"^Back to application"),
        "not_applicable": "This section does not apply to me (N/A)",
        "validate": "Validate",
        "documents_needed": "Documents still needed",
        "documents_link": "Upload your documents",
        "upload": "Upload",
        "photo_next": "Next: upload the photo",
        "pay_link": "Pay fees and download receipts",
        "card_name": "Name on the card",
        "card_number": "Card number",
        "month": "Expiry month (MM)",
        "year": "Expiry year (YYYY)",
        "code": "Security code",
        "pay": "Pay $50.00",
        "ready": "Nothing is missing. Your application is ready to sign.",
        "sign": "Sign",
        "name": "Your full name, exactly as it appears on your passport or travel document",
        "mismatch": "type your full name exactly as it is shown in your passport",
        "error_title": "Error: ",
        "submit": "Submit",
        "confirm_submit": "Submit the application",
        "check_link": "Check your answers",
        "change": "Change",
        "cannot_undo": "Once submitted, this cannot be undone.",
        "received": "We have received your application",
        "submitted": "Submitted",
    },
    "fr": {
        "start_link": "Commencer une demande",
        "start": "Commencer la demande",
        "continue": "Enregistrer et continuer",
        "back": re.compile(r"^Retour à la demande"),
        "not_applicable": "Cette section ne s’applique pas à moi (S.O.)",
        "validate": "Valider",
        "documents_needed": "Documents encore nécessaires",
        "documents_link": "Téléverser vos documents",
        "upload": "Téléverser",
        "photo_next": "Suivant\u00a0: téléverser la photo",
        "pay_link": "Payer les frais et télécharger les reçus",
        "card_name": "Nom figurant sur la carte",
        "card_number": "Numéro de la carte",
        "month": "Mois d’expiration (MM)",
        "year": "Année d’expiration (AAAA)",
        "code": "Code de sécurité",
        "pay": "Payer 50,00\u00a0$",
        "ready": "Rien ne manque. Votre demande est prête à être signée.",
        "sign": "Signer",
        "name": "Votre nom au complet, exactement comme il figure sur votre passeport ou document de voyage",
        "mismatch": "inscrivez votre nom au complet exactement comme il figure dans votre passeport",
        "error_title": "Erreur\u00a0: ",
        "submit": "Soumettre",
        "confirm_submit": "Soumettre la demande",
        "check_link": "Vérifier vos réponses",
        "change": "Modifier",
        "cannot_undo": "Une fois la demande soumise, il est impossible de revenir en arrière.",
        "received": "Nous avons reçu votre demande",
        "submitted": "Soumise",
    },
}


def _answers() -> dict:
    answers = complete_answers()
    # The journey runs on today's date: a card that expires within 270 days of today.
    today = datetime.date.today()
    answers["application"]["current_card_expiry"] = (today + datetime.timedelta(days=100)).isoformat()
    start = (today - datetime.timedelta(days=5 * 365 + 2)).isoformat()
    for section in ("addresses", "activities"):
        answers[section][0]["start"] = start
        answers[section][0]["end"] = today.isoformat()
    # The page after the time outside Canada: days before permanent residence (optional, PRC-40).
    ordered = {}
    for code, section_answers in answers.items():
        ordered[code] = section_answers
        if code == "absences":
            ordered["before_pr"] = {"days_present": 120}
    return ordered


def _fill_section(page, section_code: str, answers):
    if answers == "not_applicable":
        page.get_by_label(re.compile(r"\(N/A\)|\(S\.O\.\)")).check()
        return
    rows = answers if isinstance(answers, list) else [answers]
    for number, row in enumerate(rows):
        prefix = f"{section_code}-{number}-" if isinstance(answers, list) else ""
        for code, value in row.items():
            if value == "":
                continue
            name = f"{prefix}{code}"
            field = page.locator(f"[name='{name}']")
            kind = field.first.evaluate("e => e.tagName.toLowerCase() + ':' + (e.type || '')")
            if kind.startswith("select"):
                field.select_option(value)
            elif kind == "input:radio":
                page.locator(f"[name='{name}'][value='{value}']").check()
            else:
                field.fill(str(value))


def _upload_everything(page, application, words):
    photo = image_bytes(portrait())
    taken = (datetime.date.today() - datetime.timedelta(days=20)).isoformat()
    for item in document_selectors.checklist_for(application, datetime.date.today()):
        for copy in range(item.count):
            box = page.locator(f"#item-{item.slot}")
            if item.code == "PHOTO":
                box.locator("input[type=file]").set_input_files(
                    {"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": photo}
                )
                box.locator("input[type=date]").fill(taken)
                box.locator("input[name=declaration]").check()
                # An accessible name reads a no-break space as a space.
                next_step = re.escape(words["photo_next"]).replace("\u00a0", r"\s")
                box.get_by_role("button", name=re.compile(next_step)).click()
            else:
                content = pdf_bytes(1)
                name = f"{item.code.lower()}-{copy + 1}.pdf"
                box.locator("input[name=file]").set_input_files(
                    {"name": name, "mimeType": "application/pdf", "buffer": content}
                )
                radios = box.locator("input[name=document_type]")
                if radios.count():
                    radios.first.check()
                box.get_by_role("button", name=re.compile("^" + re.escape(words["upload"]))).click()
            page.wait_for_load_state()
            assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_applicant_applies_for_a_pr_card_from_start_to_submission(
    page, live_server, assert_accessible, assert_references_resolve, applicant, language
):
    words = WORDS[language]
    sign_in(page, live_server, applicant)

    page.goto(f"/{language}/applications/")
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_role("link", name=words["start_link"]).click()
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_role("button", name=words["start"]).click()
    application = Application.objects.get(owner=applicant)

    # Every section, in order, with "Save and continue".
    answers = _answers()
    for section_code, section_answers in answers.items():
        assert f"/{section_code}/" in page.url
        _fill_section(page, section_code, section_answers)
        if section_code in ("application", "absences", "before_pr"):
            assert_accessible(page)
            assert_references_resolve(page)
        page.get_by_role("button", name=words["continue"]).click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()
    # The last section returns to the application page.
    assert_accessible(page)
    assert_references_resolve(page)

    # Validate: every answer is in; the documents are not.
    page.get_by_role("button", name=words["validate"]).click()
    expect(page.get_by_role("heading", name=words["documents_needed"])).to_be_visible()
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_role("link", name=words["back"]).click()

    page.get_by_role("link", name=words["documents_link"]).click()
    assert_accessible(page)
    assert_references_resolve(page)
    _upload_everything(page, application, words)
    assert_accessible(page)
    assert_references_resolve(page)

    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("link", name=words["pay_link"]).click()
    page.get_by_label(words["card_name"]).fill("Alex Marie Tremblay")
    page.get_by_label(words["card_number"]).fill("4242 4242 4242 4242")
    page.get_by_label(words["month"]).fill("12")
    page.get_by_label(words["year"]).fill("2030")
    page.get_by_label(words["code"]).fill("123")
    page.get_by_role("button", name=words["pay"]).click()
    page.wait_for_load_state()
    assert_accessible(page)
    assert_references_resolve(page)

    # Check your answers: every section as it will be sent, each with a link to change it.
    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("link", name=words["check_link"], exact=True).click()
    main = page.locator("main").inner_text()
    assert answers["personal"]["family_name"] in main and "IMM5444" not in main
    assert page.get_by_role("link", name=re.compile("^" + words["change"])).count() == len(answers)
    assert_accessible(page)
    assert_references_resolve(page)

    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("button", name=words["validate"]).click()
    assert page.get_by_role("status").inner_text().strip() == words["ready"]
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_role("link", name=words["sign"], exact=True).click()
    assert_accessible(page)
    assert_references_resolve(page)

    # A name that is not the passport's is refused at the field.
    page.get_by_label(words["name"]).fill("Alex Tremblay")
    page.get_by_role("button", name=words["sign"], exact=True).click()
    assert words["mismatch"] in page.locator("#id_typed_name_error").inner_text()
    # The error summary comes first and takes the focus; the title says there is an error.
    # The focus moves once the page's script has run: wait for it rather than read it at once.
    expect(page.locator("#error-summary")).to_be_focused()
    assert page.title().startswith(words["error_title"])
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_label(words["name"]).fill("Alex Marie Tremblay")
    page.get_by_role("button", name=words["sign"], exact=True).click()
    page.wait_for_load_state()

    # Submit opens a confirmation step; its button submits.
    page.get_by_role("link", name=words["submit"], exact=True).click()
    assert words["cannot_undo"] in page.locator("main").inner_text()
    assert_accessible(page)
    assert_references_resolve(page)
    page.get_by_role("button", name=words["confirm_submit"]).click()
    page.wait_for_load_state()
    submission = Submission.objects.get(application=application)
    assert words["received"] in page.locator("main").inner_text()
    assert submission.confirmation_number in page.locator("main").inner_text()
    assert_accessible(page)
    assert_references_resolve(page)

    page.goto(f"/{language}/applications/")
    assert words["submitted"] in page.locator("main").inner_text()
    page.goto(f"/{language}/applications/{application.public_id}/")
    assert page.get_by_role("link", name=words["submit"], exact=True).count() == 0
    assert_accessible(page)
    assert_references_resolve(page)
