"""The grounds on which an officer may add a missing item at screening (IRPR 10, 12).

The rules find what they can read from the answers, documents and payments; an officer
looking at the files finds the rest (an unreadable copy, a photo that is not what it
should be). Each ground is a rule of the digest with its citation and both languages,
so the return letter says, item by item, what is missing and under which rule.
"""

from __future__ import annotations

from portique.rules.reasons import Reason, reason

GROUNDS: tuple[Reason, ...] = (
    reason(
        "OFFICER_DOCUMENT_MISSING",
        rule="PRC-60, IRPR-10-1",
        citation="IRPR 10(1)(c); IMM 5445 — Step 1",
        en="A document required by the checklist is missing.",
        fr="Un document exigé par la liste de contrôle est manquant.",
    ),
    reason(
        "OFFICER_COPY_ILLEGIBLE",
        rule="PRC-60",
        citation="IRPR 10(1)(c); IMM 5445 — Step 1",
        en="A copy is not clear enough to be read.",
        fr="Une copie n’est pas assez claire pour être lue.",
    ),
    reason(
        "OFFICER_PHOTO_NOT_COMPLIANT",
        rule="PRC-62",
        citation="IMM 5445 — Step 1: Photo(s)",
        en="The photo does not meet the photo specifications.",
        fr="La photo ne respecte pas les normes relatives aux photos.",
    ),
    reason(
        "OFFICER_QUESTION_UNANSWERED",
        rule="PRC-67, IRPR-10-1",
        citation="IRPR 10(1)(a), (c); IMM 5445 — Step 1",
        en="A question is unanswered or a section of the form is incomplete.",
        fr="Une question est restée sans réponse ou une section du formulaire est incomplète.",
    ),
    reason(
        "OFFICER_SIGNATURE_MISSING",
        rule="ACT-54, IRPR-10-1",
        citation="IRPR 10(1)(b), 10(2)(d)",
        en="The application is not signed as required.",
        fr="La demande n’est pas signée comme il se doit.",
    ),
    reason(
        "OFFICER_FEE_NOT_PAID",
        rule="PRC-72, IRPR-10-1",
        citation="IRPR 10(1)(d); IMM 5445 — Step 3",
        en="The fee was not paid, or not in full.",
        fr="Les frais n’ont pas été payés, ou pas en entier.",
    ),
    reason(
        "OFFICER_CARD_STILL_VALID",
        rule="PRC-12",
        citation="IMM 5445 — Qui peut utiliser cette demande",
        en="The current card is valid for more than 270 days and no legal change of name or sex is shown.",
        fr="La carte actuelle est valide pour plus de 270 jours et aucun changement légal de nom ou de sexe "
        "n’est démontré.",
    ),
    reason(
        "OFFICER_REPRESENTATIVE_DETAILS_MISSING",
        rule="REP-17, IRPR-10-2",
        citation="IRPR 10(2)(c.1)–(c.4)",
        en="The details of the person who represented or advised the applicant for a fee are missing.",
        fr="Les renseignements sur la personne qui a représenté ou conseillé le demandeur contre "
        "rémunération sont manquants.",
    ),
)

BY_CODE = {ground.code: ground for ground in GROUNDS}
