"""The applicant's pages once an application is submitted: its status, the copy as
submitted (PDF), and the change of address. Everything else is read-only by then."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from ..access import Capability, access_application
from ..choices import EDITABLE
from ..form_rendering import describe, section_form_class
from ..models import Application, Submission
from ..services import ApplicationError
from . import address_changes
from . import selectors as submitted_selectors
from .copy_pdf import language_of, submitted_copy_filename, submitted_copy_pdf_kept


def _language() -> str:
    return language_of(get_language())


def _submission_of(application: Application) -> Submission:
    submission = Submission.objects.filter(application=application).first()
    if submission is None:
        raise Http404
    return submission


def refuse_change(request: HttpRequest, application: Application) -> HttpResponse:
    """Any page that changes the application, once it is submitted: back to its status, saying why."""
    messages.error(request, _("This application has been submitted: it can no longer be changed."))
    return redirect("applications:overview", public_id=application.public_id)


def status_page(request: HttpRequest, application: Application) -> HttpResponse:
    """The overview of a submitted application (``views.overview`` hands over to it)."""
    return render(
        request,
        "applications/status.html",
        {
            "application": application,
            "submission": _submission_of(application),
            "timeline": submitted_selectors.timeline_of(application=application),
            "address": submitted_selectors.mailing_address_on_file(application=application),
            # A paper application followed online is read here; its address changes in writing.
            "can_change_address": application.status in address_changes.OPEN_AFTER_SUBMISSION
            and not application.on_paper,
            # The officer side's messages, when portique.casework provides them.
            "casework_messages": submitted_selectors.casework_messages_available(),
            # Every request still waiting for an answer, with its deadline, at the top of the page.
            "open_requests": submitted_selectors.open_requests(
                application_ids=[application.pk], on=timezone.localdate()
            ).get(application.pk, []),
            "language": _language(),
        },
    )


@login_required
@require_GET
@never_cache
def submitted_copy(request: HttpRequest, public_id) -> HttpResponse:
    """The whole application as submitted, as a PDF in the page's language (/en/… or /fr/…)."""
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    submission = _submission_of(application)
    language = _language()
    response = HttpResponse(submitted_copy_pdf_kept(submission, language), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{submitted_copy_filename(submission, language)}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def address_change(request: HttpRequest, public_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    language = _language()
    if application.status not in address_changes.OPEN_AFTER_SUBMISSION:
        if application.status in EDITABLE:
            messages.error(
                request,
                _(
                    "Your application is not submitted yet: change your address in its “Contact details” section."
                ),
            )
        else:
            messages.error(
                request, _("This application is closed: a change of address can no longer be recorded on it.")
            )
        return redirect("applications:overview", public_id=application.public_id)
    section = address_changes.SECTION
    bound = section_form_class(section, language)(request.POST or None)
    errors: dict[str, list[str]] = defaultdict(list)
    if request.method == "POST":
        # The rules check every answer (choices and postal code included), in both languages.
        answers = {field.code: request.POST.get(field.code, "") for field in section.fields}
        try:
            change = address_changes.address_change_record(
                actor=request.user, public_id=application.public_id, answers=answers, on=timezone.localdate()
            )
        except ApplicationError as refused:
            for found in refused.reasons:
                errors[(found.subject or "").removeprefix(f"{section.code}.")].append(found.message(language))
        else:
            if change is None:
                messages.info(request, _("This is already the mailing address on file: nothing was changed."))
            else:
                messages.success(request, _("Your new address is recorded. IRCC will use it from now on."))
            return redirect("applications:overview", public_id=application.public_id)
    fields = []
    for field in section.fields:
        bf = bound[field.code]
        field_errors = errors.get(field.code, [])
        describe(bf, field_errors)
        fields.append((bf, field_errors))
    summary = [(bf.id_for_label, message) for bf, field_errors in fields for message in field_errors]
    summary += [("", message) for message in errors.get("", [])]
    return render(
        request,
        "applications/address_change.html",
        {
            "application": application,
            "fields": fields,
            "summary": summary,
            "address": submitted_selectors.mailing_address_on_file(application=application),
            "language": language,
        },
        status=400 if summary else 200,
    )
