"""Who may see or change an application. "Not found" and "not yours" look the same.

Three capabilities: ``PREPARE`` (change answers and documents, pay, submit, answer an
officer's request), ``SIGN`` (the applicant's e-signature) and ``READ``. Without a
representative, the owner has all three. With a current representation (portique.
representation, seed 004): the representative prepares, never signs (ACT-35); the client,
once they accepted in their own account, reads and signs, never changes (ACT-34, REP-10).
A revoked representation gives nothing, from the moment it is revoked.

A paper application has no account: an officer who takes in paper applications
(``PAPER_INTAKE_PERMISSION``) reads and prepares it (types in the forms, attaches the
scans) until it is sent to screening; nobody signs it in the portal (it is signed by hand).
Once sent to screening, its applicant may link it to their account (``paper_follow``) and
then reads it: its status, letters and requests.
"""

from __future__ import annotations

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import get_language

from portique.accounts.choices import RepresentativeStatus, Role
from portique.core.request_memo import remember
from portique.rules import signatures as signature_rules

from .choices import EDITABLE
from .choices import RepresentationOrigin as Origin
from .choices import RepresentationState as State
from .models import Application

# Taking in a paper application is intake work, like sending alternative-format kits: the
# officers who screen applications (screening officers and supervisors) do it.
PAPER_INTAKE_PERMISSION = "accounts.screen_application"


class Capability(str, Enum):
    READ = "read"
    PREPARE = "prepare"
    SIGN = "sign"


ALL = frozenset(Capability)


class AccessRefused(PermissionDenied):
    """The actor may see the application but not do this; ``reasons`` say why, in both languages."""

    def __init__(self, reasons):
        self.reasons = tuple(reasons)
        language = (get_language() or "en")[:2]
        super().__init__(" ".join(r.message(language) for r in self.reasons))


def current_representation(application: Application):
    """The representation that is not revoked, if any (at most one: a database constraint).

    Read once per request (core.request_memo): a page asks ``capabilities`` several times.
    A service's check under its row lock, inside its transaction, always reads it afresh.
    """
    if application.pk is None:
        return None
    return remember(
        ("current representation", application.pk),
        lambda: application.representations.exclude(state=State.REVOKED).select_related("representative").first(),
    )


def can_take_in_paper(actor) -> bool:
    return bool(
        actor is not None
        and actor.is_authenticated
        and actor.is_active
        and actor.role == Role.OFFICER
        and actor.has_perm(PAPER_INTAKE_PERMISSION)
    )


def is_paper_follower(actor, application: Application) -> bool:
    """Whether ``actor`` is the applicant who linked this paper application to their account."""
    from .models import PaperFollower

    return bool(
        actor is not None
        and actor.is_authenticated
        and actor.is_active
        and actor.role == Role.APPLICANT
        and application.status not in EDITABLE
        and PaperFollower.objects.filter(application=application, account=actor).exists()
    )


def capabilities(*, actor, application: Application) -> frozenset[Capability]:
    if application.on_paper:
        if can_take_in_paper(actor) and application.status in EDITABLE:
            return frozenset({Capability.READ, Capability.PREPARE})
        if is_paper_follower(actor, application):
            # Its applicant linked it to their account (paper_follow): they read it, it stays on paper.
            return frozenset({Capability.READ})
        return frozenset()
    if not actor.is_authenticated or actor.role not in (Role.APPLICANT, Role.REPRESENTATIVE):
        return frozenset()
    current = current_representation(application)
    if current is None:
        if actor.role == Role.APPLICANT and application.owner_id == actor.pk:
            return ALL
        return frozenset()
    if actor.role == Role.REPRESENTATIVE:
        if current.representative_id != actor.pk or not _verified(actor):
            return frozenset()
        # An application the representative created is theirs to prepare before the client
        # accepts; a client's existing application only once the client consented (ACT-39).
        if current.state == State.ACTIVE or current.origin == Origin.CREATED:
            return frozenset({Capability.READ, Capability.PREPARE})
        return frozenset()
    if current.state == State.ACTIVE and current.client_id == actor.pk:
        return frozenset({Capability.READ, Capability.SIGN})
    if current.origin == Origin.LINKED and application.owner_id == actor.pk:
        # The client has not consented to the link yet: the application is still theirs alone.
        return ALL
    return frozenset()


def _verified(actor) -> bool:
    profile = getattr(actor, "representative_profile", None)
    return profile is not None and profile.status == RepresentativeStatus.VERIFIED


def _refusal(actor) -> tuple:
    if actor.role == Role.REPRESENTATIVE:
        action = signature_rules.PortalAction.E_SIGN_APPLICATION
        return signature_rules.portal_permission(
            actor=signature_rules.Actor.PAID_REPRESENTATIVE, action=action
        ).reasons
    return signature_rules.portal_permission(
        actor=signature_rules.Actor.CLIENT,
        action=signature_rules.PortalAction.EDIT_APPLICATION,
        represented_by=signature_rules.Representation.PAID,
        application_created_by_representative=True,
    ).reasons


def access_application(
    *, actor, public_id, for_update: bool = False, capability: Capability = Capability.PREPARE
) -> Application:
    """The application if ``actor`` may do ``capability`` on it.

    404 when the actor may not even read it (never says whether it exists);
    ``AccessRefused`` (403, with the rule's reason) when they may read it but not do this.
    """
    if not actor.is_authenticated or actor.role not in (Role.APPLICANT, Role.REPRESENTATIVE, Role.OFFICER):
        raise Http404
    queryset = Application.objects.filter(public_id=public_id)
    if for_update:
        queryset = queryset.select_for_update()
    else:
        # Its submission, if any, in the same query: the pages ask whether there is one (a
        # draft's page, the submit and confirmation pages). Not under a row lock: PostgreSQL
        # refuses FOR UPDATE on the nullable side of an outer join.
        queryset = queryset.select_related("submission")
    application = queryset.first()
    if application is None:
        raise Http404
    allowed = capabilities(actor=actor, application=application)
    if Capability.READ not in allowed:
        raise Http404
    if capability not in allowed:
        raise AccessRefused(_refusal(actor))
    return application
