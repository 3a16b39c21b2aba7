"""The only writers of applications. Each service is atomic and records history."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone

from portique.core.request_memo import memo_scope, remember
from portique.rules import signatures as signature_rules
from portique.rules.evaluate import Evaluation, evaluate
from portique.rules.forms.validate import validate_section
from portique.rules.programs import pr_card_guardian as guardian_rules
from portique.rules.programs import registry
from portique.rules.reasons import Reason, Severity, reason

from . import notifications, ports, signals, stage_decisions, urgency
from .access import Capability, access_application
from .case_builder import case_for
from .choices import EDITABLE, Channel, PersonRole, SignatureMethod, Status
from .lifecycle import can_move
from .models import NO_DEADLINE, Application, Person, PersonChange, Signature, StatusChange, Submission
from .people import guardian as pr_card_guardian
from .signing import content as signing
from .signing.standing import covering, standing_signatures
from .submission import record as submitted_record


class ApplicationError(Exception):
    """A request the rules or the lifecycle refuse; ``reasons`` say why, in both languages."""

    def __init__(self, reasons: tuple[Reason, ...] | list[Reason]):
        super().__init__("; ".join(r.en for r in reasons))
        self.reasons = tuple(reasons)


class StaleVersion(Exception):
    """The page was built from an older version of the application."""


def transition(*, application: Application, to_status: Status, actor, reason: str = "") -> None:
    if not can_move(application.status, to_status, channel=application.channel):
        raise ValueError(f"{application.status} → {to_status} is not a lifecycle transition")
    change = StatusChange.objects.create(
        application=application, from_status=application.status, to_status=to_status, actor=actor, reason=reason
    )
    application.status = to_status
    if to_status in stage_decisions.DECIDED:
        # When to expect a decision reads each decided file's wait per stage (issue 15).
        stage_decisions.stage_decisions_record(application=application, decided_at=change.at)


def open_request_deadline_record(*, application: Application, due_on: date | None) -> None:
    """Record the earliest deadline of ``application``'s open requests for documents (``None``:
    none is open), which the work queues sort and filter by. Casework, which owns the requests,
    works it out and calls this in the same transaction as the change of request."""
    application.open_request_due_on = due_on or NO_DEADLINE
    Application.objects.filter(pk=application.pk).update(open_request_due_on=application.open_request_due_on)


def application_start(
    *,
    actor,
    program: str,
    answers: dict[str, Any] | None = None,
    answers_by_role: dict[str, dict[str, Any]] | None = None,
    channel: Channel = Channel.ONLINE,
    received_on: date | None = None,
    reason: str = "started",
    people_reason: str | None = None,
) -> Application:
    """Open a new draft application of ``program``: the one way an application is made.

    The people it starts with are the program's (``starting_roles``: the applicant; a
    sponsorship's sponsor and principal applicant), each with their first form's answers:
    ``answers`` for the account holder (position 0), ``answers_by_role`` for anyone.
    Online, ``actor`` owns it; on paper (IRPR 11) it has no account and ``received_on``
    is its application date, and ``actor`` is the officer who registers it.
    """
    definition = registry.program(program)
    given = dict(answers_by_role or {})
    if answers is not None:
        given[definition.account_holder_role] = answers
    online = channel == Channel.ONLINE
    with transaction.atomic():
        application = Application.objects.create(
            program=definition.code,
            owner=actor if online else None,
            channel=channel,
            received_on=None if online else received_on,
        )
        # The number is derived from the key so it is unique without a second counter.
        year = timezone.localdate().year
        application.number = f"{definition.number_prefix}{year}{application.pk:07d}"
        application.save(update_fields=["number"])
        for position, role in enumerate(definition.starting_roles):
            form_code = definition.forms_for(role)[0].code
            Person.objects.create(
                application=application, role=role, position=position, answers={form_code: given.get(role) or {}}
            )
            PersonChange.objects.create(
                application=application,
                position=position,
                role=role,
                added=True,
                actor=actor,
                reason=(people_reason or reason)[:200],
            )
        StatusChange.objects.create(
            application=application, from_status="", to_status=Status.DRAFT, actor=actor, reason=reason
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
            raise ApplicationError((closed_reason(),))
        if application.version != expected_version:
            raise StaleVersion
        on = application.application_date(on)
        person = application.people.select_for_update().get(position=position)
        form = next(f for f in application.definition.forms_for(person.role) if f.code == form_code)
        section = form.section(section_code)
        # A nested section (IMM 0008 ``relationship.marriage``) is saved at its place, beside its parent's answers.
        form_answers = section.with_answers(dict(person.answers.get(form_code, {})), answers)
        found = validate_section(form, section, form_answers, application_date=on)
        invalid = tuple(r for r in found if r.code not in ("FORM_ANSWER_REQUIRED", "FORM_SECTION_EMPTY"))
        if invalid:
            raise ApplicationError(invalid)
        person.answers = {**person.answers, form_code: form_answers}
        person.save(update_fields=["answers"])
        application_changed(application=application, actor=actor, reason="edited")
    missing = tuple(r for r in found if r.code in ("FORM_ANSWER_REQUIRED", "FORM_SECTION_EMPTY"))
    return SectionSaved(application=application, still_missing=missing)


def application_changed(*, application: Application, actor, reason: str) -> None:
    """Record that the content changed (answers or documents): a new version, and back to draft.

    A signature covers one version of the content, so any change clears it
    (DESIGN.md: "any edit after signing clears the signatures"). Callers hold the
    application row locked (``access_application(..., for_update=True)``).
    """
    if application.status not in EDITABLE:
        raise ApplicationError((closed_reason(),))
    if application.status != Status.DRAFT:
        transition(application=application, to_status=Status.DRAFT, actor=actor, reason=reason)
    _clear_signatures(application=application, reason=reason)
    application.version += 1
    application.save(update_fields=["status", "version", "updated_at"])


def closed_reason() -> Reason:
    return reason(
        "APPLICATION_READ_ONLY",
        rule="IRPR-10-1",
        citation="IRPR 10(1); IMM 5445 — Step 4",
        en="This application has been submitted: it can no longer be changed.",
        fr="Cette demande a été soumise : elle ne peut plus être modifiée.",
    )


def application_evaluate(*, application: Application, on: date) -> Evaluation:
    """The rules' evaluation of ``application`` for ``on``, once per request (core.request_memo)."""
    application_date = application.application_date(on)
    if application.pk is None:
        return evaluate(case_for(application, application_date=application_date))
    return remember(
        ("evaluation", application.pk, application.version, application_date, False),
        lambda: evaluate(case_for(application, application_date=application_date)),
    )


def freeze_assessment(
    *, application: Application, submission: Submission, on: date, evaluation: Evaluation | None = None
):
    """Keep the rules' assessment with the file as it is submitted (issue 18).

    ``evaluation``: the one the submit gate just read under the same lock, if any.
    """
    from .submission.assessment import assessment_freeze

    evaluation = evaluation or application_evaluate(application=application, on=on)
    return assessment_freeze(application=application, submission=submission, evaluation=evaluation, on=on)


def application_validate(*, actor, public_id, on: date) -> Evaluation:
    """Ask the rules about the whole application; when nothing blocks, it is ready to sign.

    A sponsorship's own evaluation waits for its several signatures, so for a sponsorship
    this is the evaluation as it would be once they are given: what is left before signing.
    """
    with transaction.atomic():
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        if application.definition.several_signers:
            from .signing.several_signers import before_signing

            readiness = before_signing(application, on=on)
            evaluation, complete = readiness.evaluation, readiness.ready
        else:
            evaluation = application_evaluate(application=application, on=on)
            complete = evaluation.complete
        if complete and application.status == Status.DRAFT:
            transition(application=application, to_status=Status.READY_TO_SIGN, actor=actor, reason="validated")
            application.save(update_fields=["status", "updated_at"])
    return evaluation


def _clear_signatures(*, application: Application, reason: str) -> None:
    application.signatures.filter(cleared_at__isnull=True).update(cleared_at=timezone.now(), cleared_reason=reason)


def new_confirmation_number() -> str:
    # Unguessable and unambiguous to read aloud (no 0/O, 1/I/L).
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    body = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"C-{body[:5]}-{body[5:]}"


def application_submit(*, actor, public_id, on: date) -> Submission:
    """Submit a signed, complete, paid application. Idempotent: a retry returns the first submission."""
    with transaction.atomic():
        # Read once under the lock: the gate, the record's fees and checklist and the frozen
        # assessment start from the same Case, fee balance and evaluation (memo_scope); the
        # evaluation is passed on explicitly, as creating the Submission row empties the memo
        # (and changes nothing the rules read). The memo opens before the lock is taken (it
        # holds nothing yet), so the representation the access check reads under the lock is
        # the one the gate asks about too.
        with memo_scope():
            application = access_application(actor=actor, public_id=public_id, for_update=True)
            if application.on_paper:
                # A paper application goes to screening through paper_intake.paper_application_send_to_screening.
                raise Http404
            existing = Submission.objects.filter(application=application).first()
            if existing is not None:
                return existing
            # The people, read once under the lock for the gate, the signed content and the record.
            prefetch_related_objects([application], "people")
            evaluation = application_evaluate(application=application, on=on)
            balance = ports.fee_balance(application, on)
            problems = list(
                submission_blockers(application=application, on=on, evaluation=evaluation, balance=balance)
            )
            if problems:
                raise ApplicationError(problems)
            content = signing.signed_content(application)
            snapshot = submitted_record.snapshot_with_record(content, application=application, on=on)
        submission = Submission.objects.create(
            application=application,
            confirmation_number=new_confirmation_number(),
            submitted_by=actor,
            content_hash=signing.content_hash(content),
            snapshot=snapshot,
        )
        assessment = freeze_assessment(application=application, submission=submission, on=on, evaluation=evaluation)
        transition(application=application, to_status=Status.SUBMITTED, actor=actor, reason="submitted")
        application.submitted_at = submission.submitted_at
        application.save(update_fields=["status", "submitted_at", "updated_at"])
        urgency.urgency_from_application(application=application, details=assessment.evaluation["details"], actor=actor)
        # The fees are final now: anything paid beyond them goes back (PRC-73, SP-201). The
        # balance read under the lock says whether anything was (nothing since has changed the
        # people, documents or payments it reads); only then does the refund service, which
        # reads it again under its own lock, have work to do. Most submissions pay exactly.
        if balance.excess > 0:
            ports.overpayment_refund(application=application, on=on, actor=actor)
        transaction.on_commit(lambda: notifications.send_submission_confirmation(submission_id=submission.pk))
        transaction.on_commit(
            lambda: signals.application_submitted.send(sender=Application, application=application)
        )
    return submission


def _principal_of(application: Application) -> Person:
    # Through ``people.all()``: a page or service that prefetched the people reads no row again.
    for person in application.people.all():
        if person.role == PersonRole.PRINCIPAL_APPLICANT:
            return person
    raise Person.DoesNotExist(f"{application} has no principal applicant")


def applicant_passport_name(application: Application) -> signature_rules.PassportName:
    principal = _principal_of(application)
    form_code = application.definition.forms_for(principal.role)[0].code
    personal = principal.answers.get(form_code, {}).get("personal", {}) or {}
    # IMM 5444 puts every name in "family name" when the passport shows only one.
    return signature_rules.PassportName(
        surname=str(personal.get("family_name") or ""), given_names=str(personal.get("given_names") or "")
    )


def _guardian_passport_name(application: Application) -> signature_rules.PassportName | None:
    guardian = pr_card_guardian.guardian_of(application)
    return guardian_rules.passport_name(guardian.answers) if guardian is not None else None


def applicant_birth_date(application: Application) -> date | None:
    principal = _principal_of(application)
    form_code = application.definition.forms_for(principal.role)[0].code
    raw = (principal.answers.get(form_code, {}).get("personal", {}) or {}).get("date_of_birth")
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return None


def _e_signatures(application: Application, representation=None) -> tuple[signature_rules.ESignature, ...]:
    return tuple(
        signature_rules.ESignature(
            document=signature_rules.SignedDocument.CONSENT_AND_DECLARATION,
            # A parent or guardian signs for an applicant under 18 (ACT-56).
            signed_by=signature_rules.SignerRole.PARENT_OR_GUARDIAN
            if signature.person.role == PersonRole.PARENT_OR_GUARDIAN
            else signature_rules.SignerRole.APPLICANT,
            typed_name=signature.typed_name,
            signed_at=signature.signed_at,
            # Represented: only the client's own account signs (ACT-35, ACT-52).
            entered_from_client_account=representation is None or signature.signer_id == representation.client_id,
        )
        for signature in standing_signatures(application)
    )


def application_sign(
    *,
    actor,
    public_id,
    typed_name: str,
    declaration_version: str,
    expected_version: int,
    on: date,
    position: int | None = None,
) -> Signature:
    """Sign a validated application: the typed name must be the passport name (ACT-51).

    The signature records the declaration's version and a hash of the content signed
    (answers and documents); any later change clears it (``application_changed``).
    A sponsorship has several signers (``signing.several_signers``): ``position`` says who signs.
    """
    program = Application.objects.filter(public_id=public_id).values_list("program", flat=True).first()
    if program is not None and registry.program(program).several_signers:
        from .signing import several_signers

        return several_signers.sign(
            actor=actor,
            public_id=public_id,
            position=1 if position is None else position,
            typed_name=typed_name,
            declaration_version=declaration_version,
            expected_version=expected_version,
            on=on,
        )
    with transaction.atomic():
        # Only the applicant signs, in their own account: never their representative (ACT-35).
        application = access_application(
            actor=actor, public_id=public_id, for_update=True, capability=Capability.SIGN
        )
        if application.status not in EDITABLE:
            raise ApplicationError((closed_reason(),))
        if application.version != expected_version:
            raise StaleVersion
        declaration = application.definition.declaration_for(PersonRole.PRINCIPAL_APPLICANT)
        if declaration_version != declaration.version:
            raise StaleVersion
        evaluation = application_evaluate(application=application, on=on)
        if not evaluation.complete:
            raise ApplicationError(evaluation.blocking)
        # The applicant signs; under 18, the declared parent or guardian, with their own
        # passport name (ACT-56, SP-210; pr_card_guardian).
        signer = pr_card_guardian.signer_for(
            application, on=on, born=applicant_birth_date(application), applicant_name=applicant_passport_name(application)
        )
        if signer.reasons or signer.passport_name is None:
            raise ApplicationError(signer.reasons or (guardian_rules.not_declared(),))
        match = signature_rules.signature_name_matches(typed_name=typed_name, passport_name=signer.passport_name)
        if not match.matches:
            if signer.by_guardian and signature_rules.signature_name_matches(
                typed_name=typed_name, passport_name=applicant_passport_name(application)
            ).matches:
                # The child's own name: said as such, not as a misspelt name.
                raise ApplicationError((guardian_rules.child_cannot_sign(),))
            raise ApplicationError(match.reasons)
        _clear_signatures(application=application, reason="signed again")
        content = signing.signed_content(application)
        signature = Signature.objects.create(
            application=application,
            person=signer.person,
            signer=actor,
            typed_name=" ".join(typed_name.split()),
            declaration_version=declaration.version,
            content_hash=signing.content_hash(content),
            application_version=application.version,
        )
        if application.status == Status.DRAFT:
            transition(application=application, to_status=Status.READY_TO_SIGN, actor=actor, reason="validated")
        transition(application=application, to_status=Status.SIGNED, actor=actor, reason="signed")
        application.save(update_fields=["status", "updated_at"])
    return signature


def submission_blockers(
    *, application: Application, on: date, evaluation: Evaluation | None = None, balance=None
) -> tuple[Reason, ...]:
    """Everything that keeps ``application`` from being submitted on ``on``, in both languages.

    The same evaluation as the Validate button (answers, eligibility, documents), then the
    fees (IRPR 10(1)(d)) and the signature (IRPR 10(1)(b)); empty when it can be submitted.
    A caller that already holds the evaluation or the fee balance for ``on`` passes them,
    so that one page asks the rules once.
    """
    on = application.application_date(on)
    evaluation = evaluation or application_evaluate(application=application, on=on)
    problems = list(evaluation.blocking)
    balance = balance or ports.fee_balance(application, on)
    if balance.blocks_submission:
        problems.extend(r for r in balance.reasons if r.severity is Severity.BLOCKING)
    born = applicant_birth_date(application)
    if application.on_paper and not application.definition.several_signers:
        # Signed by hand on paper: the e-signature gate (typed name, client account) does
        # not apply; the officer's record of the handwritten signature does.
        from portique.rules.paper_submission import handwritten_signature

        current = signing.content_hash(signing.signed_content(application))
        recorded = any(
            signature.method == SignatureMethod.HANDWRITTEN for signature in covering(application, current)
        )
        problems.extend(handwritten_signature(principal_applicant_birth_date=born, on=on, recorded=recorded))
        born = None
    if application.definition.several_signers:
        # Several signers are checked by the rules' gate (in the evaluation) and here.
        from .signing.several_signers import missing_signatures

        problems.extend(missing_signatures(application, on=on))
        born = None
    if application.definition.sponsored:
        from .people.services import pending_sponsorship_of_same_person

        problems.extend(pending_sponsorship_of_same_person(application))
    # Represented (seed 004): the hand-signed IMM 5476, and a sponsorship's declaration.
    problems.extend(ports.representation_blockers(application=application))
    if born is not None:
        # Represented (seed 004): the client's signature, then the representative's declaration.
        represented = ports.representation_gate_inputs(application=application)
        gate = signature_rules.submission_gate(
            flow=represented.flow,
            principal_applicant_birth_date=born,
            on=on,
            applicant_passport_name=applicant_passport_name(application),
            guardian_passport_name=_guardian_passport_name(application),
            signatures=_e_signatures(application, represented.representation),
            representative_declaration_at=represented.declared_at,
            client_documents=represented.client_documents,
        )
        problems.extend(r for r in gate.reasons if r.severity is Severity.BLOCKING)
    current = signing.content_hash(signing.signed_content(application))
    signed = bool(covering(application, current))
    if not signed and not any(r.code == "SIGNATURE_MISSING" for r in problems):
        problems.append(
            reason(
                "SIGNATURE_MISSING",
                rule="ACT-54, ACT-57, IRPR-10-1",
                citation="IRPR 10(1)(b), 10(2)(d)",
                en="Sign the application: it changed since it was signed, or it has not been signed.",
                fr="Signez la demande : elle a changé depuis sa signature, ou elle n’a pas été signée.",
            )
        )
    # One reason per code and subject: the same gap can be found by two checks.
    unique: dict[tuple[str, str | None], Reason] = {}
    for found in problems:
        unique.setdefault((found.code, found.subject), found)
    return tuple(unique.values())


def application_owner_hand_over(*, application: Application, to_owner) -> None:
    """Give ``application`` to ``to_owner``: a client ending their representative's mandate (seed 004).

    The caller holds the row locked and records who did it and why (portique.representation).
    """
    application.owner = to_owner
    application.save(update_fields=["owner", "updated_at"])


def application_transition(*, application: Application, to_status: Status, actor, reason: str) -> None:
    """Move ``application`` along the lifecycle for the officers' side (portique.casework).

    The lifecycle table decides whether the move is allowed (ValueError if not); the move
    is written to the history with who and why. The caller holds the row locked inside
    its transaction and has checked the actor's role.
    """
    transition(application=application, to_status=to_status, actor=actor, reason=reason)
    application.save(update_fields=["status", "updated_at"])
