"""Per-address limits behind a proxy: a rotating X-Forwarded-For does not make new addresses.

The attack (finding 4): behind the TLS proxy, 40 sign-ins, each with a new made-up
X-Forwarded-For, all went past the per-address lockout and allauth's per-address limit.
The client address is now read from the header only through TRUSTED_PROXY_COUNT proxies
of our own: with none (the default) the header is ignored; with one, only the entry the
proxy itself appended counts, whatever the client wrote before it.
"""

import itertools

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from portique.accounts.choices import AuditKind
from portique.accounts.models import AuditEvent
from portique.alternatives import ratelimit
from portique.core.client_address import client_ip
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"
PROXY = "10.0.0.2"
NOT_CORRECT = "The e-mail address or the password is not correct."
LOCKED = "Too many failed attempts to sign in"
ATTEMPTS = 40


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _forged_addresses():
    for number in itertools.count(1):
        yield f"198.51.{number // 250}.{number % 250 + 1}"


def _sign_in(client, email, password, *, remote, forwarded):
    return client.post(
        "/en/account/login/",
        {"login": email, "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def _outcome(response) -> str:
    if response.status_code == 429:
        return "refused"
    text = response.content.decode()
    if LOCKED in text:
        return "refused"
    if NOT_CORRECT in text:
        return "checked"
    return f"other {response.status_code}"


def _rush(client, *, remote, forwarded_for):
    """40 failed sign-ins to 40 different e-mails, each claiming a new address."""
    outcomes = []
    forged = _forged_addresses()
    for number in range(ATTEMPTS):
        response = _sign_in(
            client,
            f"stuffing-{number}@example.ca",
            "wrong password 1234",
            remote=remote,
            forwarded=forwarded_for(next(forged)),
        )
        outcomes.append(_outcome(response))
    return outcomes


def _assert_locked_out_per_address(outcomes, settings):
    assert set(outcomes) <= {"checked", "refused"}, outcomes
    # Once the address has failed too often, no further password is even checked.
    assert outcomes.count("checked") <= settings.LOCKOUT_ADDRESS_FAILURES
    first_refused = outcomes.index("refused")
    assert set(outcomes[first_refused:]) == {"refused"}


def test_a_rotating_header_sent_straight_to_a_node_is_ignored(client, applicant, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    outcomes = _rush(client, remote=ATTACKER, forwarded_for=lambda forged: forged)
    _assert_locked_out_per_address(outcomes, settings)

    # Even the right password of a real account, claiming yet another address, is refused.
    response = _sign_in(client, applicant.email, PASSWORD, remote=ATTACKER, forwarded="192.0.2.200")
    assert _outcome(response) == "refused"
    assert "_auth_user_id" not in client.session
    # The audit log records the address the connection came from, not the claimed one.
    assert set(AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED).values_list("ip", flat=True)) == {ATTACKER}


def test_behind_one_proxy_only_the_address_the_proxy_appended_counts(client, applicant, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # nginx appends the address it received the connection from after whatever the client sent.
    outcomes = _rush(client, remote=PROXY, forwarded_for=lambda forged: f"{forged}, {ATTACKER}")
    _assert_locked_out_per_address(outcomes, settings)

    response = _sign_in(client, applicant.email, PASSWORD, remote=PROXY, forwarded=f"192.0.2.200, {ATTACKER}")
    assert _outcome(response) == "refused"
    assert set(AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED).values_list("ip", flat=True)) == {ATTACKER}

    # Another person behind the same proxy is not locked out with the attacker.
    response = _sign_in(client, applicant.email, PASSWORD, remote=PROXY, forwarded="192.0.2.31")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(applicant.pk)
    assert AuditEvent.objects.get(kind=AuditKind.LOGIN).ip == "192.0.2.31"


def test_the_portals_own_address_lockout_counts_the_proxied_address(client, settings):
    # With allauth's per-address limits out of the way, the lockout alone holds.
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {"login": "1000/m/ip", "login_failed": "1000/m/ip,5/300s/key"}
    outcomes = _rush(client, remote=PROXY, forwarded_for=lambda forged: f"{forged}, {ATTACKER}")
    assert outcomes == ["checked"] * settings.LOCKOUT_ADDRESS_FAILURES + ["refused"] * (
        ATTEMPTS - settings.LOCKOUT_ADDRESS_FAILURES
    )
    lock = AuditEvent.objects.get(kind=AuditKind.LOCKOUT, details__address=True)
    assert lock.ip == ATTACKER


def test_the_kit_request_limit_counts_the_same_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ALTERNATIVES_RATE_LIMITS = {"kit_request_created": (5, 3600)}
    factory = RequestFactory()
    forged = _forged_addresses()
    over = [
        ratelimit.hit(
            "kit_request_created",
            factory.post("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"{next(forged)}, {ATTACKER}"),
        )
        for _ in range(8)
    ]
    assert over == [False] * 5 + [True] * 3


@pytest.mark.parametrize(
    ("count", "remote", "header", "expected"),
    [
        (0, "192.0.2.1", "198.51.100.1", "192.0.2.1"),
        (1, PROXY, "198.51.100.1", "198.51.100.1"),
        (1, PROXY, "forged, 198.51.100.1", "198.51.100.1"),
        (1, PROXY, "", PROXY),  # not through the proxy: the connection's own address
        (2, PROXY, "198.51.100.1", PROXY),  # fewer entries than proxies
        (2, PROXY, "forged, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        (1, PROXY, "not an address", PROXY),
        (1, PROXY, "[2001:db8::1]:443", "2001:db8::1"),
        (1, PROXY, "198.51.100.1:51234", "198.51.100.1"),
    ],
)
def test_the_client_is_the_nth_entry_from_the_right(settings, count, remote, header, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=header)
    assert client_ip(request) == expected


def test_addresses_of_one_ipv6_network_share_a_lockout(client, settings):
    # One subscriber holds a whole /64: each of its addresses is not a new person.
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {"login": "1000/m/ip", "login_failed": "1000/m/ip,5/300s/key"}
    outcomes = [
        _outcome(
            _sign_in(
                client,
                f"stuffing-{number}@example.ca",
                "wrong password 1234",
                remote=PROXY,
                forwarded=f"2001:db8:0:1::{number + 1:x}",
            )
        )
        for number in range(ATTEMPTS)
    ]
    assert outcomes.count("checked") == settings.LOCKOUT_ADDRESS_FAILURES
    assert outcomes[-1] == "refused"
