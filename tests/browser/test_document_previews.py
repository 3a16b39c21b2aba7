"""An officer reads the documents inside the file, in a real browser: each page of the
passport copy inline, labelled with what it is and whose it is, without downloading it;
a file that cannot be previewed says so and keeps its download link. English and French,
axe on each page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_officer import sign_in
from tests.casework.factories import submitted_application
from tests.casework.previews import blank_pdf, drawn_pdf, passport_of, replace_file
from tests.conftest import _officer

TEXT = {
    "en": {
        "heading": "Valid passport or travel document — Alex Marie Tremblay",
        "alt": "Page {n} of 3 of Valid passport or travel document — Alex Marie Tremblay",
        "download": "Download “passport.pdf”",
        "refused": "This document cannot be previewed; download it.",
    },
    "fr": {
        "heading": "Passeport ou titre de voyage valide — Alex Marie Tremblay",
        "alt": "Page {n} sur 3 de Passeport ou titre de voyage valide — Alex Marie Tremblay",
        "download": "Télécharger « passport.pdf »",
        "refused": "Ce document ne peut pas être affiché ici ; téléchargez-le.",
    },
}


def _loaded(page, image) -> None:
    """The image has arrived and decoded (a lazy image once scrolled to)."""
    image.scroll_into_view_if_needed()
    page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=image.element_handle())


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_officer_reads_the_passport_copy_page_by_page_inside_the_file(
    page, live_server, assert_accessible, applicant, language
):
    text = TEXT[language]
    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    application = submitted_application(applicant)
    passport = replace_file(passport_of(application), drawn_pdf(3), pages=3)
    type(passport).objects.filter(pk=passport.pk).update(original_name="passport.pdf")
    downloads = []
    page.on("download", lambda download: downloads.append(download))

    sign_in(page, live_server, officer)
    page.goto(f"/{language}/officer/files/{application.public_id}/")
    section = page.get_by_role("region", name=text["heading"])
    expect(section.get_by_role("heading", level=3, name=text["heading"])).to_be_visible()
    for number in (1, 2, 3):
        image = section.get_by_role("img", name=text["alt"].format(n=number), exact=True)
        _loaded(page, image)
        expect(image).to_be_visible()
    # The pages are the document's own, rendered by the server at a readable size.
    sizes = section.locator("img").evaluate_all("images => images.map(i => [i.naturalWidth, i.naturalHeight])")
    assert len(sizes) == 3 and all(width >= 1000 and height > width for width, height in sizes)
    expect(section.get_by_role("link", name=text["download"])).to_be_visible()
    assert downloads == []
    assert_accessible(page)

    # The screening page shows the same pages where the officer examines the file.
    page.goto(f"/{language}/officer/files/{application.public_id}/screening/")
    image = page.get_by_role("img", name=text["alt"].format(n=2), exact=True)
    _loaded(page, image)
    assert downloads == []
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_document_that_cannot_be_previewed_says_so_and_keeps_its_download(
    page, live_server, assert_accessible, applicant, language
):
    text = TEXT[language]
    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    application = submitted_application(applicant)
    passport = replace_file(passport_of(application), blank_pdf(1, width=14_400, height=14_400), pages=1)
    type(passport).objects.filter(pk=passport.pk).update(original_name="passport.pdf")

    sign_in(page, live_server, officer)
    page.goto(f"/{language}/officer/files/{application.public_id}/")
    section = page.get_by_role("region", name=text["heading"])
    # The first look finds out (the page's image is refused); the message takes the pages' place.
    section.scroll_into_view_if_needed()
    expect(section.get_by_text(text["refused"])).to_be_visible()
    expect(section.get_by_role("img")).to_have_count(0)
    expect(section.get_by_role("link", name=text["download"])).to_be_visible()
    assert_accessible(page)
    # The next visit says it straight away, from the server.
    page.reload()
    expect(page.get_by_role("region", name=text["heading"]).get_by_text(text["refused"])).to_be_visible()
    assert_accessible(page)
