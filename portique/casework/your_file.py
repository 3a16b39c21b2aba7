""""Your file, as the office sees it": what the applicant (and their active representative)
reads about their submitted application, and downloads as "your data".

One builder, ``file_view``, feeds the page, the PDF and the JSON file, so the three always
hold the same things. What it reads, and what it never reads:

- notes: only ``InternalNote.objects.on_file()``; an internal note is never read here;
- officers: never by name or e-mail. Each officer who opened the file is "Officer 1",
  "Officer 2"… in the order they first opened it (the same officer keeps the same number on
  this file), with their function; the decision is signed by the decision-maker's title;
- screening findings: the rules' message (or the ground the officer added, with the words
  the officer typed for the applicant), the outcome in plain language, the citation;
  the officer's reason for a verdict is an internal working note and is not shown;
- what the office waits for: the rows of the officers' "Waiting for" column
  (``selectors.holds_of``) and the rules' list of what a decision still needs
  (``readiness.readiness``), each with its citation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from portique.accounts.choices import OfficerRole, Role
from portique.applications import document_types
from portique.applications.access import Capability, access_application, current_representation
from portique.applications.answer_summary import people_as_submitted
from portique.applications.choices import EDITABLE, RepresentationState, Status
from portique.applications.form_rendering import countries
from portique.applications.submission.selectors import timeline_of
from portique.documents.selectors import documents_of
from portique.rules.sponsorship import decisions as sponsorship_rules

from . import readiness as readiness_rules
from . import selectors
from .choices import AccessKind, DecisionOutcome, EventKind, FindingSource, RequestState, Verdict
from .models import FileAccess, Finding, InternalNote, PersonDecision, SponsorAssessment
from .services import PROCESSING
from .sponsorship import person_name

# What the holds already say (Quebec's answer, a police certificate): not listed twice.
HELD_CODES = frozenset({"QUEBEC_DECISION_AWAITED", "POLICE_CERTIFICATE_OUTSTANDING"})


def access_own_file(*, user, public_id):
    """The submitted application, if ``user`` is its applicant or their active representative.

    A draft has no file at the office yet (404), and a representative reads it only while the
    representation is active: nothing once it is revoked (``access_application`` already says
    so; the state is checked again here so that no other state ever reads the office's file).
    """
    application = access_application(actor=user, public_id=public_id, capability=Capability.READ)
    if application.status in EDITABLE:
        raise Http404
    if user.role == Role.REPRESENTATIVE:
        representation = current_representation(application)
        if representation is None or representation.state != RepresentationState.ACTIVE:
            raise Http404
    return application


@dataclass
class Opening:
    at: datetime
    who: str
    what: str


@dataclass
class Waiting:
    text: str
    citation: str = ""


@dataclass
class FindingView:
    message: str
    raised_by: str
    detail: str
    outcome: str
    verdict: str
    citation: str
    judged_at: datetime | None


@dataclass
class NoteView:
    at: datetime
    text: str


@dataclass
class ReasonView:
    text: str
    citation: str = ""


@dataclass
class PersonOutcomeView:
    name: str
    outcome: str
    findings: str
    reasons: list[ReasonView]


@dataclass
class DecisionView:
    title: str
    outcome: str
    at: datetime
    by: str
    reasons: str
    people: list[PersonOutcomeView] = field(default_factory=list)


@dataclass
class LetterView:
    public_id: Any
    kind: str
    language: str
    issued_at: datetime
    openings: list[Opening]


@dataclass
class SentFileView:
    name: str
    sha256: str
    size: int
    uploaded_at: datetime
    openings: list[Opening]


@dataclass
class RequestView:
    public_id: Any
    description: str
    requested_at: datetime
    due_on: date
    state: str
    answered_at: datetime | None
    answer_text: str
    files: list[SentFileView]


@dataclass
class DocumentView:
    kind: str
    name: str
    sha256: str
    size: int
    uploaded_at: datetime
    openings: list[Opening]


@dataclass
class HistoryView:
    at: datetime
    what: str


@dataclass
class FileView:
    application: Any
    language: str
    stage: str
    waiting: list[Waiting]
    findings: list[FindingView]
    notes: list[NoteView]
    decisions: list[DecisionView]
    letters: list[LetterView]
    requests: list[RequestView]
    documents: list[DocumentView]
    file_openings: list[Opening]
    history: list[HistoryView]


# --- Who opened what ----------------------------------------------------------------------------


def _functions_of(officer_ids) -> dict[int, str]:
    """Each officer's function (the first of their roles, in the order of ``OfficerRole``)."""
    from django.contrib.auth import get_user_model

    found: dict[int, str] = {}
    users = get_user_model().objects.filter(pk__in=officer_ids).prefetch_related("groups")
    order = list(OfficerRole.values)
    for user in users:
        roles = sorted(
            (group.name for group in user.groups.all() if group.name in order), key=order.index
        )
        found[user.pk] = str(OfficerRole(roles[0]).label).lower() if roles else ""
    return found


def _openings(application) -> tuple[dict[Any, list[Opening]], list[Opening]]:
    """The access log of the file, by the public id of what was opened, and the pages of the file opened."""
    entries = list(FileAccess.objects.filter(application=application).order_by("at", "id"))
    numbers: dict[int, int] = {}
    for entry in entries:
        numbers.setdefault(entry.officer_id, len(numbers) + 1)
    functions = _functions_of(numbers)
    by_object: dict[Any, list[Opening]] = defaultdict(list)
    pages: list[Opening] = []
    for entry in entries:
        function = functions.get(entry.officer_id, "")
        who = (
            _("Officer %(number)s (%(function)s)") % {"number": numbers[entry.officer_id], "function": function}
            if function
            else _("Officer %(number)s") % {"number": numbers[entry.officer_id]}
        )
        opening = Opening(at=entry.at, who=who, what=str(AccessKind(entry.kind).label))
        if entry.opened is not None:
            by_object[entry.opened].append(opening)
        else:
            # A page of the file; or a document or letter opened before the log kept which one
            # (its kind is said, never the log's own words, which may hold internal codes).
            pages.append(opening)
    return by_object, pages


# --- What the office is waiting for ------------------------------------------------------------------


def _stage_and_waiting(application, *, on: date, language: str) -> tuple[str, list[Waiting]]:
    status = application.status
    waiting: list[Waiting] = []
    if status == Status.SUBMITTED:
        waiting.append(Waiting(_("An officer checks that your application is complete.")))
    elif status == Status.ACCEPTED:
        waiting.append(Waiting(_("Your application is complete: it waits for an officer to start processing it.")))
    if status in PROCESSING:
        names = dict(countries(language))
        for hold in selectors.holds_of([application], today=on)[application.pk]:
            if hold.kind == "quebec":
                waiting.append(
                    Waiting(
                        _("Quebec's decision on the undertaking (asked on %(day)s).")
                        % {"day": _date(hold.since)},
                        _cite(sponsorship_rules.QUEBEC, language),
                    )
                )
                continue
            text = _("A police certificate from %(country)s for %(name)s") % {
                "country": names.get(hold.country, hold.country),
                "name": hold.name,
            }
            if hold.answered:
                text += _(": you sent it; an officer has to record it received.")
            elif hold.overdue:
                text += _(": the deadline of %(day)s has passed.") % {"day": _date(hold.due_on)}
            elif hold.due_on:
                text += _(": due by %(day)s.") % {"day": _date(hold.due_on)}
            else:
                text += "."
            waiting.append(Waiting(text, _cite(sponsorship_rules.POLICE, language)))
        for missing in readiness_rules.readiness(application, on=on).missing:
            if missing.code not in HELD_CODES:
                waiting.append(Waiting(missing.text, _cite(missing.citation, language)))
        if not waiting and status == Status.IN_PROCESSING:
            waiting.append(Waiting(_("Nothing: your application is ready for a decision.")))
    return str(application.get_status_display()), waiting


def _cite(text: str, language: str) -> str:
    """A rule's citation in ``language`` (RIPR in French, IRPR in English)."""
    from portique.rules.citations import citation_in

    return citation_in(text or "", language)


def _date(day) -> str:
    from django.utils import formats

    return formats.date_format(day, "DATE_FORMAT") if day else ""


# --- Findings, notes, decisions ------------------------------------------------------------------


OUTCOMES = {
    Verdict.CONFIRMED: lambda: _("Confirmed by an officer: this was missing or incomplete."),
    Verdict.OVERRIDDEN: lambda: _("Set aside by an officer: not a reason to return your application."),
    Verdict.PENDING: lambda: _("Not reviewed by an officer yet."),
}


def _findings(application, language: str) -> list[FindingView]:
    return [
        FindingView(
            message=finding.message(language),
            raised_by=_("Found by the automatic completeness check")
            if finding.source == FindingSource.RULES
            else _("Raised by an officer"),
            detail=finding.detail,
            outcome=OUTCOMES[Verdict(finding.verdict)](),
            verdict=finding.verdict,
            citation=_cite(finding.citation, language),
            judged_at=finding.verdict_at,
        )
        for finding in Finding.objects.filter(screening__application=application).order_by("created_at", "id")
    ]


def notes_to_the_file(application) -> list[NoteView]:
    """The notes officers wrote to the file: never an internal one, never the officer's name."""
    return [
        NoteView(at=note.created_at, text=note.text)
        for note in InternalNote.objects.on_file().filter(application=application).order_by("created_at", "id")
    ]


def _reason(found: dict, language: str) -> ReasonView:
    text = found.get("fr" if language == "fr" else "en") or found.get("message") or ""
    return ReasonView(text=text, citation=_cite(found.get("citation", ""), language))


def _decisions(application, language: str) -> list[DecisionView]:
    found: list[DecisionView] = []
    assessment = SponsorAssessment.objects.filter(application=application).first()
    if assessment is not None:
        found.append(
            DecisionView(
                title=_("The sponsor's eligibility"),
                outcome=_("The sponsor meets the requirements")
                if assessment.approved
                else _("The sponsor does not meet the requirements"),
                at=assessment.assessed_at,
                by=str(OfficerRole.DECISION_MAKER.label),
                reasons=assessment.reasons,
            )
        )
    decision = getattr(application, "decision", None)
    if decision is not None:
        people = [
            PersonOutcomeView(
                name=person_name(row.person),
                outcome=str(row.get_outcome_display()),
                findings=row.findings,
                reasons=[_reason(reason, language) for reason in row.reasons if isinstance(reason, dict)],
            )
            for row in PersonDecision.objects.filter(decision=decision).select_related("person")
        ]
        found.append(
            DecisionView(
                title=_("The decision on your application"),
                outcome=str(DecisionOutcome(decision.outcome).label),
                at=decision.decided_at,
                by=str(OfficerRole.DECISION_MAKER.label),
                reasons=decision.reasons,
                people=people,
            )
        )
    return found


# --- Letters, requests, documents, history ------------------------------------------------------


def _document_kind(document) -> str:
    kind = document.document_type or document.item_code
    return document_types.label(kind) if kind in document_types.LABELS else _("Document")


def _history(application) -> list[HistoryView]:
    """Status changes and the office's steps, without who did them or the officers' words;
    an internal note's step is not listed."""
    entries = [HistoryView(at=entry.at, what=str(entry.label)) for entry in timeline_of(application=application)]
    entries += [
        HistoryView(at=event.at, what=str(event.get_kind_display()))
        for event in application.case_events.exclude(kind=EventKind.NOTE_ADDED).order_by("at", "id")
    ]
    return sorted(entries, key=lambda entry: entry.at)


def file_view(application, *, language: str, on: date | None = None) -> FileView:
    """Everything the applicant reads about their file, in ``language`` ("en" or "fr")."""
    on = on or timezone.localdate()
    with override(language):
        by_object, file_openings = _openings(application)
        stage, waiting = _stage_and_waiting(application, on=on, language=language)
        letters = [
            LetterView(
                public_id=letter.public_id,
                kind=str(letter.get_kind_display()),
                language=letter.language,
                issued_at=letter.issued_at,
                openings=by_object.get(letter.public_id, []),
            )
            for letter in application.letters.order_by("issued_at", "id")
        ]
        requests = [
            RequestView(
                public_id=request.public_id,
                description=request.description,
                requested_at=request.requested_at,
                due_on=request.due_on,
                state=str(RequestState(request.state).label),
                answered_at=request.answered_at,
                answer_text=request.answer_text,
                files=[
                    SentFileView(
                        name=sent.original_name,
                        sha256=sent.sha256,
                        size=sent.size,
                        uploaded_at=sent.uploaded_at,
                        openings=by_object.get(sent.public_id, []),
                    )
                    for sent in request.files.all()
                ],
            )
            for request in application.document_requests.prefetch_related("files").order_by("requested_at", "id")
        ]
        documents = [
            DocumentView(
                kind=_document_kind(document),
                name=document.original_name,
                sha256=document.sha256,
                size=document.size,
                uploaded_at=document.uploaded_at,
                openings=by_object.get(document.public_id, []),
            )
            for document in documents_of(application)
        ]
        return FileView(
            application=application,
            language=language,
            stage=stage,
            waiting=waiting,
            findings=_findings(application, language),
            notes=notes_to_the_file(application),
            decisions=_decisions(application, language),
            letters=letters,
            requests=requests,
            documents=documents,
            file_openings=file_openings,
            history=_history(application),
        )


def answers_of(application, language: str) -> list[dict[str, Any]]:
    """Each person's answers as submitted, labelled in ``language`` (for the PDF and the JSON file)."""
    people = []
    with override(language):
        for person in people_as_submitted(application, language):
            people.append(
                {
                    "person": str(dict(_roles()).get(person.role, "")),
                    "form": (person.form.fr if language == "fr" else person.form.en) if person.form else "",
                    "sections": [
                        {
                            "title": section.title,
                            "not_applicable": section.not_applicable,
                            "answers": [{"question": q, "answer": a} for q, a in (section.pairs or [])],
                            "columns": list(section.headers or []),
                            "rows": [list(row) for row in (section.rows or [])],
                        }
                        for section in person.sections
                    ],
                }
            )
    return people


def _roles():
    from portique.applications.choices import PersonRole

    return PersonRole.choices
