"""Accounts: reads."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.db.models import QuerySet

from portique.rules.conventions import email_is_well_formed

from .choices import SIGN_IN_HISTORY_KINDS, RepresentativeStatus
from .models import AuditEvent, RepresentativeProfile, User

# Every demo account (``portique demo``) has an address at this domain, which no real
# person can have (.localhost is reserved, RFC 6761).
DEMO_EMAIL_DOMAIN = "demo.portique.localhost"


def demo_accounts() -> QuerySet:
    """The demo accounts that can still sign in (``portique demo --remove`` disables the rest)."""
    return User.objects.filter(email__iendswith=f"@{DEMO_EMAIL_DOMAIN}", is_active=True)


def user_has_totp(*, user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def user_sign_in_history(*, user: User, limit: int = 20) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(subject=user, kind__in=SIGN_IN_HISTORY_KINDS)[:limit])


def user_active_sessions(*, user: User) -> list[UserSession]:
    # purge_and_list drops sessions that have expired or were signed out.
    sessions = UserSession.objects.purge_and_list(user)
    return sorted(sessions, key=lambda session: session.last_seen_at, reverse=True)


def representative_profiles_for_review(*, status: str | None = RepresentativeStatus.PENDING) -> QuerySet:
    profiles = RepresentativeProfile.objects.select_related("user", "decided_by")
    if status:
        profiles = profiles.filter(status=status)
    return profiles.order_by("created_at")


def audit_events(*, kind: str | None = None, email: str | None = None) -> QuerySet:
    """The audit log, newest first. ``email``: a whole address finds that account's events
    through an index (case aside); a part of one, the events of every address containing it,
    through a trigram index on PostgreSQL (migration ``accounts 0007``) when the part has three
    characters or more; shorter parts, and SQLite, read the log."""
    events = AuditEvent.objects.all()
    if kind:
        events = events.filter(kind=kind)
    if email:
        wanted = email.strip().lower()
        # A whole address (name@provider.net), as pasted from a complaint or a ticket.
        if email_is_well_formed(wanted):
            events = events.filter(subject_email__iexact=wanted)
        else:
            events = events.filter(subject_email__icontains=wanted)
    return events
