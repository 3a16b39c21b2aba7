"""The sponsor's eligibility answers before the sponsorship starts: kept per account and
program (``SponsorEligibilityAnswers``), read only by their owner, written only here.

The application takes them when it starts (``services.sponsorship_screen_and_start``), which
deletes them in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from .eligibility_models import SponsorEligibilityAnswers


def eligibility_answers_of(*, actor, program: str) -> dict[str, Any]:
    """The answers ``actor`` has given so far for ``program`` (none for anyone else's)."""
    if not getattr(actor, "is_authenticated", False):
        return {}
    kept = SponsorEligibilityAnswers.objects.filter(account=actor, program=program).first()
    return dict(kept.answers) if kept is not None else {}


@transaction.atomic
def eligibility_answers_save(*, actor, program: str, answers: dict[str, Any]) -> None:
    """Keep ``actor``'s answers for ``program`` (replacing the earlier ones)."""
    SponsorEligibilityAnswers.objects.update_or_create(
        account=actor, program=program, defaults={"answers": answers, "updated_at": timezone.now()}
    )


def eligibility_answers_clear(*, actor, program: str) -> None:
    """Forget ``actor``'s answers for ``program`` (the application has taken them)."""
    SponsorEligibilityAnswers.objects.filter(account=actor, program=program).delete()
