"""Accounts: the only code that writes accounts, profiles, roles and the audit log.

Each service is atomic, writes its audit row, and sends e-mail only once the
transaction has committed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from allauth.account import app_settings as allauth_account_settings
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from portique.core import client_address
from portique.uploads.content_types import ANY_DOCUMENT, EXTENSIONS
from portique.uploads.inspection import Inspected, UploadRejected, inspect

from . import lockout
from .choices import (
    AuditKind,
    IdentityDocumentType,
    Language,
    MembershipBody,
    OfficerRole,
    RepresentativeStatus,
    Role,
)
from .models import AuditEvent, RepresentativeProfile, User

# --- Audit ------------------------------------------------------------------------------


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address through the trusted proxies only (see core.client_address)."""
    return client_address.client_ip(request)


def audit_record(
    *,
    kind: AuditKind,
    request: HttpRequest | None = None,
    actor: User | None = None,
    subject: User | None = None,
    subject_email: str = "",
    details: dict | None = None,
) -> AuditEvent:
    """Append one row to the audit log (who, to whom, when, from which address and browser)."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor,
        actor_email=actor.email if actor else "",
        subject=subject,
        subject_email=subject.email if subject else subject_email.strip().lower()[:254],
        ip=client_ip(request),
        user_agent=user_agent,
        details=details or {},
    )


# --- E-mail in the recipient's language ----------------------------------------------


def _absolute_url(path: str, request: HttpRequest | None) -> str:
    # Every link in an e-mail starts with SITE_URL, never with the host a request named.
    return settings.SITE_URL.rstrip("/") + path


def _send_mail(*, to: User | str, template: str, context: dict, language: str | None = None) -> None:
    """Render accounts/email/<template>_subject.txt and _message.txt in the recipient's language."""
    address = to.email if isinstance(to, User) else to
    language = language or (to.preferred_language if isinstance(to, User) else None) or settings.LANGUAGE_CODE
    with translation.override(language):
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}_message.txt", context)
    EmailMessage(subject=" ".join(subject.splitlines()), body=body, to=[address]).send()


def _url_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


# --- Sign-in events ----------------------------------------------------------------------


def login_record(*, request: HttpRequest, user: User) -> None:
    with transaction.atomic():
        lockout.clear_account(email=user.email)
        audit_record(kind=AuditKind.LOGIN, request=request, actor=user, subject=user)
    # The absolute timeout counts from here (see middleware.SessionTimeoutMiddleware).
    if hasattr(request, "session"):
        now = int(timezone.now().timestamp())
        request.session["portique_signed_in_at"] = now
        request.session["portique_last_seen"] = now


@transaction.atomic
def login_failure_record(*, request: HttpRequest, email: str) -> lockout.Failure:
    """Count a failed sign-in towards the lockouts and audit it (and any lockout it starts)."""
    email = (email or "").strip().lower()
    ip = client_ip(request)
    subject = User.objects.filter(email=email).first() if email else None
    failure = lockout.record_failure(email=email, ip=ip)
    audit_record(kind=AuditKind.LOGIN_FAILED, request=request, subject=subject, subject_email=email)
    if failure.account_locked_now or failure.address_locked_now:
        audit_record(
            kind=AuditKind.LOCKOUT,
            request=request,
            subject=subject,
            subject_email=email,
            details={
                "account": failure.account_locked_now,
                "address": failure.address_locked_now,
                "seconds": settings.LOCKOUT_SECONDS,
            },
        )
    return failure


def login_is_locked(*, request: HttpRequest, email: str) -> bool:
    return lockout.is_locked(email=(email or "").strip().lower(), ip=client_ip(request))


# --- Preferences and sessions -----------------------------------------------------------------


@transaction.atomic
def user_set_preferred_language(*, request: HttpRequest | None, user: User, language: str) -> None:
    if language not in Language.values:
        raise ValidationError({"preferred_language": _("Choose English or French.")})
    if user.preferred_language == language:
        return
    old = user.preferred_language
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    audit_record(
        kind=AuditKind.LANGUAGE_CHANGED, request=request, actor=user, subject=user, details={"from": old, "to": language}
    )


@transaction.atomic
def user_session_end(*, request: HttpRequest, user: User, session: UserSession) -> None:
    """End one of the user's own sessions (signs that browser out)."""
    if session.user_id != user.pk:
        raise PermissionDenied
    details = {"ip": session.ip, "user_agent": session.user_agent[:200]}
    session.end()
    audit_record(kind=AuditKind.SESSION_ENDED, request=request, actor=user, subject=user, details=details)


# --- Representatives --------------------------------------------------------------------------


@dataclass(frozen=True)
class RepresentativeDetails:
    first_name: str
    last_name: str
    organisation: str
    address_line: str
    city: str
    province: str
    postal_code: str
    country: str
    telephone: str
    fax: str
    membership_body: MembershipBody
    membership_number: str
    id_document_type: IdentityDocumentType


def identity_document_max_size_text() -> str:
    return filesizeformat(settings.IDENTITY_DOCUMENT_MAX_BYTES)


def identity_document_check(upload: UploadedFile) -> Inspected:
    """A representative's identity document goes through the portal's one upload
    inspection (portique.uploads.inspection), as every applicant's file does: a PDF,
    JPEG or PNG by its content, sound, without active content, within the limits."""
    if upload.size is not None and upload.size > settings.IDENTITY_DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s. Upload a smaller scan or photo."),
            code="too_large",
            params={"limit": identity_document_max_size_text()},
        )
    try:
        return inspect(upload, accepts=ANY_DOCUMENT)
    except UploadRejected as refused:
        language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
        raise ValidationError(
            [ValidationError(problem.message(language), code=problem.code) for problem in refused.problems]
        ) from refused


def representative_register(
    *,
    request: HttpRequest,
    email: str,
    password: str,
    details: RepresentativeDetails,
    document: UploadedFile,
    language: str,
) -> User | None:
    """Create a pending representative account and send the e-mail verification link.

    When the e-mail address already has an account, nothing is created and the
    page the visitor sees is the same as for a new account (no enumeration); the
    owner of the address gets an e-mail saying what happened and what to do — for
    an applicant account, that a representative account needs another address
    (seed 004: a representative cannot use the client-portal address).
    """
    email = email.strip().lower()
    checked = identity_document_check(document)
    with transaction.atomic():
        existing = User.objects.select_for_update().filter(email=email).first()
        if existing is None and EmailAddress.objects.filter(email__iexact=email).exists():
            existing = EmailAddress.objects.filter(email__iexact=email).first().user
        if existing is not None:
            template = (
                "representative_email_is_applicant"
                if existing.role == Role.APPLICANT
                else "representative_account_exists"
            )
            lang = existing.preferred_language
            context = {
                "login_url": _absolute_url(_url_in(lang, "account_login"), request),
                "reset_url": _absolute_url(_url_in(lang, "account_reset_password"), request),
                "signup_url": _absolute_url(_url_in(lang, "accounts:representative_signup"), request),
            }
            transaction.on_commit(lambda: _send_mail(to=existing, template=template, context=context))
            return None
        user = User.objects.create_user(
            email=email,
            password=password,
            role=Role.REPRESENTATIVE,
            first_name=details.first_name,
            last_name=details.last_name,
            preferred_language=language,
        )
        address = EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        profile = RepresentativeProfile(
            user=user,
            organisation=details.organisation,
            address_line=details.address_line,
            city=details.city,
            province=details.province,
            postal_code=details.postal_code,
            country=details.country,
            telephone=details.telephone,
            fax=details.fax,
            membership_body=details.membership_body,
            membership_number=details.membership_number,
            id_document_type=details.id_document_type,
            id_document_content_type=str(checked.content_type),
            id_document_size=checked.size,
        )
        # Stored through the default storage (local disk or S3), under a random name.
        # A rollback after this point leaves an orphan file, never a row without its file.
        document.seek(0)
        profile.id_document.save(f"document.{EXTENSIONS[checked.content_type]}", document, save=False)
        profile.save()
        audit_record(kind=AuditKind.SIGNED_UP, request=request, subject=user, details={"role": Role.REPRESENTATIVE})
        audit_record(kind=AuditKind.REPRESENTATIVE_REGISTERED, request=request, subject=user)
        transaction.on_commit(lambda: address.send_confirmation(request, signup=True))
    return user


def _decide(
    *, actor: User, profile: RepresentativeProfile, status: RepresentativeStatus, reason: str, request
) -> RepresentativeProfile:
    if not actor.has_perm("accounts.verify_representative"):
        raise PermissionDenied
    with transaction.atomic():
        profile = RepresentativeProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
        if profile.status != RepresentativeStatus.PENDING:
            raise ValidationError(_("This representative has already been decided."), code="already_decided")
        if profile.user_id == actor.pk:
            raise PermissionDenied
        profile.status = status
        profile.refusal_reason = reason
        profile.decided_by = actor
        profile.decided_at = timezone.now()
        profile.save(update_fields=["status", "refusal_reason", "decided_by", "decided_at"])
        kind = (
            AuditKind.REPRESENTATIVE_VERIFIED
            if status == RepresentativeStatus.VERIFIED
            else AuditKind.REPRESENTATIVE_REFUSED
        )
        audit_record(
            kind=kind, request=request, actor=actor, subject=profile.user, details={"reason": reason} if reason else {}
        )
        user = profile.user
        template = "representative_verified" if status == RepresentativeStatus.VERIFIED else "representative_refused"
        # The reason stays on the account page: an officer's words about a person are not e-mailed.
        context = {
            "account_url": _absolute_url(_url_in(user.preferred_language, "accounts:overview"), request),
        }
        transaction.on_commit(lambda: _send_mail(to=user, template=template, context=context))
    return profile


def representative_verify(
    *, actor: User, profile: RepresentativeProfile, request: HttpRequest | None = None
) -> RepresentativeProfile:
    return _decide(actor=actor, profile=profile, status=RepresentativeStatus.VERIFIED, reason="", request=request)


def representative_refuse(
    *, actor: User, profile: RepresentativeProfile, reason: str, request: HttpRequest | None = None
) -> RepresentativeProfile:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason: the representative will read it.")})
    return _decide(actor=actor, profile=profile, status=RepresentativeStatus.REFUSED, reason=reason, request=request)


def representative_document_open(*, actor: User, profile: RepresentativeProfile, request: HttpRequest | None):
    """The identity document, opened: an officer's opening is in the audit log, like every
    officer's opening of an applicant's document is in the file's access log."""
    handle = default_storage.open(profile.id_document.name, "rb")
    if actor.pk != profile.user_id:
        audit_record(
            kind=AuditKind.IDENTITY_DOCUMENT_VIEWED,
            request=request,
            actor=actor,
            subject=profile.user,
            details={"document_type": profile.id_document_type},
        )
    return handle


# --- Officers ------------------------------------------------------------------------------


def _can_manage_officers(actor: User | None) -> bool:
    # None: the command line (portique officer_create), run by whoever runs the servers.
    return actor is None or actor.has_perm("accounts.manage_officers")


def _apply_roles(officer: User, roles: Iterable[str]) -> tuple[list[str], list[str]]:
    wanted = sorted(set(roles))
    unknown = set(wanted) - set(OfficerRole.values)
    if unknown:
        raise ValidationError({"roles": _("Unknown role.")})
    before = sorted(officer.groups.filter(name__in=OfficerRole.values).values_list("name", flat=True))
    officer.groups.remove(*Group.objects.filter(name__in=OfficerRole.values).exclude(name__in=wanted))
    officer.groups.add(*Group.objects.filter(name__in=wanted))
    # Only administrators reach the Django admin.
    is_staff = OfficerRole.ADMINISTRATOR in wanted
    if officer.is_staff != is_staff:
        officer.is_staff = is_staff
        officer.save(update_fields=["is_staff"])
    return before, wanted


def password_setup_url(*, user: User, request: HttpRequest | None = None) -> str:
    """A single-use link to choose a password (the password-reset link, valid PASSWORD_RESET_TIMEOUT)."""
    token = allauth_account_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    path = _url_in(
        user.preferred_language, "account_reset_password_from_key", uidb36=user_pk_to_url_str(user), key=token
    )
    return _absolute_url(path, request)


def officer_create(
    *,
    actor: User | None,
    email: str,
    first_name: str,
    last_name: str,
    roles: Iterable[str],
    language: str = Language.ENGLISH,
    request: HttpRequest | None = None,
) -> tuple[User, str]:
    """Create an officer with roles; e-mail (and return) a link to choose a password.

    Officers never sign up themselves. The address is taken as verified because an
    administrator vouches for it; the officer must still set up MFA at first sign-in.
    """
    if not _can_manage_officers(actor):
        raise PermissionDenied
    email = email.strip().lower()
    roles = list(roles)
    if not roles:
        raise ValidationError({"roles": _("Give the officer at least one role.")})
    with transaction.atomic():
        if User.objects.filter(email=email).exists() or EmailAddress.objects.filter(email__iexact=email).exists():
            raise ValidationError({"email": _("An account with this e-mail address already exists.")})
        officer = User.objects.create_user(
            email=email,
            password=None,
            role=Role.OFFICER,
            first_name=first_name,
            last_name=last_name,
            preferred_language=language,
        )
        EmailAddress.objects.create(user=officer, email=email, primary=True, verified=True)
        after = _apply_roles(officer, roles)[1]
        audit_record(kind=AuditKind.OFFICER_CREATED, request=request, actor=actor, subject=officer)
        audit_record(
            kind=AuditKind.ROLE_CHANGED, request=request, actor=actor, subject=officer, details={"from": [], "to": after}
        )
        url = password_setup_url(user=officer, request=request)
        transaction.on_commit(lambda: _send_mail(to=officer, template="officer_welcome", context={"setup_url": url}))
    return officer, url


@transaction.atomic
def account_set_active(*, actor: User | None, user: User, active: bool, request: HttpRequest | None = None) -> User:
    """Deactivate (or reactivate) an account; accounts are never deleted (the audit log refers to them)."""
    if not _can_manage_officers(actor):
        raise PermissionDenied
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        audit_record(
            kind=AuditKind.ACCOUNT_ACTIVATED if active else AuditKind.ACCOUNT_DEACTIVATED,
            request=request,
            actor=actor,
            subject=user,
        )
    return user


@transaction.atomic
def officer_set_roles(
    *, actor: User | None, officer: User, roles: Iterable[str], request: HttpRequest | None = None
) -> User:
    if not _can_manage_officers(actor):
        raise PermissionDenied
    if officer.role != Role.OFFICER:
        raise ValidationError({"roles": _("Only officers have roles.")})
    before, after = _apply_roles(officer, roles)
    if before != after:
        audit_record(
            kind=AuditKind.ROLE_CHANGED,
            request=request,
            actor=actor,
            subject=officer,
            details={"from": before, "to": after},
        )
    return officer
