"""Finding 7: an officer refused an action gets the same answer everywhere: 404.

The portal answers "not found" alike for a file that does not exist and for an action the
officer's role does not include (STYLE.md: the ``access_*`` helpers answer the same for
"does not exist" and "not yours"), so a screening officer refused a decision and a
decision-maker refused screening see the same page, and nothing changes. Each case also
checks that the officer whose role it is gets in, so a refusal is never an accident of a
missing object.
"""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import _officer

from . import world
from .test_idor_sweep import _snapshot

# (route, the bundle key that names its object, POST data that the right officer would send,
#  the role that may, the role refused)
SCREENING_ONLY = [
    ("casework:screening", "submitted_new", {"action": "accept"}),
    ("casework:screening", "submitted_new", {"action": "add", "ground": "OFFICER_DOCUMENT_MISSING", "detail": "x"}),
    ("alternatives:paper_list", None, None),
    ("alternatives:paper_register", None, {"program": "pr_card"}),
    ("alternatives:paper_file", "paper", None),
    ("alternatives:paper_send", "paper", {}),
    ("alternatives:officer_queue", None, None),
    ("alternatives:officer_detail", "kit", {"status": "sent"}),
]
DECISION_ONLY = [
    ("casework:decision", "submitted", {"outcome": "approved", "card_delivery": "mail"}),
    ("casework:sponsor_assessment", "sponsorship", {"approved": "yes"}),
    ("casework:sponsorship_decision", "sponsorship", {"action": "decide"}),
]
SUPERVISOR_ONLY = [
    ("casework:access_log", None, None),
    ("accounts:audit_log", None, None),
    ("accounts:representative_list", None, None),
    ("accounts:representative_detail", "profile", {"decision": "verify"}),
    ("accounts:representative_document", "profile", None),
]


@pytest.fixture
def setting(django_capture_on_commit_callbacks):
    from portique.applications import services as application_services
    from tests import journey

    w = world.build(django_capture_on_commit_callbacks)
    by_kind = dict(w.named)
    # A submitted file still waiting for screening.
    fresh = journey.ready_to_submit(w.applicant)
    application_services.application_submit(actor=w.applicant, public_id=fresh.public_id, on=journey.TODAY)
    by_kind["submitted_new"] = {"public_id": fresh.public_id}
    officers = {
        "screening_officer": _officer("screener@example.ca", ["screening_officer"]),
        "decision_maker": _officer("decider@example.ca", ["decision_maker"]),
        "supervisor": w.supervisor,
    }
    return by_kind, officers


def _client(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def _url(name, key, by_kind, *, missing=False):
    if key is None:
        return reverse(name)
    kwargs = {param: by_kind[key][param] for param in ("public_id", "reference") if param in by_kind[key]}
    if missing:
        kwargs = {param: (uuid.uuid4() if param == "public_id" else "ALT-NOTTHERE") for param in kwargs}
    return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
def test_each_officer_refused_an_action_gets_404_like_for_a_file_that_does_not_exist(setting):
    by_kind, officers = setting
    cases = [
        *((case, "screening_officer", "decision_maker") for case in SCREENING_ONLY),
        *((case, "decision_maker", "screening_officer") for case in DECISION_ONLY),
        *((case, "supervisor", "screening_officer") for case in SUPERVISOR_ONLY),
        *((case, "supervisor", "decision_maker") for case in SUPERVISOR_ONLY),
    ]
    problems = []
    for (name, key, data), allowed, refused in cases:
        url = _url(name, key, by_kind)
        allowed_get = _client(officers[allowed]).get(url).status_code
        if allowed_get in (403, 404):
            problems.append(f"{name}: the {allowed} does not get in either ({allowed_get}): nothing is proved")
        refused_client = _client(officers[refused])
        before = _snapshot()
        answers = {}
        if allowed_get != 405:  # a POST-only action: no page to GET for anyone
            answers["GET"] = refused_client.get(url).status_code
        if data is not None:
            answers["POST"] = refused_client.post(url, data).status_code
        if key is not None:
            missing = _url(name, key, by_kind, missing=True)
            answers["the same for a file that does not exist"] = (
                refused_client.get(missing) if allowed_get != 405 else refused_client.post(missing, data or {})
            ).status_code
        for what, status in answers.items():
            if status != 404:
                problems.append(f"{what} {name} as {refused}: {status}, not 404")
        if _snapshot() != before:
            problems.append(f"{name}: the refused {refused} changed something")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_services_refuse_a_screener_deciding_and_a_decider_screening_alike(setting):
    """Below the pages, the services refuse the wrong role too (PermissionDenied), and change nothing."""
    from django.core.exceptions import PermissionDenied

    from portique.applications.models import Application
    from portique.casework import services
    from portique.casework.choices import CardDelivery, DecisionOutcome

    by_kind, officers = setting
    fresh = by_kind["submitted_new"]["public_id"]
    services.screening_run(application=Application.objects.get(public_id=fresh))
    before = _snapshot()
    with pytest.raises(PermissionDenied):
        services.application_accept(actor=officers["decision_maker"], public_id=fresh, on=world.ON)
    with pytest.raises(PermissionDenied):
        services.application_decide(
            actor=officers["screening_officer"],
            public_id=fresh,
            outcome=DecisionOutcome.APPROVED,
            card_delivery=CardDelivery.MAIL,
            on=world.ON,
        )
    assert _snapshot() == before
