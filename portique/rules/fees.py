"""Fees: what to pay, whether what was paid is right, and what comes back.

Three programs (guides IMM 5445 Step 3, seed 002; IMM 5289 Step 4, seed 003):

* ``quote_pr_card`` — PR card: $50 per person, the reclaimed-Indigenous-name waiver until
  its last day, biometrics $85 per person with the family maximum;
* ``quote_spouse_or_partner_sponsorship`` — sponsorship $85 + principal applicant $545 +
  RPRF $575 (now or later) + $175 per included dependent child + biometrics;
* ``quote_dependent_child_sponsorship`` — $85 + $85 per child, each child its own
  application, no RPRF, + biometrics.

Then ``assess_payment`` (online only; missing or short ⇒ returned under IRPR 10(1)(d) and
12; overpaid ⇒ processing starts and the excess is refunded automatically) and
``assess_refund`` (what an event — refusal, withdrawal, citizenship, sponsor withdrawal,
PR not obtained — gives back, line by line).

Every amount is a dated parameter of ``parameters/fees.yaml``; nothing reads "today".
Whether a person gives biometrics is decided by ``portique.rules.biometrics``; the quotes
take the answer as ``gives_biometrics``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import lru_cache

from .dates import long_date_en, long_date_fr
from .guides import Guide
from .parameters import value
from .reasons import Reason, Severity, reason
from .records import fast_init

INFO = Severity.INFO
WARNING = Severity.WARNING
BLOCKING = Severity.BLOCKING

ZERO = Decimal("0")

PR_CARD_FEES = "IMM 5445 — Step 3: Pay the fees"
SPONSORSHIP_FEES = "IMM 5289 — Step 4: Pay the fees"


class FeeCode(str, Enum):
    """What a fee line is for (stable, used by screens, refunds and tests)."""

    PR_CARD_PROCESSING = "pr_card_processing"
    BIOMETRICS = "biometrics"  # one person
    BIOMETRICS_FAMILY = "biometrics_family"  # two or more persons, family maximum
    SPONSORSHIP = "sponsorship"
    PRINCIPAL_APPLICANT_PROCESSING = "principal_applicant_processing"
    RIGHT_OF_PERMANENT_RESIDENCE = "right_of_permanent_residence"
    DEPENDENT_CHILD_INCLUDED = "dependent_child_included"
    DEPENDENT_CHILD_PROCESSING = "dependent_child_processing"
    # A program whose processing fee is one amount per application (its own parameter).
    PROCESSING = "processing"


BIOMETRIC_FEES = frozenset({FeeCode.BIOMETRICS, FeeCode.BIOMETRICS_FAMILY})
# SP-48 / SP-229: "tous les frais de traitement ... sauf les frais de parrainage de 85 $".
SPONSORSHIP_PROCESSING_FEES = frozenset(
    {
        FeeCode.PRINCIPAL_APPLICANT_PROCESSING,
        FeeCode.DEPENDENT_CHILD_INCLUDED,
        FeeCode.DEPENDENT_CHILD_PROCESSING,
    }
)


@dataclass(frozen=True, slots=True)
class FeeLine:
    """One line of a quote: what it is for (both languages), how much, and where the amount is set.

    ``subject`` is the person the line is for (``None`` for the application or the family);
    ``deferred`` marks an amount that may be paid later (the RPRF) and so is in ``due_later``.
    """

    code: FeeCode
    en: str
    fr: str
    amount: Decimal
    citation: str
    subject: str | None = None
    deferred: bool = False


@dataclass(frozen=True, slots=True)
class FeeQuote:
    """A line-by-line quote. ``total`` = sum of the lines = ``due_now`` + ``due_later``."""

    lines: tuple[FeeLine, ...]
    total: Decimal
    due_now: Decimal
    due_later: Decimal
    reasons: tuple[Reason, ...]
    guide: Guide


@fast_init
@dataclass(frozen=True, slots=True)
class PrCardApplicant:
    """One person applying for a PR card (each pays the per-person fee).

    ``gives_biometrics`` comes from ``biometrics.biometrics_requirement`` (12.1(m)). The
    three ``indigenous_name`` fields describe a new card to show a reclaimed Indigenous
    name: the declaration is attached, and the statement "I have reclaimed my Indigenous
    name, please refer to my declaration form" is uploaded in the payment section.
    """

    id: str
    gives_biometrics: bool = False
    reclaimed_indigenous_name: bool = False
    indigenous_name_declaration_attached: bool = False
    indigenous_name_statement_uploaded: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class SponsoredPerson:
    """A sponsored person (principal applicant or dependent child); the sponsor never appears."""

    id: str
    gives_biometrics: bool = False


# Amounts repeat across cases (85, 170, 1 205…): formatting is cached, equal Decimals
# giving equal text whatever their exponent.
@lru_cache(maxsize=4096)
def cad_en(amount: Decimal) -> str:
    """$1,205 or $12.50, as an English Canadian page writes it."""
    return f"${_plain(amount):,}"


@lru_cache(maxsize=4096)
def cad_fr(amount: Decimal) -> str:
    """1 205 $ or 12,50 $, as a French Canadian page writes it (non-breaking spaces)."""
    text = f"{_plain(amount):,}".replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0$"


def _plain(amount: Decimal) -> Decimal:
    return (
        amount.quantize(Decimal(1))
        if amount == amount.to_integral_value()
        else amount.quantize(Decimal("0.01"))
    )


def _money(name: str, amount: Decimal) -> dict[str, str]:
    return {f"{name}_en": cad_en(amount), f"{name}_fr": cad_fr(amount)}




@dataclass(frozen=True, slots=True)
class _Schedule:
    """Every amount of fees.yaml in force on one date."""

    pr_card_application: Decimal
    pr_card_indigenous_name_waiver_last_day: date
    biometrics_per_person: Decimal
    biometrics_family_maximum: Decimal
    biometrics_family_minimum_persons: int
    sponsorship: Decimal
    spouse_principal_applicant_processing: Decimal
    right_of_permanent_residence: Decimal
    dependent_child_included: Decimal
    dependent_child_principal_processing: Decimal


# Performance: one look-up per application date instead of one per amount.
@lru_cache(maxsize=2048)
def _schedule(on: date) -> _Schedule:
    return _Schedule(*(value(f"fees.{field.name}", on) for field in fields(_Schedule)))


def _quote(
    guide: Guide, lines: list[FeeLine], reasons: list[Reason], rule: str, citation: str
) -> FeeQuote:
    due_later = sum((line.amount for line in lines if line.deferred), ZERO)
    total = sum((line.amount for line in lines), ZERO)
    due_now = total - due_later
    reasons.append(_total_reason(rule, citation, due_now, due_later))
    return FeeQuote(tuple(lines), total, due_now, due_later, tuple(reasons), guide)


# Performance: lines and reasons depend on a few values (amounts, counts, a person id) that
# repeat across cases; they are immutable, so each is built once (bounded caches).
_cached = lru_cache(maxsize=4096)


@_cached
def _line(
    code: FeeCode,
    en: str,
    fr: str,
    amount: Decimal,
    citation: str,
    subject: str | None = None,
    deferred: bool = False,
) -> FeeLine:
    return FeeLine(code, en, fr, amount, citation, subject, deferred)


@_cached
def _total_reason(rule: str, citation: str, due_now: Decimal, due_later: Decimal) -> Reason:
    return reason(
        "FEE_TOTAL",
        rule=rule,
        citation=citation,
        en="Fees to pay now: {now_en}" + (" (plus {later_en} later)" if due_later else "") + ".",
        fr="Frais à payer maintenant : {now_fr}"
        + (" (plus {later_fr} plus tard)" if due_later else "")
        + ".",
        severity=INFO,
        **_money("now", due_now),
        **_money("later", due_later),
    )


def _biometric_lines(
    *,
    on: date,
    people: list[str],
    applying_together: bool,
    rule: str,
    citation: str,
    lines: list[FeeLine],
    reasons: list[Reason],
) -> None:
    """PRC-33 / SP-143: $85 per person; at most $170 for 2+ family members applying together."""
    per_person = _schedule(on).biometrics_per_person
    if not people:
        reasons.append(_no_biometric_fee(rule, citation))
        return
    if applying_together and len(people) >= _schedule(on).biometrics_family_minimum_persons:
        line, found = _family_biometric_fee(
            len(people), per_person, _schedule(on).biometrics_family_maximum, rule, citation
        )
        lines.append(line)
        reasons.append(found)
        return
    for person in people:
        lines.append(
            _line(
                FeeCode.BIOMETRICS,
                "Biometrics (per person)",
                "Biométrie (par personne)",
                per_person,
                citation,
                person,
            )
        )
    reasons.append(_per_person_biometric_fee(len(people), per_person, rule, citation))


@_cached
def _no_biometric_fee(rule: str, citation: str) -> Reason:
    return reason(
        "BIOMETRIC_FEE_NONE",
        rule=rule,
        citation=citation,
        en="No one in this application gives biometrics: no biometric fee.",
        fr="Personne dans cette demande n’a à fournir ses données biométriques : aucuns frais de biométrie.",
        severity=INFO,
    )


@_cached
def _family_biometric_fee(
    count: int, per_person: Decimal, maximum: Decimal, rule: str, citation: str
) -> tuple[FeeLine, Reason]:
    amount = min(per_person * count, maximum)
    line = FeeLine(
        FeeCode.BIOMETRICS_FAMILY,
        f"Biometrics — family of {count} persons applying together (maximum {cad_en(maximum)})",
        f"Biométrie — famille de {count} personnes présentant ensemble une même demande "
        f"(maximum de {cad_fr(maximum)})",
        amount,
        citation,
    )
    found = reason(
        "BIOMETRIC_FEE_FAMILY_MAXIMUM",
        rule=rule,
        citation=citation,
        en="{count} persons of one family give biometrics, applying together at the same time and "
        "place: the biometric fee is {per_en} each, to a maximum of {max_en} for the family, so "
        "{amount_en}.",
        fr="{count} personnes d’une même famille fournissent leurs données biométriques et présentent "
        "ensemble une même demande, en même temps et au même endroit : les frais de biométrie sont "
        "de {per_fr} par personne, jusqu’à un maximum de {max_fr} par famille, soit {amount_fr}.",
        severity=INFO,
        count=count,
        **_money("per", per_person),
        **_money("max", maximum),
        **_money("amount", amount),
    )
    return line, found


@_cached
def _per_person_biometric_fee(count: int, per_person: Decimal, rule: str, citation: str) -> Reason:
    return reason(
        "BIOMETRIC_FEE_PER_PERSON",
        rule=rule,
        citation=citation,
        en="Persons giving biometrics: {count}, at {per_en} each.",
        fr="Personnes qui fournissent leurs données biométriques : {count}, à {per_fr} par personne.",
        severity=INFO,
        count=count,
        **_money("per", per_person),
    )


# --------------------------------------------------------------------------- PR card


# Performance: the quote depends only on the date (the fee schedule in force) and a few facts
# per applicant (an id such as "p1", three flags), which many applications share; it is
# immutable, so each is built once (bounded).
@lru_cache(maxsize=4096)
def quote_pr_card(
    *,
    application_date: date,
    applicants: tuple[PrCardApplicant, ...],
    applying_together: bool = False,
) -> FeeQuote:
    """Fees for one or more PR card applications made on ``application_date`` (IMM 5445 Step 3).

    ``applying_together`` says the applicants are one family applying together, at the
    same time and place (the condition of the $170 biometric family maximum, AS-13).
    """
    if not applicants:
        raise ValueError("a PR card quote needs at least one applicant")
    on = application_date
    fee = _schedule(on).pr_card_application
    waiver_last_day = _schedule(on).pr_card_indigenous_name_waiver_last_day
    lines: list[FeeLine] = []
    reasons: list[Reason] = []
    for applicant in applicants:
        amount = fee
        en, fr = "PR card application (per person)", "Demande de carte de résident permanent (par personne)"
        if applicant.reclaimed_indigenous_name:
            if _indigenous_name_waiver(applicant, on, waiver_last_day, fee, reasons):
                amount = ZERO
                en = "PR card application — no fee (reclaimed Indigenous name)"
                fr = "Demande de carte de résident permanent — aucuns frais (nom autochtone repris)"
        lines.append(_line(FeeCode.PR_CARD_PROCESSING, en, fr, amount, PR_CARD_FEES, applicant.id))
    _biometric_lines(
        on=on,
        people=[a.id for a in applicants if a.gives_biometrics],
        applying_together=applying_together,
        rule="PRC-33",
        citation=f"{PR_CARD_FEES} (Frais de biométrie)",
        lines=lines,
        reasons=reasons,
    )
    # The fee table of §4.10 has no rule id of its own: PRC-70 opens that section.
    return _quote(Guide.PR_CARD, lines, reasons, "PRC-70, PRC-33", PR_CARD_FEES)


def quote_one_applicant(
    *,
    guide: Guide,
    application_date: date,
    applicant: str,
    processing_en: str,
    processing_fr: str,
    processing_fee: Decimal,
    processing_citation: str,
    gives_biometrics: bool,
    rule: str,
    biometrics_citation: str,
) -> FeeQuote:
    """One applicant, one processing fee (from the program's own parameter) and, when they give
    biometrics, the biometric fee per person of ``fees.yaml`` (the amount the guides give)."""
    lines = [
        _line(
            FeeCode.PROCESSING, processing_en, processing_fr, processing_fee, processing_citation, applicant
        )
    ]
    reasons: list[Reason] = []
    _biometric_lines(
        on=application_date,
        people=[applicant] if gives_biometrics else [],
        applying_together=False,
        rule=rule,
        citation=biometrics_citation,
        lines=lines,
        reasons=reasons,
    )
    return _quote(guide, lines, reasons, rule, processing_citation)


def _indigenous_name_waiver(
    applicant: PrCardApplicant, on: date, last_day: date, fee: Decimal, reasons: list[Reason]
) -> bool:
    """PRC-51: no fee for a new card showing a reclaimed Indigenous name, until the last day."""
    citation = "IMM 5445 — Noms autochtones"
    if on > last_day:
        # Reading (G-09): the guide states no waiver after its last day, so the standard fee
        # applies; flagged because IRCC may extend the waiver.
        reasons.append(
            reason(
                "INDIGENOUS_NAME_WAIVER_ENDED",
                rule="PRC-51",
                citation=citation,
                en="The guide waives the fee for a reclaimed Indigenous name only until {last_en}; the "
                "standard fee of {fee_en} applies to an application made on {on_en}.",
                fr="Le guide n’exempte des frais pour un nom autochtone repris que jusqu’au {last_fr}; les "
                "frais habituels de {fee_fr} s’appliquent à une demande présentée le {on_fr}.",
                severity=WARNING,
                subject=applicant.id,
                last_en=long_date_en(last_day),
                last_fr=long_date_fr(last_day),
                on_en=long_date_en(on),
                on_fr=long_date_fr(on),
                **_money("fee", fee),
            )
        )
        return False
    missing_en = []
    missing_fr = []
    if not applicant.indigenous_name_declaration_attached:
        missing_en.append("the declaration")
        missing_fr.append("la déclaration")
    if not applicant.indigenous_name_statement_uploaded:
        missing_en.append('the statement "I have reclaimed my Indigenous name" in the payment section')
        missing_fr.append("le document « J’ai repris mon nom autochtone » dans la section de paiement")
    if missing_en:
        # Reading: IRCC cancels the fee when the statement is uploaded and the declaration is
        # attached ("nous annulerons vos frais"); without them the fee stays due.
        reasons.append(
            reason(
                "INDIGENOUS_NAME_WAIVER_INCOMPLETE",
                rule="PRC-51",
                citation=citation,
                en="To have the fee waived for a reclaimed Indigenous name, attach {missing_en}; until then "
                "the fee of {fee_en} is due.",
                fr="Pour être exempté des frais pour un nom autochtone repris, joignez {missing_fr}; d’ici là, "
                "les frais de {fee_fr} sont exigibles.",
                severity=WARNING,
                subject=applicant.id,
                missing_en=" and ".join(missing_en),
                missing_fr=" et ".join(missing_fr),
                **_money("fee", fee),
            )
        )
        return False
    reasons.append(
        reason(
            "INDIGENOUS_NAME_FEE_WAIVED",
            rule="PRC-51",
            citation=citation,
            en="No fee for a new PR card showing your reclaimed Indigenous name (until {last_en}).",
            fr="Aucuns frais pour une nouvelle carte RP indiquant votre nom autochtone repris (jusqu’au "
            "{last_fr}).",
            severity=INFO,
            subject=applicant.id,
            last_en=long_date_en(last_day),
            last_fr=long_date_fr(last_day),
        )
    )
    if applicant.gives_biometrics:
        # Reading: "aucuns frais ne seront associés à cette modification" waives the card fee;
        # the biometric fee is a separate fee for collection, so it stays, flagged for review.
        reasons.append(
            reason(
                "INDIGENOUS_NAME_BIOMETRIC_FEE_KEPT",
                rule="PRC-51, PRC-33",
                citation=citation,
                en="The waiver covers the PR card fee; the biometric fee is still shown as due. An officer "
                "will confirm.",
                fr="L’exemption vise les frais de la carte RP ; les frais de biométrie demeurent indiqués comme "
                "exigibles. Un agent le confirmera.",
                severity=WARNING,
                subject=applicant.id,
            )
        )
    return True


# --------------------------------------------------------------------------- sponsorship


@lru_cache(maxsize=4096)  # as quote_pr_card: a date and a few facts per person
def quote_spouse_or_partner_sponsorship(
    *,
    application_date: date,
    principal_applicant: SponsoredPerson,
    dependent_children: tuple[SponsoredPerson, ...] = (),
    pay_rprf_now: bool = True,
) -> FeeQuote:
    """Fees to sponsor a spouse, common-law or conjugal partner (IMM 5289 Step 4).

    Sponsorship fee + principal applicant processing + RPRF (``pay_rprf_now`` False puts it
    in ``due_later``) + a fee per included dependent child + biometrics for everyone who
    gives them (``gives_biometrics``), at most the family maximum since they are in the same
    application. The sponsor is not a party to the quote: they give no biometrics (SP-140).
    """
    on = application_date
    lines = [
        _line(
            FeeCode.SPONSORSHIP,
            "Sponsorship fee",
            "Frais de parrainage",
            _schedule(on).sponsorship,
            SPONSORSHIP_FEES,
        ),
        _line(
            FeeCode.PRINCIPAL_APPLICANT_PROCESSING,
            "Processing fee — principal applicant",
            "Frais de traitement pour le demandeur principal",
            _schedule(on).spouse_principal_applicant_processing,
            SPONSORSHIP_FEES,
            principal_applicant.id,
        ),
        _line(
            FeeCode.RIGHT_OF_PERMANENT_RESIDENCE,
            "Right of permanent residence fee" + ("" if pay_rprf_now else " (to pay later)"),
            "Frais relatifs au droit de résidence permanente"
            + ("" if pay_rprf_now else " (à payer plus tard)"),
            _schedule(on).right_of_permanent_residence,
            SPONSORSHIP_FEES,
            principal_applicant.id,
            not pay_rprf_now,
        ),
    ]
    reasons = [_rprf_reason(pay_rprf_now, lines[-1].amount, principal_applicant.id)]
    child_fee = _schedule(on).dependent_child_included
    for child in dependent_children:
        lines.append(
            _line(
                FeeCode.DEPENDENT_CHILD_INCLUDED,
                "Include a dependent child (per child)",
                "Inclure un enfant à charge (par enfant)",
                child_fee,
                SPONSORSHIP_FEES,
                child.id,
            )
        )
    if dependent_children:
        reasons.append(_children_pay_no_rprf(len(dependent_children), child_fee))
    everyone = (principal_applicant, *dependent_children)
    _biometric_lines(
        on=on,
        people=[p.id for p in everyone if p.gives_biometrics],
        # One application: its members apply together, at the same time and place (SP-143).
        applying_together=True,
        rule="SP-143",
        citation=f"{SPONSORSHIP_FEES} (Frais de biométrie)",
        lines=lines,
        reasons=reasons,
    )
    return _quote(Guide.SPONSORSHIP, lines, reasons, "SP-200, SP-143", SPONSORSHIP_FEES)


@_cached
def _rprf_reason(now: bool, rprf: Decimal, subject: str) -> Reason:
    """SP-200: recommended now; must be paid before PR is granted; refundable if PR is not obtained."""
    if now:
        return reason(
            "RPRF_PAID_NOW",
            rule="SP-200",
            citation=SPONSORSHIP_FEES,
            en="The right of permanent residence fee ({rprf_en}) is paid now, as recommended; it is "
            "refunded if permanent residence is not obtained.",
            fr="Les frais relatifs au droit de résidence permanente ({rprf_fr}) sont payés maintenant, "
            "comme recommandé ; ils sont remboursés si la résidence permanente n’est pas obtenue.",
            severity=INFO,
            subject=subject,
            **_money("rprf", rprf),
        )
    return reason(
        "RPRF_DEFERRED",
        rule="SP-200",
        citation=SPONSORSHIP_FEES,
        en="The right of permanent residence fee ({rprf_en}) must be paid before permanent residence "
        "is granted; paying it later may delay the application.",
        fr="Les frais relatifs au droit de résidence permanente ({rprf_fr}) doivent être payés avant "
        "l’octroi de la résidence permanente ; les payer plus tard pourrait retarder la demande.",
        severity=WARNING,
        subject=subject,
        **_money("rprf", rprf),
    )


@_cached
def _children_pay_no_rprf(count: int, child_fee: Decimal) -> Reason:
    return reason(
        "DEPENDENT_CHILD_FEE_NO_RPRF",
        rule="SP-200",
        citation=SPONSORSHIP_FEES,
        en="Dependent children included: {count}, at {fee_en} each. Dependent children do not pay the right "
        "of permanent residence fee.",
        fr="Enfants à charge inclus : {count}, à {fee_fr} chacun. Les enfants à charge n’ont pas à payer les "
        "frais relatifs au droit de résidence permanente.",
        severity=INFO,
        count=count,
        **_money("fee", child_fee),
    )


@lru_cache(maxsize=4096)  # as quote_pr_card: a date and a few facts per person
def quote_dependent_child_sponsorship(*, application_date: date, child: SponsoredPerson) -> FeeQuote:
    """Fees to sponsor one dependent child as principal applicant (IMM 5289 Step 4).

    Each child is its own complete application (AS-05): call once per child. Sponsorship
    fee + processing fee, no RPRF (SP-200), + the child's biometric fee if they give them.
    """
    on = application_date
    lines = [
        _line(
            FeeCode.SPONSORSHIP,
            "Sponsorship fee",
            "Frais de parrainage",
            _schedule(on).sponsorship,
            SPONSORSHIP_FEES,
        ),
        _line(
            FeeCode.DEPENDENT_CHILD_PROCESSING,
            "Processing fee — dependent child (principal applicant)",
            "Frais de traitement — enfant à charge (demandeur principal)",
            _schedule(on).dependent_child_principal_processing,
            SPONSORSHIP_FEES,
            child.id,
        ),
    ]
    reasons = [_child_own_application(child.id)]
    # Reading: each child's application stands alone, so the family maximum (persons "présentant
    # ensemble une même demande") is not applied across separate child applications.
    _biometric_lines(
        on=on,
        people=[child.id] if child.gives_biometrics else [],
        applying_together=False,
        rule="SP-143",
        citation=f"{SPONSORSHIP_FEES} (Frais de biométrie)",
        lines=lines,
        reasons=reasons,
    )
    return _quote(Guide.SPONSORSHIP, lines, reasons, "SP-200, SP-143", SPONSORSHIP_FEES)


@_cached
def _child_own_application(subject: str) -> Reason:
    return reason(
        "DEPENDENT_CHILD_OWN_APPLICATION",
        rule="SP-200",
        citation=SPONSORSHIP_FEES,
        en="A dependent child sponsored as principal applicant is a separate application with its own "
        "fees; dependent children do not pay the right of permanent residence fee.",
        fr="Un enfant à charge parrainé à titre de demandeur principal fait l’objet d’une demande "
        "distincte, avec ses propres frais ; les enfants à charge n’ont pas à payer les frais relatifs "
        "au droit de résidence permanente.",
        severity=INFO,
        subject=subject,
    )


# --------------------------------------------------------------------------- payment


class PaymentMethod(str, Enum):
    """How the fees were paid. Only ``ONLINE`` is accepted in Canada (PRC-70, SP-201)."""

    ONLINE = "online"
    CHEQUE = "cheque"
    MONEY_ORDER = "money_order"
    CASH = "cash"
    OTHER = "other"


class ProofOfPayment(str, Enum):
    """The evidence of payment the application carries (IRPR 10(1)(d)).

    ``RECEIPT_ATTACHED``: the IRCC receipt is attached (paper) or uploaded (online);
    ``PAID_IN_APPLICATION``: paid directly inside the online application, no receipt;
    ``NONE``: no evidence.
    """

    RECEIPT_ATTACHED = "receipt_attached"
    PAID_IN_APPLICATION = "paid_in_application"
    NONE = "none"


class PaymentOutcome(str, Enum):
    COMPLETE = "complete"
    OVERPAID = "overpaid"  # processing starts; the excess is refunded automatically
    INSUFFICIENT = "insufficient"  # returned
    NOT_PAID = "not_paid"  # returned
    METHOD_NOT_ACCEPTED = "method_not_accepted"  # returned
    NO_PROOF = "no_proof"  # returned


RETURNED_OUTCOMES = frozenset(
    {
        PaymentOutcome.INSUFFICIENT,
        PaymentOutcome.NOT_PAID,
        PaymentOutcome.METHOD_NOT_ACCEPTED,
        PaymentOutcome.NO_PROOF,
    }
)


class RefundRecipient(str, Enum):
    PAYER_ON_RECEIPT = "payer_on_receipt"
    APPLICANT = "applicant"


@fast_init
@dataclass(frozen=True, slots=True)
class RefundPayee:
    """Who receives a refund: the payer named on the receipt (``name``), or the applicant."""

    recipient: RefundRecipient
    name: str | None


@fast_init
@dataclass(frozen=True, slots=True)
class PaymentAssessment:
    """The outcome of checking a payment against a quote.

    ``returned`` is true when the application goes back to the applicant (IRPR 10(1)(d),
    12); ``excess`` is refunded automatically to ``refund_to``; ``deferred_fees_paid`` is
    true when the payment also covered the fees that could be paid later (the RPRF).
    """

    outcome: PaymentOutcome
    returned: bool
    amount_due: Decimal
    amount_paid: Decimal
    shortfall: Decimal
    excess: Decimal
    refund_to: RefundPayee | None
    deferred_fees_paid: bool
    reasons: tuple[Reason, ...]


def refund_payee(*, proof: ProofOfPayment, payer_name_on_receipt: str | None) -> RefundPayee:
    """PRC-73 / SP-201: the payer named on the receipt, else (no receipt, no name) the applicant."""
    name = (payer_name_on_receipt or "").strip()
    if proof is ProofOfPayment.RECEIPT_ATTACHED and name:
        return RefundPayee(RefundRecipient.PAYER_ON_RECEIPT, name)
    return RefundPayee(RefundRecipient.APPLICANT, None)


def _payment_rules(guide: Guide) -> tuple[str, str]:
    """(rule ids, guide citation) of the payment section of the program's guide."""
    if guide is Guide.PR_CARD:
        return "PRC-70, PRC-72, PRC-73", "IMM 5445 — Step 3: Problèmes liés au paiement"
    if guide is Guide.SPONSORSHIP:
        return "SP-201", "IMM 5289 — Step 4: Problèmes liés au paiement"
    # No guide in the sources: only the regulation's requirement of a fee receipt.
    return "IRPR-10-1", "IRPR 10(1)(d)"


def assess_payment(
    *,
    quote: FeeQuote,
    amount_paid: Decimal,
    method: PaymentMethod = PaymentMethod.ONLINE,
    proof: ProofOfPayment = ProofOfPayment.RECEIPT_ATTACHED,
    payer_name_on_receipt: str | None = None,
) -> PaymentAssessment:
    """Is the payment right for the quote? (PRC-70/72/73, SP-201, IRPR 10(1)(d) and 12)

    Checked in this order: method (online only), missing payment, missing proof, amount.
    Paying exactly ``quote.total`` when part of it could be paid later counts as paying the
    deferred fees now, not as an overpayment.
    """
    rule, guide = _payment_rules(quote.guide)
    due = quote.due_now
    paid = amount_paid
    returned_citation = f"{guide}; IRPR 10(1)(d), 12"
    returned_rule = f"{rule}, IRPR-10-1, IRPR-12"

    def result(outcome: PaymentOutcome, found: Reason, **extra) -> PaymentAssessment:
        shortfall = max(due - paid, ZERO) if outcome in RETURNED_OUTCOMES else ZERO
        return PaymentAssessment(
            outcome=outcome,
            returned=outcome in RETURNED_OUTCOMES,
            amount_due=due,
            amount_paid=paid,
            shortfall=shortfall,
            excess=extra.get("excess", ZERO),
            refund_to=extra.get("refund_to"),
            deferred_fees_paid=extra.get("deferred_fees_paid", False),
            reasons=(found,),
        )

    if paid > ZERO and method is not PaymentMethod.ONLINE:
        return result(
            PaymentOutcome.METHOD_NOT_ACCEPTED,
            reason(
                "PAYMENT_METHOD_NOT_ACCEPTED",
                rule=returned_rule,
                citation=returned_citation,
                en="Only online payments are accepted in Canada; an application paid another way is returned.",
                fr="Seuls les paiements en ligne sont acceptés au Canada ; une demande payée autrement est "
                "retournée.",
                severity=BLOCKING,
            ),
        )
    if due > ZERO and paid <= ZERO:
        return result(
            PaymentOutcome.NOT_PAID,
            reason(
                "PAYMENT_MISSING",
                rule=returned_rule,
                citation=returned_citation,
                en="No payment was sent with the application: it is returned. Processing starts only when it "
                "is sent again with the exact fees ({due_en}).",
                fr="Aucun paiement n’accompagne la demande : elle est retournée. Le traitement ne commencera "
                "que lorsque vous l’aurez renvoyée avec le paiement des frais exacts ({due_fr}).",
                severity=BLOCKING,
                **_money("due", due),
            ),
        )
    if paid > ZERO and proof is ProofOfPayment.NONE:
        return result(
            PaymentOutcome.NO_PROOF,
            reason(
                "PAYMENT_RECEIPT_MISSING",
                rule=returned_rule,
                citation=returned_citation,
                en="The application must be accompanied by the receipt for the fees; without proof of payment "
                "it is returned.",
                fr="La demande doit être accompagnée du récépissé de paiement des droits ; sans preuve de "
                "paiement, elle est retournée.",
                severity=BLOCKING,
            ),
        )
    if paid < due:
        return result(
            PaymentOutcome.INSUFFICIENT,
            reason(
                "PAYMENT_INSUFFICIENT",
                rule=returned_rule,
                citation=returned_citation,
                en="You paid {paid_en} but the fees are {due_en}: the application is returned. Processing "
                "starts only when it is sent again with the exact fees.",
                fr="Vous avez payé {paid_fr}, mais les frais s’élèvent à {due_fr} : la demande est retournée. "
                "Le traitement ne commencera que lorsque vous l’aurez renvoyée avec le paiement des frais "
                "exacts.",
                severity=BLOCKING,
                **_money("paid", paid),
                **_money("due", due),
            ),
        )
    if quote.due_later and paid == quote.total:
        return result(
            PaymentOutcome.COMPLETE,
            reason(
                "PAYMENT_COMPLETE_WITH_DEFERRED_FEES",
                rule=rule,
                citation=guide,
                en="You paid {paid_en}: the fees due now and the right of permanent residence fee.",
                fr="Vous avez payé {paid_fr} : les frais exigibles maintenant et les frais relatifs au droit "
                "de résidence permanente.",
                severity=INFO,
                **_money("paid", paid),
            ),
            deferred_fees_paid=True,
        )
    if paid == due:
        return result(PaymentOutcome.COMPLETE, _payment_complete(rule, guide, due))
    excess = paid - due
    payee = refund_payee(proof=proof, payer_name_on_receipt=payer_name_on_receipt)
    if payee.recipient is RefundRecipient.PAYER_ON_RECEIPT:
        to_en, to_fr = (
            f"to {payee.name}, the payer named on the receipt",
            f"à {payee.name}, payeur nommé sur le reçu",
        )
    else:
        to_en, to_fr = "to the applicant", "au demandeur"
    return result(
        PaymentOutcome.OVERPAID,
        reason(
            "PAYMENT_OVERPAID_REFUND",
            rule=rule,
            citation=f"{guide} (Trop-payé)",
            en="You paid {paid_en} for fees of {due_en}: processing starts and the excess of {excess_en} is "
            "refunded automatically, {to_en}.",
            fr="Vous avez payé {paid_fr} pour des frais de {due_fr} : le traitement commence et le trop-payé "
            "de {excess_fr} est remboursé automatiquement, {to_fr}.",
            severity=INFO,
            to_en=to_en,
            to_fr=to_fr,
            **_money("paid", paid),
            **_money("due", due),
            **_money("excess", excess),
        ),
        excess=excess,
        refund_to=payee,
    )


@_cached
def _payment_complete(rule: str, guide: str, due: Decimal) -> Reason:
    return reason(
        "PAYMENT_COMPLETE",
        rule=rule,
        citation=guide,
        en="The fees ({due_en}) are paid.",
        fr="Les frais ({due_fr}) sont payés.",
        severity=INFO,
        **_money("due", due),
    )


# --------------------------------------------------------------------------- refunds


class RefundEvent(str, Enum):
    """What happened to the application, for the refund rules.

    ``SPONSOR_WITHDRAWS_NOT_ELIGIBLE``: the sponsor does not meet the requirements and chose
    to withdraw (IMM 1344, question 1). ``PERMANENT_RESIDENCE_NOT_OBTAINED``: the sponsored
    person did not become a PR (the RPRF is refundable).
    """

    REFUSED = "refused"
    WITHDRAWN_BEFORE_PROCESSING = "withdrawn_before_processing"
    WITHDRAWN_AFTER_PROCESSING_STARTED = "withdrawn_after_processing_started"
    APPLICANT_IS_CITIZEN = "applicant_is_citizen"
    SPONSOR_WITHDRAWS_NOT_ELIGIBLE = "sponsor_withdraws_not_eligible"
    PERMANENT_RESIDENCE_NOT_OBTAINED = "permanent_residence_not_obtained"


class RefundDecision(str, Enum):
    REFUND = "refund"
    KEEP = "keep"
    OFFICER_DECIDES = "officer_decides"  # the sources do not say: never refunded automatically
    NOT_PAID = "not_paid"  # a deferred fee that was not paid


@dataclass(frozen=True, slots=True)
class RefundLine:
    """The decision for one fee line: ``paid`` (0 for an unpaid deferred fee) and ``refund``."""

    fee: FeeCode
    subject: str | None
    paid: Decimal
    refund: Decimal
    decision: RefundDecision


@dataclass(frozen=True, slots=True)
class RefundAssessment:
    """What an event gives back: ``refundable`` (automatic), ``officer_decides`` (amount held for
    a manual decision, G-22), ``kept``, line by line, and who receives the refund."""

    lines: tuple[RefundLine, ...]
    refundable: Decimal
    officer_decides: Decimal
    kept: Decimal
    payee: RefundPayee
    reasons: tuple[Reason, ...]


_PR_CARD_EVENTS = frozenset(
    {
        RefundEvent.REFUSED,
        RefundEvent.WITHDRAWN_BEFORE_PROCESSING,
        RefundEvent.WITHDRAWN_AFTER_PROCESSING_STARTED,
        RefundEvent.APPLICANT_IS_CITIZEN,
    }
)
_SPONSORSHIP_EVENTS = frozenset(
    {
        RefundEvent.REFUSED,
        RefundEvent.WITHDRAWN_BEFORE_PROCESSING,
        RefundEvent.WITHDRAWN_AFTER_PROCESSING_STARTED,
        RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE,
        RefundEvent.PERMANENT_RESIDENCE_NOT_OBTAINED,
    }
)


def assess_refund(
    *,
    quote: FeeQuote,
    event: RefundEvent,
    deferred_fees_paid: bool = False,
    proof: ProofOfPayment = ProofOfPayment.PAID_IN_APPLICATION,
    payer_name_on_receipt: str | None = None,
) -> RefundAssessment:
    """Which of the fees in ``quote`` are refunded after ``event`` (PRC-21, PRC-71, SP-48, SP-200, SP-202).

    The quote's lines are taken as paid, except deferred ones unless ``deferred_fees_paid``.
    Biometric fees are never refunded automatically: no source says what happens to them,
    so they are held for an officer (G-22). ``proof`` and ``payer_name_on_receipt`` decide
    who receives the refund (PRC-73).
    """
    payee = refund_payee(proof=proof, payer_name_on_receipt=payer_name_on_receipt)
    if not quote.guide.has_payment_rules:
        return _refund_not_in_sources(quote, payee)
    is_card = quote.guide is Guide.PR_CARD
    if event not in (_PR_CARD_EVENTS if is_card else _SPONSORSHIP_EVENTS):
        found = reason(
            "REFUND_EVENT_NOT_APPLICABLE",
            rule="PRC-71" if is_card else "SP-202",
            citation=PR_CARD_FEES if is_card else SPONSORSHIP_FEES,
            en="This event does not apply to this kind of application; no refund is computed.",
            fr="Cet événement ne s’applique pas à ce type de demande ; aucun remboursement n’est calculé.",
            severity=WARNING,
        )
        return RefundAssessment((), ZERO, ZERO, ZERO, payee, (found,))

    decide = _card_decision if is_card else _sponsorship_decision
    lines: list[RefundLine] = []
    for line in quote.lines:
        if line.deferred and not deferred_fees_paid:
            lines.append(RefundLine(line.code, line.subject, ZERO, ZERO, RefundDecision.NOT_PAID))
            continue
        decision = decide(line.code, event)
        refund = line.amount if decision is RefundDecision.REFUND else ZERO
        lines.append(RefundLine(line.code, line.subject, line.amount, refund, decision))

    def total(decision: RefundDecision) -> Decimal:
        return sum((ln.paid for ln in lines if ln.decision is decision), ZERO)

    refundable, officer, kept = (
        total(RefundDecision.REFUND),
        total(RefundDecision.OFFICER_DECIDES),
        total(RefundDecision.KEEP),
    )
    reasons = _refund_reasons(quote.guide, event, lines, refundable, officer, kept)
    return RefundAssessment(tuple(lines), refundable, officer, kept, payee, tuple(reasons))


def _refund_not_in_sources(quote: FeeQuote, payee: RefundPayee) -> RefundAssessment:
    """A program whose guide is not among the sources: every fee paid goes to an officer."""
    lines = tuple(
        RefundLine(line.code, line.subject, line.amount, ZERO, RefundDecision.OFFICER_DECIDES)
        for line in quote.lines
    )
    officer = sum((line.paid for line in lines), ZERO)
    found = reason(
        "REFUND_RULES_NOT_IN_SOURCES",
        rule="IRPR-10-1",
        citation="IRPR 10(1)(d)",
        en="The source documents give no refund rule for this kind of application: nothing is refunded "
        "automatically, and an officer decides about the fees paid ({amount_en}).",
        fr="Les documents de référence ne prévoient aucune règle de remboursement pour ce type de demande : "
        "rien n’est remboursé automatiquement, et un agent décide du sort des frais payés ({amount_fr}).",
        severity=WARNING,
        **_money("amount", officer),
    )
    return RefundAssessment(lines, ZERO, officer, ZERO, payee, (found,))


def _card_decision(code: FeeCode, event: RefundEvent) -> RefundDecision:
    if code in BIOMETRIC_FEES:
        # Reading (G-22, extended): IMM 5445 speaks of "frais de traitement" only; the biometric
        # fee's fate is not stated, so an officer decides.
        return RefundDecision.OFFICER_DECIDES
    if event is RefundEvent.APPLICANT_IS_CITIZEN:
        return RefundDecision.REFUND  # PRC-21
    if event is RefundEvent.WITHDRAWN_BEFORE_PROCESSING:
        # Reading: PRC-71 refuses refunds "après le début du traitement"; before it, the fee
        # is refunded (ℹ interpretation a contrario, the guide states no other bar).
        return RefundDecision.REFUND
    return RefundDecision.KEEP  # PRC-71: refused, or processing has started


def _sponsorship_decision(code: FeeCode, event: RefundEvent) -> RefundDecision:
    if code in BIOMETRIC_FEES:
        # Reading (G-22): the biometric fee refund on withdrawal is not stated; flag, never auto-refund.
        return RefundDecision.OFFICER_DECIDES
    if code is FeeCode.RIGHT_OF_PERMANENT_RESIDENCE:
        # SP-200: refundable if PR is not obtained — true of every sponsorship event here.
        return RefundDecision.REFUND
    if event is RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE:
        # SP-48 / SP-229: all processing fees refunded except the sponsorship fee.
        return RefundDecision.KEEP if code is FeeCode.SPONSORSHIP else RefundDecision.REFUND
    if event in (RefundEvent.REFUSED, RefundEvent.PERMANENT_RESIDENCE_NOT_OBTAINED):
        # Reading: IMM 5289 names only the RPRF as refundable when PR is not obtained; the
        # processing and sponsorship fees paid for an application that was processed are kept
        # (the rule IMM 5445 states for a refusal, PRC-71).
        return RefundDecision.KEEP
    # Reading: a withdrawal by a sponsor who is not found ineligible is not addressed by
    # IMM 5289; processing and sponsorship fees go to an officer.
    return RefundDecision.OFFICER_DECIDES


def _refund_reasons(
    guide: Guide,
    event: RefundEvent,
    lines: list[RefundLine],
    refundable: Decimal,
    officer: Decimal,
    kept: Decimal,
) -> list[Reason]:
    reasons: list[Reason] = []
    money = {**_money("refund", refundable), **_money("kept", kept)}
    if guide is Guide.PR_CARD:
        citation = "IMM 5445 — Step 3: Pay the fees (remboursements)"
        if event is RefundEvent.APPLICANT_IS_CITIZEN:
            reasons.append(
                reason(
                    "REFUND_PR_CARD_APPLICANT_IS_CITIZEN",
                    rule="PRC-21",
                    citation="IMM 5445 — Vous pourriez être admissible à la citoyenneté canadienne",
                    en="IRCC does not issue PR cards to Canadian citizens: the processing fee ({refund_en}) "
                    "is refunded.",
                    fr="IRCC ne délivre pas de carte RP aux citoyens canadiens : les frais de traitement "
                    "({refund_fr}) sont remboursés.",
                    severity=INFO,
                    **money,
                )
            )
        elif event is RefundEvent.WITHDRAWN_BEFORE_PROCESSING:
            reasons.append(
                reason(
                    "REFUND_PR_CARD_WITHDRAWN_BEFORE_PROCESSING",
                    rule="PRC-71",
                    citation=citation,
                    en="The application was withdrawn before processing started: the processing fee "
                    "({refund_en}) is refunded.",
                    fr="La demande a été retirée avant le début du traitement : les frais de traitement "
                    "({refund_fr}) sont remboursés.",
                    severity=INFO,
                    **money,
                )
            )
        else:
            refused = event is RefundEvent.REFUSED
            reasons.append(
                reason(
                    "REFUND_NONE_REFUSED" if refused else "REFUND_NONE_PROCESSING_STARTED",
                    rule="PRC-71",
                    citation=citation,
                    en="Processing fees are not refunded "
                    + ("when the application is refused" if refused else "once processing has started")
                    + " ({kept_en} kept).",
                    fr="Les frais de traitement ne sont pas remboursés "
                    + ("si la demande est refusée" if refused else "après le début du traitement")
                    + " ({kept_fr} conservés).",
                    severity=INFO,
                    **money,
                )
            )
    else:
        citation = "IMM 5289 — Si vous ne satisfaites pas aux exigences; Examen d’admissibilité"
        if event is RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE:
            reasons.append(
                reason(
                    "REFUND_SPONSOR_WITHDRAWAL",
                    rule="SP-48, SP-202",
                    citation=citation,
                    en="You withdrew the sponsorship because you do not meet the requirements: the package "
                    "is returned, the permanent residence application is not decided and there is no right "
                    "of appeal. All processing fees and any right of permanent residence fee paid are "
                    "refunded ({refund_en}); the sponsorship fee ({kept_en}) is kept.",
                    fr="Vous avez retiré votre parrainage parce que vous ne satisfaites pas aux exigences : "
                    "la demande vous est retournée, aucune décision n’est rendue sur la demande de "
                    "résidence permanente et vous n’avez aucun droit d’appel. Tous les frais de traitement "
                    "et les frais relatifs au droit de résidence permanente payés sont remboursés "
                    "({refund_fr}) ; les frais de parrainage ({kept_fr}) sont conservés.",
                    severity=INFO,
                    **money,
                )
            )
        elif any(ln.fee is FeeCode.RIGHT_OF_PERMANENT_RESIDENCE for ln in lines):
            rprf = next(ln for ln in lines if ln.fee is FeeCode.RIGHT_OF_PERMANENT_RESIDENCE)
            if rprf.decision is RefundDecision.REFUND:
                reasons.append(
                    reason(
                        "REFUND_RPRF_PR_NOT_OBTAINED",
                        rule="SP-200",
                        citation=SPONSORSHIP_FEES,
                        en="Permanent residence was not obtained: the right of permanent residence fee "
                        "({rprf_en}) is refunded.",
                        fr="La résidence permanente n’a pas été obtenue : les frais relatifs au droit de "
                        "résidence permanente ({rprf_fr}) sont remboursés.",
                        severity=INFO,
                        **_money("rprf", rprf.refund),
                    )
                )
        if event in (RefundEvent.REFUSED, RefundEvent.PERMANENT_RESIDENCE_NOT_OBTAINED) and kept:
            reasons.append(
                reason(
                    "REFUND_PROCESSING_FEES_KEPT",
                    rule="SP-200",
                    citation=SPONSORSHIP_FEES,
                    en="The guide refunds only the right of permanent residence fee when permanent residence "
                    "is not obtained; the other fees ({kept_en}) are kept.",
                    fr="Le guide ne prévoit que le remboursement des frais relatifs au droit de résidence "
                    "permanente lorsque la résidence permanente n’est pas obtenue ; les autres frais "
                    "({kept_fr}) sont conservés.",
                    severity=INFO,
                    **money,
                )
            )
    officer_fees = {ln.fee for ln in lines if ln.decision is RefundDecision.OFFICER_DECIDES}
    if officer_fees & BIOMETRIC_FEES:
        biometric = sum((ln.paid for ln in lines if ln.fee in BIOMETRIC_FEES), ZERO)
        reasons.append(
            reason(
                "REFUND_BIOMETRIC_FEE_OFFICER_DECIDES",
                rule="SP-48" if guide is not Guide.PR_CARD else "PRC-71",
                citation="IMM 5289 — Étape 4; IMM 5445 — Étape 3 (G-22)",
                en="The guides do not say whether the biometric fee ({amount_en}) is refunded: it is not "
                "refunded automatically and an officer will decide.",
                fr="Les guides ne précisent pas si les frais de biométrie ({amount_fr}) sont remboursés : ils "
                "ne sont pas remboursés automatiquement et un agent rendra une décision.",
                severity=WARNING,
                **_money("amount", biometric),
            )
        )
    if officer_fees - BIOMETRIC_FEES:
        other = sum(
            (
                ln.paid
                for ln in lines
                if ln.decision is RefundDecision.OFFICER_DECIDES and ln.fee not in BIOMETRIC_FEES
            ),
            ZERO,
        )
        reasons.append(
            reason(
                "REFUND_NOT_STATED_OFFICER_DECIDES",
                rule="SP-202",
                citation=SPONSORSHIP_FEES,
                en="The guide does not say whether fees are refunded when a sponsorship is withdrawn for "
                "another reason: {amount_en} is held for an officer's decision.",
                fr="Le guide ne précise pas si les frais sont remboursés lorsqu’un parrainage est retiré pour "
                "un autre motif : un agent rendra une décision sur {amount_fr}.",
                severity=WARNING,
                **_money("amount", other),
            )
        )
    return reasons
