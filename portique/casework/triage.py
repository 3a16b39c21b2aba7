"""Triage: each submitted file labelled *routine* or *needs review*, with the reasons.

A label, never a decision: routine means only that an officer may move faster, and nothing
here refuses, recommends a refusal or approves (docs/triage.md). A file is routine when the
rules' assessment frozen at submission found nothing blocking, no warning and no point left
to an officer, and the file itself is not on paper, not drawn for quality assurance and has
no open request. Each program's triage is off until an administrator switches it on
(``triage_switch``, audited); while it is off its files carry no label at all.

The queues read everything in the page's one query: ``annotate_for_triage`` adds the file's
state as annotations and the assessment's counts come with ``select_related``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portique.accounts.choices import OfficerRole
from portique.applications.choices import Channel
from portique.applications.models import has_open_request
from portique.applications.submission.assessment import one_line
from portique.rules.programs import registry

from .models import QualityAssuranceSelection
from .triage_models import TriageSwitch, TriageSwitchChange

ROUTINE = "routine"
NEEDS_REVIEW = "review"

# Why a file needs review, in the order an officer would look.
NOT_ASSESSED = _("The rules' assessment was not kept at submission.")
BLOCKING = _("The rules found something blocking.")
WARNING = _("The rules found a warning.")
OFFICER_REVIEW = _("The rules leave a point to an officer.")
ON_PAPER = _("Filed on paper.")
QUALITY_ASSURANCE = _("Drawn for quality assurance.")
OPEN_REQUEST = _("A request to the applicant is open.")
REFERRED = _("Referred to an officer because the rules cannot decide it.")


class TriageError(Exception):
    pass


@dataclass(frozen=True)
class Label:
    routine: bool
    reasons: tuple[str, ...]

    @property
    def text(self) -> str:
        return str(_("Routine")) if self.routine else str(_("Needs review"))


# --- The switch -------------------------------------------------------------------------------


def triage_in_use() -> bool:
    """Is any program triaged? (The queues show the label and its filter only then.)"""
    return TriageSwitch.objects.filter(enabled=True).exists()


def is_administrator(user) -> bool:
    """An administrator of the portal (the role that manages officers), not an officer who decides."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or user.groups.filter(name=OfficerRole.ADMINISTRATOR).exists())
    )


def triage_switch(*, actor, program: str, enabled: bool, reason: str) -> TriageSwitch:
    """Turn a program's triage on or off. Administrators only; every change is recorded."""
    if not is_administrator(actor):
        raise PermissionDenied
    if program not in registry.codes():
        raise TriageError(_("Choose a program."))
    if not reason.strip():
        raise TriageError(_("Say why triage is switched on or off."))
    with transaction.atomic():
        switch = TriageSwitch.objects.select_for_update().filter(program=program).first()
        if switch is None:
            switch = TriageSwitch(program=program, changed_by=actor)
        elif switch.enabled == enabled:
            return switch
        switch.enabled = enabled
        switch.changed_by = actor
        switch.changed_at = timezone.now()
        switch.save()
        TriageSwitchChange.objects.create(
            program=program, enabled=enabled, actor=actor, reason=reason.strip()
        )
    return switch


# --- The label ----------------------------------------------------------------------------------


def _switched_on():
    return TriageSwitch.objects.filter(program=OuterRef("program"), enabled=True)


def annotate_for_triage(applications: QuerySet) -> QuerySet:
    """The file's state that triage reads, without a query per file."""
    return (
        applications.select_related("rules_assessment")
        .defer("rules_assessment__evaluation")
        .annotate(
            triage_quality_assurance=Exists(
                QualityAssuranceSelection.objects.filter(application=OuterRef("pk"))
            ),
            triage_open_request=ExpressionWrapper(has_open_request(), output_field=BooleanField()),
            triage_on=Exists(_switched_on()),
        )
    )


def referred_programs() -> tuple[str, ...]:
    """The programs the rules decide themselves at submission (the eTA, ``docs/eta.md``).

    A file of one of them reaches an officer only when the rules referred it because they cannot
    decide it, so it is never routine: what the rules refer is never decided in bulk either.
    """
    return tuple(definition.code for definition in registry.programs() if definition.assessed_by_the_rules)


def routine_q() -> Q:
    """The routine files, as a filter (the same conditions as ``label_of``)."""
    return (
        Q(
            Exists(_switched_on()),
            rules_assessment__blocking=0,
            rules_assessment__warnings=0,
            rules_assessment__officer_review=0,
        )
        & ~Q(channel=Channel.PAPER)
        & ~Q(program__in=referred_programs())
        & ~Exists(QualityAssuranceSelection.objects.filter(application=OuterRef("pk")))
        & ~has_open_request()
    )


def needs_review_q() -> Q:
    return Q(Exists(_switched_on())) & ~routine_q()


def label_of(application) -> Label | None:
    """``application`` as annotated by ``annotate_for_triage``; ``None`` when its program is not triaged."""
    if not application.triage_on:
        return None
    reasons = []
    assessment = getattr(application, "rules_assessment", None)
    if assessment is None:
        reasons.append(NOT_ASSESSED)
    else:
        if assessment.blocking:
            reasons.append(BLOCKING)
        if assessment.warnings:
            reasons.append(WARNING)
        if assessment.officer_review:
            reasons.append(OFFICER_REVIEW)
    if application.program in referred_programs():
        reasons.append(REFERRED)
    if application.on_paper:
        reasons.append(ON_PAPER)
    if application.triage_quality_assurance:
        reasons.append(QUALITY_ASSURANCE)
    if application.triage_open_request:
        reasons.append(OPEN_REQUEST)
    return Label(routine=not reasons, reasons=tuple(str(reason) for reason in reasons))


def label_file(application) -> Label | None:
    """The label of one file (its own few queries): for the file page."""
    from portique.applications.models import Application

    annotated = annotate_for_triage(Application.objects.filter(pk=application.pk)).first()
    return label_of(annotated) if annotated else None


def rules_summary(application) -> str:
    """The rules' one line for a queue row: their verdict, and the most serious finding."""
    assessment = getattr(application, "rules_assessment", None)
    if assessment is None:
        return ""
    verdict = one_line(
        blocking=assessment.blocking, warnings=assessment.warnings, officer_review=assessment.officer_review
    )
    lead = assessment.summary(translation.get_language() or "en")
    return f"{verdict} {lead}".strip() if lead else verdict
