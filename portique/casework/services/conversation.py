"""Secure messages about a submitted file, both ways, and documents sent after submission.

The applicant's side (the account holder, or their paid representative while the
representation stands: ``applications.access``, READ) writes to the office and may attach
files; officers answer. A document sent after submission goes to the officer and changes
nothing that was signed. Every row is appended with who and when; the first officer who
opens a message or a document is recorded, which takes the file out of the "Unread
messages" queue. E-mail notices carry no personal information and go out after commit.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.accounts.choices import Role
from portique.applications.access import Capability, access_application
from portique.applications.choices import EDITABLE, Status
from portique.applications.models import Application

from .. import notifications
from ..choices import EventKind, MessageSender
from ..models import LateDocument, LateDocumentRead, Message, MessageFile, MessageRead
from . import common
from .common import PROCESS, CaseworkError
from .uploads import checked_files, store_checked

MESSAGE_MAX_CHARS = 5000
DESCRIPTION_MAX_CHARS = 200
MAX_MESSAGE_FILES = 5
OTHER_DOCUMENT = "other"
# A document after submission is for a file still being worked: not once it is decided or returned.
OPEN_FOR_LATE_DOCUMENTS = frozenset({Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROCESSING})

# What one application's applicant side may send (the office answers every message, so a
# person needs few; these numbers stop a flood without getting in a real exchange's way).
# A deployment may change them with the CASEWORK_SENDING_LIMITS setting.
DEFAULT_LIMITS = {"messages_per_hour": 5, "messages_per_day": 20, "late_documents_per_day": 10}


def sending_limits() -> dict[str, int]:
    return {**DEFAULT_LIMITS, **getattr(settings, "CASEWORK_SENDING_LIMITS", {})}


def applicant_side(*, actor, public_id, for_update: bool = False) -> Application:
    """The submitted online application ``actor`` reads as its applicant or as their
    representative; 404 alike for "no such file", "not submitted" and "not yours" (an ended
    representation gives nothing)."""
    application = access_application(
        actor=actor, public_id=public_id, capability=Capability.READ, for_update=for_update
    )
    if application.on_paper or application.submitted_at is None or application.status in EDITABLE:
        raise Http404
    return application


def sender_of(actor) -> MessageSender:
    return MessageSender.REPRESENTATIVE if actor.role == Role.REPRESENTATIVE else MessageSender.APPLICANT


def form_token(value) -> uuid.UUID:
    """The form's one-time token, or a new one when it is missing or malformed (then a retry
    is not recognised, but nothing is refused)."""
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return uuid.uuid4()


def _text(value: str | None) -> str:
    text = common.required_text(value, "text", _("Write your message."))
    if len(text) > MESSAGE_MAX_CHARS:
        raise CaseworkError.at(
            "text",
            _("Keep your message under %(count)s characters, or attach a file.") % {"count": MESSAGE_MAX_CHARS},
        )
    return text


def _already_sent(model, *, token: uuid.UUID, application: Application, actor):
    """The row a retry of the same form already made; a token used elsewhere is refused."""
    found = model.objects.filter(token=token).first()
    if found is None:
        return None
    author = found.author_id if model is Message else found.uploaded_by_id
    if found.application_id != application.pk or author != actor.pk:
        raise CaseworkError.at("", _("This form was already used. Open it again and start over."))
    return found


def _applicant_sides() -> list[str]:
    return [MessageSender.APPLICANT, MessageSender.REPRESENTATIVE]


def _within_message_limits(application: Application) -> None:
    limits = sending_limits()
    now = timezone.now()
    sent = Message.objects.filter(application=application, sender__in=_applicant_sides())
    if sent.filter(sent_at__gte=now - timedelta(hours=1)).count() >= limits["messages_per_hour"]:
        raise CaseworkError.at(
            "",
            _(
                "You have sent as many messages about this application as you can in an hour. "
                "Wait an hour before you send another: the office reads every message."
            ),
        )
    if sent.filter(sent_at__gte=now - timedelta(days=1)).count() >= limits["messages_per_day"]:
        raise CaseworkError.at(
            "",
            _(
                "You have sent as many messages about this application as you can in a day. "
                "Wait until tomorrow before you send another: the office reads every message."
            ),
        )


def message_send(*, actor, public_id, text: str, files: list, token) -> Message:
    """The applicant's side writes to the office about a submitted file, with optional files.

    Each file is checked by its content; a refused file sends nothing. A retry of the same
    form (same ``token``) returns the message already sent.
    """
    token = form_token(token)
    text = _text(text)
    checked = checked_files(
        files, language=actor.preferred_language, required=False, most=MAX_MESSAGE_FILES
    )
    with common.atomic() as stored:
        application = applicant_side(actor=actor, public_id=public_id, for_update=True)
        existing = _already_sent(Message, token=token, application=application, actor=actor)
        if existing is not None:
            return existing
        _within_message_limits(application)
        message = Message.objects.create(
            application=application, sender=sender_of(actor), author=actor, text=text, token=token
        )
        for upload, inspected in checked:
            MessageFile.objects.create(message=message, **store_checked(upload, inspected, stored=stored))
        common.record_event(
            application=application,
            kind=EventKind.MESSAGE_RECEIVED,
            actor=actor,
            detail=f"{len(checked)} file(s) attached",
        )
        transaction.on_commit(lambda pk=message.pk: notifications.send_message_notice(message_id=pk))
    return message


def message_answer(*, actor, public_id, text: str, files: list, token) -> Message:
    """An officer writes to the applicant's side about the file; the applicant's messages
    before it count as read by this officer. The applicant is told by e-mail."""
    common.require(actor, *PROCESS)
    token = form_token(token)
    text = _text(text)
    checked = checked_files(
        files, language=actor.preferred_language, required=False, most=MAX_MESSAGE_FILES
    )
    with common.atomic() as stored:
        application = common.locked_case(public_id=public_id)
        if application.on_paper:
            # No account to read it in: a paper applicant is written to by letter.
            raise CaseworkError.at(
                "", _("This applicant applied on paper and has no account: write to them by letter.")
            )
        existing = _already_sent(Message, token=token, application=application, actor=actor)
        if existing is not None:
            return existing
        messages_mark_read(actor=actor, application=application)
        message = Message.objects.create(
            application=application, sender=MessageSender.OFFICE, author=actor, text=text, token=token
        )
        for upload, inspected in checked:
            MessageFile.objects.create(message=message, **store_checked(upload, inspected, stored=stored))
        common.record_event(
            application=application,
            kind=EventKind.MESSAGE_SENT,
            actor=actor,
            detail=f"{len(checked)} file(s) attached",
        )
        transaction.on_commit(lambda pk=message.pk: notifications.send_message_notice(message_id=pk))
    return message


def messages_mark_read(*, actor, application: Application) -> int:
    """Record ``actor`` as the reader of the applicant's side's messages no officer had read:
    called when an officer opens the file, where the messages are shown in full. Two officers
    opening it at once: the first one recorded stays (the row is unique per message)."""
    common.require(actor, *PROCESS)
    unread = list(
        Message.objects.filter(application=application, sender__in=_applicant_sides(), read__isnull=True)
    )
    MessageRead.objects.bulk_create(
        [MessageRead(message=message, reader=actor) for message in unread], ignore_conflicts=True
    )
    return len(unread)


def late_document_mark_read(*, actor, document: LateDocument) -> None:
    """Record ``actor`` as the first officer who opened a document received after submission."""
    common.require(actor, *PROCESS)
    LateDocumentRead.objects.bulk_create([LateDocumentRead(document=document, reader=actor)], ignore_conflicts=True)


def submitted_items(application: Application) -> dict[str, dict[str, str]]:
    """The checklist items as the submission recorded them (code → title in each language)."""
    submission = getattr(application, "submission", None)
    if submission is None:
        return {}
    items = (submission.snapshot or {}).get("record", {}).get("items") or {}
    return {code: titles for code, titles in items.items() if isinstance(titles, dict)}


def late_document_add(*, actor, public_id, item_code: str, description: str, upload, token) -> LateDocument:
    """The applicant's side sends a further document after submission, for the officer.

    It is checked by its content like any upload and kept on its own: the submission, its
    snapshot, its hashes and the signatures stay exactly as they were.
    """
    token = form_token(token)
    errors: dict[str, list] = {}
    item_code = (item_code or "").strip()
    description = (description or "").strip()
    if not item_code:
        errors["item"] = [_("Choose what this document is.")]
    if not description:
        errors["description"] = [_("Describe the document in a few words.")]
    elif len(description) > DESCRIPTION_MAX_CHARS:
        errors["description"] = [
            _("Keep the description under %(count)s characters.") % {"count": DESCRIPTION_MAX_CHARS}
        ]
    if upload is None:
        errors["file"] = [_("Choose the file to send.")]
    if errors:
        raise CaseworkError(errors)
    ((upload, inspected),) = checked_files(
        [upload], language=actor.preferred_language, required=True, most=1, field="file"
    )
    with common.atomic() as stored:
        application = applicant_side(actor=actor, public_id=public_id, for_update=True)
        existing = _already_sent(LateDocument, token=token, application=application, actor=actor)
        if existing is not None:
            return existing
        if application.status not in OPEN_FOR_LATE_DOCUMENTS:
            raise CaseworkError.at(
                "",
                _(
                    "This application is “%(status)s”: it no longer takes documents. "
                    "If you need to, write to the office."
                )
                % {"status": application.get_status_display()},
            )
        items = submitted_items(application)
        if item_code != OTHER_DOCUMENT and item_code not in items:
            raise CaseworkError.at("item", _("Choose what this document is, from the list."))
        since = timezone.now() - timedelta(days=1)
        if (
            LateDocument.objects.filter(application=application, uploaded_at__gte=since).count()
            >= sending_limits()["late_documents_per_day"]
        ):
            raise CaseworkError.at(
                "",
                _(
                    "You have sent as many documents about this application as you can in a day. "
                    "Wait until tomorrow before you send another."
                ),
            )
        titles = items.get(item_code, {})
        document = LateDocument.objects.create(
            application=application,
            item_code="" if item_code == OTHER_DOCUMENT else item_code,
            item_en=titles.get("en", "")[:300],
            item_fr=titles.get("fr", "")[:300],
            description=description,
            sender=sender_of(actor),
            uploaded_by=actor,
            token=token,
            **store_checked(upload, inspected, stored=stored),
        )
        common.record_event(
            application=application,
            kind=EventKind.LATE_DOCUMENT_RECEIVED,
            actor=actor,
            # The applicant's own words: no code of the checklist reaches a page that shows the history.
            detail=description,
        )
    return document
