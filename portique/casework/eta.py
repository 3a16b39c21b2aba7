"""The eTA on the officers' side: the rules' assessment at submission, the issued eTA, its
cancellation under IRPR 12.07, and its validity on a given day (IRPR 12.05).

At submission the rules assess an application of a program ``assessed_by_the_rules`` (the
eTA): when they can decide, the eTA is issued with no officer (the history names no actor and
says "by the rules"); when a rule cannot decide (``rules.programs.eta``: a U.S. visa to verify,
a history that only an officer can weigh) the application waits for an officer, who accepts
it and decides through the casework pages; an approval issues the eTA. The validity is never
stored: ``eta_status`` asks the rules each time, from the records (docs/eta.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import PersonRole, Status
from portique.applications.models import Application
from portique.applications.services import application_evaluate, application_transition
from portique.rules import eta as eta_rules
from portique.rules.programs import eta as eta_program
from portique.rules.reasons import Reason

from .choices import EtaCancellationGround, EventKind, LetterKind, ScreeningOutcome
from .eta_models import EtaCancellation, IssuedEta
from .models import Screening

log = logging.getLogger(__name__)

BY_THE_RULES = "eTA issued by the rules at submission (IRPR 12.04, 12.05)"


def _applicant(application: Application) -> eta_program.Applicant:
    principal = application.people.filter(role=PersonRole.PRINCIPAL_APPLICANT).first()
    answers = principal.answers.get(eta_program.FORM_CODE, {}) if principal else {}
    return eta_program.Applicant.from_answers("p0", answers)


# --- At submission --------------------------------------------------------------------------------


def eta_assess_on_submission(sender, *, application, **kwargs) -> None:
    """Assess a submitted application the rules decide (the eTA) once it is screened.

    The submission has committed: a failure here is logged and the application waits for an
    officer, as a referral does."""
    if not application.definition.assessed_by_the_rules:
        return
    try:
        eta_assess(application=application)
    except Exception:
        log.exception("the rules' assessment at submission failed for %s; an officer decides", application)


def eta_assess(*, application: Application) -> IssuedEta | None:
    """Issue the eTA when the rules can decide; otherwise record the referral. Once."""
    from .services import record_event, screening_run, wrong_stage

    screening = screening_run(application=application)
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if (
            IssuedEta.objects.filter(application=locked).exists()
            or locked.case_events.filter(kind=EventKind.ETA_REFERRED).exists()
        ):
            return IssuedEta.objects.filter(application=locked).first()
        if locked.status != Status.SUBMITTED:
            raise wrong_stage(locked)
        on = locked.application_date(timezone.localdate(locked.submitted_at))
        details = application_evaluate(application=locked, on=on).details.get("eta", {})
        findings = list(screening.findings.values_list("code", flat=True))
        if details.get("assessment") != eta_program.ISSUE or findings:
            why = ", ".join(details.get("referral") or findings) or details.get("assessment", "")
            record_event(application=locked, kind=EventKind.ETA_REFERRED, actor=None, detail=why)
            return None
        Screening.objects.filter(pk=screening.pk).update(
            outcome=ScreeningOutcome.ACCEPTED, completed_at=timezone.now()
        )
        application_transition(
            application=locked,
            to_status=Status.ACCEPTED,
            actor=None,
            reason="complete (IRPR 12.04(4)), by the rules",
        )
        application_transition(application=locked, to_status=Status.APPROVED, actor=None, reason=BY_THE_RULES)
        return eta_issue(application=locked, actor=None, on=on)


def eta_issue(*, application: Application, actor, on: date) -> IssuedEta:
    """Record the eTA issued on ``on`` for the applicant's passport. An eTA of the same holder for
    the same passport still in force ends that day (IRPR 12.05(1)(c)). The caller holds the lock."""
    from .services import record_event

    applicant = _applicant(application)
    issued = IssuedEta.objects.create(
        application=application,
        passport_number=applicant.passport_number,
        passport_country=applicant.passport_issuer,
        passport_expiry=applicant.passport_expiry,
        issued_on=on,
        issued_by=actor,
    )
    earlier = (
        IssuedEta.objects.select_for_update()
        .filter(
            application__owner=application.owner,
            passport_number=issued.passport_number,
            passport_country=issued.passport_country,
            replaced_by__isnull=True,
        )
        .exclude(pk=issued.pk)
    )
    for previous in earlier:
        previous.replaced_on = on
        previous.replaced_by = issued
        previous.save(update_fields=["replaced_on", "replaced_by"])
    record_event(
        application=application,
        kind=EventKind.ETA_ISSUED,
        actor=actor,
        detail="by the rules" if actor is None else "by an officer's approval",
    )
    return issued


# --- Validity on a day ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EtaStatus:
    issued: IssuedEta
    validity: eta_rules.EtaValidity
    valid_today: bool
    cancellation: EtaCancellation | None

    @property
    def reason(self) -> Reason:
        return next(r for r in self.validity.reasons if r.code == "ETA_VALID_UNTIL")


def eta_status(*, application: Application, on: date) -> EtaStatus | None:
    """The issued eTA of ``application`` and whether it is in force on ``on`` (IRPR 12.05)."""
    issued = IssuedEta.objects.filter(application=application).select_related("cancellation").first()
    if issued is None:
        return None
    cancellation = getattr(issued, "cancellation", None)
    applicant = _applicant(application)
    # The passport the eTA was issued for, as recorded then; what happened since, from the records.
    found = eta_rules.EtaFacts(
        issued_on=issued.issued_on,
        passport_expiry=issued.passport_expiry,
        passport_issuer=issued.passport_country,
        citizenships=applicant.citizenships,
        cancelled_on=cancellation.cancelled_on if cancellation else None,
        new_eta_same_passport_on=issued.replaced_on,
        passport_machine_readable_with_chip=applicant.passport.get("chip") == "yes",
    )
    validity = eta_rules.eta_validity(eta=found)
    return EtaStatus(issued, validity, validity.in_force_on(on), cancellation)


# --- Cancellation (IRPR 12.07) ------------------------------------------------------------------


def eta_cancel(
    *, actor, public_id, ground: str, event_on: date | None, reasons: str, on: date
) -> EtaCancellation:
    """An officer cancels an issued eTA under IRPR 12.07, with a letter in both languages.

    The rules say whether the officer may: the holder is inadmissible, or an event of 12.06
    happened after the eTA was issued. The cancellation's day ends the eTA (12.05(1)(b)).
    """
    from .services import DECIDE, CaseworkError, atomic, issue_letter, locked_case, record_event, require

    require(actor, DECIDE)
    errors: dict[str, list] = {}
    reasons = (reasons or "").strip()
    if ground not in EtaCancellationGround.values:
        errors["ground"] = [_("Choose the ground of the cancellation.")]
    elif ground != EtaCancellationGround.INADMISSIBLE and event_on is None:
        errors["event_on"] = [
            _("Give the day it happened: only what happened after the eTA was issued counts.")
        ]
    elif event_on is not None and event_on > on:
        errors["event_on"] = [_("This day is in the future.")]
    if not reasons:
        errors["reasons"] = [
            _("Give the reasons for the cancellation: the letter explains them to the holder.")
        ]
    if errors:
        raise CaseworkError(errors)
    with atomic() as stored:
        application = locked_case(public_id=public_id, at=(Status.APPROVED,))
        issued = IssuedEta.objects.select_for_update().filter(application=application).first()
        if issued is None:
            raise CaseworkError.at("", _("No eTA was issued on this application."))
        if EtaCancellation.objects.filter(eta=issued).exists():
            raise CaseworkError.at("", _("This eTA is already cancelled."))
        status = eta_status(application=application, on=on)
        if status is not None and not status.valid_today:
            raise CaseworkError.at("", _("This eTA is no longer valid: there is nothing to cancel."))
        inadmissible = ground == EtaCancellationGround.INADMISSIBLE
        events = () if inadmissible else (eta_rules.EtaEvent(eta_rules.EtaEventKind(ground), event_on),)
        eligibility = eta_rules.eta_eligibility(
            issued_on=issued.issued_on, events=events, under_7_01_1=True, inadmissible=inadmissible
        )
        if not eligibility.officer_may_cancel:
            raise CaseworkError.at(
                "event_on",
                _("This happened before the eTA was issued: section 12.06 counts only what happens after."),
            )
        letter = issue_letter(
            stored=stored,
            application=application,
            kind=LetterKind.ETA_CANCELLATION,
            actor=actor,
            on=on,
            context={
                "authorization": issued,
                "ground": EtaCancellationGround(ground),
                "event_on": event_on,
                "reasons": reasons,
            },
        )
        cancellation = EtaCancellation.objects.create(
            eta=issued,
            cancelled_on=on,
            ground=ground,
            event_on=event_on if not inadmissible else None,
            reasons=reasons,
            letter=letter,
            cancelled_by=actor,
        )
        record_event(
            application=application, kind=EventKind.ETA_CANCELLED, actor=actor, detail=f"{ground}: {reasons}"
        )
    return cancellation
