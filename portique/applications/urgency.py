"""The urgent flag of a submitted file: set or cleared, with its reason (issue 15).

The applicant, or their representative while the representation is active, says that the
file is urgent and why, or that it no longer is; an officer can set or clear it too, with a
reason the applicant reads. Each change is an ``UrgencyChange`` row written here and only
here; ``Application.urgent`` follows it so that the officers' queues can sort on it.

The flag asks an officer to look sooner; it promises nothing (for a PR card, IMM 5445 says
IRCC cannot guarantee urgent processing), and the wording on every page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from portique.accounts.choices import Role
from portique.rules.urgent import UrgentOutcome

from .access import Capability, access_application, current_representation
from .choices import RepresentationState, Status
from .models import Application
from .urgency_models import UrgencyChange

# While an officer may still act on it: not before submission (the form's own question says
# it then), not once it is returned, decided or withdrawn.
OPEN = frozenset({Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROCESSING})
REASON_MAX_LENGTH = 1000


class UrgencyError(Exception):
    """A change refused; ``field`` is the form field the message belongs to ("" for the page)."""

    def __init__(self, field: str, message):
        super().__init__(str(message))
        self.field = field
        self.message = message


def may_change(*, actor, application: Application) -> bool:
    """The applicant (owner, or the client of an active representation) or the active
    representative: whoever reads the file, a representative only while the client's consent stands."""
    if actor.role == Role.REPRESENTATIVE:
        current = current_representation(application)
        if current is None or current.state != RepresentationState.ACTIVE:
            return False
    return actor.role in (Role.APPLICANT, Role.REPRESENTATIVE)


def is_open(application: Application) -> bool:
    return application.status in OPEN


def clean_reason(*, urgent: bool, reason: str | None, required: bool) -> str:
    text = (reason or "").strip()
    if (urgent or required) and not text:
        if urgent:
            raise UrgencyError("reason", _("Say why your application is urgent."))
        raise UrgencyError("reason", _("Give the reason for this change."))
    if len(text) > REASON_MAX_LENGTH:
        raise UrgencyError(
            "reason", _("Keep the reason to %(count)s characters or fewer.") % {"count": REASON_MAX_LENGTH}
        )
    return text


def urgency_record(
    *, application: Application, urgent: bool, reason: str, actor, by_office: bool, asked_in_application: str = ""
):
    """Write one change and the flag. The caller holds the row locked, has checked the actor and
    the reason. A repeat of the latest change (a double click) records nothing and returns None."""
    if not is_open(application):
        raise UrgencyError(
            "",
            _("This application is “%(status)s”: whether it is urgent can no longer be changed.")
            % {"status": application.get_status_display()},
        )
    latest = latest_change(application)
    if latest is not None and latest.urgent == urgent and latest.reason == reason:
        return None
    if latest is None and not urgent and not application.urgent:
        # Never marked urgent: "not urgent" is already what the file says.
        return None
    change = UrgencyChange.objects.create(
        application=application,
        urgent=urgent,
        reason=reason,
        actor=actor,
        by_office=by_office,
        asked_in_application=asked_in_application,
    )
    application.urgent = urgent
    application.save(update_fields=["urgent", "updated_at"])
    return change


def application_urgency_change(*, actor, public_id, urgent: bool, reason: str | None) -> UrgencyChange | None:
    """The applicant's (or their active representative's) change of the urgent flag.

    A reason is required to mark the file urgent; clearing it may say why. Not found and
    not allowed look the same as everywhere else (``access_application``).
    """
    with transaction.atomic():
        application = access_application(
            actor=actor, public_id=public_id, for_update=True, capability=Capability.READ
        )
        if not may_change(actor=actor, application=application):
            raise Http404
        text = clean_reason(urgent=urgent, reason=reason, required=False)
        return urgency_record(application=application, urgent=urgent, reason=text, actor=actor, by_office=False)


# What the rules found of an urgent request made in the application's answers (rules/urgent.py,
# PRC-95 to PRC-98), and what the flag's reason says of each. A request the rules say cannot be
# processed urgently (no listed reason, travel beyond three months, or within three weeks: apply
# for a travel document instead) does not mark the file: the applicant was told why at the time.
_ASKED_IN_APPLICATION = {
    UrgentOutcome.ELIGIBLE.value: _("Urgent processing was asked for in the application: travel within three months for a listed reason."),
    UrgentOutcome.DOCUMENTS_MISSING.value: _(
        "Urgent processing was asked for in the application, but some of the documents it needs are missing."
    ),
}


def application_request_reason(outcome: str):
    return _ASKED_IN_APPLICATION.get(outcome, "")


def urgency_from_application(*, application: Application, details: dict, actor) -> UrgencyChange | None:
    """At submission: mark the file urgent when its own answers asked for urgent processing and
    the rules found the request can stand (``details["urgent"]`` of the evaluation frozen with it).

    Any program whose rules report an urgent request is read the same way. The caller holds the
    row locked inside the submission's transaction; the change is the applicant's, as the answer was.
    """
    outcome = ((details or {}).get("urgent") or {}).get("outcome")
    if outcome not in _ASKED_IN_APPLICATION or application.urgent:
        return None
    return urgency_record(
        application=application,
        urgent=True,
        reason="",
        actor=actor,
        by_office=False,
        asked_in_application=outcome,
    )


def latest_change(application: Application) -> UrgencyChange | None:
    return application.urgency_changes.order_by("-at", "-id").first()


@dataclass(frozen=True)
class Urgency:
    """The flag as a page shows it: the value, and the latest change (who, when, why)."""

    urgent: bool
    change: UrgencyChange | None

    @property
    def reason(self):
        return self.change.shown_reason if self.change else ""


def urgency_of(application: Application) -> Urgency:
    return Urgency(urgent=application.urgent, change=latest_change(application))


def urgency_history_of(application: Application):
    return application.urgency_changes.select_related("actor").order_by("at", "id")
