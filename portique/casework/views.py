"""The officers' pages: parse, check access, call one service, render.

Each GET of a page about a file is logged (``FileAccess``), as is each document or
letter an officer opens.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portique.applications.answer_summary import people_as_submitted
from portique.applications.choices import Status
from portique.core.keyset import keyset_page
from portique.core.private_files import keep_private
from portique.documents import previews
from portique.documents.download_names import document_download_name
from portique.documents.formatting import file_size
from portique.documents.items import document_max_bytes
from portique.documents.labels import document_label, document_labels, finding_subject
from portique.documents.selectors import documents_of
from portique.rules.programs.definition import Delivery
from portique.uploads.download_names import download_name

from . import access, forms, pages, selectors, services, triage
from .choices import AccessKind, Queue, Verdict
from .downloads import logged_download
from .models import Finding, Interview, RequestFile, Screening
from .services import CaseworkError

# --- Queues ---------------------------------------------------------------------------------


def _position(request: HttpRequest) -> dict:
    """Where a long list is read from: after or before a row (a cursor), or its last page."""
    return {
        "after": request.GET.get("after", "")[:500],
        "before": request.GET.get("before", "")[:500],
        "last": bool(request.GET.get("last")),
    }


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    access.access_casework(user=request.user)
    today = timezone.localdate()
    allowed = selectors.queues_for(request.user)
    counts = selectors.queue_counts(user=request.user, today=today)
    raw_queue = request.GET.get("queue") or allowed[0].value
    if raw_queue not in {queue.value for queue in allowed}:
        raise Http404
    queue = Queue(raw_queue)
    filters = forms.QueueFilterForm(request.GET or None)
    triaged = triage.triage_in_use()
    if not triaged:
        del filters.fields["triage"]
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    sort = cleaned.get("sort") or "oldest"
    items = selectors.queue_items(
        queue=queue,
        today=today,
        program=cleaned.get("program", ""),
        search=cleaned.get("q", ""),
        sort=sort,
        triage=cleaned.get("triage", ""),
    )
    # The whole queue's count is its tab's (taken with the others, at most a minute ago, and the
    # caption says so); a filtered or searched list is counted live.
    filtered = any(cleaned.get(name) for name in ("program", "q", "triage"))
    # Keyset pages: a deep page, or the last, reads from the index where the previous one stopped.
    page = keyset_page(
        items, order=selectors.queue_order(sort), per_page=50, counted=filtered, **_position(request)
    )
    if not filtered:
        page.count = counts.of(queue)
    for application in page.object_list:
        application.triage = triage.label_of(application)
        application.rules_summary = triage.rules_summary(application)
    show_holds = queue in (Queue.WAITING_FOR_QUEBEC_OR_POLICE, Queue.READY_FOR_DECISION)
    # Routine files may be accepted together from the screening queue (casework.bulk).
    bulk_accept = triaged and queue == Queue.SCREENING and access.can_screen(request.user)
    if show_holds:
        holds = selectors.holds_of(page.object_list, today=today)
        for application in page.object_list:
            application.holds = holds[application.pk]
    return render(
        request,
        "casework/home.html",
        {
            "counts": counts.queues,
            "counts_taken_at": counts.taken_at,
            "caption_counted_live": filtered,
            "queue": queue,
            # When files like these are usually decided (issue 15): the figure the applicant sees.
            "expected_decisions": selectors.expected_decisions_for_queue(
                queue=queue, today=today, program=cleaned.get("program", "")
            ),
            "filters": filters,
            "page": page,
            "today": today,
            "show_holds": show_holds,
            "show_triage": triaged,
            "bulk_accept": bulk_accept,
            "columns": 7 + int(show_holds) + int(triaged) + int(bulk_accept),
            "can_read_log": access.can_read_access_log(request.user),
            "bulk_approve": triaged and access.can_decide(request.user),
            "can_read_figures": access.can_read_figures(request.user),
            "letters_to_mail": counts.letters_to_mail,
        },
    )


# --- The file ---------------------------------------------------------------------------------


def _actions(user, application) -> dict[str, bool]:
    screen, decide = access.can_screen(user), access.can_decide(user)
    processing = application.status in services.PROCESSING
    return {
        "screen": screen and application.status == Status.SUBMITTED,
        "start_processing": application.status == Status.ACCEPTED,
        "process": processing,
        "decide": decide and (processing or application.status == Status.SUBMITTED),
    }


def _tell_paper_letter(request: HttpRequest, application, done) -> bool:
    """A paper applicant has no account: say where the letter goes (e-mail given, else mail)."""
    if not application.on_paper:
        return False
    messages.success(request, done)
    intake = application.paper_intake
    if intake.email:
        messages.info(
            request,
            _("The applicant has no online account: the letter is e-mailed to %(email)s.") % {"email": intake.email},
        )
    else:
        messages.warning(
            request,
            _("The applicant has no online account and gave no e-mail address: print the letter and mail it."),
        )
    return True


@login_required
@require_GET
@never_cache
def file(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    pages.opened(request, application, "file")
    language = pages.page_language()
    documents = documents_on_page(application, language)
    # Shown in full on this page: what no officer had read is marked "new" here, and is read now.
    conversation = selectors.conversation_of(application)
    unread = [message for message in conversation if message.to_office and not selectors.was_read(message)]
    services.messages_mark_read(actor=request.user, application=application)
    late_documents = selectors.late_documents_of(application)
    notes = list(application.internal_notes.select_related("author").all())
    return render(
        request,
        "casework/file.html",
        {
            "conversation": conversation,
            "unread": {message.pk for message in unread},
            "late_documents": late_documents,
            "unread_late_documents": sum(1 for found in late_documents if not selectors.was_read(found)),
            # Its own ids: the note form on the same page has a "text" field too.
            "message_form": forms.MessageForm(
                auto_id="message-%s",
                initial={"token": uuid.uuid4()},
                limit=file_size(document_max_bytes()),
                most=services.MAX_MESSAGE_FILES,
            ),
            "application": application,
            "submission": getattr(application, "submission", None),
            "people": people_as_submitted(application, language),
            "documents": documents,
            "payments": selectors.payments_of(application),
            "signatures": application.signatures.select_related("signer", "recorded_by").all(),
            "screening": Screening.objects.filter(application=application).first(),
            "requests": application.document_requests.prefetch_related("files").all(),
            "letters": application.letters.select_related("issued_by", "mailed__recorded_by", "rendering").all(),
            "biometrics": application.biometrics_instructions.all(),
            "medical": application.medical_instructions.select_related("person").all(),
            "interviews": application.interviews.all(),
            "quality_assurance": getattr(application, "quality_assurance", None),
            "decision": getattr(application, "decision", None),
            "notes": notes,
            "notes_on_file": any(note.on_file for note in notes),
            "notes_internal": any(not note.on_file for note in notes),
            "history": selectors.history_of(application),
            "waiting": services.pending_work(application)
            if application.status in services.PROCESSING
            else [],
            "actions": _actions(request.user, application),
            "note_form": forms.NoteForm(),
            "today": timezone.localdate(),
            "language": language,
        },
    )


@login_required
@require_POST
def urgency(request: HttpRequest, public_id) -> HttpResponse:
    """Set or clear the urgent flag from the file or the screening page, with its reason."""
    application = access.access_case(user=request.user, public_id=public_id)
    # The button says which way (set or clear); the service checks the reason.
    wanted = request.POST.get("urgent") == "yes"
    try:
        change = services.case_urgency_set(
            actor=request.user,
            public_id=application.public_id,
            urgent=wanted,
            reason=request.POST.get(f"{forms.URGENCY_PREFIX}-reason", ""),
        )
    except CaseworkError as refused:
        for errors in refused.errors.values():
            for message in errors:
                messages.error(request, message)
    else:
        if change is None:
            messages.info(request, _("Nothing changed."))
        elif wanted:
            messages.success(request, _("The file is marked urgent."))
        else:
            messages.success(request, _("The file is no longer marked urgent."))
    to_screening = request.POST.get("back") == "screening" and access.can_screen(request.user)
    return redirect("casework:screening" if to_screening else "casework:file", public_id=application.public_id)


@login_required
@require_POST
def note(request: HttpRequest, public_id) -> HttpResponse:
    """An officer's note: on the file (the applicant reads it) or internal, with its reason."""
    application = access.access_case(user=request.user, public_id=public_id)
    form = forms.NoteForm(request.POST)
    form.is_valid()
    try:
        services.note_add(
            actor=request.user,
            public_id=application.public_id,
            text=request.POST.get("text", ""),
            on_file=form.cleaned_data.get("visibility") == forms.NoteForm.ON_FILE,
            internal_reason=request.POST.get("internal_reason", ""),
        )
    except CaseworkError as refused:
        for field in ("text", "internal_reason"):
            for message in refused.errors.get(field, []):
                messages.error(request, message)
    else:
        messages.success(request, _("The note is saved."))
    return redirect("casework:file", public_id=application.public_id)


@login_required
@require_POST
def processing_start(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    try:
        services.processing_start(actor=request.user, public_id=application.public_id)
    except CaseworkError as refused:
        for message in refused.errors.get("", []):
            messages.error(request, message)
    else:
        messages.success(request, _("Processing has started."))
    return redirect("casework:file", public_id=application.public_id)


# --- Screening ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def screening(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    if not access.can_screen(request.user):
        raise Http404
    language = pages.page_language()
    if application.status == Status.SUBMITTED:
        services.screening_run(application=application)
    screening_row = Screening.objects.filter(application=application).first()
    if screening_row is None:
        raise Http404
    verdict_forms: dict[int, forms.VerdictForm] = {}
    add_form = forms.FindingAddForm(language=language)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        on = timezone.localdate()
        try:
            if action == "judge":
                finding, bound = pages.posted_row(
                    request,
                    Finding.objects.filter(screening=screening_row),
                    "finding",
                    forms.VerdictForm,
                    verdict_forms,
                )
                services.finding_judge(
                    actor=request.user,
                    public_id=application.public_id,
                    finding_id=finding.public_id,
                    verdict=bound.cleaned_data.get("verdict", ""),
                    reason=bound.cleaned_data.get("reason", ""),
                )
                messages.success(request, _("Your assessment is saved."))
            elif action == "add":
                add_form = forms.FindingAddForm(request.POST, language=language)
                add_form.is_valid()
                services.finding_add(
                    actor=request.user,
                    public_id=application.public_id,
                    ground=add_form.cleaned_data.get("ground", ""),
                    detail=add_form.cleaned_data.get("detail", ""),
                )
                messages.success(request, _("The missing item is added."))
            elif action == "return":
                services.application_return(actor=request.user, public_id=application.public_id, on=on)
                if not _tell_paper_letter(request, application, _("The application is returned.")):
                    messages.success(
                        request,
                        _("The application is returned. The return letter is in the applicant's account."),
                    )
                return redirect("casework:file", public_id=application.public_id)
            elif action == "accept":
                services.application_accept(actor=request.user, public_id=application.public_id, on=on)
                if not _tell_paper_letter(request, application, _("The application is accepted.")):
                    messages.success(
                        request,
                        _(
                            "The application is accepted. The acknowledgement of receipt is in the applicant's account."
                        ),
                    )
                return redirect("casework:file", public_id=application.public_id)
            else:
                raise Http404
        except CaseworkError as refused:
            status = 400
            if action == "judge":
                verdict_forms[finding.pk].add_refusal(refused.errors)
            elif action == "add":
                add_form.add_refusal(refused.errors)
            else:
                errors = [str(message) for messages_ in refused.errors.values() for message in messages_]
        else:
            return redirect("casework:screening", public_id=application.public_id)
    else:
        pages.opened(request, application, "screening")
    findings = list(screening_row.findings.select_related("verdict_by", "added_by"))
    for finding in findings:
        # What the finding is about, in words (its stored subject is a code of the rules).
        finding.subject_label = finding_subject(application, finding.subject, language=language)
    rows = pages.rows_with_forms(findings, verdict_forms, forms.VerdictForm)
    bound_errors = [form for _finding, form in rows if form.errors] + ([add_form] if add_form.errors else [])
    return render(
        request,
        "casework/screening.html",
        {
            "application": application,
            "screening": screening_row,
            "rows": rows,
            "add_form": add_form,
            "errors": errors,
            "bound_errors": bound_errors,
            "pending": any(f.verdict == Verdict.PENDING for f in findings),
            "confirmed": [f for f in findings if f.verdict == Verdict.CONFIRMED],
            "documents": documents_on_page(application, language),
            "language": language,
        },
        status=status,
    )


# --- Requests ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    form = forms.RequestForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        form.is_valid()
        if not form.errors:
            try:
                services.request_send(
                    actor=request.user,
                    public_id=application.public_id,
                    description=form.cleaned_data.get("description", ""),
                    due_on=form.cleaned_data.get("due_on"),
                    on=timezone.localdate(),
                )
            except CaseworkError as refused:
                form.add_refusal(refused.errors)
            else:
                messages.success(request, _("The request is sent. The applicant is told by e-mail."))
                return redirect("casework:file", public_id=application.public_id)
        status = 400
    else:
        pages.opened(request, application, "new request")
    return render(
        request, "casework/request_new.html", {"application": application, "form": form}, status=status
    )


# Biometrics and medical exams: ``instruction_views``.


# --- Interviews ----------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def interview(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    action = request.POST.get("action", "")
    schedule_form = forms.InterviewForm(request.POST if action == "schedule" else None)
    outcome_forms: dict[int, forms.InterviewOutcomeForm] = {}
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        try:
            if action == "schedule":
                if not schedule_form.is_valid():
                    raise CaseworkError({})
                data = schedule_form.cleaned_data
                starts_at = None
                if data.get("day") and data.get("time"):
                    starts_at = timezone.make_aware(datetime.combine(data["day"], data["time"]))
                services.interview_schedule(
                    actor=request.user,
                    public_id=application.public_id,
                    starts_at=starts_at,
                    mode=data.get("mode", ""),
                    place=data.get("place", ""),
                    documents_to_bring=data.get("documents_to_bring", ""),
                    purpose=data.get("purpose") or "processing",
                )
                messages.success(
                    request, _("The interview is scheduled and the applicant is told in writing.")
                )
            elif action == "outcome":
                found, bound = pages.posted_row(
                    request,
                    Interview.objects.filter(application=application),
                    "interview",
                    forms.InterviewOutcomeForm,
                    outcome_forms,
                )
                services.interview_record_outcome(
                    actor=request.user,
                    public_id=application.public_id,
                    interview_id=found.public_id,
                    outcome=bound.cleaned_data.get("outcome", ""),
                    notes=bound.cleaned_data.get("notes", ""),
                )
                messages.success(request, _("The outcome is recorded."))
            else:
                raise Http404
        except CaseworkError as refused:
            status = 400
            target = schedule_form if action == "schedule" else next(iter(outcome_forms.values()))
            errors = pages.refuse(target, refused.errors, renamed={"starts_at": "day"})
        else:
            return redirect("casework:interview", public_id=application.public_id)
    else:
        pages.opened(request, application, "interviews")
    interviews = pages.rows_with_forms(application.interviews.all(), outcome_forms, forms.InterviewOutcomeForm)
    return render(
        request,
        "casework/interview.html",
        {
            "application": application,
            "interviews": interviews,
            "schedule_form": schedule_form,
            "errors": errors,
            "bound_errors": [form for form in (schedule_form, *outcome_forms.values()) if form.errors],
            "processing": application.status in services.PROCESSING,
        },
        status=status,
    )


# --- Decision ---------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def decision(request: HttpRequest, public_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    if not access.can_decide(request.user):
        raise Http404
    if application.definition.decided_per_person:
        # A sponsorship is decided person by person.
        return redirect("casework:sponsorship_decision", public_id=application.public_id)
    from .readiness import card_address, decision_initial, readiness

    processing = application.status in services.PROCESSING
    found = readiness(application, on=timezone.localdate()) if processing else None
    form = forms.DecisionForm(
        request.POST if request.method == "POST" else None,
        initial=decision_initial(application, found),
    )
    if application.definition.delivery is not Delivery.CARD_BY_MAIL:
        # The card's delivery is asked only where the approval is a card.
        del form.fields["card_delivery"], form.fields["pick_up_details"]
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        form.is_valid()
        data = form.cleaned_data
        try:
            services.application_decide(
                actor=request.user,
                public_id=application.public_id,
                outcome=data.get("outcome", ""),
                reasons=data.get("reasons", ""),
                card_delivery=data.get("card_delivery", ""),
                pick_up_details=data.get("pick_up_details", ""),
                applicant_is_citizen=bool(data.get("applicant_is_citizen")),
                on=timezone.localdate(),
            )
        except CaseworkError as refused:
            status = 400
            errors = pages.refuse(form, refused.errors)
        else:
            if not _tell_paper_letter(request, application, _("The decision is recorded.")):
                messages.success(
                    request, _("The decision is recorded and its letter is in the applicant's account.")
                )
            return redirect("casework:file", public_id=application.public_id)
    else:
        pages.opened(request, application, "decision")
    return render(
        request,
        "casework/decision.html",
        {
            "application": application,
            "form": form,
            "errors": errors,
            "bound_errors": [form] if form.errors else [],
            "waiting": found.missing if found else [],
            "card_address": card_address(application),
        },
        status=status,
    )


# --- Files: documents, answers to requests, letters (logged) -------------------------------------------------


def documents_on_page(application, language: str) -> list[pages.DocumentOnPage]:
    """The file's documents as the officer's pages show them: what each is and whose (never a
    code), and its pages to preview inline (or why it cannot be previewed)."""
    found = list(documents_of(application).select_related("translation_of"))
    labels = document_labels(application, found, language=language)
    return [
        pages.DocumentOnPage(document=document, label=labels[document.pk], preview=previews.preview_of(document))
        for document in found
    ]


@login_required
@require_GET
def document(request: HttpRequest, public_id, document_id) -> FileResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    found = documents_of(application).filter(public_id=document_id).first()
    if found is None:
        raise Http404
    label = document_label(found, language=pages.page_language())
    return logged_download(
        request,
        application,
        kind=AccessKind.DOCUMENT_VIEWED,
        what=f"{label}: {found.original_name}",
        opened=found.public_id,
        file=found.file,
        filename=document_download_name(found),
        content_type=found.content_type,
    )


@login_required
@require_GET
def document_page(request: HttpRequest, public_id, document_id, number: int) -> HttpResponse:
    """One page of a document as an image, for the file's inline preview: checked and logged
    like a download, private, never cached by the browser or a proxy."""
    application = access.access_case(user=request.user, public_id=public_id)
    found = documents_of(application).filter(public_id=document_id).first()
    if found is None or not 1 <= number <= previews.page_count(found):
        raise Http404
    label = document_label(found, language=pages.page_language())
    services.file_access_record(
        actor=request.user,
        application=application,
        kind=AccessKind.DOCUMENT_VIEWED,
        what=_("%(document)s: page %(number)s (preview)") % {"document": label, "number": number},
        request=request,
        # The applicant's "Your file" says this document was opened by the office.
        opened=found.public_id,
    )
    try:
        image = previews.preview_page(found, number)
    except previews.PreviewRefused:
        response = HttpResponse(
            _("This document cannot be previewed; download it."),
            status=422,
            content_type="text/plain; charset=utf-8",
        )
    else:
        response = HttpResponse(image, content_type=previews.CONTENT_TYPE)
    return keep_private(response, cache_control="private, no-store")


@login_required
@require_GET
def imm5476(request: HttpRequest, public_id) -> FileResponse:
    """The IMM 5476 the client signed by hand, as the representative uploaded it (seed 004)."""
    application = access.access_case(user=request.user, public_id=public_id)
    # The representative at submission, even if the client has ended the representation since.
    representation = application.representations.order_by("-created_at", "-id").first()
    if representation is None or not representation.imm5476:
        raise Http404
    return logged_download(
        request,
        application,
        kind=AccessKind.DOCUMENT_VIEWED,
        what="IMM 5476 (signed)",
        file=representation.imm5476,
        filename=download_name(f"IMM5476-{application.number}", representation.imm5476_content_type or ""),
        content_type=representation.imm5476_content_type or "application/octet-stream",
    )


@login_required
@require_GET
def request_file(request: HttpRequest, public_id, request_id, file_id) -> FileResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    found = RequestFile.objects.filter(
        request__application=application, request__public_id=request_id, public_id=file_id
    ).first()
    if found is None:
        raise Http404
    return logged_download(
        request,
        application,
        kind=AccessKind.REQUEST_FILE_VIEWED,
        what=found.original_name,
        opened=found.public_id,
        file=found.file,
        filename=download_name("answer-to-request", found.content_type),
        content_type=found.content_type,
    )


@login_required
@require_GET
def letter(request: HttpRequest, public_id, letter_id, language: str) -> FileResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    found = application.letters.filter(public_id=letter_id).first()
    if found is None or not found.made or language not in ("en", "fr"):
        raise Http404
    return logged_download(
        request,
        application,
        kind=AccessKind.LETTER_VIEWED,
        what=f"{found.kind} ({language})",
        opened=found.public_id,
        file=found.pdf(language),
        filename=f"{application.number}-{found.kind}-{language}.pdf",
        content_type="application/pdf",
    )


# --- Letters to print and mail -----------------------------------------------------------------------------


@login_required
@require_GET
@never_cache
def letters_to_mail(request: HttpRequest) -> HttpResponse:
    access.access_casework(user=request.user)
    page = Paginator(selectors.letters_to_mail(), 50).get_page(request.GET.get("page"))
    return render(request, "casework/letters_to_mail.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def letter_mailed(request: HttpRequest, public_id, letter_id) -> HttpResponse:
    application = access.access_case(user=request.user, public_id=public_id)
    found = selectors.letters_to_mail().filter(application=application, public_id=letter_id).first()
    if found is None:
        raise Http404
    form = forms.MailedForm(request.POST if request.method == "POST" else None)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        try:
            if not form.is_valid():
                raise CaseworkError({})
            services.letter_record_mailed(
                actor=request.user,
                public_id=application.public_id,
                letter_id=found.public_id,
                mailed_on=form.cleaned_data.get("mailed_on"),
                on=timezone.localdate(),
            )
        except CaseworkError as refused:
            status = 400
            errors = pages.refuse(form, refused.errors)
        else:
            messages.success(
                request,
                _("The letter to %(number)s is recorded as mailed.") % {"number": application.number},
            )
            return redirect("casework:letters_to_mail")
    else:
        pages.opened(request, application, f"record letter mailed: {found.kind}")
    return render(
        request,
        "casework/letter_mailed.html",
        {
            "application": application,
            "letter": found,
            "form": form,
            "errors": errors,
            "bound_errors": [form] if form.errors else [],
        },
        status=status,
    )


# --- The access log ------------------------------------------------------------------------------------------


@login_required
@require_GET
def access_log(request: HttpRequest) -> HttpResponse:
    access.access_access_log(user=request.user)
    entries = selectors.access_log(
        officer_email=request.GET.get("officer", ""), number=request.GET.get("number", "")
    )
    page = keyset_page(entries, order=("-at", "-id"), per_page=100, counted=False, **_position(request))
    return render(
        request,
        "casework/access_log.html",
        {"page": page, "officer": request.GET.get("officer", ""), "number": request.GET.get("number", "")},
    )
