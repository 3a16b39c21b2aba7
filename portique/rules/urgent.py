"""Urgent processing of a PR card application (IMM 5445 "Votre demande est-elle urgente?").

Rules PRC-95 to PRC-98: the request is marked (portal box or "Urgent" on the envelope)
with the departure date; travel must be within three months for one of four reasons;
four documents prove it; and IRCC never processes a card in less than three weeks, so a
closer departure calls for a permanent resident travel document (PRTD).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

from .dates import add_months
from .parameters import value
from .reasons import Reason, Severity, reason
from .records import fast_init

# Reasons are immutable, and most repeat from case to case (same code, same numbers):
# building each once keeps a batch of cases fast (formatting two messages costs more
# than every rule's arithmetic).
_reason = lru_cache(maxsize=4096)(reason)

URGENT = "IMM 5445 — Votre demande est-elle urgente?"


class UrgentReason(str, Enum):
    """The four reasons for which a card may be needed urgently (PRC-96)."""

    OWN_SERIOUS_ILLNESS = "own_illness"
    FAMILY_MEMBER_ILLNESS_OR_DEATH = "family_illness_or_death"
    WORK = "work"  # current job or a job opportunity
    CRISIS = "crisis"  # crisis, emergency or vulnerable situation


class UrgentDocument(str, Enum):
    """The four documents that show the need (PRC-97); all are required."""

    PROOF_OF_TRAVEL = "URGENT_PROOF_OF_TRAVEL"  # tickets or itinerary: destination and dates
    PROOF_OF_TRIP_PAYMENT = "URGENT_PROOF_OF_TRIP_PAYMENT"  # date, full amount, method
    URGENCY_LETTER = "URGENT_LETTER_EXPLAINING_URGENCY"
    PROOF_OF_URGENCY = "URGENT_PROOF_OF_URGENCY"  # doctor's note, death certificate, employer letter…


DOCUMENT_NAMES = {
    UrgentDocument.PROOF_OF_TRAVEL: (
        "proof of travel (tickets or itinerary)",
        "preuve de voyage (billets ou itinéraire)",
    ),
    UrgentDocument.PROOF_OF_TRIP_PAYMENT: ("proof of payment for the trip", "preuve de paiement du voyage"),
    UrgentDocument.URGENCY_LETTER: (
        "letter explaining the urgency",
        "lettre expliquant les raisons de l’urgence",
    ),
    UrgentDocument.PROOF_OF_URGENCY: ("proof of the urgency", "preuve de l’urgence"),
}


class UrgentOutcome(str, Enum):
    """What becomes of the urgent request."""

    ELIGIBLE = "eligible"  # may be processed urgently; never guaranteed
    DOCUMENTS_MISSING = "documents_missing"  # may not be processed urgently
    TOO_LATE_APPLY_FOR_PRTD = "too_late_apply_for_prtd"  # departure within three weeks
    NOT_ELIGIBLE = "not_eligible"  # no listed reason, or travel beyond three months


@fast_init
@dataclass(frozen=True, slots=True)
class UrgentAssessment:
    """The outcome, the last departure date that fits the window, and the reasons."""

    outcome: UrgentOutcome
    latest_departure: date
    earliest_card_date: date
    reasons: tuple[Reason, ...]


def assess_urgent_request(
    *,
    application_date: date,
    departure_date: date | None,
    urgent_reason: UrgentReason | None,
    documents_provided: Collection[UrgentDocument] = (),
    marked_urgent: bool = True,
    untranslated_documents: bool = False,
) -> UrgentAssessment:
    """Whether a PR card application may be processed urgently (PRC-95 to PRC-98).

    ``marked_urgent`` is the portal box "Oui, ma demande est urgente" (or "Urgent" on a
    paper envelope); ``untranslated_documents`` is true when any of the documents is in
    neither English nor French and has no translation.
    """
    months = value("pr_card.urgent_travel_window_months", application_date)
    weeks = value("pr_card.minimum_processing_weeks", application_date)
    latest = add_months(application_date, months)
    earliest_card = application_date + timedelta(weeks=weeks)
    found: list[Reason] = []
    not_eligible = False

    if not marked_urgent:
        found.append(
            _reason(
                "URGENT_REQUEST_NOT_MARKED",
                rule="PRC-95",
                citation=URGENT,
                en="Tick “Yes, my application is urgent” in the portal (or write “Urgent” on a paper application’s envelope).",
                fr="Cochez « Oui, ma demande est urgente » dans le portail (ou inscrivez « Urgent » sur l’enveloppe d’une demande papier).",
                severity=Severity.WARNING,
            )
        )
    if urgent_reason is None:
        not_eligible = True
        found.append(
            _reason(
                "NO_URGENT_REASON",
                rule="PRC-96",
                citation=URGENT,
                en=(
                    "Urgent processing is only for travel because of your serious illness, a family member’s serious "
                    "illness or death, work, or a crisis, emergency or vulnerable situation."
                ),
                fr=(
                    "Le traitement en urgence est réservé aux voyages en raison d’une maladie grave, de la maladie grave "
                    "ou du décès d’un membre de la famille, du travail, ou d’une situation de crise, d’urgence ou de "
                    "vulnérabilité."
                ),
            )
        )
    if departure_date is None:
        not_eligible = True
        found.append(
            _reason(
                "DEPARTURE_DATE_MISSING",
                rule="PRC-95",
                citation=URGENT,
                en="Give your departure date.",
                fr="Indiquez votre date de départ.",
                subject="departure_date",
            )
        )
    elif departure_date < application_date:
        not_eligible = True
        found.append(
            _reason(
                "DEPARTURE_BEFORE_APPLICATION",
                rule="PRC-96",
                citation=URGENT,
                en="The departure date {departure} is before the application date.",
                fr="La date de départ ({departure}) précède la date de la demande.",
                subject="departure_date",
                departure=departure_date.isoformat(),
            )
        )
    elif departure_date > latest:
        not_eligible = True
        found.append(
            _reason(
                "TRAVEL_NOT_WITHIN_3_MONTHS",
                rule="PRC-96",
                citation=URGENT,
                en="Urgent processing is for travel within the next {months} months (by {latest}); you leave on {departure}.",
                fr="Le traitement en urgence vise les voyages au cours des {months} prochains mois (au plus tard le {latest}) ; vous partez le {departure}.",
                subject="departure_date",
                months=months,
                latest=latest.isoformat(),
                departure=departure_date.isoformat(),
            )
        )

    too_late = departure_date is not None and application_date <= departure_date < earliest_card
    if too_late:
        found.append(
            _reason(
                "CANNOT_PROCESS_IN_LESS_THAN_3_WEEKS",
                rule="PRC-98",
                citation=f"{URGENT} (Remarque)",
                en=(
                    "IRCC cannot process a PR card application in less than {weeks} weeks, and you leave on {departure}. "
                    "Apply for a permanent resident travel document (PRTD) to come back to Canada."
                ),
                fr=(
                    "IRCC ne peut pas traiter une demande de carte RP en moins de {weeks} semaines et vous partez le "
                    "{departure}. Présentez une demande de titre de voyage pour résident permanent (TVRP) pour revenir au Canada."
                ),
                severity=Severity.WARNING,
                subject="departure_date",
                weeks=weeks,
                departure=departure_date.isoformat(),
            )
        )

    provided = {UrgentDocument(document) for document in documents_provided}
    missing = [document for document in UrgentDocument if document not in provided]
    if missing:
        found.append(
            _reason(
                "URGENT_DOCUMENTS_MISSING",
                rule="PRC-97",
                citation=URGENT,
                en="Without all four documents IRCC may not be able to process your application urgently; missing: {names}.",
                fr="Sans les quatre documents, IRCC pourrait ne pas être en mesure de traiter votre demande en urgence ; il manque : {names_fr}.",
                severity=Severity.WARNING,
                names="; ".join(DOCUMENT_NAMES[document][0] for document in missing),
                names_fr="; ".join(DOCUMENT_NAMES[document][1] for document in missing),
            )
        )
    if untranslated_documents:
        found.append(
            _reason(
                "URGENT_DOCUMENTS_NEED_TRANSLATION",
                rule="PRC-97, X-01",
                citation=f"{URGENT}; IMM 5445 — Traduction de documents",
                en="Provide an English or French translation of every document in another language.",
                fr="Fournissez une traduction française ou anglaise de tous les documents rédigés dans une autre langue.",
                severity=Severity.WARNING,
            )
        )

    if not_eligible:
        outcome = UrgentOutcome.NOT_ELIGIBLE
    elif too_late:
        outcome = UrgentOutcome.TOO_LATE_APPLY_FOR_PRTD
    elif missing or untranslated_documents:
        outcome = UrgentOutcome.DOCUMENTS_MISSING
    else:
        outcome = UrgentOutcome.ELIGIBLE
        found.append(
            _reason(
                "ELIGIBLE_FOR_URGENT_PROCESSING",
                rule="PRC-96, PRC-97, PRC-98",
                citation=URGENT,
                en=(
                    "Your request meets the conditions for urgent processing. IRCC cannot guarantee that you will "
                    "receive your card in time; if it does not arrive before you leave, apply for a PRTD."
                ),
                fr=(
                    "Votre demande remplit les conditions du traitement en urgence. IRCC ne peut pas garantir que vous "
                    "recevrez votre carte à temps ; si elle n’arrive pas avant votre départ, présentez une demande de TVRP."
                ),
                severity=Severity.INFO,
            )
        )
    return UrgentAssessment(outcome, latest, earliest_card, tuple(found))
