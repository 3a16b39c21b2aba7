"""A problem is never shown as a success: each kind of message has its own box, heading and role."""

import re

import pytest
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from portique.applications import services
from portique.applications.choices import Program


def _boxes(body: str) -> dict[str, str]:
    """Each message box on the page, by kind (error, warning, success, info)."""
    return {
        kind: inner
        for kind, inner in re.findall(
            r'<div class="message message-(\w+)" role="\w+">(.*?)</div>', body, flags=re.S
        )
    }


def _roles(body: str) -> dict[str, str]:
    return dict(re.findall(r'<div class="message message-(\w+)" role="(\w+)">', body))


@pytest.mark.django_db
def test_a_section_saved_with_an_unanswered_question_says_so_without_the_success_style(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = reverse("applications:section", args=[application.public_id, "personal"])
    # Only the family name: the date of birth and the rest are left unanswered.
    response = client.post(url, {"version": "1", "family_name": "Tremblay", "continue": "1"}, follow=True)
    boxes = _boxes(response.content.decode())
    assert "success" not in boxes
    assert "Section saved." not in response.content.decode()
    assert "Your answers in this section are saved." in boxes["info"]
    assert "still unanswered" in boxes["warning"]


@pytest.mark.django_db
def test_a_complete_section_is_a_success(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = reverse("applications:section", args=[application.public_id, "application"])
    data = {"version": "1", "purpose": "first_card", "indigenous_name": "no", "urgent": "no", "continue": "1"}
    boxes = _boxes(client.post(url, data, follow=True).content.decode())
    assert "Section saved." in boxes["success"]
    assert set(boxes) == {"success"}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "expected"), [("en", "more than 270"), ("fr", "plus de 270")])
def test_what_the_rules_find_is_a_warning_or_an_error_never_a_success(client, applicant, language, expected):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    expiry = timezone.localdate().replace(year=timezone.localdate().year + 2).isoformat()
    response = client.post(
        f"/{language}/applications/{application.public_id}/form/application/",
        {
            "version": "1",
            "purpose": "renewal",
            "current_card_expiry": expiry,
            "name_also_changed": "no",
            "indigenous_name": "no",
            "urgent": "no",
            "continue": "1",
        },
        follow=True,
    )
    body = response.content.decode()
    boxes = _boxes(body)
    problem_boxes = "".join(boxes.get(kind, "") for kind in ("warning", "error"))
    assert expected in problem_boxes
    assert expected not in boxes.get("success", "") + boxes.get("info", "")
    assert "success" not in boxes


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("en", ["There is a problem", "Important", "Done", "Information"]),
        ("fr", ["Il y a un problème", "Important", "C’est fait", "Information"]),
    ],
)
def test_each_kind_has_its_own_box_heading_and_role_errors_first(language, headings):
    from django.utils import translation

    request = RequestFactory().get("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    messages.success(request, "Saved.")
    messages.info(request, "For your information.")
    messages.error(request, "The invitation was refused.")
    messages.warning(request, "Check this.")
    template = engines["django"].from_string('{% include "core/includes/messages.html" %}')
    with translation.override(language):
        body = template.render({"messages": messages.get_messages(request)}, request)
    assert list(_boxes(body)) == ["error", "warning", "success", "info"]
    assert _roles(body) == {"error": "alert", "warning": "alert", "success": "status", "info": "status"}
    assert "The invitation was refused." in _boxes(body)["error"]
    assert re.findall(r'<p class="message-heading">(.*?)</p>', body) == headings


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "prefix"), [("en", "<title>Error: "), ("fr", "<title>Erreur\u00a0: ")])
def test_a_section_with_an_error_says_so_in_its_title_and_its_summary_comes_first_with_the_focus(
    client, applicant, language, prefix
):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = f"/{language}/applications/{application.public_id}/form/personal/"
    assert prefix not in client.get(url).content.decode()
    body = client.post(url, {"version": "1", "date_of_birth": "2090-01-01", "continue": "1"}).content.decode()
    assert prefix in body
    summary = re.search(r"<div[^>]*error-summary[^>]*>", body).group(0)
    assert "autofocus" in summary
    # The summary is the first thing in the page's content, before its heading.
    assert body.index("error-summary") < body.index("<h1")


@pytest.mark.django_db
def test_inputs_are_described_by_their_hint_and_their_error_by_ids_that_exist(client, applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    url = reverse("applications:section", args=[application.public_id, "personal"])
    pages = [
        client.get(url).content.decode(),
        client.post(url, {"version": "1", "date_of_birth": "2090-01-01"}).content.decode(),
    ]
    for body in pages:
        ids = set(re.findall(r'\bid="([^"]+)"', body))
        described = re.findall(r'aria-(?:describedby|labelledby)="([^"]+)"', body)
        assert described, "no input is described by a hint"
        for value in described:
            assert set(value.split()) <= ids, value
    # The hint of the UCI question is read with it, and the wrong date with its error.
    uci = re.search(r"<input[^>]*name=\"uci\"[^>]*>", pages[0]).group(0)
    assert 'aria-describedby="id_uci_helptext"' in uci
    born = re.search(r"<input[^>]*name=\"date_of_birth\"[^>]*>", pages[1]).group(0)
    assert "id_date_of_birth_error" in born and 'aria-invalid="true"' in born
