"""Checks on an uploaded identity document, by its content (never its name or the
browser's claimed type): a JPEG or PNG that Pillow can fully decode, or a PDF that
pypdf can parse, with pages, not encrypted and without scripts.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

ALLOWED_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "PDF": "application/pdf"}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}
# Larger than any real scan of an identity document; anything bigger is a
# decompression bomb rather than a photo.
MAX_PIXELS = 50_000_000


@dataclass(frozen=True)
class CheckedDocument:
    content_type: str
    size: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]


def max_size_text() -> str:
    return filesizeformat(settings.IDENTITY_DOCUMENT_MAX_BYTES)


def _not_valid() -> ValidationError:
    return ValidationError(
        _("The file must be a JPEG or PNG image or a PDF document. This file is not one of them, or it is damaged."),
        code="invalid_content",
    )


def _check_image(upload: UploadedFile) -> str:
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(upload) as image:
                kind = image.format
                if kind not in ("JPEG", "PNG"):
                    raise _not_valid()
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise _not_valid()
                image.verify()
            # verify() leaves the image unusable; a full decode catches truncated data.
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
                Image.DecompressionBombWarning) as error:
            raise _not_valid() from error
    return ALLOWED_TYPES[kind]


def _check_pdf(upload: UploadedFile) -> str:
    upload.seek(0)
    try:
        reader = PdfReader(upload, strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("The PDF is protected by a password. Upload a copy without a password."), code="encrypted"
            )
        if len(reader.pages) < 1:
            raise _not_valid()
        root = reader.trailer["/Root"]
        names = root.get("/Names", {})
        if "/JavaScript" in names or "/OpenAction" in root or "/AA" in root:
            raise ValidationError(
                _("The PDF contains scripts or automatic actions. Upload a plain scan or photo of the document."),
                code="active_content",
            )
        for page in reader.pages:
            page.mediabox  # noqa: B018 - reading each page's box parses the page tree
    except ValidationError:
        raise
    except (PyPdfError, KeyError, ValueError, TypeError, AttributeError, RecursionError) as error:
        raise _not_valid() from error
    return ALLOWED_TYPES["PDF"]


def check_identity_document(upload: UploadedFile) -> CheckedDocument:
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > settings.IDENTITY_DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s. Upload a smaller scan or photo."),
            code="too_large",
            params={"limit": max_size_text()},
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        content_type = _check_pdf(upload)
    elif head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG\r\n\x1a\n"):
        content_type = _check_image(upload)
    else:
        raise _not_valid()
    upload.seek(0)
    return CheckedDocument(content_type=content_type, size=upload.size)
