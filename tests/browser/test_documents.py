"""Uploading the photo and a PDF through the documents page, in English and in French,
with axe-core finding nothing on any page state (empty, error, warning, uploaded)."""

import datetime

import pytest
from playwright.sync_api import expect

from portique.documents.models import Document
from tests.conftest import PASSWORD
from tests.documents.files import image_bytes, pdf_bytes, portrait

TAKEN = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()

WORDS = {
    "en": {
        "overview_link": "Upload your documents",
        "h1": "Documents",
        "front": "Choose a file: Photo (front)",
        "replace_front": "Replace: Photo (front)",
        "back": "Choose a file: Photo (back)",
        "taken": "Date the photo was taken",
        "declaration": "Declaration:",
        "next": "Next: upload the photo",
        "upload": "Upload",
        "problem": "There is a problem",
        "not_a_document": "This file is not a PDF, JPEG or PNG file",
        "too_dark": "The photo looks too dark.",
        "confirmation": "Confirmation:",
        "anyway": "Upload this photo anyway",
        "uploaded": "was uploaded",
        "studio": "Photo studio's confirmation",
    },
    "fr": {
        "overview_link": "Téléverser vos documents",
        "h1": "Documents",
        "front": "Choisir un fichier\u00a0: Photo (recto)",
        "replace_front": "Remplacer\u00a0: Photo (recto)",
        "back": "Choisir un fichier\u00a0: Photo (verso)",
        "taken": "Date à laquelle la photo a été prise",
        "declaration": "Déclaration\u00a0:",
        "next": "Suivant\u00a0: téléverser la photo",
        "upload": "Téléverser",
        "problem": "Il y a un problème",
        "not_a_document": "Ce fichier n’est pas un fichier PDF, JPEG ou PNG",
        "too_dark": "La photo semble trop sombre.",
        "confirmation": "Confirmation\u00a0:",
        "anyway": "Téléverser cette photo tout de même",
        "uploaded": "a été téléversé",
        "studio": "Confirmation du studio de photographie",
    },
}


def file(name, mime, content):
    return {"name": name, "mimeType": mime, "buffer": content}


def sign_in(page, applicant):
    # As a person does it, through the sign-in form (its French labels are the accounts tests' business).
    page.goto("/en/account/login/")
    page.get_by_label("E-mail address", exact=True).fill(applicant.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_uploading_the_photo_and_a_pdf_through_the_page(page, assert_accessible, applicant, language):
    from portique.applications import services

    words = WORDS[language]
    application = services.application_start(actor=applicant, program="pr_card")
    sign_in(page, applicant)

    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("link", name=words["overview_link"]).click()
    assert page.get_by_role("heading", level=1).inner_text() == words["h1"]
    assert page.locator("html").get_attribute("lang") == f"{language}-CA"
    assert_accessible(page)

    front = page.locator("#item-0-PHOTO")
    # A text file named like a photo: refused at the field, with the error summary.
    front.get_by_label(words["front"]).set_input_files(file("photo.jpg", "image/jpeg", b"not a photo at all"))
    front.get_by_label(words["taken"]).fill(TAKEN)
    front.get_by_label(words["declaration"]).check()
    front.get_by_role("button", name=words["next"]).click()
    expect(page.get_by_role("heading", name=words["problem"])).to_be_visible()
    assert words["not_a_document"] in page.locator("#file-0-PHOTO-error").inner_text()
    assert_accessible(page)
    assert Document.objects.count() == 0

    # A dark photo: uploaded, then waits for "Confirmation".
    front = page.locator("#item-0-PHOTO")
    front.get_by_label(words["front"]).set_input_files(file("dark.jpg", "image/jpeg", image_bytes(portrait(brightness=0.35))))
    front.get_by_label(words["taken"]).fill(TAKEN)
    front.get_by_label(words["declaration"]).check()
    front.get_by_role("button", name=words["next"]).click()
    assert words["too_dark"] in page.locator("#item-0-PHOTO").inner_text()
    assert_accessible(page)

    # A good photo instead: it replaces the waiting one, no confirmation needed.
    front = page.locator("#item-0-PHOTO")
    front.get_by_label(words["front"]).set_input_files(file("portrait.png", "image/png", image_bytes(portrait(), "PNG")))
    front.get_by_label(words["taken"]).fill(TAKEN)
    front.get_by_label(words["declaration"]).check()
    front.get_by_role("button", name=words["next"]).click()
    assert words["uploaded"] in page.get_by_role("status").inner_text()
    front = page.locator("#item-0-PHOTO")
    expect(front.get_by_role("link", name="portrait.png")).to_be_visible()
    assert words["too_dark"] not in front.inner_text()
    expect(front.get_by_label(words["replace_front"])).to_be_visible()

    # The back of a digital photo: the studio's receipt, as a PDF.
    back = page.locator("#item-0-PHOTO_BACK")
    back.get_by_label(words["back"]).set_input_files(file("studio receipt.pdf", "application/pdf", pdf_bytes(1)))
    back.get_by_label(words["studio"]).check()
    back.get_by_role("button", name=words["upload"]).click()
    back = page.locator("#item-0-PHOTO_BACK")
    expect(back.get_by_role("link", name="studio receipt.pdf")).to_be_visible()
    assert_accessible(page)

    # Downloading gives back the very same bytes.
    with page.expect_download() as download_info:
        page.locator("#item-0-PHOTO_BACK").get_by_role("link", name="studio receipt.pdf").click()
    download = download_info.value
    # Named after what it is and its detected type, never the uploaded name (issue 16).
    assert download.suggested_filename == "photo-studio-confirmation.pdf"
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read()[:5] == b"%PDF-"

    states = sorted(Document.objects.values_list("item_code", "state"))
    assert states == [("PHOTO", "current"), ("PHOTO", "discarded"), ("PHOTO_BACK", "current")]


@pytest.mark.django_db(transaction=True)
def test_a_doubtful_photo_is_confirmed_through_the_page(page, assert_accessible, applicant):
    from portique.applications import services

    words = WORDS["fr"]
    application = services.application_start(actor=applicant, program="pr_card")
    sign_in(page, applicant)
    page.goto(f"/fr/applications/{application.public_id}/documents/")
    front = page.locator("#item-0-PHOTO")
    front.get_by_label(words["front"]).set_input_files(file("sombre.jpg", "image/jpeg", image_bytes(portrait(brightness=0.35))))
    front.get_by_label(words["taken"]).fill(TAKEN)
    front.get_by_label(words["declaration"]).check()
    front.get_by_role("button", name=words["next"]).click()
    front = page.locator("#item-0-PHOTO")
    front.get_by_label(words["confirmation"]).check()
    front.get_by_role("button", name=words["anyway"]).click()
    assert words["uploaded"] in page.get_by_role("status").inner_text()
    expect(page.locator("#item-0-PHOTO").get_by_role("link", name="sombre.jpg")).to_be_visible()
    assert_accessible(page)
    assert list(Document.objects.values_list("state", flat=True)) == ["current"]
