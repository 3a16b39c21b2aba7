"""Where IRCC's correspondence goes, and which letters a PR card applicant receives.

Sources: IMM 5445 « Et ensuite? » (seed 002) and IMM 5289 « Communiquer avec IRCC »,
« Adresses de courriel » (seed 003). Digest: X-10, X-11, X-12, ACT-23, ACT-39, ACT-40,
PRC-99a, PRC-99b, PRC-99e.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from .conventions import email_is_well_formed
from .reasons import Reason, Severity
from .reasons import reason as build_reason

# Reasons are immutable and the same ones recur case after case: build each once.
reason = lru_cache(maxsize=4096)(build_reason)


class LinkedAccount(str, Enum):
    """Whose online account the application is linked to, if any."""

    NONE = "none"
    APPLICANT = "applicant"
    REPRESENTATIVE = "representative"


class Representative(str, Enum):
    """Who is authorized (IMM 5476) to represent the applicant and receive correspondence."""

    NONE = "none"
    PAID = "paid"
    UNPAID = "unpaid"
    SPONSOR = "sponsor"  # the sponsor authorized as representative


class Recipient(str, Enum):
    APPLICANT = "applicant"
    REPRESENTATIVE = "representative"
    SPONSOR = "sponsor"


class CorrespondenceChannel(str, Enum):
    ONLINE_ACCOUNT = "online_account"
    EMAIL = "email"
    MAIL = "mail"


@dataclass(frozen=True, slots=True)
class Routing:
    """Who receives IRCC's correspondence and through which channel, with the reasons."""

    recipient: Recipient
    channel: CorrespondenceChannel
    reasons: tuple[Reason, ...]


_CITATION = "IMM 5445 — « Et ensuite? »; IMM 5289 — « Communiquer avec IRCC », « Adresses de courriel »"


def route_correspondence(
    *,
    linked_account: LinkedAccount,
    representative: Representative,
    applicant_email: str | None = None,
    representative_email: str | None = None,
) -> Routing:
    """Route correspondence: linked account, else the e-mail given, else mail to the latest address (X-10).

    When a representative is authorized, all correspondence goes to them (X-12).
    Reading: the channel is then chosen among the representative's own contact points
    (their linked account, their e-mail, their mailing address); the applicant's e-mail
    is not used, since "nous lui enverrons toute la correspondance".
    """
    reasons: list[Reason] = []
    recipient = {
        Representative.NONE: Recipient.APPLICANT,
        Representative.PAID: Recipient.REPRESENTATIVE,
        Representative.UNPAID: Recipient.REPRESENTATIVE,
        Representative.SPONSOR: Recipient.SPONSOR,
    }[representative]
    if representative is Representative.SPONSOR:
        reasons.append(
            reason(
                "SPONSOR_RECEIVES_ALL_CORRESPONDENCE",
                rule="X-12, ACT-10",
                citation=_CITATION,
                en="You authorized your sponsor to act as your representative: all correspondence about the application goes to the sponsor.",
                fr="Vous avez autorisé votre répondant à agir comme représentant en votre nom : toute la correspondance au sujet de la demande sera envoyée au répondant.",
                severity=Severity.INFO,
            )
        )
    elif representative is not Representative.NONE:
        reasons.append(
            reason(
                "REPRESENTATIVE_RECEIVES_ALL_CORRESPONDENCE",
                rule="X-12, ACT-40",
                citation=_CITATION,
                en="You authorized a representative: all correspondence about the application goes to the representative.",
                fr="Vous avez autorisé un représentant à agir en votre nom : toute la correspondance au sujet de la demande lui sera envoyée.",
                severity=Severity.INFO,
            )
        )

    if _link_counts(linked_account, representative, reasons):
        reasons.append(
            reason(
                "CORRESPONDENCE_TO_ONLINE_ACCOUNT",
                rule="X-10, ACT-23",
                citation=_CITATION,
                en="The application is linked to an online account: correspondence, including medical forms and requests, arrives there.",
                fr="La demande est liée à un compte en ligne : la correspondance, y compris les formulaires médicaux et les autres demandes, y est envoyée.",
                severity=Severity.INFO,
            )
        )
        return Routing(recipient, CorrespondenceChannel.ONLINE_ACCOUNT, tuple(reasons))

    email = applicant_email if representative is Representative.NONE else representative_email
    if email_is_well_formed(email):
        reasons.append(
            reason(
                "CORRESPONDENCE_BY_EMAIL",
                rule="X-10",
                citation=_CITATION,
                en="The application is not linked to an online account and an e-mail address was given: e-mail is the main way IRCC communicates.",
                fr="La demande n’est pas liée à un compte en ligne et une adresse de courriel a été fournie : le courriel est le principal moyen de communication d’IRCC.",
                severity=Severity.INFO,
            )
        )
        return Routing(recipient, CorrespondenceChannel.EMAIL, tuple(reasons))
    if (email or "").strip():
        reasons.append(
            reason(
                "EMAIL_NOT_USABLE",
                rule="SP-167, X-10",
                citation=_CITATION,
                en="The e-mail address given cannot be read clearly, so IRCC will not use it.",
                fr="L’adresse de courriel fournie ne peut pas être lue clairement ; IRCC ne l’utilisera donc pas.",
                severity=Severity.WARNING,
            )
        )
    reasons.append(
        reason(
            "CORRESPONDENCE_BY_MAIL",
            rule="X-10",
            citation=_CITATION,
            en="No linked online account and no e-mail address: all correspondence goes by mail to the most recent mailing address on file.",
            fr="Aucun compte en ligne lié ni aucune adresse de courriel : toute la correspondance sera envoyée à l’adresse postale la plus récente inscrite au dossier.",
            severity=Severity.INFO,
        )
    )
    return Routing(recipient, CorrespondenceChannel.MAIL, tuple(reasons))


def _link_counts(linked: LinkedAccount, representative: Representative, reasons: list[Reason]) -> bool:
    if linked is LinkedAccount.NONE:
        return False
    if linked is LinkedAccount.APPLICANT and representative is not Representative.NONE:
        reasons.append(
            reason(
                "PERSONAL_LINK_WHILE_REPRESENTED",
                rule="X-11, ACT-39",
                citation=_CITATION,
                en="An application cannot be linked to your personal account while you use a representative; the link is not used until the designation is cancelled.",
                fr="La demande ne peut pas être liée à votre compte en ligne personnel si vous avez recours à un représentant ; le lien n’est pas utilisé tant que la désignation n’est pas annulée.",
                severity=Severity.WARNING,
            )
        )
        return False
    if linked is LinkedAccount.REPRESENTATIVE and representative is not Representative.PAID:
        # Reading: only a paid authorized representative may link; unpaid ones,
        # including a sponsor acting as representative, cannot have an online account.
        reasons.append(
            reason(
                "REPRESENTATIVE_LINK_NOT_ALLOWED",
                rule="X-11, ACT-08",
                citation=_CITATION,
                en="Only a paid authorized representative can link the application to their online account; unpaid representatives cannot have one.",
                fr="Seul un représentant rémunéré autorisé peut lier la demande à son compte en ligne ; les représentants non rémunérés ne peuvent pas en avoir.",
                severity=Severity.WARNING,
            )
        )
        return False
    return True


# --- What a PR card applicant receives (PRC-99a, PRC-99b, PRC-99e; AS-134, AS-135) --------


class PrCardEvent(str, Enum):
    COMPLETE_AND_ELIGIBLE = "complete_and_eligible"
    INCOMPLETE = "incomplete"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    SELECTED_FOR_QUALITY_ASSURANCE = "selected_for_quality_assurance"


class Notice(str, Enum):
    ACKNOWLEDGEMENT_OF_RECEIPT_BY_EMAIL = "acknowledgement_of_receipt_by_email"
    CARD_BY_MAIL_OR_PICK_UP_NOTICE = "card_by_mail_or_pick_up_notice"
    APPLICATION_RETURNED = "application_returned"
    REFUSAL_LETTER_WITH_REASONS = "refusal_letter_with_reasons"
    WITHDRAWAL_LETTER_WITH_REASONS = "withdrawal_letter_with_reasons"
    QUALITY_ASSURANCE_WRITTEN_NOTICE = "quality_assurance_written_notice"
    QUALITY_ASSURANCE_INTERVIEW = "quality_assurance_interview"


@dataclass(frozen=True, slots=True)
class Notices:
    notices: tuple[Notice, ...]
    reasons: tuple[Reason, ...]


_AFTER = "IMM 5445 — « Et ensuite? »"


def pr_card_notices(*, event: PrCardEvent, valid_email_given: bool) -> Notices:
    """What IRCC sends a PR card applicant after ``event`` (IMM 5445 « Et ensuite? »)."""
    if event is PrCardEvent.COMPLETE_AND_ELIGIBLE:
        notices = [Notice.CARD_BY_MAIL_OR_PICK_UP_NOTICE]
        reasons = []
        if valid_email_given:
            notices.insert(0, Notice.ACKNOWLEDGEMENT_OF_RECEIPT_BY_EMAIL)
            reasons.append(
                reason(
                    "ACKNOWLEDGEMENT_BY_EMAIL",
                    rule="PRC-99a",
                    citation=_AFTER,
                    en="Your application is complete: an acknowledgement of receipt is sent to the e-mail address you gave.",
                    fr="Votre demande est dûment remplie : un accusé de réception est envoyé à l’adresse de courriel que vous avez indiquée.",
                    severity=Severity.INFO,
                )
            )
        reasons.append(
            reason(
                "CARD_MAILED_OR_PICK_UP",
                rule="PRC-99a",
                citation=_AFTER,
                en="Your card is mailed to you, or IRCC tells you by e-mail or letter where and when to pick it up; bring your old card and the originals of the copies you sent.",
                fr="Vous recevrez votre carte par la poste, ou IRCC vous indiquera par courriel ou par lettre où et quand aller la chercher ; apportez alors votre ancienne carte et les originaux des copies jointes à votre demande.",
                severity=Severity.INFO,
            )
        )
        return Notices(tuple(notices), tuple(reasons))
    if event is PrCardEvent.INCOMPLETE:
        return Notices(
            (Notice.APPLICATION_RETURNED,),
            (
                reason(
                    "INCOMPLETE_APPLICATION_RETURNED",
                    rule="PRC-99b, IRPR-12",
                    citation=_AFTER + "; IRPR 12",
                    en="Your application is incomplete: it is returned to you.",
                    fr="Votre demande est incomplète : elle vous est retournée.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if event is PrCardEvent.REFUSED:
        return Notices(
            (Notice.REFUSAL_LETTER_WITH_REASONS,),
            (
                reason(
                    "REFUSAL_LETTER",
                    rule="PRC-99b",
                    citation=_AFTER,
                    en="Your application is refused: you receive a refusal letter explaining the reasons.",
                    fr="Votre demande est refusée : vous recevrez une lettre de refus expliquant les raisons du refus.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if event is PrCardEvent.WITHDRAWN:
        return Notices(
            (Notice.WITHDRAWAL_LETTER_WITH_REASONS,),
            (
                reason(
                    "WITHDRAWAL_LETTER",
                    rule="PRC-99b",
                    citation=_AFTER,
                    en="Your application is withdrawn: you receive a letter explaining the reasons for the withdrawal.",
                    fr="Votre demande est retirée : vous recevrez une lettre expliquant les raisons du retrait.",
                    severity=Severity.INFO,
                ),
            ),
        )
    return Notices(
        (Notice.QUALITY_ASSURANCE_WRITTEN_NOTICE, Notice.QUALITY_ASSURANCE_INTERVIEW),
        (
            reason(
                "QUALITY_ASSURANCE_INTERVIEW",
                rule="PRC-99e",
                citation="IMM 5445 — « Programme d’assurance de la qualité »",
                en="Your application was selected at random for quality assurance: you are told in writing and called to an interview with an IRCC official.",
                fr="Votre demande a été choisie au hasard aux fins d’assurance de la qualité : vous en serez avisé par écrit et convoqué à une entrevue avec un fonctionnaire d’IRCC.",
                severity=Severity.INFO,
            ),
        ),
    )
