"""What a sponsorship's decision covers and what it waits for: one outcome per person,
the Quebec undertaking, the police certificates followed up after submission.

Rules SP-70, SP-116, SP-185, SP-229 (IMM 5289) and IRPR 10(3), 117(9)(d); the family
inadmissibility of IRPA s. 42(1) and IRPR 23, which the seeds do not reproduce, are read
as follows (the citations name them so a reader can check):

- « La demande vaut pour le demandeur principal et les membres de sa famille qui
  l'accompagnent » (IRPR 10(3)): the principal applicant and each accompanying family
  member get an outcome (permanent residence, or refused); a family member who does not
  accompany is examined (SP-116, SP-222; IRPR 117(9)(d)) but becomes no permanent resident
  through this application: "examined only".
- IRPA s. 42(1)(a): the principal applicant is inadmissible if an accompanying family
  member is inadmissible, or a non-accompanying one in the cases IRPR 23 prescribes: a
  spouse or common-law partner, unless the relationship has broken down (23(a)); a
  dependent child in the custody of the principal applicant or of an accompanying family
  member, or on whose behalf they may act (23(b)). A child in the sole custody of the other
  parent is examined, but their inadmissibility is not the principal applicant's.
- The accompanying family members follow the principal applicant (IRPR 10(3); IMM 5289 —
  "Examen d'admissibilité": visas are issued "à la personne que vous parrainez et aux
  membres de la famille qui l'accompagnent"): the principal applicant refused, they are
  refused.
- The sponsorship itself: a sponsor who does not meet the requirements and chose to
  proceed, or a Quebec undertaking refused by Quebec (SP-70), means « la demande sera
  rejetée » (SP-229) for the principal applicant and so for every accompanying member.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.reasons import Reason, Severity
from portique.rules.sponsorship.evidence import Custody
from portique.rules.sponsorship.vocabulary import cite, say

OUTCOME = cite("Examen d'admissibilité")
DECLARE = cite("Déclarer tous les membres de votre famille")
QUEBEC = cite("Répondants résidant au Québec")
POLICE = cite("Certificats de police")
EXPLANATION = cite("Lettre d'explication")
VALID_FOR = "IRPR 10(3)"
FAMILY_INADMISSIBILITY = "IRPA s. 42(1)(a); IRPR 23"


class Relation(str, Enum):
    """A person examined in the application for permanent residence, by their place in the family."""

    PRINCIPAL_APPLICANT = "principal_applicant"
    SPOUSE_OR_PARTNER = "spouse_or_partner"
    DEPENDENT_CHILD = "dependent_child"


class PersonOutcome(str, Enum):
    APPROVED = "approved"
    REFUSED = "refused"
    EXAMINED_ONLY = "examined_only"  # a family member who does not accompany (IRPR 10(3), 117(9)(d))


@dataclass(frozen=True, slots=True)
class Examined:
    """One person as the decision-maker found them.

    ``meets_requirements``: for the principal applicant, whether they meet the
    requirements (admissible, member of the class); for a family member, whether they are
    admissible. None: not yet found. ``custody`` and ``relationship_broken_down`` matter
    only for a family member who does not accompany (IRPR 23).
    """

    person: str
    relation: Relation
    accompanying: bool
    meets_requirements: bool | None
    custody: Custody | None = None
    relationship_broken_down: bool = False


@dataclass(frozen=True, slots=True)
class PersonDecision:
    person: str
    outcome: PersonOutcome
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class FamilyDecision:
    """Each person's outcome; ``approved`` is the principal applicant's (the application's).

    ``missing`` lists what the decision-maker must still say; while it is not empty there
    is no decision (``people`` is then empty).
    """

    approved: bool
    people: tuple[PersonDecision, ...]
    missing: tuple[Reason, ...]


def _prescribed(member: Examined) -> bool | None:
    """Whether a non-accompanying member's inadmissibility is the principal applicant's (IRPR 23).

    None when the custody of a dependent child is not known.
    """
    if member.relation is Relation.SPOUSE_OR_PARTNER:
        return not member.relationship_broken_down  # IRPR 23(a)
    if member.custody is None:
        return None
    # IRPR 23(b): in the custody of the principal applicant (alone or jointly), or someone
    # they may act for. "Not applicable" is the answer for a child who is not a minor: in
    # nobody's custody, so not prescribed.
    return member.custody in (Custody.PRINCIPAL_APPLICANT, Custody.JOINT)


def decide_family(
    *,
    people: tuple[Examined, ...],
    sponsor_meets_requirements: bool,
    refused_by_quebec: bool = False,
) -> FamilyDecision:
    """The outcome of each person of a sponsorship's application for permanent residence."""
    principal = next((p for p in people if p.relation is Relation.PRINCIPAL_APPLICANT), None)
    sponsorship_fails = not sponsor_meets_requirements or refused_by_quebec
    missing: list[Reason] = []
    if principal is None:
        missing.append(
            say(
                "DECISION_NO_PRINCIPAL_APPLICANT",
                rule="IRPR-10-1",
                citation="IRPR 10(1)(e)",
                en="The application has no principal applicant to decide.",
                fr="La demande ne compte aucun demandeur principal à l’égard duquel statuer.",
            )
        )
    # A failed sponsorship refuses the application whatever the people's findings (SP-229).
    if not sponsorship_fails:
        for person in people:
            if person.meets_requirements is None:
                missing.append(
                    say(
                        "DECISION_FINDING_MISSING",
                        rule="SP-116, SP-229",
                        citation=OUTCOME + "; " + DECLARE,
                        en="Say whether this person meets the requirements: every person of the "
                        "application is examined, accompanying or not.",
                        fr="Indiquez si cette personne satisfait aux exigences : chaque personne de la "
                        "demande fait l’objet d’un contrôle, qu’elle accompagne ou non le demandeur "
                        "principal.",
                        subject=person.person,
                    )
                )
            elif (
                person.relation is not Relation.PRINCIPAL_APPLICANT
                and not person.accompanying
                and not person.meets_requirements
                and _prescribed(person) is None
            ):
                missing.append(
                    say(
                        "DECISION_CUSTODY_UNKNOWN",
                        rule="SP-115",
                        citation=FAMILY_INADMISSIBILITY,
                        en="This child does not accompany and is inadmissible: say who has custody, "
                        "because the principal applicant is inadmissible if they (or an accompanying "
                        "family member) have custody of the child.",
                        fr="Cet enfant n’accompagne pas le demandeur principal et est interdit de "
                        "territoire : indiquez qui en a la garde, car le demandeur principal est "
                        "interdit de territoire si lui-même (ou un membre de la famille qui "
                        "l’accompagne) en a la garde.",
                        subject=person.person,
                    )
                )
    if missing or principal is None:
        return FamilyDecision(approved=False, people=(), missing=tuple(missing))

    principal_reasons: list[Reason] = []
    if not sponsor_meets_requirements:
        principal_reasons.append(
            say(
                "SPONSOR_DOES_NOT_MEET_REQUIREMENTS",
                rule="SP-229",
                citation=OUTCOME,
                en="The sponsor does not meet the sponsorship requirements and chose to go on: the "
                "application is refused.",
                fr="Le répondant ne satisfait pas aux exigences du parrainage et a choisi de poursuivre : "
                "la demande est rejetée.",
                subject=principal.person,
            )
        )
    if refused_by_quebec:
        principal_reasons.append(
            say(
                "QUEBEC_UNDERTAKING_REFUSED",
                rule="SP-70, SP-43",
                citation=QUEBEC,
                en="The Government of Quebec refused the sponsor's undertaking: the application is refused.",
                fr="Le gouvernement du Québec a refusé l’engagement du répondant : la demande est rejetée.",
                subject=principal.person,
            )
        )
    if not sponsorship_fails and not principal.meets_requirements:
        principal_reasons.append(
            say(
                "PRINCIPAL_APPLICANT_DOES_NOT_MEET_REQUIREMENTS",
                rule="SP-229",
                citation=OUTCOME,
                en="The principal applicant does not meet the requirements.",
                fr="Le demandeur principal ne satisfait pas aux exigences.",
                subject=principal.person,
            )
        )
    members = [p for p in people if p is not principal]
    if not sponsorship_fails:
        for member in members:
            if member.meets_requirements:
                continue
            if member.accompanying:
                principal_reasons.append(
                    say(
                        "ACCOMPANYING_MEMBER_INADMISSIBLE",
                        rule="SP-229",
                        citation="IRPA s. 42(1)(a)",
                        en="A family member who accompanies the principal applicant is inadmissible "
                        "({member}), so the principal applicant is inadmissible too.",
                        fr="Un membre de la famille qui accompagne le demandeur principal est interdit de "
                        "territoire ({member}) ; le demandeur principal l’est donc aussi.",
                        subject=principal.person,
                        member=member.person,
                    )
                )
            elif _prescribed(member):
                principal_reasons.append(
                    say(
                        "NON_ACCOMPANYING_MEMBER_INADMISSIBLE",
                        rule="SP-116, SP-229",
                        citation=FAMILY_INADMISSIBILITY,
                        en="A family member who does not accompany the principal applicant is "
                        "inadmissible ({member}) and is one the Regulations count (a spouse or partner, "
                        "or a child in the principal applicant's custody): the principal applicant is "
                        "inadmissible.",
                        fr="Un membre de la famille qui n’accompagne pas le demandeur principal est "
                        "interdit de territoire ({member}) et fait partie de ceux que vise le Règlement "
                        "(époux ou conjoint, ou enfant dont le demandeur principal a la garde) : le "
                        "demandeur principal est interdit de territoire.",
                        subject=principal.person,
                        member=member.person,
                    )
                )
    principal_approved = not principal_reasons
    if principal_approved:
        principal_reasons.append(
            say(
                "PRINCIPAL_APPLICANT_APPROVED",
                rule="SP-229",
                citation=OUTCOME,
                en="The principal applicant and the sponsor meet the requirements.",
                fr="Le demandeur principal et le répondant satisfont aux exigences.",
                severity=Severity.INFO,
                subject=principal.person,
            )
        )
    decided = [
        PersonDecision(
            person=principal.person,
            outcome=PersonOutcome.APPROVED if principal_approved else PersonOutcome.REFUSED,
            reasons=tuple(principal_reasons),
        )
    ]
    for member in members:
        decided.append(_member_decision(member, principal_approved, sponsorship_fails))
    return FamilyDecision(approved=principal_approved, people=tuple(decided), missing=())


def _member_decision(member: Examined, principal_approved: bool, sponsorship_fails: bool) -> PersonDecision:
    reasons: list[Reason] = []
    inadmissible = not sponsorship_fails and member.meets_requirements is False
    if inadmissible:
        reasons.append(
            say(
                "FAMILY_MEMBER_INADMISSIBLE",
                rule="SP-116",
                citation=FAMILY_INADMISSIBILITY,
                en="This family member is inadmissible.",
                fr="Ce membre de la famille est interdit de territoire.",
                subject=member.person,
            )
        )
    if not member.accompanying:
        reasons.append(
            say(
                "NON_ACCOMPANYING_EXAMINED_ONLY",
                rule="SP-116, IRPR-10-3",
                citation=VALID_FOR + "; IRPR 117(9)(d); " + DECLARE,
                en="This family member does not accompany the principal applicant: examined, so that they "
                "may be sponsored later, but not made a permanent resident by this application.",
                fr="Ce membre de la famille n’accompagne pas le demandeur principal : il a fait l’objet d’un "
                "contrôle, ce qui lui permettra d’être parrainé plus tard, mais cette demande ne fait pas de "
                "lui un résident permanent.",
                severity=Severity.INFO,
                subject=member.person,
            )
        )
        if inadmissible and not _prescribed(member):
            reasons.append(
                say(
                    "NON_ACCOMPANYING_NOT_PRESCRIBED",
                    rule="SP-115",
                    citation=FAMILY_INADMISSIBILITY,
                    en="The principal applicant does not have custody of this child: the child's "
                    "inadmissibility does not make the principal applicant inadmissible.",
                    fr="Le demandeur principal n’a pas la garde de cet enfant : l’interdiction de territoire "
                    "de l’enfant ne rend pas le demandeur principal interdit de territoire.",
                    severity=Severity.INFO,
                    subject=member.person,
                )
            )
        return PersonDecision(member.person, PersonOutcome.EXAMINED_ONLY, tuple(reasons))
    if principal_approved:
        reasons.append(
            say(
                "ACCOMPANYING_MEMBER_APPROVED",
                rule="SP-229",
                citation=VALID_FOR + "; " + OUTCOME,
                en="This family member accompanies the principal applicant and meets the requirements.",
                fr="Ce membre de la famille accompagne le demandeur principal et satisfait aux exigences.",
                severity=Severity.INFO,
                subject=member.person,
            )
        )
        return PersonDecision(member.person, PersonOutcome.APPROVED, tuple(reasons))
    reasons.append(
        say(
            "ACCOMPANYING_MEMBER_FOLLOWS_PRINCIPAL",
            rule="SP-229",
            citation=VALID_FOR + "; " + OUTCOME,
            en="The principal applicant's application is refused; the family members who accompany them "
            "are refused with it.",
            fr="La demande du demandeur principal est rejetée ; les membres de la famille qui l’accompagnent "
            "le sont aussi.",
            subject=member.person,
        )
    )
    return PersonDecision(member.person, PersonOutcome.REFUSED, tuple(reasons))


# --------------------------------------------------------------------------- the Quebec step (SP-70)


class QuebecStep(str, Enum):
    NOT_APPLICABLE = "not_applicable"  # the sponsor does not live in Quebec
    AWAITING_FEDERAL_APPROVAL = "awaiting_federal_approval"
    UNDERTAKING_REQUESTED = "undertaking_requested"  # federal approval; the undertaking is with Quebec
    APPROVED_BY_QUEBEC = "approved_by_quebec"
    REFUSED_BY_QUEBEC = "refused_by_quebec"


def quebec_step(
    *,
    sponsor_resides_in_quebec: bool,
    sponsor_approved: bool | None,
    undertaking_requested: bool,
    quebec_approved: bool | None,
) -> QuebecStep:
    """Where a sponsorship stands on the Quebec side (SP-70, ACT-15).

    ``sponsor_approved``: the federal assessment of the sponsor (None: not yet assessed).
    A sponsor refused federally is never sent to Quebec: there is nothing for Quebec to decide.
    """
    if not sponsor_resides_in_quebec or sponsor_approved is False:
        return QuebecStep.NOT_APPLICABLE
    if not undertaking_requested or sponsor_approved is None:
        return QuebecStep.AWAITING_FEDERAL_APPROVAL
    if quebec_approved is None:
        return QuebecStep.UNDERTAKING_REQUESTED
    return QuebecStep.APPROVED_BY_QUEBEC if quebec_approved else QuebecStep.REFUSED_BY_QUEBEC


def quebec_blockers(step: QuebecStep) -> tuple[Reason, ...]:
    """No decision on the application until Quebec has decided on the undertaking (SP-70, AS-93)."""
    if step is QuebecStep.AWAITING_FEDERAL_APPROVAL:
        return (
            say(
                "QUEBEC_UNDERTAKING_NOT_REQUESTED",
                rule="SP-70",
                citation=QUEBEC,
                en="The sponsor lives in Quebec: once the sponsor meets the federal requirements, the sponsor "
                "is told to give the Quebec undertaking, and no decision is made until Quebec decides.",
                fr="Le répondant vit au Québec : une fois les exigences fédérales satisfaites, le répondant est "
                "avisé de présenter l’engagement au Québec, et aucune décision n’est prise avant celle du "
                "Québec.",
            ),
        )
    if step is QuebecStep.UNDERTAKING_REQUESTED:
        return (
            say(
                "QUEBEC_DECISION_AWAITED",
                rule="SP-70",
                citation=QUEBEC,
                en="Quebec has not yet decided on the sponsor's undertaking: no decision is made on the "
                "application until it does.",
                fr="Le Québec ne s’est pas encore prononcé sur l’engagement du répondant : aucune décision "
                "n’est prise concernant la demande avant sa décision.",
            ),
        )
    return ()


# --------------------------------------------------------------------------- police certificates (SP-185)


class CertificateState(str, Enum):
    PROVIDED = "provided"  # uploaded with the application
    EXPLANATION_GIVEN = "explanation_given"  # a letter of explanation instead, not yet accepted
    NOT_PROVIDED = "not_provided"
    REQUESTED = "requested"
    RECEIVED = "received"
    EXPLANATION_ACCEPTED = "explanation_accepted"


@dataclass(frozen=True, slots=True)
class Certificate:
    """One police certificate the rules require (person, country) and where it stands."""

    person: str
    country: str
    state: CertificateState
    due_on: date | None = None


def police_blockers(
    certificates: tuple[Certificate, ...], *, on: date, approving: bool
) -> tuple[Reason, ...]:
    """What the police certificates still hold up (SP-185).

    Approval needs every required certificate in hand, or a letter of explanation the
    officer accepted (« la décision définitive revient à l'agent »). A refusal waits only
    for a certificate requested whose deadline has not passed: the applicant may still send it.
    Each reason's subject is ``person/country``.
    """
    found: list[Reason] = []
    for certificate in certificates:
        state = certificate.state
        subject = f"{certificate.person}/{certificate.country}"
        if state is CertificateState.REQUESTED and (
            approving or certificate.due_on is None or certificate.due_on >= on
        ):
            found.append(
                say(
                    "POLICE_CERTIFICATE_OUTSTANDING",
                    rule="SP-185",
                    citation=POLICE,
                    en="The police certificate from {country} was requested (by {due}) and is not recorded "
                    "as received.",
                    fr="Le certificat de police de ce pays ({country}) a été demandé (au plus tard le {due}) et "
                    "sa réception n’est pas consignée.",
                    subject=subject,
                    country=certificate.country,
                    due=certificate.due_on.isoformat() if certificate.due_on else "—",
                )
            )
        elif approving and state is CertificateState.NOT_PROVIDED:
            found.append(
                say(
                    "POLICE_CERTIFICATE_MISSING",
                    rule="SP-185",
                    citation=POLICE,
                    en="The police certificate from {country} was not provided: request it, or record it "
                    "received.",
                    fr="Le certificat de police de ce pays ({country}) n’a pas été fourni : demandez-le, ou "
                    "consignez sa réception.",
                    subject=subject,
                    country=certificate.country,
                )
            )
        elif approving and state is CertificateState.EXPLANATION_GIVEN:
            found.append(
                say(
                    "POLICE_CERTIFICATE_EXPLANATION_PENDING",
                    rule="SP-185",
                    citation=POLICE + "; " + EXPLANATION,
                    en="A letter of explanation was given instead of the police certificate from {country}: "
                    "accept it, or request the certificate.",
                    fr="Une lettre d’explication a été fournie au lieu du certificat de police de ce pays "
                    "({country}) : acceptez-la, ou demandez le certificat.",
                    subject=subject,
                    country=certificate.country,
                )
            )
    return tuple(found)
