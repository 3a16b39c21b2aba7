"""The applicant's "Your file" page and "Your data" downloads (``your_file``, ``your_data``).

The applicant and their active representative only (``your_file.access_own_file``); the
downloads are private attachments, never cached, made on request.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portique.core.private_files import keep_private

from . import your_data, your_file


def _language() -> str:
    return "fr" if (get_language() or "").startswith("fr") else "en"


@login_required
@require_GET
@never_cache
def your_file_page(request: HttpRequest, public_id) -> HttpResponse:
    application = your_file.access_own_file(user=request.user, public_id=public_id)
    language = _language()
    return render(
        request,
        "casework/applicant/your_file.html",
        {"application": application, "view": your_file.file_view(application, language=language)},
    )


def _attachment(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return keep_private(response)


@login_required
@require_GET
def your_data_json(request: HttpRequest, public_id) -> HttpResponse:
    application = your_file.access_own_file(user=request.user, public_id=public_id)
    language = _language()
    return _attachment(
        your_data.data_json(application, language=language),
        filename=your_data.data_filename(application, language=language, extension="json"),
        content_type="application/json; charset=utf-8",
    )


@login_required
@require_GET
def your_data_pdf(request: HttpRequest, public_id) -> HttpResponse:
    application = your_file.access_own_file(user=request.user, public_id=public_id)
    language = _language()
    return _attachment(
        your_data.data_pdf(application, language=language),
        filename=your_data.data_filename(application, language=language, extension="pdf"),
        content_type="application/pdf",
    )
