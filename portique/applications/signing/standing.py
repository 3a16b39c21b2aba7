"""The signatures that stand on an application (not cleared), read once per request.

The application page's steps, the submit gate (who signed, and whether a signature covers
the content as it is now) and the record kept with a submission all ask about the same
rows; one page asked for them up to four times. Read once per request (core.request_memo):
any write in the request, a new signature or a cleared one included, empties the memo, and
inside a service's transaction it answers only in the service's own ``memo_scope``.
"""

from __future__ import annotations

from portique.core.request_memo import remember

from ..models import Application, Signature


def standing_signatures(application: Application) -> tuple[Signature, ...]:
    """The application's signatures not cleared since, oldest first (``Signature.Meta``), with their person."""

    def read() -> tuple[Signature, ...]:
        return tuple(application.signatures.filter(cleared_at__isnull=True).select_related("person"))

    if application.pk is None:
        return ()
    return remember(("standing signatures", application.pk, application.version), read)


def covering(application: Application, content_hash: str) -> tuple[Signature, ...]:
    """The standing signatures given for exactly the content whose hash is ``content_hash``."""
    return tuple(
        signature for signature in standing_signatures(application) if signature.content_hash == content_hash
    )
