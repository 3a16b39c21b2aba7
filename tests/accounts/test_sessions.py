"""Idle and absolute timeouts, the warning's endpoints, the session list."""

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from django.conf import settings

from portique.accounts.choices import AuditKind
from portique.accounts.models import AuditEvent
from tests.conftest import PASSWORD

from .conftest import login

pytestmark = pytest.mark.django_db

START = "2026-06-01 09:00 -0400"


def test_the_session_ends_after_the_idle_time(client, applicant):
    with time_machine.travel(START, tick=False) as clock:
        login(client, applicant.email, PASSWORD)
        clock.shift(settings.SESSION_IDLE_SECONDS - 60)
        assert client.get("/en/account/").status_code == 200  # activity: the clock starts again
        clock.shift(settings.SESSION_IDLE_SECONDS - 60)
        assert client.get("/en/account/").status_code == 200
        clock.shift(settings.SESSION_IDLE_SECONDS + 1)
        response = client.get("/en/account/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/login/?next=%2Fen%2Faccount%2F"
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.get(kind=AuditKind.SESSION_TIMEOUT).details == {"reason": "idle"}
    page = client.get(response["Location"]).content.decode()
    assert "without activity" in page


def test_the_session_ends_at_the_absolute_limit_even_when_active(client, applicant):
    with time_machine.travel(START, tick=False) as clock:
        login(client, applicant.email, PASSWORD)
        elapsed = 0
        step = settings.SESSION_IDLE_SECONDS - 60
        while elapsed + step <= settings.SESSION_COOKIE_AGE:
            clock.shift(step)
            elapsed += step
            assert client.get("/en/account/").status_code == 200
        clock.shift(settings.SESSION_COOKIE_AGE - elapsed + 1)
        response = client.get("/en/account/")
    assert response.status_code == 302
    assert AuditEvent.objects.get(kind=AuditKind.SESSION_TIMEOUT).details == {"reason": "absolute"}


def test_the_status_endpoint_does_not_count_as_activity_but_keepalive_does(client, applicant):
    with time_machine.travel(START, tick=False) as clock:
        login(client, applicant.email, PASSWORD)
        clock.shift(600)
        status = client.get("/en/account/session/status/").json()
        assert status == {"authenticated": True, "seconds_left": settings.SESSION_IDLE_SECONDS - 600}
        clock.shift(60)
        status = client.get("/en/account/session/status/").json()
        assert status["seconds_left"] == settings.SESSION_IDLE_SECONDS - 660
        kept = client.post("/en/account/session/keepalive/").json()
        assert kept == {"authenticated": True, "seconds_left": settings.SESSION_IDLE_SECONDS}


def test_the_keepalive_needs_the_csrf_token(applicant):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(applicant)
    assert client.post("/en/account/session/keepalive/").status_code == 403


def test_signed_in_pages_carry_the_idle_warning_script_with_the_nonce(client, applicant):
    client.force_login(applicant)
    response = client.get("/en/")
    body = response.content.decode()
    nonce = response.wsgi_request.csp_nonce
    assert f'<script nonce="{nonce}" src="/static/accounts/idle-timeout.js"' in body
    assert "<noscript>" in body and "without activity" in body
    assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]


def test_the_login_rotates_the_session_key(client, applicant):
    client.get("/en/account/login/")
    client.session.save()
    before = client.session.session_key
    login(client, applicant.email, PASSWORD)
    assert client.session.session_key != before


def test_the_account_page_lists_sessions_and_history_and_ends_another_session(client, applicant):
    from django.test import Client

    other_browser = Client(HTTP_USER_AGENT="Other browser")
    login(other_browser, applicant.email, PASSWORD)
    other_browser.get("/en/account/")
    login(client, applicant.email, PASSWORD)
    page = client.get("/en/account/").content.decode()
    assert "Other browser" in page and "this browser" in page
    assert "Signed in" in page
    other = UserSession.objects.get(user=applicant, user_agent="Other browser")
    response = client.post(f"/en/account/sessions/{other.pk}/end/")
    assert response.status_code == 302
    assert other_browser.get("/en/account/").status_code == 302  # signed out there
    assert client.get("/en/account/").status_code == 200  # still signed in here
    assert AuditEvent.objects.filter(kind=AuditKind.SESSION_ENDED, subject=applicant).exists()


def test_the_preferred_language_is_kept_on_the_account(client, applicant):
    client.force_login(applicant)
    client.post("/en/account/language/", {"preferred_language": "fr"})
    applicant.refresh_from_db()
    assert applicant.preferred_language == "fr"
    assert AuditEvent.objects.filter(kind=AuditKind.LANGUAGE_CHANGED).exists()
    client.post("/en/account/language/", {"preferred_language": "de"})
    applicant.refresh_from_db()
    assert applicant.preferred_language == "fr"


def test_session_cookies_are_secure_in_production():
    from portique import settings as production

    assert production.SESSION_COOKIE_HTTPONLY and production.SESSION_COOKIE_SAMESITE == "Lax"
    assert production.SESSION_COOKIE_SECURE == (not production.DEBUG)


def test_each_request_reads_the_signed_in_account_as_it_is_now(client, applicant):
    # The account is read on every request (accounts.backends.get_user): a change made
    # meanwhile shows at once, and an account closed meanwhile is signed out.
    login(client, applicant.email, PASSWORD)
    assert client.session["_auth_user_backend"] == "portique.accounts.backends.AuthenticationBackend"
    page = client.get("/en/account/")
    assert page.status_code == 200 and page.wsgi_request.user.pk == applicant.pk
    type(applicant).objects.filter(pk=applicant.pk).update(first_name="Renamed")
    assert client.get("/en/account/").wsgi_request.user.first_name == "Renamed"
    type(applicant).objects.filter(pk=applicant.pk).update(is_active=False)
    response = client.get("/en/account/")
    assert response.status_code == 302 and response["Location"].startswith("/en/account/login/")
    assert not response.wsgi_request.user.is_authenticated


def test_a_session_whose_account_is_gone_is_anonymous(client, applicant):
    login(client, applicant.email, PASSWORD)
    type(applicant).objects.filter(pk=applicant.pk).delete()
    response = client.get("/en/account/")
    assert response.status_code == 302 and not response.wsgi_request.user.is_authenticated
