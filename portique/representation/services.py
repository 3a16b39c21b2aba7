"""The only writers of representations. Each service is atomic, writes its event row,
and sends e-mail after commit. Changes to the application itself go through
``portique.applications.services`` so that history and signatures stay in one place.
"""

from __future__ import annotations

import logging
from datetime import date

from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from portique.accounts.choices import MembershipBody, RepresentativeStatus, Role
from portique.accounts.models import User
from portique.applications import services as application_services
from portique.applications.access import Capability, access_application
from portique.applications.choices import EDITABLE, PersonRole, Status
from portique.applications.models import Application
from portique.applications.people import services as application_people
from portique.applications.services import ApplicationError, StaleVersion
from portique.applications.signing import content as signing
from portique.applications.signing import several_signers
from portique.documents.choices import ContentType
from portique.rules.programs import registry
from portique.rules.programs.declarations import REPRESENTATIVE as REPRESENTATIVE_DECLARATION
from portique.rules.reasons import Reason, reason
from portique.uploads.inspection import UploadRejected, inspect

from . import notifications
from .choices import EventKind, Origin, State
from .models import Representation, RepresentationEvent
from .selectors import acting_representation

log = logging.getLogger(__name__)

IMM5476_MAX_BYTES = 10 * 1024 * 1024
_PORTAL = "Representative portal (seed 004)"


def _refuse(code: str, rule: str, en: str, fr: str, citation: str = _PORTAL, **params) -> ApplicationError:
    return ApplicationError((reason(code, rule=rule, citation=citation, en=en, fr=fr, **params),))


def _event(representation: Representation, kind: EventKind, actor, detail: str = "") -> None:
    RepresentationEvent.objects.create(representation=representation, kind=kind, actor=actor, detail=detail)


def _verified_representative(actor) -> None:
    """Only a verified paid representative acts for clients (ACT-08, REP-04)."""
    if not actor.is_authenticated or actor.role != Role.REPRESENTATIVE:
        raise Http404
    profile = getattr(actor, "representative_profile", None)
    if profile is None or profile.status != RepresentativeStatus.VERIFIED:
        status = profile.status if profile is not None else RepresentativeStatus.PENDING
        if status == RepresentativeStatus.REFUSED:
            raise _refuse(
                "REPRESENTATIVE_REFUSED",
                "REP-04, ACT-33",
                "Your representative account was not verified, so you cannot create or link clients' "
                "applications. Your account page gives the reason.",
                "Votre compte de représentant n’a pas été vérifié : vous ne pouvez donc pas créer ni lier de "
                "demandes de clients. La page de votre compte en donne la raison.",
            )
        raise _refuse(
            "REPRESENTATIVE_NOT_VERIFIED",
            "REP-04, ACT-33",
            "Your identity and membership are not verified yet: you can create or link clients' applications "
            "once an officer has verified them.",
            "Votre identité et votre adhésion ne sont pas encore vérifiées : vous pourrez créer ou lier des "
            "demandes de clients une fois qu’un agent les aura vérifiées.",
        )


def _check_client_email(email: str) -> str:
    """The invitation goes to a client's own address, never to a representative's (ACT-30, REP-08)."""
    email = _check_email_form(email)
    account = User.objects.filter(email__iexact=email).first()
    if account is not None and account.role != Role.APPLICANT:
        raise _refuse(
            "CLIENT_EMAIL_IS_REPRESENTATIVE",
            "ACT-30, REP-08",
            "This e-mail address belongs to a representative's or officer's account, not to a client's. "
            "Invite the client at their own e-mail address: they sign in to their own client account to "
            "review and sign.",
            "Cette adresse de courriel appartient au compte d’un représentant ou d’un agent, et non à celui "
            "d’un client. Invitez le client à sa propre adresse de courriel : il se connecte à son propre "
            "compte client pour passer la demande en revue et la signer.",
        )
    return email


def _particulars(actor) -> dict:
    """The IMM 5476 particulars from the verified profile (IRPR 10(2)(c.1)–(c.2))."""
    profile = actor.representative_profile
    address = ", ".join(
        part
        for part in (
            profile.address_line,
            profile.city,
            profile.province,
            profile.postal_code,
            profile.country,
        )
        if part
    )
    return {
        "rep_name": actor.get_full_name() or actor.email,
        "rep_organisation": profile.organisation,
        "rep_address": address,
        "rep_telephone": profile.telephone,
        "rep_fax": profile.fax,
        "rep_email": actor.email,
        "membership_body": profile.membership_body,
        "membership_number": profile.membership_number,
    }


def _client_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > 200:
        raise _refuse(
            "CLIENT_NAME_MISSING",
            "REP-05",
            "Enter the client's name, as it will appear on your dashboard.",
            "Inscrivez le nom du client, tel qu’il figurera dans votre tableau de bord.",
        )
    return name


# REP-01: representatives submit every PR application but Express Entry; each program
# says whether it may be filed here (``representatives_may_file``). A sponsorship's
# client is the principal applicant (or their parent or guardian), who e-signs the consent
# and declaration and IMM 5669 in their own account; the sponsor signs IMM 1344 by hand
# (seed 004; ``applications.several_signers.required_signers``).


def _unsupported_program() -> ApplicationError:
    return _refuse(
        "PROGRAM_NOT_IN_REPRESENTATIVE_PORTAL",
        "REP-01",
        "Applications of this program cannot be prepared in the representative portal yet.",
        "Les demandes de ce programme ne peuvent pas encore être préparées dans le portail des représentants.",
    )


def representation_create(*, actor, program: str, client_name: str, client_email: str) -> Representation:
    """Create an application for a client (ACT-33): the representative prepares it in their own account."""
    _verified_representative(actor)
    name = _client_name(client_name)
    email = _check_client_email(client_email)
    try:
        definition = registry.program(program)
    except registry.UnknownProgram:
        raise _unsupported_program() from None
    if not definition.representatives_may_file:
        raise _unsupported_program()
    with transaction.atomic():
        # The same application as the applicant starts; a sponsorship's eligibility questions
        # are the sponsor's IMM 1344 sections, answered on the same pages and judged by Validate.
        application = application_services.application_start(actor=actor, program=definition.code)
        particulars = _particulars(actor)
        representation = Representation.objects.create(
            application=application,
            representative=actor,
            origin=Origin.CREATED,
            client_name=name,
            client_email=email,
            **particulars,
        )
        _event(representation, EventKind.CREATED, actor, application.number or "")
        if definition.several_signers:
            # The principal applicant's IMM 5476 answers are a form of the application (IMM 0008's).
            _record_imm5476_answers(actor=actor, application=application, particulars=particulars)
    return representation


def _record_imm5476_answers(*, actor, application: Application, particulars: dict) -> None:
    """The principal applicant's IMM 5476 names the representative (IRPR 10(2)(c.1)–(c.4), REP-17).

    Saved through the same service as any answer, so the rules see a paid representative
    (their gate then waits for the client's signature and the representative's declaration)
    and the officer reads the particulars with the other forms.
    """
    principal = application.people.get(role=PersonRole.PRINCIPAL_APPLICANT)
    body = dict(MembershipBody.choices).get(particulars["membership_body"], particulars["membership_body"])
    answers = {
        "role": "paid_representative",
        "name": particulars["rep_name"],
        "postal_address": particulars["rep_address"],
        "telephone": particulars["rep_telephone"],
        "email": particulars["rep_email"],
        "member_body": str(body),
        "membership_number": particulars["membership_number"],
    }
    application.refresh_from_db()
    application_services.application_save_section(
        actor=actor,
        public_id=application.public_id,
        position=principal.position,
        form_code="IMM5476",
        section_code="representative",
        answers=answers,
        expected_version=application.version,
        on=timezone.localdate(),
    )


def _locked_own(*, actor, public_id) -> tuple[Application, Representation]:
    """The application, locked, and the representation through which ``actor`` prepares it."""
    application = access_application(actor=actor, public_id=public_id, for_update=True)
    representation = acting_representation(application=application)
    if representation is None or representation.representative_id != actor.pk:
        raise Http404
    return application, representation


def representation_imm5476_upload(*, actor, public_id, upload) -> Representation:
    """Keep the IMM 5476 signed by hand (REP-07); a new one is a change the client signs again."""
    if upload is None or not upload.size:
        raise _refuse(
            "IMM5476_FILE_MISSING",
            "REP-07",
            "Choose the signed IMM 5476 file to upload.",
            "Choisissez le fichier du formulaire IMM 5476 signé à téléverser.",
        )
    if upload.size > IMM5476_MAX_BYTES:
        raise _refuse(
            "IMM5476_TOO_LARGE",
            "REP-07",
            "The file is larger than 10 MB. Scan the signed form again at a lower resolution.",
            "Le fichier dépasse 10 Mo. Numérisez de nouveau le formulaire signé à une résolution plus basse.",
        )
    try:
        inspected = inspect(upload, accepts=frozenset({ContentType.PDF, ContentType.JPEG, ContentType.PNG}))
    except UploadRejected as rejected:
        raise ApplicationError(
            tuple(
                Reason(problem.code, "REP-07", _PORTAL, problem.message("en"), problem.message("fr"))
                for problem in rejected.problems
            )
        ) from rejected
    extension = {ContentType.PDF: "pdf", ContentType.JPEG: "jpg", ContentType.PNG: "png"}[
        inspected.content_type
    ]
    with transaction.atomic():
        application, representation = _locked_own(actor=actor, public_id=public_id)
        if application.status not in EDITABLE:
            raise ApplicationError((application_services.closed_reason(),))
        upload.seek(0)
        representation.imm5476.save(f"imm5476.{extension}", File(upload), save=False)
        representation.imm5476_sha256 = inspected.sha256
        representation.imm5476_content_type = inspected.content_type
        representation.imm5476_uploaded_at = timezone.now()
        representation.save(
            update_fields=["imm5476", "imm5476_sha256", "imm5476_content_type", "imm5476_uploaded_at"]
        )
        application_services.application_changed(
            application=application, actor=actor, reason="IMM 5476 uploaded"
        )
        _event(representation, EventKind.IMM5476_UPLOADED, actor, inspected.sha256[:12])
    return representation


def representation_invite(*, actor, public_id) -> Representation:
    """E-mail the client an invitation to review and sign in their own account (REP-10)."""
    with transaction.atomic():
        application, representation = _locked_own(actor=actor, public_id=public_id)
        if representation.state != State.INVITED:
            raise _refuse(
                "CLIENT_ALREADY_ACCEPTED",
                "REP-10",
                "The client has already accepted: they sign in their own account.",
                "Le client a déjà accepté : il signe dans son propre compte.",
            )
        if not representation.imm5476_sha256:
            raise _refuse(
                "IMM5476_MISSING",
                "REP-07, IRPR-10-2",
                "Upload the Use of a Representative form (IMM 5476), signed by hand by the client, before "
                "inviting the client.",
                "Téléversez le formulaire Recours aux services d’un représentant (IMM 5476), signé à la main par "
                "le client, avant d’inviter celui-ci.",
                citation="IRPR 10(2)(c.1)–(c.3); " + _PORTAL,
            )
        _check_client_email(representation.client_email)
        representation.invited_at = timezone.now()
        representation.save(update_fields=["invited_at"])
        _event(representation, EventKind.INVITED, actor, representation.client_email)
        transaction.on_commit(lambda: notifications.send_invitation(representation_id=representation.pk))
    return representation


def _check_email_form(email: str) -> str:
    """The form of an address only: whose address it is must not change the answer."""
    email = (email or "").strip()
    if "@" not in email or len(email) > 254:
        raise _refuse(
            "CLIENT_EMAIL_INVALID",
            "ACT-30",
            "Enter the client's e-mail address, like name@example.com.",
            "Inscrivez l’adresse de courriel du client, par exemple nom@exemple.com.",
        )
    return email


def representation_link_request(
    *, actor, number: str, client_name: str, client_email: str
) -> Representation | None:
    """Ask to represent a client on their existing application, found by its number (ACT-39, REP-16).

    The representative learns nothing about the file until the client consents in their own
    account: a right pair (number and the client's address) and a wrong one (either, or both)
    get the same answer, no error and nothing on the dashboard. Numbers are sequential, so any
    difference would tell which number belongs to which address, and the file's status with it.
    Only a right pair of a file that can be linked (a program of the representative portal,
    no current representative) writes a waiting representation and e-mails the client, who is
    the only one told. Returns that representation, or None; callers must not show which.
    """
    _verified_representative(actor)
    name = _client_name(client_name)
    email = _check_email_form(client_email)
    number = (number or "").strip()
    if not number:
        return None
    with transaction.atomic():
        application = (
            Application.objects.select_for_update()
            .filter(number__iexact=number, owner__email__iexact=email, owner__role=Role.APPLICANT)
            .first()
        )
        if (
            application is None
            or not application.definition.representatives_may_file
            or application.representations.exclude(state=State.REVOKED).exists()
        ):
            # Logged for abuse monitoring (who tried, not what): the representative is told nothing.
            log.info("link request by representative %s: nothing to link", actor.pk)
            return None
        try:
            with transaction.atomic():
                representation = Representation.objects.create(
                    application=application,
                    representative=actor,
                    origin=Origin.LINKED,
                    client_name=name,
                    client_email=application.owner.email,
                    invited_at=timezone.now(),
                    **_particulars(actor),
                )
        except IntegrityError:
            # Another representative's request won the race: the same silence.
            return None
        _event(representation, EventKind.LINK_REQUESTED, actor, application.number or "")
        transaction.on_commit(lambda: notifications.send_invitation(representation_id=representation.pk))
    return representation


def _client_invitation(*, actor, public_id) -> Representation:
    if not actor.is_authenticated or actor.role != Role.APPLICANT:
        raise Http404
    representation = (
        Representation.objects.select_for_update()
        .filter(public_id=public_id, client_email__iexact=actor.email, invited_at__isnull=False)
        .select_related("application")
        .first()
    )
    if representation is None:
        raise Http404
    return representation


def representation_accept(*, actor, public_id) -> Representation:
    """The client accepts the representative, in their own account (consent for a link, ACT-39)."""
    with transaction.atomic():
        representation = _client_invitation(actor=actor, public_id=public_id)
        if representation.state != State.INVITED:
            raise _refuse(
                "INVITATION_NOT_OPEN",
                "REP-10",
                "This invitation is no longer open.",
                "Cette invitation n’est plus valide.",
            )
        if representation.origin == Origin.LINKED and representation.application.owner_id != actor.pk:
            raise Http404
        representation.state = State.ACTIVE
        representation.client = actor
        representation.accepted_at = timezone.now()
        representation.save(update_fields=["state", "client", "accepted_at"])
        _event(representation, EventKind.ACCEPTED, actor)
    return representation


def representation_declare(*, actor, public_id, declaration_version: str, on: date) -> Representation:
    """The representative's declaration, after the client's signature (ACT-36, REP-12)."""
    with transaction.atomic():
        application, representation = _locked_own(actor=actor, public_id=public_id)
        if application.status not in EDITABLE:
            raise ApplicationError((application_services.closed_reason(),))
        if declaration_version != REPRESENTATIVE_DECLARATION.version:
            raise StaleVersion
        current = signing.content_hash(signing.signed_content(application))
        client_signed = application.signatures.filter(
            cleared_at__isnull=True, content_hash=current, signer_id=representation.client_id
        ).exists()
        if client_signed and application.definition.several_signers:
            # Every required signer (the principal applicant, or their parent or guardian) has signed.
            client_signed = not several_signers.missing_signatures(application, on=on)
        if representation.state != State.ACTIVE or not client_signed:
            raise _refuse(
                "CLIENT_SIGNATURE_BEFORE_DECLARATION",
                "ACT-36, REP-12",
                "The client has not signed this version of the application yet: give your declaration once "
                "they have signed it in their own account.",
                "Le client n’a pas encore signé cette version de la demande : remplissez votre déclaration une "
                "fois qu’il l’aura signée dans son propre compte.",
            )
        representation.declared_at = timezone.now()
        representation.declared_content_hash = current
        representation.declared_version = application.version
        representation.save(update_fields=["declared_at", "declared_content_hash", "declared_version"])
        _event(representation, EventKind.DECLARED, actor, REPRESENTATIVE_DECLARATION.version)
    return representation


def representation_revoke(*, actor, public_id) -> Representation:
    """The client ends the representation; the representative's access ends with it.

    An application the representative created comes into the client's own account.
    """
    with transaction.atomic():
        representation = (
            Representation.objects.select_for_update()
            .filter(public_id=public_id, client=actor, state=State.ACTIVE)
            .first()
            if actor.is_authenticated and actor.role == Role.APPLICANT
            else None
        )
        if representation is None:
            raise Http404
        application = Application.objects.select_for_update().get(pk=representation.application_id)
        representation.state = State.REVOKED
        representation.revoked_at = timezone.now()
        representation.revoked_by = actor
        representation.save(update_fields=["state", "revoked_at", "revoked_by"])
        if application.owner_id != actor.pk:
            application_services.application_owner_hand_over(application=application, to_owner=actor)
        _event(representation, EventKind.REVOKED, actor)
        transaction.on_commit(lambda: notifications.send_revoked(representation_id=representation.pk))
    return representation


def representation_restart(*, actor, public_id) -> Representation:
    """A new application for the same client, filled in with the answers of a returned one (IRPR 12).

    The client signs a new IMM 5476 and is invited again: their consent covered the other application.
    """
    _verified_representative(actor)
    with transaction.atomic():
        returned, old = _locked_own(actor=actor, public_id=public_id)
        if returned.status != Status.RETURNED:
            raise Http404
        # Every person and answer (a sponsorship's family, a minor's parent or guardian who
        # signs, the representative's IMM 5476 particulars); never the signatures.
        application = application_people.restart_from(actor=actor, returned=returned)
        # A second request (a double click) finds the restart the first one made.
        already = application.representations.filter(representative=actor).exclude(state=State.REVOKED).first()
        if already is not None:
            return already
        representation = Representation.objects.create(
            application=application,
            representative=actor,
            origin=Origin.CREATED,
            client_name=old.client_name,
            client_email=old.client.email if old.client_id else old.client_email,
            **_particulars(actor),
        )
        _event(representation, EventKind.CREATED, actor, returned.number or "")
    return representation


def representation_submit(*, actor, public_id, on: date):
    """Submit through the applicants' own submission service (same gate, receipts and letters)."""
    application = access_application(actor=actor, public_id=public_id, capability=Capability.PREPARE)
    representation = acting_representation(application=application)
    if representation is None or representation.representative_id != actor.pk:
        raise Http404
    return application_services.application_submit(actor=actor, public_id=public_id, on=on)


__all__ = [
    "ApplicationError",
    "StaleVersion",
    "representation_accept",
    "representation_create",
    "representation_declare",
    "representation_imm5476_upload",
    "representation_invite",
    "representation_link_request",
    "representation_restart",
    "representation_revoke",
    "representation_submit",
]
