"""Criminality of the person sponsored: rehabilitation (Table 1) and record suspensions.

Rules SP-130 to SP-134 (IMM 5289, "Criminalité", "Condamnations ou actes criminels à
l'extérieur du Canada", "Condamnations ou délits au Canada", "Tableau 1 – Admissibilité
à la réadaptation"). The guide decides nothing here: it says from when a person is
deemed rehabilitated, may apply for rehabilitation, or needs a record suspension.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.dates import add_years
from portique.rules.reasons import Reason, Severity
from portique.rules.sponsorship.vocabulary import cite, param, say

TABLE_1 = cite("Tableau 1 – Admissibilité à la réadaptation")
OUTSIDE_CANADA = cite("Condamnations ou actes criminels à l'extérieur du Canada")
IN_CANADA = cite("Condamnations ou délits au Canada")


class OffenceRecord(str, Enum):
    """A row of Table 1, or another Canadian record (SP-132, SP-134).

    "Indictable" and "summary" describe the offence as if committed in Canada.
    """

    # Row 1: convicted outside Canada, indictable, maximum under 10 years.
    CONVICTED_ABROAD_INDICTABLE_UNDER_10 = "convicted_abroad_indictable_under_10"
    # Row 2: committed (not convicted) outside Canada, indictable, maximum under 10 years.
    COMMITTED_ABROAD_INDICTABLE_UNDER_10 = "committed_abroad_indictable_under_10"
    # Row 3: convicted of or committed outside Canada, indictable, maximum 10 years or more.
    ABROAD_INDICTABLE_10_OR_MORE = "abroad_indictable_10_or_more"
    # Row 4: two or more convictions outside Canada for offences that would be summary.
    TWO_OR_MORE_SUMMARY_ABROAD = "two_or_more_summary_abroad"
    # Row 5: two or more summary convictions in Canada.
    TWO_OR_MORE_SUMMARY_IN_CANADA = "two_or_more_summary_in_canada"
    # Row 6: two or more indictable convictions in Canada.
    TWO_OR_MORE_INDICTABLE_IN_CANADA = "two_or_more_indictable_in_canada"
    # Any other criminal record in Canada (one indictable or one summary conviction).
    OTHER_RECORD_IN_CANADA = "other_record_in_canada"


ABROAD = frozenset(
    {
        OffenceRecord.CONVICTED_ABROAD_INDICTABLE_UNDER_10,
        OffenceRecord.COMMITTED_ABROAD_INDICTABLE_UNDER_10,
        OffenceRecord.ABROAD_INDICTABLE_10_OR_MORE,
        OffenceRecord.TWO_OR_MORE_SUMMARY_ABROAD,
    }
)


class RehabilitationStatus(str, Enum):
    """Where the person stands on the date asked about."""

    DEEMED_REHABILITATED = "deemed_rehabilitated"
    MAY_APPLY_FOR_REHABILITATION = "may_apply_for_rehabilitation"
    TOO_EARLY = "too_early"
    RECORD_SUSPENSION_REQUIRED = "record_suspension_required"
    RECORD_SUSPENDED = "record_suspended"
    MAY_NO_LONGER_BE_INADMISSIBLE = "may_no_longer_be_inadmissible"
    OFFICER_REVIEW = "officer_review"


@dataclass(frozen=True, slots=True)
class RehabilitationAssessment:
    """Dates from Table 1 and the status on ``on``.

    ``deemed_rehabilitated_from``: None where the table says "not applicable" or a later
    offence rules it out. ``may_apply_from``: None where the table says "not applicable"
    or a record suspension is the route.
    """

    status: RehabilitationStatus
    deemed_rehabilitated_from: date | None
    may_apply_from: date | None
    record_suspension_required: bool
    reasons: tuple[Reason, ...]


def rehabilitation(
    *,
    offence: OffenceRecord,
    reference_date: date,
    on: date,
    later_offence: bool = False,
    record_suspended: bool = False,
    applying_from_within_canada: bool = False,
) -> RehabilitationAssessment:
    """Table 1 for one record, on date ``on`` (SP-131 to SP-134).

    ``reference_date``: the day the sentence was completed (convictions) or the offence
    was committed (row 2, and row 3 when there was no conviction); for several
    convictions, the day the last sentence was completed. ``later_offence``: another
    offence or conviction since, which rules out deemed rehabilitation.
    ``applying_from_within_canada``: the guide's section on offences outside Canada does
    not apply to persons applying from within Canada.
    """
    if offence in ABROAD and applying_from_within_canada:
        return RehabilitationAssessment(
            status=RehabilitationStatus.OFFICER_REVIEW,
            deemed_rehabilitated_from=None,
            may_apply_from=None,
            record_suspension_required=False,
            reasons=(
                say(
                    "ABROAD_OFFENCE_APPLYING_IN_CANADA",
                    rule="SP-131",
                    citation=OUTSIDE_CANADA,
                    en="The guide's rehabilitation rules for offences outside Canada do not apply to "
                    "persons applying from within Canada: an officer will review the case.",
                    fr="Les règles du guide sur la réadaptation pour les infractions commises à "
                    "l’extérieur du Canada ne s’appliquent pas aux personnes qui présentent une demande "
                    "à partir du Canada : un agent examinera le dossier.",
                    severity=Severity.WARNING,
                ),
            ),
        )
    if offence in ABROAD:
        return _abroad(offence, reference_date, on, later_offence)
    return _in_canada(offence, reference_date, on, later_offence, record_suspended)


def _abroad(
    offence: OffenceRecord, reference: date, on: date, later_offence: bool
) -> RehabilitationAssessment:
    apply_years = param("rehabilitation_apply_after_years", on)
    if offence is OffenceRecord.TWO_OR_MORE_SUMMARY_ABROAD:
        deemed_years = param("rehabilitation_deemed_summary_years", on)
        may_apply = None
    elif offence is OffenceRecord.ABROAD_INDICTABLE_10_OR_MORE:
        deemed_years = None
        may_apply = add_years(reference, apply_years)
    else:
        deemed_years = param("rehabilitation_deemed_indictable_years", on)
        may_apply = add_years(reference, apply_years)
    deemed = add_years(reference, deemed_years) if deemed_years is not None and not later_offence else None

    reasons: list[Reason] = [
        say(
            "REHABILITATION_DATES",
            rule="SP-134",
            citation=TABLE_1,
            en="Deemed rehabilitated from: {deemed}. May apply for rehabilitation from: {apply}.",
            fr="Présumé réadapté à compter du : {deemed_fr}. Peut présenter une demande de réadaptation "
            "à compter du : {apply_fr}.",
            severity=Severity.INFO,
            deemed=deemed.isoformat() if deemed else "not applicable",
            deemed_fr=deemed.isoformat() if deemed else "sans objet",
            apply=may_apply.isoformat() if may_apply else "not applicable",
            apply_fr=may_apply.isoformat() if may_apply else "sans objet",
        )
    ]
    if later_offence and deemed_years is not None:
        reasons.append(
            say(
                "NO_DEEMED_REHABILITATION_LATER_OFFENCE",
                rule="SP-134",
                citation=TABLE_1,
                en="Deemed rehabilitation requires that no other offence was committed and no other "
                "conviction followed.",
                fr="La réadaptation présumée exige qu’aucune autre infraction n’ait été commise et "
                "qu’aucune autre condamnation n’ait été prononcée.",
                severity=Severity.WARNING,
            )
        )
    if deemed is not None and on >= deemed:
        status = RehabilitationStatus.DEEMED_REHABILITATED
        reasons.append(
            say(
                "DEEMED_REHABILITATED",
                rule="SP-134",
                citation=TABLE_1,
                en="On {on}, the person is deemed rehabilitated for this offence.",
                fr="En date du {on}, la personne est présumée réadaptée pour cette infraction.",
                severity=Severity.INFO,
                on=on.isoformat(),
            )
        )
    elif may_apply is not None and on >= may_apply:
        status = RehabilitationStatus.MAY_APPLY_FOR_REHABILITATION
        reasons.append(
            say(
                "MAY_APPLY_FOR_REHABILITATION",
                rule="SP-131, SP-134",
                citation=OUTSIDE_CANADA + "; " + TABLE_1,
                en="The person may apply for rehabilitation, before the sponsorship or with it. If "
                "with it, the sponsor's eligibility and the first review of the permanent residence "
                "application go ahead, but admissibility is assessed only after the rehabilitation "
                "decision.",
                fr="La personne peut présenter une demande de réadaptation, avant la demande de "
                "parrainage ou en même temps. Dans ce dernier cas, la capacité du répondant et "
                "l’examen initial de la demande de résidence permanente sont traités, mais "
                "l’admissibilité n’est examinée qu’une fois la décision sur la réadaptation rendue.",
                severity=Severity.WARNING,
            )
        )
    else:
        status = RehabilitationStatus.TOO_EARLY
        reasons.append(
            say(
                "REHABILITATION_TOO_EARLY",
                rule="SP-130, SP-134",
                citation=TABLE_1,
                en="On {on}, the person is neither deemed rehabilitated nor able to apply for "
                "rehabilitation, and is generally not allowed into Canada.",
                fr="En date du {on}, la personne n’est ni présumée réadaptée ni en mesure de présenter une "
                "demande de réadaptation, et n’est généralement pas autorisée à venir au Canada.",
                on=on.isoformat(),
            )
        )
    return RehabilitationAssessment(
        status=status,
        deemed_rehabilitated_from=deemed,
        may_apply_from=may_apply,
        record_suspension_required=False,
        reasons=tuple(reasons),
    )


def _in_canada(
    offence: OffenceRecord, reference: date, on: date, later_offence: bool, record_suspended: bool
) -> RehabilitationAssessment:
    if record_suspended:
        return RehabilitationAssessment(
            status=RehabilitationStatus.RECORD_SUSPENDED,
            deemed_rehabilitated_from=None,
            may_apply_from=None,
            record_suspension_required=True,
            reasons=(
                say(
                    "RECORD_SUSPENDED_SEND_COPY",
                    rule="SP-132",
                    citation=IN_CANADA,
                    en="The record is suspended: send a photocopy of the official record suspension to "
                    "the visa office or an IRCC centre, and carry a copy when travelling to Canada.",
                    fr="Le casier judiciaire est suspendu : faites parvenir une photocopie de la "
                    "suspension officielle au bureau des visas ou à un centre d’IRCC, et ayez-en une "
                    "copie en main pour vous rendre au Canada.",
                    severity=Severity.INFO,
                ),
            ),
        )
    suspension_needed = say(
        "RECORD_SUSPENSION_REQUIRED",
        rule="SP-132, SP-134",
        citation=IN_CANADA + "; " + TABLE_1,
        en="A criminal record in Canada requires a record suspension (formerly a pardon) from the "
        "Parole Board of Canada before the person can be admissible: do not complete the forms of "
        "this kit until the record is suspended.",
        fr="Un casier judiciaire au Canada exige une suspension du casier (anciennement un pardon) de "
        "la Commission des libérations conditionnelles du Canada avant que la personne puisse être "
        "admissible : ne remplissez pas les formulaires de cette trousse tant que le casier n’a pas "
        "été suspendu.",
    )
    if offence is OffenceRecord.TWO_OR_MORE_SUMMARY_IN_CANADA:
        years = param("rehabilitation_deemed_summary_years", on)
        deemed = None if later_offence else add_years(reference, years)
        if deemed is not None and on >= deemed:
            return RehabilitationAssessment(
                status=RehabilitationStatus.MAY_NO_LONGER_BE_INADMISSIBLE,
                deemed_rehabilitated_from=deemed,
                may_apply_from=None,
                record_suspension_required=False,
                reasons=(
                    say(
                        "SUMMARY_CONVICTIONS_FIVE_YEARS_PASSED",
                        rule="SP-133, SP-134",
                        citation=IN_CANADA + "; " + TABLE_1,
                        en="{years} years have passed since the sentences were completed ({deemed}) with "
                        "no later conviction: the person may no longer be inadmissible.",
                        fr="{years} ans se sont écoulés depuis que les peines ont été purgées ({deemed}) "
                        "sans autre condamnation : la personne pourrait ne plus être interdite de "
                        "territoire.",
                        severity=Severity.INFO,
                        years=years,
                        deemed=deemed.isoformat(),
                    ),
                ),
            )
        if deemed is None:
            timing = say(
                "SUMMARY_CONVICTIONS_LATER_CONVICTION",
                rule="SP-133, SP-134",
                citation=IN_CANADA + "; " + TABLE_1,
                en="Because of a later conviction, the passing of time alone does not end the "
                "inadmissibility.",
                fr="En raison d’une condamnation ultérieure, le seul passage du temps ne met pas fin à "
                "l’interdiction de territoire.",
                severity=Severity.WARNING,
            )
        else:
            timing = say(
                "SUMMARY_CONVICTIONS_DATE",
                rule="SP-133, SP-134",
                citation=IN_CANADA + "; " + TABLE_1,
                en="Without a later conviction, the person may no longer be inadmissible from {deemed}.",
                fr="Sans autre condamnation, la personne pourrait ne plus être interdite de territoire "
                "à compter du {deemed}.",
                severity=Severity.INFO,
                deemed=deemed.isoformat(),
            )
        return RehabilitationAssessment(
            status=RehabilitationStatus.RECORD_SUSPENSION_REQUIRED,
            deemed_rehabilitated_from=deemed,
            may_apply_from=None,
            record_suspension_required=True,
            reasons=(suspension_needed, timing),
        )
    return RehabilitationAssessment(
        status=RehabilitationStatus.RECORD_SUSPENSION_REQUIRED,
        deemed_rehabilitated_from=None,
        may_apply_from=None,
        record_suspension_required=True,
        reasons=(suspension_needed,),
    )
