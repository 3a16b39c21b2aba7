from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from portique.applications import document_types
from portique.applications.access import Capability, access_application, capabilities
from portique.applications.choices import EDITABLE
from portique.core.body_limit import body_limit
from portique.core.private_files import keep_private
from portique.rules.guides import Guide
from portique.uploads.handlers import LimitedUploadHandler
from portique.uploads.inspection import Problem

from . import photo_spec, selectors, services
from .choices import Affidavit, ItemKind, Translator
from .download_names import document_download_name
from .formatting import file_size, item_hint
from .items import upload_body_bytes


def _language() -> str:
    return (get_language() or "en")[:2]


def _item(application, slot: str, on: date):
    for item in selectors.checklist_for(application, on):
        if item.slot == slot:
            return item
    raise Http404


def _page(
    request: HttpRequest, application, on: date, *, slot: str = "", problems=(), status: int = 200, document=None
) -> HttpResponse:
    """``document``: the file whose language or translation form the ``problems`` are about."""
    language = _language()
    checklist = selectors.checklist_for(application, on)
    rows = selectors.item_rows(application, checklist)
    errors: dict[str, list[str]] = defaultdict(list)
    summary = []
    for problem in problems:
        message = problem.message(language)
        errors[problem.field].append(message)
        summary.append((f"{problem.field}-{document or slot}", message))
    limits = photo_spec.limits(on)
    translations = selectors.current_translations(application)
    error_document = document
    translation_findings = _translation_findings(application, on, rows)
    return render(
        request,
        "documents/index.html",
        {
            "application": application,
            "rows": [
                {
                    "row": row,
                    "title": row.item.title(language),
                    "why": row.item.why(language),
                    "hint": item_hint(row.item, on),
                    "is_photo": row.item.kind == ItemKind.PHOTO,
                    "asks_print": row.item.kind == ItemKind.PHOTO and application.definition.photo_print_measured,
                    **_print_questions(errors if row.item.slot == slot and document is None else {}),
                    "errors": errors if row.item.slot == slot and document is None else {},
                    "documents": [
                        (document, file_size(document.size), document_types.label(document.document_type))
                        for document in row.documents
                    ],
                    # the language of each file and, in another language, its translation.
                    "asks_language": services.translation_asked(row.item),
                    "languages": [
                        (
                            document,
                            translations.get(document.id) if document.other_language else None,
                            translation_findings.get(
                                f"{selectors.case_person(document.person_position)}/documents/{document.document_type}", []
                            )
                            if document.other_language
                            else [],
                            errors if document.public_id == error_document else {},
                        )
                        for document in row.documents
                    ],
                    "document_types": [(code, document_types.label(code)) for code in row.item.document_types]
                    if len(row.item.document_types) > 1
                    else [],
                    "pending_warnings": [w["fr" if language == "fr" else "en"] for w in row.pending.warnings]
                    if row.pending
                    else [],
                }
                for row in rows
            ],
            "summary": summary,
            # A represented client reads the list without the forms (ACT-34).
            "editable": application.status in EDITABLE
            and Capability.PREPARE in capabilities(actor=request.user, application=application),
            "photo_months": limits.max_age_months,
            "yes_no": [("yes", _("Yes")), ("no", _("No"))],
            "markings": [
                ("stamp", _("A stamp")),
                ("handwritten", _("Handwritten")),
                ("sticker", _("A sticker label")),
            ],
            "translator_choices": Translator.choices,
            "affidavit_choices": Affidavit.choices,
            "asks_certified_copy": application.definition.fee_guide is Guide.SPONSORSHIP,
            "language": language,
        },
        status=status,
    )


def _print_questions(errors) -> dict:
    """The questions about a sponsorship photo's print (SP-190), each with its messages."""
    return {
        "print_sizes": [
            (
                "width_mm",
                _("Width of the print (mm)"),
                _("For example, 50."),
                errors.get("width_mm", []),
            ),
            ("height_mm", _("Height of the print (mm)"), _("For example, 70."), errors.get("height_mm", [])),
            (
                "face_height_mm",
                _("Height of the face, chin to crown (mm)"),
                _("For example, 34."),
                errors.get("face_height_mm", []),
            ),
        ],
        "print_flags": [
            (
                "name_and_date_of_birth",
                _("Does the back show the person’s name and date of birth?"),
                errors.get("name_and_date_of_birth", []),
            ),
            (
                "studio_name_and_full_address",
                _("Does the back show the studio’s name and full address?"),
                errors.get("studio_name_and_full_address", []),
            ),
            ("date_taken", _("Does the back show the date the photo was taken?"), errors.get("date_taken", [])),
            (
                "professional_photographer",
                _("Did a professional photographer take the photo?"),
                errors.get("professional_photographer", []),
            ),
        ],
    }


def _translation_findings(application, on: date, rows) -> dict[str, list[tuple[str, str]]]:
    """The rules' findings on each translated file (X-01), by subject, in the page's language."""
    if not any(document.other_language for row in rows for document in row.documents):
        return {}
    from portique.applications.services import application_evaluate

    language = _language()
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for reason in application_evaluate(application=application, on=on).findings:
        if reason.rule.startswith(("X-01", "SP-182", "SP-185")) and "/documents/" in (reason.subject or ""):
            found[reason.subject].append((reason.severity.value, reason.message(language)))
    return found


@login_required
@require_GET
def index(request: HttpRequest, public_id) -> HttpResponse:
    # A represented client reads the list too; every change below asks for more than reading.
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    return _page(request, application, timezone.localdate())


def _back(public_id, slot: str) -> HttpResponse:
    return redirect(reverse("documents:index", args=[public_id]) + f"#item-{slot}")


def _with_limit(view):
    """Check who asks before reading the body, then read it with the item's size limit.

    Upload handlers can only be changed before the body is read, and the CSRF check
    reads it: hence csrf_exempt outside and csrf_protect inside, as Django's
    documentation on upload handlers shows.
    """
    protected = csrf_protect(view)

    @body_limit(upload_body_bytes)
    @login_required
    @require_POST
    @csrf_exempt
    def wrapper(request: HttpRequest, public_id, slot: str, **kwargs) -> HttpResponse:
        application = access_application(actor=request.user, public_id=public_id)
        on = timezone.localdate()
        item = _item(application, slot, on)
        request.upload_handlers.insert(0, LimitedUploadHandler(request, limit=item.max_bytes(on)))
        return protected(request, application=application, item=item, on=on, **kwargs)

    return wrapper


def _too_large_upload(request: HttpRequest) -> bool:
    request.FILES  # noqa: B018 - parsing the body is what runs the limited upload handler
    return getattr(request, "upload_too_large", False)


def _too_large(item, on: date, field: str = "file") -> Problem:
    limit = item.max_bytes(on)
    return Problem(
        "too_large",
        gettext_lazy("The file is larger than the limit for this item, %(limit)s. Choose a smaller file."),
        field,
        {"limit": lambda: file_size(limit)},
    )


def _taken_on(request: HttpRequest) -> tuple[date | None, list[Problem]]:
    raw = request.POST.get("taken_on", "").strip()
    if not raw:
        return None, []
    try:
        return date.fromisoformat(raw), []
    except ValueError:
        return None, [
            Problem(
                "taken_on_invalid",
                gettext_lazy("Enter the date the photo was taken as year, month and day, for example 2026-03-15."),
                "taken_on",
            )
        ]


_MM_INVALID = {
    "width_mm": gettext_lazy("Enter the width in millimetres as a number, for example 50."),
    "height_mm": gettext_lazy("Enter the height in millimetres as a number, for example 70."),
    "face_height_mm": gettext_lazy("Enter the face height in millimetres as a number, for example 34."),
}
_FLAGS = ("name_and_date_of_birth", "studio_name_and_full_address", "date_taken", "professional_photographer")


def _print_facts(request: HttpRequest, item, application) -> tuple[services.PrintFacts | None, list[Problem]]:
    """A sponsorship photo's print as the form gives it (SP-190); what is blank stays ``None``."""
    if item.kind != ItemKind.PHOTO or not application.definition.photo_print_measured:
        return None, []
    problems, sizes = [], {}
    for field, invalid in _MM_INVALID.items():
        raw = request.POST.get(field, "").strip().replace(",", ".")
        sizes[field] = None
        if raw:
            try:
                sizes[field] = Decimal(raw)
                if not sizes[field].is_finite():
                    raise InvalidOperation
            except InvalidOperation:
                sizes[field] = None
                problems.append(Problem(f"{field}_invalid", invalid, field))
    flags = {field: {"yes": True, "no": False}.get(request.POST.get(field, "")) for field in _FLAGS}
    return services.PrintFacts(**sizes, **flags, marking=request.POST.get("marking") or None), problems


@_with_limit
def upload(request: HttpRequest, *, application, item, on: date) -> HttpResponse:
    if _too_large_upload(request):
        return _page(request, application, on, slot=item.slot, problems=[_too_large(item, on)])
    taken_on, problems = _taken_on(request)
    print_facts, print_problems = _print_facts(request, item, application)
    problems += print_problems
    if problems:
        return _page(request, application, on, slot=item.slot, problems=problems)
    try:
        uploaded = services.document_upload(
            actor=request.user,
            public_id=application.public_id,
            item=item,
            upload=request.FILES.get("file"),
            on=on,
            declaration=request.POST.get("declaration") == "1",
            taken_on=taken_on,
            document_type=request.POST.get("document_type") or None,
            print_facts=print_facts,
        )
    except services.DocumentError as refused:
        return _page(request, application, on, slot=item.slot, problems=refused.problems)
    if uploaded.needs_confirmation:
        messages.warning(
            request,
            _("Your photo may not meet the criteria. Read the warnings below, then tick “Confirmation” to upload it anyway, or choose another photo."),
        )
    else:
        messages.success(request, _("“%(name)s” was uploaded.") % {"name": uploaded.document.original_name})
    return _back(application.public_id, item.slot)


@login_required
@require_POST
def confirm(request: HttpRequest, public_id, slot: str, document_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    on = timezone.localdate()
    item = _item(application, slot, on)
    try:
        document = services.document_confirm(
            actor=request.user,
            public_id=public_id,
            document_id=document_id,
            item=item,
            confirmation=request.POST.get("confirmation") == "1",
        )
    except services.DocumentError as refused:
        return _page(request, application, on, slot=item.slot, problems=refused.problems)
    messages.success(request, _("“%(name)s” was uploaded.") % {"name": document.original_name})
    return _back(public_id, slot)


@login_required
@require_POST
def remove(request: HttpRequest, public_id, slot: str, document_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    on = timezone.localdate()
    item = _item(application, slot, on)
    try:
        document = services.document_remove(actor=request.user, public_id=public_id, document_id=document_id, item=item)
    except services.DocumentError as refused:
        return _page(request, application, on, slot=item.slot, problems=refused.problems)
    messages.success(request, _("“%(name)s” was removed.") % {"name": document.original_name})
    return _back(public_id, slot)


@_with_limit
def explain(request: HttpRequest, *, application, item, on: date) -> HttpResponse:
    if _too_large_upload(request):
        return _page(request, application, on, slot=item.slot, problems=[_too_large(item, on, "letter")])
    try:
        services.item_explain(
            actor=request.user,
            public_id=application.public_id,
            item=item,
            text=request.POST.get("text", ""),
            letter=request.FILES.get("letter"),
            on=on,
        )
    except services.DocumentError as refused:
        return _page(request, application, on, slot=item.slot, problems=refused.problems)
    messages.success(request, _("Your explanation was saved."))
    return _back(application.public_id, item.slot)


@login_required
@require_POST
def withdraw(request: HttpRequest, public_id, slot: str) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    on = timezone.localdate()
    item = _item(application, slot, on)
    try:
        services.item_explanation_withdraw(actor=request.user, public_id=public_id, item=item)
    except services.DocumentError as refused:
        return _page(request, application, on, slot=item.slot, problems=refused.problems)
    messages.success(request, _("Your explanation was withdrawn."))
    return _back(public_id, slot)


@login_required
@require_POST
def language(request: HttpRequest, public_id, slot: str, document_id) -> HttpResponse:
    application = access_application(actor=request.user, public_id=public_id)
    on = timezone.localdate()
    item = _item(application, slot, on)
    try:
        document = services.document_language(
            actor=request.user,
            public_id=public_id,
            document_id=document_id,
            item=item,
            other_language=request.POST.get("in_english_or_french", ""),
        )
    except services.DocumentError as refused:
        return _page(request, application, on, slot=item.slot, problems=refused.problems, document=document_id)
    if document.other_language:
        messages.success(request, _("Saved. Upload the English or French translation of “%(name)s”.") % {"name": document.original_name})
    else:
        messages.success(request, _("Saved: “%(name)s” is in English or French.") % {"name": document.original_name})
    return _back(public_id, slot)


@_with_limit
def translation(request: HttpRequest, *, application, item, on: date, document_id) -> HttpResponse:
    if _too_large_upload(request):
        return _page(
            request, application, on, slot=item.slot, problems=[_too_large(item, on, "translation")], document=document_id
        )
    try:
        uploaded = services.translation_upload(
            actor=request.user,
            public_id=application.public_id,
            document_id=document_id,
            item=item,
            upload=request.FILES.get("translation"),
            on=on,
            translator=request.POST.get("translator") or None,
            affidavit=request.POST.get("affidavit") or None,
            not_related=request.POST.get("not_related") == "1",
            certified_copy=request.POST.get("certified_copy") == "1",
        )
    except services.DocumentError as refused:
        return _page(request, application, on, slot=item.slot, problems=refused.problems, document=document_id)
    messages.success(request, _("The translation “%(name)s” was uploaded.") % {"name": uploaded.original_name})
    return _back(application.public_id, item.slot)


@login_required
@require_GET
def download(request: HttpRequest, public_id, document_id) -> HttpResponse:
    document = selectors.document_for_download(actor=request.user, public_id=public_id, document_id=document_id)
    services.document_record_download(actor=request.user, document=document)
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document_download_name(document),
        content_type=document.content_type,
    )
    return keep_private(response)
