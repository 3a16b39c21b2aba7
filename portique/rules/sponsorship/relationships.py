"""Who the kit is for and whether the relationship is one the guide recognizes.

Rules SP-02, SP-03, SP-80, SP-90 to SP-93 (IMM 5289, "Qui peut utiliser la trousse de
demande?", "Qui vous pouvez parrainer", "Si vous êtes mariés", "Si vous vivez en union
de fait", "Si vous êtes partenaires conjugaux", Appendix A). These rules apply to all
couples, whatever their gender (SP-90): nothing here asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.dates import add_months, age_on
from portique.rules.reasons import Reason, Severity
from portique.rules.records import fast_init
from portique.rules.sponsorship.vocabulary import OTHER_KIT, SponsoredRelationship, cite, param, say

WHO_MAY_USE = cite("Qui peut utiliser la trousse de demande?")
WHO_YOU_MAY_SPONSOR = cite("Qui vous pouvez parrainer")
MARRIED = cite("Si vous êtes mariés") + "; Appendix A, Époux; IRPR 2"
COMMON_LAW = cite("Si vous vivez en union de fait") + "; Appendix A, Conjoint de fait; IRPR 1(1)"
CONJUGAL = cite("Si vous êtes partenaires conjugaux") + "; Appendix A, Partenaire conjugal; IRPR 2"


class MarriagePlace(str, Enum):
    IN_CANADA = "in_canada"
    OUTSIDE_CANADA = "outside_canada"


class MarriageForm(str, Enum):
    """How the marriage was celebrated (SP-91, Operational Bulletin 613)."""

    BOTH_PHYSICALLY_PRESENT = "both_physically_present"
    PROXY = "proxy"
    TELEPHONE = "telephone"
    FAX = "fax"
    INTERNET = "internet"
    OTHER_NOT_PHYSICALLY_PRESENT = "other_not_physically_present"


@fast_init
@dataclass(frozen=True, slots=True)
class Marriage:
    """A marriage between the sponsor and the person sponsored (SP-91).

    ``valid_where_celebrated``: legally performed in Canada, or recognized by the law of
    the country where it took place. ``recognized_in_canada``: recognized under
    Canadian law (asked for marriages outside Canada).
    """

    place: MarriagePlace
    form: MarriageForm = MarriageForm.BOTH_PHYSICALLY_PRESENT
    valid_where_celebrated: bool = True
    recognized_in_canada: bool = True


@fast_init
@dataclass(frozen=True, slots=True)
class Cohabitation:
    """A period of living together in a marriage-like relationship; ``end`` None: still together.

    ``end`` is the day the couple stopped living together (IMM 0008 asks for that date).
    """

    start: date
    end: date | None = None


@dataclass(frozen=True, slots=True)
class ConjugalRelationship:
    """A conjugal relationship with the sponsor (SP-93)."""

    since: date
    partner_lives_in_canada: bool
    # Could not live together or marry for reasons beyond their control (immigration
    # barriers, religious reasons, sexual orientation...).
    prevented_from_living_together_or_marrying: bool
    # A significant degree of attachment and mutual interdependence, not only a physical relationship.
    mutual_interdependence: bool


@fast_init
@dataclass(frozen=True, slots=True)
class RelationshipAssessment:
    """Whether the relationship qualifies. ``recognized`` is None for a dependent child,
    whose definition is assessed by ``dependants.dependent_child_type``."""

    relationship: SponsoredRelationship
    kit_applies: bool
    recognized: bool | None
    reasons: tuple[Reason, ...]


def assess_relationship(
    *,
    relationship: SponsoredRelationship,
    application_date: date,
    partner_birth_date: date | None = None,
    marriage: Marriage | None = None,
    cohabitation: tuple[Cohabitation, ...] = (),
    conjugal: ConjugalRelationship | None = None,
) -> RelationshipAssessment:
    """Whether the person sponsored is a spouse, common-law or conjugal partner the guide recognizes.

    ``marriage`` is read for a spouse, ``cohabitation`` for a common-law partner and
    ``conjugal`` for a conjugal partner; each is assessed on ``application_date``.
    """
    if relationship in OTHER_KIT:
        return RelationshipAssessment(
            relationship=relationship,
            kit_applies=False,
            recognized=False,
            reasons=(
                say(
                    "USE_OTHER_SPONSORSHIP_KIT",
                    rule="SP-03",
                    citation=WHO_MAY_USE,
                    en="Do not use this kit to sponsor an adopted child, an orphaned family member or "
                    "another relative: use the kit for sponsoring adopted children and other relatives.",
                    fr="N’utilisez pas cette trousse pour parrainer un enfant adopté, un membre de la "
                    "famille orphelin ou un autre membre de la parenté : utilisez plutôt la trousse "
                    "Parrainage d’enfants adoptés et autres membres de la parenté.",
                ),
            ),
        )
    if relationship is SponsoredRelationship.DEPENDENT_CHILD:
        return RelationshipAssessment(
            relationship=relationship,
            kit_applies=True,
            recognized=None,
            reasons=(
                say(
                    "DEPENDENT_CHILD_DEFINITION_APPLIES",
                    rule="SP-02, SP-110",
                    citation=WHO_MAY_USE,
                    en="A child is sponsored under this kit if they meet the definition of a "
                    "dependent child on the day the complete application is received.",
                    fr="Un enfant est parrainé au moyen de cette trousse s’il répond à la définition "
                    "d’enfant à charge le jour où la demande complète est reçue.",
                    severity=Severity.INFO,
                ),
            ),
        )

    reasons = list(_partner_age(partner_birth_date, application_date))
    if relationship is SponsoredRelationship.SPOUSE:
        reasons.extend(_marriage(marriage))
    elif relationship is SponsoredRelationship.COMMON_LAW_PARTNER:
        reasons.extend(_common_law(cohabitation, application_date))
    else:
        reasons.extend(_conjugal(conjugal, application_date))
    recognized = not any(r.severity is Severity.BLOCKING for r in reasons)
    return RelationshipAssessment(
        relationship=relationship,
        kit_applies=True,
        recognized=recognized,
        reasons=tuple(reasons),
    )


def _partner_age(birth_date: date | None, on: date) -> list[Reason]:
    """SP-80: a spouse or partner must be at least 18.

    Reading: on the day the application is received, the date every other eligibility
    fact of the kit is measured on.
    """
    min_age = param("sponsored_partner_min_age", on)
    if birth_date is None:
        return [
            say(
                "PARTNER_BIRTH_DATE_MISSING",
                rule="SP-80",
                citation=WHO_YOU_MAY_SPONSOR,
                en="Give the date of birth of the person you sponsor: a spouse or partner must be at "
                "least {min} years old.",
                fr="Indiquez la date de naissance de la personne parrainée : un époux ou un conjoint "
                "doit avoir au moins {min} ans.",
                min=min_age,
            )
        ]
    age = age_on(birth_date, on)
    if age < min_age:
        return [
            say(
                "PARTNER_UNDER_MIN_AGE",
                rule="SP-80",
                citation=WHO_YOU_MAY_SPONSOR,
                en="A spouse, common-law or conjugal partner must be at least {min} years old; the "
                "person you sponsor is {age}.",
                fr="L’époux, le conjoint de fait ou le partenaire conjugal doit avoir au moins {min} "
                "ans ; la personne parrainée a {age} ans.",
                min=min_age,
                age=age,
            )
        ]
    return []


def _marriage(marriage: Marriage | None) -> list[Reason]:
    """SP-91: a legally recognized civil marriage, both spouses physically present."""
    if marriage is None:
        return [
            say(
                "MARRIAGE_DETAILS_MISSING",
                rule="SP-91",
                citation=MARRIED,
                en="Tell us where and how you were married: you can sponsor someone as a spouse only "
                "if your marriage is legally recognized.",
                fr="Indiquez où et comment vous vous êtes mariés : vous ne pouvez parrainer une "
                "personne à titre d’époux que si votre mariage est reconnu par la loi.",
            )
        ]
    if marriage.form is not MarriageForm.BOTH_PHYSICALLY_PRESENT:
        return [
            say(
                "MARRIAGE_NOT_PHYSICALLY_PRESENT",
                rule="SP-91",
                citation=MARRIED + "; Operational Bulletin 613",
                en="IRCC does not recognize marriages by proxy, telephone, fax or Internet, or any "
                "marriage where the spouses were not both physically present: you cannot sponsor "
                "this person as your spouse.",
                fr="IRCC ne reconnaît pas les mariages célébrés par procuration, par téléphone, par "
                "télécopieur ou par Internet, ni aucun mariage où les mariés n’étaient pas "
                "physiquement présents : vous ne pouvez pas parrainer cette personne à titre d’époux.",
            )
        ]
    if marriage.place is MarriagePlace.IN_CANADA:
        if marriage.valid_where_celebrated:
            return [_marriage_recognized()]
        return [
            say(
                "MARRIAGE_NOT_LEGALLY_PERFORMED",
                rule="SP-91",
                citation=MARRIED,
                en="A marriage in Canada is recognized only if it was legally performed.",
                fr="Un mariage au Canada n’est reconnu que s’il a eu lieu légalement.",
            )
        ]
    if marriage.valid_where_celebrated and marriage.recognized_in_canada:
        return [_marriage_recognized()]
    return [
        say(
            "MARRIAGE_NOT_RECOGNIZED",
            rule="SP-91",
            citation=MARRIED,
            en="A marriage outside Canada is recognized only if it is valid under the law of the "
            "country where it took place and under Canadian law.",
            fr="Un mariage célébré à l’extérieur du Canada n’est reconnu que s’il est valide à la "
            "fois selon les lois du pays où il a été contracté et selon les lois canadiennes.",
        )
    ]


def _marriage_recognized() -> Reason:
    return say(
        "MARRIAGE_RECOGNIZED",
        rule="SP-91",
        citation=MARRIED,
        en="Your marriage is one that can be recognized for immigration purposes.",
        fr="Votre mariage peut être reconnu aux fins de l’immigration.",
        severity=Severity.INFO,
    )


def _common_law(periods: tuple[Cohabitation, ...], on: date) -> list[Reason]:
    """SP-92: living together for 12 consecutive months, now or in the past.

    Reading: a period counts once its end (or ``on``, if still together) reaches the same
    day 12 months after it started (cohabiting since 2024-01-15: common-law on 2025-01-15).
    """
    months = param("common_law_cohabitation_months", on)
    for period in periods:
        end = period.end or on
        if end >= add_months(period.start, months):
            return [
                say(
                    "COMMON_LAW_RECOGNIZED",
                    rule="SP-92",
                    citation=COMMON_LAW,
                    en="You have lived together for at least {months} consecutive months: you may "
                    "sponsor this person as a common-law partner. Prove it with evidence of a shared "
                    "home, mutual financial and emotional support, children together if any, and "
                    "presenting yourselves as a couple.",
                    fr="Vous avez vécu ensemble pendant au moins {months} mois consécutifs : vous "
                    "pouvez parrainer cette personne à titre de conjoint de fait. Prouvez-le au moyen "
                    "de preuves que vous vivez sous le même toit, que vous vous soutenez mutuellement "
                    "sur les plans financier et émotif, que vous avez eu des enfants ensemble, s’il y "
                    "a lieu, et que vous vous affichez en public comme couple.",
                    severity=Severity.INFO,
                    months=months,
                )
            ]
    return [
        say(
            "COMMON_LAW_TOO_SHORT",
            rule="SP-92",
            citation=COMMON_LAW,
            en="Common-law partners must have lived together for {months} consecutive months in a "
            "marriage-like relationship; no period given reaches that.",
            fr="Les conjoints de fait doivent avoir vécu ensemble pendant {months} mois consécutifs "
            "dans une relation assimilable à un mariage ; aucune des périodes indiquées n’atteint "
            "cette durée.",
            months=months,
        )
    ]


def _conjugal(conjugal: ConjugalRelationship | None, on: date) -> list[Reason]:
    """SP-93: lives outside Canada, 12 months, could not live together or marry, interdependence."""
    months = param("conjugal_relationship_months", on)
    if conjugal is None:
        return [
            say(
                "CONJUGAL_DETAILS_MISSING",
                rule="SP-93",
                citation=CONJUGAL,
                en="Describe your conjugal relationship: since when, where your partner lives, and "
                "why you could not live together or marry.",
                fr="Décrivez votre relation conjugale : depuis quand, où vit votre partenaire et "
                "pourquoi vous n’avez pas pu vivre ensemble ou vous marier.",
            )
        ]
    found = []
    if conjugal.partner_lives_in_canada:
        found.append(
            say(
                "CONJUGAL_PARTNER_LIVES_IN_CANADA",
                rule="SP-93",
                citation=CONJUGAL,
                en="A person living in Canada cannot be sponsored as a conjugal partner, in either program.",
                fr="Une personne qui vit au Canada ne peut pas être parrainée à titre de partenaire "
                "conjugal, dans l’un ou l’autre des programmes.",
            )
        )
    if on < add_months(conjugal.since, months):
        found.append(
            say(
                "CONJUGAL_RELATIONSHIP_TOO_SHORT",
                rule="SP-93",
                citation=CONJUGAL,
                en="A conjugal relationship must have lasted at least {months} months.",
                fr="La relation conjugale doit durer depuis au moins {months} mois.",
                months=months,
            )
        )
    if not conjugal.prevented_from_living_together_or_marrying:
        found.append(
            say(
                "CONJUGAL_NO_BARRIER_TO_COHABITING",
                rule="SP-93",
                citation=CONJUGAL,
                en="Conjugal partners are couples who could not live together or marry for reasons "
                "beyond their control; otherwise apply as a spouse or common-law partner.",
                fr="Les partenaires conjugaux sont des couples qui n’ont pas pu vivre ensemble ou se "
                "marier pour des raisons indépendantes de leur volonté ; sinon, présentez la demande à "
                "titre d’époux ou de conjoint de fait.",
            )
        )
    if not conjugal.mutual_interdependence:
        found.append(
            say(
                "CONJUGAL_NO_INTERDEPENDENCE",
                rule="SP-93",
                citation=CONJUGAL,
                en="A conjugal relationship requires a significant degree of attachment and mutual "
                "interdependence, not only a physical relationship.",
                fr="Une relation conjugale exige un degré important d’attachement et une dépendance "
                "mutuelle, et pas seulement une relation physique.",
            )
        )
    if found:
        return found
    return [
        say(
            "CONJUGAL_RECOGNIZED",
            rule="SP-93",
            citation=CONJUGAL,
            en="Your relationship meets the description of a conjugal partnership; you must show the "
            "barriers that kept you from living together or marrying.",
            fr="Votre relation correspond à la description d’une relation de partenaires conjugaux ; "
            "vous devez démontrer les obstacles qui vous ont empêchés de vivre ensemble ou de vous "
            "marier.",
            severity=Severity.INFO,
        )
    ]
