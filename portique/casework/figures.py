"""The supervisor's figures of triage and bulk decisions, per program (issue 18; docs/triage.md).

The Algorithmic Impact Assessment asks who watches the system: these are the figures it names,
for the files submitted in a window (a cohort, so that every figure is about the same files):

- how many the rules found routine at submission, and how many needed review;
- how many were accepted or approved in a batch, and how many a batch left out;
- the share drawn for quality assurance, reviewed individually with an interview;
- how often officers disagreed with the rules: a routine file returned, sent a request or
  refused; a file where an officer overrode a finding of the rules or added one they missed.

Read-only: counted from the rows the services wrote, nothing is stored for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import get_language

from portique.applications.choices import Channel
from portique.applications.models import Application
from portique.rules.programs import registry

from .batch_models import BatchFile, BatchKind
from .choices import DecisionOutcome, FindingSource, ScreeningOutcome, Verdict
from .models import Decision, DocumentRequest, Finding, QualityAssuranceSelection, Screening
from .triage_models import TriageSwitch

WINDOWS = (30, 90, 365)
DEFAULT_WINDOW = 90


@dataclass(frozen=True)
class ProgramFigures:
    program: str
    name: str
    triage_on: bool
    submitted: int
    routine: int
    needs_review: int
    not_assessed: int
    accepted: int
    bulk_accepted: int
    approved: int
    bulk_approved: int
    left_out: int
    quality_assurance: int
    routine_returned: int
    routine_requested: int
    routine_refused: int
    finding_overridden: int
    finding_added: int
    disagreed: int
    screened: int

    @property
    def quality_assurance_share(self) -> Decimal | None:
        return _percent(self.quality_assurance, self.accepted)

    @property
    def disagreement_rate(self) -> Decimal | None:
        return _percent(self.disagreed, self.screened)

    @property
    def routine_share(self) -> Decimal | None:
        return _percent(self.routine, self.submitted)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def window_of(days: int, *, today: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(today - timedelta(days=days - 1), time.min))
    end = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    return start, end


def _in_batch(kind: str):
    return BatchFile.objects.filter(application=OuterRef("pk"), done=True, batch__kind=kind)


def figures(*, days: int, today: date) -> list[ProgramFigures]:
    """Each program's figures for the files submitted in the last ``days`` days (through ``today``)."""
    start, end = window_of(days, today=today)
    triaged = set(TriageSwitch.objects.filter(enabled=True).values_list("program", flat=True))
    clean = Q(
        rules_assessment__blocking=0, rules_assessment__warnings=0, rules_assessment__officer_review=0
    ) & ~Q(channel=Channel.PAPER)
    cohort = Application.objects.filter(submitted_at__gte=start, submitted_at__lt=end).annotate(
        was_accepted=Exists(
            Screening.objects.filter(application=OuterRef("pk"), outcome=ScreeningOutcome.ACCEPTED)
        ),
        was_returned=Exists(
            Screening.objects.filter(application=OuterRef("pk"), outcome=ScreeningOutcome.RETURNED)
        ),
        was_requested=Exists(DocumentRequest.objects.filter(application=OuterRef("pk"))),
        was_approved=Exists(
            Decision.objects.filter(application=OuterRef("pk"), outcome=DecisionOutcome.APPROVED)
        ),
        was_refused=Exists(Decision.objects.filter(application=OuterRef("pk"), outcome=DecisionOutcome.REFUSED)),
        drawn=Exists(QualityAssuranceSelection.objects.filter(application=OuterRef("pk"))),
        bulk_accepted=Exists(_in_batch(BatchKind.ACCEPT)),
        bulk_approved=Exists(_in_batch(BatchKind.APPROVE)),
        left_out=Exists(BatchFile.objects.filter(application=OuterRef("pk"), done=False)),
        overridden=Exists(
            Finding.objects.filter(
                screening__application=OuterRef("pk"), source=FindingSource.RULES, verdict=Verdict.OVERRIDDEN
            )
        ),
        added=Exists(Finding.objects.filter(screening__application=OuterRef("pk"), source=FindingSource.OFFICER)),
        screened=Exists(Screening.objects.filter(application=OuterRef("pk")).exclude(outcome="")),
    )
    routine = clean
    disagreed = (
        (routine & (Q(was_returned=True) | Q(was_requested=True) | Q(was_refused=True)))
        | Q(overridden=True)
        | Q(added=True)
    )
    rows = {
        row["program"]: row
        for row in cohort.values("program").annotate(
            submitted=Count("pk"),
            routine=Count("pk", filter=routine),
            not_assessed=Count("pk", filter=Q(rules_assessment__isnull=True)),
            accepted=Count("pk", filter=Q(was_accepted=True)),
            bulk_accepted_n=Count("pk", filter=Q(bulk_accepted=True)),
            approved=Count("pk", filter=Q(was_approved=True)),
            bulk_approved_n=Count("pk", filter=Q(bulk_approved=True)),
            left_out_n=Count("pk", filter=Q(left_out=True)),
            quality_assurance=Count("pk", filter=Q(drawn=True)),
            routine_returned=Count("pk", filter=routine & Q(was_returned=True)),
            routine_requested=Count("pk", filter=routine & Q(was_requested=True)),
            routine_refused=Count("pk", filter=routine & Q(was_refused=True)),
            finding_overridden=Count("pk", filter=Q(overridden=True)),
            finding_added=Count("pk", filter=Q(added=True)),
            disagreed=Count("pk", filter=Q(screened=True) & disagreed),
            screened_n=Count("pk", filter=Q(screened=True)),
        )
    }
    language = (get_language() or "en")[:2]
    found = []
    for program in registry.codes():
        row = rows.get(program)
        if row is None and program not in triaged:
            continue
        row = row or {}
        submitted = row.get("submitted", 0)
        found.append(
            ProgramFigures(
                program=program,
                name=registry.program(program).name(language),
                triage_on=program in triaged,
                submitted=submitted,
                routine=row.get("routine", 0),
                needs_review=submitted - row.get("routine", 0),
                not_assessed=row.get("not_assessed", 0),
                accepted=row.get("accepted", 0),
                bulk_accepted=row.get("bulk_accepted_n", 0),
                approved=row.get("approved", 0),
                bulk_approved=row.get("bulk_approved_n", 0),
                left_out=row.get("left_out_n", 0),
                quality_assurance=row.get("quality_assurance", 0),
                routine_returned=row.get("routine_returned", 0),
                routine_requested=row.get("routine_requested", 0),
                routine_refused=row.get("routine_refused", 0),
                finding_overridden=row.get("finding_overridden", 0),
                finding_added=row.get("finding_added", 0),
                disagreed=row.get("disagreed", 0),
                screened=row.get("screened_n", 0),
            )
        )
    return found
