"""Officers' pages for paper applications: register, enter, record the receipt and the
handwritten signatures, send to screening. Each view: parse, access check, one service, render.

The forms' answers are typed into the applicant's own section pages and the scans go
through the documents pages (``applications.access`` lets an intake officer prepare a
paper application); these pages hold what only paper has.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portique.applications import paper_intake
from portique.applications.choices import EDITABLE, Channel
from portique.applications.models import Application
from portique.applications.people import selectors as people_selectors
from portique.applications.services import (
    ApplicationError,
    StaleVersion,
    application_evaluate,
    submission_blockers,
)
from portique.core.body_limit import body_limit
from portique.documents.items import upload_body_bytes
from portique.payments import selectors as payment_selectors
from portique.payments import services as payment_services
from portique.rules.online import system_restriction_table

from . import services
from .access import access_paper_application, access_paper_intake, access_paper_request
from .forms import add_service_errors
from .models import KitFollowUp
from .paper_forms import PaperAnswerForm, PaperIntakeForm, PaperPhotosForm, ReceiptForm, SignaturesForm


def _language() -> str:
    return (get_language() or "en")[:2]


@login_required
@require_GET
@never_cache
def paper_list(request: HttpRequest) -> HttpResponse:
    access_paper_intake(user=request.user)
    in_entry = (
        Application.objects.filter(channel=Channel.PAPER, status__in=EDITABLE)
        .select_related("paper_intake")
        .order_by("received_on", "id")[:200]
    )
    return render(request, "alternatives/paper/list.html", {"applications": in_entry})


@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def paper_register(request: HttpRequest) -> HttpResponse:
    access_paper_intake(user=request.user)
    today = timezone.localdate()
    if request.method == "GET":
        form = PaperIntakeForm(on=today, initial={"received_on": today, "language": _language()})
        return _register_page(request, form)
    form = PaperIntakeForm(request.POST, on=today)
    if not form.is_valid():
        return _register_page(request, form, status=400)
    try:
        application = services.paper_application_register_following_kit(
            actor=request.user,
            data=form.intake_input(),
            kit_reference=form.cleaned_data.get("kit_reference") or "",
            today=today,
        )
    except paper_intake.PaperIntakeInvalid as invalid:
        add_service_errors(form, invalid.errors)
        return _register_page(request, form, status=400)
    messages.success(request, _("The paper application is registered. Enter its forms and documents."))
    return redirect("alternatives:paper_file", public_id=application.public_id)


def _register_page(request, form, *, status: int = 200) -> HttpResponse:
    return render(request, "alternatives/paper/register.html", {"form": form}, status=status)


def _forms_to_enter(application: Application, evaluation, language: str) -> list[dict]:
    """Each person's forms and their sections, with the page that enters each one."""
    open_sections = {(found.subject or "").split(".", 1)[0] for found in evaluation.form_findings}
    entries = []
    for person in application.people.all():
        for form in application.definition.forms_for(person.role):
            sections = []
            for section in form.sections:
                subject = f"p{person.position}/{form.code}/{section.code}"
                url = reverse(
                    "applications:person_section",
                    args=[application.public_id, person.position, form.code, section.code],
                )
                sections.append(
                    {
                        "label": section.fr if language == "fr" else section.en,
                        "url": url,
                        "complete": subject not in open_sections,
                    }
                )
            entries.append(
                {
                    "person": people_selectors.person_label(person, language)
                    if application.definition.family_members
                    else application.paper_intake.applicant_name,
                    "form": form.fr if language == "fr" else form.en,
                    "sections": sections,
                }
            )
    return entries


def _signers(application: Application, language: str) -> list[tuple[int, str, bool]]:
    current = {
        signature.person_id
        for signature in application.signatures.filter(cleared_at__isnull=True, method="handwritten")
    }
    signers = []
    for person in paper_intake.required_paper_signers(application):
        if application.definition.several_signers:
            who = people_selectors.person_label(person, language)
        else:
            who = _("the applicant (or a parent or legal guardian, for an applicant under 18)")
        label = _("The handwritten signature of %(who)s is on the forms") % {"who": who}
        signers.append((person.position, label, person.pk in current))
    return signers


def _photo_findings(evaluation, language: str) -> list[dict]:
    """What the rules say of the photos received on paper (PRC-63), each in the page's language."""
    on_paper = {
        f"{entry['person']}/documents/{entry['code']}"
        for entry in evaluation.details.get("photos", ())
        if entry.get("on_paper")
    }
    return [
        {"text": found.message(language), "ok": found.severity.value == "info"}
        for found in evaluation.findings
        if found.subject in on_paper and found.rule == "PRC-63"
    ]


def _file_page(
    request, application, *, receipt_form=None, signatures_form=None, photos_form=None, status: int = 200
):
    language = _language()
    intake = application.paper_intake
    signers = _signers(application, language)
    if signatures_form is None:
        signatures_form = SignaturesForm(
            signers=[(position, label) for position, label, _signed in signers],
            initial={f"signed_{position}": signed for position, _label, signed in signers},
        )
    row = None
    if intake.system_restriction:
        row = next(
            (
                r
                for r in system_restriction_table(application.received_on)
                if r.id == intake.system_restriction
            ),
            None,
        )
    # One evaluation and one fee balance, on the date received, for the whole page.
    evaluation = application_evaluate(application=application, on=application.received_on)
    balance = payment_selectors.balance_for(application, application.received_on)
    return render(
        request,
        "alternatives/paper/file.html",
        {
            "application": application,
            "intake": intake,
            "follow_up": KitFollowUp.objects.select_related("kit_request").filter(application=application).first(),
            "restriction": row.label(language) if row else "",
            "flag_message": intake.flag.get("fr" if language == "fr" else "en", "") if intake.flag else "",
            "entries": _forms_to_enter(application, evaluation, language),
            "payments": payment_selectors.approved_payments(application),
            "balance": balance,
            "receipt_form": receipt_form or ReceiptForm(),
            "signatures_form": signatures_form,
            "asks_photos": application.definition.paper_photos_in_envelope,
            "photos_form": photos_form or PaperPhotosForm(initial=PaperPhotosForm.initial_from(intake.photos)),
            "photo_findings": _photo_findings(evaluation, language),
            "blockers": [
                found.message(language)
                for found in submission_blockers(
                    application=application, on=application.received_on, evaluation=evaluation, balance=balance
                )
            ],
            "history": application.history.select_related("actor").order_by("at", "id"),
        },
        status=status,
    )


@login_required
@require_GET
@never_cache
def paper_file(request: HttpRequest, public_id) -> HttpResponse:
    application = access_paper_application(user=request.user, public_id=public_id)
    return _file_page(request, application)


@login_required
@require_POST
@never_cache
def paper_receipt(request: HttpRequest, public_id) -> HttpResponse:
    application = access_paper_application(user=request.user, public_id=public_id)
    form = ReceiptForm(request.POST)
    if not form.is_valid():
        return _file_page(request, application, receipt_form=form, status=400)
    data = form.cleaned_data
    try:
        payment_services.payment_record_receipt(
            actor=request.user,
            public_id=application.public_id,
            receipt_number=data.get("receipt_number") or "",
            amount=data.get("amount"),
            paid_on=data.get("paid_on"),
            payer_name=data.get("payer_name") or "",
            today=timezone.localdate(),
        )
    except payment_services.ReceiptInvalid as invalid:
        add_service_errors(form, invalid.errors)
        return _file_page(request, application, receipt_form=form, status=400)
    messages.success(request, _("The payment receipt is recorded."))
    return redirect("alternatives:paper_file", public_id=application.public_id)


@login_required
@require_POST
@never_cache
def paper_signatures(request: HttpRequest, public_id) -> HttpResponse:
    application = access_paper_application(user=request.user, public_id=public_id)
    signers = _signers(application, _language())
    form = SignaturesForm(request.POST, signers=[(position, label) for position, label, _signed in signers])
    form.is_valid()
    try:
        paper_intake.paper_signatures_record(
            actor=request.user,
            public_id=application.public_id,
            positions=form.positions(),
            expected_version=int(request.POST.get("version", "0") or 0),
        )
    except StaleVersion:
        messages.error(
            request, _("The application changed since this page was opened. Check the forms again.")
        )
        return redirect("alternatives:paper_file", public_id=application.public_id)
    except ApplicationError as refused:
        for found in refused.reasons:
            messages.error(request, found.message(_language()))
        return redirect("alternatives:paper_file", public_id=application.public_id)
    messages.success(request, _("The handwritten signatures are recorded."))
    return redirect("alternatives:paper_file", public_id=application.public_id)


@login_required
@require_POST
@never_cache
def paper_photos(request: HttpRequest, public_id) -> HttpResponse:
    application = access_paper_application(user=request.user, public_id=public_id)
    form = PaperPhotosForm(request.POST)
    if not form.is_valid():
        return _file_page(request, application, photos_form=form, status=400)
    try:
        paper_intake.paper_photos_record(
            actor=request.user, public_id=application.public_id, data=form.photos_input()
        )
    except paper_intake.PaperIntakeInvalid as invalid:
        add_service_errors(form, invalid.errors)
        return _file_page(request, application, photos_form=form, status=400)
    messages.success(request, _("The photos received are recorded."))
    return redirect(reverse("alternatives:paper_file", args=[application.public_id]) + "#photos")


@login_required
@require_POST
@never_cache
def paper_send(request: HttpRequest, public_id) -> HttpResponse:
    application = access_paper_application(user=request.user, public_id=public_id)
    paper_intake.paper_application_send_to_screening(actor=request.user, public_id=application.public_id)
    messages.success(request, _("The paper application is sent to screening."))
    return redirect("casework:file", public_id=application.public_id)


def _answer_page(request, application, request_, form, *, status: int = 200) -> HttpResponse:
    return render(
        request,
        "alternatives/paper/request_answer.html",
        {"application": application, "request_": request_, "form": form, "intake": application.paper_intake},
        status=status,
    )


def _answer_body_bytes() -> int:
    from portique.casework.services import MAX_REQUEST_FILES  # imported late, as below

    return upload_body_bytes(MAX_REQUEST_FILES)


@body_limit(_answer_body_bytes)
@login_required
@require_http_methods(["GET", "POST"])
@never_cache
def paper_request_answer(request: HttpRequest, public_id, request_id) -> HttpResponse:
    """Record the answer a paper applicant mailed in: it closes the request as an online answer does."""
    from portique.casework import services as casework

    application, request_ = access_paper_request(
        user=request.user, public_id=public_id, request_id=request_id
    )
    if request.method == "GET":
        return _answer_page(request, application, request_, PaperAnswerForm())
    form = PaperAnswerForm(request.POST, request.FILES)
    if not form.is_valid():
        return _answer_page(request, application, request_, form, status=400)
    data = form.cleaned_data
    try:
        casework.request_answer_received_on_paper(
            actor=request.user,
            public_id=application.public_id,
            request_id=request_.public_id,
            received_on=data.get("received_on"),
            text=data.get("text") or "",
            files=data.get("files") or [],
            on=timezone.localdate(),
        )
    except casework.CaseworkError as refused:
        add_service_errors(form, refused.errors)
        return _answer_page(request, application, request_, form, status=400)
    messages.success(request, _("The answer received by mail is recorded and the request is closed."))
    return redirect(reverse("casework:file", args=[application.public_id]) + "#requests")
