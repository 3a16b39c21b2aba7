"""The applicant's side of casework: their letters, answering a request, starting again
from a returned application. Only the owner of the application gets here."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portique.accounts.choices import Role
from portique.applications.access import Capability, access_application, capabilities
from portique.applications.choices import Status
from portique.applications.people import services as application_people
from portique.core.body_limit import body_limit
from portique.core.private_files import keep_private
from portique.documents.formatting import file_size
from portique.documents.items import document_max_bytes, upload_body_bytes
from portique.uploads.download_names import download_name
from portique.uploads.handlers import LimitedUploadHandler

from . import access, forms, services
from .choices import RequestState
from .models import RequestFile
from .services import MAX_REQUEST_FILES, CaseworkError


@login_required
@require_GET
def letter(request: HttpRequest, public_id, letter_id, language: str) -> FileResponse:
    found = access.access_own_letter(user=request.user, public_id=public_id, letter_id=letter_id)
    if language not in ("en", "fr"):
        raise Http404
    return keep_private(
        FileResponse(
            found.pdf(language).open("rb"),
            as_attachment=True,
            filename=f"{found.application.number}-{found.kind}-{language}.pdf",
            content_type="application/pdf",
        )
    )


@csrf_protect
def _request_page(request: HttpRequest, found) -> HttpResponse:
    application = found.application
    too_large = request.method == "POST" and _upload_too_large(request)
    form = forms.AnswerForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        limit=file_size(document_max_bytes()),
    )
    status = 200
    if request.method == "POST":
        form.is_valid()
        if too_large:
            form.add_error(
                "files",
                _("A file is larger than the limit of %(limit)s. Choose a smaller file.")
                % {"limit": file_size(document_max_bytes())},
            )
        if not form.errors:
            try:
                services.request_answer(
                    actor=request.user,
                    public_id=application.public_id,
                    request_id=found.public_id,
                    files=request.FILES.getlist("files"),
                    text=form.cleaned_data.get("text", ""),
                    on=timezone.localdate(),
                )
            except CaseworkError as refused:
                form.add_refusal(refused.errors)
            else:
                messages.success(request, _("Your answer was sent. Thank you."))
                return redirect("applications:overview", public_id=application.public_id)
        status = 400
    return render(
        request,
        "casework/applicant/request.html",
        {
            "application": application,
            "request_": found,
            "form": form,
            # Only who prepares the file answers here (a paper applicant following online answers by mail).
            "open": found.state == RequestState.OPEN
            and application.status in services.PROCESSING
            and Capability.PREPARE in capabilities(actor=request.user, application=application),
            "overdue": found.overdue_on(timezone.localdate()),
        },
        status=status,
    )


def _upload_too_large(request: HttpRequest) -> bool:
    request.FILES  # noqa: B018 - parsing the body is what runs the limited upload handler
    return getattr(request, "upload_too_large", False)


@body_limit(lambda: upload_body_bytes(MAX_REQUEST_FILES))
@login_required
@require_http_methods(["GET", "POST"])
@csrf_exempt
def request_detail(request: HttpRequest, public_id, request_id) -> HttpResponse:
    """A request and the applicant's answer. Who may is checked before the body is read,
    then each file is read only up to the size limit (as the documents pages do); the
    CSRF check runs after, in ``_request_page``, since it reads the body."""
    found = access.access_own_request(user=request.user, public_id=public_id, request_id=request_id)
    if request.method == "POST":
        request.upload_handlers.insert(0, LimitedUploadHandler(request, limit=document_max_bytes()))
    return _request_page(request, found)


@login_required
@require_GET
def request_file(request: HttpRequest, public_id, request_id, file_id) -> FileResponse:
    found = access.access_own_request(user=request.user, public_id=public_id, request_id=request_id)
    sent = RequestFile.objects.filter(request=found, public_id=file_id).first()
    if sent is None:
        raise Http404
    return keep_private(
        FileResponse(
            sent.file.open("rb"),
            as_attachment=True,
            filename=download_name("answer-to-request", sent.content_type),
            content_type=sent.content_type,
        )
    )


@login_required
@require_POST
def restart(request: HttpRequest, public_id) -> HttpResponse:
    """Start a new application filled in with the answers of a returned one (IRPR 12)."""
    if request.user.role == Role.REPRESENTATIVE:
        # For the same client, with a new IMM 5476 and invitation (portique.representation).
        from portique.representation.services import representation_restart

        restarted = representation_restart(actor=request.user, public_id=public_id)
        return redirect("representation:file", public_id=restarted.application.public_id)
    returned = access_application(actor=request.user, public_id=public_id)
    # Every person and answer (a minor's parent or guardian who signs included); never the signatures.
    application = application_people.application_restart(actor=request.user, public_id=returned.public_id)
    messages.success(
        request,
        _(
            "A new application is started with the answers of application %(number)s. Check every section, "
            "add what was missing, and upload your documents again."
        )
        % {"number": returned.number},
    )
    return redirect("applications:overview", public_id=application.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, public_id) -> HttpResponse:
    """The applicant (or their active representative) withdraws a submitted application: the
    declaration, the refund the rules allow at this stage, then the withdrawal and its letter."""
    application = services.withdrawable_by(actor=request.user, public_id=public_id)
    if application.status not in services.WITHDRAWABLE:
        if application.status == Status.WITHDRAWN:
            messages.info(request, _("This application is withdrawn."))
        else:
            messages.error(request, _("This application can no longer be withdrawn."))
        return redirect("applications:overview", public_id=application.public_id)
    form = forms.WithdrawForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.application_withdraw(
                    actor=request.user,
                    public_id=application.public_id,
                    declaration=form.cleaned_data["declaration"],
                    reasons=form.cleaned_data["reasons"],
                    on=timezone.localdate(),
                )
            except CaseworkError as refused:
                form.add_refusal(refused.errors)
            else:
                messages.success(
                    request,
                    _(
                        "Your application is withdrawn. The letter that confirms it is on this page, "
                        "and we sent you an e-mail."
                    ),
                )
                return redirect("applications:overview", public_id=application.public_id)
        status = 400
    language = (get_language() or "en")[:2]
    preview = services.withdrawal_refund_preview(application, on=timezone.localdate())
    return render(
        request,
        "casework/applicant/withdraw.html",
        {
            "application": application,
            "form": form,
            "refund": preview,
            "refund_reasons": [found.message(language) for found in preview.reasons] if preview else [],
            "refund_citations": sorted({found.citation for found in preview.reasons}) if preview else [],
            "processing_started": application.status == Status.IN_PROCESSING,
        },
        status=status,
    )
