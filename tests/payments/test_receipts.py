import io
import re

import pytest
from pypdf import PdfReader

from portique.payments.receipts import receipt_pdf
from tests.payments.conftest import pay


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    # Lines wrap inside table cells, and amounts carry no-break spaces: compare words only.
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


@pytest.mark.django_db
def test_the_receipt_pdf_is_bilingual_and_carries_number_payer_fees_and_sandbox_banner(applicant, application):
    payment = pay(applicant, application, payer_name="Jordan Payer").payment
    data = receipt_pdf(payment)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert payment.receipt_number in text
    assert application.number in text
    assert "Jordan Payer" in text
    assert "•••• 4242" in text
    # Both languages on the same receipt.
    assert "Official receipt" in text and "Reçu officiel" in text
    assert "PR card application (per person)" in text
    assert "Demande de carte de résident permanent (par personne)" in text
    assert "IMM 5445 — Step 3" in text
    # Amounts as each language writes them (portique.core.money.format_cad).
    assert "$50.00" in text and "50,00 $" in text
    assert "SANDBOX — no money was charged" in text
    assert "BAC À SABLE — aucune somme n’a été débitée" in text or "BAC À SABLE — aucune somme n'a été débitée" in text


@pytest.mark.django_db
def test_a_declined_payment_has_no_receipt(applicant, application):
    from tests.payments.conftest import INSUFFICIENT_FUNDS

    payment = pay(applicant, application, INSUFFICIENT_FUNDS).payment
    with pytest.raises(ValueError):
        receipt_pdf(payment)
