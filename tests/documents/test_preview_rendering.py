"""A document's pages rendered as images for the officers' inline preview, within limits."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from portique.uploads import previews
from portique.uploads.previews import Limits, PreviewRefused, render_page
from tests.casework.previews import blank_pdf, drawn_pdf
from tests.documents.files import image_bytes, portrait


def _image(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image


def test_every_page_of_a_real_pdf_is_an_image_within_the_preview_box():
    content = drawn_pdf(3)
    rendered = [render_page(content, "application/pdf", number) for number in (1, 2, 3)]
    assert [page.page_count for page in rendered] == [3, 3, 3]
    for page in rendered:
        image = _image(page.content)
        assert image.format == "WEBP"
        assert image.size == (page.width, page.height)
        assert image.width <= previews.MAX_WIDTH and image.height <= previews.MAX_HEIGHT
        # The box is filled on one side: a letter-size page is as wide as the box allows.
        assert image.width == previews.MAX_WIDTH
    # Each page is its own: the pages differ (their headings do).
    assert len({page.content for page in rendered}) == 3


def test_a_page_past_the_last_is_refused():
    with pytest.raises(PreviewRefused) as refused:
        render_page(drawn_pdf(2), "application/pdf", 3)
    assert refused.value.code == "no_such_page"


def test_a_large_photo_is_scaled_down_to_the_box_keeping_its_shape():
    page = render_page(image_bytes(portrait(2400, 3200)), "image/jpeg", 1)
    image = _image(page.content)
    assert page.page_count == 1 and image.format == "WEBP"
    assert image.width <= previews.MAX_WIDTH and image.height <= previews.MAX_HEIGHT
    assert previews.MAX_WIDTH in image.size or previews.MAX_HEIGHT in image.size
    assert abs(image.width / image.height - 2400 / 3200) < 0.01


def test_a_photo_is_shown_the_right_way_up():
    # A camera's picture stored on its side, with the EXIF orientation that turns it upright.
    sideways = portrait(800, 600)
    exif = Image.Exif()
    exif[0x0112] = 6
    page = render_page(image_bytes(sideways, "JPEG", exif=exif.tobytes()), "image/jpeg", 1)
    assert page.height > page.width


def test_a_small_png_is_not_enlarged():
    page = render_page(image_bytes(portrait(300, 400), "PNG"), "image/png", 1)
    assert (page.width, page.height) == (300, 400)


def test_a_pdf_with_more_pages_than_the_limit_is_refused_without_rendering_a_page():
    content = blank_pdf(previews.MAX_PAGES + 1)
    with pytest.raises(PreviewRefused) as refused:
        render_page(content, "application/pdf", 1)
    assert refused.value.code == "too_many_pages"
    # The upload check's page count says so before the file is even opened.
    assert previews.refused_before_opening("application/pdf", previews.MAX_PAGES + 1) == "too_many_pages"
    assert previews.refused_before_opening("application/pdf", previews.MAX_PAGES) is None


def test_a_pdf_with_one_huge_page_is_refused_whichever_page_is_asked_for():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    # 200 × 200 inches: PDF's largest page, 40 000 000 square points is the pixel budget of uploads.
    writer.add_blank_page(width=14_400, height=14_400)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(PreviewRefused) as refused:
        render_page(out.getvalue(), "application/pdf", 1)
    assert refused.value.code == "page_too_large"


def test_a_page_of_no_size_is_refused():
    with pytest.raises(PreviewRefused) as refused:
        render_page(blank_pdf(1, width=1, height=1), "application/pdf", 1)
    assert refused.value.code == "page_too_large"


@pytest.mark.parametrize(
    "content, content_type",
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", "application/pdf"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
    ],
)
def test_a_broken_file_is_refused_not_a_crash(content, content_type):
    with pytest.raises(PreviewRefused) as refused:
        render_page(content, content_type, 1)
    assert refused.value.code == "unreadable"


def test_an_image_past_the_pixel_budget_of_uploads_is_refused():
    with pytest.raises(PreviewRefused) as refused:
        render_page(image_bytes(Image.new("L", (8000, 6000)), "PNG"), "image/png", 1)
    assert refused.value.code == "too_many_pixels"


def test_a_render_that_outlasts_its_time_is_stopped_and_refused():
    # A limit no render can meet stands for a file that keeps the renderer busy: the child is killed.
    with pytest.raises(PreviewRefused) as refused:
        render_page(drawn_pdf(1), "application/pdf", 1, Limits(wall_seconds=0.001))
    assert refused.value.code == "too_slow"


def test_a_render_that_needs_more_memory_than_allowed_is_refused():
    with pytest.raises(PreviewRefused) as refused:
        render_page(drawn_pdf(1), "application/pdf", 1, Limits(memory_bytes=64 * 1024 * 1024))
    assert refused.value.code in ("too_much_memory", "unreadable")


def test_only_pdf_jpeg_and_png_are_previewed():
    with pytest.raises(PreviewRefused) as refused:
        render_page(b"GIF89a", "image/gif", 1)
    assert refused.value.code == "not_previewable"
