"""The documents inside the officer's file: each page inline, labelled in plain language with
the person's name, the download kept; the images kept privately, checked and logged."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from portique.casework.choices import AccessKind
from portique.casework.models import FileAccess
from portique.documents import previews
from portique.documents.labels import document_labels
from portique.uploads import previews as rendering
from tests.casework.previews import blank_pdf, drawn_pdf, passport_of, replace_file
from tests.documents.files import image_bytes, portrait

# A code as the rules and the documents store them: CURRENT_PR_CARD_COPY, POLICE_CERTIFICATE_NG.
RAW_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


def _page_url(application, document, number):
    return reverse("casework:document_page", args=[application.public_id, document.public_id, number])


def _visible_text(html: str) -> str:
    """What a person reads: the text and the images' alternative text, not the markup."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    alts = " ".join(re.findall(r'\balt="([^"]*)"', html))
    labels = " ".join(re.findall(r'\baria-label="([^"]*)"', html))
    return re.sub(r"<[^>]+>", " ", html) + " " + alts + " " + labels


# --- Rendering kept by content ----------------------------------------------------------------------


@pytest.mark.django_db
def test_pages_are_rendered_once_and_the_second_view_reads_the_kept_image(submitted, monkeypatch):
    passport = replace_file(passport_of(submitted), drawn_pdf(3), pages=3)
    first = [previews.preview_page(passport, number) for number in (1, 2, 3)]
    assert all(page[:4] == b"RIFF" and page[8:12] == b"WEBP" for page in first)

    def must_not_render(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(rendering, "render_page", must_not_render)
    assert [previews.preview_page(passport, number) for number in (1, 2, 3)] == first
    assert previews.preview_of(passport) == previews.Preview(pages=3, refused=False)


@pytest.mark.django_db
def test_a_file_that_cannot_be_previewed_is_refused_at_once_the_next_time(submitted, monkeypatch):
    # Huge pages: the upload check counted two pages, the renderer refuses the file.
    passport = replace_file(passport_of(submitted), blank_pdf(2, width=14_400, height=14_400), pages=2)
    assert previews.preview_of(passport).refused is False
    with pytest.raises(previews.PreviewRefused):
        previews.preview_page(passport, 1)

    def must_not_render(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(rendering, "render_page", must_not_render)
    with pytest.raises(previews.PreviewRefused):
        previews.preview_page(passport, 2)
    assert previews.preview_of(passport).refused is True


@pytest.mark.django_db
def test_a_pdf_longer_than_the_limit_is_not_opened(submitted, monkeypatch):
    passport = replace_file(passport_of(submitted), blank_pdf(3), pages=rendering.MAX_PAGES + 1)
    monkeypatch.setattr(rendering, "render_page", lambda *a, **k: pytest.fail("opened"))
    assert previews.preview_of(passport).refused is True
    with pytest.raises(previews.PreviewRefused):
        previews.preview_page(passport, 1)


# --- Labels -------------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_document_is_labelled_in_plain_language_with_the_persons_name(submitted, language):
    documents = list(submitted.documents.filter(state="current"))
    labels = document_labels(submitted, documents, language=language)
    assert len(labels) == len(documents)
    for document in documents:
        label = str(labels[document.pk])
        assert not RAW_CODE.search(label), label
        assert label.endswith("— Alex Marie Tremblay"), label
    passport = passport_of(submitted)
    expected = {"en": "Valid passport or travel document", "fr": "Passeport ou titre de voyage valide"}
    assert labels[passport.pk].title == expected[language]


@pytest.mark.django_db
def test_a_police_certificate_is_named_by_its_country(submitted):
    from portique.documents.models import Document

    document = submitted.documents.filter(state="current").first()
    Document.objects.filter(pk=document.pk).update(item_code="POLICE_CERTIFICATE_NG", document_type="POLICE_CERTIFICATE_NG")
    document.refresh_from_db()
    assert document_labels(submitted, [document], language="en")[document.pk].title == "Police certificate from Nigeria"
    assert document_labels(submitted, [document], language="fr")[document.pk].title == "Certificat de police (Nigéria)"


# --- The officer's pages -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_file_shows_each_page_inline_with_its_download_and_no_code(client, officer, submitted, language):
    passport = replace_file(passport_of(submitted), drawn_pdf(3), pages=3)
    client.force_login(officer)
    with translation.override(language):
        url = reverse("casework:file", args=[submitted.public_id])
        screening_url = reverse("casework:screening", args=[submitted.public_id])
    for page_url in (url, screening_url):
        body = client.get(page_url).content.decode()
        name = {"en": "Valid passport or travel document", "fr": "Passeport ou titre de voyage valide"}[language]
        alt = {"en": "Page 2 of 3 of {} — Alex Marie Tremblay", "fr": "Page 2 sur 3 de {} — Alex Marie Tremblay"}[language]
        assert f'alt="{alt.format(name)}"' in body
        for number in (1, 2, 3):
            assert _page_url(submitted, passport, number) in body
        assert 'loading="lazy"' in body
        assert reverse("casework:document", args=[submitted.public_id, passport.public_id]) in body
        found = RAW_CODE.findall(_visible_text(body))
        assert not found, found


@pytest.mark.django_db
def test_a_page_is_an_image_served_privately_and_logged(client, officer, submitted):
    passport = replace_file(passport_of(submitted), drawn_pdf(2), pages=2)
    client.force_login(officer)
    response = client.get(_page_url(submitted, passport, 2))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response.content[8:12] == b"WEBP"
    logged = FileAccess.objects.filter(officer=officer, application=submitted, kind=AccessKind.DOCUMENT_VIEWED).get()
    assert logged.what == "Valid passport or travel document — Alex Marie Tremblay: page 2 (preview)"
    assert client.get(_page_url(submitted, passport, 3)).status_code == 404


@pytest.mark.django_db
def test_a_hostile_pdf_is_refused_for_preview_with_a_plain_message(client, officer, submitted):
    passport = replace_file(passport_of(submitted), blank_pdf(1, width=14_400, height=14_400), pages=1)
    client.force_login(officer)
    response = client.get(_page_url(submitted, passport, 1))
    assert response.status_code == 422
    assert response.content.decode() == "This document cannot be previewed; download it."
    # The file's page now says so in place of the pages, and keeps the download.
    body = client.get(reverse("casework:file", args=[submitted.public_id])).content.decode()
    assert "This document cannot be previewed; download it." in body
    assert _page_url(submitted, passport, 1) not in body
    assert reverse("casework:document", args=[submitted.public_id, passport.public_id]) in body


@pytest.mark.django_db
def test_a_photo_is_previewed_as_one_page(client, officer, submitted):
    photo = submitted.documents.get(state="current", item_code="PHOTO")
    photo = replace_file(photo, image_bytes(portrait(1800, 2400)), content_type="image/jpeg")
    client.force_login(officer)
    response = client.get(_page_url(submitted, photo, 1))
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert client.get(_page_url(submitted, photo, 2)).status_code == 404


@pytest.mark.django_db
def test_applicants_officers_without_a_role_and_visitors_never_see_a_page(
    client, applicant, representative, submitted
):
    from tests.conftest import _officer

    passport = passport_of(submitted)
    url = _page_url(submitted, passport, 1)
    assert client.get(url).status_code == 302  # to sign in
    for user in (applicant, representative, _officer("no-role@example.ca", [])):
        client.force_login(user)
        assert client.get(url).status_code == 404
        client.logout()
    assert not FileAccess.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_screening_findings_name_the_document_and_the_person_never_a_code(client, officer, submitted, language):
    from portique.documents.models import Document

    # Arranged: the passport copy and the current card's copy are no longer part of the file.
    Document.objects.filter(application=submitted, state="current").exclude(item_code="PHOTO").exclude(
        item_code="PHOTO_BACK"
    ).update(state="removed")
    client.force_login(officer)
    with translation.override(language):
        url = reverse("casework:screening", args=[submitted.public_id])
    response = client.get(url)
    assert response.status_code == 200
    findings = list(response.context["rows"])
    assert findings and any(finding.subject for finding, _form in findings)
    labelled = [finding.subject_label for finding, _form in findings if finding.subject_label]
    assert any(label.endswith("— Alex Marie Tremblay") for label in labelled), [f.subject for f, _ in findings]
    body = response.content.decode()
    found = RAW_CODE.findall(_visible_text(body))
    assert not found, found
    assert "Alex Marie Tremblay" in body


def test_every_kind_of_document_a_person_chooses_between_has_a_name():
    """The kinds a checklist item offers (the applicant picks one; the officer reads it) are named."""
    from portique.applications.document_types import LABELS
    from portique.rules import pr_card_documents

    kinds = {
        code
        for name in dir(pr_card_documents)
        if name.isupper() and name.endswith(("_DOCUMENTS", "_DECLARATIONS"))
        for code in getattr(pr_card_documents, name)
    }
    assert kinds and not kinds - set(LABELS)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_sponsorships_documents_are_named_for_each_person_never_by_a_code(
    client, officer, applicant, django_capture_on_commit_callbacks, language
):
    from portique.applications import services as application_services
    from tests import sponsorship_journey

    application = sponsorship_journey.ready_to_submit(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        application_services.application_submit(
            actor=applicant, public_id=application.public_id, on=sponsorship_journey.TODAY
        )
    client.force_login(officer)
    with translation.override(language):
        urls = [reverse(name, args=[application.public_id]) for name in ("casework:file", "casework:screening")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        found = RAW_CODE.findall(_visible_text(body))
        assert not found, (url, found)
    # The police certificates the rules ask for are named by their country.
    with translation.override(language):
        police = client.get(reverse("casework:police", args=[application.public_id])).content.decode()
    assert {"en": "police certificate from Nigeria", "fr": "Nigéria"}[language] in police
    labels = [str(entry.label) for entry in response.context["documents"]]
    assert labels and all(" — " in label for label in labels if "Photo" in label), labels
