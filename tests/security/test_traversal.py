"""Path traversal: an uploaded file's name never chooses where it is stored or how it is
named on someone else's disk, and a URL with ``..`` reaches nothing outside the portal's pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from portique.applications import services as application_services
from portique.documents import selectors as document_selectors
from portique.documents import services as document_services
from portique.documents.items import PHOTO_FRONT
from portique.representation import services as representation_services
from tests import journey
from tests.documents.files import pdf_bytes, upload

HOSTILE_NAMES = [
    "../../../../../tmp/portique-traversal.pdf",
    "..\\..\\..\\windows\\portique-traversal.pdf",
    "/etc/portique-traversal.pdf",
    "%2e%2e%2f%2e%2e%2fportique-traversal.pdf",
    "passport.pdf\x00.html",
]


def _inside_media(name: str) -> bool:
    root = Path(settings.MEDIA_ROOT).resolve()
    return (root / name).resolve().is_relative_to(root)


def _safe_download_name(disposition: str) -> bool:
    # No separator and no NUL: the browser saves it in the folder the person chose, nowhere else.
    filename = disposition.split("filename", 1)[-1]
    return "/" not in filename and "\\" not in filename and "\x00" not in filename


@pytest.mark.django_db
@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_an_uploaded_documents_name_chooses_neither_its_place_nor_its_download_name(applicant, name):
    application = application_services.application_start(actor=applicant, program="pr_card")
    item = next(i for i in document_selectors.checklist_for(application, journey.TODAY) if i.code != PHOTO_FRONT)
    uploaded = document_services.document_upload(
        actor=applicant,
        public_id=application.public_id,
        item=item,
        upload=upload(name, pdf_bytes(1), "application/pdf"),
        on=journey.TODAY,
        document_type=item.document_types[0] if item.document_types else None,
    )
    stored = uploaded.document.file.name
    assert ".." not in stored and not stored.startswith("/") and "\\" not in stored
    assert _inside_media(stored)
    assert not Path("/tmp/portique-traversal.pdf").exists()
    client = Client()
    client.force_login(applicant)
    response = client.get(
        reverse("documents:download", kwargs={"public_id": application.public_id, "document_id": uploaded.document.public_id})
    )
    assert response.status_code == 200
    assert _safe_download_name(response["Content-Disposition"]), response["Content-Disposition"]


@pytest.mark.django_db
def test_a_representatives_imm5476_name_chooses_neither(representative):
    created = representation_services.representation_create(
        actor=representative, program="pr_card", client_name="Alex Tremblay", client_email="client@example.ca"
    )
    representation = representation_services.representation_imm5476_upload(
        actor=representative,
        public_id=created.application.public_id,
        upload=upload(HOSTILE_NAMES[0], pdf_bytes(1), "application/pdf"),
    )
    assert ".." not in representation.imm5476.name and _inside_media(representation.imm5476.name)
    client = Client()
    client.force_login(representative)
    response = client.get(reverse("representation:imm5476_download", kwargs={"public_id": created.application.public_id}))
    assert response.status_code == 200 and _safe_download_name(response["Content-Disposition"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/static/../portique/settings.py",
        "/static/%2e%2e/%2e%2e/portique/settings.py",
        "/static/..%2f..%2fpyproject.toml",
        "/en/applications/..%2f..%2f..%2fetc%2fpasswd",
        "/documents-are-not-public/../var/secret_key",
        "/en/../../var/secret_key",
    ],
)
def test_dot_dot_in_a_url_reaches_nothing(client, applicant, path):
    client.force_login(applicant)
    response = client.get(path)
    assert response.status_code in (301, 302, 400, 404)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"SECRET_KEY" not in body and b"[project]" not in body and b"root:" not in body
