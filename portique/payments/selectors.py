"""Reading payments: the rules' quote for an application, what is paid, what is left.

``balance_for`` is what the submit gate asks ("is anything still owed?"); ``quote_for``
is the one place where an application's rows become the inputs of
``portique.rules.fees``. No amount is written here: every number comes from the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Sum

from portique.applications.choices import PersonRole
from portique.applications.models import Application
from portique.core.request_memo import remember
from portique.rules import fees
from portique.rules.case import CasePayment
from portique.rules.reasons import Reason

from .choices import PaymentStatus
from .models import Payment, Refund

ZERO = Decimal("0.00")


def quote_for(application: Application, on: date) -> fees.FeeQuote:
    """The rules' fee quote for ``application``, for an application made on ``on``."""
    # The program's own quote, from the whole case (the same rows the rules evaluate): the
    # payments app never reads a form's answers.
    from portique.applications.case_builder import case_for

    on = application.application_date(on)
    return application.definition.fee_quote(case_for(application, application_date=on))


def _sum(queryset) -> Decimal:
    return queryset.aggregate(total=Sum("amount"))["total"] or ZERO


def paid_for(application: Application) -> Decimal:
    """What the applicant has paid and kept: approved payments less refunds."""
    charged = _sum(Payment.objects.filter(application=application, status=PaymentStatus.APPROVED))
    return charged - _sum(Refund.objects.filter(application=application))


def refunded_on(payment: Payment) -> Decimal:
    return _sum(payment.refunds.all())


def approved_payments(application: Application):
    return Payment.objects.filter(application=application, status=PaymentStatus.APPROVED).order_by("created_at", "id")


# A fee paid online outside Portique whose receipt came with a paper application: the
# portal did not charge it and cannot pay it back through its gateway.
RECEIPT_RECORDED = "receipt_recorded"


def refundable_through_gateway(application: Application):
    """The approved payments the portal charged, newest first (the excess is what the latest
    put over the fees): those a refund can go back to through the gateway."""
    return approved_payments(application).exclude(gateway=RECEIPT_RECORDED).order_by("-created_at", "-id")


def attempts_of(application: Application):
    return Payment.objects.filter(application=application).order_by("created_at", "id")


@dataclass(frozen=True)
class Balance:
    """An application's fees against what was paid, as the rules assess it.

    ``outstanding`` is what must still be paid before the application can be submitted;
    ``excess`` is what the rules say is refunded automatically (to ``assessment.refund_to``).
    """

    quote: fees.FeeQuote
    paid: Decimal
    outstanding: Decimal
    excess: Decimal
    assessment: fees.PaymentAssessment

    @property
    def settled(self) -> bool:
        return self.outstanding <= 0

    @property
    def blocks_submission(self) -> bool:
        return not self.settled

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Bilingual, cited: why submission is blocked, or that the fees are paid."""
        return self.assessment.reasons


def balance_for(application: Application, on: date) -> Balance:
    """The fees due now for ``application`` (made on ``on``), what is paid, what is left.

    The submit gate refuses submission while ``balance.blocks_submission``, showing
    ``balance.reasons`` (PAYMENT_MISSING or PAYMENT_INSUFFICIENT: IRPR 10(1)(d), 12).
    Worked out once per request (core.request_memo): the application page, the submit gate
    and the fees page each ask for it.
    """
    if application.pk is None:
        return _balance_for(application, on)
    key = ("fee balance", application.pk, application.version, application.application_date(on))
    return remember(key, lambda: _balance_for(application, on))


@dataclass(frozen=True)
class _Kept:
    """The approved payments (oldest first) and what was refunded of each: the rows the
    fee balance and the rules' Case both read, once per request (core.request_memo)."""

    approved: tuple[Payment, ...]
    refunded: dict[int, Decimal]

    @property
    def paid(self) -> Decimal:
        # What paid_for asks SQL: the approved payments less every refund.
        return sum((payment.amount for payment in self.approved), ZERO) - sum(self.refunded.values(), ZERO)


def _kept(application: Application) -> _Kept:
    def read() -> _Kept:
        refunded = {
            row["payment"]: row["total"]
            for row in Refund.objects.filter(application=application).values("payment").annotate(total=Sum("amount"))
        }
        return _Kept(approved=tuple(approved_payments(application)), refunded=refunded)

    if application.pk is None:
        return read()
    return remember(("payments kept", application.pk, application.version), read)


def _balance_for(application: Application, on: date) -> Balance:
    quote = quote_for(application, on)
    kept = _kept(application)
    paid = kept.paid
    latest = kept.approved[-1] if kept.approved else None
    assessment = fees.assess_payment(
        quote=quote,
        amount_paid=paid,
        method=fees.PaymentMethod.ONLINE,
        # The receipt Portique issues is part of the application (its "fee receipt").
        proof=fees.ProofOfPayment.RECEIPT_ATTACHED,
        payer_name_on_receipt=latest.payer_name if latest else None,
    )
    return Balance(
        quote=quote,
        paid=paid,
        outstanding=max(quote.due_now - paid, ZERO),
        excess=assessment.excess,
        assessment=assessment,
    )


def applicant_name(application: Application) -> str:
    """The principal applicant's name as on the form, else the account holder's (or, on paper, the name taken in)."""
    principal = application.people.filter(role=PersonRole.PRINCIPAL_APPLICANT).first()
    if principal is not None:
        from portique.applications.people.selectors import person_name

        name = person_name(principal, application.definition).strip()
        if name:
            return name
    from portique.applications.selectors import correspondent_of

    return correspondent_of(application).name


def case_payments(application: Application) -> tuple[CasePayment, ...]:
    """The application's payments as the rules' ``Case`` carries them."""
    kept = _kept(application)
    return tuple(
        CasePayment(
            amount=payment.amount - kept.refunded.get(payment.pk, ZERO),
            method="online",
            payer_name=payment.payer_name or None,
            receipt_uploaded=True,
        )
        for payment in kept.approved
    )


def approved_payments_kept(application: Application) -> tuple[Payment, ...]:
    """``approved_payments``, read once per request with the fee balance's and the rules' Case's
    (core.request_memo): the record kept with a submission lists them after both have read them."""
    return _kept(application).approved


def receipt_of(*, application: Application, receipt_number: str) -> Payment:
    """An approved payment of ``application`` by its receipt number (DoesNotExist otherwise)."""
    return Payment.objects.select_related("application").get(
        application=application, receipt_number=receipt_number, status=PaymentStatus.APPROVED
    )


def quote_as_data(quote: fees.FeeQuote, *, on: date) -> dict[str, Any]:
    """The quote as JSON, kept on each payment so its receipt never changes."""
    return {
        "on": on.isoformat(),
        "guide": quote.guide.value,
        "lines": [
            {
                "code": line.code.value,
                "en": line.en,
                "fr": line.fr,
                "amount": str(line.amount),
                "citation": line.citation,
                "deferred": line.deferred,
            }
            for line in quote.lines
        ],
        "total": str(quote.total),
        "due_now": str(quote.due_now),
        "due_later": str(quote.due_later),
    }
