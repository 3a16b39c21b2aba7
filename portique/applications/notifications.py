"""E-mail about applications, in the account holder's language, sent after commit.

The submission e-mail carries the copy of the application as submitted (a PDF made
with WeasyPrint, a few hundred milliseconds of work): it is sent by a background task
(``tasks.py``), so that with a task worker configured the submit request does not wait
for it. With the default in-process backend the task runs at once, after the commit.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Submission

log = logging.getLogger(__name__)


def send_submission_confirmation(*, submission_id: int) -> None:
    """Queue the submission e-mail (``deliver_submission_confirmation``)."""
    from .tasks import submission_confirmation_email

    submission_confirmation_email.enqueue(submission_id=submission_id)


def _attach_submitted_copy(message: EmailMessage, submission: Submission, language: str) -> bool:
    from .submitted_copy import submitted_copy_filename, submitted_copy_pdf

    try:
        pdf = submitted_copy_pdf(submission, language)
    except Exception:
        # The confirmation matters more than its attachment: the copy stays downloadable
        # from the account (applications:submitted_copy), so the e-mail goes without it.
        log.exception("submission %s: the PDF copy could not be made for the e-mail", submission.pk)
        return False
    message.attach(submitted_copy_filename(submission, language), pdf, "application/pdf")
    return True


def deliver_submission_confirmation(*, submission_id: int) -> None:
    submission = Submission.objects.select_related("application__owner").get(pk=submission_id)
    application = submission.application
    owner = application.owner
    with translation.override(owner.preferred_language):
        context = {
            "application": application,
            "submission": submission,
            "owner": owner,
            "status_url": settings.SITE_URL + reverse("applications:overview", args=[application.public_id]),
        }
        message = EmailMessage(to=[owner.email])
        context["copy_attached"] = _attach_submitted_copy(message, submission, owner.preferred_language)
        message.subject = render_to_string("applications/email/submitted_subject.txt", context).strip()
        message.body = render_to_string("applications/email/submitted_body.txt", context)
    message.send()
