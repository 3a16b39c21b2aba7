"""One decided file's wait at one stage (``stage_decisions``: when to expect a decision)."""

from __future__ import annotations

from django.db import models

from .models import Application


class StageDecision(models.Model):
    """A decided file of ``program`` reached ``stage`` at ``reached_at`` and was decided at ``decided_at``.

    Written with the decision (``services.transition``), never changed: the history says the
    same, this row only keeps the figure's read to one index range.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="+")
    program = models.CharField(max_length=40)
    stage = models.CharField(max_length=20)
    reached_at = models.DateTimeField()
    decided_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["application", "stage"], name="one_wait_per_file_and_stage")]
        indexes = [
            # The figure's read: one program, one stage, newest decisions first, 500 at most.
            models.Index(fields=["program", "stage", "-decided_at"], name="stage_decision_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.stage}: {self.reached_at:%Y-%m-%d} → {self.decided_at:%Y-%m-%d}"
