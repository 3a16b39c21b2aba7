import datetime
import hashlib
import os

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.http import Http404
from PIL import Image

from portique.applications.models import Application
from portique.documents import selectors, services
from portique.documents.choices import DocumentState, EventKind
from portique.documents.models import Document, DocumentEvent, Explanation

from .conftest import TODAY
from .files import image_bytes, noise_png, pdf_bytes, portrait, upload

RECENT = TODAY - datetime.timedelta(days=30)


def item(application, code, position=0):
    return selectors.item_in(selectors.checklist_for(application, TODAY), code=code, position=position)


def upload_photo(applicant, application, content, name="photo.jpg", **extra):
    options = {"declaration": True, "taken_on": RECENT, **extra}
    return services.document_upload(
        actor=applicant,
        public_id=application.public_id,
        item=item(application, "PHOTO"),
        upload=upload(name, content, "image/jpeg"),
        on=TODAY,
        **options,
    )


def upload_document(applicant, application, name, content, code="proof_of_residency", declared="application/pdf"):
    return services.document_upload(
        actor=applicant,
        public_id=application.public_id,
        item=item(application, code),
        upload=upload(name, content, declared),
        on=TODAY,
    )


def refused_codes(excinfo) -> set[str]:
    return {problem.code for problem in excinfo.value.problems}


def stored_files() -> list[str]:
    found = []
    for root, _dirs, files in os.walk(default_storage.location):
        found += [os.path.join(root, name) for name in files]
    return found


@pytest.fixture(autouse=True)
def empty_storage():
    # Each test starts with no stored file, so "nothing was stored" can be checked.
    for path in stored_files():
        os.remove(path)


# --- Files that are what they say --------------------------------------------------


@pytest.mark.django_db
def test_a_real_pdf_is_stored_privately_with_its_hash_pages_and_uploader(applicant, application, rules_checklist):
    content = pdf_bytes(pages=3)
    document = upload_document(applicant, application, "bank statement.pdf", content).document
    assert document.state == DocumentState.CURRENT
    assert (document.content_type, document.page_count, document.size) == ("application/pdf", 3, len(content))
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.original_name == "bank statement.pdf"
    assert document.uploaded_by == applicant and document.uploaded_at is not None
    # Stored under a random name, nothing of the person's file name in it.
    assert "bank" not in document.file.name and len(os.path.basename(document.file.name)) >= 40
    with document.file.open("rb") as stored:
        assert stored.read() == content
    assert DocumentEvent.objects.filter(document=document, kind=EventKind.UPLOADED, actor=applicant).exists()


@pytest.mark.django_db
def test_a_png_named_pdf_is_taken_for_what_it_is_a_png(applicant, application, rules_checklist):
    document = upload_document(applicant, application, "scan.pdf", image_bytes(portrait(), "PNG")).document
    assert document.content_type == "image/png"
    assert (document.width, document.height) == (900, 1200)
    assert document.file.name.endswith(".png")


@pytest.mark.django_db
def test_a_well_taken_photo_is_uploaded_without_warnings(applicant, application):
    uploaded = upload_photo(applicant, application, image_bytes(portrait()))
    assert uploaded.warnings == ()
    assert uploaded.document.state == DocumentState.CURRENT
    assert uploaded.document.declaration_accepted is True


@pytest.mark.django_db
def test_a_hash_is_computed_in_chunks_from_a_file_spooled_to_disk(applicant, application, rules_checklist):
    content = pdf_bytes(pages=1) + b"%" + os.urandom(700_000)  # bigger than FILE_UPLOAD_MAX_MEMORY_SIZE
    spooled = TemporaryUploadedFile("big.pdf", "application/pdf", len(content), None)
    spooled.write(content)
    spooled.seek(0)
    document = services.document_upload(
        actor=applicant, public_id=application.public_id, item=item(application, "proof_of_residency"), upload=spooled, on=TODAY
    ).document
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    with document.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == document.sha256
    spooled.close()  # the storage moved the spooled file into place; nothing is left to delete


# --- Files that lie, or are damaged or dangerous: refused, nothing stored --------------


def assert_nothing_stored():
    assert Document.objects.count() == 0
    assert DocumentEvent.objects.count() == 0
    assert stored_files() == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("passport.jpg", b"This is only text, whatever the name says.\n" * 20, "not_a_document"),
        ("passport.pdf", b"PK\x03\x04 a zip archive, not a PDF", "not_a_document"),
        ("truncated.jpg", image_bytes(portrait())[:20_000], "not_a_document"),
        ("broken.pdf", b"%PDF-1.7\n% a header and nothing else\n", "not_a_document"),
        ("locked.pdf", pdf_bytes(password="secret"), "pdf_encrypted"),
        ("script.pdf", pdf_bytes(javascript="app.alert('hello')"), "pdf_active_content"),
        ("page-action.pdf", pdf_bytes(page_action=True), "pdf_active_content"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_a_file_that_is_not_a_sound_pdf_jpeg_or_png_is_refused(applicant, application, rules_checklist, name, content, code):
    with pytest.raises(services.DocumentError) as refused:
        upload_document(applicant, application, name, content, declared="image/jpeg")
    assert refused_codes(refused) == {code}
    problem = refused.value.problems[0]
    assert problem.field == "file"
    assert problem.message("en") and problem.message("fr") and problem.message("en") != problem.message("fr")
    assert_nothing_stored()


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused_before_it_is_decoded(applicant, application, rules_checklist):
    bomb = image_bytes(Image.new("1", (10_000, 10_000)), "PNG")  # a few kilobytes, 100 million pixels
    assert len(bomb) < 100_000
    with pytest.raises(services.DocumentError) as refused:
        upload_document(applicant, application, "bomb.png", bomb)
    assert refused_codes(refused) == {"image_too_many_pixels"}
    assert_nothing_stored()


@pytest.mark.django_db
def test_the_photo_takes_only_images(applicant, application):
    with pytest.raises(services.DocumentError) as refused:
        upload_photo(applicant, application, pdf_bytes(), name="photo.pdf")
    assert refused_codes(refused) == {"type_not_accepted"}
    assert_nothing_stored()


# --- The photo's numbers (from the rules) ---------------------------------------------


@pytest.mark.django_db
def test_a_photo_over_the_size_limit_is_refused(applicant, application):
    content = noise_png(1200, 1600)
    assert len(content) > 4_000_000
    with pytest.raises(services.DocumentError) as refused:
        upload_photo(applicant, application, content, name="photo.png")
    assert refused_codes(refused) == {"too_large"}
    assert "4 MB" in refused.value.problems[0].message("en")
    assert_nothing_stored()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [(600, 800), (715, 999), (2100, 2900)])
def test_a_photo_outside_715x1000_to_2000x2800_pixels_is_refused(applicant, application, size):
    with pytest.raises(services.DocumentError) as refused:
        upload_photo(applicant, application, image_bytes(portrait(*size)))
    assert refused_codes(refused) == {"photo_resolution_out_of_range"}
    message = refused.value.problems[0].message("fr")
    assert f"{size[0]} × {size[1]} pixels" in message and "715 × 1000" in message
    assert_nothing_stored()


@pytest.mark.django_db
def test_the_limits_themselves_are_accepted(applicant, application):
    smallest = upload_photo(applicant, application, image_bytes(portrait(715, 1000))).document
    largest = upload_photo(applicant, application, image_bytes(portrait(2000, 2800))).document
    assert (smallest.width, smallest.height, largest.width, largest.height) == (715, 1000, 2000, 2800)


@pytest.mark.django_db
def test_the_exif_orientation_is_applied_before_the_dimensions_are_checked(applicant, application):
    # Stored sideways (1200 × 900) with "rotate 90°" in its EXIF: shown upright, 900 × 1200.
    sideways = portrait().rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    document = upload_photo(applicant, application, image_bytes(sideways, exif=exif.tobytes())).document
    assert (document.width, document.height) == (900, 1200)


# --- Declaration, warnings and Confirmation (IMM 5445 — Step 1) ---------------------------


@pytest.mark.django_db
def test_the_photo_needs_the_declaration_and_the_date_it_was_taken(applicant, application):
    with pytest.raises(services.DocumentError) as refused:
        upload_photo(applicant, application, image_bytes(portrait()), declaration=False, taken_on=None)
    fields = {problem.field for problem in refused.value.problems}
    assert fields == {"declaration", "taken_on"}
    assert "Déclaration" in next(p for p in refused.value.problems if p.field == "declaration").message("fr")
    assert_nothing_stored()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("photo", "warning"),
    [
        (portrait(brightness=0.35), "PHOTO_TOO_DARK"),
        (portrait(background=(40, 90, 200)), "PHOTO_BACKGROUND_NOT_WHITE"),
        (portrait(face=False), "PHOTO_FACE_NOT_FOUND"),
        (portrait(centre=0.28), "PHOTO_FACE_NOT_CENTRED"),
    ],
)
def test_a_doubtful_photo_waits_for_confirmation(applicant, application, photo, warning):
    uploaded = upload_photo(applicant, application, image_bytes(photo))
    assert warning in {reason.code for reason in uploaded.warnings}
    assert uploaded.needs_confirmation and uploaded.document.state == DocumentState.PENDING
    assert warning in {stored["code"] for stored in uploaded.document.warnings}
    # Not part of the application until confirmed.
    assert selectors.case_documents_for(application) == ()


@pytest.mark.django_db
def test_a_photo_older_than_12_months_is_a_warning_from_the_rules(applicant, application):
    uploaded = upload_photo(applicant, application, image_bytes(portrait()), taken_on=TODAY - datetime.timedelta(days=500))
    assert [reason.code for reason in uploaded.warnings] == ["PHOTO_OLDER_THAN_12_MONTHS"]
    assert uploaded.needs_confirmation


@pytest.mark.django_db
def test_confirming_a_dark_photo_replaces_the_previous_photo(applicant, application):
    first = upload_photo(applicant, application, image_bytes(portrait()), name="first.jpg").document
    dark = upload_photo(applicant, application, image_bytes(portrait(brightness=0.35)), name="dark.jpg").document
    first.refresh_from_db()
    assert first.state == DocumentState.CURRENT  # a pending photo replaces nothing yet
    photo = item(application, "PHOTO")
    with pytest.raises(services.DocumentError) as refused:
        services.document_confirm(actor=applicant, public_id=application.public_id, document_id=dark.public_id, item=photo, confirmation=False)
    assert refused.value.problems[0].field == "confirmation"
    services.document_confirm(actor=applicant, public_id=application.public_id, document_id=dark.public_id, item=photo, confirmation=True)
    first.refresh_from_db()
    dark.refresh_from_db()
    assert (first.state, first.replaced_by, dark.state) == (DocumentState.SUPERSEDED, dark, DocumentState.CURRENT)
    assert dark.confirmed_at is not None
    kinds = list(DocumentEvent.objects.values_list("kind", flat=True))
    assert kinds == [EventKind.UPLOADED, EventKind.WARNED, EventKind.CONFIRMED, EventKind.REPLACED]


@pytest.mark.django_db
def test_a_new_photo_replaces_the_previous_one_which_is_kept_but_not_served(applicant, application):
    first = upload_photo(applicant, application, image_bytes(portrait()), name="first.jpg").document
    second = upload_photo(applicant, application, image_bytes(portrait(1000, 1400)), name="second.jpg").document
    first.refresh_from_db()
    assert first.state == DocumentState.SUPERSEDED and first.replaced_by == second
    assert default_storage.exists(first.file.name)
    current = Document.objects.filter(application=application, item_code="PHOTO", state=DocumentState.CURRENT)
    assert list(current) == [second]
    with pytest.raises(Http404):
        selectors.document_for_download(actor=applicant, public_id=application.public_id, document_id=first.public_id)
    assert selectors.document_for_download(actor=applicant, public_id=application.public_id, document_id=second.public_id) == second


@pytest.mark.django_db
def test_an_item_that_takes_several_files_keeps_them_all(applicant, application, rules_checklist):
    upload_document(applicant, application, "lease.pdf", pdf_bytes(1))
    upload_document(applicant, application, "notice.pdf", pdf_bytes(2))
    rows = selectors.item_rows(application, selectors.checklist_for(application, TODAY))
    residency = next(row for row in rows if row.item.code == "proof_of_residency")
    assert [d.original_name for d in residency.documents] == ["lease.pdf", "notice.pdf"]


@pytest.mark.django_db
def test_a_removed_file_is_no_longer_part_of_the_application(applicant, application, rules_checklist):
    document = upload_document(applicant, application, "lease.pdf", pdf_bytes(1)).document
    services.document_remove(
        actor=applicant, public_id=application.public_id, document_id=document.public_id, item=item(application, "proof_of_residency")
    )
    document.refresh_from_db()
    assert document.state == DocumentState.REMOVED
    assert selectors.case_documents_for(application) == ()


# --- Items that several kinds of document satisfy ----------------------------------------


@pytest.mark.django_db
def test_a_file_for_an_item_with_alternatives_says_which_document_it_is(applicant, application, rules_checklist):
    identity = item(application, "PRIMARY_IDENTITY_DOCUMENT")
    assert identity.document_types == ("PASSPORT_OR_TRAVEL_DOCUMENT", "PASSPORT_HELD_ON_BECOMING_PR", "IDENTITY_CERTIFICATE")
    assert identity.explanation_allowed is False  # the rules' may_explain_instead
    for chosen in (None, "MARRIAGE_CERTIFICATE"):
        with pytest.raises(services.DocumentError) as refused:
            services.document_upload(
                actor=applicant, public_id=application.public_id, item=identity,
                upload=upload("passport.pdf", pdf_bytes(1)), on=TODAY, document_type=chosen,
            )
        assert [(p.code, p.field) for p in refused.value.problems] == [("document_type_missing", "document_type")]
    assert_nothing_stored()
    services.document_upload(
        actor=applicant, public_id=application.public_id, item=identity,
        upload=upload("passport.pdf", pdf_bytes(1)), on=TODAY, document_type="IDENTITY_CERTIFICATE",
    )
    upload_document(applicant, application, "lease.pdf", pdf_bytes(1))
    upload_document(applicant, application, "notice.pdf", pdf_bytes(1))
    # What the rules' missing_documents() counts: the kind of document, not the item.
    assert selectors.provided_document_codes(application) == {"IDENTITY_CERTIFICATE": 1, "proof_of_residency": 2}


@pytest.mark.django_db
def test_the_back_of_a_digital_photo_may_be_the_studios_receipt(applicant, application):
    back = item(application, "PHOTO_BACK")
    document = services.document_upload(
        actor=applicant, public_id=application.public_id, item=back, upload=upload("receipt.pdf", pdf_bytes(1)),
        on=TODAY, document_type="PHOTO_STUDIO_CONFIRMATION",
    ).document
    assert (document.document_type, document.content_type) == ("PHOTO_STUDIO_CONFIRMATION", "application/pdf")


# --- "Cannot provide" -----------------------------------------------------------------------


@pytest.mark.django_db
def test_cannot_provide_with_a_text_or_a_letter(applicant, application, rules_checklist):
    identity = item(application, "primary_identity")
    with pytest.raises(services.DocumentError) as refused:
        services.item_explain(actor=applicant, public_id=application.public_id, item=identity, text="  ", on=TODAY)
    assert refused.value.problems[0].field == "text"
    explanation = services.item_explain(
        actor=applicant, public_id=application.public_id, item=identity, text="My passport was stolen.", on=TODAY
    )
    assert [(d.code, d.explanation_only) for d in selectors.case_documents_for(application)] == [("primary_identity", True)]
    # A letter replaces the first explanation.
    second = services.item_explain(
        actor=applicant, public_id=application.public_id, item=identity, text="", letter=upload("letter.pdf", pdf_bytes(1)), on=TODAY
    )
    explanation.refresh_from_db()
    assert explanation.withdrawn_at is not None
    assert second.letter.purpose == "explanation" and second.letter.page_count == 1
    assert services.item_explanation_withdraw(actor=applicant, public_id=application.public_id, item=identity) is True
    assert Explanation.objects.filter(withdrawn_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_a_letter_that_lies_about_its_type_is_refused_at_the_letter_field(applicant, application, rules_checklist):
    with pytest.raises(services.DocumentError) as refused:
        services.item_explain(
            actor=applicant, public_id=application.public_id, item=item(application, "primary_identity"),
            text="", letter=upload("letter.pdf", b"just text"), on=TODAY,
        )
    assert [(p.code, p.field) for p in refused.value.problems] == [("not_a_document", "letter")]
    assert Explanation.objects.count() == 0
    assert_nothing_stored()


@pytest.mark.django_db
def test_the_photo_cannot_be_explained_away(applicant, application):
    with pytest.raises(services.DocumentError):
        services.item_explain(
            actor=applicant, public_id=application.public_id, item=item(application, "PHOTO"), text="No photo.", on=TODAY
        )


# --- Who may, and when ------------------------------------------------------------------


@pytest.mark.django_db
def test_nobody_but_the_owner_can_upload_confirm_remove_explain_or_download(
    applicant, application, other_applicant, representative, officer
):
    mine = upload_photo(applicant, application, image_bytes(portrait())).document
    pending = upload_photo(applicant, application, image_bytes(portrait(brightness=0.3))).document
    photo = item(application, "PHOTO")
    before = (Document.objects.count(), DocumentEvent.objects.count(), len(stored_files()))
    for outsider in (other_applicant, representative, officer):
        with pytest.raises(Http404):
            services.document_upload(
                actor=outsider, public_id=application.public_id, item=photo, upload=upload("p.jpg", image_bytes(portrait())),
                on=TODAY, declaration=True, taken_on=RECENT,
            )
        with pytest.raises(Http404):
            services.document_confirm(actor=outsider, public_id=application.public_id, document_id=pending.public_id, item=photo, confirmation=True)
        with pytest.raises(Http404):
            services.document_remove(actor=outsider, public_id=application.public_id, document_id=mine.public_id, item=photo)
        with pytest.raises(Http404):
            services.item_explain(actor=outsider, public_id=application.public_id, item=photo, text="x", on=TODAY)
        with pytest.raises(Http404):
            selectors.document_for_download(actor=outsider, public_id=application.public_id, document_id=mine.public_id)
    assert (Document.objects.count(), DocumentEvent.objects.count(), len(stored_files())) == before


@pytest.mark.django_db
def test_a_document_of_another_application_is_not_found_through_mine(applicant, application, other_applicant):
    from portique.applications import services as application_services

    theirs = application_services.application_start(actor=other_applicant, program="pr_card")
    their_photo = upload_photo(other_applicant, theirs, image_bytes(portrait())).document
    with pytest.raises(Http404):
        selectors.document_for_download(actor=applicant, public_id=application.public_id, document_id=their_photo.public_id)


@pytest.mark.django_db
def test_after_submission_documents_can_no_longer_change(applicant, application):
    Application.objects.filter(pk=application.pk).update(status="submitted")
    with pytest.raises(services.DocumentError) as refused:
        upload_photo(applicant, application, image_bytes(portrait()))
    assert refused_codes(refused) == {"not_editable"}
    assert_nothing_stored()


@pytest.mark.django_db
def test_a_truncated_photo_is_refused_even_after_the_pdf_renderer_was_loaded(applicant, application, rules_checklist):
    # WeasyPrint turns on Pillow's "load truncated images" for the whole process when imported.
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = True
    with pytest.raises(services.DocumentError) as refused:
        upload_photo(applicant, application, image_bytes(portrait())[:20_000], name="cut.jpg")
    assert refused_codes(refused) == {"not_a_document"}
