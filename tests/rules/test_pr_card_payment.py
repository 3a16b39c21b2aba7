"""The PR card program's payment findings from the case's payments (PRC-73; AS-16)."""

import copy
import json
from dataclasses import replace
from pathlib import Path

from portique.rules.case import case_from_dict
from portique.rules.evaluate import evaluate

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def case(name: str):
    return case_from_dict(copy.deepcopy(json.loads((EXAMPLES / name).read_text())))


def test_an_overpayment_without_an_uploaded_receipt_is_refunded_to_the_applicant():
    # PRC-73, AS-16: the payer named on a receipt gets the refund only when the receipt is uploaded.
    with_receipt = case("pr-card-overpayment.json")
    assert "Jordan Tremblay" in next(r for r in evaluate(with_receipt).findings if r.code == "PAYMENT_OVERPAID_REFUND").en
    without = replace(with_receipt, payments=(replace(with_receipt.payments[0], receipt_uploaded=False),))
    refund = next(r for r in evaluate(without).findings if r.code == "PAYMENT_OVERPAID_REFUND")
    assert "Jordan Tremblay" not in refund.en
