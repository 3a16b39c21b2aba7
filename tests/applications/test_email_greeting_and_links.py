"""E-mails: every link starts with SITE_URL, and people are greeted by their name, in their account's language."""

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.test import override_settings

from portique.applications import services
from portique.core.checks import site_url
from tests import journey

SITE = "https://portique.example.ca"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("language", "hello"), [("en", "Hello Alex Marie Tremblay,"), ("fr", "Bonjour Alex Marie Tremblay,")]
)
def test_the_submission_email_greets_the_applicant_by_name_and_links_to_site_url(applicant, language, hello):
    from django.utils import timezone

    applicant.preferred_language = language
    # An applicant's account has no name (sign-up asks for none): the name on the form is used.
    applicant.first_name = applicant.last_name = ""
    applicant.save()
    application = journey.ready_to_submit(applicant)
    with override_settings(SITE_URL=SITE):
        services.application_submit(actor=applicant, public_id=application.public_id, on=timezone.localdate())
    (message,) = mail.outbox
    assert message.body.startswith(hello)
    assert applicant.email not in message.body
    assert f"{SITE}/{language}/applications/{application.public_id}/" in message.body
    assert "127.0.0.1" not in message.body


@pytest.mark.django_db
def test_an_accounts_own_name_comes_first(applicant):
    from django.template.loader import render_to_string

    application = services.application_start(actor=applicant, program="pr_card")
    text = render_to_string(
        "applications/email/_greeting.txt", {"owner": applicant, "application": application}
    )
    assert text.strip() == f"Hello {applicant.get_full_name()},"


@pytest.mark.django_db
def test_without_a_name_the_greeting_is_plain_never_the_email_address(applicant):
    from django.template.loader import render_to_string
    from django.utils import translation

    applicant.first_name = applicant.last_name = ""
    applicant.save()
    application = services.application_start(actor=applicant, program="pr_card")
    with translation.override("fr"):
        text = render_to_string(
            "applications/email/_greeting.txt", {"owner": applicant, "application": application}
        )
    assert text.strip() == "Bonjour,"


@pytest.mark.django_db
@override_settings(SITE_URL=SITE, ALLOWED_HOSTS=["portique.example.ca", "testserver", "other.example"])
def test_a_password_reset_link_starts_with_site_url_whatever_host_the_request_named(client, applicant):
    client.post("/en/account/password/reset/", {"email": applicant.email}, HTTP_HOST="other.example")
    (message,) = mail.outbox
    assert f"{SITE}/en/account/password/reset/key/" in message.body
    assert "other.example" not in message.body


@pytest.mark.parametrize(
    ("value", "allowed", "problem"),
    [
        ("http://127.0.0.1:8000", ["127.0.0.1"], "not an https:// address"),
        ("https://portique.example.ca", [], "not in ALLOWED_HOSTS"),
        ("https://portique.example.ca", ["other.example.ca"], "not in ALLOWED_HOSTS"),
        ("https://portique.example.ca/en/", ["portique.example.ca"], "has a path"),
    ],
)
def test_check_deploy_refuses_a_site_url_people_could_not_follow(value, allowed, problem):
    with override_settings(SITE_URL=value, ALLOWED_HOSTS=allowed):
        (error,) = site_url()
    assert error.id == "portique.E010" and problem in error.msg


@pytest.mark.django_db
def test_check_deploy_accepts_the_portals_public_https_address_and_runs_only_under_deploy():
    with override_settings(SITE_URL=SITE, ALLOWED_HOSTS=["portique.example.ca"]):
        assert site_url() == []
    with override_settings(SITE_URL="http://127.0.0.1:8000"):
        ids = {message.id for message in run_checks(include_deployment_checks=True, tags=["security"])}
        assert "portique.E010" in ids
        assert "portique.E010" not in {message.id for message in run_checks(tags=["security"])}
