"""The representative's portal (``/…/representative/``) and the client's side
(``/…/applications/represented/``): parse, check the actor, call one service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portique.accounts.choices import RepresentativeStatus, Role
from portique.applications import selectors as application_selectors
from portique.applications import services as application_services
from portique.applications.access import Capability, access_application, capabilities
from portique.applications.answer_summary import people_as_submitted
from portique.applications.choices import EDITABLE, PersonRole, Program
from portique.applications.people import guardian as pr_card_guardian
from portique.applications.people import selectors as people_selectors
from portique.applications.restart_pin import restart_pin
from portique.applications.signing import several_signers
from portique.core.body_limit import body_limit
from portique.documents.items import upload_body_bytes
from portique.documents.selectors import documents_of
from portique.rules.programs.declarations import REPRESENTATIVE as REPRESENTATIVE_DECLARATION

from . import selectors, services
from .choices import State
from .forms import ClientLinkForm, CreateForm, Imm5476Form, LinkForm
from .selectors import acting_representation


def _language() -> str:
    return (get_language() or "en")[:2]


def _representative_only(request: HttpRequest) -> None:
    if request.user.role != Role.REPRESENTATIVE:
        raise Http404


def _applicant_only(request: HttpRequest) -> None:
    if request.user.role != Role.APPLICANT:
        raise Http404


def _reason_messages(refused: application_services.ApplicationError) -> list[str]:
    language = _language()
    return [found.message(language) for found in refused.reasons]


def _profile_status(user) -> str:
    profile = getattr(user, "representative_profile", None)
    return profile.status if profile is not None else RepresentativeStatus.PENDING


# --- The representative's side ----------------------------------------------------------------

DASHBOARD_PAGE = 50


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    _representative_only(request)
    state = request.GET.get("state", "")
    waiting = request.GET.get("waiting", "")
    sort = request.GET.get("sort", "updated")
    program = request.GET.get("program", "")
    search = request.GET.get("q", "")[:100]
    rows = selectors.dashboard_rows(
        representative=request.user, state=state, waiting=waiting, sort=sort, program=program, search=search
    )
    everything = (
        selectors.dashboard_rows(representative=request.user)
        if (state or waiting or program or search.strip())
        else rows
    )
    # Fifty rows a page: with hundreds of clients the page's cost was rendering every row
    # (issue 19). Numbered pages over the rows read, not a keyset: "waiting for" is worked out
    # per row in Python (and the counts above need every row), so the database cannot seek to it.
    page = Paginator(rows, DASHBOARD_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "representation/dashboard.html",
        {
            "rows": rows,
            "page": page,
            "search": search,
            "counts": selectors.dashboard_counts(everything),
            "state": state,
            "waiting": waiting,
            "sort": sort,
            "states": State.choices,
            "program": program,
            "programs": Program.choices,
            "verified": _profile_status(request.user) == RepresentativeStatus.VERIFIED,
            "profile_status": _profile_status(request.user),
        },
    )


def _client_page(request: HttpRequest, *, form_class, template: str, create) -> HttpResponse:
    _representative_only(request)
    form = form_class(request.POST or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            representation = create(form.cleaned_data)
        except application_services.ApplicationError as refused:
            errors = _reason_messages(refused)
        else:
            return redirect("representation:file", public_id=representation.application.public_id)
    summary = [(form[name].id_for_label, message) for name in form.errors for message in form.errors[name]]
    summary += [("", message) for message in errors]
    return render(request, template, {"form": form, "summary": summary})


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    def _create(data):
        representation = services.representation_create(
            actor=request.user,
            program=data["program"],
            client_name=data["client_name"],
            client_email=data["client_email"],
        )
        messages.success(
            request, _("The application is created. Fill it in, then upload the signed IMM 5476.")
        )
        return representation

    return _client_page(request, form_class=CreateForm, template="representation/create.html", create=_create)


@login_required
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest) -> HttpResponse:
    _representative_only(request)
    form = LinkForm(request.POST or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            # Whether anything matched is not shown (the service's docstring says why).
            services.representation_link_request(
                actor=request.user,
                number=data["number"],
                client_name=data["client_name"],
                client_email=data["client_email"],
            )
        except application_services.ApplicationError as refused:
            errors = _reason_messages(refused)
        else:
            messages.success(
                request,
                _(
                    "If this number is one of this client's applications and the e-mail address is the one "
                    "in their account, we asked them to consent in their own account. You will see the "
                    "application here once they accept."
                ),
            )
            return redirect("representation:dashboard")
    summary = [(form[name].id_for_label, message) for name in form.errors for message in form.errors[name]]
    summary += [("", message) for message in errors]
    return render(request, "representation/link.html", {"form": form, "summary": summary})


def _own_file(request: HttpRequest, public_id):
    _representative_only(request)
    application = access_application(actor=request.user, public_id=public_id)
    representation = acting_representation(application=application)
    if representation is None or representation.representative_id != request.user.pk:
        raise Http404
    return application, representation


@login_required
@require_GET
def file(request: HttpRequest, public_id) -> HttpResponse:
    application, representation = _own_file(request, public_id)
    today = timezone.localdate()
    language = _language()
    editable = application.status in EDITABLE
    sponsorship = application.definition.several_signers
    form, progress, signers = None, None, ()
    if editable and sponsorship:
        # The sponsor's own application page (people, forms per person, documents, fees) is the
        # representative's too; here, what is left and who signs.
        progress = people_selectors.signing_steps(application=application, on=today, language=language)
        signers = progress.signers
    elif editable:
        person = application.people.get(position=0)
        form = application.definition.forms_for(person.role)[0]
        progress = application_selectors.progress_of(
            application=application, person=person, form=form, on=today
        )
    client_signed = False
    if editable:
        client_signed = (
            not any(r.code == "SIGNATURE_MISSING" for r in progress.blockers)
            and application.signatures.filter(
                cleared_at__isnull=True, signer_id=representation.client_id
            ).exists()
        )
    declared = selectors.declaration_is_current(representation=representation, application=application)
    return render(
        request,
        "representation/file.html",
        {
            "application": application,
            "representation": representation,
            "form": form,
            "progress": progress,
            "sponsorship": sponsorship,
            "signers": signers,
            "editable": editable,
            "language": language,
            "client_signed": client_signed,
            "declared": declared,
            "declaration": REPRESENTATIVE_DECLARATION,
            "paragraphs": REPRESENTATIVE_DECLARATION.paragraphs(language),
            "upload_form": Imm5476Form(),
            "history": application_selectors.history_of(application=application),
            "events": selectors.history_of(representation=representation),
            # A restart of a returned application (IRPR 12): the grounds, documents and changes.
            "restart_pin": restart_pin(application, language) if editable else None,
        },
    )


@body_limit(upload_body_bytes)
@login_required
@require_POST
def imm5476_upload(request: HttpRequest, public_id) -> HttpResponse:
    _own_file(request, public_id)
    try:
        services.representation_imm5476_upload(
            actor=request.user, public_id=public_id, upload=request.FILES.get("file")
        )
    except application_services.ApplicationError as refused:
        for message in _reason_messages(refused):
            messages.error(request, message)
    else:
        messages.success(request, _("The signed IMM 5476 is uploaded."))
    return redirect("representation:file", public_id=public_id)


@login_required
@require_GET
@never_cache
def imm5476_download(request: HttpRequest, public_id) -> HttpResponse:
    """The signed IMM 5476, to the representative and the client (officers: casework's file)."""
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    representation = acting_representation(application=application)
    if representation is None or not representation.imm5476:
        raise Http404
    extension = representation.imm5476.name.rsplit(".", 1)[-1]
    response = FileResponse(
        representation.imm5476.open("rb"),
        as_attachment=True,
        filename=f"IMM5476-{application.number}.{extension}",
        content_type=representation.imm5476_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def invite(request: HttpRequest, public_id) -> HttpResponse:
    _own_file(request, public_id)
    try:
        representation = services.representation_invite(actor=request.user, public_id=public_id)
    except application_services.ApplicationError as refused:
        for message in _reason_messages(refused):
            messages.error(request, message)
    else:
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": representation.client_email})
    return redirect("representation:file", public_id=public_id)


@login_required
@require_POST
def declare(request: HttpRequest, public_id) -> HttpResponse:
    _own_file(request, public_id)
    if request.POST.get("confirm") != "1":
        messages.error(request, _("Tick the box to give your declaration."))
        return redirect("representation:file", public_id=public_id)
    try:
        services.representation_declare(
            actor=request.user,
            public_id=public_id,
            declaration_version=request.POST.get("declaration_version", ""),
            on=timezone.localdate(),
        )
    except application_services.StaleVersion:
        messages.error(request, _("The declaration changed since you opened this page. Read it again."))
    except application_services.ApplicationError as refused:
        for message in _reason_messages(refused):
            messages.error(request, message)
    else:
        messages.success(request, _("Your declaration is recorded. You can now submit the application."))
    return redirect("representation:file", public_id=public_id)


@login_required
@require_POST
def submit(request: HttpRequest, public_id) -> HttpResponse:
    _own_file(request, public_id)
    try:
        services.representation_submit(actor=request.user, public_id=public_id, on=timezone.localdate())
    except application_services.ApplicationError as refused:
        for message in _reason_messages(refused):
            messages.error(request, message)
        return redirect("representation:file", public_id=public_id)
    return redirect("applications:confirmation", public_id=public_id)


# --- The client's side ------------------------------------------------------------------------


@login_required
@require_GET
def client_index(request: HttpRequest) -> HttpResponse:
    _applicant_only(request)
    return render(
        request,
        "representation/client_index.html",
        {"representations": selectors.representations_of_client(client=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def client_link(request: HttpRequest) -> HttpResponse:
    """An applicant tries to link an application to their own account (ACT-39): told what to do."""
    _applicant_only(request)
    form = ClientLinkForm(request.POST or None)
    answer = None
    if request.method == "POST" and form.is_valid():
        answer = selectors.link_attempt(actor=request.user, number=form.cleaned_data["number"])
    summary = [(form[name].id_for_label, message) for name in form.errors for message in form.errors[name]]
    if answer is not None:
        language = _language()
        summary += [(form["number"].id_for_label, found.message(language)) for found in answer.reasons]
    return render(
        request, "representation/client_link.html", {"form": form, "summary": summary, "answer": answer}
    )


@login_required
@require_POST
def client_accept(request: HttpRequest, public_id) -> HttpResponse:
    _applicant_only(request)
    try:
        representation = services.representation_accept(actor=request.user, public_id=public_id)
    except application_services.ApplicationError as refused:
        for message in _reason_messages(refused):
            messages.error(request, message)
        return redirect("representation_client:index")
    messages.success(request, _("You accepted your representative. Review the application, then sign it."))
    return redirect("representation_client:review", public_id=representation.application.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def client_revoke(request: HttpRequest, public_id) -> HttpResponse:
    _applicant_only(request)
    representation = (
        selectors.representations_of_client(client=request.user)
        .filter(public_id=public_id, state=State.ACTIVE)
        .first()
    )
    if representation is None:
        raise Http404
    if request.method == "POST":
        services.representation_revoke(actor=request.user, public_id=public_id)
        messages.success(
            request,
            _(
                "Your representative can no longer see or change this application. It is now in your own account."
            ),
        )
        return redirect("applications:overview", public_id=representation.application.public_id)
    return render(request, "representation/client_revoke.html", {"representation": representation})


@login_required
@require_http_methods(["GET", "POST"])
def client_review(request: HttpRequest, public_id) -> HttpResponse:
    """The whole application, read-only, as it will be submitted; the client signs here (REP-10, REP-11)."""
    _applicant_only(request)
    application = access_application(actor=request.user, public_id=public_id, capability=Capability.READ)
    representation = acting_representation(application=application)
    if representation is None or representation.client_id != request.user.pk:
        raise Http404
    if application.submitted_at is not None:
        return redirect("applications:overview", public_id=public_id)
    language = _language()
    today = timezone.localdate()
    signer, signer_label, signer_reasons, guardian_for = None, "", (), ""
    # The client signs the principal applicant's declaration (IMM 5289 — Step 6; ACT-56).
    declaration = application.definition.declaration_for(PersonRole.PRINCIPAL_APPLICANT)
    if application.definition.several_signers:
        # The client signs for the whole family: as the principal applicant, or as the parent
        # or guardian of a principal applicant under 18 (IMM 5289 — Step 6; seed 004).
        signers = several_signers.required_signers(application, on=today)
        signer_reasons = tuple(found.message(language) for found in signers.reasons)
        signer = signers.people[0] if signers.people else None
        signer_label = people_selectors.person_label(signer, language) if signer else ""
    else:
        # A PR card applicant under 18: the client is their parent or legal guardian (ACT-56).
        card_signer = pr_card_guardian.signer_for(
            application,
            on=application.application_date(today),
            born=application_services.applicant_birth_date(application),
            applicant_name=application_services.applicant_passport_name(application),
        )
        if card_signer.by_guardian:
            guardian_for = pr_card_guardian.applicant_name(application)
            signer_reasons = tuple(found.message(language) for found in card_signer.reasons)
            signer_label = (
                people_selectors.person_label(card_signer.person, language) if card_signer.person else ""
            )
    errors: list[str] = []
    typed_name = ""
    if request.method == "POST":
        typed_name = request.POST.get("typed_name", "")
        try:
            application_services.application_sign(
                actor=request.user,
                public_id=public_id,
                typed_name=typed_name,
                declaration_version=request.POST.get("declaration_version", ""),
                expected_version=int(request.POST.get("version", "0") or 0),
                on=today,
                position=signer.position if signer is not None else None,
            )
        except application_services.StaleVersion:
            errors = [
                _("This application changed since you opened this page. Read it again before you sign.")
            ]
        except application_services.ApplicationError as refused:
            errors = _reason_messages(refused)
        else:
            messages.success(
                request, _("You signed the application. Your representative will now submit it.")
            )
            return redirect("representation_client:review", public_id=public_id)
    signed = application.signatures.filter(
        cleared_at__isnull=True, signer=request.user, application_version=application.version
    ).first()
    return render(
        request,
        "representation/client_review.html",
        {
            "application": application,
            "representation": representation,
            "people": people_as_submitted(application, language),
            "documents": documents_of(application),
            "paragraphs": declaration.paragraphs(language),
            "declaration": declaration,
            "errors": errors,
            "typed_name": typed_name,
            "signed": signed,
            "sponsorship": application.definition.several_signers,
            "signer_label": signer_label,
            "signer_reasons": signer_reasons,
            "guardian_for": guardian_for,
            "can_sign": Capability.SIGN in capabilities(actor=request.user, application=application)
            and application.status in EDITABLE,
        },
    )
