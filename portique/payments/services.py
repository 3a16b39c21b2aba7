"""The only writers of payments and refunds.

A payment is one transaction: the application row is locked, the amount is what the
rules say is due now less what was already paid, the gateway is called with the page's
idempotency key, and the attempt is recorded whatever the gateway answered. The same
key never charges twice: the first request's row is found and returned (and the
unique constraint stops a second row if two requests race past the lookup).
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.http import Http404

from portique.applications.access import access_application
from portique.applications.choices import EDITABLE
from portique.applications.models import Application
from portique.rules import fees

from . import selectors
from .cards import CardDetails, card_errors
from .choices import CLOSED, PaymentStatus, RefundCause, RefundRecipient
from .gateway import gateway
from .models import Payment, Refund

logger = logging.getLogger(__name__)

# Unambiguous to read aloud or type from paper (no 0/O, 1/I/L).
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class PaymentError(Exception):
    """A payment the portal refuses to send to the gateway; nothing was charged or recorded."""


class CardRejected(PaymentError):
    """The card details are not valid; ``errors`` maps each field to its messages."""

    def __init__(self, errors: dict[str, list]):
        super().__init__(", ".join(errors))
        self.errors = errors


class NothingToPay(PaymentError):
    """The fees due now are already paid."""


class ApplicationClosed(PaymentError):
    """The application is closed (returned, decided or withdrawn): no fee can be paid on it."""


class ApplicationSubmitted(PaymentError):
    """The application is submitted: its fees were settled then, and nothing more is charged here."""


class InvalidIdempotencyKey(PaymentError):
    """The page's idempotency key is missing or malformed (a tampered or stale form)."""


@dataclass(frozen=True)
class PaymentResult:
    payment: Payment
    # True when an earlier request with the same idempotency key made the payment.
    replayed: bool = False
    refunds: tuple[Refund, ...] = ()


def new_idempotency_key() -> str:
    """One per view of the payment page, carried in a hidden field."""
    return secrets.token_urlsafe(24)


def _receipt_number(on: date) -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"R{on.year}-{body[:4]}-{body[4:]}"


def _valid_key(key: str) -> bool:
    return 16 <= len(key) <= 64 and all(c.isalnum() or c in "-_" for c in key)


def _replay(*, key: str, application: Application) -> PaymentResult | None:
    earlier = Payment.objects.filter(idempotency_key=key).first()
    if earlier is None:
        return None
    if earlier.application_id != application.pk:
        # Keys are random; one that belongs to another application is a forged request.
        raise Http404
    return PaymentResult(payment=earlier, replayed=True)


def payment_make(
    *,
    actor,
    public_id,
    card: CardDetails,
    payer_name: str,
    idempotency_key: str,
    on: date,
) -> PaymentResult:
    """Charge the fees due now on ``public_id``'s application, once per ``idempotency_key``.

    Raises Http404 for an application that is not the actor's, ``CardRejected`` for card
    details that cannot be sent, ``NothingToPay`` when nothing is due. A declined card
    returns a result whose payment has status DECLINED: recorded, nothing else changed.
    """
    key = (idempotency_key or "").strip()
    if not _valid_key(key):
        raise InvalidIdempotencyKey
    try:
        with transaction.atomic():
            # The lock serialises payments on one application: two tabs cannot both pay the balance.
            application = access_application(actor=actor, public_id=public_id, for_update=True)
            if application.on_paper:
                # Nobody pays by card for a paper applicant: its receipt is recorded instead.
                raise Http404
            replayed = _replay(key=key, application=application)
            if replayed is not None:
                return replayed
            if application.status in CLOSED:
                raise ApplicationClosed
            if application.status not in EDITABLE:
                # The fees were assessed and settled at submission (application_submit refunds
                # any excess). Charging "what is due today" afterwards would charge again if the
                # fees changed since; a fee asked later (by an officer) needs its own path.
                raise ApplicationSubmitted
            errors = card_errors(card, today=on)
            if errors:
                raise CardRejected(errors)
            balance = selectors.balance_for(application, on)
            amount = balance.outstanding
            if amount <= 0:
                raise NothingToPay
            processor = gateway()
            token = processor.tokenize(card)
            result = processor.charge(amount=amount, card_token=token.token, idempotency_key=key)
            snapshot = selectors.quote_as_data(balance.quote, on=on)
            snapshot["previously_paid"] = str(balance.paid)
            payment = Payment.objects.create(
                application=application,
                made_by=actor,
                idempotency_key=key,
                status=PaymentStatus.APPROVED if result.approved else PaymentStatus.DECLINED,
                decline_reason="" if result.approved else result.decline_reason,
                amount=amount,
                gateway=processor.name,
                sandbox=processor.is_sandbox,
                gateway_reference=result.reference,
                card_brand=token.brand,
                card_last4=token.last4,
                payer_name=payer_name.strip(),
                receipt_number=_receipt_number(on) if result.approved else None,
                fees_on=on,
                quote=snapshot,
            )
            refunds: tuple[Refund, ...] = ()
            if result.approved:
                # Nothing to refund in the usual case; it matters when the fees dropped in
                # between (another tab, a changed answer) and this payment overshot.
                refunds = tuple(_refund_excess(application=application, on=on, actor=actor))
            _log_on_commit(payment)
    except IntegrityError:
        # Two requests with one key raced past the lookup; the first one's row won.
        application = access_application(actor=actor, public_id=public_id)
        replayed = _replay(key=key, application=application)
        if replayed is None:
            raise
        return replayed
    return PaymentResult(payment=payment, refunds=refunds)


def _log_on_commit(payment: Payment) -> None:
    def log() -> None:
        logger.info(
            "payment %s on %s: %s %s (%s)",
            payment.receipt_number or payment.pk,
            payment.application.number,
            payment.status,
            payment.amount,
            payment.gateway,
        )

    transaction.on_commit(log)


def _refund_excess(*, application: Application, on: date, actor) -> list[Refund]:
    balance = selectors.balance_for(application, on)
    if balance.assessment.outcome is not fees.PaymentOutcome.OVERPAID or balance.excess <= 0:
        return []
    left = balance.excess
    made: list[Refund] = []
    processor = gateway()
    # Newest payments first: the excess is what the latest payment put over the fees.
    for payment in selectors.refundable_through_gateway(application):
        refunded = selectors.refunded_on(payment)
        amount = min(left, payment.amount - refunded)
        if amount <= 0:
            continue
        # PRC-73 / SP-201: the payer named on this payment's receipt, else the applicant.
        payee = fees.refund_payee(
            proof=fees.ProofOfPayment.RECEIPT_ATTACHED, payer_name_on_receipt=payment.payer_name
        )
        if payee.recipient is fees.RefundRecipient.PAYER_ON_RECEIPT:
            recipient, name = RefundRecipient.PAYER_ON_RECEIPT, payee.name
        else:
            recipient, name = RefundRecipient.APPLICANT, selectors.applicant_name(application)
        result = processor.refund(reference=payment.gateway_reference, amount=amount)
        made.append(
            Refund.objects.create(
                payment=payment,
                application=application,
                amount=amount,
                cause=RefundCause.OVERPAYMENT,
                recipient=recipient,
                recipient_name=name,
                gateway_reference=result.reference,
                reason=balance.reasons[0].as_dict() if balance.reasons else {},
                actor=actor,
            )
        )
        left -= amount
        if left <= 0:
            break
    return made


def overpayment_refund(*, application: Application, on: date, actor=None) -> list[Refund]:
    """Refund automatically what was paid beyond the fees due now (PRC-73, SP-201).

    For the submit service (the fees are final then) or any change that lowers the fees:
    call it inside the caller's transaction. Returns the refunds made (none when nothing
    is overpaid); running it twice refunds nothing the second time.
    """
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        return _refund_excess(application=locked, on=on, actor=actor)


def event_refund(*, application: Application, event: fees.RefundEvent, on: date, actor=None) -> list[Refund]:
    """Pay back what the refund rules give back after ``event`` (PRC-21, PRC-71, SP-200, SP-202).

    The amount is ``fees.assess_refund``'s automatic part; what the rules hold for an
    officer's decision (a biometric fee, G-22) is not sent. Refunds go to the payer named
    on the receipt, else the applicant (PRC-73), newest payment first. Runs inside the
    caller's transaction; a second call for the same event refunds nothing more.
    """
    cause = RefundCause(event.value)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if Refund.objects.filter(application=locked, cause=cause).exists():
            return []
        paid = selectors.approved_payments(locked)
        if not paid.exists():
            return []
        latest = paid.last()
        assessment = fees.assess_refund(
            quote=selectors.quote_for(locked, on),
            event=event,
            proof=fees.ProofOfPayment.RECEIPT_ATTACHED,
            payer_name_on_receipt=latest.payer_name if latest else None,
        )
        left = assessment.refundable
        made: list[Refund] = []
        processor = gateway()
        # A receipt recorded from a paper application was not charged here: its refund is
        # assessed (the letter states it) and paid outside the portal.
        for payment in selectors.refundable_through_gateway(locked):
            amount = min(left, payment.amount - selectors.refunded_on(payment))
            if amount <= 0:
                continue
            if assessment.payee.recipient is fees.RefundRecipient.PAYER_ON_RECEIPT:
                recipient, name = RefundRecipient.PAYER_ON_RECEIPT, assessment.payee.name
            else:
                recipient, name = RefundRecipient.APPLICANT, selectors.applicant_name(locked)
            result = processor.refund(reference=payment.gateway_reference, amount=amount)
            made.append(
                Refund.objects.create(
                    payment=payment,
                    application=locked,
                    amount=amount,
                    cause=cause,
                    recipient=recipient,
                    recipient_name=name,
                    gateway_reference=result.reference,
                    reason=assessment.reasons[0].as_dict() if assessment.reasons else {},
                    actor=actor,
                )
            )
            left -= amount
            if left <= 0:
                break
        if made:
            logger.info("refund on %s after %s: %s", locked.number, event.value, sum(r.amount for r in made))
        return made


class ReceiptInvalid(PaymentError):
    """A payment receipt that cannot be recorded; ``errors`` maps each field to its messages."""

    def __init__(self, errors: dict[str, list]):
        super().__init__(", ".join(errors))
        self.errors = errors


def payment_record_receipt(
    *, actor, public_id, receipt_number: str, amount, paid_on: date | None, payer_name: str, today: date
) -> Payment:
    """Record the receipt of a fee paid online that came with a paper application (PRC-70).

    The fee of a paper PR card application is paid online and the receipt is sent with
    the forms (IMM 5445 — Step 3): the officer copies it here so that the fees are
    assessed as for an online application. One receipt number is recorded once, on one
    application. Raises ``ReceiptInvalid`` (nothing saved) for a missing or wrong entry.
    """
    from decimal import Decimal, InvalidOperation

    from django.utils.translation import gettext_lazy as _

    errors: dict[str, list] = {}
    number = " ".join((receipt_number or "").split()).upper()
    if not number:
        errors.setdefault("receipt_number", []).append(_("Enter the receipt number printed on the receipt."))
    elif len(number) > 20:
        errors.setdefault("receipt_number", []).append(_("A receipt number has at most 20 characters."))
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01")) if amount not in (None, "") else None
    except InvalidOperation:
        value = None
    if value is None or value <= 0:
        errors.setdefault("amount", []).append(_("Enter the amount paid, in dollars, as on the receipt."))
    if paid_on is None:
        errors.setdefault("paid_on", []).append(_("Enter the date of payment printed on the receipt."))
    elif paid_on > today:
        errors.setdefault("paid_on", []).append(_("The date of payment cannot be in the future."))
    with transaction.atomic():
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        if not application.on_paper:
            raise Http404
        if application.status not in EDITABLE:
            raise ApplicationSubmitted
        if number and Payment.objects.filter(receipt_number=number).exists():
            errors.setdefault("receipt_number", []).append(
                _("This receipt number is already recorded: one payment counts for one application only.")
            )
        if errors:
            raise ReceiptInvalid(errors)
        return Payment.objects.create(
            application=application,
            made_by=actor,
            idempotency_key=f"receipt-{number}",
            status=PaymentStatus.APPROVED,
            amount=value,
            gateway=selectors.RECEIPT_RECORDED,
            sandbox=False,
            payer_name=" ".join((payer_name or "").split())[:200],
            receipt_number=number,
            fees_on=paid_on,
            quote=selectors.quote_as_data(selectors.quote_for(application, application.received_on), on=paid_on),
        )
