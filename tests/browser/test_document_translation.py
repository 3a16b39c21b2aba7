"""A document in another language and its translation, through the documents page (X-01),
with axe-core finding nothing in any state (asked, refused, translated)."""

import datetime

import pytest
from playwright.sync_api import expect

from portique.documents import selectors
from portique.documents.choices import ItemKind, Purpose
from portique.documents.models import Document
from tests.browser.test_documents import file, sign_in
from tests.documents.files import pdf_bytes
from tests.rules.forms.test_imm5444_validation import complete_answers


@pytest.mark.django_db(transaction=True)
def test_a_document_in_another_language_gets_its_translation(page, assert_accessible, applicant):
    from portique.applications import services

    application = services.application_start(actor=applicant, program="pr_card")
    person = application.people.get()
    person.answers = {"IMM5444": complete_answers()}
    person.save()
    item = next(
        i for i in selectors.checklist_for(application, datetime.date.today()) if i.kind == ItemKind.DOCUMENT
    )
    sign_in(page, applicant)
    page.goto(f"/en/applications/{application.public_id}/documents/")
    row = page.locator(f"#item-{item.slot}")
    row.locator("input[type=file][name=file]").set_input_files(file("acte.pdf", "application/pdf", pdf_bytes(1)))
    row.locator("button[type=submit]").filter(has_text="Upload").first.click()
    page.wait_for_load_state()
    original = Document.objects.get(purpose=Purpose.EVIDENCE)

    row = page.locator(f"#item-{item.slot}")
    row.get_by_label("No, it is in another language").check()
    row.get_by_role("button", name="Save the language").click()
    page.wait_for_load_state()
    row = page.locator(f"#item-{item.slot}")
    assert "This document is in neither English nor French" in row.inner_text()
    assert_accessible(page)

    # Without the translator's answers: refused, each message at its field.
    row.get_by_role("button", name="Upload the translation").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert "Say who translated the document." in page.locator(f"#translator-{original.public_id}-error").inner_text()
    assert_accessible(page)

    row = page.locator(f"#item-{item.slot}")
    row.get_by_label("Translation of “acte.pdf”").set_input_files(
        file("translation.pdf", "application/pdf", pdf_bytes(1))
    )
    row.get_by_label("A certified translator in Canada").check()
    row.get_by_label("No affidavit").check()
    row.get_by_label("The translator is neither the applicant nor a member of the applicant’s family.").check()
    row.get_by_role("button", name="Upload the translation").click()
    page.wait_for_load_state()
    row = page.locator(f"#item-{item.slot}")
    expect(row.get_by_role("link", name="translation.pdf")).to_be_visible()
    assert "The translation meets the rules" in row.inner_text()
    assert_accessible(page)
    assert Document.objects.filter(purpose=Purpose.TRANSLATION, translation_of=original).count() == 1
