"""The representative portal in two browsers: the representative prepares, the client signs in their
own session, the representative declares and submits — in English and in French, axe-clean.

The answers, documents and fees go through the services in the set-up (the applicant's own
journey test drives those pages); the browsers drive the steps that are the portal's.
"""

import datetime
import re

import pytest

from portique.applications.choices import Status
from portique.representation import services
from portique.rules.programs import registry
from tests import journey
from tests.browser.test_payments import sign_in
from tests.browser.test_pr_card_journey import _answers
from tests.documents.files import pdf_bytes

WORDS = {
    "en": {
        "file_link": re.compile(r"^PRC"),
        "imm5476": "IMM 5476 signed by hand by the client (PDF, JPEG or PNG, 10 MB at most)",
        "upload": "Upload the signed IMM 5476",
        "validate": "Validate",
        "back_to_file": "Back to the file: the client signs in their own account",
        "invite": "Invite the client to sign",
        "sent": "Invitation sent to",
        "representatives": "Applications a representative prepares for you",
        "accept": "Accept this representative",
        "name": "Your full name, exactly as it appears on your passport or travel document",
        "sign": "Sign",
        "mismatch": "type your full name exactly as it is shown in your passport",
        "signed": "You signed this application on",
        "declare_box": "I make this declaration",
        "declare": "Give my declaration",
        "submit": "Submit",
        "received": "We have received your application",
    },
    "fr": {
        "file_link": re.compile(r"^PRC"),
        "imm5476": "IMM 5476 signé à la main par le client (PDF, JPEG ou PNG, 10 Mo au plus)",
        "upload": "Téléverser l’IMM 5476 signé",
        "validate": "Valider",
        "back_to_file": "Retour au dossier\u00a0: le client signe dans son propre compte",
        "invite": "Inviter le client à signer",
        "sent": "Invitation envoyée à",
        "representatives": "Demandes qu’un représentant prépare pour vous",
        "accept": "Accepter ce représentant",
        "name": "Votre nom au complet, exactement comme il figure sur votre passeport ou document de voyage",
        "sign": "Signer",
        "mismatch": "inscrivez votre nom au complet exactement comme il figure dans votre passeport",
        "signed": "Vous avez signé cette demande le",
        "declare_box": "Je fais cette déclaration",
        "declare": "Remplir ma déclaration",
        "submit": "Soumettre",
        "received": "Nous avons reçu votre demande",
    },
}


def _fill_stay_extension(representative, application, today):
    # Seed 000 (Remarque): a representative files an extension of stay online.
    from tests.casework.test_stay_extension_journey import answers, save

    save(representative, application, answers())


FILL = {
    "pr_card": lambda representative, application, today: journey.save_answers(
        representative, application, _answers(), on=today
    ),
    "stay_extension": _fill_stay_extension,
}


def _prepared(representative, client, program: str = "pr_card"):
    """What the representative fills in as an applicant would, through the services, dated today."""
    today = datetime.date.today()
    representation = services.representation_create(
        actor=representative, program=program, client_name="Alex Tremblay", client_email=client.email
    )
    application = representation.application
    FILL[program](representative, application, today)
    journey.upload_checklist(representative, application, on=today)
    journey.pay(representative, application, on=today)
    return application


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("program", ["pr_card", "stay_extension"])
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_representative_prepares_the_client_signs_and_the_representative_submits(
    browser, live_server, assert_accessible, representative, applicant, mailoutbox, language, program
):
    words = {**WORDS[language], "file_link": re.compile(f"^{registry.program(program).number_prefix}")}
    application = _prepared(representative, applicant, program)
    contexts = [
        browser.new_context(base_url=live_server.url, bypass_csp=True, locale=f"{language}-CA")
        for _ in range(2)
    ]
    rep, client = (context.new_page() for context in contexts)
    for page in (rep, client):
        page.set_default_timeout(10_000)
    try:
        sign_in(rep, live_server, representative)
        sign_in(client, live_server, applicant)

        # The representative: dashboard, the file, the hand-signed IMM 5476, validate, invite.
        rep.goto(f"/{language}/representative/")
        assert_accessible(rep)
        rep.get_by_role("link", name=words["file_link"]).click()
        submit = rep.get_by_role("button", name=words["submit"], exact=True)
        assert submit.is_disabled()
        assert_accessible(rep)
        rep.get_by_label(words["imm5476"]).set_input_files(
            files=[{"name": "imm5476.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(1)}]
        )
        rep.get_by_role("button", name=words["upload"]).click()
        rep.wait_for_load_state()
        assert_accessible(rep)
        rep.get_by_role("button", name=words["validate"]).click()
        assert_accessible(rep)
        rep.get_by_role("link", name=words["back_to_file"]).click()
        rep.get_by_role("button", name=words["invite"]).click()
        assert words["sent"] in rep.get_by_role("status").inner_text()
        assert_accessible(rep)
        assert mailoutbox[-1].to == [applicant.email]

        # The client, in their own session: accept, read everything, sign with the passport name.
        client.goto(f"/{language}/applications/")
        client.get_by_role("link", name=words["representatives"]).click()
        assert_accessible(client)
        client.get_by_role("button", name=words["accept"]).click()
        assert "Tremblay" in client.locator("main").inner_text()
        assert_accessible(client)
        client.get_by_label(words["name"]).fill("Alex Tremblay")
        client.get_by_role("button", name=words["sign"], exact=True).click()
        assert words["mismatch"] in client.locator("#id_typed_name_error").inner_text()
        assert_accessible(client)
        client.get_by_label(words["name"]).fill("Alex Marie Tremblay")
        client.get_by_role("button", name=words["sign"], exact=True).click()
        assert words["signed"] in client.locator("main").inner_text()
        assert_accessible(client)

        # The representative: declaration after the signature, then Submit is enabled.
        rep.reload()
        assert rep.get_by_role("button", name=words["submit"], exact=True).is_disabled()
        rep.get_by_label(words["declare_box"]).check()
        rep.get_by_role("button", name=words["declare"]).click()
        assert_accessible(rep)
        submit = rep.get_by_role("button", name=words["submit"], exact=True)
        assert submit.is_enabled()
        submit.click()
        assert words["received"] in rep.locator("main").inner_text()
        assert_accessible(rep)
    finally:
        for context in contexts:
            context.close()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.submission.submitted_by == representative
    assert application.signatures.get(cleared_at__isnull=True).signer == applicant


SPONSORSHIP_WORDS = {
    "en": {
        "file_link": re.compile(r"^SPS"),
        "forms": "The sponsor's, the principal applicant's and each family member's forms",
        "to_file": "The client's file: IMM 5476, invitation, declaration, Submit",
        "sign_as": "You sign as:",
        "signer": "Signed",
    },
    "fr": {
        "file_link": re.compile(r"^SPS"),
        "forms": "Les formulaires du répondant, du demandeur principal et de chaque membre de la famille",
        "to_file": "Le dossier du client\u00a0: IMM 5476, invitation, déclaration, Soumettre",
        "sign_as": "Vous signez en tant que\u00a0:",
        "signer": "Signé",
    },
}


def _prepared_sponsorship(representative, client):
    """A spouse sponsorship with one child, every form, document (the IMM 1344 signed by hand) and fee."""
    from tests import sponsorship_journey as sj

    today = datetime.date.today()
    representation = services.representation_create(
        actor=representative,
        program="spouse_sponsorship",
        client_name="Chidi Okafor",
        client_email=client.email,
    )
    application = representation.application
    sponsor = {"sponsor": sj.SPONSOR["sponsor"], "history": sj.SPONSOR["history"], "convictions": []}
    sj.save_form(representative, application, 0, "IMM1344", sponsor, on=today)
    sj.save_form(representative, application, 1, "IMM0008", {"application": sj.APPLICATION}, on=today)
    for form_code, by_section in sj.PA.items():
        sj.save_form(representative, application, 1, form_code, by_section, on=today)
    child = sj.add_child(representative, application)
    sj.save_form(
        representative,
        application,
        child.position,
        "IMM0008",
        sj.child_answers("Ada", "2015-01-20")["IMM0008"],
        on=today,
    )
    journey.upload_checklist(representative, application, on=today)
    journey.pay(representative, application, on=today, payer_name=sj.SPONSOR_NAME)
    return application


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_represented_sponsorship_the_principal_applicant_signs_in_their_own_session(
    browser, live_server, assert_accessible, representative, applicant, mailoutbox, language
):
    words = {**WORDS[language], **SPONSORSHIP_WORDS[language]}
    application = _prepared_sponsorship(representative, applicant)
    contexts = [
        browser.new_context(base_url=live_server.url, bypass_csp=True, locale=f"{language}-CA")
        for _ in range(2)
    ]
    rep, client = (context.new_page() for context in contexts)
    for page in (rep, client):
        page.set_default_timeout(10_000)
    try:
        sign_in(rep, live_server, representative)
        sign_in(client, live_server, applicant)

        # The representative: the file, the sponsor's own application page, the IMM 5476, validate, invite.
        rep.goto(f"/{language}/representative/")
        rep.get_by_role("link", name=words["file_link"]).click()
        assert rep.get_by_role("button", name=words["submit"], exact=True).is_disabled()
        assert_accessible(rep)
        rep.get_by_role("link", name=words["forms"]).click()
        assert_accessible(rep)
        # No Sign link for the representative: the client signs in their own account.
        assert rep.get_by_role("link", name=words["sign"], exact=True).count() == 0
        rep.get_by_role("link", name=words["to_file"]).click()
        rep.get_by_label(words["imm5476"]).set_input_files(
            files=[{"name": "imm5476.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(1)}]
        )
        rep.get_by_role("button", name=words["upload"]).click()
        rep.wait_for_load_state()
        rep.get_by_role("button", name=words["validate"]).click()
        assert_accessible(rep)
        rep.get_by_role("link", name=words["back_to_file"]).click()
        rep.get_by_role("button", name=words["invite"]).click()
        assert words["sent"] in rep.get_by_role("status").inner_text()
        assert mailoutbox[-1].to == [applicant.email]

        # The client (the principal applicant), in their own session: accept, read, sign for the family.
        client.goto(f"/{language}/applications/")
        client.get_by_role("link", name=words["representatives"]).click()
        client.get_by_role("button", name=words["accept"]).click()
        main = client.locator("main").inner_text()
        assert words["sign_as"] in main and "Okafor" in main and "Tremblay" in main
        assert_accessible(client)
        client.get_by_label(words["name"]).fill("Chidi Okafor")
        client.get_by_role("button", name=words["sign"], exact=True).click()
        assert words["mismatch"] in client.locator("#id_typed_name_error").inner_text()
        assert_accessible(client)
        client.get_by_label(words["name"]).fill("Chidi Emeka Okafor")
        client.get_by_role("button", name=words["sign"], exact=True).click()
        assert words["signed"] in client.locator("main").inner_text()
        assert_accessible(client)

        # The representative: the signature is in, the declaration, then Submit.
        rep.reload()
        assert rep.get_by_role("button", name=words["submit"], exact=True).is_disabled()
        assert words["signer"] in rep.locator("main").inner_text()
        rep.get_by_label(words["declare_box"]).check()
        rep.get_by_role("button", name=words["declare"]).click()
        assert_accessible(rep)
        submit = rep.get_by_role("button", name=words["submit"], exact=True)
        assert submit.is_enabled()
        submit.click()
        assert words["received"] in rep.locator("main").inner_text()
        assert_accessible(rep)
    finally:
        for context in contexts:
            context.close()
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert application.submission.submitted_by == representative
    (signature,) = application.signatures.filter(cleared_at__isnull=True)
    assert signature.signer == applicant and signature.person.role == "principal_applicant"
