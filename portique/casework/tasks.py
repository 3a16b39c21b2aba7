"""Background work of casework (django-tasks): letters made after a batch of decisions, and the
screening of a file just submitted."""

from django_tasks import task

from . import letter_tasks, receivers


@task()
def letter_make(letter_id: int) -> None:
    """Make a decided file's letter (``casework.letter_tasks``): once, however often it runs."""
    letter_tasks.letter_make(letter_id=letter_id)


@task()
def screening_at_submission(application_id: int) -> None:
    """Screen a file for completeness once it is submitted (``casework.receivers``): once, however
    often it runs."""
    receivers.screen_submitted(application_id=application_id)
