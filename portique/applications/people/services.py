"""Services for the people of a sponsorship (IMM 5289): who is in the application.

The sponsor opens the application and owns it; the principal applicant (the spouse or
partner, or the dependent child) is created with it. Every family member of the
principal applicant is then declared here, accompanying or not: a family member who
is not declared and examined can never be sponsored later (IRPR 117(9)(d); IMM 5289 —
"Membres de la famille"), so the screens say so and removing one is recorded.

Like ``services``, each function is atomic, locks the application row, checks the actor
through ``access_application`` and writes its history row (``PersonChange``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max, Q
from django.http import Http404
from django.utils import timezone

from portique.rules.programs import registry
from portique.rules.reasons import Reason, reason

from ..access import access_application
from ..choices import EDITABLE, Channel, PersonRole, Status
from ..models import Application, Person, PersonChange
from ..services import ApplicationError, StaleVersion, application_changed, closed_reason
from .eligibility import eligibility_answers_clear

FAMILY_MEMBERS = (
    "IMM 5289 — Étape 3 (IMM 0008, « Données personnelles de la personne à charge »); IRPR 117(9)(d)"
)
# Roles some program lets be added after the start (each program says which: addable_roles).
ADDABLE_ANYWHERE = frozenset(role for definition in registry.programs() for role in definition.addable_roles)


def _not_a_sponsorship() -> Reason:
    return reason(
        "PEOPLE_NOT_IN_PROGRAM",
        rule="SP-02",
        citation="IMM 5289 — Qui peut utiliser la trousse de demande?",
        en="Only a sponsorship application has family members to declare.",
        fr="Seule une demande de parrainage comporte des membres de la famille à déclarer.",
    )


def _why_not_accompanying_required() -> Reason:
    return reason(
        "WHY_NOT_ACCOMPANYING_REQUIRED",
        rule="SP-170, SP-115",
        citation=FAMILY_MEMBERS,
        en="Say why this family member will not come to Canada with the principal applicant.",
        fr="Indiquez pourquoi ce membre de la famille ne viendra pas au Canada avec le demandeur principal.",
        subject="why_not_accompanying",
    )


def _role_not_addable(role: str) -> Reason:
    return reason(
        "PERSON_ROLE_NOT_ADDABLE",
        rule="SP-02",
        citation=FAMILY_MEMBERS,
        en="A person with the role “{role}” cannot be added to this application.",
        fr="Une personne ayant le rôle « {role} » ne peut pas être ajoutée à cette demande.",
        subject="role",
        role=role,
    )


def _one_guardian() -> Reason:
    return reason(
        "GUARDIAN_ALREADY_DECLARED",
        rule="ACT-56, SP-210",
        citation="IMM 5289 — Étape 6",
        en="A parent or legal guardian is already declared: one of them signs for the principal applicant.",
        fr="Un parent ou tuteur légal est déjà déclaré : une seule personne signe pour le demandeur principal.",
        subject="role",
    )


def _not_removable() -> Reason:
    return reason(
        "PERSON_NOT_REMOVABLE",
        rule="SP-02",
        citation=FAMILY_MEMBERS,
        en="The sponsor and the principal applicant cannot be taken out of the application.",
        fr="Le répondant et le demandeur principal ne peuvent pas être retirés de la demande.",
    )


def _applicant_not_removable() -> Reason:
    from portique.rules.programs.pr_card_guardian import CITATION

    return reason(
        "PERSON_NOT_REMOVABLE",
        rule="ACT-56",
        citation=CITATION,
        en="The applicant cannot be taken out of the application: only the parent or legal guardian who signs can be.",
        fr="Le demandeur ne peut pas être retiré de la demande : seul le parent ou le tuteur légal qui signe peut l’être.",
    )


def _removal_reason_required() -> Reason:
    return reason(
        "REMOVAL_REASON_REQUIRED",
        rule="SP-115",
        citation=FAMILY_MEMBERS,
        en="Say why this person is taken out: a family member who is not declared can never be sponsored later.",
        fr="Indiquez pourquoi cette personne est retirée : un membre de la famille non déclaré ne pourra jamais être parrainé plus tard.",
        subject="reason",
    )


def _guardian_removal_reason_required() -> Reason:
    return reason(
        "REMOVAL_REASON_REQUIRED",
        rule="ACT-56",
        citation="IMM 5289 — Étape 6",
        en="Say why the parent or legal guardian is taken out of the application.",
        fr="Indiquez pourquoi le parent ou le tuteur légal est retiré de la demande.",
        subject="reason",
    )


def restart_from(*, actor, returned: Application) -> Application:
    """A new draft application owned by ``actor``, pre-filled with every person and answer of ``returned``.

    For an application returned as incomplete (IRPR 12): a new file (new number and history, no
    payments or signatures: it is signed again), linked to the returned one (``restarted_from``),
    with the returned one's documents copied and checked again (``ports.restart_documents``). Every person comes back at
    their position with all their answers: a sponsorship's family members, and a PR card's
    parent or legal guardian who signs for an applicant under 18 (ACT-56). The caller holds
    ``returned`` locked and has checked that ``actor`` may prepare it.
    """
    from .. import ports
    from ..services import application_start

    # A second request (a double click) finds the draft the first one started.
    already = returned.restarts.filter(owner=actor, status__in=EDITABLE).first()
    if already is not None:
        return already
    people = list(returned.people.order_by("position"))
    with transaction.atomic():
        application = application_start(actor=actor, program=returned.program)
        application.restarted_from = returned
        application.save(update_fields=["restarted_from"])
        # The people every application of the program starts with come back in them.
        started = {person.role: person for person in application.people.all()}
        for person in people:
            target = started.pop(person.role, None)
            if target is not None:
                target.answers = person.answers
                target.save(update_fields=["answers"])
                continue
            Person.objects.create(
                application=application, role=person.role, position=person.position, answers=person.answers
            )
            PersonChange.objects.create(
                application=application,
                position=person.position,
                role=person.role,
                added=True,
                actor=actor,
                reason=f"restarted from {returned.number}",
            )
        # The documents come too, each checked again by its content (portique.documents).
        ports.restart_documents(actor=actor, returned=returned, application=application, on=timezone.localdate())
    return application


def application_restart(*, actor, public_id) -> Application:
    """The applicant starts a new application from their returned one (IRPR 12): ``restart_from``."""
    with transaction.atomic():
        returned = access_application(actor=actor, public_id=public_id, for_update=True)
        if returned.status != Status.RETURNED:
            raise Http404
        return restart_from(actor=actor, returned=returned)


def _locked(*, actor, public_id, expected_version: int, role: str | None) -> Application:
    """The application, locked, if people of ``role`` (any, when ``None``) may come and go in it."""
    application = access_application(actor=actor, public_id=public_id, for_update=True)
    # Only the people the program lets be added (a sponsorship's family members; the parent
    # or legal guardian who signs for an applicant under 18, ACT-56) come and go.
    addable = application.definition.addable_roles
    if (role is None and not addable) or (role is not None and role not in addable):
        raise ApplicationError((_not_a_sponsorship(),))
    if application.status not in EDITABLE:
        raise ApplicationError((closed_reason(),))
    if application.version != expected_version:
        raise StaleVersion
    return application


def person_add(
    *,
    actor,
    public_id,
    role: PersonRole,
    accompanying: bool = True,
    why_not_accompanying: str = "",
    expected_version: int,
    on: date | None = None,
) -> Person:
    """Declare a family member (a dependent child, accompanying or not) or the PA's parent or guardian.

    A PR card application takes only the parent or guardian who signs for an applicant
    under 18 on ``on`` (ACT-56; refused for an applicant who signs themselves).
    A dependent child who does not accompany is still declared and examined (SP-115);
    the reason is required (SP-170). Positions are never reused, so documents and
    history of a removed person never attach to a new one.
    """
    if role not in ADDABLE_ANYWHERE:
        raise ApplicationError((_role_not_addable(str(role)),))
    why = " ".join(why_not_accompanying.split())
    if role == PersonRole.DEPENDENT_CHILD and not accompanying and not why:
        raise ApplicationError((_why_not_accompanying_required(),))
    with transaction.atomic():
        application = _locked(
            actor=actor,
            public_id=public_id,
            expected_version=expected_version,
            role=role,
        )
        if role == PersonRole.PARENT_OR_GUARDIAN and application.people.filter(role=role).exists():
            raise ApplicationError((_one_guardian(),))
        if role == PersonRole.PARENT_OR_GUARDIAN and not application.definition.several_signers:
            # The one signer is the applicant, unless they are under 18 (ACT-56).
            _pr_card_guardian_allowed(application, on=on or timezone.localdate())
        used = [
            application.people.aggregate(top=Max("position"))["top"],
            application.people_changes.aggregate(top=Max("position"))["top"],
        ]
        position = max(p for p in used if p is not None) + 1
        form_code = application.definition.forms_for(role)[0].code
        answers: dict[str, Any] = {form_code: {}}
        if role == PersonRole.DEPENDENT_CHILD:
            dependant: dict[str, Any] = {"accompanying": accompanying}
            if not accompanying:
                dependant["why_not_accompanying"] = why
            answers = {"IMM0008": {"dependant": dependant}}
        person = Person.objects.create(application=application, role=role, position=position, answers=answers)
        PersonChange.objects.create(
            application=application, position=position, role=role, added=True, actor=actor, reason="declared"
        )
        application_changed(application=application, actor=actor, reason="person added")
    return person


def _pr_card_guardian_allowed(application: Application, *, on: date) -> None:
    """A parent or guardian signs a PR card application only for an applicant under 18 (ACT-56)."""
    from portique.rules.programs import pr_card_guardian

    from ..services import applicant_birth_date

    on = application.application_date(on)
    born = applicant_birth_date(application)
    if not pr_card_guardian.is_minor(born, on):
        raise ApplicationError((pr_card_guardian.not_needed(born=born, on=on, subject="role"),))


def person_remove(*, actor, public_id, position: int, reason: str, expected_version: int) -> None:
    """Take a person declared by mistake out of the application; the history keeps them."""
    why = " ".join(reason.split())
    with transaction.atomic():
        application = _locked(actor=actor, public_id=public_id, expected_version=expected_version, role=None)
        # A program with family members warns that one not declared can never be sponsored later.
        family = application.definition.family_members
        if not why:
            raise ApplicationError((_removal_reason_required() if family else _guardian_removal_reason_required(),))
        person = application.people.select_for_update().filter(position=position).first()
        if person is None:
            raise Person.DoesNotExist
        if person.role not in application.definition.addable_roles:
            raise ApplicationError((_not_removable() if family else _applicant_not_removable(),))
        PersonChange.objects.create(
            application=application,
            position=position,
            role=person.role,
            added=False,
            actor=actor,
            reason=why[:200],
        )
        person.delete()
        application_changed(application=application, actor=actor, reason="person removed")


def sponsorship_screen_and_start(
    *,
    actor,
    program: str,
    sponsor_answers: dict[str, Any],
    application_answers: dict[str, Any],
    on,
) -> Application:
    """Start a sponsorship once the rules' screening of the sponsor and the category allow it.

    ``sponsor_answers``: IMM 1344 (``sponsor``, ``history``, ``question_1``);
    ``application_answers``: the principal applicant's IMM 0008 ``application`` section
    (relationship, location, status in Canada, category). Refused with the rules' reasons,
    in both languages, and nothing created, when the sponsor is not eligible (IRPR 130,
    10(5)), a conjugal partner lives in Canada, or the category is not open.
    """
    from portique.rules.programs import sponsorship_screening
    from portique.rules.sponsorship.categories import Category, Inadmissibility, PartnerLocation
    from portique.rules.sponsorship.vocabulary import SponsoredRelationship

    from ..services import application_start

    definition = registry.program(program)
    if not definition.sponsored:
        raise ApplicationError((_not_a_sponsorship(),))
    if definition.fixed_relationship:
        relationship = SponsoredRelationship(definition.fixed_relationship)
        application_answers = {k: v for k, v in application_answers.items() if k != "relationship"}
    else:
        try:
            relationship = SponsoredRelationship(application_answers.get("relationship"))
        except ValueError:
            relationship = SponsoredRelationship.SPOUSE
    try:
        location = PartnerLocation(application_answers.get("location"))
    except ValueError:
        location = PartnerLocation.OUTSIDE_CANADA
    try:
        category = Category(application_answers.get("category"))
    except ValueError:
        category = None
    grounds = frozenset(
        Inadmissibility(g)
        for g in application_answers.get("inadmissibilities", ()) or ()
        if g in Inadmissibility._value2member_map_
    )
    screening = sponsorship_screening.screen(
        sponsor_answers=sponsor_answers,
        relationship=relationship,
        location=location,
        has_valid_temporary_status=application_answers.get("has_valid_temporary_status") is True,
        inadmissibilities=grounds,
        category=category,
        on=on,
    )
    if not screening.may_start:
        raise ApplicationError(sponsorship_screening.blocking(screening))
    with transaction.atomic():
        application = application_start(
            actor=actor,
            program=definition.code,
            answers_by_role={
                PersonRole.SPONSOR: sponsor_answers,
                PersonRole.PRINCIPAL_APPLICANT: {"application": application_answers},
            },
        )
        # The answers kept before the start are now the application's: not kept twice.
        eligibility_answers_clear(actor=actor, program=definition.code)
    return application


PENDING = frozenset({Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROCESSING})


def _identity(person: Person) -> tuple[str, str] | None:
    personal = (person.answers.get("IMM0008") or {}).get("personal") or {}
    family, born = str(personal.get("family_name") or "").strip().casefold(), personal.get("date_of_birth")
    return (family, born) if family and born else None


def _sponsor_identity(application: Application) -> tuple[str, str] | None:
    """The sponsor as the IMM 1344 gives them: family name and date of birth."""
    sponsor = next((p for p in application.people.all() if p.role == PersonRole.SPONSOR), None)
    answers = ((sponsor.answers.get("IMM1344") or {}).get("sponsor") or {}) if sponsor else {}
    family, born = str(answers.get("family_name") or "").strip().casefold(), answers.get("date_of_birth")
    return (family, born) if family and born else None


def _same_sponsor(application: Application, other: Application, sponsor: tuple[str, str] | None) -> bool:
    # Two online applications have the sponsor's account in common. A paper one has no
    # account: the sponsor is who its forms name (family name and date of birth, as the
    # principal applicant is matched), against the forms of the other application.
    if application.owner_id is not None and other.owner_id is not None:
        return application.owner_id == other.owner_id
    return sponsor is not None and _sponsor_identity(other) == sponsor


def pending_sponsorship_of_same_person(application: Application) -> tuple[Reason, ...]:
    """IRPR 10(5): the sponsor's earlier sponsorship of the same principal applicant is still pending.

    The same person: the same family name and date of birth, in another sponsorship of the
    same sponsor that is submitted and not yet decided. The same sponsor: the same account for
    two online applications; when either was made on paper, the same family name and date of
    birth on the sponsor's IMM 1344.
    """
    if not application.definition.sponsored:
        return ()
    principal = application.people.filter(role=PersonRole.PRINCIPAL_APPLICANT).first()
    identity = _identity(principal) if principal else None
    if identity is None:
        return ()
    sponsor = _sponsor_identity(application)
    others = (
        Person.objects.filter(
            role=PersonRole.PRINCIPAL_APPLICANT,
            application__program__in=[d.code for d in registry.programs() if d.sponsored],
            application__status__in=PENDING,
            # Narrowed in the database by the date of birth; the family name is compared below, casefolded.
            answers__IMM0008__personal__date_of_birth=identity[1],
        )
        .exclude(application=application)
        .select_related("application")
    )
    if application.owner_id is not None:
        others = others.filter(
            Q(application__owner=application.owner) | Q(application__channel=Channel.PAPER)
        )
    elif sponsor is None:
        return ()
    others = [other for other in others if _identity(other) == identity]
    for other in others:
        if _same_sponsor(application, other.application, sponsor):
            return (
                reason(
                    "PENDING_SPONSORSHIP_OF_SAME_PERSON",
                    rule="SP-42, IRPR-10-5",
                    citation="IRPR 10(5); IMM 5289 — « Vous pourriez ne pas être autorisé à parrainer une personne si… »",
                    en="You already sponsor this person in application {number}, not yet decided: a new sponsorship "
                    "application for them cannot be filed until then.",
                    fr="Vous parrainez déjà cette personne dans la demande {number}, sans décision à ce jour : une "
                    "nouvelle demande de parrainage pour elle ne peut pas être déposée d’ici là.",
                    number=other.application.number,
                ),
            )
    return ()
