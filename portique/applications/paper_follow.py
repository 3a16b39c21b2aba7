"""A paper application followed online: its applicant links it to their own account.

As a representative links a client's existing application (``representation_link_request``:
its number and the client's e-mail address, and one answer whatever matched), the applicant
gives the application number and two facts they wrote on paper and nobody else has: their
date of birth and the postal code of the mailing address they gave. A right set links; any
wrong one (a number that does not exist, that is not a paper application, that is already
linked, a wrong fact) gets the same refusal, so that nobody learns which numbers exist.
Attempts are counted per account (``portique.core.ratelimit``): numbers are sequential, and
a date of birth has few values, so a guesser is stopped long before they could try them.

From then on the account reads the application (``access.capabilities``): letters and requests
appear on its status page and each letter is announced by e-mail; the paper mailing the
intake records goes on as before.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from portique.accounts.choices import Role
from portique.core import ratelimit

from .choices import EDITABLE, Channel
from .models import Application, PaperFollower
from .services import applicant_birth_date

log = logging.getLogger(__name__)

# A person may mistype once or twice; five tries an hour leave room for that and nothing more.
_DEFAULT_LIMIT = (5, 60 * 60)


class PaperLinkRefused(Exception):
    """The one answer to anything but a right set of facts (no enumeration)."""

    message = _(
        "We could not link an application with these details to your account. Check the application "
        "number on the letter we mailed you, your date of birth and the postal code of the mailing "
        "address you gave on paper."
    )


class PaperLinkLimited(Exception):
    message = _("Too many attempts. For your security, try again in an hour.")


def _limit() -> tuple[int, int]:
    return getattr(settings, "PAPER_LINK_RATE_LIMIT", _DEFAULT_LIMIT)


def _compact(text: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", (text or "").upper())


def _postal_code_matches(application: Application, postal_code: str) -> bool:
    given = _compact(postal_code)
    if len(given) < 3:
        return False
    # The address typed in at intake, line by line (a postal code is on one line).
    return any(given in _compact(line) for line in application.paper_intake.address_lines())


def _facts_match(application: Application, born_on: date | None, postal_code: str) -> bool:
    try:
        born = applicant_birth_date(application)
    except Exception:  # noqa: BLE001 - an application without its principal applicant's forms links to no one
        return False
    return born is not None and born == born_on and _postal_code_matches(application, postal_code)


def paper_application_link(*, actor, number: str, born_on: date | None, postal_code: str) -> Application:
    """Link the paper application ``number`` to the applicant ``actor`` if the facts are its applicant's.

    Raises ``PaperLinkRefused`` (one message for every wrong case) or ``PaperLinkLimited``.
    Linking again an application already linked to ``actor`` returns it.
    """
    if not actor.is_authenticated or actor.role != Role.APPLICANT:
        raise PaperLinkRefused
    allowed, window = _limit()
    # Counted before anything is looked up: a right guess after the limit is refused too.
    if ratelimit.hit(f"paper_link:account:{actor.pk}", allowed, window):
        raise PaperLinkLimited
    number = (number or "").strip()
    with transaction.atomic():
        application = (
            Application.objects.select_for_update()
            .filter(number__iexact=number, channel=Channel.PAPER)
            .exclude(status__in=EDITABLE)
            .first()
            if number
            else None
        )
        if application is None or not _facts_match(application, born_on, postal_code):
            log.info("paper link by account %s: nothing linked", actor.pk)
            raise PaperLinkRefused
        follower = PaperFollower.objects.filter(application=application).first()
        if follower is not None:
            if follower.account_id == actor.pk:
                return application
            # Someone else already follows it: the same answer as a wrong number.
            log.warning("paper link by account %s: application already followed by another", actor.pk)
            raise PaperLinkRefused
        try:
            with transaction.atomic():
                PaperFollower.objects.create(application=application, account=actor)
        except IntegrityError as raced:
            raise PaperLinkRefused from raced
    return application


def followed_paper_applications(*, account):
    """The paper applications ``account`` follows, newest first."""
    return (
        Application.objects.filter(online_follower__account=account, channel=Channel.PAPER)
        .exclude(status__in=EDITABLE)
        .order_by("-created_at")
    )
