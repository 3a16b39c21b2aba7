"""An applicant's whole journey through the accounts pages, in English and in French:
sign up, confirm the e-mail address, sign in, turn on two-step verification, sign
out, sign in again with a code. Every page visited passes axe (WCAG 2.1 AA)."""

import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from portique.accounts.totp import code_lasting

WORDS = {
    "en": {
        "email": "E-mail address",
        "password": "Password",
        "confirm_password": "Confirm password",
        "create": "Create account",
        "sign_in": "Sign in",
        "sign_out": "Sign out",
        "confirm": "Confirm",
        "manage_mfa": "Manage two-step verification and recovery codes",
        "activate": "Activate",
        "totp_code": "Code from your authenticator app",
        "turn_on": "Turn on two-step verification",
        "code": "Code",
        "continue": "Continue",
        "signed_in_as": "Signed in as",
        "check_email": "Check your e-mail",
        "your_account": "Your account",
        "my_applications": "My applications",
        "mfa_heading": "Two-step verification",
    },
    "fr": {
        "email": "Adresse de courriel",
        "password": "Mot de passe",
        "confirm_password": "Confirmer le mot de passe",
        "create": "Créer le compte",
        "sign_in": "Se connecter",
        "sign_out": "Se déconnecter",
        "confirm": "Confirmer",
        "manage_mfa": "Gérer la vérification en deux étapes et les codes de récupération",
        "activate": "Activer",
        "totp_code": "Code de votre application d’authentification",
        "turn_on": "Activer la vérification en deux étapes",
        "code": "Code",
        "continue": "Continuer",
        "signed_in_as": "Connecté en tant que",
        "check_email": "Consultez vos courriels",
        "your_account": "Votre compte",
        "my_applications": "Mes demandes",
        "mfa_heading": "Vérification en deux étapes",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_sign_up_verify_sign_in_turn_on_mfa_and_sign_in_with_a_code(
    page, assert_accessible, mailoutbox, settings, language
):
    from django.core.cache import cache

    cache.clear()
    # A code may be used once: let the final sign-in use the next 30-second window's
    # code rather than wait for it (an authenticator app would show it a moment later).
    settings.MFA_TOTP_TOLERANCE = 1
    words = WORDS[language]
    email = f"journey-{language}@example.ca"
    password = "a long phrase of several words 2026"

    def heading():
        return page.get_by_role("heading", level=1).inner_text()

    # Sign up.
    page.goto(f"/{language}/account/signup/")
    assert page.locator("html").get_attribute("lang") == f"{language}-CA"
    assert_accessible(page)
    page.get_by_label(words["email"], exact=True).fill(email)
    page.get_by_label(words["password"], exact=True).fill(password)
    page.get_by_label(words["confirm_password"], exact=True).fill(password)
    page.get_by_role("button", name=words["create"]).click()
    page.wait_for_url(f"**/{language}/account/confirm-email/")
    assert heading() == words["check_email"]
    assert_accessible(page)

    # Confirm the address with the link in the e-mail.
    assert mailoutbox[-1].to == [email]
    link = re.search(r"https?://\S+/confirm-email/\S+/", mailoutbox[-1].body).group(0)
    assert f"/{language}/account/confirm-email/" in link
    # The link starts with SITE_URL (the portal's public address), not the test server's.
    assert link.startswith(settings.SITE_URL + "/")
    page.goto(urlsplit(link).path)
    assert_accessible(page)
    page.get_by_role("button", name=words["confirm"]).click()
    page.wait_for_url(f"**/{language}/account/login/")

    # Sign in.
    assert_accessible(page)
    page.get_by_label(words["email"], exact=True).fill(email)
    page.get_by_label(words["password"], exact=True).fill(password)
    page.get_by_role("button", name=words["sign_in"], exact=True).click()
    # An applicant lands on their applications; the header leads to their account.
    page.wait_for_url(f"**/{language}/applications/")
    assert heading() == words["my_applications"]
    page.get_by_role("link", name=words["your_account"], exact=True).click()
    assert heading() == words["your_account"]
    expect(page.get_by_text(f"{words['signed_in_as']} {email}")).to_be_visible()
    assert_accessible(page)

    # Turn on two-step verification.
    page.get_by_role("link", name=words["manage_mfa"]).click()
    assert_accessible(page)
    page.get_by_role("link", name=words["activate"], exact=True).click()
    page.wait_for_url(f"**/{language}/account/2fa/totp/activate/")
    assert_accessible(page)
    secret = page.locator("#totp-secret").inner_text().strip()
    enrolled_at = int(time.time()) // 30
    page.get_by_label(words["totp_code"]).fill(code_lasting(secret))
    page.get_by_role("button", name=words["turn_on"]).click()
    page.wait_for_url(f"**/{language}/account/2fa/recovery-codes/")
    assert_accessible(page)

    # Sign out, then sign in again: now a code is needed.
    page.get_by_role("button", name=words["sign_out"], exact=True).click()
    page.wait_for_url(f"**/{language}/")
    page.goto(f"/{language}/account/login/")
    page.get_by_label(words["email"], exact=True).fill(email)
    page.get_by_label(words["password"], exact=True).fill(password)
    page.get_by_role("button", name=words["sign_in"], exact=True).click()
    page.wait_for_url(f"**/{language}/account/2fa/authenticate/")
    assert heading() == words["mfa_heading"]
    assert_accessible(page)
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    page.get_by_label(words["code"], exact=True).fill(format_hotp_value(hotp_value(secret, enrolled_at + 1)))
    page.get_by_role("button", name=words["continue"]).click()
    page.wait_for_url(f"**/{language}/applications/")
    expect(page.get_by_text(f"{words['signed_in_as']} {email}")).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_representative_sign_up_page_is_accessible(page, assert_accessible, language):
    page.goto(f"/{language}/account/representative/signup/")
    assert_accessible(page)
    page.locator("button[type=submit].button").last.click()
    # Errors: a summary at the top and a message next to each field, still accessible.
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
def test_the_idle_warning_appears_and_stay_signed_in_keeps_the_session(page, assert_accessible, applicant, settings):
    from tests.conftest import PASSWORD

    settings.SESSION_IDLE_SECONDS = 10
    settings.SESSION_IDLE_WARNING_SECONDS = 8
    page.goto("/en/account/login/")
    page.get_by_label("E-mail address", exact=True).fill(applicant.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/en/applications/")
    dialog = page.get_by_role("dialog", name="You will be signed out soon")
    dialog.wait_for(state="visible", timeout=8_000)
    assert_accessible(page)
    dialog.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden")
    page.reload()
    assert page.get_by_role("heading", level=1).inner_text() == "My applications"
