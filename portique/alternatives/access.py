"""Who may handle kit requests. Like the other apps' access helpers, the views answer
"not found" alike for a request that does not exist and for a person who may not see it.
"""

from __future__ import annotations

from django.http import Http404

from portique.accounts.choices import Role

from .models import KitRequest

# Sending a kit is intake work: the officers who screen applications (screening officers
# and supervisors) handle the queue. Reusing their permission keeps one place to grant it.
HANDLE_PERMISSION = "accounts.screen_application"


def can_handle_kit_requests(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role == Role.OFFICER
        and user.has_perm(HANDLE_PERMISSION)
    )


def access_kit_request_queue(*, user) -> None:
    if not can_handle_kit_requests(user):
        raise Http404


def access_kit_request(*, user, reference: str) -> KitRequest:
    access_kit_request_queue(user=user)
    try:
        return KitRequest.objects.select_related("sent_by").get(reference=reference)
    except KitRequest.DoesNotExist:
        raise Http404 from None
