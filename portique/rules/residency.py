"""The residency obligation of a permanent resident, and the citizenship notice.

IMM 5445 Appendix A (seed 002), rules PRC-100 to PRC-108: 730 days of physical presence
in the last five years, or, for a person who has been a permanent resident for less
than five years, the ability to reach 730 days within five years of becoming one.
Days abroad count when the person was employed abroad by a Canadian business or the
public service (Option A), accompanied a Canadian citizen spouse, partner or parent
(Option B), or accompanied such a permanent resident employed by a Canadian business
(Option C). PRC-40 and PRC-41 give the citizenship notice.

Days are counted with closed intervals of dates, never day by day, so a case with many
absences costs a handful of comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from functools import lru_cache

from .dates import add_years
from .parameters import parameter, value
from .reasons import Reason, Severity, reason
from .records import fast_init

# Reasons are immutable, and most repeat from case to case (same code, same numbers):
# building each once keeps a batch of cases fast (formatting two messages costs more
# than every rule's arithmetic).
_reason = lru_cache(maxsize=4096)(reason)

APPENDIX_A = "IMM 5445 — Appendix A: Obligation de résidence"
MINIMUM = "IMM 5445 — Appendix A: Obligation de résidence minimale"
TIME_OUTSIDE = "IMM 5445 — Appendix A: Temps passé à l’extérieur du Canada"
OPTION_A = "IMM 5445 — Appendix A: Option A. Emploi à l’extérieur du Canada"
OPTION_B = "IMM 5445 — Appendix A: Option B. Accompagnement d’un citoyen canadien"
OPTION_C = "IMM 5445 — Appendix A: Option C. Accompagnement d’un résident permanent"
UNDER_22 = "IMM 5445 — Appendix A: Avis aux personnes de moins de 22 ans"
HUMANITARIAN = "IMM 5445 — Appendix A: Motifs d’ordre humanitaire"
CITIZENSHIP = "IMM 5445 — Vous pourriez être admissible à la citoyenneté canadienne"

ONE_DAY = timedelta(days=1)


class ResidencyStatus(str, Enum):
    """The outcome of the residency-obligation calculation (PRC-100)."""

    MET = "met"
    # A permanent resident for less than five years who can still reach 730 days within
    # five years of becoming one.
    MET_PROSPECTIVELY = "met_prospectively"
    # Not met and can no longer be met: only humanitarian grounds remain (PRC-108).
    CANNOT_BE_DEMONSTRATED = "cannot_be_demonstrated"
    NOT_ASSESSED = "not_assessed"  # the dates given make the calculation meaningless


class Relation(str, Enum):
    """Whom the applicant accompanied abroad under Option B or C."""

    SPOUSE = "spouse"
    COMMON_LAW_PARTNER = "common_law_partner"
    PARENT = "parent"


@dataclass(frozen=True, slots=True)
class EmployerLetter:
    """What the letter signed by the business's representative states (Option A, PRC-104)."""

    signatory_position_and_title: bool = False
    nature_of_business_and_why_canadian: bool = False
    assignment_duration: bool = False
    full_time_abroad_as_condition: bool = False
    job_description_or_profile: bool = False
    will_continue_with_employer_in_canada: bool = False
    business_not_created_to_meet_obligation: bool = False


_LETTER_STATEMENTS = tuple(item.name for item in fields(EmployerLetter))


@fast_init
@dataclass(frozen=True, slots=True)
class EmploymentAbroad:
    """Option A: the absence was spent working abroad for a Canadian employer (PRC-104).

    The three conditions are what the applicant declares; ``letter`` says which of the
    mandatory statements the employer's letter makes (``None``: no letter).
    """

    canadian_business_or_public_service: bool
    assigned_full_time_as_condition: bool
    will_continue_with_employer_in_canada: bool
    letter: EmployerLetter | None = None


@dataclass(frozen=True, slots=True)
class AccompanyingCitizen:
    """Option B: the applicant accompanied a Canadian citizen spouse, partner or parent (PRC-105).

    ``citizen_since`` is the date that person became a citizen (days before it do not
    count). The evidence flags are the guide's mandatory documents.
    """

    relation: Relation
    citizen_since: date
    passports_used_in_period: bool = False
    citizenship_proof_with_date: bool = False
    residential_addresses_for_period: bool = False
    relationship_proof: bool = False  # marriage / common-law proof, or birth, baptism, adoption, guardianship


@dataclass(frozen=True, slots=True)
class AccompanyingResident:
    """Option C: the applicant accompanied a permanent resident spouse, partner or parent (PRC-106).

    That person must have been employed full time by a Canadian business or public
    service during the absence and must meet their own residency obligation (AS-48).
    """

    relation: Relation
    employed_full_time_by_canadian_business_or_public_service: bool
    meets_own_residency_obligation: bool
    permanent_resident_proof: bool = False
    residency_obligation_proof: bool = False
    passports_used_in_period: bool = False
    relationship_proof: bool = False


OptionClaim = EmploymentAbroad | AccompanyingCitizen | AccompanyingResident


@fast_init
@dataclass(frozen=True, slots=True)
class Absence:
    """One absence from Canada, as listed in the IMM 5444 table (PRC-102).

    ``start`` is the day the person left Canada and ``end`` the day they came back.
    ``claim`` is the option under which the days abroad count, if any; by default it
    covers every day abroad, and ``claimed_from`` / ``claimed_to`` (both included) limit
    it to part of the absence (e.g. an assignment that began after departure).
    ``label`` names the absence in findings (e.g. its row number).
    """

    start: date
    end: date
    claim: OptionClaim | None = None
    label: str | None = None
    claimed_from: date | None = None
    claimed_to: date | None = None

    @property
    def days_abroad(self) -> tuple[date, date] | None:
        """The days spent entirely outside Canada, or None for a same- or next-day return."""
        # Reading (not in the register): the guide does not say how departure and return
        # days count. A day spent partly in Canada is a day physically present, so the
        # days abroad are those strictly between leaving and coming back.
        first, last = self.start + ONE_DAY, self.end - ONE_DAY
        return (first, last) if first <= last else None


@fast_init
@dataclass(frozen=True, slots=True)
class ResidencyResult:
    """The residency calculation, with every number behind it.

    The window is the five years before the application date (``window_start`` to
    ``window_end``, both included) or, for a permanent resident of less than five years,
    the days since becoming one. ``days_credited`` is ``days_present`` plus
    ``qualifying_abroad_days``; ``unsupported_abroad_days`` would qualify if the missing
    evidence were provided. ``days_left_in_first_period`` counts the days from the
    application date to the day before the fifth anniversary (0 after it).
    """

    status: ResidencyStatus
    window_start: date
    window_end: date
    window_days: int
    days_absent: int
    days_present: int
    qualifying_abroad_days: int
    unsupported_abroad_days: int
    days_credited: int
    days_required: int
    fifth_anniversary: date
    days_left_in_first_period: int
    reasons: tuple[Reason, ...]


Interval = tuple[date, date]  # closed: both days included


def _merge(intervals: list[Interval]) -> list[Interval]:
    intervals.sort()
    merged: list[Interval] = []
    for first, last in intervals:
        if merged and first <= merged[-1][1] + ONE_DAY:
            if last > merged[-1][1]:
                merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def _clip(interval: Interval, window: Interval) -> Interval | None:
    first, last = max(interval[0], window[0]), min(interval[1], window[1])
    return (first, last) if first <= last else None


def _length(intervals: list[Interval]) -> int:
    total = 0
    for first, last in intervals:
        total += (last - first).days + 1
    return total


def _child_intervals(interval: Interval, birth: date) -> list[Interval]:
    """The days of ``interval`` on which a person born on ``birth`` was a child.

    Reading (G-12): the definition in force on each day applies (under 19 before
    2017-10-24, under 22 from that date itself), so a long absence across the change is
    split there. The change dates come from the dated parameter itself.
    """
    limits = parameter("residency.child_age_limit_years")
    pieces: list[Interval] = []
    starts = limits.starts
    for index, start in enumerate(starts):
        end = starts[index + 1] - ONE_DAY if index + 1 < len(starts) else date.max
        segment = _clip(interval, (start, end))
        if segment is None or limits.values[index] is None:
            continue
        last_child_day = add_years(birth, limits.values[index]) - ONE_DAY
        child = _clip(segment, (date.min, last_child_day))
        if child:
            pieces.append(child)
    return pieces


@lru_cache(maxsize=2048)
def _obligation_parameters(on: date) -> tuple[int, int]:
    """The days required and the years of the period in force on a date, looked up once per date."""
    return value("residency.required_days", on), value("residency.period_years", on)


def residency_obligation(
    *,
    became_pr_on: date,
    application_date: date,
    absences: tuple[Absence, ...] = (),
    date_of_birth: date | None = None,
    humanitarian_grounds_requested: bool = False,
) -> ResidencyResult:
    """Whether the residency obligation is met on ``application_date`` (PRC-100 to PRC-108).

    ``absences`` lists every absence from Canada in the period; ``date_of_birth`` is
    needed only when a parent was accompanied (the child definition). With
    ``humanitarian_grounds_requested`` (IMM 5444 question 5.7) an obligation that cannot
    be demonstrated becomes a warning that an officer decides, instead of a bar.
    """
    required, years = _obligation_parameters(application_date)
    fifth_anniversary = add_years(became_pr_on, years)
    window_end = application_date - ONE_DAY
    # Reading (not in the register): "les cinq (5) années précédant immédiatement la
    # demande" is the five years before the application date, that date excluded.
    if fifth_anniversary <= application_date:
        window_start = add_years(application_date, -years)
        days_left = 0
    else:
        window_start = became_pr_on
        days_left = (fifth_anniversary - application_date).days
    found: list[Reason] = []

    if became_pr_on > application_date:
        found.append(
            _reason(
                "PR_DATE_AFTER_APPLICATION_DATE",
                rule="PRC-100",
                citation=MINIMUM,
                en="The date you became a permanent resident ({became}) is after the application date.",
                fr="La date à laquelle vous êtes devenu résident permanent ({became}) est postérieure à la date de la demande.",
                subject="date_became_pr",
                became=became_pr_on.isoformat(),
            )
        )
        return ResidencyResult(
            ResidencyStatus.NOT_ASSESSED,
            window_start,
            window_end,
            0,
            0,
            0,
            0,
            0,
            0,
            required,
            fifth_anniversary,
            days_left,
            tuple(found),
        )

    window = (window_start, window_end)
    window_days = max(0, (window_end - window_start).days + 1)
    absent: list[Interval] = []
    qualifying: list[Interval] = []
    unsupported: list[Interval] = []
    ordered = sorted(enumerate(absences), key=lambda item: (item[1].start, item[1].end))
    previous: tuple[int, Absence] | None = None
    for index, absence in ordered:
        name = absence.label or f"absence {index + 1}"
        if absence.end < absence.start:
            found.append(_absence_problem("ABSENCE_ENDS_BEFORE_IT_STARTS", name, absence))
            continue
        if absence.end > application_date:
            found.append(_absence_problem("ABSENCE_IN_THE_FUTURE", name, absence))
        # Leaving on the day one came back from an earlier absence is not an overlap.
        if previous is not None and absence.start < previous[1].end:
            other = previous[1].label or f"absence {previous[0] + 1}"
            found.append(
                _reason(
                    "ABSENCES_OVERLAP",
                    rule="PRC-102",
                    citation=TIME_OUTSIDE,
                    en="{name} ({start} to {end}) overlaps {other}; days abroad are counted once.",
                    fr="{name} (du {start} au {end}) chevauche {other}; les jours à l’étranger ne sont comptés qu’une fois.",
                    subject=name,
                    name=name,
                    other=other,
                    start=absence.start.isoformat(),
                    end=absence.end.isoformat(),
                )
            )
        if previous is None or absence.end > previous[1].end:
            previous = (index, absence)
        abroad = absence.days_abroad
        if abroad is None:
            continue
        in_window = _clip(abroad, window)
        if in_window is None:
            continue
        absent.append(in_window)
        if absence.claim is not None:
            claimed = _clip(in_window, (absence.claimed_from or date.min, absence.claimed_to or date.max))
            if claimed is None:
                continue
            counted, pending = _claim_days(absence.claim, claimed, name, date_of_birth, found)
            qualifying.extend(counted)
            unsupported.extend(pending)

    absent = _merge(absent)
    days_absent = _length(absent)
    days_present = window_days - days_absent
    qualifying_days = _length(_merge(qualifying))
    unsupported_days = _length(_merge(qualifying + unsupported)) - qualifying_days
    credited = days_present + qualifying_days

    if credited >= required:
        status = ResidencyStatus.MET
        found.append(
            _reason(
                "RESIDENCY_OBLIGATION_MET",
                rule="PRC-100, PRC-103",
                citation=MINIMUM,
                en="{credited} days count toward the residency obligation ({present} in Canada, {abroad} abroad under Options A to C): at least {required} are required.",
                fr="{credited} jours comptent pour l’obligation de résidence ({present} au Canada et {abroad} à l’étranger au titre des options A à C) : au moins {required} sont exigés.",
                severity=Severity.INFO,
                credited=credited,
                present=days_present,
                abroad=qualifying_days,
                required=required,
            )
        )
    elif credited + days_left >= required:
        # Reading (PRC-100 ℹ): feasible when the days so far plus every day left before the
        # fifth anniversary reach 730.
        status = ResidencyStatus.MET_PROSPECTIVELY
        found.append(
            _reason(
                "RESIDENCY_OBLIGATION_MET_PROSPECTIVELY",
                rule="PRC-100",
                citation=MINIMUM,
                en=(
                    "You have {credited} days so far and {left} days remain before {anniversary}, five years after you "
                    "became a permanent resident: you can still reach {required} days, so you meet the obligation."
                ),
                fr=(
                    "Vous avez {credited} jours jusqu’à présent et il reste {left} jours avant le {anniversary}, cinq ans "
                    "après l’obtention de votre résidence permanente : vous pouvez encore atteindre {required} jours et "
                    "vous satisfaites donc à l’obligation."
                ),
                severity=Severity.INFO,
                credited=credited,
                left=days_left,
                anniversary=fifth_anniversary.isoformat(),
                required=required,
            )
        )
    else:
        status = ResidencyStatus.CANNOT_BE_DEMONSTRATED
        found.append(_not_met(credited, days_left, required, humanitarian_grounds_requested))

    if (
        unsupported_days
        and status is ResidencyStatus.CANNOT_BE_DEMONSTRATED
        and credited + days_left + unsupported_days >= required
    ):
        found.append(
            _reason(
                "EVIDENCE_WOULD_MEET_OBLIGATION",
                rule="PRC-104, PRC-105, PRC-106",
                citation=TIME_OUTSIDE,
                en="{days} more days abroad would count if you provide the missing evidence for them; that would meet the obligation.",
                fr="{days} jours de plus à l’étranger compteraient si vous fournissiez les preuves manquantes ; vous satisferiez alors à l’obligation.",
                severity=Severity.WARNING,
                days=unsupported_days,
            )
        )

    return ResidencyResult(
        status=status,
        window_start=window_start,
        window_end=window_end,
        window_days=window_days,
        days_absent=days_absent,
        days_present=days_present,
        qualifying_abroad_days=qualifying_days,
        unsupported_abroad_days=unsupported_days,
        days_credited=credited,
        days_required=required,
        fifth_anniversary=fifth_anniversary,
        days_left_in_first_period=days_left,
        reasons=tuple(found),
    )


def _not_met(credited: int, days_left: int, required: int, humanitarian: bool) -> Reason:
    if humanitarian:
        return _reason(
            "RESIDENCY_OBLIGATION_HUMANITARIAN_REVIEW",
            rule="PRC-100, PRC-108",
            citation=f"{MINIMUM}; {HUMANITARIAN}",
            en=(
                "At most {best} days can count, fewer than the {required} required. You asked for humanitarian and "
                "compassionate consideration: explain why you could not meet the obligation and the hardship losing "
                "your status would cause you, your family and any child directly affected; an officer will decide."
            ),
            fr=(
                "Au plus {best} jours peuvent compter, soit moins que les {required} exigés. Vous avez demandé un examen "
                "pour des motifs d’ordre humanitaire : expliquez pourquoi vous n’avez pas pu satisfaire à l’obligation "
                "et les difficultés qu’entraînerait la perte de votre statut pour vous-même, votre famille et tout "
                "enfant directement touché ; un agent prendra la décision."
            ),
            severity=Severity.WARNING,
            best=credited + days_left,
            required=required,
        )
    return _reason(
        "RESIDENCY_OBLIGATION_CANNOT_BE_DEMONSTRATED",
        rule="PRC-100, PRC-108",
        citation=f"{MINIMUM}; {HUMANITARIAN}",
        en=(
            "At most {best} days can count ({credited} so far, {left} left in your first five years), fewer than the "
            "{required} required. Only humanitarian and compassionate grounds remain: answer question 5.7."
        ),
        fr=(
            "Au plus {best} jours peuvent compter ({credited} jusqu’à présent et {left} restants dans vos cinq premières "
            "années), soit moins que les {required} exigés. Seuls des motifs d’ordre humanitaire peuvent encore être "
            "invoqués : répondez à la question 5.7."
        ),
        best=credited + days_left,
        credited=credited,
        left=days_left,
        required=required,
    )


def _absence_problem(code: str, name: str, absence: Absence) -> Reason:
    if code == "ABSENCE_ENDS_BEFORE_IT_STARTS":
        en = "{name}: the return date ({end}) is before the departure date ({start}); this absence is not counted."
        fr = "{name} : la date de retour ({end}) précède la date de départ ({start}) ; cette absence n’est pas comptée."
    else:
        en = "{name} ({start} to {end}) ends after the application date; list only absences that have ended."
        fr = "{name} (du {start} au {end}) se termine après la date de la demande ; n’indiquez que les absences terminées."
    return _reason(
        code,
        rule="PRC-102",
        citation=TIME_OUTSIDE,
        en=en,
        fr=fr,
        subject=name,
        name=name,
        start=absence.start.isoformat(),
        end=absence.end.isoformat(),
    )


def _claim_days(
    claim: OptionClaim, days: Interval, name: str, birth: date | None, found: list[Reason]
) -> tuple[list[Interval], list[Interval]]:
    """The qualifying days of one claimed absence, and those waiting only for evidence."""
    if isinstance(claim, EmploymentAbroad):
        return _option_a(claim, days, name, found)
    if isinstance(claim, AccompanyingCitizen):
        eligible = _option_b_days(claim, days, name, birth, found)
        missing = [
            label
            for flag, label in (
                (claim.passports_used_in_period, "passports_used_in_period"),
                (claim.citizenship_proof_with_date, "citizenship_proof_with_date"),
                (claim.residential_addresses_for_period, "residential_addresses_for_period"),
                (claim.relationship_proof, "relationship_proof"),
            )
            if not flag
        ]
        return _evidence_split("B", OPTION_B, "PRC-105", eligible, missing, name, found)
    eligible = _option_c_days(claim, days, name, birth, found)
    missing = [
        label
        for flag, label in (
            (claim.permanent_resident_proof, "permanent_resident_proof"),
            (claim.residency_obligation_proof, "residency_obligation_proof"),
            (claim.passports_used_in_period, "passports_used_in_period"),
            (claim.relationship_proof, "relationship_proof"),
        )
        if not flag
    ]
    return _evidence_split("C", OPTION_C, "PRC-106", eligible, missing, name, found)


def _evidence_split(
    option: str,
    citation: str,
    rule: str,
    eligible: list[Interval],
    missing: list[str],
    name: str,
    found: list[Reason],
) -> tuple[list[Interval], list[Interval]]:
    if not eligible:
        return [], []
    if missing:
        found.append(
            _reason(
                f"OPTION_{option}_EVIDENCE_INCOMPLETE",
                rule=rule,
                citation=citation,
                en="{name}: the days abroad under Option {option} count only with the mandatory documents; missing: {missing}.",
                fr="{name} : les jours à l’étranger au titre de l’option {option} ne comptent qu’avec les documents obligatoires ; il manque : {missing}.",
                subject=name,
                name=name,
                option=option,
                missing=", ".join(missing),
            )
        )
        return [], eligible
    found.append(
        _reason(
            f"OPTION_{option}_DAYS_COUNTED",
            rule=rule,
            citation=citation,
            en="{name}: {days} days abroad count toward the residency obligation under Option {option}.",
            fr="{name} : {days} jours à l’étranger comptent pour l’obligation de résidence au titre de l’option {option}.",
            severity=Severity.INFO,
            subject=name,
            name=name,
            days=_length(eligible),
            option=option,
        )
    )
    return eligible, []


def _option_a(
    claim: EmploymentAbroad, days: Interval, name: str, found: list[Reason]
) -> tuple[list[Interval], list[Interval]]:
    unmet = [
        label
        for flag, label in (
            (claim.canadian_business_or_public_service, "canadian_business_or_public_service"),
            (claim.assigned_full_time_as_condition, "assigned_full_time_as_condition"),
            (claim.will_continue_with_employer_in_canada, "will_continue_with_employer_in_canada"),
        )
        if not flag
    ]
    if unmet:
        found.append(
            _reason(
                "OPTION_A_CONDITIONS_NOT_MET",
                rule="PRC-104",
                citation=OPTION_A,
                en="{name}: days employed abroad count only for a full-time assignment, as a condition of employment, by a Canadian business or public service you will keep working for in Canada; not met: {unmet}.",
                fr="{name} : les jours d’emploi à l’étranger ne comptent que pour une affectation à temps plein, comme condition d’emploi, par une entreprise canadienne ou la fonction publique pour laquelle vous continuerez de travailler au Canada ; conditions non remplies : {unmet}.",
                severity=Severity.WARNING,
                subject=name,
                name=name,
                unmet=", ".join(unmet),
            )
        )
        return [], []
    letter = claim.letter or EmployerLetter()
    missing = [statement for statement in _LETTER_STATEMENTS if not getattr(letter, statement)]
    if claim.letter is None:
        missing = ["employer_letter"]
    return _evidence_split("A", OPTION_A, "PRC-104", [days], missing, name, found)


def _relation_days(
    relation: Relation,
    days: Interval,
    name: str,
    birth: date | None,
    found: list[Reason],
    citation: str,
    rule: str,
) -> list[Interval]:
    if relation is not Relation.PARENT:
        return [days]
    if birth is None:
        found.append(
            _reason(
                "DATE_OF_BIRTH_NEEDED_FOR_CHILD_DEFINITION",
                rule=f"{rule}, PRC-107",
                citation=f"{citation}; {UNDER_22}",
                en="{name}: your date of birth is needed to count days spent accompanying a parent.",
                fr="{name} : votre date de naissance est nécessaire pour compter les jours passés à accompagner un parent.",
                severity=Severity.WARNING,
                subject=name,
                name=name,
            )
        )
        return []
    pieces = _child_intervals(days, birth)
    excluded = _length([days]) - _length(pieces)
    if excluded:
        found.append(
            _reason(
                "NOT_A_CHILD_WHILE_ACCOMPANYING_PARENT",
                rule=f"{rule}, PRC-107",
                citation=f"{citation}; {UNDER_22}",
                en="{name}: {days} days do not count because you were no longer a child then ({limits}).",
                fr="{name} : {days} jours ne comptent pas, car vous n’étiez plus un enfant à ce moment ({limits_fr}).",
                severity=Severity.WARNING,
                subject=name,
                name=name,
                days=excluded,
                limits=_child_definitions("en"),
                limits_fr=_child_definitions("fr"),
            )
        )
    return pieces


def _child_definitions(lang: str) -> str:
    """The child definitions in force over time, from the dated parameter (e.g. under 19 before 2017-10-24)."""
    limits = parameter("residency.child_age_limit_years")
    parts = []
    for index, (start, age) in enumerate(zip(limits.starts, limits.values, strict=True)):
        if age is None:
            continue
        if index + 1 < len(limits.starts):
            until = limits.starts[index + 1].isoformat()
            parts.append(
                f"under {age} before {until}" if lang == "en" else f"moins de {age} ans avant le {until}"
            )
        elif index:
            since = start.isoformat()
            parts.append(
                f"under {age} from {since}" if lang == "en" else f"moins de {age} ans à compter du {since}"
            )
        else:
            parts.append(f"under {age}" if lang == "en" else f"moins de {age} ans")
    return ", ".join(parts)


def _option_b_days(
    claim: AccompanyingCitizen, days: Interval, name: str, birth: date | None, found: list[Reason]
) -> list[Interval]:
    pieces = _relation_days(claim.relation, days, name, birth, found, OPTION_B, "PRC-105")
    citizen_days = [piece for piece in (_clip(p, (claim.citizen_since, date.max)) for p in pieces) if piece]
    before = _length(pieces) - _length(citizen_days)
    if before:
        found.append(
            _reason(
                "ACCOMPANIED_PERSON_NOT_YET_CITIZEN",
                rule="PRC-105",
                citation=OPTION_B,
                en="{name}: {days} days do not count because the person you accompanied became a Canadian citizen only on {since}.",
                fr="{name} : {days} jours ne comptent pas, car la personne que vous accompagniez n’est devenue citoyenne canadienne que le {since}.",
                severity=Severity.WARNING,
                subject=name,
                name=name,
                days=before,
                since=claim.citizen_since.isoformat(),
            )
        )
    return citizen_days


def _option_c_days(
    claim: AccompanyingResident, days: Interval, name: str, birth: date | None, found: list[Reason]
) -> list[Interval]:
    if not claim.employed_full_time_by_canadian_business_or_public_service:
        found.append(
            _reason(
                "ACCOMPANIED_RESIDENT_NOT_EMPLOYED_BY_CANADIAN_BUSINESS",
                rule="PRC-106",
                citation=OPTION_C,
                en="{name}: days do not count unless the permanent resident you accompanied was employed full time by a Canadian business or public service during that time.",
                fr="{name} : les jours ne comptent que si le résident permanent que vous accompagniez était employé à temps plein par une entreprise canadienne ou la fonction publique pendant cette période.",
                severity=Severity.WARNING,
                subject=name,
                name=name,
            )
        )
        return []
    if not claim.meets_own_residency_obligation:
        found.append(
            _reason(
                "ACCOMPANIED_RESIDENT_DOES_NOT_MEET_OBLIGATION",
                rule="PRC-106",
                citation=OPTION_C,
                en="{name}: days do not count because the permanent resident you accompanied does not meet their own residency obligation.",
                fr="{name} : les jours ne comptent pas, car le résident permanent que vous accompagniez ne satisfait pas lui-même à son obligation de résidence.",
                severity=Severity.WARNING,
                subject=name,
                name=name,
            )
        )
        return []
    return _relation_days(claim.relation, days, name, birth, found, OPTION_C, "PRC-106")


# ---------------------------------------------------------------------- citizenship


@fast_init
@dataclass(frozen=True, slots=True)
class CitizenshipHint:
    """PRC-40 to PRC-42: whether to tell a PR card applicant they may be eligible for citizenship.

    ``credited_days`` = days present as a permanent resident + ``pre_pr_credit`` (half a
    day for each day before, at most 365). It is a notice, never a decision.
    """

    may_be_eligible: bool
    pre_pr_credit: Decimal
    credited_days: Decimal
    required_days: int
    reasons: tuple[Reason, ...]


def citizenship_hint(
    *,
    signing_date: date,
    days_present_as_pr: int,
    days_present_before_pr: int = 0,
    crown_servant_or_family_member: bool = False,
) -> CitizenshipHint:
    """Whether a permanent resident may be eligible for citizenship on ``signing_date``.

    Both counts are days physically present in Canada within the five years before the
    signing date: ``days_present_as_pr`` as a permanent resident (``ResidencyResult.days_present``
    when the window is the same), ``days_present_before_pr`` as a temporary resident or
    protected person before becoming one.
    """
    required, years, per_day, cap = _citizenship_parameters(signing_date)
    found: list[Reason] = []
    if days_present_as_pr < 0 or days_present_before_pr < 0:
        found.append(
            _reason(
                "NEGATIVE_DAY_COUNT",
                rule="PRC-40",
                citation=CITIZENSHIP,
                en="Days present cannot be negative.",
                fr="Le nombre de jours de présence ne peut pas être négatif.",
                severity=Severity.WARNING,
            )
        )
        return CitizenshipHint(False, Decimal(0), Decimal(0), required, tuple(found))
    period_days = (signing_date - add_years(signing_date, -years)).days
    if days_present_as_pr + days_present_before_pr > period_days:
        found.append(
            _reason(
                "DAYS_EXCEED_PERIOD",
                rule="PRC-40",
                citation=CITIZENSHIP,
                en="{days} days present is more than the {period} days in the {years} years before signing; check the counts.",
                fr="{days} jours de présence, c’est plus que les {period} jours des {years} années précédant la signature ; vérifiez les nombres.",
                severity=Severity.WARNING,
                days=days_present_as_pr + days_present_before_pr,
                period=period_days,
                years=years,
            )
        )
    credit = min(per_day * days_present_before_pr, Decimal(cap))
    credited = days_present_as_pr + credit
    may = credited >= required
    found.append(_citizenship_finding(may, credited, days_present_as_pr, credit, required))
    if crown_servant_or_family_member:
        found.append(
            _reason(
                "CROWN_SERVANT_EXCEPTION",
                rule="PRC-42",
                citation=CITIZENSHIP,
                en="As a Crown servant or a family member of one, you may be able to apply even without the required time in Canada.",
                fr="À titre de fonctionnaire de la Couronne ou de membre de la famille d’un fonctionnaire de la Couronne, vous pourriez être admissible à présenter une demande même sans le temps exigé au Canada.",
                severity=Severity.INFO,
            )
        )
    return CitizenshipHint(may, credit, credited, required, tuple(found))


@lru_cache(maxsize=2048)
def _citizenship_parameters(on: date) -> tuple[int, int, Decimal, int]:
    """The citizenship hint's parameters in force on a date, looked up once per date."""
    return (
        value("residency.citizenship_required_days", on),
        value("residency.citizenship_period_years", on),
        _decimal(str(value("residency.citizenship_pre_pr_credit_per_day", on))),
        value("residency.citizenship_pre_pr_credit_max_days", on),
    )


@lru_cache(maxsize=4096)
def _citizenship_finding(may: bool, credited: Decimal, pr: int, credit: Decimal, required: int) -> Reason:
    numbers = dict(
        credited=_days(credited),
        credited_fr=_days(credited, "fr"),
        pr=pr,
        credit=_days(credit),
        credit_fr=_days(credit, "fr"),
        required=required,
    )
    if may:
        return reason(
            "MAY_BE_ELIGIBLE_FOR_CITIZENSHIP",
            rule="PRC-40, PRC-41",
            citation=CITIZENSHIP,
            en=(
                "You may be eligible for Canadian citizenship: {credited} days count ({pr} as a permanent resident "
                "plus {credit} for time before), at least {required} are needed. Check the other conditions before applying."
            ),
            fr=(
                "Vous pourriez être admissible à la citoyenneté canadienne : {credited_fr} jours comptent ({pr} à titre "
                "de résident permanent et {credit_fr} pour le temps passé auparavant), au moins {required} sont exigés. "
                "Vérifiez les autres conditions avant de présenter une demande."
            ),
            severity=Severity.INFO,
            **numbers,
        )
    return reason(
        "NOT_YET_ENOUGH_DAYS_FOR_CITIZENSHIP",
        rule="PRC-40, PRC-41",
        citation=CITIZENSHIP,
        en="{credited} days count toward citizenship ({pr} as a permanent resident plus {credit} for time before); {required} are needed.",
        fr="{credited_fr} jours comptent pour la citoyenneté ({pr} à titre de résident permanent et {credit_fr} pour le temps passé auparavant) ; {required} sont exigés.",
        severity=Severity.INFO,
        **numbers,
    )


@lru_cache(maxsize=64)
def _decimal(text: str) -> Decimal:
    return Decimal(text)


def _days(amount: Decimal, lang: str = "en") -> str:
    """A day count for a message: 250 rather than 250.0; a half day as 250.5, or 250,5 in French."""
    text = (
        str(amount.quantize(Decimal(1))) if amount == amount.to_integral_value() else str(amount.normalize())
    )
    return text.replace(".", ",") if lang == "fr" else text
