"""Checklist completeness: an incomplete sponsorship package is returned unprocessed.

Rules SP-181, SP-187 and SP-189 (IMM 5289, "Étape 2. Rassemblez les documents",
"Étape 5. Vérifiez votre demande pour éviter les erreurs courantes", "Preuve d'identité",
"Lettre d'explication"), implementing IRPR 10 and 12 for this kit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portique.rules.reasons import Reason, Severity
from portique.rules.sponsorship.vocabulary import cite, say

STEP_2 = cite("Étape 2. Rassemblez les documents")
STEP_5 = cite("Étape 5. Vérifiez votre demande pour éviter les erreurs courantes")
EXPLANATION = cite("Lettre d'explication")


@dataclass(frozen=True, slots=True)
class Completeness:
    """Whether the package is accepted for processing.

    ``queued_on``: the date that sets its place in the processing queue, None when returned.
    ``officer_review``: items replaced by a letter of explanation, which the officer may refuse.
    """

    complete: bool
    returned: bool
    queued_on: date | None
    officer_review: tuple[str, ...]
    reasons: tuple[Reason, ...]


def checklist_completeness(
    *,
    missing_items: tuple[str, ...],
    explained_items: frozenset[str] = frozenset(),
    received_on: date,
    previously_returned_on: date | None = None,
) -> Completeness:
    """Completeness of a sponsorship package received on ``received_on`` (SP-181, SP-187, SP-189).

    ``missing_items``: checklist forms or documents not included. ``explained_items``:
    those of them for which a detailed letter of explanation is included.
    ``previously_returned_on``: when an earlier submission of the same package was returned.
    """
    reasons: list[Reason] = []
    review: list[str] = []
    for item in missing_items:
        if item in explained_items:
            review.append(item)
            reasons.append(
                say(
                    "ITEM_EXPLAINED",
                    rule="SP-181, SP-189",
                    citation=STEP_2 + "; " + EXPLANATION,
                    en="A letter explains why this item cannot be provided: the application is not returned "
                    "for it, but acceptance of the explanation is not guaranteed; the officer decides.",
                    fr="Une lettre explique pourquoi cet élément ne peut être fourni : la demande n’est pas "
                    "retournée pour ce motif, mais rien ne garantit que l’explication sera acceptée ; la "
                    "décision revient à l’agent.",
                    severity=Severity.WARNING,
                    subject=item,
                )
            )
        else:
            reasons.append(
                say(
                    "CHECKLIST_ITEM_MISSING",
                    rule="SP-181",
                    citation=STEP_5 + "; IRPR 10, 12",
                    en="A form or document of the checklist is missing with no explanation: the whole "
                    "application will be returned without being processed.",
                    fr="Un formulaire ou un document de la liste de vérification manque, sans explication : "
                    "la demande dans son ensemble vous sera retournée sans être traitée.",
                    subject=item,
                )
            )
    returned = len(review) < len(missing_items)
    if returned:
        reasons.append(
            say(
                "PACKAGE_RETURNED_NOT_QUEUED",
                rule="SP-181",
                citation=STEP_5,
                en="Incomplete applications are not placed in the processing queue. If you submit it again, "
                "it will be processed according to the date it is received the second time.",
                fr="Les demandes incomplètes ne sont pas placées dans la file d’attente de traitement. Si "
                "vous présentez à nouveau votre demande, elle sera traitée selon la date à laquelle elle a "
                "été reçue la deuxième fois.",
            )
        )
        return Completeness(
            complete=False,
            returned=True,
            queued_on=None,
            officer_review=tuple(review),
            reasons=tuple(reasons),
        )
    if previously_returned_on is not None:
        reasons.append(
            say(
                "RESUBMISSION_QUEUED_BY_SECOND_RECEIPT",
                rule="SP-181",
                citation=STEP_5,
                en="This application was returned on {returned} and received again on {received}: it is "
                "processed according to the second date of receipt.",
                fr="Cette demande a été retournée le {returned} et reçue de nouveau le {received} : elle est "
                "traitée selon la date de la deuxième réception.",
                severity=Severity.INFO,
                returned=previously_returned_on.isoformat(),
                received=received_on.isoformat(),
            )
        )
    reasons.append(
        say(
            "PACKAGE_ACCEPTED_FOR_PROCESSING",
            rule="SP-181, SP-221",
            citation=STEP_5 + "; " + cite("Répondants"),
            en="All checklist forms and documents are included or explained: the application is accepted "
            "for processing as of {received}.",
            fr="Tous les formulaires et documents de la liste de vérification sont inclus ou expliqués : la "
            "demande est acceptée aux fins de traitement en date du {received}.",
            severity=Severity.INFO,
            received=received_on.isoformat(),
        )
    )
    return Completeness(
        complete=True,
        returned=False,
        queued_on=received_on,
        officer_review=tuple(review),
        reasons=tuple(reasons),
    )
