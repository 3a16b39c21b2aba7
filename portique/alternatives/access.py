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


def access_paper_intake(*, user) -> None:
    """The paper intake pages: an officer who takes in paper applications (the same as kit requests)."""
    from portique.applications.access import can_take_in_paper

    if not can_take_in_paper(user):
        raise Http404


def access_paper_application(*, user, public_id):
    """A paper application still being entered. Once sent to screening, the casework file is its page."""
    from portique.applications.choices import EDITABLE, Channel
    from portique.applications.models import Application

    access_paper_intake(user=user)
    application = (
        Application.objects.select_related("paper_intake", "paper_intake__registered_by")
        .filter(public_id=public_id, channel=Channel.PAPER, status__in=EDITABLE)
        .first()
    )
    if application is None:
        raise Http404
    return application


def access_paper_request(*, user, public_id, request_id):
    """An open or answered request on a paper application sent to screening, for an officer who works files."""
    from portique.casework.access import access_case
    from portique.casework.models import DocumentRequest

    application = access_case(user=user, public_id=public_id)
    if not application.on_paper:
        raise Http404
    request = DocumentRequest.objects.filter(application=application, public_id=request_id).first()
    if request is None:
        raise Http404
    return application, request
