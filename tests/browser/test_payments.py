"""Paying the fees in the sandbox, in a real browser, in English and in French."""

import io
import re

import pytest
from django.test import Client
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.payments.conftest import start_pr_card


def sign_in(page, live_server, user):
    # Signing in has its own browser tests; here the session is made directly.
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "en",
            {
                "link": "Pay fees and download receipts",
                "h1": "Pay fees",
                "sandbox": "Sandbox: no money is charged",
                "name": "Name on the card",
                "number": "Card number",
                "month": "Expiry month (MM)",
                "year": "Expiry year (YYYY)",
                "code": "Security code",
                "pay": "Pay $50.00",
                "declined": "Your card was declined: insufficient funds.",
                "received": "Payment received",
                "banner": "SANDBOX — no money was charged",
                "download": "Download the receipt",
            },
        ),
        (
            "fr",
            {
                "link": "Payer les frais et télécharger les reçus",
                "h1": "Payer les frais",
                "sandbox": "Bac à sable\u00a0: aucune somme n’est débitée",
                "name": "Nom figurant sur la carte",
                "number": "Numéro de la carte",
                "month": "Mois d’expiration (MM)",
                "year": "Année d’expiration (AAAA)",
                "code": "Code de sécurité",
                "pay": "Payer 50,00\u00a0$",
                "declined": "Votre carte a été refusée\u00a0: fonds insuffisants.",
                "received": "Paiement reçu",
                "banner": "BAC À SABLE — aucune somme n’a été débitée",
                "download": "Télécharger le reçu",
            },
        ),
    ],
)
def test_an_applicant_pays_the_fees_with_the_sandbox_test_card(page, live_server, assert_accessible, applicant, language, texts):
    application = start_pr_card(applicant)
    sign_in(page, live_server, applicant)

    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("link", name=texts["link"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == texts["h1"]
    expect(page.get_by_role("heading", name=texts["sandbox"])).to_be_visible()
    assert_accessible(page)

    def fill(number: str) -> None:
        page.get_by_label(texts["name"]).fill("Alex Tremblay")
        page.get_by_label(texts["number"]).fill(number)
        page.get_by_label(texts["month"]).fill("12")
        page.get_by_label(texts["year"]).fill("2030")
        page.get_by_label(texts["code"]).fill("123")
        page.get_by_role("button", name=texts["pay"]).click()

    # A declined card first: the message is at the field, and the page stays accessible.
    fill("4000 0000 0000 9995")
    assert texts["declined"] in page.locator("#id_number_error").inner_text()
    assert page.get_by_label(texts["number"]).get_attribute("aria-invalid") == "true"
    assert_accessible(page)

    fill("4242 4242 4242 4242")
    page.wait_for_url(re.compile(r".*/fees/receipts/R\d{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/$"))
    assert page.locator("html").get_attribute("lang") == f"{language}-CA"
    assert page.get_by_role("heading", level=1).inner_text() == texts["received"]
    expect(page.get_by_text(texts["banner"])).to_be_visible()
    assert_accessible(page)

    receipt_number = page.url.rstrip("/").rsplit("/", 1)[-1]
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(texts["download"])).click()
    path = download.value.path()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(open(path, "rb").read())).pages)
    assert receipt_number in text and "Official receipt" in text and "Reçu officiel" in text
