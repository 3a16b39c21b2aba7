"""Inline previews of a document's pages, rendered once and kept privately.

A page is rendered on its first request (``portique.uploads.previews``, in a bounded child
process) and written to the documents' own storage (private: no public URL, like the
documents) under the file's SHA-256 and the page number, so a second view, by the same
officer or another, reads the kept image. A file that cannot be previewed leaves a note
under the same key, so it is refused at once the next time rather than rendered again.

Rendering on request rather than by a task worker: only the pages an officer looks at are
rendered, a page is ready in well under a second, and the officer's page never waits for a
queue. The images are keyed by content, not by application: the same file uploaded twice
is rendered once, and every read still goes through the access check of the document.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from portique.uploads import previews as rendering
from portique.uploads.content_types import ContentType

from .models import Document

log = logging.getLogger(__name__)

PreviewRefused = rendering.PreviewRefused
CONTENT_TYPE = rendering.CONTENT_TYPE


@dataclass(frozen=True)
class Preview:
    """What the officer's page shows of a document: its pages, or why it is not previewed."""

    pages: int
    refused: bool

    @property
    def numbers(self) -> range:
        return range(1, self.pages + 1)


def _folder(document: Document) -> str:
    digest = document.sha256
    return f"previews/{rendering.VERSION}/{digest[:2]}/{digest}"


def _page_name(document: Document, number: int) -> str:
    return f"{_folder(document)}/{number}.webp"


def _refusal_name(document: Document) -> str:
    return f"{_folder(document)}/refused.json"


def page_count(document: Document) -> int:
    """How many pages the file has, as the upload check counted them (an image is one)."""
    if document.content_type == ContentType.PDF:
        return document.page_count or 1
    return 1


def preview_of(document: Document) -> Preview:
    """What the page can say without rendering: the pages to ask for, or a refusal already known."""
    refused = rendering.refused_before_opening(document.content_type, document.page_count)
    if refused or default_storage.exists(_refusal_name(document)):
        return Preview(pages=0, refused=True)
    return Preview(pages=page_count(document), refused=False)


def _keep(name: str, content: bytes) -> None:
    saved = default_storage.save(name, ContentFile(content))
    if saved != name:
        # Another request rendered the same page meanwhile: theirs is kept, this copy dropped.
        default_storage.delete(saved)


def preview_page(document: Document, number: int) -> bytes:
    """Page ``number`` (from 1) of ``document`` as a WebP image: kept, or rendered and kept.

    Raises ``PreviewRefused`` when the file cannot be previewed (now or on an earlier try).
    """
    if number < 1 or number > page_count(document):
        raise PreviewRefused("no_such_page")
    refused = rendering.refused_before_opening(document.content_type, document.page_count)
    if refused:
        raise PreviewRefused(refused)
    name = _page_name(document, number)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as kept:
            return kept.read()
    if default_storage.exists(_refusal_name(document)):
        with default_storage.open(_refusal_name(document), "rb") as kept:
            raise PreviewRefused(json.loads(kept.read()).get("code", "refused"))
    with document.file.open("rb") as original:
        content = original.read()
    try:
        rendered = rendering.render_page(content, document.content_type, number)
    except PreviewRefused as refusal:
        log.info("document %s not previewed: %s", document.public_id, refusal.code)
        if refusal.code != "no_such_page":
            _keep(_refusal_name(document), json.dumps({"code": refusal.code}).encode())
        raise
    _keep(name, rendered.content)
    return rendered.content
