"""Interviews: scheduling and recording their outcome (the quality-assurance interview included)."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import (
    EventKind,
    InterviewMode,
    InterviewOutcome,
    InterviewPurpose,
    LetterKind,
)
from ..models import (
    Interview,
)
from . import common
from .common import (
    PROCESS,
    PROCESSING,
    CaseworkError,
)

# --- Interviews (SP-227, PRC-99e) -------------------------------------------------------------------


def interview_schedule(
    *,
    actor,
    public_id,
    starts_at: datetime | None,
    mode: str,
    place: str,
    documents_to_bring: str,
    purpose: str = InterviewPurpose.PROCESSING,
    now: datetime | None = None,
) -> Interview:
    """Call the applicant to an interview, in writing: date, time, place and documents (SP-227)."""
    common.require(actor, *PROCESS)
    now = now or timezone.now()
    errors: dict[str, list] = {}
    if starts_at is None:
        errors["starts_at"] = [_("Enter the date and time of the interview.")]
    elif starts_at <= now:
        errors["starts_at"] = [_("The interview must be in the future.")]
    if mode not in InterviewMode.values:
        errors["mode"] = [_("Choose in person or by video.")]
    if purpose not in InterviewPurpose.values:
        errors["purpose"] = [_("Choose the kind of interview.")]
    if not (place or "").strip():
        errors["place"] = [_("Give the address, or how to join the video call.")]
    if not (documents_to_bring or "").strip():
        errors["documents_to_bring"] = [_("Say which documents to bring.")]
    if errors:
        raise CaseworkError(errors)
    with common.atomic() as stored:
        application = common.locked_case(public_id=public_id, at=PROCESSING)
        if purpose == InterviewPurpose.QUALITY_ASSURANCE and not hasattr(application, "quality_assurance"):
            raise CaseworkError.at("purpose", _("This application was not selected for quality assurance."))
        interview = Interview(
            application=application,
            purpose=purpose,
            starts_at=starts_at,
            mode=mode,
            place=place.strip(),
            documents_to_bring=documents_to_bring.strip(),
            scheduled_by=actor,
        )
        common.save_with_letter(
            interview,
            stored=stored,
            kind=LetterKind.INTERVIEW,
            actor=actor,
            on=timezone.localdate(now),
            context={"interview": interview},
            event=EventKind.INTERVIEW_SCHEDULED,
            detail=f"{timezone.localtime(starts_at):%Y-%m-%d %H:%M} {mode}",
        )
    return interview


def interview_record_outcome(
    *, actor, public_id, interview_id, outcome: str, notes: str, now: datetime | None = None
) -> Interview:
    """Record what happened at an interview, once it has taken place: held on its date (attended) or
    not, by whom recorded; a quality-assurance interview held lets a file drawn for QA be decided."""
    common.require(actor, *PROCESS)
    now = now or timezone.now()
    if outcome not in InterviewOutcome.values:
        raise CaseworkError.at("outcome", _("Choose what happened."))
    with transaction.atomic():
        application = common.locked_case(public_id=public_id, at=PROCESSING)
        interview = application.interviews.select_for_update().filter(public_id=interview_id).first()
        if interview is None:
            raise Http404
        if interview.outcome:
            raise CaseworkError.at("", _("The outcome of this interview is already recorded."))
        if now < interview.starts_at:
            raise CaseworkError.at(
                "outcome", _("The interview has not taken place yet: record what happened after it.")
            )
        interview.outcome = outcome
        interview.outcome_notes = (notes or "").strip()
        interview.outcome_by = actor
        interview.outcome_at = now
        interview.save(update_fields=["outcome", "outcome_notes", "outcome_by", "outcome_at"])
        common.record_event(
            application=application,
            kind=EventKind.INTERVIEW_OUTCOME,
            actor=actor,
            detail=f"{interview.purpose} interview of {timezone.localdate(interview.starts_at).isoformat()}: {outcome}",
        )
    return interview
