"""E-mail that announces a letter or a deadline, in the account holder's language.

The letter itself is in the online account (the first channel of X-10); the e-mail only
says that it is there, so nothing personal travels by e-mail. Sent after commit.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import DocumentRequest, Letter


def _send(*, owner, template: str, context: dict) -> None:
    with translation.override(owner.preferred_language):
        subject = render_to_string(f"casework/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"casework/email/{template}_body.txt", context)
    EmailMessage(subject=" ".join(subject.splitlines()), body=body, to=[owner.email]).send()


def _status_url(application, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("applications:overview", args=[application.public_id])


def _correspondent(application):
    """Who is told: the paid representative when there is one (ACT-40), else the account holder."""
    from portique.representation.selectors import acting_representation

    representation = acting_representation(application=application)
    return representation.representative if representation is not None else application.owner


def _send_letter_to_paper_applicant(letter: Letter) -> None:
    """A paper applicant has no account: the letter itself goes to the e-mail given, both languages attached.

    Without an e-mail address the letter goes by mail (``Letter.channel``): nothing is sent here.
    """
    from portique.applications.selectors import correspondent_of

    correspondent = correspondent_of(letter.application)
    if not correspondent.email:
        return
    context = {"application": letter.application, "letter": letter, "correspondent": correspondent}
    with translation.override(correspondent.language):
        subject = render_to_string("casework/email/paper_letter_subject.txt", context).strip()
        body = render_to_string("casework/email/paper_letter_body.txt", context)
    message = EmailMessage(subject=" ".join(subject.splitlines()), body=body, to=[correspondent.email])
    for language in ("en", "fr"):
        field = letter.pdf(language)
        with field.open("rb") as stored:
            message.attach(f"{letter.application.number}-{letter.kind}-{language}.pdf", stored.read(), "application/pdf")
    message.send()


def _announce_to_paper_follower(letter: Letter) -> None:
    """A paper application its applicant follows online: the account is told the letter is there too
    (the e-mail carries nothing personal; the letter still goes as the intake says)."""
    from portique.applications.models import PaperFollower

    follower = PaperFollower.objects.filter(application=letter.application).select_related("account").first()
    if follower is None or not follower.account.is_active:
        return
    account = follower.account
    context = {
        "application": letter.application,
        "letter": letter,
        "owner": account,
        "status_url": _status_url(letter.application, account.preferred_language),
    }
    _send(owner=account, template="letter", context=context)


def send_letter_notice(*, letter_id: int) -> None:
    letter = Letter.objects.select_related("application__owner").get(pk=letter_id)
    application = letter.application
    if application.owner_id is None:
        _send_letter_to_paper_applicant(letter)
        _announce_to_paper_follower(letter)
        return
    owner = _correspondent(application)
    context = {
        "application": application,
        "letter": letter,
        "owner": owner,
        "status_url": _status_url(application, owner.preferred_language),
    }
    _send(owner=owner, template="letter", context=context)


def send_request_reminder(*, request_id: int, overdue: bool) -> None:
    request = DocumentRequest.objects.select_related("application__owner").get(pk=request_id)
    application = request.application
    if application.owner_id is None:
        # A paper applicant has no account to point to: services.requests_remind issues a
        # reminder letter instead, which goes out as every letter does.
        return
    owner = _correspondent(application)
    with translation.override(owner.preferred_language):
        answer_url = settings.SITE_URL + reverse(
            "casework_applicant:request", args=[application.public_id, request.public_id]
        )
    context = {
        "application": application,
        "request": request,
        "owner": owner,
        "answer_url": answer_url,
    }
    _send(owner=owner, template="request_overdue" if overdue else "request_reminder", context=context)


def _message_recipient(message):
    """Who is told of a message, or None.

    The office's message goes to whoever receives the correspondence (ACT-40). A message
    from the applicant's side is not e-mailed to the office (its "Unread messages" queue
    shows it); when the applicant is represented, the other of the two is told, so that the
    client and the representative both know what was said to the office.
    """
    from portique.representation.selectors import acting_representation

    from .choices import MessageSender

    application = message.application
    if message.sender == MessageSender.OFFICE:
        return _correspondent(application)
    representation = acting_representation(application=application)
    if representation is None:
        return None
    client = representation.client or application.owner
    recipient = client if message.author_id == representation.representative_id else representation.representative
    return None if recipient is None or recipient.pk == message.author_id else recipient


def send_message_notice(*, message_id: int) -> None:
    """Tell of a new message: the number of the application and where to sign in, nothing else
    (no name, no text, no file name)."""
    from .models import Message

    message = Message.objects.select_related("application__owner").get(pk=message_id)
    recipient = _message_recipient(message)
    if recipient is None or not recipient.email:
        return
    context = {
        "application": message.application,
        "owner": recipient,
        "from_office": not message.to_office,
        "status_url": _status_url(message.application, recipient.preferred_language),
    }
    _send(owner=recipient, template="message", context=context)


def send_file_note_notice(*, note_id: int) -> None:
    """Tell of a note the office put on the file: the number and where to read it, not the note.

    Who is told is whoever receives the correspondence (ACT-40). A paper file's applicant has no
    account to read it in: the account that follows the paper file online is told instead, if any.
    """
    from portique.applications.models import PaperFollower

    from .models import InternalNote

    note = InternalNote.objects.select_related("application__owner").get(pk=note_id)
    application = note.application
    if not note.on_file:
        return
    if application.owner_id is None:
        follower = PaperFollower.objects.filter(application=application).select_related("account").first()
        recipient = follower.account if follower is not None and follower.account.is_active else None
    else:
        recipient = _correspondent(application)
    if recipient is None or not recipient.email:
        return
    context = {
        "application": application,
        "owner": recipient,
        "status_url": _status_url(application, recipient.preferred_language),
    }
    _send(owner=recipient, template="file_note", context=context)
