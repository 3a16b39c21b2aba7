"""Cross-site request forgery: every route refuses a signed-in person's POST without a token.

The routes come from Django's URL resolver (the portal's, allauth's and the admin's, in
both languages' prefix), so a route added later is swept too; Django's CSRF check runs
before any view, so even a GET-only page must answer 403 to a POST without a token (a 405
would mean the check did not run). The few routes exempt on purpose are listed with why.
"""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import _user

from . import world

# No route is exempt today; one that must be (a payment gateway's server-to-server
# callback, say) is named here with the reason.
EXEMPT: dict[str, str] = {}


def _all_routes():
    found = []

    def walk(patterns, namespace: str, params: tuple):
        for pattern in patterns:
            own = tuple(getattr(pattern.pattern, "converters", {})) or tuple(
                getattr(getattr(pattern.pattern, "regex", None), "groupindex", {})
            )
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, inner, params + own)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.append((f"{namespace}:{pattern.name}" if namespace else pattern.name, params + own))

    walk(get_resolver().url_patterns, "", ())
    return sorted(set(found))


def _fill(name: str, params: tuple, bundles: list[dict]) -> str | None:
    """The route's address, naming a real object where one exists (world.py), else any value."""
    for bundle in bundles:
        if params and all(param in bundle for param in params):
            return reverse(name, kwargs={param: bundle[param] for param in params})
    kwargs = {}
    for param in params:
        if param in ("session_id", "position", "object_id") or param.endswith("_pk"):
            kwargs[param] = 1
        elif param in ("public_id",) or param.endswith("_id"):
            kwargs[param] = uuid.uuid4()
        elif param == "language":
            kwargs[param] = "en"
        elif param == "app_label":
            kwargs[param] = "accounts"
        else:
            kwargs[param] = "x"
    for attempt in (kwargs, {k: str(v) for k, v in kwargs.items()}):
        try:
            return reverse(name, kwargs=attempt or None)
        except NoReverseMatch:
            continue
    return None


@pytest.mark.django_db
def test_every_route_refuses_a_post_without_a_csrf_token(django_capture_on_commit_callbacks):
    w = world.build(django_capture_on_commit_callbacks)
    signed_in = []
    for user in (w.applicant, w.representative, w.supervisor):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        signed_in.append(client)
    problems, swept = [], 0
    for name, params in _all_routes():
        url = _fill(name, params, w.bundles)
        if url is None:
            problems.append(f"{name}: could not build an address for {params}")
            continue
        swept += 1
        if name in EXEMPT:
            continue
        # Most views are refused by the CSRF middleware before they run; the upload views check
        # the token after the access check (they read a body of their own size limit first), so
        # there a person who may not see the object gets 404 and its owner 403. Never anything else.
        statuses = [client.post(url, {"anything": "1"}).status_code for client in signed_in]
        if set(statuses) - {403, 404} or 403 not in statuses:
            problems.append(f"POST {url} ({name}) without a token: {statuses}")
    assert not problems, "\n".join(problems)
    assert swept > 130  # about 130 POST endpoints in the issue, and the GET-only pages besides


@pytest.mark.django_db
def test_the_same_post_with_the_token_gets_past_the_check():
    """The 403s above come from the missing token, not from the route refusing everything."""
    applicant = _user("applicant@example.ca", "applicant", first_name="Alex", last_name="Tremblay")
    client = Client(enforce_csrf_checks=True)
    client.force_login(applicant)
    client.get(reverse("accounts:overview"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("accounts:preferred_language"), {"preferred_language": "fr", "csrfmiddlewaretoken": token})
    assert response.status_code != 403
    applicant.refresh_from_db()
    assert applicant.preferred_language == "fr"
