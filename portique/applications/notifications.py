"""E-mail about applications, in the account holder's language, sent after commit.

E-mail is not a secure channel: the submission e-mail is a notice with a link to the
signed-in status page, where the copy as submitted is downloaded (made on demand). It
carries no application details and no attachment. It is sent by a background task
(``tasks.py``), so that with a task worker configured the submit request never waits on
the mail server; with the default in-process backend the task runs at once, after the commit.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Submission


def send_submission_confirmation(*, submission_id: int) -> None:
    """Queue the submission e-mail (``deliver_submission_confirmation``)."""
    from .tasks import submission_confirmation_email

    submission_confirmation_email.enqueue(submission_id=submission_id)


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
        subject = render_to_string("applications/email/submitted_subject.txt", context).strip()
        body = render_to_string("applications/email/submitted_body.txt", context)
    EmailMessage(subject=" ".join(subject.splitlines()), body=body, to=[owner.email]).send()
