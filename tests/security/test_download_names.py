"""Attack: a file uploaded as ``x.html`` (a PDF with an HTML script inside) was offered
to the officer under that name; a browser saving it would open it from disk as a web
page and run the script. Every download is now named after what the document is and
the type its content was found to be: the uploaded name never reaches a download.
"""

from datetime import timedelta

import pytest
from django.urls import reverse

from portique.casework import services as casework_services
from portique.documents import selectors, services
from portique.documents.models import Document
from tests.casework.conftest import submitted  # noqa: F401 - fixture
from tests.casework.test_services import ON, accept
from tests.documents.conftest import TODAY, application, rules_checklist  # noqa: F401 - fixtures
from tests.documents.files import upload

from . import hostile_files

pytestmark = pytest.mark.django_db

# A PDF that a browser would also render as a page: a script after the end of the PDF.
POLYGLOT = hostile_files.plain_pdf() + b"\n<html><script>alert(document.domain)</script></html>\n"


def offered_name(response) -> str:
    assert response.status_code == 200, response.status_code
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    return disposition.split('filename="', 1)[1].rstrip('"')


def test_the_applicant_downloads_their_file_under_its_document_type_not_its_uploaded_name(
    client, applicant, application, rules_checklist  # noqa: F811
):
    item = selectors.item_in(selectors.checklist_for(application, TODAY), code="PRIMARY_IDENTITY_DOCUMENT", position=0)
    uploaded = services.document_upload(
        actor=applicant,
        public_id=application.public_id,
        item=item,
        upload=upload("x.html", POLYGLOT, "text/html"),
        on=TODAY,
        document_type="PASSPORT_OR_TRAVEL_DOCUMENT",
    )
    assert uploaded.document.content_type == "application/pdf"  # detected, not declared
    client.force_login(applicant)
    response = client.get(reverse("documents:download", args=[application.public_id, uploaded.document.public_id]))
    assert offered_name(response) == "passport-or-travel-document.pdf"
    assert response["Content-Type"] == "application/pdf"


def test_the_officer_downloads_an_applicants_file_under_its_document_type(client, officer, submitted):  # noqa: F811
    document = (
        Document.objects.filter(application=submitted, content_type="application/pdf")
        .exclude(document_type="")
        .first()
    )
    Document.objects.filter(pk=document.pk).update(original_name="x.html")
    client.force_login(officer)
    response = client.get(reverse("casework:document", args=[submitted.public_id, document.public_id]))
    name = offered_name(response)
    assert name == document.document_type.lower().replace("_", "-") + ".pdf"
    assert "html" not in name


def test_an_answer_to_a_request_is_downloaded_as_answer_to_request(client, officer, applicant, submitted):  # noqa: F811
    accept(officer, submitted)
    request = casework_services.request_send(
        actor=officer, public_id=submitted.public_id, description="x", due_on=ON + timedelta(days=400), on=ON
    )
    casework_services.request_answer(
        actor=applicant,
        public_id=submitted.public_id,
        request_id=request.public_id,
        files=[upload("x.html", POLYGLOT, "text/html")],
        text="",
        on=ON,
    )
    sent = request.files.get()
    client.force_login(officer)
    officer_copy = client.get(
        reverse("casework:request_file", args=[submitted.public_id, request.public_id, sent.public_id])
    )
    assert offered_name(officer_copy) == "answer-to-request.pdf"
    client.force_login(applicant)
    own_copy = client.get(
        reverse("casework_applicant:request_file", args=[submitted.public_id, request.public_id, sent.public_id])
    )
    assert offered_name(own_copy) == "answer-to-request.pdf"


def test_a_representatives_identity_document_is_named_after_its_kind_and_content(
    client, representative, supervisor
):
    profile = representative.representative_profile
    client.force_login(supervisor)
    response = client.get(reverse("accounts:representative_document", args=[profile.public_id]))
    assert offered_name(response) == "identity-document-passport.pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
