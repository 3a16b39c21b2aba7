"""Stored cross-site scripting: what people type is shown as text, in pages and in PDFs.

Script payloads go in through the text fields an applicant, a representative and an
officer fill in (answers, a client's name, a request's description, an internal note);
the pages that show them (the applicant's, the representative's, the officer's) must
carry them escaped, never as markup, and the PDFs made from them (the copy as submitted,
the request letter) must print them as text and hold no JavaScript.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from portique.applications.submission.copy_pdf import submitted_copy_pdf
from portique.casework import services as casework_services
from portique.representation import services as representation_services
from tests import journey
from tests.rules.forms.test_imm5444_validation import complete_answers

SCRIPT = "<script>alert('xss')</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
PAYLOADS = (SCRIPT, IMAGE)
ON = journey.TODAY + timedelta(days=1)


def _answers_with_payloads() -> dict:
    answers = complete_answers()
    answers["personal"]["place_of_birth"] = f"Lyon {SCRIPT}"
    answers["contact"]["mailing_street"] = f"12 Sparks St {IMAGE}"
    answers["activities"][0]["activity"] = f"Nurse {SCRIPT}"
    answers["activities"][0]["organisation"] = f"Clinic {IMAGE}"
    answers["addresses"][0]["address"] = f"12 Sparks St {SCRIPT}"
    return answers


def _assert_escaped(html: str, where: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html, f"{where}: {payload} is markup"
    # Nothing that could run: no script element or event handler made from the input.
    assert re.search(r"<img[^>]*onerror", html) is None, where
    assert "<script>alert" not in html, where


def _pdf_text_and_bytes(data: bytes) -> tuple[str, bytes]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", text), data


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_payloads_in_answers_are_text_in_every_page_and_in_the_copy_as_submitted(applicant, officer):
    application, submission = journey.submitted(applicant, answers=_answers_with_payloads())
    applicant_pages = [
        reverse("applications:overview", kwargs={"public_id": application.public_id}),
    ]
    for url in applicant_pages:
        response = _signed_in(applicant).get(url)
        assert response.status_code == 200
        _assert_escaped(response.content.decode(), url)
    officer_page = _signed_in(officer).get(reverse("casework:file", kwargs={"public_id": application.public_id}))
    assert officer_page.status_code == 200
    html = officer_page.content.decode()
    _assert_escaped(html, "the officer's file")
    assert "Lyon &lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html  # shown, as text
    for language in ("en", "fr"):
        text, raw = _pdf_text_and_bytes(submitted_copy_pdf(submission, language))
        assert "alert('xss')" in text and "<script>" in text  # printed as the person typed it
        assert b"/JavaScript" not in raw and b"/JS " not in raw and b"/JS(" not in raw


@pytest.mark.django_db
def test_an_officers_request_and_note_are_text_for_the_applicant_and_in_the_letter(applicant, officer):
    application, _submission = journey.submitted(applicant)
    casework_services.screening_run(application=application)
    casework_services.application_accept(actor=officer, public_id=application.public_id, on=ON, draw=lambda: 0.99)
    request = casework_services.request_send(
        actor=officer,
        public_id=application.public_id,
        description=f"Send your notice of assessment {SCRIPT} {IMAGE}",
        due_on=ON + timedelta(days=30),
        on=ON,
    )
    casework_services.note_add(
        actor=officer, public_id=application.public_id, text=f"Checked {SCRIPT}", on_file=True
    )
    page = _signed_in(applicant).get(
        reverse("casework_applicant:request", kwargs={"public_id": application.public_id, "request_id": request.public_id})
    )
    assert page.status_code == 200
    _assert_escaped(page.content.decode(), "the applicant's request page")
    _assert_escaped(
        _signed_in(officer).get(reverse("casework:file", kwargs={"public_id": application.public_id})).content.decode(),
        "the officer's file with the note",
    )
    _assert_escaped(
        _signed_in(applicant)
        .get(reverse("casework_applicant:your_file", kwargs={"public_id": application.public_id}))
        .content.decode(),
        "the applicant's file with the note to the file",
    )
    with request.letter.pdf_en.open("rb") as stored:
        text, raw = _pdf_text_and_bytes(stored.read())
    assert "alert('xss')" in text
    assert b"/JavaScript" not in raw


@pytest.mark.django_db
def test_a_clients_name_typed_by_a_representative_is_text_for_the_representative_and_the_client(
    representative, applicant
):
    created = representation_services.representation_create(
        actor=representative, program="pr_card", client_name=f"Alex {SCRIPT}", client_email=applicant.email
    )
    dashboard = _signed_in(representative).get(reverse("representation:dashboard"))
    _assert_escaped(dashboard.content.decode(), "the representative's dashboard")
    assert "Alex &lt;script&gt;" in dashboard.content.decode()
    file_page = _signed_in(representative).get(
        reverse("representation:file", kwargs={"public_id": created.application.public_id})
    )
    _assert_escaped(file_page.content.decode(), "the representative's file")


@pytest.mark.django_db
def test_the_pages_forbid_inline_script_even_if_markup_got_through(client, applicant):
    """The second line of defence: a strict Content-Security-Policy on every page."""
    client.force_login(applicant)
    policy = client.get(reverse("applications:dashboard"))["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[-1].split(";")[0]
