"""Session timeouts, the session list's activity, and mandatory MFA for representatives and officers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from allauth.account.adapter import get_adapter
from allauth.usersessions import app_settings as usersessions_settings
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from . import selectors, services
from .choices import AuditKind

SIGNED_IN_AT = "portique_signed_in_at"
LAST_SEEN = "portique_last_seen"
# Requests that must not count as activity (the idle-warning script asks how long is left).
_PASSIVE_URL_NAMES = {"accounts:session_status"}


def _now() -> int:
    return int(timezone.now().timestamp())


def seconds_left(request: HttpRequest) -> int:
    """Seconds before this session ends, by the idle or the absolute timeout."""
    now = _now()
    last = request.session.get(LAST_SEEN, now)
    signed_in = request.session.get(SIGNED_IN_AT, now)
    return max(0, min(last + settings.SESSION_IDLE_SECONDS, signed_in + settings.SESSION_COOKIE_AGE) - now)


def touch(request: HttpRequest) -> None:
    request.session[LAST_SEEN] = _now()
    if getattr(request, "portique_activity_recorded", False):
        session_recorded(request)


class SessionTimeoutMiddleware:
    """Sign out after SESSION_IDLE_SECONDS without a request, and SESSION_COOKIE_AGE after sign-in.

    Django alone slides a session's expiry forward each time the session is saved,
    so the absolute limit is checked here from the time of sign-in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = _now()
            session = request.session
            if SIGNED_IN_AT not in session:
                session[SIGNED_IN_AT] = now
                session[LAST_SEEN] = now
            idle = now - session.get(LAST_SEEN, now) > settings.SESSION_IDLE_SECONDS
            too_old = now - session[SIGNED_IN_AT] > settings.SESSION_COOKIE_AGE
            if idle or too_old:
                return self._sign_out(request, reason="idle" if idle else "absolute")
            request.portique_touch = now - session.get(LAST_SEEN, now) >= 30
        response = self.get_response(request)
        if getattr(request, "portique_touch", False) and not getattr(request, "portique_passive", False):
            if hasattr(request, "user") and request.user.is_authenticated:
                touch(request)
        return response

    def _sign_out(self, request: HttpRequest, *, reason: str) -> HttpResponse:
        user = request.user
        services.audit_record(
            kind=AuditKind.SESSION_TIMEOUT, request=request, actor=user, subject=user, details={"reason": reason}
        )
        request.portique_timed_out = True
        logout(request)
        messages.info(
            request,
            _("For your security, you were signed out after %(minutes)s minutes without activity. Sign in again.")
            % {"minutes": settings.SESSION_IDLE_SECONDS // 60}
            if reason == "idle"
            else _("For your security, you were signed out because your session reached its time limit. Sign in again."),
        )
        login_url = reverse("account_login")
        if request.method == "GET" and not request.path.startswith(login_url):
            login_url += "?" + urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(login_url)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.view_name in _PASSIVE_URL_NAMES:
            request.portique_passive = True
        return None


# The session list's "last seen" is recorded at most this often (as the idle timeout's own
# bookkeeping, ``touch``): a new session, or a new address or browser, is recorded at once.
SESSION_ACTIVITY_SECONDS = 30
RECORDED = "portique_usersession_recorded"


class UserSessionsMiddleware:
    """allauth's session list ("where you are signed in"), without a write on every request.

    allauth's own middleware rewrites the session's row (address, browser, last seen) in
    a write transaction on every signed-in request: on SQLite every page would take the
    database's only write lock. This one calls the same ``create_from_request`` (which
    sends ``session_client_changed`` as before) when the row may be missing (a session
    key not recorded yet), when the address or the browser changed, or when the last
    record is SESSION_ACTIVITY_SECONDS old; otherwise it writes nothing. What it last
    recorded is kept in the session (``RECORDED``), set at sign-in by allauth's signal,
    and updated only along with a session write that happens anyway (so a session opened
    without allauth's sign-in, as a test's ``force_login``, is recorded on each request,
    as allauth does, until its first ``touch``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        tracked = usersessions_settings.TRACK_ACTIVITY and session is not None and session.session_key
        if tracked and user is not None and user.is_authenticated:
            recorded = session.get(RECORDED)
            mark = _activity_mark(request)
            if not recorded or recorded[:2] != mark or _now() - recorded[2] >= SESSION_ACTIVITY_SECONDS:
                UserSession.objects.create_from_request(request)
                # The mark rides on a session write that happens anyway (sign-in, the idle
                # timeout's ``touch``): it never costs a write of its own.
                request.portique_activity_recorded = True
                if session.modified:
                    session_recorded(request)
        response = self.get_response(request)
        if getattr(request, "portique_activity_recorded", False) and session.modified and request.user.is_authenticated:
            session_recorded(request)  # not after a sign-out: the new session is anonymous
        return response


def _activity_mark(request: HttpRequest) -> list[str]:
    client = f"{get_adapter().get_client_ip(request)}\n{request.META.get('HTTP_USER_AGENT', '')}"
    return [request.session.session_key or "", hashlib.sha256(client.encode()).hexdigest()[:32]]


def session_recorded(request: HttpRequest) -> None:
    """Note in the session that its row in the session list is up to date (allauth records one at sign-in)."""
    request.session[RECORDED] = [*_activity_mark(request), _now()]


# Pages a representative or officer without an authenticator app can still use: the
# ones needed to set it up, to sign out, or to confirm their e-mail.
_MFA_SETUP_URL_NAMES = {
    "mfa_activate_totp",
    "mfa_index",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_reauthenticate",
    "account_reauthenticate",
    "account_logout",
    "accounts:logout",
    "account_confirm_email",
    "account_email_verification_sent",
    "accounts:session_status",
    "accounts:session_keepalive",
    "splash",
    "healthz",
}


class RequireMFAMiddleware:
    """Representatives and officers must use two-factor authentication (allauth has no setting for it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.mfa_required:
            return None
        match = request.resolver_match
        if match is None or match.view_name in _MFA_SETUP_URL_NAMES:
            return None
        if selectors.user_has_totp(user=user):
            return None
        messages.warning(
            request,
            _(
                "Representative and officer accounts must use two-factor authentication. "
                "Set up an authenticator app to continue."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
