"""The name a checklist document is downloaded under (``portique.uploads.download_names``)."""

from __future__ import annotations

from portique.uploads.download_names import download_name

from .choices import Purpose


def document_download_name(document) -> str:
    """A checklist document: its document type (or item), and whether it is the letter
    explaining why the document cannot be provided."""
    kind = document.document_type or document.item_code
    if document.purpose == Purpose.EXPLANATION:
        kind = f"{kind}-explanation-letter"
    return download_name(kind, document.content_type)
