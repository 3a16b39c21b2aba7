"""The sponsorship photo's print on the documents page, in English and in French, axe-clean: the
sponsor uploads the principal applicant's photo with a width that is not a number (refused at its
field, nothing stored), then with the print as measured — a 38 mm face — and the rules warn."""

import pytest
from playwright.sync_api import expect

from portique.applications.services import application_evaluate
from portique.documents.models import Document
from tests import sponsorship_journey as sj
from tests.browser.test_payments import sign_in
from tests.documents.files import image_bytes, portrait
from tests.documents.test_sponsorship_photo_print import pa_photo_item

WORDS = {
    "en": {
        "legend": "The printed photo, as measured (Appendix C)",
        "width": "Width of the print (mm)",
        "height": "Height of the print (mm)",
        "face": "Height of the face, chin to crown (mm)",
        "name": "Does the back show the person’s name and date of birth?",
        "studio": "Does the back show the studio’s name and full address?",
        "date": "Does the back show the date the photo was taken?",
        "professional": "Did a professional photographer take the photo?",
        "marking": "How was the information put on the back?",
        "stamp": "A stamp",
        "yes": "Yes",
        "taken": "Date the photo was taken",
        "declaration": "Declaration:",
        "next": "Next: upload the photo",
        "not_a_number": "Enter the width in millimetres as a number, for example 50.",
    },
    "fr": {
        "legend": "La photo imprimée, telle que mesurée (appendice C)",
        "width": "Largeur de la photo imprimée (mm)",
        "height": "Hauteur de la photo imprimée (mm)",
        "face": "Hauteur du visage, du menton au sommet de la tête (mm)",
        "name": "Le verso porte-t-il le nom et la date de naissance de la personne\u00a0?",
        "studio": "Le verso porte-t-il le nom et l’adresse au long du studio\u00a0?",
        "date": "Le verso porte-t-il la date à laquelle la photo a été prise\u00a0?",
        "professional": "La photo a-t-elle été prise par un photographe professionnel\u00a0?",
        "marking": "Comment les renseignements ont-ils été inscrits au verso\u00a0?",
        "stamp": "Une estampille",
        "yes": "Oui",
        "taken": "Date à laquelle la photo a été prise",
        "declaration": "Déclaration\u00a0:",
        "next": "Suivant\u00a0: téléverser la photo",
        "not_a_number": "Entrez la largeur en millimètres sous forme de nombre, par exemple 50.",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_sponsor_gives_the_print_s_measures_with_the_photo(page, live_server, assert_accessible, applicant, language):
    words = WORDS[language]
    application = sj.spouse_with_children(applicant)
    slot = pa_photo_item(application).slot
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/{application.public_id}/documents/")
    form = page.locator("form", has=page.locator(f"#width_mm-{slot}"))
    expect(form.get_by_role("group", name=words["legend"])).to_be_visible()
    assert_accessible(page)

    def fill(width):
        form = page.locator("form", has=page.locator(f"#width_mm-{slot}"))
        form.locator("input[type=file]").set_input_files(
            files=[{"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": image_bytes(portrait())}]
        )
        form.get_by_label(words["width"]).fill(width)
        form.get_by_label(words["height"]).fill("70")
        form.get_by_label(words["face"]).fill("38")
        for question in ("name", "studio", "date", "professional"):
            form.get_by_role("group", name=words[question]).get_by_label(words["yes"], exact=True).check()
        form.get_by_role("group", name=words["marking"]).get_by_label(words["stamp"], exact=True).check()
        form.get_by_label(words["taken"]).fill(sj.TODAY.replace(day=1).isoformat())
        form.get_by_label(words["declaration"]).check()
        form.get_by_role("button", name=words["next"]).click()

    fill("fifty")
    expect(page.get_by_role("alert").get_by_text(words["not_a_number"])).to_be_visible()
    assert not Document.objects.filter(application=application).exists()
    assert_accessible(page)

    fill("50")
    expect(page.get_by_role("alert")).to_have_count(0)
    document = Document.objects.get(application=application, person_position=1)
    assert document.print_facts["face_height_mm"] == "38"
    assert_accessible(page)
    if document.state == "current":
        evaluation = application_evaluate(application=application, on=sj.TODAY)
        assert "SPONSORSHIP_PHOTO_FACE_HEIGHT" in {r.code for r in evaluation.findings if r.subject == "p1/documents/PHOTO"}
