"""Insecure direct object references: every route that names an object, tried by outsiders.

The routes come from Django's URL resolver, so a route added tomorrow is swept too. For each
route with an identifier (``public_id``, ``document_id``, ``reference``…), its parameters are
filled from real objects (``world.py``); another applicant, a verified representative with no
link to them, and an officer with no role then GET it (and POST, where the view accepts
POST) and must get 403 or 404, and nothing in the database may change. So that the sweep
cannot pass by asking for objects that do not exist, each page that answers GET must let
one insider in (the owner, their representative or a supervisor) with the same parameters.
"""

from __future__ import annotations

import itertools

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from tests.alternatives.conftest import form_data as kit_form_data

from . import world

# The Django admin names objects by primary key; people without staff status are sent to
# the sign-in page before any object is looked up, and the role admin is tested in
# test_admin_roles.py.
NOT_SWEPT = ("admin:",)
# Tables a refused request may legitimately write to: Django's and allauth's own sessions.
UNWATCHED = {"sessions", "usersessions", "django_tasks_database"}


def _snapshot() -> dict:
    state = {}
    for model in apps.get_models():
        if model._meta.app_label in UNWATCHED or not model.__module__.startswith(
            ("portique.", "django.contrib.auth")
        ):
            continue
        state[model._meta.label] = list(model.objects.order_by("pk").values())
    return state


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _candidates(params: tuple[str, ...], bundles: list[dict]) -> list[dict]:
    return [
        {name: bundle[name] for name in params}
        for bundle in bundles
        if all(name in bundle for name in params)
    ]


@pytest.mark.django_db
def test_every_route_with_an_identifier_refuses_outsiders_and_changes_nothing(
    django_capture_on_commit_callbacks,
):
    w = world.build(django_capture_on_commit_callbacks)
    # A kit request's acknowledgement page belongs to the browser that made the request.
    requester = Client()
    response = requester.post(reverse("alternatives:kit_request"), kit_form_data())
    assert response.status_code == 302, response.content.decode()[:500]
    kit_bundle = {"reference": response["Location"].rstrip("/").rsplit("/", 1)[-1]}
    bundles = [*w.bundles, kit_bundle, world.session_bundle(Client(), w.applicant)]
    insiders = [requester, *(_client(user) for user in (w.applicant, w.representative, w.supervisor))]
    outsiders = {label: _client(user) for label, user in w.outsiders.items()}
    swept, problems = [], []
    for name, text, params in world.routes():
        if name.startswith(NOT_SWEPT) or not any(world.is_identifier(p) for p in params):
            continue
        candidates = _candidates(params, bundles)
        if not candidates:
            problems.append(f"{name} ({text}): no object in world.py fills {params}; add one")
            continue
        urls = [reverse(name, kwargs=kwargs) for kwargs in candidates]
        insider_get = {url: [c.get(url).status_code for c in insiders] for url in urls}
        # The anonymous kit requester (first) is sent to sign in by every page that needs an account.
        accepts_get = any(code != 405 for codes in insider_get.values() for code in codes[1:])
        reached = any(
            code not in (302, 403, 404, 405) for codes in insider_get.values() for code in codes[:1]
        ) or any(code not in (403, 404, 405) for codes in insider_get.values() for code in codes[1:])
        if accepts_get and not reached:
            problems.append(f"{name}: no insider reaches it with {candidates}: the sweep would prove nothing")
        before = _snapshot()
        for (label, client), url in itertools.product(outsiders.items(), urls):
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                if method == "get" and response.status_code == 405 and not accepts_get:
                    continue
                if method == "post" and response.status_code == 405:
                    continue  # the view takes no POST at all
                if response.status_code not in (403, 404):
                    problems.append(f"{method.upper()} {url} as {label}: {response.status_code}")
        if _snapshot() != before:
            problems.append(f"{name}: an outsider's request changed the database")
        swept.append(name)
    assert not problems, "\n".join(problems)
    # The sweep covers the routes of every side of the portal.
    for expected in (
        "applications:overview",
        "documents:download",
        "payments:receipt",
        "casework:file",
        "casework:document_page",
        "casework_applicant:request_file",
        "casework_applicant:message_file",
        "casework_applicant:late_document",
        "casework:message_file",
        "casework:late_document",
        "casework_applicant:withdraw",
        "representation:file",
        "representation_client:accept",
        "alternatives:paper_file",
        "alternatives:officer_detail",
        "accounts:representative_document",
        "accounts:session_end",
    ):
        assert expected in swept, expected
