"""Casework's answers to what happens elsewhere."""

import logging

log = logging.getLogger(__name__)


def screen_on_submission(sender, *, application, **kwargs) -> None:
    """Have a submitted application screened for completeness (IRPR s.10) by a task worker.

    The screening asks the rules again and records their findings: about a fifth of the CPU of
    the applicant's whole submit while it ran in the request (issue 19, ``bench/README.md``).
    The submission has committed: a failure to queue the screening, or of the screening, must
    not undo it, so it is logged, and the screening runs when an officer first opens the file.
    """
    from .tasks import screening_at_submission

    try:
        screening_at_submission.enqueue(application_id=application.pk)
    except Exception:
        log.exception("screening at submission not queued for %s; it will run when an officer opens the file", application)


def screen_submitted(*, application_id: int) -> None:
    """The task's work: screen the application once (``services.screening_run`` is idempotent)."""
    from portique.applications.models import Application

    from .services import screening_run

    application = Application.objects.get(pk=application_id)
    try:
        screening_run(application=application)
    except Exception:
        log.exception("screening at submission failed for %s; it will run when an officer opens the file", application)
