"""Who may read what. Each helper answers "not found" (Http404) alike for an object
that does not exist and for one the actor may not see, so nobody learns which it is.
"""

from __future__ import annotations

import uuid

from django.http import Http404

from .choices import Role
from .models import RepresentativeProfile, User


def _is_officer_with(user: User, permission: str) -> bool:
    return user.is_authenticated and user.role == Role.OFFICER and user.is_active and user.has_perm(permission)


def access_representative_review(*, user: User) -> None:
    """The list of representatives awaiting verification: supervisors and administrators."""
    if not _is_officer_with(user, "accounts.verify_representative"):
        raise Http404


def access_representative_profile(*, user: User, public_id: str | uuid.UUID) -> RepresentativeProfile:
    """A representative's profile (and identity document): the representative, or a verifying officer."""
    try:
        profile = RepresentativeProfile.objects.select_related("user", "decided_by").get(public_id=public_id)
    except (RepresentativeProfile.DoesNotExist, ValueError, TypeError) as error:
        raise Http404 from error
    if not user.is_authenticated:
        raise Http404
    if profile.user_id == user.pk or _is_officer_with(user, "accounts.verify_representative"):
        return profile
    raise Http404


def access_audit_log(*, user: User) -> None:
    if not _is_officer_with(user, "accounts.view_audit"):
        raise Http404
