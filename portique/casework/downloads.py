"""Sending a stored file of an application: privately, and, for the office, logged.

Every download of the casework pages (documents, letters, answers to requests, messages'
files, documents sent after submission) leaves through here, so that none can forget a header:
an attachment that is never cached, sniffed or rendered in the browser.
"""

from __future__ import annotations

from django.http import FileResponse, HttpRequest

from portique.core.private_files import keep_private

from . import services
from .choices import AccessKind


def private_file(file, *, filename: str, content_type: str) -> FileResponse:
    """A stored file as an attachment that is never cached, sniffed or rendered."""
    return keep_private(
        FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    )


def logged_download(
    request: HttpRequest,
    application,
    *,
    kind: AccessKind,
    what: str,
    file,
    filename: str,
    content_type: str,
    opened=None,
) -> FileResponse:
    """An officer's download: the opening is logged (``opened``: the public id of what was
    opened, for the applicant's "when the office opened it"), then the file is sent privately."""
    services.file_access_record(
        actor=request.user, application=application, kind=kind, what=what, request=request, opened=opened
    )
    return private_file(file, filename=filename, content_type=content_type)
