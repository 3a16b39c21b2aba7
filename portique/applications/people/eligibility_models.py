"""The sponsor's eligibility answers given before the sponsorship starts (issue 14: nothing is lost).

A sponsor answers the eligibility questions a page at a time before any application exists;
the answers are kept here, per account and program, so that signing out or a session that
expires loses nothing. Written only by ``people.eligibility``; read only by their owner; taken
into the application (and deleted) when it starts.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SponsorEligibilityAnswers(models.Model):
    """One account's answers so far to one sponsorship program's eligibility questions."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sponsor_eligibility_answers"
    )
    program = models.CharField(_("program"), max_length=40)
    # By page group, as the application will hold them: "sponsor", "history", "application", "question_1".
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["account", "program"], name="one_eligibility_answers_per_program")
        ]
        verbose_name = _("sponsor's eligibility answers")
        verbose_name_plural = _("sponsor's eligibility answers")

    def __str__(self) -> str:
        return f"{self.account_id}: {self.program}"
