"""Background work of the applications app (django-tasks: Django 6's ``django.tasks`` later)."""

from django_tasks import task

from . import notifications


@task()
def submission_confirmation_email(submission_id: int) -> None:
    """The submission e-mail with the PDF copy of the application attached."""
    notifications.deliver_submission_confirmation(submission_id=submission_id)
