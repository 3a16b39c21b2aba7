"""Accounts pages: parse, check access, call one service, render."""

from __future__ import annotations

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portique.core import ratelimit
from portique.core.body_limit import FORM_MARGIN_BYTES, body_limit
from portique.core.keyset import keyset_page
from portique.core.private_files import keep_private
from portique.uploads.download_names import download_name
from portique.uploads.handlers import LimitedUploadHandler

from . import access, selectors, services
from .choices import AuditKind, RepresentativeStatus, Role
from .forms import PreferredLanguageForm, RefusalForm, RepresentativeSignupForm
from .middleware import seconds_left, touch


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile = getattr(user, "representative_profile", None) if user.role == Role.REPRESENTATIVE else None
    return render(
        request,
        "accounts/overview.html",
        {
            "profile": profile,
            "has_totp": selectors.user_has_totp(user=user),
            "history": selectors.user_sign_in_history(user=user),
            "sessions": selectors.user_active_sessions(user=user),
            "current_session_key": request.session.session_key,
            "language_form": PreferredLanguageForm(initial={"preferred_language": user.preferred_language}),
            "officer_roles": user.groups.order_by("name") if user.role == Role.OFFICER else None,
            "can_review": user.has_perm("accounts.verify_representative") and user.role == Role.OFFICER,
            "can_audit": user.has_perm("accounts.view_audit") and user.role == Role.OFFICER,
            # Screening officers also send kits in other formats (portique.alternatives).
            "can_handle_kits": user.has_perm("accounts.screen_application") and user.role == Role.OFFICER,
        },
    )


@login_required
@require_POST
def preferred_language(request: HttpRequest) -> HttpResponse:
    form = PreferredLanguageForm(request.POST)
    if form.is_valid():
        services.user_set_preferred_language(
            request=request, user=request.user, language=form.cleaned_data["preferred_language"]
        )
        messages.success(request, _("Your preferred language is saved."))
    else:
        messages.error(request, _("Choose English or French."))
    return redirect("accounts:overview")


@login_required
@require_POST
def session_end(request: HttpRequest, session_id: int) -> HttpResponse:
    # Someone else's session and no session at all get the same answer.
    session = get_object_or_404(UserSession, pk=session_id, user=request.user)
    current = session.session_key == request.session.session_key
    services.user_session_end(request=request, user=request.user, session=session)
    if current:
        return redirect("account_login")
    messages.success(request, _("The session is ended: that browser is signed out."))
    return redirect("accounts:overview")


@never_cache
@require_GET
def session_status(request: HttpRequest) -> JsonResponse:
    """How long this session has left; asked by the idle-warning script (not counted as activity)."""
    if not request.user.is_authenticated:
        return JsonResponse({"authenticated": False, "seconds_left": 0})
    return JsonResponse({"authenticated": True, "seconds_left": seconds_left(request)})


@never_cache
@require_POST
def session_keepalive(request: HttpRequest) -> JsonResponse:
    """"Stay signed in" in the idle warning: counts as activity."""
    if not request.user.is_authenticated:
        return JsonResponse({"authenticated": False, "seconds_left": 0})
    touch(request)
    return JsonResponse({"authenticated": True, "seconds_left": seconds_left(request)})


# Anonymous sign-ups create an account and send an e-mail to any address typed: per
# client address, a few corrected attempts and a couple of accounts an hour are plenty
# for a person (an organisation's staff behind one address sign up over days, not
# minutes), and stop a script that fills the officers' queue or sends mail for it.
REPRESENTATIVE_SIGNUP_ATTEMPTS = (20, 60 * 60)
REPRESENTATIVE_SIGNUPS = (5, 60 * 60)


def _rate_limited(request: HttpRequest, key: str, limit: tuple[int, int]) -> bool:
    allowed, window = limit
    return ratelimit.hit(ratelimit.address_key(key, request), allowed, window)


def _identity_document_body_bytes() -> int:
    return settings.IDENTITY_DOCUMENT_MAX_BYTES + FORM_MARGIN_BYTES


@body_limit(_identity_document_body_bytes)
@require_http_methods(["GET", "POST"])
@csrf_exempt
def representative_signup(request: HttpRequest) -> HttpResponse:
    """Counted and limited before the body is read, then the identity document is read
    only up to its limit (hence csrf_exempt outside and csrf_protect inside, as the
    documents pages do: the CSRF check reads the body)."""
    if request.method == "POST" and not request.user.is_authenticated:
        if _rate_limited(request, "representative_signup_attempt", REPRESENTATIVE_SIGNUP_ATTEMPTS):
            return render(request, "accounts/too_many_requests.html", status=429)
        request.upload_handlers.insert(
            0, LimitedUploadHandler(request, limit=settings.IDENTITY_DOCUMENT_MAX_BYTES)
        )
    return _representative_signup(request)


@csrf_protect
def _representative_signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        # The signed-in owner of an applicant account may be told plainly (seed 004).
        return render(request, "accounts/representative_signup_signed_in.html", status=200)
    form = RepresentativeSignupForm(request.POST or None, request.FILES or None)
    if getattr(request, "upload_too_large", False):
        # The handler dropped the file at the limit: say why, not "this field is required".
        form.is_valid()
        form.errors["id_document"] = form.error_class(
            [_("The file is larger than %(limit)s. Upload a smaller scan or photo.")
             % {"limit": services.identity_document_max_size_text()}]
        )
    elif request.method == "POST" and form.is_valid():
        if _rate_limited(request, "representative_signup_created", REPRESENTATIVE_SIGNUPS):
            return render(request, "accounts/too_many_requests.html", status=429)
        data = form.cleaned_data
        details = services.RepresentativeDetails(
            first_name=data["first_name"],
            last_name=data["last_name"],
            organisation=data["organisation"],
            address_line=data["address_line"],
            city=data["city"],
            province=data["province"],
            postal_code=data["postal_code"],
            country=data["country"],
            telephone=data["telephone"],
            fax=data["fax"],
            membership_body=data["membership_body"],
            membership_number=data["membership_number"],
            id_document_type=data["id_document_type"],
        )
        try:
            services.representative_register(
                request=request,
                email=data["email"],
                password=data["password1"],
                details=details,
                document=data["id_document"],
                language=(translation.get_language() or settings.LANGUAGE_CODE)[:2],
            )
        except ValidationError as error:
            form.add_error("id_document", error)
        else:
            # The same page whether or not the address already had an account.
            return redirect("account_email_verification_sent")
    return render(request, "accounts/representative_signup.html", {"form": form, "max_size": services.identity_document_max_size_text()})


@login_required
@require_GET
def representative_list(request: HttpRequest) -> HttpResponse:
    access.access_representative_review(user=request.user)
    status = request.GET.get("status", RepresentativeStatus.PENDING)
    if status not in RepresentativeStatus.values:
        status = RepresentativeStatus.PENDING
    profiles = selectors.representative_profiles_for_review(status=status)
    return render(
        request,
        "accounts/representative_list.html",
        {"profiles": profiles, "status": status, "statuses": RepresentativeStatus.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def representative_detail(request: HttpRequest, public_id) -> HttpResponse:
    access.access_representative_review(user=request.user)
    profile = access.access_representative_profile(user=request.user, public_id=public_id)
    refusal_form = RefusalForm(request.POST if request.POST.get("decision") == "refuse" else None)
    if request.method == "POST":
        decision = request.POST.get("decision")
        try:
            if decision == "verify":
                services.representative_verify(actor=request.user, profile=profile, request=request)
                messages.success(request, _("The representative is verified. They have been told by e-mail."))
                return redirect("accounts:representative_list")
            if decision == "refuse" and refusal_form.is_valid():
                services.representative_refuse(
                    actor=request.user, profile=profile, reason=refusal_form.cleaned_data["reason"], request=request
                )
                messages.success(request, _("The representative is refused. They have been told why by e-mail."))
                return redirect("accounts:representative_list")
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("accounts:representative_detail", public_id=profile.public_id)
    return render(
        request, "accounts/representative_detail.html", {"profile": profile, "refusal_form": refusal_form}
    )


@login_required
@require_GET
def representative_document(request: HttpRequest, public_id) -> FileResponse:
    """The identity document, to the representative or a verifying officer only; never a public URL."""
    profile = access.access_representative_profile(user=request.user, public_id=public_id)
    handle = services.representative_document_open(actor=request.user, profile=profile, request=request)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=download_name(f"identity-document-{profile.id_document_type}", profile.id_document_content_type),
        content_type=profile.id_document_content_type,
    )
    return keep_private(response)


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    access.access_audit_log(user=request.user)
    kind = request.GET.get("kind") or None
    if kind not in AuditKind.values:
        kind = None
    email = (request.GET.get("email") or "").strip()[:254]
    events = selectors.audit_events(kind=kind, email=email or None).select_related("actor", "subject")
    position = {
        "after": request.GET.get("after", "")[:500],
        "before": request.GET.get("before", "")[:500],
        "last": bool(request.GET.get("last")),
    }
    # Keyset pages: the last page of years of events costs what the first does.
    page = keyset_page(events, order=("-occurred_at", "-id"), per_page=50, counted=False, **position)
    return render(
        request,
        "accounts/audit_log.html",
        {"page": page, "kind": kind or "", "email": email, "kinds": AuditKind.choices},
    )
