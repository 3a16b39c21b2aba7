"""Casework's answers to what happens elsewhere."""

import logging

log = logging.getLogger(__name__)


def screen_on_submission(sender, *, application, **kwargs) -> None:
    """Screen a submitted application for completeness as soon as it is submitted (IRPR s.10).

    The submission has committed: a failure here must not undo it, so it is logged and
    the screening runs again when an officer first opens the file.
    """
    from .services import screening_run

    try:
        screening_run(application=application)
    except Exception:
        log.exception("screening at submission failed for %s; it will run when an officer opens the file", application)
