"""Who may see what on the officers' side. "Not found" and "not allowed" look the same.

Officers see submitted files only (never a draft); a screening officer and a
decision-maker each see the queues of their role; supervisors read the access log.
The applicant sees their own letters and requests, never internal notes.
"""

from __future__ import annotations

from django.http import Http404

from portique.applications.access import Capability, access_application
from portique.applications.choices import EDITABLE
from portique.applications.models import Application

from .models import DocumentRequest, Letter
from .services import DECIDE, PROCESS, SCREEN, is_officer_with

VIEW_FILE_ACCESS = "casework.view_file_access"
VIEW_TRIAGE_FIGURES = "casework.view_triage_figures"


def can_screen(user) -> bool:
    return is_officer_with(user, SCREEN)


def can_decide(user) -> bool:
    return is_officer_with(user, DECIDE)


def can_read_access_log(user) -> bool:
    return is_officer_with(user, VIEW_FILE_ACCESS)


def access_casework(*, user) -> None:
    """The officers' pages: an officer who screens or decides."""
    if not is_officer_with(user, *PROCESS):
        raise Http404


def access_case(*, user, public_id) -> Application:
    access_casework(user=user)
    application = (
        Application.objects.select_related("owner")
        .filter(public_id=public_id)
        .exclude(status__in=EDITABLE)
        .first()
    )
    if application is None:
        raise Http404
    return application


def can_read_figures(user) -> bool:
    return is_officer_with(user, VIEW_TRIAGE_FIGURES)


def access_figures(*, user) -> None:
    """The supervisor's figures of triage and bulk decisions (``casework.figures``)."""
    if not can_read_figures(user):
        raise Http404


def access_access_log(*, user) -> None:
    if not can_read_access_log(user):
        raise Http404


def access_own_letter(*, user, public_id, letter_id) -> Letter:
    # A represented client reads their letters too (ACT-40); answering is the representative's.
    application = access_application(actor=user, public_id=public_id, capability=Capability.READ)
    letter = Letter.objects.filter(application=application, public_id=letter_id).exclude(pdf_en="").first()
    if letter is None:
        raise Http404
    return letter


def access_own_request(*, user, public_id, request_id) -> DocumentRequest:
    application = access_application(actor=user, public_id=public_id, capability=Capability.READ)
    request = (
        DocumentRequest.objects.select_related("application")
        .filter(application=application, public_id=request_id)
        .first()
    )
    if request is None:
        raise Http404
    return request
