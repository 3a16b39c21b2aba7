"""Real files made in the test: photos drawn with Pillow, PDFs written with pypdf."""

from __future__ import annotations

import io
import os

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFilter
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject


def portrait(
    width: int = 900,
    height: int = 1200,
    *,
    centre: float = 0.5,
    background=(255, 255, 255),
    brightness: float = 1.0,
    face: bool = True,
) -> Image.Image:
    """A passport-style portrait: a drawn face (that OpenCV's face detector finds) on a background."""
    image = Image.new("RGB", (width, height), background)
    if face:
        draw = ImageDraw.Draw(image)
        cx, cy = int(width * centre), int(height * 0.45)
        fw, fh = int(width * 0.42), int(height * 0.42)
        draw.ellipse([cx - fw // 2 - 20, cy - fh // 2 - 40, cx + fw // 2 + 20, cy + fh // 6], fill=(60, 40, 30))
        draw.rectangle([cx - fw // 6, cy + fh // 2 - 20, cx + fw // 6, height], fill=(200, 160, 130))
        draw.ellipse([cx - fw, int(height * 0.85), cx + fw, height + 400], fill=(40, 60, 110))
        draw.ellipse([cx - fw // 2, cy - fh // 2, cx + fw // 2, cy + fh // 2], fill=(224, 180, 150))
        eye_y, eye_dx = cy - fh // 10, fw // 5
        for side in (-1, 1):
            x = cx + side * eye_dx
            draw.ellipse([x - fw // 12, eye_y - fh // 30, x + fw // 12, eye_y + fh // 30], fill=(250, 250, 250))
            draw.ellipse([x - fw // 28, eye_y - fh // 28, x + fw // 28, eye_y + fh // 28], fill=(50, 30, 20))
            draw.rectangle([x - fw // 9, eye_y - fh // 8, x + fw // 9, eye_y - fh // 11], fill=(70, 45, 30))
        draw.polygon([(cx, eye_y), (cx - fw // 14, cy + fh // 8), (cx + fw // 14, cy + fh // 8)], fill=(200, 150, 120))
        draw.ellipse([cx - fw // 6, cy + fh // 4 - fh // 30, cx + fw // 6, cy + fh // 4 + fh // 30], fill=(150, 60, 60))
        image = image.filter(ImageFilter.GaussianBlur(4))
    if brightness != 1.0:
        image = image.point(lambda value: int(value * brightness))
    return image


def image_bytes(image: Image.Image, kind: str = "JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def noise_png(width: int, height: int) -> bytes:
    """Random pixels do not compress: a PNG of the given size and several megabytes."""
    return image_bytes(Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)), "PNG")


def pdf_bytes(pages: int = 2, *, javascript: str | None = None, password: str | None = None, page_action: bool = False) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    if javascript:
        writer.add_open_action(JavaScript(javascript))
    if page_action:
        # An "additional action" that runs JavaScript when the first page opens.
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
        )
        writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action})
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
