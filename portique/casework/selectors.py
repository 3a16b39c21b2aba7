"""Reads for the officers' pages and the applicant's messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Exists, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from portique.applications.choices import Status
from portique.applications.models import Application, StatusChange
from portique.payments import selectors as payment_selectors
from portique.rules.correspondence import CorrespondenceChannel
from portique.rules.programs import registry

from .access import can_decide, can_screen
from .choices import PoliceCertificateState, Queue, RequestState
from .models import (
    BiometricsInstruction,
    CaseEvent,
    DocumentRequest,
    FileAccess,
    Interview,
    Letter,
    MedicalInstruction,
    PoliceCertificate,
    QualityAssuranceSelection,
    QuebecUndertaking,
    SponsorAssessment,
)
from .services import PROCESSING
from .sponsorship import person_name

# --- Queues ------------------------------------------------------------------------------


def queues_for(user) -> list[Queue]:
    """The queues an officer's role allows, in the order a file moves through them."""
    screen, decide = can_screen(user), can_decide(user)
    allowed = {
        Queue.SCREENING: screen,
        Queue.AWAITING_PROCESSING: screen,
        Queue.SPONSOR_TO_ASSESS: decide,
        Queue.AWAITING_RESPONSE: screen or decide,
        Queue.OVERDUE: screen or decide,
        Queue.WAITING_FOR_QUEBEC_OR_POLICE: screen or decide,
        Queue.READY_FOR_DECISION: decide,
        Queue.QUALITY_ASSURANCE: screen or decide,
    }
    return [queue for queue in Queue if allowed[queue]]


def _open_requests(*, today: date, overdue: bool | None = None):
    requests = DocumentRequest.objects.filter(application=OuterRef("pk"), state=RequestState.OPEN)
    if overdue is True:
        requests = requests.filter(due_on__lt=today)
    elif overdue is False:
        requests = requests.filter(due_on__gte=today)
    return requests


# What holds a sponsorship's decision up, read from the rows (the same conditions as
# ``casework.sponsorship.decision_blockers``, without asking the rules file by file).


def _sponsor_not_assessed() -> Q:
    # The sponsor is assessed first (IMM 5289 — « Examen d'admissibilité »).
    return Q(program__in=[definition.code for definition in registry.programs() if definition.sponsored]) & ~Q(
        Exists(SponsorAssessment.objects.filter(application=OuterRef("pk")))
    )


def _quebec_awaited():
    # SP-70: asked for, not yet answered (``rules.sponsorship.decisions.quebec_blockers``).
    return QuebecUndertaking.objects.filter(application=OuterRef("pk"), quebec_approved__isnull=True)


def _police_outstanding(*, today: date):
    # SP-185: a requested certificate holds every decision up until its deadline; after it,
    # only an approval (``rules.sponsorship.decisions.police_blockers``), so the file can be decided.
    return PoliceCertificate.objects.filter(
        Q(request__isnull=True) | Q(request__due_on__gte=today),
        application=OuterRef("pk"),
        state=PoliceCertificateState.REQUESTED,
    )


def _queue_queryset(queue: Queue, *, today: date) -> QuerySet[Application]:
    applications = Application.objects.all()
    if queue == Queue.SCREENING:
        return applications.filter(status=Status.SUBMITTED)
    if queue == Queue.AWAITING_PROCESSING:
        return applications.filter(status=Status.ACCEPTED)
    if queue == Queue.SPONSOR_TO_ASSESS:
        return applications.filter(_sponsor_not_assessed(), status__in=PROCESSING)
    if queue == Queue.AWAITING_RESPONSE:
        return applications.filter(Exists(_open_requests(today=today, overdue=False))).exclude(
            Exists(_open_requests(today=today, overdue=True))
        )
    if queue == Queue.OVERDUE:
        return applications.filter(Exists(_open_requests(today=today, overdue=True)))
    if queue == Queue.WAITING_FOR_QUEBEC_OR_POLICE:
        return applications.filter(
            Exists(_quebec_awaited()) | Exists(_police_outstanding(today=today)), status__in=PROCESSING
        )
    if queue == Queue.READY_FOR_DECISION:
        waiting = (
            Exists(_open_requests(today=today))
            | Exists(
                BiometricsInstruction.objects.filter(application=OuterRef("pk"), collected_on__isnull=True)
            )
            | Exists(MedicalInstruction.objects.filter(application=OuterRef("pk"), result_on__isnull=True))
            | Exists(Interview.objects.filter(application=OuterRef("pk"), outcome=""))
            | _sponsor_not_assessed()
            | Exists(_quebec_awaited())
            | Exists(_police_outstanding(today=today))
        )
        return applications.filter(status=Status.IN_PROCESSING).exclude(waiting)
    return applications.filter(
        Exists(QualityAssuranceSelection.objects.filter(application=OuterRef("pk"))),
        status__in=(Status.ACCEPTED, Status.IN_PROCESSING),
    )


@dataclass(frozen=True)
class Hold:
    """One thing a sponsorship in processing waits for from outside: Quebec's answer, or a
    requested police certificate (``due_on`` its deadline; ``answered``: the applicant sent
    something, an officer has to record it)."""

    kind: str  # "quebec" or "police"
    since: date | None = None
    country: str = ""
    name: str = ""
    due_on: date | None = None
    answered: bool = False
    overdue: bool = False


def holds_of(applications, *, today: date) -> dict[int, list[Hold]]:
    """What each of ``applications`` waits for from Quebec or a police certificate, by its id:
    two queries for a whole page of a queue, whatever its length."""
    ids = [application.pk for application in applications]
    holds: dict[int, list[Hold]] = {pk: [] for pk in ids}
    if not ids:
        return holds
    for undertaking in QuebecUndertaking.objects.filter(application__in=ids, quebec_approved__isnull=True):
        holds[undertaking.application_id].append(Hold(kind="quebec", since=undertaking.requested_on))
    requested = (
        PoliceCertificate.objects.filter(application__in=ids, state=PoliceCertificateState.REQUESTED)
        .select_related("person", "request")
        .order_by("application_id", "person__position", "country")
    )
    for certificate in requested:
        request = certificate.request
        due_on = request.due_on if request else None
        holds[certificate.application_id].append(
            Hold(
                kind="police",
                since=timezone.localdate(certificate.recorded_at),
                country=certificate.country,
                name=person_name(certificate.person),
                due_on=due_on,
                answered=request is not None and request.state == RequestState.ANSWERED,
                overdue=due_on is not None and due_on < today,
            )
        )
    return holds


SORTS = {
    "oldest": ("submitted_at", "id"),
    "newest": ("-submitted_at", "-id"),
    "due": ("next_due_on", "submitted_at", "id"),
}


def queue_counts(*, user, today: date) -> list[tuple[Queue, int]]:
    return [(queue, _queue_queryset(queue, today=today).count()) for queue in queues_for(user)]


def queue_items(
    *, queue: Queue, today: date, program: str = "", search: str = "", sort: str = "oldest", triage: str = ""
):
    """The files of ``queue``, oldest submission first unless asked otherwise; ``triage``
    ("routine" or "review") keeps the files of triaged programs with that label."""
    from . import triage as triage_labels

    items = _queue_queryset(queue, today=today).select_related("owner", "submission", "paper_intake")
    items = triage_labels.annotate_for_triage(items)
    if triage == triage_labels.ROUTINE:
        items = items.filter(triage_labels.routine_q())
    elif triage == triage_labels.NEEDS_REVIEW:
        items = items.filter(triage_labels.needs_review_q())
    items = items.annotate(
        next_due_on=Min("document_requests__due_on", filter=Q(document_requests__state=RequestState.OPEN))
    )
    if program in registry.codes():
        items = items.filter(program=program)
    if search.strip():
        items = items.filter(number__icontains=search.strip())
    return items.order_by(*SORTS.get(sort, SORTS["oldest"]))


# --- The file -------------------------------------------------------------------------------


def payments_of(application: Application):
    return payment_selectors.attempts_of(application).prefetch_related("refunds")


@dataclass
class HistoryEntry:
    at: datetime
    actor: Any
    what: str
    detail: str


def history_of(application: Application) -> list[HistoryEntry]:
    """The whole story of the file: status changes and every casework event, in order."""
    entries = [
        HistoryEntry(
            at=change.at,
            actor=change.actor,
            what=f"{change.get_from_status_display() or '—'} → {change.get_to_status_display()}",
            detail=change.reason,
        )
        for change in StatusChange.objects.filter(application=application).select_related("actor")
    ]
    entries += [
        HistoryEntry(at=event.at, actor=event.actor, what=event.get_kind_display(), detail=event.detail)
        for event in CaseEvent.objects.filter(application=application).select_related("actor")
    ]
    return sorted(entries, key=lambda entry: entry.at)


def letters_to_mail() -> QuerySet[Letter]:
    """Letters to be printed and mailed (a paper applicant without e-mail) not yet recorded as
    mailed, the oldest first."""
    return (
        Letter.objects.filter(channel=CorrespondenceChannel.MAIL.value, mailed__isnull=True)
        .exclude(pdf_en="")  # a letter a task worker has not made yet has nothing to print
        .select_related("application", "application__paper_intake")
        .order_by("issued_at", "id")
    )


def access_log(*, officer_email: str = "", number: str = ""):
    entries = FileAccess.objects.select_related("application")
    if officer_email.strip():
        entries = entries.filter(officer_email__icontains=officer_email.strip())
    if number.strip():
        entries = entries.filter(application__number__icontains=number.strip())
    return entries


# --- The applicant's messages ------------------------------------------------------------------


@dataclass
class Messages:
    letters: list
    requests: list
    returned: bool


def messages_for(application: Application) -> Messages:
    """What the applicant reads: their letters and the requests made to them. Never a note."""
    return Messages(
        # A letter appears once it is made (a batch's letters are made by a task worker).
        letters=list(application.letters.exclude(pdf_en="").order_by("-issued_at", "-id")),
        requests=list(
            application.document_requests.prefetch_related("files").order_by("-requested_at", "-id")
        ),
        returned=application.status == Status.RETURNED,
    )


def open_requests_of(*, application_ids) -> list[dict]:
    """The requests still waiting for the applicant's answer on these applications, soonest
    deadline first (``applications.ports.open_requests``: the applicant's pages flag them)."""
    waiting = DocumentRequest.objects.filter(application_id__in=application_ids, state=RequestState.OPEN)
    return list(waiting.order_by("due_on", "id").values("application_id", "public_id", "due_on"))
