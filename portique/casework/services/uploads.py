"""Files the applicant's side sends to the office (answers to requests, attachments to
messages, documents after submission): each checked by its content, stored privately."""

from __future__ import annotations

import re

from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

from portique.documents.choices import EXTENSIONS
from portique.documents.formatting import file_size
from portique.documents.items import ANY_DOCUMENT, document_max_bytes
from portique.uploads.inspection import UploadRejected, inspect

from ..models import private_name
from .common import MAX_REQUEST_FILES, CaseworkError


def clean_name(name: str | None, extension: str) -> str:
    """The name the person gave the file, without control characters or a path; kept to show
    it back, never used to store the file."""
    cleaned = re.sub(r"[\x00-\x1f\x7f/\\]", "", (name or "").strip())[-200:]
    return cleaned or f"document.{extension}"


def checked_files(
    files: list, *, language: str, required: bool, most: int = MAX_REQUEST_FILES, field: str = "files"
) -> list:
    """Each file checked by its content (portique.uploads.inspection): a PDF, JPEG or PNG,
    sound, without scripts, within the size limit. A refused file stops everything.

    Returns (upload, inspection) pairs."""
    files = [upload for upload in files if upload is not None]
    if required and not files:
        raise CaseworkError.at(field, _("Choose at least one file to send."))
    if len(files) > most:
        raise CaseworkError.at(field, _("Send at most %(count)s files at a time.") % {"count": most})
    limit = document_max_bytes()
    checked = []
    for upload in files:
        if upload.size is not None and upload.size > limit:
            raise CaseworkError.at(
                field,
                _("“%(name)s” is larger than the limit of %(limit)s.")
                % {"name": upload.name, "limit": file_size(limit)},
            )
        try:
            checked.append((upload, inspect(upload, accepts=ANY_DOCUMENT)))
        except UploadRejected as refused:
            raise CaseworkError(
                {field: [f"“{upload.name}”: {problem.message(language)}" for problem in refused.problems]}
            ) from refused
    return checked


def store_checked(upload, inspected, *, stored: list[str]) -> dict:
    """Store a checked file under a name nobody can guess (the extension follows the detected
    content); returns the fields every file row keeps. ``stored`` lists it for removal if the
    transaction does not commit (``common.atomic``)."""
    extension = EXTENSIONS[inspected.content_type]
    upload.seek(0)
    name = default_storage.save(private_name(None, f"upload.{extension}"), upload)
    stored.append(name)
    return {
        "file": name,
        "original_name": clean_name(getattr(upload, "name", ""), extension),
        "content_type": inspected.content_type,
        "size": inspected.size,
        "sha256": inspected.sha256,
        "page_count": inspected.page_count,
    }
