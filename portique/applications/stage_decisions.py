"""How long each decided file waited at each stage: written when the decision is recorded.

When to expect a decision (``casework.selectors.recent_decisions``) reads the most recent
decided files of one program at one stage. Reading that from the status history means
joining every recent decision to its file to learn the program, a few thousand lookups per
figure on a large history; so the decision itself writes, for each stage the file went
through, one ``StageDecision`` row (program, stage, reached, decided), and the figure reads
at most 500 of them through one index. The row follows from the history alone: the data
migration that created the table filled it from the history already there.
"""

from __future__ import annotations

from datetime import datetime

from .choices import Status
from .models import Application, StatusChange
from .stage_decision_models import StageDecision

# A decision of the office: a return or a withdrawal is not one.
DECIDED = frozenset({Status.APPROVED, Status.REFUSED})
# The stages a file waits in for a decision.
STAGES = (Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROCESSING)


def stage_decisions_record(*, application: Application, decided_at: datetime) -> list[StageDecision]:
    """One row per stage the file reached before ``decided_at`` (the latest entry into each).
    A retry writes nothing twice (one row per file and stage)."""
    reached: dict[str, datetime] = {}
    for status, at in (
        StatusChange.objects.filter(application=application, to_status__in=STAGES, at__lte=decided_at)
        .order_by("at", "id")
        .values_list("to_status", "at")
    ):
        reached[status] = at
    rows = [
        StageDecision(
            application=application, program=application.program, stage=stage, reached_at=at, decided_at=decided_at
        )
        for stage, at in reached.items()
    ]
    return StageDecision.objects.bulk_create(rows, ignore_conflicts=True)
