"""Triage's switch, per program, and the record of each time an administrator moved it (issue 18)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TriageSwitch(models.Model):
    """Whether the officers' queues label a program's files routine or needing review.

    Off by default: a program without a row is not triaged. Only ``triage.triage_switch``
    writes it, with a ``TriageSwitchChange`` each time.
    """

    program = models.CharField(_("program"), max_length=40, unique=True)
    enabled = models.BooleanField(_("triage on"), default=False)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("triage switch")
        verbose_name_plural = _("triage switches")

    def __str__(self) -> str:
        return f"{self.program}: {'on' if self.enabled else 'off'}"


class TriageSwitchChange(models.Model):
    """Append-only: who turned a program's triage on or off, when and why."""

    program = models.CharField(max_length=40)
    enabled = models.BooleanField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.program} {'on' if self.enabled else 'off'} at {self.at:%Y-%m-%d %H:%M}"
