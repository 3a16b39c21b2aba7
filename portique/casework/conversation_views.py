"""Messages about a submitted file and documents sent after submission: the applicant's
side writes and sends, officers read and answer. Parse, check access, one service, render.

Who may is checked before an upload's body is read; each file is then read only up to
the size limit (``LimitedUploadHandler``), and the CSRF check runs after, since it reads
the body (as the request-answer page does). Files are private attachments, never cached.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from portique.core.body_limit import body_limit
from portique.documents.formatting import file_size
from portique.documents.items import document_max_bytes, upload_body_bytes
from portique.uploads.download_names import download_name
from portique.uploads.handlers import LimitedUploadHandler

from . import access, forms, pages, services
from .choices import AccessKind
from .downloads import logged_download, private_file
from .models import LateDocument, MessageFile
from .services import MAX_MESSAGE_FILES, OTHER_DOCUMENT, CaseworkError


def _limit_uploads(request: HttpRequest) -> None:
    if request.method == "POST":
        request.upload_handlers.insert(0, LimitedUploadHandler(request, limit=document_max_bytes()))


def _too_large_error(request: HttpRequest, form, field: str) -> None:
    request.FILES  # noqa: B018 - parsing the body is what runs the limited upload handler
    if getattr(request, "upload_too_large", False):
        form.add_error(
            field,
            _("A file is larger than the limit of %(limit)s. Choose a smaller file.")
            % {"limit": file_size(document_max_bytes())},
        )


def _message_form(request: HttpRequest) -> forms.MessageForm:
    posted = request.method == "POST"
    return forms.MessageForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial={"token": uuid.uuid4()},
        limit=file_size(document_max_bytes()),
        most=MAX_MESSAGE_FILES,
    )


def _message_sent(request: HttpRequest, application, form, send) -> bool:
    """Check the posted message form and send it with ``send`` (the applicant's side's or the
    office's service); a refusal lands on the form. True once the message is sent."""
    form.is_valid()
    _too_large_error(request, form, "files")
    if form.errors:
        return False
    try:
        send(
            actor=request.user,
            public_id=application.public_id,
            text=form.cleaned_data.get("text", ""),
            files=request.FILES.getlist("files"),
            token=form.cleaned_data.get("token"),
        )
    except CaseworkError as refused:
        form.add_refusal(refused.errors)
        return False
    return True


# --- The applicant's side ----------------------------------------------------------------------


@csrf_protect
def _message_page(request: HttpRequest, application) -> HttpResponse:
    form = _message_form(request)
    status = 200
    if request.method == "POST":
        if _message_sent(request, application, form, services.message_send):
            messages.success(
                request,
                _("Your message was sent to the office. Its answer will appear here; we will tell you by e-mail."),
            )
            return redirect(reverse("applications:overview", args=[application.public_id]) + "#conversation")
        status = 400
    return render(
        request, "casework/applicant/message_new.html", {"application": application, "form": form}, status=status
    )


@body_limit(lambda: upload_body_bytes(MAX_MESSAGE_FILES))
@login_required
@require_http_methods(["GET", "POST"])
@csrf_exempt
def message_new(request: HttpRequest, public_id) -> HttpResponse:
    """Write to the office about a submitted application, with files if needed."""
    application = services.applicant_side(actor=request.user, public_id=public_id)
    _limit_uploads(request)
    return _message_page(request, application)


def _item_choices(application, language: str) -> list[tuple[str, str]]:
    items = services.submitted_items(application)
    choices = [(code, titles.get(language) or titles.get("en") or code) for code, titles in items.items()]
    return [*choices, (OTHER_DOCUMENT, _("Another document"))]


@csrf_protect
def _late_document_page(request: HttpRequest, application) -> HttpResponse:
    language = pages.page_language()
    posted = request.method == "POST"
    form = forms.LateDocumentForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        initial={"token": uuid.uuid4()},
        items=_item_choices(application, language),
        limit=file_size(document_max_bytes()),
    )
    status = 200
    if posted:
        form.is_valid()
        _too_large_error(request, form, "file")
        if not form.errors:
            try:
                services.late_document_add(
                    actor=request.user,
                    public_id=application.public_id,
                    item_code=request.POST.get("item", ""),
                    description=form.cleaned_data.get("description", ""),
                    upload=request.FILES.get("file"),
                    token=form.cleaned_data.get("token"),
                )
            except CaseworkError as refused:
                form.add_refusal(refused.errors)
            else:
                messages.success(
                    request, _("Your document was sent to the office. It is listed as received after submission.")
                )
                return redirect(reverse("applications:overview", args=[application.public_id]) + "#after-submission")
        status = 400
    return render(
        request,
        "casework/applicant/late_document_new.html",
        {"application": application, "form": form, "open": application.status in services.OPEN_FOR_LATE_DOCUMENTS},
        status=status,
    )


@body_limit(lambda: upload_body_bytes(1))
@login_required
@require_http_methods(["GET", "POST"])
@csrf_exempt
def late_document_new(request: HttpRequest, public_id) -> HttpResponse:
    """Send a further document after submission; what was signed does not change."""
    application = services.applicant_side(actor=request.user, public_id=public_id)
    _limit_uploads(request)
    return _late_document_page(request, application)


@login_required
@require_GET
def message_file(request: HttpRequest, public_id, message_id, file_id) -> FileResponse:
    application = services.applicant_side(actor=request.user, public_id=public_id)
    found = MessageFile.objects.filter(
        message__application=application, message__public_id=message_id, public_id=file_id
    ).first()
    if found is None:
        raise Http404
    return private_file(
        found.file, filename=download_name("message-file", found.content_type), content_type=found.content_type
    )


@login_required
@require_GET
def late_document_file(request: HttpRequest, public_id, document_id) -> FileResponse:
    application = services.applicant_side(actor=request.user, public_id=public_id)
    found = LateDocument.objects.filter(application=application, public_id=document_id).first()
    if found is None:
        raise Http404
    return private_file(
        found.file,
        filename=download_name("document-after-submission", found.content_type),
        content_type=found.content_type,
    )


# --- The officers' side ------------------------------------------------------------------------


@csrf_protect
@never_cache
def _answer_page(request: HttpRequest, application) -> HttpResponse:
    form = _message_form(request)
    status = 200
    if request.method == "POST":
        if _message_sent(request, application, form, services.message_answer):
            messages.success(request, _("Your message is sent. The applicant is told by e-mail."))
            return redirect(reverse("casework:file", args=[application.public_id]) + "#messages")
        status = 400
    else:
        pages.opened(request, application, "write to the applicant")
    return render(
        request, "casework/message_answer.html", {"application": application, "form": form}, status=status
    )


@body_limit(lambda: upload_body_bytes(MAX_MESSAGE_FILES))
@login_required
@require_http_methods(["GET", "POST"])
@csrf_exempt
def message_answer(request: HttpRequest, public_id) -> HttpResponse:
    """An officer writes to the applicant (the form is on the file page; this page shows it
    again with what was refused)."""
    application = access.access_case(user=request.user, public_id=public_id)
    _limit_uploads(request)
    return _answer_page(request, application)


@login_required
@require_GET
def officer_message_file(request: HttpRequest, public_id, message_id, file_id) -> FileResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    found = MessageFile.objects.filter(
        message__application=application, message__public_id=message_id, public_id=file_id
    ).first()
    if found is None:
        raise Http404
    return logged_download(
        request,
        application,
        kind=AccessKind.MESSAGE_FILE_VIEWED,
        what=found.original_name,
        file=found.file,
        filename=download_name("message-file", found.content_type),
        content_type=found.content_type,
    )


@login_required
@require_GET
def officer_late_document(request: HttpRequest, public_id, document_id) -> FileResponse:
    """A document received after submission: opening it records the officer as its reader."""
    application = access.access_case(user=request.user, public_id=public_id)
    found = LateDocument.objects.filter(application=application, public_id=document_id).first()
    if found is None:
        raise Http404
    services.late_document_mark_read(actor=request.user, document=found)
    return logged_download(
        request,
        application,
        kind=AccessKind.LATE_DOCUMENT_VIEWED,
        what=found.original_name,
        file=found.file,
        filename=download_name("document-after-submission", found.content_type),
        content_type=found.content_type,
    )
