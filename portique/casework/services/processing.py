"""Processing: starting it, biometrics instructions and collection (IRPR 12.1), medical exams."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import PersonRole, Status
from portique.applications.models import Application
from portique.applications.services import application_transition
from portique.payments import selectors as payment_selectors
from portique.rules import biometrics, fees
from portique.rules.sponsorship.police import medical_exam_deadline

from .. import letters
from ..choices import (
    EventKind,
    LetterKind,
)
from ..models import (
    BiometricsInstruction,
    MedicalInstruction,
)
from . import common
from .common import (
    PROCESS,
    PROCESSING,
    CaseworkError,
)

# --- Processing -----------------------------------------------------------------------------------


def biometrics_pending(application: Application) -> bool:
    return application.biometrics_instructions.filter(collected_on__isnull=True).exists()


def processing_start(*, actor, public_id, reason: str = "") -> Application:
    """Start processing an accepted application. Not while biometrics are awaited (PRC-32)."""
    common.require(actor, *PROCESS)
    with transaction.atomic():
        application = common.locked_case(public_id=public_id, at=(Status.ACCEPTED,))
        if biometrics_pending(application):
            raise CaseworkError.at("", _("Processing starts only once the biometrics are received (PRC-32)."))
        start_processing(
            application=application, actor=actor, reason=(reason or "").strip() or "processing started"
        )
    return application


def start_processing(*, application: Application, actor, reason: str) -> None:
    application_transition(
        application=application, to_status=Status.IN_PROCESSING, actor=actor, reason=reason
    )
    common.record_event(
        application=application, kind=EventKind.PROCESSING_STARTED, actor=actor, detail=reason
    )


# --- Biometrics (IRPR 12.1, PRC-32) and medical exams (SP-222) -------------------------------------


def principal(application: Application):
    return application.people.filter(role=PersonRole.PRINCIPAL_APPLICANT).first()


def biometric_fee_paid(application: Application) -> bool:
    codes = {code.value for code in fees.BIOMETRIC_FEES}
    return any(
        line.get("code") in codes and not line.get("deferred")
        for payment in payment_selectors.approved_payments(application)
        for line in payment.quote.get("lines", [])
    )


def biometrics_instruct(
    *, actor, public_id, history: biometrics.PrCardBiometricsHistory | None = None, on: date
) -> list[BiometricsInstruction]:
    """Send the biometric instruction letters the rules call for, one per person (``casework.instructions``)."""
    from ..instructions import biometrics_instruct as instruct

    return instruct(actor=actor, public_id=public_id, history=history, on=on)


def biometrics_record_collected(
    *, actor, public_id, collected_on: date | None, on: date, position: int | None = None
) -> BiometricsInstruction:
    """Record that a person's biometrics were collected; processing starts then (PRC-32)."""
    from ..instructions import biometrics_record_collected as record

    return record(actor=actor, public_id=public_id, collected_on=collected_on, on=on, position=position)


def medical_instruct(*, actor, public_id, position: int, on: date) -> MedicalInstruction:
    """Send medical exam instructions to one person: the exam within 30 days (SP-222).

    Instructions in the online account arrive the day they are sent (SP-222: linked
    accounts receive them immediately), so the 30 days count from ``on``.
    """
    common.require(actor, *PROCESS)
    with common.atomic() as stored:
        application = common.locked_case(public_id=public_id, at=PROCESSING)
        person = application.people.filter(position=position).first()
        if person is None:
            raise CaseworkError.at("position", _("Choose a person of this application."))
        from ..sponsorship import not_examined, person_name

        if not_examined(person):
            raise CaseworkError.at("position", not_examined(person))
        if application.medical_instructions.filter(person=person, result_on__isnull=True).exists():
            raise CaseworkError.at(
                "position", _("This person already has medical instructions waiting for a result.")
            )
        deadline = medical_exam_deadline(instructions_received=on)
        instruction = MedicalInstruction(
            application=application, person=person, issued_on=on, due_on=deadline.deadline, issued_by=actor
        )
        common.save_with_letter(
            instruction,
            stored=stored,
            kind=LetterKind.MEDICAL,
            actor=actor,
            on=on,
            context={
                "instruction": instruction,
                # Each family member's own instructions name them (SP-222: one set per person).
                "person_name": person_name(person)
                if application.definition.family_members
                else letters.addressee(application)["name"],
            },
            event=EventKind.MEDICAL_INSTRUCTED,
            detail=f"person {position}, due {deadline.deadline.isoformat()}",
        )
    return instruction


def medical_record_result(
    *, actor, public_id, instruction_id, result_on: date | None, on: date
) -> MedicalInstruction:
    common.require(actor, *PROCESS)
    common.past_date(result_on, "result_on", on=on)
    with transaction.atomic():
        application = common.locked_case(public_id=public_id, at=PROCESSING)
        instruction = (
            application.medical_instructions.select_for_update().filter(public_id=instruction_id).first()
        )
        if instruction is None:
            raise Http404
        if instruction.result_on is not None:
            raise CaseworkError.at("", _("The result of this exam is already recorded."))
        if result_on < instruction.issued_on:
            raise CaseworkError.at("result_on", _("The date cannot be before the instructions were sent."))
        instruction.result_on = result_on
        instruction.result_recorded_by = actor
        instruction.result_recorded_at = timezone.now()
        instruction.save(update_fields=["result_on", "result_recorded_by", "result_recorded_at"])
        common.record_event(
            application=application, kind=EventKind.MEDICAL_RESULT, actor=actor, detail=result_on.isoformat()
        )
    return instruction
