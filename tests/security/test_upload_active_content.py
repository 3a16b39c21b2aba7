"""Attack: a file that acts when an officer opens it, or that exhausts the server.

Every upload goes through one inspection (portique.uploads.inspection). It refuses
active content wherever a PDF viewer looks for it — the catalogue, each page, each
annotation and form field, the name trees — and bombs: PDF streams that inflate past a
total budget, and images past the pixel budget, both found before decoding. The
representative's identity document used to have its own weaker check, which let a
page action, a JavaScript link and a launch action through to the officer.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portique.accounts.models import RepresentativeProfile, User
from portique.documents.items import ANY_DOCUMENT
from portique.uploads import inspection
from portique.uploads.inspection import UploadRejected, inspect

from . import hostile_files
from .conftest import representative_form


def refusal(content: bytes) -> str | None:
    """The inspection's refusal code for ``content``, or None when it is accepted."""
    try:
        inspect(SimpleUploadedFile("file", content), accepts=ANY_DOCUMENT)
    except UploadRejected as refused:
        return refused.problems[0].code
    return None


@pytest.mark.parametrize("make", hostile_files.ACTIVE_PDFS.values(), ids=hostile_files.ACTIVE_PDFS.keys())
def test_active_content_anywhere_in_a_pdf_is_refused(make):
    assert refusal(make()) == "pdf_active_content"


def test_plain_pdfs_and_ordinary_web_links_are_accepted():
    assert refusal(hostile_files.plain_pdf(pages=3)) is None
    assert refusal(hostile_files.web_link()) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        hostile_files.page_additional_action_javascript,
        hostile_files.link_annotation_javascript,
        hostile_files.launch_action,
        hostile_files.javascript_uri_link,
    ],
)
def test_a_representatives_identity_document_with_active_content_never_reaches_an_officer(client, make):
    response = client.post("/en/account/representative/signup/", representative_form(document=make()))
    assert response.status_code == 200
    assert "scripts, automatic actions or attached files" in response.content.decode()
    assert not User.objects.filter(email="new.rep@example.ca").exists()
    assert not RepresentativeProfile.objects.exists()


def test_a_pdf_whose_content_inflates_to_150_mb_is_refused():
    bomb = hostile_files.pdf_bomb(streams=1, inflated_mb_each=150)
    assert len(bomb) < 500_000
    assert refusal(bomb) == "pdf_too_much_content"


def test_the_inflation_budget_counts_every_stream_together():
    # Each stream alone is within the budget; the three together are not.
    assert refusal(hostile_files.pdf_bomb(streams=3, inflated_mb_each=40)) == "pdf_too_much_content"
    assert refusal(hostile_files.pdf_bomb(streams=1, inflated_mb_each=40)) is None


def test_a_pdf_bomb_is_stopped_without_inflating_it_all(monkeypatch):
    inflated = []
    real = inspection.zlib.decompressobj

    class Counting:
        def __init__(self):
            self.inner = real()

        def decompress(self, data, max_length=0):
            chunk = self.inner.decompress(data, max_length)
            inflated.append(len(chunk))
            assert max_length, "every inflation is capped"
            return chunk

        @property
        def unconsumed_tail(self):
            return self.inner.unconsumed_tail

    monkeypatch.setattr(inspection.zlib, "decompressobj", Counting)
    assert refusal(hostile_files.pdf_bomb(streams=1, inflated_mb_each=400)) == "pdf_too_much_content"
    # Stopped a chunk past the budget, not after 400 MB.
    assert sum(inflated) <= inspection.MAX_PDF_INFLATED_BYTES + (1 << 20)


@pytest.mark.django_db
def test_a_representatives_pdf_bomb_is_refused(client):
    bomb = hostile_files.pdf_bomb(streams=1, inflated_mb_each=150)
    response = client.post("/en/account/representative/signup/", representative_form(document=bomb))
    assert response.status_code == 200
    assert "far more content than its size suggests" in response.content.decode()
    assert not User.objects.exists()


def test_an_image_in_a_pdf_past_the_pixel_budget_is_refused():
    assert refusal(hostile_files.pdf_with_image(8_000, 6_000)) == "image_too_many_pixels"
    assert refusal(hostile_files.pdf_with_image(2_550, 3_300)) is None  # a letter page at 300 dpi


def test_a_42_megapixel_png_of_50_kb_is_refused_before_any_pixel_is_decoded(monkeypatch):
    bomb = hostile_files.pixel_bomb_png()
    assert len(bomb) < 200_000

    def decoded(self, *args, **kwargs):
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(Image.Image, "load", decoded)
    assert refusal(bomb) == "image_too_many_pixels"


def test_pillows_own_limit_is_the_inspections():
    assert Image.MAX_IMAGE_PIXELS == inspection.MAX_PIXELS


@pytest.mark.django_db
def test_a_representatives_pixel_bomb_is_refused(client):
    data = representative_form(document=hostile_files.pixel_bomb_png(), name="passport.png")
    response = client.post("/en/account/representative/signup/", data)
    assert response.status_code == 200
    assert "too many pixels" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_the_representatives_identity_document_goes_through_the_one_inspection(client, monkeypatch):
    seen = []
    real = inspection.inspect

    def spy(upload, **kwargs):
        seen.append(upload.name)
        return real(upload, **kwargs)

    from portique.accounts import services

    monkeypatch.setattr(services, "inspect", spy)
    response = client.post("/en/account/representative/signup/", representative_form(name="passport.png"))
    assert response.status_code == 302
    assert seen, "the sign-up did not use portique.uploads.inspection"
    profile = RepresentativeProfile.objects.get()
    assert profile.id_document_content_type == "image/png" and profile.id_document.name.endswith(".png")
