"""Police certificates and the medical exam deadline.

Rules SP-185 and SP-222 (IMM 5289, "Certificats de police", "Passer l'examen médical").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from portique.rules.dates import add_months, add_years, age_on
from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init
from portique.rules.sponsorship.vocabulary import cite, param, say

POLICE = cite("Certificats de police")
MEDICAL = cite("Passer l'examen médical")

CANADA = "CA"


@fast_init
@dataclass(frozen=True, slots=True)
class Stay:
    """Time spent in one country: ``country`` is an ISO 3166-1 alpha-2 code ("CA" is Canada).

    ``end`` is the day the person left (or the application date if still there).
    """

    country: str
    start: date
    end: date


@fast_init
@dataclass(frozen=True, slots=True)
class PoliceCertificates:
    """The countries (ISO codes, in order of first stay) a police certificate is needed from."""

    required_from: tuple[str, ...]
    reasons: tuple[Reason, ...]


def police_certificate_required(
    *,
    birth_date: date,
    is_citizen_or_pr: bool,
    stays: tuple[Stay, ...],
    on: date,
    person: str | None = None,
) -> PoliceCertificates:
    """Which countries a person needs a police certificate from, as of application date ``on`` (SP-185).

    Needed by a principal applicant or family member aged 18 or older who is not a
    permanent resident or citizen, from every country other than Canada where they spent
    6 consecutive months or more since turning 18.

    Reading: only the part of a stay from the 18th birthday counts; a stay that began at
    17 needs 6 consecutive months after the birthday (the guide's note on persons under
    18 "for the whole period" is the special case of a stay with no such part).
    ``person`` is copied into each reason's subject.
    """
    min_age = param("police_certificate_min_age", on)
    months = param("police_certificate_min_consecutive_months", on)
    if is_citizen_or_pr:
        return PoliceCertificates(
            required_from=(),
            reasons=(
                say(
                    "POLICE_NOT_REQUIRED_CITIZEN_OR_PR",
                    rule="SP-185",
                    citation=POLICE,
                    en="Canadian citizens and permanent residents do not provide police certificates.",
                    fr="Les citoyens canadiens et les résidents permanents n’ont pas à fournir de "
                    "certificat de police.",
                    severity=Severity.INFO,
                    subject=person,
                ),
            ),
        )
    age = age_on(birth_date, on)
    if age < min_age:
        return PoliceCertificates(
            required_from=(),
            reasons=(
                say(
                    "POLICE_NOT_REQUIRED_UNDER_AGE",
                    rule="SP-185",
                    citation=POLICE,
                    en="Police certificates are required from persons aged {min} or older; this person "
                    "is {age}.",
                    fr="Les certificats de police sont exigés des personnes âgées de {min} ans ou plus ; "
                    "cette personne a {age} ans.",
                    severity=Severity.INFO,
                    subject=person,
                    min=min_age,
                    age=age,
                ),
            ),
        )
    adult_from = add_years(birth_date, min_age)
    required: list[str] = []
    reasons: list[Reason] = []
    canada_noted = False
    for stay in stays:
        if stay.country.upper() == CANADA:
            if not canada_noted:
                canada_noted = True
                reasons.append(
                    say(
                        "POLICE_NOT_REQUIRED_CANADA",
                        rule="SP-185",
                        citation=POLICE,
                        en="No police certificate is needed for time spent in Canada.",
                        fr="Aucun certificat de police n’est exigé pour le temps passé au Canada.",
                        severity=Severity.INFO,
                        subject=person,
                    )
                )
            continue
        counted_from = max(stay.start, adult_from)
        if stay.end >= add_months(counted_from, months):
            if stay.country.upper() not in required:
                required.append(stay.country.upper())
                reasons.append(
                    say(
                        "POLICE_CERTIFICATE_REQUIRED",
                        rule="SP-185",
                        citation=POLICE,
                        en="A police certificate is required from {country}: {months} consecutive months "
                        "or more spent there since age {min} (from {start} to {end}).",
                        fr="Un certificat de police est exigé de ce pays ({country}) : {months} mois "
                        "consécutifs ou plus passés dans ce pays depuis l’âge de {min} ans (du {start} "
                        "au {end}).",
                        severity=Severity.INFO,
                        subject=person,
                        country=stay.country.upper(),
                        months=months,
                        min=min_age,
                        start=counted_from.isoformat(),
                        end=stay.end.isoformat(),
                    )
                )
        elif stay.end <= adult_from:
            reasons.append(
                say(
                    "POLICE_NOT_REQUIRED_STAY_UNDER_AGE",
                    rule="SP-185",
                    citation=POLICE,
                    en="No police certificate from {country}: the person was under {min} for the whole stay.",
                    fr="Aucun certificat de police n’est exigé de ce pays ({country}) : la personne "
                    "avait moins de {min} ans pendant tout le séjour.",
                    severity=Severity.INFO,
                    subject=person,
                    country=stay.country.upper(),
                    min=min_age,
                )
            )
        else:
            reasons.append(
                say(
                    "POLICE_NOT_REQUIRED_SHORT_STAY",
                    rule="SP-185",
                    citation=POLICE,
                    en="No police certificate from {country} for this stay: less than {months} "
                    "consecutive months there since age {min}.",
                    fr="Aucun certificat de police n’est exigé de ce pays ({country}) pour ce séjour : "
                    "moins de {months} mois consécutifs passés dans ce pays depuis l’âge de {min} ans.",
                    severity=Severity.INFO,
                    subject=person,
                    country=stay.country.upper(),
                    months=months,
                    min=min_age,
                )
            )
    if required:
        reasons.append(
            say(
                "POLICE_CERTIFICATE_TRANSLATION",
                rule="SP-185",
                citation=POLICE,
                en="A police certificate in neither English nor French must be translated by a certified "
                "translator; attach both the certificate and the translation.",
                fr="Un certificat de police rédigé ni en anglais ni en français doit être traduit par un "
                "traducteur agréé ; joignez le certificat et la traduction.",
                severity=Severity.INFO,
                subject=person,
            )
        )
    return PoliceCertificates(required_from=tuple(required), reasons=tuple(reasons))


@dataclass(frozen=True, slots=True)
class MedicalExamDeadline:
    deadline: date
    reasons: tuple[Reason, ...]


def medical_exam_deadline(*, instructions_received: date) -> MedicalExamDeadline:
    """The last day to take the medical exam: 30 days after receiving the instructions (SP-222).

    Reading: "dans les 30 jours suivant la réception" counts from the day after receipt,
    so instructions received on 2025-03-01 give 2025-03-31.
    """
    days = param("medical_exam_days", instructions_received)
    deadline = instructions_received + timedelta(days=days)
    return MedicalExamDeadline(
        deadline=deadline,
        reasons=(
            say(
                "MEDICAL_EXAM_DEADLINE",
                rule="SP-222",
                citation=MEDICAL,
                en="Take the medical exam within {days} days of receiving the instructions, by {deadline}. "
                "Print form IMM 1017 and the instructions for each person and bring them to the exam.",
                fr="Passez l’examen médical dans les {days} jours suivant la réception des instructions, "
                "au plus tard le {deadline}. Imprimez le formulaire IMM 1017 et les instructions pour "
                "chaque personne et apportez-les à l’examen.",
                severity=Severity.INFO,
                days=days,
                deadline=deadline.isoformat(),
            ),
        ),
    )
