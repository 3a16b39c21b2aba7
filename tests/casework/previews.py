"""A file whose passport copy is a real multi-page PDF, for the inline previews' tests."""

from __future__ import annotations

import hashlib
import io
import uuid

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter

from portique.documents.models import Document

PASSPORT = "PASSPORT_OR_TRAVEL_DOCUMENT"


def drawn_pdf(pages: int = 3, *, title: str = "Passport") -> bytes:
    """A PDF of ``pages`` drawn pages (a heading and a frame on each), unique to this call:
    the previews are kept by content, so no two tests share one."""
    drawn = []
    for number in range(1, pages + 1):
        image = Image.new("RGB", (850, 1100), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        draw.rectangle([40, 40, 810, 1060], outline=(20, 40, 120), width=8)
        draw.text((80, 80), f"{title} {number}/{pages}", fill=(0, 0, 0))
        drawn.append(image)
    buffer = io.BytesIO()
    drawn[0].save(buffer, "PDF", save_all=True, append_images=drawn[1:], resolution=100)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    writer.add_metadata({"/Title": f"{title} {uuid.uuid4()}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf(pages: int, *, width: float = 612, height: float = 792) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=width, height=height)
    writer.add_metadata({"/Title": str(uuid.uuid4())})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def replace_file(document: Document, content: bytes, *, content_type: str = "application/pdf", pages: int | None = None) -> Document:
    """Arranged: the document's file is ``content`` (as if it had been uploaded so)."""
    name = document.file.storage.save(f"documents/test/{uuid.uuid4().hex}.bin", ContentFile(content))
    Document.objects.filter(pk=document.pk).update(
        file=name,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        page_count=pages,
    )
    document.refresh_from_db()
    return document


def passport_of(application) -> Document:
    return application.documents.get(state="current", document_type=PASSPORT)
