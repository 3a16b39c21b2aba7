"""Attack: use the anonymous forms to create rows and send e-mail in bulk. From one
address, 25 representative accounts and 25 verification e-mails to arbitrary addresses
went through in 16 seconds; the kit-request limit let 6 of 30 concurrent posts through
a limit of 5 (a read-then-write counter on the database cache).

Every anonymous form that creates rows or sends e-mail is limited per client address:
the portal's own forms count in ``portique.core.ratelimit`` (one atomic statement on the
database, INCR on Redis), allauth's forms (sign-up, password reset) with allauth's limits.
"""

import threading

import pytest
import time_machine
from django.db import close_old_connections, connection

from portique.accounts.models import RepresentativeProfile, User
from portique.alternatives.models import KitRequest
from portique.core import ratelimit
from portique.core.models import RateCounter
from tests.alternatives.conftest import form_data as kit_form

from .conftest import STRONG, representative_form

SIGNUP = "/en/account/representative/signup/"


@pytest.mark.django_db(transaction=True)  # the verification e-mails go on commit
def test_representative_sign_ups_from_one_address_stop_after_five_an_hour(client, mailoutbox):
    for number in range(5):
        response = client.post(SIGNUP, representative_form(email=f"rep{number}@example.ca", name="id.png"))
        assert response.status_code == 302
    refused = client.post(SIGNUP, representative_form(email="rep5@example.ca", name="id.png"))
    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()
    assert User.objects.count() == RepresentativeProfile.objects.count() == 5
    assert len(mailoutbox) == 5
    # Another address is not affected.
    other = client.post(
        SIGNUP, representative_form(email="elsewhere@example.ca", name="id.png"), REMOTE_ADDR="192.0.2.77"
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_failed_representative_sign_ups_are_limited_before_the_body_is_read(client):
    for _ in range(20):
        assert client.post(SIGNUP, representative_form(membership_number="")).status_code == 200
    refused = client.post(SIGNUP, representative_form(name="id.png"), HTTP_ACCEPT_LANGUAGE="fr")
    assert refused.status_code == 429
    assert not User.objects.exists()


@pytest.mark.django_db
def test_applicant_sign_ups_from_one_address_are_limited(client, mailoutbox):
    statuses = [
        client.post(
            "/en/account/signup/", {"email": f"person{n}@example.ca", "password1": STRONG, "password2": STRONG}
        ).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    assert User.objects.count() == 10


@pytest.mark.django_db
def test_password_resets_to_one_address_stop_at_ten_an_hour(client, applicant, mailoutbox):
    statuses = []
    with time_machine.travel("2026-12-01 10:00", tick=False) as clock:
        for _ in range(3):
            for _ in range(4):
                statuses.append(client.post("/en/account/password/reset/", {"email": applicant.email}).status_code)
            clock.shift(90)  # past allauth's per-minute limit, within the hour
    assert statuses[:10] == [302] * 10
    assert statuses[10:] == [429, 429]
    assert len(mailoutbox) == 10


@pytest.mark.django_db
def test_kit_requests_are_counted_in_the_shared_atomic_counter(client):
    for _ in range(5):
        assert client.post("/en/alternatives/kit/", kit_form()).status_code == 302
    assert client.post("/en/alternatives/kit/", kit_form()).status_code == 429
    assert KitRequest.objects.count() == 5
    assert RateCounter.objects.filter(name__contains="kit_request_created").get().count >= 5


@pytest.mark.django_db
def test_the_counter_counts_each_use_once_and_says_when_the_limit_is_passed():
    assert [ratelimit.hit("test:one", 3, 3600) for _ in range(5)] == [False, False, False, True, True]
    assert ratelimit.count("test:one", 3600) == 5
    assert ratelimit.count("test:other", 3600) == 0


@pytest.mark.django_db(transaction=True)
def test_concurrent_uses_are_never_lost(settings):
    """Thirty uses at once: exactly the limit get through (a read-then-write counter lets
    several requests read the same count and all pass)."""
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("threads cannot share SQLite's in-memory test database; runs on PostgreSQL in .ci/run")
    start = threading.Barrier(30)
    results = []

    def use():
        try:
            start.wait()
            results.append(ratelimit.hit("test:race", 5, 3600))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=use) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(False) == 5
    assert ratelimit.count("test:race", 3600) == 30


@pytest.mark.django_db(transaction=True)
def test_thirty_kit_requests_posted_at_once_from_one_address_create_five(settings):
    """The race that was found: the view read the count, created, then counted, so 6 of 30
    concurrent posts got through a limit of 5. It now counts atomically before creating."""
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("threads cannot share SQLite's in-memory test database; runs on PostgreSQL in .ci/run")
    from django.test import Client

    start = threading.Barrier(30)
    statuses = []

    def post():
        try:
            client = Client()
            start.wait()
            statuses.append(client.post("/en/alternatives/kit/", kit_form()).status_code)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [302] * 5 + [429] * 25
    assert KitRequest.objects.count() == 5
