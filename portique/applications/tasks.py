"""Background work of the applications app (django-tasks: Django 6's ``django.tasks`` later)."""

from django_tasks import task

from . import notifications


@task()
def submission_confirmation_email(submission_id: int) -> None:
    """The submission e-mail: a notice and a link to the signed-in page."""
    notifications.deliver_submission_confirmation(submission_id=submission_id)
