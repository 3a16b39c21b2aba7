"""The rules' assessment of a file, frozen at submission (issue 18)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from ..models import Application, Submission


class RulesAssessment(models.Model):
    """What ``evaluate(case)`` said of the file at the moment it was submitted, never changed.

    ``evaluation`` holds every finding (code, severity, citation, both languages), the
    details (checklist, fees, biometrics, medicals, eligibility figures) and the rules
    version, in the JSON form of ``submission.assessment.frozen_form``. The counts and the
    one-line summaries are read by the officers' queues without opening the JSON.
    """

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="rules_assessment")
    submission = models.OneToOneField(Submission, on_delete=models.PROTECT, related_name="rules_assessment")
    rules_version = models.CharField(max_length=40)
    evaluated_on = models.DateField()
    frozen_at = models.DateTimeField(default=timezone.now)
    evaluation = models.JSONField()
    blocking = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    officer_review = models.PositiveIntegerField(default=0)
    summary_en = models.CharField(max_length=300)
    summary_fr = models.CharField(max_length=300)

    def __str__(self) -> str:
        return f"{self.application} rules {self.rules_version}"

    def summary(self, language: str) -> str:
        return self.summary_fr if language.startswith("fr") else self.summary_en
