"""Paper intake in a real browser, in English and in French, with axe on every page.

An intake officer registers a paper PR card application received by courier (first with
the applicant's name left out: a bilingual error, nothing saved), enters a section of its
form on the applicant's own section page, looks at the scanned documents, records the
payment receipt and the handwritten signature, and sends it to screening; the same
screening as online finds nothing missing and the officer accepts it. The applicant gave
no e-mail address, so the acknowledgement is to be printed and mailed.
"""

from datetime import date

import pytest
from playwright.sync_api import expect

from portique.applications.choices import Status
from portique.applications.models import Application
from portique.casework.models import Letter
from portique.payments import selectors as payment_selectors
from tests.alternatives.test_paper_intake import type_in
from tests.browser.test_officer import sign_in
from tests.casework.factories import upload_every_document
from tests.conftest import _officer
from tests.documents.files import pdf_bytes
from tests.rules.forms.test_imm5444_validation import complete_answers

RECEIVED = date(2026, 11, 22)

TEXT = {
    "en": {
        "list": "Paper applications",
        "register": "Register a paper application",
        "submit_registration": "Register the paper application",
        "program": "Program",
        "pr_card": "Permanent resident card",
        "received": "Date received",
        "courier": "Courier",
        "disability": "A disability prevents applying online (accommodation, IRPR 9.5)",
        "name": "Applicant’s name, as on the forms",
        "name_missing": "Enter the applicant’s name as it is written on the forms.",
        "address": "Mailing address",
        "language": "French",
        "paper_file": "Paper application {number}",
        "by_mail": "By mail (no e-mail address was given)",
        "section": "Humanitarian and compassionate grounds (question 5.7)",
        "question": "If you do not meet the residency obligation, do you ask that humanitarian and compassionate grounds be considered?",
        "no": "No",
        "save": "Save and return to the application",
        "documents": "Scanned forms and documents",
        "back": "Back to application {number}",
        "scan": "Choose a file: The paper forms as received, with their handwritten signatures (scan)",
        "upload": "Upload",
        "receipt_number": "Receipt number",
        "amount": "Amount paid (dollars)",
        "paid_on": "Date of payment",
        "record_receipt": "Record the receipt",
        "receipt_recorded": "The payment receipt is recorded.",
        "signature": "handwritten signature of the applicant",
        "record_signatures": "Record the signatures",
        "signatures_recorded": "The handwritten signatures are recorded.",
        "nothing_missing_before": "As entered, the application has everything the rules check.",
        "send": "Send to screening",
        "file": "File {number}",
        "received_on_paper": "Received on paper",
        "screen": "Screen for completeness",
        "nothing_missing": "The rules found nothing missing.",
        "accept": "Accept the application",
        "accepted": "The application is accepted.",
        "mail_it": "print the letter and mail it",
        "to_mail": "to be printed and mailed",
    },
    "fr": {
        "list": "Demandes papier",
        "register": "Enregistrer une demande papier",
        "submit_registration": "Enregistrer la demande papier",
        "program": "Programme",
        "pr_card": "Carte de résident permanent",
        "received": "Date de réception",
        "courier": "Messagerie",
        "disability": "Un handicap empêche de présenter la demande en ligne (mesure d’adaptation, RIPR 9.5)",
        "name": "Nom du demandeur, tel qu’il figure sur les formulaires",
        "name_missing": "Entrez le nom du demandeur tel qu’il est écrit sur les formulaires.",
        "address": "Adresse postale",
        "language": "Français",
        "paper_file": "Demande papier {number}",
        "by_mail": "Par la poste (aucune adresse courriel n’a été donnée)",
        "section": "Motifs d’ordre humanitaire (question 5.7)",
        "question": "Si vous ne respectez pas l’obligation de résidence, demandez-vous que des motifs d’ordre humanitaire soient pris en compte\u00a0?",
        "no": "Non",
        "save": "Enregistrer et revenir à la demande",
        "documents": "Formulaires et documents numérisés",
        "back": "Retour à la demande {number}",
        "scan": "Choisir un fichier\u00a0: Les formulaires papier tels que reçus, avec leurs signatures manuscrites (numérisation)",
        "upload": "Téléverser",
        "receipt_number": "Numéro de reçu",
        "amount": "Montant payé (dollars)",
        "paid_on": "Date du paiement",
        "record_receipt": "Consigner le reçu",
        "receipt_recorded": "Le reçu de paiement est consigné.",
        "signature": "La signature manuscrite de la personne suivante",
        "record_signatures": "Consigner les signatures",
        "signatures_recorded": "Les signatures manuscrites sont consignées.",
        "nothing_missing_before": "Telle que saisie, la demande contient tout ce que les règles vérifient.",
        "send": "Envoyer au contrôle de l’intégralité",
        "file": "Dossier {number}",
        "received_on_paper": "Reçue sur papier",
        "screen": "Contrôler l’intégralité",
        "nothing_missing": "Les règles n’ont rien relevé de manquant.",
        "accept": "Accepter la demande",
        "accepted": "La demande est acceptée.",
        "mail_it": "imprimez la lettre et envoyez-la par la poste",
        "to_mail": "à imprimer et à envoyer par la poste",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.django_db(transaction=True)
def test_an_officer_registers_enters_and_sends_a_paper_pr_card_application_that_is_accepted(
    page, live_server, assert_accessible, language, settings
):
    # Accepting draws a share of files for quality assurance at random (5%), which adds a
    # second letter to mail: this journey is about the acknowledgement alone.
    settings.CASEWORK_QA_SHARE = "0"
    text = TEXT[language]
    officer = _officer("intake@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    sign_in(page, live_server, officer)

    # Register it: first without the applicant's name (refused, nothing saved), then whole.
    page.goto(f"/{language}/alternatives/officer/paper/")
    assert page.get_by_role("heading", level=1).inner_text() == text["list"]
    assert_accessible(page)
    page.get_by_role("link", name=text["register"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == text["register"]
    assert_accessible(page)
    page.get_by_label(text["program"]).select_option(label=text["pr_card"])
    page.get_by_label(text["received"]).fill(RECEIVED.isoformat())
    page.get_by_label(text["courier"], exact=True).check()
    page.get_by_label(text["disability"]).check()
    page.get_by_label(text["address"]).fill("12 Sparks St, apt 4\nOttawa ON  K1P 5B5")
    page.get_by_label(text["language"], exact=True).check()
    page.get_by_role("button", name=text["submit_registration"]).click()
    expect(page.get_by_role("alert").get_by_text(text["name_missing"])).to_be_visible()
    assert not Application.objects.exists()
    assert_accessible(page)  # the error page too
    page.get_by_label(text["name"]).fill("Alex Marie Tremblay")
    page.get_by_role("button", name=text["submit_registration"]).click()
    application = Application.objects.get()
    assert page.get_by_role("heading", level=1).inner_text() == text["paper_file"].format(
        number=application.number
    )
    expect(page.get_by_text(text["by_mail"])).to_be_visible()
    assert_accessible(page)

    # The officer types the forms in: all but one section through the services (the
    # section pages have their own browser tests), the last one here, as an applicant would.
    answers = complete_answers()
    answers.pop("humanitarian")
    type_in(officer, application, answers)
    upload_every_document(officer, application, on=RECEIVED)
    page.reload()
    page.get_by_role("link", name=text["section"]).click()
    assert_accessible(page)
    page.get_by_role("group", name=text["question"]).get_by_label(text["no"], exact=True).check()
    page.get_by_role("button", name=text["save"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == text["paper_file"].format(
        number=application.number
    )
    page.get_by_role("link", name=text["documents"]).click()
    # The scanned forms go with the other documents, checked by their content.
    scan = page.get_by_label(text["scan"])
    scan.set_input_files(
        files=[{"name": "imm5444-signed.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(2)}]
    )
    page.locator("form", has=scan).get_by_role("button", name=text["upload"]).click()
    assert page.get_by_role("link", name="imm5444-signed.pdf").count() == 1
    assert_accessible(page)
    page.get_by_role("link", name=text["back"].format(number=application.number)).click()

    # The receipt and the handwritten signature, then off to screening.
    due = payment_selectors.quote_for(application, RECEIVED).due_now
    page.get_by_label(text["receipt_number"]).fill(f"IRCC-{language.upper()}-0042")
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

    # The same screening as online, on the date received; the officer accepts it.
    assert page.get_by_role("heading", level=1).inner_text() == text["file"].format(number=application.number)
    expect(page.get_by_text(text["received_on_paper"], exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=text["screen"]).click()
    expect(page.get_by_text(text["nothing_missing"])).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=text["accept"]).click()
    expect(page.get_by_text(text["accepted"])).to_be_visible()
    expect(page.get_by_text(text["mail_it"])).to_be_visible()
    expect(page.get_by_text(text["to_mail"], exact=True)).to_be_visible()
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    letter = Letter.objects.get(application=application)
    assert (letter.channel, letter.language) == ("mail", "fr")
