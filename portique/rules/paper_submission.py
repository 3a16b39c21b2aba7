"""Where a paper application goes, and how it travels (IRPR 11).

« Lorsque la demande n'est pas présentée par un moyen électronique, elle est présentée à
l'adresse précisée à cette fin par le ministre » (s.11). The guides give that address for
the PR card (IMM 5445, Step 4: regular mail to Sydney, courier to New Waterford); IMM 5289
says the sponsorship kit's covering letter gives it, and does not print it. The addresses
and the courier requirement are dated data (parameters/paper_submission.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .online import (
    Kit,
    OnlineRequirementResult,
    OtherMeans,
    PermitPeriod,
    Requirement,
    Stream,
    SystemRestriction,
    online_requirement,
)
from .parameters import value
from .reasons import Reason, Severity
from .reasons import reason as build_reason
from .signatures import SignerRole, required_signer

reason = lru_cache(maxsize=256)(build_reason)


@dataclass(frozen=True, slots=True)
class PostalAddress:
    lines: tuple[str, ...]
    citation: str


@dataclass(frozen=True, slots=True)
class PaperSubmission:
    """Where the completed kit goes. ``mail`` / ``courier`` are ``None`` when the sources do not say."""

    kit: Kit
    mail: PostalAddress | None
    courier: PostalAddress | None
    courier_required: bool
    reasons: tuple[Reason, ...]

    @property
    def address_known(self) -> bool:
        return self.mail is not None or self.courier is not None


def _address(data: dict | None) -> PostalAddress | None:
    if not data:
        return None
    return PostalAddress(lines=tuple(data["lines"]), citation=data["citation"])


def paper_submission(*, kit: Kit, on: date) -> PaperSubmission:
    """Where a paper application made with ``kit`` on ``on`` must be sent, and by what means."""
    addresses = (value("paper_submission.addresses", on) or {}).get(kit.value) or {}
    mail = _address(addresses.get("mail"))
    courier = _address(addresses.get("courier"))
    courier_required = kit.value in value("paper_submission.courier_required", on)
    reasons: list[Reason] = []
    if mail is None and courier is None:
        reasons.append(
            reason(
                "PAPER_ADDRESS_GIVEN_IN_COVERING_LETTER",
                rule="EX-33, EX-42",
                citation="IRPR 11; IMM 5289 — « Je ne peux pas présenter une demande en ligne … »",
                en="The address for this paper application is the one IRCC gives in the covering letter sent with the kit.",
                fr="L’adresse de cette demande papier est celle qu’IRCC indique dans la lettre d’accompagnement envoyée avec la trousse.",
                severity=Severity.WARNING,
            )
        )
    else:
        reasons.append(
            reason(
                "PAPER_ADDRESS_SPECIFIED",
                rule="EX-42, EX-43, PRC-90",
                citation=(mail or courier).citation,
                en="Send the paper application to the address the Minister specifies for it.",
                fr="Envoyez la demande papier à l’adresse que le ministre précise à cette fin.",
                severity=Severity.INFO,
            )
        )
    if courier_required:
        reasons.append(
            reason(
                "PAPER_BY_COURIER_WITH_TRACKING",
                rule="EX-33",
                citation="IMM 5289 — « Utilisez un service de messagerie pour envoyer votre demande papier »",
                en="Because of the Canada Post labour disruption, you must send your paper application by a courier service that offers tracking.",
                fr="En raison de la perturbation du travail à Postes Canada, vous devez envoyer votre demande papier par un service de messagerie qui offre le repérage.",
                severity=Severity.INFO,
            )
        )
    else:
        reasons.append(
            reason(
                "PAPER_TRACKING_RECOMMENDED",
                rule="PRC-90",
                citation="IMM 5445 — Étape 4, « Suivi de votre demande »",
                en="Use a mail or courier service with tracking, so that you have proof your application was delivered.",
                fr="Utilisez un service postal ou de messagerie avec suivi afin d’avoir la preuve que votre demande a été livrée.",
                severity=Severity.INFO,
            )
        )
    return PaperSubmission(kit, mail, courier, courier_required, tuple(reasons))


# --- A paper application received: does it rely on a valid exemption? --------------------------


@dataclass(frozen=True, slots=True)
class PaperApplicationCheck:
    """Whether a paper application received on ``received_on`` could be made on paper.

    ``flagged`` is True when the online requirement applied and no exemption the
    application relies on frees it; ``requirement`` is the rules' full answer.
    """

    flagged: bool
    requirement: OnlineRequirementResult
    reasons: tuple[Reason, ...]


def paper_application_check(
    *,
    stream: Stream,
    received_on: date,
    disability: bool = False,
    accommodation_kit_requested: bool = False,
    exceptional_circumstances: bool = False,
    system_restriction: SystemRestriction | str | None = None,
    temporary_resident_permit: PermitPeriod | None = None,
    applying_for_trp_with_work_permit: bool = False,
    work_permit_requested_in_schedule_12: bool = False,
) -> PaperApplicationCheck:
    """The online requirement asked about a paper application, with what it relies on.

    Reading: an application that had to be made online (IRPR 9.2, 12.01, 12.04(1); IMM 5289
    for sponsorship since 2022-09-23) and relies on no exemption is not refused by this
    rule: the sources do not say what follows, so it is flagged for the officer with the
    provision that required the electronic means.
    """
    result = online_requirement(
        stream=stream,
        on=received_on,
        disability=disability,
        other_accommodation_need=accommodation_kit_requested,
        exceptional_circumstances=exceptional_circumstances,
        system_restriction=system_restriction,
        temporary_resident_permit=temporary_resident_permit,
        applying_for_trp_with_work_permit=applying_for_trp_with_work_permit,
        work_permit_requested_in_schedule_12=work_permit_requested_in_schedule_12,
    )
    if result.requirement is not Requirement.ELECTRONIC_ONLY and OtherMeans.PAPER in result.other_means:
        return PaperApplicationCheck(False, result, result.reasons)
    required_by = next(
        (r for r in result.reasons if r.code == "ONLINE_APPLICATION_REQUIRED"), result.reasons[-1]
    )
    flag = reason(
        "PAPER_APPLICATION_WITHOUT_EXEMPTION",
        rule=required_by.rule + ", EX-03",
        citation=required_by.citation,
        en="This application was received on paper, but it had to be made online and relies on no exemption ({provision}).",
        fr="Cette demande a été reçue sur papier, mais elle devait être présentée en ligne et ne s’appuie sur aucune exception ({provision}).",
        severity=Severity.WARNING,
        provision=required_by.citation,
    )
    return PaperApplicationCheck(True, result, (flag, *result.reasons))


# --- A paper application's handwritten signature (IRPR 10(1)(b)) -------------------------------


def handwritten_signature(
    *, principal_applicant_birth_date: date | None, on: date, recorded: bool
) -> tuple[Reason, ...]:
    """Whether the signature a paper application needs is on its forms, as the officer recorded it.

    Reading: IRPR 10(1)(b) asks that the application be signed; on paper that is the
    handwritten signature on the forms (IMM 5445 — Step 2 for the PR card: the applicant,
    or a parent or legal guardian for an applicant under 18). Nobody can see it but the
    officer holding the forms, so the rules take the officer's record of it as the fact.
    """
    if recorded:
        return ()
    minor = principal_applicant_birth_date is not None and (
        required_signer(principal_applicant_birth_date=principal_applicant_birth_date, on=on).signer
        is SignerRole.PARENT_OR_GUARDIAN
    )
    who_en, who_fr = (
        (
            "a parent or legal guardian of the applicant (under 18)",
            "de l’un des parents ou du tuteur légal du demandeur (moins de 18 ans)",
        )
        if minor
        else ("the applicant", "du demandeur")
    )
    return (
        reason(
            "SIGNATURE_MISSING",
            rule="ACT-54, ACT-56, IRPR-10-1",
            citation="IRPR 10(1)(b), 10(2)(d); IMM 5445 — Step 2",
            en="The paper forms do not carry the handwritten signature of {who_en}, or it was not recorded for the forms as entered.",
            fr="Les formulaires papier ne portent pas la signature manuscrite {who_fr}, ou elle n’a pas été consignée pour les formulaires tels que saisis.",
            who_en=who_en,
            who_fr=who_fr,
        ),
    )
