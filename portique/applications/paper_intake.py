"""Paper applications: the only writers of their intake, handwritten signatures and sending to screening.

A paper application is made when it arrives at the address the Minister specifies
(IRPR 11). An officer registers it (``paper_application_register``: date received, how it
came, what it relies on to be on paper, who the applicant is and where to write), types
its forms into the same form engine and attaches its scans (the ordinary section and
document services, which let an intake officer prepare a paper application), records the
fee receipt (``payments.services.payment_record_receipt``) and each handwritten signature
found on the forms (``paper_signatures_record``), then sends it to screening
(``paper_application_send_to_screening``): a ``Submission`` like an online one, and the
same ``application_submitted`` signal, so the same s.10 / s.12 screening follows.

Every service is atomic, checks the officer's role and writes the history with the
officer as actor and a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from portique.rules.conventions import email_is_well_formed
from portique.rules.online import system_restriction_table
from portique.rules.paper_submission import paper_application_check
from portique.rules.programs import registry

from . import signals, urgency
from .access import access_application, can_take_in_paper
from .choices import (
    EDITABLE,
    Channel,
    PaperBasis,
    PersonRole,
    ReceiptChannel,
    SignatureMethod,
    Status,
)
from .models import Application, PaperIntake, Person, Signature, Submission
from .services import (
    ApplicationError,
    StaleVersion,
    application_start,
    closed_reason,
    freeze_assessment,
    new_confirmation_number,
    transition,
)
from .signing import content as signing
from .submission import record as submitted_record

LANGUAGES = ("en", "fr")
_LIMITS = {"applicant_name": 200, "email": 254, "mailing_address": 600}


class PaperIntakeInvalid(Exception):
    """The intake lacks something or says something impossible; ``errors`` maps fields to messages."""

    def __init__(self, errors: dict[str, list]):
        super().__init__(", ".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class PaperIntakeInput:
    """What the officer reads on the envelope, the forms and the receipt. Blank is "not given"."""

    program: str = ""
    received_on: date | None = None
    receipt_channel: str = ""
    basis: str = ""
    system_restriction: str = ""
    applicant_name: str = ""
    mailing_address: str = ""
    email: str = ""
    language: str = ""


def _validate(data: PaperIntakeInput, today: date) -> tuple[dict, dict[str, list]]:
    errors: dict[str, list] = {}

    def add(field: str, message) -> None:
        errors.setdefault(field, []).append(message)

    values = {
        # An eTA is applied for electronically only (IRPR 12.04(1)): never registered from paper.
        "program": data.program
        if data.program in registry.codes() and registry.program(data.program).may_come_on_paper
        else "",
        "receipt_channel": data.receipt_channel if data.receipt_channel in ReceiptChannel.values else "",
        "basis": data.basis if data.basis in PaperBasis.values else "",
        "system_restriction": (data.system_restriction or "").strip(),
        "applicant_name": " ".join((data.applicant_name or "").split()),
        "mailing_address": "\n".join(
            " ".join(line.split()) for line in (data.mailing_address or "").splitlines() if line.strip()
        ),
        "email": (data.email or "").strip(),
        "language": data.language if data.language in LANGUAGES else "",
    }
    if not values["program"]:
        add("program", _("Choose the program of the paper application."))
    if data.received_on is None:
        add("received_on", _("Enter the date the paper application was received."))
    elif data.received_on > today:
        add("received_on", _("The date received cannot be in the future."))
    if not values["receipt_channel"]:
        add("receipt_channel", _("Choose how the application arrived: by mail, by courier or in person."))
    if not values["basis"]:
        add(
            "basis",
            _("Choose the exemption or accommodation the application relies on, or say that none is stated."),
        )
    if values["basis"] == PaperBasis.SYSTEM_RESTRICTION:
        rows = {row.id for row in system_restriction_table(data.received_on or today)}
        if values["system_restriction"] not in rows:
            add(
                "system_restriction",
                _("Choose the situation, from the table of exemptions in force on the date received."),
            )
    else:
        values["system_restriction"] = ""
    if not values["applicant_name"]:
        add("applicant_name", _("Enter the applicant’s name as it is written on the forms."))
    if not values["mailing_address"]:
        add("mailing_address", _("Enter the applicant’s mailing address: letters go there by mail."))
    if values["email"] and not email_is_well_formed(values["email"]):
        add(
            "email",
            _("Enter an e-mail address in the correct format, like name@example.com, or leave it blank."),
        )
    if not values["language"]:
        add("language", _("Choose the language of correspondence: English or French."))
    for field, limit in _LIMITS.items():
        if len(values[field]) > limit:
            add(field, _("This answer is too long: use at most %(limit)s characters.") % {"limit": limit})
    return values, errors


def _require_intake_officer(actor) -> None:
    if not can_take_in_paper(actor):
        raise PermissionDenied


def paper_application_register(*, actor, data: PaperIntakeInput, today: date) -> Application:
    """Register a paper application received on ``data.received_on``; a draft the officer then types in.

    Raises ``PermissionDenied`` for anyone but an intake officer and ``PaperIntakeInvalid``
    (nothing saved) for a missing or impossible entry. The rules decide whether the
    application relies on a valid exemption; if not, the intake carries their reason as
    its flag (the application is still taken in: the sources do not say it is refused).
    """
    _require_intake_officer(actor)
    values, errors = _validate(data, today)
    if errors:
        raise PaperIntakeInvalid(errors)
    program = values["program"]
    received_on = data.received_on
    check = paper_application_check(
        stream=registry.program(program).online_stream,
        received_on=received_on,
        disability=values["basis"] == PaperBasis.DISABILITY,
        exceptional_circumstances=values["basis"] == PaperBasis.EXCEPTIONAL_CIRCUMSTANCES,
        system_restriction=values["system_restriction"] or None,
    )
    flag = check.reasons[0].as_dict() if check.flagged else {}
    why = f"received on paper on {received_on.isoformat()} ({values['receipt_channel']}); relies on: {values['basis']}"
    if flag:
        why += f"; flagged {flag['code']} ({flag['citation']})"
    with transaction.atomic():
        application = application_start(
            actor=actor,
            program=program,
            channel=Channel.PAPER,
            received_on=received_on,
            reason=why,
            people_reason="received on paper",
        )
        PaperIntake.objects.create(
            application=application,
            receipt_channel=values["receipt_channel"],
            basis=values["basis"],
            system_restriction=values["system_restriction"],
            applicant_name=values["applicant_name"],
            mailing_address=values["mailing_address"],
            email=values["email"],
            language=values["language"],
            flag=flag,
            registered_by=actor,
        )
    return application


@dataclass(frozen=True)
class PaperPhotosInput:
    """What the officer reads on the envelope of photos (PRC-63). ``None`` is "not answered"."""

    count: int | None = None
    identical: bool | None = None
    taken_on: date | None = None
    in_small_envelope: bool | None = None
    name_on_envelope: bool | None = None
    stapled_or_clipped: bool | None = None


_PHOTO_QUESTIONS = {
    "identical": _("Say whether the photos are identical."),
    "in_small_envelope": _("Say whether the photos came in a small envelope."),
    "name_on_envelope": _("Say whether the applicant’s name is written on the envelope."),
    "stapled_or_clipped": _("Say whether the photos were stapled or held with a paper clip."),
}
MAX_PHOTOS = 20


def _validate_photos(data: PaperPhotosInput, received_on: date) -> dict[str, list]:
    errors: dict[str, list] = {}
    if data.count is None:
        errors["count"] = [_("Enter how many photos the envelope holds, 0 if there are none.")]
    elif not 0 <= data.count <= MAX_PHOTOS:
        # Formatted when shown, so the message follows the language it is read in.
        errors["count"] = [
            lazy(lambda: str(_("Enter a number of photos from 0 to %(most)s.")) % {"most": MAX_PHOTOS}, str)()
        ]
    if data.taken_on is None:
        errors["taken_on"] = [_("Enter the date the photos were taken, as written on their back.")]
    elif data.taken_on > received_on:
        errors["taken_on"] = [
            _("The photos cannot have been taken after the application was received. Check the date.")
        ]
    for field, message in _PHOTO_QUESTIONS.items():
        if getattr(data, field) is None:
            errors[field] = [message]
    return errors


def paper_photos_record(*, actor, public_id, data: PaperPhotosInput) -> PaperIntake:
    """Record the photos received with a paper application, as their envelope holds them.

    Only for a program whose paper photos come in an envelope (the PR card, PRC-63), and
    only while the application is being entered. The rules' case reads them
    (``case_builder``): the application's evaluation, the paper file and the screening say
    whether they meet the guide's specifications. Raises ``PaperIntakeInvalid`` (nothing
    saved) for a missing or impossible answer, in both languages.
    """
    _require_intake_officer(actor)
    with transaction.atomic():
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        if not application.on_paper or not application.definition.paper_photos_in_envelope:
            raise Http404
        if application.status not in EDITABLE:
            raise ApplicationError((closed_reason(),))
        errors = _validate_photos(data, application.received_on)
        if errors:
            raise PaperIntakeInvalid(errors)
        intake = PaperIntake.objects.select_for_update().get(application=application)
        intake.photos = {
            "count": data.count,
            "identical": data.identical,
            "taken_on": data.taken_on.isoformat(),
            "in_small_envelope": data.in_small_envelope,
            "name_on_envelope": data.name_on_envelope,
            "stapled_or_clipped": data.stapled_or_clipped,
        }
        intake.save(update_fields=["photos"])
    return intake


def required_paper_signers(application: Application) -> tuple[Person, ...]:
    """Whose handwritten signature the forms must carry, in the order of the forms.

    PR card: the applicant (for one under 18, the parent or guardian signs the same
    form, and the officer records it on the applicant's line). Sponsorship: the sponsor
    and the principal applicant (or their parent or guardian), as online (ACT-56).
    """
    if application.definition.several_signers:
        from .signing.several_signers import required_signers

        return required_signers(application, on=application.received_on).people
    return tuple(application.people.filter(role=PersonRole.PRINCIPAL_APPLICANT))


def _signed_name(application: Application, person: Person) -> str:
    if application.definition.several_signers:
        from .signing.several_signers import passport_name

        name = passport_name(person)
    else:
        from .services import applicant_passport_name

        name = applicant_passport_name(application)
    typed = " ".join(part for part in (name.given_names, name.surname) if part)
    return typed or application.paper_intake.applicant_name


def paper_signatures_record(
    *, actor, public_id, positions: list[int], expected_version: int
) -> list[Signature]:
    """Record that each person at ``positions`` signed the paper forms by hand, as entered now.

    Each record covers the content as typed in at this moment (its hash): any later
    change to the answers or the scans clears it, like an e-signature, and the officer
    records it again after checking the forms. Positions not given are recorded as not
    signed: the screening then finds the signature missing (IRPR 10(1)(b)).
    """
    _require_intake_officer(actor)
    with transaction.atomic():
        application = access_application(actor=actor, public_id=public_id, for_update=True)
        if not application.on_paper:
            raise PermissionDenied
        if application.status not in EDITABLE:
            raise ApplicationError((closed_reason(),))
        if application.version != expected_version:
            raise StaleVersion
        required = {person.position: person for person in required_paper_signers(application)}
        chosen = [required[position] for position in dict.fromkeys(positions) if position in required]
        application.signatures.filter(cleared_at__isnull=True).update(
            cleared_at=timezone.now(), cleared_reason="handwritten signatures recorded again"
        )
        content_hash = signing.content_hash(signing.signed_content(application))
        recorded = [
            Signature.objects.create(
                application=application,
                person=person,
                signer=None,
                method=SignatureMethod.HANDWRITTEN,
                recorded_by=actor,
                typed_name=_signed_name(application, person),
                declaration_version="paper",
                content_hash=content_hash,
                application_version=application.version,
            )
            for person in chosen
        ]
    return recorded


def paper_application_send_to_screening(*, actor, public_id) -> Submission:
    """Send a paper application, as typed in, to the same screening as an online one.

    The ``Submission`` records the officer who entered it and the content (its snapshot
    and hash) with the application date: the date received. Nothing is gated here: a
    paper application was already made, so whatever is missing is for the screening to
    find and the officer to return (IRPR 10, 12). Idempotent: a retry returns the first
    submission. No card is charged and nothing is refunded here (the fee was paid online,
    outside the portal).
    """
    _require_intake_officer(actor)
    with transaction.atomic():
        # Locked directly, not through access_application: once sent, the file is no longer
        # the intake's to prepare, but a retried request must still find its submission.
        application = (
            Application.objects.select_for_update().filter(public_id=public_id, channel=Channel.PAPER).first()
        )
        if application is None:
            raise Http404
        existing = Submission.objects.filter(application=application).first()
        if existing is not None:
            return existing
        on = application.received_on
        content = signing.signed_content(application)
        submission = Submission.objects.create(
            application=application,
            confirmation_number=new_confirmation_number(),
            submitted_by=actor,
            content_hash=signing.content_hash(content),
            snapshot=submitted_record.snapshot_with_record(content, application=application, on=on),
        )
        assessment = freeze_assessment(application=application, submission=submission, on=on)
        transition(
            application=application,
            to_status=Status.SUBMITTED,
            actor=actor,
            reason=f"received on paper on {on.isoformat()}; entered and sent to screening",
        )
        application.submitted_at = submission.submitted_at
        application.save(update_fields=["status", "submitted_at", "updated_at"])
        urgency.urgency_from_application(application=application, details=assessment.evaluation["details"], actor=actor)
        transaction.on_commit(
            lambda: signals.application_submitted.send(sender=Application, application=application)
        )
    return submission
