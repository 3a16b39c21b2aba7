"""Biometric and medical instructions that know the file: who needs them, by name, in one post.

The application's evaluation says who gives biometrics (IRPR 12.1, 12.2, with the kind of
application and the dates the file holds) and who is examined (SP-116, SP-222), for every
program alike. The officer sends each of them their letter in one action; a PR card
applicant whose dates leave IRPR 12.1(m) open is the one case where the officer adds what
the department's records show (the permanent residence application and the day it was
received), and the rules decide with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import PersonRole, Status
from portique.rules import biometrics
from portique.rules.evaluate import Evaluation
from portique.rules.reasons import Reason
from portique.rules.sponsorship.police import medical_exam_deadline

from . import letters, readiness, services
from .choices import EventKind, LetterKind
from .models import BiometricsInstruction, MedicalInstruction


@dataclass
class BiometricsPerson:
    """One person the rules have an answer about, and where their biometrics stand."""

    person: object
    name: str
    required: bool
    # The rules cannot say without the department's records (a PR card, IRPR 12.1(m)).
    needs_records: bool
    reasons: list[Reason] = field(default_factory=list)
    instructions: list[BiometricsInstruction] = field(default_factory=list)

    @property
    def pending(self) -> BiometricsInstruction | None:
        return next((row for row in self.instructions if row.collected_on is None), None)

    @property
    def collected(self) -> BiometricsInstruction | None:
        return next((row for row in self.instructions if row.collected_on is not None), None)

    @property
    def to_instruct(self) -> bool:
        return self.required and not self.instructions


def _birth_date(entry: dict) -> date | None:
    try:
        return date.fromisoformat(entry.get("birth_date") or "")
    except ValueError:
        return None


def _became_pr_on(person) -> date | None:
    # The date the PR card form (IMM 5444) gives: the history's received date cannot be after it.
    answers = person.answers if isinstance(person.answers, dict) else {}
    for form in answers.values():
        personal = form.get("personal") if isinstance(form, dict) else None
        if isinstance(personal, dict) and personal.get("date_became_pr"):
            try:
                return date.fromisoformat(personal["date_became_pr"])
            except (TypeError, ValueError):
                return None
    return None


def biometrics_people(
    application,
    *,
    evaluation: Evaluation | None = None,
    history: biometrics.PrCardBiometricsHistory | None = None,
) -> list[BiometricsPerson]:
    """Everyone the rules answer about for biometrics, in the file's order, with their letters.

    ``history``: what the department's records show of a PR card applicant's permanent
    residence application, for the rules to decide 12.1(m) when the file's dates cannot.
    """
    evaluation = evaluation or readiness.evaluation_of(application)
    entries = evaluation.details.get("biometrics") or {}
    rows: dict[int | None, list[BiometricsInstruction]] = {}
    for row in application.biometrics_instructions.all():
        rows.setdefault(row.person_id, []).append(row)
    found = []
    for person in application.people.order_by("position"):
        pid = readiness.person_id(person)
        entry = entries.get(pid)
        if not isinstance(entry, dict):
            continue
        reasons = [r for r in evaluation.findings if r.subject == pid and r.code.startswith("BIOMETRICS_")]
        required = bool(entry.get("required"))
        needs_records = bool(entry.get("needs_officer_review")) and not required
        if needs_records and entry.get("kind") == biometrics.ApplicationKind.PERMANENT_RESIDENT_CARD.value:
            born = _birth_date(entry)
            if history is not None and born is not None:
                result = biometrics.biometrics_requirement(
                    kind=biometrics.ApplicationKind.PERMANENT_RESIDENT_CARD,
                    application_date=readiness.application_date(application),
                    birth_date=born,
                    pr_card_history=history,
                    subject=pid,
                )
                required, reasons = result.required, list(result.reasons)
        instructions = rows.get(person.pk, [])
        if person.role == PersonRole.PRINCIPAL_APPLICANT:
            # Letters sent before they were per person were the principal applicant's.
            instructions = rows.get(None, []) + instructions
        found.append(
            BiometricsPerson(
                person=person,
                name=readiness.name_of(person),
                required=required,
                needs_records=needs_records,
                reasons=reasons,
                instructions=instructions,
            )
        )
    return found


def biometrics_instruct(
    *, actor, public_id, history: biometrics.PrCardBiometricsHistory | None, on: date
) -> list[BiometricsInstruction]:
    """Send a biometric instruction letter to each person the rules say gives biometrics and who has none.

    The rules decide from the file (the program's kind of application, each person's age on
    the application date, the dates a PR card applicant gave); ``history`` is asked only when
    they cannot. The biometric fee must have been paid with the application (PRC-32, SP-141:
    the letter follows submission and payment).
    """
    services.require(actor, *services.PROCESS)
    language = actor.preferred_language
    with services.atomic() as stored:
        application = services.locked_case(public_id=public_id, at=services.PROCESSING)
        evaluation = readiness.evaluation_of(application)
        if history is not None:
            for entry in biometrics_people(application, evaluation=evaluation):
                became = _became_pr_on(entry.person)
                if entry.needs_records and became and history.pr_application_received_on > became:
                    raise services.CaseworkError.at(
                        "received_on",
                        _(
                            "The permanent residence application cannot have been received after the day the "
                            "applicant became a permanent resident."
                        ),
                    )
        people = biometrics_people(application, evaluation=evaluation, history=history)
        if not people:
            raise services.CaseworkError.at(
                "", _("The application gives no date of birth: the rules cannot decide.")
            )
        waiting_for_records = [entry for entry in people if entry.needs_records and history is None]
        to_send = [entry for entry in people if entry.to_instruct]
        if not to_send:
            if waiting_for_records:
                raise services.CaseworkError.at(
                    "received_on",
                    _("Give the application that made the applicant a permanent resident and its date."),
                )
            if any(entry.required for entry in people):
                raise services.CaseworkError.at(
                    "", _("Everyone who gives biometrics already has a biometric instruction letter.")
                )
            raise services.CaseworkError(
                {
                    "": [_("The rules say no biometrics are required:")]
                    + [r.message(language) for entry in people for r in entry.reasons]
                }
            )
        if not services.biometric_fee_paid(application):
            raise services.CaseworkError.at(
                "",
                _(
                    "The biometric fee was not paid with this application, so no instruction letter can be sent. "
                    "Portique cannot yet collect a fee after submission."
                ),
            )
        sent = []
        for entry in to_send:
            instruction = BiometricsInstruction(
                application=application,
                person=entry.person,
                reasons=[r.as_dict() for r in entry.reasons],
                issued_by=actor,
            )
            services.save_with_letter(
                instruction,
                stored=stored,
                kind=LetterKind.BIOMETRICS,
                actor=actor,
                on=on,
                context={"reasons": entry.reasons, "person_name": entry.name},
                event=EventKind.BIOMETRICS_INSTRUCTED,
                detail=f"person {entry.person.position}",
            )
            sent.append(instruction)
    return sent


def biometrics_record_collected(
    *, actor, public_id, collected_on: date | None, on: date, position: int | None = None
) -> BiometricsInstruction:
    """Record that one person's biometrics were collected (``position``: whose, when several wait).

    Processing starts once every awaited collection is in (PRC-32, SP-141).
    """
    services.require(actor, *services.PROCESS)
    services.past_date(collected_on, "collected_on", on=on)
    with transaction.atomic():
        application = services.locked_case(public_id=public_id, at=services.PROCESSING)
        waiting = list(
            application.biometrics_instructions.select_for_update(of=("self",))
            .filter(collected_on__isnull=True)
            .select_related("person")
        )
        if position is not None:
            waiting = [
                row
                for row in waiting
                if (row.person.position if row.person is not None else _principal_position(application))
                == position
            ]
        if not waiting:
            raise services.CaseworkError.at(
                "", _("No biometric instruction letter is waiting for biometrics.")
            )
        if len(waiting) > 1:
            raise services.CaseworkError.at("position", _("Choose whose biometrics were collected."))
        instruction = waiting[0]
        if collected_on < timezone.localdate(instruction.issued_at):
            raise services.CaseworkError.at(
                "collected_on", _("The date cannot be before the instruction letter was sent.")
            )
        instruction.collected_on = collected_on
        instruction.collected_recorded_by = actor
        instruction.collected_recorded_at = timezone.now()
        instruction.save(update_fields=["collected_on", "collected_recorded_by", "collected_recorded_at"])
        whose = f"person {instruction.person.position}, " if instruction.person is not None else ""
        services.record_event(
            application=application,
            kind=EventKind.BIOMETRICS_COLLECTED,
            actor=actor,
            detail=f"{whose}{collected_on.isoformat()}",
        )
        if application.status == Status.ACCEPTED and not services.biometrics_pending(application):
            services.start_processing(
                application=application, actor=actor, reason="biometrics received (PRC-32)"
            )
    return instruction


def _principal_position(application) -> int | None:
    principal = services.principal(application)
    return principal.position if principal is not None else None


# --- Medical exams (SP-116, SP-222) ----------------------------------------------------------------


def medical_people(application, *, evaluation: Evaluation | None = None) -> list:
    """The people the rules say are examined, in the file's order."""
    evaluation = evaluation or readiness.evaluation_of(application)
    examined = set(readiness.medical_required(evaluation))
    return [
        person
        for person in application.people.order_by("position")
        if readiness.person_id(person) in examined
    ]


def medical_instruct_everyone(*, actor, public_id, on: date) -> list[MedicalInstruction]:
    """Send medical exam instructions, each by name, to everyone the rules say is examined and who has
    none waiting or done: one letter per person (SP-222), in one action."""
    services.require(actor, *services.PROCESS)
    with services.atomic() as stored:
        application = services.locked_case(public_id=public_id, at=services.PROCESSING)
        examined = medical_people(application)
        if not examined:
            raise services.CaseworkError.at("", _("The rules require no medical exam for this application."))
        instructed = set(application.medical_instructions.values_list("person_id", flat=True))
        to_send = [person for person in examined if person.pk not in instructed]
        if not to_send:
            raise services.CaseworkError.at(
                "", _("Everyone who is examined already has medical instructions.")
            )
        deadline = medical_exam_deadline(instructions_received=on)
        sent = []
        for person in to_send:
            instruction = MedicalInstruction(
                application=application,
                person=person,
                issued_on=on,
                due_on=deadline.deadline,
                issued_by=actor,
            )
            services.save_with_letter(
                instruction,
                stored=stored,
                kind=LetterKind.MEDICAL,
                actor=actor,
                on=on,
                context={
                    "instruction": instruction,
                    "person_name": readiness.name_of(person)
                    if application.definition.family_members
                    else letters.addressee(application)["name"],
                },
                event=EventKind.MEDICAL_INSTRUCTED,
                detail=f"person {person.position}, due {deadline.deadline.isoformat()}",
            )
            sent.append(instruction)
    return sent
