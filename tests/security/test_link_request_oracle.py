"""Finding 6: a representative's link request tells nothing about a file before the client accepts.

Application numbers are sequential, so a representative who could tell a right pair (number
and the client's e-mail address) from a wrong one would learn which number is whose, and a
dashboard row would show that file's status and deadlines. Every pair gets the same answer,
the dashboard shows nothing until the client accepts, and only the client is e-mailed.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portique.casework import services as casework_services
from portique.representation import services
from portique.representation.models import Representation
from tests import journey

ON = journey.TODAY + timedelta(days=2)
DEADLINE = ON + timedelta(days=30)


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def _normalised(html: str) -> str:
    # What differs from one response to the next whatever was asked: the CSRF token and the CSP nonce.
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'name="csp-nonce" content="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


@pytest.fixture
def clients_file(applicant, officer):
    """The client's own submitted file, with an officer's request and its deadline."""
    application, _submission = journey.submitted(applicant)
    casework_services.screening_run(application=application)
    casework_services.application_accept(
        actor=officer, public_id=application.public_id, on=ON, draw=lambda: 0.99
    )
    casework_services.request_send(
        actor=officer,
        public_id=application.public_id,
        description="Your 2025 notice of assessment.",
        due_on=DEADLINE,
        on=ON,
    )
    application.refresh_from_db()
    return application


def _ask(client, number, email, language="en"):
    response = client.post(
        _url("representation:link", language),
        {"number": number, "client_name": "Alex Tremblay", "client_email": email},
        follow=True,
    )
    assert response.status_code == 200
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_right_pair_and_every_wrong_pair_get_the_same_page(
    representative, applicant, other_applicant, clients_file, django_capture_on_commit_callbacks, language
):
    own_of_other = journey.ready_to_submit(other_applicant)
    client = _signed_in(representative)
    pairs = {
        "wrong number": ("PRC20269999999", applicant.email),
        "another client's number": (own_of_other.number, applicant.email),
        "wrong address": (clients_file.number, "someone.else@example.ca"),
        "both wrong": ("PRC20269999998", "someone.else@example.ca"),
        "right pair": (clients_file.number, applicant.email),
        # A second request for the same file (now waiting for the client): the same again.
        "right pair again": (clients_file.number.lower(), applicant.email.upper()),
    }
    pages = {}
    for label, (number, email) in pairs.items():
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = _ask(client, number, email, language)
        pages[label] = _normalised(response.content.decode())
        # Only the client is ever told, and only for the right pair's first request.
        assert all(message.to == [applicant.email] for message in mail.outbox), label
        assert len(mail.outbox) == (1 if label == "right pair" else 0), label
        assert response.redirect_chain == [(_url("representation:dashboard", language), 302)], label
    first = pages["right pair"]
    for label, page in pages.items():
        # Not only the same status and address: the same page, byte for byte.
        assert page == first, label
    page = next(iter(pages.values()))
    assert clients_file.number not in page
    assert DEADLINE.isoformat() not in page
    assert Representation.objects.filter(application=clients_file).count() == 1


@pytest.mark.django_db
def test_the_dashboard_and_the_file_show_nothing_until_the_client_accepts(
    representative, applicant, clients_file
):
    representation = services.representation_link_request(
        actor=representative,
        number=clients_file.number,
        client_name="Alex Tremblay",
        client_email=applicant.email,
    )
    client = _signed_in(representative)
    for state in ("", "invited", "active", "revoked"):
        dashboard = client.get(_url("representation:dashboard") + f"?state={state}&sort=due").content.decode()
        assert clients_file.number not in dashboard, state
        assert clients_file.get_status_display() not in dashboard, state
        assert "Current applications</dt><dd>0" in dashboard.replace("\n", "").replace("  ", ""), state
    for name in ("representation:file", "applications:overview", "applications:submitted_copy"):
        assert client.get(_url(name, public_id=clients_file.public_id)).status_code == 404, name
    services.representation_accept(actor=applicant, public_id=representation.public_id)
    dashboard = client.get(_url("representation:dashboard")).content.decode()
    assert clients_file.number in dashboard


@pytest.mark.django_db
def test_the_answer_does_not_say_whose_address_it_is(representative, officer, other_representative):
    """An address of a representative's or officer's account is not an oracle either."""
    client = _signed_in(representative)
    pages = {
        _normalised(_ask(client, "PRC20260000001", email).content.decode())
        for email in (officer.email, other_representative.email, "nobody@example.ca")
    }
    assert len(pages) == 1
    assert not Representation.objects.exists()
