import re

import pytest
from django.urls import reverse
from django.utils import translation

from portique.payments.models import Payment, SandboxTransaction
from tests.payments.conftest import APPROVED, INSUFFICIENT_FUNDS, pay
from tests.payments.test_receipts import pdf_text


def url(name: str, *args, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name, args=args)


def pay_url(application, language: str = "en") -> str:
    return url("payments:pay", application.public_id, language=language)


def page_key(body: str) -> str:
    return re.search(r'name="idempotency_key" value="([^"]+)"', body).group(1)


def card_post(key: str, number: str = APPROVED, **overrides) -> dict:
    return {
        "idempotency_key": key,
        "payer_name": "Jordan Payer",
        "number": number,
        "expiry_month": "12",
        "expiry_year": "2030",
        "security_code": "123",
        **overrides,
    }


@pytest.mark.django_db
def test_the_pay_page_shows_the_quote_the_sandbox_test_cards_and_a_fresh_key(client, applicant, application):
    client.force_login(applicant)
    first = client.get(pay_url(application)).content.decode()
    second = client.get(pay_url(application)).content.decode()
    assert "<h1>Pay fees</h1>" in first
    assert "PR card application (per person)" in first and "IMM 5445 — Step 3" in first
    assert "$50.00" in first
    assert "Sandbox: no money is charged" in first
    for number in ("4242 4242 4242 4242", "4000 0000 0000 9995", "4000 0000 0000 0069", "4000 0000 0000 0119"):
        assert number in first
    assert page_key(first) != page_key(second)


@pytest.mark.django_db
def test_the_french_pay_page_is_in_french(client, applicant, application):
    client.force_login(applicant)
    body = client.get(pay_url(application, "fr")).content.decode()
    assert "<h1>Payer les frais</h1>" in body
    assert "Demande de carte de résident permanent (par personne)" in body
    assert "50,00\u00a0$" in body


@pytest.mark.django_db
def test_paying_leads_to_the_payment_received_page_and_a_private_pdf_receipt(client, applicant, application):
    client.force_login(applicant)
    key = page_key(client.get(pay_url(application)).content.decode())
    response = client.post(pay_url(application), card_post(key))
    payment = Payment.objects.get()
    received = url("payments:received", application.public_id, payment.receipt_number)
    assert response.status_code == 302 and response.url == received
    body = client.get(received).content.decode()
    assert "<h1>Payment received</h1>" in body and payment.receipt_number in body
    assert "SANDBOX — no money was charged" in body
    download = client.get(url("payments:receipt", application.public_id, payment.receipt_number))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == f'attachment; filename="receipt-{payment.receipt_number}.pdf"'
    assert "no-store" in download["Cache-Control"]
    assert payment.receipt_number in pdf_text(download.content)


@pytest.mark.django_db
def test_a_double_submitted_form_charges_once_and_both_land_on_the_same_receipt(client, applicant, application):
    client.force_login(applicant)
    key = page_key(client.get(pay_url(application)).content.decode())
    first = client.post(pay_url(application), card_post(key))
    second = client.post(pay_url(application), card_post(key))
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert Payment.objects.count() == 1
    assert SandboxTransaction.objects.filter(kind="charge").count() == 1


@pytest.mark.django_db
def test_a_decline_is_explained_at_the_card_number_in_french_and_a_new_key_is_given(client, applicant, application):
    client.force_login(applicant)
    key = page_key(client.get(pay_url(application, "fr")).content.decode())
    response = client.post(pay_url(application, "fr"), card_post(key, INSUFFICIENT_FUNDS))
    assert response.status_code == 200
    body = response.content.decode()
    message = re.search(r'<span class="error-message" id="id_number_error">([^<]+)</span>', body).group(1)
    assert "fonds insuffisants" in message and "Aucune somme n’a été prélevée" in message
    assert 'href="#id_number"' in body  # the error summary links to the field
    assert 'value="Jordan Payer"' in body  # what was typed is kept…
    assert 'value="123"' not in body  # …except the security code
    assert page_key(body) != key
    assert Payment.objects.get().status == "declined"


@pytest.mark.django_db
def test_an_invalid_card_number_is_refused_at_the_field_and_nothing_is_recorded(client, applicant, application):
    client.force_login(applicant)
    key = page_key(client.get(pay_url(application)).content.decode())
    response = client.post(pay_url(application), card_post(key, "4242 4242 4242 4241"))
    assert response.status_code == 400
    assert "This card number is not valid. Check it against your card." in response.content.decode()
    response = client.post(pay_url(application), card_post(key, security_code=""))
    assert response.status_code == 400
    assert "Enter the security code of the card." in response.content.decode()
    assert Payment.objects.count() == 0 and SandboxTransaction.objects.count() == 0


@pytest.mark.django_db
def test_when_the_fees_are_paid_the_page_says_so_and_lists_the_receipt(client, applicant, application):
    payment = pay(applicant, application).payment
    client.force_login(applicant)
    body = client.get(pay_url(application)).content.decode()
    assert "Your fees are paid" in body and payment.receipt_number in body
    assert 'name="number"' not in body


@pytest.mark.django_db
def test_nobody_else_can_see_pay_for_or_download_anything_of_this_application(
    client, applicant, other_applicant, officer, application
):
    payment = pay(applicant, application).payment
    urls = [
        pay_url(application),
        url("payments:received", application.public_id, payment.receipt_number),
        url("payments:receipt", application.public_id, payment.receipt_number),
    ]
    for intruder in (other_applicant, officer):
        client.force_login(intruder)
        for address in urls:
            assert client.get(address).status_code == 404
        assert client.post(pay_url(application), card_post("k" * 32)).status_code == 404
    assert Payment.objects.count() == 1


@pytest.mark.django_db
def test_a_receipt_number_of_another_application_is_not_found(client, applicant, other_applicant, application, their_application):
    theirs = pay(other_applicant, their_application).payment
    client.force_login(applicant)
    address = url("payments:receipt", application.public_id, theirs.receipt_number)
    assert client.get(address).status_code == 404


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in(client, application):
    response = client.get(pay_url(application))
    assert response.status_code == 302 and "login" in response.url


@pytest.mark.django_db
def test_the_application_overview_links_to_the_fees(client, applicant, application):
    client.force_login(applicant)
    body = client.get(url("applications:overview", application.public_id)).content.decode()
    assert f'href="{pay_url(application)}"' in body
