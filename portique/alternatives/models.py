"""Requests for an application kit in another format (paper, braille, large print).

Every row is written by ``portique.alternatives.services`` only. A request never holds
anything about a disability: the guides say the person does not have to describe it,
so the form does not ask.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import (
    Country,
    Delivery,
    EventKind,
    FormatChoice,
    KitChoice,
    KitLanguage,
    Province,
    RequestStatus,
)


def private_letter_name(instance, filename: str) -> str:
    """A name nobody can guess: covering letters are served only through the officers' view."""
    token = uuid.uuid4().hex
    return f"alternatives/{token[:2]}/{token}.pdf"


class KitRequest(models.Model):
    """One request for a PR-portal kit in another format (EX-32, EX-33), and how it was answered."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Given to the person as the number to quote; random, so it says nothing about volumes
    # and cannot be guessed from another one.
    reference = models.CharField(_("reference number"), max_length=20, unique=True)
    kit = models.CharField(_("application kit"), max_length=20, choices=KitChoice.choices)
    kit_format = models.CharField(_("format"), max_length=20, choices=FormatChoice.choices)
    kit_language = models.CharField(_("language of the kit"), max_length=2, choices=KitLanguage.choices)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)
    email = models.EmailField(_("e-mail address"), blank=True)
    address_line = models.CharField(_("street address or post office box"), max_length=200, blank=True)
    city = models.CharField(_("city or town"), max_length=100, blank=True)
    province = models.CharField(
        _("province or territory"), max_length=2, choices=Province.choices, blank=True
    )
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    country = models.CharField(_("country"), max_length=5, choices=Country.choices, blank=True)
    full_name = models.CharField(_("principal applicant's full name (as on the passport)"), max_length=200)
    sponsor_name = models.CharField(_("sponsor's full name"), max_length=200, blank=True)
    # The language the person used on the site: the acknowledgement and the covering
    # letter's first column are in it (the letter always carries both).
    language = models.CharField(max_length=2, choices=KitLanguage.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    received_at = models.DateTimeField(default=timezone.now)

    # What was sent, recorded by the officer who sent it.
    sent_on = models.DateField(_("date sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    sent_items = models.TextField(_("what was sent"), blank=True)
    tracking_number = models.CharField(_("tracking number"), max_length=60, blank=True)
    # The address the covering letter gives for the completed application (IRPR 11), as printed.
    submission_address = models.JSONField(default=dict, blank=True)
    covering_letter = models.FileField(upload_to=private_letter_name, max_length=200, blank=True)

    class Meta:
        ordering = ["received_at", "id"]
        verbose_name = _("alternative-format kit request")
        verbose_name_plural = _("alternative-format kit requests")
        indexes = [models.Index(fields=["status", "received_at"])]
        constraints = [
            # The database, not only the service, refuses a mail request without a Canadian
            # postal address, and a sent request without its record.
            models.CheckConstraint(
                condition=~models.Q(delivery=Delivery.MAIL)
                | (models.Q(country=Country.CANADA) & ~models.Q(postal_code="") & ~models.Q(province="")),
                name="kit_request_mail_to_canada",
            ),
            models.CheckConstraint(
                condition=~models.Q(delivery=Delivery.EMAIL) | ~models.Q(email=""),
                name="kit_request_email_delivery_has_email",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=RequestStatus.SENT)
                | (models.Q(sent_on__isnull=False) & models.Q(sent_by__isnull=False)),
                name="kit_request_sent_is_recorded",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def mailing_address_lines(self) -> list[str]:
        if self.delivery != Delivery.MAIL:
            return []
        return [
            self.full_name,
            self.address_line,
            f"{self.city} {self.province}  {self.postal_code}".strip(),
            "CANADA",
        ]


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("This history cannot be changed.")

    def delete(self):
        raise TypeError("This history cannot be deleted.")


class KitRequestEvent(models.Model):
    """The request's history: who did what, when, from which status to which, and why."""

    request = models.ForeignKey(KitRequest, on_delete=models.PROTECT, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=10, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=RequestStatus.choices, blank=True)
    # None for the person who made the request: they have no account.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    detail = models.TextField(blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("This history cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("This history cannot be deleted.")


class KitFollowUp(models.Model):
    """A paper application that follows a kit request: the officer gave the kit's reference at intake.

    Several applications may follow one kit (one returned as incomplete, then sent again);
    an application follows at most one kit.
    """

    kit_request = models.ForeignKey(KitRequest, on_delete=models.PROTECT, related_name="follow_ups")
    application = models.OneToOneField(
        "applications.Application", on_delete=models.PROTECT, related_name="kit_follow_up"
    )
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["linked_at", "id"]

    def __str__(self) -> str:
        return f"{self.kit_request} → {self.application}"
