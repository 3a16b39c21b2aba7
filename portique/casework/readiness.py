"""Is a file ready for a decision? What the rules require before one, and what is still missing.

One place answers it for every program: the application's own evaluation says who gives
biometrics and who is examined (``details["biometrics"]``, ``details["medical"]``), the
file's rows say what was sent and received, and ``rules.before_decision`` (with the
sponsorship's Quebec and police-certificate rules) says what an approval still waits for,
each item with its rule. Nothing here knows a program by its code: a program whose
evaluation names no one for biometrics or medicals simply has no such item.

The approval services refuse while ``missing`` is not empty; the file and decision pages
list it, each item behind its "Why?".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import get_language

from portique.applications.choices import PersonRole
from portique.applications.people import selectors as people_selectors
from portique.applications.services import application_evaluate
from portique.rules import before_decision
from portique.rules.evaluate import Evaluation
from portique.rules.reasons import Reason
from portique.rules.sponsorship import decisions as sponsorship_rules

from .choices import InterviewOutcome, InterviewPurpose, RequestState
from .models import SponsorAssessment


@dataclass(frozen=True)
class Missing:
    """One thing an approval waits for, in the page's language, with the rule behind "Why?"."""

    text: str
    citation: str
    code: str
    subject: str | None = None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Readiness:
    evaluation: Evaluation
    reasons: tuple[Reason, ...]
    language: str

    @property
    def missing(self) -> list[Missing]:
        return [
            Missing(
                text=found.message(self.language),
                citation=found.citation,
                code=found.code,
                subject=found.subject,
            )
            for found in self.reasons
        ]

    @property
    def ready(self) -> bool:
        return not self.reasons


def _language() -> str:
    return (get_language() or "en")[:2]


def person_id(person) -> str:
    """The id the rules give a person of the file (``applications.case_builder``)."""
    return f"p{person.position}"


def name_of(person) -> str:
    return people_selectors.person_name(person) or str(person.get_role_display())


def application_date(application) -> date:
    from . import services

    return services.application_date(application)


def evaluation_of(application) -> Evaluation:
    """The rules' evaluation of the file as submitted, on its application date."""
    return application_evaluate(application=application, on=application_date(application))


def biometrics_required(evaluation: Evaluation) -> dict[str, dict[str, Any]]:
    """Each person the rules say gives biometrics for this application, by person id."""
    people = evaluation.details.get("biometrics") or {}
    return {pid: entry for pid, entry in people.items() if isinstance(entry, dict) and entry.get("required")}


def medical_required(evaluation: Evaluation) -> list[str]:
    """The ids of the people the rules say are examined (SP-116, SP-222); none for a program without."""
    medical = evaluation.details.get("medical") or {}
    return list(medical.get("must_be_examined") or [])


def _biometrics_citation(evaluation: Evaluation, pid: str) -> str:
    # The paragraph of IRPR 12.1 that lists this person's application and, where the rules name
    # one, the guide that sends their instruction letter (a PR card's or a permanent residence
    # application's), as the rules cite it on the person's own reason.
    entry = (evaluation.details.get("biometrics") or {}).get(pid) or {}
    paragraph = entry.get("paragraph") if isinstance(entry, dict) else None
    regulation = f"IRPR {paragraph or '12.1'}, 12.2"
    guide = next(
        (
            found.citation
            for found in evaluation.findings
            if found.subject == pid and found.code == "BIOMETRICS_INSTRUCTION_LETTER"
        ),
        None,
    )
    return f"{guide}; {regulation}" if guide else regulation


def _step(rows, done_field: str) -> before_decision.Step:
    if any(getattr(row, done_field) is None for row in rows):
        return before_decision.Step.INSTRUCTED
    if rows:
        return before_decision.Step.DONE
    return before_decision.Step.NOT_STARTED


def _qa_interview(application) -> before_decision.QaInterview:
    outcomes = [
        interview.outcome
        for interview in application.interviews.all()
        if interview.purpose == InterviewPurpose.QUALITY_ASSURANCE
    ]
    if InterviewOutcome.ATTENDED in outcomes:
        return before_decision.QaInterview.HELD
    if "" in outcomes:
        return before_decision.QaInterview.SCHEDULED
    if outcomes:
        return before_decision.QaInterview.NOT_ATTENDED
    return before_decision.QaInterview.NOT_SCHEDULED


def _drawn_for_quality_assurance(application) -> bool:
    # A queue's files carry the answer as an annotation (``triage.annotate_for_triage``).
    annotated = getattr(application, "triage_quality_assurance", None)
    return annotated if annotated is not None else hasattr(application, "quality_assurance")


def file_steps(application, evaluation: Evaluation) -> before_decision.FileSteps:
    """The facts ``rules.before_decision`` reads, from the file's rows and its evaluation."""
    # Each relation read with .all(), so that a page listing many files can prefetch them (bulk_decide).
    people = sorted(application.people.all(), key=lambda person: person.position)
    principal = next((p for p in people if p.role == PersonRole.PRINCIPAL_APPLICANT), None)
    needs_biometrics = biometrics_required(evaluation)
    examined = set(medical_required(evaluation))
    biometrics_rows: dict[int | None, list] = {}
    for row in application.biometrics_instructions.all():
        # A letter sent before letters were per person was the principal applicant's.
        key = row.person_id if row.person_id is not None else (principal.pk if principal else None)
        biometrics_rows.setdefault(key, []).append(row)
    medical_rows: dict[int, list] = {}
    for row in application.medical_instructions.all():
        medical_rows.setdefault(row.person_id, []).append(row)
    steps = []
    for person in people:
        pid = person_id(person)
        bio_rows = biometrics_rows.get(person.pk, [])
        med_rows = medical_rows.get(person.pk, [])
        if pid not in needs_biometrics and pid not in examined and not bio_rows and not med_rows:
            continue
        steps.append(
            before_decision.PersonSteps(
                person=pid,
                name=name_of(person),
                biometrics_required=pid in needs_biometrics,
                biometrics=_step(bio_rows, "collected_on"),
                medical_required=pid in examined,
                medical=_step(med_rows, "result_on"),
                biometrics_citation=_biometrics_citation(evaluation, pid),
            )
        )
    sponsored = application.definition.sponsored
    return before_decision.FileSteps(
        people=tuple(steps),
        open_requests=sum(1 for row in application.document_requests.all() if row.state == RequestState.OPEN),
        # A quality-assurance interview has its own item (held or not), not this one too.
        interviews_without_outcome=sum(
            1
            for interview in application.interviews.all()
            if interview.outcome == "" and interview.purpose != InterviewPurpose.QUALITY_ASSURANCE
        ),
        quality_assurance_selected=_drawn_for_quality_assurance(application),
        quality_assurance_interview=_qa_interview(application),
        sponsored=sponsored,
        sponsor_assessed=sponsored and SponsorAssessment.objects.filter(application=application).exists(),
    )


def _sponsorship_reasons(application, evaluation: Evaluation, *, on: date) -> list[Reason]:
    """Quebec's answer (SP-70) and the police certificates (SP-185), named per person."""
    from . import sponsorship

    found = list(sponsorship_rules.quebec_blockers(sponsorship.quebec_state(application)))
    rows = sponsorship.police_certificates(application, evaluation=evaluation)
    names = {f"{row.certificate.person}/{row.certificate.country}": row.name for row in rows}
    for blocker in sponsorship_rules.police_blockers(
        tuple(row.certificate for row in rows), on=on, approving=True
    ):
        name = names.get(blocker.subject or "", "")
        found.append(
            Reason(
                blocker.code,
                blocker.rule,
                blocker.citation,
                f"{name}: {blocker.en}" if name else blocker.en,
                f"{name}\u00a0: {blocker.fr}" if name else blocker.fr,
                blocker.severity,
                blocker.subject,
            )
        )
    return found


def readiness(application, *, on: date, evaluation: Evaluation | None = None) -> Readiness:
    """What an approval of ``application`` still waits for on ``on`` (``ready`` when nothing)."""
    evaluation = evaluation or evaluation_of(application)
    steps = file_steps(application, evaluation)
    reasons = list(before_decision.approval_blockers(steps))
    if application.definition.sponsored and steps.sponsor_assessed:
        reasons.extend(_sponsorship_reasons(application, evaluation, on=on))
    return Readiness(evaluation=evaluation, reasons=tuple(reasons), language=_language())


def decision_initial(application, found: Readiness | None) -> dict[str, str]:
    """The decision form as the file fills it, for the officer to confirm.

    Approval is pre-selected only when nothing is missing (a refusal or a withdrawal never
    is); a card is mailed to the address the form gives when the program delivers a card.
    """
    from .choices import CardDelivery, DecisionOutcome

    initial: dict[str, str] = {}
    if found is not None and found.ready:
        initial["outcome"] = DecisionOutcome.APPROVED
    if card_address(application):
        initial["card_delivery"] = CardDelivery.MAIL
    return initial


def card_address(application) -> list[str]:
    """Where an approved card is mailed: the mailing address on file; [] when the program sends no card."""
    from portique.rules.programs.definition import Delivery

    from . import letters

    if application.definition.delivery is not Delivery.CARD_BY_MAIL:
        return []
    return list(letters.addressee(application)["address"])
