"""The only writers of applications. Each service is atomic and records history."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from portique.rules.evaluate import Evaluation, evaluate
from portique.rules.forms.validate import validate_section
from portique.rules.programs import registry
from portique.rules.reasons import Reason

from . import notifications, signing
from .access import access_application
from .case_builder import case_for
from .choices import EDITABLE, NUMBER_PREFIX, PersonRole, Program, Status
from .lifecycle import can_move
from .models import Application, Person, StatusChange, Submission


class ApplicationError(Exception):
    """A request the rules or the lifecycle refuse; ``reasons`` say why, in both languages."""

    def __init__(self, reasons: tuple[Reason, ...] | list[Reason]):
        super().__init__("; ".join(r.en for r in reasons))
        self.reasons = tuple(reasons)


class StaleVersion(Exception):
    """The page was built from an older version of the application."""


def _transition(*, application: Application, to_status: Status, actor, reason: str = "") -> None:
    if not can_move(application.status, to_status):
        raise ValueError(f"{application.status} → {to_status} is not a lifecycle transition")
    StatusChange.objects.create(
        application=application, from_status=application.status, to_status=to_status, actor=actor, reason=reason
    )
    application.status = to_status


def application_start(*, actor, program: Program, answers: dict[str, Any] | None = None) -> Application:
    """Open a new draft application owned by ``actor`` with its principal applicant."""
    definition = registry.program(program)
    with transaction.atomic():
        application = Application.objects.create(program=program, owner=actor)
        # The number is derived from the key so it is unique without a second counter.
        year = timezone.localdate().year
        application.number = f"{NUMBER_PREFIX[Program(program)]}{year}{application.pk:07d}"
        application.save(update_fields=["number"])
        form_code = definition.forms_for(PersonRole.PRINCIPAL_APPLICANT)[0].code
        Person.objects.create(
            application=application,
            role=PersonRole.PRINCIPAL_APPLICANT,
            position=0,
            answers={form_code: answers or {}},
        )
        StatusChange.objects.create(
            application=application, from_status="", to_status=Status.DRAFT, actor=actor, reason="started"
        )
    return application


@dataclass(frozen=True)
class SectionSaved:
    application: Application
    # Questions still unanswered in this section: saving is allowed, validation will list them.
    still_missing: tuple[Reason, ...]


def application_save_section(
    *,
    actor,
    public_id,
    position: int,
    form_code: str,
    section_code: str,
    answers: Any,
    expected_version: int,
    on: date,
) -> SectionSaved:
    """Save one section's answers. Invalid answers change nothing; blanks are kept for later.

    Saving after validation or signing sends the application back to draft, which
    clears the signatures.
    """
    with transaction.atomic():
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        if application.status not in EDITABLE:
            raise ApplicationError(())
        if application.version != expected_version:
            raise StaleVersion
        person = application.people.select_for_update().get(position=position)
        form = next(f for f in registry.program(application.program).forms_for(person.role) if f.code == form_code)
        section = form.section(section_code)
        form_answers = dict(person.answers.get(form_code, {}))
        form_answers[section_code] = answers
        found = validate_section(form, section, form_answers, application_date=on)
        invalid = tuple(r for r in found if r.code not in ("FORM_ANSWER_REQUIRED", "FORM_SECTION_EMPTY"))
        if invalid:
            raise ApplicationError(invalid)
        person.answers = {**person.answers, form_code: form_answers}
        person.save(update_fields=["answers"])
        if application.status != Status.DRAFT:
            _transition(application=application, to_status=Status.DRAFT, actor=actor, reason="edited")
        application.version += 1
        application.save(update_fields=["status", "version", "updated_at"])
    missing = tuple(r for r in found if r.code in ("FORM_ANSWER_REQUIRED", "FORM_SECTION_EMPTY"))
    return SectionSaved(application=application, still_missing=missing)


def application_evaluate(*, application: Application, on: date) -> Evaluation:
    return evaluate(case_for(application, application_date=on))


def application_validate(*, actor, public_id, on: date) -> Evaluation:
    """Ask the rules about the whole application; when nothing blocks, it is ready to sign."""
    with transaction.atomic():
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        evaluation = application_evaluate(application=application, on=on)
        if evaluation.complete and application.status == Status.DRAFT:
            _transition(application=application, to_status=Status.READY_TO_SIGN, actor=actor, reason="validated")
            application.save(update_fields=["status", "updated_at"])
    return evaluation


def _clear_signatures(*, application: Application, reason: str) -> None:
    application.signatures.filter(cleared_at__isnull=True).update(cleared_at=timezone.now(), cleared_reason=reason)


def _new_confirmation_number() -> str:
    # Unguessable and unambiguous to read aloud (no 0/O, 1/I/L).
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    body = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"C-{body[:5]}-{body[5:]}"


def application_submit(*, actor, public_id, on: date) -> Submission:
    """Submit a signed, complete, paid application. Idempotent: a retry returns the first submission."""
    with transaction.atomic():
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        existing = Submission.objects.filter(application=application).first()
        if existing is not None:
            return existing
        problems = list(submission_blockers(application=application, on=on))
        if problems:
            raise ApplicationError(problems)
        content = signing.signed_content(application)
        submission = Submission.objects.create(
            application=application,
            confirmation_number=_new_confirmation_number(),
            submitted_by=actor,
            content_hash=signing.content_hash(content),
            snapshot=content,
        )
        _transition(application=application, to_status=Status.SUBMITTED, actor=actor, reason="submitted")
        application.submitted_at = submission.submitted_at
        application.save(update_fields=["status", "submitted_at", "updated_at"])
        transaction.on_commit(lambda: notifications.send_submission_confirmation(submission_id=submission.pk))
    return submission
