"""Background work of casework (django-tasks): letters made after a batch of decisions."""

from django_tasks import task

from . import letter_tasks


@task()
def letter_make(letter_id: int) -> None:
    """Make a decided file's letter (``casework.letter_tasks``): once, however often it runs."""
    letter_tasks.letter_make(letter_id=letter_id)
