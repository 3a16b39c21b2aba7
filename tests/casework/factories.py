"""A submitted application, made the way an applicant makes one: through the services."""

from __future__ import annotations

from datetime import date, timedelta

from portique.applications import services as application_services
from portique.applications.choices import Program
from portique.documents import selectors as document_selectors
from portique.documents import services as document_services
from portique.documents.choices import ItemKind
from portique.payments.cards import CardDetails
from portique.payments.services import new_idempotency_key, payment_make
from portique.rules.programs import registry
from tests.documents.files import image_bytes, pdf_bytes, portrait, upload
from tests.journey import MEASURED_PRINT
from tests.rules.forms.test_imm5444_validation import complete_answers

SUBMITTED_ON = date(2026, 11, 22)


def upload_every_document(owner, application, *, on: date) -> None:
    """One sound file for each checklist item (two where the item needs two)."""
    for item in document_selectors.checklist_for(application, on):
        if item.kind == ItemKind.PHOTO:
            uploaded = document_services.document_upload(
                actor=owner,
                public_id=application.public_id,
                item=item,
                upload=upload("photo.jpg", image_bytes(portrait()), "image/jpeg"),
                on=on,
                declaration=True,
                taken_on=on - timedelta(days=30),
                print_facts=MEASURED_PRINT if application.definition.photo_print_measured else None,
            )
            if uploaded.needs_confirmation:
                document_services.document_confirm(
                    actor=owner,
                    public_id=application.public_id,
                    document_id=uploaded.document.public_id,
                    item=item,
                    confirmation=True,
                )
            continue
        for number in range(item.count):
            document_services.document_upload(
                actor=owner,
                public_id=application.public_id,
                item=item,
                upload=upload(f"{item.code.lower()}-{number + 1}.pdf", pdf_bytes(pages=1), "application/pdf"),
                on=on,
                document_type=item.document_types[0] if item.document_types else None,
            )


def submitted_application(owner, *, on: date = SUBMITTED_ON, answers: dict | None = None):
    application = application_services.application_start(
        actor=owner, program=Program.PR_CARD, answers=answers or complete_answers()
    )
    return submit_prepared(owner, application, on=on)


def submit_prepared(owner, application, *, on: date = SUBMITTED_ON):
    """Upload the documents, validate, pay, sign and submit an application whose answers are complete."""
    upload_every_document(owner, application, on=on)
    application_services.application_validate(actor=owner, public_id=application.public_id, on=on)
    payment_make(
        actor=owner,
        public_id=application.public_id,
        card=CardDetails(
            number="4242 4242 4242 4242", expiry_month=12, expiry_year=2030, security_code="123"
        ),
        payer_name="Alex Tremblay",
        idempotency_key=new_idempotency_key(),
        on=on,
    )
    application.refresh_from_db()
    application_services.application_sign(
        actor=owner,
        public_id=application.public_id,
        typed_name="Alex Marie Tremblay",
        declaration_version=registry.program(application.program).declaration_for("principal_applicant").version,
        expected_version=application.version,
        on=on,
    )
    application_services.application_submit(actor=owner, public_id=application.public_id, on=on)
    application.refresh_from_db()
    return application
