"""Reads for the officers' pages and the applicant's messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portique.applications import stage_decisions
from portique.applications.choices import EDITABLE, Status
from portique.applications.models import (
    SPONSORSHIPS_IN_PROCESSING,
    Application,
    StageDecision,
    StatusChange,
    earliest_open_deadline,
    has_open_request,
)
from portique.applications.urgency import urgency_history_of
from portique.core import keyset
from portique.payments import selectors as payment_selectors
from portique.rules.correspondence import CorrespondenceChannel
from portique.rules.decision_times import DecisionTimes, decision_times
from portique.rules.programs import registry

from .access import can_decide, can_screen
from .choices import MessageSender, PoliceCertificateState, Queue, RequestState
from .models import (
    BiometricsInstruction,
    CaseEvent,
    DocumentRequest,
    FileAccess,
    Interview,
    LateDocument,
    Letter,
    MedicalInstruction,
    Message,
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
        Queue.UNREAD: screen or decide,
    }
    return [queue for queue in Queue if allowed[queue]]


def _unread_messages():
    # A message from the applicant's side that no officer has opened (``MessageRead``).
    return Message.objects.filter(read__isnull=True).exclude(sender=MessageSender.OFFICE)


def _unread_late_documents():
    return LateDocument.objects.filter(read__isnull=True)


# What holds a sponsorship's decision up, read from the rows (the same conditions as
# ``casework.sponsorship.decision_blockers``, without asking the rules file by file).


def _not_assessed() -> Q:
    # The sponsor is assessed first (IMM 5289 — « Examen d'admissibilité »).
    return ~Q(Exists(SponsorAssessment.objects.filter(application=OuterRef("pk"))))


def _sponsor_not_assessed() -> Q:
    return Q(program__in=[definition.code for definition in registry.programs() if definition.sponsored]) & _not_assessed()


def _quebec_awaited():
    # SP-70: asked for, not yet answered (``rules.sponsorship.decisions.quebec_blockers``).
    return QuebecUndertaking.objects.filter(quebec_approved__isnull=True)


def _police_outstanding(*, today: date):
    # SP-185: a requested certificate holds every decision up until its deadline; after it,
    # only an approval (``rules.sponsorship.decisions.police_blockers``), so the file can be decided.
    return PoliceCertificate.objects.filter(
        Q(request__isnull=True) | Q(request__due_on__gte=today),
        state=PoliceCertificateState.REQUESTED,
    )


def _ids(rows: QuerySet) -> QuerySet:
    return rows.order_by().values("application_id")


def _either(first: QuerySet, second: QuerySet) -> Q:
    """The files in either of two (small) lists of application ids, as ``id IN (… UNION ALL …)``.

    ``id IN (a) OR id IN (b)`` reads every application of the status and tests each against both
    lists (a scan that grows with the files, even when both lists are empty); one ``IN`` over
    the union is a semi-join the database drives from the lists, through the primary key."""
    return Q(pk__in=_ids(first).union(_ids(second), all=True))


def _queue_queryset(queue: Queue, *, today: date) -> QuerySet[Application]:
    applications = Application.objects.all()
    if queue == Queue.SCREENING:
        return applications.filter(status=Status.SUBMITTED)
    if queue == Queue.AWAITING_PROCESSING:
        return applications.filter(status=Status.ACCEPTED)
    if queue == Queue.SPONSOR_TO_ASSESS:
        # The applications' own condition, which their partial indexes hold (issue 19).
        return applications.filter(SPONSORSHIPS_IN_PROCESSING, _not_assessed())
    # Waiting for an answer: every open request is still within its deadline, so the earliest is;
    # overdue: at least one is past, so the earliest is. Read from the file's maintained earliest
    # deadline (``Application.open_request_due_on``), a range of one index.
    if queue == Queue.AWAITING_RESPONSE:
        return applications.filter(has_open_request(), open_request_due_on__gte=today)
    if queue == Queue.OVERDUE:
        return applications.filter(open_request_due_on__lt=today)
    # "Either of two" as one id list, the union of two: the database reads each (small) list
    # once and fetches those files by their key, instead of probing both for every file of the
    # status (issue 19: "Unread", empty, read all 100,000 files to find none).
    if queue == Queue.WAITING_FOR_QUEBEC_OR_POLICE:
        return applications.filter(
            _either(_quebec_awaited(), _police_outstanding(today=today)), status__in=PROCESSING
        )
    if queue == Queue.UNREAD:
        return applications.filter(_either(_unread_messages(), _unread_late_documents())).exclude(
            status__in=EDITABLE
        )
    if queue == Queue.READY_FOR_DECISION:
        waiting = (
            has_open_request()  # the file's own earliest deadline, not its requests
            | Exists(
                BiometricsInstruction.objects.filter(application=OuterRef("pk"), collected_on__isnull=True)
            )
            | Exists(MedicalInstruction.objects.filter(application=OuterRef("pk"), result_on__isnull=True))
            | Exists(Interview.objects.filter(application=OuterRef("pk"), outcome=""))
            | _sponsor_not_assessed()
            | Q(pk__in=_ids(_quebec_awaited()))
            | Q(pk__in=_ids(_police_outstanding(today=today)))
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
    # Files without an open request last: their earliest deadline is ``NO_DEADLINE``.
    "due": ("open_request_due_on", "submitted_at", "id"),
    # Urgent files first, where asked (issue 15); the oldest first within each.
    "urgent": ("-urgent", "submitted_at", "id"),
}
# A whole application number (``PRC20260000123``): found through its unique index, not a scan.
WHOLE_NUMBER = re.compile(r"[A-Z]{2,4}\d{11}")


# The tab counts are figures for orientation, taken at most this many seconds ago; the lists
# themselves are always read live. Counting the nine queues and the letters to mail is 10 to 20
# queries on every page (one bounded count each, an EXPLAIN above the cap), and "Ready for
# decision" cannot stop early: below the cap its count reads to the end of the exclusions
# (about 350 ms at 100,000 files). Kept for a minute in the shared cache (Redis in production,
# the database cache by default), the page reads them in one cache read and says when they
# were taken. Counters maintained by every service that changes a status, a request, a hold or
# a message would be exact, but the queues are defined by a dozen conditions across ten
# tables (``_queue_queryset``), each with its own writers and a deadline that moves with the
# day: every one of them would have to know every queue, and a missed writer would leave a
# wrong figure forever, where a cached one is wrong for a minute at most (docs/casework.md).
QUEUE_COUNTS_SECONDS = 60


@dataclass(frozen=True)
class QueueCounts:
    """The tabs' counts and the letters to mail, as counted at ``taken_at``."""

    queues: list[tuple[Queue, keyset.Count]]
    letters_to_mail: keyset.Count
    taken_at: datetime

    def of(self, queue: Queue) -> keyset.Count | None:
        return dict(self.queues).get(queue)


def _count_row(count: keyset.Count) -> tuple[int, bool, bool]:
    return (count.value, count.estimated, count.at_least)


def _queue_counts_key(queues: list[Queue], today: date) -> str:
    # Per officer scope (the queues a role sees) and per day: "overdue" moves at midnight.
    return "casework:queue-counts:v1:{}:{}".format(today.isoformat(), ",".join(queue.value for queue in queues))


def queue_counts(*, user, today: date) -> QueueCounts:
    """Each queue's files (exact up to a thousand, then estimated, labelled so; never a scan) and
    the letters to mail: counted at most ``QUEUE_COUNTS_SECONDS`` ago, read from the cache."""
    from django.core.cache import cache

    queues = queues_for(user)
    key = _queue_counts_key(queues, today)
    cached = cache.get(key)
    # Plain values in the cache (not pickled classes): a deploy that changes them reads a miss.
    if isinstance(cached, dict) and cached.get("queues") and len(cached["queues"]) == len(queues):
        return QueueCounts(
            queues=[(Queue(value), keyset.Count(*row)) for value, row in cached["queues"]],
            letters_to_mail=keyset.Count(*cached["letters_to_mail"]),
            taken_at=datetime.fromisoformat(cached["taken_at"]),
        )
    counts = QueueCounts(
        queues=[(queue, keyset.bounded_count(_queue_queryset(queue, today=today))) for queue in queues],
        letters_to_mail=keyset.bounded_count(letters_to_mail()),
        taken_at=timezone.now(),
    )
    cache.set(
        key,
        {
            "queues": [(queue.value, _count_row(count)) for queue, count in counts.queues],
            "letters_to_mail": _count_row(counts.letters_to_mail),
            "taken_at": counts.taken_at.isoformat(),
        },
        QUEUE_COUNTS_SECONDS,
    )
    return counts


def number_search(search: str, field: str = "number") -> Q:
    """A whole application number matches exactly (its index); a part of one, anywhere in it."""
    wanted = search.strip().upper()
    if WHOLE_NUMBER.fullmatch(wanted):
        return Q(**{field: wanted})
    return Q(**{f"{field}__icontains": wanted})


def queue_items(
    *, queue: Queue, today: date, program: str = "", search: str = "", sort: str = "oldest", triage: str = ""
):
    """The files of ``queue``, oldest submission first unless asked otherwise; ``triage``
    ("routine" or "review") keeps the files of triaged programs with that label.

    Each row's earliest open deadline is the file's own column, kept by the request services:
    every sort reads its rows from an index of its order and stops at the page's end."""
    from . import triage as triage_labels

    items = _queue_queryset(queue, today=today).select_related("owner", "submission", "paper_intake")
    items = triage_labels.annotate_for_triage(items)
    if triage == triage_labels.ROUTINE:
        items = items.filter(triage_labels.routine_q())
    elif triage == triage_labels.NEEDS_REVIEW:
        items = items.filter(triage_labels.needs_review_q())
    items = items.annotate(next_due_on=earliest_open_deadline())
    if program in registry.codes():
        if queue == Queue.SPONSOR_TO_ASSESS and not registry.program(program).sponsored:
            # Only a sponsorship has a sponsor: said at once, where the database would read
            # every sponsorship in processing to find none (225 ms at 1,000,000 files).
            items = items.none()
        items = items.filter(program=program)
    if search.strip():
        items = items.filter(number_search(search))
    return items.order_by(*queue_order(sort))


def queue_order(sort: str) -> tuple[str, ...]:
    return SORTS.get(sort, SORTS["oldest"])


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
    entries += [
        HistoryEntry(
            at=change.at,
            actor=change.actor,
            what=str(_("Marked urgent") if change.urgent else _("Urgent flag cleared")),
            detail=str(change.shown_reason),
        )
        for change in urgency_history_of(application)
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
        entries = entries.filter(number_search(number, "application__number"))
    return entries


# --- The applicant's messages ------------------------------------------------------------------


@dataclass
class Messages:
    letters: list
    requests: list
    returned: bool
    # The conversation with the office, oldest first, each message with who wrote it as the
    # reader sees it ("You", "Your representative", "The office": never an officer's name).
    conversation: list = field(default_factory=list)
    # Documents sent after submission, oldest first.
    late_documents: list = field(default_factory=list)
    can_write: bool = False
    can_add_document: bool = False


def messages_for(application: Application, viewer=None) -> Messages:
    """What the applicant reads: their letters, the requests made to them, the messages
    exchanged with the office and the documents sent after submission. Never a note."""
    from .services import OPEN_FOR_LATE_DOCUMENTS

    online = not application.on_paper and application.submitted_at is not None
    conversation = conversation_of(application) if online else []
    for message in conversation:
        message.shown_sender = sender_label(message, viewer)
    return Messages(
        # A letter appears once it is made (a batch's letters are made by a task worker).
        letters=list(application.letters.exclude(pdf_en="").order_by("-issued_at", "-id")),
        requests=list(
            application.document_requests.prefetch_related("files").order_by("-requested_at", "-id")
        ),
        returned=application.status == Status.RETURNED,
        conversation=conversation,
        late_documents=late_documents_of(application) if online else [],
        can_write=online and application.status not in EDITABLE,
        can_add_document=online and application.status in OPEN_FOR_LATE_DOCUMENTS,
    )


def sender_label(message: Message, viewer) -> str:
    """Who wrote ``message``, as the applicant's side reads it."""
    from django.utils.translation import gettext

    if message.sender == MessageSender.OFFICE:
        return gettext("The office")
    if viewer is not None and message.author_id == getattr(viewer, "pk", None):
        return gettext("You")
    if message.sender == MessageSender.REPRESENTATIVE:
        return gettext("Your representative")
    return gettext("Your client")


def was_read(row) -> bool:
    """Whether an officer opened this message or document (its read marker exists)."""
    return hasattr(row, "read")


def conversation_of(application: Application) -> list[Message]:
    """Every message about the file, oldest first, with its files and who first read it."""
    return list(
        Message.objects.filter(application=application)
        .select_related("author", "read__reader")
        .prefetch_related("files")
        .order_by("sent_at", "id")
    )


def late_documents_of(application: Application) -> list[LateDocument]:
    """The documents sent after submission, oldest first, with who first opened each."""
    return list(
        LateDocument.objects.filter(application=application)
        .select_related("uploaded_by", "read__reader")
        .order_by("uploaded_at", "id")
    )


def open_requests_of(*, application_ids) -> list[dict]:
    """The requests still waiting for the applicant's answer on these applications, soonest
    deadline first (``applications.ports.open_requests``: the applicant's pages flag them)."""
    waiting = DocumentRequest.objects.filter(application_id__in=application_ids, state=RequestState.OPEN)
    return list(waiting.order_by("due_on", "id").values("application_id", "public_id", "due_on"))


def return_grounds_of(application) -> list[dict]:
    """The grounds ``application`` was returned for (IRPR 12): its confirmed screening findings, in
    both languages, with what they point to (``subject``) and the officer's own words (``detail``).
    Empty for an application that was not returned."""
    from portique.applications.choices import Status

    from .choices import Verdict
    from .models import Finding

    if application is None or application.status != Status.RETURNED:
        return []
    return [
        {
            "en": finding.en,
            "fr": finding.fr,
            "detail": finding.detail,
            "subject": finding.subject,
            "citation": finding.citation,
            "code": finding.code,
        }
        for finding in Finding.objects.filter(
            screening__application=application, verdict=Verdict.CONFIRMED
        ).order_by("created_at", "id")
    ]
# --- When to expect a decision ------------------------------------------------------------------

# The files a figure is drawn from: of the same program, that went through the same stage and
# were decided (approved or refused: ``stage_decisions.DECIDED``) in the last year, the most
# recent 500 at most. A year follows the office's pace without forgetting a slow season; 500 files make the figure
# stable while the read stays bounded whatever the size of the history (docs/casework.md).
DECISION_WINDOW_DAYS = 365
DECISION_SAMPLE_LIMIT = 500
STAGES = stage_decisions.STAGES
# The stage the files of each queue are at (a quality-assurance or waiting file may be
# accepted or in processing: the queues past acceptance are read as "in processing").
QUEUE_STAGES = {Queue.SCREENING: Status.SUBMITTED, Queue.AWAITING_PROCESSING: Status.ACCEPTED}


@dataclass(frozen=True)
class ExpectedDecision:
    """What recent similar files say: ``times`` over the files of ``program`` decided in the last
    ``window_days`` days after reaching ``stage``; ``entered_on`` is when this file reached it."""

    program: str
    stage: str
    window_days: int
    times: DecisionTimes
    entered_on: date | None = None

    @property
    def program_label(self) -> str:
        return registry.program(self.program).name(translation.get_language() or "en")

    @property
    def stage_label(self) -> str:
        return Status(self.stage).label


def recent_decisions(*, program: str, stage: str, today: date) -> QuerySet:
    """(decided at, reached ``stage`` at) of the files of ``program`` decided since ``today``
    minus the window, newest decision first, at most ``DECISION_SAMPLE_LIMIT``.

    One query over ``applications.StageDecision`` (each decided file's wait at each stage,
    written with the decision): one range of the index on (program, stage, decided_at),
    read newest first and stopped at the sample limit, whatever the size of the history.
    """
    since = timezone.make_aware(datetime.combine(today - timedelta(days=DECISION_WINDOW_DAYS), time.min))
    return (
        StageDecision.objects.filter(program=program, stage=stage, decided_at__gte=since)
        .order_by("-decided_at")
        .values_list("decided_at", "reached_at")[:DECISION_SAMPLE_LIMIT]
    )


def recent_decision_durations(*, program: str, stage: str, today: date) -> list[int]:
    """Days from reaching ``stage`` to the decision, for the files of ``recent_decisions``."""
    rows = recent_decisions(program=program, stage=stage, today=today)
    # Whole calendar days where the office is: decided the day after reaching the stage is 1.
    return [max(0, (timezone.localdate(decided) - timezone.localdate(entered)).days) for decided, entered in rows]


def expected_decision(*, program: str, stage: str, today: date, entered_on: date | None = None) -> ExpectedDecision:
    return ExpectedDecision(
        program=program,
        stage=stage,
        window_days=DECISION_WINDOW_DAYS,
        times=decision_times(recent_decision_durations(program=program, stage=stage, today=today)),
        entered_on=entered_on,
    )


def expected_decision_for(*, application: Application, today: date) -> ExpectedDecision | None:
    """The figure for one file at its current stage (``applications.ports.expected_decision``);
    None once it is returned, decided or withdrawn."""
    if application.status not in STAGES:
        return None
    reached = (
        StatusChange.objects.filter(application=application, to_status=application.status)
        .order_by("-at", "-id")
        .values_list("at", flat=True)
        .first()
    )
    return expected_decision(
        program=application.program,
        stage=application.status,
        today=today,
        entered_on=timezone.localdate(reached) if reached else None,
    )


def expected_decisions_for_queue(*, queue: Queue, today: date, program: str = "") -> list[ExpectedDecision]:
    """The figures an officer sees above a queue: one per program (the one filtered on, or all)."""
    stage = QUEUE_STAGES.get(queue, Status.IN_PROCESSING)
    codes = [program] if program in registry.codes() else list(registry.codes())
    return [expected_decision(program=code, stage=stage, today=today) for code in codes]
