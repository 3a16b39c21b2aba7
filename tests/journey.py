"""A PR card application taken through the services, step by step, as an applicant would.

Shared by the service tests, the officer-side tests and the benchmarks: each step is the
real service (answers saved section by section, real files checked by content, a
sandbox payment, a typed signature), so a test that uses it goes through every guard.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from portique.applications import services
from portique.applications.choices import Program
from portique.documents import selectors as document_selectors
from portique.documents import services as document_services
from portique.documents.items import PHOTO_BACK, PHOTO_FRONT
from portique.payments import services as payment_services
from portique.payments.cards import CardDetails
from tests.documents.files import image_bytes, pdf_bytes, portrait, upload
from tests.rules.forms.test_imm5444_validation import complete_answers

TODAY = datetime.date(2026, 11, 22)
SANDBOX_APPROVED = CardDetails(
    number="4242 4242 4242 4242", expiry_month=12, expiry_year=2030, security_code="123"
)
PASSPORT_NAME = "Alex Marie Tremblay"


def save_answers(actor, application, answers: dict, *, on: datetime.date = TODAY):
    for section_code, section_answers in answers.items():
        application.refresh_from_db()
        services.application_save_section(
            actor=actor,
            public_id=application.public_id,
            position=0,
            form_code="IMM5444",
            section_code=section_code,
            answers=section_answers,
            expected_version=application.version,
            on=on,
        )
    application.refresh_from_db()


# A sponsorship photo's print that meets Appendix C of IMM 5289 (SP-190).
MEASURED_PRINT = document_services.PrintFacts(
    width_mm=Decimal("50"),
    height_mm=Decimal("70"),
    face_height_mm=Decimal("34"),
    name_and_date_of_birth=True,
    studio_name_and_full_address=True,
    date_taken=True,
    marking="stamp",
    professional_photographer=True,
)


def upload_checklist(actor, application, *, on: datetime.date = TODAY) -> None:
    """Upload a real file for every item the rules' checklist asks of this application."""
    photo = image_bytes(portrait())
    for item in document_selectors.checklist_for(application, on):
        for copy in range(item.count):
            if item.code == PHOTO_FRONT:
                name, content, extra = (
                    "photo.jpg",
                    photo,
                    {"declaration": True, "taken_on": on - datetime.timedelta(days=30)},
                )
                if application.definition.photo_print_measured:
                    extra["print_facts"] = MEASURED_PRINT
            elif item.code == PHOTO_BACK:
                name, content, extra = "photo-back.pdf", pdf_bytes(1), {}
            else:
                name, content, extra = f"{item.code.lower()}-{copy + 1}.pdf", pdf_bytes(1), {}
            if item.document_types:
                extra["document_type"] = item.document_types[0]
            uploaded = document_services.document_upload(
                actor=actor,
                public_id=application.public_id,
                item=item,
                upload=upload(name, content),
                on=on,
                **extra,
            )
            if uploaded.needs_confirmation:
                document_services.document_confirm(
                    actor=actor,
                    public_id=application.public_id,
                    document_id=uploaded.document.pk,
                    item=item,
                    confirmation=True,
                )
    application.refresh_from_db()


def pay(actor, application, *, on: datetime.date = TODAY, payer_name: str = PASSPORT_NAME):
    return payment_services.payment_make(
        actor=actor,
        public_id=application.public_id,
        card=SANDBOX_APPROVED,
        payer_name=payer_name,
        idempotency_key=payment_services.new_idempotency_key(),
        on=on,
    )


def sign(actor, application, *, on: datetime.date = TODAY, typed_name: str = PASSPORT_NAME):
    from portique.rules.programs import registry

    application.refresh_from_db()
    signature = services.application_sign(
        actor=actor,
        public_id=application.public_id,
        typed_name=typed_name,
        declaration_version=registry.program(application.program).declaration_for("principal_applicant").version,
        expected_version=application.version,
        on=on,
    )
    application.refresh_from_db()
    return signature


def ready_to_submit(actor, *, on: datetime.date = TODAY, answers: dict | None = None):
    """A complete, paid and signed PR card renewal owned by ``actor``."""
    application = services.application_start(actor=actor, program=Program.PR_CARD)
    save_answers(actor, application, answers or complete_answers(), on=on)
    upload_checklist(actor, application, on=on)
    pay(actor, application, on=on)
    sign(actor, application, on=on)
    return application


def submitted(actor, *, on: datetime.date = TODAY, answers: dict | None = None):
    """A PR card renewal taken all the way to submission; returns (application, submission)."""
    application = ready_to_submit(actor, on=on, answers=answers)
    submission = services.application_submit(actor=actor, public_id=application.public_id, on=on)
    application.refresh_from_db()
    return application, submission


CHILD_NAME = "Léa Tremblay"
GUARDIAN_PASSPORT_NAME = "Marie-Claude Gagnon"


def minor_answers() -> dict:
    """A renewal for Léa, 15 on TODAY: a parent or legal guardian signs for her (ACT-56)."""
    answers = complete_answers()
    answers["personal"] = {
        **answers["personal"],
        "given_names": "Léa",
        "date_of_birth": "2011-03-01",
        "date_became_pr": "2016-06-01",
    }
    answers["activities"] = [
        {"start": "2021-11-22", "end": "2026-11-22", "activity": "Student", "organisation": "École Lisgar",
         "city": "Ottawa", "country": "CA"}
    ]
    return answers


def declare_guardian(
    actor,
    application,
    *,
    on: datetime.date = TODAY,
    family_name: str = "Gagnon",
    given_names: str = "Marie-Claude",
    relationship: str = "parent",
):
    """Add the parent or legal guardian who signs, with their passport name."""
    from portique.applications.choices import PersonRole
    from portique.applications.people import services as people

    application.refresh_from_db()
    guardian = people.person_add(
        actor=actor,
        public_id=application.public_id,
        role=PersonRole.PARENT_OR_GUARDIAN,
        expected_version=application.version,
        on=on,
    )
    application.refresh_from_db()
    services.application_save_section(
        actor=actor,
        public_id=application.public_id,
        position=guardian.position,
        form_code="GUARDIAN",
        section_code="personal",
        answers={"family_name": family_name, "given_names": given_names, "relationship": relationship},
        expected_version=application.version,
        on=on,
    )
    application.refresh_from_db()
    guardian.refresh_from_db()
    return guardian


def minor_ready_to_sign(actor, *, on: datetime.date = TODAY):
    """A complete and paid renewal for a 15-year-old, her parent declared; not yet signed."""
    application = services.application_start(actor=actor, program=Program.PR_CARD)
    save_answers(actor, application, minor_answers(), on=on)
    guardian = declare_guardian(actor, application, on=on)
    upload_checklist(actor, application, on=on)
    pay(actor, application, on=on, payer_name=GUARDIAN_PASSPORT_NAME)
    return application, guardian


def collect_before_decision(officer, application, *, on: datetime.date = TODAY):
    """What the rules require before an approval (``casework.readiness``), for any program, done as an
    officer does it: the biometric letters to everyone who gives biometrics (those not yet sent), each collection recorded, the medical
    instructions to everyone who is examined, each result recorded."""
    from django.utils import timezone

    from portique.casework import instructions
    from portique.casework import services as casework

    # A collection cannot be recorded before the letter's real issue day (today), nor in the future.
    today = timezone.localdate()
    if any(entry.to_instruct for entry in instructions.biometrics_people(application)):
        casework.biometrics_instruct(actor=officer, public_id=application.public_id, on=on)
    for entry in instructions.biometrics_people(application):
        if entry.pending:
            casework.biometrics_record_collected(
                actor=officer,
                public_id=application.public_id,
                collected_on=today,
                on=today,
                position=entry.person.position,
            )
    instructed = set(application.medical_instructions.values_list("person_id", flat=True))
    if any(person.pk not in instructed for person in instructions.medical_people(application)):
        instructions.medical_instruct_everyone(actor=officer, public_id=application.public_id, on=on)
    for instruction in application.medical_instructions.filter(result_on__isnull=True):
        casework.medical_record_result(
            actor=officer,
            public_id=application.public_id,
            instruction_id=instruction.public_id,
            result_on=on,
            on=on,
        )
    application.refresh_from_db()
