"""E-mail about applications, in the account holder's language, sent after commit."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Submission


def send_submission_confirmation(*, submission_id: int) -> None:
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
    message = EmailMessage(subject=subject, body=body, to=[owner.email])
    message.send()
