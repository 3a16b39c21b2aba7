"""Alternative-format kit requests: the only code that writes them.

``kit_request_submit`` does what the guides' e-mail does (EX-33): the rules
(``portique.rules.online.check_alternative_format_request``) decide whether the request
says everything IRCC needs; this module adds what a postal address needs to be mailable
and turns each finding into an error at its field. ``kit_request_mark_sent`` records what
an officer sent and when, with the covering letter (IRPR 11). Both are atomic, write the
request's history, and send e-mail only once the transaction has committed.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import date
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from portique.rules.online import AlternativeFormatRequest, Kit, OtherMeans, check_alternative_format_request
from portique.rules.online import Delivery as RulesDelivery
from portique.rules.online import KitLanguage as RulesKitLanguage
from portique.rules.paper_submission import paper_submission
from portique.rules.programs import registry

from .access import can_handle_kit_requests
from .choices import (
    Country,
    Delivery,
    EventKind,
    FormatChoice,
    KitChoice,
    KitLanguage,
    Province,
    RequestStatus,
)
from .models import KitFollowUp, KitRequest, KitRequestEvent

# Canada Post's format: letter digit letter, space, digit letter digit; D, F, I, O, Q and U
# are never used, nor W and Z in first position.
_POSTAL_CODE = re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$")
_REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud on the phone


class KitRequestInvalid(Exception):
    """The request lacks something; ``errors`` maps each form field to its messages."""

    def __init__(self, errors: dict[str, list]):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class KitRequestInput:
    """What the person typed. Blank strings are "not answered"; nothing is about a disability."""

    kit: str = ""
    kit_format: str = ""
    kit_language: str = ""
    delivery: str = ""
    email: str = ""
    address_line: str = ""
    city: str = ""
    province: str = ""
    postal_code: str = ""
    country: str = ""
    full_name: str = ""
    sponsor_name: str = ""
    needs_other_format: bool = False


def _kit_for_sponsored_person(kit: str) -> bool:
    """Whether ``kit`` is the kit of programs where a family member sponsors the person (their definitions say)."""
    return any(
        definition.sponsored for definition in registry.programs() if definition.kit and definition.kit.value == kit
    )


def _rule_message(found):
    """A rule's reason as a lazy string, read in the language of whoever displays it."""
    return lazy(lambda: found.message(translation.get_language() or "en"), str)()


# Each rule finding of check_alternative_format_request, as an error at the form field it
# concerns. The rules word them for an e-mail ("the subject line must…"); a form speaks of
# its own fields, so the field messages are the portal's, translated in the catalogue.
_FIELD_ERRORS = {
    "SUBJECT_KIT_MISSING": ("kit", _("Choose the application kit you need.")),
    "SUBJECT_FORMAT_MISSING": ("kit_format", _("Choose the format you need: paper, braille or large print.")),
    "PASSPORT_NAME_MISSING": (
        "full_name",
        _("Enter the principal applicant’s full name, exactly as it appears on the passport."),
    ),
    "SPONSOR_NAME_MISSING": ("sponsor_name", _("Enter the full name of the sponsor.")),
    "NEED_STATEMENT_MISSING": (
        "needs_other_format",
        _("Confirm that you need the application kit in another format."),
    ),
    "KIT_LANGUAGE_MISSING": ("kit_language", _("Choose whether you want the kit in English or in French.")),
    "DELIVERY_METHOD_MISSING": (
        "delivery",
        _("Choose how you want to receive the kit: by e-mail or by mail."),
    ),
    "DELIVERY_EMAIL_MISSING": (
        "email",
        _(
            "Enter an e-mail address in the correct format, like name@example.com, to receive the kit by e-mail."
        ),
    ),
    "DELIVERY_ADDRESS_MISSING": (
        "address_line",
        _("Enter the street address or post office box the kit should be mailed to."),
    ),
    "DELIVERY_ADDRESS_NOT_IN_CANADA": (
        "country",
        _("Kits are mailed only to addresses in Canada. Choose to receive the kit by e-mail instead."),
    ),
}

_LIMITS = {"email": 254, "address_line": 200, "city": 100, "full_name": 200, "sponsor_name": 200}


def _choice(value: str, choices) -> str:
    return value if value in choices.values else ""


def _clean(data: KitRequestInput) -> dict:
    """Trimmed values, with any value outside its choices treated as not answered."""
    return {
        "kit": _choice(data.kit, KitChoice),
        "kit_format": _choice(data.kit_format, FormatChoice),
        "kit_language": _choice(data.kit_language, KitLanguage),
        "delivery": _choice(data.delivery, Delivery),
        "email": data.email.strip(),
        "address_line": " ".join(data.address_line.split()),
        "city": " ".join(data.city.split()),
        "province": _choice(data.province, Province),
        "postal_code": data.postal_code.strip().upper(),
        "country": _choice(data.country, Country),
        "full_name": " ".join(data.full_name.split()),
        "sponsor_name": " ".join(data.sponsor_name.split()),
        "needs_other_format": bool(data.needs_other_format),
    }


def _validate(values: dict, on: date) -> dict[str, list]:
    errors: dict[str, list] = {}

    def add(field: str, message) -> None:
        errors.setdefault(field, []).append(message)

    mailing_address = ", ".join(
        part
        for part in (values["address_line"], values["city"], values["province"], values["postal_code"])
        if part
    )
    request = AlternativeFormatRequest(
        subject_kit=Kit(values["kit"]) if values["kit"] else None,
        subject_format=OtherMeans(values["kit_format"]) if values["kit_format"] else None,
        full_name_as_on_passport=values["full_name"],
        states_need_for_other_format=values["needs_other_format"],
        language=RulesKitLanguage(values["kit_language"]) if values["kit_language"] else None,
        delivery=RulesDelivery(values["delivery"]) if values["delivery"] else None,
        email=values["email"] or None,
        mailing_address=mailing_address or None,
        mailing_address_country=values["country"] or None,
        # A sponsorship's kit is for a person sponsored by a family member (IMM 5289).
        sponsored_by_family_member=_kit_for_sponsored_person(values["kit"]),
        sponsor_full_name=values["sponsor_name"] or None,
    )
    check = check_alternative_format_request(request=request, on=on)
    for found in check.reasons:
        if found.code in _FIELD_ERRORS:
            field, message = _FIELD_ERRORS[found.code]
            add(field, message)
        elif found.severity.value == "blocking":
            # A finding this form does not know yet: show the rule's own words, never drop it.
            add("__all__", _rule_message(found))

    # A mailable Canadian address needs its city, province and postal code too (the
    # rules only ask that there be one, in Canada).
    if values["delivery"] == Delivery.MAIL and values["country"] == Country.CANADA and mailing_address:
        if not values["address_line"]:
            add("address_line", _FIELD_ERRORS["DELIVERY_ADDRESS_MISSING"][1])
        if not values["city"]:
            add("city", _("Enter the city or town."))
        if not values["province"]:
            add(
                "province",
                _("Choose the province or territory: kits are mailed to addresses in Canada only."),
            )
        if not values["postal_code"]:
            add("postal_code", _("Enter the postal code: kits are mailed to addresses in Canada only."))
        elif not _POSTAL_CODE.match(values["postal_code"]):
            add("postal_code", _("Enter a Canadian postal code in the format A1A 1A1."))
    for field, limit in _LIMITS.items():
        if len(values[field]) > limit:
            add(field, _("This answer is too long: use at most %(limit)s characters.") % {"limit": limit})
    return errors


def _new_reference() -> str:
    return "ALT-" + "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))


def _event(
    *, kit_request: KitRequest, kind: EventKind, actor=None, before: str = "", detail: str = ""
) -> None:
    KitRequestEvent.objects.create(
        request=kit_request,
        kind=kind,
        from_status=before,
        to_status=kit_request.status,
        actor=actor if actor is not None and actor.is_authenticated else None,
        detail=detail,
    )


def kit_request_submit(*, data: KitRequestInput, language: str, on: date) -> KitRequest:
    """Record a request for a kit in another format; acknowledge it by e-mail if an address was given.

    Raises ``KitRequestInvalid`` (nothing saved) when something IRCC needs is missing.
    """
    values = _clean(data)
    errors = _validate(values, on)
    if errors:
        raise KitRequestInvalid(errors)
    if values["delivery"] == Delivery.EMAIL:
        # The address is not used for mail delivery: keep none.
        for field in ("address_line", "city", "province", "postal_code", "country"):
            values[field] = ""
    else:
        values["postal_code"] = values["postal_code"].replace(" ", "")
        values["postal_code"] = values["postal_code"][:3] + " " + values["postal_code"][3:]
    if not _kit_for_sponsored_person(values["kit"]):
        values["sponsor_name"] = ""
    values.pop("needs_other_format")
    language = language if language in KitLanguage.values else settings.LANGUAGE_CODE
    for _attempt in range(5):
        try:
            with transaction.atomic():
                kit_request = KitRequest.objects.create(
                    reference=_new_reference(), language=language, **values
                )
                _event(kit_request=kit_request, kind=EventKind.RECEIVED)
                if kit_request.email:
                    transaction.on_commit(partial(_send_acknowledgement, kit_request))
            return kit_request
        except IntegrityError:
            # Two requests drew the same reference (1 in 10^12): draw again.
            continue
    raise RuntimeError("could not draw a unique kit request reference")


def _mail(*, to: str, template: str, context: dict, language: str, attachments=()) -> None:
    with translation.override(language):
        subject = render_to_string(f"alternatives/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"alternatives/email/{template}_body.txt", context)
    message = EmailMessage(subject=" ".join(subject.splitlines()), body=body, to=[to])
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()


def _send_acknowledgement(kit_request: KitRequest) -> None:
    with translation.override(kit_request.language):
        form_url = settings.SITE_URL + reverse("alternatives:kit_request")
    _mail(
        to=kit_request.email,
        template="acknowledgement",
        context={"kit_request": kit_request, "form_url": form_url, "help_line": _help_line()},
        language=kit_request.language,
    )


def _help_line() -> str:
    from portique.rules.parameters import value

    return value("online.alternative_format_help_line", timezone.localdate())


# --- The officer's side -------------------------------------------------------------------


class KitRequestAlreadySent(Exception):
    """The kit was already sent: the record of that dispatch is not overwritten."""


@dataclass(frozen=True)
class Dispatch:
    """What the officer sent. ``submission_address`` is needed only when the data has none for the kit."""

    sent_on: date | None
    sent_items: str
    tracking_number: str = ""
    submission_address: str = ""


def submission_address_for(kit_request: KitRequest, on: date) -> dict:
    """The address the covering letter gives for the completed application (IRPR 11), from the data."""
    where = paper_submission(kit=Kit(kit_request.kit), on=on)
    address = {"courier_required": where.courier_required, "source": "data"}
    if where.mail is not None:
        address["mail"] = {"lines": list(where.mail.lines), "citation": where.mail.citation}
    if where.courier is not None:
        address["courier"] = {"lines": list(where.courier.lines), "citation": where.courier.citation}
    return address


def kit_request_mark_sent(*, actor, public_id, dispatch: Dispatch, today: date) -> KitRequest:
    """Record that the kit and its covering letter were sent; the letter is made and kept here.

    Raises ``PermissionDenied`` for anyone but an officer who handles kit requests,
    ``KitRequestInvalid`` for a missing date or content (nothing saved), and
    ``KitRequestAlreadySent`` for a request already answered.
    """
    if not can_handle_kit_requests(actor):
        raise PermissionDenied
    from .letters import covering_letter_pdf

    errors: dict[str, list] = {}
    items = dispatch.sent_items.strip()
    if dispatch.sent_on is None:
        errors.setdefault("sent_on", []).append(_("Enter the date the kit was sent."))
    elif dispatch.sent_on > today:
        errors.setdefault("sent_on", []).append(_("The date sent cannot be in the future."))
    if not items:
        errors.setdefault("sent_items", []).append(
            _("Say what was sent (for example: forms and guide in braille).")
        )
    with transaction.atomic():
        kit_request = KitRequest.objects.select_for_update().get(public_id=public_id)
        if kit_request.status == RequestStatus.SENT:
            raise KitRequestAlreadySent
        address = submission_address_for(kit_request, dispatch.sent_on or today)
        typed = [line.strip() for line in dispatch.submission_address.splitlines() if line.strip()]
        if "mail" not in address and "courier" not in address:
            # ⛔ gap in the sources (IMM 5289): the officer writes the address IRCC gives.
            if not typed:
                errors.setdefault("submission_address", []).append(
                    _(
                        "The guides do not give the address for this kit: enter the address the applicant must send the application to."
                    )
                )
            address["officer"] = {"lines": typed}
            address["source"] = "officer"
        if errors:
            raise KitRequestInvalid(errors)
        before = kit_request.status
        kit_request.status = RequestStatus.SENT
        kit_request.sent_on = dispatch.sent_on
        kit_request.sent_by = actor
        kit_request.sent_items = items[:2000]
        kit_request.tracking_number = dispatch.tracking_number.strip()[:60]
        kit_request.submission_address = address
        pdf = covering_letter_pdf(kit_request)
        kit_request.covering_letter.save(f"{kit_request.reference}.pdf", ContentFile(pdf), save=False)
        stored = kit_request.covering_letter.name
        try:
            kit_request.save(
                update_fields=[
                    "status",
                    "sent_on",
                    "sent_by",
                    "sent_items",
                    "tracking_number",
                    "submission_address",
                    "covering_letter",
                ]
            )
            _event(
                kit_request=kit_request, kind=EventKind.SENT, actor=actor, before=before, detail=items[:2000]
            )
        except Exception:
            kit_request.covering_letter.storage.delete(stored)
            raise
        if kit_request.email:
            transaction.on_commit(lambda: _send_dispatch_notice(kit_request, pdf))
    return kit_request


def _send_dispatch_notice(kit_request: KitRequest, pdf: bytes) -> None:
    _mail(
        to=kit_request.email,
        template="sent",
        context={"kit_request": kit_request, "help_line": _help_line()},
        language=kit_request.language,
        attachments=[(f"covering-letter-{kit_request.reference}.pdf", pdf, "application/pdf")],
    )


def covering_letter_downloaded(*, actor, kit_request: KitRequest) -> None:
    """An officer opened the covering letter: who looked at what is kept."""
    if not can_handle_kit_requests(actor):
        raise PermissionDenied
    _event(kit_request=kit_request, kind=EventKind.LETTER_DOWNLOADED, actor=actor, before=kit_request.status)


def _formatted(message, **values):
    """``message % values`` in whichever language it is read in (the error is shown in the page's)."""
    return lazy(lambda: str(message) % {key: str(value) for key, value in values.items()}, str)()


def paper_application_register_following_kit(*, actor, data, kit_reference: str, today: date):
    """Register a paper application (``applications.paper_intake``) and link the kit request it follows.

    ``kit_reference`` is optional: blank registers the application alone. Given, it must name
    a kit request for the same kind of application (a PR card kit, or a sponsorship kit);
    otherwise nothing is saved and its error joins the intake's. The link is shown on both
    records and written to the kit request's history.
    """
    from portique.applications.paper_intake import PaperIntakeInvalid, paper_application_register

    reference = "".join((kit_reference or "").split()).upper()
    if not reference:
        return paper_application_register(actor=actor, data=data, today=today)
    with transaction.atomic():
        kit_request = KitRequest.objects.select_for_update().filter(reference=reference).first()
        problems = []
        if kit_request is None:
            problems.append(
                _formatted(
                    _("No kit request has the reference number %(reference)s. Check it, or leave it blank."),
                    reference=reference,
                )
            )
        elif data.program in registry.codes() and kit_request.kit != getattr(
            registry.program(data.program).kit, "value", None
        ):
            # A program with no kit in another format (``kit`` None) follows no kit request.
            problems.append(
                _formatted(
                    _("Kit request %(reference)s was for another kit: %(kit)s."),
                    reference=reference,
                    kit=KitChoice(kit_request.kit).label,
                )
            )
        try:
            # First, so that the intake officer's permission is checked before anything is said.
            application = paper_application_register(actor=actor, data=data, today=today)
        except PaperIntakeInvalid as invalid:
            if problems:
                invalid.errors["kit_reference"] = problems
            raise
        if problems:
            raise PaperIntakeInvalid({"kit_reference": problems})
        KitFollowUp.objects.create(kit_request=kit_request, application=application, linked_by=actor)
        _event(
            kit_request=kit_request,
            kind=EventKind.PAPER_APPLICATION,
            actor=actor,
            before=kit_request.status,
            detail=f"paper application {application.number} received on {application.received_on.isoformat()}",
        )
    return application
