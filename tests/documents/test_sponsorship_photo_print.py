"""A sponsorship photo is a print scanned front and back (IMM 5289 Appendix C): its upload asks the
print's measures and what its back shows, refuses what is missing or impossible in both languages,
and the rules' case carries them so the Appendix C check (SP-190) runs on the portal's file."""

from dataclasses import replace
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from portique.applications.services import application_evaluate
from portique.documents import selectors, services
from portique.documents.choices import ItemKind
from portique.documents.models import Document
from tests import sponsorship_journey as sj
from tests.journey import MEASURED_PRINT

from .files import image_bytes, portrait, upload


def pa_photo_item(application):
    return next(
        item
        for item in selectors.checklist_for(application, sj.TODAY)
        if item.kind == ItemKind.PHOTO and item.person_position == 1
    )


def upload_print(applicant, application, facts):
    return services.document_upload(
        actor=applicant,
        public_id=application.public_id,
        item=pa_photo_item(application),
        upload=upload("photo.jpg", image_bytes(portrait())),
        on=sj.TODAY,
        declaration=True,
        taken_on=sj.TODAY.replace(day=1),
        print_facts=facts,
    )


@pytest.mark.django_db
def test_a_print_as_appendix_c_asks_is_kept_and_the_rules_find_it_compliant(applicant):
    application = sj.spouse_with_children(applicant)
    uploaded = upload_print(applicant, application, MEASURED_PRINT)
    if uploaded.needs_confirmation:
        services.document_confirm(
            actor=applicant, public_id=application.public_id, document_id=uploaded.document.pk,
            item=pa_photo_item(application), confirmation=True,
        )
    document = Document.objects.get(pk=uploaded.document.pk)
    assert document.print_facts["face_height_mm"] == "34"
    assert document.taken_on == sj.TODAY.replace(day=1)
    evaluation = application_evaluate(application=application, on=sj.TODAY)
    (entry,) = [e for e in evaluation.details["photos"] if e["person"] == "p1"]
    assert entry["compliant"] is True


@pytest.mark.django_db
def test_a_38_mm_face_and_a_sticker_are_what_the_rules_warn_about(applicant):
    application = sj.spouse_with_children(applicant)
    uploaded = upload_print(applicant, application, replace(MEASURED_PRINT, face_height_mm=Decimal("38"), marking="sticker"))
    if uploaded.needs_confirmation:
        services.document_confirm(
            actor=applicant, public_id=application.public_id, document_id=uploaded.document.pk,
            item=pa_photo_item(application), confirmation=True,
        )
    evaluation = application_evaluate(application=application, on=sj.TODAY)
    codes = {r.code for r in evaluation.findings if r.subject == "p1/documents/PHOTO"}
    assert {"SPONSORSHIP_PHOTO_FACE_HEIGHT", "PHOTO_BACK_STICKER_NOT_ACCEPTED"} <= codes


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("facts", "field", "english", "french"),
    [
        (
            replace(MEASURED_PRINT, width_mm=None),
            "width_mm",
            "Enter the width of the printed photo in millimetres, for example 50.",
            "Entrez la largeur de la photo imprimée en millimètres, par exemple 50.",
        ),
        (
            replace(MEASURED_PRINT, face_height_mm=Decimal("340")),
            "face_height_mm",
            "Measure the printed photo again: a size in millimetres is between 1 and 300.",
            "Mesurez de nouveau la photo imprimée\u00a0: une dimension en millimètres se situe entre 1 et 300.",
        ),
        (
            replace(MEASURED_PRINT, marking="glue"),
            "marking",
            "Say how the information on the back was put there.",
            "Indiquez comment les renseignements ont été inscrits au verso.",
        ),
        (
            None,
            "date_taken",
            "Say whether the back shows the date the photo was taken.",
            "Indiquez si le verso porte la date à laquelle la photo a été prise.",
        ),
    ],
)
def test_a_missing_or_impossible_measure_is_refused_in_both_languages_and_nothing_is_stored(
    applicant, facts, field, english, french
):
    application = sj.spouse_with_children(applicant)
    with pytest.raises(services.DocumentError) as refused:
        upload_print(applicant, application, facts)
    messages = [p for p in refused.value.problems if p.field == field]
    assert [p.message("en") for p in messages] == [english]
    with translation.override("fr"):
        assert [p.message("fr") for p in messages] == [french]
    assert not Document.objects.filter(application=application).exists()


@pytest.mark.django_db
def test_the_page_asks_the_print_and_refuses_a_width_that_is_not_a_number(client, applicant):
    application = sj.spouse_with_children(applicant)
    item = pa_photo_item(application)
    client.force_login(applicant)
    page = reverse("documents:index", args=[application.public_id])
    assert "Width of the print (mm)" in client.get(page).content.decode()
    response = client.post(
        reverse("documents:upload", args=[application.public_id, item.slot]),
        {"width_mm": "fifty", "taken_on": "2026-01-01", "declaration": "1"},
    )
    assert "Enter the width in millimetres as a number, for example 50." in response.content.decode()
    assert "Largeur de la photo imprimée (mm)" in client.get("/fr" + page[3:]).content.decode()
    assert not Document.objects.filter(application=application).exists()
