"""Reads about a submitted application: its timeline, and the mailing address on file.

The officer side (``portique.casework``) calls ``address_changes_of`` and
``mailing_address_on_file`` for an application its own access rules let the officer
see: these selectors take the application, not an actor, and check nothing themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from django.apps import apps
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext_lazy as _

from .. import ports
from ..models import AddressChange, Application
from .record import content_of

# Where the officer side's messages are shown on the status page, once that app exists.
MESSAGES_TEMPLATE = "casework/_messages.html"


@dataclass(frozen=True)
class MailingAddress:
    street: str
    city: str
    province: str
    postal_code: str
    phone: str = ""
    # When and by whom it was given after submission; None for the address as submitted.
    change: AddressChange | None = None

    def same_place_as(self, values: dict[str, str]) -> bool:
        """True when ``values`` (AddressChange columns) say nothing new: same address, and
        the same telephone number or none given."""
        same_address = all(
            getattr(self, column).casefold() == values[column].casefold()
            for column in ("street", "city", "province", "postal_code")
        )
        return same_address and values.get("phone", "") in ("", self.phone)


def address_changes_of(*, application: Application):
    """Every change of address given after submission, oldest first, with who gave it."""
    return application.address_changes.select_related("changed_by").order_by("changed_at", "id")


def _submitted_address(application: Application) -> MailingAddress | None:
    submission = getattr(application, "submission", None)
    if submission is None:
        return None
    for person in content_of(submission.snapshot).get("people", []):
        if person.get("position") != 0:
            continue
        for answers in person.get("answers", {}).values():
            contact = answers.get("contact") if isinstance(answers, dict) else None
            if isinstance(contact, dict):
                return MailingAddress(
                    street=contact.get("mailing_street", ""),
                    city=contact.get("mailing_city", ""),
                    province=contact.get("mailing_province", ""),
                    postal_code=contact.get("mailing_postal_code", ""),
                    phone=contact.get("phone", ""),
                )
    return None


def mailing_address_on_file(*, application: Application) -> MailingAddress | None:
    """The most recent mailing address (X-10: mail goes to the most recent address on file).

    The latest change of address, else the address as submitted; None before submission.
    A change that gave no telephone number keeps the one on file before it.
    """
    current = _submitted_address(application)
    for change in address_changes_of(application=application):
        current = MailingAddress(
            street=change.street,
            city=change.city,
            province=change.province,
            postal_code=change.postal_code,
            phone=change.phone or (current.phone if current else ""),
            change=change,
        )
    return current


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    label: Any  # a lazily translated label: read in the page's language
    detail: str = ""


def timeline_of(*, application: Application) -> list[TimelineEntry]:
    """What happened to the application, oldest first, as the applicant may read it.

    Each status change says only its date and its status; the ``reason`` recorded with
    it is for the record (and officers' notes will be too), never shown here. Changes
    of address are listed with the address given.
    """
    entries = [
        TimelineEntry(at=change.at, label=change.get_to_status_display())
        for change in application.history.order_by("at", "id")
    ]
    entries += [
        TimelineEntry(
            at=change.changed_at,
            label=_("Change of address received"),
            detail=f"{change.street}, {change.city} {change.province} {change.postal_code}",
        )
        for change in application.address_changes.order_by("changed_at", "id")
    ]
    return sorted(entries, key=lambda entry: entry.at)


@cache
def casework_messages_available() -> bool:
    """Whether the officer side is installed and provides its messages include."""
    if not apps.is_installed("portique.casework"):
        return False
    try:
        get_template(MESSAGES_TEMPLATE)
    except TemplateDoesNotExist:
        return False
    return True


@dataclass(frozen=True)
class OpenRequest:
    """An officer's request still waiting for the applicant's answer."""

    application_id: int
    public_id: object
    due_on: date
    overdue: bool


def open_requests(*, application_ids, on: date) -> dict[int, list[OpenRequest]]:
    """The officers' requests waiting for an answer, by application, soonest deadline first
    (one query for a whole list of applications); none when the officer side is not installed."""
    if not application_ids or not ports.open_requests.provided:
        return {}
    found: dict[int, list[OpenRequest]] = {}
    for row in ports.open_requests(application_ids=list(application_ids)):
        found.setdefault(row["application_id"], []).append(
            OpenRequest(row["application_id"], row["public_id"], row["due_on"], row["due_on"] < on)
        )
    return found
