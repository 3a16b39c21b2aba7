"""Whether a submitted file is urgent, and every change of it: who, when, why (issue 15).

``Application.urgent`` is the flag the officers' queues sort on; ``UrgencyChange`` is the
append-only record of each change, by the applicant, their representative or an officer.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Application


class UrgencyChange(models.Model):
    """One change of the urgent flag: the new value, who made it, when, and the reason given."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="urgency_changes")
    urgent = models.BooleanField(_("urgent"))
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # An officer's change: the applicant reads it as the office's, without the officer's name.
    by_office = models.BooleanField(default=False)
    # Set at submission from the application's own answers (the PR card's "Is your application
    # urgent?"): the rules' outcome of that request, which the reason shown is written from, in the
    # reader's language. Empty for a change someone made with a reason of their own.
    asked_in_application = models.CharField(max_length=40, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["application", "-at"])]
        verbose_name = _("change of the urgent flag")
        verbose_name_plural = _("changes of the urgent flag")

    def __str__(self) -> str:
        return f"{self.application}: {'urgent' if self.urgent else 'not urgent'}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("A change of the urgent flag cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("A change of the urgent flag cannot be deleted.")

    @property
    def shown_reason(self):
        """The reason as people read it: the one given, or, for a flag the application's own answers
        set, what the rules found of the request, in the page's language."""
        if self.reason or not self.asked_in_application:
            return self.reason
        from .urgency import application_request_reason

        return application_request_reason(self.asked_in_application)
