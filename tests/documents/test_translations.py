"""The documents page asks each file's language and takes its translation (X-01); the
rules' findings on the translation appear by the file and on Validate."""

import pytest
from django.urls import reverse
from django.utils import translation

from portique.documents import selectors
from portique.documents.choices import DocumentState, EventKind, Purpose
from portique.documents.models import Document, DocumentEvent

from .files import pdf_bytes, upload

SLOT = "0-proof_of_residency"


def url(name, application, *args, language="en"):
    with translation.override(language):
        return reverse(f"documents:{name}", args=[application.public_id, *args])


@pytest.fixture
def original(client, applicant, application, rules_checklist):
    client.force_login(applicant)
    response = client.post(url("upload", application, SLOT), {"file": upload("lease.pdf", pdf_bytes())})
    assert response.status_code == 302
    return Document.objects.get(application=application, item_code="proof_of_residency")


def say_language(client, application, document, answer, language="en"):
    return client.post(
        url("language", application, SLOT, document.public_id, language=language), {"in_english_or_french": answer}
    )


def post_translation(client, application, document, language="en", **fields):
    data = {"translation": upload("translation.pdf", pdf_bytes(1)), **fields}
    return client.post(url("translation", application, SLOT, document.public_id, language=language), data)


@pytest.mark.django_db
def test_each_uploaded_file_is_asked_its_language(client, application, original):
    body = client.get(url("index", application)).content.decode()
    assert "Is “lease.pdf” in English or French?" in body
    # Until answered, nothing is asked of a translation.
    assert "Upload the translation" not in body
    assert selectors.case_documents_for(application)[0].language is None


@pytest.mark.django_db
def test_a_file_in_another_language_asks_for_its_translation_with_the_rules_finding(client, application, original):
    response = say_language(client, application, original, "no")
    assert response.status_code == 302
    original.refresh_from_db()
    assert original.other_language is True
    assert DocumentEvent.objects.filter(document=original, kind=EventKind.LANGUAGE_ANSWERED).exists()
    body = client.get(url("index", application)).content.decode()
    assert "Translation:</strong> not uploaded yet" in body
    assert "This document is in neither English nor French: provide an English or French translation." in body
    assert "Upload the translation" in body
    french = client.get(url("index", application, language="fr")).content.decode()
    assert "Ce document n’est rédigé ni en français ni en anglais" in french


@pytest.mark.django_db
def test_validate_shows_the_missing_translation(client, application, original):
    say_language(client, application, original, "no")
    with translation.override("en"):
        validate = reverse("applications:validate", args=[application.public_id])
    body = client.post(validate).content.decode()
    assert "This document is in neither English nor French" in body


@pytest.mark.django_db
def test_a_translation_without_affidavit_by_a_fluent_person_is_incomplete(client, application, original):
    say_language(client, application, original, "no")
    response = post_translation(
        client, application, original, translator="fluent_person", affidavit="none", not_related="1"
    )
    assert response.status_code == 302
    translated = Document.objects.get(purpose=Purpose.TRANSLATION)
    assert translated.translation_of == original and translated.state == DocumentState.CURRENT
    body = client.get(url("index", application)).content.decode()
    assert "translation.pdf" in body
    assert "provide their affidavit attesting their language proficiency" in body
    (case_document,) = selectors.case_documents_for(application)
    assert case_document.translation.provided and case_document.translation.affidavit is None


@pytest.mark.django_db
def test_a_new_translation_with_a_sworn_affidavit_replaces_the_first_and_is_accepted(client, application, original):
    say_language(client, application, original, "no")
    post_translation(client, application, original, translator="fluent_person", affidavit="none", not_related="1")
    post_translation(client, application, original, translator="fluent_person", affidavit="canada", not_related="1")
    first, second = Document.objects.filter(purpose=Purpose.TRANSLATION).order_by("id")
    assert first.state == DocumentState.SUPERSEDED and second.state == DocumentState.CURRENT
    body = client.get(url("index", application)).content.decode()
    assert "The translation meets the rules" in body
    assert "provide their affidavit" not in body


@pytest.mark.django_db
def test_the_translation_form_refuses_what_is_missing_in_both_languages(client, application, original):
    say_language(client, application, original, "no")
    response = client.post(url("translation", application, SLOT, original.public_id, language="fr"), {})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choisissez le fichier de la traduction." in body
    assert "Indiquez qui a traduit le document." in body
    assert "membre de sa famille" in body
    # Each message of the summary leads to its field, by the file it is about.
    for target in ("translation", "translator", "affidavit", "not_related"):
        assert f'href="#{target}-{original.public_id}"' in body
        assert f'id="{target}-{original.public_id}"' in body
    assert not Document.objects.filter(purpose=Purpose.TRANSLATION).exists()


@pytest.mark.django_db
def test_a_translation_by_a_family_member_is_refused(client, application, original):
    say_language(client, application, original, "no")
    response = post_translation(client, application, original, translator="fluent_person", affidavit="canada")
    assert response.status_code == 200
    assert "may not be done by the applicant or a member of their family" in response.content.decode()
    assert not Document.objects.filter(purpose=Purpose.TRANSLATION).exists()


@pytest.mark.django_db
def test_someone_else_cannot_answer_or_translate(client, application, original, django_user_model):
    other = django_user_model.objects.create_user(email="other@example.ca", password="x-Very-long-pass-123")
    client.force_login(other)
    assert say_language(client, application, original, "no").status_code == 404
    assert post_translation(client, application, original, translator="fluent_person", affidavit="canada", not_related="1").status_code == 404
    original.refresh_from_db()
    assert original.other_language is None


@pytest.mark.django_db
def test_removing_a_file_removes_its_translation(client, application, original):
    say_language(client, application, original, "no")
    post_translation(client, application, original, translator="canadian_certified_translator", affidavit="none", not_related="1")
    response = client.post(url("remove", application, SLOT, original.public_id))
    assert response.status_code == 302
    translated = Document.objects.get(purpose=Purpose.TRANSLATION)
    assert translated.state == DocumentState.REMOVED
    assert selectors.case_documents_for(application) == ()
