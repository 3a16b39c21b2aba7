"""Letters mailed on paper, officers' notes (to the file or internal) and the access log."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.models import Application
from portique.rules.correspondence import (
    CorrespondenceChannel,
)

from .. import notifications
from ..choices import (
    AccessKind,
    EventKind,
)
from ..models import (
    FileAccess,
    InternalNote,
    Letter,
    LetterMailed,
)
from . import common
from .common import (
    PROCESS,
    CaseworkError,
)

# --- Letters to print and mail ------------------------------------------------------------------


def letter_record_mailed(*, actor, public_id, letter_id, mailed_on: date | None, on: date) -> LetterMailed:
    """Record that a letter to be printed and mailed (a paper applicant without e-mail) was mailed.

    Once per letter, on a day between its issue and ``on``; the history names the officer.
    """
    common.require(actor, *PROCESS)
    common.past_date(mailed_on, "mailed_on", on=on)
    with transaction.atomic():
        application = common.locked_case(public_id=public_id)
        letter = Letter.objects.filter(application=application, public_id=letter_id).first()
        if letter is None:
            raise Http404
        if letter.channel != CorrespondenceChannel.MAIL.value:
            raise CaseworkError.at(
                "", _("This letter is not to be mailed: it went to the account or by e-mail.")
            )
        if LetterMailed.objects.filter(letter=letter).exists():
            raise CaseworkError.at("", _("This letter is already recorded as mailed."))
        issued_on = timezone.localdate(letter.issued_at)
        if mailed_on < issued_on:
            raise CaseworkError.at("mailed_on", _("The date cannot be before the letter was issued."))
        mailed = LetterMailed.objects.create(letter=letter, mailed_on=mailed_on, recorded_by=actor)
        common.record_event(
            application=application,
            kind=EventKind.LETTER_MAILED,
            actor=actor,
            detail=f"{letter.kind} letter of {issued_on.isoformat()}, mailed on {mailed_on.isoformat()}",
        )
    return mailed


# --- Notes and the access log ----------------------------------------------------------------------


def note_add(*, actor, public_id, text: str, on_file: bool, internal_reason: str = "") -> InternalNote:
    """An officer's note: to the file (the applicant and their representative read it, dated, without
    the officer's name) or internal (officers only), with the reason it is kept internal."""
    common.require(actor, *PROCESS)
    text = common.required_text(text, "text", _("Write the note."))
    internal_reason = (internal_reason or "").strip()
    if on_file:
        internal_reason = ""
    else:
        internal_reason = common.required_text(
            internal_reason,
            "internal_reason",
            _("Say why the note is kept internal, or put it on the file for the applicant to read."),
        )
    with transaction.atomic():
        application = common.locked_case(public_id=public_id)
        note = InternalNote.objects.create(
            application=application, author=actor, text=text, on_file=on_file, internal_reason=internal_reason
        )
        common.record_event(
            application=application,
            kind=EventKind.FILE_NOTE_ADDED if on_file else EventKind.NOTE_ADDED,
            actor=actor,
        )
        if on_file:
            transaction.on_commit(lambda pk=note.pk: notifications.send_file_note_notice(note_id=pk))
    return note


def file_access_record(
    *,
    actor,
    application: Application,
    kind: AccessKind,
    what: str = "",
    request: HttpRequest | None = None,
    opened=None,
) -> FileAccess:
    """Log that an officer opened a file or one of its documents (who, what, when, from where);
    ``opened`` is the public id of the document, request file or letter, if one was opened."""
    from portique.core.client_address import client_ip

    return FileAccess.objects.create(
        officer=actor,
        officer_email=actor.email,
        application=application,
        kind=kind,
        what=what[:300],
        opened=opened,
        ip=client_ip(request),
    )
