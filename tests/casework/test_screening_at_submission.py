"""Submission hands the application to the officers' side: it is screened at once, by a task worker
when there are task workers."""

import pytest
from django.utils import timezone

from portique.casework.models import Screening
from tests import journey


@pytest.mark.django_db(transaction=True)
def test_a_submitted_application_is_screened_by_the_rules_at_once(applicant):
    application, _ = journey.submitted(applicant)
    screening = Screening.objects.get(application=application)
    # The same gate as the Submit button: a complete application has nothing to list.
    assert screening.findings.count() == 0
    # Screened as of the day the application was received.
    assert screening.screened_on == timezone.localdate(application.submitted_at)


@pytest.mark.django_db(transaction=True)
def test_with_task_workers_the_screening_is_left_to_them_and_done_once(applicant, settings):
    """In production the screening is a task (the applicant's submit does not wait for it): the
    submission queues it, a worker screens the file, and running the task again changes nothing."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from portique.casework.tasks import screening_at_submission

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    application, _ = journey.submitted(applicant)
    assert not Screening.objects.filter(application=application).exists()
    queued = DBTaskResult.objects.filter(task_path__endswith="screening_at_submission")
    assert queued.count() == 1

    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--queue-name", "*")

    screening = Screening.objects.get(application=application)
    assert screening.findings.count() == 0
    assert queued.get().status == "SUCCESSFUL"
    # Run again (a retry, a worker restarted): the first screening stands.
    screening_at_submission.call(application_id=application.pk)
    assert Screening.objects.filter(application=application).count() == 1
