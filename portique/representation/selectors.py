"""Reads about representations: the dashboard, what each file waits for, the gate's inputs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from portique.applications.access import current_representation
from portique.applications.choices import EDITABLE, Program, Status
from portique.applications.models import Application, Signature, earliest_open_deadline
from portique.applications.signing import content as signing
from portique.core.request_memo import remember
from portique.rules import signatures as signature_rules
from portique.rules.programs.declarations import REPRESENTATIVE as _REPRESENTATIVE_DECLARATION
from portique.rules.reasons import Reason, reason

from .choices import Origin, State
from .models import Representation

REPRESENTATIVE_DECLARATION_VERSION = _REPRESENTATIVE_DECLARATION.version



def acting_representation(*, application: Application) -> Representation | None:
    """The representation that governs the application now, if any.

    A representative's own creation governs from the start; a client's existing application
    only once the client consented to the link (ACT-39).

    Asked by many parts of one page (the access check, the Case, the gate, the steps): read
    once per request (core.request_memo; a write, such as a link accepted, reads it again).
    """
    if application.pk is None:
        return None
    return remember(("acting representation", application.pk), lambda: _acting_representation(application))


def _acting_representation(application: Application) -> Representation | None:
    # The representation not revoked, as the access check read it for this request.
    current = current_representation(application)
    if current is None:
        return None
    if current.state == State.ACTIVE or current.origin == Origin.CREATED:
        return current
    return None


def governing_representation(*, application: Application) -> Representation | None:
    """The representation whose rules apply to the content: the acting one, or for a submitted
    application the one that gave its declaration before submission (the client may have
    ended it since; what was submitted does not change)."""
    current = acting_representation(application=application)
    if current is not None or application.submitted_at is None:
        return current
    return (
        application.representations.filter(
            declared_at__isnull=False, declared_at__lte=application.submitted_at
        )
        .order_by("-declared_at", "-id")
        .first()
    )


def imm5476_uploaded(*, application: Application) -> bool:
    """The governing representation holds the IMM 5476 signed by hand (REP-07)."""
    representation = governing_representation(application=application)
    return representation is not None and bool(representation.imm5476_sha256)


def declared_on_for_case(*, application: Application, assume_declared_on: date | None = None) -> date | None:
    """The day the representative declared the current content, for the rules' ``Case``.

    ``assume_declared_on``: ask the rules as if the declaration were given that day (what
    "ready to sign" means in the representative flow: nothing missing but the signatures
    and the declaration that follows them).
    """
    representation = governing_representation(application=application)
    if representation is None:
        return None
    if assume_declared_on is not None:
        return assume_declared_on
    if declaration_is_current(representation=representation, application=application):
        return timezone.localdate(representation.declared_at)
    return None


def declaration_is_current(*, representation: Representation, application: Application) -> bool:
    """The declaration covers exactly the content now in the file (any change clears it)."""
    if representation.declared_at is None or representation.declared_version != application.version:
        return False
    current = signing.content_hash(signing.signed_content(application))
    return representation.declared_content_hash == current


@dataclass(frozen=True)
class GateInputs:
    flow: signature_rules.SubmissionFlow
    representation: Representation | None
    declared_at: datetime | None
    client_documents: tuple[signature_rules.SignedDocument, ...] | None


def gate_inputs(*, application: Application) -> GateInputs:
    representation = acting_representation(application=application)
    if representation is None:
        return GateInputs(signature_rules.SubmissionFlow.SELF, None, None, None)
    declared = (
        representation.declared_at
        if declaration_is_current(representation=representation, application=application)
        else None
    )
    return GateInputs(
        signature_rules.SubmissionFlow.REPRESENTATIVE,
        representation,
        declared,
        application.definition.represented_client_signs,
    )


def _imm5476_missing() -> Reason:
    return reason(
        "IMM5476_MISSING",
        rule="REP-07, REP-17, IRPR-10-2",
        citation="IRPR 10(2)(c.1)–(c.3); Representative portal (seed 004)",
        en="Upload the Use of a Representative form (IMM 5476), signed by hand by the client.",
        fr="Téléversez le formulaire Recours aux services d’un représentant (IMM 5476), signé à la main par le "
        "client.",
    )


def portal_blockers(*, application: Application) -> tuple[Reason, ...]:
    """What the representative portal itself requires before a represented application is submitted.

    The hand-signed IMM 5476 (REP-07), and for a sponsorship the declaration on the current
    content (the PR card's gate in ``submission_blockers`` already asks it; a sponsorship's
    rules ask it only when IMM 5476 names a paid representative, so it is asked here too).
    """
    representation = acting_representation(application=application)
    if representation is None:
        return ()
    found = []
    # Reading: a client's own application linked later (ACT-39) may already hold their
    # signature; the hand-signed form is asked of the applications a representative creates.
    if representation.origin == Origin.CREATED and not representation.imm5476_sha256:
        found.append(_imm5476_missing())
    if application.definition.several_signers and not declaration_is_current(
        representation=representation, application=application
    ):
        # The same reason as the rules' gate (signatures.submission_gate), so one gap is said once.
        found.append(signature_rules.representative_declaration_missing())
    return tuple(found)


def submission_record(*, application: Application) -> dict | None:
    """The representative's particulars, signed IMM 5476 and declaration, kept with a submission."""
    representation = acting_representation(application=application)
    if representation is None:
        return None
    return {
        "name": representation.rep_name,
        "organisation": representation.rep_organisation,
        "address": representation.rep_address,
        "telephone": representation.rep_telephone,
        "fax": representation.rep_fax,
        "email": representation.rep_email,
        "membership_body": representation.membership_body,
        "membership_number": representation.membership_number,
        "client_name": representation.client_name,
        "imm5476_sha256": representation.imm5476_sha256,
        "imm5476_content_type": representation.imm5476_content_type,
        "imm5476_uploaded_at": (
            representation.imm5476_uploaded_at.isoformat() if representation.imm5476_uploaded_at else None
        ),
        "declared_at": representation.declared_at.isoformat() if representation.declared_at else None,
        "declaration_version": REPRESENTATIVE_DECLARATION_VERSION,
    }


# --- What a file waits for, and on whom ---------------------------------------------------

WAITING = {
    # code: (English, on whom) — labels are translated in the template (choices below).
    "imm5476": "representative",
    "invite": "representative",
    "accept": "client",
    "prepare": "representative",
    "client_signature": "client",
    "declaration": "representative",
    "submit": "representative",
    "request": "representative",
    "officer": "officer",
    "returned": "representative",
    "closed": "",
}


@dataclass
class Row:
    representation: Representation
    application: Application
    waiting: str
    on_whom: str
    request_due: date | None


def _waiting(representation: Representation, application: Application, latest_signature, open_due) -> str:
    if representation.state == State.REVOKED:
        return "closed"
    if application.status == Status.RETURNED:
        return "returned"
    if application.status not in EDITABLE:
        if open_due is not None:
            return "request"
        if application.status in (Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROCESSING):
            return "officer"
        return "closed"
    if not representation.imm5476_sha256:
        return "imm5476"
    if representation.invited_at is None:
        return "invite"
    if representation.state == State.INVITED:
        return "accept"
    if application.status == Status.DRAFT:
        return "prepare"
    if application.status == Status.READY_TO_SIGN:
        return "client_signature"
    declared = (
        representation.declared_at is not None
        and representation.declared_version == application.version
        and (latest_signature is None or representation.declared_at >= latest_signature)
    )
    return "submit" if declared else "declaration"


SORTS = {
    "updated": ("-application__updated_at", "-id"),
    "client": ("client_name", "id"),
    # Each order ends with the id: ties keep their places from one page to the next.
    "status": ("application__status", "-application__updated_at", "-id"),
    "due": ("next_due", "-application__updated_at", "-id"),
}


def dashboard_rows(
    *,
    representative,
    state: str = "",
    waiting: str = "",
    sort: str = "updated",
    program: str = "",
    search: str = "",
) -> list[Row]:
    """The representative's clients' files, newest change first; never another representative's.
    ``search``: a part of the client's name or of the application number (a whole number, exactly).

    A request to link a client's existing application is not listed before the client
    accepts it (ACT-39): its number, status and deadlines are the client's until then, and a
    row would also tell the representative that the number and address they typed match.
    """
    # Each row's latest signature as a subquery on the file's own rows, not MAX over a join of
    # every client's signatures with GROUP BY.
    latest_signature = (
        Signature.objects.filter(application=OuterRef("application"), cleared_at__isnull=True)
        .order_by("-signed_at")
        .values("signed_at")[:1]
    )
    # The earliest open deadline is the file's own column (casework keeps it with its requests).
    next_due = earliest_open_deadline("application__")
    queryset: QuerySet[Representation] = (
        Representation.objects.filter(representative=representative)
        .exclude(origin=Origin.LINKED, accepted_at__isnull=True)
        .select_related("application")
        .annotate(latest_signature=Subquery(latest_signature), next_due=next_due)
    )
    if program in Program.values:
        queryset = queryset.filter(application__program=program)
    if search.strip():
        wanted = search.strip()
        queryset = queryset.filter(
            Q(client_name__icontains=wanted) | Q(application__number__icontains=wanted.upper())
        )
    if state in State.values:
        queryset = queryset.filter(state=state)
    else:
        queryset = queryset.exclude(state=State.REVOKED)
    queryset = queryset.order_by(*SORTS.get(sort, SORTS["updated"]))
    rows = []
    for representation in queryset:
        code = _waiting(
            representation,
            representation.application,
            representation.latest_signature,
            representation.next_due,
        )
        if waiting in ("representative", "client", "officer") and WAITING[code] != waiting:
            continue
        if waiting in ("request", "returned") and code != waiting:
            continue
        # An ended representation shows nothing of the file as it is now, only that it ended.
        due = representation.next_due if representation.state != State.REVOKED else None
        rows.append(Row(representation, representation.application, code, WAITING[code], due))
    return rows


def dashboard_counts(rows: list[Row]) -> dict[str, int]:
    return {
        "total": len(rows),
        "on_client": sum(1 for r in rows if r.on_whom == "client"),
        "on_representative": sum(1 for r in rows if r.on_whom == "representative"),
        "returned": sum(1 for r in rows if r.waiting == "returned"),
    }


def representations_of_client(*, client) -> QuerySet[Representation]:
    """What a client sees: invitations to their address and representations they accepted."""
    return (
        Representation.objects.filter(
            Q(client=client) | Q(client__isnull=True, client_email__iexact=client.email)
        )
        .exclude(invited_at__isnull=True)
        .select_related("application", "representative")
        .order_by("-created_at", "-id")
    )


def history_of(*, representation: Representation):
    return representation.events.select_related("actor")


def files_of(*, representative) -> QuerySet[Application]:
    return Application.objects.filter(representations__representative=representative).prefetch_related(
        Prefetch("representations", queryset=Representation.objects.all())
    )


# --- An applicant who tries to link an application to their own account (ACT-39) -----------


@dataclass(frozen=True)
class LinkAnswer:
    reasons: tuple[Reason, ...]
    # Where the applicant goes next: their representatives (to end one) or the application.
    representation: Representation | None = None
    application: Application | None = None


def link_attempt(*, actor, number: str) -> LinkAnswer:
    """What an applicant is told when they try to link an application to their own account.

    Seed 003 (« Communiquer avec IRCC »): someone who uses a representative must not link the
    application to their personal account; they cancel the representative's designation
    first. A number that does not exist and one that is not theirs get the same answer.
    Nothing is written: the link itself is the representative's (REP-16) or, once the
    representation ends, the application is already in the client's account.
    """
    number = (number or "").strip()
    application = Application.objects.filter(number__iexact=number).first() if number else None
    if application is not None:
        current = application.representations.exclude(state=State.REVOKED).first()
        concerns_actor = current is not None and (
            current.client_id == actor.pk
            or application.owner_id == actor.pk
            or (current.client_id is None and current.client_email.lower() == actor.email.lower())
        )
        if concerns_actor:
            permission = signature_rules.portal_permission(
                actor=signature_rules.Actor.CLIENT,
                action=signature_rules.PortalAction.LINK_APPLICATION_TO_OWN_ACCOUNT,
                represented_by=signature_rules.Representation.PAID,
            )
            return LinkAnswer(permission.reasons, representation=current)
        if current is None and application.owner_id == actor.pk:
            return LinkAnswer(
                (
                    reason(
                        "APPLICATION_ALREADY_IN_ACCOUNT",
                        rule="ACT-39",
                        citation="IMM 5289 — « Communiquer avec IRCC »",
                        en="This application is already in your account.",
                        fr="Cette demande se trouve déjà dans votre compte.",
                    ),
                ),
                application=application,
            )
    return LinkAnswer(
        (
            reason(
                "APPLICATION_NOT_FOUND_FOR_LINK",
                rule="ACT-39",
                citation="IMM 5289 — « Communiquer avec IRCC »",
                en="No application with this number can be linked to your account. Check the number.",
                fr="Aucune demande portant ce numéro ne peut être liée à votre compte. Vérifiez le numéro.",
            ),
        )
    )
