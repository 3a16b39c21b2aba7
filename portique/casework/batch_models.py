"""Files decided together, and letters made by the task workers (issue 18).

A ``Batch`` is one officer's confirmation over several routine files: accepted from the
screening queue or approved from the decision-maker's page. Each file still gets its own
decision through its own service; the batch only remembers what was asked, what was done and
what was left out (with the reason, in both languages), so that a second post of the same
confirmation decides nothing twice and the supervisor's figures can count bulk work.

A ``LetterRendering`` is a letter whose row was written with its decision but whose PDFs are
made afterwards by a task worker (``casework.letter_tasks``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.models import Application

from .models import Decision, Letter


class BatchKind(models.TextChoices):
    ACCEPT = "accept", _("Accepted together")
    APPROVE = "approve", _("Approved together")


class Batch(models.Model):
    # The key the confirmation page carries: a second post with it finds this batch.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=10, choices=BatchKind.choices)
    program = models.CharField(max_length=40, blank=True)
    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("view_triage_figures", "Can read the triage and bulk-decision figures")]

    def __str__(self) -> str:
        return f"{self.kind} batch {self.public_id}"


class BatchFile(models.Model):
    """One file of a batch: decided (``done``) or left out, with why in each language."""

    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="files")
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="+")
    done = models.BooleanField(default=False)
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    left_out_en = models.TextField(blank=True)
    left_out_fr = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "application"], name="one_row_per_file_per_batch")
        ]

    def __str__(self) -> str:
        return f"{self.batch_id} {self.application_id} {'done' if self.done else 'left out'}"

    def left_out(self, language: str) -> str:
        return self.left_out_fr if language.startswith("fr") else self.left_out_en


class RenderingState(models.TextChoices):
    WAITING = "waiting", _("Being prepared")
    MADE = "made", _("Ready")
    FAILED = "failed", _("Could not be made")


class LetterRendering(models.Model):
    """A letter made by a task worker: what it needs besides the letter row, and where it stands.

    The task locks this row and makes the PDFs only while it is not ``made``: a retried or
    repeated task never makes the letter twice.
    """

    letter = models.OneToOneField(Letter, on_delete=models.PROTECT, related_name="rendering")
    # The date the letter bears (the decision's day), not the day the worker made it.
    dated_on = models.DateField()
    state = models.CharField(max_length=10, choices=RenderingState.choices, default=RenderingState.WAITING)
    attempts = models.PositiveIntegerField(default=0)
    # The last failure, for the officers (never shown to the applicant).
    error = models.TextField(blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["state"])]

    def __str__(self) -> str:
        return f"{self.letter_id} {self.state}"
