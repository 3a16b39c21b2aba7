"""An officer sets or clears a file's urgent flag, with a reason the applicant reads (issue 15)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from portique.applications import urgency

from . import common


def case_urgency_set(*, actor, public_id, urgent: bool, reason: str | None):
    """Mark the file urgent or not. The reason is required either way: the applicant sees it
    on their page (without the officer's name), as the office's. Returns the change, or None
    when the file already says exactly this."""
    common.require(actor, *common.PROCESS)
    text = (reason or "").strip()
    if not text:
        raise common.CaseworkError.at("reason", _("Give the reason for this change: the applicant reads it."))
    with transaction.atomic():
        application = common.locked_case(public_id=public_id)
        try:
            text = urgency.clean_reason(urgent=urgent, reason=text, required=True)
            return urgency.urgency_record(
                application=application, urgent=urgent, reason=text, actor=actor, by_office=True
            )
        except urgency.UrgencyError as refused:
            raise common.CaseworkError.at(refused.field, refused.message) from None
