"""The officers' side of a sponsorship: the sponsor is assessed first (IMM 5289 — « Examen d'admissibilité »).

A sponsorship holds two applications: the sponsorship and the application for permanent
residence (IRPR 10(4)). The sponsor is assessed first, by a decision-maker:

- approved: the application for permanent residence goes on to its own decision, which
  waits for this one (``pending``); a sponsor who lives in Quebec is then asked for the
  Quebec undertaking (SP-70), and nothing is decided until Quebec has answered;
- refused, with reasons: what follows is the sponsor's choice at IMM 1344 question 1
  (SP-48, SP-202). "Withdraw": the application is withdrawn and every fee is refunded but
  the $85 sponsorship fee (``fees.RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE``), with a
  letter. "Proceed" (or no choice): the application for permanent residence goes on to
  its decision, a refusal.

The decision on the application for permanent residence is made per person
(``sponsorship_decide``): the decision-maker says whether each person meets the
requirements, and ``rules.sponsorship.decisions`` gives each one's outcome and the
application's. Police certificates are followed up per person and country
(``police_certificates``), and a requested certificate holds the decision up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.choices import PersonRole, Status
from portique.applications.people import selectors as people_selectors
from portique.applications.selectors import correspondent_of
from portique.applications.services import application_evaluate
from portique.documents.choices import DocumentState, Purpose
from portique.documents.labels import country_name
from portique.documents.models import Document
from portique.rules import fees
from portique.rules.reasons import Reason
from portique.rules.sponsorship import decisions as rules
from portique.rules.sponsorship.evidence import Custody

from . import services
from .choices import (
    DecisionOutcome,
    EventKind,
    LetterKind,
    PersonOutcome,
    PoliceCertificateState,
)
from .models import (
    Decision,
    DocumentRequest,
    PersonDecision,
    PoliceCertificate,
    QuebecUndertaking,
    SponsorAssessment,
)

EXAMINED_ROLES = (PersonRole.PRINCIPAL_APPLICANT, PersonRole.DEPENDENT_CHILD)


def _messages(found: list[Reason] | tuple[Reason, ...], language: str) -> list[str]:
    return [reason.message(language) for reason in found]


def _language() -> str:
    from django.utils.translation import get_language

    return (get_language() or "en")[:2]


def _police_messages(rows, *, on: date, approving: bool):
    by_key = {f"{row.certificate.person}/{row.certificate.country}": row for row in rows}
    found = rules.police_blockers(tuple(row.certificate for row in rows), on=on, approving=approving)
    language = _language()
    return [(by_key[reason.subject], reason.message(language)) for reason in found]


# --- Who is who --------------------------------------------------------------------------------


def _imm0008(person) -> dict[str, Any]:
    answers = person.answers.get("IMM0008") if isinstance(person.answers, dict) else None
    return answers if isinstance(answers, dict) else {}


def person_name(person) -> str:
    """The person's name as their form gives it, else their role (``people_selectors.person_name``)."""
    return people_selectors.person_name(person) or str(person.get_role_display())


def accompanying(person) -> bool:
    if person.role == PersonRole.PRINCIPAL_APPLICANT:
        return True
    dependant = _imm0008(person).get("dependant") or {}
    return dependant.get("accompanying", True) is not False


def declared_custody(person) -> str:
    """The custody the IMM 0008 gives for a child ("" when not answered)."""
    value = (_imm0008(person).get("dependant") or {}).get("custody")
    return value if value in {c.value for c in Custody} else ""


def examined_people(application) -> list:
    """The principal applicant and every family member: the people a decision covers (SP-116)."""
    return [person for person in application.people.order_by("position") if person.role in EXAMINED_ROLES]


def _sponsor(application):
    return application.people.filter(role=PersonRole.SPONSOR).first()


def sponsor_resides_in_quebec(application) -> bool:
    sponsor = _sponsor(application)
    if sponsor is None:
        return False
    return ((sponsor.answers.get("IMM1344") or {}).get("sponsor") or {}).get("resides_in_quebec") is True


# --- The Quebec step (SP-70) ---------------------------------------------------------------------


def quebec_state(application) -> rules.QuebecStep:
    assessment = SponsorAssessment.objects.filter(application=application).first()
    undertaking = QuebecUndertaking.objects.filter(application=application).first()
    return rules.quebec_step(
        sponsor_resides_in_quebec=sponsor_resides_in_quebec(application),
        sponsor_approved=assessment.approved if assessment else None,
        undertaking_requested=undertaking is not None,
        quebec_approved=undertaking.quebec_approved if undertaking else None,
    )


def _sponsor_addressee(application) -> dict[str, Any]:
    # The sponsor as IMM 1344 gives them; what the form leaves out comes from whoever the
    # department writes to (the account holder, or a paper application's intake).
    sponsor = _sponsor(application)
    about = ((sponsor.answers.get("IMM1344") or {}).get("sponsor") or {}) if sponsor else {}
    correspondent = correspondent_of(application)
    return {
        "name": person_name(sponsor) if sponsor else correspondent.name,
        "address": [about["address"]] if about.get("address") else list(correspondent.mailing_address),
        "email": correspondent.email,
    }


def _quebec_request(*, stored, application, actor, on: date) -> QuebecUndertaking:
    """Federal approval: tell the sponsor to give the Quebec undertaking (SP-70)."""
    return services.save_with_letter(
        QuebecUndertaking(application=application, requested_on=on, requested_by=actor),
        stored=stored,
        kind=LetterKind.QUEBEC_UNDERTAKING,
        actor=actor,
        on=on,
        context={"to": _sponsor_addressee(application)},
        event=EventKind.QUEBEC_REQUESTED,
        detail="federal approval; Quebec undertaking requested (SP-70)",
    )


def quebec_decision_record(
    *,
    actor,
    public_id,
    approved: bool | None,
    decided_on: date | None,
    reference: str,
    notes: str = "",
    on: date,
) -> QuebecUndertaking:
    """Record Quebec's decision on the sponsor's undertaking, as Quebec gave it (date and reference)."""
    services.require(actor, *services.PROCESS)
    errors: dict[str, list] = {}
    reference = (reference or "").strip()
    notes = (notes or "").strip()
    if approved is None:
        errors["quebec_decision"] = [_("Say whether Quebec approved or refused the undertaking.")]
    if decided_on is None:
        errors["decided_on"] = [
            _("Enter the date of Quebec's decision as year, month and day, for example 2027-01-15.")
        ]
    elif decided_on > on:
        errors["decided_on"] = [_("The date cannot be in the future.")]
    if not reference:
        errors["reference"] = [_("Give Quebec's reference for its decision.")]
    if approved is False and not notes:
        errors["notes"] = [
            _("Give Quebec's reasons for refusing the undertaking: the refusal letter states them.")
        ]
    if errors:
        raise services.CaseworkError(errors)
    with transaction.atomic():
        application = services.locked_case(public_id=public_id, at=services.PROCESSING)
        undertaking = QuebecUndertaking.objects.select_for_update().filter(application=application).first()
        if undertaking is None:
            raise services.CaseworkError.at(
                "", _("Quebec was not asked for an undertaking on this application.")
            )
        if undertaking.quebec_approved is not None:
            raise services.CaseworkError.at("", _("Quebec's decision is already recorded."))
        if decided_on < undertaking.requested_on:
            raise services.CaseworkError.at(
                "decided_on", _("The date cannot be before the undertaking was requested.")
            )
        undertaking.quebec_approved = approved
        undertaking.quebec_decided_on = decided_on
        undertaking.quebec_reference = reference
        undertaking.quebec_notes = notes
        undertaking.recorded_by = actor
        undertaking.recorded_at = timezone.now()
        undertaking.save(
            update_fields=[
                "quebec_approved",
                "quebec_decided_on",
                "quebec_reference",
                "quebec_notes",
                "recorded_by",
                "recorded_at",
            ]
        )
        services.record_event(
            application=application,
            kind=EventKind.QUEBEC_DECIDED,
            actor=actor,
            detail=f"{'approved' if approved else 'refused'} by Quebec on {decided_on.isoformat()} ({reference})",
        )
    return undertaking


def not_examined(person):
    """Why ``person`` gets no medical instructions, or None.

    Every family member of the principal applicant is examined, accompanying or not
    (SP-115, SP-116); the sponsor and the parent or guardian who signs are not applicants.
    """
    if person.role in ("sponsor", "parent_or_guardian"):
        return _(
            "Only the principal applicant and the family members are examined, not the sponsor or the guardian."
        )
    return None


def _imm1344_choice(application) -> str:
    sponsor = application.people.filter(role="sponsor").first()
    choice = (
        ((sponsor.answers.get("IMM1344") or {}).get("question_1") or {}).get("choice") if sponsor else None
    )
    return choice if choice in ("withdraw", "proceed") else ""


def sponsor_assess(*, actor, public_id, approved: bool, reasons: str = "", on: date) -> SponsorAssessment:
    """Approve the sponsor, or refuse them with reasons and apply their IMM 1344 question 1 choice."""
    services.require(actor, services.DECIDE)
    reasons = (reasons or "").strip()
    if not approved and not reasons:
        raise services.CaseworkError.at(
            "reasons",
            _("Give the reasons for refusing the sponsor: the letter explains them to the applicant."),
        )
    with services.atomic() as stored:
        application = services.locked_case(public_id=public_id)
        if not application.definition.sponsored:
            raise services.CaseworkError.at("", _("Only a sponsorship has a sponsor to assess."))
        services.require_stage(application, services.PROCESSING)
        if SponsorAssessment.objects.filter(application=application).exists():
            raise services.CaseworkError.at("", _("The sponsor has already been assessed."))
        choice = "" if approved else _imm1344_choice(application)
        assessment = SponsorAssessment.objects.create(
            application=application,
            approved=approved,
            reasons=reasons,
            imm1344_choice=choice,
            assessed_by=actor,
        )
        services.record_event(
            application=application,
            kind=EventKind.DECIDED,
            actor=actor,
            detail="sponsor approved"
            if approved
            else f"sponsor refused; IMM 1344 question 1: {choice or 'none'}",
        )
        if approved and sponsor_resides_in_quebec(application):
            # SP-70: the federal requirements are met; the sponsor now gives Quebec's undertaking.
            _quebec_request(stored=stored, application=application, actor=actor, on=on)
        elif choice != "withdraw":
            # IMM 5289 — "Répondants": the sponsor is told of the assessment by letter; refused,
            # the letter explains why. (A withdrawal's letter and the Quebec letter say it already.)
            services.issue_letter(
                stored=stored,
                application=application,
                kind=LetterKind.SPONSOR_ASSESSMENT,
                actor=actor,
                on=on,
                context={"assessment": assessment, "to": _sponsor_addressee(application)},
            )
        if choice == "withdraw":
            # SP-48, SP-202: withdrawn at the sponsor's choice, every fee back but the sponsorship fee.
            refund = services.refund(
                application,
                event=fees.RefundEvent.SPONSOR_WITHDRAWS_NOT_ELIGIBLE,
                on=services.application_date(application),
            )
            decision = Decision(
                application=application,
                outcome=DecisionOutcome.WITHDRAWN,
                reasons=reasons,
                refund=refund,
                decided_by=actor,
            )
            services.decision_save(
                decision,
                stored=stored,
                kind=LetterKind.WITHDRAWAL,
                actor=actor,
                on=on,
                context={"decision": decision, "refund": refund},
                to_status=Status.WITHDRAWN,
                reason="sponsor refused; withdrawn",
            )
    return assessment


# --- Police certificates (SP-185) ---------------------------------------------------------------


@dataclass
class CertificateRow:
    """One required police certificate as the officer sees it."""

    person: Any
    name: str
    certificate: rules.Certificate
    follow_up: PoliceCertificate | None

    @property
    def state_label(self) -> str:
        return PoliceCertificateState(self.certificate.state.value).label


def police_certificates(application, *, evaluation=None) -> list[CertificateRow]:
    """Every police certificate the rules require (on the application date), per person and
    country, with where it stands: provided with the application, a letter of explanation
    instead, requested, received or an explanation accepted."""
    if not application.definition.sponsored or application.submitted_at is None:
        return []
    evaluation = evaluation or application_evaluate(
        application=application, on=services.application_date(application)
    )
    required: dict[str, list[str]] = evaluation.details.get("police_certificates") or {}
    if not any(required.values()):
        return []
    people = {f"p{person.position}": person for person in application.people.all()}
    provided = set(
        Document.objects.filter(
            application=application, state=DocumentState.CURRENT, purpose=Purpose.EVIDENCE
        ).values_list("person_position", "item_code")
    )
    # "I cannot provide it": a standing explanation, as text or as a letter (IMM 5289 — Lettre d'explication).
    explained = set(
        application.document_explanations.filter(withdrawn_at__isnull=True).values_list(
            "person_position", "item_code"
        )
    )
    follow_ups = {
        (row.person_id, row.country): row
        for row in PoliceCertificate.objects.filter(application=application).select_related("request")
    }
    rows = []
    for key, countries in required.items():
        person = people.get(key)
        if person is None:
            continue
        for country in countries:
            follow_up = follow_ups.get((person.pk, country))
            item = f"POLICE_CERTIFICATE_{country}"
            due_on = None
            if follow_up is not None:
                state = rules.CertificateState(follow_up.state)
                due_on = follow_up.request.due_on if follow_up.request else None
            elif (person.position, item) in provided:
                state = rules.CertificateState.PROVIDED
            elif (person.position, item) in explained:
                state = rules.CertificateState.EXPLANATION_GIVEN
            else:
                state = rules.CertificateState.NOT_PROVIDED
            rows.append(
                CertificateRow(
                    person=person,
                    name=person_name(person),
                    certificate=rules.Certificate(person=key, country=country, state=state, due_on=due_on),
                    follow_up=follow_up,
                )
            )
    return rows


def _certificate(application, *, position: int, country: str) -> CertificateRow:
    country = (country or "").strip().upper()
    for row in police_certificates(application):
        if row.person.position == position and row.certificate.country == country:
            return row
    raise services.CaseworkError.at(
        "", _("The rules require no police certificate from this country for this person.")
    )


def police_certificate_request(
    *, actor, public_id, position: int, country: str, due_on: date | None, on: date
) -> PoliceCertificate:
    """Ask for a missing police certificate by a deadline: a request the applicant answers in their
    account, with its letter (X-13, SP-225)."""
    services.require(actor, *services.PROCESS)
    if due_on is None:
        raise services.CaseworkError.at(
            "due_on", _("Enter the deadline as year, month and day, for example 2027-01-15.")
        )
    if due_on <= on:
        raise services.CaseworkError.at("due_on", _("The deadline must be after today."))
    with services.atomic() as stored:
        application = services.locked_case(public_id=public_id, at=services.PROCESSING)
        row = _certificate(application, position=position, country=country)
        if row.certificate.state not in (
            rules.CertificateState.NOT_PROVIDED,
            rules.CertificateState.EXPLANATION_GIVEN,
        ):
            raise services.CaseworkError.at(
                "", _("This police certificate is already provided, requested or accounted for.")
            )
        country = row.certificate.country
        # The applicant reads it: the country's name in both languages, never its code.
        description = (
            f"Police certificate from {country_name(country, 'en')} for {row.name} (IMM 5289 — Police certificates).\n"
            f"Certificat de police ({country_name(country, 'fr')}) pour {row.name} (IMM 5289 — Certificats de police)."
        )
        request = DocumentRequest(
            application=application, description=description, due_on=due_on, requested_by=actor
        )
        services.save_with_letter(
            request,
            stored=stored,
            kind=LetterKind.REQUEST,
            actor=actor,
            on=on,
            context={"request": request},
            event=EventKind.POLICE_REQUESTED,
            detail=f"person {position}, {country}, due {due_on.isoformat()}",
        )
        services.deadline_refresh(application)
        follow_up = PoliceCertificate.objects.create(
            application=application,
            person=row.person,
            country=country,
            state=PoliceCertificateState.REQUESTED,
            request=request,
            recorded_by=actor,
        )
    return follow_up


def police_certificate_record_received(
    *, actor, public_id, position: int, country: str, received_on: date | None, on: date
) -> PoliceCertificate:
    """Record that a police certificate not provided with the application has been received."""
    services.require(actor, *services.PROCESS)
    services.past_date(received_on, "received_on", on=on)
    return _certificate_close(
        actor=actor,
        public_id=public_id,
        position=position,
        country=country,
        state=PoliceCertificateState.RECEIVED,
        event=EventKind.POLICE_RECEIVED,
        detail=f", {received_on.isoformat()}",
        received_on=received_on,
    )


def police_certificate_accept_explanation(*, actor, public_id, position: int, country: str, note: str):
    """Accept a letter of explanation in place of a police certificate (« la décision définitive
    revient à l'agent », IMM 5289 — Lettre d'explication), with the officer's reasons."""
    services.require(actor, *services.PROCESS)
    note = services.required_text(note, "note", _("Say why the explanation is accepted."))
    return _certificate_close(
        actor=actor,
        public_id=public_id,
        position=position,
        country=country,
        state=PoliceCertificateState.EXPLANATION_ACCEPTED,
        event=EventKind.POLICE_EXPLANATION_ACCEPTED,
        detail=f": {note}",
        note=note,
    )


def _certificate_close(
    *, actor, public_id, position: int, country: str, state, event: EventKind, detail: str, **recorded
) -> PoliceCertificate:
    """Account for a police certificate not yet in hand (``state``: received, or its letter of
    explanation accepted), with who recorded it and when; ``detail`` ends the event's text."""
    with transaction.atomic():
        application = services.locked_case(public_id=public_id, at=services.PROCESSING)
        row = _certificate(application, position=position, country=country)
        if row.certificate.state not in (
            rules.CertificateState.NOT_PROVIDED,
            rules.CertificateState.EXPLANATION_GIVEN,
            rules.CertificateState.REQUESTED,
        ):
            raise services.CaseworkError.at(
                "", _("This police certificate is already provided or accounted for.")
            )
        follow_up = row.follow_up or PoliceCertificate(
            application=application, person=row.person, country=row.certificate.country
        )
        follow_up.state = state
        for field, value in recorded.items():
            setattr(follow_up, field, value)
        follow_up.recorded_by = actor
        follow_up.recorded_at = timezone.now()
        follow_up.save()
        services.record_event(
            application=application,
            kind=event,
            actor=actor,
            detail=f"person {position}, {row.certificate.country}{detail}",
        )
    return follow_up


# --- The decision, per person -------------------------------------------------------------------


@dataclass(frozen=True)
class PersonFinding:
    """The decision-maker's finding about one person: meets the requirements (admissible) or not,
    with their reasons; for a non-accompanying child, who has custody."""

    meets_requirements: bool | None
    reasons: str = ""
    custody: str = ""


def _examined(person, finding: PersonFinding | None) -> rules.Examined:
    finding = finding or PersonFinding(meets_requirements=None)
    custody_value = finding.custody or declared_custody(person)
    return rules.Examined(
        person=f"p{person.position}",
        relation=rules.Relation.PRINCIPAL_APPLICANT
        if person.role == PersonRole.PRINCIPAL_APPLICANT
        else rules.Relation.DEPENDENT_CHILD,
        accompanying=accompanying(person),
        meets_requirements=finding.meets_requirements,
        custody=Custody(custody_value) if custody_value else None,
    )


def decision_blockers(application, *, approving: bool, on: date, sponsorship_fails: bool = False) -> list:
    """Why no decision can be made on a sponsorship now (messages in the current language).

    ``sponsorship_fails``: the sponsor was refused (and proceeded) or Quebec refused; the
    refusal follows whatever the people's police certificates show, so they hold nothing up.
    """
    if approving:
        # Everything an approval waits for, the sponsor's side included (``casework.readiness``).
        from .readiness import readiness

        return readiness(application, on=on).missing
    waiting = []
    assessment = SponsorAssessment.objects.filter(application=application).first()
    if assessment is None:
        waiting.append(_("The sponsor has not been assessed yet: the sponsor is assessed first."))
    language = _language()
    waiting.extend(_messages(rules.quebec_blockers(quebec_state(application)), language))
    if not sponsorship_fails:
        waiting.extend(
            f"{row.name}: {message}"
            for row, message in _police_messages(police_certificates(application), on=on, approving=approving)
        )
    return waiting


def sponsorship_decide(
    *, actor, public_id, findings: dict[int, PersonFinding], on: date, letter_by_task: bool = False
) -> Decision:
    """Decide a sponsorship's application for permanent residence, person by person.

    ``findings`` maps each examined person's position to the decision-maker's finding. The
    rules give each person's outcome and the application's (the principal applicant's);
    nothing is decided while the sponsor is not assessed, Quebec has not answered, or a
    police certificate is outstanding (and, for an approval, while any other work is awaited).
    ``letter_by_task``: the letter is made by a task worker after the commit (bulk approval).
    """
    services.require(actor, services.DECIDE)
    errors: dict[str, list] = {}
    for position, finding in findings.items():
        if finding.meets_requirements is False and not (finding.reasons or "").strip():
            errors[f"reasons-{position}"] = [
                _("Give the reasons: the letter explains them to the applicant.")
            ]
        if finding.custody and finding.custody not in {c.value for c in Custody}:
            errors[f"custody-{position}"] = [_("Choose who has custody of the child.")]
    if errors:
        raise services.CaseworkError(errors)
    with services.atomic() as stored:
        application = services.locked_case(public_id=public_id)
        if not application.definition.decided_per_person:
            raise services.CaseworkError.at("", _("Only a sponsorship is decided person by person."))
        services.require_stage(application, services.PROCESSING)
        assessment = SponsorAssessment.objects.filter(application=application).first()
        people = examined_people(application)
        step = quebec_state(application)
        family = rules.decide_family(
            people=tuple(_examined(person, findings.get(person.position)) for person in people),
            sponsor_meets_requirements=assessment.approved if assessment else True,
            refused_by_quebec=step is rules.QuebecStep.REFUSED_BY_QUEBEC,
        )
        language = _language()
        if family.missing:
            by_subject: dict[str, list] = {}
            for found in family.missing:
                by_subject.setdefault(f"person-{(found.subject or 'p')[1:]}", []).append(
                    found.message(language)
                )
            raise services.CaseworkError(by_subject)
        waiting = decision_blockers(
            application,
            approving=family.approved,
            on=on,
            sponsorship_fails=(assessment is not None and not assessment.approved)
            or step is rules.QuebecStep.REFUSED_BY_QUEBEC,
        )
        if waiting:
            raise services.CaseworkError({"": [_("No decision can be made yet:"), *waiting]})
        outcome = DecisionOutcome.APPROVED if family.approved else DecisionOutcome.REFUSED
        refund: dict[str, Any] = {}
        if outcome == DecisionOutcome.REFUSED:
            # SP-200: the right of permanent residence fee comes back when PR is not obtained.
            refund = services.refund(
                application, event=fees.RefundEvent.REFUSED, on=services.application_date(application)
            )
        by_position = {f"p{person.position}": person for person in people}
        rows = []
        for decided in family.people:
            person = by_position[decided.person]
            finding = findings.get(person.position) or PersonFinding(meets_requirements=None)
            rows.append(
                PersonDecision(
                    person=person,
                    accompanying=accompanying(person),
                    meets_requirements=finding.meets_requirements,
                    findings=(finding.reasons or "").strip(),
                    custody=finding.custody or (declared_custody(person) if not accompanying(person) else ""),
                    outcome=PersonOutcome(decided.outcome.value),
                    reasons=[found.as_dict() for found in decided.reasons],
                )
            )
        summary = "\n".join(f"{person_name(row.person)}: {row.findings}" for row in rows if row.findings)
        decision = Decision(
            application=application, outcome=outcome, reasons=summary, refund=refund, decided_by=actor
        )
        services.decision_save(
            decision,
            stored=stored,
            kind=LetterKind.APPROVAL if family.approved else LetterKind.REFUSAL,
            actor=actor,
            on=on,
            context={
                "decision": decision,
                "refund": refund,
                "people": [letter_row(row) for row in rows],
                "quebec": QuebecUndertaking.objects.filter(application=application).first(),
            },
            to_status=Status.APPROVED if family.approved else Status.REFUSED,
            reason="; ".join(f"p{row.person.position} {row.outcome}" for row in rows),
            letter_by_task=letter_by_task,
        )
        for row in rows:
            row.decision = decision
            row.save()
        services.record_event(
            application=application,
            kind=EventKind.DECIDED,
            actor=actor,
            detail=", ".join(f"person {row.person.position}: {row.outcome}" for row in rows),
        )
    return decision


def letter_row(row: PersonDecision) -> dict[str, Any]:
    """One person's outcome for the letter: the template picks the language."""
    from django.utils import translation

    labels = {}
    for language in ("en", "fr"):
        with translation.override(language):
            labels[language] = str(PersonOutcome(row.outcome).label)
    return {
        "name": person_name(row.person),
        "role": row.person.role,
        "outcome": row.outcome,
        "label_en": labels["en"],
        "label_fr": labels["fr"],
        "reasons": row.reasons,
        "findings": row.findings,
    }
