"""The name a downloaded file is offered under: what the document is, and the type its
content was found to be, never the name it was uploaded with.

An uploaded name is the uploader's to choose: ``x.html`` around a PDF with a script
inside would be saved under that name by the officer's browser and opened from disk
as a web page. The name offered is built from the document's type (a code of the
rules, or of the portal) and the detected content type, so it always ends in .pdf,
.jpg or .png and says what the file is (``current-pr-card-copy.pdf``).
"""

from __future__ import annotations

import re

from .content_types import EXTENSIONS, ContentType


def _slug(code: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-") or "document"


def download_name(kind: str, content_type: str) -> str:
    """``kind`` (a code such as ``CURRENT_PR_CARD_COPY``) as a file name with the extension
    of ``content_type`` (as detected at upload)."""
    try:
        extension = EXTENSIONS[ContentType(content_type)]
    except ValueError:
        extension = "bin"
    return f"{_slug(kind)}.{extension}"
