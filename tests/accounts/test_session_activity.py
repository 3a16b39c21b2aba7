"""The session list ("where you are signed in") records activity without a write on every request."""

import pytest
import time_machine
from allauth.usersessions.models import UserSession
from allauth.usersessions.signals import session_client_changed
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portique.accounts.middleware import SESSION_ACTIVITY_SECONDS
from tests.conftest import PASSWORD

from .conftest import login

pytestmark = pytest.mark.django_db

START = "2026-06-01 09:00 -0400"


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]


def test_a_signed_in_session_is_listed_with_its_address_and_browser(client, applicant):
    login(client, applicant.email, PASSWORD)
    client.get("/en/account/", REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Firefox 140")
    (listed,) = UserSession.objects.filter(user=applicant)
    assert listed.session_key == client.session.session_key
    assert (listed.ip, listed.user_agent) == ("203.0.113.5", "Firefox 140")


def test_pages_read_in_quick_succession_write_nothing_then_last_seen_moves_on(client, applicant):
    with time_machine.travel(START, tick=False) as clock:
        login(client, applicant.email, PASSWORD)
        client.get("/en/account/")
        seen = UserSession.objects.get(user=applicant).last_seen_at
        clock.shift(SESSION_ACTIVITY_SECONDS - 1)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/account/").status_code == 200
        assert _writes(queries) == []
        assert UserSession.objects.get(user=applicant).last_seen_at == seen
        clock.shift(1)
        client.get("/en/account/")
        later = UserSession.objects.get(user=applicant).last_seen_at
    assert (later - seen).total_seconds() == SESSION_ACTIVITY_SECONDS


def test_a_new_address_or_browser_is_recorded_at_once_and_signalled(client, applicant):
    changes = []

    def changed(sender, request, from_session, to_session, **kwargs):
        changes.append((from_session.ip, to_session.ip, to_session.user_agent))

    session_client_changed.connect(changed)
    try:
        with time_machine.travel(START, tick=False):
            login(client, applicant.email, PASSWORD)
            client.get("/en/account/", REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Firefox 140")
            client.get("/en/account/", REMOTE_ADDR="198.51.100.9", HTTP_USER_AGENT="Firefox 140")
            client.get("/en/account/", REMOTE_ADDR="198.51.100.9", HTTP_USER_AGENT="Other browser")
    finally:
        session_client_changed.disconnect(changed)
    listed = UserSession.objects.get(user=applicant)
    assert (listed.ip, listed.user_agent) == ("198.51.100.9", "Other browser")
    assert changes[-2:] == [
        ("203.0.113.5", "198.51.100.9", "Firefox 140"),
        ("198.51.100.9", "198.51.100.9", "Other browser"),
    ]


def test_an_ended_session_is_signed_out_at_its_next_request(client, applicant):
    login(client, applicant.email, PASSWORD)
    client.get("/en/account/")
    UserSession.objects.get(user=applicant).end()
    response = client.get("/en/account/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_signing_out_leaves_no_anonymous_session_behind(client, applicant):
    from django.contrib.sessions.models import Session

    login(client, applicant.email, PASSWORD)
    client.get("/en/account/", HTTP_USER_AGENT="Firefox 140")  # a new browser: recorded now
    client.post("/en/account/logout/", HTTP_USER_AGENT="Other browser")
    assert Session.objects.count() == 0
