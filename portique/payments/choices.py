from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portique.applications.choices import Status


class PaymentStatus(models.TextChoices):
    # Every attempt is kept: a declined one changes nothing else but is on record.
    APPROVED = "approved", pgettext_lazy("payment status", "Approved")
    DECLINED = "declined", pgettext_lazy("payment status", "Declined")


class DeclineReason(models.TextChoices):
    INSUFFICIENT_FUNDS = "insufficient_funds", _("Insufficient funds")
    EXPIRED_CARD = "expired_card", _("Expired card")
    GATEWAY_ERROR = "gateway_error", _("Payment service error")
    CARD_DECLINED = "card_declined", _("Card declined")


class CardBrand(models.TextChoices):
    # Credit cards, Visa Debit and Debit Mastercard (IMM 5445 — "Comment payer les frais").
    VISA = "visa", "Visa"
    MASTERCARD = "mastercard", "Mastercard"
    AMEX = "amex", "American Express"


class RefundRecipient(models.TextChoices):
    # portique.rules.fees.RefundRecipient (PRC-73): the payer named on the receipt, else the applicant.
    PAYER_ON_RECEIPT = "payer_on_receipt", _("Payer named on the receipt")
    APPLICANT = "applicant", _("Applicant")


class RefundCause(models.TextChoices):
    OVERPAYMENT = "overpayment", _("Overpayment")
    # What happened to the application, for the refund rules (portique.rules.fees.RefundEvent).
    REFUSED = "refused", _("Application refused")
    WITHDRAWN_BEFORE_PROCESSING = "withdrawn_before_processing", _("Returned or withdrawn before processing")
    WITHDRAWN_AFTER_PROCESSING_STARTED = "withdrawn_after_processing_started", _("Withdrawn after processing started")
    APPLICANT_IS_CITIZEN = "applicant_is_citizen", _("The applicant is a Canadian citizen")
    SPONSOR_WITHDRAWS_NOT_ELIGIBLE = "sponsor_withdraws_not_eligible", _("Sponsor not eligible, sponsorship withdrawn")
    PERMANENT_RESIDENCE_NOT_OBTAINED = "permanent_residence_not_obtained", _("Permanent residence not obtained")


# Fees can be paid while the application is being prepared or processed, not once it is closed.
CLOSED = frozenset({Status.RETURNED, Status.APPROVED, Status.REFUSED, Status.WITHDRAWN})
