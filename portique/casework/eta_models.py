"""The issued eTA and its cancellation (IRPR 12.04–12.07).

An eTA is issued by the rules at submission, or by an officer's approval when the rules
referred the application; it is linked to the passport it was issued for. Its validity is
never stored: the rules compute it from these records on the day it is asked
(``casework.eta.eta_status``), so a new eTA for the same passport or a cancellation ends it
on its own date (IRPR 12.05(1)(b), (c)).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.models import Application

from .choices import EtaCancellationGround


class IssuedEta(models.Model):
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="issued_eta")
    passport_number = models.CharField(max_length=30)
    passport_country = models.CharField(max_length=2)
    passport_expiry = models.DateField()
    issued_on = models.DateField()
    issued_at = models.DateTimeField(default=timezone.now)
    # None: issued by the rules at submission, with no officer (IRPR 12.04; docs/eta.md).
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # IRPR 12.05(1)(c): a new eTA issued for the same passport ends this one on its day.
    replaced_on = models.DateField(null=True, blank=True)
    replaced_by = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="replaces"
    )

    class Meta:
        verbose_name = _("issued eTA")
        verbose_name_plural = _("issued eTAs")
        indexes = [models.Index(fields=["passport_country", "passport_number"])]

    def __str__(self) -> str:
        return f"{self.application} eTA"


class EtaCancellation(models.Model):
    """An officer's cancellation under IRPR 12.07: who, when, on which ground and why, with its letter."""

    eta = models.OneToOneField(IssuedEta, on_delete=models.PROTECT, related_name="cancellation")
    cancelled_on = models.DateField()
    ground = models.CharField(max_length=40, choices=EtaCancellationGround.choices)
    # The day the 12.06 event happened (blank for inadmissibility).
    event_on = models.DateField(null=True, blank=True)
    reasons = models.TextField()
    letter = models.ForeignKey("casework.Letter", on_delete=models.PROTECT, related_name="+")
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    cancelled_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("eTA cancellation")
        verbose_name_plural = _("eTA cancellations")

    def __str__(self) -> str:
        return f"{self.eta} cancelled"
