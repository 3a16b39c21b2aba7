"""The file types the portal accepts, detected from a file's bytes (never its name)."""

from django.db import models


class ContentType(models.TextChoices):
    PDF = "application/pdf", "PDF"
    JPEG = "image/jpeg", "JPEG"
    PNG = "image/png", "PNG"


EXTENSIONS = {ContentType.PDF: "pdf", ContentType.JPEG: "jpg", ContentType.PNG: "png"}
IMAGES = frozenset({ContentType.JPEG, ContentType.PNG})
ANY_DOCUMENT = frozenset({ContentType.PDF, ContentType.JPEG, ContentType.PNG})
