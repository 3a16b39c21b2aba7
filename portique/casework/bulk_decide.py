"""Approving routine files together: the decision-maker's page (issue 18).

The page lists the routine files of one program that are ready for a decision, each with the
rules' one line, approval pre-selected. One confirmation approves the selection, but each file
goes through the decision service as if decided on its own (``application_decide``, or
``sponsorship_decide`` with every person found to meet the requirements): its own decision, its
own history row under the officer's name, its own letter. The letters are made by the task
workers after the commit (``casework.letter_tasks``), so the officer does not wait for them.

Each file is checked again at that moment: still waiting for a decision, still routine (no
request sent since, not drawn for quality assurance, nothing found by an officer), nothing the
rules require before a decision missing (``casework.readiness``), nothing new found by the rules
since submission. A file that fails a check is left out and the officer is told why, in plain
language. Only approval is ever offered: a refusal, a return or a withdrawal is decided on the
file's own page, with reasons. The confirmation carries a key: posting it twice finds the same
batch and decides nothing twice.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portique.applications.models import Application
from portique.applications.submission.assessment import changes_since
from portique.rules.reasons import Severity

from . import services, triage
from .batch_models import Batch, BatchFile, BatchKind
from .choices import CardDelivery, DecisionOutcome
from .models import Decision
from .readiness import Missing, card_address, readiness
from .triage_models import TriageSwitch

MAX_FILES = 50
LANGUAGES = ("en", "fr")


def _both(message, **values) -> tuple[str, str]:
    """``message`` (a lazy translation) in English and in French, with ``values`` filled in."""
    texts = []
    for language in LANGUAGES:
        with translation.override(language):
            texts.append(str(message) % values if values else str(message))
    return texts[0], texts[1]


def bulk_programs() -> list[str]:
    """The programs whose triage (and so bulk work) an administrator switched on.

    Never a program the rules decide themselves at submission (the eTA): an officer sees only the
    files the rules referred because they cannot decide them, and those are decided one by one.
    """
    return [code for code in _switched_on() if code not in triage.referred_programs()]


def referred_switched_on() -> list[str]:
    """The triaged programs left out of bulk work by design (``bulk_programs``), for the page to say so."""
    return [code for code in _switched_on() if code in triage.referred_programs()]


def _switched_on() -> list[str]:
    return list(TriageSwitch.objects.filter(enabled=True).order_by("program").values_list("program", flat=True))


# --- The page ----------------------------------------------------------------------------------


@dataclass
class Row:
    application: Application
    summary: str
    missing: list[Missing] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.missing


def _routine_in_processing(program: str):
    return (
        triage.annotate_for_triage(
            Application.objects.filter(triage.routine_q(), program=program, status__in=services.PROCESSING)
        )
        .exclude(pk__in=Decision.objects.values("application_id"))
        .order_by("submitted_at", "id")
    )


# What readiness reads of each file, fetched once for the page's files rather than once per file.
_READINESS_RELATIONS = (
    "people",
    "biometrics_instructions",
    "medical_instructions",
    "interviews",
    "document_requests",
)


def routine_count(program: str) -> int:
    """How many routine files of ``program`` wait for a decision (one count query)."""
    if program not in bulk_programs():
        return 0
    return _routine_in_processing(program).count()


def routine_rows(*, actor, program: str, on: date) -> tuple[list[Row], list[Row]]:
    """The oldest routine files of ``program`` awaiting a decision (at most ``MAX_FILES``): those
    ready, and those still waiting for something the rules require (each with what).

    Readiness evaluates each file's rules, so it is computed only for the files the page shows:
    the queryset is cut to ``MAX_FILES`` before anything is read, whatever the queue's length.
    """
    services.require(actor, services.DECIDE)
    if program not in bulk_programs():
        return [], []
    ready, waiting = [], []
    oldest = (
        _routine_in_processing(program)
        .select_related("owner")
        .prefetch_related(*_READINESS_RELATIONS)[:MAX_FILES]
    )
    for application in oldest:
        row = Row(application=application, summary=triage.rules_summary(application))
        row.missing = readiness(application, on=on).missing
        if not row.missing and not _card_can_be_mailed(application):
            row.missing = [Missing(text=str(NO_CARD_ADDRESS), citation="IMM 5445", code="CARD_ADDRESS")]
        (waiting if row.missing else ready).append(row)
    return ready, waiting


REFERRED_NEVER_IN_BULK = _(
    "The rules refer these applications to an officer because they cannot decide them: "
    "each is decided on its own page."
)
NO_CARD_ADDRESS = _("The file gives no mailing address for the card: decide it on its own page.")


def _card_can_be_mailed(application: Application) -> bool:
    from portique.rules.programs.definition import Delivery

    return application.definition.delivery is not Delivery.CARD_BY_MAIL or bool(card_address(application))


# --- The confirmation ---------------------------------------------------------------------------


def _key(raw) -> uuid.UUID:
    try:
        return uuid.UUID(str(raw))
    except ValueError as error:
        raise services.CaseworkError.at("", _("This page has expired: open it again.")) from error


def _ids(raw: list[str]) -> list[uuid.UUID]:
    ids = []
    for value in raw:
        try:
            ids.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return list(dict.fromkeys(ids))


def _why_not(application, *, program: str, on: date) -> tuple[str, str] | None:
    """Why ``application`` cannot be approved in this batch now (in English and French), or None."""
    if application.program != program:
        return _both(_("It is not a file of this program."))
    if application.status not in services.PROCESSING or hasattr(application, "decision"):
        with translation.override("en"):
            status_en = str(application.get_status_display())
        with translation.override("fr"):
            status_fr = str(application.get_status_display())
        message = _("It is no longer waiting for a decision: it is “%(status)s”.")
        with translation.override("en"):
            en = str(message) % {"status": status_en}
        with translation.override("fr"):
            fr = str(message) % {"status": status_fr}
        return en, fr
    label = triage.label_of(application)
    if label is None:
        return _both(_("Its program is no longer triaged."))
    if not label.routine:
        reasons = []
        for language in LANGUAGES:
            with translation.override(language):
                again = triage.label_of(application)
                reasons.append(
                    str(_("It is no longer routine: %(why)s")) % {"why": " ".join(again.reasons)}
                )
        return reasons[0], reasons[1]
    found = readiness(application, on=on)
    if not found.ready:
        texts = []
        for language in LANGUAGES:
            with translation.override(language):
                items = " ".join(reason.message(language) for reason in found.reasons)
                texts.append(str(_("It cannot be approved yet: %(missing)s")) % {"missing": items})
        return texts[0], texts[1]
    assessment = getattr(application, "rules_assessment", None)
    if assessment is not None:
        texts = []
        for language in LANGUAGES:
            new, _resolved = changes_since(assessment.evaluation, found.evaluation, on=on, language=language)
            serious = [line.text for line in new if line.severity != Severity.INFO.value]
            if serious:
                with translation.override(language):
                    texts.append(
                        str(_("The rules find something new since it was submitted: %(found)s"))
                        % {"found": " ".join(serious)}
                    )
        if texts:
            return texts[0], texts[-1]
    if not _card_can_be_mailed(application):
        return _both(NO_CARD_ADDRESS)
    return None


def _approve(*, actor, application, on: date) -> Decision:
    """One file approved through its own decision service, its letter left to a worker."""
    if application.definition.decided_per_person:
        from .sponsorship import PersonFinding, examined_people, sponsorship_decide

        findings = {
            person.position: PersonFinding(meets_requirements=True) for person in examined_people(application)
        }
        return sponsorship_decide(
            actor=actor, public_id=application.public_id, findings=findings, on=on, letter_by_task=True
        )
    return services.application_decide(
        actor=actor,
        public_id=application.public_id,
        outcome=DecisionOutcome.APPROVED,
        card_delivery=CardDelivery.MAIL if card_address(application) else "",
        on=on,
        letter_by_task=True,
    )


def _refusal_texts(refused: services.CaseworkError) -> tuple[str, str]:
    messages = [message for problems in refused.errors.values() for message in problems]
    texts = []
    for language in LANGUAGES:
        with translation.override(language):
            texts.append(" ".join(str(message) for message in messages))
    return texts[0], texts[1]


def routine_files_approve(*, actor, key, program: str, public_ids: list[str], on: date) -> Batch:
    """Approve each of ``public_ids`` that is still routine and ready; the batch says what was done.

    ``key`` comes from the page: the same key posted again returns the batch it made.
    """
    services.require(actor, services.DECIDE)
    batch_key = _key(key)
    existing = Batch.objects.filter(public_id=batch_key).first()
    if existing is not None:
        if existing.officer_id != actor.pk or existing.kind != BatchKind.APPROVE:
            raise Http404
        return existing
    ids = _ids(public_ids)
    if not ids:
        raise services.CaseworkError.at("files", _("Select the files to approve."))
    if len(ids) > MAX_FILES:
        raise services.CaseworkError.at(
            "files", _("Approve at most %(count)s files at a time.") % {"count": MAX_FILES}
        )
    if program in triage.referred_programs():
        raise services.CaseworkError.at("", REFERRED_NEVER_IN_BULK)
    if program not in bulk_programs():
        raise services.CaseworkError.at("", _("Bulk approval is not switched on for this program."))
    try:
        with transaction.atomic():
            batch = Batch.objects.create(
                public_id=batch_key, kind=BatchKind.APPROVE, program=program, officer=actor
            )
    except IntegrityError:
        # The same confirmation posted twice at once: the first one does the work.
        batch = Batch.objects.filter(public_id=batch_key, officer=actor, kind=BatchKind.APPROVE).first()
        if batch is None:
            raise Http404 from None
        return batch
    files = triage.annotate_for_triage(Application.objects.filter(public_id__in=ids)).order_by(
        "submitted_at", "id"
    )
    for application in files:
        why = _why_not(application, program=program, on=on)
        if why is not None:
            BatchFile.objects.create(batch=batch, application=application, left_out_en=why[0], left_out_fr=why[1])
            continue
        try:
            decision = _approve(actor=actor, application=application, on=on)
        except services.CaseworkError as refused:
            en, fr = _refusal_texts(refused)
            BatchFile.objects.create(batch=batch, application=application, left_out_en=en, left_out_fr=fr)
        except Http404:
            en, fr = _both(_("It is no longer waiting for a decision."))
            BatchFile.objects.create(batch=batch, application=application, left_out_en=en, left_out_fr=fr)
        else:
            BatchFile.objects.create(batch=batch, application=application, done=True, decision=decision)
    batch.finished_at = timezone.now()
    batch.save(update_fields=["finished_at"])
    return batch
