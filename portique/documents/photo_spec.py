"""The photo's numbers, read from the rules (IMM 5445 — Step 1, PRC-62): nothing here is
a copy of a regulatory number, so a change to portique/rules/parameters/photos.yaml
reaches the upload form, its hint and its checks alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portique.rules import photos
from portique.rules.parameters import value

from .choices import ContentType

CITATION = photos.PR_CARD_PHOTO
RULE = "PRC-62"

_FORMATS = {"JPEG": ContentType.JPEG, "PNG": ContentType.PNG}


@dataclass(frozen=True)
class PhotoLimits:
    min_width: int
    min_height: int
    max_width: int
    max_height: int
    max_bytes: int
    max_age_months: int
    formats: tuple[str, ...]


def limits(on: date) -> PhotoLimits:
    return PhotoLimits(
        min_width=value("photos.online_min_width_px", on),
        min_height=value("photos.online_min_height_px", on),
        max_width=value("photos.online_max_width_px", on),
        max_height=value("photos.online_max_height_px", on),
        max_bytes=value("photos.online_max_file_bytes", on),
        max_age_months=value("photos.max_age_months", on),
        formats=tuple(value("photos.online_formats", on)),
    )


def accepted_types(on: date) -> frozenset[ContentType]:
    return frozenset(_FORMATS[name] for name in limits(on).formats if name in _FORMATS)


def max_file_bytes(on: date) -> int:
    return limits(on).max_bytes


def check(*, width: int, height: int, size: int, content_type: ContentType, taken_on: date, on: date):
    file_format = next((name for name, kind in _FORMATS.items() if kind == content_type), content_type.label)
    return photos.check_online_photo(
        width_px=width,
        height_px=height,
        size_bytes=size,
        file_format=file_format,
        taken_on=taken_on,
        application_date=on,
        # The back is an item of its own on the documents page, with its own status.
        back_provided=True,
    )


def upload_step(*, compliant: bool, declaration: bool, confirmation: bool, submitted: bool = False):
    return photos.photo_upload_step(
        photo_compliant=compliant,
        declaration_ticked=declaration,
        confirmation_ticked=confirmation,
        documents_submitted=submitted,
    )
