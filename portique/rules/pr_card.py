"""Who may apply for a permanent resident card, and when (guide IMM 5445, seed 002).

Rules PRC-05 to PRC-21 of the rules digest: why a person applies (PRC-10), the first
card (PRC-11), the 270-day renewal rule (PRC-12), the 60-day window after an IRCC error
(PRC-13), eligibility (PRC-20, PRC-21), the old card's invalidity 60 days after a new
one is issued (PRC-05), the travel document for a permanent resident abroad (PRC-06,
PRC-07) and where a paper application goes (PRC-90).

``assess_pr_card_application`` combines them; the smaller functions are public so that
a screen can ask one question at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

from .parameters import value
from .reasons import Reason, Severity, reason
from .records import fast_init
from .residency import ResidencyStatus

# Reasons are immutable, and most repeat from case to case (same code, same numbers):
# building each once keeps a batch of cases fast (formatting two messages costs more
# than every rule's arithmetic).
_reason = lru_cache(maxsize=4096)(reason)

WHO_MAY_APPLY = "IMM 5445 — Qui peut utiliser cette demande"
ELIGIBILITY = "IMM 5445 — Êtes-vous admissible?"
ABROAD = "IMM 5445 — Résidents permanents à l’étranger"
TRAVEL = "IMM 5445 — Si vous prévoyez voyager"
YOUR_CARD = "IMM 5445 — Step 1: Votre carte RP"
CITIZENSHIP = "IMM 5445 — Vous pourriez être admissible à la citoyenneté canadienne"
WHAT_NEXT = "IMM 5445 — Et ensuite?"
SUBMIT = "IMM 5445 — Step 4: Soumettre la demande"
APPENDIX_A = "IMM 5445 — Appendix A: Obligation de résidence"
HUMANITARIAN = "IMM 5445 — Appendix A: Motifs d’ordre humanitaire"


class Purpose(str, Enum):
    """Why the permanent resident applies (PRC-10; the IMM 5444 "purpose" answers)."""

    FIRST_CARD = "first_card"
    RENEWAL = "renewal"
    REPLACEMENT_LOST = "replacement_lost"
    REPLACEMENT_STOLEN = "replacement_stolen"
    REPLACEMENT_DAMAGED = "replacement_damaged"
    REPLACEMENT_NOT_RECEIVED = "replacement_not_received"
    LEGAL_NAME_CHANGE = "legal_name_change"
    SEX_DESIGNATION_CHANGE = "sex_designation_change"
    ERROR_ON_CARD = "error_on_card"


REPLACEMENTS = frozenset(
    {
        Purpose.REPLACEMENT_LOST,
        Purpose.REPLACEMENT_STOLEN,
        Purpose.REPLACEMENT_DAMAGED,
        Purpose.REPLACEMENT_NOT_RECEIVED,
    }
)
# Purposes for which the applicant holds (or held) a card that the new one replaces.
PURPOSES_WITH_A_CARD = frozenset(Purpose) - {Purpose.FIRST_CARD}


class Channel(str, Enum):
    """How the application is made: in the PR portal, or on paper (alternative format)."""

    ONLINE = "online"
    PAPER = "paper"


class Outcome(str, Enum):
    """What happens to the application as it stands.

    ``NOT_ELIGIBLE`` wins over ``RETURNED`` when both apply: a person who cannot get a
    card at all should hear that first, whatever the state of the file.
    """

    MAY_APPLY = "may_apply"
    RETURNED = "returned"  # IRPR s.12: sent back unprocessed
    NOT_ELIGIBLE = "not_eligible"


# --------------------------------------------------------------------------- 270 days


@fast_init
@dataclass(frozen=True, slots=True)
class RenewalTiming:
    """PRC-12: whether a renewal comes too early. ``days_remaining`` is ``None`` without a card."""

    returned: bool
    days_remaining: int | None
    reasons: tuple[Reason, ...]


def renewal_timing(
    *,
    purpose: Purpose,
    application_date: date,
    card_expiry: date | None,
    legal_name_changed: bool = False,
    sex_designation_changed: bool = False,
) -> RenewalTiming:
    """Apply the 270-day rule (PRC-12) to an application made on ``application_date``.

    ``card_expiry`` is the expiry date printed on the current card. A renewal is returned
    when the card is valid for more than 270 days after the application date, unless the
    name or sex was legally changed. Replacements and corrections are not renewals.
    """
    limit = value("pr_card.renewal_max_days_remaining", application_date)
    if purpose is not Purpose.RENEWAL:
        # Reading (PRC-12 ℹ): the guide states the rule for renewals only; replacing a lost,
        # stolen or damaged card, or correcting IRCC's error, is a different reason (AS-24).
        days = (card_expiry - application_date).days if card_expiry else None
        return RenewalTiming(
            False,
            days,
            (
                _reason(
                    "NOT_A_RENEWAL_270_DAY_RULE_DOES_NOT_APPLY",
                    rule="PRC-12",
                    citation=f"{WHO_MAY_APPLY} (Renseignements importants)",
                    en="The {limit}-day rule applies to renewals only; it does not prevent this application.",
                    fr="La règle des {limit} jours ne vise que les renouvellements ; elle n’empêche pas la présente demande.",
                    severity=Severity.INFO,
                    limit=limit,
                ),
            ),
        )
    if card_expiry is None:
        return RenewalTiming(
            True,
            None,
            (
                _reason(
                    "CARD_EXPIRY_DATE_MISSING",
                    rule="PRC-12, PRC-67",
                    citation=f"{WHO_MAY_APPLY}; IRPR 10(1)(c), 12",
                    en="Give the expiry date of the card you want to renew; an unanswered question makes IRCC return the application.",
                    fr="Indiquez la date d’expiration de la carte à renouveler ; une question sans réponse entraîne le retour de la demande.",
                    subject="current_card_expiry",
                ),
            ),
        )
    # Reading (G-06): days remaining are counted from the application (submission) date to
    # the expiry date; only MORE than 270 returns the application, so exactly 270 is fine.
    days = (card_expiry - application_date).days
    if days <= limit:
        return RenewalTiming(
            False,
            days,
            (
                _reason(
                    "RENEWAL_TIMING_OK",
                    rule="PRC-12",
                    citation=f"{WHO_MAY_APPLY} (Renseignements importants)",
                    en="Your card is valid for {days} more days, not more than {limit}: you may apply to renew it.",
                    fr="Votre carte est encore valide pour {days} jours, soit au plus {limit} : vous pouvez en demander le renouvellement.",
                    severity=Severity.INFO,
                    days=days,
                    limit=limit,
                ),
            ),
        )
    if legal_name_changed or sex_designation_changed:
        return RenewalTiming(
            False,
            days,
            (
                _reason(
                    "EARLY_RENEWAL_ALLOWED_NAME_OR_SEX_CHANGE",
                    rule="PRC-12",
                    citation=f"{WHO_MAY_APPLY} (Renseignements importants)",
                    en="Your card is valid for {days} more days, but you legally changed your name or sex: you may apply now.",
                    fr="Votre carte est encore valide pour {days} jours, mais vous avez légalement changé votre nom ou votre sexe : vous pouvez présenter une demande dès maintenant.",
                    severity=Severity.INFO,
                    days=days,
                ),
            ),
        )
    return RenewalTiming(
        True,
        days,
        (
            _reason(
                "CARD_VALID_MORE_THAN_270_DAYS",
                rule="PRC-12",
                citation=f"{WHO_MAY_APPLY} (Renseignements importants)",
                en=(
                    "Your card is still valid for {days} days, more than {limit}. Do not apply to renew it yet "
                    "unless you legally changed your name or sex; otherwise IRCC will return your application."
                ),
                fr=(
                    "Votre carte est encore valide pour {days} jours, soit plus de {limit}. Ne présentez pas encore "
                    "de demande de renouvellement, à moins d’avoir légalement changé votre nom ou votre sexe ; "
                    "sinon, votre demande vous sera retournée."
                ),
                subject="current_card_expiry",
                days=days,
                limit=limit,
            ),
        ),
    )


# --------------------------------------------------------------------- IRCC error window


@dataclass(frozen=True, slots=True)
class ErrorWindow:
    """PRC-13: whether a card with IRCC's error is still within the 60-day window."""

    within_window: bool
    last_day: date
    reasons: tuple[Reason, ...]


def ircc_error_window(*, card_issued_on: date, application_date: date) -> ErrorWindow:
    """Whether ``application_date`` falls within 60 days of the issue of a card IRCC got wrong.

    Outside the window the person may still ask for a replacement (the guide: "Dans
    d'autres situations, vous pouvez également demander une carte RP de remplacement"),
    so the finding is a warning, not a bar.
    """
    window = value("pr_card.ircc_error_window_days", application_date)
    # Reading (G-07): the 60 days run from the issue date printed on the card (the only
    # date the applicant and IRCC both hold), day 60 included.
    last_day = card_issued_on + timedelta(days=window)
    elapsed = (application_date - card_issued_on).days
    if elapsed <= window:
        found = _reason(
            "IRCC_ERROR_WITHIN_60_DAYS",
            rule="PRC-13",
            citation=ABROAD,
            en="IRCC made an error on a card issued {elapsed} days ago: you may ask for a new card until {last_day}.",
            fr="IRCC a fait une erreur sur une carte délivrée il y a {elapsed} jours : vous pouvez demander une nouvelle carte jusqu’au {last_day}.",
            severity=Severity.INFO,
            elapsed=elapsed,
            last_day=last_day.isoformat(),
        )
    else:
        found = _reason(
            "IRCC_ERROR_WINDOW_PASSED",
            rule="PRC-13",
            citation=ABROAD,
            en=(
                "The {window} days to ask for a new card because of IRCC's error ended on {last_day}. "
                "You may still apply for a replacement card with this application."
            ),
            fr=(
                "Le délai de {window} jours pour demander une nouvelle carte en raison d’une erreur d’IRCC a pris fin "
                "le {last_day}. Vous pouvez tout de même demander une carte de remplacement au moyen de cette demande."
            ),
            severity=Severity.WARNING,
            subject="current_card_issue_date",
            window=window,
            last_day=last_day.isoformat(),
        )
    return ErrorWindow(elapsed <= window, last_day, (found,))


# ------------------------------------------------------------------------- old card


@dataclass(frozen=True, slots=True)
class OldCardStatus:
    """PRC-05: the day the current card stops being valid once a new card is issued."""

    invalid_from: date
    old_card_valid: bool
    reasons: tuple[Reason, ...]


def old_card_status(*, new_card_issued_on: date, on: date, new_card_in_hand: bool = False) -> OldCardStatus:
    """Whether the card being replaced is still valid ``on`` a date (e.g. a return flight).

    It becomes invalid 60 days after the new card's issue date (AS-26: issued 2025-03-01,
    invalid from 2025-04-30). Without the new card in hand the person then needs a PRTD.
    """
    after = value("pr_card.old_card_invalid_after_days", new_card_issued_on)
    invalid_from = new_card_issued_on + timedelta(days=after)
    found: list[Reason] = []
    if on < invalid_from:
        found.append(
            _reason(
                "OLD_CARD_STILL_VALID",
                rule="PRC-05",
                citation=TRAVEL,
                en="Your current card stays valid until {last_day}; it becomes invalid on {invalid_from}, {after} days after your new card was issued.",
                fr="Votre carte actuelle demeure valide jusqu’au {last_day}; elle devient invalide le {invalid_from}, {after} jours après la date d’émission de votre nouvelle carte.",
                severity=Severity.INFO,
                last_day=(invalid_from - timedelta(days=1)).isoformat(),
                invalid_from=invalid_from.isoformat(),
                after=after,
            )
        )
    else:
        found.append(
            _reason(
                "OLD_CARD_INVALID",
                rule="PRC-05",
                citation=TRAVEL,
                en="Your previous card has been invalid since {invalid_from}, {after} days after your new card was issued.",
                fr="Votre ancienne carte est invalide depuis le {invalid_from}, {after} jours après la date d’émission de votre nouvelle carte.",
                severity=Severity.WARNING,
                invalid_from=invalid_from.isoformat(),
                after=after,
            )
        )
        if not new_card_in_hand:
            found.append(_prtd_advice("PRC-05, PRC-06"))
    return OldCardStatus(invalid_from, on < invalid_from, tuple(found))


def _prtd_advice(rule: str) -> Reason:
    return _reason(
        "APPLY_FOR_PRTD",
        rule=rule,
        citation=f"{ABROAD}; {WHAT_NEXT}",
        en=(
            "To come back to Canada by plane, train, bus or boat without a valid PR card, apply for a permanent "
            "resident travel document (PRTD) in the portal or at a visa application centre. A PR card cannot be "
            "issued and mailed abroad. Apply for a PR card once you are back in Canada."
        ),
        fr=(
            "Pour revenir au Canada par avion, train, autobus ou bateau sans carte RP valide, présentez une demande "
            "de titre de voyage pour résident permanent (TVRP) dans le portail ou dans un centre de réception des "
            "demandes de visa. Une carte RP ne peut pas être délivrée et expédiée à l’étranger. Dès votre retour "
            "au Canada, présentez une demande de carte RP."
        ),
        severity=Severity.INFO,
    )


# ------------------------------------------------------------------------ first card


def first_card_need(*, became_pr_on: date, application_date: date) -> tuple[Reason, ...]:
    """PRC-11: whether a person asking for a first card needs to apply at all.

    The first card is mailed without an application when the address and photo were
    given within 180 days of immigrating; persons who became permanent residents before
    2002-06-28 and never applied may use the application.
    """
    program_start = value("pr_card.card_program_start", application_date)
    if became_pr_on < program_start:
        return (
            _reason(
                "FIRST_CARD_PR_BEFORE_CARD_PROGRAM",
                rule="PRC-11",
                citation=WHO_MAY_APPLY,
                en="You became a permanent resident before {start} and may use this application for your first PR card.",
                fr="Vous avez obtenu la résidence permanente avant le {start} et pouvez utiliser cette demande pour obtenir votre première carte RP.",
                severity=Severity.INFO,
                start=program_start.isoformat(),
            ),
        )
    window = value("pr_card.first_card_details_window_days", application_date)
    deadline = became_pr_on + timedelta(days=window)
    if application_date <= deadline:
        return (
            _reason(
                "FIRST_CARD_SENT_AUTOMATICALLY",
                rule="PRC-11",
                citation=WHO_MAY_APPLY,
                en=(
                    "Your first PR card is mailed to you automatically: you do not need to apply. Give IRCC your "
                    "mailing address and photo, as asked, by {deadline} ({window} days after you immigrated)."
                ),
                fr=(
                    "Vous obtiendrez automatiquement votre première carte RP par la poste : vous n’avez pas à présenter "
                    "de demande. Fournissez votre adresse postale et votre photo, comme demandé, d’ici le {deadline} "
                    "({window} jours suivant votre immigration)."
                ),
                severity=Severity.WARNING,
                deadline=deadline.isoformat(),
                window=window,
            ),
        )
    return (
        _reason(
            "FIRST_CARD_APPLICATION_NEEDED",
            rule="PRC-11",
            citation=WHO_MAY_APPLY,
            en="If you did not give your mailing address and photo within {window} days after you immigrated, apply for your first PR card with this application.",
            fr="Si vous n’avez pas fourni votre adresse postale et votre photo dans les {window} jours suivant votre immigration, présentez cette demande pour obtenir votre première carte RP.",
            severity=Severity.INFO,
            window=window,
        ),
    )


# ----------------------------------------------------------------------- assessment


@fast_init
@dataclass(frozen=True, slots=True)
class PrCardAssessment:
    """The answer to "may I apply for a PR card, and what happens if I do?".

    ``processing_fee_refundable`` is true only when a card cannot be issued because the
    applicant is a Canadian citizen (PRC-21); ``days_card_remains_valid`` and
    ``error_window_last_day`` carry the numbers behind the 270-day and 60-day findings.
    """

    outcome: Outcome
    processing_fee_refundable: bool
    days_card_remains_valid: int | None
    error_window_last_day: date | None
    reasons: tuple[Reason, ...]


def assess_pr_card_application(
    *,
    purpose: Purpose,
    application_date: date,
    is_permanent_resident: bool,
    physically_in_canada: bool,
    is_canadian_citizen: bool,
    subject_to_removal_order: bool,
    convicted_of_card_misuse: bool,
    channel: Channel = Channel.ONLINE,
    current_card_expiry: date | None = None,
    current_card_issued_on: date | None = None,
    legal_name_changed: bool = False,
    sex_designation_changed: bool = False,
    became_pr_on: date | None = None,
    residency_status: ResidencyStatus | None = None,
    humanitarian_grounds_requested: bool = False,
) -> PrCardAssessment:
    """Whether a permanent resident may apply, and why (PRC-05 to PRC-21).

    The eligibility facts (PRC-20) are required arguments: the person says whether they
    are a permanent resident, in Canada now, a citizen, under a removal order, or
    convicted of misusing a card. ``residency_status`` is the outcome of
    ``residency.residency_obligation`` (``None`` when not yet assessed);
    ``humanitarian_grounds_requested`` is the answer to IMM 5444 question 5.7.
    ``current_card_issued_on`` is needed for an IRCC error (60-day window).
    """
    found: list[Reason] = []
    not_eligible = False
    returned = False

    # PRC-20: the six conditions of eligibility.
    if not is_permanent_resident:
        not_eligible = True
        found.append(
            _reason(
                "NOT_A_PERMANENT_RESIDENT",
                rule="PRC-20",
                citation=ELIGIBILITY,
                en="Only a permanent resident of Canada can get a PR card.",
                fr="Seul un résident permanent du Canada peut obtenir une carte RP.",
            )
        )
    if is_canadian_citizen:
        not_eligible = True
        found.append(
            _reason(
                "CANADIAN_CITIZEN_NO_PR_CARD",
                rule="PRC-20, PRC-21",
                citation=f"{ELIGIBILITY}; {CITIZENSHIP}",
                en=(
                    "IRCC does not issue PR cards to Canadian citizens. If your application cannot be processed "
                    "because you are a citizen, the processing fee is refunded."
                ),
                fr=(
                    "IRCC ne délivre pas de carte RP aux citoyens canadiens. Si votre demande ne peut être traitée "
                    "parce que vous êtes citoyen canadien, les frais de traitement vous seront remboursés."
                ),
            )
        )
    if not physically_in_canada:
        not_eligible = True
        found.append(
            _reason(
                "NOT_PHYSICALLY_PRESENT_IN_CANADA",
                rule="PRC-20, PRC-07",
                citation=f"{ELIGIBILITY}; {WHAT_NEXT}",
                en="You must be physically present in Canada to get a PR card; a card cannot be mailed to you abroad.",
                fr="Vous devez être effectivement présent au Canada pour obtenir une carte RP ; une carte ne peut pas vous être expédiée à l’étranger.",
            )
        )
        found.append(_prtd_advice("PRC-06, PRC-07"))
    if subject_to_removal_order:
        not_eligible = True
        found.append(
            _reason(
                "SUBJECT_TO_REMOVAL_ORDER",
                rule="PRC-20",
                citation=ELIGIBILITY,
                en="A person subject to a removal order cannot get a PR card.",
                fr="Une personne qui fait l’objet d’une mesure de renvoi ne peut pas obtenir de carte RP.",
            )
        )
    if convicted_of_card_misuse:
        not_eligible = True
        found.append(
            _reason(
                "CONVICTED_OF_PR_CARD_MISUSE",
                rule="PRC-20",
                citation=ELIGIBILITY,
                en="A person convicted of an offence related to the misuse of a PR card cannot get a PR card.",
                fr="Une personne reconnue coupable d’une infraction liée à une mauvaise utilisation d’une carte RP ne peut pas obtenir de carte RP.",
            )
        )
    not_eligible |= _residency_findings(residency_status, humanitarian_grounds_requested, found)

    # PRC-10 to PRC-13: what the purpose of the application requires.
    timing = renewal_timing(
        purpose=purpose,
        application_date=application_date,
        card_expiry=current_card_expiry,
        legal_name_changed=legal_name_changed,
        sex_designation_changed=sex_designation_changed,
    )
    returned |= timing.returned
    found.extend(timing.reasons)

    error_last_day = None
    if purpose is Purpose.ERROR_ON_CARD:
        if current_card_issued_on is None:
            returned = True
            found.append(
                _reason(
                    "CARD_ISSUE_DATE_MISSING",
                    rule="PRC-13, PRC-67",
                    citation=f"{ABROAD}; IRPR 10(1)(c), 12",
                    en="Give the issue date of the card that has IRCC's error.",
                    fr="Indiquez la date de délivrance de la carte qui comporte l’erreur d’IRCC.",
                    subject="current_card_issue_date",
                )
            )
        else:
            window = ircc_error_window(
                card_issued_on=current_card_issued_on, application_date=application_date
            )
            error_last_day = window.last_day
            found.extend(window.reasons)
    elif purpose is Purpose.FIRST_CARD and became_pr_on is not None:
        found.extend(first_card_need(became_pr_on=became_pr_on, application_date=application_date))
    elif purpose in REPLACEMENTS:
        found.append(_replacement_finding(purpose, channel))

    if purpose in PURPOSES_WITH_A_CARD:
        after = value("pr_card.old_card_invalid_after_days", application_date)
        found.append(
            _reason(
                "OLD_CARD_INVALID_60_DAYS_AFTER_NEW_CARD",
                rule="PRC-05",
                citation=TRAVEL,
                en=(
                    "Plan your travel: your current card becomes invalid {after} days after your new card is issued. "
                    "If you are abroad then without the new card, you will need a PRTD to come back."
                ),
                fr=(
                    "Planifiez vos voyages : votre carte actuelle devient invalide {after} jours après la date d’émission "
                    "de votre nouvelle carte. Si vous êtes alors à l’étranger sans la nouvelle carte, vous devrez "
                    "demander un TVRP pour revenir."
                ),
                severity=Severity.INFO,
                after=after,
            )
        )

    if not_eligible:
        outcome = Outcome.NOT_ELIGIBLE
    elif returned:
        outcome = Outcome.RETURNED
    else:
        outcome = Outcome.MAY_APPLY
        found.append(
            _reason(
                "MAY_APPLY_FOR_PR_CARD",
                rule="PRC-10, PRC-20",
                citation=f"{WHO_MAY_APPLY}; {ELIGIBILITY}",
                en="Nothing in your answers prevents this PR card application.",
                fr="Rien dans vos réponses n’empêche la présente demande de carte RP.",
                severity=Severity.INFO,
            )
        )
    return PrCardAssessment(
        outcome=outcome,
        processing_fee_refundable=is_canadian_citizen,
        days_card_remains_valid=timing.days_remaining,
        error_window_last_day=error_last_day,
        reasons=tuple(found),
    )


def _residency_findings(status: ResidencyStatus | None, humanitarian: bool, found: list[Reason]) -> bool:
    """PRC-20, PRC-100, PRC-108: the residency condition. Returns True when it makes the person ineligible."""
    if status is None:
        found.append(
            _reason(
                "RESIDENCY_OBLIGATION_NOT_ASSESSED",
                rule="PRC-20, PRC-100",
                citation=APPENDIX_A,
                en="Your residency obligation has not been assessed yet; list your absences from Canada to check it.",
                fr="Votre obligation de résidence n’a pas encore été évaluée ; indiquez vos absences du Canada pour la vérifier.",
                severity=Severity.WARNING,
            )
        )
        return False
    if status in (ResidencyStatus.MET, ResidencyStatus.MET_PROSPECTIVELY):
        found.append(
            _reason(
                "RESIDENCY_OBLIGATION_SATISFIED",
                rule="PRC-20, PRC-100",
                citation=APPENDIX_A,
                en="You meet the residency obligation, as required for a PR card.",
                fr="Vous satisfaites à l’obligation de résidence, comme l’exige la carte RP.",
                severity=Severity.INFO,
            )
        )
        return False
    if humanitarian:
        found.append(
            _reason(
                "HUMANITARIAN_GROUNDS_OFFICER_DECIDES",
                rule="PRC-108",
                citation=HUMANITARIAN,
                en=(
                    "You do not meet the residency obligation but ask that humanitarian and compassionate grounds be "
                    "considered: an officer will weigh your explanation and documents and decide."
                ),
                fr=(
                    "Vous ne satisfaites pas à l’obligation de résidence, mais vous demandez que des motifs d’ordre "
                    "humanitaire soient pris en compte : un agent évaluera vos explications et vos documents, puis "
                    "prendra une décision."
                ),
                severity=Severity.WARNING,
            )
        )
        return False
    found.append(
        _reason(
            "RESIDENCY_OBLIGATION_NOT_MET",
            rule="PRC-20, PRC-100, PRC-108",
            citation=f"{APPENDIX_A}; {HUMANITARIAN}",
            en=(
                "You must meet the residency obligation to get a PR card. If exceptional circumstances kept you "
                "outside Canada, answer question 5.7 to ask for humanitarian and compassionate consideration."
            ),
            fr=(
                "Vous devez satisfaire à l’obligation de résidence pour obtenir une carte RP. Si des circonstances "
                "exceptionnelles vous ont obligé à rester à l’extérieur du Canada, répondez à la question 5.7 pour "
                "demander un examen pour des motifs d’ordre humanitaire."
            ),
        )
    )
    return True


def _replacement_finding(purpose: Purpose, channel: Channel) -> Reason:
    # AS-24, AS-25: a replacement is accepted whatever validity the card had left; what
    # the applicant does with a damaged card depends on the channel.
    if purpose is Purpose.REPLACEMENT_DAMAGED:
        if channel is Channel.ONLINE:
            return _reason(
                "DAMAGED_CARD_DESTROY_AND_UPLOAD_PHOTO",
                rule="PRC-61",
                citation=YOUR_CARD,
                en="Destroy your damaged card now and upload a photo of it with your supporting documents as proof.",
                fr="Détruisez immédiatement votre carte endommagée et téléchargez-en une photo comme preuve avec vos pièces justificatives.",
                severity=Severity.INFO,
            )
        return _reason(
            "DAMAGED_CARD_SEND_WITH_APPLICATION",
            rule="PRC-61",
            citation=YOUR_CARD,
            en="Send your damaged card with your paper application.",
            fr="Envoyez votre carte endommagée avec votre demande papier.",
            severity=Severity.INFO,
        )
    if purpose in (Purpose.REPLACEMENT_LOST, Purpose.REPLACEMENT_STOLEN):
        return _reason(
            "REPLACEMENT_ALLOWED_POLICE_REPORT_IF_ANY",
            rule="PRC-10, PRC-61",
            citation=f"{WHO_MAY_APPLY}; {YOUR_CARD}",
            en="You may replace your card whatever validity it had left. Attach a copy of a police report or an incident number, if you have one.",
            fr="Vous pouvez remplacer votre carte, peu importe sa période de validité restante. Joignez une copie d’un rapport de police ou un numéro d’incident, si vous en avez un.",
            severity=Severity.INFO,
        )
    return _reason(
        "REPLACEMENT_ALLOWED",
        rule="PRC-10, PRC-13",
        citation=f"{WHO_MAY_APPLY}; {ABROAD}",
        en="You may ask for a replacement card with this application.",
        fr="Vous pouvez demander une carte de remplacement au moyen de cette demande.",
        severity=Severity.INFO,
    )


# ----------------------------------------------------------------------- submission


@dataclass(frozen=True, slots=True)
class SubmissionInstructions:
    """PRC-90: where the application goes. ``address_lines`` is empty online."""

    address_lines: tuple[str, ...]
    reasons: tuple[Reason, ...]


def where_to_submit(*, channel: Channel, on: date, by_courier: bool = False) -> SubmissionInstructions:
    """Where a PR card application made on ``on`` is sent (PRC-90)."""
    if channel is Channel.ONLINE:
        return SubmissionInstructions(
            (),
            (
                _reason(
                    "SUBMIT_IN_PR_PORTAL",
                    rule="PRC-90",
                    citation=SUBMIT,
                    en="Attach all your supporting documents in the Permanent Residence Portal and submit there.",
                    fr="Joignez tous vos documents justificatifs dans le Portail de résidence permanente et soumettez-y votre demande.",
                    severity=Severity.INFO,
                ),
            ),
        )
    lines = tuple(value("pr_card.courier_address" if by_courier else "pr_card.mail_address", on))
    return SubmissionInstructions(
        lines,
        (
            _reason(
                "SEND_PAPER_APPLICATION",
                rule="PRC-90",
                citation=SUBMIT,
                en=(
                    "Send your application, the document checklist (IMM 5644) and all documents to: {address}. "
                    "A tracked mail or courier service is recommended."
                ),
                fr=(
                    "Envoyez votre demande, la liste de contrôle des documents (IMM 5644) et tous les documents à : "
                    "{address}. Nous vous recommandons un service postal ou de messagerie avec suivi."
                ),
                severity=Severity.INFO,
                address=", ".join(lines),
            ),
        ),
    )
