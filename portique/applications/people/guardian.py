"""Who signs a PR card application, and the page step for the parent or guardian of a minor.

The rules decide (``portique.rules.programs.pr_card_guardian``): the applicant signs; an
applicant under 18 on the application date is signed for by the declared parent or legal
guardian, who types their own passport name (ACT-56, SP-210). This module reads the
application's rows for the services (``application_sign``, ``submission_blockers``) and
for the application pages (the applicant's, the representative's and the client's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portique.rules import signatures as signature_rules
from portique.rules.programs import pr_card_guardian as rules
from portique.rules.reasons import Reason, Severity

from ..choices import PersonRole
from ..models import Application, Person
from ..selectors import section_state


def guardian_of(application: Application) -> Person | None:
    return next((p for p in application.people.all() if p.role == PersonRole.PARENT_OR_GUARDIAN), None)


def applicant_name(application: Application) -> str:
    principal = next(p for p in application.people.all() if p.role == PersonRole.PRINCIPAL_APPLICANT)
    personal = (principal.answers.get("IMM5444") or {}).get("personal") or {}
    if not isinstance(personal, dict):
        return ""
    return " ".join(str(part) for part in (personal.get("given_names"), personal.get("family_name")) if part)


def guardian_name(person: Person) -> str:
    name = rules.passport_name(person.answers)
    return " ".join(p for p in (name.given_names, name.surname) if p) if name is not None else ""


@dataclass(frozen=True)
class Signer:
    """Who types their name to sign: the applicant, or the declared parent or guardian."""

    person: Person | None  # None: a minor's parent or guardian is not declared yet
    passport_name: signature_rules.PassportName | None
    by_guardian: bool
    reasons: tuple[Reason, ...]


def signer_for(application: Application, *, on: date, born: date | None, applicant_name: signature_rules.PassportName) -> Signer:
    """The person whose passport name the typed signature must match on ``on``."""
    principal = next(p for p in application.people.all() if p.role == PersonRole.PRINCIPAL_APPLICANT)
    if not rules.is_minor(born, on):
        return Signer(principal, applicant_name, False, ())
    guardian = guardian_of(application)
    if guardian is None:
        return Signer(None, None, True, (rules.not_declared(),))
    return Signer(guardian, rules.passport_name(guardian.answers), True, ())


@dataclass(frozen=True)
class GuardianStep:
    """The application page's "Parent or legal guardian who signs" step."""

    child_name: str
    person: Person | None
    section_code: str
    state: str  # "complete", "incomplete" or "not_started"
    # Said on the step: a guardian declared for an applicant who signs themselves.
    problems: tuple[Reason, ...]


def guardian_step(application: Application, *, evaluation, on: date, born: date | None) -> GuardianStep | None:
    """The step, shown when the applicant is under 18 on ``on`` or a guardian is declared."""
    guardian = guardian_of(application)
    if not rules.is_minor(born, on) and guardian is None:
        return None
    state = "not_started"
    if guardian is not None:
        prefix = f"p{guardian.position}/{rules.FORM_CODE}/"
        open_ = [
            f for f in evaluation.form_findings
            if f.severity is Severity.BLOCKING and (f.subject or "").startswith(prefix)
        ]
        given = (guardian.answers.get(rules.FORM_CODE) or {}).get(rules.GUARDIAN_SECTION.code)
        state = section_state(is_open=bool(open_), given=given)
    problems = tuple(
        f
        for f in evaluation.findings
        if f.code == "GUARDIAN_NOT_NEEDED" and guardian is not None and f.subject == f"p{guardian.position}"
    )
    return GuardianStep(
        child_name=applicant_name(application),
        person=guardian,
        section_code=rules.GUARDIAN_SECTION.code,
        state=state,
        problems=problems,
    )
