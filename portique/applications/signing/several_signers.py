"""The signatures a sponsorship needs, and the service that records each of them.

IMM 5289 — Step 6 and the digest's ACT-55, ACT-56, ACT-59: the sponsor signs the
sponsorship undertaking (IMM 1344); the principal applicant types their own name to
sign the whole application, every family member's forms included; a principal
applicant under 18 is signed for by a parent or legal guardian. Reading of ACT-59/60
(the guide does not say whether IMM 1344 is signed by hand in a self-submitted
sponsorship): the sponsor signs IMM 1344 electronically here, and that signature stands
for the IMM 1344 the checklist asks the principal applicant to upload; the principal
applicant's signature of the whole application co-signs it.

The application is signed (``Status.SIGNED``) once every required signature covers the
current content; any change clears them all (``services.application_changed``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from portique.core.request_memo import remember
from portique.rules import signatures as signature_rules
from portique.rules.evaluate import Evaluation, evaluate
from portique.rules.programs.declarations import Declaration
from portique.rules.reasons import Reason, reason

from .. import ports
from ..access import Capability, access_application
from ..choices import EDITABLE, PersonRole, Status
from ..models import Application, Person, Signature
from . import content as signing


def declaration_for(person: Person) -> Declaration:
    return person.application.definition.declaration_for(person.role)


def passport_name(person: Person) -> signature_rules.PassportName:
    """The name the person's typed signature must match (IMM 1344 for the sponsor, else IMM 0008)."""
    form, section = ("IMM1344", "sponsor") if person.role == PersonRole.SPONSOR else ("IMM0008", "personal")
    personal = (person.answers.get(form) or {}).get(section) or {}
    if not isinstance(personal, dict):
        personal = {}
    return signature_rules.PassportName(
        surname=str(personal.get("family_name") or ""), given_names=str(personal.get("given_names") or "")
    )


def _birth_date(person: Person) -> date | None:
    raw = ((person.answers.get("IMM0008") or {}).get("personal") or {}).get("date_of_birth")
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Signers:
    people: tuple[Person, ...]
    # Why a required signer cannot be named yet (a PA under 18 without a declared guardian).
    reasons: tuple[Reason, ...]


def _guardian_missing() -> Reason:
    return reason(
        "GUARDIAN_NOT_DECLARED",
        rule="ACT-56, SP-210",
        citation="IMM 5289 — Étape 6",
        en="The principal applicant is under 18: declare the parent or legal guardian who signs for them.",
        fr="Le demandeur principal a moins de 18 ans : déclarez le parent ou tuteur légal qui signe en son nom.",
    )


def represented(application: Application) -> bool:
    """A paid representative prepares it (portique.representation, seed 004)."""
    return ports.governing_representation(application=application) is not None


def required_signers(application: Application, *, on: date) -> Signers:
    """The sponsor, then the principal applicant, or their parent or guardian if they are under 18 (ACT-56).

    Represented (seed 004, « Créer une demande »): the forms a third party signs — the
    sponsor's IMM 1344 — are printed, signed by hand by the principal applicant and the
    sponsor, and uploaded; only the client (the principal applicant, or their parent or
    guardian) e-signs, in their own account.
    """
    on = application.application_date(on)
    # The first person of each role wins: the people walked from the last position to the first.
    people = {person.role: person for person in list(application.people.all())[::-1]}
    signers = (
        [people[PersonRole.SPONSOR]] if PersonRole.SPONSOR in people and not represented(application) else []
    )
    principal = people.get(PersonRole.PRINCIPAL_APPLICANT)
    if principal is None:
        return Signers(tuple(signers), ())
    born = _birth_date(principal)
    minor = (
        born is not None
        and signature_rules.required_signer(principal_applicant_birth_date=born, on=on).signer
        is signature_rules.SignerRole.PARENT_OR_GUARDIAN
    )
    if not minor:
        return Signers((*signers, principal), ())
    guardian = people.get(PersonRole.PARENT_OR_GUARDIAN)
    if guardian is None:
        return Signers(tuple(signers), (_guardian_missing(),))
    return Signers((*signers, guardian), ())


def missing_signatures(application: Application, *, on: date) -> tuple[Reason, ...]:
    """Who still has to sign the current content; empty when every signature is in."""
    signers = required_signers(application, on=on)
    current = signing.content_hash(signing.signed_content(application))
    signed = set(
        application.signatures.filter(cleared_at__isnull=True, content_hash=current).values_list(
            "person_id", flat=True
        )
    )
    found = list(signers.reasons)
    for person in signers.people:
        if person.pk not in signed:
            found.append(_signature_missing(person))
    return tuple(found)


def _signature_missing(person: Person) -> Reason:
    who_en, who_fr = {
        PersonRole.SPONSOR: ("the sponsor (undertaking, IMM 1344)", "le répondant (engagement, IMM 1344)"),
        PersonRole.PRINCIPAL_APPLICANT: ("the principal applicant", "le demandeur principal"),
        PersonRole.PARENT_OR_GUARDIAN: (
            "the parent or legal guardian of the principal applicant",
            "le parent ou tuteur légal du demandeur principal",
        ),
    }[PersonRole(person.role)]
    return reason(
        "SIGNATURE_MISSING",
        rule="ACT-55, ACT-56, SP-210, IRPR-10-1",
        citation="IRPR 10(1)(b), 10(2)(d); IMM 5289 — Étape 6",
        en="Still to sign: {who_en}. Any change to the application clears the signatures.",
        fr="Doit encore signer : {who_fr}. Toute modification de la demande efface les signatures.",
        subject=f"p{person.position}",
        who_en=who_en,
        who_fr=who_fr,
    )


def _sponsor_signs_by_hand() -> Reason:
    return reason(
        "SPONSOR_SIGNS_BY_HAND",
        rule="REP-07, ACT-35",
        citation="Representative portal (seed 004) — « Créer une demande »",
        en="A representative prepares this application: the sponsor signs the IMM 1344 by hand with the principal "
        "applicant, and the representative uploads it with the documents.",
        fr="Un représentant prépare cette demande : le répondant signe le formulaire IMM 1344 à la main avec le "
        "demandeur principal, et le représentant le téléverse avec les documents.",
    )


def _not_a_signer() -> Reason:
    return reason(
        "NOT_A_SIGNER",
        rule="ACT-55, ACT-56",
        citation="IMM 5289 — Étape 6",
        en="This person does not sign the application: the principal applicant signs for every family member.",
        fr="Cette personne ne signe pas la demande : le demandeur principal signe pour chaque membre de sa famille.",
    )


def evaluation_if_signed(application: Application, *, on: date):
    """The rules' evaluation as it would be once every required signature is given.

    "Ready to sign" means exactly this: nothing but the signatures is missing.
    """
    from ..case_builder import case_for

    application_date = application.application_date(on)
    if application.pk is None:
        return evaluate(case_for(application, application_date=application_date, assume_signed=True))
    # Once per request (core.request_memo): the application page and Validate ask it beside
    # the evaluation as it stands.
    return remember(
        ("evaluation", application.pk, application.version, application_date, True),
        lambda: evaluate(case_for(application, application_date=application_date, assume_signed=True)),
    )


@dataclass(frozen=True)
class BeforeSigning:
    """What stands between a sponsorship and its signatures, for Validate and the application page."""

    # The rules' evaluation as it would be once every required signature is given.
    evaluation: Evaluation
    signers: Signers

    @property
    def ready(self) -> bool:
        """Ready to sign: nothing is missing but the signatures, and every signer can be named."""
        return self.evaluation.complete and not self.signers.reasons

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(self.evaluation.blocking) + self.signers.reasons


def before_signing(application: Application, *, on: date) -> BeforeSigning:
    return BeforeSigning(evaluation_if_signed(application, on=on), required_signers(application, on=on))


def sign(
    *,
    actor,
    public_id,
    position: int,
    typed_name: str,
    declaration_version: str,
    expected_version: int,
    on: date,
) -> Signature:
    """Record one required signature of a sponsorship; the last one makes the application signed."""
    from ..services import ApplicationError, StaleVersion, closed_reason, transition

    with transaction.atomic():
        # Only a signer's own account signs: never a representative (ACT-35); a represented
        # client may sign but not change anything (ACT-34).
        application = access_application(
            actor=actor, public_id=public_id, for_update=True, capability=Capability.SIGN
        )
        if not application.definition.several_signers:
            raise ApplicationError((_not_a_signer(),))
        if application.status not in EDITABLE:
            raise ApplicationError((closed_reason(),))
        if application.version != expected_version:
            raise StaleVersion
        person = application.people.filter(position=position).first()
        if person is None:
            raise Person.DoesNotExist
        signers = required_signers(application, on=on)
        if signers.reasons:
            raise ApplicationError(signers.reasons)
        if person not in signers.people:
            if person.role == PersonRole.SPONSOR:
                raise ApplicationError((_sponsor_signs_by_hand(),))
            raise ApplicationError((_not_a_signer(),))
        if declaration_version != declaration_for(person).version:
            raise StaleVersion
        evaluation = evaluation_if_signed(application, on=on)
        if not evaluation.complete:
            raise ApplicationError(evaluation.blocking)
        match = signature_rules.signature_name_matches(
            typed_name=typed_name, passport_name=passport_name(person)
        )
        if not match.matches:
            raise ApplicationError(match.reasons)
        # This person's earlier signature, if any, is replaced; the others stand.
        application.signatures.filter(person=person, cleared_at__isnull=True).update(
            cleared_at=timezone.now(), cleared_reason="signed again"
        )
        content = signing.signed_content(application)
        signature = Signature.objects.create(
            application=application,
            person=person,
            signer=actor,
            typed_name=" ".join(typed_name.split()),
            declaration_version=declaration_for(person).version,
            content_hash=signing.content_hash(content),
            application_version=application.version,
        )
        if application.status == Status.DRAFT:
            transition(
                application=application, to_status=Status.READY_TO_SIGN, actor=actor, reason="validated"
            )
        if not missing_signatures(application, on=on) and application.status != Status.SIGNED:
            transition(application=application, to_status=Status.SIGNED, actor=actor, reason="signed")
        application.save(update_fields=["status", "updated_at"])
    return signature
