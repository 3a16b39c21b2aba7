"""What must be in the file before an application is approved: nothing is decided early.

The guides say when a step comes before the decision:

* biometrics: "processing starts once your biometrics are received" (IMM 5445 — Données
  biométriques, PRC-32; IMM 5289, SP-141), so no approval without them from each person the
  rules say gives them (IRPR 12.1, 12.2);
* medical exams: every family member who is not a citizen or permanent resident is examined,
  even one who does not come (IMM 5289 — Passer l'examen médical, SP-115, SP-116, SP-222): no
  approval without each result;
* requests and interviews: documents are provided "within the specified time", otherwise the
  application may be refused (X-13, SP-225); an interview called (SP-227) is part of the file
  until what happened is recorded;
* quality assurance: a file drawn for it is "notified in writing" and its applicant "called
  to an interview" (IMM 5445 — Programme d'assurance de la qualité, PRC-99e): not approved
  before that interview is held;
* a sponsorship: the sponsor is assessed first (IMM 5289 — Examen d'admissibilité); Quebec's
  answer and the police certificates have their own rules (``sponsorship.decisions``).

Reading: these are conditions of an *approval*. A refusal or a withdrawal does not wait for
them (a missing result is one of the reasons an application may be refused, SP-225).

Every input is a fact the caller reads from the file; nothing here reads "today".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .reasons import Reason, reason

MEDICAL = "IMM 5289 — Passer l'examen médical"
REQUESTS = "IMM 5445 — Étape 1; IMM 5289 — Documents supplémentaires"
INTERVIEW = "IMM 5289 — Entrevue"
QUALITY_ASSURANCE = "IMM 5445 — Programme d'assurance de la qualité"
SPONSOR_FIRST = "IMM 5289 — Examen d'admissibilité"


class Step(str, Enum):
    """Where one person's biometrics or medical exam stands."""

    NOT_STARTED = "not_started"  # no instruction sent yet
    INSTRUCTED = "instructed"  # the instructions are sent; nothing received yet
    DONE = "done"  # collected, or the result received


class QaInterview(str, Enum):
    """Where the quality-assurance interview of a file drawn for it stands."""

    NOT_SCHEDULED = "not_scheduled"
    SCHEDULED = "scheduled"  # called, nothing recorded yet
    NOT_ATTENDED = "not_attended"  # recorded as not attended: not held
    HELD = "held"


@dataclass(frozen=True, slots=True)
class PersonSteps:
    """One person's steps before a decision. ``person``: the id the reasons name as subject."""

    person: str
    name: str
    biometrics_required: bool = False
    biometrics: Step = Step.NOT_STARTED
    medical_required: bool = False
    medical: Step = Step.NOT_STARTED
    # What to cite for this person's biometrics: the guide of their application (a PR card's or a
    # permanent residence application's) and the paragraph of IRPR 12.1 that lists it.
    biometrics_citation: str = "IRPR 12.1, 12.2"


@dataclass(frozen=True, slots=True)
class FileSteps:
    """What the file holds about every step an approval waits for."""

    people: tuple[PersonSteps, ...] = ()
    open_requests: int = 0
    interviews_without_outcome: int = 0
    quality_assurance_selected: bool = False
    quality_assurance_interview: QaInterview = QaInterview.NOT_SCHEDULED
    sponsored: bool = False
    sponsor_assessed: bool = False


def approval_blockers(steps: FileSteps) -> tuple[Reason, ...]:
    """Each thing still missing before ``steps``' file can be approved, with its rule; () when none."""
    found: list[Reason] = []
    if steps.sponsored and not steps.sponsor_assessed:
        found.append(
            reason(
                "BEFORE_DECISION_SPONSOR_NOT_ASSESSED",
                rule="SP-48",
                citation=SPONSOR_FIRST,
                en="The sponsor has not been assessed yet: the sponsor is assessed first.",
                fr="Le répondant n’a pas encore été évalué : le répondant est évalué en premier.",
            )
        )
    for person in steps.people:
        if person.biometrics_required and person.biometrics is not Step.DONE:
            sent = person.biometrics is Step.INSTRUCTED
            found.append(
                reason(
                    "BEFORE_DECISION_BIOMETRICS_AWAITED"
                    if sent
                    else "BEFORE_DECISION_BIOMETRICS_NOT_INSTRUCTED",
                    rule="PRC-32, SP-141, IRPR-12.1",
                    citation=person.biometrics_citation,
                    en="{name}: the biometrics have not been collected yet (the instruction letter is sent)."
                    if sent
                    else "{name}: must give biometrics, and no biometric instruction letter has been sent.",
                    fr="{name} : les données biométriques n’ont pas encore été recueillies (la lettre "
                    "d’instructions est envoyée)."
                    if sent
                    else "{name} : doit fournir ses données biométriques, et aucune lettre d’instructions "
                    "n’a été envoyée.",
                    subject=person.person,
                    name=person.name,
                )
            )
        elif person.biometrics is Step.INSTRUCTED:
            # An officer sent a letter the evaluation alone did not call for (a PR card checked
            # against the records, IRPR 12.1(m)): the collection is awaited all the same.
            found.append(
                reason(
                    "BEFORE_DECISION_BIOMETRICS_AWAITED",
                    rule="PRC-32, SP-141",
                    citation=person.biometrics_citation,
                    en="{name}: the biometrics have not been collected yet (the instruction letter is sent).",
                    fr="{name} : les données biométriques n’ont pas encore été recueillies (la lettre "
                    "d’instructions est envoyée).",
                    subject=person.person,
                    name=person.name,
                )
            )
        if person.medical is not Step.DONE and (person.medical_required or person.medical is Step.INSTRUCTED):
            sent = person.medical is Step.INSTRUCTED
            found.append(
                reason(
                    "BEFORE_DECISION_MEDICAL_AWAITED" if sent else "BEFORE_DECISION_MEDICAL_NOT_INSTRUCTED",
                    rule="SP-222, SP-116",
                    citation=MEDICAL,
                    en="{name}: the medical exam result has not been received (the instructions are sent)."
                    if sent
                    else "{name}: must have a medical exam, and no medical instructions have been sent.",
                    fr="{name} : le résultat de l’examen médical n’est pas encore reçu (les instructions sont "
                    "envoyées)."
                    if sent
                    else "{name} : doit passer un examen médical, et aucune instruction n’a été envoyée.",
                    subject=person.person,
                    name=person.name,
                )
            )
    if steps.open_requests:
        found.append(
            reason(
                "BEFORE_DECISION_REQUEST_OPEN",
                rule="X-13, SP-225",
                citation=REQUESTS,
                en="A request is waiting for the applicant's answer.",
                fr="Une demande attend la réponse du demandeur.",
            )
        )
    if steps.interviews_without_outcome:
        found.append(
            reason(
                "BEFORE_DECISION_INTERVIEW_OUTCOME",
                rule="SP-227, PRC-99e",
                citation=INTERVIEW,
                en="An interview has no recorded outcome.",
                fr="Une entrevue n’a aucun résultat inscrit.",
            )
        )
    if steps.quality_assurance_selected and steps.quality_assurance_interview is not QaInterview.HELD:
        if steps.quality_assurance_interview is QaInterview.NOT_SCHEDULED:
            en = "The file was selected for quality assurance: its applicant is called to an interview, not yet scheduled."
            fr = (
                "Le dossier a été choisi pour l’assurance de la qualité : son demandeur est convoqué à une "
                "entrevue, qui n’est pas encore fixée."
            )
        elif steps.quality_assurance_interview is QaInterview.SCHEDULED:
            en = "The file was selected for quality assurance: its interview is not yet recorded as held."
            fr = (
                "Le dossier a été choisi pour l’assurance de la qualité : son entrevue n’est pas encore "
                "consignée comme tenue."
            )
        else:
            en = (
                "The file was selected for quality assurance: the applicant did not attend the interview, "
                "so it has not been held."
            )
            fr = (
                "Le dossier a été choisi pour l’assurance de la qualité : le demandeur ne s’est pas présenté "
                "à l’entrevue, qui n’a donc pas eu lieu."
            )
        found.append(
            reason(
                "BEFORE_DECISION_QUALITY_ASSURANCE_INTERVIEW",
                rule="PRC-99e",
                citation=QUALITY_ASSURANCE,
                en=en,
                fr=fr,
            )
        )
    return tuple(found)
