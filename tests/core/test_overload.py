"""A request that waited too long behind the proxy is answered at once: 503, Retry-After, both languages."""

import time

import pytest

pytestmark = pytest.mark.django_db

ENGLISH = "Too many people at once"
FRENCH = "Trop de personnes à la fois"


def _stamp(seconds_ago: float) -> str:
    return f"t={time.time() - seconds_ago:.3f}"


def test_a_request_that_waited_too_long_is_refused_with_a_bilingual_page(client, settings):
    settings.REQUEST_QUEUE_TIMEOUT_SECONDS = 1.0
    response = client.get("/en/", HTTP_X_REQUEST_START=_stamp(5))
    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.OVERLOAD_RETRY_AFTER_SECONDS)
    page = response.content.decode()
    assert ENGLISH in page and FRENCH in page
    assert 'lang="fr-CA"' in page
    # Nothing of the request was started: not even a session.
    assert "sessionid" not in response.cookies


def test_a_form_sent_after_too_long_a_wait_changes_nothing(client, applicant, settings):
    from portique.accounts.models import AuditEvent

    settings.REQUEST_QUEUE_TIMEOUT_SECONDS = 1.0
    response = client.post(
        "/en/account/login/",
        {"login": applicant.email, "password": "wrong password 1234"},
        HTTP_X_REQUEST_START=_stamp(3),
    )
    assert response.status_code == 503
    assert not AuditEvent.objects.exists()


def test_a_request_forwarded_just_now_is_served(client, settings):
    settings.REQUEST_QUEUE_TIMEOUT_SECONDS = 1.0
    assert client.get("/en/", HTTP_X_REQUEST_START=_stamp(0.05)).status_code == 200
    # Milliseconds, as some proxies stamp it.
    assert client.get("/en/", HTTP_X_REQUEST_START=str(int(time.time() * 1000))).status_code == 200


def test_without_a_proxy_stamp_nothing_is_refused(client, settings):
    settings.REQUEST_QUEUE_TIMEOUT_SECONDS = 1.0
    assert client.get("/en/").status_code == 200
    assert client.get("/en/", HTTP_X_REQUEST_START="garbage").status_code == 200


def test_the_health_check_is_answered_however_long_it_waited(client, settings):
    settings.REQUEST_QUEUE_TIMEOUT_SECONDS = 1.0
    response = client.get("/healthz", HTTP_X_REQUEST_START=_stamp(30))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
