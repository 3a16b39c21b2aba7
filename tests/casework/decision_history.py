"""A seeded history of decided files, with known durations (when to expect a decision)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from portique.applications.choices import Status
from portique.applications.models import Application, StatusChange
from portique.applications.stage_decisions import DECIDED, stage_decisions_record


def at_noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def decided_files(
    owner,
    *,
    days: list[int],
    decided_on: date,
    program: str = "pr_card",
    stage: str = Status.IN_PROCESSING,
    outcome: str = Status.APPROVED,
) -> list[Application]:
    """One file per entry of ``days``: it reached ``stage`` that many days before ``decided_on``
    and was decided then (``outcome``). The stages before ``stage`` come a day apart before it."""
    path = [Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROCESSING]
    before = path[: path.index(stage) + 1]
    files = []
    for waited in days:
        reached = decided_on - timedelta(days=waited)
        application = Application.objects.create(
            program=program, owner=owner, status=outcome, submitted_at=at_noon(reached)
        )
        steps = [
            (status, reached - timedelta(days=len(before) - 1 - position)) for position, status in enumerate(before)
        ] + [(outcome, decided_on)]
        previous = Status.SIGNED
        for status, day in steps:
            change = StatusChange.objects.create(application=application, from_status=previous, to_status=status)
            StatusChange.objects.filter(pk=change.pk).update(at=at_noon(day))
            previous = status
        if outcome in DECIDED:
            # What the decision writes (``applications.services.transition``).
            stage_decisions_record(application=application, decided_at=at_noon(decided_on))
        files.append(application)
    return files
