"""Completeness screening (IRPR 10) and its outcome: return (IRPR 12) or acknowledgement, with the
quality-assurance draw."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import Status
from portique.applications.models import Application
from portique.applications.services import application_transition, submission_blockers
from portique.rules import fees

from .. import grounds
from ..choices import (
    EventKind,
    FindingSource,
    LetterKind,
    ScreeningOutcome,
    Verdict,
)
from ..models import (
    Finding,
    Letter,
    QualityAssuranceSelection,
    Screening,
)
from . import common
from .common import (
    DEFAULT_QA_SHARE,
    SCREEN,
    CaseworkError,
)

# --- Screening (IRPR 10, 12) ------------------------------------------------------------------


def screening_run(*, application: Application) -> Screening:
    """Ask the rules whether a submitted application is complete, once.

    The findings are what keeps an application from being submitted (the same gate as
    the applicant's Submit button: answers, documents, fees and signature), evaluated on
    the application date. Running it again returns the first screening.
    """
    existing = Screening.objects.filter(application=application).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        existing = Screening.objects.filter(application=locked).first()
        if existing is not None:
            return existing
        if locked.status != Status.SUBMITTED:
            raise common.wrong_stage(locked)
        on = common.application_date(locked)
        found = submission_blockers(application=locked, on=on)
        screening = Screening.objects.create(application=locked, screened_on=on)
        for reason in found:
            Finding.objects.create(
                screening=screening,
                source=FindingSource.RULES,
                code=reason.code,
                rule=reason.rule,
                citation=reason.citation,
                en=reason.en,
                fr=reason.fr,
                subject=reason.subject or "",
            )
        common.record_event(
            application=locked,
            kind=EventKind.SCREENED,
            actor=None,
            detail=", ".join(reason.code for reason in found) or "no finding",
        )
    return screening


def _screening_of(application: Application) -> Screening:
    screening = Screening.objects.select_for_update().filter(application=application).first()
    if screening is None:
        raise CaseworkError.at("", _("This application has not been screened yet: open its screening first."))
    return screening


def finding_judge(*, actor, public_id, finding_id, verdict: str, reason: str = "") -> Finding:
    """Confirm a finding, or override it with a reason (the officer disagrees with the rules)."""
    common.require(actor, SCREEN)
    if verdict not in (Verdict.CONFIRMED, Verdict.OVERRIDDEN):
        raise CaseworkError.at("verdict", _("Choose whether you confirm or override this finding."))
    reason = (reason or "").strip()
    if verdict == Verdict.OVERRIDDEN and not reason:
        raise CaseworkError.at("reason", _("Say why you override this finding."))
    with transaction.atomic():
        application = common.locked_case(public_id=public_id, at=(Status.SUBMITTED,))
        screening = _screening_of(application)
        finding = screening.findings.select_for_update().filter(public_id=finding_id).first()
        if finding is None:
            raise Http404
        finding.verdict = verdict
        finding.verdict_reason = reason
        finding.verdict_by = actor
        finding.verdict_at = timezone.now()
        finding.save(update_fields=["verdict", "verdict_reason", "verdict_by", "verdict_at"])
        kind = EventKind.FINDING_CONFIRMED if verdict == Verdict.CONFIRMED else EventKind.FINDING_OVERRIDDEN
        common.record_event(
            application=application, kind=kind, actor=actor, detail=f"{finding.code}: {reason}".rstrip(": ")
        )
    return finding


def finding_add(*, actor, public_id, ground: str, detail: str) -> Finding:
    """Add a missing item the rules could not see, on one of the grounds of ``grounds.GROUNDS``."""
    common.require(actor, SCREEN)
    found = grounds.BY_CODE.get(ground)
    if found is None:
        raise CaseworkError.at("ground", _("Choose what is missing."))
    detail = common.required_text(detail, "detail", _("Say which item is missing or what is wrong with it."))
    with transaction.atomic():
        application = common.locked_case(public_id=public_id, at=(Status.SUBMITTED,))
        screening = _screening_of(application)
        finding = Finding.objects.create(
            screening=screening,
            source=FindingSource.OFFICER,
            code=found.code,
            rule=found.rule,
            citation=found.citation,
            en=found.en,
            fr=found.fr,
            detail=detail,
            # The officer who adds an item confirms it by adding it.
            verdict=Verdict.CONFIRMED,
            verdict_by=actor,
            verdict_at=timezone.now(),
            added_by=actor,
        )
        common.record_event(
            application=application,
            kind=EventKind.FINDING_ADDED,
            actor=actor,
            detail=f"{found.code}: {detail}",
        )
    return finding


def _judged(screening: Screening) -> tuple[list[Finding], list[Finding]]:
    findings = list(screening.findings.all())
    if any(finding.verdict == Verdict.PENDING for finding in findings):
        raise CaseworkError.at("", _("Confirm or override every finding first."))
    confirmed = [finding for finding in findings if finding.verdict == Verdict.CONFIRMED]
    return findings, confirmed


def application_return(*, actor, public_id, on: date) -> Letter:
    """Return an incomplete application (IRPR 12): a letter listing each missing item and its rule.

    The application closes; its documents stay with it and downloadable by the applicant,
    and the refund rules are applied to the fee.
    """
    common.require(actor, SCREEN)
    with common.atomic() as stored:
        application = common.locked_case(public_id=public_id, at=(Status.SUBMITTED,))
        screening = _screening_of(application)
        confirmed = _judged(screening)[1]
        if not confirmed:
            raise CaseworkError.at(
                "", _("An application is returned only for a missing item: no finding is confirmed.")
            )
        # Reading: a returned application is "not placed in the processing queue" (SP-181),
        # so processing never started; the refund rules' nearest event is a withdrawal
        # before processing (PRC-71 a contrario): the processing fee comes back, and a
        # biometric fee is held for an officer (G-22).
        refund = common.refund(
            application, event=fees.RefundEvent.WITHDRAWN_BEFORE_PROCESSING, on=screening.screened_on
        )
        letter = common.issue_letter(
            stored=stored,
            application=application,
            kind=LetterKind.RETURN,
            actor=actor,
            on=on,
            context={"findings": confirmed, "refund": refund},
        )
        screening.outcome = ScreeningOutcome.RETURNED
        screening.completed_by = actor
        screening.completed_at = timezone.now()
        screening.refund = refund
        screening.save(update_fields=["outcome", "completed_by", "completed_at", "refund"])
        codes = ", ".join(finding.code for finding in confirmed)
        application_transition(
            application=application, to_status=Status.RETURNED, actor=actor, reason=f"IRPR 12: {codes}"
        )
        common.record_event(application=application, kind=EventKind.RETURNED, actor=actor, detail=codes)
    return letter


def _qa_share() -> Decimal:
    share = Decimal(str(getattr(settings, "CASEWORK_QA_SHARE", DEFAULT_QA_SHARE)))
    return min(max(share, Decimal(0)), Decimal(1))


def application_accept(*, actor, public_id, on: date, draw: Callable[[], float] | None = None) -> Letter:
    """Accept a complete application: the acknowledgement of receipt (AOR, PRC-99a).

    A share of accepted applications (``CASEWORK_QA_SHARE``) is drawn at random for
    quality assurance, and the applicant is told in writing (PRC-99e).
    """
    common.require(actor, SCREEN)
    with common.atomic() as stored:
        application = common.locked_case(public_id=public_id, at=(Status.SUBMITTED,))
        screening = _screening_of(application)
        findings, confirmed = _judged(screening)
        if confirmed:
            raise CaseworkError.at(
                "",
                _(
                    "A confirmed finding means the application is incomplete: return it, or override the finding."
                ),
            )
        letter = common.issue_letter(
            stored=stored,
            application=application,
            kind=LetterKind.ACKNOWLEDGEMENT,
            actor=actor,
            on=on,
            context={},
        )
        screening.outcome = ScreeningOutcome.ACCEPTED
        screening.completed_by = actor
        screening.completed_at = timezone.now()
        screening.save(update_fields=["outcome", "completed_by", "completed_at"])
        overridden = ", ".join(f.code for f in findings)
        application_transition(
            application=application,
            to_status=Status.ACCEPTED,
            actor=actor,
            reason="complete (IRPR 10)" + (f"; overridden: {overridden}" if overridden else ""),
        )
        common.record_event(application=application, kind=EventKind.ACCEPTED, actor=actor)
        share = _qa_share()
        value = (draw or secrets.SystemRandom().random)()
        if value < share:
            qa_letter = common.issue_letter(
                stored=stored,
                application=application,
                kind=LetterKind.QUALITY_ASSURANCE,
                actor=actor,
                on=on,
                context={},
            )
            QualityAssuranceSelection.objects.create(application=application, share=share, letter=qa_letter)
            common.record_event(
                application=application, kind=EventKind.QA_SELECTED, actor=actor, detail=f"share {share}"
            )
    return letter
