"""Audit rows for events that happen inside Django's and allauth's own views.

Each receiver only hands the event to a service, like a view would.
"""

from __future__ import annotations

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from . import services
from .choices import AuditKind


@receiver(auth_signals.user_logged_in, dispatch_uid="portique_audit_login")
def _logged_in(sender, request, user, **kwargs):
    if request is not None:
        services.login_record(request=request, user=user)


@receiver(account_signals.user_logged_in, dispatch_uid="portique_session_listed")
def _session_listed(sender, request, user, **kwargs):
    # allauth lists the new session at sign-in (its own receiver of this signal): the
    # pages that follow need not write it again (portique.accounts.middleware).
    from .middleware import session_recorded

    session_recorded(request)


@receiver(auth_signals.user_logged_out, dispatch_uid="portique_audit_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None and not getattr(request, "portique_timed_out", False):
        services.audit_record(kind=AuditKind.LOGOUT, request=request, actor=user, subject=user)


@receiver(account_signals.user_signed_up, dispatch_uid="portique_audit_signup")
def _signed_up(sender, request, user, **kwargs):
    services.audit_record(kind=AuditKind.SIGNED_UP, request=request, subject=user, details={"role": user.role})


@receiver(account_signals.email_confirmed, dispatch_uid="portique_audit_email_confirmed")
def _email_confirmed(sender, request, email_address, **kwargs):
    user = email_address.user
    services.audit_record(kind=AuditKind.EMAIL_VERIFIED, request=request, subject=user)


@receiver(account_signals.password_changed, dispatch_uid="portique_audit_password_changed")
def _password_changed(sender, request, user, **kwargs):
    services.audit_record(kind=AuditKind.PASSWORD_CHANGED, request=request, actor=user, subject=user)


@receiver(account_signals.password_reset, dispatch_uid="portique_audit_password_reset")
def _password_reset(sender, request, user, **kwargs):
    services.audit_record(kind=AuditKind.PASSWORD_RESET, request=request, subject=user)


@receiver(account_signals.password_set, dispatch_uid="portique_audit_password_set")
def _password_set(sender, request, user, **kwargs):
    services.audit_record(kind=AuditKind.PASSWORD_SET, request=request, actor=user, subject=user)


@receiver(mfa_signals.authenticator_added, dispatch_uid="portique_audit_mfa_added")
def _authenticator_added(sender, request, user, authenticator, **kwargs):
    kind = AuditKind.MFA_ENABLED if authenticator.type == Authenticator.Type.TOTP else AuditKind.RECOVERY_CODES
    services.audit_record(kind=kind, request=request, actor=user, subject=user)


@receiver(mfa_signals.authenticator_removed, dispatch_uid="portique_audit_mfa_removed")
def _authenticator_removed(sender, request, user, authenticator, **kwargs):
    services.audit_record(
        kind=AuditKind.MFA_DISABLED, request=request, actor=user, subject=user, details={"type": authenticator.type}
    )


@receiver(mfa_signals.authenticator_reset, dispatch_uid="portique_audit_mfa_reset")
def _authenticator_reset(sender, request, user, authenticator, **kwargs):
    services.audit_record(kind=AuditKind.RECOVERY_CODES, request=request, actor=user, subject=user)


@receiver(mfa_signals.authentication_failed, dispatch_uid="portique_audit_mfa_failed")
def _mfa_failed(sender, request, user, **kwargs):
    services.audit_record(kind=AuditKind.MFA_FAILED, request=request, subject=user)
