import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portique.applications.models import Application

from .choices import CardBrand, DeclineReason, PaymentStatus, RefundCause, RefundRecipient


class Payment(models.Model):
    """One attempt to pay an application's fees, approved or declined. Rows are never changed.

    ``idempotency_key`` comes from the payment page (one per page view): a retried or
    double-clicked request finds the row of the first one and gets its result back, so a
    card is never charged twice. Only the brand and the last four digits of the card are
    kept: never the full number, never the security code.

    ``quote`` is the rules' quote as it stood when the payment was made (lines, totals,
    the amount already paid), so a receipt reads the same after the fees change.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="payments")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=64)
    status = models.CharField(_("status"), max_length=20, choices=PaymentStatus.choices)
    decline_reason = models.CharField(max_length=30, choices=DeclineReason.choices, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    gateway = models.CharField(max_length=30)
    sandbox = models.BooleanField(default=True)
    gateway_reference = models.CharField(max_length=64, blank=True)
    card_brand = models.CharField(max_length=20, choices=CardBrand.choices)
    card_last4 = models.CharField(max_length=4)
    payer_name = models.CharField(_("payer name"), max_length=200, blank=True)
    receipt_number = models.CharField(_("receipt number"), max_length=20, unique=True, null=True, blank=True)
    fees_on = models.DateField()
    quote = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            # The database, not only the code, refuses a second payment for one page view.
            models.UniqueConstraint(fields=["idempotency_key"], name="one_payment_per_idempotency_key"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payment_amount_positive"),
        ]
        indexes = [models.Index(fields=["application", "status"])]

    def __str__(self) -> str:
        return self.receipt_number or f"{self.application} {self.status} {self.amount}"

    @property
    def approved(self) -> bool:
        return self.status == PaymentStatus.APPROVED


class Refund(models.Model):
    """Money sent back on an approved payment (an overpayment), to whom the rules say."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="refunds")
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    cause = models.CharField(max_length=40, choices=RefundCause.choices)
    recipient = models.CharField(max_length=20, choices=RefundRecipient.choices)
    recipient_name = models.CharField(max_length=200)
    gateway_reference = models.CharField(max_length=64)
    # The rules' reason (code, both messages, citation) for the refund and its recipient.
    reason = models.JSONField(default=dict)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive")]

    def __str__(self) -> str:
        return f"{self.payment} refund {self.amount} to {self.recipient_name}"


class SandboxTransaction(models.Model):
    """The sandbox gateway's own ledger: what a real gateway would keep on its side.

    It lets the sandbox answer a repeated idempotency key with its first answer, as real
    gateways do, and lets tests count what was actually "charged" to a card.
    """

    class Kind(models.TextChoices):
        CHARGE = "charge"
        REFUND = "refund"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    reference = models.CharField(max_length=64, unique=True)
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    approved = models.BooleanField()
    decline_reason = models.CharField(max_length=30, blank=True)
    card_last4 = models.CharField(max_length=4, blank=True)
    charge = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="refunds")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"sandbox {self.kind} {self.reference} {self.amount}"
