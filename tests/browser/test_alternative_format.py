"""A person who cannot apply online asks for a PR card kit in braille, without an account;
an officer (password and authenticator code) records that it was sent and gets the
covering letter. In English and in French; every page passes axe (WCAG 2.1 AA)."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from portique.accounts.totp import code_lasting
from tests.conftest import PASSWORD

WORDS = {
    "en": {
        "home_link": "Ask for an application kit in another format",
        "check_link": "Do I have to apply online?",
        "applying_for": "A permanent resident card",
        "inside": "From inside Canada",
        "self": "I am applying for myself or my family",
        "yes": "Yes",
        "get_answer": "Get my answer",
        "answer": "You may apply online or on paper.",
        "kit_link": "Ask for an application kit in another format",
        "pr_card": "Permanent resident card (IMM 5444, guide IMM 5445)",
        "braille": "Braille",
        "disability": "Does a disability prevent you (or your client) from applying online?",
        "full_name": "Principal applicant’s full name",
        "by_mail": "By mail, to an address in Canada",
        "email": "E-mail address",
        "street": "Street address or post office box",
        "province": "Province or territory",
        "postal_code": "Postal code",
        "need": "I need this application kit in another format because I cannot apply online.",
        "send": "Send my request",
        "problem": "There is a problem",
        "postal_error": "Enter a Canadian postal code in the format A1A 1A1.",
        "received": "Request received",
        "sign_in": "Sign in",
        "password": "Password",
        "code": "Code",
        "continue": "Continue",
        "queue_link": "Requests for kits in another format",
        "what_sent": "What was sent",
        "record": "Record as sent and make the covering letter",
        "sent": "Kit sent",
        "download": "Download the covering letter (PDF, English and French)",
    },
    "fr": {
        "home_link": "Demander une trousse de demande dans un autre format",
        "check_link": "Dois-je présenter ma demande en ligne\u00a0?",
        "applying_for": "Une carte de résident permanent",
        "inside": "Du Canada",
        "self": "Je présente une demande pour moi ou ma famille",
        "yes": "Oui",
        "get_answer": "Obtenir ma réponse",
        "answer": "Vous pouvez présenter votre demande en ligne ou sur papier.",
        "kit_link": "Demander une trousse de demande dans un autre format",
        "pr_card": "Carte de résident permanent (IMM 5444, guide IMM 5445)",
        "braille": "Braille",
        "disability": "Un handicap vous empêche-t-il (ou empêche-t-il votre client) de présenter une demande en ligne\u00a0?",
        "full_name": "Nom complet du demandeur principal",
        "by_mail": "Par la poste, à une adresse au Canada",
        "email": "Adresse de courriel",
        "street": "Adresse municipale ou case postale",
        "province": "Province ou territoire",
        "postal_code": "Code postal",
        "need": "J’ai besoin de cette trousse de demande dans un autre format, car je ne peux pas présenter une demande en ligne.",
        "send": "Envoyer ma demande",
        "problem": "Il y a un problème",
        "postal_error": "Indiquez un code postal canadien dans le format A1A 1A1.",
        "received": "Demande reçue",
        "sign_in": "Se connecter",
        "password": "Mot de passe",
        "code": "Code",
        "continue": "Continuer",
        "queue_link": "Demandes de trousses dans un autre format",
        "what_sent": "Ce qui a été envoyé",
        "record": "Inscrire l’envoi et produire la lettre d’accompagnement",
        "sent": "Trousse envoyée",
        "download": "Télécharger la lettre d’accompagnement (PDF, français et anglais)",
    },
}


def _totp_secret(user) -> str:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    return decrypt(Authenticator.objects.get(user=user, type="totp").data["secret"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_person_asks_for_a_braille_kit_and_an_officer_sends_it(
    page, assert_accessible, officer, mailoutbox, language
):
    from django.core.cache import cache

    from portique.alternatives.models import KitRequest

    cache.clear()
    words = WORDS[language]

    def heading() -> str:
        return page.get_by_role("heading", level=1).inner_text()

    # "Do I have to apply online?", from the home page, with no account.
    page.goto(f"/{language}/")
    page.get_by_role("link", name=words["check_link"]).click()
    assert page.locator("html").get_attribute("lang") == f"{language}-CA"
    assert_accessible(page)
    page.get_by_role("radio", name=words["applying_for"], exact=True).check()
    page.get_by_role("radio", name=words["inside"], exact=True).check()
    page.get_by_role("radio", name=words["self"], exact=True).check()
    page.get_by_role("group", name=words["disability"]).get_by_role("radio", name=words["yes"]).check()
    page.get_by_role("button", name=words["get_answer"]).click()
    assert page.locator(".answer-headline").inner_text() == words["answer"]
    assert_accessible(page)
    page.locator(".answer").get_by_role("link", name=words["kit_link"]).click()

    # The request, first with a postal code that is not Canadian.
    assert page.get_by_role("radio", name=words["pr_card"]).is_checked()
    assert_accessible(page)
    page.get_by_role("radio", name=words["braille"]).check()
    page.locator("#id_kit_language_0" if language == "en" else "#id_kit_language_1").check()
    page.get_by_label(words["full_name"]).fill("Marie Tremblay")
    page.get_by_role("radio", name=words["by_mail"]).check()
    page.get_by_label(words["email"], exact=True).fill("marie@exemple.ca")
    page.get_by_label(words["street"]).fill("999, rue de la Famille, unité 3")
    with translation.override(language):
        city_label = str(gettext("City or town"))  # the catalogue's wording, whatever it is today
    page.get_by_label(city_label).fill("Ottawa")
    page.get_by_label(words["province"]).select_option("ON")
    page.get_by_label(words["postal_code"]).fill("90210")
    page.get_by_label(words["need"]).check()
    page.get_by_role("button", name=words["send"]).click()
    expect(page.get_by_role("heading", name=words["problem"])).to_be_visible()
    assert (
        page.locator(".error-summary").get_by_role("link").first.inner_text().endswith(words["postal_error"])
    )
    assert_accessible(page)
    assert KitRequest.objects.count() == 0
    page.locator(".error-summary").get_by_role("link").first.click()
    page.get_by_label(words["postal_code"]).fill("K3J 9T5")
    page.get_by_role("button", name=words["send"]).click()
    assert heading() == words["received"]
    reference = page.locator(".reference").inner_text().strip()
    assert_accessible(page)
    kit_request = KitRequest.objects.get(reference=reference)
    assert (kit_request.kit_format, kit_request.language, kit_request.postal_code) == (
        "braille",
        language,
        "K3J 9T5",
    )
    assert mailoutbox[-1].to == ["marie@exemple.ca"] and reference in mailoutbox[-1].subject

    # The officer signs in with the password and the authenticator code.
    page.goto(f"/{language}/account/login/")
    page.get_by_label(words["email"], exact=True).fill(officer.email)
    page.get_by_label(words["password"], exact=True).fill(PASSWORD)
    page.get_by_role("button", name=words["sign_in"], exact=True).click()
    page.wait_for_url(f"**/{language}/account/2fa/authenticate/")
    page.get_by_label(words["code"], exact=True).fill(code_lasting(_totp_secret(officer)))
    page.get_by_role("button", name=words["continue"]).click()
    page.wait_for_url(f"**/{language}/account/")
    page.get_by_role("link", name=words["queue_link"]).click()
    assert heading() == words["queue_link"]
    assert_accessible(page)
    page.get_by_role("link", name=reference).click()
    assert_accessible(page)
    page.get_by_label(words["what_sent"]).fill("IMM 5444, IMM 5445, IMM 5644 in braille")
    page.get_by_role("button", name=words["record"]).click()
    assert page.locator(".status").inner_text() == words["sent"]
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=words["download"]).click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    kit_request.refresh_from_db()
    assert kit_request.status == "sent" and kit_request.sent_by == officer
    assert mailoutbox[-1].attachments and reference in mailoutbox[-1].subject
