"""The built-in sandbox gateway: behaves like a card gateway, moves no money.

Only the test cards below do anything; every other valid card number is declined, so
nobody can believe a real card was charged. Every page and receipt of a payment made
here says "SANDBOX — no money was charged".
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .cards import CardDetails
from .choices import DeclineReason
from .gateway import CardToken, ChargeResult, RefundResult
from .models import SandboxTransaction

APPROVED = "approved"


@dataclass(frozen=True)
class SandboxCard:
    number: str
    outcome: str  # APPROVED or a DeclineReason value
    description: object  # a lazy translation


# Published on the payment page and in docs/payments.md. Any future expiry date and any
# security code of the right length work with them.
TEST_CARDS = (
    SandboxCard("4242 4242 4242 4242", APPROVED, _("Approved")),
    SandboxCard("4000 0000 0000 9995", DeclineReason.INSUFFICIENT_FUNDS, _("Declined: insufficient funds")),
    SandboxCard("4000 0000 0000 0069", DeclineReason.EXPIRED_CARD, _("Declined: expired card")),
    SandboxCard("4000 0000 0000 0119", DeclineReason.GATEWAY_ERROR, _("Fails: payment service error")),
)
_OUTCOMES = {card.number.replace(" ", ""): card.outcome for card in TEST_CARDS}


def _reference(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(12)}"


class SandboxGateway:
    name = "sandbox"
    is_sandbox = True

    def tokenize(self, card: CardDetails) -> CardToken:
        # The stand-in for the gateway's card page: the token says how the sandbox will
        # answer, and nothing about the number but its last four digits.
        outcome = _OUTCOMES.get(card.digits, DeclineReason.CARD_DECLINED)
        return CardToken(token=f"sbx.{outcome}.{card.last4}.{secrets.token_hex(8)}", brand=card.brand, last4=card.last4)

    def charge(self, *, amount: Decimal, card_token: str, idempotency_key: str) -> ChargeResult:
        earlier = SandboxTransaction.objects.filter(idempotency_key=idempotency_key).first()
        if earlier is not None:
            return _result(earlier)
        _, outcome, last4, _nonce = card_token.split(".")
        approved = outcome == APPROVED
        row = SandboxTransaction.objects.create(
            kind=SandboxTransaction.Kind.CHARGE,
            reference=_reference("ch"),
            idempotency_key=idempotency_key,
            amount=amount,
            approved=approved,
            decline_reason="" if approved else outcome,
            card_last4=last4,
        )
        return _result(row)

    def refund(self, *, reference: str, amount: Decimal) -> RefundResult:
        charge = SandboxTransaction.objects.get(reference=reference, kind=SandboxTransaction.Kind.CHARGE, approved=True)
        refunded = sum((r.amount for r in charge.refunds.all()), Decimal(0))
        if refunded + amount > charge.amount:
            raise ValueError("a refund cannot exceed what was charged")
        row = SandboxTransaction.objects.create(
            kind=SandboxTransaction.Kind.REFUND,
            reference=_reference("re"),
            amount=amount,
            approved=True,
            card_last4=charge.card_last4,
            charge=charge,
        )
        return RefundResult(reference=row.reference)


def _result(row: SandboxTransaction) -> ChargeResult:
    if row.approved:
        return ChargeResult(approved=True, reference=row.reference)
    return ChargeResult(approved=False, reference=row.reference, decline_reason=DeclineReason(row.decline_reason))
